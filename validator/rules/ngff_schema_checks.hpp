// Validates a node's OME-NGFF attributes against the JSON Schemas for its kinds
// (image, label, labels, plate, well, bioformats2raw, OME series) and reports each
// violation as NGFF-SCH-001 (or NGFF-SCH-002 for the strict variants).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "finding/finding.hpp"
#include "schema/schema_set.hpp"

namespace ozv {

struct SchemaCheckTarget {
  const nlohmann::json* instance = nullptr;  // 0.5: the zarr.json attributes; 0.4: the .zattrs
  std::string key;                           // store key of the document
  std::string pointer_base;                  // pointer of `instance` in that document
  unsigned kinds = 0;                        // NgffKind bits of the node
  bool ome_group = false;                    // the "OME" group of a bioformats2raw layout
};

void check_ngff_schemas(const SchemaSet& schemas, bool strict, const SchemaCheckTarget& target, Findings& out);

}  // namespace ozv
