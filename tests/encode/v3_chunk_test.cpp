// The v3 chain runner: each codec's effect is checked against a hand-computed expectation,
// and a full chain is decoded by hand in reverse, so a wrong transpose direction or endian
// swap cannot pass by being consistently wrong on both sides.
#include <catch2/catch.hpp>

#include <algorithm>

#include "encode/reference_decoders.hpp"
#include "encode/v3_chunk.hpp"
#include "zarr/crc32c.hpp"

using namespace ozv::encode;
using namespace ozv::test;
using nlohmann::json;
using Shape = std::vector<std::uint64_t>;

namespace {

std::string iota_bytes(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out.push_back(static_cast<char>(i));
  return out;
}

// uint16 little-endian elements 0x0100 + i.
std::string u16_elements(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out.push_back(static_cast<char>(i & 0xFF));
    out.push_back(static_cast<char>(1));
  }
  return out;
}

const json kBytesLittle = {{"name", "bytes"}, {"configuration", {{"endian", "little"}}}};
const json kBytesBig = {{"name", "bytes"}, {"configuration", {{"endian", "big"}}}};

}  // namespace

TEST_CASE("v3 bytes codec: little is identity, big swaps each element", "[encode]") {
  const auto raw = u16_elements(6);
  CHECK(encode_v3_chunk(json::array({kBytesLittle}), raw, Shape{2, 3}, 2) == raw);
  const auto big = encode_v3_chunk(json::array({kBytesBig}), raw, Shape{2, 3}, 2);
  for (std::size_t i = 0; i < 6; ++i) {
    CHECK(big[2 * i] == raw[2 * i + 1]);
    CHECK(big[2 * i + 1] == raw[2 * i]);
  }
  // One-byte elements need no endian; the shorthand "bytes" name is accepted.
  CHECK(encode_v3_chunk(json::array({"bytes"}), "abc", Shape{3}, 1) == "abc");
  CHECK(encode_v3_chunk(json::array({kBytesBig}), "abc", Shape{3}, 1) == "abc");
  CHECK_THROWS_AS(encode_v3_chunk(json::array({"bytes"}), raw, Shape{2, 3}, 2), std::invalid_argument);
  CHECK_THROWS_AS(encode_v3_chunk(json::array({{{"name", "bytes"}, {"configuration", {{"endian", "middle"}}}}}), raw,
                                  Shape{2, 3}, 2),
                  std::invalid_argument);
}

TEST_CASE("v3 bytes codec: complex parts swap separately with endian_unit", "[encode]") {
  const std::string c64 = "\x01\x02\x03\x04\x05\x06\x07\x08";
  CHECK(encode_v3_chunk(json::array({kBytesBig}), c64, Shape{1}, 8, {}, 4) == "\x04\x03\x02\x01\x08\x07\x06\x05");
  CHECK(encode_v3_chunk(json::array({kBytesBig}), c64, Shape{1}, 8) == "\x08\x07\x06\x05\x04\x03\x02\x01");
  CHECK_THROWS_AS(encode_v3_chunk(json::array({kBytesBig}), c64, Shape{1}, 8, {}, 3), std::invalid_argument);
}

TEST_CASE("v3 transpose: output dimension i is input dimension order[i]", "[encode]") {
  const json t10 = {{"name", "transpose"}, {"configuration", {{"order", {1, 0}}}}};
  // [[0,1,2],[3,4,5]] transposed is [[0,3],[1,4],[2,5]].
  CHECK(encode_v3_chunk(json::array({t10, "bytes"}), iota_bytes(6), Shape{2, 3}, 1) == std::string("\0\3\1\4\2\5", 6));

  // 3-d: input shape (2,3,4), order (2,0,1) -> output shape (4,2,3), out[a][b][c] = in[b][c][a].
  const json t201 = {{"name", "transpose"}, {"configuration", {{"order", {2, 0, 1}}}}};
  const auto out = encode_v3_chunk(json::array({t201, "bytes"}), iota_bytes(24), Shape{2, 3, 4}, 1);
  REQUIRE(out.size() == 24);
  for (std::size_t a = 0; a < 4; ++a)
    for (std::size_t b = 0; b < 2; ++b)
      for (std::size_t c = 0; c < 3; ++c) CHECK(static_cast<std::size_t>(out[a * 6 + b * 3 + c]) == b * 12 + c * 4 + a);

  // Multi-byte elements move whole.
  const auto wide = encode_v3_chunk(json::array({t10, kBytesLittle}), u16_elements(6), Shape{2, 3}, 2);
  CHECK(wide.substr(2, 2) == u16_elements(6).substr(6, 2));

  CHECK_THROWS_AS(encode_v3_chunk(json::array({{{"name", "transpose"}, {"configuration", {{"order", {0, 0}}}}}, "bytes"}),
                                  iota_bytes(6), Shape{2, 3}, 1),
                  std::invalid_argument);
  CHECK_THROWS_AS(encode_v3_chunk(json::array({t201, "bytes"}), iota_bytes(6), Shape{2, 3}, 1), std::invalid_argument);
  CHECK_THROWS_AS(encode_v3_chunk(json::array({"bytes", t10}), iota_bytes(6), Shape{2, 3}, 1), std::invalid_argument);
}

