// Helpers for the single-document OME-NGFF rule tests (tests/ngff/doc_*_test.cpp).
//
// A test builds the OME object of a valid document for 0.4 (the whole .zattrs) or 0.5 (the
// attributes.ome object), breaks one thing, and compares the findings as "RULE pointer"
// strings in emission order, with pointers relative to the OME object so that one expectation
// serves both versions. The helper checks that every pointer really starts with the version's
// base ("" or "/attributes/ome") and that every finding resolves against the catalogue.
#pragma once

#include "support/findings_check.hpp"
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/catalogue.hpp"
#include "rules/ngff_doc_checks.hpp"

namespace ngffdoc {

using nlohmann::json;
using Hits = std::vector<std::string>;

struct Doc {
  std::string version;  // "0.4" or "0.5"
  json ome;             // 0.4: the .zattrs object; 0.5: attributes.ome
  json& at(const std::string& pointer) { return ome[json::json_pointer(pointer)]; }
  void erase(const std::string& pointer) {
    const json::json_pointer p(pointer);
    ome[p.parent_pointer()].erase(p.back());
  }
};

inline std::string base_of(const std::string& version) { return version == "0.5" ? "/attributes/ome" : ""; }
inline std::string key_of(const std::string& version) { return version == "0.5" ? "img/zarr.json" : "img/.zattrs"; }

using ozv::test::require_resolvable;

inline ozv::Findings run_raw(const std::string& version, const json& ome) {
  ozv::Findings out;
  ozv::check_ngff_document(ozv::NgffDocument{key_of(version), version, &ome, base_of(version)}, out);
  require_resolvable(out);
  return out;
}

// "RULE pointer" for each finding, the pointer made relative to the OME object.
inline Hits check(const Doc& doc) {
  Hits hits;
  const std::string base = base_of(doc.version);
  for (const auto& f : run_raw(doc.version, doc.ome)) {
    INFO(f.rule << " at " << f.location.pointer);
    REQUIRE(f.location.key == key_of(doc.version));
    REQUIRE(f.location.pointer.rfind(base, 0) == 0);
    hits.push_back(f.rule + " " + f.location.pointer.substr(base.size()));
  }
  return hits;
}

inline const std::vector<std::string>& both_versions() {
  static const std::vector<std::string> versions{"0.4", "0.5"};
  return versions;
}

// The OME object with nothing in it but the version where 0.5 keeps it.
inline json empty_ome(const std::string& version) {
  return version == "0.5" ? json{{"version", "0.5"}} : json::object();
}

// A valid 5D image (t, c, z, y, x), two levels, dataset and multiscale transformations.
inline Doc image(const std::string& version) {
  Doc doc{version, empty_ome(version)};
  json ms = {
      {"name", "example"},
      {"axes", json::array({{{"name", "t"}, {"type", "time"}, {"unit", "second"}},
                            {{"name", "c"}, {"type", "channel"}},
                            {{"name", "z"}, {"type", "space"}, {"unit", "micrometer"}},
                            {{"name", "y"}, {"type", "space"}, {"unit", "micrometer"}},
                            {{"name", "x"}, {"type", "space"}, {"unit", "micrometer"}}})},
      {"datasets", json::array({{{"path", "0"},
                                 {"coordinateTransformations",
                                  json::array({{{"type", "scale"}, {"scale", {1, 1, 0.5, 0.5, 0.5}}},
                                               {{"type", "translation"}, {"translation", {0, 0, 0, 0, 0}}}})}},
                                {{"path", "1"},
                                 {"coordinateTransformations",
                                  json::array({{{"type", "scale"}, {"scale", {1, 1, 1, 1, 1}}}})}}})},
      {"coordinateTransformations", json::array({{{"type", "scale"}, {"scale", {0.1, 1, 1, 1, 1}}}})}};
  if (version == "0.4") ms["version"] = "0.4";
  doc.ome["multiscales"] = json::array({ms});
  return doc;
}

// Replaces the axes of the first multiscale, and its transformations by one level whose scale
// matches the new axis count.
inline void set_axes(Doc& doc, const json& axes) {
  json& ms = doc.ome["multiscales"][0];
  ms["axes"] = axes;
  ms["datasets"] = json::array({{{"path", "0"},
                                 {"coordinateTransformations",
                                  json::array({{{"type", "scale"}, {"scale", std::vector<double>(axes.size(), 1.0)}}})}}});
  ms.erase("coordinateTransformations");
}

// A valid plate: rows A, B; columns 1, 2, 3; wells A/1 and B/3; two acquisitions.
inline Doc plate(const std::string& version) {
  Doc doc{version, empty_ome(version)};
  json p = {{"name", "plate"},
            {"field_count", 2},
            {"acquisitions", json::array({{{"id", 0}, {"name", "first"}}, {{"id", 1}, {"name", "second"}}})},
            {"rows", json::array({{{"name", "A"}}, {{"name", "B"}}})},
            {"columns", json::array({{{"name", "1"}}, {{"name", "2"}}, {{"name", "3"}}})},
            {"wells", json::array({{{"path", "A/1"}, {"rowIndex", 0}, {"columnIndex", 0}},
                                   {{"path", "B/3"}, {"rowIndex", 1}, {"columnIndex", 2}}})}};
  if (version == "0.4") p["version"] = "0.4";
  doc.ome["plate"] = p;
  return doc;
}

// A valid well with two fields of view.
inline Doc well(const std::string& version) {
  Doc doc{version, empty_ome(version)};
  json w = {{"images", json::array({{{"path", "0"}, {"acquisition", 0}}, {{"path", "1"}, {"acquisition", 1}}})}};
  if (version == "0.4") w["version"] = "0.4";
  doc.ome["well"] = w;
  return doc;
}

// A valid label image: the image above plus image-label with colors and properties.
inline Doc label(const std::string& version) {
  Doc doc = image(version);
  json il = {{"colors", json::array({{{"label-value", 1}, {"rgba", {255, 0, 0, 255}}},
                                     {{"label-value", 2}, {"rgba", {0, 255, 0, 255}}}})},
             {"properties", json::array({{{"label-value", 1}, {"class", "cell"}}, {{"label-value", 2}}})},
             {"source", {{"image", "../../"}}}};
  if (version == "0.4") il["version"] = "0.4";
  doc.ome["image-label"] = il;
  return doc;
}

// The image above with one valid omero channel.
inline Doc omero(const std::string& version) {
  Doc doc = image(version);
  doc.ome["omero"] = {
      {"channels", json::array({{{"color", "00FF7f"},
                                 {"label", "DAPI"},
                                 {"window", {{"min", 0}, {"max", 255}, {"start", 0}, {"end", 200}}}}})}};
  return doc;
}

}  // namespace ngffdoc
