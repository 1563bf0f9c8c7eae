// Labels groups and label images against the hierarchy (ngff_tree_labels.cpp).
#include <catch2/catch.hpp>

#include "tree_fake_reader_test.hpp"

using namespace ozv;
using namespace ozv::ngfftree_test;

namespace {

Findings run_labels(FakeTree& tree, const std::string& path, NgffChildren* children = nullptr) {
  Findings out;
  auto result = check_labels_group_tree(tree.info(path), tree, out);
  if (children != nullptr) *children = result;
  require_messages_complete(out);
  return out;
}

Findings run_label_image(FakeTree& tree, const std::string& path) {
  Findings out;
  check_label_image_tree(tree.info(path), tree, out);
  require_messages_complete(out);
  return out;
}

json labels05(json entries) { return {{"version", "0.5"}, {"labels", std::move(entries)}}; }

// A 0.5 image "" with two levels and a labels group holding label image "labels/cells".
FakeTree standard05() {
  FakeTree tree;
  image05(tree, "", {"y", "x"}, {{8, 8}, {4, 4}});
  tree.group05("labels", labels05({"cells"}));
  image05(tree, "labels/cells", {"y", "x"}, {{8, 8}, {4, 4}}, "uint32", {{"image-label", json::object()}});
  return tree;
}

}  // namespace

TEST_CASE("a valid labels group names its label images", "[ngff-tree][labels]") {
  auto tree = standard05();
  NgffChildren children;
  CHECK(run_labels(tree, "labels", &children).empty());
  REQUIRE(child_paths(children) == Ids{"labels/cells"});
  CHECK(children[0].role == NgffRole::label_image);
  CHECK(run_label_image(tree, "labels/cells").empty());
}

TEST_CASE("NGFF-LBL-050: labels entries resolve to multiscale label images inside the group", "[ngff-tree][labels]") {
  auto tree = standard05();
  tree.doc("labels")["labels"] = json::array({"cells", "nothing", "../0", "../../../x", "plain"});
  tree.group05("labels/plain", {{"version", "0.5"}});
  const auto out = run_labels(tree, "labels");
  REQUIRE(rule_ids(out) == Ids{"NGFF-LBL-050", "NGFF-LBL-050", "NGFF-LBL-050", "NGFF-LBL-050"});
  CHECK(out[0].location == Location{"labels/zarr.json", "/attributes/ome/labels/1"});
  CHECK(value_of(out[0], "detail") == "it holds nothing");
  CHECK(value_of(out[1], "detail") == "it does not lie inside the labels group");  // ../0 is the image's level
  CHECK(value_of(out[2], "detail") == "it does not lie inside the labels group");
  CHECK(value_of(out[3], "detail") == "it holds a group without `multiscales` metadata");

  SECTION("near miss: 0.4 tolerates an entry naming an array (the spec's own orphaned/0)") {
    FakeTree ok;
    image04(ok, "", {"y", "x"}, {{8, 8}});
    ok.group04("labels", {{"labels", json::array({"orphaned/0"})}}, "");
    ok.array04("labels/orphaned/0", {8, 8}, "<u4");
    NgffChildren children;
    CHECK(run_labels(ok, "labels", &children).empty());
    CHECK(children.empty());
  }
  SECTION("but 0.5 wants a group") {
    auto t = standard05();
    t.doc("labels")["labels"] = json::array({"arr"});
    t.array05("labels/arr", {8, 8}, "uint8", std::nullopt);
    const auto o = run_labels(t, "labels");
    REQUIRE(rule_ids(o) == Ids{"NGFF-LBL-050"});
    CHECK(value_of(o[0], "detail") == "it holds an array");
  }
}

