// DocumentMemo: identical documents parsed and checked once, findings still at each key.
#include "engine/document_memo.hpp"

#include <catch2/catch.hpp>

#include "store/memory_store.hpp"

namespace ozv {
namespace {

int checks_run = 0;

// Reports every document that has no "ok" member, at the document's root.
void count_and_check(const nlohmann::json& doc, const std::string& key, Findings& out) {
  ++checks_run;
  if (!doc.contains("ok")) out.push_back(Finding{"V3-ARR-001", {key, ""}, {{"member", "ok"}}});
}

// A check whose finding names its key in a value: such a result is not reused elsewhere.
void check_naming_key(const nlohmann::json&, const std::string& key, Findings& out) {
  ++checks_run;
  out.push_back(Finding{"V3-ARR-001", {key, ""}, {{"member", key}}});
}

}  // namespace

TEST_CASE("identical documents are parsed and checked once and share one tree", "[engine][memo]") {
  MemoryStore store{{"a/zarr.json", R"({"zarr_format":3})"},
                    {"b/zarr.json", R"({"zarr_format":3})"},
                    {"c/zarr.json", R"({"zarr_format":3, "ok":1})"},
                    {"d/.zarray", R"({"zarr_format":3})"}};
  DocumentMemo memo;
  checks_run = 0;
  auto a = memo.read(store, "a/zarr.json", {}, count_and_check);
  auto b = memo.read(store, "b/zarr.json", {}, count_and_check);
  CHECK(checks_run == 1);
  REQUIRE(a.document);
  CHECK(a.document == b.document);
  REQUIRE(a.findings.size() == 1);
  REQUIRE(b.findings.size() == 1);
  CHECK(a.findings[0].location.key == "a/zarr.json");
  CHECK(b.findings[0].location.key == "b/zarr.json");

  SECTION("other bytes, or the same bytes under another document name, are work of their own") {
    auto c = memo.read(store, "c/zarr.json", {}, count_and_check);
    auto d = memo.read(store, "d/.zarray", {}, count_and_check);
    CHECK(checks_run == 3);
    CHECK(c.findings.empty());
    CHECK(d.document != a.document);
    REQUIRE(d.findings.size() == 1);
    CHECK(d.findings[0].location.key == "d/.zarray");
  }
  SECTION("another check on the same bytes runs") {
    memo.read(store, "b/zarr.json", {}, check_naming_key);
    CHECK(checks_run == 2);
  }
}

TEST_CASE("the memo does not reuse what names its key, nor grows past its budget", "[engine][memo]") {
  MemoryStore store{{"a/zarr.json", "{}"}, {"b/zarr.json", "{}"}};
  checks_run = 0;
  SECTION("a finding naming the key") {
    DocumentMemo memo;
    auto a = memo.read(store, "a/zarr.json", {}, check_naming_key);
    auto b = memo.read(store, "b/zarr.json", {}, check_naming_key);
    CHECK(checks_run == 2);
    REQUIRE(b.findings.size() == 1);
    CHECK(b.findings[0].values[0].second == "b/zarr.json");
  }
  SECTION("a budget of no bytes") {
    DocumentMemo memo(0);
    auto a = memo.read(store, "a/zarr.json", {}, count_and_check);
    auto b = memo.read(store, "b/zarr.json", {}, count_and_check);
    CHECK(checks_run == 2);
    CHECK(a.document != b.document);
  }
}

TEST_CASE("the memo reports absent, oversized and malformed documents like any read", "[engine][memo]") {
  MemoryStore store{{"big/zarr.json", std::string(100, ' ') + "{}"}, {"bad/zarr.json", "{"}, {"bad2/zarr.json", "{"}};
  DocumentMemo memo;
  checks_run = 0;
  auto absent = memo.read(store, "none/zarr.json", {}, count_and_check);
  CHECK_FALSE(absent.document);
  CHECK(absent.findings.empty());
  JsonLimits small;
  small.max_bytes = 50;
  auto big = memo.read(store, "big/zarr.json", small, count_and_check);
  CHECK_FALSE(big.document);
  REQUIRE(big.findings.size() == 1);
  CHECK(big.findings[0].rule == "JSON-005");
  auto bad = memo.read(store, "bad/zarr.json", {}, count_and_check);
  auto bad2 = memo.read(store, "bad2/zarr.json", {}, count_and_check);
  CHECK_FALSE(bad2.document);
  REQUIRE_FALSE(bad2.findings.empty());
  CHECK(bad2.findings[0].location.key == "bad2/zarr.json");
  CHECK(bad.findings.size() == bad2.findings.size());
  CHECK(checks_run == 0);
}

}  // namespace ozv
