// The label-value scan on decoded chunks built in memory: pixels that are not integers in
// label arrays of a non-integer type, and (--check-labels) pixel values that colors or
// properties do not list, each next to a near miss that is right.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <catch2/catch.hpp>

#include "engine/label_value_scan.hpp"
#include "rules/catalogue.hpp"
#include "support/findings_check.hpp"

using namespace ozv;

namespace {

// Little-endian (or big-endian) bytes of `values`, each `size` bytes wide.
template <typename T>
std::string elements(const std::vector<T>& values, bool big_endian = false) {
  std::string out;
  for (const T& v : values) {
    char bytes[sizeof(T)];
    std::memcpy(bytes, &v, sizeof(T));
    std::string element(bytes, sizeof(T));
    if (big_endian) std::reverse(element.begin(), element.end());
    out += element;
  }
  return out;
}

std::vector<LabelValue> labels(std::initializer_list<std::int64_t> values) {
  std::vector<LabelValue> out;
  for (auto v : values) out.push_back(LabelValue::of_signed(v));
  return out;
}

LabelArray label_array(int zarr_format, const std::string& data_type) {
  LabelArray a;
  a.prefix = "labels/cells/0";
  a.key = zarr_format == 3 ? "labels/cells/0/zarr.json" : "labels/cells/0/.zarray";
  a.zarr_format = zarr_format;
  a.data_type = data_type;
  a.image_key = zarr_format == 3 ? "labels/cells/zarr.json" : "labels/cells/.zattrs";
  return a;
}

LabelValueScan make_scan(const LabelArray& array, bool collect, LabelScanLimits limits = {}) {
  const auto type = label_element_type(array);
  REQUIRE(type);
  return LabelValueScan(array, *type, collect, limits);
}

Findings report_of(const LabelValueScan& scan) {
  Findings out;
  scan.report(out);
  test::require_resolvable(out);
  return out;
}

std::string value_of(const Finding& f, const std::string& name) {
  for (const auto& [k, v] : f.values) {
    if (k == name) return v;
  }
  return "(none)";
}

// Rule and values of each finding, comparable.
std::vector<std::string> summary(const Findings& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) {
    std::string line = f.rule + "@" + f.location.key;
    for (const auto& [k, v] : f.values) line += " " + k + "=" + v;
    out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("label element types are read from the declared data type", "[labels]") {
  using Kind = LabelElementType::Kind;
  auto type_of = [](int format, const char* name) { return label_element_type(label_array(format, name)); };
  CHECK(type_of(3, "uint16")->kind == Kind::unsigned_integer);
  CHECK(type_of(3, "int64")->size == 8);
  CHECK(type_of(3, "float16")->kind == Kind::floating);
  CHECK(type_of(3, "complex128")->size == 16);
  CHECK(type_of(3, "bool")->kind == Kind::boolean);
  CHECK(!type_of(3, "r16"));
  CHECK(!type_of(3, "string"));
  CHECK(!type_of(3, ""));
  CHECK(type_of(2, ">f8")->big_endian);
  CHECK(!type_of(2, "<i2")->big_endian);
  CHECK(type_of(2, "|u1")->kind == Kind::unsigned_integer);
  CHECK(!type_of(2, "<U4"));
  CHECK(!type_of(2, "<M8[ns]"));
  CHECK(!type_of(2, "not a dtype"));
  CHECK(LabelValueScan::worth_scanning(*type_of(3, "float32"), false));
  CHECK(!LabelValueScan::worth_scanning(*type_of(3, "uint8"), false));
  CHECK(LabelValueScan::worth_scanning(*type_of(3, "uint8"), true));
}

TEST_CASE("NGFF-LBL-070: 0.5 label pixels that are not integers", "[labels]") {
  const auto array = label_array(3, "float32");
  SECTION("fractions, NaN and infinity are counted; the example comes from the smallest chunk key") {
    auto scan = make_scan(array, false);
    scan.add_chunk(elements<float>({1.0f, 2.0f, std::numeric_limits<float>::infinity()}), "labels/cells/0/c/1");
    scan.add_chunk(elements<float>({0.0f, 1.5f, std::numeric_limits<float>::quiet_NaN()}), "labels/cells/0/c/0");
    const auto found = report_of(scan);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "NGFF-LBL-070");
    CHECK(found[0].location.key == "labels/cells/0/zarr.json");
    CHECK(value_of(found[0], "count") == "3");
    CHECK(value_of(found[0], "example") == "1.5");
    CHECK(value_of(found[0], "chunk") == "labels/cells/0/c/0");
    CHECK(value_of(found[0], "data_type") == "float32");
  }
  SECTION("whole numbers in a float array are not reported") {
    auto scan = make_scan(array, false);
    scan.add_chunk(elements<float>({0.0f, 1.0f, -3.0f, 16777216.0f}), "labels/cells/0/c/0");
    CHECK(report_of(scan).empty());
  }
  SECTION("values beyond the 64-bit label range are not integers any label type holds") {
    auto scan = make_scan(label_array(3, "float64"), false);
    scan.add_chunk(elements<double>({1e30, 18446744073709549568.0}), "labels/cells/0/c/0");
    const auto found = report_of(scan);
    REQUIRE(found.size() == 1);
    CHECK(value_of(found[0], "count") == "1");
    CHECK(value_of(found[0], "example") == "1e+30");
  }
  SECTION("float16 and complex elements") {
    auto half = make_scan(label_array(3, "float16"), false);
    half.add_chunk(elements<std::uint16_t>({0x3C00, 0x4000}), "k");  // 1.0, 2.0
    CHECK(report_of(half).empty());
    half.add_chunk(elements<std::uint16_t>({0x3E00}), "k2");  // 1.5
    REQUIRE(report_of(half).size() == 1);
    CHECK(value_of(report_of(half)[0], "example") == "1.5");

    auto complex = make_scan(label_array(3, "complex64"), false);
    complex.add_chunk(elements<float>({3.0f, 0.0f}), "k");
    CHECK(report_of(complex).empty());
    complex.add_chunk(elements<float>({3.0f, 1.0f}), "k2");
    REQUIRE(report_of(complex).size() == 1);
    CHECK(value_of(report_of(complex)[0], "example") == "3+1j");
  }
}

TEST_CASE("NGFF-LBL-071: 0.4 label pixels that are not integers, in the dtype's byte order", "[labels]") {
  SECTION("big-endian doubles") {
    auto scan = make_scan(label_array(2, ">f8"), false);
    scan.add_chunk(elements<double>({1.0, 2.5}, true), "labels/cells/0/0.0");
    const auto found = report_of(scan);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "NGFF-LBL-071");
    CHECK(found[0].location.key == "labels/cells/0/.zarray");
    CHECK(value_of(found[0], "example") == "2.5");
  }
  SECTION("the same whole values, big-endian, are fine (read little-endian they would not be)") {
    auto scan = make_scan(label_array(2, ">f8"), false);
    scan.add_chunk(elements<double>({1.0, 2.0, 3.0}, true), "labels/cells/0/0.0");
    CHECK(report_of(scan).empty());
  }
}

