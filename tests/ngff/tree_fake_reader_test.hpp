// An in-memory NgffTreeReader for the ngff_tree tests: a map of path -> node, plus helpers
// that build typical 0.4/0.5 images in one line.
#pragma once

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "rules/catalogue.hpp"
#include "rules/ngff_tree.hpp"

namespace ozv::ngfftree_test {

using nlohmann::json;

class FakeTree : public NgffTreeReader {
 public:
  std::optional<ArrayInfo> array(const std::string& path) override {
    ++reads;
    auto it = arrays_.find(path);
    if (it == arrays_.end()) return std::nullopt;
    return it->second;
  }
  std::optional<GroupInfo> group(const std::string& path) override {
    ++reads;
    auto it = groups_.find(path);
    if (it == groups_.end()) return std::nullopt;
    return it->second;
  }
  std::optional<std::string> file(const std::string& key) override {
    ++reads;
    auto it = files_.find(key);
    if (it == files_.end()) return std::nullopt;
    return it->second;
  }
  std::optional<std::vector<std::string>> child_groups(const std::string& path) override {
    auto it = listings_.find(path);
    if (it == listings_.end()) return std::nullopt;
    return it->second;
  }

  static std::string key_of(const std::string& path, const char* name) {
    return path.empty() ? name : path + "/" + name;
  }

  // A 0.5 group: `ome` is attributes.ome (its `version` becomes ngff_version).
  GroupInfo& group05(const std::string& path, json ome) {
    auto& doc = docs_[path] = std::move(ome);
    GroupInfo g;
    g.path = path;
    g.key = key_of(path, "zarr.json");
    g.zarr_format = 3;
    if (doc.is_object() && doc.contains("version") && doc["version"].is_string()) {
      g.ngff_version = doc["version"].get<std::string>();
      g.version_pointer = "/attributes/ome/version";
    }
    g.ome = &doc;
    g.pointer_base = "/attributes/ome";
    return groups_[path] = g;
  }
  // A 0.4 group: `zattrs` is the whole .zattrs object.
  GroupInfo& group04(const std::string& path, json zattrs, std::string version = "0.4") {
    auto& doc = docs_[path] = std::move(zattrs);
    GroupInfo g;
    g.path = path;
    g.key = key_of(path, ".zattrs");
    g.zarr_format = 2;
    g.ngff_version = std::move(version);
    g.ome = &doc;
    g.pointer_base = "";
    return groups_[path] = g;
  }
  ArrayInfo& array05(const std::string& path, std::vector<std::uint64_t> shape, std::string dtype,
                     std::optional<std::vector<std::optional<std::string>>> names) {
    ArrayInfo a;
    a.key = key_of(path, "zarr.json");
    a.zarr_format = 3;
    a.shape = std::move(shape);
    a.data_type = std::move(dtype);
    a.dimension_names = std::move(names);
    return arrays_[path] = a;
  }
  ArrayInfo& array04(const std::string& path, std::vector<std::uint64_t> shape, std::string dtype) {
    ArrayInfo a;
    a.key = key_of(path, ".zarray");
    a.zarr_format = 2;
    a.shape = std::move(shape);
    a.data_type = std::move(dtype);
    return arrays_[path] = a;
  }
  void put_file(const std::string& key, std::string bytes) { files_[key] = std::move(bytes); }
  void put_listing(const std::string& path, std::vector<std::string> names) { listings_[path] = std::move(names); }
  json& doc(const std::string& path) { return docs_.at(path); }
  GroupInfo info(const std::string& path) { return groups_.at(path); }

  std::size_t reads = 0;

 private:
  std::map<std::string, json> docs_;  // node-based: the GroupInfo pointers stay valid
  std::map<std::string, GroupInfo> groups_;
  std::map<std::string, ArrayInfo> arrays_;
  std::map<std::string, std::string> files_;
  std::map<std::string, std::vector<std::string>> listings_;
};

// Axis objects for names: "t" time, "c" channel, anything else space.
inline json axes_for(const std::vector<std::string>& names) {
  json axes = json::array();
  for (const auto& n : names) {
    axes.push_back({{"name", n}, {"type", n == "t" ? "time" : n == "c" ? "channel" : "space"}});
  }
  return axes;
}

// The multiscales list of an image with levels "0", "1", ... named by `level_paths`.
inline json multiscales_for(const std::vector<std::string>& names, const std::vector<std::string>& level_paths) {
  json datasets = json::array();
  for (const auto& p : level_paths) {
    datasets.push_back({{"path", p}, {"coordinateTransformations", json::array({{{"type", "scale"}, {"scale", json::array()}}})}});
  }
  return json::array({{{"axes", axes_for(names)}, {"datasets", datasets}}});
}

inline std::string child_path(const std::string& base, const std::string& name) {
  return base.empty() ? name : base + "/" + name;
}

// A valid 0.5 image at `path`: one level per shape, each half the size of the one before.
inline GroupInfo& image05(FakeTree& tree, const std::string& path, const std::vector<std::string>& names,
                          const std::vector<std::vector<std::uint64_t>>& shapes, const std::string& dtype = "uint16",
                          json extra = json::object()) {
  std::vector<std::string> level_paths;
  std::vector<std::optional<std::string>> dims(names.begin(), names.end());
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    level_paths.push_back(std::to_string(i));
    tree.array05(child_path(path, std::to_string(i)), shapes[i], dtype, dims);
  }
  json ome = {{"version", "0.5"}, {"multiscales", multiscales_for(names, level_paths)}};
  ome.update(extra);
  return tree.group05(path, ome);
}

inline GroupInfo& image04(FakeTree& tree, const std::string& path, const std::vector<std::string>& names,
                          const std::vector<std::vector<std::uint64_t>>& shapes, const std::string& dtype = "<u2",
                          json extra = json::object()) {
  std::vector<std::string> level_paths;
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    level_paths.push_back(std::to_string(i));
    tree.array04(child_path(path, std::to_string(i)), shapes[i], dtype);
  }
  json zattrs = {{"multiscales", multiscales_for(names, level_paths)}};
  zattrs["multiscales"][0]["version"] = "0.4";
  zattrs.update(extra);
  return tree.group04(path, zattrs);
}

// Rule IDs of the findings, sorted, for "exactly these findings" assertions.
inline std::vector<std::string> rule_ids(const Findings& findings) {
  std::vector<std::string> ids;
  for (const auto& f : findings) ids.push_back(f.rule);
  std::sort(ids.begin(), ids.end());
  return ids;
}

inline std::string value_of(const Finding& finding, const std::string& name) {
  for (const auto& [k, v] : finding.values) {
    if (k == name) return v;
  }
  return "<absent>";
}

inline std::vector<std::string> child_paths(const NgffChildren& children) {
  std::vector<std::string> paths;
  for (const auto& c : children) paths.push_back(c.path);
  return paths;
}

using Ids = std::vector<std::string>;

// Every finding resolves against our catalogue file with every placeholder supplied.
inline void require_messages_complete(const Findings& findings) {
  static const Catalogue catalogue = [] {
    std::ifstream in(std::string(OZV_SOURCE_DIR) + "/validator/rules/catalogue/ngff-tree.json");
    std::stringstream text;
    text << in.rdbuf();
    static const std::string data = text.str();
    return Catalogue::from_files({{"ngff-tree.json", data}});
  }();
  for (const auto& f : findings) {
    INFO(f.rule);
    const auto resolved = catalogue.resolve(f);
    CHECK(resolved.message.find('{') == std::string::npos);
  }
}

}  // namespace ozv::ngfftree_test
