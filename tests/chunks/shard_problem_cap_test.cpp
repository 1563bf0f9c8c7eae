// A shard's problem list is capped per kind inside the decoder: a hostile index naming a
// million bad inner chunks yields the first few and one count, not a million problems. Also the
// problems-only mode (DecodeLimits::keep_data false) the chunk pass uses.
#include <catch2/catch.hpp>

#include <algorithm>
#include <limits>

#include "chunk_fixtures.hpp"
#include "chunks/v2_decode.hpp"
#include "chunks/v3_decode.hpp"
#include "encode/v3_chunk.hpp"

namespace {

using Kind = ozv::ChunkProblem::Kind;
using nlohmann::json;
using ozv::test::bytes_codec;
using ozv::test::sharding;

constexpr std::uint64_t kEmpty = std::numeric_limits<std::uint64_t>::max();

// Only an index (at the end, with its crc32c) of `cells` entries, entry i = entry(i).
template <typename Entry>
std::string index_only_shard(std::size_t cells, Entry entry) {
  std::string shard(16 * cells + 4, '\0');
  for (std::size_t cell = 0; cell < cells; ++cell) {
    const auto [offset, nbytes] = entry(cell);
    ozv::test::put_u64_le(shard, 16 * cell, offset);
    ozv::test::put_u64_le(shard, 16 * cell + 8, nbytes);
  }
  const std::uint32_t crc = ozv::crc32c(std::string_view(shard).substr(0, 16 * cells));
  for (std::size_t i = 0; i < 4; ++i) shard[16 * cells + i] = static_cast<char>((crc >> (8 * i)) & 0xFF);
  return shard;
}

std::size_t count_kind(const ozv::DecodedChunk& decoded, Kind kind) {
  return static_cast<std::size_t>(std::count_if(decoded.problems.begin(), decoded.problems.end(),
                                                [&](const ozv::ChunkProblem& p) { return p.kind == kind; }));
}

}  // namespace

TEST_CASE("a shard whose million index entries are all out of bounds lists a bounded number of problems") {
  const std::vector<std::uint64_t> shape{1000, 1000};  // inner chunks of one element: 10^6 entries
  const json codecs = json::array({sharding({1, 1}, json::array({bytes_codec()}))});
  const std::string shard = index_only_shard(1'000'000, [](std::size_t) {
    return std::pair<std::uint64_t, std::uint64_t>{std::uint64_t{1} << 40, 1};
  });
  ozv::DecodeLimits limits;
  limits.max_problems_per_kind = 100;
  const auto decoded = ozv::decode_v3_chunk(codecs, shard, shape, ozv::ElementLayout{1, 0}, {}, limits);
  CHECK_FALSE(decoded.data);
  CHECK_FALSE(decoded.complete);
  REQUIRE(decoded.problems.size() == 101);
  for (const auto& p : decoded.problems) CHECK(p.kind == Kind::shard_entry_out_of_bounds);
  CHECK(decoded.problems.front().detail.rfind("inner chunk (0,0): ", 0) == 0);
  CHECK(decoded.problems[99].detail.rfind("inner chunk (0,99): ", 0) == 0);
  INFO(decoded.problems.back().detail);
  CHECK(decoded.problems.back().detail.find("999900 more inner chunks") != std::string::npos);
}

