// Version consistency along the hierarchy: 0.5 "The OME-Zarr Metadata version MUST be
// consistent within a hierarchy", and RFC-2 "OME-Zarr images MUST be consistent in their
// OME-Zarr and Zarr version".
#include "rules/ngff_tree.hpp"
#include "rules/ngff_tree_util.hpp"

namespace ozv {

namespace {

// Where a group's zarr_format is written: zarr.json for v3, .zgroup next to a v2 .zattrs.
std::string format_key(const GroupInfo& group) {
  const std::string_view zattrs = ".zattrs";
  if (group.key.ends_with(zattrs)) return group.key.substr(0, group.key.size() - zattrs.size()) + ".zgroup";
  return group.key;
}

}  // namespace

void check_version_consistency(const GroupInfo& parent, const GroupInfo& child, Findings& out) {
  if (!parent.ngff_version.empty() && !child.ngff_version.empty() && parent.ngff_version != child.ngff_version) {
    out.push_back({"NGFF-VER-050",
                   {child.key, child.version_pointer},
                   {{"version", child.ngff_version}, {"parent_version", parent.ngff_version}, {"parent", parent.key}}});
  }
  ngff_tree::check_zarr_format(parent, format_key(child), child.zarr_format, out);
}

}  // namespace ozv
