// RFC-9 container rules: every rule fires on a failing archive and stays silent on a
// near miss. Archives come from the test ZIP writer, so each differs from the correct
// RFC-9 archive in exactly the way the test names.
#include <atomic>

#include <catch2/catch.hpp>

#include "rules/zip_test_util.hpp"
#include "store/zip_directory.hpp"

using namespace ozv;
using namespace ozv::test;
using Ids = std::multiset<std::string>;

TEST_CASE("an archive written the RFC-9 way gives no finding", "[zip][rules]") {
  CHECK(zip_findings(rfc9_archive()).empty());

  ZipBuilder sentinels = rfc9_archive();  // EOCD fields all "see ZIP64", as some writers do
  sentinels.layout.eocd_sentinels = true;
  CHECK(zip_findings(sentinels).empty());

  ZipBuilder upper = rfc9_archive();
  CHECK(zip_findings(upper, "IMAGE.OZX").empty());
  CHECK(zip_findings(upper, "").empty());  // no file name: the extension rule is skipped
}

TEST_CASE("OZX-M1: the root zarr.json must be an OME-Zarr node", "[zip][rules]") {
  ZipBuilder zip = rfc9_archive();
  zip.entries[0].data = kPlainGroup;
  zip.layout.comment = R"({"ome":{"version":"0.5"}})";
  const auto findings = zip_findings(zip);
  CHECK(rule_ids(findings) == Ids{"OZX-M1"});
  CHECK(findings[0].location == Location{"zarr.json", "/attributes/ome"});

  SECTION("near miss: a root zarr.json that does not parse is left to the engine") {
    zip.entries[0].data = "{not json";
    CHECK(zip_findings(zip).empty());
  }
  SECTION("near miss: a compressed root zarr.json with attributes.ome is read through libzip") {
    zip.entries[0].data = kOmeRoot;
    zip.entries[0].method = 8;
    CHECK(rule_ids(zip_findings(zip)) == Ids{"OZX-S2"});
  }
  SECTION("a compressed root zarr.json without attributes.ome") {
    zip.entries[0].method = 8;
    CHECK(rule_ids(zip_findings(zip)) == Ids{"OZX-M1", "OZX-S2"});
  }
}

TEST_CASE("OZX-M1: a zarr.json not connected to the root starts a second hierarchy", "[zip][rules]") {
  ZipBuilder zip = rfc9_archive();
  zip.entries.insert(zip.entries.begin() + 4, zip_entry("x/y/zarr.json", kPlainGroup));
  const auto findings = zip_findings(zip);
  CHECK(rule_ids(findings) == Ids{"OZX-M1"});
  CHECK(findings[0].location == Location{"x/y/zarr.json", ""});
  CHECK_THAT(value_of(findings[0], "detail"), Catch::Contains("'x'"));

  ZipBuilder near = rfc9_archive();  // the same node with its parent group present
  near.entries.insert(near.entries.begin() + 1, zip_entry("x/zarr.json", kPlainGroup));
  near.entries.insert(near.entries.begin() + 5, zip_entry("x/y/zarr.json", kPlainGroup));
  CHECK(zip_findings(near).empty());
}

TEST_CASE("OZX-M2: zarr.json must be at the archive root", "[zip][rules]") {
  SECTION("the hierarchy in a folder") {
    ZipBuilder zip = rfc9_archive();
    for (auto& e : zip.entries) e.name = "image.ome.zarr/" + e.name;
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-M2"});
    CHECK(findings[0].location == Location{"", ""});
    CHECK_THAT(value_of(findings[0], "detail"), Catch::Contains("'image.ome.zarr/zarr.json'"));
  }
  SECTION("an absolute root name") {
    ZipBuilder zip = rfc9_archive();
    zip.entries[0].name = "/zarr.json";
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-M2", "OZX-X2"});
    CHECK_THAT(value_of(only(findings, "OZX-M2"), "detail"), Catch::Contains("not a valid key"));
  }
  SECTION("a Zarr v2 hierarchy") {
    ZipBuilder zip;
    zip.layout.zip64 = true;
    zip.layout.comment = R"({"ome":{"version":"0.4"}})";
    zip.add(".zgroup", R"({"zarr_format":2})");
    zip.add(".zattrs", "{}");
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-M2"});
    CHECK_THAT(value_of(findings[0], "detail"), Catch::Contains("Zarr v2"));
  }
  SECTION("an empty archive") {
    ZipBuilder zip;
    zip.layout.zip64 = true;
    zip.layout.comment = R"({"ome":{"version":"0.5"}})";
    CHECK(rule_ids(zip_findings(zip)) == Ids{"OZX-M2"});
  }
}

