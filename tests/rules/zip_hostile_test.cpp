// Hostile archives: the container checks never crash, never throw, never trust a count or
// a size, and always say something.
#include <limits>

#include <catch2/catch.hpp>

#include "rules/zip_test_util.hpp"

using namespace ozv;
using namespace ozv::test;
using Ids = std::multiset<std::string>;

namespace {

// A small deterministic generator, so that a failure can be replayed.
class XorShift {
 public:
  explicit XorShift(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }

 private:
  std::uint64_t state_;
};

}  // namespace

TEST_CASE("every truncation of a valid archive gives a finding", "[zip][rules][hostile]") {
  const std::string bytes = rfc9_archive().build();
  for (std::size_t cut = 0; cut < bytes.size(); ++cut) {
    INFO("cut at " << cut);
    Findings findings;
    REQUIRE_NOTHROW(findings = zip_findings_of_bytes(bytes.substr(0, cut)));
    CHECK_FALSE(findings.empty());
  }
}

TEST_CASE("a truncated end record is a broken structure", "[zip][rules][hostile]") {
  const std::string bytes = rfc9_archive().build();
  const auto findings = zip_findings_of_bytes(bytes.substr(0, bytes.size() - 10));
  CHECK(rule_ids(findings).count("OZX-X10") == 1);
}

TEST_CASE("a central directory offset past the end is a broken structure", "[zip][rules][hostile]") {
  ZipBuilder zip = rfc9_archive();
  zip.layout.cd_offset = std::numeric_limits<std::uint64_t>::max() - 3;  // also overflows offset + size
  const auto findings = zip_findings(zip);
  CHECK(rule_ids(findings) == Ids{"OZX-X10"});
  CHECK_THAT(value_of(findings[0], "detail"), Catch::Contains("does not end before the end records"));
}

TEST_CASE("entry counts the archive cannot hold", "[zip][rules][hostile]") {
  SECTION("four billion (ZIP64)") {
    ZipBuilder zip = rfc9_archive();
    zip.layout.entry_count = 4'294'967'295ull;
    CHECK(rule_ids(zip_findings(zip)) == Ids{"OZX-X11"});
  }
  SECTION("2^64-1 (ZIP64)") {
    ZipBuilder zip = rfc9_archive();
    zip.layout.entry_count = std::numeric_limits<std::uint64_t>::max();
    CHECK(rule_ids(zip_findings(zip)) == Ids{"OZX-X11"});
  }
  SECTION("65535 in a small central directory") {
    ZipBuilder zip = rfc9_archive();
    zip.layout.zip64 = false;
    zip.layout.entry_count = 65535;
    const auto findings = zip_findings(zip);
    CHECK(rule_ids(findings) == Ids{"OZX-S1", "OZX-X10"});
    CHECK_THAT(value_of(only(findings, "OZX-X10"), "detail"), Catch::Contains("claims 65535 entries"));
  }
}

TEST_CASE("ZIP64 sizes and offsets of 2^64-1", "[zip][rules][hostile]") {
  ZipBuilder zip = rfc9_archive();
  constexpr auto kMax = std::numeric_limits<std::uint64_t>::max();
  zip.entries[4].central_compressed_size = kMax;
  zip.entries[4].central_uncompressed_size = kMax;
  zip.entries[5].central_local_offset = kMax;
  const auto findings = zip_findings(zip);
  CHECK(rule_ids(findings) == Ids{"OZX-X10", "OZX-X10", "OZX-X4"});
  for (const auto& f : findings) {
    if (f.rule == "OZX-X10") CHECK_THAT(value_of(f, "detail"), Catch::Contains("past the end"));
  }
}

TEST_CASE("a root zarr.json claiming to be huge is not read", "[zip][rules][hostile]") {
  ZipBuilder zip = rfc9_archive();
  zip.entries[0].data = kPlainGroup;  // would give OZX-M1 if it were read
  zip.entries[0].central_uncompressed_size = 1ull << 40;
  zip.entries[0].local_uncompressed_size = 1ull << 40;
  CHECK(rule_ids(zip_findings(zip)) == Ids{});
}

TEST_CASE("deeply nested JSON in the comment and in zarr.json", "[zip][rules][hostile]") {
  ZipBuilder zip = rfc9_archive();
  zip.layout.comment = std::string(30000, '[') + std::string(30000, ']');
  const auto findings = zip_findings(zip);
  CHECK(rule_ids(findings) == Ids{"OZX-S6"});
  CHECK_THAT(value_of(findings[0], "detail"), Catch::Contains("array"));

  ZipBuilder deep = rfc9_archive();
  deep.layout.comment = R"({"ome":{"version":"0.5","zipFile":)" + std::string(20000, '[') +
                        std::string(20000, ']') + "}}";
  CHECK(rule_ids(zip_findings(deep)) == Ids{"OZX-C2"});

  ZipBuilder root = rfc9_archive();
  root.entries[0].data = R"({"attributes":{"ome":)" + std::string(1'000'000, '[') + std::string(1'000'000, ']') + "}}";
  root.layout.comment = R"({"ome":{"version":"0.5"}})";
  CHECK(rule_ids(zip_findings(root)) == Ids{"OZX-M1"});
}

TEST_CASE("a maximal comment that is not JSON", "[zip][rules][hostile]") {
  ZipBuilder zip = rfc9_archive();
  zip.layout.comment = std::string(65535, '{');
  CHECK(rule_ids(zip_findings(zip)) == Ids{"OZX-S6"});
}

TEST_CASE("random corruption never crashes the container checks", "[zip][rules][hostile]") {
  ZipBuilder zip = rfc9_archive();
  zip.entries[5].method = 8;
  const std::string original = zip.build();
  XorShift random(0x5eed);
  for (int round = 0; round < 3000; ++round) {
    std::string bytes = original;
    const int flips = 1 + static_cast<int>(random.next() % 4);
    for (int i = 0; i < flips; ++i) {
      const std::size_t at = random.next() % bytes.size();
      // Small and sentinel values are where parsers go wrong.
      const std::uint64_t pick = random.next() % 4;
      bytes[at] = pick == 0 ? '\xFF' : pick == 1 ? '\0' : static_cast<char>(random.next());
    }
    INFO("round " << round);
    REQUIRE_NOTHROW(zip_findings_of_bytes(bytes));
  }
}
