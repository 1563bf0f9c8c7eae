// Image groups against their level arrays (ngff_tree_image.cpp).
#include <catch2/catch.hpp>

#include "tree_fake_reader_test.hpp"

using namespace ozv;
using namespace ozv::ngfftree_test;

namespace {

Findings run_image(FakeTree& tree, const std::string& path, NgffChildren* children = nullptr) {
  Findings out;
  auto result = check_image_tree(tree.info(path), tree, out);
  if (children != nullptr) *children = result;
  require_messages_complete(out);
  return out;
}

}  // namespace

TEST_CASE("a valid 0.5 image has no tree findings and names its levels and labels group", "[ngff-tree][image]") {
  FakeTree tree;
  image05(tree, "img", {"c", "y", "x"}, {{2, 64, 64}, {2, 32, 32}, {2, 32, 16}});
  tree.group05("img/labels", {{"version", "0.5"}, {"labels", json::array()}});
  NgffChildren children;
  CHECK(run_image(tree, "img", &children).empty());
  CHECK(child_paths(children) == Ids{"img/0", "img/1", "img/2", "img/labels"});
  CHECK(children.back().role == NgffRole::labels_group);
}

TEST_CASE("NGFF-MS-050: a datasets path must resolve to an array", "[ngff-tree][image]") {
  FakeTree tree;
  image05(tree, "", {"y", "x"}, {{8, 8}});
  tree.doc("")["multiscales"][0]["datasets"].push_back({{"path", "missing"}});
  tree.doc("")["multiscales"][0]["datasets"].push_back({{"path", "sub"}});
  tree.doc("")["multiscales"][0]["datasets"].push_back({{"path", "../../../../x"}});
  tree.group05("sub", {{"version", "0.5"}});
  const auto out = run_image(tree, "");
  REQUIRE(rule_ids(out) == Ids{"NGFF-MS-050", "NGFF-MS-050", "NGFF-MS-050"});
  CHECK(out[0].location == Location{"zarr.json", "/attributes/ome/multiscales/0/datasets/1/path"});
  CHECK(value_of(out[0], "detail") == "it holds nothing");
  CHECK(value_of(out[1], "detail") == "it holds a group without `multiscales` metadata");
  CHECK(value_of(out[2], "detail") == "it leaves the hierarchy root");

  SECTION("near miss: nested dataset paths resolve") {
    FakeTree ok;
    ok.array05("img/path/to/0", {8, 8}, "uint8", std::vector<std::optional<std::string>>{"y", "x"});
    ok.group05("img", {{"version", "0.5"}, {"multiscales", multiscales_for({"y", "x"}, {"path/to/0"})}});
    CHECK(run_image(ok, "img").empty());
  }
}

TEST_CASE("NGFF-AX-050: array rank must equal the number of axes", "[ngff-tree][image]") {
  FakeTree tree;
  image04(tree, "", {"z", "y", "x"}, {{4, 8, 8}, {8, 8}});
  const auto out = run_image(tree, "");
  REQUIRE(rule_ids(out) == Ids{"NGFF-AX-050"});
  CHECK(out[0].location == Location{"1/.zarray", "/shape"});
  CHECK(value_of(out[0], "rank") == "2");
  CHECK(value_of(out[0], "axes") == "3");

  SECTION("near miss: matching ranks") {
    FakeTree ok;
    image04(ok, "", {"z", "y", "x"}, {{4, 8, 8}, {4, 4, 4}});
    CHECK(run_image(ok, "").empty());
  }
}

TEST_CASE("NGFF-MS-051/052: levels of one rank, at most 5 dimensions, when axes are unusable", "[ngff-tree][image]") {
  FakeTree tree;
  tree.array04("0", {1, 1, 1, 1, 1, 8}, "<u2");
  tree.array04("1", {4, 4}, "<u2");
  tree.group04("", {{"multiscales", json::array({{{"axes", "broken"},
                                                   {"datasets", json::array({{{"path", "0"}}, {{"path", "1"}}})}}})}});
  const auto out = run_image(tree, "");
  REQUIRE(rule_ids(out) == Ids{"NGFF-MS-051", "NGFF-MS-052"});
  for (const auto& f : out) {
    if (f.rule == "NGFF-MS-051") CHECK(f.location == Location{"1/.zarray", "/shape"});
    if (f.rule == "NGFF-MS-052") CHECK(f.location == Location{"0/.zarray", "/shape"});
  }

  SECTION("near miss: equal ranks of 5") {
    FakeTree ok;
    ok.array04("0", {1, 1, 1, 1, 8}, "<u2");
    ok.array04("1", {1, 1, 1, 1, 4}, "<u2");
    ok.group04("", {{"multiscales", json::array({{{"axes", "broken"},
                                                  {"datasets", json::array({{{"path", "0"}}, {{"path", "1"}}})}}})}});
    CHECK(run_image(ok, "").empty());
  }
}

TEST_CASE("NGFF-AX-051/052: 0.5 levels carry dimension_names equal to the axes names", "[ngff-tree][image]") {
  FakeTree tree;
  image05(tree, "", {"y", "x"}, {{8, 8}, {4, 4}, {2, 2}});
  tree.array05("1", {4, 4}, "uint16", std::nullopt);
  tree.array05("2", {2, 2}, "uint16", std::vector<std::optional<std::string>>{"x", std::nullopt});
  const auto out = run_image(tree, "");
  REQUIRE(rule_ids(out) == Ids{"NGFF-AX-051", "NGFF-AX-052"});
  for (const auto& f : out) {
    if (f.rule == "NGFF-AX-051") CHECK(f.location == Location{"1/zarr.json", "/dimension_names"});
    if (f.rule == "NGFF-AX-052") {
      CHECK(f.location == Location{"2/zarr.json", "/dimension_names"});
      CHECK(value_of(f, "dimension_names") == "[x, null]");
      CHECK(value_of(f, "axes") == "[y, x]");
    }
  }

  SECTION("near miss: 0.4 v2 arrays have no dimension_names to check") {
    FakeTree ok;
    image04(ok, "", {"y", "x"}, {{8, 8}});
    CHECK(run_image(ok, "").empty());
  }
}