TEST_CASE("OZX-M3: no ZIP archive nested inside", "[zip][rules]") {
  SECTION("by name") {
    ZipBuilder zip = rfc9_archive();
    zip.add("extra/inner.OZX", "whatever");
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-M3"});
    CHECK(findings[0].location == Location{"extra/inner.OZX", ""});
  }
  SECTION("by content") {
    ZipBuilder zip = rfc9_archive();
    zip.entries[index_of(zip, "0/c/0/0")].data = std::string("PK\x03\x04rest", 8);
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-M3"});
    CHECK(findings[0].location == Location{"0/c/0/0", ""});
  }
  SECTION("near miss: a name that only contains .zip, and data starting PK\\x01\\x02") {
    ZipBuilder zip = rfc9_archive();
    zip.add("extra/inner.zip.txt", "x");
    zip.entries[index_of(zip, "0/c/0/0")].data = std::string("PK\x01\x02rest", 8);
    CHECK(zip_findings(zip).empty());
  }
}

TEST_CASE("OZX-M4: no multi-part archives", "[zip][rules]") {
  ZipBuilder zip = rfc9_archive();
  SECTION("EOCD disk numbers") {
    zip.layout.zip64 = false;  // so that the EOCD values count
    zip.layout.eocd_disk = 1;
    zip.layout.eocd_cd_disk = 1;
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-M4", "OZX-S1"});
    CHECK(only(findings, "OZX-M4").location == Location{"", ""});
    CHECK_THAT(value_of(only(findings, "OZX-M4"), "detail"), Catch::Contains("disk 1"));
  }
  SECTION("the ZIP64 locator's disk count") {
    zip.layout.locator_total_disks = 3;
    CHECK(rule_ids(zip_findings(zip)) == Ids{"OZX-M4"});
  }
  SECTION("the ZIP64 record's disk number") {
    zip.layout.zip64_disk = 2;
    CHECK(rule_ids(zip_findings(zip)) == Ids{"OZX-M4"});
  }
  SECTION("an entry on another disk") {
    zip.entries[4].disk_start = 1;
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-M4"});
    CHECK_THAT(value_of(findings[0], "detail"), Catch::Contains("'0/c/0/0' starts on disk 1"));
  }
  SECTION("the split-archive marker") {
    zip.layout.prefix = "PK\x07\x08";
    CHECK(rule_ids(zip_findings(zip)) == Ids{"OZX-M4", "OZX-X7"});
  }
  SECTION("near miss: entries on this disk counted by a sentinel next to a ZIP64 record") {
    zip.layout.eocd_entries_on_disk = 0xFFFF;
    CHECK(zip_findings(zip).empty());
  }
}

TEST_CASE("OZX-S1: ZIP64 should be used", "[zip][rules]") {
  ZipBuilder zip = rfc9_archive();
  zip.layout.zip64 = false;
  const auto findings = zip_findings(zip);
  CHECK(rule_ids(findings) == Ids{"OZX-S1"});
  CHECK(findings[0].location == Location{"", ""});
}

