#include "engine/ngff_checks.hpp"

#include <algorithm>
#include <map>
#include <mutex>
#include <set>
#include <atomic>

#include "engine/document_memo.hpp"
#include "engine/parallel_drain.hpp"
#include "engine/store_tree_reader.hpp"
#include "rules/catalogue.hpp"
#include "ngff/metadata.hpp"
#include "rules/ngff_doc_checks.hpp"
#include "rules/ngff_schema_checks.hpp"
#include "rules/ngff_tree.hpp"
#include "schema/schema_set.hpp"

namespace ozv {
namespace {

// The schema set for one version: --schema-dir when given, otherwise our embedded schemas.
class SchemaSource {
 public:
  explicit SchemaSource(const ValidateOptions& options) {
    if (options.schema_dir.empty()) return;
    try {
      directory_ = SchemaSet::from_directory(options.schema_dir);
    } catch (const std::exception& e) {
      throw TargetError("cannot use --schema-dir " + options.schema_dir + ": " + e.what());
    }
  }

  const SchemaSet& for_version(const std::string& version) {
    if (directory_) return *directory_;
    std::lock_guard lock(mutex_);  // nodes are checked concurrently; map nodes never move
    auto it = embedded_.find(version);
    if (it == embedded_.end()) it = embedded_.emplace(version, SchemaSet::from_embedded(version)).first;
    return it->second;
  }

 private:
  std::optional<SchemaSet> directory_;
  std::mutex mutex_;
  std::map<std::string, SchemaSet> embedded_;
};

// A schema violation at the very place where a semantic rule of at least the same severity
// reports is one defect seen twice; the semantic rule names it precisely (its own ID, spec
// sentence and message), so the schema finding is dropped. Findings from `first` on are the
// OME-NGFF pass's own.
void drop_schema_duplicates(Findings& findings, std::size_t first) {
  const auto& catalogue = Catalogue::builtin();
  auto severity_of = [&](const Finding& f) {
    const Rule* rule = catalogue.find(f.rule);
    return rule ? rule->severity : Severity::info;
  };
  auto is_schema = [](const Finding& f) { return f.rule == "NGFF-SCH-001" || f.rule == "NGFF-SCH-002"; };
  std::map<std::pair<std::string, std::string>, Severity> semantic;  // (key, pointer) -> worst severity
  for (std::size_t i = first; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    if (is_schema(f) || !f.rule.starts_with("NGFF-")) continue;
    auto [it, inserted] = semantic.emplace(std::pair{f.location.key, f.location.pointer}, severity_of(f));
    if (!inserted) it->second = std::max(it->second, severity_of(f));
  }
  if (semantic.empty()) return;
  auto explained = [&](const Finding& f) {
    if (!is_schema(f)) return false;
    auto it = semantic.find({f.location.key, f.location.pointer});
    return it != semantic.end() && it->second >= severity_of(f);
  };
  findings.erase(std::remove_if(findings.begin() + static_cast<std::ptrdiff_t>(first), findings.end(), explained),
                 findings.end());
}

bool is_ome_group_path(const std::string& path) {
  return path == "OME" || (path.size() > 4 && path.compare(path.size() - 4, 4, "/OME") == 0);
}

// Schema and document rules for one node whose metadata has been located.
void check_node(const NgffMetadata& meta, const nlohmann::json& attributes, const std::string& key,
                const std::string& attributes_pointer, bool ome_group, const ValidateOptions& options,
                SchemaSource& schemas, Findings& out) {
  if (!is_supported_ngff_version(meta.version)) return;  // NGFF-VER-004 says so
  check_ngff_schemas(schemas.for_version(meta.version), options.strict,
                     SchemaCheckTarget{&attributes, key, attributes_pointer, meta.kinds, ome_group}, out);
  check_ngff_document(NgffDocument{key, meta.version, meta.ome, meta.pointer_base}, out);
}

// Groups whose documents are identical share one parsed tree (DocumentMemo), and their schema
// and document rules then give the same findings at another key: run once per tree and
// placement, remembered for the rest.
class NodeCheckMemo {
 public:
  template <typename Run>
  Findings findings(const LocatedGroup& group, bool ome_group, Run&& run) {
    const std::string memo_key = std::to_string(reinterpret_cast<std::uintptr_t>(group.attributes)) + '\n' +
                                 std::to_string(reinterpret_cast<std::uintptr_t>(group.info.ome)) + '\n' +
                                 std::to_string(group.kinds) + (ome_group ? "o\n" : "-\n") + group.info.ngff_version +
                                 '\n' + group.info.pointer_base + '\n' + group.attributes_pointer;
    const std::string& key = group.info.key;
    std::optional<Findings> known = entries_.with_shard(memo_key, [&](const auto& shard) -> std::optional<Findings> {
      auto it = shard.find(memo_key);
      return it == shard.end() ? std::nullopt : std::optional<Findings>(it->second);
    });
    if (known) return relocated(std::move(*known), key);
    Findings fresh;
    run(fresh);
    if (findings_relocatable(fresh, key)) {
      entries_.with_shard(memo_key, [&](auto& shard) { shard.emplace(memo_key, fresh); });
    }
    return fresh;
  }