TEST_CASE("v3 chain transpose + bytes(big) + gzip + crc32c decodes by hand", "[encode]") {
  const json codecs = json::parse(R"([
    {"name": "transpose", "configuration": {"order": [1, 0]}},
    {"name": "bytes", "configuration": {"endian": "big"}},
    {"name": "gzip", "configuration": {"level": 5}},
    {"name": "crc32c"}])");
  std::string raw;  // int32 elements (r * 100 + c) for shape (3, 5), little-endian
  for (std::uint32_t r = 0; r < 3; ++r)
    for (std::uint32_t c = 0; c < 5; ++c)
      for (int i = 0; i < 4; ++i) raw.push_back(static_cast<char>(((r * 100 + c) >> (8 * i)) & 0xFF));
  const auto encoded = encode_v3_chunk(codecs, raw, Shape{3, 5}, 4);
  CHECK(encoded == encode_v3_chunk(codecs, raw, Shape{3, 5}, 4));

  // Undo crc32c: the last 4 bytes are the little-endian CRC of the rest.
  REQUIRE(encoded.size() > 4);
  const std::string_view payload(encoded.data(), encoded.size() - 4);
  CHECK(get_u32_le(encoded, encoded.size() - 4) == ozv::crc32c(payload));
  // Undo gzip, then read big-endian elements of the transposed (5, 3) array.
  const auto plain = inflate_any(payload, raw.size());
  REQUIRE(plain.size() == 60);
  for (std::uint32_t c = 0; c < 5; ++c) {
    for (std::uint32_t r = 0; r < 3; ++r) {
      const std::size_t at = (c * 3 + r) * 4;
      std::uint32_t v = 0;
      for (std::size_t i = 0; i < 4; ++i) v = v << 8 | static_cast<unsigned char>(plain[at + i]);
      CHECK(v == r * 100 + c);
    }
  }
}

TEST_CASE("v3 zstd and blosc codecs", "[encode]") {
  const auto raw = sample_bytes(4000, 9);
  const json little_zstd = json::parse(R"([{"name": "bytes", "configuration": {"endian": "little"}},
                                           {"name": "zstd", "configuration": {"level": 3, "checksum": true}}])");
  const auto zs = encode_v3_chunk(little_zstd, raw, Shape{1000}, 4);
  CHECK(zstd_decode(zs) == raw);
  CHECK((static_cast<unsigned char>(zs[4]) & 0x04) != 0);

  const json blosc = json::parse(R"([{"name": "bytes", "configuration": {"endian": "little"}},
      {"name": "blosc", "configuration": {"cname": "lz4", "clevel": 5, "shuffle": "bitshuffle", "typesize": 4, "blocksize": 0}}])");
  const auto b = encode_v3_chunk(blosc, raw, Shape{1000}, 4);
  CHECK(blosc_decode(b) == raw);
  CHECK((b[2] & 0x04) != 0);  // bit shuffle flag

  json no_typesize = blosc;
  no_typesize[1]["configuration"].erase("typesize");
  CHECK_THROWS_AS(encode_v3_chunk(no_typesize, raw, Shape{1000}, 4), std::invalid_argument);
  no_typesize[1]["configuration"]["shuffle"] = "noshuffle";
  CHECK(blosc_decode(encode_v3_chunk(no_typesize, raw, Shape{1000}, 4)) == raw);
  no_typesize[1]["configuration"]["shuffle"] = 1;
  CHECK_THROWS_AS(encode_v3_chunk(no_typesize, raw, Shape{1000}, 4), std::invalid_argument);
}

TEST_CASE("v3 chain refusals", "[encode]") {
  const auto raw = iota_bytes(6);
  const auto refuses = [&](const char* codecs) {
    INFO(codecs);
    CHECK_THROWS_AS(encode_v3_chunk(json::parse(codecs), raw, Shape{2, 3}, 1), std::invalid_argument);
  };
  refuses(R"(["bytes", {"name": "zlib", "configuration": {"level": 1}}])");
  refuses(R"(["bytes", {"name": "lzma"}])");
  refuses(R"([{"name": "gzip", "configuration": {"level": 1}}, "bytes"])");
  refuses(R"(["bytes", "bytes"])");
  refuses(R"([])");
  refuses(R"({"name": "bytes"})");
  refuses(R"(["bytes", {"name": "gzip"}])");
  refuses(R"(["bytes", {"name": "gzip", "configuration": {"level": 10}}])");
  refuses(R"(["bytes", {"name": "gzip", "configuration": []}])");
  refuses(R"([{"configuration": {}}])");
  refuses(R"([7])");
  CHECK_THROWS_AS(encode_v3_chunk(json::array({"bytes"}), raw, Shape{7}, 1), std::invalid_argument);
  CHECK_THROWS_AS(encode_v3_chunk(json::array({"bytes"}), raw, Shape{3}, 2), std::invalid_argument);
  CHECK_THROWS_AS(encode_v3_chunk(json::array({"bytes"}), raw, Shape{6}, 0), std::invalid_argument);
  CHECK_THROWS_AS(encode_v3_chunk(json::array({"bytes"}), std::string(17, 'x'), Shape{1}, 17), std::invalid_argument);
  CHECK_THROWS_AS(encode_v3_chunk(json::array({"bytes"}), raw, Shape{6}, 1, "ab"), std::invalid_argument);
  const Shape huge{1ull << 40, 1ull << 40};
  CHECK_THROWS_AS(encode_v3_chunk(json::array({"bytes"}), raw, huge, 1), std::invalid_argument);
}
