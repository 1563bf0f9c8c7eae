#include "engine/hierarchy_walk.hpp"

#include <deque>
#include <optional>

#include "engine/documents.hpp"
#include "rules/node_name_checks.hpp"
#include "rules/zarr_v2_checks.hpp"
#include "rules/zarr_v3_checks.hpp"

namespace ozv {
namespace {

constexpr std::size_t kOrphanSearchDepth = 4;      // levels below a metadata-less directory
constexpr std::size_t kOrphanSearchListings = 256; // directories listed per search

struct PendingNode {
  std::string prefix;
  std::size_t depth = 0;
};

std::string node_type_of(const nlohmann::json& doc) {
  if (doc.is_object()) {
    auto it = doc.find("node_type");
    if (it != doc.end() && it->is_string()) return it->get<std::string>();
  }
  return "";
}

class Walker {
 public:
  Walker(Store& store, const ValidateOptions& options, ParsedDocuments& parsed, Findings& out,
         std::vector<std::string>* groups)
      : store_(store), options_(options), parsed_(parsed), out_(out), groups_(groups),
        can_list_(store.capabilities().list) {}

  Detected walk() {
    Detected detected;
    if (key_exists(store_, "zarr.json", out_)) {
      detected.zarr_format = 3;
      walk_from_root([&](const PendingNode& node) { visit_v3(node, detected); });
    } else if (key_exists(store_, ".zarray", out_) || key_exists(store_, ".zgroup", out_)) {
      detected.zarr_format = 2;
      walk_from_root([&](const PendingNode& node) { visit_v2(node, detected); });
    } else {
      out_.push_back(Finding{"TARGET-001", {"", ""}, {}});
    }
    return detected;
  }

 private:
  template <typename Visit>
  void walk_from_root(Visit visit) {
    queue_.push_back(PendingNode{"", 0});
    std::size_t visited = 0;
    while (!queue_.empty()) {
      PendingNode node = std::move(queue_.front());
      queue_.pop_front();
      if (++visited > options_.max_nodes || node.depth > options_.max_depth) {
        out_.push_back(Finding{"STORE-004", {node.prefix, ""},
                               {{"limit", std::to_string(options_.max_nodes)},
                                {"depth", std::to_string(options_.max_depth)}}});
        queue_.clear();
        return;
      }
      visit(node);
    }
  }

  Listing list(const std::string& prefix) {
    if (!can_list_) return {};
    try {
      return store_.list_dir(prefix);
    } catch (const StoreError& e) {
      out_.push_back(finding_from(e));
      return {};
    }
  }

  // True when some directory below `prefix` (bounded search) holds one of `metadata_names`:
  // metadata the walk cannot reach because an intermediate level has none.
  bool has_metadata_below(const std::string& prefix, std::initializer_list<const char*> metadata_names) {
    std::deque<std::pair<std::string, std::size_t>> pending{{prefix, 0}};
    std::size_t listings = 0;
    while (!pending.empty() && listings < kOrphanSearchListings) {
      auto [dir, depth] = pending.front();
      pending.pop_front();
      auto listing = list(dir);
      ++listings;
      for (const auto& file : listing.files) {
        for (const char* name : metadata_names) {
          if (file == name) return true;
        }
      }
      if (depth + 1 < kOrphanSearchDepth) {
        for (const auto& sub : listing.dirs) pending.emplace_back(join_key(dir, sub), depth + 1);
      }
    }
    return false;
  }

  void visit_v3(const PendingNode& node, Detected& detected) {
    const std::string key = join_key(node.prefix, "zarr.json");
    auto doc = read_json_document(store_, key, options_.json_limits, parsed_, out_);
    if (!doc) return;
    check_v3_document(*doc, key, out_);
    const std::string type = node_type_of(*doc);
    if (node.prefix.empty()) {
      if (!type.empty()) detected.node_type = type;
    }
    if (type != "group" && type != "array") return;
    if (type == "group" && groups_) groups_->push_back(node.prefix);

    for (const auto& dir : list(node.prefix).dirs) {
      const std::string child = join_key(node.prefix, dir);
      const std::string child_key = join_key(child, "zarr.json");
      if (type == "array") {
        // Arrays have no children; their sub-directories are chunk keys.
        if (key_exists(store_, child_key, out_)) out_.push_back(Finding{"V3-NODE-005", {child_key, ""}, {}});
        continue;
      }
      if (dir.starts_with("__")) continue;  // reserved prefixes are not children
      if (key_exists(store_, child_key, out_)) {
        check_v3_node_name(dir, child_key, out_);
        queue_.push_back(PendingNode{child, node.depth + 1});
      } else if (has_metadata_below(child, {"zarr.json"})) {
        out_.push_back(Finding{"V3-HIER-001", {child, ""}, {}});
      }
    }
  }

  void visit_v2(const PendingNode& node, Detected& detected) {
    const std::string array_key = join_key(node.prefix, ".zarray");
    const std::string group_key = join_key(node.prefix, ".zgroup");
    const bool is_array = key_exists(store_, array_key, out_);
    const bool is_group = key_exists(store_, group_key, out_);
    if (is_array && is_group) out_.push_back(Finding{"V2-NODE-001", {array_key, ""}, {}});
    if (node.prefix.empty()) detected.node_type = is_array ? "array" : "group";

    if (is_array) {
      if (auto doc = read_json_document(store_, array_key, options_.json_limits, parsed_, out_)) {
        check_zarray(*doc, array_key, out_);
      }
    } else if (auto doc = read_json_document(store_, group_key, options_.json_limits, parsed_, out_)) {
      check_zgroup(*doc, group_key, out_);
    }
    const std::string attrs_key = join_key(node.prefix, ".zattrs");
    if (auto attrs = read_json_document(store_, attrs_key, options_.json_limits, parsed_, out_)) {
      check_zattrs(*attrs, attrs_key, out_);
    }
    if (is_array) return;  // sub-directories of an array are chunk keys
    if (is_group && groups_) groups_->push_back(node.prefix);

    for (const auto& dir : list(node.prefix).dirs) {
      const std::string child = join_key(node.prefix, dir);
      if (dir == "." || dir == "..") {
        out_.push_back(Finding{"V2-PATH-001", {child, ""}, {{"segment", dir}}});
        continue;
      }
      if (key_exists(store_, join_key(child, ".zarray"), out_) ||
          key_exists(store_, join_key(child, ".zgroup"), out_)) {
        queue_.push_back(PendingNode{child, node.depth + 1});
      } else if (has_metadata_below(child, {".zarray", ".zgroup"})) {
        out_.push_back(Finding{"V2-HIER-001", {child, ""}, {}});
      }
    }
  }

  Store& store_;
  const ValidateOptions& options_;
  ParsedDocuments& parsed_;
  Findings& out_;
  std::vector<std::string>* groups_;
  const bool can_list_;
  std::deque<PendingNode> queue_;
};

}  // namespace

Detected walk_hierarchy(Store& store, const ValidateOptions& options, ParsedDocuments& parsed, Findings& out,
                        std::vector<std::string>* groups) {
  return Walker(store, options, parsed, out, groups).walk();
}

}  // namespace ozv
