// NGFF-AX-001..009: axes rules checked within one document, for 0.4 and 0.5.
#include "doc_test_util.hpp"

using namespace ngffdoc;

TEST_CASE("valid images raise no axis finding", "[ngff-doc][axes]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    CHECK(check(image(v)) == Hits{});
  }
}

TEST_CASE("pointers carry the version's base and the document key", "[ngff-doc][axes]") {
  Doc doc = image("0.5");
  doc.at("/multiscales/0/axes/2/name") = "y";
  const auto findings = run_raw("0.5", doc.ome);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "NGFF-AX-001");
  CHECK(findings[0].location.key == "img/zarr.json");
  CHECK(findings[0].location.pointer == "/attributes/ome/multiscales/0/axes/3/name");
}

TEST_CASE("NGFF-AX-001 duplicate axis names", "[ngff-doc][axes]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = image(v);
    bad.at("/multiscales/0/axes/4/name") = "y";
    bad.at("/multiscales/0/axes/4/unit") = "nanometer";  // the objects differ: the schema's uniqueItems misses it
    CHECK(check(bad) == Hits{"NGFF-AX-001 /multiscales/0/axes/4/name"});
    Doc near = image(v);
    near.at("/multiscales/0/axes/4/name") = "Y";  // case differs: unique
    CHECK(check(near) == Hits{});
  }
}

TEST_CASE("NGFF-AX-002 axis without type, and untyped axes are not space", "[ngff-doc][axes]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = image(v);
    bad.erase("/multiscales/0/axes/1/type");  // the channel axis: now the "null" type, same slot
    CHECK(check(bad) == Hits{"NGFF-AX-002 /multiscales/0/axes/1/type"});
    Doc untyped_space = image(v);
    untyped_space.erase("/multiscales/0/axes/2/type");  // z loses its type: 2 space axes remain,
    // but z now sits in the channel/custom slot after another such axis (c)
    CHECK(check(untyped_space) == Hits{"NGFF-AX-002 /multiscales/0/axes/2/type", "NGFF-AX-008 /multiscales/0/axes/2"});
  }
}

TEST_CASE("NGFF-AX-003 custom axis type is informational", "[ngff-doc][axes]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = image(v);
    bad.at("/multiscales/0/axes/1/type") = "angle";
    CHECK(check(bad) == Hits{"NGFF-AX-003 /multiscales/0/axes/1/type"});
    Doc near = image(v);
    near.at("/multiscales/0/axes/1/type") = "channel";
    CHECK(check(near) == Hits{});
  }
  CHECK(ozv::Catalogue::builtin().find("NGFF-AX-003")->severity == ozv::Severity::info);
}

TEST_CASE("NGFF-AX-004 space and time axes without unit", "[ngff-doc][axes]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = image(v);
    bad.erase("/multiscales/0/axes/0/unit");
    bad.erase("/multiscales/0/axes/3/unit");
    CHECK(check(bad) == Hits{"NGFF-AX-004 /multiscales/0/axes/0/unit", "NGFF-AX-004 /multiscales/0/axes/3/unit"});
    Doc near = image(v);  // the channel axis has no unit in the valid image already
    CHECK(!near.at("/multiscales/0/axes/1").contains("unit"));
    CHECK(check(near) == Hits{});
  }
}

TEST_CASE("NGFF-AX-005 unit outside the UDUNITS-2 list of its axis type", "[ngff-doc][axes]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = image(v);
    bad.at("/multiscales/0/axes/4/unit") = "micron";
    bad.at("/multiscales/0/axes/0/unit") = "micrometer";  // a space unit on the time axis
    CHECK(check(bad) == Hits{"NGFF-AX-005 /multiscales/0/axes/0/unit", "NGFF-AX-005 /multiscales/0/axes/4/unit"});
    Doc near = image(v);
    near.at("/multiscales/0/axes/4/unit") = "angstrom";  // first and last of each list
    near.at("/multiscales/0/axes/3/unit") = "zettameter";
    near.at("/multiscales/0/axes/0/unit") = "zettasecond";
    near.at("/multiscales/0/axes/1/unit") = "anything";  // channel axes have no list
    CHECK(check(near) == Hits{});
  }
}

