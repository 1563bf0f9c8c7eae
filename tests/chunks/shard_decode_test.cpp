// decode_v3_chunk through sharding_indexed: round trips of what generators/encode writes
// (index first or last, nested shards, left-out inner chunks), and every index defect with
// its exact kind and byte range in the shard.
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>

#include "chunk_fixtures.hpp"
#include "chunks/v3_decode.hpp"
#include "encode/v3_chunk.hpp"

namespace {

using Kind = ozv::ChunkProblem::Kind;
using Range = std::pair<std::uint64_t, std::uint64_t>;
using nlohmann::json;
using ozv::test::bytes_codec;
using ozv::test::sharding;

constexpr std::uint64_t kEmpty = std::numeric_limits<std::uint64_t>::max();
const std::vector<std::uint64_t> kShard{8, 6};  // inner [4, 3]: a 2 x 2 grid of 24-byte chunks
const ozv::ElementLayout kLayout{2, 0};
const std::string kFill("\x07\x00", 2);

json crc() { return {{"name", "crc32c"}}; }
json gzip() { return {{"name", "gzip"}, {"configuration", {{"level", 1}}}}; }

ozv::DecodedChunk decode(const json& codecs, std::string_view stored) {
  return ozv::decode_v3_chunk(codecs, stored, kShard, kLayout, kFill);
}

ozv::ChunkProblem only_problem(const ozv::DecodedChunk& decoded) {
  REQUIRE(decoded.problems.size() == 1);
  INFO(decoded.problems[0].detail);
  return decoded.problems[0];
}

}  // namespace

TEST_CASE("shards round-trip") {
  const std::string raw = ozv::test::pattern_bytes(8 * 6 * 2, 3);
  const char* location = GENERATE("start", "end");
  const json inner = GENERATE(json::array({bytes_codec()}), json::array({bytes_codec("big"), crc()}),
                              json::array({{{"name", "transpose"}, {"configuration", {{"order", {1, 0}}}}}, bytes_codec(), gzip()}));
  const json codecs = json::array({sharding({4, 3}, inner, location)});
  INFO(codecs.dump());
  const std::string encoded = ozv::encode::encode_v3_chunk(codecs, raw, kShard, 2, kFill);
  const auto decoded = decode(codecs, encoded);
  REQUIRE(decoded.problems.empty());
  CHECK(decoded.data == raw);
}

TEST_CASE("inner chunks left out of a shard take the fill value") {
  std::string raw = ozv::test::pattern_bytes(8 * 6 * 2, 4);
  for (std::size_t row = 4; row < 8; ++row)  // inner chunk (1,0): rows 4..7, columns 0..2
    for (std::size_t column = 0; column < 3; ++column) raw.replace((row * 6 + column) * 2, 2, kFill);
  const bool at_start = GENERATE(true, false);
  const json codecs = json::array({sharding({4, 3}, json::array({bytes_codec(), crc()}), at_start ? "start" : "end")});
  const std::string encoded = ozv::encode::encode_v3_chunk(codecs, raw, kShard, 2, kFill);
  const std::size_t base = ozv::test::index_start(encoded, 4, at_start);
  REQUIRE(ozv::test::get_u64_le(encoded, base + 16 * 2) == kEmpty);
  const auto decoded = decode(codecs, encoded);
  REQUIRE(decoded.problems.empty());
  CHECK(decoded.data == raw);
  // An all-fill shard is its index alone.
  std::string fill_only;
  for (int i = 0; i < 48; ++i) fill_only += kFill;
  const std::string all_fill = ozv::encode::encode_v3_chunk(codecs, fill_only, kShard, 2, kFill);
  CHECK(all_fill.size() == 68);
  const auto empty = decode(codecs, all_fill);
  REQUIRE(empty.data);
  CHECK(std::count(empty.data->begin(), empty.data->end(), '\x07') == 48);
}

TEST_CASE("nested shards, transposed shards and compressed shards round-trip") {
  const std::string raw = ozv::test::pattern_bytes(8 * 12 * 2, 5);
  const std::vector<std::uint64_t> shape{8, 12};
  const json innermost = json::array({bytes_codec(), crc()});
  const json codecs = GENERATE_COPY(
      json::array({sharding({4, 6}, json::array({sharding({2, 3}, innermost, "start")}))}),
      json::array({{{"name", "transpose"}, {"configuration", {{"order", {1, 0}}}}}, sharding({6, 4}, innermost), gzip()}),
      json::array({sharding({8, 12}, json::array({sharding({4, 4}, json::array({sharding({2, 2}, innermost)}))}))}));
  INFO(codecs.dump());
  const std::string encoded = ozv::encode::encode_v3_chunk(codecs, raw, shape, 2, kFill);
  const auto decoded = ozv::decode_v3_chunk(codecs, encoded, shape, kLayout, kFill);
  REQUIRE(decoded.problems.empty());
  CHECK(decoded.data == raw);
}

