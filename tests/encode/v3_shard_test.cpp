// Shards are parsed back by hand: index placement and checksum, empty-chunk entries, bounds
// and overlap of the others, and each inner chunk's content, for index at start and end.
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>

#include "encode/reference_decoders.hpp"
#include "encode/v3_chunk.hpp"
#include "zarr/crc32c.hpp"

using namespace ozv::encode;
using namespace ozv::test;
using nlohmann::json;
using Shape = std::vector<std::uint64_t>;

namespace {

constexpr std::uint64_t kEmpty = std::numeric_limits<std::uint64_t>::max();

json sharding(const std::string& location, const json& inner_codecs) {
  return json::array({{{"name", "sharding_indexed"},
                       {"configuration",
                        {{"chunk_shape", {2, 3}},
                         {"codecs", inner_codecs},
                         {"index_codecs", json::parse(R"([{"name": "bytes", "configuration": {"endian": "little"}},
                                                         {"name": "crc32c"}])")},
                         {"index_location", location}}}}});
}

// A (4, 6) uint16 shard, inner chunks (2, 3) -> a 2 x 2 grid. Element (r, c) is r * 6 + c + 1
// except in inner chunk (0, 1) (rows 0-1, columns 3-5), which is all fill value 0.
std::string shard_elements() {
  std::string out;
  for (std::uint16_t r = 0; r < 4; ++r)
    for (std::uint16_t c = 0; c < 6; ++c) {
      const std::uint16_t v = (r < 2 && c >= 3) ? 0 : static_cast<std::uint16_t>(r * 6 + c + 1);
      out.push_back(static_cast<char>(v & 0xFF));
      out.push_back(static_cast<char>(v >> 8));
    }
  return out;
}

// The expected elements of inner chunk (gr, gc), in C order, little-endian.
std::string inner_elements(std::uint16_t gr, std::uint16_t gc) {
  const std::string shard = shard_elements();
  std::string out;
  for (std::uint16_t r = 0; r < 2; ++r) out += shard.substr(((gr * 2 + r) * 6 + gc * 3) * 2, 6);
  return out;
}

}  // namespace

TEST_CASE("sharded chunk: index at start and at end parse back", "[encode]") {
  const json inner = json::parse(R"([{"name": "bytes", "configuration": {"endian": "big"}},
                                     {"name": "gzip", "configuration": {"level": 1}}])");
  const std::string fill("\0\0", 2);
  const std::size_t index_size = 4 * 16 + 4;
  for (const std::string location : {"start", "end"}) {
    INFO(location);
    const auto shard = encode_v3_chunk(sharding(location, inner), shard_elements(), Shape{4, 6}, 2, fill);
    CHECK(shard == encode_v3_chunk(sharding(location, inner), shard_elements(), Shape{4, 6}, 2, fill));
    REQUIRE(shard.size() > index_size);
    const std::size_t index_at = location == "start" ? 0 : shard.size() - index_size;
    const std::string index = shard.substr(index_at, index_size);
    CHECK(get_u32_le(index, 64) == ozv::crc32c(std::string_view(index).substr(0, 64)));
    const std::uint64_t body_begin = location == "start" ? index_size : 0;
    const std::uint64_t body_end = location == "start" ? shard.size() : shard.size() - index_size;

    std::vector<std::pair<std::uint64_t, std::uint64_t>> used;
    for (std::uint16_t cell = 0; cell < 4; ++cell) {
      const std::uint64_t offset = get_u64_le(index, cell * 16u);
      const std::uint64_t nbytes = get_u64_le(index, cell * 16u + 8);
      INFO("cell " << cell);
      if (cell == 1) {  // the all-fill inner chunk
        CHECK(offset == kEmpty);
        CHECK(nbytes == kEmpty);
        continue;
      }
      REQUIRE(offset >= body_begin);
      REQUIRE(nbytes > 0);
      REQUIRE(offset + nbytes <= body_end);
      used.emplace_back(offset, offset + nbytes);
      // Decode: gunzip, then big-endian uint16 back to little.
      const auto plain = inflate_any(std::string_view(shard).substr(offset, nbytes), 12);
      REQUIRE(plain.size() == 12);
      std::string little;
      for (std::size_t i = 0; i < plain.size(); i += 2) little += {plain[i + 1], plain[i]};
      CHECK(little == inner_elements(cell / 2, cell % 2));
    }
    std::sort(used.begin(), used.end());
    for (std::size_t i = 1; i < used.size(); ++i) CHECK(used[i - 1].second <= used[i].first);
    // Chunks are packed in grid order with no gaps, so the body is exactly their sum.
    std::uint64_t total = 0;
    for (const auto& [begin, end] : used) total += end - begin;
    CHECK(total == body_end - body_begin);
  }
}

