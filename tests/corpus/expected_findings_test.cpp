// The corpus's central promise: the validator reports, for every case, exactly the findings
// the manifest lists (rule, severity, location) and no others; baselines report nothing.
#include <catch2/catch.hpp>

#include "corpus/check.hpp"
#include "corpus/mutation.hpp"
#include "corpus_test_util.hpp"

using namespace ozv;
using namespace ozv::corpus;
using namespace ozv::test;

TEST_CASE("every case gives exactly its expected findings", "[corpus]") {
  const CheckResult result = check_corpus(shared_corpus_dir());
  REQUIRE(result.outcomes.size() == shared_corpus().manifest.cases.size());
  REQUIRE(result.outcomes.size() > 40);
  for (const auto& o : result.outcomes) {
    INFO(o.c.id << (o.error.empty() ? "" : ": " + o.error));
    for (const auto& f : o.comparison.missing) INFO("missing " << describe(f));
    for (const auto& f : o.comparison.unexpected) INFO("unexpected " << describe(f));
    CHECK(o.ok());
    if (o.c.expected_reason.empty()) CHECK(o.actual == o.c.expected);
  }
}

TEST_CASE("baselines raise no finding at all and publish their checksums", "[corpus]") {
  std::size_t baselines = 0;
  for (const auto& c : shared_corpus().manifest.cases) {
    if (!c.base.empty()) continue;
    ++baselines;
    INFO(c.id);
    CHECK(c.expected.empty());
    CHECK(c.expected_reason.empty());
    CHECK(c.id.ends_with("-valid"));
    CHECK(c.checksums.size() >= 3);  // at least three resolution levels
  }
  CHECK(baselines >= 40);
}

TEST_CASE("case ids carry the verdict their findings give", "[corpus]") {
  for (const auto& c : shared_corpus().manifest.cases) {
    INFO(c.id);
    CHECK(c.id.ends_with(suffix_for(c.expected)));
    CHECK((c.variant == "ozx") == c.id.starts_with("ozx/"));
  }
}

TEST_CASE("validate reports a mismatch when the manifest lies", "[corpus]") {
  TempDir dir("corpus-lie");
  const auto out = dir.path() / "out";
  generate_corpus(out, {"ngff-version/", kDefaultSeed, ""});
  auto manifest = nlohmann::json::parse(read_file(out / "manifest.json"));
  REQUIRE(!manifest["cases"].empty());
  manifest["cases"][0]["expected"].push_back(
      {{"rule", "V3-ARR-009"}, {"severity", "error"}, {"location", {{"key", "zarr.json"}, {"pointer", "/fill_value"}}}});
  write_file(out / "manifest.json", manifest.dump());
  const CheckResult result = check_corpus(out);
  CHECK(result.mismatches() == 1);
  auto r = run_command(shell_quote(corpus_tool()) + " validate " + shell_quote(out.string()));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("missing:    V3-ARR-009 error at zarr.json#/fill_value") != std::string::npos);
}
