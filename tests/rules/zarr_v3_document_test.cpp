// Zarr v3 document level: object, zarr_format, node_type, additional fields, group members.
#include "zarr_v3_test_util.hpp"

using namespace v3test;

TEST_CASE("valid v3 array and group documents raise nothing", "[zarr-v3]") {
  CHECK(hits(array_doc()).empty());
  CHECK(hits(group_doc()).empty());
  CHECK(hits(json::parse(R"({"zarr_format": 3, "node_type": "group"})")).empty());
}

TEST_CASE("the core spec's own array examples pass", "[zarr-v3]") {
  // core/index.rst "Array metadata / Example".
  const auto doc = json::parse(R"({
    "zarr_format": 3, "node_type": "array", "shape": [10000, 1000], "dimension_names": ["rows", "columns"],
    "data_type": "float64",
    "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [1000, 100]}},
    "chunk_key_encoding": {"name": "default", "configuration": {"separator": "/"}},
    "codecs": [{"name": "bytes", "configuration": {"endian": "little"}}],
    "fill_value": "NaN",
    "attributes": {"foo": 42, "bar": "apples", "baz": [1, 2, 3, 4]}
  })");
  CHECK(hits(doc).empty());
}

TEST_CASE("V3-JSON-001: zarr.json must hold an object", "[zarr-v3]") {
  CHECK(hits(json::array()) == Hits{"V3-JSON-001 "});
  CHECK(hits(json("group")) == Hits{"V3-JSON-001 "});
  CHECK(value_of(json::array(), "found") == "array");
}

TEST_CASE("V3-NODE-001: zarr_format must be the integer 3", "[zarr-v3]") {
  CHECK(hits(with(group_doc(), "/zarr_format", 2)) == Hits{"V3-NODE-001 /zarr_format"});
  CHECK(hits(with(group_doc(), "/zarr_format", "3")) == Hits{"V3-NODE-001 /zarr_format"});
  CHECK(hits(with(group_doc(), "/zarr_format", 3.0)) == Hits{"V3-NODE-001 /zarr_format"});
  CHECK(hits(without(array_doc(), "/zarr_format")) == Hits{"V3-NODE-001 /zarr_format"});
  CHECK(value_of(without(group_doc(), "/zarr_format"), "value") == "(missing)");
  CHECK(hits(json::parse(R"({"zarr_format": 3, "node_type": "group"})")).empty());
}

TEST_CASE("V3-NODE-002: node_type must be array or group", "[zarr-v3]") {
  // Nothing else is judged without a node type, not even the unknown member.
  CHECK(hits(with(with(array_doc(), "/node_type", "Array"), "/extra", 1)) == Hits{"V3-NODE-002 /node_type"});
  CHECK(hits(without(group_doc(), "/node_type")) == Hits{"V3-NODE-002 /node_type"});
  CHECK(hits(with(group_doc(), "/node_type", json(nullptr))) == Hits{"V3-NODE-002 /node_type"});
}

TEST_CASE("V3-TOP-001: unknown members must be objects with must_understand false", "[zarr-v3]") {
  CHECK(hits(with(group_doc(), "/foo", 1)) == Hits{"V3-TOP-001 /foo"});
  CHECK(hits(with(array_doc(), "/foo", json::parse(R"({"must_understand": true})"))) == Hits{"V3-TOP-001 /foo"});
  CHECK(hits(with(array_doc(), "/foo", json::parse(R"({"must_understand": "false"})"))) == Hits{"V3-TOP-001 /foo"});
  // Pointer tokens are escaped.
  CHECK(hits(with(group_doc(), "/a~1b", 1)) == Hits{"V3-TOP-001 /a~1b"});
  // Array members are unknown in a group.
  CHECK(hits(with(group_doc(), "/shape", json::array({1}))) == Hits{"V3-TOP-001 /shape"});
  CHECK(value_of(with(group_doc(), "/foo", 1), "member") == "foo");
}

TEST_CASE("V3-TOP-002: an ignorable unknown member is allowed but discouraged", "[zarr-v3]") {
  const auto ignorable = json::parse(R"({"must_understand": false, "x": 1})");
  CHECK(hits(with(group_doc(), "/foo", ignorable)) == Hits{"V3-TOP-002 /foo"});
  CHECK(hits(with(array_doc(), "/foo", ignorable)) == Hits{"V3-TOP-002 /foo"});
}

TEST_CASE("V3-GRP-001: group attributes must be an object", "[zarr-v3]") {
  CHECK(hits(with(group_doc(), "/attributes", json::array())) == Hits{"V3-GRP-001 /attributes"});
  CHECK(hits(with(group_doc(), "/attributes", json(nullptr))) == Hits{"V3-GRP-001 /attributes"});
  CHECK(hits(with(group_doc(), "/attributes", json::parse(R"({"a": [1, {"b": null}]})"))).empty());
}

TEST_CASE("checks never throw on hostile documents", "[zarr-v3]") {
  for (const char* text : {
           R"({"zarr_format":3,"node_type":"array","shape":{},"data_type":[],"chunk_grid":7,
               "chunk_key_encoding":null,"fill_value":{},"codecs":"bytes","dimension_names":5,
               "storage_transformers":"x","attributes":1})",
           R"({"zarr_format":3,"node_type":"array","shape":[1e300],"data_type":{"name":{}},
               "chunk_grid":{"name":"regular","configuration":{"chunk_shape":[[1]]}},
               "chunk_key_encoding":{"name":"default","configuration":[]},"fill_value":[[]],
               "codecs":[[],{},{"name":null},{"name":"sharding_indexed","configuration":{"codecs":7,
               "index_codecs":{"a":1},"chunk_shape":[-1]}}]})",
           R"({"zarr_format":3,"node_type":"group","consolidated_metadata":{"must_understand":false,
               "kind":"inline","metadata":{"a":[],"b":{"zarr_format":3},"c":{"zarr_format":2},"":null}}})",
       }) {
    INFO(text);
    ozv::Findings out;
    const json doc = json::parse(text);
    CHECK_NOTHROW(ozv::check_v3_document(doc, "zarr.json", out));
    CHECK(!out.empty());
    require_resolvable(out);
  }
}
