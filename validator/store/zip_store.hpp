// The ZIP backend: a Zarr store inside a ZIP archive (zarr-specs PR 311, OME-Zarr RFC-9).
//
// Keys are entry names; the archive root is the store root. Directory entries (names ending
// in '/') and names that cannot be keys ("..", absolute, backslash, empty segments; see
// zip_name_problem) are not keys. When a name appears twice the central directory is
// authoritative and its last record wins. STORED and DEFLATE entries are readable; a range
// of a STORED entry reads only those bytes of the archive.
//
// The archive is read only through the ByteSource, so a ZIP served over HTTP needs an HTTP
// ByteSource and nothing else. libzip does the decompression and CRC checks; its handle is
// not thread-safe and is used under a mutex (ranges of STORED entries bypass it).
#pragma once

#include <cstdint>
#include <memory>
#include <optional>

#include "store/byte_source.hpp"
#include "store/store.hpp"

namespace ozv {

// Opens the archive read-only. Throws StoreError("STORE-001", archive name, detail) when it
// is not a readable ZIP archive (the detail is libzip's message when libzip refuses it).
// Reading an entry that is encrypted, corrupt or not fully inside the archive throws
// StoreError("STORE-001", key, detail).
std::unique_ptr<Store> open_zip_store(std::shared_ptr<ByteSource> archive);

// Reads entry `index` (central directory order) in full, decompressing as needed, for the
// container checks. nullopt when the entry's recorded size exceeds `max_bytes`.
// Throws StoreError("STORE-001", ...) like the store does.
std::optional<Bytes> read_zip_entry(const ByteSource& archive, std::uint64_t index, std::uint64_t max_bytes);

}  // namespace ozv
