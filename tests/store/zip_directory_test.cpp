// The raw ZIP structure reader: end records, ZIP64, central and local headers, and its
// refusal to trust counts, offsets and sizes.
#include <limits>

#include <catch2/catch.hpp>

#include "store/byte_source.hpp"
#include "store/zip_directory.hpp"
#include "support/zip_builder.hpp"

using namespace ozv;
using ozv::test::ZipBuilder;

namespace {

ZipDirectory read(const std::string& bytes, bool locals = true) {
  const auto source = make_memory_source(bytes, "t.ozx");
  ZipReadOptions options;
  options.read_local_headers = locals;
  return read_zip_directory(*source, options);
}

std::string archive_problems(const ZipDirectory& dir) {
  std::string out;
  for (const auto& p : dir.problems) {
    if (!p.entry) out += p.detail + "\n";
  }
  return out;
}

}  // namespace

TEST_CASE("the reader finds the end records, the comment and every entry in order", "[zip][directory]") {
  ZipBuilder zip;
  zip.add("zarr.json", "{}");
  zip.add("0/zarr.json", "{\"x\":1}", 8);
  zip.add("0/c/0", "abcd");
  zip.layout.comment = "hello PK\x05\x06 inside";  // a signature inside the comment must not confuse it
  zip.layout.central_order = {2, 0, 1};
  const auto dir = read(zip.build());
  REQUIRE(dir.found_end);
  REQUIRE(dir.complete);
  CHECK(dir.problems.empty());
  CHECK(dir.end.comment == "hello PK\x05\x06 inside");
  CHECK_FALSE(dir.end.has_zip64_eocd);
  REQUIRE(dir.entries.size() == 3);
  CHECK(dir.entries[0].name == "0/c/0");
  CHECK(dir.entries[1].name == "zarr.json");
  CHECK(dir.entries[2].name == "0/zarr.json");
  CHECK(dir.entries[2].method == 8);
  CHECK(dir.entries[1].local_header_offset == 0);
  CHECK(dir.entries[1].crc32 == ozv::test::zip_crc32("{}"));
  REQUIRE(dir.locals.size() == 3);
  CHECK(dir.locals[1].present);
  CHECK(dir.locals[1].name_matches);
  CHECK(dir.locals[1].data_offset == 30 + 9);
  CHECK(dir.locals[0].data_head == "abcd");
  CHECK(dir.head == "PK\x03\x04");
}

TEST_CASE("the reader substitutes ZIP64 values", "[zip][directory]") {
  ZipBuilder zip;
  zip.layout.zip64 = true;
  zip.layout.eocd_sentinels = true;
  zip.add("zarr.json", "{}");
  zip.add("big", "0123456789");
  const auto dir = read(zip.build());
  REQUIRE(dir.complete);
  CHECK(dir.problems.empty());
  CHECK(dir.end.has_zip64_locator);
  CHECK(dir.end.has_zip64_eocd);
  CHECK(dir.end.entries_total == 0xFFFF);
  CHECK(dir.end.entry_count == 2);
  CHECK(dir.end.locator_total_disks == 1);
  REQUIRE(dir.entries.size() == 2);
  CHECK(dir.entries[1].has_zip64_extra);
  CHECK(dir.entries[1].uncompressed_size == 10);
  CHECK(dir.entries[1].compressed_size == 10);
  CHECK(dir.entries[1].local_header_offset > 0);
  CHECK(dir.locals[1].uncompressed_size == 10);
  CHECK(dir.locals[1].has_zip64_extra);
  CHECK(dir.locals[1].data_offset == dir.entries[1].local_header_offset + 30 + 3 + 20);
}

TEST_CASE("local headers are read with their own extra length", "[zip][directory]") {
  ZipBuilder zip;
  auto& e = zip.add("a", "xyz");
  e.local_extra = std::string("\x34\x12\x02\x00hi", 6);
  e.local_name = "b";
  e.local_method = 8;
  const auto dir = read(zip.build());
  REQUIRE(dir.complete);
  CHECK(dir.locals[0].extra_length == 6);
  CHECK(dir.locals[0].data_offset == 30 + 1 + 6);
  CHECK_FALSE(dir.locals[0].name_matches);
  CHECK(dir.locals[0].method == 8);
  CHECK(dir.entries[0].method == 0);
}

