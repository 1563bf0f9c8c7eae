// Random mutations of valid chunks and shards: whatever the bytes, the decoders return (no
// crash, throw, hang or runaway allocation), and data they return has the chunk's size.
// Run under -DOZV_SANITIZE=ON to turn memory errors inside the codecs into failures.
#include <catch2/catch.hpp>

#include <functional>
#include <limits>

#include "chunk_fixtures.hpp"
#include "chunks/v2_decode.hpp"
#include "chunks/v3_decode.hpp"
#include "encode/v2_chunk.hpp"
#include "encode/v3_chunk.hpp"

namespace {

using nlohmann::json;
using ozv::test::bytes_codec;
using ozv::test::sharding;

struct Sample {
  std::string name;
  std::string encoded;
  std::function<ozv::DecodedChunk(std::string_view)> decode;
  std::size_t expected_size;
};

std::vector<Sample> make_samples() {
  std::vector<Sample> samples;
  const json v2 = {{"zarr_format", 2}, {"shape", {16, 16}}, {"chunks", {8, 16}}, {"dtype", "<u4"}, {"order", "C"},
                   {"fill_value", 0},  {"filters", nullptr}};
  const std::string v2_raw = ozv::test::pattern_bytes(8 * 16 * 4, 11);
  for (const json& compressor :
       {json(nullptr), json{{"id", "blosc"}, {"cname", "lz4"}, {"shuffle", 1}}, json{{"id", "blosc"}, {"cname", "zstd"}, {"shuffle", 2}},
        json{{"id", "blosc"}, {"cname", "blosclz"}, {"shuffle", 0}}, json{{"id", "zlib"}, {"level", 5}},
        json{{"id", "gzip"}, {"level", 5}}, json{{"id", "zstd"}, {"level", 3}, {"checksum", true}}}) {
    json meta = v2;
    meta["compressor"] = compressor;
    samples.push_back({"v2 " + compressor.dump(), ozv::encode::encode_v2_chunk(meta, v2_raw),
                       [meta](std::string_view s) { return ozv::decode_v2_chunk(meta, s); }, v2_raw.size()});
  }

  const std::vector<std::uint64_t> shape{8, 12};
  const std::string fill("\x05\x00", 2);
  std::string v3_raw = ozv::test::pattern_bytes(8 * 12 * 2, 12);
  for (std::size_t i = 0; i < 24; ++i) v3_raw.replace(2 * i, 2, fill);  // the first two rows: elided inner chunks
  const json gzip = {{"name", "gzip"}, {"configuration", {{"level", 1}}}};
  const json zstd = {{"name", "zstd"}, {"configuration", {{"level", 1}, {"checksum", false}}}};
  const json blosc = {{"name", "blosc"}, {"configuration", {{"cname", "lz4"}, {"clevel", 5}, {"shuffle", "shuffle"}, {"typesize", 2}}}};
  const json crc = {{"name", "crc32c"}};
  const json transpose = {{"name", "transpose"}, {"configuration", {{"order", {1, 0}}}}};
  const json plain_index = json::array({bytes_codec()});
  for (const json& codecs :
       {json::array({bytes_codec(), gzip}), json::array({bytes_codec(), zstd}), json::array({bytes_codec("big"), blosc, crc}),
        json::array({transpose, bytes_codec(), crc}),
        json::array({sharding({2, 3}, json::array({bytes_codec(), gzip}), "end", plain_index)}),
        json::array({sharding({2, 3}, json::array({bytes_codec(), blosc}), "start", plain_index)}),
        json::array({sharding({4, 4}, json::array({bytes_codec(), zstd}))}),
        json::array({sharding({4, 6}, json::array({sharding({2, 2}, json::array({bytes_codec()}), "start", plain_index)}), "end",
                               plain_index)}),
        json::array({transpose, sharding({6, 4}, json::array({bytes_codec("big")}), "end", plain_index), gzip})}) {
    samples.push_back({"v3 " + codecs.dump(), ozv::encode::encode_v3_chunk(codecs, v3_raw, shape, 2, fill),
                       [codecs, shape, fill](std::string_view s) {
                         return ozv::decode_v3_chunk(codecs, s, shape, ozv::ElementLayout{2, 0}, fill);
                       },
                       v3_raw.size()});
  }
  return samples;
}

// Values that sit on the edges of the checks: offsets and sizes near the value's end, 2^64-1.
std::uint64_t interesting(ozv::test::SplitMix64& rng, std::size_t size) {
  const std::uint64_t choices[] = {0, 1, size, size - 1, size + 1, std::numeric_limits<std::uint64_t>::max(),
                                   std::numeric_limits<std::uint64_t>::max() - 1, std::uint64_t{1} << 31,
                                   std::uint64_t{1} << 63, rng.next()};
  return choices[rng.below(std::size(choices))];
}

void mutate(std::string& bytes, ozv::test::SplitMix64& rng) {
  const std::size_t size = bytes.size();
  switch (rng.below(7)) {
    case 0:
      if (size) bytes[rng.below(size)] ^= static_cast<char>(1 << rng.below(8));
      break;
    case 1:
      if (size) bytes[rng.below(size)] = static_cast<char>(rng.next());
      break;
    case 2:
      bytes.resize(rng.below(size + 1));
      break;
    case 3:
      for (std::uint64_t n = 1 + rng.below(16); n-- > 0;) bytes.push_back(static_cast<char>(rng.next()));
      break;
    case 4:  // an index entry or a header field, at an 8-byte boundary from either end
      if (size >= 8) {
        const std::size_t slot = 8 * rng.below(size / 8);
        const std::size_t at = rng.below(2) ? slot : size - 8 - slot;
        ozv::test::put_u64_le(bytes, at, interesting(rng, size));
      }
      break;
    case 5:  // a 32-bit header field (blosc nbytes/cbytes, zstd sizes)
      if (size >= 4) {
        const std::size_t at = rng.below(size - 3);
        const std::uint64_t value = interesting(rng, size);
        for (std::size_t i = 0; i < 4; ++i) bytes[at + i] = static_cast<char>((value >> (8 * i)) & 0xFF);
      }
      break;
    default:  // a slice copied elsewhere
      if (size >= 2) {
        const std::size_t from = rng.below(size);
        const std::size_t length = 1 + rng.below(size - from);
        bytes.insert(rng.below(size), bytes.substr(from, length));
      }
      break;
  }
}

}  // namespace

TEST_CASE("20000 random mutations never crash the decoders") {
  const std::vector<Sample> samples = make_samples();
  for (const auto& sample : samples) {
    INFO(sample.name);
    const auto clean = sample.decode(sample.encoded);
    REQUIRE(clean.problems.empty());
    REQUIRE(clean.data);
  }
  ozv::test::SplitMix64 rng{20260101};
  std::size_t decoded = 0;
  std::size_t rejected = 0;
  std::size_t wrong = 0;
  std::size_t threw = 0;
  for (int round = 0; round < 20000; ++round) {
    const Sample& sample = samples[rng.below(samples.size())];
    std::string bytes = sample.encoded;
    for (std::uint64_t n = 1 + rng.below(3); n-- > 0;) mutate(bytes, rng);
    try {
      const auto result = sample.decode(bytes);
      if (result.data) {
        ++decoded;
        if (result.data->size() != sample.expected_size) ++wrong;
      } else {
        ++rejected;
        if (result.problems.empty()) ++wrong;
      }
    } catch (...) {
      ++threw;
    }
  }
  INFO("decoded " << decoded << ", rejected " << rejected);
  CHECK(threw == 0);
  CHECK(wrong == 0);
  CHECK(rejected > 10000);  // the mutations do reach the checks
}
