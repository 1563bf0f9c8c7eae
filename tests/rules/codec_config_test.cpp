// Codec chains and core codec configurations: V3-ARR-010/011/012, CODEC-*.
#include "zarr_v3_test_util.hpp"

using namespace v3test;

namespace {

constexpr const char* kBytes = R"({"name": "bytes", "configuration": {"endian": "little"}})";

// [bytes little, <codec>]
json after_bytes(const std::string& codec, const std::string& data_type = "uint16") {
  return with_codecs(std::string("[") + kBytes + ", " + codec + "]", data_type);
}

}  // namespace

TEST_CASE("V3-ARR-010: codecs is a non-empty array", "[codecs]") {
  CHECK(hits(with_codecs("[]")) == Hits{"V3-ARR-010 /codecs"});
  CHECK(hits(with_codecs("{}")) == Hits{"V3-ARR-010 /codecs"});
  CHECK(hits(with(array_doc(), "/codecs", "bytes")) == Hits{"V3-ARR-010 /codecs"});
}

TEST_CASE("V3-ARR-011: exactly one array -> bytes codec", "[codecs]") {
  CHECK(hits(with_codecs(R"([{"name": "gzip", "configuration": {"level": 1}}])")) == Hits{"V3-ARR-011 /codecs"});
  const auto two = with_codecs(std::string("[") + kBytes + ", " + kBytes + "]");
  CHECK(hits(two) == Hits{"V3-ARR-011 /codecs/1"});
  CHECK(value_of(two, "count") == "2");
  CHECK(hits(after_bytes(R"({"name": "gzip", "configuration": {"level": 1}})")).empty());
}

TEST_CASE("V3-ARR-012: codec order", "[codecs]") {
  const auto bb_first = with_codecs(std::string(R"([{"name": "gzip", "configuration": {"level": 1}}, )") + kBytes + "]");
  CHECK(hits(bb_first) == Hits{"V3-ARR-012 /codecs/0"});
  CHECK(value_of(bb_first, "kind") == "bytes -> bytes");
  CHECK(hits(after_bytes(R"({"name": "transpose", "configuration": {"order": [1, 0]}})")) ==
        Hits{"V3-ARR-012 /codecs/1"});
  CHECK(hits(with_codecs(std::string(R"([{"name": "transpose", "configuration": {"order": [1, 0]}}, )") + kBytes +
                         R"(, {"name": "gzip", "configuration": {"level": 1}}])"))
            .empty());
}

TEST_CASE("CODEC-BYTES-001: endian is required for multi-byte types as seen by the bytes codec", "[codecs]") {
  CHECK(hits(with_codecs(R"([{"name": "bytes"}])")) == Hits{"CODEC-BYTES-001 /codecs/0/configuration/endian"});
  CHECK(hits(with_codecs(R"([{"name": "bytes", "configuration": {}}])", "float32")) ==
        Hits{"CODEC-BYTES-001 /codecs/0/configuration/endian"});
  // A transpose keeps the data type.
  CHECK(hits(with_codecs(R"([{"name": "transpose", "configuration": {"order": [1, 0]}}, {"name": "bytes"}])")) ==
        Hits{"CODEC-BYTES-001 /codecs/1/configuration/endian"});
  for (const char* single_byte : {"uint8", "int8", "bool", "r16"}) {
    INFO(single_byte);
    auto doc = with_codecs(R"([{"name": "bytes"}])", single_byte);
    if (std::string(single_byte) == "bool") doc = with(doc, "/fill_value", false);
    if (std::string(single_byte) == "r16") doc = with(doc, "/fill_value", json::parse("[0, 0]"));
    CHECK(hits(doc).empty());
  }
  CHECK(value_of(with_codecs(R"([{"name": "bytes"}])"), "data_type") == "uint16");
}

TEST_CASE("CODEC-BYTES-002: endian is little or big, nothing else", "[codecs]") {
  CHECK(hits(with_codecs(R"([{"name": "bytes", "configuration": {"endian": "native"}}])")) ==
        Hits{"CODEC-BYTES-002 /codecs/0/configuration/endian"});
  CHECK(hits(with_codecs(R"([{"name": "bytes", "configuration": {"endian": "big", "order": "C"}}])")) ==
        Hits{"CODEC-BYTES-002 /codecs/0/configuration/order"});
  CHECK(hits(with_codecs(R"([{"name": "bytes", "configuration": {"endian": "big"}}])")).empty());
}

