// Whole OME-Zarr hierarchies through the command: a clean 0.5 image with labels, and
// one-defect variants of it whose findings must be exactly the expected ones.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run_command.hpp"

using namespace ozv::test;
using nlohmann::json;

namespace {

const std::string kTool = std::string(OZV_BINARY_DIR) + "/bin/ome-zarr-validate";

json level_array(std::vector<int> shape, const std::string& type, json names) {
  return {{"zarr_format", 3}, {"node_type", "array"}, {"shape", shape}, {"data_type", type},
          {"chunk_grid", {{"name", "regular"}, {"configuration", {{"chunk_shape", shape}}}}},
          {"chunk_key_encoding", {{"name", "default"}}}, {"fill_value", 0},
          {"codecs", {{{"name", "bytes"}, {"configuration", {{"endian", "little"}}}}}},
          {"dimension_names", names}, {"attributes", json::object()}};
}

json image_group(json extra = json::object()) {
  json axes = {{{"name", "c"}, {"type", "channel"}},
               {{"name", "y"}, {"type", "space"}, {"unit", "micrometer"}},
               {{"name", "x"}, {"type", "space"}, {"unit", "micrometer"}}};
  json datasets = json::array();
  for (int level = 0; level < 2; ++level) {
    const double s = level == 0 ? 1.0 : 2.0;
    datasets.push_back({{"path", std::to_string(level)},
                        {"coordinateTransformations", {{{"type", "scale"}, {"scale", {1.0, s, s}}}}}});
  }
  json ome = {{"version", "0.5"}, {"multiscales", {{{"name", "image"}, {"axes", axes}, {"datasets", datasets}}}}};
  ome.update(extra);
  return {{"zarr_format", 3}, {"node_type", "group"}, {"attributes", {{"ome", ome}}}};
}

void write_image(const TempDir& dir, const std::string& prefix, const std::string& type) {
  dir.write(prefix + "1/zarr.json", level_array({2, 32, 32}, type, {"c", "y", "x"}).dump());
  dir.write(prefix + "0/zarr.json", level_array({2, 64, 64}, type, {"c", "y", "x"}).dump());
}

// A 0.5 image with a labels group and one label image: no findings at all.
void write_clean(const TempDir& dir) {
  dir.write("zarr.json", image_group().dump());
  write_image(dir, "", "uint16");
  dir.write("labels/zarr.json",
            json{{"zarr_format", 3}, {"node_type", "group"},
                 {"attributes", {{"ome", {{"version", "0.5"}, {"labels", {"cells"}}}}}}}.dump());
  dir.write("labels/cells/zarr.json",
            image_group(json{{"image-label", {{"colors", json::array({{{"label-value", 1}, {"rgba", {255, 0, 0, 255}}}})}}}})
                .dump());
  write_image(dir, "labels/cells/", "uint32");
}

std::vector<std::string> findings_of(const TempDir& dir, json* report_out = nullptr) {
  auto r = run_command(shell_quote(kTool) + " --format json " + shell_quote(dir.path().string()));
  auto report = json::parse(r.out);
  if (report_out) *report_out = report;
  std::vector<std::string> out;
  for (const auto& f : report["findings"]) {
    out.push_back(f["rule"].get<std::string>() + "@" + f["location"]["key"].get<std::string>() +
                  f["location"]["pointer"].get<std::string>());
  }
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("a clean OME-Zarr 0.5 image with labels has no findings", "[cli][ngff]") {
  TempDir dir("ngff-clean");
  write_clean(dir);
  json report;
  CHECK(findings_of(dir, &report).empty());
  CHECK(report["detected"]["ngff_version"] == "0.5");
  CHECK(report["detected"]["zarr_format"] == 3);
}

TEST_CASE("one-defect variants of the clean image give exactly their finding", "[cli][ngff]") {
  SECTION("axes out of order") {
    TempDir dir("ngff-axes");
    write_clean(dir);
    auto group = image_group();
    auto& axes = group["attributes"]["ome"]["multiscales"][0]["axes"];
    std::swap(axes[0], axes[2]);  // x, y, c: channel after space
    dir.write("zarr.json", group.dump());
    auto found = findings_of(dir);
    CHECK(std::count(found.begin(), found.end(), "NGFF-AX-009@zarr.json/attributes/ome/multiscales/0/axes/2") == 1);
  }
  SECTION("a dataset path that names nothing") {
    TempDir dir("ngff-missing-level");
    write_clean(dir);
    std::filesystem::remove_all(dir.path() / "1");
    CHECK(findings_of(dir) == Strings{"NGFF-MS-050@zarr.json/attributes/ome/multiscales/0/datasets/1/path"});
  }
  SECTION("a float label image") {
    TempDir dir("ngff-float-label");
    write_clean(dir);
    write_image(dir, "labels/cells/", "float32");
    auto found = findings_of(dir);
    CHECK(!found.empty());
    for (const auto& f : found) CHECK(f.starts_with("NGFF-LBL-051@labels/cells/"));
  }
  SECTION("a schema violation is located inside the attributes") {
    TempDir dir("ngff-schema");
    write_clean(dir);
    auto group = image_group();
    group["attributes"]["ome"]["multiscales"][0]["axes"][1]["unit"] = 5;
    dir.write("zarr.json", group.dump());
    auto found = findings_of(dir);
    REQUIRE(!found.empty());
    CHECK(std::all_of(found.begin(), found.end(), [](const std::string& f) {
      return f.starts_with("NGFF-SCH-001@zarr.json/attributes/ome/multiscales/0/axes/1");
    }));
  }
}

TEST_CASE("the tree rules start at every OME-NGFF group, not only at the root", "[cli][ngff]") {
  // A plain Zarr group holding an image: the image's dataset paths are still followed.
  TempDir dir("ngff-nested");
  dir.write("zarr.json", json{{"zarr_format", 3}, {"node_type", "group"}, {"attributes", json::object()}}.dump());
  dir.write("img/zarr.json", image_group().dump());
  write_image(dir, "img/", "uint16");
  CHECK(findings_of(dir).empty());
  std::filesystem::remove_all(dir.path() / "img" / "1");
  CHECK(findings_of(dir) == Strings{"NGFF-MS-050@img/zarr.json/attributes/ome/multiscales/0/datasets/1/path"});
}

TEST_CASE("a schema violation a semantic rule reports at the same place is reported once", "[cli][ngff]") {
  // Four space axes: the schema (maxContains) and NGFF-AX-006 both object, at the axes list.
  TempDir dir("ngff-duplicate");
  write_clean(dir);
  auto group = image_group();
  group["attributes"]["ome"]["multiscales"][0]["axes"][0] = {{"name", "z"}, {"type", "space"}, {"unit", "micrometer"}};
  group["attributes"]["ome"]["multiscales"][0]["axes"].push_back({{"name", "w"}, {"type", "space"}, {"unit", "micrometer"}});
  for (auto& dataset : group["attributes"]["ome"]["multiscales"][0]["datasets"]) {
    dataset["coordinateTransformations"][0]["scale"].push_back(1.0);
  }
  dir.write("zarr.json", group.dump());
  dir.write("0/zarr.json", level_array({2, 64, 64, 3}, "uint16", {"z", "y", "x", "w"}).dump());
  dir.write("1/zarr.json", level_array({2, 32, 32, 3}, "uint16", {"z", "y", "x", "w"}).dump());
  CHECK(findings_of(dir) == Strings{"NGFF-AX-006@zarr.json/attributes/ome/multiscales/0/axes"});
}

TEST_CASE("the findings do not depend on the number of worker threads", "[cli][ngff]") {
  TempDir dir("ngff-jobs");
  write_clean(dir);
  std::filesystem::remove_all(dir.path() / "labels" / "cells" / "1");
  dir.write("stray/deep/zarr.json", level_array({4}, "uint8", {"x"}).dump());  // orphan below a metadata-less folder
  auto run = [&](const std::string& jobs) {
    return run_command(shell_quote(kTool) + " --format json --jobs " + jobs + " " + shell_quote(dir.path().string())).out;
  };
  const std::string one = run("1");
  CHECK(!json::parse(one)["findings"].empty());
  CHECK(run("2") == one);
  CHECK(run("8") == one);
}
