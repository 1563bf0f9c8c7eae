// Writes the chunk benchmark's Zarr v3 sharded array (issue 5) with the same content as its v2
// array: python3-zarr 2.13 cannot write v3, so the v2 chunks are decoded here and re-encoded
// with the corpus generator's own v3 encoder (shards of 64x512x512 holding the v2 chunk shape
// as inner chunks, index at the end with crc32c). Run by bench/chunks_benchmark.py.
//
// usage: write_v3_sharded <v2-array-dir> <v3-array-dir> [blosc|zstd]
#include <blosc.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "encode/v3_chunk.hpp"

namespace {

namespace fs = std::filesystem;
using Shape = std::vector<std::uint64_t>;
using nlohmann::json;

const Shape kShard{64, 512, 512};
constexpr std::size_t kElement = 2;  // uint16, as the benchmark writes

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

json inner_codec(const std::string& name) {
  if (name == "zstd") return {{"name", "zstd"}, {"configuration", {{"level", 3}}}};
  return {{"name", "blosc"},
          {"configuration", {{"cname", "lz4"}, {"clevel", 5}, {"shuffle", "shuffle"}, {"typesize", 2}, {"blocksize", 0}}}};
}

json codecs_for(const Shape& inner, const std::string& compressor) {
  const json bytes = {{"name", "bytes"}, {"configuration", {{"endian", "little"}}}};
  return json::array({{{"name", "sharding_indexed"},
                       {"configuration",
                        {{"chunk_shape", inner},
                         {"codecs", json::array({bytes, inner_codec(compressor)})},
                         {"index_codecs", json::array({bytes, {{"name", "crc32c"}}})},
                         {"index_location", "end"}}}}});
}

// Copies the C-order chunk `chunk` (shape `inner`) into `shard` at inner-grid cell `cell`.
void place(std::string& shard, const std::string& chunk, const Shape& inner, const Shape& cell) {
  const std::size_t row = inner[2] * kElement;
  for (std::uint64_t z = 0; z < inner[0]; ++z) {
    for (std::uint64_t y = 0; y < inner[1]; ++y) {
      const std::uint64_t at = (((cell[0] * inner[0] + z) * kShard[1] + cell[1] * inner[1] + y) * kShard[2] + cell[2] * inner[2]);
      std::copy_n(chunk.data() + (z * inner[1] + y) * row, row, shard.data() + at * kElement);
    }
  }
}

void write(const fs::path& v2, const fs::path& v3, const std::string& compressor) {
  const json zarray = json::parse(slurp(v2 / ".zarray"));
  const Shape shape = zarray["shape"].get<Shape>();
  const Shape inner = zarray["chunks"].get<Shape>();
  if (shape.size() != 3 || zarray["dtype"] != "<u2") throw std::runtime_error("expected a 3D <u2 v2 array");
  for (std::size_t d = 0; d < 3; ++d)
    if (kShard[d] % inner[d] != 0) throw std::runtime_error("the v2 chunk shape does not divide 64x512x512");
  const json codecs = codecs_for(inner, compressor);
  const json meta = {{"zarr_format", 3},
                     {"node_type", "array"},
                     {"shape", shape},
                     {"data_type", "uint16"},
                     {"chunk_grid", {{"name", "regular"}, {"configuration", {{"chunk_shape", kShard}}}}},
                     {"chunk_key_encoding", {{"name", "default"}, {"configuration", {{"separator", "/"}}}}},
                     {"fill_value", 0},
                     {"codecs", codecs},
                     {"attributes", json::object()}};
  fs::create_directories(v3);
  std::ofstream(v3 / "zarr.json") << meta.dump(2);

  const Shape per_shard{kShard[0] / inner[0], kShard[1] / inner[1], kShard[2] / inner[2]};
  const std::size_t chunk_bytes = inner[0] * inner[1] * inner[2] * kElement;
  std::string chunk(chunk_bytes, '\0');
  std::uint64_t written = 0;
  for (std::uint64_t sz = 0; sz * kShard[0] < shape[0]; ++sz) {
    for (std::uint64_t sy = 0; sy * kShard[1] < shape[1]; ++sy) {
      for (std::uint64_t sx = 0; sx * kShard[2] < shape[2]; ++sx) {
        std::string shard(kShard[0] * kShard[1] * kShard[2] * kElement, '\0');
        for (std::uint64_t cz = 0; cz < per_shard[0]; ++cz) {
          for (std::uint64_t cy = 0; cy < per_shard[1]; ++cy) {
            for (std::uint64_t cx = 0; cx < per_shard[2]; ++cx) {
              const std::string key = std::to_string(sz * per_shard[0] + cz) + "." + std::to_string(sy * per_shard[1] + cy) +
                                      "." + std::to_string(sx * per_shard[2] + cx);
              if (!fs::exists(v2 / key)) continue;  // past the array's end, or all fill value
              const std::string stored = slurp(v2 / key);
              if (blosc_decompress_ctx(stored.data(), chunk.data(), chunk.size(), 1) != static_cast<int>(chunk_bytes))
                throw std::runtime_error("cannot decode v2 chunk " + key);
              place(shard, chunk, inner, {cz, cy, cx});
            }
          }
        }
        const std::string encoded = ozv::encode::encode_v3_chunk(codecs, shard, kShard, kElement, std::string(kElement, '\0'));
        const fs::path dir = v3 / "c" / std::to_string(sz) / std::to_string(sy);
        fs::create_directories(dir);
        std::ofstream(dir / std::to_string(sx), std::ios::binary) << encoded;
        written += encoded.size();
      }
    }
  }
  std::printf("wrote %s: %llu stored bytes\n", v3.string().c_str(), static_cast<unsigned long long>(written));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::fprintf(stderr, "usage: write_v3_sharded <v2-array-dir> <v3-array-dir> [blosc|zstd]\n");
    return 2;
  }
  try {
    write(argv[1], argv[2], argc == 4 ? argv[3] : "blosc");
  } catch (const std::exception& e) {
    std::fprintf(stderr, "write_v3_sharded: %s\n", e.what());
    return 1;
  }
  return 0;
}
