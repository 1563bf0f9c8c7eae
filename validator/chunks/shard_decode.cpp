// See shard_decode.hpp. Entries are checked in this order, each stopping at the first that
// applies: empty (both 2^64-1), half-empty, out of bounds (overflow or past the end),
// overlapping the index region. The remaining entries are checked against each other, then
// decoded; every bad one is reported, not only the first.
#include "chunks/shard_decode.hpp"

#include <algorithm>
#include <limits>
#include <string>

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

}  // namespace

DecodedChunk decode_shard(const nlohmann::json& configuration, std::string_view stored, const ChunkShape& shard_shape,
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
  DecodedChunk index = run_v3_chain(index_codecs, stored.substr(index_region.first, *index_size), index_shape, index_context);
  if (!index.data) {
    for (auto& p : index.problems) {
      p.detail = "shard index: " + p.detail;
      p.byte_range = index_region;
    }
    return index;
  }

  DecodedChunk result;
  const auto report = [&](Kind kind, std::size_t cell, std::string detail, std::optional<Range> range) {
    result.problems.push_back(ChunkProblem{kind, label(cell, grid) + ": " + detail, range});
  };
  std::vector<Entry> entries;
  for (std::size_t cell = 0; cell < cells; ++cell) {
    const std::uint64_t offset = read_u64_le(*index.data, 16 * cell);
    const std::uint64_t nbytes = read_u64_le(*index.data, 16 * cell + 8);
    // Built only for a problem: a shard may have millions of good entries.
    const auto pair = [&] { return "offset " + std::to_string(offset) + ", nbytes " + std::to_string(nbytes); };
    if (offset == kEmpty && nbytes == kEmpty) continue;
    if (offset == kEmpty || nbytes == kEmpty) {
      report(Kind::shard_entry_half_empty, cell, pair() + ": exactly one is 2^64-1", std::nullopt);
      continue;
    }
    const auto end = checked_add(offset, nbytes);
    if (!end) {
      report(Kind::shard_entry_out_of_bounds, cell, pair() + ": the end overflows 64 bits", std::nullopt);
      continue;
    }
    if (*end > stored.size()) {
      report(Kind::shard_entry_out_of_bounds, cell, pair() + ": passes the shard's end at " + std::to_string(stored.size()),
             Range{offset, *end});
      continue;
    }
    if (nbytes > 0 && offset < index_region.second && *end > index_region.first) {
      report(Kind::shard_entry_overlaps_index, cell, pair() + ": overlaps the index", Range{offset, *end});
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
      report(Kind::shard_entries_overlap, entry.cell, "shares bytes with " + label(furthest->cell, grid),
             Range{entry.offset, std::min(entry.end, furthest->end)});
    if (furthest == nullptr || entry.end > furthest->end) furthest = &entry;
  }

  const bool blocked = std::any_of(result.problems.begin(), result.problems.end(),
                                   [](const ChunkProblem& p) { return p.kind != Kind::shard_entries_overlap; });
  const std::size_t element_size = context.layout.element_size;
  Bytes shard;
  const auto shard_elements = checked_product(shard_shape).value_or(0);
  if (!blocked) {
    shard.reserve(static_cast<std::size_t>(shard_elements * element_size));
    for (std::uint64_t i = 0; i < shard_elements; ++i) shard += context.fill_element;
  }
  V3Context inner_context = context;
  inner_context.depth = context.depth + 1;
  bool complete = !blocked;
  for (const Entry& entry : entries) {
    DecodedChunk chunk = run_v3_chain(inner_codecs, stored.substr(entry.offset, entry.end - entry.offset), *inner, inner_context);
    for (auto& p : chunk.problems) {
      p.detail = label(entry.cell, grid) + ": " + p.detail;
      p.byte_range = p.byte_range ? Range{p.byte_range->first + entry.offset, p.byte_range->second + entry.offset}
                                  : Range{entry.offset, entry.end};
      result.problems.push_back(std::move(p));
    }
    if (!chunk.data) {
      complete = false;
      continue;
    }
    if (complete) {
      ChunkShape origin = coordinates(entry.cell, grid);
      for (std::size_t i = 0; i < origin.size(); ++i) origin[i] *= (*inner)[i];
      place_block(shard, shard_shape, element_size, *chunk.data, origin, *inner);
    }
  }
  if (complete) result.data = std::move(shard);
  return result;
}

}  // namespace ozv::chunks_detail
