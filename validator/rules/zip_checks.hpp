// Container rules of single-file ZIP OME-Zarr (OME-NGFF RFC-9, rule IDs OZX-*).
//
// These rules look at the archive itself (end records, central directory, local headers,
// archive comment, entry order) rather than at the Zarr documents, which the engine checks
// through the ZIP store like any other store. Locations: key = the entry concerned, or ""
// for the archive as a whole; the pointer is "" except for rules about the archive comment
// (a pointer into the comment's JSON) and about the root zarr.json's content.
#pragma once

#include <string>

#include "finding/finding.hpp"
#include "store/byte_source.hpp"

namespace ozv {

// Checks the archive's container-level RFC-9 rules. `file_name` is the archive's file name
// as given (for the .ozx extension rule; "" skips that rule). Never throws for a malformed
// archive: every defect is a finding. An I/O failure of `archive` is reported as STORE-001.
void check_zip_container(const ByteSource& archive, const std::string& file_name, Findings& out);

}  // namespace ozv
