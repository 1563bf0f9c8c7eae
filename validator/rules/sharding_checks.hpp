// The sharding_indexed codec's configuration (codecs/sharding-indexed/index.rst):
// inner chunk shape against the shard shape it receives, the inner `codecs` and the
// `index_codecs` lists (checked as chains of their own), and index_location.
#pragma once

#include <string>

#include "rules/zarr_v3_check_context.hpp"
#include "zarr/v3_codec.hpp"

namespace ozv {

// Sharding codecs nested deeper than this are not checked (SHARD-CFG-009): the recursion
// follows the document, so it must be bounded.
inline constexpr int kMaxShardingDepth = 8;

// `entry` is a well-formed sharding_indexed codec found at `pointer`; `depth` is 1 for a
// sharding codec in an array's own `codecs`, 2 inside its inner `codecs`, and so on.
void check_v3_sharding_configuration(const CodecEntry& entry, const std::string& pointer, int depth,
                                     V3CheckContext& ctx);

}  // namespace ozv
