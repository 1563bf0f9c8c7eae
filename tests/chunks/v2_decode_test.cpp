// decode_v2_chunk: every numcodecs compressor round-trips what generators/encode writes, and
// hostile chunks give the exact problem kind without allocating what a header claims.
#include <catch2/catch.hpp>

#include <chrono>

#include <zlib.h>
#include <zstd.h>

#include "chunk_fixtures.hpp"
#include "chunks/v2_decode.hpp"
#include "encode/compressors.hpp"
#include "encode/v2_chunk.hpp"

namespace {

using Kind = ozv::ChunkProblem::Kind;
using nlohmann::json;

json zarray(json compressor, json filters = nullptr) {
  return {{"zarr_format", 2}, {"shape", {20, 30}}, {"chunks", {10, 20}}, {"dtype", "<u2"}, {"order", "C"},
          {"fill_value", 0},  {"compressor", std::move(compressor)}, {"filters", std::move(filters)}};
}

constexpr std::size_t kChunkBytes = 10 * 20 * 2;

Kind only_kind(const ozv::DecodedChunk& decoded) {
  REQUIRE_FALSE(decoded.data);
  REQUIRE(decoded.problems.size() == 1);
  INFO(decoded.problems[0].detail);
  return decoded.problems[0].kind;
}

}  // namespace

TEST_CASE("v2 chunks round-trip through every compressor") {
  const std::string raw = ozv::test::pattern_bytes(kChunkBytes);
  const json compressor = GENERATE(json(nullptr), json{{"id", "blosc"}, {"cname", "lz4"}, {"clevel", 5}, {"shuffle", 1}},
                                   json{{"id", "blosc"}, {"cname", "zstd"}, {"clevel", 3}, {"shuffle", 2}},
                                   json{{"id", "zlib"}, {"level", 1}}, json{{"id", "gzip"}, {"level", 9}},
                                   json{{"id", "zstd"}, {"level", 3}}, json{{"id", "zstd"}, {"level", 1}, {"checksum", true}});
  INFO(compressor.dump());
  const json meta = zarray(compressor);
  const auto decoded = ozv::decode_v2_chunk(meta, ozv::encode::encode_v2_chunk(meta, raw));
  REQUIRE(decoded.problems.empty());
  REQUIRE(decoded.data);
  CHECK(*decoded.data == raw);
}

TEST_CASE("v2 truncated chunks fail to decode") {
  const std::string raw = ozv::test::pattern_bytes(kChunkBytes);
  const json compressor = GENERATE(json{{"id", "blosc"}, {"cname", "lz4"}, {"clevel", 5}, {"shuffle", 1}},
                                   json{{"id", "zlib"}, {"level", 1}}, json{{"id", "gzip"}, {"level", 1}},
                                   json{{"id", "zstd"}, {"level", 3}});
  INFO(compressor.dump());
  const json meta = zarray(compressor);
  const std::string encoded = ozv::encode::encode_v2_chunk(meta, raw);
  CHECK(only_kind(ozv::decode_v2_chunk(meta, encoded.substr(0, encoded.size() - 5))) == Kind::decode_failed);
  CHECK(only_kind(ozv::decode_v2_chunk(meta, ""))== Kind::decode_failed);
}

TEST_CASE("v2 uncompressed chunks of the wrong size are size mismatches") {
  const json meta = zarray(nullptr);
  CHECK(only_kind(ozv::decode_v2_chunk(meta, std::string(kChunkBytes - 1, 'x'))) == Kind::size_mismatch);
  CHECK(only_kind(ozv::decode_v2_chunk(meta, std::string(kChunkBytes + 1, 'x'))) == Kind::size_mismatch);
}

TEST_CASE("v2 chunks encoded for a smaller shape are size mismatches") {
  const json compressor = GENERATE(json{{"id", "zlib"}, {"level", 1}}, json{{"id", "gzip"}, {"level", 1}},
                                   json{{"id", "zstd"}, {"level", 3}}, json{{"id", "blosc"}, {"cname", "lz4"}});
  json small = zarray(compressor);
  small["chunks"] = {10, 10};
  const std::string encoded = ozv::encode::encode_v2_chunk(small, ozv::test::pattern_bytes(200));
  CHECK(only_kind(ozv::decode_v2_chunk(zarray(compressor), encoded)) == Kind::size_mismatch);
}

