// Plates, wells and fields of view against the hierarchy (ngff_tree_hcs.cpp).
#include <catch2/catch.hpp>

#include "tree_fake_reader_test.hpp"

using namespace ozv;
using namespace ozv::ngfftree_test;

namespace {

json well_entry(const std::string& path) { return {{"path", path}, {"rowIndex", 0}, {"columnIndex", 0}}; }

// A 0.5 plate "" with wells A/1 and A/2, each with the given images, all images valid.
FakeTree plate05(json plate_extra, json a1_images, json a2_images) {
  FakeTree tree;
  json plate = {{"columns", json::array({{{"name", "1"}}, {{"name", "2"}}})},
                {"rows", json::array({{{"name", "A"}}})},
                {"wells", json::array({well_entry("A/1"), well_entry("A/2")})}};
  plate.update(plate_extra);
  tree.group05("", {{"version", "0.5"}, {"plate", plate}});
  tree.group05("A", {{"version", "0.5"}});
  tree.group05("A/1", {{"version", "0.5"}, {"well", {{"images", a1_images}}}});
  tree.group05("A/2", {{"version", "0.5"}, {"well", {{"images", a2_images}}}});
  for (const auto& [well, images] : {std::pair{"A/1", a1_images}, std::pair{"A/2", a2_images}}) {
    for (const auto& image : images) {
      image05(tree, std::string(well) + "/" + image["path"].get<std::string>(), {"y", "x"}, {{8, 8}});
    }
  }
  return tree;
}

json images(std::initializer_list<std::pair<const char*, int>> list) {
  json out = json::array();
  for (const auto& [path, acquisition] : list) {
    json image = {{"path", path}};
    if (acquisition >= 0) image["acquisition"] = acquisition;
    out.push_back(image);
  }
  return out;
}

Findings run_plate(FakeTree& tree, NgffChildren* children = nullptr) {
  Findings out;
  auto result = check_plate_tree(tree.info(""), tree, out);
  if (children != nullptr) *children = result;
  require_messages_complete(out);
  return out;
}

Findings run_well(FakeTree& tree, const std::string& path, NgffChildren* children = nullptr) {
  Findings out;
  auto result = check_well_tree(tree.info(path), tree, out);
  if (children != nullptr) *children = result;
  require_messages_complete(out);
  return out;
}

}  // namespace

TEST_CASE("a valid plate names its wells, a valid well its fields", "[ngff-tree][hcs]") {
  auto tree = plate05({{"field_count", 2}}, images({{"0", -1}, {"1", -1}}), images({{"0", -1}}));
  NgffChildren children;
  CHECK(run_plate(tree, &children).empty());
  CHECK(child_paths(children) == Ids{"A/1", "A/2"});
  CHECK(children[0].role == NgffRole::well);
  CHECK(run_well(tree, "A/1", &children).empty());
  CHECK(child_paths(children) == Ids{"A/1/0", "A/1/1"});
  CHECK(children[0].role == NgffRole::image);
}

TEST_CASE("NGFF-PL-050: well paths resolve to groups implementing well", "[ngff-tree][hcs]") {
  auto tree = plate05(json::object(), images({{"0", -1}}), images({{"0", -1}}));
  tree.doc("")["plate"]["wells"].push_back(well_entry("A/3"));
  tree.doc("")["plate"]["wells"].push_back(well_entry("../../B/1"));
  tree.group05("A/4", {{"version", "0.5"}});
  tree.doc("")["plate"]["wells"].push_back(well_entry("A/4"));
  const auto out = run_plate(tree);
  REQUIRE(rule_ids(out) == Ids{"NGFF-PL-050", "NGFF-PL-050", "NGFF-PL-050"});
  CHECK(out[0].location == Location{"zarr.json", "/attributes/ome/plate/wells/2/path"});
  CHECK(value_of(out[0], "detail") == "it holds nothing");
  CHECK(value_of(out[1], "detail") == "it does not lie inside the plate group");
  CHECK(value_of(out[2], "detail") == "it holds a group without `well` metadata");
}

TEST_CASE("NGFF-PL-053: a row group sits between plate and well", "[ngff-tree][hcs]") {
  FakeTree tree;
  tree.group04("", {{"plate", {{"wells", json::array({well_entry("B/1"), well_entry("B/2")})}}}});
  tree.group04("B/1", {{"well", {{"images", json::array()}}}});
  tree.group04("B/2", {{"well", {{"images", json::array()}}}});
  const auto out = run_plate(tree);
  REQUIRE(rule_ids(out) == Ids{"NGFF-PL-053"});  // once per row
  CHECK(out[0].location == Location{".zattrs", "/plate/wells/0/path"});
  CHECK(value_of(out[0], "row") == "B");

  SECTION("near miss: the row group exists") {
    tree.group04("B", json::object());
    CHECK(run_plate(tree).empty());
  }
}