TEST_CASE("the reader reports what it cannot trust", "[zip][directory][hostile]") {
  SECTION("not an archive") {
    const auto dir = read(std::string(100, 'x'));
    CHECK_FALSE(dir.found_end);
    CHECK_THAT(archive_problems(dir), Catch::Contains("no end of central directory record"));
  }
  SECTION("shorter than an end record") {
    const auto dir = read("PK");
    CHECK_FALSE(dir.found_end);
    CHECK_THAT(archive_problems(dir), Catch::Contains("too short"));
  }
  SECTION("a comment length running past the end") {
    ZipBuilder zip;
    zip.add("zarr.json", "{}");
    zip.layout.comment_length = 500;
    const auto dir = read(zip.build());
    CHECK_FALSE(dir.found_end);
  }
  SECTION("a central directory past the end") {
    ZipBuilder zip;
    zip.add("zarr.json", "{}");
    zip.layout.cd_offset = 0xFFFFFFF0u;
    const auto dir = read(zip.build());
    CHECK(dir.found_end);
    CHECK_FALSE(dir.complete);
    CHECK_THAT(archive_problems(dir), Catch::Contains("does not end before the end records"));
  }
  SECTION("more entries than the limit") {
    ZipBuilder zip;
    zip.layout.zip64 = true;
    zip.add("zarr.json", "{}");
    zip.layout.entry_count = std::numeric_limits<std::uint64_t>::max();
    const auto dir = read(zip.build());
    CHECK(dir.too_many_entries);
    CHECK_FALSE(dir.complete);
    CHECK(dir.entries.empty());
  }
  SECTION("a central directory shorter than its entries") {
    ZipBuilder zip;
    zip.add("zarr.json", "{}");
    zip.add("x", "y");
    zip.layout.cd_size = 46 * 2;  // room for two fixed parts, but not for the names too
    const auto dir = read(zip.build());
    CHECK_FALSE(dir.complete);
    CHECK_THAT(archive_problems(dir), Catch::Contains("entry 1 at offset"));
    CHECK_THAT(archive_problems(dir), Catch::Contains("runs past the end of the central directory"));
  }
  SECTION("a ZIP64 locator pointing nowhere") {
    ZipBuilder zip;
    zip.layout.zip64 = true;
    zip.add("zarr.json", "{}");
    std::string bytes = zip.build();
    // The locator's record offset is 8 bytes into the locator, which ends where the EOCD starts.
    const std::size_t locator = bytes.size() - 22 - 20;
    for (int i = 0; i < 8; ++i) bytes[locator + 8 + static_cast<std::size_t>(i)] = '\x7F';
    const auto dir = read(bytes);
    CHECK_FALSE(dir.complete);
    CHECK_THAT(archive_problems(dir), Catch::Contains("no ZIP64 end of central directory record"));
  }
  SECTION("a ZIP64 field too short for its sentinels") {
    ZipBuilder zip;
    auto& e = zip.add("x", "y");
    e.central_uncompressed_size = 0xFFFFFFFFu;  // the builder writes a full field...
    std::string bytes = zip.build();
    // ...then the field's declared size is cut from 8 to 4 bytes.
    const std::size_t field = bytes.find(std::string("\x01\x00\x08\x00", 4));
    REQUIRE(field != std::string::npos);
    bytes[field + 2] = '\x04';
    const auto dir = read(bytes);
    REQUIRE(dir.complete);
    REQUIRE(dir.problems.size() == 1);
    CHECK(dir.problems[0].entry == std::optional<std::size_t>(0));
    CHECK_THAT(dir.problems[0].detail, Catch::Contains("too short"));
  }
  SECTION("sizes and offsets past the end are entry problems") {
    ZipBuilder zip;
    zip.add("zarr.json", "{}");
    zip.add("far", "x").central_local_offset = 1ull << 40;
    zip.add("long", "x").central_compressed_size = std::numeric_limits<std::uint64_t>::max();
    const auto dir = read(zip.build());
    REQUIRE(dir.complete);
    REQUIRE(dir.problems.size() == 2);
    CHECK(dir.problems[0].entry == std::optional<std::size_t>(1));
    CHECK_THAT(dir.problems[0].detail, Catch::Contains("past the end of the archive"));
    CHECK(dir.problems[1].entry == std::optional<std::size_t>(2));
    CHECK_THAT(dir.problems[1].detail, Catch::Contains("extends past the end"));
  }
  SECTION("every truncation of a valid archive") {
    ZipBuilder zip;
    zip.layout.zip64 = true;
    zip.add("zarr.json", "{}");
    zip.add("a/zarr.json", "{}");
    const std::string bytes = zip.build();
    for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
      const auto dir = read(bytes.substr(0, cut));
      CHECK_FALSE((dir.complete && dir.problems.empty()));
    }
  }
}

TEST_CASE("zip_name_problem accepts keys and names what is wrong with the rest", "[zip][directory]") {
  CHECK(zip_name_problem("zarr.json") == "");
  CHECK(zip_name_problem("a/b/c/0") == "");
  CHECK(zip_name_problem("a/b/") == "");  // a directory entry
  CHECK(zip_name_problem("name with spaces \xC3\xBC") == "");
  CHECK(zip_name_problem("") == "the name is empty");
  CHECK(zip_name_problem("/zarr.json") == "it is an absolute path");
  CHECK(zip_name_problem("/") == "it is an absolute path");
  CHECK(zip_name_problem("a\\b") == "it contains a backslash");
  CHECK(zip_name_problem("../x") == "it has a '..' segment");
  CHECK(zip_name_problem("a/../x") == "it has a '..' segment");
  CHECK(zip_name_problem("./zarr.json") == "it has a '.' segment");
  CHECK(zip_name_problem("a//b") == "it has an empty path segment");
  CHECK(zip_name_problem("a//") == "it has an empty path segment");
  CHECK(zip_name_problem(std::string("a\0b", 3)) == "it contains a NUL byte");
  CHECK(zip_name_problem("caf\xE9") == "it is not valid UTF-8");
  CHECK(zip_name_problem("\xC0\xAF") == "it is not valid UTF-8");  // overlong '/'
  CHECK(zip_name_problem("\xED\xA0\x80") == "it is not valid UTF-8");  // a surrogate
}

TEST_CASE("printable_entry_name escapes what a report cannot show", "[zip][directory]") {
  CHECK(printable_entry_name("a/zarr.json") == "a/zarr.json");
  CHECK(printable_entry_name("\xC3\xBC") == "\xC3\xBC");
  CHECK(printable_entry_name(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(printable_entry_name("caf\xE9\n") == "caf\\xe9\\x0a");
  const std::string printable = printable_entry_name(std::string(5000, 'n'));
  CHECK(printable.size() < 400);
  CHECK(printable.ends_with("..."));
}

TEST_CASE("zip_method_name names the methods the checks report", "[zip][directory]") {
  CHECK(zip_method_name(8) == "deflate");
  CHECK(zip_method_name(93) == "zstd");
  CHECK(zip_method_name(12) == "bzip2");
  CHECK(zip_method_name(4242) == "method 4242");
}