TEST_CASE("v2 chunks that decode to more than the chunk are refused at the cap") {
  // Encoded for a larger shape: blosc and zstd say so in their headers.
  json large = zarray(nullptr);
  large["chunks"] = {10, 40};
  const std::string raw = ozv::test::pattern_bytes(2 * kChunkBytes);
  large["compressor"] = {{"id", "blosc"}, {"cname", "lz4"}};
  CHECK(only_kind(ozv::decode_v2_chunk(zarray(large["compressor"]), ozv::encode::encode_v2_chunk(large, raw))) ==
        Kind::header_claims_too_much);
  large["compressor"] = {{"id", "zstd"}, {"level", 1}};
  CHECK(only_kind(ozv::decode_v2_chunk(zarray(large["compressor"]), ozv::encode::encode_v2_chunk(large, raw))) ==
        Kind::header_claims_too_much);
  large["compressor"] = {{"id", "zlib"}, {"level", 1}};
  CHECK(only_kind(ozv::decode_v2_chunk(zarray(large["compressor"]), ozv::encode::encode_v2_chunk(large, raw))) ==
        Kind::size_mismatch);
}

TEST_CASE("a blosc header announcing 2^31 bytes is refused before allocating") {
  const json meta = zarray({{"id", "blosc"}, {"cname", "lz4"}, {"clevel", 5}, {"shuffle", 1}});
  std::string encoded = ozv::encode::encode_v2_chunk(meta, ozv::test::pattern_bytes(kChunkBytes));
  const std::uint32_t claim = 1u << 31;
  for (std::size_t i = 0; i < 4; ++i) encoded[4 + i] = static_cast<char>((claim >> (8 * i)) & 0xFF);
  const auto decoded = ozv::decode_v2_chunk(meta, encoded);
  CHECK(only_kind(decoded) == Kind::header_claims_too_much);
  INFO(decoded.problems[0].detail);
  CHECK(decoded.problems[0].detail.find("2147483648") != std::string::npos);
  // Even when the metadata allows it, the compressed size check stops a short frame.
  json huge = meta;
  huge["chunks"] = {32768, 32768};
  CHECK(only_kind(ozv::decode_v2_chunk(huge, encoded, ozv::DecodeLimits{std::uint64_t{1} << 32, 8})) ==
        Kind::decode_failed);
}

TEST_CASE("a zstd frame whose content size lies fails") {
  const std::string raw = ozv::test::pattern_bytes(200);
  std::string frame = ozv::encode::zstd_compress(raw, 3);
  // Single-segment frame with a one-byte content size right after the descriptor.
  const auto descriptor = static_cast<unsigned char>(frame[4]);
  REQUIRE((descriptor >> 6) == 0);
  REQUIRE(((descriptor >> 5) & 1) == 1);
  REQUIRE(static_cast<unsigned char>(frame[5]) == 200);
  json meta = zarray({{"id", "zstd"}, {"level", 3}});
  meta["chunks"] = {10, 10};
  meta["dtype"] = "|u1";  // 100 bytes expected
  frame[5] = static_cast<char>(100);
  CHECK(only_kind(ozv::decode_v2_chunk(meta, frame)) == Kind::decode_failed);
  frame[5] = static_cast<char>(150);
  CHECK(only_kind(ozv::decode_v2_chunk(meta, frame)) == Kind::header_claims_too_much);
}

