// Targeted checks against the official schemas: the 2020-12 keywords they rely on.
#include <catch2/catch.hpp>

#include "schema_test_util.hpp"

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

json image_05(int space_axes) {
  json axes = json::array({{{"name", "t"}, {"type", "time"}}});
  const char* names[] = {"w", "z", "y", "x"};
  for (int i = 4 - space_axes; i < 4; ++i) axes.push_back({{"name", names[i]}, {"type", "space"}});
  json scale = json(std::vector<double>(axes.size(), 1.0));
  return {{"ome",
           {{"version", "0.5"},
            {"multiscales",
             {{{"axes", axes},
               {"datasets", {{{"path", "0"}, {"coordinateTransformations", {{{"type", "scale"}, {"scale", scale}}}}}}}}}}}}};
}

}  // namespace

TEST_CASE("official 0.5 image.schema: 2 to 3 space axes via min/maxContains", "[schema][upstream]") {
  const fs::path upstream = ozv::test::upstream_dir();
  if (upstream.empty()) {
    WARN("ngff-upstream reference data not found; skipped");
    return;
  }
  const auto set = ozv::SchemaSet::from_directory((upstream / "0.5" / "schemas").string());
  CHECK(set.validate("image.schema", image_05(3)).empty());
  CHECK(set.validate("image.schema", image_05(2)).empty());
  const auto four = set.validate("image.schema", image_05(4));
  REQUIRE(four.size() == 1);
  CHECK(four[0].instance_pointer == "/ome/multiscales/0/axes");
  CHECK(four[0].detail.find("maxContains 3") != std::string::npos);
  const auto one = set.validate("image.schema", image_05(1));
  REQUIRE(one.size() == 1);
  CHECK(one[0].instance_pointer == "/ome/multiscales/0/axes");
  CHECK(one[0].detail.find("at least 2 required") != std::string::npos);
  // The umbrella schema reaches image.schema through $id references.
  CHECK(set.validate("ome_zarr.schema", image_05(3)).empty());
  CHECK_FALSE(set.validate("ome_zarr.schema", image_05(4)).empty());
}

TEST_CASE("official 0.4 schemas with /latest/ $ids load next to the others", "[schema][upstream]") {
  const fs::path upstream = ozv::test::upstream_dir();
  if (upstream.empty()) {
    WARN("ngff-upstream reference data not found; skipped");
    return;
  }
  const auto set = ozv::SchemaSet::from_directory((upstream / "0.4" / "schemas").string());
  CHECK(set.has("bf2raw.schema"));
  CHECK(set.has("ome.schema"));
  CHECK(set.validate("bf2raw.schema", json::parse(R"({"bioformats2raw.layout": 3})")).empty());
  CHECK_FALSE(set.validate("bf2raw.schema", json::parse(R"({"bioformats2raw.layout": 2})")).empty());
}
