// NGFF-PL-001..013: plate rules.
#include "doc_test_util.hpp"

using namespace ngffdoc;

TEST_CASE("valid plates raise no finding", "[ngff-doc][plate]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    CHECK(check(plate(v)) == Hits{});
  }
}

TEST_CASE("NGFF-PL-001 and NGFF-PL-002 unique row and column names", "[ngff-doc][plate]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = plate(v);
    bad.at("/plate/rows/1") = {{"name", "A"}, {"note", "objects differ"}};
    bad.at("/plate/columns/2") = {{"name", "1"}, {"note", "objects differ"}};
    bad.at("/plate/wells") = json::array({{{"path", "A/1"}, {"rowIndex", 0}, {"columnIndex", 0}}});
    CHECK(check(bad) == Hits{"NGFF-PL-001 /plate/rows/1/name", "NGFF-PL-002 /plate/columns/2/name"});
  }
}

TEST_CASE("NGFF-PL-003 and NGFF-PL-004 names that differ only by case", "[ngff-doc][plate]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = plate(v);
    bad.at("/plate/rows/1/name") = "a";
    bad.at("/plate/columns/1/name") = "Aa";
    bad.at("/plate/columns/2/name") = "aA";
    bad.at("/plate/wells") = json::array({{{"path", "A/1"}, {"rowIndex", 0}, {"columnIndex", 0}}});
    CHECK(check(bad) == Hits{"NGFF-PL-003 /plate/rows/1/name", "NGFF-PL-004 /plate/columns/2/name"});
    Doc near = plate(v);
    near.at("/plate/rows/1/name") = "AB";
    near.at("/plate/wells/1/path") = "AB/3";
    CHECK(check(near) == Hits{});
  }
}

TEST_CASE("NGFF-PL-005 well path is a row name, '/', a column name", "[ngff-doc][plate]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc swapped = plate(v);  // the 0.4 upstream suite's row/column swap
    swapped.at("/plate/wells/1/path") = "3/B";
    CHECK(check(swapped) == Hits{"NGFF-PL-005 /plate/wells/1/path"});
    Doc unknown_column = plate(v);
    unknown_column.at("/plate/wells/1/path") = "B/4";
    CHECK(check(unknown_column) == Hits{"NGFF-PL-005 /plate/wells/1/path"});
    Doc unknown_row = plate(v);
    unknown_row.at("/plate/wells/1/path") = "C/3";
    CHECK(check(unknown_row) == Hits{"NGFF-PL-005 /plate/wells/1/path"});
    Doc shape = plate(v);  // not of the shape "alnum/alnum": the schema's pattern reports it
    shape.at("/plate/wells/1/path") = "plate/B/3";
    CHECK(check(shape) == Hits{});
  }
}

TEST_CASE("NGFF-PL-006 and NGFF-PL-007 indices within the lists", "[ngff-doc][plate]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = plate(v);
    bad.at("/plate/wells/1/rowIndex") = 2;
    bad.at("/plate/wells/1/columnIndex") = 3;
    CHECK(check(bad) == Hits{"NGFF-PL-006 /plate/wells/1/rowIndex", "NGFF-PL-007 /plate/wells/1/columnIndex"});
    Doc huge = plate(v);
    huge.at("/plate/wells/0/rowIndex") = std::uint64_t{18446744073709551615u};
    huge.at("/plate/wells/0/columnIndex") = 1e300;
    CHECK(check(huge) == Hits{"NGFF-PL-006 /plate/wells/0/rowIndex", "NGFF-PL-007 /plate/wells/0/columnIndex"});
    Doc negative = plate(v);  // the schema's minimum
    negative.at("/plate/wells/0/rowIndex") = -1;
    CHECK(check(negative) == Hits{});
  }
}

TEST_CASE("NGFF-PL-008 rowIndex, columnIndex and path name the same well", "[ngff-doc][plate]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = plate(v);
    bad.at("/plate/wells/1/rowIndex") = 0;
    bad.at("/plate/wells/1/columnIndex") = 1;
    CHECK(check(bad) == Hits{"NGFF-PL-008 /plate/wells/1/rowIndex", "NGFF-PL-008 /plate/wells/1/columnIndex"});
    Doc near = plate(v);  // integral floats are integers
    near.at("/plate/wells/1/rowIndex") = 1.0;
    CHECK(check(near) == Hits{});
  }
}

TEST_CASE("NGFF-PL-009 unique acquisition ids", "[ngff-doc][plate]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = plate(v);
    bad.at("/plate/acquisitions/1/id") = 0;
    CHECK(check(bad) == Hits{"NGFF-PL-009 /plate/acquisitions/1/id"});
    Doc near = plate(v);
    near.at("/plate/acquisitions/1/id") = 10;
    CHECK(check(near) == Hits{});
  }
}

TEST_CASE("NGFF-PL-010 plate should have field_count", "[ngff-doc][plate]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = plate(v);
    bad.erase("/plate/field_count");
    CHECK(check(bad) == Hits{"NGFF-PL-010 /plate/field_count"});
  }
}

TEST_CASE("NGFF-PL-011 0.4 plate should have a version; 0.5 need not (E1)", "[ngff-doc][plate]") {
  Doc bad = plate("0.4");
  bad.erase("/plate/version");
  CHECK(check(bad) == Hits{"NGFF-PL-011 /plate/version"});
  CHECK(check(plate("0.5")) == Hits{});
  CHECK(ozv::Catalogue::builtin().find("NGFF-PL-012")->status == ozv::RuleStatus::unchecked);
}

TEST_CASE("NGFF-PL-013 0.5 plate version contradicting ome.version", "[ngff-doc][plate]") {
  Doc bad = plate("0.5");
  bad.at("/plate/version") = "0.4";
  CHECK(check(bad) == Hits{"NGFF-PL-013 /plate/version"});
  Doc near = plate("0.5");  // what ome-zarr-py writes (ome-zarr-models-py #218)
  near.at("/plate/version") = "0.5";
  CHECK(check(near) == Hits{});
}
