// Zarr v3 array members: mandatory members, shape, data_type, chunk_grid,
// chunk_key_encoding, attributes, storage_transformers, dimension_names, 64-bit sizes.
#include "zarr_v3_test_util.hpp"

using namespace v3test;

TEST_CASE("V3-ARR-001: every mandatory array member is required", "[zarr-v3]") {
  for (const char* member : {"shape", "data_type", "chunk_grid", "chunk_key_encoding", "fill_value", "codecs"}) {
    INFO(member);
    const auto doc = without(array_doc(), std::string("/") + member);
    CHECK(hits(doc) == Hits{std::string("V3-ARR-001 /") + member});
    CHECK(value_of(doc, "member") == member);
  }
  // Optional members may be left out.
  CHECK(hits(without(array_doc(), "/attributes")).empty());
}

TEST_CASE("V3-ARR-002: shape is an array of integers >= 0", "[zarr-v3]") {
  CHECK(hits(with(array_doc(), "/shape", "4")) == Hits{"V3-ARR-002 /shape"});
  CHECK(hits(with(array_doc(), "/shape", json::parse("[4, -1]"))) == Hits{"V3-ARR-002 /shape/1"});
  CHECK(hits(with(array_doc(), "/shape", json::parse("[4, 1.5]"))) == Hits{"V3-ARR-002 /shape/1"});
  CHECK(hits(with(array_doc(), "/shape", json::parse("[4.0, 4]"))) == Hits{"V3-ARR-002 /shape/0"});
  CHECK(hits(with(array_doc(), "/shape", json::parse("[0, 18446744073709551615]"))).empty());
}

TEST_CASE("V3-ARR-003: core data types are written as strings", "[zarr-v3]") {
  CHECK(hits(with(array_doc(), "/data_type", json::parse(R"({"name": "uint16"})"))) == Hits{"V3-ARR-003 /data_type"});
  CHECK(hits(with(array_doc(), "/data_type", 16)) == Hits{"V3-ARR-003 /data_type"});
  CHECK(hits(with(array_doc(), "/data_type", json::array({"uint16"}))) == Hits{"V3-ARR-003 /data_type"});
}

TEST_CASE("V3-ARR-004: an unknown data type cannot be ignored", "[zarr-v3]") {
  // The fill value of an unknown type cannot be judged, so nothing else is reported.
  CHECK(hits(with(array_doc(), "/data_type", "uint128")) == Hits{"V3-ARR-004 /data_type"});
  CHECK(hits(with(with(array_doc(), "/data_type", "string"), "/fill_value", "")) == Hits{"V3-ARR-004 /data_type"});
  const auto extension = json::parse(R"({"name": "numpy.datetime64", "configuration": {"unit": "ns"}})");
  CHECK(hits(with(with(array_doc(), "/data_type", extension), "/fill_value", nullptr)) ==
        Hits{"V3-ARR-004 /data_type/name"});
  CHECK(value_of(with(array_doc(), "/data_type", "uint128"), "name") == "uint128");
  // Near miss: raw bits are a core type.
  CHECK(hits(with(with(array_doc(), "/data_type", "r16"), "/fill_value", json::parse("[0, 255]"))).empty());
}

TEST_CASE("V3-ARR-005: chunk_grid is the regular grid with a chunk_shape", "[zarr-v3]") {
  CHECK(hits(with(array_doc(), "/chunk_grid", "regular")) == Hits{"V3-ARR-005 /chunk_grid"});
  CHECK(hits(with(array_doc(), "/chunk_grid", 2)) == Hits{"V3-ARR-005 /chunk_grid"});
  CHECK(hits(with(array_doc(), "/chunk_grid/name", "rectilinear")) == Hits{"V3-ARR-005 /chunk_grid/name"});
  CHECK(hits(without(array_doc(), "/chunk_grid/configuration")) == Hits{"V3-ARR-005 /chunk_grid/configuration"});
  CHECK(hits(with(array_doc(), "/chunk_grid/configuration", json::object())) ==
        Hits{"V3-ARR-005 /chunk_grid/configuration/chunk_shape"});
  CHECK(hits(with(array_doc(), "/chunk_grid/configuration/chunk_shape", "2")) ==
        Hits{"V3-ARR-005 /chunk_grid/configuration/chunk_shape"});
  CHECK(hits(with(array_doc(), "/chunk_grid/configuration/chunk_shape", json::parse("[2, 2.0]"))) ==
        Hits{"V3-ARR-005 /chunk_grid/configuration/chunk_shape/1"});
  CHECK(hits(with(array_doc(), "/chunk_grid/configuration/order", "C")) ==
        Hits{"V3-ARR-005 /chunk_grid/configuration/order"});
  CHECK(value_of(with(array_doc(), "/chunk_grid/name", "rectilinear"), "value") == "\"rectilinear\"");
}