TEST_CASE("sharding: no fill element keeps every inner chunk; all-fill shard is its index", "[encode]") {
  const auto inner = json::parse(R"([{"name": "bytes", "configuration": {"endian": "little"}}])");
  const auto full = encode_v3_chunk(sharding("end", inner), shard_elements(), Shape{4, 6}, 2);
  CHECK(full.size() == 48 + 68);
  CHECK(full.substr(12, 12) == inner_elements(0, 1));  // cell 1, raw, right after cell 0
  CHECK(get_u64_le(full, 48 + 16) == 12);

  const auto empty = encode_v3_chunk(sharding("start", inner), std::string(48, '\0'), Shape{4, 6}, 2, std::string(2, '\0'));
  REQUIRE(empty.size() == 68);
  for (std::size_t i = 0; i < 64; ++i) CHECK(static_cast<unsigned char>(empty[i]) == 0xFF);
}

TEST_CASE("sharding after transpose, and nested sharding", "[encode]") {
  // (6, 4) transposed to (4, 6): the inner chunk shape applies to the transposed shape.
  json codecs = sharding("end", json::array({"bytes"}));
  const json transpose = {{"name", "transpose"}, {"configuration", {{"order", {1, 0}}}}};
  codecs.insert(codecs.begin(), transpose);
  std::string src(24, '\0');
  for (std::size_t i = 0; i < 24; ++i) src[i] = static_cast<char>(i);
  const auto shard = encode_v3_chunk(codecs, src, Shape{6, 4}, 1);
  REQUIRE(shard.size() == 24 + 68);
  // Inner chunk 0 is rows 0-1, columns 0-2 of the transposed array: src[c][r] = c * 4 + r.
  CHECK(shard.substr(0, 6) == std::string("\x00\x04\x08\x01\x05\x09", 6));

  const json index_bytes = json::parse(R"({"name": "bytes", "configuration": {"endian": "little"}})");
  const json inner_shard = {{"name", "sharding_indexed"},
                            {"configuration",
                             {{"chunk_shape", {2}}, {"codecs", json::array({"bytes"})},
                              {"index_codecs", json::array({index_bytes})}}}};
  const json outer = json::array({{{"name", "sharding_indexed"},
                                   {"configuration",
                                    {{"chunk_shape", {4}}, {"codecs", json::array({inner_shard})},
                                     {"index_codecs", json::array({index_bytes})}}}}});
  const auto two_level = encode_v3_chunk(outer, std::string("\0\0\0\0abcd", 8), Shape{8}, 1, std::string(1, '\0'));
  REQUIRE(two_level.size() == 36 + 32);
  CHECK(get_u64_le(two_level, 36) == kEmpty);  // outer cell 0 is all fill
  CHECK(get_u64_le(two_level, 36 + 16) == 0);
  CHECK(get_u64_le(two_level, 36 + 24) == 36);
  CHECK(two_level.substr(0, 4) == "abcd");
  CHECK(get_u64_le(two_level, 4 + 16) == 2);  // inner shard: its cell 1 at offset 2, 2 bytes
  CHECK(get_u64_le(two_level, 4 + 24) == 2);
}

TEST_CASE("sharding refusals", "[encode]") {
  const auto refuses = [](const json& change) {
    json codecs = sharding("end", json::array({"bytes"}));
    codecs[0]["configuration"].merge_patch(change);
    INFO(codecs.dump());
    CHECK_THROWS_AS(encode_v3_chunk(codecs, std::string(24, 'x'), Shape{4, 6}, 1), std::invalid_argument);
  };
  refuses({{"chunk_shape", {4, 4}}});     // does not divide 6
  refuses({{"chunk_shape", {2}}});        // wrong rank
  refuses({{"chunk_shape", {0, 3}}});
  refuses({{"chunk_shape", {2, -3}}});
  refuses({{"index_location", "middle"}});
  refuses({{"codecs", nullptr}});
  refuses({{"codecs", json::array({"bytes", "bytes"})}});
  refuses({{"index_codecs", json::parse(R"(["bytes", {"name": "gzip", "configuration": {"level": 1}}])")}});
  refuses({{"index_codecs", json::array()}});
  json no_config = json::array({{{"name", "sharding_indexed"}}});
  CHECK_THROWS_AS(encode_v3_chunk(no_config, std::string(24, 'x'), Shape{4, 6}, 1), std::invalid_argument);
}
