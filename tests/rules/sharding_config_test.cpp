// sharding_indexed configuration: SHARD-CFG-001 .. 009, and the inner and index codec lists
// checked as chains of their own.
#include "zarr_v3_test_util.hpp"

using namespace v3test;

namespace {

// The worked example of the digest (section 4.5): one 4x4 uint8 shard of 2x2 inner chunks.
json sharded() {
  return json::parse(R"({"zarr_format":3,"node_type":"array","shape":[4,4],"data_type":"uint8",
    "chunk_grid":{"name":"regular","configuration":{"chunk_shape":[4,4]}},
    "chunk_key_encoding":{"name":"default","configuration":{"separator":"/"}},
    "fill_value":0,
    "codecs":[{"name":"sharding_indexed","configuration":{
        "chunk_shape":[2,2],
        "codecs":[{"name":"bytes"}],
        "index_codecs":[{"name":"bytes","configuration":{"endian":"little"}},{"name":"crc32c"}],
        "index_location":"end"}}],
    "attributes":{}})");
}

const std::string kConfig = "/codecs/0/configuration";

json sharded_with(const std::string& member, const char* value_json) {
  return with(sharded(), kConfig + "/" + member, json::parse(value_json));
}

}  // namespace

TEST_CASE("the sharding example passes with either index location", "[sharding]") {
  CHECK(hits(sharded()).empty());
  CHECK(hits(with(sharded(), kConfig + "/index_location", "start")).empty());
  CHECK(hits(without(sharded(), kConfig + "/index_location")).empty());
}

TEST_CASE("SHARD-CFG-001: inner chunk_shape", "[sharding]") {
  CHECK(hits(without(sharded(), kConfig + "/chunk_shape")) == Hits{"SHARD-CFG-001 " + kConfig + "/chunk_shape"});
  CHECK(hits(sharded_with("chunk_shape", "[2]")) == Hits{"SHARD-CFG-001 " + kConfig + "/chunk_shape"});
  CHECK(hits(sharded_with("chunk_shape", "[2, 0]")) == Hits{"SHARD-CFG-001 " + kConfig + "/chunk_shape/1"});
  CHECK(hits(sharded_with("chunk_shape", "[2, 2.0]")) == Hits{"SHARD-CFG-001 " + kConfig + "/chunk_shape/1"});
  CHECK(hits(sharded_with("chunk_shape", "\"2\"")) == Hits{"SHARD-CFG-001 " + kConfig + "/chunk_shape"});
  CHECK(value_of(sharded_with("chunk_shape", "[2]"), "ndim") == "2");
  // A missing configuration lacks all three required members.
  CHECK(hits(without(sharded(), kConfig)) ==
        Hits{"SHARD-CFG-001 " + kConfig + "/chunk_shape", "SHARD-CFG-003 " + kConfig + "/codecs",
             "SHARD-CFG-004 " + kConfig + "/index_codecs"});
}

TEST_CASE("SHARD-CFG-002: inner chunks evenly divide the shard", "[sharding]") {
  const auto doc = sharded_with("chunk_shape", "[3, 2]");
  CHECK(hits(doc) == Hits{"SHARD-CFG-002 " + kConfig + "/chunk_shape/0"});
  CHECK(findings(doc).front().values ==
        ozv::Values{{"dimension", "0"}, {"shard", "4"}, {"inner", "3"}});
  CHECK(hits(sharded_with("chunk_shape", "[4, 1]")).empty());
}

TEST_CASE("the shard shape is the chunk shape after preceding transposes", "[sharding]") {
  // Chunk [4, 6] transposed to [6, 4]: inner [3, 2] divides it (but would not divide [4, 6]).
  auto doc = with(sharded(), "/chunk_grid/configuration/chunk_shape", json::parse("[4, 6]"));
  doc = with(doc, kConfig + "/chunk_shape", json::parse("[3, 2]"));
  CHECK(hits(doc) == Hits{"SHARD-CFG-002 " + kConfig + "/chunk_shape/0"});
  auto codecs = json::array({json::parse(R"({"name": "transpose", "configuration": {"order": [1, 0]}})"),
                             doc["codecs"][0]});
  // SHARD-CFG-008: sharding does not have the list to itself.
  CHECK(hits(with(doc, "/codecs", codecs)) == Hits{"SHARD-CFG-008 /codecs/1"});
}

