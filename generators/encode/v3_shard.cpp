// See v3_shard.hpp. Layout written (codecs/sharding-indexed "Binary shard format"): the
// encoded inner chunks back to back in inner-grid C order, and the encoded index — uint64
// (offset, nbytes) pairs, shape chunks_per_shard + [2] — before or after them.
#include "encode/v3_shard.hpp"

#include <limits>
#include <stdexcept>
#include <string>

#include "encode/config_value.hpp"
#include "encode/v3_chunk.hpp"
#include "zarr/v3_codec.hpp"
#include "zarr/v3_json_integer.hpp"

namespace ozv::encode {
namespace {

constexpr std::uint64_t kEmpty = std::numeric_limits<std::uint64_t>::max();

const nlohmann::json& required_member(const nlohmann::json& configuration, const char* key) {
  if (!configuration.is_object()) throw std::invalid_argument("sharding_indexed has no configuration");
  const auto it = configuration.find(key);
  if (it == configuration.end()) throw std::invalid_argument(std::string("sharding_indexed member \"") + key + "\" is required");
  return *it;
}

Shape read_inner_shape(const nlohmann::json& configuration, const Shape& shard_shape) {
  const nlohmann::json& value = required_member(configuration, "chunk_shape");
  if (!value.is_array() || value.size() != shard_shape.size())
    throw std::invalid_argument("sharding_indexed chunk_shape " + value.dump() + " does not have " +
                                std::to_string(shard_shape.size()) + " dimensions");
  Shape inner;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto extent = json_to_u64(value[i]);
    if (!extent || *extent == 0)
      throw std::invalid_argument("sharding_indexed chunk_shape " + value.dump() + " has a non-positive extent");
    inner.push_back(*extent);
    if (shard_shape[i] % inner.back() != 0)
      throw std::invalid_argument("sharding_indexed chunk_shape " + value.dump() + " does not divide the shard shape at dimension " +
                                  std::to_string(i));
  }
  return inner;
}

// The index codecs must have a fixed encoded size (a reader finds the index by its size).
const nlohmann::json& read_index_codecs(const nlohmann::json& configuration) {
  const nlohmann::json& codecs = required_member(configuration, "index_codecs");
  if (!codecs.is_array()) throw std::invalid_argument("sharding_indexed index_codecs is not an array");
  for (const auto& entry : codecs) {
    const nlohmann::json* name = entry.is_object() && entry.contains("name") ? &entry["name"] : &entry;
    const CodecInfo* info = name->is_string() ? find_codec(name->get<std::string>()) : nullptr;
    if (info == nullptr || !info->fixed_size)
      throw std::invalid_argument("sharding_indexed index_codecs may only hold fixed-size codecs, not " + entry.dump());
  }
  return codecs;
}

void put_u64_le(Bytes& out, std::size_t at, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out[at + static_cast<std::size_t>(i)] = static_cast<char>((value >> (8 * i)) & 0xFFu);
}

Bytes index_elements(const std::vector<std::uint64_t>& offsets, const std::vector<std::uint64_t>& sizes) {
  Bytes out(offsets.size() * 16, '\0');
  for (std::size_t i = 0; i < offsets.size(); ++i) {
    put_u64_le(out, 16 * i, offsets[i]);
    put_u64_le(out, 16 * i + 8, sizes[i]);
  }
  return out;
}

}  // namespace

Bytes encode_shard(const nlohmann::json& configuration, std::string_view shard, const Shape& shard_shape,
                   std::size_t element_size, std::string_view fill_element, std::size_t endian_unit) {
  const Shape inner = read_inner_shape(configuration, shard_shape);
  const nlohmann::json& inner_codecs = required_member(configuration, "codecs");
  const nlohmann::json& index_codecs = read_index_codecs(configuration);
  const std::string location = config_string(configuration, "sharding_indexed", "index_location", "end");
  if (location != "start" && location != "end")
    throw std::invalid_argument("sharding_indexed index_location \"" + location + "\" is not start or end");

  Shape grid(shard_shape.size());
  for (std::size_t i = 0; i < grid.size(); ++i) grid[i] = shard_shape[i] / inner[i];
  Shape index_shape = grid;
  index_shape.push_back(2);
  // The grid has at most as many cells as the shard has elements, which the caller checked.
  std::uint64_t cells = 1;
  for (auto extent : grid) cells *= extent;

  // Encoded once with every entry empty to learn the index's (fixed) size, which offsets
  // count when the index comes first.
  const std::vector<std::uint64_t> all_empty(static_cast<std::size_t>(cells), kEmpty);
  const std::size_t index_size = encode_v3_chunk(index_codecs, index_elements(all_empty, all_empty), index_shape, 8).size();

  Bytes body;
  std::vector<std::uint64_t> offsets(static_cast<std::size_t>(cells), kEmpty);
  std::vector<std::uint64_t> sizes(static_cast<std::size_t>(cells), kEmpty);
  const std::uint64_t base = location == "start" ? index_size : 0;
  Shape position(grid.size(), 0);  // inner-grid coordinates, advanced in C order
  for (std::size_t cell = 0; cell < cells; ++cell) {
    Shape origin(grid.size());
    for (std::size_t i = 0; i < grid.size(); ++i) origin[i] = position[i] * inner[i];
    const Bytes elements = extract_block(shard, shard_shape, element_size, origin, inner);
    if (!all_elements_equal(elements, fill_element)) {
      const Bytes encoded = encode_v3_chunk(inner_codecs, elements, inner, element_size, fill_element, endian_unit);
      offsets[cell] = base + body.size();
      sizes[cell] = encoded.size();
      body += encoded;
    }
    for (std::size_t i = grid.size(); i-- > 0;) {
      if (++position[i] < grid[i]) break;
      position[i] = 0;
    }
  }

  const Bytes index = encode_v3_chunk(index_codecs, index_elements(offsets, sizes), index_shape, 8);
  if (index.size() != index_size) throw std::logic_error("shard index size changed with its content");
  return location == "start" ? index + body : body + index;
}

}  // namespace ozv::encode
