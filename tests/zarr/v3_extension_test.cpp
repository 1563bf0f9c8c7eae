#include <catch2/catch.hpp>

#include "zarr/v3_extension.hpp"

using namespace ozv;
using nlohmann::json;

TEST_CASE("extension definitions: short-hand and object forms", "[zarr-v3-model]") {
  const auto short_hand = parse_extension(json("bytes"));
  CHECK(short_hand.well_formed());
  CHECK(short_hand.short_hand);
  CHECK(short_hand.name == "bytes");
  CHECK(short_hand.configuration == nullptr);
  CHECK(short_hand.must_be_understood());

  const auto doc = json::parse(R"({"name": "gzip", "configuration": {"level": 1}, "must_understand": false})");
  const auto object = parse_extension(doc);
  CHECK(object.well_formed());
  CHECK(!object.short_hand);
  CHECK(object.configuration == &doc["configuration"]);
  CHECK(object.must_understand == false);
  CHECK(!object.must_be_understood());
  CHECK(object.extra_member_count == 0);
}

TEST_CASE("extension definitions: structural problems and extra members", "[zarr-v3-model]") {
  CHECK(parse_extension(json(3)).problems.front().issue == ExtensionIssue::not_string_or_object);
  CHECK(parse_extension(json::object()).problems.front().issue == ExtensionIssue::name_missing);
  const auto bad = parse_extension(json::parse(R"({"name": 1, "configuration": [], "must_understand": 0})"));
  REQUIRE(bad.problems.size() == 3);
  CHECK(bad.problems[0].member == "configuration");  // members in document (sorted) order
  CHECK(bad.problems[1].issue == ExtensionIssue::must_understand_not_boolean);
  CHECK(bad.problems[2].issue == ExtensionIssue::name_not_string);
  const auto extra = parse_extension(json::parse(R"({"name": "x", "b": 1, "a": 2})"));
  CHECK(extra.well_formed());
  CHECK(extra.extra_member_count == 2);
  CHECK(extra.first_extra_member == "a");
}

TEST_CASE("extension names: registered style or URI", "[zarr-v3-model]") {
  for (const char* ok : {"zstd", "numcodecs.adler32", "vlen-utf8", "sharding_indexed", "r8",
                         "https://example.org/codec", "urn:example:datetime"}) {
    INFO(ok);
    CHECK(is_conformant_extension_name(ok));
  }
  for (const char* bad : {"foo/bar", "Zstd", "z", "", "1abc", ":x", "x:", "my codec"}) {
    INFO(bad);
    CHECK(!is_conformant_extension_name(bad));
  }
}
