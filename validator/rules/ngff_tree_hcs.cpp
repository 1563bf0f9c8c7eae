// High-content screening layouts against the hierarchy (#hcs-layout, #plate-md, #well-md):
// plate -> row groups -> well groups -> field images.
#include <map>
#include <set>

#include "rules/check_util.hpp"
#include "rules/ngff_tree.hpp"
#include "rules/ngff_tree_util.hpp"
#include "zarr/v3_json_integer.hpp"

namespace ozv {

namespace {

// What the plate learns from one well: its field count, overall and per acquisition.
struct WellCounts {
  std::string path;
  std::size_t images = 0;
  std::map<std::int64_t, std::size_t> per_acquisition;
};

WellCounts count_fields(const GroupInfo& well_group, const std::string& path) {
  WellCounts counts;
  counts.path = path;
  const auto* images = ngff_tree::member(ngff_tree::member(well_group, "well"), "images");
  if (images == nullptr || !images->is_array()) return counts;
  counts.images = images->size();
  for (const auto& image : *images) {
    const auto* acquisition = ngff_tree::member(&image, "acquisition");
    if (acquisition == nullptr) continue;
    if (auto id = json_to_i64(*acquisition)) ++counts.per_acquisition[*id];
  }
  return counts;
}

// field_count is "the maximum number of fields per view across all wells" (NGFF-PL-051).
void check_field_count(const GroupInfo& group, const nlohmann::json& plate, const std::vector<WellCounts>& wells,
                       Findings& out) {
  const auto* field_count = ngff_tree::member(&plate, "field_count");
  const auto declared = field_count != nullptr ? json_to_u64(*field_count) : std::nullopt;
  if (!declared || *declared == 0) return;  // absent or invalid: the document checks report it
  const WellCounts* largest = nullptr;
  for (const auto& well : wells) {
    if (largest == nullptr || well.images > largest->images) largest = &well;
  }
  if (largest == nullptr || largest->images <= *declared) return;
  out.push_back({"NGFF-PL-051",
                 {group.key, ngff_tree::pointer(group, {"plate", "field_count"})},
                 {{"field_count", std::to_string(*declared)},
                  {"images", std::to_string(largest->images)},
                  {"well", largest->path}}});
}

// maximumfieldcount is "the maximum number of fields of view for the acquisition" (NGFF-PL-052).
void check_maximum_field_counts(const GroupInfo& group, const nlohmann::json& plate,
                                const std::vector<WellCounts>& wells, Findings& out) {
  const auto* acquisitions = ngff_tree::member(&plate, "acquisitions");
  if (acquisitions == nullptr || !acquisitions->is_array()) return;
  for (std::size_t k = 0; k < acquisitions->size(); ++k) {
    const auto& acquisition = (*acquisitions)[k];
    const auto* id_value = ngff_tree::member(&acquisition, "id");
    const auto* max_value = ngff_tree::member(&acquisition, "maximumfieldcount");
    const auto id = id_value != nullptr ? json_to_i64(*id_value) : std::nullopt;
    const auto maximum = max_value != nullptr ? json_to_u64(*max_value) : std::nullopt;
    if (!id || !maximum || *maximum == 0) continue;
    for (const auto& well : wells) {
      auto it = well.per_acquisition.find(*id);
      if (it == well.per_acquisition.end() || it->second <= *maximum) continue;
      out.push_back({"NGFF-PL-052",
                     {group.key, ngff_tree::pointer(group, {"plate", "acquisitions", std::to_string(k), "maximumfieldcount"})},
                     {{"id", std::to_string(*id)},
                      {"maximumfieldcount", std::to_string(*maximum)},
                      {"images", std::to_string(it->second)},
                      {"well", well.path}}});
      break;  // one finding per acquisition
    }
  }
}

}  // namespace

NgffChildren check_plate_tree(const GroupInfo& group, NgffTreeReader& reader, Findings& out) {
  NgffChildren children;
  const auto* plate = ngff_tree::member(group, "plate");
  const auto* wells = ngff_tree::member(plate, "wells");
  if (wells == nullptr || !wells->is_array()) return children;
  std::set<std::string> rows_checked;
  std::set<std::string> wells_seen;
  std::vector<WellCounts> counts;
  for (std::size_t i = 0; i < wells->size(); ++i) {
    const auto* path = ngff_tree::member(&(*wells)[i], "path");
    if (path == nullptr || !path->is_string()) continue;
    const std::string text = path->get<std::string>();
    const auto location = Location{group.key, ngff_tree::pointer(group, {"plate", "wells", std::to_string(i), "path"})};
    const auto resolved = resolve_ngff_path(group.path, text);
    if (!resolved || resolved->size() <= group.path.size()) {
      out.push_back({"NGFF-PL-050", location, {{"path", text}, {"detail", "it does not lie inside the plate group"}}});
      continue;
    }
    if (!wells_seen.insert(*resolved).second) continue;  // duplicates are a document finding
    // "the group above the well defines a row of wells" (NGFF-PL-053).
    const auto row = resolve_ngff_path(*resolved, "..");
    if (row && *row != group.path && rows_checked.insert(*row).second && !reader.group(*row)) {
      out.push_back({"NGFF-PL-053", location, {{"path", text}, {"row", *row}}});
    }
    std::optional<GroupInfo> well;
    if (!ngff_tree::group_with(reader, *resolved, "well", well)) {
      out.push_back({"NGFF-PL-050", location,
                     {{"path", text}, {"detail", "it holds " + ngff_tree::describe_node(reader, *resolved, "well")}}});
      continue;
    }
    counts.push_back(count_fields(*well, text));
    children.push_back({*resolved, NgffRole::well});
  }
  check_field_count(group, *plate, counts, out);
  check_maximum_field_counts(group, *plate, counts, out);
  return children;
}

NgffChildren check_well_tree(const GroupInfo& group, NgffTreeReader& reader, Findings& out) {
  NgffChildren children;
  const auto* images = ngff_tree::member(ngff_tree::member(group, "well"), "images");
  if (images == nullptr || !images->is_array()) return children;

  // The plate two levels up, if this well sits in one (a well validated on its own has none).
  std::optional<GroupInfo> plate_group;
  const auto plate_path = resolve_ngff_path(group.path, "../..");
  const nlohmann::json* plate = nullptr;
  if (plate_path && ngff_tree::group_with(reader, *plate_path, "plate", plate_group)) {
    plate = ngff_tree::member(*plate_group, "plate");
  }
  std::vector<std::int64_t> ids;
  std::size_t acquisition_count = 0;
  if (const auto* acquisitions = ngff_tree::member(plate, "acquisitions"); acquisitions && acquisitions->is_array()) {
    acquisition_count = acquisitions->size();
    for (const auto& acquisition : *acquisitions) {
      const auto* id = ngff_tree::member(&acquisition, "id");
      if (auto value = id != nullptr ? json_to_i64(*id) : std::nullopt) ids.push_back(*value);
    }
  }

  std::set<std::string> seen;
  for (std::size_t j = 0; j < images->size(); ++j) {
    const auto& image = (*images)[j];
    const auto image_pointer = ngff_tree::pointer(group, {"well", "images", std::to_string(j)});
    if (plate != nullptr) {
      const auto* acquisition = ngff_tree::member(&image, "acquisition");
      if (acquisition == nullptr && acquisition_count > 1) {
        out.push_back({"NGFF-WL-051",
                       {group.key, pointer_append(image_pointer, "acquisition")},
                       {{"index", std::to_string(j)}, {"acquisitions", std::to_string(acquisition_count)}, {"plate", plate_group->key}}});
      } else if (acquisition != nullptr) {
        const auto value = json_to_i64(*acquisition);
        bool found = false;
        for (auto id : ids) found = found || (value && *value == id);
        std::vector<std::string> shown;
        for (auto id : ids) shown.push_back(std::to_string(id));
        if (value && !found) {  // a non-integer is a document finding
          out.push_back({"NGFF-WL-052",
                         {group.key, pointer_append(image_pointer, "acquisition")},
                         {{"acquisition", std::to_string(*value)}, {"ids", ngff_tree::list_text(shown)}, {"plate", plate_group->key}}});
        }
      }
    }
    const auto* path = ngff_tree::member(&image, "path");
    if (path == nullptr || !path->is_string()) continue;
    const std::string text = path->get<std::string>();
    const auto resolved = resolve_ngff_path(group.path, text);
    const auto location = Location{group.key, pointer_append(image_pointer, "path")};
    if (!resolved || resolved->size() <= group.path.size()) {
      out.push_back({"NGFF-WL-050", location, {{"path", text}, {"detail", "it does not lie inside the well group"}}});
      continue;
    }
    std::optional<GroupInfo> field;
    if (!ngff_tree::group_with(reader, *resolved, "multiscales", field)) {
      out.push_back({"NGFF-WL-050", location,
                     {{"path", text}, {"detail", "it holds " + ngff_tree::describe_node(reader, *resolved, "multiscales")}}});
      continue;
    }
    if (seen.insert(*resolved).second) children.push_back({*resolved, NgffRole::image});
  }
  return children;
}

}  // namespace ozv
