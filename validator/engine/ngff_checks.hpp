// The OME-NGFF layer of a validation: per-node version placement, schema and document
// rules, and the cross-document rules of the tree that starts at the root.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/parsed_documents.hpp"
#include "engine/validate.hpp"
#include "finding/finding.hpp"
#include "store/store.hpp"

namespace ozv {

// Checks the OME-NGFF metadata of the groups found by the Zarr walk. Returns the root's
// OME-NGFF version, if it has one. Throws TargetError when --schema-dir cannot be loaded.
std::optional<std::string> check_ngff_hierarchy(Store& store, const std::vector<std::string>& groups,
                                                const ValidateOptions& options, ParsedDocuments& parsed,
                                                Findings& out);

// Checks the attributes of a lone document given as TARGET: a .zattrs object or a zarr.json
// "attributes" object (zarr_format 0: no Zarr format to judge placement against), or the
// attributes inside a zarr.json (zarr_format 3, attributes_pointer "/attributes").
// Returns its OME-NGFF version, if it has one.
std::optional<std::string> check_ngff_attributes_document(const nlohmann::json& attributes, int zarr_format,
                                                          const std::string& attributes_pointer, const std::string& key,
                                                          const ValidateOptions& options, Findings& out);

}  // namespace ozv