TEST_CASE("shard index defects") {
  const std::string raw = ozv::test::pattern_bytes(8 * 6 * 2, 6);
  const bool at_start = GENERATE(false, true);
  const json codecs = json::array({sharding({4, 3}, json::array({bytes_codec()}), at_start ? "start" : "end")});
  std::string shard = ozv::encode::encode_v3_chunk(codecs, raw, kShard, 2, kFill);
  REQUIRE(shard.size() == 4 * 24 + 68);
  const std::uint64_t body = at_start ? 68 : 0;  // where the inner chunks start
  const Range index = at_start ? Range{0, 68} : Range{96, 164};
  INFO("index at " << (at_start ? "start" : "end"));

  SECTION("shorter than the index") {
    const std::size_t keep = GENERATE(0u, 1u, 67u);
    const auto p = only_problem(decode(codecs, std::string_view(shard).substr(0, keep)));
    CHECK(p.kind == Kind::shard_index_truncated);
    CHECK(p.byte_range == Range{0, keep});
  }
  SECTION("index checksum") {
    shard[index.first + 5] = static_cast<char>(shard[index.first + 5] ^ 1);
    const auto decoded = decode(codecs, shard);
    CHECK_FALSE(decoded.data);
    CHECK(only_problem(decoded).kind == Kind::checksum_mismatch);
    CHECK(only_problem(decoded).byte_range == index);
  }
  SECTION("entry past the end") {
    ozv::test::patch_entry(shard, 4, at_start, 1, 150, 24);
    const auto decoded = decode(codecs, shard);
    CHECK_FALSE(decoded.data);
    CHECK(only_problem(decoded).kind == Kind::shard_entry_out_of_bounds);
    CHECK(only_problem(decoded).byte_range == Range{150, 174});
    CHECK(only_problem(decoded).detail.rfind("inner chunk (0,1)", 0) == 0);
  }
  SECTION("entry whose end overflows") {
    ozv::test::patch_entry(shard, 4, at_start, 3, kEmpty - 10, 24);
    const auto p = only_problem(decode(codecs, shard));
    CHECK(p.kind == Kind::shard_entry_out_of_bounds);
    CHECK_FALSE(p.byte_range);
    CHECK(p.detail.rfind("inner chunk (1,1)", 0) == 0);
  }
  SECTION("half-empty entries") {
    ozv::test::patch_entry(shard, 4, at_start, 0, kEmpty, 24);
    ozv::test::patch_entry(shard, 4, at_start, 2, body, kEmpty);
    const auto decoded = decode(codecs, shard);
    CHECK_FALSE(decoded.data);
    REQUIRE(decoded.problems.size() == 2);
    CHECK(decoded.problems[0].kind == Kind::shard_entry_half_empty);
    CHECK(decoded.problems[1].kind == Kind::shard_entry_half_empty);
    CHECK(decoded.problems[1].detail.rfind("inner chunk (1,0)", 0) == 0);
  }
  SECTION("entry overlapping the index") {
    const std::uint64_t offset = at_start ? 60 : 90;
    ozv::test::patch_entry(shard, 4, at_start, 2, offset, 24);
    const auto decoded = decode(codecs, shard);
    CHECK_FALSE(decoded.data);
    CHECK(only_problem(decoded).kind == Kind::shard_entry_overlaps_index);
    CHECK(only_problem(decoded).byte_range == Range{offset, offset + 24});
  }
  SECTION("entries sharing bytes: reported, still decoded") {
    ozv::test::patch_entry(shard, 4, at_start, 3, body + 12, 24);  // half of chunk 0, half of chunk 1
    const auto decoded = decode(codecs, shard);
    REQUIRE(decoded.problems.size() == 2);
    for (const auto& p : decoded.problems) CHECK(p.kind == Kind::shard_entries_overlap);
    CHECK(decoded.problems[0].byte_range == Range{body + 12, body + 24});
    CHECK(decoded.problems[1].byte_range == Range{body + 24, body + 36});
    CHECK(decoded.data);
  }
  SECTION("entry of the wrong size") {
    ozv::test::patch_entry(shard, 4, at_start, 1, body + 24, 22);
    const auto decoded = decode(codecs, shard);
    CHECK_FALSE(decoded.data);
    CHECK(only_problem(decoded).kind == Kind::size_mismatch);
    CHECK(only_problem(decoded).byte_range == Range{body + 24, body + 46});
  }
  SECTION("0-byte entry") {
    ozv::test::patch_entry(shard, 4, at_start, 1, body, 0);
    CHECK(only_problem(decode(codecs, shard)).kind == Kind::size_mismatch);
  }
}

