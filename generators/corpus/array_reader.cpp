#include "corpus/array_reader.hpp"

#include <algorithm>
#include <cstring>
#include <new>
#include <optional>

#include "chunks/v2_decode.hpp"
#include "chunks/v3_decode.hpp"
#include "corpus/array_element_format.hpp"
#include "engine/chunk_array_plan.hpp"
#include "engine/chunk_keys.hpp"
#include "engine/target.hpp"
#include "json/parse.hpp"
#include "zarr/checked_math.hpp"
#include "zarr/sha256.hpp"

namespace ozv::corpus {
namespace {

using Shape = std::vector<std::uint64_t>;

// Every chunk key of the grid is looked up, stored or not: a bound keeps a tiny-chunked
// hostile shape from turning into an endless walk.
constexpr std::uint64_t kMaxChunks = std::uint64_t{1} << 26;

struct ArrayMetadata {
  nlohmann::json document;
  int zarr_format = 0;
  std::string key;
};

const nlohmann::json& member(const nlohmann::json& object, const char* name) {
  static const nlohmann::json absent;
  if (!object.is_object()) return absent;
  const auto it = object.find(name);
  return it == object.end() ? absent : *it;
}

std::string trimmed_path(const std::string& path) {
  std::size_t begin = 0;
  std::size_t end = path.size();
  while (begin < end && path[begin] == '/') ++begin;
  while (end > begin && path[end - 1] == '/') --end;
  return path.substr(begin, end - begin);
}

std::optional<nlohmann::json> read_document(Store& store, const std::string& key) {
  const JsonLimits limits;
  const auto value = store.get_bounded(key, limits.max_bytes);
  if (!value) return std::nullopt;
  if (!value->bytes) throw ArrayReadError(key + " is larger than " + std::to_string(limits.max_bytes) + " bytes");
  auto parsed = parse_json(*value->bytes, key, limits);
  if (!parsed.value || !parsed.value->is_object()) throw ArrayReadError(key + " is not a JSON object");
  return std::move(parsed.value);
}

// zarr.json first (a v3 array), then .zarray (v2).
ArrayMetadata read_array_metadata(Store& store, const std::string& prefix) {
  ArrayMetadata meta;
  meta.key = join_key(prefix, "zarr.json");
  if (auto doc = read_document(store, meta.key)) {
    if (member(*doc, "node_type") != "array") throw ArrayReadError(meta.key + " does not describe an array");
    const auto& grid = member(*doc, "chunk_grid");
    if (member(grid, "name") != "regular")
      throw ArrayReadError("chunk_grid " + grid.dump() + " is not a regular grid this reader knows");
    meta.document = std::move(*doc);
    meta.zarr_format = 3;
    return meta;
  }
  meta.key = join_key(prefix, ".zarray");
  if (auto doc = read_document(store, meta.key)) {
    meta.document = std::move(*doc);
    meta.zarr_format = 2;
    return meta;
  }
  throw ArrayReadError("no array at \"" + prefix + "\" (neither zarr.json nor .zarray)");
}

Shape array_shape(const nlohmann::json& document) {
  Shape shape;
  const auto& value = member(document, "shape");
  if (!value.is_array()) throw ArrayReadError("shape " + value.dump() + " is not a list");
  for (const auto& extent : value) {
    if (!extent.is_number_unsigned()) throw ArrayReadError("shape " + value.dump() + " is not a list of extents");
    shape.push_back(extent.get<std::uint64_t>());
  }
  return shape;
}

// Everything one walk over an array needs, read once.
struct ArrayWalk {
  Store& store;
  const ChunkArrayPlan& plan;
  const ArrayElementFormat& format;
  const ArrayReadLimits& limits;
  std::uint64_t chunk_bytes = 0;
  DecodeScratch scratch;

