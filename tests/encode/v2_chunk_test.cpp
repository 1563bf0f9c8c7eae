// encode_v2_chunk must pick the compressor, numcodecs' defaults and blosc's typesize from
// .zarray, and refuse what it cannot encode faithfully (filters, wrong sizes).
#include <catch2/catch.hpp>

#include "encode/reference_decoders.hpp"
#include "encode/v2_chunk.hpp"

using namespace ozv::encode;
using namespace ozv::test;
using nlohmann::json;

namespace {

json zarray_with(const json& compressor) {
  return json{{"zarr_format", 2}, {"shape", {20, 30}}, {"chunks", {10, 10}}, {"dtype", "<u4"},
              {"order", "C"},     {"fill_value", 0},   {"filters", nullptr}, {"compressor", compressor}};
}

}  // namespace

TEST_CASE("v2 compressors round-trip", "[encode]") {
  const auto raw = sample_bytes(400, 11);
  CHECK(encode_v2_chunk(zarray_with(nullptr), raw) == raw);
  CHECK(inflate_any(encode_v2_chunk(zarray_with({{"id", "zlib"}, {"level", 6}}), raw), raw.size()) == raw);
  const auto gz = encode_v2_chunk(zarray_with({{"id", "gzip"}}), raw);
  CHECK(inflate_any(gz, raw.size()) == raw);
  CHECK(gz == encode_v2_chunk(zarray_with({{"id", "gzip"}, {"level", 1}}), raw));  // numcodecs default
  CHECK(zstd_decode(encode_v2_chunk(zarray_with({{"id", "zstd"}, {"level", 3}}), raw)) == raw);
  const auto b = encode_v2_chunk(zarray_with({{"id", "blosc"}, {"cname", "zstd"}, {"clevel", 3}, {"shuffle", 2}}), raw);
  CHECK(blosc_decode(b) == raw);
  CHECK(static_cast<unsigned char>(b[3]) == 4);  // typesize from dtype <u4
}

TEST_CASE("v2 blosc AUTOSHUFFLE follows numcodecs", "[encode]") {
  auto zarray = zarray_with({{"id", "blosc"}, {"shuffle", -1}});
  const auto raw4 = sample_bytes(400, 1);
  // Header byte 2 holds the flags: bit 0 byte shuffle, bit 2 bit shuffle.
  CHECK((encode_v2_chunk(zarray, raw4)[2] & 0x05) == 0x01);
  zarray["dtype"] = "|u1";
  const auto raw1 = sample_bytes(100, 1);
  CHECK((encode_v2_chunk(zarray, raw1)[2] & 0x05) == 0x04);
}

TEST_CASE("v2 encoder refusals", "[encode]") {
  const auto raw = sample_bytes(400, 2);
  auto with_filters = zarray_with(nullptr);
  with_filters["filters"] = json::array({{{"id", "delta"}, {"dtype", "<u4"}}});
  CHECK_THROWS_AS(encode_v2_chunk(with_filters, raw), std::invalid_argument);
  with_filters["filters"] = json::array();
  CHECK_NOTHROW(encode_v2_chunk(with_filters, raw));
  CHECK_THROWS_AS(encode_v2_chunk(zarray_with(nullptr), raw.substr(1)), std::invalid_argument);
  CHECK_THROWS_AS(encode_v2_chunk(zarray_with({{"id", "lzma"}}), raw), std::invalid_argument);
  CHECK_THROWS_AS(encode_v2_chunk(zarray_with({{"id", "zlib"}, {"level", "9"}}), raw), std::invalid_argument);
  CHECK_THROWS_AS(encode_v2_chunk(zarray_with({{"id", "blosc"}, {"clevel", 1.5}}), raw), std::invalid_argument);
  CHECK_THROWS_AS(encode_v2_chunk(zarray_with({{"level", 1}}), raw), std::invalid_argument);
  CHECK_THROWS_AS(encode_v2_chunk(zarray_with("zlib"), raw), std::invalid_argument);
  auto no_compressor = zarray_with(nullptr);
  no_compressor.erase("compressor");
  CHECK_THROWS_AS(encode_v2_chunk(no_compressor, raw), std::invalid_argument);
  CHECK_THROWS_AS(encode_v2_chunk(json::array(), raw), std::invalid_argument);
}