TEST_CASE("OZX-S2: entries should be stored uncompressed", "[zip][rules]") {
  ZipBuilder zip = rfc9_archive();
  zip.entries[4].method = 8;
  zip.entries[5].method = 8;
  zip.entries[3].method = 12;  // bzip2 written as is: the rule reads the method, not the data
  const auto findings = zip_findings(zip);
  CHECK(rule_ids(findings) == Ids{"OZX-S2", "OZX-S2"});
  for (const auto& f : findings) {
    if (value_of(f, "code") == "8") {
      CHECK(f.location == Location{"0/c/0/0", ""});
      CHECK(value_of(f, "method") == "deflate");
      CHECK(value_of(f, "others") == "1");
    } else {
      CHECK(f.location == Location{"labels/a/zarr.json", ""});
      CHECK(value_of(f, "method") == "bzip2");
      CHECK(value_of(f, "others") == "0");
    }
  }
  ZipBuilder near = rfc9_archive();  // a directory entry written with deflate is not data
  near.add("labels/a/c/", "", 8);
  CHECK(zip_findings(near).empty());
}

TEST_CASE("OZX-S4: zarr.json files first, in breadth-first order", "[zip][rules]") {
  const char* no_promise = R"({"ome":{"version":"0.5"}})";
  SECTION("root not first in the central directory") {
    ZipBuilder zip = rfc9_archive();
    zip.layout.comment = no_promise;
    zip.layout.central_order = {1, 0, 2, 3, 4, 5};
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-S4"});
    CHECK(findings[0].location == Location{"zarr.json", ""});
    CHECK_THAT(value_of(findings[0], "detail"), Catch::Contains("in the central directory"));
  }
  SECTION("a chunk before a zarr.json in the file") {
    ZipBuilder zip = rfc9_archive();
    std::swap(zip.entries[3], zip.entries[4]);  // file order: ..., 0/c/0/0, labels/a/zarr.json
    zip.layout.central_order = {0, 1, 2, 4, 3, 5};  // the central directory keeps the good order
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-S4"});
    CHECK(findings[0].location == Location{"labels/a/zarr.json", ""});
    CHECK_THAT(value_of(findings[0], "detail"), Catch::Contains("in the file"));
  }
  SECTION("a deeper zarr.json before a shallower one") {
    ZipBuilder zip = rfc9_archive();
    zip.layout.comment = no_promise;
    std::swap(zip.entries[2], zip.entries[3]);
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-S4", "OZX-S4"});  // central directory and file order
    CHECK(findings[0].location == Location{"labels/zarr.json", ""});
    CHECK_THAT(value_of(findings[0], "detail"), Catch::Contains("the deeper 'labels/a/zarr.json'"));
  }
  SECTION("near miss: siblings in any order, directory entries anywhere") {
    ZipBuilder zip = rfc9_archive();
    std::swap(zip.entries[1], zip.entries[2]);
    zip.entries.insert(zip.entries.begin(), zip_entry("labels/", ""));
    zip.add("0/c/", "");
    CHECK(zip_findings(zip).empty());
  }
}

TEST_CASE("OZX-S5: the file name should end with .ozx", "[zip][rules]") {
  const auto findings = zip_findings(rfc9_archive(), "image.ome.zarr.zip");
  CHECK(rule_ids(findings) == Ids{"OZX-S5"});
  CHECK(findings[0].location == Location{"", ""});
  CHECK(value_of(findings[0], "name") == "image.ome.zarr.zip");
  CHECK(zip_findings(rfc9_archive(), "image.ozx").empty());
}

TEST_CASE("OZX-S6: the archive comment should hold ome.version", "[zip][rules]") {
  auto with_comment = [](std::string comment) {
    ZipBuilder zip = rfc9_archive();
    zip.layout.comment = std::move(comment);
    return zip_findings(zip);
  };
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", ""},
      {"OME-Zarr 0.5", ""},
      {R"({"ome":{"version":"0.5"},})", ""},  // the RFC's own example has this trailing comma
      {"[1,2]", ""},
      {std::string("{\"ome\":{\"version\":\"\xFF\"}}"), ""},  // not UTF-8
      {R"({"omero":{}})", "/ome"},
      {R"({"ome":"0.5"})", "/ome"},
      {R"({"ome":{}})", "/ome/version"},
      {R"({"ome":{"version":0.5}})", "/ome/version"},
  };
  for (const auto& [comment, pointer] : cases) {
    INFO("comment: " << comment);
    const auto findings = with_comment(comment);
    CHECK(rule_ids(findings) == Ids{"OZX-S6"});
    CHECK(only(findings, "OZX-S6").location == Location{"", pointer});
  }
  CHECK(with_comment(R"({"ome":{"version":"0.5"}})").empty());
  CHECK(with_comment(R"({"ome":{"version":"0.5","zipFile":{}},"other":1})").empty());
}

