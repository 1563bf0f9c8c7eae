// Encodes one Zarr v3 chunk (or shard) through its `codecs` chain, so the corpus can hold
// real chunks — plain, transposed, big-endian, compressed, checksummed, sharded — written
// independently of any Zarr library that the validator is later compared with.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/store.hpp"

namespace ozv::encode {

// Runs `codecs` (the array metadata's list) forward over one chunk.
//
// `chunk` is the chunk in C order as little-endian elements of `element_size` bytes (1..16),
// product(chunk_shape) of them. Supported codecs:
//   array -> array:  transpose {order}
//   array -> bytes:  bytes {endian: "little" | "big", optional for 1-byte elements},
//                    sharding_indexed {chunk_shape, codecs, index_codecs, index_location}
//   bytes -> bytes:  gzip {level}, zstd {level, checksum}, crc32c,
//                    blosc {cname, clevel, shuffle: "noshuffle"|"shuffle"|"bitshuffle",
//                           typesize (required unless noshuffle), blocksize}
// Byte order: "big" reverses each `endian_unit`-byte part of an element (0 = the whole
// element). Every type is one unit except complex, whose two float parts are swapped
// separately: pass endian_unit = element_size / 2 for complex64/complex128.
// Sharding: inner chunks (C order of the inner chunk grid) go through the inner codecs; an
// inner chunk whose elements all equal `fill_element` (element_size bytes, when not empty)
// is left out and its index entry is (2^64-1, 2^64-1). An index_location of "start" makes
// the offsets count the encoded index. The inner chunk shape must divide the shard shape.
// A shard whose inner chunks are all empty still comes back as its index; whether to store
// it is the caller's choice. Anything else throws std::invalid_argument (unknown codec,
// "zlib", a codec out of order, bad configuration, sizes that do not match).
Bytes encode_v3_chunk(const nlohmann::json& codecs, std::string_view chunk,
                      const std::vector<std::uint64_t>& chunk_shape, std::size_t element_size,
                      std::string_view fill_element = {}, std::size_t endian_unit = 0);

}  // namespace ozv::encode
