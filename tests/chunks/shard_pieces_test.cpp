// decode_v3_shard reads a shard piece by piece (its index, then each inner chunk) and must
// report exactly what decode_v3_chunk reports for the same shard in memory, good or broken.
#include <catch2/catch.hpp>

#include <limits>

#include "chunk_fixtures.hpp"
#include "chunks/v3_decode.hpp"
#include "encode/v3_chunk.hpp"

namespace {

using Kind = ozv::ChunkProblem::Kind;
using nlohmann::json;
using ozv::test::bytes_codec;
using ozv::test::sharding;

const std::vector<std::uint64_t> kShard{8, 6};  // inner [4, 3]: 2 x 2 inner chunks
const ozv::ElementLayout kLayout{2, 0};

// Copies out each piece, as a store would, and remembers the largest.
class CopyingPieces final : public ozv::ShardBytes {
 public:
  explicit CopyingPieces(std::string stored) : stored_(std::move(stored)) {}
  std::uint64_t size() const override { return stored_.size(); }
  std::string_view read(std::uint64_t offset, std::uint64_t length, ozv::Bytes& holder) override {
    REQUIRE(offset + length <= stored_.size());
    holder = stored_.substr(offset, length);
    largest = std::max<std::uint64_t>(largest, length);
    ++reads;
    return holder;
  }
  void hold_whole() override { held = true; }
  std::uint64_t largest = 0;
  int reads = 0;
  bool held = false;

 private:
  std::string stored_;
};

}  // namespace

TEST_CASE("a shard read piece by piece gives the problems of the shard read whole") {
  const std::string raw = ozv::test::pattern_bytes(8 * 6 * 2, 21);
  const json codecs = json::array({sharding({4, 3}, json::array({bytes_codec(), {{"name", "crc32c"}}}))});
  std::string shard = ozv::encode::encode_v3_chunk(codecs, raw, kShard, 2);
  REQUIRE(shard.size() == 4 * 28 + 68);
  const auto kind = GENERATE(0, 1, 2, 3, 4, 5, 6);
  INFO("case " << kind);
  if (kind == 1) shard[28 + 3] = static_cast<char>(shard[28 + 3] ^ 0x40);  // a checksum fails
  if (kind == 2) ozv::test::patch_entry(shard, 4, false, 1, 150, 28);      // past the end
  if (kind == 3) ozv::test::patch_entry(shard, 4, false, 3, 0, 28);        // the bytes of (0,0) again
  if (kind == 4) shard[shard.size() - 1] = static_cast<char>(shard.back() ^ 1);  // the index checksum
  if (kind == 5) shard.resize(40);                                          // shorter than the index
  if (kind == 6)  // every entry spans all inner chunks: reading each would read the shard 4 times
    for (std::size_t cell = 0; cell < 4; ++cell) ozv::test::patch_entry(shard, 4, false, cell, 0, 112);
  ozv::DecodeLimits limits;
  limits.keep_data = GENERATE(true, false);
  const auto whole = ozv::decode_v3_chunk(codecs, shard, kShard, kLayout, {}, limits);
  CopyingPieces pieces(shard);
  const auto by_pieces = ozv::decode_v3_shard(codecs, pieces, kShard, kLayout, {}, limits);
  CHECK(by_pieces.complete == whole.complete);
  CHECK(by_pieces.complete == (kind == 0 || kind == 3));
  CHECK(by_pieces.data == whole.data);
  REQUIRE(by_pieces.problems.size() == whole.problems.size());
  for (std::size_t i = 0; i < whole.problems.size(); ++i) {
    CHECK(by_pieces.problems[i].kind == whole.problems[i].kind);
    CHECK(by_pieces.problems[i].detail == whole.problems[i].detail);
    CHECK(by_pieces.problems[i].byte_range == whole.problems[i].byte_range);
  }
  // Never more than the index or one inner chunk at a time, unless the entries share so many
  // bytes that reading them one by one would cost more than reading the shard once.
  CHECK(pieces.held == (kind == 6));
  if (kind != 6) CHECK(pieces.largest <= 68);
}

TEST_CASE("only a chain of one sharding codec is read piece by piece") {
  const json inner = json::array({bytes_codec()});
  CHECK(ozv::is_bare_sharding(json::array({sharding({4, 3}, inner)})));
  CHECK_FALSE(ozv::is_bare_sharding(json::array({sharding({4, 3}, inner), {{"name", "crc32c"}}})));
  CHECK_FALSE(ozv::is_bare_sharding(json::array({bytes_codec()})));
  CHECK_FALSE(ozv::is_bare_sharding(json::array({{{"name", "sharding_indexed"}}})));
  CopyingPieces pieces("whatever");
  const auto refused = ozv::decode_v3_shard(json::array({bytes_codec()}), pieces, kShard, kLayout);
  REQUIRE(refused.problems.size() == 1);
  CHECK(refused.problems[0].kind == Kind::invalid_configuration);
}