TEST_CASE("every bad inner chunk of a shard is reported with its coordinates and bytes") {
  const std::string raw = ozv::test::pattern_bytes(8 * 6 * 2, 7);
  const json codecs = json::array({sharding({4, 3}, json::array({bytes_codec(), crc()}))});
  std::string shard = ozv::encode::encode_v3_chunk(codecs, raw, kShard, 2, kFill);
  REQUIRE(shard.size() == 4 * 28 + 68);
  shard[28 + 3] = static_cast<char>(shard[28 + 3] ^ 0x40);
  shard[84 + 27] = static_cast<char>(shard[84 + 27] ^ 0x01);
  const auto decoded = decode(codecs, shard);
  CHECK_FALSE(decoded.data);
  REQUIRE(decoded.problems.size() == 2);
  CHECK(decoded.problems[0].kind == Kind::checksum_mismatch);
  CHECK(decoded.problems[0].detail.rfind("inner chunk (0,1): ", 0) == 0);
  CHECK(decoded.problems[0].byte_range == Range{28, 56});
  CHECK(decoded.problems[1].kind == Kind::checksum_mismatch);
  CHECK(decoded.problems[1].detail.rfind("inner chunk (1,1): ", 0) == 0);
  CHECK(decoded.problems[1].byte_range == Range{84, 112});
}

TEST_CASE("nested shard problems are located in the outer shard") {
  const std::vector<std::uint64_t> shape{8, 12};
  const std::string raw = ozv::test::pattern_bytes(8 * 12 * 2, 8);
  const json codecs = json::array({sharding({4, 6}, json::array({sharding({2, 3}, json::array({bytes_codec(), crc()}))}), "start")});
  std::string shard = ozv::encode::encode_v3_chunk(codecs, raw, shape, 2, kFill);
  // Outer index 68 bytes; each inner shard: 4 chunks of 12 + 4 bytes, then its 68-byte index.
  const std::size_t inner_shard = 4 * 16 + 68;
  const std::size_t second = 68 + inner_shard;  // outer chunk (0,1)
  shard[second + 16 + 2] = static_cast<char>(shard[second + 16 + 2] ^ 0x02);
  const auto decoded = ozv::decode_v3_chunk(codecs, shard, shape, kLayout, kFill);
  const auto p = only_problem(decoded);
  CHECK(p.kind == Kind::checksum_mismatch);
  CHECK(p.detail.rfind("inner chunk (0,1): inner chunk (0,1): ", 0) == 0);
  CHECK(p.byte_range == Range{second + 16, second + 32});
}

TEST_CASE("shard configurations the decoder refuses") {
  const std::string raw = ozv::test::pattern_bytes(8 * 6 * 2, 9);
  const json good = json::array({sharding({4, 3}, json::array({bytes_codec()}))});
  const std::string shard = ozv::encode::encode_v3_chunk(good, raw, kShard, 2, kFill);
  SECTION("inner chunk shape not dividing the shard") {
    CHECK(only_problem(decode(json::array({sharding({3, 3}, json::array({bytes_codec()}))}), shard)).kind ==
          Kind::invalid_configuration);
    CHECK(only_problem(decode(json::array({sharding({4, 0}, json::array({bytes_codec()}))}), shard)).kind ==
          Kind::invalid_configuration);
    CHECK(only_problem(decode(json::array({sharding({4}, json::array({bytes_codec()}))}), shard)).kind ==
          Kind::invalid_configuration);
  }
  SECTION("index codecs that are not fixed-size") {
    const json codecs = json::array({sharding({4, 3}, json::array({bytes_codec()}), "end", json::array({bytes_codec(), gzip()}))});
    CHECK(only_problem(decode(codecs, shard)).kind == Kind::invalid_configuration);
  }
  SECTION("bad index location, missing members") {
    json codecs = good;
    codecs[0]["configuration"]["index_location"] = "middle";
    CHECK(only_problem(decode(codecs, shard)).kind == Kind::invalid_configuration);
    codecs[0]["configuration"].erase("index_codecs");
    CHECK(only_problem(decode(codecs, shard)).kind == Kind::invalid_configuration);
  }
  SECTION("unknown inner codec: unsupported in every inner chunk") {
    const json codecs = json::array({sharding({4, 3}, json::array({bytes_codec(), {{"name", "lz4"}}}))});
    const auto decoded = decode(codecs, shard);
    CHECK_FALSE(decoded.data);
    REQUIRE(decoded.problems.size() == 4);
    for (const auto& p : decoded.problems) CHECK(p.kind == Kind::unsupported_codec);
  }
  SECTION("nesting deeper than the limit") {
    json codecs = json::array({bytes_codec()});
    for (int level = 0; level < 10; ++level) codecs = json::array({sharding({1}, codecs)});
    const std::string deep = ozv::encode::encode_v3_chunk(codecs, "ab", {1}, 2, {});
    const auto decoded = ozv::decode_v3_chunk(codecs, deep, {1}, kLayout, {});
    CHECK_FALSE(decoded.data);
    CHECK(only_problem(decoded).kind == Kind::invalid_configuration);
    CHECK(only_problem(decoded).detail.find("nested deeper than 8") != std::string::npos);
  }
}
