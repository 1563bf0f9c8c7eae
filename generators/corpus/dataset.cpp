#include "corpus/dataset.hpp"

#include <fstream>
#include <stdexcept>

#include "zarr/sha256.hpp"

namespace ozv::corpus {

std::string dump_json(const nlohmann::json& document) { return document.dump(2) + "\n"; }

void write_directory(const Dataset& files, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  for (const auto& [key, bytes] : files) {
    if (!is_clean_key(key)) throw std::runtime_error("refusing to write the unclean key \"" + key + "\"");
    const auto path = dir / std::filesystem::path(key);
    std::filesystem::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw std::runtime_error("cannot write " + path.string());
  }
}

std::string dataset_sha256(const Dataset& files) {
  Sha256 hash;
  for (const auto& [key, bytes] : files) {
    // Length-prefixed fields: no two different datasets hash the same byte stream.
    hash.update(std::to_string(key.size()) + ":" + key + ":" + std::to_string(bytes.size()) + ":");
    hash.update(bytes);
  }
  return hash.hex_digest();
}

}  // namespace ozv::corpus