TEST_CASE("OZX-C1: a jsonFirst promise must hold", "[zip][rules]") {
  ZipBuilder zip = rfc9_archive();
  zip.layout.central_order = {0, 1, 2, 4, 3, 5};  // a chunk before labels/a/zarr.json
  const auto findings = zip_findings(zip);
  CHECK(rule_ids(findings) == Ids{"OZX-C1"});  // not also OZX-S4 for the same order
  CHECK(findings[0].location == Location{"", "/ome/zipFile/centralDirectory/jsonFirst"});
  CHECK_THAT(value_of(findings[0], "detail"), Catch::Contains("'labels/a/zarr.json' comes after '0/c/0/0'"));

  SECTION("near miss: the same order without the promise is only a recommendation") {
    zip.layout.comment = R"({"ome":{"version":"0.5","zipFile":{"centralDirectory":{"jsonFirst":false}}}})";
    CHECK(rule_ids(zip_findings(zip)) == Ids{"OZX-S4"});
  }
  SECTION("the root not first breaks the promise too") {
    zip.layout.central_order = {1, 0, 2, 3, 4, 5};
    CHECK(rule_ids(zip_findings(zip)) == Ids{"OZX-C1"});
  }
}

TEST_CASE("OZX-C2: the zipFile structure has fixed types", "[zip][rules]") {
  auto with_comment = [](const char* comment) {
    ZipBuilder zip = rfc9_archive();
    zip.layout.comment = comment;
    return zip_findings(zip);
  };
  auto findings = with_comment(R"({"ome":{"version":"0.5","zipFile":{"centralDirectory":{"jsonFirst":"yes"}}}})");
  CHECK(rule_ids(findings) == Ids{"OZX-C2"});
  CHECK(findings[0].location == Location{"", "/ome/zipFile/centralDirectory/jsonFirst"});
  CHECK(value_of(findings[0], "found") == "string");
  CHECK(value_of(findings[0], "expected") == "a boolean");

  findings = with_comment(R"({"ome":{"version":"0.5","zipFile":[]}})");
  CHECK(rule_ids(findings) == Ids{"OZX-C2"});
  CHECK(findings[0].location == Location{"", "/ome/zipFile"});

  findings = with_comment(R"({"ome":{"version":"0.5","zipFile":{"centralDirectory":1}}})");
  CHECK(rule_ids(findings) == Ids{"OZX-C2"});
  CHECK(findings[0].location == Location{"", "/ome/zipFile/centralDirectory"});

  CHECK(with_comment(R"({"ome":{"version":"0.5","zipFile":{"centralDirectory":{"jsonFirst":false}}}})").empty());
  CHECK(with_comment(R"({"ome":{"version":"0.5","zipFile":{"centralDirectory":{}}}})").empty());
}

TEST_CASE("OZX-C3: the comment's version matches the root's", "[zip][rules]") {
  ZipBuilder zip = rfc9_archive();
  zip.layout.comment = R"({"ome":{"version":"0.4","zipFile":{"centralDirectory":{"jsonFirst":true}}}})";
  const auto findings = zip_findings(zip);
  CHECK(rule_ids(findings) == Ids{"OZX-C3"});
  CHECK(findings[0].location == Location{"", "/ome/version"});
  CHECK(value_of(findings[0], "comment_version") == "0.4");
  CHECK(value_of(findings[0], "root_version") == "0.5");

  ZipBuilder near = rfc9_archive();  // a root without a version: nothing to compare
  near.entries[0].data = R"({"zarr_format":3,"node_type":"group","attributes":{"ome":{}}})";
  CHECK(zip_findings(near).empty());
}

