// End-to-end tests of the ome-zarr-validate command: flags, exit codes and output formats.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run_command.hpp"
#include "support/sample_metadata.hpp"

using namespace ozv::test;
using nlohmann::json;

namespace {

const std::string kTool = std::string(OZV_BINARY_DIR) + "/bin/ome-zarr-validate";

CommandResult validate(const std::string& args) { return run_command(shell_quote(kTool) + " " + args); }

// A v3 group with one array: no findings at all.
void write_valid_v3(const TempDir& dir) {
  dir.write("zarr.json", kV3Group);
  dir.write("a/zarr.json", kV3Array);
}

}  // namespace

TEST_CASE("usage errors exit 2 and explain themselves", "[cli]") {
  for (const char* args : {"", "--frobnicate", "a b", "--format yaml x", "--fail-on info x", "--output", "--jobs 0 x",
                           "--jobs -1 x", "--jobs two x", "--jobs 99999 x"}) {
    INFO(args);
    auto r = validate(args);
    CHECK(r.exit_code == 2);
    CHECK(r.err.find("usage:") != std::string::npos);
  }
  auto help = validate("--help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("usage:") != std::string::npos);
}

TEST_CASE("a target that does not exist exits 2", "[cli]") {
  auto r = validate("/nonexistent/dataset.zarr");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("cannot open") != std::string::npos);
  auto dingus = validate("--dingus /nonexistent/dataset.zarr");
  CHECK(dingus.exit_code == 2);
  CHECK(json::parse(dingus.out)["valid"] == false);
}

TEST_CASE("a valid hierarchy exits 0 with the JSON contract", "[cli]") {
  TempDir dir("cli-valid");
  write_valid_v3(dir);
  auto r = validate("--format json " + shell_quote(dir.path().string()));
  REQUIRE(r.exit_code == 0);
  auto report = json::parse(r.out);
  CHECK(report["report_format_version"] == 1);
  CHECK(report["tool"]["name"] == "ome-zarr-validate");
  CHECK(report["tool"]["version"].is_string());
  CHECK(report["input"] == dir.path().string());
  CHECK(report["detected"] == json{{"zarr_format", 3}, {"ngff_version", nullptr}, {"node_type", "group"}});
  CHECK(report["valid"] == true);
  CHECK(report["summary"] == json{{"fatal", 0}, {"error", 0}, {"warning", 0}, {"info", 0}});
  CHECK(report["findings"] == json::array());
}

TEST_CASE("an invalid hierarchy exits 1 and locates each finding", "[cli]") {
  TempDir dir("cli-invalid");
  write_valid_v3(dir);
  dir.write("b/zarr.json", R"({"zarr_format":3,"node_type":"array"})");
  auto r = validate("--format json " + shell_quote(dir.path().string()));
  REQUIRE(r.exit_code == 1);
  auto report = json::parse(r.out);
  CHECK(report["valid"] == false);
  REQUIRE(!report["findings"].empty());
  for (const auto& f : report["findings"]) {
    CHECK(f["location"]["key"] == "b/zarr.json");
    CHECK(f.contains("rule"));
    CHECK(f.contains("name"));
    CHECK(f["spec"].get<std::string>().starts_with("https://"));
    CHECK(!f["message"].get<std::string>().empty());
  }
  CHECK(report["summary"]["error"].get<int>() >= 1);

  auto text = validate(shell_quote(dir.path().string()));
  CHECK(text.exit_code == 1);
  CHECK(text.out.find("b/zarr.json#/shape: error[V3-ARR-001 ") != std::string::npos);
  CHECK(text.out.find("\033[") == std::string::npos);  // no colour when not a terminal

  auto dingus = validate("--dingus " + shell_quote(dir.path().string()));
  CHECK(dingus.exit_code == 0);
  auto verdict = json::parse(dingus.out);
  CHECK(verdict["valid"] == false);
  CHECK(verdict["message"].get<std::string>().find("V3-ARR-001") != std::string::npos);
}

TEST_CASE("--fail-on warning fails on warnings only", "[cli]") {
  TempDir dir("cli-warning");
  write_valid_v3(dir);
  // Duplicate dimension names are a SHOULD-level problem: a warning, not an error.
  dir.write("w/zarr.json", R"({
    "zarr_format": 3, "node_type": "array", "shape": [4, 4], "data_type": "uint8",
    "chunk_grid": {"name": "regular", "configuration": {"chunk_shape": [2, 2]}},
    "chunk_key_encoding": {"name": "default"}, "fill_value": 0,
    "codecs": [{"name": "bytes"}], "dimension_names": ["y", "y"]})");
  CHECK(validate(shell_quote(dir.path().string())).exit_code == 0);
  CHECK(validate("--fail-on warning " + shell_quote(dir.path().string())).exit_code == 1);
  CHECK(validate("--fail-on error " + shell_quote(dir.path().string())).exit_code == 0);
}

TEST_CASE("--output writes the report to a file", "[cli]") {
  TempDir dir("cli-output");
  write_valid_v3(dir);
  const auto report_path = (dir.path() / "report.json").string();
  auto r = validate("--format json --output " + shell_quote(report_path) + " " + shell_quote(dir.path().string()));
  CHECK(r.exit_code == 0);
  CHECK(r.out.empty());
  CHECK(json::parse(read_file(report_path))["valid"] == true);
}

