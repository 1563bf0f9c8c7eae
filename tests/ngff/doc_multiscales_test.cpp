// NGFF-MS-001..003 and NGFF-CT-001..005: multiscales and coordinateTransformations rules.
#include "doc_test_util.hpp"

using namespace ngffdoc;

TEST_CASE("NGFF-MS-001 dataset paths are unique", "[ngff-doc][multiscales]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = image(v);
    bad.at("/multiscales/0/datasets/1/path") = "0";
    CHECK(check(bad) == Hits{"NGFF-MS-001 /multiscales/0/datasets/1/path"});
    Doc near = image(v);  // nested paths and the same path in another multiscale are fine
    near.at("/multiscales/0/datasets/1/path") = "0/0";
    near.ome["multiscales"].push_back(near.ome["multiscales"][0]);
    near.at("/multiscales/1/name") = "other";
    CHECK(check(near) == Hits{});
  }
}

TEST_CASE("NGFF-MS-002 0.4 multiscales should have a version", "[ngff-doc][multiscales]") {
  Doc bad = image("0.4");
  bad.erase("/multiscales/0/version");
  CHECK(check(bad) == Hits{"NGFF-MS-002 /multiscales/0/version"});
  Doc wrong = image("0.4");  // a wrong value is the schema's enum, not this rule
  wrong.at("/multiscales/0/version") = "0.3";
  CHECK(check(wrong) == Hits{});
  CHECK(check(image("0.5")) == Hits{});  // 0.5 has no per-object version
}

TEST_CASE("NGFF-MS-003 0.5 multiscales version contradicting ome.version", "[ngff-doc][multiscales]") {
  Doc bad = image("0.5");
  bad.at("/multiscales/0/version") = "0.4";
  CHECK(check(bad) == Hits{"NGFF-MS-003 /multiscales/0/version"});
  Doc near = image("0.5");  // a leftover that agrees is tolerated
  near.at("/multiscales/0/version") = "0.5";
  CHECK(check(near) == Hits{});
}

TEST_CASE("NGFF-CT-001 at most one translation", "[ngff-doc][transformations]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = image(v);
    bad.ome["multiscales"][0]["datasets"][0]["coordinateTransformations"].push_back(
        json{{"type", "translation"}, {"translation", {1, 1, 1, 1, 1}}});
    CHECK(check(bad) == Hits{"NGFF-CT-001 /multiscales/0/datasets/0/coordinateTransformations/2"});
    Doc near = image(v);  // one translation at the multiscale level as well is a separate list
    near.ome["multiscales"][0]["coordinateTransformations"].push_back(
        json{{"type", "translation"}, {"translation", {1, 1, 1, 1, 1}}});
    CHECK(check(near) == Hits{});
  }
}

TEST_CASE("NGFF-CT-002 translation after scale", "[ngff-doc][transformations]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = image(v);
    auto& list = bad.at("/multiscales/0/datasets/0/coordinateTransformations");
    std::swap(list[0], list[1]);
    CHECK(check(bad) == Hits{"NGFF-CT-002 /multiscales/0/datasets/0/coordinateTransformations/0"});
    Doc ms_level = image(v);  // the same rule at the multiscale level
    ms_level.at("/multiscales/0/coordinateTransformations")
        .insert(ms_level.at("/multiscales/0/coordinateTransformations").begin(),
                json{{"type", "translation"}, {"translation", {1, 1, 1, 1, 1}}});
    CHECK(check(ms_level) == Hits{"NGFF-CT-002 /multiscales/0/coordinateTransformations/0"});
    Doc only_translation = image(v);  // no scale at all: only the scale count is reported
    only_translation.at("/multiscales/0/datasets/0/coordinateTransformations").erase(0);
    CHECK(check(only_translation) == Hits{"NGFF-CT-005 /multiscales/0/datasets/0/coordinateTransformations"});
  }
}

TEST_CASE("NGFF-CT-003 and NGFF-CT-004 vector lengths equal the axis count", "[ngff-doc][transformations]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc bad = image(v);
    bad.at("/multiscales/0/datasets/0/coordinateTransformations/0/scale") = {1, 1, 1};
    bad.at("/multiscales/0/datasets/0/coordinateTransformations/1/translation") = {0, 0, 0, 0, 0, 0};
    bad.at("/multiscales/0/coordinateTransformations/0/scale") = {1, 1, 1, 1};
    CHECK(check(bad) == Hits{"NGFF-CT-003 /multiscales/0/datasets/0/coordinateTransformations/0/scale",
                             "NGFF-CT-004 /multiscales/0/datasets/0/coordinateTransformations/1/translation",
                             "NGFF-CT-003 /multiscales/0/coordinateTransformations/0/scale"});
    Doc near = image(v);  // the "path" form has no inline vector to measure
    auto& scale = near.at("/multiscales/0/datasets/1/coordinateTransformations/0");
    scale.erase("scale");
    scale["path"] = "scales/1";
    CHECK(check(near) == Hits{});
  }
}

TEST_CASE("NGFF-CT-005 exactly one scale", "[ngff-doc][transformations]") {
  for (const auto& v : both_versions()) {
    INFO(v);
    Doc two = image(v);
    two.at("/multiscales/0/datasets/1/coordinateTransformations").push_back(json{{"type", "scale"}, {"scale", {1, 1, 1, 1, 1}}});
    CHECK(check(two) == Hits{"NGFF-CT-005 /multiscales/0/datasets/1/coordinateTransformations"});
    Doc ms_level = image(v);  // the multiscale-level list follows "the same rules"
    ms_level.at("/multiscales/0/coordinateTransformations/0") = {{"type", "translation"}, {"translation", {1, 1, 1, 1, 1}}};
    CHECK(check(ms_level) == Hits{"NGFF-CT-005 /multiscales/0/coordinateTransformations"});
    Doc near = image(v);  // no multiscale-level list at all is fine (MAY)
    near.ome["multiscales"][0].erase("coordinateTransformations");
    CHECK(check(near) == Hits{});
    Doc empty = image(v);  // an empty list is the schema's minItems
    empty.at("/multiscales/0/coordinateTransformations") = json::array();
    CHECK(check(empty) == Hits{});
  }
}