 private:
  ShardedMap<Findings> entries_;  // the trees stay alive (ParsedDocuments) while this lives
};

}  // namespace

std::optional<std::string> check_ngff_hierarchy(Store& store, const std::vector<std::string>& groups,
                                                const ValidateOptions& options, ParsedDocuments& parsed,
                                                Findings& out) {
  const std::size_t first = out.size();
  SchemaSource schemas(options);
  StoreTreeReader reader(store, options, parsed);
  std::optional<std::string> root_version;
  std::atomic<bool> any_ngff{false};
  // Each group's document rules are independent of the others': groups are checked
  // concurrently, each worker into its own findings.
  std::vector<Findings> outputs(worker_count(options.jobs));
  NodeCheckMemo memo;
  ParallelDrain<std::string> drain;
  drain.run({groups.begin(), groups.end()}, outputs.size(), [&](const std::string& path, auto&, std::size_t worker) {
    const LocatedGroup* group = reader.located_group(path);
    if (group == nullptr || group->info.ome == nullptr || group->attributes == nullptr) return;
    any_ngff = true;
    if (path.empty()) root_version = group->info.ngff_version;  // one group has the empty path
    Findings& out_w = outputs[worker];
    out_w.insert(out_w.end(), group->placement_findings.begin(), group->placement_findings.end());
    NgffMetadata meta;
    meta.version = group->info.ngff_version;
    meta.ome = group->info.ome;
    meta.pointer_base = group->info.pointer_base;
    meta.kinds = group->kinds;
    const bool ome_group = is_ome_group_path(path);
    Findings node_findings = memo.findings(*group, ome_group, [&](Findings& fresh) {
      check_node(meta, *group->attributes, group->info.key, group->attributes_pointer, ome_group, options, schemas,
                 fresh);
    });
    out_w.insert(out_w.end(), std::make_move_iterator(node_findings.begin()),
                 std::make_move_iterator(node_findings.end()));
  });
  for (auto& o : outputs) out.insert(out.end(), std::make_move_iterator(o.begin()), std::make_move_iterator(o.end()));
  // The tree rules follow the paths the metadata names, from the root down, then from every
  // OME-NGFF group that no metadata above it leads to (an image inside a plain group, a label
  // image its labels group does not list): each node is checked from wherever it starts.
  if (any_ngff) {
    const ParallelFor parallel_for = [&](std::size_t count, const std::function<void(std::size_t)>& body) {
      parallel_for_each_index(count, outputs.size(), body);
    };
    std::set<std::string> visited;
    walk_ngff_tree(reader, "", out, options.max_nodes, &visited, parallel_for);
    for (const auto& path : groups) {  // sorted: a parent starts before its descendants
      if (visited.count(path) != 0) continue;
      const LocatedGroup* group = reader.located_group(path);
      if (group != nullptr && group->info.ome != nullptr) {
        walk_ngff_tree(reader, path, out, options.max_nodes, &visited, parallel_for);
      }
    }
  }
  drop_schema_duplicates(out, first);
  return root_version;
}

std::optional<std::string> check_ngff_attributes_document(const nlohmann::json& attributes, int zarr_format,
                                                          const std::string& attributes_pointer, const std::string& key,
                                                          const ValidateOptions& options, Findings& out) {
  auto meta = locate_ngff_metadata(zarr_format, attributes, attributes_pointer, key, options.spec_version, out);
  if (!meta) return std::nullopt;
  SchemaSource schemas(options);
  // A lone document cannot say which group holds it: a `series` list marks the OME group.
  const bool series_document = (meta->kinds & kNgffSeries) != 0;
  const std::size_t first = out.size();
  check_node(*meta, attributes, key, attributes_pointer, series_document, options, schemas, out);
  drop_schema_duplicates(out, first);
  return meta->version;
}

}  // namespace ozv
