// Our implementation as a reader (the harness's "read" side): decodes every chunk of an array
// through the validator's chunk decoders and hashes the whole array the way the corpus
// manifest defines its checksums (sha256 of the data in C order, little-endian). Absent chunks
// read as the fill value, edge chunks are cut to the array's shape.
//
// The array is hashed one row of chunks at a time (all chunks sharing a first grid index), so
// memory stays near one such row whatever the array's size; a row over the limit is refused.
#pragma once

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace ozv::corpus {

// Why one array could not be read (undecodable chunk, unsupported codec, bad metadata...).
class ArrayReadError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ArrayReadLimits {
  std::uint64_t max_chunk_bytes = std::uint64_t{256} << 20;  // one decoded chunk or shard
  std::uint64_t max_row_bytes = std::uint64_t{512} << 20;    // one row of chunks, cut to the array
  std::uint64_t max_stored_chunk_bytes = std::uint64_t{512} << 20;
};

struct ArrayChecksums {
  std::map<std::string, std::string> checksums;    // array path -> sha256 hex
  std::map<std::string, std::string> read_errors;  // array path -> why it was not read
};

// The sha256 hex of the array at `array_path` ("" or "/" = the root; "0", "labels/a/0"),
// Zarr v2 or v3, found by its .zarray or zarr.json. Throws ArrayReadError for anything that
// stops the read, StoreError when the store fails.
std::string array_checksum(Store& store, const std::string& array_path, const ArrayReadLimits& limits = {});

// Opens `target` (a directory store, or a .zip/.ozx file) once and reads each array. Every
// problem, including a target that cannot be opened, becomes that array's read error: this
// never throws for bad data.
ArrayChecksums read_array_checksums(const std::string& target, const std::vector<std::string>& array_paths,
                                    const ArrayReadLimits& limits = {});

}  // namespace ozv::corpus
