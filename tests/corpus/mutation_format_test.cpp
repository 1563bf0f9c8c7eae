// The mutation format: entries are checked against the bases and the rule catalogue when
// loaded, and each operation does exactly what the README says.
#include <catch2/catch.hpp>

#include "corpus/mutation.hpp"
#include "corpus/ozx_writer.hpp"

using namespace ozv;
using namespace ozv::corpus;

namespace {

std::string entry(const std::string& expected, const std::string& id = "test/case-error",
                  const std::string& operations = R"([{"op": "delete", "key": "1"}])",
                  const std::string& variants = R"(["dir"])") {
  return R"({"mutations": [{"id": ")" + id + R"(", "description": "d", "base": "ngff-0.5/image-2d-valid", "level": 3,
    "tags": [], "variants": )" + variants + R"(, "operations": )" + operations + R"(, "expected": )" + expected + "}]}";
}

std::vector<Mutation> load(const std::string& text) {
  const std::vector<std::pair<std::string_view, std::string_view>> files = {{"test.json", text}};
  return load_mutations(files, Catalogue::builtin());
}

const std::string kMs050 =
    R"([{"rule": "NGFF-MS-050", "severity": "error", "location": {"key": "zarr.json", "pointer": "/x"}}])";

}  // namespace

TEST_CASE("a well-formed mutation loads", "[corpus][mutation]") {
  const auto mutations = load(entry(kMs050));
  REQUIRE(mutations.size() == 1);
  CHECK(mutations[0].expected[0].severity == Severity::error);
  CHECK(mutations[0].source == "test.json");
}

TEST_CASE("the mutation format rejects a severity the catalogue does not give", "[corpus][mutation]") {
  const std::string wrong = R"([{"rule": "NGFF-MS-050", "severity": "warning", "location": {"key": "zarr.json", "pointer": ""}}])";
  CHECK_THROWS_WITH(load(entry(wrong, "test/case-warning")),
                    Catch::Contains("expects NGFF-MS-050 as warning, but the catalogue says error"));
}

TEST_CASE("the mutation format rejects what would desync the corpus", "[corpus][mutation]") {
  CHECK_THROWS_WITH(load(entry(R"([{"rule": "NO-SUCH-1", "severity": "error", "location": {"key": "", "pointer": ""}}])")),
                    Catch::Contains("unknown rule NO-SUCH-1"));
  CHECK_THROWS_WITH(load(entry(R"([{"rule": "V3-ARR-013", "severity": "error", "location": {"key": "", "pointer": ""}}])")),
                    Catch::Contains("unchecked"));
  CHECK_THROWS_WITH(load(entry(kMs050, "test/case-valid")), Catch::Contains("must end in -error"));
  CHECK_THROWS_WITH(load(entry("[]", "test/case-error")), Catch::Contains("must end in -valid"));
  CHECK_THROWS_WITH(load(entry(kMs050, "test/case-error", R"([{"op": "explode", "key": "x"}])")),
                    Catch::Contains("unknown operation"));
  CHECK_THROWS_WITH(load(entry(kMs050, "test/case-error", R"([{"op": "delete", "key": "x", "extra": 1}])")),
                    Catch::Contains("unknown member \"extra\""));
  CHECK_THROWS_WITH(load(entry(kMs050, "test/case-error", R"([{"op": "zip", "zip64": false}])")),
                    Catch::Contains("needs \"variants\": [\"ozx\"]"));
  CHECK_THROWS_WITH(load(entry(kMs050, "test/case-error", R"([{"op": "write-hex", "key": "a", "hex": "abc"}])")),
                    Catch::Contains("even number of hex digits"));
  CHECK_THROWS_WITH(load(R"({"mutations": [{"id": "x-valid"}]})"), Catch::Contains("lacks"));
  CHECK_THROWS_WITH(load("not json"), Catch::Contains("not JSON"));
  CHECK_THROWS_WITH(load(entry(kMs050, "")), Catch::Contains("the id must be"));
  const std::string twice = entry(kMs050);
  CHECK_THROWS_WITH(load(R"({"mutations": [)" + twice.substr(15, twice.size() - 17) + "," +
                         twice.substr(15, twice.size() - 17) + "]}"),
                    Catch::Contains("used twice"));
  CHECK_THROWS_WITH(load(entry(kMs050, "test/case-error", R"([{"op": "delete", "key": "1"}])", R"(["dir", "tar"])")),
                    Catch::Contains("unknown variant"));
}

