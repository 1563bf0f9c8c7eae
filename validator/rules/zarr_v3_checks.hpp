// Zarr v3 metadata document rules (core/index.rst, data-types, chunk grids, chunk key
// encodings, codecs, sharding): everything that can be said about one zarr.json without
// looking at other keys of the store.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "finding/finding.hpp"

namespace ozv {

// Checks a whole zarr.json (array or group, dispatching on node_type). `key` is the store
// key of the document ("0/zarr.json"); findings are located there by JSON pointer.
// Never throws on bad input; work is bounded by the document's size.
void check_v3_document(const nlohmann::json& doc, const std::string& key, Findings& out);

}  // namespace ozv
