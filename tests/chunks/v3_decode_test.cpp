// decode_v3_chunk on plain (unsharded) codec chains: every chain generators/encode writes
// comes back as the C-order little-endian elements it started from; corruptions give the
// exact problem kind.
#include <catch2/catch.hpp>

#include "chunk_fixtures.hpp"
#include "chunks/v3_decode.hpp"
#include "encode/v3_chunk.hpp"
#include "zarr/v3_data_type.hpp"

namespace {

using Kind = ozv::ChunkProblem::Kind;
using nlohmann::json;
using ozv::test::bytes_codec;

const std::vector<std::uint64_t> kShape{4, 6, 5};

Kind only_kind(const ozv::DecodedChunk& decoded) {
  REQUIRE_FALSE(decoded.data);
  REQUIRE(decoded.problems.size() == 1);
  INFO(decoded.problems[0].detail);
  return decoded.problems[0].kind;
}

json transpose(std::vector<int> order) { return {{"name", "transpose"}, {"configuration", {{"order", order}}}}; }
json gzip() { return {{"name", "gzip"}, {"configuration", {{"level", 5}}}}; }
json zstd() { return {{"name", "zstd"}, {"configuration", {{"level", 3}, {"checksum", true}}}}; }
json blosc(int typesize) {
  return {{"name", "blosc"},
          {"configuration", {{"cname", "zstd"}, {"clevel", 5}, {"shuffle", "shuffle"}, {"typesize", typesize}, {"blocksize", 0}}}};
}
json crc() { return {{"name", "crc32c"}}; }

}  // namespace

TEST_CASE("v3 codec chains round-trip") {
  const std::size_t element_size = GENERATE(1u, 2u, 8u);
  const json chain = GENERATE_COPY(
      json::array({bytes_codec()}), json::array({bytes_codec("big")}),
      json::array({transpose({2, 0, 1}), bytes_codec("big"), crc()}),
      json::array({transpose({1, 2, 0}), transpose({2, 1, 0}), bytes_codec(), gzip()}),
      json::array({bytes_codec(), zstd(), crc()}), json::array({bytes_codec("big"), blosc(static_cast<int>(element_size)), crc(), gzip()}),
      json::array({bytes_codec(), gzip(), zstd(), blosc(1)}));
  INFO(chain.dump() << " element size " << element_size);
  const std::string raw = ozv::test::pattern_bytes(4 * 6 * 5 * element_size, element_size);
  const std::string encoded = ozv::encode::encode_v3_chunk(chain, raw, kShape, element_size);
  const auto decoded = ozv::decode_v3_chunk(chain, encoded, kShape, ozv::ElementLayout{element_size, 0});
  REQUIRE(decoded.problems.empty());
  REQUIRE(decoded.data);
  CHECK(*decoded.data == raw);
}

TEST_CASE("v3 complex numbers swap each float on their own") {
  const auto complex64 = ozv::find_core_data_type("complex64");
  REQUIRE(complex64);
  const auto layout = ozv::element_layout(*complex64);
  CHECK(layout.endian_unit == 4);
  const json chain = json::array({bytes_codec("big")});
  const std::string raw = ozv::test::pattern_bytes(4 * 6 * 5 * 8);
  const std::string encoded = ozv::encode::encode_v3_chunk(chain, raw, kShape, 8, {}, 4);
  CHECK(ozv::decode_v3_chunk(chain, encoded, kShape, layout).data == raw);
}

TEST_CASE("v3 0-d chunks decode") {
  const json chain = json::array({bytes_codec(), crc()});
  const std::string encoded = ozv::encode::encode_v3_chunk(chain, "abcd", {}, 4);
  CHECK(ozv::decode_v3_chunk(chain, encoded, {}, ozv::ElementLayout{4, 0}).data == "abcd");
}

TEST_CASE("v3 crc32c detects a flipped byte") {
  const json chain = json::array({bytes_codec(), crc()});
  const std::string raw = ozv::test::pattern_bytes(4 * 6 * 5 * 2);
  std::string encoded = ozv::encode::encode_v3_chunk(chain, raw, kShape, 2);
  const std::size_t at = GENERATE(0u, 100u, 239u, 240u, 243u);
  encoded[at] = static_cast<char>(encoded[at] ^ 0x10);
  CHECK(only_kind(ozv::decode_v3_chunk(chain, encoded, kShape, ozv::ElementLayout{2, 0})) == Kind::checksum_mismatch);
}

