// The configuration of each core codec (bytes, transpose, gzip, blosc, crc32c) and of the
// registered zstd codec, judged against the representation the codec receives.
// sharding_indexed has its own file (sharding_checks.hpp).
#pragma once

#include <string>

#include "rules/zarr_v3_check_context.hpp"
#include "zarr/v3_codec.hpp"

namespace ozv {

// `entry` is a well-formed, known codec other than sharding_indexed, found at `pointer`.
void check_v3_codec_configuration(const CodecEntry& entry, const std::string& pointer, V3CheckContext& ctx);

}  // namespace ozv
