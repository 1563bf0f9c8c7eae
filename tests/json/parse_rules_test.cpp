// JSON-002 (UTF-8), JSON-003 (duplicate names), JSON-005 (size), JSON-007 (big integers),
// JSON-008 (byte order mark), JSON-010 (capped findings).
#include <string>

#include "json_test_util.hpp"

using namespace ozv;
using namespace ozv::test;

TEST_CASE("JSON-002: invalid UTF-8 is located and nothing is parsed", "[json][utf8]") {
  SECTION("Latin-1 text") {
    const auto parsed = parse("{\"name\": \"caf\xE9\"}");
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-002"});
    const Finding& f = parsed.findings[0];
    CHECK(f.location.pointer == "");
    CHECK(value_of(f, "offset") == "13");
    CHECK(value_of(f, "line") == "1");
    CHECK(value_of(f, "column") == "14");
    CHECK(value_of(f, "detail") == "truncated sequence (byte 0xE9)");
    CHECK(!parsed.value);
  }
  SECTION("an overlong form on line 3, after multi-byte characters") {
    const auto parsed = parse("{\n\"\xC3\xA9\xC3\xA9\": 1,\n\"a\xC0\xAF\": 2}");
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-002"});
    CHECK(value_of(parsed.findings[0], "line") == "3");
    CHECK(value_of(parsed.findings[0], "column") == "3");
    CHECK(value_of(parsed.findings[0], "detail") == "overlong encoding (byte 0xC0)");
  }
  SECTION("an encoded surrogate") {
    const auto parsed = parse("[\"\xED\xA0\x80\"]");
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-002"});
    CHECK(value_of(parsed.findings[0], "offset") == "2");
  }
  SECTION("outside strings too") {
    CHECK(rule_ids(parse("[1, \xFF]").findings) == Ids{"JSON-002"});
  }
  SECTION("near miss: the same text correctly encoded") {
    const auto parsed = parse("{\"name\": \"caf\xC3\xA9\"}");
    CHECK(parsed.findings.empty());
    CHECK((*parsed.value)["name"] == "caf\xC3\xA9");
  }
}

TEST_CASE("JSON-003: duplicate names warn and the last value wins", "[json][duplicate]") {
  SECTION("at the top level") {
    const auto parsed = parse(R"({"a": 1, "b": 2, "a": 3})");
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-003"});
    CHECK(parsed.findings[0].location.pointer == "/a");
    CHECK(value_of(parsed.findings[0], "name") == "a");
    REQUIRE(parsed.value);
    CHECK(parsed.value->size() == 2);
    CHECK((*parsed.value)["a"] == 3);
  }
  SECTION("nested, with a name that needs pointer escaping, replacing a container") {
    const auto parsed = parse(R"({"x": [{"a/b": {"deep": [1]}, "a/b": 2}]})");
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-003"});
    CHECK(parsed.findings[0].location.pointer == "/x/0/a~1b");
    CHECK(value_of(parsed.findings[0], "name") == "a/b");
    CHECK((*parsed.value)["x"][0]["a/b"] == 2);
  }
  SECTION("three times: two findings") {
    const auto parsed = parse(R"({"k": 1, "k": 2, "k": 3})");
    CHECK(rule_ids(parsed.findings) == Ids{"JSON-003", "JSON-003"});
    CHECK((*parsed.value)["k"] == 3);
  }
  SECTION("near miss: the same name in different objects") {
    const auto parsed = parse(R"({"a": {"a": 1}, "b": {"a": 2}, "c": [{"a": 1}, {"a": 2}]})");
    CHECK(parsed.findings.empty());
  }
}

TEST_CASE("JSON-010: repeated findings are capped per rule", "[json][duplicate]") {
  std::string text = "{";
  for (int i = 0; i <= 150; ++i) text += std::string(i == 0 ? "" : ",") + "\"k\": " + std::to_string(i);
  text += "}";
  const auto parsed = parse(text);
  REQUIRE(parsed.findings.size() == 101);
  CHECK(parsed.findings[99].rule == "JSON-003");
  const Finding& note = parsed.findings[100];
  CHECK(note.rule == "JSON-010");
  CHECK(value_of(note, "rule") == "JSON-003");
  CHECK(value_of(note, "count") == "50");
  CHECK((*parsed.value)["k"] == 150);
  // Near miss: exactly the cap is listed without a note.
  std::string at_cap = "{";
  for (int i = 0; i <= 100; ++i) at_cap += std::string(i == 0 ? "" : ",") + "\"k\": 0";
  at_cap += "}";
  CHECK(parse(at_cap).findings.size() == 100);
}

