// The JSON report validates against its published schema (spec-schemas/report.schema.json),
// for a clean report and for one with findings of every kind we can provoke.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run_command.hpp"
#include "support/sample_metadata.hpp"
#include "support/published_schema.hpp"

using namespace ozv::test;

namespace {

std::vector<std::string> schema_errors(const nlohmann::json& doc) {
  return published_schema_errors("report.schema.json", doc);
}

nlohmann::json report_for(const TempDir& dir) {
  const std::string tool = std::string(OZV_BINARY_DIR) + "/bin/ome-zarr-validate";
  auto r = run_command(shell_quote(tool) + " --format json " + shell_quote(dir.path().string()));
  REQUIRE((r.exit_code == 0 || r.exit_code == 1));
  return nlohmann::json::parse(r.out);
}

}  // namespace

TEST_CASE("the report schema rejects what the contract forbids", "[report][schema]") {
  CHECK(!schema_errors(nlohmann::json::object()).empty());
  auto wrong = nlohmann::json::parse(R"({"report_format_version":2,"tool":{"name":"x","version":"1"},
    "input":"x","detected":{"zarr_format":4,"ngff_version":null,"node_type":null},"valid":true,
    "summary":{"fatal":0,"error":0,"warning":0,"info":0},"findings":[]})");
  CHECK(schema_errors(wrong).size() >= 2);
}

TEST_CASE("reports validate against the published schema", "[report][schema]") {
  TempDir clean("schema-clean");
  clean.write("zarr.json", kV3Group);
  clean.write("a/zarr.json", kV3Array);
  auto report = report_for(clean);
  CHECK(report["findings"].empty());
  CHECK(schema_errors(report).empty());

  TempDir broken("schema-broken");
  broken.write("zarr.json", kV3Group);
  broken.write("a/zarr.json", R"({"zarr_format":3,"node_type":"array","shape":[1,-1],"data_type":"uint8"})");
  broken.write("b/zarr.json", "{\"a\": NaN}");
  broken.write("c/d/zarr.json", kV3Group);
  auto bad = report_for(broken);
  CHECK(bad["findings"].size() >= 3);
  auto errors = schema_errors(bad);
  INFO((errors.empty() ? std::string() : errors.front()));
  CHECK(errors.empty());
}
