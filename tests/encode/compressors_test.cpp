// Each compressor must round-trip through its library's own decoder and give identical bytes
// on every call: the corpus is compared byte for byte across machines.
#include <catch2/catch.hpp>

#include "encode/compressors.hpp"
#include "encode/reference_decoders.hpp"

using namespace ozv::encode;
using namespace ozv::test;

TEST_CASE("gzip and zlib round-trip, deterministically", "[encode]") {
  for (std::size_t size : {0u, 1u, 1000u, 100000u}) {
    const auto raw = sample_bytes(size, size);
    for (int level : {-1, 0, 1, 9}) {
      const auto gz = gzip_compress(raw, level);
      CHECK(gz == gzip_compress(raw, level));
      CHECK(inflate_any(gz, raw.size()) == raw);
      REQUIRE(gz.size() >= 10);
      CHECK(static_cast<unsigned char>(gz[0]) == 0x1F);
      CHECK(static_cast<unsigned char>(gz[1]) == 0x8B);
      CHECK(static_cast<unsigned char>(gz[3]) == 0);  // FLG: no name, comment or extra
      CHECK(gz.substr(4, 4) == std::string(4, '\0'));  // MTIME 0
      const auto z = zlib_compress(raw, level);
      CHECK(z == zlib_compress(raw, level));
      CHECK(static_cast<unsigned char>(z[0]) == 0x78);
      CHECK(inflate_any(z, raw.size()) == raw);
    }
  }
  CHECK_THROWS_AS(gzip_compress("x", 10), std::invalid_argument);
  CHECK_THROWS_AS(zlib_compress("x", -2), std::invalid_argument);
}

TEST_CASE("zstd writes one frame with its content size", "[encode]") {
  const auto raw = sample_bytes(50000, 3);
  for (int level : {-5, 0, 1, 19}) {
    for (bool checksum : {false, true}) {
      const auto z = zstd_compress(raw, level, checksum);
      CHECK(z == zstd_compress(raw, level, checksum));
      CHECK(ZSTD_getFrameContentSize(z.data(), z.size()) == raw.size());
      CHECK(ZSTD_findFrameCompressedSize(z.data(), z.size()) == z.size());
      CHECK(zstd_decode(z) == raw);
      // The frame header descriptor's bit 2 is the content checksum flag.
      CHECK(((static_cast<unsigned char>(z[4]) & 0x04) != 0) == checksum);
    }
  }
  CHECK(zstd_decode(zstd_compress("", 3)).empty());
  CHECK_THROWS_AS(zstd_compress("x", 23), std::invalid_argument);
}

TEST_CASE("blosc round-trips for every cname and shuffle", "[encode]") {
  const auto raw = sample_bytes(40000, 5);
  for (const char* cname : {"lz4", "lz4hc", "blosclz", "zstd", "zlib"}) {
    for (int shuffle : {0, 1, 2}) {
      BloscSettings s;
      s.cname = cname;
      s.shuffle = shuffle;
      s.typesize = 4;
      s.clevel = 5;
      const auto b = blosc_compress(raw, s);
      INFO(cname << " shuffle " << shuffle);
      CHECK(b == blosc_compress(raw, s));
      CHECK(blosc_decode(b) == raw);
      CHECK(static_cast<unsigned char>(b[3]) == 4);  // header typesize
    }
  }
  BloscSettings tiny;
  tiny.blocksize = 256;
  tiny.clevel = 0;
  CHECK(blosc_decode(blosc_compress(raw, tiny)) == raw);
  CHECK(blosc_decode(blosc_compress("", BloscSettings{})).empty());
}

TEST_CASE("blosc rejects settings c-blosc would refuse or ignore", "[encode]") {
  BloscSettings s;
  s.cname = "lzma";
  CHECK_THROWS_AS(blosc_compress("x", s), std::invalid_argument);
  s = BloscSettings{};
  s.clevel = 10;
  CHECK_THROWS_AS(blosc_compress("x", s), std::invalid_argument);
  s = BloscSettings{};
  s.shuffle = 3;
  CHECK_THROWS_AS(blosc_compress("x", s), std::invalid_argument);
  s = BloscSettings{};
  s.typesize = 0;
  CHECK_THROWS_AS(blosc_compress("x", s), std::invalid_argument);
}
