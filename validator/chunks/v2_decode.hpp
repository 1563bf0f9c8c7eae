// Decoding one Zarr v2 chunk (v2.0.rst "Chunks"): the compressor named in .zarray undone,
// with its output capped at the size the chunk must have, prod(chunks) * itemsize.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "chunks/chunk_problem.hpp"

namespace ozv {

// Compressors: null, numcodecs "blosc", "zlib", "gzip", "zstd". Non-empty `filters` and any
// other compressor give unsupported_codec; a .zarray whose chunks/dtype cannot be read gives
// invalid_configuration. The data, when present, is the chunk's bytes as stored (its `order`
// and the dtype's byte order); with limits.keep_data false it is left out and its buffer goes
// back to `scratch` (when given), which also supplies the output buffer. Never throws.
DecodedChunk decode_v2_chunk(const nlohmann::json& zarray, std::string_view stored, const DecodeLimits& limits = {},
                             DecodeScratch* scratch = nullptr);

}  // namespace ozv
