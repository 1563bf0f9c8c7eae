// Every case of the official OME-NGFF 0.4 and 0.5 test suites, run through the whole
// validator twice: with our schemas and with the official schemas (--schema-dir). The
// expected verdict is the suite's label, except for the upstream cases listed with a reason
// in corpus/upstream-deviations.json. An unexpected pass or fail breaks the test, and so does
// a listed deviation that no longer happens.
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "engine/validate.hpp"
#include "support/run_command.hpp"

using namespace ozv;
using namespace ozv::test;
namespace fs = std::filesystem;

namespace {

const fs::path kUpstream = fs::path(OZV_SHARED_DIR) / "ngff-upstream";

// "0.4 plate_suite plate/minimal_acquisitions" -> the verdict a spec-faithful validator gives.
struct Deviation {
  bool expected_valid;
  std::set<std::string> schema_sets;  // "ours", "official"
};

std::map<std::string, Deviation> load_deviations() {
  auto doc = nlohmann::json::parse(read_file(fs::path(OZV_SOURCE_DIR) / "corpus" / "upstream-deviations.json"));
  std::map<std::string, Deviation> out;
  for (const auto& d : doc["deviations"]) {
    REQUIRE(!d["reason"].get<std::string>().empty());
    out[d["case"].get<std::string>()] =
        Deviation{d["expected_valid"].get<bool>(), d["schema_sets"].get<std::set<std::string>>()};
  }
  return out;
}

struct Tally {
  int cases = 0, agree = 0, documented = 0;
};

Tally run_suites(const std::string& version, const std::string& schema_set) {
  const auto deviations = load_deviations();
  Tally tally;
  TempDir dir("suite-" + version + "-" + schema_set);
  for (const auto& entry : fs::directory_iterator(kUpstream / version / "tests")) {
    const std::string suite = entry.path().stem().string();
    if (!suite.ends_with("_suite")) continue;
    const auto doc = nlohmann::json::parse(read_file(entry.path()));
    const bool strict = suite.starts_with("strict_");
    ValidateOptions options;
    options.spec_version = version;
    options.strict = strict;
    if (schema_set == "official") options.schema_dir = (kUpstream / version / "schemas").string();
    for (const auto& test : doc["tests"]) {
      const std::string name = version + " " + suite + " " + test["formerly"].get<std::string>();
      const auto path = dir.write("case.json", test["data"].dump());
      const Report report = validate_target(path.string(), options);
      const bool verdict = report.valid(strict ? Severity::warning : Severity::error);
      bool expected = test["valid"].get<bool>();
      auto deviation = deviations.find(name);
      const bool documented = deviation != deviations.end() && deviation->second.schema_sets.count(schema_set);
      if (documented) expected = deviation->second.expected_valid;
      std::string findings;
      for (const auto& f : report.findings) findings += "\n  " + f.rule + " " + f.location.pointer + ": " + f.message;
      INFO(name << " [" << schema_set << " schemas]" << (documented ? " (documented deviation)" : "")
                << " expected " << (expected ? "valid" : "invalid") << findings);
      CHECK(verdict == expected);
      ++tally.cases;
      if (verdict == expected) documented ? ++tally.documented : ++tally.agree;
    }
  }
  return tally;
}

}  // namespace

TEST_CASE("the official 0.4 and 0.5 suites agree, apart from documented upstream errata", "[ngff][suites]") {
  if (!fs::exists(kUpstream)) {
    WARN("official suites not found under " << kUpstream << "; skipped");
    return;
  }
  for (const std::string version : {"0.4", "0.5"}) {
    for (const std::string schema_set : {"ours", "official"}) {
      const Tally t = run_suites(version, schema_set);
      WARN(version << " with " << schema_set << " schemas: " << t.cases << " cases, " << t.agree
                   << " agree with the suite label, " << t.documented << " follow a documented deviation");
      CHECK(t.cases > 80);
    }
  }
}