TEST_CASE("NGFF-LBL-051: 0.5 label pixels are integers", "[ngff-tree][labels]") {
  auto tree = standard05();
  tree.array05("labels/cells/1", {4, 4}, "float32", std::vector<std::optional<std::string>>{"y", "x"});
  const auto out = run_label_image(tree, "labels/cells");
  REQUIRE(rule_ids(out) == Ids{"NGFF-LBL-051"});
  CHECK(out[0].location == Location{"labels/cells/1/zarr.json", "/data_type"});

  SECTION("near miss: int8 and uint64 are fine, bool is not") {
    auto ok = standard05();
    ok.array05("labels/cells/0", {8, 8}, "int8", std::vector<std::optional<std::string>>{"y", "x"});
    ok.array05("labels/cells/1", {4, 4}, "uint64", std::vector<std::optional<std::string>>{"y", "x"});
    CHECK(run_label_image(ok, "labels/cells").empty());
    ok.array05("labels/cells/1", {4, 4}, "bool", std::vector<std::optional<std::string>>{"y", "x"});
    CHECK(rule_ids(run_label_image(ok, "labels/cells")) == Ids{"NGFF-LBL-051"});
  }
}

TEST_CASE("NGFF-LBL-052: 0.4 label pixels should be integers", "[ngff-tree][labels]") {
  FakeTree tree;
  image04(tree, "", {"y", "x"}, {{8, 8}});
  image04(tree, "labels/a", {"y", "x"}, {{8, 8}}, "<f8", {{"image-label", json::object()}});
  auto out = run_label_image(tree, "labels/a");
  REQUIRE(rule_ids(out) == Ids{"NGFF-LBL-052"});
  CHECK(out[0].location == Location{"labels/a/0/.zarray", "/dtype"});

  SECTION("near miss: |u1 and >i8 are integers") {
    FakeTree ok;
    image04(ok, "", {"y", "x"}, {{8, 8}, {4, 4}});
    image04(ok, "labels/a", {"y", "x"}, {{8, 8}, {4, 4}}, "|u1", {{"image-label", json::object()}});
    ok.array04("labels/a/1", {4, 4}, ">i8");
    CHECK(run_label_image(ok, "labels/a").empty());
  }
}

TEST_CASE("NGFF-LBL-053: a label image has as many levels as its source image", "[ngff-tree][labels]") {
  auto tree = standard05();
  image05(tree, "labels/cells", {"y", "x"}, {{8, 8}}, "uint32", {{"image-label", json::object()}});
  const auto out = run_label_image(tree, "labels/cells");
  REQUIRE(rule_ids(out) == Ids{"NGFF-LBL-053"});
  CHECK(out[0].location == Location{"labels/cells/zarr.json", "/attributes/ome/multiscales/0/datasets"});
  CHECK(value_of(out[0], "levels") == "1");
  CHECK(value_of(out[0], "source_levels") == "2");
  CHECK(value_of(out[0], "source") == "zarr.json");

  SECTION("near miss: an explicit source with the same level count") {
    auto ok = standard05();
    image05(ok, "other", {"y", "x"}, {{8, 8}});
    image05(ok, "labels/cells", {"y", "x"}, {{8, 8}}, "uint32",
            {{"image-label", {{"source", {{"image", "../../other"}}}}}});
    CHECK(run_label_image(ok, "labels/cells").empty());
  }
}

TEST_CASE("NGFF-LBL-054: an explicit source.image resolves to an image group", "[ngff-tree][labels]") {
  auto tree = standard05();
  tree.doc("labels/cells")["image-label"] = {{"source", {{"image", "../../../../.."}}}};
  auto out = run_label_image(tree, "labels/cells");
  REQUIRE(rule_ids(out) == Ids{"NGFF-LBL-054"});
  CHECK(out[0].location == Location{"labels/cells/zarr.json", "/attributes/ome/image-label/source/image"});
  CHECK(value_of(out[0], "detail") == "it leaves the hierarchy root");

  tree.doc("labels/cells")["image-label"] = {{"source", {{"image", "../"}}}};  // the labels group
  out = run_label_image(tree, "labels/cells");
  REQUIRE(rule_ids(out) == Ids{"NGFF-LBL-054"});
  CHECK(value_of(out[0], "detail") == "it holds a group without `multiscales` metadata");

  SECTION("near miss: a failing default (intermediate groups) is not reported") {
    FakeTree ok;
    image05(ok, "", {"y", "x"}, {{8, 8}});
    ok.group05("labels", labels05({"original/0"}));
    image05(ok, "labels/original/0", {"y", "x"}, {{8, 8}}, "uint8", {{"image-label", json::object()}});
    CHECK(run_label_image(ok, "labels/original/0").empty());
  }
  SECTION("a source pointing at the label image itself does not loop") {
    auto self = standard05();
    self.doc("labels/cells")["image-label"] = {{"source", {{"image", "."}}}};
    CHECK(run_label_image(self, "labels/cells").empty());
  }
}