TEST_CASE("NGFF-PL-051: field_count is at least the largest well", "[ngff-tree][hcs]") {
  auto tree = plate05({{"field_count", 1}}, images({{"0", -1}, {"1", -1}}), images({{"0", -1}}));
  const auto out = run_plate(tree);
  REQUIRE(rule_ids(out) == Ids{"NGFF-PL-051"});
  CHECK(out[0].location == Location{"zarr.json", "/attributes/ome/plate/field_count"});
  CHECK(value_of(out[0], "images") == "2");
  CHECK(value_of(out[0], "well") == "A/1");

  SECTION("near miss: a larger field_count is fine (it is a maximum)") {
    auto ok = plate05({{"field_count", 5}}, images({{"0", -1}, {"1", -1}}), images({{"0", -1}}));
    CHECK(run_plate(ok).empty());
  }
}

TEST_CASE("NGFF-PL-052: maximumfieldcount is at least the fields of that acquisition in any well", "[ngff-tree][hcs]") {
  const json acquisitions = {{"acquisitions", json::array({{{"id", 0}, {"maximumfieldcount", 2}},
                                                          {{"id", 1}, {"maximumfieldcount", 1}}})}};
  auto tree = plate05(acquisitions, images({{"0", 0}, {"1", 0}, {"2", 1}}), images({{"0", 1}, {"1", 1}}));
  const auto out = run_plate(tree);
  REQUIRE(rule_ids(out) == Ids{"NGFF-PL-052"});
  CHECK(out[0].location == Location{"zarr.json", "/attributes/ome/plate/acquisitions/1/maximumfieldcount"});
  CHECK(value_of(out[0], "id") == "1");
  CHECK(value_of(out[0], "well") == "A/2");

  SECTION("near miss: counts within the maxima") {
    auto ok = plate05(acquisitions, images({{"0", 0}, {"1", 0}, {"2", 1}}), images({{"0", 1}}));
    CHECK(run_plate(ok).empty());
  }
}

TEST_CASE("NGFF-WL-050: well images resolve to image groups inside the well", "[ngff-tree][hcs]") {
  auto tree = plate05(json::object(), images({{"0", -1}}), images({{"0", -1}}));
  tree.doc("A/1")["well"]["images"].push_back({{"path", "9"}});
  tree.doc("A/1")["well"]["images"].push_back({{"path", ".."}});
  tree.array05("A/1/arr", {1, 1}, "uint8", std::nullopt);
  tree.doc("A/1")["well"]["images"].push_back({{"path", "arr"}});
  const auto out = run_well(tree, "A/1");
  REQUIRE(rule_ids(out) == Ids{"NGFF-WL-050", "NGFF-WL-050", "NGFF-WL-050"});
  CHECK(out[0].location == Location{"A/1/zarr.json", "/attributes/ome/well/images/1/path"});
  CHECK(value_of(out[0], "detail") == "it holds nothing");
  CHECK(value_of(out[1], "detail") == "it does not lie inside the well group");
  CHECK(value_of(out[2], "detail") == "it holds an array");
}

TEST_CASE("NGFF-WL-051/052: acquisitions of well images against the plate", "[ngff-tree][hcs]") {
  const json two = {{"acquisitions", json::array({{{"id", 3}}, {{"id", 7}}})}};
  auto tree = plate05(two, images({{"0", -1}, {"1", 5}, {"2", 7}}), images({{"0", 3}}));
  const auto out = run_well(tree, "A/1");
  REQUIRE(rule_ids(out) == Ids{"NGFF-WL-051", "NGFF-WL-052"});
  CHECK(out[0].location == Location{"A/1/zarr.json", "/attributes/ome/well/images/0/acquisition"});
  CHECK(out[1].location == Location{"A/1/zarr.json", "/attributes/ome/well/images/1/acquisition"});
  CHECK(value_of(out[1], "ids") == "[3, 7]");
  CHECK(run_well(tree, "A/2").empty());

  SECTION("near miss: with a single acquisition the key may be absent") {
    auto ok = plate05({{"acquisitions", json::array({{{"id", 0}}})}}, images({{"0", -1}, {"1", 0}}), images({{"0", -1}}));
    CHECK(run_well(ok, "A/1").empty());
  }
  SECTION("a well without a plate above it has nothing to compare") {
    FakeTree alone;
    alone.group05("", {{"version", "0.5"}, {"well", {{"images", images({{"0", 9}})}}}});
    image05(alone, "0", {"y", "x"}, {{8, 8}});
    CHECK(run_well(alone, "").empty());
  }
}
