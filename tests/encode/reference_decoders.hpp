// Test-only decoders built on the compression libraries' own decompressors (zlib inflate,
// ZSTD_decompress, blosc_decompress_ctx), plus deterministic sample data, so the encoder
// tests check round trips against an independent implementation of each format.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>

#include <blosc.h>
#include <zlib.h>
#include <zstd.h>

namespace ozv::test {

// zlib or gzip (windowBits 15 + 32 detects the wrapper); throws on corrupt or trailing data.
inline std::string inflate_any(std::string_view encoded, std::size_t expected_size) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 32) != Z_OK) throw std::runtime_error("inflateInit2");
  std::string out(expected_size + 1, '\0');  // one spare byte shows an overlong stream
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(encoded.data()));
  stream.avail_in = static_cast<uInt>(encoded.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  const int status = inflate(&stream, Z_FINISH);
  const std::size_t produced = out.size() - stream.avail_out;
  const bool trailing = stream.avail_in != 0;
  inflateEnd(&stream);
  if (status != Z_STREAM_END || trailing) throw std::runtime_error("inflate failed: " + std::to_string(status));
  out.resize(produced);
  return out;
}

inline std::string zstd_decode(std::string_view encoded) {
  const unsigned long long size = ZSTD_getFrameContentSize(encoded.data(), encoded.size());
  if (size == ZSTD_CONTENTSIZE_UNKNOWN || size == ZSTD_CONTENTSIZE_ERROR || size > (1u << 30))
    throw std::runtime_error("zstd frame without a usable content size");
  std::string out(static_cast<std::size_t>(size), '\0');
  const std::size_t n = ZSTD_decompress(out.data(), out.size(), encoded.data(), encoded.size());
  if (ZSTD_isError(n) || n != out.size()) throw std::runtime_error("ZSTD_decompress failed");
  return out;
}

inline std::string blosc_decode(std::string_view encoded) {
  std::size_t nbytes = 0, cbytes = 0, blocksize = 0;
  if (encoded.size() < BLOSC_MIN_HEADER_LENGTH) throw std::runtime_error("blosc frame too short");
  blosc_cbuffer_sizes(encoded.data(), &nbytes, &cbytes, &blocksize);
  if (cbytes != encoded.size() || nbytes > (1u << 30)) throw std::runtime_error("blosc header does not match");
  std::string out(nbytes, '\0');
  const int n = blosc_decompress_ctx(encoded.data(), out.data(), out.size(), 1);
  if (n < 0 || static_cast<std::size_t>(n) != nbytes) throw std::runtime_error("blosc_decompress_ctx failed");
  return out;
}

inline std::uint64_t get_u64_le(std::string_view bytes, std::size_t at) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(bytes[at + i])) << (8 * i);
  return v;
}

inline std::uint32_t get_u32_le(std::string_view bytes, std::size_t at) {
  return static_cast<std::uint32_t>(get_u64_le(std::string(bytes.substr(at, 4)) + std::string(4, '\0'), 0));
}

// Compressible but varied bytes: small values from a splitmix64 stream.
inline std::string sample_bytes(std::size_t n, std::uint64_t seed) {
  std::string out;
  out.reserve(n);
  std::uint64_t state = seed;
  for (std::size_t i = 0; i < n; ++i) {
    state += 0x9E3779B97F4A7C15ull;
    std::uint64_t z = state;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    z ^= z >> 31;
    out.push_back(static_cast<char>(z % 7));
  }
  return out;
}

}  // namespace ozv::test
