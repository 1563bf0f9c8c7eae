// Where a node's OME-NGFF metadata lives and which version it claims.
//
// 0.5 (Zarr v3): everything under zarr.json attributes.ome, with one ome.version.
// 0.4 (Zarr v2): keys at the top level of .zattrs, each object carrying its own version.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "finding/finding.hpp"

namespace ozv {

// The OME keys that make a node an OME-Zarr node of some kind.
enum NgffKind : unsigned {
  kNgffImage = 1u << 0,        // multiscales
  kNgffLabel = 1u << 1,        // image-label
  kNgffLabels = 1u << 2,       // labels (the labels group)
  kNgffPlate = 1u << 3,        // plate
  kNgffWell = 1u << 4,         // well
  kNgffBioformats = 1u << 5,   // bioformats2raw.layout
  kNgffSeries = 1u << 6,       // series (the OME group)
};

struct NgffMetadata {
  std::string version;       // "0.4", "0.5", another claimed string, or "" when none is stated
  bool version_stated = false;
  const nlohmann::json* ome = nullptr;  // the object holding the OME keys
  std::string pointer_base;  // JSON pointer of that object in its document
  unsigned kinds = 0;        // NgffKind bits present
};

// Finds the OME-NGFF metadata of a node. `attributes` is the zarr.json "attributes" member
// (Zarr v3) or the .zattrs document (Zarr v2); `attributes_pointer` is its pointer in the
// document. Returns nullopt when the node carries no OME-NGFF metadata at all.
// `forced_version` (from --spec-version) overrides the detected version.
// Placement problems (0.5 metadata in Zarr v2, 0.4 keys in Zarr v3, both side by side)
// are reported to `out` at `key`.
std::optional<NgffMetadata> locate_ngff_metadata(int zarr_format, const nlohmann::json& attributes,
                                                 const std::string& attributes_pointer, const std::string& key,
                                                 const std::string& forced_version, Findings& out);

// Versions whose rules this validator implements.
bool is_supported_ngff_version(const std::string& version);

}  // namespace ozv