TEST_CASE("NGFF-LBL-072/073: pixel values missing from colors and from properties", "[labels]") {
  auto array = label_array(3, "uint16");
  array.colors = labels({1, 2});
  array.properties = labels({0, 1, 2, 7});
  SECTION("each list is compared on its own; 0 is compared like any value") {
    auto scan = make_scan(array, true);
    scan.add_chunk(elements<std::uint16_t>({0, 0, 1, 1, 2, 7, 7, 0}), "labels/cells/0/c/0");
    const auto found = report_of(scan);
    REQUIRE(found.size() == 1);
    CHECK(found[0].rule == "NGFF-LBL-072");
    CHECK(value_of(found[0], "values") == "0, 7");
    CHECK(value_of(found[0], "count") == "2");
    CHECK(value_of(found[0], "list") == "colors");
    CHECK(value_of(found[0], "image") == "labels/cells/zarr.json");
  }
  SECTION("missing from properties") {
    auto scan = make_scan(array, true);
    scan.add_chunk(elements<std::uint16_t>({1, 2, 9}), "labels/cells/0/c/0");
    const auto found = report_of(scan);
    REQUIRE(found.size() == 2);
    CHECK(found[0].rule == "NGFF-LBL-072");
    CHECK(value_of(found[0], "values") == "9");
    CHECK(found[1].rule == "NGFF-LBL-073");
    CHECK(value_of(found[1], "values") == "9");
  }
  SECTION("every value listed: nothing to report") {
    auto scan = make_scan(array, true);
    scan.add_chunk(elements<std::uint16_t>({1, 2, 2, 1}), "labels/cells/0/c/0");
    CHECK(report_of(scan).empty());
  }
  SECTION("an absent list is not compared; without --check-labels nothing is collected") {
    auto bare = label_array(3, "uint16");
    auto scan = make_scan(bare, true);
    scan.add_chunk(elements<std::uint16_t>({5, 6}), "labels/cells/0/c/0");
    CHECK(report_of(scan).empty());
    auto not_asked = make_scan(array, false);
    not_asked.add_chunk(elements<std::uint16_t>({5, 6}), "labels/cells/0/c/0");
    CHECK(report_of(not_asked).empty());
  }
  SECTION("signed values, including the extremes of int64") {
    auto wide = label_array(3, "int64");
    wide.colors = labels({-1});
    auto scan = make_scan(wide, true);
    scan.add_chunk(elements<std::int64_t>({-1, std::numeric_limits<std::int64_t>::min(),
                                           std::numeric_limits<std::int64_t>::max()}),
                   "labels/cells/0/c/0");
    const auto found = report_of(scan);
    REQUIRE(found.size() == 1);
    CHECK(value_of(found[0], "values") == "-9223372036854775808, 9223372036854775807");
  }
  SECTION("one- and two-byte values, signed, big-endian and boolean") {
    auto small = label_array(3, "int8");
    small.colors = labels({0});
    auto scan = make_scan(small, true);
    scan.add_chunk(elements<std::int8_t>({-1, -128, 127, 0, -1}), "labels/cells/0/c/0");
    REQUIRE(report_of(scan).size() == 1);
    CHECK(value_of(report_of(scan)[0], "values") == "-128, -1, 127");

    auto big = label_array(2, ">i2");
    big.colors = labels({300});
    auto big_scan = make_scan(big, true);
    big_scan.add_chunk(elements<std::int16_t>({-2, 300, -32768}, true), "labels/cells/0/0");
    REQUIRE(report_of(big_scan).size() == 1);
    CHECK(value_of(report_of(big_scan)[0], "values") == "-32768, -2");

    auto flags = label_array(3, "bool");
    flags.colors = labels({0});
    auto flag_scan = make_scan(flags, true);
    flag_scan.add_chunk(std::string("\x00\x01\x01", 3), "labels/cells/0/c/0");
    REQUIRE(report_of(flag_scan).size() == 1);
    CHECK(value_of(report_of(flag_scan)[0], "values") == "1");
  }
  SECTION("four-byte values") {
    auto wide = label_array(3, "uint32");
    wide.colors = labels({1});
    auto scan = make_scan(wide, true);
    scan.add_chunk(elements<std::uint32_t>({1, 70000, 1, 70000, 4000000000u}), "labels/cells/0/c/0");
    REQUIRE(report_of(scan).size() == 1);
    CHECK(value_of(report_of(scan)[0], "values") == "70000, 4000000000");
  }
  SECTION("uint64 values above int64") {
    auto wide = label_array(2, "<u8");
    wide.colors = labels({1});
    auto scan = make_scan(wide, true);
    scan.add_chunk(elements<std::uint64_t>({1, 18446744073709551615ull}), "labels/cells/0/0");
    const auto found = report_of(scan);
    REQUIRE(found.size() == 1);
    CHECK(value_of(found[0], "values") == "18446744073709551615");
  }
  SECTION("a long list of missing values is cut, the count covers all") {
    auto scan = make_scan(array, true, LabelScanLimits{65536, 3});
    scan.add_chunk(elements<std::uint16_t>({10, 11, 12, 13, 14}), "labels/cells/0/c/0");
    const auto found = report_of(scan);
    REQUIRE(found.size() == 2);
    CHECK(value_of(found[0], "values") == "10, 11, 12, ...");
    CHECK(value_of(found[0], "count") == "5");
  }
}

