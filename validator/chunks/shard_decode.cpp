// See shard_decode.hpp. Entries are checked in this order, each stopping at the first that
// applies: empty (both 2^64-1), half-empty, out of bounds (overflow or past the end),
// overlapping the index region. The remaining entries are checked against each other, then
// decoded; every bad one is reported, not only the first.
#include "chunks/shard_decode.hpp"

#include <algorithm>
#include <cstring>
#include <limits>
#include <string>

#include "chunks/capped_problems.hpp"
#include "zarr/checked_math.hpp"
#include "zarr/v3_codec.hpp"
#include "zarr/v3_json_integer.hpp"

namespace ozv::chunks_detail {
namespace {

using Kind = ChunkProblem::Kind;
constexpr std::uint64_t kEmpty = std::numeric_limits<std::uint64_t>::max();

using Range = std::pair<std::uint64_t, std::uint64_t>;

struct Entry {
  std::size_t cell = 0;
  std::uint64_t offset = 0;
  std::uint64_t end = 0;
};

std::uint64_t read_u64_le(std::string_view bytes, std::size_t at) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < 8; ++i) value |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  return value;
}

// The inner-grid coordinates of C-order cell `cell`.
ChunkShape coordinates(std::size_t cell, const ChunkShape& grid) {
  ChunkShape position(grid.size(), 0);
  std::uint64_t rest = cell;
  for (std::size_t i = grid.size(); i-- > 0;) {
    position[i] = rest % grid[i];
    rest /= grid[i];
  }
  return position;
}

std::string label(std::size_t cell, const ChunkShape& grid) {
  const ChunkShape position = coordinates(cell, grid);
  std::string text = "inner chunk (";
  for (std::size_t i = 0; i < position.size(); ++i) text += (i ? "," : "") + std::to_string(position[i]);
  return text + ")";
}

// `count` copies of `element`, written by doubling the filled part (one memset when all of the
// element's bytes are equal, as for every zero fill value).
Bytes filled(std::uint64_t count, std::string_view element) {
  const std::size_t size = static_cast<std::size_t>(count * element.size());
  if (element.empty() || std::all_of(element.begin(), element.end(), [&](char c) { return c == element[0]; }))
    return Bytes(size, element.empty() ? '\0' : element[0]);
  Bytes out(size, '\0');
  std::size_t done = std::min(size, element.size());
  std::memcpy(out.data(), element.data(), done);
  while (done < size) {
    const std::size_t copy = std::min(done, size - done);
    std::memcpy(out.data() + done, out.data(), copy);
    done += copy;
  }
  return out;
}

}  // namespace