TEST_CASE("operations edit the base's files", "[corpus][mutation]") {
  Case base;
  base.id = "ngff-0.5/image-2d-valid";
  base.files = {{"zarr.json", "{\"a\": {\"b\": [1, 2, 3]}}\n"}, {"0/zarr.json", "{}\n"}, {"0/c/0/0", "abcdef"}};
  base.checksums = {{"0", "00"}};
  const auto ops = R"([
    {"op": "json-set", "key": "zarr.json", "pointer": "/a/c", "value": true},
    {"op": "json-remove", "key": "zarr.json", "pointer": "/a/b/1"},
    {"op": "write-text", "key": "notes.txt", "text": "hi"},
    {"op": "write-hex", "key": "raw", "hex": "00ff"},
    {"op": "truncate", "key": "0/c/0/0", "size": 2},
    {"op": "copy", "from": "0", "to": "copy"},
    {"op": "rename", "from": "notes.txt", "to": "moved.txt"},
    {"op": "delete", "key": "0"}])";
  const auto m = load(entry(kMs050, "test/case-error", ops));
  const Case c = apply_mutation(m.at(0), base, "dir");
  const Dataset expected = {{"zarr.json", "{\n  \"a\": {\n    \"b\": [\n      1,\n      3\n    ],\n    \"c\": true\n  }\n}\n"},
                            {"moved.txt", "hi"},
                            {"raw", std::string("\x00\xff", 2)},
                            {"copy/zarr.json", "{}\n"},
                            {"copy/c/0/0", "ab"}};
  CHECK(c.files == expected);
  CHECK(c.checksums.empty());  // an -error case publishes no checksums
  CHECK(c.base == base.id);
  CHECK(std::find(c.tags.begin(), c.tags.end(), "NGFF-MS-050") != c.tags.end());
}

TEST_CASE("operations that cannot apply are errors, not silent no-ops", "[corpus][mutation]") {
  Case base;
  base.files = {{"zarr.json", "{}"}, {"bin", "\x01"}};
  auto apply = [&](const std::string& ops) { return apply_mutation(load(entry(kMs050, "test/case-error", ops)).at(0), base, "dir"); };
  CHECK_THROWS_AS(apply(R"([{"op": "delete", "key": "missing"}])"), MutationError);
  CHECK_THROWS_AS(apply(R"([{"op": "json-set", "key": "bin", "pointer": "/a", "value": 1}])"), MutationError);
  CHECK_THROWS_AS(apply(R"([{"op": "json-set", "key": "zarr.json", "pointer": "/a/b", "value": 1}])"), MutationError);
  CHECK_THROWS_AS(apply(R"([{"op": "json-remove", "key": "zarr.json", "pointer": "/a"}])"), MutationError);
  CHECK_THROWS_AS(apply(R"([{"op": "truncate", "key": "bin", "size": 5}])"), MutationError);
  CHECK_THROWS_AS(apply(R"([{"op": "write-text", "key": "../escape", "text": ""}])"), MutationError);
}

TEST_CASE("zip options change only how the .ozx is written", "[corpus][mutation][zip]") {
  Case base;
  base.files = {{"zarr.json", "{}"}};
  const auto m = load(entry(R"([{"rule": "OZX-S1", "severity": "warning", "location": {"key": "", "pointer": ""}}])",
                            "test/zip-warning", R"([{"op": "zip", "zip64": false, "method": 8, "comment": null, "folder": "x"}])",
                            R"(["ozx"])"));
  const Case c = apply_mutation(m.at(0), base, "ozx");
  CHECK(c.files == base.files);
  CHECK(!c.ozx.zip64);
  CHECK(c.ozx.method == 8);
  CHECK(!c.ozx.comment_present);
  CHECK(c.ozx.folder == "x");
}

TEST_CASE("entry defects of the zip operation are checked when loaded", "[corpus][mutation]") {
  const std::string ozx = R"(["ozx"])";
  auto zip_op = [](const std::string& entries) { return R"([{"op": "zip", "entries": )" + entries + "}]"; };
  CHECK(load(entry(kMs050, "test/case-error", zip_op(R"([{"key": "zarr.json", "encrypted": true}])"), ozx)).size() == 1);
  CHECK_THROWS_WITH(load(entry(kMs050, "test/case-error", zip_op(R"([{"encrypted": true}])"), ozx)),
                    Catch::Contains("lacks"));
  CHECK_THROWS_WITH(load(entry(kMs050, "test/case-error", zip_op(R"([{"key": "a", "encrypted": 1}])"), ozx)),
                    Catch::Contains("\"encrypted\" must be a boolean"));
  CHECK_THROWS_WITH(load(entry(kMs050, "test/case-error", zip_op(R"([{"key": "a", "rot13": true}])"), ozx)),
                    Catch::Contains("unknown member \"rot13\""));
  CHECK_THROWS_WITH(load(entry(kMs050, "test/case-error", R"([{"op": "zip", "central_directory_offset": -1}])", ozx)),
                    Catch::Contains("non-negative integer"));
}

TEST_CASE("entry defects reach the archive", "[corpus][zip]") {
  Dataset files{{"zarr.json", "{}"}, {"a/b", "xyz"}};
  OzxOptions options;
  options.entry_defects.push_back(OzxEntryDefect{"a/b", true, true, std::string("a/../b"), std::nullopt});
  const Bytes archive = write_ozx(files, options, "0.5");
  std::size_t renamed = 0;
  for (std::size_t at = archive.find("a/../b"); at != Bytes::npos; at = archive.find("a/../b", at + 1)) ++renamed;
  CHECK(renamed == 4);  // two entries, each named in its local header and its central record
  CHECK(archive.find("a/b") == Bytes::npos);
  options.entry_defects = {OzxEntryDefect{"missing", true, false, std::nullopt, std::nullopt}};
  CHECK_THROWS_WITH(write_ozx(files, options, "0.5"), Catch::Contains("missing key"));
}
