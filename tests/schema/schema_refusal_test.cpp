// Schemas the engine cannot evaluate faithfully are refused at load, naming the keyword and
// where it is; nothing is ignored silently.
#include <catch2/catch.hpp>

#include "schema_test_util.hpp"

using ozv::SchemaLoadError;
using ozv::test::one_schema;
using ozv::test::schema_set;

namespace {

// Loads one schema and returns the error it raised (fails the test when none).
SchemaLoadError refusal(const std::string& text) {
  try {
    one_schema(text);
  } catch (const SchemaLoadError& e) {
    return e;
  }
  FAIL("schema was accepted: " << text);
  return SchemaLoadError("", "", "");
}

}  // namespace

TEST_CASE("an unimplemented 2020-12 keyword is refused with its location", "[schema][refusal]") {
  const auto e = refusal(R"({"properties": {"a": {"type": "object", "unevaluatedProperties": false}}})");
  CHECK(e.file() == "s.schema");
  CHECK(e.pointer() == "/properties/a/unevaluatedProperties");
  CHECK(std::string(e.what()).find("unevaluatedProperties") != std::string::npos);
  CHECK(refusal(R"({"$defs": {"x": {"$anchor": "x"}}})").pointer() == "/$defs/x/$anchor");
  CHECK(refusal(R"({"items": {"$dynamicRef": "#x"}})").pointer() == "/items/$dynamicRef");
}

TEST_CASE("a made-up keyword is refused", "[schema][refusal]") {
  const auto e = refusal(R"({"allOf": [{"type": "string"}, {"maxFoo": 3}]})");
  CHECK(e.pointer() == "/allOf/1/maxFoo");
  CHECK(e.problem() == "unknown keyword 'maxFoo'");
  // Draft 7 spellings are not 2020-12 keywords.
  CHECK(refusal(R"({"dependencies": {"a": ["b"]}})").pointer() == "/dependencies");
  CHECK(refusal(R"({"items": [{"type": "string"}]})").pointer() == "/items");
  CHECK(refusal(R"({"additionalItems": false})").pointer() == "/additionalItems");
  CHECK(refusal(R"({"id": "x"})").pointer() == "/id");
}

TEST_CASE("names in properties and values of data keywords are not keywords", "[schema][refusal]") {
  CHECK_NOTHROW(one_schema(R"({"properties": {"unevaluatedProperties": {}, "maxFoo": {"type": "string"}},
                               "patternProperties": {"^id$": true}, "$defs": {"made-up name": {}},
                               "required": ["maxFoo"], "enum": [{"maxFoo": 1}], "const": {"maxFoo": 1},
                               "examples": [{"unevaluatedItems": 2}], "default": {"maxFoo": 0}})"));
}

TEST_CASE("malformed keyword values are refused", "[schema][refusal]") {
  CHECK(refusal(R"({"minContains": -1, "contains": {}})").pointer() == "/minContains");
  CHECK(refusal(R"({"required": "a"})").pointer() == "/required");
  CHECK(refusal(R"({"type": "integr"})").pointer() == "/type");
  CHECK(refusal(R"({"pattern": "(unclosed"})").pointer() == "/pattern");
  CHECK(refusal(R"({"patternProperties": {"[": {}}})").pointer() == "/patternProperties/[");
  CHECK(refusal(R"({"properties": {"a": 3}})").pointer() == "/properties/a");
  CHECK(refusal(R"({"$schema": "http://json-schema.org/draft-07/schema#"})").pointer() == "/$schema");
  CHECK(refusal(R"({"allOf": []})").pointer() == "/allOf");
  CHECK(refusal("{\"type\": ").problem().find("not valid JSON") == 0);
}

TEST_CASE("unresolvable references are refused", "[schema][refusal][ref]") {
  const auto unknown = refusal(R"({"properties": {"a": {"$ref": "https://example.org/nowhere.schema"}}})");
  CHECK(unknown.pointer() == "/properties/a/$ref");
  CHECK(unknown.problem().find("no schema with $id 'https://example.org/nowhere.schema'") != std::string::npos);
  CHECK(refusal(R"({"$ref": "#/$defs/missing"})").problem().find("does not point to a schema") != std::string::npos);
  CHECK(refusal(R"({"$ref": "#/required", "required": ["a"]})").pointer() == "/$ref");
  CHECK(refusal(R"({"$ref": "#anchor"})").problem().find("plain-name fragment") != std::string::npos);
}

TEST_CASE("$ref cycles that never reach the instance are refused", "[schema][refusal][ref]") {
  const auto self = refusal(R"({"properties": {"a": {"$ref": "#/properties/a"}}})");
  CHECK(self.problem().find("$ref cycle") != std::string::npos);
  CHECK(self.pointer() == "/properties/a");
  CHECK(refusal(R"({"$ref": "#"})").problem().find("$ref cycle") != std::string::npos);
  CHECK(refusal(R"({"allOf": [{"$ref": "#/$defs/a"}], "$defs": {"a": {"not": {"$ref": "#"}}}})")
            .problem()
            .find("$ref cycle") != std::string::npos);
  CHECK_NOTHROW(one_schema(R"({"properties": {"next": {"$ref": "#"}}})"));
}

TEST_CASE("duplicate $id within one set is refused", "[schema][refusal][id]") {
  try {
    schema_set({{"a.schema", R"({"$id": "https://example.org/x"})"}, {"b.schema", R"({"$id": "https://example.org/x"})"}});
    FAIL("duplicate $id accepted");
  } catch (const SchemaLoadError& e) {
    CHECK(e.file() == "b.schema");
    CHECK(e.pointer() == "/$id");
  }
  // The same $id in two different sets is fine.
  CHECK_NOTHROW(schema_set({{"a.schema", R"({"$id": "https://example.org/x"})"}}));
  CHECK_NOTHROW(schema_set({{"b.schema", R"({"$id": "https://example.org/x"})"}}));
}

TEST_CASE("from_directory refuses a missing directory", "[schema][refusal]") {
  CHECK_THROWS_AS(ozv::SchemaSet::from_directory("/nonexistent/schema/dir"), SchemaLoadError);
}

TEST_CASE("a $ref cycle through siblings is located", "[schema][refusal][ref]") {
  const auto e = refusal(R"({"$defs": {"a": {"$ref": "#/$defs/b", "minimum": 1}, "b": {"allOf": [{"$ref": "#/$defs/a"}]}}})");
  CHECK(e.problem().find("$ref cycle") != std::string::npos);
  CHECK(e.file() == "s.schema");
  CHECK_FALSE(e.pointer().empty());
}
