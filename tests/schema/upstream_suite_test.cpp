// The official OME-NGFF schemas, loaded as a user would with --schema-dir, and the upstream
// *_suite.json cases run against them. Skipped (with a warning) without the reference data.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>

#include "schema_test_util.hpp"

namespace fs = std::filesystem;
using ozv::SchemaSet;
using nlohmann::json;

namespace {

struct SuiteTally {
  int cases = 0, agree = 0;
  std::vector<std::string> disagreements;  // "<suite>:<case id>"
};

SuiteTally run_suites(const fs::path& version_dir) {
  const SchemaSet set = SchemaSet::from_directory((version_dir / "schemas").string());
  SuiteTally tally;
  std::vector<fs::path> suites;
  for (const auto& entry : fs::directory_iterator(version_dir / "tests")) {
    const std::string name = entry.path().filename().string();
    if (name.size() > 11 && name.compare(name.size() - 11, 11, "_suite.json") == 0) suites.push_back(entry.path());
  }
  std::sort(suites.begin(), suites.end());
  for (const auto& suite_path : suites) {
    const json suite = ozv::test::read_json_file(suite_path);
    // "schemas/plate.schema": path relative to the version folder.
    const std::string schema_file = fs::path(suite["schema"]["id"].get<std::string>()).filename().string();
    REQUIRE(set.has(schema_file));
    for (const auto& test_case : suite["tests"]) {
      ++tally.cases;
      const bool expected = test_case["valid"].get<bool>();
      const bool actual = set.validate(schema_file, test_case["data"]).empty();
      if (expected == actual) {
        ++tally.agree;
      } else {
        tally.disagreements.push_back(suite_path.filename().string() + ":" + test_case["formerly"].get<std::string>());
      }
    }
  }
  return tally;
}

}  // namespace

TEST_CASE("official schema folders load with from_directory", "[schema][upstream]") {
  const fs::path upstream = ozv::test::upstream_dir();
  if (upstream.empty()) {
    WARN("ngff-upstream reference data not found under " << OZV_SHARED_DIR << "; skipped");
    return;
  }
  const std::map<std::string, std::size_t> expected_counts = {{"0.4", 10}, {"0.5", 12}, {"0.6rc0", 19}};
  for (const auto& [version, count] : expected_counts) {
    INFO("version " << version);
    SchemaSet set;
    REQUIRE_NOTHROW(set = SchemaSet::from_directory((upstream / version / "schemas").string()));
    CHECK(set.file_names().size() == count);
    CHECK(set.has("image.schema"));
    CHECK(set.has("strict_plate.schema"));
  }
}

TEST_CASE("0.4 upstream suites agree with the official schemas", "[schema][upstream]") {
  const fs::path upstream = ozv::test::upstream_dir();
  if (upstream.empty()) {
    WARN("ngff-upstream reference data not found; skipped");
    return;
  }
  const SuiteTally tally = run_suites(upstream / "0.4");
  INFO("disagreements: " << Catch::Detail::stringify(tally.disagreements));
  CHECK(tally.cases == 92);
  CHECK(tally.agree == 92);
}

TEST_CASE("0.5 upstream suites agree with the official schemas", "[schema][upstream]") {
  const fs::path upstream = ozv::test::upstream_dir();
  if (upstream.empty()) {
    WARN("ngff-upstream reference data not found; skipped");
    return;
  }
  const SuiteTally tally = run_suites(upstream / "0.5");
  INFO("disagreements: " << Catch::Detail::stringify(tally.disagreements));
  CHECK(tally.cases == 86);
  // The one miss upstream expects too: JSON Schema cannot say "row before column".
  CHECK(tally.agree == 85);
  CHECK(tally.disagreements == std::vector<std::string>{"plate_suite.json:plate/well_path_has_column_before_row"});
}
