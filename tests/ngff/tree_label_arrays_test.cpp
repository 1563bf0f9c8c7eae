// The OME-NGFF walk tells its reader the arrays of every label image it meets, with the
// label values of colors and properties (rules/label_arrays_of.hpp), for the chunk pass.
#include <catch2/catch.hpp>

#include "rules/label_arrays_of.hpp"
#include "tree_fake_reader_test.hpp"

using namespace ozv;
using namespace ozv::ngfftree_test;

namespace {

class RecordingTree : public FakeTree {
 public:
  void note_label_arrays(std::vector<LabelArray> arrays) override {
    noted.insert(noted.end(), arrays.begin(), arrays.end());
  }
  std::vector<LabelArray> noted;
};

std::vector<std::string> texts(const std::optional<std::vector<LabelValue>>& values) {
  std::vector<std::string> out;
  if (values) {
    for (const auto& v : *values) out.push_back(v.text());
  }
  return out;
}

}  // namespace

TEST_CASE("the walk records the levels of a 0.5 label image with its colors and properties", "[ngff-tree][labels]") {
  RecordingTree tree;
  image05(tree, "", {"y", "x"}, {{8, 8}, {4, 4}});
  tree.group05("labels", {{"version", "0.5"}, {"labels", {"cells"}}});
  json image_label = {{"colors", {{{"label-value", 3}}, {{"label-value", 1}}, {{"label-value", 3}}, {{"rgba", {1, 2, 3, 4}}}}},
                      {"properties", {{{"label-value", -2}, {"class", "x"}}, {{"label-value", 2.0}}, {{"label-value", 2.5}}}}};
  image05(tree, "labels/cells", {"y", "x"}, {{8, 8}, {4, 4}}, "uint32", {{"image-label", image_label}});
  Findings out;
  walk_ngff_tree(tree, "", out);
  REQUIRE(tree.noted.size() == 2);
  const auto& first = tree.noted[0];
  CHECK(first.prefix == "labels/cells/0");
  CHECK(first.key == "labels/cells/0/zarr.json");
  CHECK(first.zarr_format == 3);
  CHECK(first.data_type == "uint32");
  CHECK(first.image_key == "labels/cells/zarr.json");
  CHECK(texts(first.colors) == std::vector<std::string>{"1", "3"});      // sorted, unique, entries without one skipped
  CHECK(texts(first.properties) == std::vector<std::string>{"-2", "2"});  // 2.0 names label 2; 2.5 names none
  CHECK(tree.noted[1].prefix == "labels/cells/1");
}

TEST_CASE("absent lists stay absent; a plain image records nothing", "[ngff-tree][labels]") {
  SECTION("0.4 label image without colors or properties") {
    RecordingTree tree;
    image04(tree, "", {"y", "x"}, {{8, 8}});
    tree.group04("labels", {{"labels", {"seg"}}});
    image04(tree, "labels/seg", {"y", "x"}, {{8, 8}}, "<i4", {{"image-label", {{"version", "0.4"}}}});
    Findings out;
    walk_ngff_tree(tree, "", out);
    REQUIRE(tree.noted.size() == 1);
    CHECK(tree.noted[0].prefix == "labels/seg/0");
    CHECK(tree.noted[0].key == "labels/seg/0/.zarray");
    CHECK(tree.noted[0].data_type == "<i4");
    CHECK(!tree.noted[0].colors);
    CHECK(!tree.noted[0].properties);
  }
  SECTION("no labels") {
    RecordingTree tree;
    image05(tree, "", {"y", "x"}, {{8, 8}});
    Findings out;
    walk_ngff_tree(tree, "", out);
    CHECK(tree.noted.empty());
  }
}

TEST_CASE("label values in metadata: whole numbers within the label range only", "[labels]") {
  CHECK(label_value_of(3.0)->text() == "3");
  CHECK(label_value_of(-9223372036854775808.0)->text() == "-9223372036854775808");
  CHECK(label_value_of(18446744073709549568.0)->text() == "18446744073709549568");
  CHECK(!label_value_of(18446744073709551616.0));
  CHECK(!label_value_of(0.5));
  CHECK(!label_value_of(std::numeric_limits<double>::quiet_NaN()));
  CHECK(!label_value_of(-std::numeric_limits<double>::infinity()));
  CHECK(label_value_of(-0.0)->text() == "0");
  const json list = {{{"label-value", 18446744073709551615ull}}, {{"label-value", -1}}, {{"label-value", "7"}}, 5};
  CHECK(texts(listed_label_values(&list)) == std::vector<std::string>{"-1", "18446744073709551615"});
  const json not_a_list = json::object();
  CHECK(!listed_label_values(&not_a_list));
  CHECK(!listed_label_values(nullptr));
}

TEST_CASE("label values order as integers across the signed and unsigned ranges", "[labels]") {
  CHECK(LabelValue::of_signed(-5) < LabelValue::of_signed(-1));
  CHECK(LabelValue::of_signed(-1) < LabelValue::of_unsigned(0));
  CHECK(LabelValue::of_unsigned(0) == LabelValue::of_signed(0));
  CHECK(LabelValue::of_signed(std::numeric_limits<std::int64_t>::max()) < LabelValue::of_unsigned(1ull << 63));
  CHECK(LabelValue::of_signed(std::numeric_limits<std::int64_t>::min()).text() == "-9223372036854775808");
}
