// Writes one Zarr array (metadata and every chunk) into a Dataset from its decoded data, and
// returns the checksum the manifest publishes: sha256 of the decoded bytes, C order, little-endian.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus/dataset.hpp"
#include "corpus/pixels.hpp"

namespace ozv::corpus {

struct ArrayLayout {
  int zarr_format = 3;
  std::vector<std::uint64_t> chunks;  // v3 with sharding: the shard shape
  // Zarr v2
  nlohmann::json compressor = nullptr;
  std::string dimension_separator = ".";
  // Zarr v3; empty = [bytes little-endian]
  nlohmann::json codecs = nlohmann::json::array();
  std::vector<std::string> dimension_names;  // empty = none written
};

// `data` holds shape[0]*...*shape[n-1] elements of `type`, C order, little-endian.
// `path` is the array's key prefix ("" for a root array).
std::string add_array(Dataset& files, const std::string& path, const std::vector<std::uint64_t>& shape,
                      const DataType& type, const ArrayLayout& layout, const Bytes& data);

nlohmann::json default_v3_codecs();

}  // namespace ozv::corpus
