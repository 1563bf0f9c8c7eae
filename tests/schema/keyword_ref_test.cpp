// `$ref` with 2020-12 semantics: siblings apply, `$defs` resolve, `$id` names documents.
#include <catch2/catch.hpp>

#include "schema_test_util.hpp"

using ozv::test::one_schema;
using ozv::test::pointers;
using ozv::test::schema_set;
using ozv::test::valid;
using nlohmann::json;

TEST_CASE("a $ref with a sibling required applies both", "[schema][ref]") {
  const auto set = one_schema(R"({
    "$defs": {"point": {"properties": {"x": {"type": "integer"}}}},
    "$ref": "#/$defs/point",
    "required": ["y"]})");
  CHECK(valid(set, R"({"x": 1, "y": 2})"));
  CHECK(pointers(set.validate("s.schema", json::parse(R"({"x": 1})"))) == std::vector<std::string>{""});
  CHECK(pointers(set.validate("s.schema", json::parse(R"({"x": "one", "y": 2})"))) == std::vector<std::string>{"/x"});
}

TEST_CASE("a $ref keeps additionalProperties of its siblings local to them", "[schema][ref]") {
  const auto set = one_schema(R"({
    "$defs": {"base": {"required": ["a"]}},
    "properties": {"item": {"$ref": "#/$defs/base", "properties": {"a": {}, "b": {}},
                            "additionalProperties": false, "title": "annotations do not matter"}}})");
  CHECK(valid(set, R"({"item": {"a": 1, "b": 2}})"));
  CHECK(pointers(set.validate("s.schema", json::parse(R"({"item": {"b": 2}})"))) == std::vector<std::string>{"/item"});
  CHECK_FALSE(valid(set, R"({"item": {"a": 1, "c": 2}})"));
}

TEST_CASE("$defs and legacy definitions are addressable, nested", "[schema][ref]") {
  const auto set = one_schema(R"({
    "$defs": {"outer": {"$defs": {"inner": {"minimum": 10}}, "type": "number"}},
    "definitions": {"old": {"maximum": 20}},
    "allOf": [{"$ref": "#/$defs/outer/$defs/inner"}, {"$ref": "#/definitions/old"}]})");
  CHECK(valid(set, "15"));
  CHECK_FALSE(valid(set, "5"));
  CHECK_FALSE(valid(set, "25"));
}

TEST_CASE("$ref fragments decode ~0, ~1 and %-escapes", "[schema][ref]") {
  const auto set = one_schema(R"({
    "$defs": {"a/b~c%d": {"const": 7}},
    "properties": {"v": {"$ref": "#/$defs/a~1b~0c%25d"}}})");
  CHECK(valid(set, R"({"v": 7})"));
  CHECK_FALSE(valid(set, R"({"v": 8})"));
}

TEST_CASE("$ref across files by absolute and relative $id", "[schema][ref][id]") {
  const auto set = schema_set({
      {"a.schema", R"({"$id": "https://example.org/s/a.schema",
                       "properties": {"rel": {"$ref": "b.schema#/$defs/positive"},
                                      "abs": {"$ref": "https://example.org/s/b.schema"}}})"},
      {"b.schema", R"({"$schema": "https://json-schema.org/draft/2020-12/schema",
                       "$id": "https://example.org/s/b.schema", "type": "object",
                       "$defs": {"positive": {"exclusiveMinimum": 0}}})"}});
  CHECK(valid(set, R"({"rel": 1, "abs": {}})", "a.schema"));
  CHECK(pointers(set.validate("a.schema", json::parse(R"({"rel": 0})"))) == std::vector<std::string>{"/rel"});
  CHECK(pointers(set.validate("a.schema", json::parse(R"({"abs": 3})"))) == std::vector<std::string>{"/abs"});
  CHECK(set.has("b.schema"));
  CHECK_FALSE(set.has("c.schema"));
}

TEST_CASE("a nested $id starts a new base URI", "[schema][ref][id]") {
  const auto set = schema_set({
      {"a.schema", R"({"$id": "https://example.org/a",
                       "$defs": {"sub": {"$id": "https://example.org/deep/sub", "$ref": "#/$defs/leaf",
                                         "$defs": {"leaf": {"type": "string"}}}},
                       "properties": {"s": {"$ref": "deep/sub"}, "t": {"$ref": "https://example.org/deep/sub#/$defs/leaf"}}})"}});
  CHECK(valid(set, R"({"s": "x", "t": "y"})", "a.schema"));
  CHECK_FALSE(valid(set, R"({"s": 1})", "a.schema"));
  CHECK_FALSE(valid(set, R"({"t": 1})", "a.schema"));
}

TEST_CASE("documents sharing paths do not share compiled subschemas", "[schema][ref][id]") {
  // Both documents have /properties/v: each keeps its own constraint.
  const auto set = schema_set({
      {"a.schema", R"({"$id": "https://example.org/a", "properties": {"v": {"type": "string"}},
                       "allOf": [{"$ref": "https://example.org/b"}]})"},
      {"b.schema", R"({"$id": "https://example.org/b", "properties": {"v": {"minLength": 3}}})"}});
  CHECK(valid(set, R"({"v": "abc"})", "a.schema"));
  CHECK_FALSE(valid(set, R"({"v": "ab"})", "a.schema"));
  CHECK_FALSE(valid(set, R"({"v": 12345})", "a.schema"));
  CHECK(valid(set, R"({"v": 12345})", "b.schema"));
}

TEST_CASE("recursive schemas validate nested instances", "[schema][ref]") {
  const auto set = one_schema(R"({"required": ["name"],
                                  "properties": {"children": {"type": "array", "items": {"$ref": "#"}}}})");
  CHECK(valid(set, R"({"name": "a", "children": [{"name": "b", "children": []}]})"));
  CHECK(pointers(set.validate("s.schema", json::parse(R"({"name": "a", "children": [{"name": "b", "children": [{}]}]})"))) ==
        std::vector<std::string>{"/children/0/children/0"});
}

TEST_CASE("two $id-less files are told apart", "[schema][ref][id]") {
  const auto set = schema_set({{"a.schema", R"({"$defs": {"x": {"type": "string"}}, "$ref": "#/$defs/x"})"},
                               {"b.schema", R"({"$defs": {"x": {"type": "number"}}, "$ref": "#/$defs/x"})"}});
  CHECK(valid(set, R"("s")", "a.schema"));
  CHECK(valid(set, "1", "b.schema"));
  CHECK_FALSE(valid(set, "1", "a.schema"));
}
