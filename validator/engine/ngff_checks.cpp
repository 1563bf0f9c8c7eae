#include "engine/ngff_checks.hpp"

#include <map>

#include "engine/store_tree_reader.hpp"
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
    auto it = embedded_.find(version);
    if (it == embedded_.end()) it = embedded_.emplace(version, SchemaSet::from_embedded(version)).first;
    return it->second;
  }

 private:
  std::optional<SchemaSet> directory_;
  std::map<std::string, SchemaSet> embedded_;
};

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

}  // namespace

std::optional<std::string> check_ngff_hierarchy(Store& store, const std::vector<std::string>& groups,
                                                const ValidateOptions& options, ParsedDocuments& parsed,
                                                Findings& out) {
  SchemaSource schemas(options);
  StoreTreeReader reader(store, options, parsed);
  std::optional<std::string> root_version;
  bool any_ngff = false;
  for (const auto& path : groups) {
    const LocatedGroup* group = reader.located_group(path);
    if (group == nullptr || group->info.ome == nullptr || group->attributes == nullptr) continue;
    any_ngff = true;
    if (path.empty()) root_version = group->info.ngff_version;
    out.insert(out.end(), group->placement_findings.begin(), group->placement_findings.end());
    NgffMetadata meta;
    meta.version = group->info.ngff_version;
    meta.ome = group->info.ome;
    meta.pointer_base = group->info.pointer_base;
    meta.kinds = group->kinds;
    check_node(meta, *group->attributes, group->info.key, group->attributes_pointer, is_ome_group_path(path),
               options, schemas, out);
  }
  // The tree rules follow the paths the metadata names, from the root down.
  if (any_ngff) walk_ngff_tree(reader, "", out, options.max_nodes);
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
  check_node(*meta, attributes, key, attributes_pointer, series_document, options, schemas, out);
  return meta->version;
}

}  // namespace ozv
