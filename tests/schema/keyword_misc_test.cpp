// The remaining 2020-12 rewrites: prefixItems, dependentRequired/dependentSchemas, integer
// typing, format as annotation, boolean schemas; and the assertions copied as they are.
#include <catch2/catch.hpp>

#include "schema_test_util.hpp"

using ozv::test::one_schema;
using ozv::test::pointers;
using ozv::test::valid;
using nlohmann::json;

TEST_CASE("prefixItems checks positions, items the rest", "[schema][items]") {
  const auto set = one_schema(R"({"prefixItems": [{"type": "string"}, {"type": "integer"}], "items": false})");
  CHECK(valid(set, R"(["a", 1])"));
  CHECK(valid(set, R"(["a"])"));
  CHECK(pointers(set.validate("s.schema", json::parse(R"(["a", "b"])"))) == std::vector<std::string>{"/1"});
  CHECK_FALSE(valid(set, R"(["a", 1, 2])"));
  const auto open = one_schema(R"({"prefixItems": [{"type": "string"}]})");
  CHECK(valid(open, R"(["a", 1, null])"));
  CHECK_FALSE(valid(open, R"([1])"));
}

TEST_CASE("items applies to every item without prefixItems", "[schema][items]") {
  const auto set = one_schema(R"({"items": {"type": "number"}, "minItems": 1, "uniqueItems": true})");
  CHECK(valid(set, "[1, 2.5]"));
  CHECK(pointers(set.validate("s.schema", json::parse(R"([1, "x"])"))) == std::vector<std::string>{"/1"});
  CHECK_FALSE(valid(set, "[]"));
  CHECK_FALSE(valid(set, "[1, 1]"));
}

TEST_CASE("dependentRequired and dependentSchemas", "[schema][dependent]") {
  const auto set = one_schema(R"({"dependentRequired": {"a": ["b"]},
                                  "dependentSchemas": {"c": {"required": ["d"]}, "a": {"required": ["e"]}}})");
  CHECK(valid(set, "{}"));
  CHECK(valid(set, R"({"a": 1, "b": 2, "e": 3})"));
  CHECK_FALSE(valid(set, R"({"a": 1, "e": 3})"));
  CHECK_FALSE(valid(set, R"({"a": 1, "b": 2})"));
  CHECK_FALSE(valid(set, R"({"c": 1})"));
  CHECK(valid(set, R"({"c": 1, "d": 1})"));
}

TEST_CASE("integer means integral value, as in 2020-12", "[schema][type]") {
  const auto set = one_schema(R"({"type": "integer"})");
  CHECK(valid(set, "1"));
  CHECK(valid(set, "1.0"));
  CHECK(valid(set, "-3"));
  CHECK_FALSE(valid(set, "1.5"));
  CHECK_FALSE(valid(set, R"("1")"));
  const auto either = one_schema(R"({"type": ["integer", "string"]})");
  CHECK(valid(either, "2"));
  CHECK(valid(either, R"("x")"));
  CHECK_FALSE(valid(either, "2.5"));
  CHECK_FALSE(valid(either, "null"));
  CHECK(valid(one_schema(R"({"type": ["integer", "number"]})"), "2.5"));
}

TEST_CASE("format only annotates", "[schema][annotation]") {
  const auto set = one_schema(R"({"type": "string", "format": "date", "title": "t", "description": "d",
                                  "examples": [{"anything": true}], "default": 3, "deprecated": true, "$comment": "c"})");
  CHECK(valid(set, R"("not a date")"));
  CHECK_FALSE(valid(set, "3"));
}

TEST_CASE("boolean schemas", "[schema][boolean]") {
  const auto set = one_schema(R"({"properties": {"never": false, "always": true}})");
  CHECK(valid(set, R"({"always": [1]})"));
  CHECK(pointers(set.validate("s.schema", json::parse(R"({"never": 1})"))) == std::vector<std::string>{"/never"});
}

TEST_CASE("copied assertions keep their meaning", "[schema][assertions]") {
  const auto set = one_schema(R"({
    "type": "object",
    "properties": {
      "n": {"minimum": 1, "exclusiveMaximum": 10, "multipleOf": 0.5},
      "s": {"pattern": "^[A-Z]+$", "minLength": 2, "maxLength": 3},
      "e": {"enum": ["a", "b"]}, "k": {"const": {"x": [1]}},
      "o": {"minProperties": 1, "maxProperties": 1, "propertyNames": {"pattern": "^x"}}},
    "patternProperties": {"^p_": {"type": "boolean"}},
    "additionalProperties": {"type": "number"},
    "if": {"required": ["flag"]}, "then": {"required": ["n"]}, "else": {"not": {"required": ["n"]}}})");
  CHECK(valid(set, R"({"n": 9.5, "s": "AB", "e": "a", "k": {"x": [1]}, "o": {"xy": 1}, "p_1": true, "flag": 2})"));
  CHECK(pointers(set.validate("s.schema", json::parse(R"({"flag": 1, "n": 10})"))) == std::vector<std::string>{"/n"});
  CHECK_FALSE(valid(set, R"({"n": 1})"));  // else: n forbidden without flag
  CHECK_FALSE(valid(set, R"({"s": "Ab"})"));
  CHECK_FALSE(valid(set, R"({"e": "c"})"));
  CHECK_FALSE(valid(set, R"({"k": {"x": [2]}})"));
  CHECK_FALSE(valid(set, R"({"o": {"yx": 1}})"));
  CHECK_FALSE(valid(set, R"({"p_1": 1})"));
  CHECK_FALSE(valid(set, R"({"other": "x"})"));
  CHECK(valid(set, R"({"other": 2})"));
}

TEST_CASE("unsigned integers above INT64_MAX keep their sign", "[schema][type]") {
  const auto set = one_schema(R"({"type": "integer", "minimum": 0})");
  const json big = json::parse("18446744073709551615");
  REQUIRE(big.is_number_unsigned());
  CHECK(set.validate("s.schema", big).empty());
  CHECK(set.validate("s.schema", json::parse(R"(9223372036854775808)")).empty());
  CHECK_FALSE(valid(set, "-9223372036854775808"));
  CHECK(pointers(one_schema(R"({"items": {"maximum": 10}})").validate("s.schema", json::parse("[1, 9223372036854775808]"))) ==
        std::vector<std::string>{"/1"});
}
