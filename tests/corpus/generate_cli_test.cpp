// `ome-zarr-corpus generate` never destroys what it did not write, and --only selects cases.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "corpus_test_util.hpp"

using namespace ozv::test;

TEST_CASE("generate refuses a non-empty directory that is not a corpus", "[corpus][cli]") {
  TempDir dir("corpus-refuse");
  dir.write("out/precious.txt", "keep me");
  auto r = run_command(shell_quote(corpus_tool()) + " generate " + shell_quote((dir.path() / "out").string()));
  CHECK(r.exit_code == 2);
  CHECK(read_file(dir.path() / "out/precious.txt") == "keep me");
  CHECK(!std::filesystem::exists(dir.path() / "out/manifest.json"));
}

TEST_CASE("generate replaces a previous corpus and --only keeps matching ids", "[corpus][cli]") {
  TempDir dir("corpus-again");
  const std::string out = shell_quote((dir.path() / "out").string());
  REQUIRE(run_command(shell_quote(corpus_tool()) + " generate " + out).exit_code == 0);
  auto r = run_command(shell_quote(corpus_tool()) + " generate " + out + " --only ngff-version/");
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto manifest = nlohmann::json::parse(read_file(dir.path() / "out/manifest.json"));
  REQUIRE(!manifest["cases"].empty());
  for (const auto& c : manifest["cases"]) CHECK(c["id"].get<std::string>().find("ngff-version/") != std::string::npos);
  CHECK(!std::filesystem::exists(dir.path() / "out/cases/ngff-0.5"));  // the old cases are gone

  auto v = run_command(shell_quote(corpus_tool()) + " validate " + out);
  CHECK(v.exit_code == 0);
  CHECK(v.out.find(" 0 mismatches") != std::string::npos);
}

TEST_CASE("the corpus tool explains itself and rejects bad usage", "[corpus][cli]") {
  auto help = run_command(shell_quote(corpus_tool()) + " --help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("generate OUT") != std::string::npos);
  CHECK(run_command(shell_quote(corpus_tool()) + " frobnicate").exit_code == 2);
  CHECK(run_command(shell_quote(corpus_tool()) + " generate").exit_code == 2);
  CHECK(run_command(shell_quote(corpus_tool()) + " validate /nonexistent/corpus").exit_code == 2);
}

TEST_CASE("diff against the built-in schemas finds no change with our own schema files", "[corpus][cli]") {
  TempDir dir("corpus-diff");
  const std::string out = shell_quote((dir.path() / "out").string());
  REQUIRE(run_command(shell_quote(corpus_tool()) + " generate " + out + " --only ngff-0.5/image-2d").exit_code == 0);
  auto r = run_command(shell_quote(corpus_tool()) + " diff --schema-dir " +
                       shell_quote(std::string(OZV_SOURCE_DIR) + "/spec-schemas/0.5") + " " + out);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("0 of ") != std::string::npos);
}

TEST_CASE("diff lists the cases a schema change affects", "[corpus][cli]") {
  TempDir dir("corpus-diff-change");
  const std::string out = shell_quote((dir.path() / "out").string());
  REQUIRE(run_command(shell_quote(corpus_tool()) + " generate " + out + " --only ngff-0.5/image-").exit_code == 0);
  // A draft that makes "omero" mandatory: the 5D image (which has it) is unaffected.
  const auto schemas = dir.path() / "draft";
  std::filesystem::create_directories(schemas);
  for (const auto& entry : std::filesystem::directory_iterator(std::string(OZV_SOURCE_DIR) + "/spec-schemas/0.5"))
    std::filesystem::copy_file(entry.path(), schemas / entry.path().filename());
  auto image = nlohmann::json::parse(read_file(std::string(OZV_SOURCE_DIR) + "/spec-schemas/0.5/image.schema"));
  image["properties"]["ome"]["required"].push_back("omero");
  write_file(schemas / "image.schema", image.dump());
  auto r = run_command(shell_quote(corpus_tool()) + " diff --schema-dir " + shell_quote(std::string(OZV_SOURCE_DIR) + "/spec-schemas/0.5") +
                       " --schema-dir " + shell_quote(schemas.string()) + " " + out);
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("ngff-0.5/image-2d-valid: valid under") != std::string::npos);
  CHECK(r.out.find("NGFF-SCH-001 error at zarr.json#/attributes/ome") != std::string::npos);
  CHECK(r.out.find("ngff-0.5/image-5d-valid:") == std::string::npos);
}

TEST_CASE("diff --spec-version compares only the cases of that version", "[corpus][cli]") {
  TempDir dir("corpus-diff-version");
  const std::string out = shell_quote((dir.path() / "out").string());
  REQUIRE(run_command(shell_quote(corpus_tool()) + " generate " + out + " --only image-2d-valid").exit_code == 0);
  const std::string schemas = shell_quote(std::string(OZV_SOURCE_DIR) + "/spec-schemas/0.5");
  // The 0.5 schemas over a 0.4 image reject it; restricted to 0.5 cases, nothing changes.
  auto all = run_command(shell_quote(corpus_tool()) + " diff --schema-dir " + schemas + " " + out);
  CHECK(all.out.find("ngff-0.4/image-2d-valid: error under") != std::string::npos);
  auto only = run_command(shell_quote(corpus_tool()) + " diff --schema-dir " + schemas + " --spec-version 0.5 " + out);
  INFO(only.out << only.err);
  CHECK(only.exit_code == 0);
  CHECK(only.out.find("ngff-0.4/") == std::string::npos);
  CHECK(only.out.find("0 of ") != std::string::npos);
}