DecodedChunk decode_shard(const nlohmann::json& configuration, ShardBytes& stored, const ChunkShape& shard_shape,
                          const V3Context& context) {
  if (context.depth >= context.limits.max_shard_nesting)
    return failed(Kind::invalid_configuration,
                  "sharding nested deeper than " + std::to_string(context.limits.max_shard_nesting) + " levels");
  if (!configuration.is_object()) return failed(Kind::invalid_configuration, "sharding_indexed has no configuration");
  const auto inner = configuration.contains("chunk_shape") ? json_to_u64_list(configuration["chunk_shape"]) : std::nullopt;
  if (!inner || inner->size() != shard_shape.size())
    return failed(Kind::invalid_configuration, "sharding_indexed chunk_shape does not match the shard's dimensions");
  ChunkShape grid(shard_shape.size());
  for (std::size_t i = 0; i < grid.size(); ++i) {
    if ((*inner)[i] == 0 || shard_shape[i] % (*inner)[i] != 0)
      return failed(Kind::invalid_configuration, "sharding_indexed chunk_shape does not divide the shard shape at dimension " +
                                                     std::to_string(i));
    grid[i] = shard_shape[i] / (*inner)[i];
  }
  if (!configuration.contains("codecs") || !configuration.contains("index_codecs"))
    return failed(Kind::invalid_configuration, "sharding_indexed needs codecs and index_codecs");
  const nlohmann::json& inner_codecs = configuration["codecs"];
  const nlohmann::json& index_codecs = configuration["index_codecs"];
  bool index_at_start = false;
  if (configuration.contains("index_location")) {
    const nlohmann::json& location = configuration["index_location"];
    index_at_start = location == "start";
    if (!index_at_start && location != "end")
      return failed(Kind::invalid_configuration, "sharding_indexed index_location is not start or end");
  }

  // The shard's element count bounds the cell count, and the run_v3_chain caller checked it.
  const std::uint64_t cells = checked_product(grid).value_or(0);
  ChunkShape index_shape = grid;
  index_shape.push_back(2);
  const CodecChain index_chain = parse_codec_chain(index_codecs, Representation::array(index_shape, uint64_data_type()));
  const auto index_size = fixed_encoded_size(index_chain);
  if (!index_size)
    return failed(Kind::invalid_configuration, "sharding_indexed index_codecs have no fixed encoded size");
  if (stored.size() < *index_size) {
    DecodedChunk result = failed(Kind::shard_index_truncated, "shard has " + std::to_string(stored.size()) +
                                                                  " bytes, its index needs " + std::to_string(*index_size));
    result.problems.back().byte_range = Range{0, stored.size()};
    return result;
  }
  const Range index_region = index_at_start ? Range{0, *index_size} : Range{stored.size() - *index_size, stored.size()};
  V3Context index_context{ElementLayout{8, 8}, std::string_view("\0\0\0\0\0\0\0\0", 8), context.limits, context.depth};
  index_context.limits.keep_data = true;  // the entries are read from it
  index_context.scratch = nullptr;         // its buffer outlives the loop below, never given back
  Bytes index_holder;
  DecodedChunk index =
      run_v3_chain(index_codecs, stored.read(index_region.first, *index_size, index_holder), index_shape, index_context);
  if (!index.data) {
    for (auto& p : index.problems) {
      p.detail = "shard index: " + p.detail;
      p.byte_range = index_region;
    }
    return index;
  }

  CappedProblems problems(context.limits.max_problems_per_kind);
  // The detail is built only for problems that will be listed.
  const auto report = [&](Kind kind, std::size_t cell, const auto& detail, std::optional<Range> range) {
    if (problems.admit(kind)) problems.push_admitted(ChunkProblem{kind, label(cell, grid) + ": " + detail(), range});
  };
  std::vector<Entry> entries;
  for (std::size_t cell = 0; cell < cells; ++cell) {
    const std::uint64_t offset = read_u64_le(*index.data, 16 * cell);
    const std::uint64_t nbytes = read_u64_le(*index.data, 16 * cell + 8);
    const auto pair = [&] { return "offset " + std::to_string(offset) + ", nbytes " + std::to_string(nbytes); };
    if (offset == kEmpty && nbytes == kEmpty) continue;
    if (offset == kEmpty || nbytes == kEmpty) {
      report(Kind::shard_entry_half_empty, cell, [&] { return pair() + ": exactly one is 2^64-1"; }, std::nullopt);
      continue;
    }
    const auto end = checked_add(offset, nbytes);
    if (!end) {
      report(Kind::shard_entry_out_of_bounds, cell, [&] { return pair() + ": the end overflows 64 bits"; }, std::nullopt);
      continue;
    }
    if (*end > stored.size()) {
      report(Kind::shard_entry_out_of_bounds, cell,
             [&] { return pair() + ": passes the shard's end at " + std::to_string(stored.size()); }, Range{offset, *end});
      continue;
    }
    if (nbytes > 0 && offset < index_region.second && *end > index_region.first) {
      report(Kind::shard_entry_overlaps_index, cell, [&] { return pair() + ": overlaps the index"; }, Range{offset, *end});
      continue;
    }
    entries.push_back(Entry{cell, offset, *end});
  }

  // Sharing bytes: a sweep over the entries sorted by offset.
  std::vector<Entry> sorted = entries;
  std::sort(sorted.begin(), sorted.end(), [](const Entry& a, const Entry& b) {
    return a.offset != b.offset ? a.offset < b.offset : (a.end != b.end ? a.end < b.end : a.cell < b.cell);
  });
  const Entry* furthest = nullptr;  // the entry reaching furthest so far
  for (const Entry& entry : sorted) {
    if (entry.end == entry.offset) continue;
    if (furthest != nullptr && entry.offset < furthest->end)
      report(Kind::shard_entries_overlap, entry.cell, [&] { return "shares bytes with " + label(furthest->cell, grid); },
             Range{entry.offset, std::min(entry.end, furthest->end)});
    if (furthest == nullptr || entry.end > furthest->end) furthest = &entry;
  }

  std::uint64_t entry_bytes = 0;  // saturating: the entries' lengths added up
  for (const Entry& entry : entries) entry_bytes = checked_add(entry_bytes, entry.end - entry.offset).value_or(kEmpty);
  if (entry_bytes > stored.size()) stored.hold_whole();

  const bool blocked = problems.any_except(Kind::shard_entries_overlap);
  // The shard is assembled only when its data is wanted and can be complete; every inner
  // chunk is decoded and checked either way.
  const bool assemble = context.limits.keep_data && !blocked;
  const std::size_t element_size = context.layout.element_size;
  Bytes shard;
  if (assemble) shard = filled(checked_product(shard_shape).value_or(0), context.fill_element);
  V3Context inner_context = context;
  inner_context.depth = context.depth + 1;
  inner_context.limits.keep_data = assemble;
  bool complete = !blocked;
  Bytes holder;  // the inner chunk read last, when the shard is read piece by piece
  for (const Entry& entry : entries) {
    const std::string_view bytes = stored.read(entry.offset, entry.end - entry.offset, holder);
    DecodedChunk chunk = run_v3_chain(inner_codecs, bytes, *inner, inner_context);
    for (auto& p : chunk.problems) {
      if (!problems.admit(p.kind)) continue;
      p.detail = label(entry.cell, grid) + ": " + p.detail;
      p.byte_range = p.byte_range ? Range{p.byte_range->first + entry.offset, p.byte_range->second + entry.offset}
                                  : Range{entry.offset, entry.end};
      problems.push_admitted(std::move(p));
    }
    if (!chunk.complete) complete = false;
    if (chunk.data && complete && assemble) {
      ChunkShape origin = coordinates(entry.cell, grid);
      for (std::size_t i = 0; i < origin.size(); ++i) origin[i] *= (*inner)[i];
      place_block(shard, shard_shape, element_size, *chunk.data, origin, *inner);
    }
    if (chunk.data && context.scratch != nullptr) context.scratch->give(std::move(*chunk.data));
  }
  DecodedChunk result;
  result.problems = problems.finish();
  result.complete = complete;
  if (complete && assemble) result.data = std::move(shard);
  return result;
}

}  // namespace ozv::chunks_detail
