// Walks a Zarr v2 or v3 hierarchy from the store root, checking every node's metadata
// and the structural rules that involve more than one document (ancestor groups,
// children of arrays, node names).
#pragma once

#include "engine/parsed_documents.hpp"
#include "engine/validate.hpp"
#include "finding/finding.hpp"
#include "report/report.hpp"
#include "store/store.hpp"

namespace ozv {

// Returns what the root looks like; findings go to `out`. The store prefixes of every group
// reached are appended to `groups` when given, sorted (the OME-NGFF checks run over them).
// Nodes are visited by options.jobs threads; the findings do not depend on their number.
// Every document parsed is kept in `parsed`.
Detected walk_hierarchy(Store& store, const ValidateOptions& options, ParsedDocuments& parsed, Findings& out,
                        std::vector<std::string>* groups = nullptr);

}  // namespace ozv
