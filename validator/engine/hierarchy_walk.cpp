#include "engine/hierarchy_walk.hpp"

#include <algorithm>
#include <atomic>
#include <deque>
#include <optional>

#include "engine/document_memo.hpp"
#include "engine/documents.hpp"
#include "engine/parallel_drain.hpp"
#include "engine/store_tree_reader.hpp"
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

using Drain = ParallelDrain<PendingNode>;

std::string node_type_of(const nlohmann::json& doc) {
  if (doc.is_object()) {
    auto it = doc.find("node_type");
    if (it != doc.end() && it->is_string()) return it->get<std::string>();
  }
  return "";
}

// What one worker produces; merged after the walk, so workers never share an output.
struct WorkerOutput {
  Findings findings;
  std::vector<std::string> groups;
};

// Nodes are visited concurrently (options.jobs workers). Every node's findings are facts about
// that node alone, and the report sorts them, so the visiting order does not show.
class Walker {
 public:
  Walker(Store& store, const ValidateOptions& options, ParsedDocuments& parsed)
      : store_(store), options_(options), parsed_(parsed), can_list_(store.capabilities().list),
        outputs_(worker_count(options.jobs)) {}

  Detected walk(Findings& out, std::vector<std::string>* groups) {
    Detected detected;
    Findings& root_out = outputs_.front().findings;
    if (key_exists(store_, "zarr.json", root_out)) {
      detected.zarr_format = 3;
      walk_from_root([&](const PendingNode& node, WorkerOutput& o) { visit_v3(node, detected, o); });
    } else if (key_exists(store_, ".zarray", root_out) || key_exists(store_, ".zgroup", root_out)) {
      detected.zarr_format = 2;
      walk_from_root([&](const PendingNode& node, WorkerOutput& o) { visit_v2(node, detected, o); });
    } else {
      root_out.push_back(Finding{"TARGET-001", {"", ""}, {}});
    }
    for (auto& o : outputs_) {
      out.insert(out.end(), std::make_move_iterator(o.findings.begin()), std::make_move_iterator(o.findings.end()));
      if (groups) groups->insert(groups->end(), o.groups.begin(), o.groups.end());
    }
    if (groups) std::sort(groups->begin(), groups->end());  // the order of discovery is not stable
    return detected;
  }

 private:
  template <typename Visit>
  void walk_from_root(Visit visit) {
    std::atomic<std::size_t> visited{0};
    drain_.run({PendingNode{"", 0}}, outputs_.size(), [&](PendingNode& node, Drain& drain, std::size_t worker) {
      WorkerOutput& o = outputs_[worker];
      if (node.depth > options_.max_depth) {  // this branch ends here; the others go on
        o.findings.push_back(too_many_nodes(node.prefix));
        return;
      }
      if (visited.fetch_add(1) >= options_.max_nodes) {  // the whole walk ends
        if (!limit_reported_.exchange(true)) o.findings.push_back(too_many_nodes(""));
        drain.stop();
        return;
      }
      visit(node, o);
    });
  }

  Finding too_many_nodes(const std::string& prefix) const {
    return Finding{"STORE-004", {prefix, ""},
                   {{"limit", std::to_string(options_.max_nodes)}, {"depth", std::to_string(options_.max_depth)}}};
  }

  // The document at `key` with the Zarr rule `check` applied: from `parsed_` when an earlier
  // pass read it (the root, say), otherwise through the memo.
  SharedJson read_checked(const std::string& key, DocumentMemo::Check check, Findings& out) {
    if (SharedJson known = parsed_.find(key)) {
      check(*known, key, out);
      return known;
    }
    auto result = memo_.read(store_, key, options_.json_limits, check);
    out.insert(out.end(), std::make_move_iterator(result.findings.begin()),
               std::make_move_iterator(result.findings.end()));
    return result.document;
  }

  // What `list_something()` returns, or nothing when the store cannot list or fails to (the
  // failure is a finding).
  template <typename ListSomething>
  auto listed(Findings& out, ListSomething&& list_something) -> decltype(list_something()) {
    if (!can_list_) return {};
    try {
      return list_something();
    } catch (const StoreError& e) {
      out.push_back(finding_from(e));
      return {};
    }
  }
  Listing list(const std::string& prefix, Findings& out) {
    return listed(out, [&] { return store_.list_dir(prefix); });
  }
  std::vector<std::string> list_subdirectories(const std::string& prefix, Findings& out) {
    return listed(out, [&] { return store_.list_subdirectories(prefix); });
  }