TEST_CASE("NGFF-MS-053: levels are ordered from largest to smallest", "[ngff-tree][image]") {
  FakeTree tree;
  image05(tree, "", {"c", "y", "x"}, {{3, 16, 16}, {3, 8, 8}, {3, 8, 9}});
  const auto out = run_image(tree, "");
  REQUIRE(rule_ids(out) == Ids{"NGFF-MS-053"});
  CHECK(out[0].location == Location{"zarr.json", "/attributes/ome/multiscales/0/datasets/2/path"});
  CHECK(value_of(out[0], "axis") == "x");
  CHECK(value_of(out[0], "size") == "9");
  CHECK(value_of(out[0], "previous_size") == "8");

  SECTION("near miss: equal sizes along axes that are not downsampled") {
    FakeTree ok;
    image05(ok, "", {"c", "y", "x"}, {{3, 16, 16}, {3, 16, 8}, {3, 16, 8}});
    CHECK(run_image(ok, "").empty());
  }
}

TEST_CASE("NGFF-MS-054: levels of different data types are noted", "[ngff-tree][image]") {
  FakeTree tree;
  image04(tree, "", {"y", "x"}, {{8, 8}, {4, 4}}, "<u2");
  tree.array04("1", {4, 4}, "<f4");
  const auto out = run_image(tree, "");
  REQUIRE(rule_ids(out) == Ids{"NGFF-MS-054"});
  CHECK(out[0].location == Location{"1/.zarray", "/dtype"});

  SECTION("near miss: the same type spelled by Zarr v2 and by Zarr v3 is one type") {
    FakeTree mixed;
    image05(mixed, "", {"y", "x"}, {{8, 8}, {4, 4}}, "uint16");
    mixed.array04("1", {4, 4}, "<u2");
    CHECK(rule_ids(run_image(mixed, "")) == Ids{"NGFF-VER-051"});
  }
  SECTION("near miss: one-byte types in different byte-order spellings are one type") {
    FakeTree ok;
    image04(ok, "", {"y", "x"}, {{8, 8}, {4, 4}}, "|u1");
    ok.array04("1", {4, 4}, "<u1");
    CHECK(run_image(ok, "").empty());
  }
}

TEST_CASE("an array whose shape is unusable gets no rank or size findings", "[ngff-tree][image]") {
  FakeTree tree;
  image04(tree, "", {"y", "x"}, {{8, 8}, {4, 4}}, "<u2");
  tree.array04("0", {}, "<u2").shape_valid = false;  // e.g. "shape": [64, -48]: the Zarr rules report it
  CHECK(run_image(tree, "").empty());
}

TEST_CASE("NGFF-OM-050: omero channels match the channel axis size", "[ngff-tree][image]") {
  const json two_channels = {{"omero", {{"channels", json::array({json::object(), json::object()})}}}};
  FakeTree tree;
  image05(tree, "", {"c", "y", "x"}, {{3, 8, 8}}, "uint8", two_channels);
  const auto out = run_image(tree, "");
  REQUIRE(rule_ids(out) == Ids{"NGFF-OM-050"});
  CHECK(out[0].location == Location{"zarr.json", "/attributes/ome/omero/channels"});
  CHECK(value_of(out[0], "channels") == "2");
  CHECK(value_of(out[0], "size") == "3");

  SECTION("near miss: two channels for a channel axis of size 2") {
    FakeTree ok;
    image05(ok, "", {"c", "y", "x"}, {{2, 8, 8}}, "uint8", two_channels);
    CHECK(run_image(ok, "").empty());
  }
  SECTION("near miss: no channel axis, nothing to compare") {
    FakeTree ok;
    image05(ok, "", {"y", "x"}, {{8, 8}}, "uint8", two_channels);
    CHECK(run_image(ok, "").empty());
  }
}

TEST_CASE("NGFF-VER-051: level arrays use the Zarr format of their image", "[ngff-tree][image]") {
  FakeTree tree;
  image05(tree, "", {"y", "x"}, {{8, 8}, {4, 4}});
  tree.array04("1", {4, 4}, "<f4");
  const auto out = run_image(tree, "");
  REQUIRE(rule_ids(out) == Ids{"NGFF-MS-054", "NGFF-VER-051"});
  for (const auto& f : out) {
    if (f.rule == "NGFF-VER-051") {
      CHECK(f.location == Location{"1/.zarray", "/zarr_format"});
      CHECK(value_of(f, "parent_zarr_format") == "3");
    }
  }
}

TEST_CASE("a huge number of datasets is bounded by the document, not by claims", "[ngff-tree][image]") {
  FakeTree tree;
  json datasets = json::array();
  for (int i = 0; i < 2000; ++i) datasets.push_back({{"path", "../x" + std::to_string(i)}});
  tree.group05("a", {{"version", "0.5"}, {"multiscales", json::array({{{"axes", axes_for({"y", "x"})}, {"datasets", datasets}}})}});
  Findings out;
  check_image_tree(tree.info("a"), tree, out);
  CHECK(out.size() == 2000);
  CHECK(tree.reads <= 3 * 2000 + 1);  // linear: a level read, then what is there instead
}
