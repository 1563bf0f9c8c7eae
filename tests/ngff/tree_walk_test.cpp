// Path resolution, version consistency and the bounded walk (ngff_tree_paths.cpp,
// ngff_tree_version.cpp, ngff_tree_walk.cpp).
#include <catch2/catch.hpp>

#include "tree_fake_reader_test.hpp"

using namespace ozv;
using namespace ozv::ngfftree_test;

TEST_CASE("metadata paths resolve inside the root only", "[ngff-tree][paths]") {
  CHECK(resolve_ngff_path("", "0") == "0");
  CHECK(resolve_ngff_path("img", "path/to/0") == "img/path/to/0");
  CHECK(resolve_ngff_path("img/labels/cells", "../../") == "img");
  CHECK(resolve_ngff_path("a/b", "./c//d/") == "a/b/c/d");
  CHECK(resolve_ngff_path("a", "..") == "");
  CHECK(resolve_ngff_path("a", ".") == "a");
  CHECK(resolve_ngff_path("a", "b/../../c") == "c");
  CHECK_FALSE(resolve_ngff_path("a", "../..").has_value());
  CHECK_FALSE(resolve_ngff_path("", "../../../../x").has_value());
  CHECK_FALSE(resolve_ngff_path("a/b", "x/../../../../y").has_value());
  CHECK_FALSE(resolve_ngff_path("a", "/etc/passwd").has_value());
  CHECK_FALSE(resolve_ngff_path("a", "s3://bucket/x").has_value());
  std::string long_path;
  for (int i = 0; i < 100000; ++i) long_path += "../";
  CHECK_FALSE(resolve_ngff_path("a", long_path).has_value());
}

TEST_CASE("NGFF-VER-050: one OME-Zarr version within a hierarchy", "[ngff-tree][version]") {
  FakeTree tree;
  tree.group05("", {{"version", "0.5"}});
  tree.group05("a", {{"version", "0.6"}});
  Findings out;
  check_version_consistency(tree.info(""), tree.info("a"), out);
  require_messages_complete(out);
  REQUIRE(rule_ids(out) == Ids{"NGFF-VER-050"});
  CHECK(out[0].location == Location{"a/zarr.json", "/attributes/ome/version"});
  CHECK(value_of(out[0], "parent_version") == "0.5");

  SECTION("near miss: same version; a node without a version is not compared") {
    tree.group05("b", {{"version", "0.5"}});
    tree.group05("c", json::object());
    Findings none;
    check_version_consistency(tree.info(""), tree.info("b"), none);
    check_version_consistency(tree.info(""), tree.info("c"), none);
    CHECK(none.empty());
  }
}

TEST_CASE("NGFF-VER-051: one Zarr format within an OME-Zarr hierarchy", "[ngff-tree][version]") {
  FakeTree tree;
  tree.group05("", {{"version", "0.5"}});
  tree.group04("a", json::object(), "");
  Findings out;
  check_version_consistency(tree.info(""), tree.info("a"), out);
  require_messages_complete(out);
  REQUIRE(rule_ids(out) == Ids{"NGFF-VER-051"});
  CHECK(out[0].location == Location{"a/.zgroup", "/zarr_format"});  // where a v2 group states its format
  CHECK(value_of(out[0], "zarr_format") == "2");
}

TEST_CASE("the walk checks a whole 0.5 image with labels and finds nothing in valid data", "[ngff-tree][walk]") {
  FakeTree tree;
  image05(tree, "", {"c", "y", "x"}, {{2, 8, 8}, {2, 4, 4}});
  tree.group05("labels", {{"version", "0.5"}, {"labels", json::array({"cells"})}});
  image05(tree, "labels/cells", {"c", "y", "x"}, {{1, 8, 8}, {1, 4, 4}}, "uint8", {{"image-label", json::object()}});
  Findings out;
  walk_ngff_tree(tree, "", out);
  CHECK(out.empty());

  SECTION("and reports what is wrong deep inside it") {
    tree.array05("labels/cells/1", {1, 4, 4}, "float32", std::vector<std::optional<std::string>>{"c", "y", "x"});
    auto changed = tree.doc("labels/cells");
    changed["version"] = "0.4";
    tree.group05("labels/cells", changed);
    walk_ngff_tree(tree, "", out);
    CHECK(rule_ids(out) == Ids{"NGFF-LBL-051", "NGFF-MS-054", "NGFF-VER-050"});
  }
}

TEST_CASE("the walk follows a plate to its fields", "[ngff-tree][walk]") {
  FakeTree tree;
  tree.group04("", {{"plate", {{"version", "0.4"}, {"wells", json::array({{{"path", "A/1"}}})}}}});
  tree.group04("A", json::object(), "");
  tree.group04("A/1", {{"well", {{"version", "0.4"}, {"images", json::array({{{"path", "0"}}})}}}});
  image04(tree, "A/1/0", {"y", "x"}, {{8, 8}, {16, 16}});
  Findings out;
  walk_ngff_tree(tree, "", out);
  REQUIRE(rule_ids(out) == Ids{"NGFF-MS-053"});
  CHECK(out[0].location.key == "A/1/0/.zattrs");
}

