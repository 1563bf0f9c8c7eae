// The sharding_indexed codec's configuration (codecs/sharding-indexed/index.rst) as a model
// for the chunk decoder: inner chunk shape, inner and index codec lists, index location.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "zarr/v3_codec.hpp"

namespace ozv {

enum class IndexLocation { start, end };

struct ShardingConfig {
  std::vector<std::uint64_t> chunk_shape;        // inner chunk shape, every entry >= 1
  const nlohmann::json* codecs = nullptr;        // inner chunk codec list (a JSON array)
  const nlohmann::json* index_codecs = nullptr;  // shard index codec list (a JSON array)
  IndexLocation index_location = IndexLocation::end;  // "If the parameter is not present, the value defaults to end"
};

// The configuration if its members have the right JSON types and values (it does not look
// inside the codec lists); nothing otherwise. Holds pointers into `configuration`.
std::optional<ShardingConfig> parse_sharding_config(const nlohmann::json* configuration);

// Chunks per shard, the element-wise division of the shard shape by the inner chunk shape;
// nothing if the lengths differ or an inner size is 0 or does not evenly divide.
std::optional<std::vector<std::uint64_t>> chunks_per_shard(const std::vector<std::uint64_t>& shard_shape,
                                                           const std::vector<std::uint64_t>& inner_shape);

// The index's decoded representation: uint64 with shape chunks_per_shard + [2]
// (shape unknown when chunks per shard is).
Representation shard_index_representation(const std::optional<std::vector<std::uint64_t>>& chunks_per_shard);

}  // namespace ozv
