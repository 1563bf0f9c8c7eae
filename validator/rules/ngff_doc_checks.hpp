// OME-NGFF 0.4/0.5 rules that can be checked from one attributes document alone: the semantic
// rules a JSON Schema cannot express (unique names, axis counts and order, transformation
// order and lengths, plate row/column/well consistency...).
//
// The structure and types are normally validated by a JSON Schema first, but these checks never
// rely on it: a member of an unexpected type is skipped silently (the schema reports it), and
// no input makes them crash, allocate what the document claims, or recurse.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "finding/finding.hpp"

namespace ozv {

struct NgffDocument {
  std::string key;                     // store key of the document: "0/zarr.json" (0.5) or "0/.zattrs" (0.4)
  std::string version;                 // "0.4" or "0.5"; any other value: nothing is checked
  const nlohmann::json* ome = nullptr; // 0.5: attributes.ome object; 0.4: the whole .zattrs object
  std::string pointer_base;            // JSON pointer of `ome` inside the document: "/attributes/ome" or ""
};

// Runs the rules of every OME-NGFF object present in `doc.ome` (multiscales with their axes and
// coordinateTransformations, omero, image-label, plate, well). Findings: rules/catalogue/ngff-doc.json
// (NGFF-AX, -MS, -CT, -OM, -LBL, -PL, -WL, numbers 001-049).
void check_ngff_document(const NgffDocument& doc, Findings& out);

}  // namespace ozv
