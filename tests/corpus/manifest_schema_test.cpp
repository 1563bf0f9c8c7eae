// The manifest validates against its published schema (spec-schemas/corpus-manifest.schema.json),
// and the schema rejects what the contract forbids.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "corpus/manifest.hpp"
#include "corpus_test_util.hpp"
#include "support/published_schema.hpp"

using namespace ozv::test;

namespace {

std::vector<std::string> schema_errors(const nlohmann::json& doc) {
  return published_schema_errors("corpus-manifest.schema.json", doc);
}

}  // namespace

TEST_CASE("the manifest validates against its published schema", "[corpus][schema]") {
  const auto manifest = nlohmann::json::parse(read_file(shared_corpus_dir() / "manifest.json"));
  auto errors = schema_errors(manifest);
  INFO((errors.empty() ? std::string() : errors.front()));
  CHECK(errors.empty());
  CHECK(manifest["corpus_sha256"] == ozv::corpus::corpus_identity(shared_corpus().manifest.cases));
  CHECK(manifest["seed"] == ozv::corpus::kDefaultSeed);
}

TEST_CASE("the manifest schema rejects broken manifests", "[corpus][schema]") {
  auto manifest = nlohmann::json::parse(read_file(shared_corpus_dir() / "manifest.json"));
  auto bad_id = manifest;
  bad_id["cases"][0]["id"] = "ngff-0.5/image-2d";  // no verdict suffix
  CHECK(!schema_errors(bad_id).empty());
  auto bad_severity = manifest;
  bad_severity["cases"][0]["expected"] = {{{"rule", "X-1"}, {"severity", "fatalish"}, {"location", {{"key", ""}, {"pointer", ""}}}}};
  CHECK(!schema_errors(bad_severity).empty());
  auto bad_level = manifest;
  bad_level["cases"][0]["level"] = 5;
  CHECK(!schema_errors(bad_level).empty());
}

TEST_CASE("the manifest reads back as written", "[corpus]") {
  const auto& written = shared_corpus().manifest;
  const auto read = ozv::corpus::manifest_from_json(nlohmann::json::parse(read_file(shared_corpus_dir() / "manifest.json")));
  CHECK(ozv::corpus::to_json(read) == ozv::corpus::to_json(written));
  CHECK(ozv::corpus::rules_exercised(read).count("NGFF-VER-001") == 1);
}

TEST_CASE("a manifest cannot send validate outside its corpus", "[corpus]") {
  auto manifest = nlohmann::json::parse(read_file(shared_corpus_dir() / "manifest.json"));
  for (const char* path : {"../../etc", "cases/../../x", "/etc/passwd", "other/x"}) {
    manifest["cases"][0]["path"] = path;
    INFO(path);
    CHECK_THROWS_AS(ozv::corpus::manifest_from_json(manifest), std::runtime_error);
  }
}