  // True when some directory below `prefix` (bounded search) holds one of `metadata_names`:
  // metadata the walk cannot reach because an intermediate level has none.
  bool has_metadata_below(const std::string& prefix, std::initializer_list<const char*> metadata_names,
                          Findings& out) {
    std::deque<std::pair<std::string, std::size_t>> pending{{prefix, 0}};
    std::size_t listings = 0;
    while (!pending.empty() && listings < kOrphanSearchListings) {
      auto [dir, depth] = pending.front();
      pending.pop_front();
      auto listing = list(dir, out);
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

  void visit_v3(const PendingNode& node, Detected& detected, WorkerOutput& o) {
    Findings& out = o.findings;
    const std::string key = join_key(node.prefix, "zarr.json");
    const SharedJson doc = read_checked(key, check_v3_document, out);
    if (!doc) return;
    const std::string type = node_type_of(*doc);
    if (node.prefix.empty()) {
      if (!type.empty()) detected.node_type = type;  // only the root's visitor writes it
    }
    if (type == "array") {
      if (auto info = array_info_from(*doc, key, 3)) parsed_.keep_array(node.prefix, std::move(*info));
    } else {
      parsed_.keep(key, doc);
    }
    if (type != "group" && type != "array") return;
    if (type == "group") o.groups.push_back(node.prefix);

    const auto dirs = type == "array" ? list_subdirectories(node.prefix, out) : list(node.prefix, out).dirs;
    for (const auto& dir : dirs) {
      const std::string child = join_key(node.prefix, dir);
      const std::string child_key = join_key(child, "zarr.json");
      if (type == "array") {
        // Arrays have no children; their sub-directories are chunk keys.
        if (key_exists(store_, child_key, out)) out.push_back(Finding{"V3-NODE-005", {child_key, ""}, {}});
        continue;
      }
      if (dir.starts_with("__")) continue;  // reserved prefixes are not children
      if (key_exists(store_, child_key, out)) {
        check_v3_node_name(dir, child_key, out);
        drain_.push(PendingNode{child, node.depth + 1});
      } else if (has_metadata_below(child, {"zarr.json"}, out)) {
        out.push_back(Finding{"V3-HIER-001", {child, ""}, {}});
      }
    }
  }

  void visit_v2(const PendingNode& node, Detected& detected, WorkerOutput& o) {
    Findings& out = o.findings;
    const std::string array_key = join_key(node.prefix, ".zarray");
    const std::string group_key = join_key(node.prefix, ".zgroup");
    const bool is_array = key_exists(store_, array_key, out);
    const bool is_group = key_exists(store_, group_key, out);
    if (is_array && is_group) out.push_back(Finding{"V2-NODE-001", {array_key, ""}, {}});
    if (node.prefix.empty()) detected.node_type = is_array ? "array" : "group";

    if (is_array) {
      // A node that is also a group stays a group for the OME-NGFF rules (V2-NODE-001 says why).
      if (auto doc = read_checked(array_key, check_zarray, out); doc && !is_group) {
        if (auto info = array_info_from(*doc, array_key, 2)) parsed_.keep_array(node.prefix, std::move(*info));
      }
    } else if (auto doc = read_checked(group_key, check_zgroup, out)) {
      parsed_.keep(group_key, doc);
    }
    const std::string attrs_key = join_key(node.prefix, ".zattrs");
    if (auto attrs = read_checked(attrs_key, check_zattrs, out)) parsed_.keep(attrs_key, attrs);
    if (is_array) return;  // sub-directories of an array are chunk keys
    if (is_group) o.groups.push_back(node.prefix);

    for (const auto& dir : list(node.prefix, out).dirs) {
      const std::string child = join_key(node.prefix, dir);
      if (dir == "." || dir == "..") {
        out.push_back(Finding{"V2-PATH-001", {child, ""}, {{"segment", dir}}});
        continue;
      }
      if (key_exists(store_, join_key(child, ".zarray"), out) ||
          key_exists(store_, join_key(child, ".zgroup"), out)) {
        drain_.push(PendingNode{child, node.depth + 1});
      } else if (has_metadata_below(child, {".zarray", ".zgroup"}, out)) {
        out.push_back(Finding{"V2-HIER-001", {child, ""}, {}});
      }
    }
  }

  Store& store_;
  const ValidateOptions& options_;
  ParsedDocuments& parsed_;
  const bool can_list_;
  std::vector<WorkerOutput> outputs_;
  Drain drain_;
  DocumentMemo memo_;
  std::atomic<bool> limit_reported_{false};
};

}  // namespace

Detected walk_hierarchy(Store& store, const ValidateOptions& options, ParsedDocuments& parsed, Findings& out,
                        std::vector<std::string>* groups) {
  return Walker(store, options, parsed).walk(out, groups);
}

}  // namespace ozv