TEST_CASE("CODEC-TRANSPOSE-001: order is a permutation of the dimensions it receives", "[codecs]") {
  auto transpose = [](const char* configuration) {
    return with_codecs(std::string(R"([{"name": "transpose", "configuration": )") + configuration + "}, " + kBytes + "]");
  };
  CHECK(hits(transpose(R"({"order": [0, 1, 2]})")) == Hits{"CODEC-TRANSPOSE-001 /codecs/0/configuration/order"});
  CHECK(value_of(transpose(R"({"order": [0, 1, 2]})"), "ndim") == "2");
  CHECK(hits(transpose(R"({"order": [0, 0]})")) == Hits{"CODEC-TRANSPOSE-001 /codecs/0/configuration/order/1"});
  CHECK(hits(transpose(R"({"order": [0, 2]})")) == Hits{"CODEC-TRANSPOSE-001 /codecs/0/configuration/order/1"});
  CHECK(hits(transpose(R"({"order": [-1, 0]})")) == Hits{"CODEC-TRANSPOSE-001 /codecs/0/configuration/order/0"});
  CHECK(hits(transpose(R"({"order": "C"})")) == Hits{"CODEC-TRANSPOSE-001 /codecs/0/configuration/order"});
  CHECK(hits(transpose("{}")) == Hits{"CODEC-TRANSPOSE-001 /codecs/0/configuration/order"});
  CHECK(hits(with_codecs(std::string(R"([{"name": "transpose"}, )") + kBytes + "]")) ==
        Hits{"CODEC-TRANSPOSE-001 /codecs/0/configuration/order"});
  CHECK(hits(transpose(R"({"order": [1, 0]})")).empty());
  CHECK(hits(transpose(R"({"order": [1, 0], "x": 1})")) == Hits{"CODEC-CFG-001 /codecs/0/configuration/x"});
  // Each transpose sees the dimensions the previous one produced (a 3-D array here).
  auto three_d = with(with(array_doc(), "/shape", json::parse("[2, 3, 4]")), "/chunk_grid/configuration/chunk_shape",
                      json::parse("[2, 3, 4]"));
  three_d = with(three_d, "/codecs", json::parse(std::string(R"([{"name": "transpose", "configuration": {"order": [2, 0, 1]}},
      {"name": "transpose", "configuration": {"order": [1, 2, 0]}}, )") + kBytes + "]"));
  CHECK(hits(three_d).empty());
}

TEST_CASE("CODEC-GZIP-001: level is an integer from 0 to 9", "[codecs]") {
  for (const char* ok : {"0", "9"}) {
    CHECK(hits(after_bytes(std::string(R"({"name": "gzip", "configuration": {"level": )") + ok + "}}")).empty());
  }
  for (const char* bad : {"10", "-1", "\"5\"", "5.0"}) {
    INFO(bad);
    CHECK(hits(after_bytes(std::string(R"({"name": "gzip", "configuration": {"level": )") + bad + "}}")) ==
          Hits{"CODEC-GZIP-001 /codecs/1/configuration/level"});
  }
  CHECK(hits(after_bytes(R"({"name": "gzip"})")) == Hits{"CODEC-GZIP-001 /codecs/1/configuration/level"});
  CHECK(hits(after_bytes(R"({"name": "gzip", "configuration": {"level": 1, "mtime": 0}})")) ==
        Hits{"CODEC-CFG-001 /codecs/1/configuration/mtime"});
}

TEST_CASE("CODEC-BLOSC-001..005: blosc configuration", "[codecs]") {
  const auto base = json::parse(R"({"cname": "zstd", "clevel": 5, "shuffle": "shuffle", "typesize": 2, "blocksize": 0})");
  auto blosc = [&](const json& configuration) {
    return after_bytes(json{{"name", "blosc"}, {"configuration", configuration}}.dump());
  };
  CHECK(hits(blosc(base)).empty());
  CHECK(hits(blosc(with(base, "/cname", "lz5"))) == Hits{"CODEC-BLOSC-001 /codecs/1/configuration/cname"});
  CHECK(hits(blosc(without(base, "/cname"))) == Hits{"CODEC-BLOSC-001 /codecs/1/configuration/cname"});
  CHECK(hits(blosc(with(base, "/clevel", 10))) == Hits{"CODEC-BLOSC-002 /codecs/1/configuration/clevel"});
  CHECK(hits(blosc(without(base, "/clevel"))) == Hits{"CODEC-BLOSC-002 /codecs/1/configuration/clevel"});
  CHECK(hits(blosc(with(base, "/shuffle", 1))) == Hits{"CODEC-BLOSC-003 /codecs/1/configuration/shuffle"});
  CHECK(hits(blosc(without(base, "/shuffle"))) == Hits{"CODEC-BLOSC-003 /codecs/1/configuration/shuffle"});
  CHECK(hits(blosc(without(base, "/typesize"))) == Hits{"CODEC-BLOSC-004 /codecs/1/configuration/typesize"});
  CHECK(hits(blosc(with(base, "/typesize", 0))) == Hits{"CODEC-BLOSC-004 /codecs/1/configuration/typesize"});
  CHECK(hits(blosc(with(base, "/typesize", 2.5))) == Hits{"CODEC-BLOSC-004 /codecs/1/configuration/typesize"});
  // typesize is only required when shuffling.
  CHECK(hits(blosc(with(without(base, "/typesize"), "/shuffle", "noshuffle"))).empty());
  CHECK(hits(blosc(with(base, "/shuffle", "bitshuffle"))).empty());
  CHECK(hits(blosc(without(base, "/blocksize"))) == Hits{"CODEC-BLOSC-005 /codecs/1/configuration/blocksize"});
  CHECK(hits(blosc(with(base, "/blocksize", -1))) == Hits{"CODEC-BLOSC-005 /codecs/1/configuration/blocksize"});
  CHECK(hits(blosc(with(base, "/nthreads", 4))) == Hits{"CODEC-CFG-001 /codecs/1/configuration/nthreads"});
}

TEST_CASE("an OME-Zarr 0.5 style uint16 3-D array with blosc passes", "[codecs]") {
  const auto doc = json::parse(R"({
    "zarr_format": 3, "node_type": "array", "shape": [2, 512, 512], "data_type": "uint16",
    "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [1, 256, 256]}},
    "chunk_key_encoding": {"name": "default", "configuration": {"separator": "/"}},
    "fill_value": 0,
    "codecs": [{"name": "bytes", "configuration": {"endian": "little"}},
               {"name": "blosc", "configuration": {"typesize": 2, "cname": "zstd", "clevel": 5,
                                                   "shuffle": "shuffle", "blocksize": 0}}],
    "attributes": {}, "dimension_names": ["z", "y", "x"], "storage_transformers": []
  })");
  CHECK(hits(doc).empty());
}