TEST_CASE("V3-ARR-006: chunk_shape has one entry per dimension", "[zarr-v3]") {
  const auto doc = with(array_doc(), "/chunk_grid/configuration/chunk_shape", json::parse("[2]"));
  CHECK(hits(doc) == Hits{"V3-ARR-006 /chunk_grid/configuration/chunk_shape"});
  CHECK(value_of(doc, "chunk_ndim") == "1");
  CHECK(value_of(doc, "ndim") == "2");
  // Chunks larger than the array are fine.
  CHECK(hits(with(array_doc(), "/chunk_grid/configuration/chunk_shape", json::parse("[100, 1]"))).empty());
}

TEST_CASE("V3-ARR-007: chunk sizes are greater than zero", "[zarr-v3]") {
  CHECK(hits(with(array_doc(), "/chunk_grid/configuration/chunk_shape", json::parse("[2, 0]"))) ==
        Hits{"V3-ARR-007 /chunk_grid/configuration/chunk_shape/1"});
  CHECK(hits(with(array_doc(), "/chunk_grid/configuration/chunk_shape", json::parse("[-1, 2]"))) ==
        Hits{"V3-ARR-007 /chunk_grid/configuration/chunk_shape/0"});
  // A zero-length dimension still has positive chunks.
  CHECK(hits(with(array_doc(), "/shape", json::parse("[0, 4]"))).empty());
}

TEST_CASE("V3-ARR-008: chunk_key_encoding is default or v2 with a valid separator", "[zarr-v3]") {
  CHECK(hits(with(array_doc(), "/chunk_key_encoding", "default")).empty());
  CHECK(hits(with(array_doc(), "/chunk_key_encoding", json::parse(R"({"name": "v2"})"))).empty());
  CHECK(hits(with(array_doc(), "/chunk_key_encoding", json::parse(R"({"name": "v2", "configuration": {"separator": "."}})")))
            .empty());
  CHECK(hits(with(array_doc(), "/chunk_key_encoding/name", "slashes")) == Hits{"V3-ARR-008 /chunk_key_encoding/name"});
  CHECK(hits(with(array_doc(), "/chunk_key_encoding", "v3")) == Hits{"V3-ARR-008 /chunk_key_encoding"});
  CHECK(hits(with(array_doc(), "/chunk_key_encoding/configuration/separator", "-")) ==
        Hits{"V3-ARR-008 /chunk_key_encoding/configuration/separator"});
  CHECK(hits(with(array_doc(), "/chunk_key_encoding/configuration/separator", json::array({"/"}))) ==
        Hits{"V3-ARR-008 /chunk_key_encoding/configuration/separator"});
  CHECK(hits(with(array_doc(), "/chunk_key_encoding/configuration/padding", 2)) ==
        Hits{"V3-ARR-008 /chunk_key_encoding/configuration/padding"});
  CHECK(hits(with(array_doc(), "/chunk_key_encoding", 7)) == Hits{"V3-ARR-008 /chunk_key_encoding"});
}

TEST_CASE("V3-ARR-014: array attributes must be an object", "[zarr-v3]") {
  CHECK(hits(with(array_doc(), "/attributes", json::array())) == Hits{"V3-ARR-014 /attributes"});
  CHECK(value_of(with(array_doc(), "/attributes", "x"), "found") == "string");
  CHECK(hits(with(array_doc(), "/attributes", json::object())).empty());
}

