// JSON-004: nesting depth is bounded without recursion, on hostile 100000-deep input too.
#include <string>

#include "json_test_util.hpp"

using namespace ozv;
using namespace ozv::test;

namespace {

std::string repeat(std::string_view piece, std::size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += piece;
  return out;
}

std::size_t depth_of(const nlohmann::json& value) {
  std::size_t depth = 0;
  const nlohmann::json* node = &value;
  while (node->is_structured() && !node->empty()) {
    ++depth;
    node = node->is_array() ? &node->front() : &node->begin().value();
  }
  return depth + (node->is_structured() ? 1 : 0);
}

}  // namespace

TEST_CASE("JSON-004: depth exactly at the limit passes, one more fails", "[json][depth]") {
  JsonLimits limits;
  limits.max_depth = 3;
  const auto at = parse("[[[]]]", limits);
  CHECK(at.findings.empty());
  REQUIRE(at.value);
  CHECK(depth_of(*at.value) == 3);

  const auto over = parse("[[[[]]]]", limits);
  REQUIRE(rule_ids(over.findings) == Ids{"JSON-004"});
  CHECK(over.findings[0].location.pointer == "/0/0/0");
  CHECK(value_of(over.findings[0], "limit") == "3");
  CHECK(!over.value);

  const auto object = parse(R"({"a": [1, {"b": {"c": {}}}]})", limits);
  REQUIRE(rule_ids(object.findings) == Ids{"JSON-004"});
  CHECK(object.findings[0].location.pointer == "/a/1/b");

  CHECK(parse(R"({"a": [1, {"b": 2}]})", limits).findings.empty());
}

TEST_CASE("JSON-004: a zero limit allows scalars only", "[json][depth]") {
  JsonLimits limits;
  limits.max_depth = 0;
  CHECK(parse("1", limits).findings.empty());
  const auto array = parse("[]", limits);
  REQUIRE(rule_ids(array.findings) == Ids{"JSON-004"});
  CHECK(array.findings[0].location.pointer == "");
}

TEST_CASE("JSON-004: the default limit", "[json][depth]") {
  const std::size_t limit = JsonLimits{}.max_depth;
  const auto at = parse(repeat("[", limit) + repeat("]", limit));
  CHECK(at.findings.empty());
  REQUIRE(at.value);
  CHECK(depth_of(*at.value) == limit);
  const auto over = parse(repeat("[", limit + 1) + repeat("]", limit + 1));
  REQUIRE(rule_ids(over.findings) == Ids{"JSON-004"});
  CHECK(over.findings[0].location.pointer == repeat("/0", limit));
}

TEST_CASE("JSON-004: 100000-deep hostile documents neither overflow the stack nor parse", "[json][depth]") {
  const std::size_t n = 100000;
  const std::size_t limit = JsonLimits{}.max_depth;
  SECTION("unclosed arrays") {
    const auto parsed = parse(repeat("[", n));
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-004"});
    CHECK(parsed.findings[0].location.pointer == repeat("/0", limit));
  }
  SECTION("closed arrays") {
    const auto parsed = parse(repeat("[", n) + repeat("]", n));
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-004"});
  }
  SECTION("nested objects") {
    const auto parsed = parse(repeat("{\"a\":", n) + "1" + repeat("}", n));
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-004"});
    CHECK(parsed.findings[0].location.pointer == repeat("/a", limit));
  }
  SECTION("a syntax error at the bottom is never reached") {
    const auto parsed = parse(repeat("[{\"a\":", n / 2) + "x");
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-004"});
  }
  SECTION("near miss: long but flat") {
    const auto parsed = parse("[" + repeat("[],", n) + "[]]");
    CHECK(parsed.findings.empty());
    CHECK(parsed.value->size() == n + 1);
  }
}
