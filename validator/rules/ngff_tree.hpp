// OME-NGFF 0.4/0.5 rules that need more than one document ("SEM-tree" rules): dataset paths
// that must resolve to arrays, array ranks against axes, label images against their source
// image, plates against wells against fields, bioformats2raw series against OME-XML, and
// version consistency along the hierarchy.
//
// The checks read the hierarchy only through NgffTreeReader, so they are unit-testable
// without a store. Each check is given one node and returns the child nodes its metadata
// names, so the engine can continue the walk without listing directories. Paths in the
// metadata are untrusted: they are resolved by resolve_ngff_path(), which never leaves the
// root, and every check does a bounded amount of reads (one hop: a check never follows a
// path named by a node it reached through a path).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "finding/finding.hpp"
#include "rules/label_array.hpp"

namespace ozv {

struct ArrayInfo {
  std::string key;  // store key of its metadata document ("0/zarr.json", "0/.zarray")
  int zarr_format = 0;
  std::vector<std::uint64_t> shape;
  bool shape_valid = true;  // false: `shape` is unusable (reported by the Zarr rules); no rank or size checks
  std::string data_type;  // v3 data_type name ("uint16"), or the v2 dtype typestr ("<u2")
  // v3 `dimension_names` when present (null entries are allowed by Zarr v3); nullopt when absent.
  std::optional<std::vector<std::optional<std::string>>> dimension_names;
};

struct GroupInfo {
  std::string path;  // store prefix relative to the root: "", "0", "labels/cells"
  std::string key;   // store key of the document holding the NGFF metadata ("zarr.json", "A/1/.zattrs")
  int zarr_format = 0;
  std::string ngff_version;     // "0.4", "0.5"; "" when the node states none
  std::string version_pointer;  // where ngff_version was read ("/attributes/ome/version"); "" if none
  // The object holding the NGFF keys: 0.5 `attributes.ome`, 0.4 the `.zattrs` object.
  // Null when the group has none. Owned by the reader; valid while the reader lives.
  const nlohmann::json* ome = nullptr;
  std::string pointer_base;  // JSON pointer of `ome` inside `key`: "/attributes/ome" or ""
};

class NgffTreeReader {
 public:
  virtual ~NgffTreeReader() = default;
  // Paths are normalised store prefixes relative to the root ("" is the root).
  virtual std::optional<ArrayInfo> array(const std::string& path) = 0;  // nullopt: no array there
  virtual std::optional<GroupInfo> group(const std::string& path) = 0;  // nullopt: no group there
  // The bytes of a file (for "OME/METADATA.ome.xml"); nullopt when absent. The engine caps the size.
  virtual std::optional<std::string> file(const std::string& key) = 0;
  // Names of the child groups of `path`, when the store can list; nullopt when it cannot
  // (rules that need a listing are then skipped).
  virtual std::optional<std::vector<std::string>> child_groups(const std::string& /*path*/) { return std::nullopt; }
  // Told the arrays of each label image the walk meets, for the chunk pass (may be called concurrently).
  virtual void note_label_arrays(std::vector<LabelArray> /*arrays*/) {}
};

// What a child found through the metadata is expected to be.
enum class NgffRole {
  level_array,     // a multiscale level (a datasets path)
  image,           // a multiscales group (well field, bioformats2raw series, source image)
  labels_group,    // the group named "labels" under an image
  label_image,     // an entry of a labels group
  well,            // a plate's well
  ome_group,       // the "OME" group of a bioformats2raw layout
};

struct NgffChild {
  std::string path;  // resolved, normalised store prefix
  NgffRole role;
};
using NgffChildren = std::vector<NgffChild>;

// Resolves `relative` against the group at `base` ("" = root). "." and empty segments are
// skipped, ".." goes up. Nullopt when the result would leave the root, or for an absolute
// path ("/x") or a URL-like path ("s3://..."). Linear in the lengths; never throws.
std::optional<std::string> resolve_ngff_path(std::string_view base, std::string_view relative);

// An image group (has `multiscales`): datasets resolve to arrays, ranks, dimension_names,
// level order, data types, omero channel count, Zarr format of the levels. Children: the
// level arrays and, when a group "labels" exists under it, that group.
NgffChildren check_image_tree(const GroupInfo& group, NgffTreeReader& reader, Findings& out);

// A "labels" group: each entry resolves to a label image; intermediate groups carry no
// metadata; with a listing, unlisted label images. Children: the label images.
NgffChildren check_labels_group_tree(const GroupInfo& group, NgffTreeReader& reader, Findings& out);

// A label image (listed in a labels group, or carrying `image-label`): integer data type,
// source image resolves, same number of levels as the source. No children beyond those
// check_image_tree returns for the same group.
NgffChildren check_label_image_tree(const GroupInfo& group, NgffTreeReader& reader, Findings& out);

// A plate: row groups exist, wells resolve to well groups, field counts. Children: the wells.
NgffChildren check_plate_tree(const GroupInfo& group, NgffTreeReader& reader, Findings& out);

// A well: images resolve to image groups; `acquisition` against the plate at "../../".
// Children: the field images.
NgffChildren check_well_tree(const GroupInfo& group, NgffTreeReader& reader, Findings& out);

// A bioformats2raw.layout group: OME/METADATA.ome.xml, series or numbered groups, plate
// series. Children: the OME group and the series images (not the plate's wells: the
// plate check returns those).
NgffChildren check_bioformats2raw_tree(const GroupInfo& group, NgffTreeReader& reader, Findings& out);

// A group against the group whose metadata led to it: same OME-Zarr version, same Zarr
// format. (check_image_tree already compares the level arrays with their image group.)
void check_version_consistency(const GroupInfo& parent, const GroupInfo& child, Findings& out);

// Calls body(0) ... body(count - 1), possibly concurrently, and returns once all are done.
using ParallelFor = std::function<void(std::size_t count, const std::function<void(std::size_t)>& body)>;

// A ready-made walk over the above: starts at the group `start`, dispatches every group on
// its metadata keys, follows the returned children breadth-first, visits each path at most
// once (so cyclic references end) and stops after `max_nodes` groups. With `visited`, the
// paths visited are added there, and paths already in it are not visited again (several
// walks over one hierarchy, each from another start). With `parallel_for`, the groups of one
// breadth-first level are checked concurrently (the reader must then be thread-safe); the
// findings, their order and the paths visited are those of the one-at-a-time walk.
void walk_ngff_tree(NgffTreeReader& reader, const std::string& start, Findings& out,
                    std::size_t max_nodes = 100000, std::set<std::string>* visited = nullptr,
                    const ParallelFor& parallel_for = {});

}  // namespace ozv