  // The chunk at grid position `index` as C-order little-endian elements of the chunk shape;
  // nullopt when it is not stored.
  std::optional<Bytes> chunk(const Shape& index) {
    const std::string key = join_key(plan.prefix, chunk_key(plan.keys, index));
    DecodeLimits decode_limits;
    decode_limits.max_decoded_bytes = limits.max_chunk_bytes;
    DecodedChunk decoded;
    if (plan.zarr_format == 3 && plan.shards_by_pieces && store.capabilities().get_range) {
      const auto size = store.size(key);
      if (!size) return std::nullopt;
      StoreShardBytes shard(store, key, *size);
      decoded = decode_v3_shard(plan.metadata, shard, plan.chunk_shape, plan.layout, format.fill_element,
                                decode_limits, &scratch);
    } else {
      const auto stored = store.get_bounded(key, limits.max_stored_chunk_bytes);
      if (!stored) return std::nullopt;
      if (!stored->bytes) throw ArrayReadError("chunk " + key + " is larger than the reader's limit");
      decoded = plan.zarr_format == 2
                    ? decode_v2_chunk(plan.metadata, *stored->bytes, decode_limits, &scratch)
                    : decode_v3_chunk(plan.metadata, *stored->bytes, plan.chunk_shape, plan.layout,
                                      format.fill_element, decode_limits, &scratch);
    }
    if (!decoded.complete || !decoded.data) {
      std::string why = decoded.problems.empty()
                            ? std::string("it did not decode")
                            : std::string(to_string(decoded.problems[0].kind)) + ": " + decoded.problems[0].detail;
      throw ArrayReadError("chunk " + key + " cannot be decoded: " + why);
    }
    if (decoded.data->size() != chunk_bytes) {
      throw ArrayReadError("chunk " + key + " decodes to " + std::to_string(decoded.data->size()) + " bytes, not " +
                           std::to_string(chunk_bytes));
    }
    format.to_c_order_little_endian(*decoded.data, plan.chunk_shape);
    return std::move(decoded.data);
  }
};

// C-order strides, in bytes.
Shape byte_strides(const Shape& shape, std::size_t element_size) {
  Shape strides(shape.size(), element_size);
  for (std::size_t d = shape.size(); d-- > 1;) strides[d - 1] = strides[d] * shape[d];
  return strides;
}

// Copies the part of a C-order chunk that lies inside the array (`extent`, from the chunk's
// origin) into the row buffer at `origin`, one contiguous last-dimension line at a time.
void copy_cut_chunk(const Bytes& chunk, const Shape& chunk_shape, Bytes& row, const Shape& row_shape,
                    const Shape& origin, const Shape& extent, std::size_t element_size) {
  const std::size_t rank = chunk_shape.size();
  const Shape from = byte_strides(chunk_shape, element_size);
  const Shape to = byte_strides(row_shape, element_size);
  const std::size_t line = static_cast<std::size_t>(extent[rank - 1]) * element_size;
  Shape position(rank, 0);
  while (true) {
    std::uint64_t source = 0;
    std::uint64_t target = 0;
    for (std::size_t d = 0; d < rank; ++d) {
      source += position[d] * from[d];
      target += (origin[d] + position[d]) * to[d];
    }
    std::memcpy(row.data() + target, chunk.data() + source, line);
    std::size_t d = rank - 1;
    while (d-- > 0) {
      if (++position[d] < extent[d]) break;
      position[d] = 0;
    }
    if (d == static_cast<std::size_t>(-1)) return;
  }
}

void fill_with(Bytes& buffer, std::size_t bytes, const Bytes& element) {
  if (std::all_of(element.begin(), element.end(), [](char c) { return c == '\0'; })) {
    std::memset(buffer.data(), 0, bytes);
    return;
  }
  for (std::size_t at = 0; at + element.size() <= bytes; at += element.size())
    std::memcpy(buffer.data() + at, element.data(), element.size());
}

std::string hash_array(ArrayWalk& walk, const Shape& shape) {
  const auto& plan = walk.plan;
  const std::size_t element_size = walk.format.element_size;
  Sha256 hash;
  if (std::find(shape.begin(), shape.end(), 0) != shape.end()) return hash.hex_digest();  // no elements
  if (shape.empty()) {  // 0-d: one chunk of one element
    auto chunk = walk.chunk({});
    hash.update(chunk ? *chunk : walk.format.fill_element);
    return hash.hex_digest();
  }
  const std::size_t rank = shape.size();
  const auto& grid = plan.keys.grid;
  if (!plan.total || *plan.total > kMaxChunks)
    throw ArrayReadError("the chunk grid has more than " + std::to_string(kMaxChunks) + " chunks");

  // One row of chunks: the rows of the array covered by one first-dimension chunk index.
  Shape row_shape = shape;
  row_shape[0] = std::min(shape[0], plan.chunk_shape[0]);
  const auto row_elements = checked_product(row_shape);
  const auto row_bytes = row_elements ? checked_mul(*row_elements, element_size) : std::nullopt;
  if (!row_bytes || *row_bytes > walk.limits.max_row_bytes)
    throw ArrayReadError("one row of chunks needs more than the reader's limit of " +
                         std::to_string(walk.limits.max_row_bytes) + " bytes");
  const std::uint64_t line_bytes = *row_bytes / row_shape[0];  // one index of the first dimension
  Bytes row(static_cast<std::size_t>(*row_bytes), '\0');

  const Shape inner_grid(grid.begin() + 1, grid.end());
  for (std::uint64_t first = 0; first < grid[0]; ++first) {
    const std::uint64_t rows = std::min(plan.chunk_shape[0], shape[0] - first * plan.chunk_shape[0]);
    fill_with(row, static_cast<std::size_t>(rows * line_bytes), walk.format.fill_element);
    Shape inner(rank - 1, 0);
    do {
      Shape index{first};
      index.insert(index.end(), inner.begin(), inner.end());
      const auto chunk = walk.chunk(index);
      if (!chunk) continue;  // not stored: the fill value already there
      Shape origin(rank, 0);
      Shape extent(rank, rows);
      for (std::size_t d = 1; d < rank; ++d) {
        origin[d] = index[d] * plan.chunk_shape[d];
        extent[d] = std::min(plan.chunk_shape[d], shape[d] - origin[d]);
      }
      copy_cut_chunk(*chunk, plan.chunk_shape, row, row_shape, origin, extent, element_size);
    } while (next_grid_index(inner_grid, inner));
    hash.update(std::string_view(row).substr(0, static_cast<std::size_t>(rows * line_bytes)));
  }
  return hash.hex_digest();
}

}  // namespace

std::string array_checksum(Store& store, const std::string& array_path, const ArrayReadLimits& limits) {
  const std::string prefix = trimmed_path(array_path);
  if (!prefix.empty() && !is_clean_key(prefix)) throw ArrayReadError("\"" + array_path + "\" is not a store path");
  const ArrayMetadata meta = read_array_metadata(store, prefix);
  const auto plan = plan_chunk_checks(meta.document, meta.zarr_format, prefix, meta.key);
  if (!plan) throw ArrayReadError(meta.key + " does not describe a chunked array this reader can walk");
  if (!plan->unsupported.empty()) throw ArrayReadError(plan->unsupported);
  const ArrayElementFormat format =
      meta.zarr_format == 2 ? v2_element_format(meta.document) : v3_element_format(meta.document);
  const Shape shape = array_shape(meta.document);

  ArrayWalk walk{store, *plan, format, limits, 0, {}};
  const auto elements = checked_product(plan->chunk_shape);
  const auto bytes = elements ? checked_mul(*elements, format.element_size) : std::nullopt;
  if (!bytes || *bytes > limits.max_chunk_bytes)
    throw ArrayReadError("a chunk holds more than the reader's limit of " + std::to_string(limits.max_chunk_bytes) +
                         " bytes");
  walk.chunk_bytes = *bytes;
  return hash_array(walk, shape);
}

ArrayChecksums read_array_checksums(const std::string& target, const std::vector<std::string>& array_paths,
                                    const ArrayReadLimits& limits) {
  ArrayChecksums result;
  std::string target_problem;
  OpenedTarget opened;
  try {
    opened = open_target(target);
    if (opened.store_error) target_problem = std::string("cannot read the archive: ") + opened.store_error->what();
    else if (!opened.store) target_problem = target + " is not a store (a directory or a .zip/.ozx file)";
  } catch (const std::exception& e) {
    target_problem = e.what();
  }
  for (const auto& path : array_paths) {
    if (!target_problem.empty()) {
      result.read_errors[path] = target_problem;
      continue;
    }
    try {
      result.checksums[path] = array_checksum(*opened.store, path, limits);
    } catch (const std::bad_alloc&) {
      result.read_errors[path] = "out of memory";
    } catch (const std::exception& e) {  // ArrayReadError, StoreError: this array only
      result.read_errors[path] = e.what();
    }
  }
  return result;
}

}  // namespace ozv::corpus
