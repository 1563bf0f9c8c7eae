#include "engine/store_tree_reader.hpp"

#include "engine/documents.hpp"

namespace ozv {
namespace {

constexpr std::uint64_t kMaxSideFileBytes = 64u << 20;  // OME-XML can be large, but not unbounded

std::optional<std::vector<std::uint64_t>> shape_of(const nlohmann::json& doc) {
  auto it = doc.find("shape");
  if (it == doc.end() || !it->is_array()) return std::nullopt;
  std::vector<std::uint64_t> shape;
  for (const auto& extent : *it) {
    if (!extent.is_number_unsigned() && !(extent.is_number_integer() && extent.get<std::int64_t>() >= 0)) {
      return std::nullopt;
    }
    shape.push_back(extent.get<std::uint64_t>());
  }
  return shape;
}

}  // namespace

std::optional<ArrayInfo> array_info_from(const nlohmann::json& doc, const std::string& key, int zarr_format) {
  if (!doc.is_object()) return std::nullopt;
  ArrayInfo info;
  info.key = key;
  info.zarr_format = zarr_format;
  if (zarr_format == 3) {
    if (doc.value("node_type", "") != "array") return std::nullopt;
    if (auto type = doc.find("data_type"); type != doc.end() && type->is_string()) info.data_type = *type;
    if (auto names = doc.find("dimension_names"); names != doc.end() && names->is_array()) {
      std::vector<std::optional<std::string>> list;
      for (const auto& n : *names) list.push_back(n.is_string() ? std::optional<std::string>(n) : std::nullopt);
      info.dimension_names = std::move(list);
    }
  } else if (auto type = doc.find("dtype"); type != doc.end() && type->is_string()) {
    info.data_type = *type;
  }
  auto shape = shape_of(doc);
  info.shape_valid = shape.has_value();
  info.shape = shape.value_or(std::vector<std::uint64_t>{});
  return info;
}

StoreTreeReader::StoreTreeReader(Store& store, const ValidateOptions& options, ParsedDocuments& parsed)
    : store_(store), options_(options), parsed_(parsed) {}

// Problems are not reported here: the Zarr walk reported them for every document it read,
// and a document only this reader reaches is reported by the rule that names it.
SharedJson StoreTreeReader::read(const std::string& key) {
  Findings reported_elsewhere;
  return read_json_document(store_, key, options_.json_limits, parsed_, reported_elsewhere);
}

std::optional<ArrayInfo> StoreTreeReader::array(const std::string& path) {
  if (auto known = parsed_.find_array(path)) return known;
  for (const auto& [name, format] : {std::pair{"zarr.json", 3}, std::pair{".zarray", 2}}) {
    const std::string key = join_key(path, name);
    if (SharedJson doc = read(key)) return array_info_from(*doc, key, format);
  }
  return std::nullopt;
}

const LocatedGroup* StoreTreeReader::located_group(const std::string& path) {
  {
    std::lock_guard lock(mutex_);
    if (auto it = groups_.find(path); it != groups_.end()) return it->second ? &*it->second : nullptr;
  }
  std::optional<LocatedGroup> located;
  if (parsed_.find_array(path)) return nullptr;  // known to be an array: no need to read it again
  const std::string v3_key = join_key(path, "zarr.json");
  SharedJson doc = read(v3_key);
  const nlohmann::json* attributes = nullptr;
  if (doc && doc->is_object() && doc->value("node_type", "") == "group") {
    LocatedGroup g;
    g.info.path = path;
    g.info.key = v3_key;
    g.info.zarr_format = 3;
    g.attributes_pointer = "/attributes";
    if (auto it = doc->find("attributes"); it != doc->end()) attributes = &*it;
    located = std::move(g);
  } else if (!doc && read(join_key(path, ".zgroup"))) {
    LocatedGroup g;
    g.info.path = path;
    g.info.key = join_key(path, ".zattrs");
    g.info.zarr_format = 2;
    doc = read(g.info.key);
    attributes = doc ? doc.get() : &no_attributes_;
    located = std::move(g);
  }

  std::lock_guard lock(mutex_);
  if (!located) {
    groups_.emplace(path, std::nullopt);
    return nullptr;
  }
  // `attributes` points into a document `parsed_` keeps alive for the whole validation.
  located->attributes = attributes;
  if (attributes) {
    if (auto meta = locate_ngff_metadata(located->info.zarr_format, *attributes, located->attributes_pointer,
                                         located->info.key, options_.spec_version, located->placement_findings)) {
      located->info.ome = meta->ome;
      located->info.pointer_base = meta->pointer_base;
      located->info.ngff_version = meta->version;
      if (meta->version_stated) located->info.version_pointer = pointer_append(meta->pointer_base, "version");
      located->kinds = meta->kinds;
    }
  }
  auto [it, inserted] = groups_.emplace(path, std::move(located));
  return &*it->second;
}

std::optional<GroupInfo> StoreTreeReader::group(const std::string& path) {
  const LocatedGroup* g = located_group(path);
  return g ? std::optional<GroupInfo>(g->info) : std::nullopt;
}

std::optional<std::string> StoreTreeReader::file(const std::string& key) {
  try {
    auto value = store_.get_bounded(key, kMaxSideFileBytes);
    return value ? value->bytes : std::nullopt;
  } catch (const StoreError&) {
    return std::nullopt;
  }
}

std::optional<std::vector<std::string>> StoreTreeReader::child_groups(const std::string& path) {
  if (!store_.capabilities().list) return std::nullopt;
  try {
    std::vector<std::string> groups;
    for (const auto& dir : store_.list_dir(path).dirs) {
      const std::string child = join_key(path, dir);
      if (store_.size(join_key(child, "zarr.json")) || store_.size(join_key(child, ".zgroup"))) {
        if (group(child)) groups.push_back(dir);
      }
    }
    return groups;
  } catch (const StoreError&) {
    return std::nullopt;
  }
}

}  // namespace ozv