TEST_CASE("JSON-003 check scales to large objects", "[json][duplicate][performance]") {
  std::string text = "{";
  for (int i = 0; i < 200000; ++i) text += std::string(i == 0 ? "" : ",") + "\"m" + std::to_string(i) + "\":0";
  text += ",\"m123\":1}";
  const auto parsed = parse(text);
  REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-003"});
  CHECK(parsed.findings[0].location.pointer == "/m123");
  CHECK(parsed.value->size() == 200000);
}

TEST_CASE("JSON-005: documents over the size limit are not parsed", "[json][limits]") {
  JsonLimits limits;
  limits.max_bytes = 10;
  const auto over = parse(R"({"a": 123})" " ", limits);  // 11 bytes
  REQUIRE(rule_ids(over.findings) == Ids{"JSON-005"});
  CHECK(over.findings[0].location.pointer == "");
  CHECK(value_of(over.findings[0], "size") == "11");
  CHECK(value_of(over.findings[0], "limit") == "10");
  CHECK(!over.value);
  // Near miss: exactly the limit.
  const auto at = parse(R"({"a": 123})", limits);
  CHECK(at.findings.empty());
  CHECK(at.value);
}

TEST_CASE("JSON-007: integers beyond 64 bits are kept as floats with a warning", "[json][number]") {
  const auto parsed = parse(R"({"a": 18446744073709551616, "b": [-9223372036854775809]})");
  REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-007", "JSON-007"});
  CHECK(parsed.findings[0].location.pointer == "/a");
  CHECK(value_of(parsed.findings[0], "literal") == "18446744073709551616");
  CHECK(value_of(parsed.findings[0], "value") == "18446744073709551616");  // 2^64, exactly representable
  CHECK(parsed.findings[1].location.pointer == "/b/0");
  REQUIRE(parsed.value);
  CHECK((*parsed.value)["a"].is_number_float());
  CHECK((*parsed.value)["a"].get<double>() == 18446744073709551616.0);
}

TEST_CASE("JSON-007 near misses", "[json][number]") {
  const auto parsed =
      parse(R"([18446744073709551615, -9223372036854775808, 1.8446744073709552e19, 18446744073709551616.0, 2E64])");
  CHECK(parsed.findings.empty());
  CHECK((*parsed.value)[0].is_number_unsigned());
  CHECK((*parsed.value)[0].get<std::uint64_t>() == 18446744073709551615ull);
  CHECK((*parsed.value)[1].is_number_integer());
}

TEST_CASE("JSON-008: a byte order mark is reported and skipped", "[json][bom]") {
  const auto parsed = parse("\xEF\xBB\xBF{\"a\": 1}");
  REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-008"});
  CHECK(parsed.findings[0].location.pointer == "");
  REQUIRE(parsed.value);
  CHECK((*parsed.value)["a"] == 1);

  SECTION("positions after it are counted without it; offsets include it") {
    const auto bad = parse("\xEF\xBB\xBF[1 2]");
    REQUIRE(rule_ids(bad.findings) == Ids{"JSON-008", "JSON-001"});
    CHECK(value_of(bad.findings[1], "column") == "4");
    CHECK(value_of(bad.findings[1], "offset") == "6");
    const auto bad_utf8 = parse("\xEF\xBB\xBF[\"\xFF\"]");
    REQUIRE(rule_ids(bad_utf8.findings) == Ids{"JSON-008", "JSON-002"});
    CHECK(value_of(bad_utf8.findings[1], "column") == "3");
    CHECK(value_of(bad_utf8.findings[1], "offset") == "5");
  }
  SECTION("a second one is an error") {
    CHECK(rule_ids(parse("\xEF\xBB\xBF\xEF\xBB\xBF{}").findings) == Ids{"JSON-008", "JSON-001"});
  }
  SECTION("with nothing after it") {
    CHECK(rule_ids(parse("\xEF\xBB\xBF").findings) == Ids{"JSON-008", "JSON-001"});
  }
  SECTION("near misses: no mark, or U+FEFF inside a string") {
    CHECK(parse("{\"a\": 1}").findings.empty());
    CHECK(parse("[\"\xEF\xBB\xBF\"]").findings.empty());
  }
}
