// The bioformats2raw layout against the hierarchy and OME-XML (ngff_tree_bf2raw.cpp,
// ngff_tree_omexml.cpp).
#include <catch2/catch.hpp>

#include "rules/ngff_tree_omexml.hpp"
#include "tree_fake_reader_test.hpp"

using namespace ozv;
using namespace ozv::ngfftree_test;

namespace {

std::string ome_xml(int images, const std::string& pixels_content = "<MetadataOnly/>") {
  std::string xml = R"(<?xml version="1.0" encoding="UTF-8"?><OME xmlns="http://www.openmicroscopy.org/Schemas/OME/2016-06">)";
  for (int i = 0; i < images; ++i) {
    xml += "<Image ID=\"Image:" + std::to_string(i) + "\"><Pixels ID=\"Pixels:" + std::to_string(i) +
           "\" DimensionOrder=\"XYZCT\" Type=\"uint8\" SizeX=\"8\" SizeY=\"8\" SizeZ=\"1\" SizeC=\"1\" SizeT=\"1\">" +
           pixels_content + "</Pixels></Image>";
  }
  return xml + "</OME>";
}

// A 0.5 bioformats2raw collection at the root with `images` numbered image groups.
FakeTree collection(int images, bool with_xml = true) {
  FakeTree tree;
  tree.group05("", {{"version", "0.5"}, {"bioformats2raw.layout", 3}});
  tree.group05("OME", {{"version", "0.5"}});
  for (int i = 0; i < images; ++i) image05(tree, std::to_string(i), {"y", "x"}, {{8, 8}});
  if (with_xml) tree.put_file("OME/METADATA.ome.xml", ome_xml(images));
  return tree;
}

Findings run_bf(FakeTree& tree, NgffChildren* children = nullptr) {
  Findings out;
  auto result = check_bioformats2raw_tree(tree.info(""), tree, out);
  if (children != nullptr) *children = result;
  require_messages_complete(out);
  return out;
}

}  // namespace

TEST_CASE("a valid bioformats2raw collection names the OME group and its numbered images", "[ngff-tree][bf2raw]") {
  auto tree = collection(3);
  NgffChildren children;
  CHECK(run_bf(tree, &children).empty());
  CHECK(child_paths(children) == Ids{"OME", "0", "1", "2"});
  CHECK(children[0].role == NgffRole::ome_group);
  CHECK(children[1].role == NgffRole::image);
}

TEST_CASE("NGFF-BF-050: series entries resolve to image groups", "[ngff-tree][bf2raw]") {
  auto tree = collection(2);
  tree.doc("OME")["series"] = json::array({"0", "1", "7", "../x"});
  tree.put_file("OME/METADATA.ome.xml", ome_xml(4));
  NgffChildren children;
  const auto out = run_bf(tree, &children);
  REQUIRE(rule_ids(out) == Ids{"NGFF-BF-050", "NGFF-BF-050"});
  CHECK(out[0].location == Location{"OME/zarr.json", "/attributes/ome/series/2"});
  CHECK(value_of(out[1], "detail") == "it leaves the hierarchy root");
  CHECK(child_paths(children) == Ids{"OME", "0", "1"});

  SECTION("near miss: series naming image groups in any place") {
    auto ok = collection(0);
    image05(ok, "a", {"y", "x"}, {{8, 8}});
    image05(ok, "b/c", {"y", "x"}, {{8, 8}});
    ok.doc("OME")["series"] = json::array({"a", "b/c"});
    ok.put_file("OME/METADATA.ome.xml", ome_xml(2));
    CHECK(run_bf(ok).empty());
  }
}

TEST_CASE("NGFF-BF-051: without series and plate, images are groups 0, 1, ...", "[ngff-tree][bf2raw]") {
  FakeTree tree = collection(0, false);
  tree.put_file("OME/METADATA.ome.xml", ome_xml(0));
  image05(tree, "1", {"y", "x"}, {{8, 8}});
  auto out = run_bf(tree);
  REQUIRE(rule_ids(out) == Ids{"NGFF-BF-051"});
  CHECK(out[0].location == Location{"zarr.json", "/attributes/ome/bioformats2raw.layout"});
  CHECK(value_of(out[0], "path") == "0");

  SECTION("with a listing, a gap is found") {
    auto gap = collection(2);
    image05(gap, "3", {"y", "x"}, {{8, 8}});
    gap.put_listing("", {"OME", "0", "1", "3"});
    gap.put_file("OME/METADATA.ome.xml", ome_xml(2));
    out = run_bf(gap);
    REQUIRE(rule_ids(out) == Ids{"NGFF-BF-051"});
    CHECK(value_of(out[0], "path") == "2");
  }
  SECTION("near miss: a listing without gaps") {
    auto ok = collection(2);
    ok.put_listing("", {"OME", "0", "1", "labels"});
    CHECK(run_bf(ok).empty());
  }
}

