#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "finding/finding.hpp"
#include "report/writers.hpp"

using namespace ozv;

TEST_CASE("JSON pointers escape '~' and '/'", "[finding]") {
  CHECK(pointer_append("", "codecs") == "/codecs");
  CHECK(pointer_append("/codecs", std::size_t{1}) == "/codecs/1");
  CHECK(pointer_append("/a", "b/c~d") == "/a/b~1c~0d");
}

TEST_CASE("severities round-trip through their names", "[finding]") {
  for (auto s : {Severity::info, Severity::warning, Severity::error, Severity::fatal}) {
    CHECK(severity_from_string(to_string(s)) == s);
  }
  CHECK(!severity_from_string("critical"));
}

namespace {

Report sample_report() {
  Report report;
  report.tool_name = "ome-zarr-validate";
  report.tool_version = "1.2.3";
  report.input = "data.zarr";
  report.detected.zarr_format = 3;
  report.detected.node_type = "group";
  report.findings = {
      {"V3-ARR-001", "missing-member", Severity::error, "member shape is missing", {"a/zarr.json", "/shape"}, "https://s/#1"},
      {"JSON-003", "duplicate-key", Severity::warning, "duplicate key", {"", ""}, "https://s/#2"},
  };
  sort_findings(report.findings);
  return report;
}

}  // namespace

TEST_CASE("validity depends on --fail-on, and fatal always fails", "[report]") {
  auto report = sample_report();
  CHECK(!report.valid(Severity::error));
  report.findings.erase(report.findings.begin() + 1);  // drop the error (sorted after the warning)
  CHECK(report.valid(Severity::error));
  CHECK(!report.valid(Severity::warning));
  report.findings = {{"X-001", "x", Severity::fatal, "m", {}, "https://s"}};
  CHECK(!report.valid(Severity::error));
}

TEST_CASE("the text writer prints compiler-style lines and a summary", "[report]") {
  std::ostringstream out;
  write_text(sample_report(), Severity::error, TextStyle{false}, out);
  CHECK(out.str() ==
        "data.zarr: warning[JSON-003 duplicate-key]: duplicate key\n"
        "a/zarr.json#/shape: error[V3-ARR-001 missing-member]: member shape is missing\n"
        "data.zarr: invalid (0 fatal errors, 1 error, 1 warning, 0 info)\n");
  std::ostringstream colored;
  write_text(sample_report(), Severity::error, TextStyle{true}, colored);
  CHECK(colored.str().find("\033[1;31merror\033[0m") != std::string::npos);
}

TEST_CASE("the JSON writer follows the published contract", "[report]") {
  std::ostringstream out;
  write_json(sample_report(), Severity::error, out);
  auto doc = nlohmann::json::parse(out.str());
  CHECK(doc["report_format_version"] == 1);
  CHECK(doc["detected"]["ngff_version"].is_null());
  CHECK(doc["detected"]["zarr_format"] == 3);
  CHECK(doc["valid"] == false);
  CHECK(doc["summary"] == nlohmann::json{{"fatal", 0}, {"error", 1}, {"warning", 1}, {"info", 0}});
  CHECK(doc["findings"][1] == nlohmann::json{{"rule", "V3-ARR-001"},
                                             {"name", "missing-member"},
                                             {"severity", "error"},
                                             {"message", "member shape is missing"},
                                             {"location", {{"key", "a/zarr.json"}, {"pointer", "/shape"}}},
                                             {"spec", "https://s/#1"}});
}

TEST_CASE("the dingus writer gives a verdict and a message", "[report]") {
  std::ostringstream out;
  write_dingus(sample_report(), Severity::error, out);
  auto doc = nlohmann::json::parse(out.str());
  CHECK(doc["valid"] == false);
  const auto message = doc["message"].get<std::string>();
  CHECK(message.find("V3-ARR-001 at a/zarr.json#/shape") < message.find("JSON-003"));
  Report empty;
  std::ostringstream clean;
  write_dingus(empty, Severity::error, clean);
  CHECK(nlohmann::json::parse(clean.str()) == nlohmann::json{{"valid", true}, {"message", "no findings"}});
}
