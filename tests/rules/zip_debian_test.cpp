// Archives made by Debian's Info-ZIP `zip` 3.0 from a valid hierarchy: the baseline a user
// gets from generic tooling. Expected: OZX-S1 (zip writes ZIP64 only when it must) and
// OZX-S6 (no archive comment); OZX-S4 when `zip -r` walks folders in an order that puts
// another entry before the root zarr.json (it follows readdir order). Nothing else:
// directory entries, extra fields (UT, ux) that differ between local and central headers,
// and the UTF-8 flag must not make the report noisy. Skipped when `zip` is not installed.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "rules/zip_test_util.hpp"
#include "support/run_command.hpp"

using namespace ozv;
using namespace ozv::test;
using Ids = std::multiset<std::string>;

namespace {

bool have_zip() { return run_command("command -v zip").exit_code == 0; }

void write_hierarchy(const TempDir& dir) {
  dir.write("h/zarr.json", kOmeRoot);
  dir.write("h/0/zarr.json", kPlainGroup);
  dir.write("h/labels/zarr.json", kPlainGroup);
  dir.write("h/0/c/0/0", std::string("\x00\x01\x02\x03", 4));
  dir.write("h/labels/c/0", "chunk");
}

Findings findings_of(const std::filesystem::path& archive) {
  const auto bytes = read_file(archive);
  REQUIRE_FALSE(bytes.empty());
  return zip_findings_of_bytes(bytes, archive.filename().string());
}

}  // namespace

TEST_CASE("zip -0 with the files listed in RFC-9 order warns only about ZIP64 and the comment",
          "[zip][rules][debian]") {
  if (!have_zip()) {
    WARN("zip is not installed; skipped");
    return;
  }
  TempDir dir("ozx-debian");
  write_hierarchy(dir);
  const auto archive = dir.path() / "listed.ozx";
  const auto result = run_command("cd " + shell_quote((dir.path() / "h").string()) + " && zip -0 -q " +
                                  shell_quote(archive.string()) +
                                  " zarr.json 0/zarr.json labels/zarr.json 0/c/0/0 labels/c/0");
  REQUIRE(result.exit_code == 0);
  CHECK(rule_ids(findings_of(archive)) == Ids{"OZX-S1", "OZX-S6"});
}

TEST_CASE("zip -r -0 of a valid hierarchy gives only the expected warnings", "[zip][rules][debian]") {
  if (!have_zip()) {
    WARN("zip is not installed; skipped");
    return;
  }
  TempDir dir("ozx-debian");
  write_hierarchy(dir);
  const auto archive = dir.path() / "recursive.ozx";
  const auto result = run_command("cd " + shell_quote((dir.path() / "h").string()) + " && zip -r -0 -q " +
                                  shell_quote(archive.string()) + " .");
  REQUIRE(result.exit_code == 0);
  const auto ids = rule_ids(findings_of(archive));
  CHECK(ids.count("OZX-S1") == 1);
  CHECK(ids.count("OZX-S6") == 1);
  for (const auto& id : ids) {
    INFO(id);
    CHECK((id == "OZX-S1" || id == "OZX-S6" || id == "OZX-S4"));
  }

  // The same with ZIP compression adds one OZX-S2 per method, and the .zip name OZX-S5.
  const auto compressed = dir.path() / "compressed.zip";
  REQUIRE(run_command("cd " + shell_quote((dir.path() / "h").string()) + " && zip -r -q " +
                      shell_quote(compressed.string()) + " .")
              .exit_code == 0);
  const auto compressed_ids = rule_ids(findings_of(compressed));
  CHECK(compressed_ids.count("OZX-S2") == 1);
  CHECK(compressed_ids.count("OZX-S5") == 1);
}
