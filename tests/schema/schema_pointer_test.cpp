// valijson context vectors become RFC 6901 pointers; the instance decides index vs. name.
#include <catch2/catch.hpp>

#include "schema/schema_pointer.hpp"
#include "schema_test_util.hpp"

using ozv::context_to_pointer;
using nlohmann::json;

TEST_CASE("context steps become pointer tokens", "[schema][pointer]") {
  const json doc = json::parse(R"({"ome": {"multiscales": [{"axes": [{"name": "x"}]}]}})");
  CHECK(context_to_pointer({"<root>"}, doc) == "");
  CHECK(context_to_pointer({"<root>", "[ome]", "[multiscales]", "[0]", "[axes]", "[0]", "[name]"}, doc) ==
        "/ome/multiscales/0/axes/0/name");
}

TEST_CASE("a bracketed number is an index only inside an array", "[schema][pointer]") {
  const json doc = json::parse(R"({"0": {"1": [10, 20]}})");
  CHECK(context_to_pointer({"<root>", "[0]", "[1]", "[1]"}, doc) == "/0/1/1");
  const json arr = json::parse(R"([[1], {"0": 2}])");
  CHECK(context_to_pointer({"<root>", "[1]", "[0]"}, arr) == "/1/0");
}

TEST_CASE("names are escaped and may contain brackets", "[schema][pointer]") {
  const json doc = json::parse(R"({"a/b": {"c~d": {"[e]": 1}}})");
  CHECK(context_to_pointer({"<root>", "[a/b]", "[c~d]", "[[e]]"}, doc) == "/a~1b/c~0d/[e]");
}

TEST_CASE("steps beyond the instance are still written", "[schema][pointer]") {
  const json doc = json::parse(R"({"a": 1})");
  CHECK(context_to_pointer({"<root>", "[b]", "[0]"}, doc) == "/b/0");
}

TEST_CASE("violations carry pointers with escaped names", "[schema][pointer]") {
  const auto set = ozv::test::one_schema(R"({"properties": {"a/b": {"items": {"type": "string"}}}})");
  const auto violations = set.validate("s.schema", json::parse(R"({"a/b": ["x", 2]})"));
  REQUIRE(violations.size() == 1);
  CHECK(violations[0].instance_pointer == "/a~1b/1");
  CHECK(violations[0].detail == "Value type not permitted by 'type' constraint.");
}