TEST_CASE("the cap applies to each kind of shard problem on its own") {
  const std::vector<std::uint64_t> shape{4, 10};  // 40 one-element inner chunks
  const json codecs = json::array({sharding({1, 1}, json::array({bytes_codec()}))});
  // Cells 0..19 half empty, 20..29 overlapping the index (which starts at 0: there is no body),
  // 30..39 past the end.
  const std::string shard = index_only_shard(40, [](std::size_t cell) {
    if (cell < 20) return std::pair<std::uint64_t, std::uint64_t>{kEmpty, 1};
    if (cell < 30) return std::pair<std::uint64_t, std::uint64_t>{0, 1};
    return std::pair<std::uint64_t, std::uint64_t>{1000, 1};
  });
  ozv::DecodeLimits limits;
  limits.max_problems_per_kind = 3;
  const auto decoded = ozv::decode_v3_chunk(codecs, shard, shape, ozv::ElementLayout{1, 0}, {}, limits);
  CHECK(count_kind(decoded, Kind::shard_entry_half_empty) == 4);
  CHECK(count_kind(decoded, Kind::shard_entry_overlaps_index) == 4);
  CHECK(count_kind(decoded, Kind::shard_entry_out_of_bounds) == 4);
  REQUIRE(decoded.problems.size() == 12);
  const auto summary = [&](Kind kind) {
    for (auto it = decoded.problems.rbegin(); it != decoded.problems.rend(); ++it)
      if (it->kind == kind) return it->detail;
    return std::string();
  };
  CHECK(summary(Kind::shard_entry_half_empty).rfind("17 more inner chunks", 0) == 0);
  CHECK(summary(Kind::shard_entry_overlaps_index).rfind("7 more inner chunks", 0) == 0);
  CHECK(summary(Kind::shard_entry_out_of_bounds).rfind("7 more inner chunks", 0) == 0);
}

TEST_CASE("inner chunks that fail to decode are capped too") {
  const std::vector<std::uint64_t> shape{8, 6};
  const std::string raw = ozv::test::pattern_bytes(8 * 6 * 2, 11);
  const json codecs = json::array({sharding({1, 1}, json::array({bytes_codec(), {{"name", "crc32c"}}}))});
  std::string shard = ozv::encode::encode_v3_chunk(codecs, raw, shape, 2);
  for (std::size_t cell = 0; cell < 48; ++cell) shard[cell * 6] = static_cast<char>(shard[cell * 6] ^ 1);  // each checksum fails
  ozv::DecodeLimits limits;
  limits.max_problems_per_kind = 5;
  const auto decoded = ozv::decode_v3_chunk(codecs, shard, shape, ozv::ElementLayout{2, 0}, {}, limits);
  REQUIRE(decoded.problems.size() == 6);
  CHECK(count_kind(decoded, Kind::checksum_mismatch) == 6);
  CHECK(decoded.problems.back().detail.rfind("43 more inner chunks", 0) == 0);
}

TEST_CASE("without keep_data every chunk is still checked, and no data is returned") {
  const std::vector<std::uint64_t> shape{8, 6};
  const std::string raw = ozv::test::pattern_bytes(8 * 6 * 2, 12);
  const json codecs = json::array({sharding({4, 3}, json::array({bytes_codec(), {{"name", "crc32c"}}}))});
  std::string shard = ozv::encode::encode_v3_chunk(codecs, raw, shape, 2);
  ozv::DecodeLimits limits;
  limits.keep_data = false;
  ozv::DecodeScratch scratch;
  for (int round = 0; round < 2; ++round) {  // the second round decodes into recycled buffers
    const auto good = ozv::decode_v3_chunk(codecs, shard, shape, ozv::ElementLayout{2, 0}, {}, limits, &scratch);
    CHECK(good.problems.empty());
    CHECK(good.complete);
    CHECK_FALSE(good.data);
  }
  shard[30] = static_cast<char>(shard[30] ^ 1);  // inner chunk (0,1)
  const auto bad = ozv::decode_v3_chunk(codecs, shard, shape, ozv::ElementLayout{2, 0}, {}, limits, &scratch);
  REQUIRE(bad.problems.size() == 1);
  CHECK(bad.problems[0].kind == Kind::checksum_mismatch);
  CHECK_FALSE(bad.complete);

  const json zarray = {{"chunks", {8, 6}}, {"dtype", "<u2"}, {"compressor", nullptr}, {"filters", nullptr}};
  const auto v2 = ozv::decode_v2_chunk(zarray, raw, limits, &scratch);
  CHECK(v2.problems.empty());
  CHECK(v2.complete);
  CHECK_FALSE(v2.data);
  CHECK(ozv::decode_v2_chunk(zarray, std::string_view(raw).substr(1), limits, &scratch).problems.size() == 1);
  // With data kept, the buffer lent by the scratch holds exactly the chunk.
  const auto kept = ozv::decode_v2_chunk(zarray, raw, ozv::DecodeLimits{}, &scratch);
  CHECK(kept.data == raw);
}