TEST_CASE("v3 truncated and wrongly sized chunks") {
  const ozv::ElementLayout layout{2, 0};
  const std::string raw = ozv::test::pattern_bytes(4 * 6 * 5 * 2);
  SECTION("truncated gzip") {
    const json chain = json::array({bytes_codec(), gzip()});
    const std::string encoded = ozv::encode::encode_v3_chunk(chain, raw, kShape, 2);
    CHECK(only_kind(ozv::decode_v3_chunk(chain, encoded.substr(0, encoded.size() / 2), kShape, layout)) ==
          Kind::decode_failed);
  }
  SECTION("truncated under crc32c: the size is wrong before the checksum is") {
    const json chain = json::array({bytes_codec(), crc()});
    const std::string encoded = ozv::encode::encode_v3_chunk(chain, raw, kShape, 2);
    CHECK(only_kind(ozv::decode_v3_chunk(chain, encoded.substr(1), kShape, layout)) == Kind::size_mismatch);
    CHECK(only_kind(ozv::decode_v3_chunk(chain, encoded.substr(0, 3), kShape, layout)) == Kind::decode_failed);
  }
  SECTION("encoded for a smaller shape") {
    const json chain = GENERATE(json::array({bytes_codec()}), json::array({bytes_codec(), gzip()}),
                                json::array({bytes_codec(), zstd(), crc()}), json::array({bytes_codec(), blosc(2)}));
    INFO(chain.dump());
    const std::string small = ozv::encode::encode_v3_chunk(chain, raw.substr(0, 4 * 6 * 4 * 2), {4, 6, 4}, 2);
    CHECK(only_kind(ozv::decode_v3_chunk(chain, small, kShape, layout)) == Kind::size_mismatch);
  }
  SECTION("0-byte value") {
    const json chain = GENERATE(json::array({bytes_codec()}), json::array({bytes_codec(), gzip()}),
                                json::array({bytes_codec(), zstd()}), json::array({bytes_codec(), blosc(2)}),
                                json::array({bytes_codec(), crc()}));
    INFO(chain.dump());
    const auto decoded = ozv::decode_v3_chunk(chain, "", kShape, layout);
    CHECK_FALSE(decoded.data);
    CHECK(decoded.problems.size() == 1);
  }
}

TEST_CASE("v3 unknown codecs are unsupported; broken chains are invalid configurations") {
  const ozv::ElementLayout layout{2, 0};
  CHECK(only_kind(ozv::decode_v3_chunk(json::array({bytes_codec(), {{"name", "lz4"}}}), "x", kShape, layout)) ==
        Kind::unsupported_codec);
  CHECK(only_kind(ozv::decode_v3_chunk(json::array({{{"name", "bitround"}}, bytes_codec()}), "x", kShape, layout)) ==
        Kind::unsupported_codec);
  CHECK(only_kind(ozv::decode_v3_chunk(json::array({gzip(), bytes_codec()}), "x", kShape, layout)) ==
        Kind::invalid_configuration);
  CHECK(only_kind(ozv::decode_v3_chunk(json::array({crc()}), "x", kShape, layout)) == Kind::invalid_configuration);
  CHECK(only_kind(ozv::decode_v3_chunk(json::array({{{"name", "bytes"}}}), "x", kShape, layout)) ==
        Kind::invalid_configuration);
  CHECK(only_kind(ozv::decode_v3_chunk(json::array({transpose({0, 0, 1}), bytes_codec()}), "x", kShape, layout)) ==
        Kind::invalid_configuration);
  CHECK(only_kind(ozv::decode_v3_chunk(json::array({"transpose", bytes_codec()}), "x", kShape, layout)) ==
        Kind::invalid_configuration);
  CHECK(only_kind(ozv::decode_v3_chunk(json::array({bytes_codec(), bytes_codec()}), "x", kShape, layout)) ==
        Kind::invalid_configuration);
  CHECK(only_kind(ozv::decode_v3_chunk(json::array({bytes_codec()}), "x", kShape, ozv::ElementLayout{0, 0})) ==
        Kind::invalid_configuration);
  CHECK(only_kind(ozv::decode_v3_chunk(json::array({bytes_codec()}), "x", kShape, ozv::ElementLayout{4, 3})) ==
        Kind::invalid_configuration);
  CHECK(only_kind(ozv::decode_v3_chunk(json::array({bytes_codec()}), "x", kShape, layout, "abc")) ==
        Kind::invalid_configuration);
  CHECK(only_kind(ozv::decode_v3_chunk(json{{"not", "a list"}}, "x", kShape, layout)) == Kind::invalid_configuration);
  CHECK(only_kind(ozv::decode_v3_chunk(json::array({bytes_codec()}), "x", {1ull << 62, 16}, layout)) ==
        Kind::chunk_too_large);
}
