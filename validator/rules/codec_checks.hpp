// Zarr v3 codec lists: the chain form (array -> array)* (array -> bytes){1} (bytes -> bytes)*,
// each entry's extension form, and each known codec's configuration for the representation
// it receives. Used for an array's `codecs` and, recursively, for a sharding codec's
// `codecs` and `index_codecs`.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "rules/zarr_v3_check_context.hpp"
#include "zarr/v3_codec.hpp"

namespace ozv {

// Which rules report problems of the list as a whole, depending on where the list is.
struct V3ChainRules {
  const char* list_rule;   // not an array, or empty
  const char* count_rule;  // not exactly one array -> bytes codec
  const char* order_rule;  // array -> array after, or bytes -> bytes before, the array -> bytes codec
  bool index;              // a shard index: every codec must have a fixed encoded size
};

inline constexpr V3ChainRules kV3ArrayChainRules{"V3-ARR-010", "V3-ARR-011", "V3-ARR-012", false};
inline constexpr V3ChainRules kV3ShardCodecsRules{"SHARD-CFG-003", "SHARD-CFG-003", "SHARD-CFG-003", false};
inline constexpr V3ChainRules kV3ShardIndexRules{"SHARD-CFG-004", "SHARD-CFG-004", "SHARD-CFG-004", true};

// Checks the codec list `codecs` found at `pointer`, whose first codec receives `input`.
// `sharding_depth` counts the sharding codecs this list is nested in (0 for an array's own).
void check_v3_codec_chain(const nlohmann::json& codecs, const std::string& pointer, const Representation& input,
                          const V3ChainRules& rules, int sharding_depth, V3CheckContext& ctx);

}  // namespace ozv
