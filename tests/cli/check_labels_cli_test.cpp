// --check-labels end to end: a 0.5 image with one label image whose pixels are written by
// hand, compared with its colors and properties; the flag's relation to --checks; and the
// progress line, which must stay off when stderr is not a terminal (as here: it is a file).
#include <algorithm>
#include <cstring>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run_command.hpp"

using namespace ozv::test;
using nlohmann::json;

namespace {

const std::string kTool = std::string(OZV_BINARY_DIR) + "/bin/ome-zarr-validate";

CommandResult validate(const std::string& args) { return run_command(shell_quote(kTool) + " " + args); }

// [4, 4] in one chunk, uncompressed.
json array_doc(const std::string& type) {
  return {{"zarr_format", 3}, {"node_type", "array"}, {"shape", {4, 4}}, {"data_type", type},
          {"chunk_grid", {{"name", "regular"}, {"configuration", {{"chunk_shape", {4, 4}}}}}},
          {"chunk_key_encoding", {{"name", "default"}}}, {"fill_value", 0},
          {"codecs", {{{"name", "bytes"}, {"configuration", {{"endian", "little"}}}}}},
          {"dimension_names", {"y", "x"}}};
}

json image_doc(json extra = json::object()) {
  json axes = {{{"name", "y"}, {"type", "space"}, {"unit", "micrometer"}},
               {{"name", "x"}, {"type", "space"}, {"unit", "micrometer"}}};
  json datasets = {{{"path", "0"}, {"coordinateTransformations", {{{"type", "scale"}, {"scale", {1.0, 1.0}}}}}}};
  json ome = {{"version", "0.5"}, {"multiscales", {{{"axes", axes}, {"datasets", datasets}}}}};
  ome.update(extra);
  return {{"zarr_format", 3}, {"node_type", "group"}, {"attributes", {{"ome", ome}}}};
}

json label_values(std::initializer_list<int> values) {
  json list = json::array();
  for (int v : values) list.push_back({{"label-value", v}});
  return list;
}

// The label pixels are 0 (background), 1 and 2; colors lists 1 and 2, properties 0, 1 and 2.
void write_dataset(const TempDir& dir, const std::string& label_type = "uint8", const std::string& label_chunk = "") {
  dir.write("zarr.json", image_doc().dump());
  dir.write("0/zarr.json", array_doc("uint8").dump());
  dir.write("0/c/0/0", std::string(16, '\x07'));
  dir.write("labels/zarr.json",
            json{{"zarr_format", 3}, {"node_type", "group"},
                 {"attributes", {{"ome", {{"version", "0.5"}, {"labels", {"cells"}}}}}}}.dump());
  json image_label = {{"colors", label_values({1, 2})}, {"properties", label_values({0, 1, 2})}};
  dir.write("labels/cells/zarr.json", image_doc({{"image-label", image_label}}).dump());
  dir.write("labels/cells/0/zarr.json", array_doc(label_type).dump());
  std::string pixels(16, '\0');
  pixels[5] = 1;
  pixels[6] = 2;
  dir.write("labels/cells/0/c/0/0", label_chunk.empty() ? pixels : label_chunk);
}

std::vector<std::string> rules_in(const CommandResult& r) {
  std::vector<std::string> rules;
  const auto report = json::parse(r.out);  // kept: the loop must not run over a destroyed temporary
  for (const auto& f : report["findings"]) {
    rules.push_back(f["rule"].get<std::string>() + "@" + f["location"]["key"].get<std::string>());
  }
  return rules;
}

const json* finding_of(const json& report, const std::string& rule) {
  for (const auto& f : report["findings"]) {
    if (f["rule"] == rule) return &f;
  }
  return nullptr;
}

}  // namespace

TEST_CASE("--check-labels reports the pixel values colors does not list", "[cli][labels]") {
  TempDir dir("labels-cli");
  write_dataset(dir);
  auto r = validate(shell_quote(dir.path().string()) + " --check-labels --format json");
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);  // an info finding
  CHECK(rules_in(r) == std::vector<std::string>{"NGFF-LBL-072@labels/cells/0/zarr.json"});
  const auto report = json::parse(r.out);
  const json* f = finding_of(report, "NGFF-LBL-072");
  REQUIRE(f != nullptr);
  CHECK((*f)["severity"] == "info");
  CHECK((*f)["message"].get<std::string>().find("colors of labels/cells/zarr.json: 0") != std::string::npos);
  CHECK(r.err.empty());  // stderr is not a terminal here: no progress line

  SECTION("near miss: with 0 in colors too, nothing is reported") {
    json image_label = {{"colors", label_values({0, 1, 2})}, {"properties", label_values({0, 1, 2})}};
    dir.write("labels/cells/zarr.json", image_doc({{"image-label", image_label}}).dump());
    auto clean = validate(shell_quote(dir.path().string()) + " --check-labels --format json");
    CHECK(clean.exit_code == 0);
    CHECK(rules_in(clean).empty());
  }
  SECTION("without --check-labels the chunk pass does not compare values") {
    auto chunks = validate(shell_quote(dir.path().string()) + " --checks chunks --format json");
    CHECK(chunks.exit_code == 0);
    CHECK(rules_in(chunks).empty());
    CHECK(chunks.err.empty());
  }
}

TEST_CASE("--check-labels implies --checks chunks and refuses --checks metadata", "[cli][labels]") {
  TempDir dir("labels-cli-flags");
  write_dataset(dir);
  auto same = validate(shell_quote(dir.path().string()) + " --checks chunks --check-labels --format json");
  CHECK(rules_in(same) == std::vector<std::string>{"NGFF-LBL-072@labels/cells/0/zarr.json"});
  auto refused = validate(shell_quote(dir.path().string()) + " --check-labels --checks metadata");
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("--check-labels") != std::string::npos);
  CHECK(refused.err.find("usage:") != std::string::npos);
  CHECK(validate("--help").out.find("--check-labels") != std::string::npos);
}

TEST_CASE("float label pixels that are not integers are reported at level 4", "[cli][labels]") {
  TempDir dir("labels-cli-float");
  std::string pixels(64, '\0');
  const float one_and_a_half = 1.5f;
  std::memcpy(pixels.data() + 4 * 3, &one_and_a_half, 4);
  write_dataset(dir, "float32", pixels);
  auto metadata = validate(shell_quote(dir.path().string()) + " --format json");
  CHECK(rules_in(metadata) == std::vector<std::string>{"NGFF-LBL-051@labels/cells/0/zarr.json"});
  auto chunks = validate(shell_quote(dir.path().string()) + " --checks chunks --format json");
  INFO(chunks.out);
  const auto report = json::parse(chunks.out);
  const json* f = finding_of(report, "NGFF-LBL-070");
  REQUIRE(f != nullptr);
  CHECK((*f)["severity"] == "error");
  CHECK((*f)["message"].get<std::string>().find("the first is 1.5, in chunk labels/cells/0/c/0/0") != std::string::npos);

  SECTION("near miss: whole numbers in the float label array") {
    std::string whole(64, '\0');
    const float two = 2.0f;
    std::memcpy(whole.data() + 4 * 3, &two, 4);
    write_dataset(dir, "float32", whole);
    auto clean = validate(shell_quote(dir.path().string()) + " --checks chunks --format json");
    CHECK(rules_in(clean) == std::vector<std::string>{"NGFF-LBL-051@labels/cells/0/zarr.json"});
  }
}
