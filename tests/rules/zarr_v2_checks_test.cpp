// Zarr v2 document rules: .zarray, .zgroup, .zattrs.
#define CATCH_CONFIG_ENABLE_PAIR_STRINGMAKER  // print (rule, pointer) pairs when a check fails
#include <catch2/catch.hpp>

#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/catalogue.hpp"
#include "rules/zarr_v2_checks.hpp"

using nlohmann::json;

namespace {

using Hits = std::vector<std::pair<std::string, std::string>>;  // (rule, pointer), in emission order

Hits hits(const ozv::Findings& findings) {
  Hits out;
  for (const auto& f : findings) out.emplace_back(f.rule, f.location.pointer);
  return out;
}

// Every finding must name a catalogued rule and supply every placeholder of its message.
void require_resolvable(const ozv::Findings& findings) {
  const auto& catalogue = ozv::Catalogue::builtin();
  for (const auto& f : findings) {
    INFO(f.rule);
    const auto* rule = catalogue.find(f.rule);
    REQUIRE(rule != nullptr);
    std::size_t open = 0;
    while ((open = rule->message.find('{', open)) != std::string::npos) {
      auto close = rule->message.find('}', open);
      REQUIRE(close != std::string::npos);
      const auto name = rule->message.substr(open + 1, close - open - 1);
      bool supplied = false;
      for (const auto& [k, v] : f.values) supplied = supplied || k == name;
      INFO("placeholder " << name);
      CHECK(supplied);
      open = close;
    }
  }
}

Hits zarray(const json& doc, const std::string& key = "a/.zarray") {
  ozv::Findings out;
  ozv::check_zarray(doc, key, out);
  for (const auto& f : out) CHECK(f.location.key == key);
  require_resolvable(out);
  return hits(out);
}

Hits zgroup(const json& doc) {
  ozv::Findings out;
  ozv::check_zgroup(doc, ".zgroup", out);
  require_resolvable(out);
  return hits(out);
}

Hits zattrs(const json& doc) {
  ozv::Findings out;
  ozv::check_zattrs(doc, "a/.zattrs", out);
  require_resolvable(out);
  return hits(out);
}

// Exactly as python3-zarr 2.13.6 (numcodecs 0.11) writes it for
// root.create_dataset('a', shape=(100, 200), chunks=(10, 20), dtype='<u2').
const char* const kZarrPython213 = R"({
    "chunks": [
        10,
        20
    ],
    "compressor": {
        "blocksize": 0,
        "clevel": 5,
        "cname": "lz4",
        "id": "blosc",
        "shuffle": 1
    },
    "dtype": "<u2",
    "fill_value": 0,
    "filters": null,
    "order": "C",
    "shape": [
        100,
        200
    ],
    "zarr_format": 2
})";

json base() { return json::parse(kZarrPython213); }

json with(const char* member, const json& value) {
  auto doc = base();
  doc[member] = value;
  return doc;
}

// A structured dtype needs a Base64 or null fill value; the base document's 0 would not fit.
json structured(const char* dtype) {
  auto doc = with("dtype", json::parse(dtype));
  doc["fill_value"] = nullptr;
  return doc;
}

}  // namespace