TEST_CASE("a zstd frame without a content size is decoded up to the cap only") {
  const std::string zeros(std::size_t{64} << 20, '\0');
  ZSTD_CCtx* context = ZSTD_createCCtx();
  ZSTD_CCtx_setParameter(context, ZSTD_c_contentSizeFlag, 0);
  std::string frame(ZSTD_compressBound(zeros.size()), '\0');
  const std::size_t written = ZSTD_compress2(context, frame.data(), frame.size(), zeros.data(), zeros.size());
  ZSTD_freeCCtx(context);
  REQUIRE_FALSE(ZSTD_isError(written));
  frame.resize(written);
  REQUIRE(ZSTD_getFrameContentSize(frame.data(), frame.size()) == ZSTD_CONTENTSIZE_UNKNOWN);
  const json meta = zarray({{"id", "zstd"}, {"level", 3}});
  CHECK(only_kind(ozv::decode_v2_chunk(meta, frame)) == Kind::size_mismatch);
  // The same frame, the right size, decodes.
  json exact = meta;
  exact["chunks"] = {1024, 32768};
  const auto decoded = ozv::decode_v2_chunk(exact, frame);
  REQUIRE(decoded.data);
  CHECK(decoded.data->size() == zeros.size());
}

TEST_CASE("a gzip bomb of 1 GiB of zeros stops at the cap") {
  // Deflated in pieces so the test never holds the gigabyte.
  z_stream stream{};
  REQUIRE(deflateInit2(&stream, 1, Z_DEFLATED, 31, 9, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string zeros(std::size_t{1} << 20, '\0');
  std::string bomb;
  std::string buffer(1 << 16, '\0');
  for (int piece = 0; piece < 1024; ++piece) {
    stream.next_in = reinterpret_cast<Bytef*>(zeros.data());
    stream.avail_in = static_cast<uInt>(zeros.size());
    const int flush = piece == 1023 ? Z_FINISH : Z_NO_FLUSH;
    int status = Z_OK;
    do {
      stream.next_out = reinterpret_cast<Bytef*>(buffer.data());
      stream.avail_out = static_cast<uInt>(buffer.size());
      status = deflate(&stream, flush);
      bomb.append(buffer.data(), buffer.size() - stream.avail_out);
    } while (stream.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));
  }
  deflateEnd(&stream);
  REQUIRE(bomb.size() < (std::size_t{8} << 20));
  const auto start = std::chrono::steady_clock::now();
  const auto decoded = ozv::decode_v2_chunk(zarray({{"id", "gzip"}, {"level", 9}}), bomb);
  const auto elapsed = std::chrono::steady_clock::now() - start;
  CHECK(only_kind(decoded) == Kind::size_mismatch);
  CHECK(decoded.problems[0].detail.find("more than 400 bytes") != std::string::npos);
  CHECK(elapsed < std::chrono::milliseconds(200));
}

TEST_CASE("v2 filters and unknown compressors are unsupported, not invalid") {
  CHECK(only_kind(ozv::decode_v2_chunk(zarray({{"id", "lzma"}}), "abc")) == Kind::unsupported_codec);
  CHECK(only_kind(ozv::decode_v2_chunk(zarray(nullptr, json::array({{{"id", "delta"}, {"dtype", "<u2"}}})),
                                       std::string(kChunkBytes, 'x'))) == Kind::unsupported_codec);
  json object = zarray(nullptr);
  object["dtype"] = "|O";
  CHECK(only_kind(ozv::decode_v2_chunk(object, "abc")) == Kind::unsupported_codec);
  // An empty filters list is no filter at all.
  CHECK(ozv::decode_v2_chunk(zarray(nullptr, json::array()), std::string(kChunkBytes, 'x')).data);
}

TEST_CASE("v2 metadata the decoder cannot size is reported, and huge chunks are refused") {
  CHECK(only_kind(ozv::decode_v2_chunk(json::array(), "")) == Kind::invalid_configuration);
  json meta = zarray(nullptr);
  meta["chunks"] = {-1, 2};
  CHECK(only_kind(ozv::decode_v2_chunk(meta, "")) == Kind::invalid_configuration);
  meta["chunks"] = {1ull << 40, 1ull << 40};
  CHECK(only_kind(ozv::decode_v2_chunk(meta, "")) == Kind::chunk_too_large);
  meta["chunks"] = {65536, 65536};
  CHECK(only_kind(ozv::decode_v2_chunk(meta, "")) == Kind::chunk_too_large);
}
