// JSON-001 (syntax), JSON-006 (NaN/Infinity tokens), JSON-009 (numbers beyond double range):
// where the error is reported and what it says.
#include <string>

#include "json_test_util.hpp"

using namespace ozv;
using namespace ozv::test;

TEST_CASE("valid documents of any top-level type parse without findings", "[json][syntax]") {
  const auto parsed = parse(R"({"zarr_format": 3, "node_type": "group", "attributes": {"a": [1, 2.5, null, true]}})");
  CHECK(parsed.findings.empty());
  REQUIRE(parsed.value);
  CHECK((*parsed.value)["attributes"]["a"][1] == 2.5);
  for (const char* text : {"42", "\"text\"", "null", "[]", " {} \n", "-0.5e-3"}) {
    INFO(text);
    const auto scalar = parse(text);
    CHECK(scalar.findings.empty());
    CHECK(scalar.value);
  }
}

TEST_CASE("JSON-001: syntax errors carry line, column and the pointer being read", "[json][syntax]") {
  SECTION("trailing comma in an array") {
    const auto parsed = parse(R"({"a": [1, 2,]})");
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-001"});
    const Finding& f = parsed.findings[0];
    CHECK(f.location.pointer == "/a/2");
    CHECK(value_of(f, "line") == "1");
    CHECK(value_of(f, "column") == "13");
    CHECK(value_of(f, "detail").find("unexpected ']'") != std::string::npos);
    CHECK(!parsed.value);
  }
  SECTION("missing comma in a multi-line document") {
    const std::string text =
        "{\n"
        "  \"zarr_format\": 3,\n"
        "  \"node_type\": \"group\"\n"
        "  \"attributes\": {}\n"
        "}\n";
    const auto parsed = parse(text);
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-001"});
    CHECK(parsed.findings[0].location.pointer == "");
    CHECK(value_of(parsed.findings[0], "line") == "4");
    CHECK(value_of(parsed.findings[0], "column") == "3");  // the opening quote of "attributes"
  }
  SECTION("a misspelled literal deep in a multi-line document, after non-ASCII text") {
    const std::string text =
        "{\n"
        "\t\"name\": \"caf\xC3\xA9\",\n"
        "\t\"axes\": [\n"
        "\t\t{\"name\": \"x\", \"unit\": nul}\n"
        "\t]\n"
        "}";
    const auto parsed = parse(text);
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-001"});
    const Finding& f = parsed.findings[0];
    CHECK(f.location.pointer == "/axes/0/unit");
    CHECK(value_of(f, "line") == "4");
    CHECK(value_of(f, "column") == "25");  // the 'n' of "nul" (tabs count as one column)
    CHECK(value_of(f, "detail").find("invalid literal") != std::string::npos);
    CHECK(value_of(f, "detail").find("near 'nul}'") != std::string::npos);
  }
  SECTION("a character after a value on line 2, after CRLF") {
    const auto parsed = parse("[1,\r\n 2 x]");
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-001"});
    CHECK(value_of(parsed.findings[0], "line") == "2");
    CHECK(value_of(parsed.findings[0], "column") == "4");
  }
  SECTION("unexpected structural character right after a number") {
    const auto parsed = parse("[10}");
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-001"});
    CHECK(value_of(parsed.findings[0], "column") == "4");
  }
  SECTION("unterminated string reaches the end of the text") {
    const auto parsed = parse("{\"a\":\n \"abc");
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-001"});
    CHECK(parsed.findings[0].location.pointer == "/a");
    CHECK(value_of(parsed.findings[0], "line") == "2");
    CHECK(value_of(parsed.findings[0], "column") == "2");  // where the string starts
  }
  SECTION("a second top-level value") {
    const auto parsed = parse("{} x");
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-001"});
    CHECK(value_of(parsed.findings[0], "column") == "4");
  }
  SECTION("a lone UTF-16 surrogate escape") {
    const auto parsed = parse(R"(["\ud800"])");
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-001"});
    CHECK(parsed.findings[0].location.pointer == "/0");
  }
  SECTION("a non-ASCII character outside a string is shown whole") {
    const auto parsed = parse("[\xC3\xA9]");
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-001"});
    CHECK(value_of(parsed.findings[0], "detail").find("near '\xC3\xA9'") != std::string::npos);
    // nlohmann reads a leading 0xEF as a broken byte order mark; it is just a character.
    const auto fullwidth = parse("\xEF\xBC\x81");  // U+FF01
    REQUIRE(rule_ids(fullwidth.findings) == Ids{"JSON-001"});
    CHECK(value_of(fullwidth.findings[0], "column") == "1");
    CHECK(value_of(fullwidth.findings[0], "detail").find("BOM") == std::string::npos);
  }
  SECTION("a control character inside a string") {
    const auto parsed = parse("[\"a\tb\"]");
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-001"});
    CHECK(value_of(parsed.findings[0], "column") == "2");
  }
}

TEST_CASE("JSON-001 near misses parse", "[json][syntax]") {
  CHECK(parse(R"({"a": [1, 2]})").findings.empty());
  CHECK(parse("[\"a\\tb\"]").findings.empty());  // the escaped tab is fine
  const auto pair = parse(R"(["\ud83d\ude00"])");  // a proper surrogate pair
  CHECK(pair.findings.empty());
  CHECK((*pair.value)[0] == "\xF0\x9F\x98\x80");
}