TEST_CASE("cyclic references end the walk", "[ngff-tree][walk]") {
  FakeTree tree;
  // The label image names itself and its own parent image as a label; the source points back.
  image05(tree, "", {"y", "x"}, {{8, 8}});
  tree.group05("labels", {{"version", "0.5"}, {"labels", json::array({"a", "a/.", "./a", "a/labels/../"})}});
  image05(tree, "labels/a", {"y", "x"}, {{8, 8}}, "uint8", {{"image-label", {{"source", {{"image", "../../"}}}}}});
  tree.group05("labels/a/labels", {{"version", "0.5"}, {"labels", json::array({"..", "../../a"})}});
  Findings out;
  walk_ngff_tree(tree, "", out);
  // ".." of labels/a/labels is labels/a: outside that labels group, reported; "../../a" likewise.
  CHECK(rule_ids(out) == Ids{"NGFF-LBL-050", "NGFF-LBL-050"});
  CHECK(tree.reads < 100);
}

TEST_CASE("the walk stops after max_nodes groups", "[ngff-tree][walk]") {
  std::string xml = "<OME>";
  for (int i = 0; i < 50; ++i) xml += "<Image><Pixels><MetadataOnly/></Pixels></Image>";
  xml += "</OME>";
  FakeTree tree;
  tree.group05("", {{"version", "0.5"}, {"bioformats2raw.layout", 3}});
  tree.put_file("OME/METADATA.ome.xml", xml);
  for (int i = 0; i < 50; ++i) image05(tree, std::to_string(i), {"y", "x"}, {{8, 8}});
  Findings out;
  walk_ngff_tree(tree, "", out, 10);
  const auto bounded_reads = tree.reads;
  FakeTree full;
  full.group05("", {{"version", "0.5"}, {"bioformats2raw.layout", 3}});
  full.put_file("OME/METADATA.ome.xml", xml);
  for (int i = 0; i < 50; ++i) image05(full, std::to_string(i), {"y", "x"}, {{8, 8}});
  Findings all;
  walk_ngff_tree(full, "", all);
  CHECK(bounded_reads < full.reads);
  CHECK(all.empty());
  CHECK(full.reads > 50);
}

namespace {

// A 0.4 plate of six wells with three fields each: well A/4 does not exist, field 1 of every
// even well has levels of the wrong rank, and well A/6 names a field twice.
FakeTree plate_with_defects() {
  FakeTree tree;
  json wells = json::array();
  for (int w = 1; w <= 6; ++w) wells.push_back({{"path", "A/" + std::to_string(w)}});
  tree.group04("", {{"plate", {{"version", "0.4"}, {"wells", wells}}}});
  tree.group04("A", json::object(), "");
  for (int w = 1; w <= 6; ++w) {
    if (w == 4) continue;
    const std::string well = "A/" + std::to_string(w);
    json fields = json::array({{{"path", "0"}}, {{"path", "1"}}, {{"path", "2"}}});
    if (w == 6) fields.push_back({{"path", "0"}});
    tree.group04(well, {{"well", {{"version", "0.4"}, {"images", fields}}}});
    for (int f = 0; f < 3; ++f) {
      const bool wrong_rank = f == 1 && w % 2 == 0;
      image04(tree, well + "/" + std::to_string(f), {"y", "x"}, {wrong_rank ? std::vector<std::uint64_t>{8, 8, 8}
                                                                            : std::vector<std::uint64_t>{8, 8}});
    }
  }
  return tree;
}

}  // namespace

TEST_CASE("checking a level concurrently changes nothing the walk reports", "[ngff-tree][walk]") {
  // Runs the batch backwards: whatever order the groups of a level are checked in, the
  // findings, their order and the visited paths must be those of the one-at-a-time walk.
  std::size_t batches = 0;
  const ParallelFor backwards = [&](std::size_t count, const std::function<void(std::size_t)>& body) {
    ++batches;
    for (std::size_t i = count; i-- > 0;) body(i);
  };
  for (std::size_t max_nodes : {1, 2, 3, 7, 8, 12, 100000}) {
    CAPTURE(max_nodes);
    FakeTree one_by_one_tree = plate_with_defects();
    FakeTree batched_tree = plate_with_defects();
    Findings one_by_one, batched;
    std::set<std::string> visited_one_by_one, visited_batched;
    walk_ngff_tree(one_by_one_tree, "", one_by_one, max_nodes, &visited_one_by_one);
    walk_ngff_tree(batched_tree, "", batched, max_nodes, &visited_batched, backwards);
    CHECK(rule_ids(batched) == rule_ids(one_by_one));
    REQUIRE(batched.size() == one_by_one.size());
    for (std::size_t i = 0; i < batched.size(); ++i) CHECK(batched[i].location == one_by_one[i].location);
    CHECK(visited_batched == visited_one_by_one);
    CHECK(batched_tree.reads == one_by_one_tree.reads);
  }
  CHECK(batches > 0);
  FakeTree full = plate_with_defects();
  Findings all;
  walk_ngff_tree(full, "", all);
  // The defects are found: the comparison above is not one of two empty lists.
  CHECK(rule_ids(all) == Ids{"NGFF-AX-050", "NGFF-AX-050", "NGFF-PL-050"});
}
