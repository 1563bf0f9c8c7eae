// The one behavioural contract every Store backend must meet (directory, memory, ZIP...).
//
// Usage: build a store holding exactly conformance_fixture() (materialised as files, zipped,
// or in memory), then call check_store_conformance(store) inside a TEST_CASE. It checks get,
// get_range edge cases, size, list_dir (when the store can list; otherwise that list_dir
// throws StoreError), not-found for missing and unclean keys, and concurrent reads.
#pragma once

#include <map>
#include <string>

#include "store/store.hpp"

namespace ozv::test {

// The fixed content of a conformance store:
//   .zattrs, zarr.json                         root files, one hidden (v2 style)
//   a/zarr.json, a/empty (0 bytes)              an empty value
//   a/name with spaces <u-umlaut><check mark>   spaces and UTF-8 in a name
//   a/b/zarr.json, a/b/c/0 (binary with NULs), a/b/c/1 (4096 bytes, for ranges)
//   a/b-2/x                                     "b-2" sorts before "b/..." as a key, after "b" as a name
//   deep/x/y/z/leaf                             nesting without intermediate files
const std::map<std::string, Bytes>& conformance_fixture();

// Runs every conformance check against `store`, which must contain exactly the fixture.
void check_store_conformance(Store& store);

}  // namespace ozv::test
