// Image groups against their level arrays: "multiscales" (#multiscale-md), "axes"
// (#axes-md) and the omero channel count (#omero-md).
#include <set>

#include "rules/check_util.hpp"
#include "rules/ngff_tree.hpp"
#include "rules/ngff_tree_util.hpp"

namespace ozv {

namespace {

using ngff_tree::Level;

// Datasets that do not resolve to an array (NGFF-MS-050).
void check_levels_resolve(const GroupInfo& group, const std::vector<Level>& levels, NgffTreeReader& reader,
                          Findings& out) {
  for (const auto& level : levels) {
    if (level.array) continue;
    const std::string detail = level.resolved ? "it holds " + ngff_tree::describe_node(reader, *level.resolved, "multiscales")
                                              : std::string("it leaves the hierarchy root");
    out.push_back({"NGFF-MS-050", {group.key, level.pointer}, {{"path", level.path_value}, {"detail", detail}}});
  }
}

// Rank against axes (NGFF-AX-050), against the first level when axes are unusable
// (NGFF-MS-051), and the 5-dimension limit (NGFF-MS-052).
void check_ranks(const std::vector<Level>& levels, const std::optional<std::vector<std::string>>& names,
                 Findings& out) {
  std::optional<std::size_t> first_rank;
  for (const auto& level : levels) {
    if (!level.array || !level.array->shape_valid) continue;
    const auto& array = *level.array;
    const std::size_t rank = array.shape.size();
    if (names && rank != names->size()) {
      out.push_back({"NGFF-AX-050",
                     {array.key, "/shape"},
                     {{"path", level.path_value}, {"rank", std::to_string(rank)}, {"axes", std::to_string(names->size())}}});
    } else if (!names && first_rank && rank != *first_rank) {
      out.push_back({"NGFF-MS-051",
                     {array.key, "/shape"},
                     {{"path", level.path_value}, {"rank", std::to_string(rank)}, {"first_rank", std::to_string(*first_rank)}}});
    }
    if (rank > 5) {
      out.push_back({"NGFF-MS-052", {array.key, "/shape"}, {{"path", level.path_value}, {"rank", std::to_string(rank)}}});
    }
    if (!first_rank) first_rank = rank;
  }
}

// 0.5: dimension_names present (NGFF-AX-051) and equal to the axes names (NGFF-AX-052).
void check_dimension_names(const std::vector<Level>& levels, const std::optional<std::vector<std::string>>& names,
                           Findings& out) {
  for (const auto& level : levels) {
    if (!level.array || level.array->zarr_format != 3) continue;  // v2 arrays have no dimension_names
    const auto& array = *level.array;
    if (!array.dimension_names) {
      out.push_back({"NGFF-AX-051", {array.key, "/dimension_names"}, {{"path", level.path_value}}});
      continue;
    }
    if (!names) continue;
    std::vector<std::string> shown;
    bool equal = array.dimension_names->size() == names->size();
    for (std::size_t d = 0; d < array.dimension_names->size(); ++d) {
      const auto& name = (*array.dimension_names)[d];
      shown.push_back(name ? *name : "null");
      if (equal && (!name || *name != (*names)[d])) equal = false;
    }
    if (!equal) {
      out.push_back({"NGFF-AX-052",
                     {array.key, "/dimension_names"},
                     {{"path", level.path_value},
                      {"dimension_names", ngff_tree::list_text(shown)},
                      {"axes", ngff_tree::list_text(*names)}}});
    }
  }
}

// "The paths MUST be ordered from largest (i.e. highest resolution) to smallest": a level
// may not be larger than the one before it along any axis (NGFF-MS-053). Equal sizes are
// allowed (an axis that is not downsampled keeps its size).
void check_level_order(const GroupInfo& group, const std::vector<Level>& levels,
                       const std::optional<std::vector<std::string>>& names, Findings& out) {
  const Level* previous = nullptr;
  for (const auto& level : levels) {
    if (!level.array || !level.array->shape_valid) continue;
    if (previous != nullptr && previous->array->shape.size() == level.array->shape.size()) {
      const auto& now = level.array->shape;
      const auto& before = previous->array->shape;
      for (std::size_t d = 0; d < now.size(); ++d) {
        if (now[d] <= before[d]) continue;
        const std::string axis = names && d < names->size() ? (*names)[d] : std::to_string(d);
        out.push_back({"NGFF-MS-053",
                       {group.key, level.pointer},
                       {{"path", level.path_value},
                        {"previous", previous->path_value},
                        {"axis", axis},
                        {"size", std::to_string(now[d])},
                        {"previous_size", std::to_string(before[d])}}});
        break;  // one finding per level
      }
    }
    previous = &level;
  }
}

// One data type for all levels (NGFF-MS-054, info: the 0.4/0.5 text does not say it).
void check_level_data_types(const std::vector<Level>& levels, Findings& out) {
  const Level* first = nullptr;
  for (const auto& level : levels) {
    if (!level.array) continue;
    if (first == nullptr) {
      first = &level;
      continue;
    }
    if (ngff_tree::canonical_data_type(*level.array) != ngff_tree::canonical_data_type(*first->array)) {
      out.push_back({"NGFF-MS-054",
                     {level.array->key, ngff_tree::data_type_pointer(*level.array)},
                     {{"path", level.path_value},
                      {"data_type", brief(level.array->data_type)},
                      {"first", first->path_value},
                      {"first_data_type", brief(first->array->data_type)}}});
    }
  }
}

// omero.channels against the size of the channel axis (NGFF-OM-050).
void check_omero_channels(const GroupInfo& group, const nlohmann::json& multiscale, const std::vector<Level>& levels,
                          Findings& out) {
  const auto* channels = ngff_tree::member(ngff_tree::member(group, "omero"), "channels");
  const auto* axes = ngff_tree::member(&multiscale, "axes");
  if (channels == nullptr || !channels->is_array() || axes == nullptr || !axes->is_array()) return;
  std::optional<std::size_t> channel_axis;
  for (std::size_t d = 0; d < axes->size(); ++d) {
    const auto* type = ngff_tree::member(&(*axes)[d], "type");
    if (type == nullptr || !type->is_string() || type->get<std::string>() != "channel") continue;
    if (channel_axis) return;  // two channel axes: the document checks report that
    channel_axis = d;
  }
  if (!channel_axis) return;  // no channel axis: the text says nothing about the count
  for (const auto& level : levels) {
    if (!level.array) continue;
    if (!level.array->shape_valid || level.array->shape.size() != axes->size()) return;  // reported by NGFF-AX-050
    const auto size = level.array->shape[*channel_axis];
    if (channels->size() != size) {
      const auto* name = ngff_tree::member(&(*axes)[*channel_axis], "name");
      out.push_back({"NGFF-OM-050",
                     {group.key, ngff_tree::pointer(group, {"omero", "channels"})},
                     {{"channels", std::to_string(channels->size())},
                      {"size", std::to_string(size)},
                      {"axis", name != nullptr && name->is_string() ? name->get<std::string>() : std::to_string(*channel_axis)},
                      {"path", level.path_value}}});
    }
    return;  // the first level decides: all levels have the same channel count or MS-053 fires
  }
}

}  // namespace

NgffChildren check_image_tree(const GroupInfo& group, NgffTreeReader& reader, Findings& out) {
  NgffChildren children;
  const auto* multiscales = ngff_tree::member(group, "multiscales");
  if (multiscales == nullptr || !multiscales->is_array()) return children;
  std::set<std::string> seen;
  for (std::size_t m = 0; m < multiscales->size(); ++m) {
    const auto& multiscale = (*multiscales)[m];
    const auto levels = ngff_tree::read_levels(group, m, reader);
    const auto names = ngff_tree::axis_names(multiscale);
    check_levels_resolve(group, levels, reader, out);
    for (const auto& level : levels) {
      if (level.array) ngff_tree::check_zarr_format(group, level.array->key, level.array->zarr_format, out);
    }
    check_ranks(levels, names, out);
    if (group.ngff_version == "0.5") check_dimension_names(levels, names, out);
    check_level_order(group, levels, names, out);
    check_level_data_types(levels, out);
    if (m == 0) check_omero_channels(group, multiscale, levels, out);
    for (const auto& level : levels) {
      if (level.array && seen.insert(*level.resolved).second) {
        children.push_back({*level.resolved, NgffRole::level_array});
      }
    }
  }
  const auto labels = resolve_ngff_path(group.path, "labels");
  if (labels && reader.group(*labels)) children.push_back({*labels, NgffRole::labels_group});
  return children;
}

}  // namespace ozv