TEST_CASE("OZX-X1: no encrypted entries", "[zip][rules]") {
  SECTION("flag bit 0") {
    ZipBuilder zip = rfc9_archive();
    zip.entries[4].flags = 0x0001;
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-X1"});
    CHECK(findings[0].location == Location{"0/c/0/0", ""});
  }
  SECTION("WinZip AES") {
    ZipBuilder zip = rfc9_archive();
    zip.entries[4].method = 99;
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-S2", "OZX-X1"});
    CHECK(value_of(only(findings, "OZX-S2"), "method") == "WinZip AES encryption");
  }
  SECTION("only the local header says encrypted") {
    ZipBuilder zip = rfc9_archive();
    zip.entries[4].local_flags = 0x0001;
    CHECK(rule_ids(zip_findings(zip)) == Ids{"OZX-X1", "OZX-X4"});
  }
  SECTION("near miss: the UTF-8 name flag") {
    ZipBuilder zip = rfc9_archive();
    zip.entries[4].flags = 0x0800;
    CHECK(zip_findings(zip).empty());
  }
}

TEST_CASE("OZX-X2: entry names must be store keys", "[zip][rules]") {
  for (const std::string name : {"../evil", "/abs/x", "a//b", "a\\b", "./0/x", "0/./x", "caf\xE9"}) {
    INFO("name: " << name);
    ZipBuilder zip = rfc9_archive();
    zip.add(name, "x");
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-X2"});
    CHECK(findings[0].location.key == printable_entry_name(name));
  }
  ZipBuilder nul = rfc9_archive();
  nul.add(std::string("0/c/\0x", 6), "x");
  const auto findings = zip_findings(nul);
  CHECK(rule_ids(findings) == Ids{"OZX-X2"});
  CHECK(findings[0].location.key == "0/c/\\x00x");
  CHECK(value_of(findings[0], "detail") == "it contains a NUL byte");

  ZipBuilder near = rfc9_archive();
  near.add("a..b/c.d/..e", "x");
  near.add("0/c/name with spaces \xC3\xBC", "x");
  CHECK(zip_findings(near).empty());
}

TEST_CASE("OZX-X2: a flood of bad names is capped", "[zip][rules]") {
  ZipBuilder zip = rfc9_archive();
  for (int i = 0; i < 150; ++i) zip.add("../" + std::to_string(i), "");
  const auto findings = zip_findings(zip);
  CHECK(findings.size() == 101);
  const auto overflow = std::find_if(findings.begin(), findings.end(),
                                     [](const Finding& f) { return f.location.key.empty(); });
  REQUIRE(overflow != findings.end());
  CHECK(overflow->rule == "OZX-X2");
  CHECK_THAT(value_of(*overflow, "detail"), Catch::Contains("50 more entries"));
}

TEST_CASE("OZX-X3: duplicate names", "[zip][rules]") {
  ZipBuilder zip = rfc9_archive();
  zip.add("0/c/0/0", "newer");
  const auto findings = zip_findings(zip);
  CHECK(rule_ids(findings) == Ids{"OZX-X3"});
  CHECK(findings[0].location == Location{"0/c/0/0", ""});
  CHECK_THAT(value_of(findings[0], "detail"), Catch::Contains("2 times"));

  ZipBuilder near = rfc9_archive();
  near.add("0/c/0/1", "other");
  CHECK(zip_findings(near).empty());
}

