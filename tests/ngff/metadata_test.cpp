// Locating OME-NGFF metadata and its version in a node's attributes.
#include <catch2/catch.hpp>

#include "ngff/metadata.hpp"

using namespace ozv;
using nlohmann::json;

namespace {

std::vector<std::string> rules(const Findings& findings) {
  std::vector<std::string> out;
  for (const auto& f : findings) out.push_back(f.rule + "@" + f.location.pointer);
  return out;
}

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("0.5 metadata lives under attributes.ome", "[ngff][version]") {
  auto attributes = json::parse(R"({"ome": {"version": "0.5", "multiscales": [], "omero": {}}})");
  Findings out;
  auto meta = locate_ngff_metadata(3, attributes, "/attributes", "zarr.json", "", out);
  REQUIRE(meta);
  CHECK(meta->version == "0.5");
  CHECK(meta->version_stated);
  CHECK(meta->pointer_base == "/attributes/ome");
  CHECK(meta->kinds == kNgffImage);
  CHECK(out.empty());
}

TEST_CASE("0.4 metadata takes its version from the first versioned object", "[ngff][version]") {
  Findings out;
  auto image = json::parse(R"({"multiscales": [{"version": "0.4"}], "labels": ["a"]})");
  auto meta = locate_ngff_metadata(2, image, "", ".zattrs", "", out);
  REQUIRE(meta);
  CHECK(meta->version == "0.4");
  CHECK(meta->kinds == (kNgffImage | kNgffLabels));
  CHECK(meta->pointer_base.empty());

  auto plate = json::parse(R"({"plate": {"version": "0.4", "wells": []}})");
  CHECK(locate_ngff_metadata(2, plate, "", ".zattrs", "", out)->version == "0.4");

  auto unversioned = json::parse(R"({"well": {"images": []}})");
  meta = locate_ngff_metadata(2, unversioned, "", ".zattrs", "", out);
  CHECK(meta->version == "0.4");
  CHECK(!meta->version_stated);
  CHECK(out.empty());
}

TEST_CASE("attributes without OME keys are not OME-NGFF nodes", "[ngff][version]") {
  Findings out;
  CHECK(!locate_ngff_metadata(3, json::parse(R"({"foo": 1})"), "/attributes", "zarr.json", "", out));
  CHECK(!locate_ngff_metadata(3, json::parse("[1]"), "/attributes", "zarr.json", "", out));
  CHECK(!locate_ngff_metadata(2, json::parse(R"({"ome": 3})"), "", ".zattrs", "", out));
  CHECK(out.empty());
}

TEST_CASE("NGFF-VER-001: the ome namespace in Zarr v2", "[ngff][version]") {
  Findings out;
  locate_ngff_metadata(2, json::parse(R"({"ome": {"version": "0.5"}})"), "", ".zattrs", "", out);
  CHECK(rules(out) == Strings{"NGFF-VER-001@/ome"});
}

TEST_CASE("NGFF-VER-002: 0.4 and 0.5 metadata side by side", "[ngff][version]") {
  Findings out;
  auto attributes = json::parse(R"({"ome": {"version": "0.5"}, "multiscales": [{"version": "0.4"}]})");
  auto meta = locate_ngff_metadata(3, attributes, "/attributes", "zarr.json", "", out);
  CHECK(meta->version == "0.5");  // RFC-2: 0.5 SHOULD be treated preferentially
  CHECK(rules(out) == Strings{"NGFF-VER-002@/attributes"});
}

TEST_CASE("NGFF-VER-003: 0.4-style keys in Zarr v3", "[ngff][version]") {
  Findings out;
  locate_ngff_metadata(3, json::parse(R"({"multiscales": [{"version": "0.4"}]})"), "/attributes", "zarr.json", "", out);
  CHECK(rules(out) == Strings{"NGFF-VER-003@/attributes"});
  Findings none;  // a bare attributes document has no Zarr format to disagree with
  locate_ngff_metadata(0, json::parse(R"({"multiscales": [{"version": "0.4"}]})"), "", "case.json", "", none);
  CHECK(none.empty());
}

TEST_CASE("NGFF-VER-004: versions the validator does not check, unless forced", "[ngff][version]") {
  Findings out;
  auto attributes = json::parse(R"({"ome": {"version": "0.6rc0", "multiscales": []}})");
  auto meta = locate_ngff_metadata(3, attributes, "/attributes", "zarr.json", "", out);
  CHECK(meta->version == "0.6rc0");
  CHECK(rules(out) == Strings{"NGFF-VER-004@/attributes/ome"});
  Findings forced;
  meta = locate_ngff_metadata(3, attributes, "/attributes", "zarr.json", "0.5", forced);
  CHECK(meta->version == "0.5");
  CHECK(forced.empty());
}