TEST_CASE("JSON-001: empty documents", "[json][syntax]") {
  const auto empty = parse("");
  REQUIRE(rule_ids(empty.findings) == Ids{"JSON-001"});
  CHECK(value_of(empty.findings[0], "detail") == "the document is empty");
  CHECK(value_of(empty.findings[0], "line") == "1");
  CHECK(value_of(empty.findings[0], "column") == "1");
  const auto blank = parse("  \n ");
  REQUIRE(rule_ids(blank.findings) == Ids{"JSON-001"});
  CHECK(value_of(blank.findings[0], "line") == "2");
  CHECK(value_of(blank.findings[0], "column") == "2");
}

TEST_CASE("JSON-001: a NUL byte is never taken for the end of the text", "[json][syntax]") {
  using namespace std::string_literals;
  const auto after = parse("{}\0junk"s);
  REQUIRE(rule_ids(after.findings) == Ids{"JSON-001"});
  CHECK(value_of(after.findings[0], "column") == "3");
  CHECK(value_of(after.findings[0], "detail").find("NUL") != std::string::npos);
  const auto inside = parse("[1,\0]"s);
  REQUIRE(rule_ids(inside.findings) == Ids{"JSON-001"});
  CHECK(value_of(inside.findings[0], "column") == "4");
  CHECK(value_of(inside.findings[0], "detail").find("NUL") != std::string::npos);
  const auto in_string = parse("[\"a\0\"]"s);
  REQUIRE(rule_ids(in_string.findings) == Ids{"JSON-001"});
  // An earlier error is reported as itself.
  const auto earlier = parse("[1 2]\0"s);
  REQUIRE(rule_ids(earlier.findings) == Ids{"JSON-001"});
  CHECK(value_of(earlier.findings[0], "detail").find("NUL") == std::string::npos);
  // Near miss: the escaped form is fine.
  const auto escaped = parse(R"(["a\u0000"])");
  CHECK(escaped.findings.empty());
  CHECK((*escaped.value)[0] == "a\0"s);
}

TEST_CASE("JSON-006: NaN and Infinity as bare tokens", "[json][nan]") {
  SECTION("NaN as a member value") {
    const auto parsed = parse("{\n  \"fill_value\": NaN\n}");
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-006"});
    const Finding& f = parsed.findings[0];
    CHECK(f.location.pointer == "/fill_value");
    CHECK(value_of(f, "token") == "NaN");
    CHECK(value_of(f, "line") == "2");
    CHECK(value_of(f, "column") == "17");
    CHECK(!parsed.value);
  }
  SECTION("-Infinity as an array element") {
    const auto parsed = parse("[1, -Infinity]");
    REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-006"});
    CHECK(parsed.findings[0].location.pointer == "/1");
    CHECK(value_of(parsed.findings[0], "token") == "-Infinity");
    CHECK(value_of(parsed.findings[0], "column") == "5");
  }
  SECTION("other spellings") {
    for (const char* token : {"Infinity", "nan", "NAN", "+Infinity", "inf", "-inf", "INFINITY", "-nan"}) {
      INFO(token);
      const auto parsed = parse(std::string("[") + token + "]");
      REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-006"});
      CHECK(value_of(parsed.findings[0], "token") == token);
      CHECK(value_of(parsed.findings[0], "column") == "2");
    }
  }
}

TEST_CASE("JSON-006 near misses", "[json][nan]") {
  // As strings, as Zarr writes them: fine.
  const auto strings = parse(R"({"fill_value": "NaN", "b": ["Infinity", "-Infinity", "nan"]})");
  CHECK(strings.findings.empty());
  CHECK((*strings.value)["fill_value"] == "NaN");
  // Words that merely start like them are ordinary syntax errors.
  CHECK(rule_ids(parse("[Infinityx]").findings) == Ids{"JSON-001"});
  CHECK(rule_ids(parse("[nanny]").findings) == Ids{"JSON-001"});
  CHECK(rule_ids(parse("[nul]").findings) == Ids{"JSON-001"});
}

TEST_CASE("JSON-009: numbers beyond the double range", "[json][number]") {
  const auto parsed = parse(R"({"scale": [1, 1e400]})");
  REQUIRE(rule_ids(parsed.findings) == Ids{"JSON-009"});
  CHECK(parsed.findings[0].location.pointer == "/scale/1");
  CHECK(value_of(parsed.findings[0], "literal") == "1e400");
  CHECK(value_of(parsed.findings[0], "column") == "15");
  const auto huge_integer = parse("[" + std::string("1") + std::string(400, '0') + "]");
  REQUIRE(rule_ids(huge_integer.findings) == Ids{"JSON-009"});
  CHECK(value_of(huge_integer.findings[0], "column") == "2");
  // Near misses: the largest doubles and the smallest subnormals are fine.
  CHECK(parse("[1e300, -1.7976931348623157e308, 4.9e-324, 1e-400]").findings.empty());
}
