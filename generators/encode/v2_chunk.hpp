// Encodes one Zarr v2 chunk the way zarr-python 2 / numcodecs would write it, so the corpus
// can hold real compressed chunks for the validator's chunk checks and for other readers.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "store/store.hpp"

namespace ozv::encode {

// `zarray` is the array's .zarray document; `chunk` is the full (edge chunks padded) chunk's
// elements already in the array's `order` and the dtype's byte order. Applies `compressor`:
// null, or numcodecs "blosc" {cname, clevel, shuffle (-1 auto, 0, 1, 2), blocksize},
// "zlib" {level}, "gzip" {level}, "zstd" {level, checksum}; absent members take numcodecs'
// defaults. `filters` must be null or empty. When the dtype parses, the chunk must hold
// product(chunks) elements of its item size. Throws std::invalid_argument otherwise.
Bytes encode_v2_chunk(const nlohmann::json& zarray, std::string_view chunk);

}  // namespace ozv::encode
