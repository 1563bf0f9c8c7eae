#include "engine/chunk_checks.hpp"

#include <algorithm>
#include <atomic>
#include <deque>
#include <map>
#include <set>

#include "chunks/shard_bytes.hpp"
#include "chunks/v2_decode.hpp"
#include "chunks/v3_decode.hpp"
#include "engine/chunk_array_plan.hpp"
#include "engine/chunk_pass_hooks.hpp"
#include "engine/documents.hpp"
#include "engine/parallel_drain.hpp"
#include "rules/catalogue.hpp"

namespace ozv {
namespace {

// One rule per kind of problem, so that a report can be filtered by what went wrong.
const char* rule_for(ChunkProblem::Kind kind) {
  switch (kind) {
    case ChunkProblem::Kind::decode_failed: return "CHUNK-DECODE-001";
    case ChunkProblem::Kind::size_mismatch: return "CHUNK-SIZE-001";
    case ChunkProblem::Kind::checksum_mismatch: return "CHUNK-CRC32C-001";
    case ChunkProblem::Kind::header_claims_too_much: return "CHUNK-HEADER-001";
    case ChunkProblem::Kind::unsupported_codec: return "CHUNK-CODEC-001";
    case ChunkProblem::Kind::invalid_configuration: return "CHUNK-CONFIG-001";
    case ChunkProblem::Kind::chunk_too_large: return "CHUNK-LIMIT-001";
    case ChunkProblem::Kind::shard_index_truncated: return "CHUNK-SHARD-001";
    case ChunkProblem::Kind::shard_entry_out_of_bounds: return "CHUNK-SHARD-002";
    case ChunkProblem::Kind::shard_entry_overlaps_index: return "CHUNK-SHARD-003";
    case ChunkProblem::Kind::shard_entries_overlap: return "CHUNK-SHARD-004";
    case ChunkProblem::Kind::shard_entry_half_empty: return "CHUNK-SHARD-005";
  }
  return "CHUNK-DECODE-001";
}

Finding problem_finding(const ChunkProblem& problem, const std::string& key) {
  std::string where = "the stored value";
  if (problem.byte_range) {
    where = "bytes " + std::to_string(problem.byte_range->first) + "-" + std::to_string(problem.byte_range->second);
  }
  return Finding{rule_for(problem.kind), {key, ""}, {{"detail", problem.detail}, {"where", where}}};
}

// Documents with a Zarr-level error of their own: their arrays are not decoded. OME-NGFF
// findings at an array's document (dimension_names against the axes, say) do not make its
// chunks unreadable, so they do not count.
std::set<std::string> keys_with_errors(const Findings& findings) {
  const auto& catalogue = Catalogue::builtin();
  std::set<std::string> keys;
  for (const auto& f : findings) {
    if (f.rule.starts_with("NGFF-")) continue;
    const Rule* rule = catalogue.find(f.rule);
    if (rule != nullptr && rule->severity >= Severity::error) keys.insert(f.location.key);
  }
  return keys;
}

Listing list_or_empty(Store& store, const std::string& prefix, Findings& out) {
  try {
    return store.list_dir(prefix);
  } catch (const StoreError& e) {
    out.push_back(finding_from(e));
    return {};
  }
}

// The decoding plan of every array the walk found whose metadata has no Zarr-level error.
std::vector<ChunkArrayPlan> plan_arrays(Store& store, int zarr_format, const std::vector<std::string>& arrays,
                                        const ValidateOptions& options, const std::set<std::string>& skip) {
  std::vector<ChunkArrayPlan> plans;
  for (const auto& prefix : arrays) {
    const std::string key = join_key(prefix, zarr_format == 3 ? "zarr.json" : ".zarray");
    if (skip.count(key) != 0) continue;
    Findings reported_before;  // the walk read the same document and said what is wrong with it
    auto doc = parse_json_document(store, key, options.json_limits, reported_before);
    if (!doc) continue;
    if (auto plan = plan_chunk_checks(*doc, zarr_format, prefix, key)) plans.push_back(std::move(*plan));
  }
  return plans;
}

struct ArrayKeys {
  std::deque<std::string> chunks;  // relative keys to read
  bool listed = false;             // chunks came from a listing (absent ones are not in it)
  bool truncated = false;          // the key limit was reached: the count of absent chunks is unknown
};

bool is_metadata_name(const ChunkArrayPlan& plan, const std::string& relative) {
  if (plan.zarr_format == 3) return relative == "zarr.json";
  return relative == ".zarray" || relative == ".zattrs";
}

// Every key stored under the array (bounded): grid keys to read, the others reported.
ArrayKeys gather_keys(Store& store, const ChunkArrayPlan& plan, const ChunkCheckLimits& limits, Findings& out) {
  ArrayKeys keys;
  std::size_t seen = 0;
  auto over_limit = [&] {
    if (++seen <= limits.keys_per_array) return false;
    keys.truncated = true;
    out.push_back(Finding{"CHUNK-SCAN-001", {plan.metadata_key, ""},
                          {{"limit", std::to_string(limits.keys_per_array)}}});
    return true;
  };
  if (!store.capabilities().list) {
    if (!plan.total || *plan.total == 0) return keys;
    std::vector<std::uint64_t> index(plan.keys.grid.size(), 0);
    do {
      if (over_limit()) break;
      keys.chunks.push_back(chunk_key(plan.keys, index));
    } while (next_grid_index(plan.keys.grid, index));
    return keys;
  }
  keys.listed = true;
  const std::string example = chunk_key(plan.keys, std::vector<std::uint64_t>(plan.keys.grid.size(), 0));
  std::deque<std::string> pending{""};  // directories relative to the array
  while (!pending.empty()) {
    const std::string dir = pending.front();
    pending.pop_front();
    const auto listing = list_or_empty(store, join_key(plan.prefix, dir), out);
    for (const auto& file : listing.files) {
      if (over_limit()) return keys;
      const std::string relative = join_key(dir, file);
      if (dir.empty() && is_metadata_name(plan, relative)) continue;
      if (is_grid_key(plan.keys, relative)) {
        keys.chunks.push_back(relative);
      } else {
        out.push_back(Finding{"CHUNK-KEY-001", {join_key(plan.prefix, relative), ""},
                              {{"array", plan.metadata_key}, {"example", example}}});
      }
    }
    for (const auto& sub : listing.dirs) {
      if (over_limit()) return keys;
      pending.push_back(join_key(dir, sub));
    }
  }
  return keys;
}

struct WorkerOutput {
  Findings findings;
  std::uint64_t absent = 0;
  DecodeScratch scratch;  // this worker's decoded-byte buffers, reused from chunk to chunk
};

// Shards at least this large are read piece by piece when the plan allows it (smaller ones in
// one access): the whole shard never sits in memory, and each inner chunk is decoded while its
// bytes are still in the processor's cache.
constexpr std::uint64_t kShardPiecesFrom = 4 << 20;

void report_decoded(DecodedChunk decoded, const ChunkArrayPlan& plan, const std::string& key, WorkerOutput& o,
                    ChunkPassHooks& hooks) {
  hooks.chunk_decoded(plan, key, decoded);
  if (decoded.data) o.scratch.give(std::move(*decoded.data));
  for (const auto& problem : decoded.problems) {
    // An unknown codec is a fact about the array, not about each chunk: said at its metadata.
    const std::string& at = problem.kind == ChunkProblem::Kind::unsupported_codec ? plan.metadata_key : key;
    o.findings.push_back(problem_finding(problem, at));
  }
}

void check_one_chunk(Store& store, const ChunkArrayPlan& plan, const std::string& relative,
                     const ChunkCheckLimits& limits, WorkerOutput& o, ChunkPassHooks& hooks) {
  const std::string key = join_key(plan.prefix, relative);
  // Stored bytes may exceed the decoded size a little (headers, checksums, a shard index),
  // never by more than the decoded size itself.
  const std::uint64_t stored_cap = limits.decode.max_decoded_bytes * 2;
  std::optional<BoundedValue> value;
  bool by_pieces = false;  // a large shard: only its size is known yet
  try {
    if (plan.shards_by_pieces && store.capabilities().get_range) {
      const auto size = store.size(key);
      by_pieces = size && *size >= kShardPiecesFrom && *size <= stored_cap;
      if (by_pieces) value = BoundedValue{*size, std::nullopt};
    }
    if (!by_pieces) value = store.get_bounded(key, stored_cap);
  } catch (const StoreError& e) {
    o.findings.push_back(finding_from(e));
    return;
  }
  hooks.chunk_read(value ? value->size : 0);
  if (!value) {
    ++o.absent;
    return;
  }
  if (by_pieces) {
    StoreShardBytes pieces(store, key, value->size);
    try {
      report_decoded(decode_v3_shard(plan.metadata, pieces, plan.chunk_shape, plan.layout, {}, limits.decode, &o.scratch),
                     plan, key, o, hooks);
    } catch (const StoreError& e) {
      o.findings.push_back(finding_from(e));
    }
    return;
  }
  if (!value->bytes) {
    ChunkProblem too_large{ChunkProblem::Kind::chunk_too_large,
                           "the stored value has " + std::to_string(value->size) + " bytes, more than the " +
                               std::to_string(stored_cap) + " this check reads",
                           std::nullopt};
    o.findings.push_back(problem_finding(too_large, key));
    return;
  }
  report_decoded(plan.zarr_format == 2
                     ? decode_v2_chunk(plan.metadata, *value->bytes, limits.decode, &o.scratch)
                     : decode_v3_chunk(plan.metadata, *value->bytes, plan.chunk_shape, plan.layout, {}, limits.decode,
                                       &o.scratch),
                 plan, key, o, hooks);
}

// Keeps the first `cap` findings of each rule (in key order, so the choice does not depend on
// the threads) and counts the rest in one TARGET-002 at the array's metadata.
void append_capped(Findings findings, const ChunkArrayPlan& plan, std::size_t cap, Findings& out) {
  auto order = [](const Finding& a, const Finding& b) {
    return std::tie(a.rule, a.location, a.values) < std::tie(b.rule, b.location, b.values);
  };
  std::sort(findings.begin(), findings.end(), order);
  std::map<std::string, std::size_t> per_rule;
  for (auto& f : findings) {
    // One unsupported-codec finding per array, whichever chunk showed it first.
    const std::size_t rule_cap = f.rule == "CHUNK-CODEC-001" ? 1 : cap;
    if (++per_rule[f.rule] <= rule_cap) out.push_back(std::move(f));
  }
  for (const auto& [rule, count] : per_rule) {
    if (count <= cap || rule == "CHUNK-CODEC-001") continue;
    out.push_back(Finding{"TARGET-002", {plan.metadata_key, ""}, {{"rule", rule}, {"count", std::to_string(count - cap)}}});
  }
}

void check_array(Store& store, const ChunkArrayPlan& plan, std::size_t workers, const ChunkCheckLimits& limits,
                 bool keeps_data, Findings& out, ChunkPassHooks& hooks) {
  Findings found;
  if (!plan.unsupported.empty()) {
    found.push_back(problem_finding({ChunkProblem::Kind::unsupported_codec, plan.unsupported, std::nullopt},
                                    plan.metadata_key));
    append_capped(std::move(found), plan, limits.findings_per_rule_per_array, out);
    return;
  }
  ArrayKeys keys = gather_keys(store, plan, limits, found);
  const std::uint64_t present = keys.chunks.size();
  std::vector<WorkerOutput> outputs(workers);
  // Decoded pixels are only looked at for label arrays being scanned; elsewhere every
  // chunk is decoded and checked, but a shard is not assembled from its inner chunks.
  ChunkCheckLimits array_limits = limits;
  array_limits.decode.keep_data = limits.decode.keep_data && keeps_data;
  ParallelDrain<std::string> drain;
  drain.run(std::move(keys.chunks), workers, [&](std::string& relative, ParallelDrain<std::string>&, std::size_t w) {
    check_one_chunk(store, plan, relative, array_limits, outputs[w], hooks);
  });
  std::uint64_t absent = 0;
  for (auto& o : outputs) {
    found.insert(found.end(), std::make_move_iterator(o.findings.begin()), std::make_move_iterator(o.findings.end()));
    absent += o.absent;
  }
  // A listing shows what is present; without one, every grid position read says so itself.
  std::optional<std::uint64_t> total = plan.total;
  if (keys.listed) {
    absent += plan.total && *plan.total > present ? *plan.total - present : 0;
  } else {
    total = present;
  }
  if (absent > 0 && total && !keys.truncated) {
    found.push_back(Finding{"CHUNK-MISSING-001", {plan.metadata_key, ""},
                            {{"absent", std::to_string(absent)}, {"total", std::to_string(*total)}}});
  }
  hooks.array_done(plan, found);
  append_capped(std::move(found), plan, limits.findings_per_rule_per_array, out);
}

}  // namespace

void check_chunks(Store& store, int zarr_format, const std::vector<std::string>& arrays,
                  const ValidateOptions& options, const Findings& metadata_findings, Findings& out,
                  const ChunkCheckLimits& limits, const std::vector<LabelArray>& label_arrays) {
  if (zarr_format != 2 && zarr_format != 3) return;
  const auto skip = keys_with_errors(metadata_findings);
  const auto plans = plan_arrays(store, zarr_format, arrays, options, skip);
  const std::size_t workers = worker_count(options.jobs);
  ChunkPassHooks hooks(options, label_arrays, plans);
  for (const auto& plan : plans) check_array(store, plan, workers, limits, hooks.wants_data(plan), out, hooks);
}

}  // namespace ozv
