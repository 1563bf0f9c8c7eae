#include "corpus/array_builder.hpp"

#include <stdexcept>

#include "corpus/chunk_encoding.hpp"
#include "zarr/sha256.hpp"

namespace ozv::corpus {
namespace {

std::string prefixed(const std::string& path, const std::string& name) { return path.empty() ? name : path + "/" + name; }

// Copies chunk `grid_index` out of the C-order array, padded with zeros (the fill value) where
// the chunk runs past the array's edge, as both Zarr versions store edge chunks.
Bytes extract_chunk(const Bytes& data, const std::vector<std::uint64_t>& shape, const std::vector<std::uint64_t>& chunks,
                    const std::vector<std::uint64_t>& grid_index, std::size_t element_size) {
  const std::size_t rank = shape.size();
  std::uint64_t count = 1;
  for (auto c : chunks) count *= c;
  Bytes out(count * element_size, '\0');
  std::vector<std::uint64_t> local(rank, 0);
  for (std::uint64_t n = 0; n < count; ++n) {
    bool inside = true;
    std::uint64_t source = 0;
    for (std::size_t d = 0; d < rank; ++d) {
      const std::uint64_t global = grid_index[d] * chunks[d] + local[d];
      inside = inside && global < shape[d];
      source = source * shape[d] + (inside ? global : 0);
    }
    if (inside) out.replace(n * element_size, element_size, data, source * element_size, element_size);
    for (std::size_t d = rank; d-- > 0;) {
      if (++local[d] < chunks[d]) break;
      local[d] = 0;
    }
  }
  return out;
}

std::string chunk_key(const std::vector<std::uint64_t>& grid_index, const ArrayLayout& layout) {
  std::string key = layout.zarr_format == 3 ? "c" : "";
  const std::string separator = layout.zarr_format == 3 ? "/" : layout.dimension_separator;
  for (std::size_t d = 0; d < grid_index.size(); ++d) {
    if (!key.empty()) key += separator;
    key += std::to_string(grid_index[d]);
  }
  return key;
}

nlohmann::json v2_metadata(const std::vector<std::uint64_t>& shape, const DataType& type, const ArrayLayout& layout) {
  return {{"zarr_format", 2},
          {"shape", shape},
          {"chunks", layout.chunks},
          {"dtype", type.v2},
          {"compressor", layout.compressor},
          {"fill_value", 0},
          {"order", "C"},
          {"filters", nullptr},
          {"dimension_separator", layout.dimension_separator}};
}

nlohmann::json v3_metadata(const std::vector<std::uint64_t>& shape, const DataType& type, const ArrayLayout& layout) {
  nlohmann::json meta = {
      {"zarr_format", 3},
      {"node_type", "array"},
      {"shape", shape},
      {"data_type", type.v3},
      {"chunk_grid", {{"name", "regular"}, {"configuration", {{"chunk_shape", layout.chunks}}}}},
      {"chunk_key_encoding", {{"name", "default"}, {"configuration", {{"separator", "/"}}}}},
      {"fill_value", 0},
      {"codecs", layout.codecs.empty() ? default_v3_codecs() : layout.codecs},
      {"attributes", nlohmann::json::object()}};
  if (!layout.dimension_names.empty()) meta["dimension_names"] = layout.dimension_names;
  return meta;
}

}  // namespace

nlohmann::json default_v3_codecs() {
  return nlohmann::json::array({{{"name", "bytes"}, {"configuration", {{"endian", "little"}}}}});
}

std::string add_array(Dataset& files, const std::string& path, const std::vector<std::uint64_t>& shape,
                      const DataType& type, const ArrayLayout& layout, const Bytes& data) {
  if (layout.chunks.size() != shape.size()) throw std::invalid_argument("chunk rank differs from array rank");
  std::uint64_t count = 1;
  for (auto extent : shape) count *= extent;
  if (data.size() != count * type.size) throw std::invalid_argument("array data size does not match its shape");
  for (auto c : layout.chunks)
    if (c == 0) throw std::invalid_argument("zero chunk size");

  const std::string document =
      dump_json(layout.zarr_format == 2 ? v2_metadata(shape, type, layout) : v3_metadata(shape, type, layout));
  files[prefixed(path, layout.zarr_format == 2 ? ".zarray" : "zarr.json")] = document;
  // The encoders read the metadata as written (parsed numbers are unsigned, built ones signed).
  const nlohmann::json meta = nlohmann::json::parse(document);

  const std::size_t rank = shape.size();
  std::vector<std::uint64_t> grid(rank);
  for (std::size_t d = 0; d < rank; ++d) grid[d] = (shape[d] + layout.chunks[d] - 1) / layout.chunks[d];
  std::vector<std::uint64_t> index(rank, 0);
  for (bool more = true; more;) {
    const Bytes chunk = extract_chunk(data, shape, layout.chunks, index, type.size);
    files[prefixed(path, chunk_key(index, layout))] =
        layout.zarr_format == 2 ? encode_v2(meta, chunk) : encode_v3(meta["codecs"], chunk, layout.chunks, type.size);
    more = false;
    for (std::size_t d = rank; d-- > 0;) {
      if (++index[d] < grid[d]) {
        more = true;
        break;
      }
      index[d] = 0;
    }
  }
  return sha256_hex(data);
}

}  // namespace ozv::corpus