TEST_CASE("NGFF-LBL-074: the distinct values kept are bounded, and the same whatever the chunk order", "[labels]") {
  auto array = label_array(3, "uint8");
  array.colors = labels({});
  const std::vector<std::string> chunks = {elements<std::uint8_t>({9, 8, 7}), elements<std::uint8_t>({1, 2}),
                                           elements<std::uint8_t>({5, 3, 4})};
  auto run = [&](std::vector<std::size_t> order) {
    auto scan = make_scan(array, true, LabelScanLimits{4, 20});
    for (auto i : order) scan.add_chunk(chunks[i], "c/" + std::to_string(i));
    return summary(report_of(scan));
  };
  const auto forward = run({0, 1, 2});
  REQUIRE(forward.size() == 2);
  CHECK(forward[0] == "NGFF-LBL-074@labels/cells/0/zarr.json limit=4");
  CHECK(forward[1].starts_with("NGFF-LBL-072@labels/cells/0/zarr.json count=4 values=1, 2, 3, 4 "));
  CHECK(run({2, 1, 0}) == forward);
  CHECK(run({1, 2, 0}) == forward);

  auto within = make_scan(array, true, LabelScanLimits{9, 20});
  for (std::size_t i = 0; i < chunks.size(); ++i) within.add_chunk(chunks[i], "c/" + std::to_string(i));
  const auto all = report_of(within);
  REQUIRE(all.size() == 1);
  CHECK(all[0].rule == "NGFF-LBL-072");
}

TEST_CASE("chunks scanned from several threads give the findings of one thread", "[labels]") {
  auto array = label_array(3, "float32");
  array.colors = labels({1});
  auto scan = make_scan(array, true);
  std::vector<std::thread> threads;
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&scan, t] {
      for (int i = 0; i < 50; ++i) {
        const float v = static_cast<float>(t * 50 + i);
        scan.add_chunk(elements<float>({v, v + 0.5f}), "c/" + std::to_string(1000 + t * 50 + i));
      }
    });
  }
  for (auto& thread : threads) thread.join();
  const auto found = report_of(scan);
  REQUIRE(found.size() == 2);
  CHECK(found[0].rule == "NGFF-LBL-070");
  CHECK(value_of(found[0], "count") == "200");
  CHECK(value_of(found[0], "chunk") == "c/1000");
  CHECK(value_of(found[0], "example") == "0.5");
  CHECK(found[1].rule == "NGFF-LBL-072");
  CHECK(value_of(found[1], "count") == "199");
}
