// The bioformats2raw layout against the hierarchy (#bf2raw): the OME group, its series,
// the numbered image groups and OME/METADATA.ome.xml.
#include <set>

#include "rules/ngff_tree.hpp"
#include "rules/ngff_tree_omexml.hpp"
#include "rules/ngff_tree_util.hpp"

namespace ozv {

namespace {

// Numbered groups are probed one by one (the store may not list); this bounds the probing
// when no OME-XML says how many images to expect.
constexpr std::size_t kMaxNumberedImages = 10000;

std::string join_key(const std::string& prefix, const std::string& name) {
  return prefix.empty() ? name : prefix + "/" + name;
}

// OME/METADATA.ome.xml: present (NGFF-BF-053), an OME document (NGFF-BF-054), metadata
// only (NGFF-BF-055). Returns its Image count when it could be read.
std::optional<std::size_t> check_ome_xml(const GroupInfo& group, NgffTreeReader& reader, Findings& out) {
  const std::string key = join_key(group.path, "OME/METADATA.ome.xml");
  const auto bytes = reader.file(key);
  if (!bytes) {
    out.push_back({"NGFF-BF-053", {key, ""}, {}});
    return std::nullopt;
  }
  const auto summary = summarize_ome_xml(*bytes);
  if (summary.error) {
    out.push_back({"NGFF-BF-054", {key, ""}, {{"detail", *summary.error}}});
    return std::nullopt;
  }
  for (const auto& where : summary.forbidden) out.push_back({"NGFF-BF-055", {key, ""}, {{"element", where}}});
  return summary.images;
}

// The image groups of the series list (NGFF-BF-050).
NgffChildren series_images(const GroupInfo& group, const GroupInfo& ome_group, const nlohmann::json& series,
                           NgffTreeReader& reader, Findings& out) {
  NgffChildren children;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < series.size(); ++i) {
    if (!series[i].is_string()) continue;  // the document checks report the type
    const std::string text = series[i].get<std::string>();
    const auto location = Location{ome_group.key, ngff_tree::pointer(ome_group, {"series", std::to_string(i)})};
    // Series paths name image groups of the collection: relative to the top-level group.
    const auto resolved = resolve_ngff_path(group.path, text);
    std::optional<GroupInfo> image;
    if (!resolved || !ngff_tree::group_with(reader, *resolved, "multiscales", image)) {
      const std::string detail = resolved ? "it holds " + ngff_tree::describe_node(reader, *resolved, "multiscales")
                                          : std::string("it leaves the hierarchy root");
      out.push_back({"NGFF-BF-050", location, {{"path", text}, {"detail", detail}}});
      continue;
    }
    if (seen.insert(*resolved).second) children.push_back({*resolved, NgffRole::image});
  }
  return children;
}

// Without series and plate: images in groups "0", "1", ... (NGFF-BF-051).
NgffChildren numbered_images(const GroupInfo& group, std::optional<std::size_t> expected, NgffTreeReader& reader,
                             Findings& out) {
  NgffChildren children;
  const std::size_t limit = expected ? std::min(*expected + 1, kMaxNumberedImages) : kMaxNumberedImages;
  for (std::size_t n = 0; n < limit; ++n) {
    const std::string path = join_key(group.path, std::to_string(n));
    std::optional<GroupInfo> image;
    if (!ngff_tree::group_with(reader, path, "multiscales", image)) break;
    children.push_back({path, NgffRole::image});
  }
  const auto location = Location{group.key, ngff_tree::pointer(group, {"bioformats2raw.layout"})};
  if (children.empty()) {
    out.push_back({"NGFF-BF-051", location,
                   {{"path", join_key(group.path, "0")},
                    {"detail", "it holds " + ngff_tree::describe_node(reader, join_key(group.path, "0"), "multiscales")}}});
    return children;
  }
  // With a listing, a numbered group after a gap breaks "consecutively numbered".
  if (auto names = reader.child_groups(group.path)) {
    for (const auto& name : *names) {
      if (name.empty() || name.size() > 9 || name.find_first_not_of("0123456789") != std::string::npos) continue;
      if (std::stoul(name) <= children.size()) continue;
      const std::string missing = join_key(group.path, std::to_string(children.size()));
      out.push_back({"NGFF-BF-051", location,
                     {{"path", missing}, {"detail", "it holds " + ngff_tree::describe_node(reader, missing, "multiscales") +
                                                        " although group " + name + " exists"}}});
      break;
    }
  }
  return children;
}

}  // namespace

NgffChildren check_bioformats2raw_tree(const GroupInfo& group, NgffTreeReader& reader, Findings& out) {
  NgffChildren children;
  const bool has_plate = ngff_tree::member(group, "plate") != nullptr;
  const auto xml_images = check_ome_xml(group, reader, out);

  const auto ome_path = resolve_ngff_path(group.path, "OME");
  const auto ome_group = ome_path ? reader.group(*ome_path) : std::nullopt;
  if (ome_group) children.push_back({*ome_path, NgffRole::ome_group});
  const auto* series = ome_group ? ngff_tree::member(*ome_group, "series") : nullptr;

  if (has_plate && (series == nullptr || !series->is_array())) {
    // "Matching series metadata SHOULD be provided for tools that are unaware of the plate specification."
    out.push_back({"NGFF-BF-056",
                   ome_group ? Location{ome_group->key, ngff_tree::pointer(*ome_group, {"series"})}
                             : Location{group.key, ngff_tree::pointer(group, {"plate"})},
                   {}});
  }

  std::size_t image_count = 0;
  std::string counted;
  if (series != nullptr && series->is_array()) {
    auto images = series_images(group, *ome_group, *series, reader, out);
    image_count = series->size();
    counted = "series entries";
    children.insert(children.end(), images.begin(), images.end());
  } else if (!has_plate) {
    auto images = numbered_images(group, xml_images, reader, out);
    image_count = images.size();
    counted = "numbered image groups";
    children.insert(children.end(), images.begin(), images.end());
  } else {
    return children;  // a plate: its images are the plate's fields, checked through the plate
  }

  // "Every multiscales group MUST represent exactly one OME-XML Image" (NGFF-BF-052).
  if (xml_images && *xml_images != image_count) {
    out.push_back({"NGFF-BF-052",
                   {join_key(group.path, "OME/METADATA.ome.xml"), ""},
                   {{"xml_images", std::to_string(*xml_images)}, {"images", std::to_string(image_count)}, {"counted", counted}}});
  }
  return children;
}

}  // namespace ozv
