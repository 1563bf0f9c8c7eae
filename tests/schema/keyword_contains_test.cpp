// `contains` with 2020-12 `minContains` / `maxContains` (a custom valijson constraint).
#include <catch2/catch.hpp>

#include "schema_test_util.hpp"

using ozv::test::one_schema;
using ozv::test::pointers;
using ozv::test::valid;
using nlohmann::json;

TEST_CASE("maxContains bounds the number of matching items", "[schema][contains]") {
  const auto set = one_schema(R"({"type": "array", "contains": {"const": "space"}, "minContains": 2, "maxContains": 3})");
  CHECK(valid(set, R"(["space", "time", "space", "space"])"));
  CHECK(valid(set, R"(["space", "space"])"));
  const auto four = set.validate("s.schema", json::parse(R"(["space", "space", "space", "space"])"));
  REQUIRE(four.size() == 1);
  CHECK(four[0].instance_pointer == "");
  CHECK(four[0].detail.find("maxContains 3") != std::string::npos);
  // Not an array: contains does not apply.
  CHECK(valid(one_schema(R"({"contains": {"const": "space"}, "maxContains": 1})"), R"({"a": ["space", "space"]})"));
  CHECK_FALSE(valid(set, R"(["space", "time"])"));
}

TEST_CASE("maxContains without minContains still needs one match", "[schema][contains]") {
  const auto set = one_schema(R"({"contains": {"const": 1}, "maxContains": 2})");
  CHECK_FALSE(valid(set, "[]"));
  CHECK_FALSE(valid(set, "[2, 3]"));
  CHECK(valid(set, "[1, 2]"));
  CHECK(valid(set, "[1, 1]"));
  CHECK_FALSE(valid(set, "[1, 1, 1]"));
}

TEST_CASE("minContains 0 lets contains pass on any array", "[schema][contains]") {
  CHECK(valid(one_schema(R"({"contains": {"const": 1}, "minContains": 0})"), "[]"));
  CHECK(valid(one_schema(R"({"contains": {"const": 1}, "minContains": 0})"), "[2, 3]"));
  const auto at_most_one = one_schema(R"({"contains": {"const": 1}, "minContains": 0, "maxContains": 1})");
  CHECK(valid(at_most_one, "[2]"));
  CHECK_FALSE(valid(at_most_one, "[1, 1]"));
}

TEST_CASE("minContains and maxContains without contains are ignored", "[schema][contains]") {
  const auto set = one_schema(R"({"minContains": 5, "maxContains": 0})");
  CHECK(valid(set, "[]"));
  CHECK(valid(set, "[1, 2, 3]"));
}

TEST_CASE("plain contains needs one match, reported at the array", "[schema][contains]") {
  const auto set = one_schema(R"({"properties": {"list": {"contains": {"type": "string"}}}})");
  CHECK(valid(set, R"({"list": [1, "a"]})"));
  CHECK(pointers(set.validate("s.schema", json::parse(R"({"list": [1, 2]})"))) == std::vector<std::string>{"/list"});
}

TEST_CASE("a contains subschema may refer back to its own schema", "[schema][contains]") {
  // Arrays that contain 1, or contain such an array.
  const auto set = one_schema(R"({"type": "array", "contains": {"anyOf": [{"const": 1}, {"$ref": "#"}]}})");
  CHECK(valid(set, "[1]"));
  CHECK(valid(set, "[[2, [1]]]"));
  CHECK_FALSE(valid(set, "[[2, [3]]]"));
  CHECK_FALSE(valid(set, "[]"));
}

TEST_CASE("contains inside a referenced definition is counted", "[schema][contains]") {
  const auto set = one_schema(R"({
    "$defs": {"axes": {"type": "array", "contains": {"properties": {"type": {"const": "space"}}, "required": ["type"]},
                       "minContains": 2, "maxContains": 3}},
    "properties": {"axes": {"$ref": "#/$defs/axes"}}})");
  CHECK(valid(set, R"({"axes": [{"type": "space"}, {"type": "space"}]})"));
  CHECK(pointers(set.validate("s.schema", json::parse(R"({"axes": [{"type": "space"}]})"))) ==
        std::vector<std::string>{"/axes"});
}
