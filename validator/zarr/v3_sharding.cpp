#include "zarr/v3_sharding.hpp"

#include "zarr/v3_json_integer.hpp"

namespace ozv {

std::optional<ShardingConfig> parse_sharding_config(const nlohmann::json* configuration) {
  if (configuration == nullptr || !configuration->is_object()) return std::nullopt;
  ShardingConfig config;
  auto chunk_shape = configuration->find("chunk_shape");
  if (chunk_shape == configuration->end()) return std::nullopt;
  auto inner = json_to_u64_list(*chunk_shape);
  if (!inner) return std::nullopt;
  for (auto size : *inner) {
    if (size == 0) return std::nullopt;
  }
  config.chunk_shape = std::move(*inner);

  auto codecs = configuration->find("codecs");
  auto index_codecs = configuration->find("index_codecs");
  if (codecs == configuration->end() || !codecs->is_array()) return std::nullopt;
  if (index_codecs == configuration->end() || !index_codecs->is_array()) return std::nullopt;
  config.codecs = &*codecs;
  config.index_codecs = &*index_codecs;

  auto location = configuration->find("index_location");
  if (location != configuration->end()) {
    if (*location == "start") {
      config.index_location = IndexLocation::start;
    } else if (*location != "end") {
      return std::nullopt;
    }
  }
  return config;
}

std::optional<std::vector<std::uint64_t>> chunks_per_shard(const std::vector<std::uint64_t>& shard_shape,
                                                           const std::vector<std::uint64_t>& inner_shape) {
  if (shard_shape.size() != inner_shape.size()) return std::nullopt;
  std::vector<std::uint64_t> out;
  out.reserve(shard_shape.size());
  for (std::size_t i = 0; i < shard_shape.size(); ++i) {
    if (inner_shape[i] == 0 || shard_shape[i] % inner_shape[i] != 0) return std::nullopt;
    out.push_back(shard_shape[i] / inner_shape[i]);
  }
  return out;
}

Representation shard_index_representation(const std::optional<std::vector<std::uint64_t>>& chunks_per_shard) {
  std::optional<std::vector<std::uint64_t>> shape;
  if (chunks_per_shard) {
    shape = *chunks_per_shard;
    shape->push_back(2);  // [offset, nbytes] per inner chunk
  }
  return Representation::array(std::move(shape), uint64_data_type());
}

}  // namespace ozv