TEST_CASE("V2: documents written by zarr-python 2.13 pass with zero findings") {
  CHECK(zarray(base()).empty());

  SECTION("DirectoryStore with dimension_separator '/'") {
    CHECK(zarray(json::parse(R"({
    "chunks": [2, 2],
    "compressor": {"blocksize": 0, "clevel": 5, "cname": "lz4", "id": "blosc", "shuffle": 1},
    "dimension_separator": "/",
    "dtype": "<f4",
    "fill_value": 0.0,
    "filters": null,
    "order": "C",
    "shape": [4, 4],
    "zarr_format": 2
})")).empty());
  }
  SECTION("0-d array without compressor") {
    CHECK(zarray(json::parse(R"({"chunks": [], "compressor": null, "dtype": ">i2", "fill_value": -7,
        "filters": null, "order": "C", "shape": [], "zarr_format": 2})")).empty());
  }
  SECTION("delta filter and zlib compressor") {
    CHECK(zarray(json::parse(R"({"chunks": [2], "compressor": {"id": "zlib", "level": 1}, "dtype": "|u1",
        "fill_value": 0, "filters": [{"astype": "|u1", "dtype": "|u1", "id": "delta"}], "order": "C",
        "shape": [3], "zarr_format": 2})")).empty());
  }
  SECTION("fill values of the digest's table") {
    const std::pair<const char*, const char*> cases[] = {
        {R"("<f8")", R"("NaN")"},
        {R"("<f4")", R"("-Infinity")"},
        {R"("<c16")", "[1.0, 2.0]"},
        {R"("<c8")", R"(["NaN", "Infinity"])"},
        {R"("|b1")", "true"},
        {R"(">i2")", "-7"},
        {R"("|S4")", R"("YWI=")"},
        {R"("|V2")", R"("AQI=")"},
        {R"("<U3")", R"("ab")"},
        {R"("<M8[s]")", "-9223372036854775808"},
        {R"([["a", "<i4"], ["b", "<f8", [2, 2]]])", "null"},
        {R"([["a", "<i4"], ["b", "<f8", [2, 2]]])", R"("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")"},
    };
    for (const auto& [dtype, fill] : cases) {
      INFO(dtype << " " << fill);
      auto doc = with("dtype", json::parse(dtype));
      doc["fill_value"] = json::parse(fill);
      CHECK(zarray(doc).empty());
    }
  }
  SECTION("the spec's own example") {
    CHECK(zarray(json::parse(R"({"chunks": [1000, 1000],
        "compressor": {"id": "blosc", "cname": "lz4", "clevel": 5, "shuffle": 1},
        "dtype": "<f8", "fill_value": "NaN", "filters": [{"id": "delta", "dtype": "<f8", "astype": "<f4"}],
        "order": "C", "shape": [10000, 10000], "zarr_format": 2})")).empty());
  }
  SECTION(".zgroup and .zattrs") {
    CHECK(zgroup(json::parse(R"({"zarr_format": 2})")).empty());
    CHECK(zattrs(json::parse(R"({"foo": 42, "bar": "apples", "baz": [1, 2, 3, 4]})")).empty());
  }
}

TEST_CASE("V2-JSON-001: metadata that is not an object") {
  CHECK(zarray(json::array()) == Hits{{"V2-JSON-001", ""}});
  CHECK(zarray(json("x")) == Hits{{"V2-JSON-001", ""}});
  CHECK(zgroup(json(2)) == Hits{{"V2-JSON-001", ""}});
  CHECK(zgroup(json(nullptr)) == Hits{{"V2-JSON-001", ""}});
}

TEST_CASE("V2-ARR-001: required members") {
  for (const char* member : {"zarr_format", "shape", "chunks", "dtype", "compressor", "fill_value", "order", "filters"}) {
    INFO(member);
    auto doc = base();
    doc.erase(member);
    CHECK(zarray(doc) == Hits{{"V2-ARR-001", std::string("/") + member}});
  }
  SECTION("an empty object misses all eight") { CHECK(zarray(json::object()).size() == 8); }
  SECTION("near miss: null values count as present") {
    CHECK(zarray(with("filters", nullptr)).empty());
    CHECK(zarray(with("compressor", nullptr)).empty());
    CHECK(zarray(with("fill_value", nullptr)).empty());
  }
}

TEST_CASE("V2-ARR-002: zarr_format must be the integer 2") {
  CHECK(zarray(with("zarr_format", 3)) == Hits{{"V2-ARR-002", "/zarr_format"}});
  CHECK(zarray(with("zarr_format", 2.0)) == Hits{{"V2-ARR-002", "/zarr_format"}});
  CHECK(zarray(with("zarr_format", "2")) == Hits{{"V2-ARR-002", "/zarr_format"}});
  CHECK(zarray(with("zarr_format", json::parse("18446744073709551615"))) == Hits{{"V2-ARR-002", "/zarr_format"}});
  CHECK(zarray(with("zarr_format", json::parse("2"))).empty());  // near miss: unsigned 2
  CHECK(zarray(with("zarr_format", 2)).empty());                 // near miss: signed 2
}

TEST_CASE("V2-ARR-003: shape is a list of integers >= 0") {
  CHECK(zarray(with("shape", json::parse("[100, -1]"))) == Hits{{"V2-ARR-003", "/shape/1"}});
  CHECK(zarray(with("shape", json::parse("[100.0, 200]"))) == Hits{{"V2-ARR-003", "/shape/0"}});
  CHECK(zarray(with("shape", json::parse("[100, \"200\"]"))) == Hits{{"V2-ARR-003", "/shape/1"}});
  CHECK(zarray(with("shape", json::parse("[100, 2e2]"))) == Hits{{"V2-ARR-003", "/shape/1"}});
  CHECK(zarray(with("shape", "100")) == Hits{{"V2-ARR-003", "/shape"}});
  SECTION("only the first bad extent is reported") {
    CHECK(zarray(with("shape", json::parse("[-1, -2]"))) == Hits{{"V2-ARR-003", "/shape/0"}});
  }
  SECTION("near misses: zero and unsigned 64-bit extents") {
    CHECK(zarray(with("shape", json::parse("[0, 200]"))).empty());
    CHECK(zarray(with("shape", json::parse("[18446744073709551615, 0]"))).empty());
  }
}

TEST_CASE("V2-ARR-004: chunks is a list of integers >= 1") {
  CHECK(zarray(with("chunks", json::parse("[10, 0]"))) == Hits{{"V2-ARR-004", "/chunks/1"}});
  CHECK(zarray(with("chunks", json::parse("[-10, 20]"))) == Hits{{"V2-ARR-004", "/chunks/0"}});
  CHECK(zarray(with("chunks", json::parse("[10, 1.5]"))) == Hits{{"V2-ARR-004", "/chunks/1"}});
  CHECK(zarray(with("chunks", json::parse("{}"))) == Hits{{"V2-ARR-004", "/chunks"}});
  CHECK(zarray(with("chunks", json::parse("[1, 1]"))).empty());  // near miss
}

TEST_CASE("V2-ARR-005: chunks and shape have the same length") {
  CHECK(zarray(with("chunks", json::parse("[10]"))) == Hits{{"V2-ARR-005", "/chunks"}});
  CHECK(zarray(with("chunks", json::parse("[10, 20, 1]"))) == Hits{{"V2-ARR-005", "/chunks"}});
  SECTION("reported even when an extent is also bad") {
    CHECK(zarray(with("chunks", json::parse("[0]"))) == Hits{{"V2-ARR-004", "/chunks/0"}, {"V2-ARR-005", "/chunks"}});
  }
  SECTION("near miss: a 0-d array") {
    auto doc = with("shape", json::array());
    doc["chunks"] = json::array();
    CHECK(zarray(doc).empty());
  }
}

TEST_CASE("V2-ARR-006 / V2-ARR-007: dtype grammar and portability") {
  CHECK(zarray(with("dtype", "f8")) == Hits{{"V2-ARR-006", "/dtype"}});
  CHECK(zarray(with("dtype", "<x4")) == Hits{{"V2-ARR-006", "/dtype"}});
  CHECK(zarray(with("dtype", "<i3")) == Hits{{"V2-ARR-006", "/dtype"}});
  CHECK(zarray(with("dtype", "<f8[ns]")) == Hits{{"V2-ARR-006", "/dtype"}});
  CHECK(zarray(with("dtype", 8)) == Hits{{"V2-ARR-006", "/dtype"}});
  CHECK(zarray(structured(R"([["a","<i4"],["b",["x"]]])")) == Hits{{"V2-ARR-006", "/dtype/1/1/0"}});
  SECTION("an invalid dtype does not cascade into fill_value findings") {
    auto doc = with("dtype", "<i3");
    doc["fill_value"] = "nonsense";
    CHECK(zarray(doc) == Hits{{"V2-ARR-006", "/dtype"}});
  }
  CHECK(zarray(with("dtype", "<u1")) == Hits{{"V2-ARR-007", "/dtype"}});
  CHECK(zarray(with("dtype", "|f8")) == Hits{{"V2-ARR-007", "/dtype"}});
  CHECK(zarray(with("dtype", "<M8")) == Hits{{"V2-ARR-007", "/dtype"}});
  CHECK(zarray(structured(R"([["a","<i4"],["b","<u1"]])")) == Hits{{"V2-ARR-007", "/dtype/1/1"}});
  SECTION("object dtype as zarr-python 2.13 writes it: only the portability warning") {
    auto doc = with("dtype", "|O");
    doc["filters"] = json::parse(R"([{"id": "vlen-utf8"}])");
    CHECK(zarray(doc) == Hits{{"V2-ARR-007", "/dtype"}});
  }
  SECTION("near misses") {
    CHECK(zarray(with("dtype", "|u1")).empty());
    CHECK(zarray(with("dtype", "<M8[ns]")).empty());
    CHECK(zarray(structured(R"([["a","<i4"],["b","|u1"]])")).empty());
  }
}

TEST_CASE("V2-ARR-008: compressor is null or an object with a string id") {
  CHECK(zarray(with("compressor", "blosc")) == Hits{{"V2-ARR-008", "/compressor"}});
  CHECK(zarray(with("compressor", json::array())) == Hits{{"V2-ARR-008", "/compressor"}});
  CHECK(zarray(with("compressor", json::parse(R"({"cname": "lz4"})"))) == Hits{{"V2-ARR-008", "/compressor/id"}});
  CHECK(zarray(with("compressor", json::parse(R"({"id": 5})"))) == Hits{{"V2-ARR-008", "/compressor/id"}});
  CHECK(zarray(with("compressor", json::parse(R"({"id": "zstd", "level": 3})"))).empty());  // near miss
}

TEST_CASE("V2-ARR-009 / V2-ARR-010: filters") {
  CHECK(zarray(with("filters", json::parse(R"({"id": "delta"})"))) == Hits{{"V2-ARR-009", "/filters"}});
  CHECK(zarray(with("filters", json::parse(R"([{"id": "delta"}, 3])"))) == Hits{{"V2-ARR-009", "/filters/1"}});
  CHECK(zarray(with("filters", json::parse(R"([{"dtype": "<f8"}])"))) == Hits{{"V2-ARR-009", "/filters/0/id"}});
  CHECK(zarray(with("filters", json::parse(R"([{"id": null}])"))) == Hits{{"V2-ARR-009", "/filters/0/id"}});
  CHECK(zarray(with("filters", json::array())) == Hits{{"V2-ARR-010", "/filters"}});
  CHECK(zarray(with("filters", json::parse(R"([{"id": "delta", "dtype": "<u2"}])"))).empty());  // near miss
}

TEST_CASE("V2-ARR-011: order") {
  CHECK(zarray(with("order", "c")) == Hits{{"V2-ARR-011", "/order"}});
  CHECK(zarray(with("order", nullptr)) == Hits{{"V2-ARR-011", "/order"}});
  CHECK(zarray(with("order", "F")).empty());  // near miss
}

TEST_CASE("V2-ARR-012: dimension_separator") {
  CHECK(zarray(with("dimension_separator", "-")) == Hits{{"V2-ARR-012", "/dimension_separator"}});
  CHECK(zarray(with("dimension_separator", nullptr)) == Hits{{"V2-ARR-012", "/dimension_separator"}});
  CHECK(zarray(with("dimension_separator", "//")) == Hits{{"V2-ARR-012", "/dimension_separator"}});
  CHECK(zarray(with("dimension_separator", ".")).empty());  // near misses
  CHECK(zarray(with("dimension_separator", "/")).empty());
}

TEST_CASE("V2-ARR-013: fill_value fits the dtype") {
  auto doc = with("dtype", "<i2");
  doc["fill_value"] = 40000;
  CHECK(zarray(doc) == Hits{{"V2-ARR-013", "/fill_value"}});
  doc["fill_value"] = 32767;
  CHECK(zarray(doc).empty());  // near miss

  doc["dtype"] = "<c8";
  doc["fill_value"] = json::parse(R"([0.0, "inf"])");
  CHECK(zarray(doc) == Hits{{"V2-ARR-013", "/fill_value/1"}});
  doc["fill_value"] = json::parse(R"([0.0, "Infinity"])");
  CHECK(zarray(doc).empty());  // near miss

  doc["dtype"] = "|S2";
  doc["fill_value"] = "YWJj";  // 3 bytes
  CHECK(zarray(doc) == Hits{{"V2-ARR-013", "/fill_value"}});
  doc["fill_value"] = "YWI=";
  CHECK(zarray(doc).empty());  // near miss
}

TEST_CASE("V2-ARR-014: unknown members") {
  CHECK(zarray(with("attributes", json::object())) == Hits{{"V2-ARR-014", "/attributes"}});
  CHECK(zarray(with("a/b~c", 1)) == Hits{{"V2-ARR-014", "/a~1b~0c"}});
  SECTION("a flood of unknown members is capped") {
    auto doc = base();
    for (int i = 0; i < 1000; ++i) doc["extra" + std::to_string(i)] = i;
    CHECK(zarray(doc).size() == 32);
  }
  CHECK(zarray(with("dimension_separator", ".")).empty());  // near miss: the optional member
}

TEST_CASE("V2-ARR-015: codec ids unknown to numcodecs") {
  CHECK(zarray(with("compressor", json::parse(R"({"id": "bloscc"})"))) == Hits{{"V2-ARR-015", "/compressor/id"}});
  CHECK(zarray(with("filters", json::parse(R"([{"id": "delta"}, {"id": "imagecodecs_jpeg2k"}])"))) ==
        Hits{{"V2-ARR-015", "/filters/1/id"}});
  CHECK(zarray(with("compressor", json::parse(R"({"id": "BLOSC"})"))) == Hits{{"V2-ARR-015", "/compressor/id"}});
  for (const char* id : {"blosc", "zlib", "gzip", "zstd", "lz4", "bz2", "lzma"}) {  // near misses
    INFO(id);
    CHECK(zarray(with("compressor", json{{"id", id}})).empty());
  }
}

TEST_CASE("V2-ARR-016: sizes beyond 64 bits, without huge loops") {
  const auto big = json::parse("9223372036854775807");  // 2^63 - 1
  SECTION("element count overflows; chunk count would too") {
    auto doc = with("shape", json::array({big, big}));
    doc["chunks"] = json::array({1, 1});
    CHECK(zarray(doc) == Hits{{"V2-ARR-016", "/shape"}});
  }
  SECTION("both the array and one chunk overflow") {
    auto doc = with("shape", json::array({big, big}));
    doc["chunks"] = json::array({big, big});
    CHECK(zarray(doc) == Hits{{"V2-ARR-016", "/shape"}, {"V2-ARR-016", "/chunks"}});
  }
  SECTION("a chunk's byte size overflows") {
    auto doc = with("shape", json::array({10}));
    doc["chunks"] = json::array({json::parse("4611686018427387904")});  // 2^62 elements of 8 bytes
    doc["dtype"] = "<f8";
    CHECK(zarray(doc) == Hits{{"V2-ARR-016", "/chunks"}});
  }
  SECTION("near misses: just inside 64 bits") {
    auto doc = with("shape", json::parse("[4294967296, 4294967295]"));  // 2^64 - 2^32 elements
    doc["chunks"] = json::array({1, 1});
    CHECK(zarray(doc).empty());
    doc = with("shape", json::array({10}));
    doc["chunks"] = json::array({json::parse("1152921504606846976")});  // 2^60 elements of 8 bytes
    doc["dtype"] = "<f8";
    CHECK(zarray(doc).empty());
  }
}

TEST_CASE("V2-GRP-001 / V2-GRP-002: .zgroup") {
  CHECK(zgroup(json::object()) == Hits{{"V2-GRP-001", "/zarr_format"}});
  CHECK(zgroup(json::parse(R"({"zarr_format": 3})")) == Hits{{"V2-GRP-001", "/zarr_format"}});
  CHECK(zgroup(json::parse(R"({"zarr_format": "2"})")) == Hits{{"V2-GRP-001", "/zarr_format"}});
  CHECK(zgroup(json::parse(R"({"zarr_format": 2, "attrs": {}})")) == Hits{{"V2-GRP-002", "/attrs"}});
  CHECK(zgroup(json::parse(R"({"zarr_format": 2, "a/b": 1})")) == Hits{{"V2-GRP-002", "/a~1b"}});
  CHECK(zgroup(json::parse(R"({"version": 2})")) == Hits{{"V2-GRP-001", "/zarr_format"}, {"V2-GRP-002", "/version"}});
  CHECK(zgroup(json::parse(R"({"zarr_format": 2})")).empty());  // near miss
}

TEST_CASE("V2-ATTR-001: .zattrs is an object") {
  CHECK(zattrs(json::array()) == Hits{{"V2-ATTR-001", ""}});
  CHECK(zattrs(json("attrs")) == Hits{{"V2-ATTR-001", ""}});
  CHECK(zattrs(json::object()).empty());  // near miss
}

TEST_CASE("V2 catalogue: every rule is declared with the expected severity") {
  const auto& catalogue = ozv::Catalogue::builtin();
  const std::pair<const char*, ozv::Severity> expected[] = {
      {"V2-JSON-001", ozv::Severity::error},   {"V2-ARR-001", ozv::Severity::error},
      {"V2-ARR-002", ozv::Severity::error},    {"V2-ARR-003", ozv::Severity::error},
      {"V2-ARR-004", ozv::Severity::error},    {"V2-ARR-005", ozv::Severity::error},
      {"V2-ARR-006", ozv::Severity::error},    {"V2-ARR-007", ozv::Severity::warning},
      {"V2-ARR-008", ozv::Severity::error},    {"V2-ARR-009", ozv::Severity::error},
      {"V2-ARR-010", ozv::Severity::warning},  {"V2-ARR-011", ozv::Severity::error},
      {"V2-ARR-012", ozv::Severity::error},    {"V2-ARR-013", ozv::Severity::error},
      {"V2-ARR-014", ozv::Severity::warning},  {"V2-ARR-015", ozv::Severity::warning},
      {"V2-ARR-016", ozv::Severity::warning},  {"V2-GRP-001", ozv::Severity::error},
      {"V2-GRP-002", ozv::Severity::error},    {"V2-ATTR-001", ozv::Severity::error},
      {"V2-NODE-001", ozv::Severity::warning}, {"V2-HIER-001", ozv::Severity::error},
      {"V2-PATH-001", ozv::Severity::error},
  };
  for (const auto& [id, severity] : expected) {
    INFO(id);
    const auto* rule = catalogue.find(id);
    REQUIRE(rule != nullptr);
    CHECK(rule->severity == severity);
    CHECK(rule->area == "zarr-v2");
    CHECK(rule->url.rfind("https://zarr-specs.readthedocs.io/en/latest/v2/v2.0.html#", 0) == 0);
  }
  // The hierarchy walk emits these; their messages must match what it supplies.
  CHECK(catalogue.find("V2-PATH-001")->message.find("{segment}") != std::string::npos);
  CHECK(catalogue.find("V2-NODE-001")->message.find('{') == std::string::npos);
  CHECK(catalogue.find("V2-HIER-001")->message.find('{') == std::string::npos);
}