TEST_CASE("NGFF-LBL-055/056: intermediate groups carry no metadata", "[ngff-tree][labels]") {
  FakeTree tree;
  image05(tree, "", {"y", "x"}, {{8, 8}});
  tree.group05("labels", labels05({"a/b/0", "a/b/1"}));
  tree.group05("labels/a", {{"version", "0.5"}});
  tree.group05("labels/a/b", {{"version", "0.5"}, {"multiscales", json::array()}});
  image05(tree, "labels/a/b/0", {"y", "x"}, {{8, 8}}, "uint8");
  image05(tree, "labels/a/b/1", {"y", "x"}, {{8, 8}}, "uint8");
  auto out = run_labels(tree, "labels");
  REQUIRE(rule_ids(out) == Ids{"NGFF-LBL-055"});  // once, although two entries pass through it
  CHECK(out[0].location == Location{"labels/a/b/zarr.json", "/attributes/ome/multiscales"});

  SECTION("near miss: an intermediate group with only a version") {
    tree.group05("labels/a/b", {{"version", "0.5"}});
    CHECK(run_labels(tree, "labels").empty());
  }
  SECTION("0.4: noted as info, other attributes are not NGFF metadata") {
    FakeTree t4;
    image04(t4, "", {"y", "x"}, {{8, 8}});
    t4.group04("labels", {{"labels", json::array({"a/0"})}}, "");
    t4.group04("labels/a", {{"omero", json::object()}, {"mine", 1}}, "");
    image04(t4, "labels/a/0", {"y", "x"}, {{8, 8}}, "|u1");
    auto o = run_labels(t4, "labels");
    REQUIRE(rule_ids(o) == Ids{"NGFF-LBL-056"});
    CHECK(o[0].location == Location{"labels/a/.zattrs", "/omero"});
    t4.group04("labels/a", {{"mine", 1}}, "");
    CHECK(run_labels(t4, "labels").empty());
  }
}

TEST_CASE("NGFF-LBL-057: with a listing, unlisted 0.5 label images are reported", "[ngff-tree][labels]") {
  auto tree = standard05();
  image05(tree, "labels/extra", {"y", "x"}, {{8, 8}, {4, 4}}, "uint8");
  tree.group05("labels/notimage", {{"version", "0.5"}});
  tree.put_listing("labels", {"cells", "extra", "notimage"});
  const auto out = run_labels(tree, "labels");
  REQUIRE(rule_ids(out) == Ids{"NGFF-LBL-057"});
  CHECK(out[0].location == Location{"labels/zarr.json", "/attributes/ome/labels"});
  CHECK(value_of(out[0], "path") == "extra");

  SECTION("near miss: no listing available, nothing is claimed") {
    auto ok = standard05();
    image05(ok, "labels/extra", {"y", "x"}, {{8, 8}}, "uint8");
    CHECK(run_labels(ok, "labels").empty());
  }
}

TEST_CASE("NGFF-LBL-058: label dimensions equal the image's or are 1", "[ngff-tree][labels]") {
  FakeTree tree;
  image05(tree, "", {"c", "y", "x"}, {{3, 8, 8}});
  tree.group05("labels", labels05({"cells"}));
  image05(tree, "labels/cells", {"c", "y", "x"}, {{2, 8, 8}}, "uint8", {{"image-label", json::object()}});
  const auto out = run_label_image(tree, "labels/cells");
  REQUIRE(rule_ids(out) == Ids{"NGFF-LBL-058"});
  CHECK(out[0].location == Location{"labels/cells/0/zarr.json", "/shape"});
  CHECK(value_of(out[0], "dimension") == "0");
  CHECK(value_of(out[0], "image_size") == "3");

  SECTION("near miss: a channel dimension of 1") {
    image05(tree, "labels/cells", {"c", "y", "x"}, {{1, 8, 8}}, "uint8", {{"image-label", json::object()}});
    CHECK(run_label_image(tree, "labels/cells").empty());
  }
}