TEST_CASE("V3-ARR-015: storage_transformers is an array of understood transformers", "[zarr-v3]") {
  CHECK(hits(with(array_doc(), "/storage_transformers", json::object())) == Hits{"V3-ARR-015 /storage_transformers"});
  CHECK(hits(with(array_doc(), "/storage_transformers", json::array())).empty());
  // No core transformer exists, so any entry is unknown.
  CHECK(hits(with(array_doc(), "/storage_transformers", json::parse(R"([{"name": "caching"}])"))) ==
        Hits{"V3-EXT-003 /storage_transformers/0/name"});
  CHECK(hits(with(array_doc(), "/storage_transformers", json::parse(R"([{"name": "caching", "must_understand": false}])"))) ==
        Hits{"V3-EXT-004 /storage_transformers/0/name"});
  CHECK(hits(with(array_doc(), "/storage_transformers", json::parse("[3]"))) == Hits{"V3-EXT-001 /storage_transformers/0"});
}

TEST_CASE("V3-ARR-016: dimension_names is an array of strings or nulls, one per dimension", "[zarr-v3]") {
  CHECK(hits(with(array_doc(), "/dimension_names", "x")) == Hits{"V3-ARR-016 /dimension_names"});
  CHECK(hits(with(array_doc(), "/dimension_names", json::parse(R"(["x", 1])"))) == Hits{"V3-ARR-016 /dimension_names/1"});
  CHECK(hits(with(array_doc(), "/dimension_names", json::parse(R"(["x"])"))) == Hits{"V3-ARR-016 /dimension_names"});
  CHECK(hits(with(array_doc(), "/dimension_names", json::parse(R"(["y", null])"))).empty());
}

TEST_CASE("V3-ARR-017: dimension names should be distinct", "[zarr-v3]") {
  const auto doc = with(array_doc(), "/dimension_names", json::parse(R"(["x", "x"])"));
  CHECK(hits(doc) == Hits{"V3-ARR-017 /dimension_names/1"});
  CHECK(value_of(doc, "name") == "x");
  // Nulls and empty names are unnamed, not duplicates.
  CHECK(hits(with(array_doc(), "/dimension_names", json::parse(R"([null, null])"))).empty());
  CHECK(hits(with(array_doc(), "/dimension_names", json::parse(R"(["", ""])"))).empty());
}

TEST_CASE("V3-ARR-018: dimension_names null", "[zarr-v3]") {
  CHECK(hits(with(array_doc(), "/dimension_names", nullptr)) == Hits{"V3-ARR-018 /dimension_names"});
}

TEST_CASE("V3-ARR-019: sizes that do not fit in 64 bits", "[zarr-v3]") {
  auto huge = with(array_doc(), "/shape", json::parse("[9223372036854775807, 9223372036854775807]"));
  huge = with(huge, "/chunk_grid/configuration/chunk_shape", json::parse("[1, 1]"));
  CHECK(hits(huge) == Hits{"V3-ARR-019 /shape"});
  CHECK(value_of(huge, "quantity") == "array elements");
  // 2^32 * (2^32 - 1) elements still fit.
  auto large = with(array_doc(), "/shape", json::parse("[4294967296, 4294967295]"));
  CHECK(hits(with(large, "/chunk_grid/configuration/chunk_shape", json::parse("[1, 1]"))).empty());

  auto chunk = with(array_doc(), "/chunk_grid/configuration/chunk_shape", json::parse("[4611686018427387904, 4]"));
  CHECK(hits(chunk) == Hits{"V3-ARR-019 /chunk_grid/configuration/chunk_shape"});
  CHECK(value_of(chunk, "quantity") == "elements per chunk");
  // 2^63 uint16 elements fit, their 2^64 bytes do not.
  auto bytes = with(array_doc(), "/chunk_grid/configuration/chunk_shape", json::parse("[4611686018427387904, 2]"));
  CHECK(value_of(bytes, "quantity") == "bytes per chunk");
  CHECK(hits(with(bytes, "/data_type", "uint8")).empty());
}
