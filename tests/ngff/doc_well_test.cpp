// NGFF-WL-001..004: well rules.
#include "doc_test_util.hpp"

using namespace ngffdoc;

TEST_CASE("NGFF-WL-001 well image paths are unique", "[ngff-doc][well]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    CHECK(check(well(v)) == Hits{});
    Doc bad = well(v);
    bad.at("/well/images/1/path") = "0";  // acquisitions differ: the schema's uniqueItems misses it
    CHECK(check(bad) == Hits{"NGFF-WL-001 /well/images/1/path"});
    Doc near = well(v);  // paths are case-sensitive
    near.at("/well/images/0/path") = "a";
    near.at("/well/images/1/path") = "A";
    CHECK(check(near) == Hits{});
  }
}

TEST_CASE("NGFF-WL-002 0.4 well should have a version", "[ngff-doc][well]") {
  Doc bad = well("0.4");
  bad.erase("/well/version");
  CHECK(check(bad) == Hits{"NGFF-WL-002 /well/version"});
}

TEST_CASE("NGFF-WL-004 0.5 well version contradicting ome.version", "[ngff-doc][well]") {
  Doc bad = well("0.5");
  bad.at("/well/version") = "0.4";
  CHECK(check(bad) == Hits{"NGFF-WL-004 /well/version"});
  Doc near = well("0.5");
  near.at("/well/version") = "0.5";
  CHECK(check(near) == Hits{});
  Doc typed = well("0.5");  // not a string: nothing to compare
  typed.at("/well/version") = 0.5;
  CHECK(check(typed) == Hits{});
}
