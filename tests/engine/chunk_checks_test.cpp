// The level-4 pass (--checks chunks) on hand-built stores: uncompressed v2 chunks, v3 chunks
// with a crc32c checksum and v3 shards, each wrong in one way next to a near miss that is right.
#include <algorithm>
#include <cstdint>
#include <string>

#include <catch2/catch.hpp>
#include <zlib.h>
#include <zstd.h>

#include "engine/chunk_checks.hpp"
#include "engine/hierarchy_walk.hpp"
#include "store/memory_store.hpp"
#include "support/findings_check.hpp"
#include "zarr/crc32c.hpp"

using namespace ozv;

namespace {

// 4 x 4 uint8 in 2 x 2 chunks, uncompressed: every chunk is 4 bytes.
const char* kZarray2 =
    R"({"zarr_format":2,"shape":[4,4],"chunks":[2,2],"dtype":"|u1","compressor":null,"fill_value":0,)"
    R"("order":"C","filters":null})";

MemoryStore::Entries clean_v2() {
  return {{".zarray", kZarray2}, {"0.0", "aaaa"}, {"0.1", "bbbb"}, {"1.0", "cccc"}, {"1.1", "dddd"}};
}

std::string le32(std::uint32_t v) {
  std::string out;
  for (int i = 0; i < 4; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
  return out;
}

std::string le64(std::uint64_t v) {
  std::string out;
  for (int i = 0; i < 8; ++i) out += static_cast<char>((v >> (8 * i)) & 0xff);
  return out;
}

std::string with_crc(const std::string& data) { return data + le32(crc32c(data)); }

// uint8 [4] in chunks of 2, bytes + crc32c.
const char* kZarrJsonCrc =
    R"({"zarr_format":3,"node_type":"array","shape":[4],"data_type":"uint8",)"
    R"("chunk_grid":{"name":"regular","configuration":{"chunk_shape":[2]}},)"
    R"("chunk_key_encoding":{"name":"default"},"fill_value":0,)"
    R"("codecs":[{"name":"bytes"},{"name":"crc32c"}]})";

// uint8 [4] in one shard of two inner chunks of 2; index at the end, bytes + crc32c.
const char* kZarrJsonShard =
    R"({"zarr_format":3,"node_type":"array","shape":[4],"data_type":"uint8",)"
    R"("chunk_grid":{"name":"regular","configuration":{"chunk_shape":[4]}},)"
    R"("chunk_key_encoding":{"name":"default"},"fill_value":0,)"
    R"("codecs":[{"name":"sharding_indexed","configuration":{"chunk_shape":[2],"codecs":[{"name":"bytes"}],)"
    R"("index_codecs":[{"name":"bytes","configuration":{"endian":"little"}},{"name":"crc32c"}]}}]})";

// A shard of two 2-byte inner chunks whose index entries are (offset0, 2) and (offset1, 2).
std::string shard(std::uint64_t offset0, std::uint64_t offset1) {
  const std::string index = le64(offset0) + le64(2) + le64(offset1) + le64(2);
  return "abcd" + with_crc(index);
}

Findings run(MemoryStore& store, int format, std::size_t jobs = 1, ChunkCheckLimits limits = {}) {
  ValidateOptions options;
  options.jobs = jobs;
  Findings out;
  check_chunks(store, format, {""}, options, {}, out, limits);
  test::require_resolvable(out);
  return out;
}

std::vector<std::string> rules_of(const Findings& findings) {
  std::vector<std::string> rules;
  for (const auto& f : findings) rules.push_back(f.rule + "@" + f.location.key);
  std::sort(rules.begin(), rules.end());
  return rules;
}

std::string value_of(const Finding& f, const std::string& name) {
  for (const auto& [k, v] : f.values) {
    if (k == name) return v;
  }
  return "";
}

// The 4 x 4 uint8 v2 array with `compressor`, its chunks compressed by `compress`.
template <typename Compress>
MemoryStore::Entries compressed_v2(const std::string& compressor, Compress compress) {
  std::string zarray = kZarray2;
  zarray.replace(zarray.find("null"), 4, compressor);
  MemoryStore::Entries entries{{".zarray", zarray}};
  for (const auto& [key, value] : clean_v2()) {
    if (key != ".zarray") entries[key] = compress(value);
  }
  return entries;
}

std::string zlib_compress(const std::string& data) {
  std::string out(compressBound(data.size()), '\0');
  uLongf size = out.size();
  REQUIRE(compress2(reinterpret_cast<Bytef*>(out.data()), &size, reinterpret_cast<const Bytef*>(data.data()),
                    data.size(), 6) == Z_OK);
  out.resize(size);
  return out;
}

std::string zstd_compress(const std::string& data) {
  std::string out(ZSTD_compressBound(data.size()), '\0');
  const auto size = ZSTD_compress(out.data(), out.size(), data.data(), data.size(), 3);
  REQUIRE(!ZSTD_isError(size));
  out.resize(size);
  return out;
}

}  // namespace

TEST_CASE("a truncated compressed chunk fails to decode, a whole one decodes", "[chunks]") {
  auto entries = compressed_v2(R"({"id":"zlib","level":6})", zlib_compress);
  MemoryStore clean(entries);
  CHECK(run(clean, 2).empty());
  entries["0.1"].pop_back();
  MemoryStore truncated(entries);
  CHECK(rules_of(run(truncated, 2)) == std::vector<std::string>{"CHUNK-DECODE-001@0.1"});
}

TEST_CASE("a zstd frame announcing more than the chunk holds is refused", "[chunks]") {
  auto entries = compressed_v2(R"({"id":"zstd","level":3})", zstd_compress);
  MemoryStore clean(entries);
  CHECK(run(clean, 2).empty());
  entries["1.1"] = zstd_compress(std::string(1000, 'x'));
  MemoryStore oversized(entries);
  CHECK(rules_of(run(oversized, 2)) == std::vector<std::string>{"CHUNK-HEADER-001@1.1"});
}

TEST_CASE("clean v2 and v3 arrays give no chunk finding", "[chunks]") {
  MemoryStore v2(clean_v2());
  CHECK(run(v2, 2).empty());
  MemoryStore v3({{"zarr.json", kZarrJsonCrc}, {"c/0", with_crc("ab")}, {"c/1", with_crc("cd")}});
  CHECK(run(v3, 3).empty());
  MemoryStore sharded({{"zarr.json", kZarrJsonShard}, {"c/0", shard(0, 2)}});
  CHECK(run(sharded, 3).empty());
}

TEST_CASE("a truncated v2 chunk is a size mismatch at its key", "[chunks]") {
  auto entries = clean_v2();
  entries["1.0"] = "ccc";
  MemoryStore store(entries);
  CHECK(rules_of(run(store, 2)) == std::vector<std::string>{"CHUNK-SIZE-001@1.0"});
}

TEST_CASE("a bad crc32c is reported, a good one is not", "[chunks]") {
  std::string bad = with_crc("cd");
  bad[0] = 'x';
  MemoryStore store({{"zarr.json", kZarrJsonCrc}, {"c/0", with_crc("ab")}, {"c/1", bad}});
  CHECK(rules_of(run(store, 3)) == std::vector<std::string>{"CHUNK-CRC32C-001@c/1"});
}

TEST_CASE("shard index entries out of bounds or overlapping", "[chunks]") {
  MemoryStore out_of_bounds({{"zarr.json", kZarrJsonShard}, {"c/0", shard(0, 100)}});
  const auto oob = run(out_of_bounds, 3);
  REQUIRE(rules_of(oob) == std::vector<std::string>{"CHUNK-SHARD-002@c/0"});
  CHECK(value_of(oob[0], "detail").find("inner chunk (1)") != std::string::npos);

  MemoryStore overlapping({{"zarr.json", kZarrJsonShard}, {"c/0", shard(0, 1)}});
  CHECK(rules_of(run(overlapping, 3)) == std::vector<std::string>{"CHUNK-SHARD-004@c/0"});
  MemoryStore truncated({{"zarr.json", kZarrJsonShard}, {"c/0", "ab"}});
  CHECK(rules_of(run(truncated, 3)) == std::vector<std::string>{"CHUNK-SHARD-001@c/0"});
  MemoryStore half_empty({{"zarr.json", kZarrJsonShard}, {"c/0", shard(0, ~std::uint64_t{0})}});
  CHECK(rules_of(run(half_empty, 3)) == std::vector<std::string>{"CHUNK-SHARD-005@c/0"});
  MemoryStore into_index({{"zarr.json", kZarrJsonShard}, {"c/0", shard(0, 4)}});  // the index starts at 4
  CHECK(rules_of(run(into_index, 3)) == std::vector<std::string>{"CHUNK-SHARD-003@c/0"});
  // Entries in the opposite order, back to back: legal.
  MemoryStore reordered({{"zarr.json", kZarrJsonShard}, {"c/0", shard(2, 0)}});
  CHECK(run(reordered, 3).empty());
}

TEST_CASE("absent chunks are counted once per array", "[chunks]") {
  auto entries = clean_v2();
  entries.erase("0.1");
  entries.erase("1.1");
  for (bool can_list : {true, false}) {
    MemoryStore store(entries, Capabilities{can_list, true});
    const auto found = run(store, 2);
    REQUIRE(rules_of(found) == std::vector<std::string>{"CHUNK-MISSING-001@.zarray"});
    CHECK(value_of(found[0], "absent") == "2");
    CHECK(value_of(found[0], "total") == "4");
  }
}

TEST_CASE("keys that are not grid positions are stray, metadata is not", "[chunks]") {
  auto entries = clean_v2();
  entries[".zattrs"] = "{}";
  entries["0.2"] = "aaaa";    // outside the 2 x 2 grid
  entries["0/0"] = "aaaa";    // the wrong separator
  entries["00.1"] = "aaaa";   // a leading zero
  MemoryStore store(entries);
  CHECK(rules_of(run(store, 2)) ==
        std::vector<std::string>{"CHUNK-KEY-001@0.2", "CHUNK-KEY-001@0/0", "CHUNK-KEY-001@00.1"});
}

TEST_CASE("an unsupported codec is said once, at the metadata", "[chunks]") {
  auto entries = clean_v2();
  std::string zarray = kZarray2;
  zarray.replace(zarray.find("null"), 4, R"({"id":"lz4"})");
  entries[".zarray"] = zarray;
  MemoryStore store(entries);
  CHECK(rules_of(run(store, 2)) == std::vector<std::string>{"CHUNK-CODEC-001@.zarray"});
}

TEST_CASE("arrays whose metadata has an error are not read", "[chunks]") {
  auto entries = clean_v2();
  entries["1.0"] = "ccc";
  MemoryStore store(entries);
  Findings out;
  check_chunks(store, 2, {""}, ValidateOptions{}, {Finding{"V2-ARR-001", {".zarray", ""}, {{"member", "x"}}}}, out);
  CHECK(out.empty());
}

TEST_CASE("an OME-NGFF error at an array's document does not stop its chunks being read", "[chunks]") {
  auto entries = clean_v2();
  entries["1.0"] = "ccc";
  MemoryStore store(entries);
  Findings out;
  check_chunks(store, 2, {""}, ValidateOptions{}, {Finding{"NGFF-AX-050", {".zarray", "/shape"}, {}}}, out);
  CHECK(rules_of(out) == std::vector<std::string>{"CHUNK-SIZE-001@1.0"});
}

TEST_CASE("findings per rule and array are capped, the rest counted", "[chunks]") {
  MemoryStore::Entries entries{{".zarray", R"({"zarr_format":2,"shape":[30],"chunks":[1],"dtype":"|u1",)"
                                           R"("compressor":null,"fill_value":0,"order":"C","filters":null})"}};
  for (int i = 0; i < 30; ++i) entries[std::to_string(i)] = "xx";
  MemoryStore store(entries);
  ChunkCheckLimits limits;
  limits.findings_per_rule_per_array = 10;
  const auto one = run(store, 2, 1, limits);
  CHECK(std::count_if(one.begin(), one.end(), [](const Finding& f) { return f.rule == "CHUNK-SIZE-001"; }) == 10);
  REQUIRE(std::count_if(one.begin(), one.end(), [](const Finding& f) { return f.rule == "TARGET-002"; }) == 1);
  // The same findings whatever the number of workers.
  const auto four = run(store, 2, 4, limits);
  CHECK(rules_of(one) == rules_of(four));
}

TEST_CASE("metadata checks never read a chunk", "[chunks]") {
  MemoryStore store(clean_v2());
  ParsedDocuments parsed;
  Findings out;
  walk_hierarchy(store, ValidateOptions{}, parsed, out);
  for (const auto& entry : store.access_log()) {
    INFO(entry);
    CHECK(entry.find("0.0") == std::string::npos);
    CHECK(entry.find("1.1") == std::string::npos);
  }
  check_chunks(store, 2, {""}, ValidateOptions{}, out, out);
  const auto log = store.access_log();
  CHECK(std::find(log.begin(), log.end(), "get:1.1") != log.end());
}

TEST_CASE("a stored value over the decode limit is not read", "[chunks]") {
  auto entries = clean_v2();
  entries["0.0"] = std::string(9, 'a');
  entries["0.1"] = std::string(8, 'b');  // read, and found too long
  MemoryStore store(entries);
  ChunkCheckLimits limits;
  limits.decode.max_decoded_bytes = 4;  // values of up to 8 bytes are read
  CHECK(rules_of(run(store, 2, 1, limits)) == std::vector<std::string>{"CHUNK-LIMIT-001@0.0", "CHUNK-SIZE-001@0.1"});
}

TEST_CASE("a large shard is read piece by piece when the store reads ranges, with the same findings", "[chunks]") {
  // uint8 [2^23] in one shard of 128 inner chunks of 64 KiB (bytes + crc32c); index at the end.
  constexpr std::uint64_t kInner = 64 << 10, kCells = 128;
  const std::string zarr_json =
      R"({"zarr_format":3,"node_type":"array","shape":[8388608],"data_type":"uint8",)"
      R"("chunk_grid":{"name":"regular","configuration":{"chunk_shape":[8388608]}},)"
      R"("chunk_key_encoding":{"name":"default"},"fill_value":0,)"
      R"("codecs":[{"name":"sharding_indexed","configuration":{"chunk_shape":[65536],)"
      R"("codecs":[{"name":"bytes"},{"name":"crc32c"}],)"
      R"("index_codecs":[{"name":"bytes","configuration":{"endian":"little"}},{"name":"crc32c"}]}}]})";
  std::string body, index;
  for (std::uint64_t cell = 0; cell < kCells; ++cell) {
    index += le64(body.size()) + le64(kInner + 4);
    body += with_crc(std::string(kInner, static_cast<char>('a' + cell % 26)));
  }
  body[5 * (kInner + 4) + 17] ^= 1;  // inner chunk (5) no longer matches its checksum
  const std::string stored = body + with_crc(index);
  for (const bool ranges : {true, false}) {
    INFO("store reads ranges: " << ranges);
    MemoryStore store({{"zarr.json", zarr_json}, {"c/0", stored}}, Capabilities{true, ranges});
    const auto found = run(store, 3);
    REQUIRE(rules_of(found) == std::vector<std::string>{"CHUNK-CRC32C-001@c/0"});
    CHECK(value_of(found[0], "detail").rfind("inner chunk (5): ", 0) == 0);
    const auto log = store.access_log();
    const auto reads = [&](const std::string& entry) { return std::count(log.begin(), log.end(), entry); };
    CHECK(reads("range:c/0") == (ranges ? 1 + static_cast<long>(kCells) : 0));  // the index, then each inner chunk
    CHECK(reads("get:c/0") + reads("range:c/0") > 0);
  }
}
