// Inputs for the chunk decoder tests: deterministic element patterns, the codec lists the
// tests encode with, and byte patching of encoded values (blosc headers, shard indexes).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "zarr/crc32c.hpp"

namespace ozv::test {

// splitmix64: small, seedable, the same on every platform.
struct SplitMix64 {
  std::uint64_t state;
  std::uint64_t next() {
    std::uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
  }
  std::uint64_t below(std::uint64_t n) { return n == 0 ? 0 : next() % n; }
};

// `count` bytes that compress somewhat but are not constant: a slow ramp plus noise.
inline std::string pattern_bytes(std::size_t count, std::uint64_t seed = 1) {
  SplitMix64 rng{seed};
  std::string out(count, '\0');
  for (std::size_t i = 0; i < count; ++i)
    out[i] = static_cast<char>((i / 7 + (rng.next() % 4 == 0 ? rng.next() : 0)) & 0xFF);
  return out;
}

inline nlohmann::json bytes_codec(const char* endian = "little") {
  return {{"name", "bytes"}, {"configuration", {{"endian", endian}}}};
}

inline nlohmann::json index_codecs_with_crc() { return nlohmann::json::array({bytes_codec(), {{"name", "crc32c"}}}); }

inline nlohmann::json sharding(std::vector<std::uint64_t> inner, nlohmann::json codecs, const char* location = "end",
                               nlohmann::json index_codecs = index_codecs_with_crc()) {
  return {{"name", "sharding_indexed"},
          {"configuration",
           {{"chunk_shape", inner}, {"codecs", std::move(codecs)}, {"index_codecs", std::move(index_codecs)},
            {"index_location", location}}}};
}

inline void put_u64_le(std::string& bytes, std::size_t at, std::uint64_t value) {
  for (std::size_t i = 0; i < 8; ++i) bytes[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
}

inline std::uint64_t get_u64_le(const std::string& bytes, std::size_t at) {
  std::uint64_t value = 0;
  for (std::size_t i = 0; i < 8; ++i) value |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  return value;
}

// A shard whose index is [bytes little, crc32c] with `cells` entries: where the index starts.
inline std::size_t index_start(const std::string& shard, std::size_t cells, bool at_start) {
  return at_start ? 0 : shard.size() - (16 * cells + 4);
}

// Rewrites entry `cell` of such an index and fixes its checksum, so that only the entry is wrong.
inline void patch_entry(std::string& shard, std::size_t cells, bool at_start, std::size_t cell, std::uint64_t offset,
                        std::uint64_t nbytes) {
  const std::size_t base = index_start(shard, cells, at_start);
  put_u64_le(shard, base + 16 * cell, offset);
  put_u64_le(shard, base + 16 * cell + 8, nbytes);
  const std::uint32_t crc = ozv::crc32c(std::string_view(shard).substr(base, 16 * cells));
  for (std::size_t i = 0; i < 4; ++i) shard[base + 16 * cells + i] = static_cast<char>((crc >> (8 * i)) & 0xFF);
}

}  // namespace ozv::test