TEST_CASE("CODEC-ZSTD-001/002/004: zstd configuration", "[codecs]") {
  auto zstd = [](const char* configuration) {
    return after_bytes(std::string(R"({"name": "zstd", "configuration": )") + configuration + "}");
  };
  for (const char* ok : {R"({"level": 0})", R"({"level": 22})", R"({"level": -131072})", R"({"level": 3, "checksum": true})"}) {
    CHECK(hits(zstd(ok)).empty());
  }
  for (const char* bad : {R"({"level": 23})", R"({"level": -131073})", R"({"level": "3"})", "{}"}) {
    INFO(bad);
    CHECK(hits(zstd(bad)) == Hits{"CODEC-ZSTD-001 /codecs/1/configuration/level"});
  }
  CHECK(hits(zstd(R"({"level": 0, "checksum": false})")) == Hits{"CODEC-ZSTD-002 /codecs/1/configuration/checksum"});
  CHECK(hits(zstd(R"({"level": 0, "checksum": "yes"})")) == Hits{"CODEC-ZSTD-004 /codecs/1/configuration/checksum"});
  CHECK(hits(zstd(R"({"level": 0, "dict": "x"})")) == Hits{"CODEC-CFG-001 /codecs/1/configuration/dict"});
}

TEST_CASE("CODEC-CRC32C-001: crc32c has no configuration", "[codecs]") {
  CHECK(hits(after_bytes(R"({"name": "crc32c"})")).empty());
  CHECK(hits(after_bytes(R"({"name": "crc32c", "configuration": {}})")).empty());
  const auto doc = after_bytes(R"({"name": "crc32c", "configuration": {"seed": 0}})");
  CHECK(hits(doc) == Hits{"CODEC-CRC32C-001 /codecs/1/configuration/seed"});
  CHECK(value_of(doc, "member") == "seed");
}