TEST_CASE("SHARD-CFG-003: inner codecs form a valid chain", "[sharding]") {
  CHECK(hits(without(sharded(), kConfig + "/codecs")) == Hits{"SHARD-CFG-003 " + kConfig + "/codecs"});
  CHECK(hits(sharded_with("codecs", "[]")) == Hits{"SHARD-CFG-003 " + kConfig + "/codecs"});
  CHECK(hits(sharded_with("codecs", R"([{"name": "gzip", "configuration": {"level": 1}}])")) ==
        Hits{"SHARD-CFG-003 " + kConfig + "/codecs"});
  CHECK(hits(sharded_with("codecs", R"([{"name": "bytes"}, {"name": "bytes"}])")) ==
        Hits{"SHARD-CFG-003 " + kConfig + "/codecs/1"});
  CHECK(hits(sharded_with("codecs", R"([{"name": "gzip", "configuration": {"level": 1}}, {"name": "bytes"}])")) ==
        Hits{"SHARD-CFG-003 " + kConfig + "/codecs/0"});
  // Inner codec configurations are checked with the inner chunk representation.
  auto uint16 = with(sharded(), "/data_type", "uint16");
  CHECK(hits(uint16) == Hits{"CODEC-BYTES-001 " + kConfig + "/codecs/0/configuration/endian"});
  CHECK(hits(with(uint16, kConfig + "/codecs", json::parse(R"([{"name": "transpose", "configuration": {"order": [0, 1, 2]}},
      {"name": "bytes", "configuration": {"endian": "big"}}])"))) ==
        Hits{"CODEC-TRANSPOSE-001 " + kConfig + "/codecs/0/configuration/order"});
  CHECK(hits(sharded_with("codecs", R"([{"name": "bytes"}, {"name": "zstd", "configuration": {"level": 1}}])")).empty());
}

TEST_CASE("SHARD-CFG-004: index_codecs has exactly one array -> bytes codec", "[sharding]") {
  CHECK(hits(without(sharded(), kConfig + "/index_codecs")) == Hits{"SHARD-CFG-004 " + kConfig + "/index_codecs"});
  CHECK(hits(sharded_with("index_codecs", "[]")) == Hits{"SHARD-CFG-004 " + kConfig + "/index_codecs"});
  CHECK(hits(sharded_with("index_codecs", R"([{"name": "crc32c"}])")) == Hits{"SHARD-CFG-004 " + kConfig + "/index_codecs"});
  // The index is uint64: the bytes codec needs its endian.
  CHECK(hits(sharded_with("index_codecs", R"([{"name": "bytes"}, {"name": "crc32c"}])")) ==
        Hits{"CODEC-BYTES-001 " + kConfig + "/index_codecs/0/configuration/endian"});
  // The index has shape chunks-per-shard + [2]: a transpose of it needs three axes.
  CHECK(hits(sharded_with("index_codecs", R"([{"name": "transpose", "configuration": {"order": [1, 0]}},
      {"name": "bytes", "configuration": {"endian": "little"}}, {"name": "crc32c"}])")) ==
        Hits{"CODEC-TRANSPOSE-001 " + kConfig + "/index_codecs/0/configuration/order"});
  CHECK(hits(sharded_with("index_codecs", R"([{"name": "transpose", "configuration": {"order": [2, 1, 0]}},
      {"name": "bytes", "configuration": {"endian": "little"}}, {"name": "crc32c"}])")) ==
        Hits{"SHARD-CFG-007 " + kConfig + "/index_codecs"});
}

TEST_CASE("SHARD-CFG-005: index codecs have a fixed encoded size", "[sharding]") {
  CHECK(hits(sharded_with("index_codecs", R"([{"name": "bytes", "configuration": {"endian": "little"}},
      {"name": "gzip", "configuration": {"level": 1}}])")) == Hits{"SHARD-CFG-005 " + kConfig + "/index_codecs/1"});
  CHECK(hits(sharded_with("index_codecs", R"([{"name": "bytes", "configuration": {"endian": "little"}},
      {"name": "zstd", "configuration": {"level": 1}}])")) == Hits{"SHARD-CFG-005 " + kConfig + "/index_codecs/1"});
  CHECK(hits(sharded_with("index_codecs", R"([{"name": "bytes", "configuration": {"endian": "little"}},
      {"name": "numcodecs.adler32"}])")) ==
        Hits{"V3-EXT-003 " + kConfig + "/index_codecs/1/name", "SHARD-CFG-005 " + kConfig + "/index_codecs/1"});
  CHECK(value_of(sharded_with("index_codecs", R"([{"name": "bytes", "configuration": {"endian": "little"}},
      {"name": "gzip", "configuration": {"level": 1}}])"), "name") == "gzip");
}

TEST_CASE("SHARD-CFG-006: index_location is start or end", "[sharding]") {
  CHECK(hits(with(sharded(), kConfig + "/index_location", "middle")) ==
        Hits{"SHARD-CFG-006 " + kConfig + "/index_location"});
  CHECK(hits(with(sharded(), kConfig + "/index_location", 0)) == Hits{"SHARD-CFG-006 " + kConfig + "/index_location"});
}

TEST_CASE("SHARD-CFG-007: the recommended index codecs", "[sharding]") {
  CHECK(hits(sharded_with("index_codecs", R"([{"name": "bytes", "configuration": {"endian": "little"}}])")) ==
        Hits{"SHARD-CFG-007 " + kConfig + "/index_codecs"});
  CHECK(hits(sharded_with("index_codecs", R"([{"name": "bytes", "configuration": {"endian": "big"}}, {"name": "crc32c"}])")) ==
        Hits{"SHARD-CFG-007 " + kConfig + "/index_codecs"});
}

TEST_CASE("SHARD-CFG-008: sharding combined with other codecs", "[sharding]") {
  auto doc = sharded();
  doc["codecs"].push_back(json::parse(R"({"name": "crc32c"})"));
  CHECK(hits(doc) == Hits{"SHARD-CFG-008 /codecs/0"});
  CHECK(value_of(doc, "count") == "1");
}

TEST_CASE("unknown sharding configuration members are errors", "[sharding]") {
  CHECK(hits(with(sharded(), kConfig + "/chunks_per_shard", 4)) ==
        Hits{"CODEC-CFG-001 " + kConfig + "/chunks_per_shard"});
}

namespace {

// A 1-D array whose codecs are `levels` sharding codecs, each inside the previous one.
json nested_sharding(int levels) {
  json codecs = json::parse(R"([{"name": "bytes"}])");
  for (int i = 0; i < levels; ++i) {
    json configuration = {{"chunk_shape", {1}},
                          {"codecs", codecs},
                          {"index_codecs", json::parse(R"([{"name": "bytes", "configuration": {"endian": "little"}},
                                                         {"name": "crc32c"}])")}};
    codecs = json::array({json{{"name", "sharding_indexed"}, {"configuration", configuration}}});
  }
  auto doc = with(sharded(), "/shape", json::array({1}));
  doc = with(doc, "/chunk_grid/configuration/chunk_shape", json::array({1}));
  return with(doc, "/codecs", codecs);
}

}  // namespace

TEST_CASE("SHARD-CFG-009: nested sharding is checked to a bounded depth", "[sharding]") {
  CHECK(hits(nested_sharding(8)).empty());
  std::string pointer = "/codecs/0";
  for (int i = 1; i < 9; ++i) pointer += "/configuration/codecs/0";
  CHECK(hits(nested_sharding(9)) == Hits{"SHARD-CFG-009 " + pointer});
  CHECK(value_of(nested_sharding(9), "limit") == "8");
  // Far deeper than the limit: still one finding, no deep recursion.
  CHECK(findings(nested_sharding(200)).size() == 1);
}
