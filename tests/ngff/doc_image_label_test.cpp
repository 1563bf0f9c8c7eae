// NGFF-LBL-001..007: image-label rules.
#include "doc_test_util.hpp"

using namespace ngffdoc;

TEST_CASE("valid label images raise no finding", "[ngff-doc][image-label]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    CHECK(check(label(v)) == Hits{});
  }
}

TEST_CASE("NGFF-LBL-001 colors label-value is an integer", "[ngff-doc][image-label]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = label(v);
    bad.at("/image-label/colors/1/label-value") = 1.5;
    CHECK(check(bad) == Hits{"NGFF-LBL-001 /image-label/colors/1/label-value"});
    Doc near = label(v);  // 2.0 is the integer 2, as JSON Schema's "integer" has it
    near.at("/image-label/colors/1/label-value") = 2.0;
    near.at("/image-label/colors/0/label-value") = -1;
    CHECK(check(near) == Hits{});
    Doc property = label(v);  // properties are typed "integer" by the schema itself
    property.at("/image-label/properties/1/label-value") = 1.5;
    CHECK(check(property) == Hits{});
  }
}

TEST_CASE("NGFF-LBL-002 (0.4) and NGFF-LBL-003 (0.5) unique colors label-values", "[ngff-doc][image-label]") {
  Doc bad04 = label("0.4");
  bad04.at("/image-label/colors/1/label-value") = 1.0;  // 1.0 == 1; rgba differs, so uniqueItems misses it
  CHECK(check(bad04) == Hits{"NGFF-LBL-002 /image-label/colors/1/label-value"});
  Doc bad05 = label("0.5");
  bad05.at("/image-label/colors/1/label-value") = 1;
  CHECK(check(bad05) == Hits{"NGFF-LBL-003 /image-label/colors/1/label-value"});
  CHECK(ozv::Catalogue::builtin().find("NGFF-LBL-002")->severity == ozv::Severity::error);
  CHECK(ozv::Catalogue::builtin().find("NGFF-LBL-003")->severity == ozv::Severity::info);
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc near = label(v);  // the same value in colors and in properties is expected
    near.at("/image-label/colors/1/label-value") = 3;
    near.at("/image-label/properties/1/label-value") = 3;
    CHECK(check(near) == Hits{});
  }
}

TEST_CASE("NGFF-LBL-004 properties label-values repeated", "[ngff-doc][image-label]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = label(v);
    bad.at("/image-label/properties/1/label-value") = 1;
    CHECK(check(bad) == Hits{"NGFF-LBL-004 /image-label/properties/1/label-value"});
    Doc near = label(v);
    near.at("/image-label/properties/1/label-value") = 7;
    CHECK(check(near) == Hits{});
  }
}

TEST_CASE("NGFF-LBL-005 image-label needs multiscales in the same document", "[ngff-doc][image-label]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = label(v);
    bad.ome.erase("multiscales");
    CHECK(check(bad) == Hits{"NGFF-LBL-005 /multiscales"});
  }
}

TEST_CASE("NGFF-LBL-006 0.4 image-label should have a version", "[ngff-doc][image-label]") {
  Doc bad = label("0.4");
  bad.erase("/image-label/version");
  CHECK(check(bad) == Hits{"NGFF-LBL-006 /image-label/version"});
  CHECK(check(label("0.5")) == Hits{});  // erratum E1: no per-object version needed in 0.5
}

TEST_CASE("NGFF-LBL-007 0.5 image-label version contradicting ome.version", "[ngff-doc][image-label]") {
  Doc bad = label("0.5");
  bad.at("/image-label/version") = "0.4";
  CHECK(check(bad) == Hits{"NGFF-LBL-007 /image-label/version"});
  Doc near = label("0.5");  // what ome-zarr-py writes
  near.at("/image-label/version") = "0.5";
  CHECK(check(near) == Hits{});
}
