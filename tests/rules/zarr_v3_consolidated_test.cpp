// Inline consolidated metadata (zarr-python 3 convention; the spec's carve-out for groups):
// CM-V3-001 .. 004, 006, 007.
#include "zarr_v3_test_util.hpp"

using namespace v3test;

namespace {

// The layout zarr-python 3 writes, with a complete array entry.
json consolidated_group() {
  json doc = json::parse(R"({"zarr_format": 3, "node_type": "group", "attributes": {},
    "consolidated_metadata": {"kind": "inline", "must_understand": false, "metadata": {
      "raw": {"zarr_format": 3, "node_type": "group", "attributes": {},
              "consolidated_metadata": {"kind": "inline", "must_understand": false, "metadata": {}}},
      "raw/varm": {"zarr_format": 3, "node_type": "group", "attributes": {}}}}})");
  doc["consolidated_metadata"]["metadata"]["raw/arr"] = array_doc();
  return doc;
}

const std::string kCm = "/consolidated_metadata";

}  // namespace

TEST_CASE("CM-V3-006: inline consolidated metadata passes, noted as information", "[consolidated]") {
  CHECK(hits(consolidated_group()) == Hits{"CM-V3-006 /consolidated_metadata"});
  CHECK(value_of(consolidated_group(), "count") == "3");
}

TEST_CASE("CM-V3-002: zarr-python 3.0 wrote consolidated_metadata null", "[consolidated]") {
  const auto doc =
      json::parse(R"({"zarr_format": 3, "node_type": "group", "attributes": {}, "consolidated_metadata": null})");
  CHECK(hits(doc) == Hits{"CM-V3-002 /consolidated_metadata"});
}

TEST_CASE("CM-V3-003: the consolidated_metadata object's structure", "[consolidated]") {
  CHECK(hits(with(group_doc(), kCm, 5)) == Hits{"CM-V3-003 " + kCm});
  CHECK(hits(with(consolidated_group(), kCm + "/kind", "external")) == Hits{"CM-V3-003 " + kCm + "/kind"});
  CHECK(hits(with(consolidated_group(), kCm + "/must_understand", true)) ==
        Hits{"CM-V3-003 " + kCm + "/must_understand"});
  CHECK(hits(without(consolidated_group(), kCm + "/must_understand")) == Hits{"CM-V3-003 " + kCm + "/must_understand"});
  CHECK(hits(with(consolidated_group(), kCm + "/metadata", json::array())) == Hits{"CM-V3-003 " + kCm + "/metadata"});
  CHECK(value_of(without(consolidated_group(), kCm + "/kind"), "value") == "(missing)");
}

TEST_CASE("CM-V3-004: consolidated entries are valid node documents", "[consolidated]") {
  const auto bad_fill = with(consolidated_group(), kCm + "/metadata/raw~1arr/fill_value", -1);
  CHECK(hits(bad_fill) == Hits{"CM-V3-006 " + kCm, "CM-V3-004 " + kCm + "/metadata/raw~1arr/fill_value"});
  const auto found = findings(bad_fill);
  CHECK(found.back().values == ozv::Values{{"entry", "raw/arr"}, {"rule", "V3-ARR-009"}, {"count", "1"}});

  CHECK(hits(with(consolidated_group(), kCm + "/metadata/x", json::array())) ==
        Hits{"CM-V3-006 " + kCm, "CM-V3-004 " + kCm + "/metadata/x"});
  // Near miss: a warning inside an entry does not make it invalid.
  CHECK(hits(with(consolidated_group(), kCm + "/metadata/raw~1arr/dimension_names", json::parse(R"(["x", "x"])"))) ==
        Hits{"CM-V3-006 " + kCm});
  // zarr-python may consolidate Zarr v2 documents; those follow the v2 rules.
  CHECK(hits(with(consolidated_group(), kCm + "/metadata/v2", json::parse(R"({"zarr_format": 2, "shape": "?"})"))) ==
        Hits{"CM-V3-006 " + kCm});
}

TEST_CASE("CM-V3-001: consolidated_metadata on an array", "[consolidated]") {
  const auto ignorable = json::parse(R"({"must_understand": false, "kind": "inline", "metadata": {}})");
  CHECK(hits(with(array_doc(), kCm, ignorable)) == Hits{"CM-V3-001 " + kCm});
  CHECK(hits(with(array_doc(), kCm, nullptr)) == Hits{"CM-V3-001 " + kCm, "V3-TOP-001 " + kCm});
}

namespace {

// A group whose consolidated metadata holds a group whose consolidated metadata holds ...,
// `levels` deep, the innermost one empty.
json nested_consolidated(int levels) {
  json doc = group_doc();
  for (int i = 0; i < levels; ++i) {
    json outer = group_doc();
    outer["consolidated_metadata"] = {{"kind", "inline"}, {"must_understand", false}, {"metadata", {{"a", doc}}}};
    doc = outer;
  }
  return doc;
}

}  // namespace

TEST_CASE("CM-V3-007: nested consolidated metadata is checked to a bounded depth", "[consolidated]") {
  CHECK(hits(nested_consolidated(8)) == Hits{"CM-V3-006 " + kCm});
  std::string pointer;
  for (int i = 0; i < 8; ++i) pointer += "/consolidated_metadata/metadata/a";
  CHECK(hits(nested_consolidated(9)) == Hits{"CM-V3-006 " + kCm, "CM-V3-007 " + pointer + "/consolidated_metadata/metadata"});
  CHECK(findings(nested_consolidated(100)).size() == 2);
}
