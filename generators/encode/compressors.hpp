// The byte compressors behind Zarr's v2 compressors and v3 bytes -> bytes codecs, wrapped
// so that the corpus generator gets deterministic output (same input, same bytes, on every
// run and machine) and a std::invalid_argument for any setting the library would reject,
// instead of a silent fallback or an error code.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "store/store.hpp"

namespace ozv::encode {

// RFC 1952 gzip member (zlib windowBits 31). zlib writes a fixed header: mtime 0, no file
// name, OS byte of the build platform, so the output does not depend on when it was made.
// `level` -1 (zlib's default) or 0..9.
Bytes gzip_compress(std::string_view raw, int level);

// RFC 1950 zlib stream (numcodecs "zlib"). `level` -1 or 0..9.
Bytes zlib_compress(std::string_view raw, int level);

// One zstd frame that records the content size (numcodecs needs it to decode). `level`
// from ZSTD_minCLevel() to ZSTD_maxCLevel(), 0 = zstd's default; `checksum` appends the
// frame's XXH64 checksum (the v3 zstd codec's `checksum`).
Bytes zstd_compress(std::string_view raw, int level, bool checksum = false);

struct BloscSettings {
  std::string cname = "lz4";  // a compressor this c-blosc was built with
  int clevel = 5;             // 0..9
  int shuffle = 1;            // 0 none, 1 byte, 2 bit
  std::size_t typesize = 1;   // >= 1; c-blosc treats sizes above 255 as 1
  std::size_t blocksize = 0;  // 0 = automatic
};

// A c-blosc 1 frame, made with blosc_compress_ctx and one thread (no global state, no
// thread-count-dependent output). Inputs above BLOSC_MAX_BUFFERSIZE are rejected.
Bytes blosc_compress(std::string_view raw, const BloscSettings& settings);

}  // namespace ozv::encode