TEST_CASE("NGFF-AX-006 two or three space axes, counted by type", "[ngff-doc][axes]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc one = image(v);
    set_axes(one, json::array({{{"name", "c"}, {"type", "channel"}}, {{"name", "x"}, {"type", "space"}, {"unit", "meter"}}}));
    CHECK(check(one) == Hits{"NGFF-AX-006 /multiscales/0/axes"});
    Doc four = image(v);
    four.at("/multiscales/0/axes/1") = {{"name", "w"}, {"type", "space"}, {"unit", "meter"}};
    CHECK(check(four) == Hits{"NGFF-AX-006 /multiscales/0/axes"});
    Doc two = image(v);  // two space axes: fine
    set_axes(two, json::array({{{"name", "y"}, {"type", "space"}, {"unit", "meter"}},
                               {{"name", "x"}, {"type", "space"}, {"unit", "meter"}}}));
    CHECK(check(two) == Hits{});
    Doc untyped = image(v);  // the schema's `contains` would count these as space; they are not
    set_axes(untyped, json::array({{{"name", "y"}, {"unit", "meter"}}, {{"name", "x"}, {"type", "space"}, {"unit", "meter"}}}));
    CHECK(check(untyped) == Hits{"NGFF-AX-002 /multiscales/0/axes/0/type", "NGFF-AX-006 /multiscales/0/axes"});
  }
}

TEST_CASE("NGFF-AX-007 at most one time axis", "[ngff-doc][axes]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = image(v);
    bad.at("/multiscales/0/axes/1") = {{"name", "t2"}, {"type", "time"}, {"unit", "second"}};
    CHECK(check(bad) == Hits{"NGFF-AX-007 /multiscales/0/axes/1"});
    Doc near = image(v);
    near.at("/multiscales/0/axes/1") = {{"name", "t2"}, {"type", "channel"}};
    CHECK(check(near) == Hits{});
  }
}

TEST_CASE("NGFF-AX-008 at most one channel or custom axis", "[ngff-doc][axes]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = image(v);
    bad.at("/multiscales/0/axes/0") = {{"name", "c0"}, {"type", "channel"}};
    CHECK(check(bad) == Hits{"NGFF-AX-008 /multiscales/0/axes/1"});
    Doc custom = image(v);
    custom.at("/multiscales/0/axes/0") = {{"name", "a"}, {"type", "angle"}};
    CHECK(check(custom) == Hits{"NGFF-AX-003 /multiscales/0/axes/0/type", "NGFF-AX-008 /multiscales/0/axes/1"});
    Doc near = image(v);  // one custom axis and no channel: fine
    near.at("/multiscales/0/axes/1") = {{"name", "a"}, {"type", "angle"}};
    CHECK(check(near) == Hits{"NGFF-AX-003 /multiscales/0/axes/1/type"});
  }
}

TEST_CASE("NGFF-AX-009 axes ordered time, channel/custom, space", "[ngff-doc][axes]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = image(v);  // t c z y x -> c t z y x
    std::swap(bad.at("/multiscales/0/axes/0"), bad.at("/multiscales/0/axes/1"));
    CHECK(check(bad) == Hits{"NGFF-AX-009 /multiscales/0/axes/1"});
    Doc space_first = image(v);  // z y x t c
    auto& axes = space_first.at("/multiscales/0/axes");
    std::rotate(axes.begin(), axes.begin() + 2, axes.end());
    CHECK(check(space_first) == Hits{"NGFF-AX-009 /multiscales/0/axes/3", "NGFF-AX-009 /multiscales/0/axes/4"});
    Doc near = image(v);  // spatial order is free: t c x y z
    std::swap(near.at("/multiscales/0/axes/2"), near.at("/multiscales/0/axes/4"));
    CHECK(check(near) == Hits{});
  }
}
