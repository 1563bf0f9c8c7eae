// The "labels" group and label images against the hierarchy (#labels-md; 0.4 also #label-md).
#include <set>

#include "rules/check_util.hpp"
#include "rules/label_arrays_of.hpp"
#include "rules/ngff_tree.hpp"
#include "rules/ngff_tree_util.hpp"

namespace ozv {

namespace {

// OME-NGFF keys of 0.4 `.zattrs`: the "metadata" an intermediate group should not carry.
constexpr std::string_view kNgffKeys04[] = {"multiscales", "omero", "labels", "image-label",
                                            "plate",       "well",  "bioformats2raw.layout", "series"};

// The NGFF keys an intermediate group carries: in 0.5 anything in `ome` but its version,
// in 0.4 the OME-NGFF keys of `.zattrs` (other attributes are not OME-Zarr metadata).
std::vector<std::string> metadata_keys(const GroupInfo& group) {
  std::vector<std::string> keys;
  if (group.ome == nullptr || !group.ome->is_object()) return keys;
  if (group.zarr_format == 3) {
    for (const auto& [name, value] : group.ome->items()) {
      if (name != "version") keys.push_back(name);
    }
  } else {
    for (auto name : kNgffKeys04) {
      if (group.ome->contains(std::string(name))) keys.emplace_back(name);
    }
  }
  return keys;
}

bool is_strictly_under(const std::string& path, const std::string& ancestor) {
  if (ancestor.empty()) return !path.empty();
  return path.size() > ancestor.size() + 1 && path.starts_with(ancestor) && path[ancestor.size()] == '/';
}

// Intermediate groups between the labels group and the label image at `resolved`
// (NGFF-LBL-055 in 0.5, NGFF-LBL-056 in 0.4).
void check_intermediate_groups(const GroupInfo& labels, const std::string& resolved, NgffTreeReader& reader,
                               std::set<std::string>& checked, Findings& out) {
  const std::string prefix = labels.path.empty() ? "" : labels.path + "/";
  std::size_t next = resolved.find('/', prefix.size());
  while (next != std::string::npos) {
    const std::string intermediate = resolved.substr(0, next);
    next = resolved.find('/', next + 1);
    if (!checked.insert(intermediate).second) continue;
    const auto group = reader.group(intermediate);
    if (!group) continue;
    const auto keys = metadata_keys(*group);
    if (keys.empty()) continue;
    out.push_back({group->zarr_format == 3 ? "NGFF-LBL-055" : "NGFF-LBL-056",
                   {group->key, ngff_tree::pointer(*group, {keys.front()})},
                   {{"path", intermediate}, {"keys", ngff_tree::list_text(keys)}}});
  }
}

// Layout comment: "Each dimension of the label should be either the same as the
// corresponding dimension of the image, or `1`" (NGFF-LBL-058, info). Compares the first
// levels; one finding at most.
void check_label_dimensions(const GroupInfo& label, const GroupInfo& source, const std::string& source_path,
                            NgffTreeReader& reader, Findings& out) {
  if (source_path == label.path) return;
  const auto label_levels = ngff_tree::read_levels(label, 0, reader);
  const auto source_levels = ngff_tree::read_levels(source, 0, reader);
  if (label_levels.empty() || source_levels.empty() || !label_levels[0].array || !source_levels[0].array) return;
  if (!label_levels[0].array->shape_valid || !source_levels[0].array->shape_valid) return;
  const auto& mine = label_levels[0].array->shape;
  const auto& theirs = source_levels[0].array->shape;
  if (mine.size() != theirs.size()) return;  // a rank mismatch is reported against the axes
  for (std::size_t d = 0; d < mine.size(); ++d) {
    if (mine[d] == theirs[d] || mine[d] == 1) continue;
    out.push_back({"NGFF-LBL-058",
                   {label_levels[0].array->key, "/shape"},
                   {{"path", label_levels[0].path_value},
                    {"dimension", std::to_string(d)},
                    {"size", std::to_string(mine[d])},
                    {"image_size", std::to_string(theirs[d])},
                    {"source", source_levels[0].array->key}}});
    return;
  }
}

}  // namespace

NgffChildren check_labels_group_tree(const GroupInfo& group, NgffTreeReader& reader, Findings& out) {
  NgffChildren children;
  const auto* labels = ngff_tree::member(group, "labels");
  if (labels == nullptr || !labels->is_array()) return children;
  std::set<std::string> listed;
  std::set<std::string> intermediates_checked;
  for (std::size_t i = 0; i < labels->size(); ++i) {
    const auto& entry = (*labels)[i];
    if (!entry.is_string()) continue;  // the document checks report the type
    const std::string text = entry.get<std::string>();
    const auto location = Location{group.key, ngff_tree::pointer(group, {"labels", std::to_string(i)})};
    const auto resolved = resolve_ngff_path(group.path, text);
    if (!resolved || !is_strictly_under(*resolved, group.path)) {
      out.push_back({"NGFF-LBL-050", location, {{"path", text}, {"detail", "it does not lie inside the labels group"}}});
      continue;
    }
    std::optional<GroupInfo> image;
    if (ngff_tree::group_with(reader, *resolved, "multiscales", image)) {
      check_intermediate_groups(group, *resolved, reader, intermediates_checked, out);
      if (listed.insert(*resolved).second) children.push_back({*resolved, NgffRole::label_image});
      continue;
    }
    // 0.4 lists "orphaned/0" in its example: a label entry naming an array is tolerated there (ome/ngff #108).
    if (group.zarr_format == 2 && reader.array(*resolved)) continue;
    out.push_back({"NGFF-LBL-050", location,
                   {{"path", text}, {"detail", "it holds " + ngff_tree::describe_node(reader, *resolved, "multiscales")}}});
  }
  // 0.5 "All label images SHOULD be listed": checkable only where the store can list; only
  // direct children are looked at (deeper ones would need a recursive listing).
  if (group.zarr_format == 3) {
    if (auto names = reader.child_groups(group.path)) {
      for (const auto& name : *names) {
        const auto child = resolve_ngff_path(group.path, name);
        if (!child || listed.count(*child) != 0) continue;
        std::optional<GroupInfo> image;
        if (!ngff_tree::group_with(reader, *child, "multiscales", image)) continue;
        out.push_back({"NGFF-LBL-057", {group.key, ngff_tree::pointer(group, {"labels"})}, {{"path", name}}});
      }
    }
  }
  return children;
}

NgffChildren check_label_image_tree(const GroupInfo& group, NgffTreeReader& reader, Findings& out) {
  reader.note_label_arrays(label_arrays_of(group, reader));  // for the label-value scan of the chunk pass
  // Integer pixels: a MUST in 0.5 (NGFF-LBL-051), a layout comment in 0.4 (NGFF-LBL-052).
  const bool v05 = group.zarr_format == 3;
  for (const auto& level : ngff_tree::read_levels(group, 0, reader)) {
    if (!level.array || ngff_tree::is_integer_data_type(*level.array)) continue;
    out.push_back({v05 ? "NGFF-LBL-051" : "NGFF-LBL-052",
                   {level.array->key, ngff_tree::data_type_pointer(*level.array)},
                   {{"path", level.path_value}, {"data_type", brief(level.array->data_type)}}});
  }

  // The source image: `image-label.source.image`, default "../../". Only an explicit path
  // that fails is reported (NGFF-LBL-054): the default is a convention that intermediate
  // groups legitimately break.
  const auto* image_label = ngff_tree::member(group, "image-label");
  const auto* source_image = ngff_tree::member(ngff_tree::member(image_label, "source"), "image");
  const bool explicit_source = source_image != nullptr && source_image->is_string();
  if (source_image != nullptr && !explicit_source) return {};  // wrong type: a document finding
  const std::string source_text = explicit_source ? source_image->get<std::string>() : "../../";
  const auto source_pointer = ngff_tree::pointer(group, {"image-label", "source", "image"});
  const auto source_path = resolve_ngff_path(group.path, source_text);
  std::optional<GroupInfo> source;
  if (!source_path || !ngff_tree::group_with(reader, *source_path, "multiscales", source)) {
    if (explicit_source) {
      const std::string detail = source_path ? "it holds " + ngff_tree::describe_node(reader, *source_path, "multiscales")
                                             : std::string("it leaves the hierarchy root");
      out.push_back({"NGFF-LBL-054", {group.key, source_pointer}, {{"path", source_text}, {"detail", detail}}});
    }
    return {};
  }

  check_label_dimensions(group, *source, *source_path, reader, out);

  // "the two datasets series MUST have the same number of entries" (NGFF-LBL-053).
  const auto levels = ngff_tree::level_count(group, 0);
  const auto source_levels = ngff_tree::level_count(*source, 0);
  if (levels && source_levels && *levels != *source_levels && *source_path != group.path) {
    out.push_back({"NGFF-LBL-053",
                   {group.key, ngff_tree::pointer(group, {"multiscales", "0", "datasets"})},
                   {{"levels", std::to_string(*levels)},
                    {"source_levels", std::to_string(*source_levels)},
                    {"source", source->key}}});
  }
  return {};
}

}  // namespace ozv