TEST_CASE("OZX-X4: local headers agree with the central directory", "[zip][rules]") {
  SECTION("method") {
    ZipBuilder zip = rfc9_archive();
    zip.entries[4].local_method = 8;
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-X4"});
    CHECK(findings[0].location == Location{"0/c/0/0", ""});
    CHECK_THAT(value_of(findings[0], "detail"), Catch::Contains("method 8 in the local header"));
  }
  SECTION("name") {
    ZipBuilder zip = rfc9_archive();
    zip.entries[5].local_name = "labels/a/c/0/1";
    CHECK(rule_ids(zip_findings(zip)) == Ids{"OZX-X4"});
  }
  SECTION("CRC and size") {
    ZipBuilder zip = rfc9_archive();
    zip.entries[5].central_crc = 1;
    zip.entries[5].local_uncompressed_size = 6;
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-X4"});
    CHECK_THAT(value_of(findings[0], "detail"), Catch::Contains("CRC-32"));
    CHECK_THAT(value_of(findings[0], "detail"), Catch::Contains("uncompressed size 6"));
  }
  SECTION("near miss: different extra fields, and sizes deferred to a data descriptor") {
    ZipBuilder zip = rfc9_archive();
    zip.entries[4].local_extra = std::string("UT\x05\x00\x01\x00\x00\x00\x00", 9);
    zip.entries[5].local_flags = 0x0008;
    zip.entries[5].central_crc = 1;  // bit 3: the local CRC is not compared
    CHECK(zip_findings(zip).empty());
  }
}

TEST_CASE("OZX-X7: data before the first entry", "[zip][rules]") {
  ZipBuilder zip = rfc9_archive();
  zip.layout.prefix = "#!/bin/sh\nexit 0\n";
  const auto findings = zip_findings(zip);
  CHECK(rule_ids(findings) == Ids{"OZX-X7"});
  CHECK(findings[0].location == Location{"", ""});
  CHECK(value_of(findings[0], "bytes") == "17");
}

TEST_CASE("OZX-X10: a broken structure is reported where it is", "[zip][rules]") {
  SECTION("an entry whose local header is missing") {
    ZipBuilder zip = rfc9_archive();
    zip.entries[4].central_local_offset = 5;
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-X10"});
    CHECK(findings[0].location == Location{"0/c/0/0", ""});
  }
  SECTION("a central directory that cannot be read") {
    ZipBuilder zip = rfc9_archive();
    zip.layout.cd_offset = 3;
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-X10"});
    CHECK(findings[0].location == Location{"", ""});
  }
  SECTION("not a ZIP archive at all") {
    const auto findings = zip_findings_of_bytes("just text, no archive");
    CHECK(rule_ids(findings) == Ids{"OZX-X10"});
  }
}

TEST_CASE("OZX-X11: the entry limit stops the checks", "[zip][rules]") {
  ZipBuilder zip = rfc9_archive();
  zip.layout.entry_count = 4'000'000'000ull;
  const auto findings = zip_findings(zip);
  CHECK(rule_ids(findings) == Ids{"OZX-X11"});
  CHECK(value_of(findings[0], "count") == "4000000000");
}

TEST_CASE("OZX-X12: operating-system clutter", "[zip][rules]") {
  ZipBuilder zip = rfc9_archive();
  zip.add("__MACOSX/._zarr.json", "x");
  zip.add("__MACOSX/0/._zarr.json", "x");
  zip.add("0/.DS_Store", "x");
  const auto findings = zip_findings(zip);
  CHECK(rule_ids(findings) == Ids{"OZX-X12", "OZX-X12"});
  for (const auto& f : findings) {
    if (f.location.key == "__MACOSX/._zarr.json") {
      CHECK_THAT(value_of(f, "detail"), Catch::Contains("1 more entries"));
    } else {
      CHECK(f.location.key == "0/.DS_Store");
    }
  }
  ZipBuilder near = rfc9_archive();
  near.add("MACOSX/notes.txt", "x");
  near.add("0/DS_Store", "x");
  CHECK(zip_findings(near).empty());
}

TEST_CASE("an unreadable archive is STORE-001", "[zip][rules]") {
  class Broken final : public ByteSource {
   public:
    std::uint64_t size() const override { return 1000; }
    std::string name() const override { return "broken.ozx"; }
    Bytes read(std::uint64_t, std::uint64_t) const override {
      throw StoreError("STORE-001", "broken.ozx", "read failed: Input/output error");
    }
  };
  Findings out;
  check_zip_container(Broken(), "broken.ozx", out);
  CHECK(rule_ids(out) == Ids{"STORE-001"});
  CHECK(out[0].location == Location{"", ""});
  CHECK_THAT(value_of(out[0], "detail"), Catch::Contains("Input/output error"));
}