TEST_CASE("NGFF-BF-052: one OME-XML Image per image group", "[ngff-tree][bf2raw]") {
  auto tree = collection(2);
  tree.put_file("OME/METADATA.ome.xml", ome_xml(3));
  auto out = run_bf(tree);
  REQUIRE(rule_ids(out) == Ids{"NGFF-BF-052"});
  CHECK(out[0].location == Location{"OME/METADATA.ome.xml", ""});
  CHECK(value_of(out[0], "xml_images") == "3");
  CHECK(value_of(out[0], "images") == "2");

  SECTION("series counted instead of numbered groups") {
    auto s = collection(2);
    s.doc("OME")["series"] = json::array({"0"});
    out = run_bf(s);
    REQUIRE(rule_ids(out) == Ids{"NGFF-BF-052"});
    CHECK(value_of(out[0], "counted") == "series entries");
  }
  SECTION("probing stops after the expected count") {
    auto more = collection(5);
    more.put_file("OME/METADATA.ome.xml", ome_xml(2));
    out = run_bf(more);
    REQUIRE(rule_ids(out) == Ids{"NGFF-BF-052"});
    CHECK(value_of(out[0], "images") == "3");
  }
}

TEST_CASE("NGFF-BF-053/054/055: OME/METADATA.ome.xml", "[ngff-tree][bf2raw]") {
  auto tree = collection(1, false);
  auto out = run_bf(tree);
  REQUIRE(rule_ids(out) == Ids{"NGFF-BF-053"});
  CHECK(out[0].location == Location{"OME/METADATA.ome.xml", ""});

  tree.put_file("OME/METADATA.ome.xml", "<OME><Image></OME>");
  out = run_bf(tree);
  REQUIRE(rule_ids(out) == Ids{"NGFF-BF-054"});

  tree.put_file("OME/METADATA.ome.xml", "<?xml version=\"1.0\"?><html/>");
  out = run_bf(tree);
  REQUIRE(rule_ids(out) == Ids{"NGFF-BF-054"});
  CHECK(value_of(out[0], "detail") == "the root element is <html>, not <OME>");

  tree.put_file("OME/METADATA.ome.xml", ome_xml(1, "<TiffData/>"));
  out = run_bf(tree);
  REQUIRE(rule_ids(out) == Ids{"NGFF-BF-055", "NGFF-BF-055"});
  CHECK(value_of(out[0], "element") == "Image 0 Pixels: TiffData");
  CHECK(value_of(out[1], "element") == "Image 0 Pixels: no MetadataOnly");

  SECTION("near miss: prefixed names are read by their local name") {
    tree.put_file("OME/METADATA.ome.xml",
                  "<ome:OME xmlns:ome=\"x\"><ome:Image><ome:Pixels><ome:MetadataOnly/></ome:Pixels></ome:Image></ome:OME>");
    CHECK(run_bf(tree).empty());
  }
}

TEST_CASE("NGFF-BF-056: a bioformats2raw plate provides series", "[ngff-tree][bf2raw]") {
  FakeTree tree;
  tree.group05("", {{"version", "0.5"}, {"bioformats2raw.layout", 3}, {"plate", {{"wells", json::array()}}}});
  tree.group05("OME", {{"version", "0.5"}});
  tree.put_file("OME/METADATA.ome.xml", ome_xml(0));
  auto out = run_bf(tree);
  REQUIRE(rule_ids(out) == Ids{"NGFF-BF-056"});
  CHECK(out[0].location == Location{"OME/zarr.json", "/attributes/ome/series"});

  SECTION("near miss: series present (and the plate's fields are not probed as 0, 1, ...)") {
    tree.doc("OME")["series"] = json::array();
    CHECK(run_bf(tree).empty());
  }
}

TEST_CASE("the OME-XML summary is robust against hostile documents", "[ngff-tree][bf2raw]") {
  std::string deep;
  for (int i = 0; i < 100000; ++i) deep += "<a>";
  CHECK(summarize_ome_xml(deep).error.has_value());
  const auto entities = summarize_ome_xml(
      "<!DOCTYPE OME [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;\">]><OME>&b;</OME>");
  CHECK(!entities.error.has_value());  // entities are not expanded, nothing blows up
  CHECK(summarize_ome_xml("").error.has_value());
  std::string many = "<OME>";
  for (int i = 0; i < 1000; ++i) many += "<BinaryOnly/>";
  CHECK(summarize_ome_xml(many + "</OME>").forbidden.size() == 20);
}