TEST_CASE("a single metadata document can be the target", "[cli]") {
  TempDir dir("cli-json");
  auto good = dir.write("zarr.json", kV3Array);
  CHECK(validate(shell_quote(good.string())).exit_code == 0);
  auto bad = dir.write("bad.json", R"({"zarr_format": 3, "node_type": "array", "shape": [4, 4],)");
  auto r = validate("--format json " + shell_quote(bad.string()));
  CHECK(r.exit_code == 1);
  CHECK(json::parse(r.out)["findings"][0]["rule"] == "JSON-001");
}

TEST_CASE("reports are deterministic", "[cli]") {
  TempDir dir("cli-determinism");
  write_valid_v3(dir);
  dir.write("b/zarr.json", R"({"zarr_format":3,"node_type":"array","shape":[-1]})");
  dir.write("c/.zarray", "{");
  auto first = validate("--format json " + shell_quote(dir.path().string()));
  auto second = validate("--format json " + shell_quote(dir.path().string()));
  CHECK(first.out == second.out);
}

TEST_CASE("--list-rules renders the catalogue", "[cli]") {
  auto r = validate("--list-rules --format json");
  REQUIRE(r.exit_code == 0);
  auto rules = json::parse(r.out)["rules"];
  REQUIRE(rules.size() > 50);
  for (const auto& rule : rules) {
    INFO(rule.dump());
    CHECK(rule["spec"].get<std::string>().starts_with("https://"));
    CHECK(!rule["quote"].get<std::string>().empty());
    const auto severity = rule["severity"].get<std::string>();
    CHECK((severity == "info" || severity == "warning" || severity == "error" || severity == "fatal"));
  }
  auto md = validate("--list-rules --format md");
  CHECK(md.exit_code == 0);
  CHECK(md.out.find("| ID | name | severity |") != std::string::npos);
}

TEST_CASE("the README rule list is the generated one", "[cli][docs]") {
  const std::string readme = read_file(std::string(OZV_SOURCE_DIR) + "/README.md");
  const std::string begin = "<!-- rules:begin (generated by: ome-zarr-validate --list-rules --format md) -->\n";
  const std::string end = "<!-- rules:end -->";
  const auto from = readme.find(begin);
  const auto to = readme.find(end);
  REQUIRE(from != std::string::npos);
  REQUIRE(to != std::string::npos);
  const std::string committed = readme.substr(from + begin.size(), to - from - begin.size());
  auto generated = validate("--list-rules --format md");
  INFO("regenerate with: tools/update-readme-rules.sh");
  CHECK(committed == generated.out);
}

TEST_CASE("RFC-9 applies to OME-Zarr archives, not to every ZIP of a Zarr hierarchy", "[cli][zip]") {
  TempDir dir("cli-zip");
  write_valid_v3(dir);
  const auto folder = shell_quote(dir.path().string());
  // Debian's zip: stored, no ZIP64, no comment; listed in RFC-9 order.
  REQUIRE(run_command("cd " + folder + " && zip -q -0 -X plain.zip zarr.json a/zarr.json").exit_code == 0);
  REQUIRE(run_command("cd " + folder + " && cp plain.zip plain.ozx").exit_code == 0);

  auto plain = validate("--format json " + shell_quote((dir.path() / "plain.zip").string()));
  CHECK(plain.exit_code == 0);
  CHECK(json::parse(plain.out)["findings"] == json::array());

  // The .ozx name claims RFC-9: a root without OME metadata breaks its first MUST.
  auto claimed = validate("--format json " + shell_quote((dir.path() / "plain.ozx").string()));
  CHECK(claimed.exit_code == 1);
  const auto report = json::parse(claimed.out);
  std::vector<std::string> rules;
  for (const auto& f : report["findings"]) rules.push_back(f["rule"].get<std::string>());
  CHECK(std::count(rules.begin(), rules.end(), "OZX-M1") == 1);
}

TEST_CASE("a file that is not a ZIP but named .zip is an invalid archive, not a crash", "[cli][zip]") {
  TempDir dir("cli-notzip");
  auto fake = dir.write("fake.ozx", "this is not a zip archive at all");
  auto r = validate("--format json " + shell_quote(fake.string()));
  CHECK(r.exit_code == 1);
  auto report = json::parse(r.out);
  CHECK(report["valid"] == false);
  CHECK(!report["findings"].empty());
}

TEST_CASE("a flood of findings in one document is capped with a summary", "[cli]") {
  TempDir dir("cli-flood");
  std::string doc = R"({"zarr_format":3,"node_type":"group")";
  for (int i = 0; i < 250; ++i) doc += ",\"extra" + std::to_string(i) + "\":" + std::to_string(i);
  dir.write("zarr.json", doc + "}");
  auto r = validate("--format json " + shell_quote(dir.path().string()));
  CHECK(r.exit_code == 1);
  auto report = json::parse(r.out);
  std::size_t unknown_members = 0;
  std::string summary;
  for (const auto& f : report["findings"]) {
    if (f["rule"] == "V3-TOP-001") ++unknown_members;
    if (f["rule"] == "TARGET-002") summary = f["message"].get<std::string>();
  }
  CHECK(unknown_members == 100);
  CHECK(summary == "150 more findings of rule V3-TOP-001 in this document are not listed");
}
