#include "rules/sharding_checks.hpp"

#include <cstdint>
#include <optional>
#include <vector>

#include "rules/check_util.hpp"
#include "rules/codec_checks.hpp"
#include "zarr/v3_json_integer.hpp"
#include "zarr/v3_sharding.hpp"

namespace ozv {

namespace {

using json = nlohmann::json;
using Shape = std::vector<std::uint64_t>;

const json* member(const json* config, const char* name) {
  if (config == nullptr) return nullptr;
  auto it = config->find(name);
  return it == config->end() ? nullptr : &*it;
}

std::string shown(const json* value) { return value == nullptr ? kMissingValue : brief(*value); }

// chunk_shape: "The length of the chunk_shape array must match the number of dimensions of
// the shard shape to which this sharding codec is applied, and the inner chunk shape along
// each dimension must evenly divide the size of the shard shape."
// Returns the inner chunk shape when it is an array of positive integers.
std::optional<Shape> check_inner_chunk_shape(const json* value, const std::string& pointer,
                                             const std::optional<Shape>& shard_shape, V3CheckContext& ctx) {
  const std::string ndim = shard_shape ? std::to_string(shard_shape->size()) : "unknown";
  if (value == nullptr || !value->is_array()) {
    ctx.emit("SHARD-CFG-001", pointer, {{"value", shown(value)}, {"ndim", ndim}});
    return std::nullopt;
  }
  for (std::size_t i = 0; i < value->size(); ++i) {
    auto size = json_to_u64((*value)[i]);
    if (!size || *size == 0) {
      ctx.emit("SHARD-CFG-001", pointer_append(pointer, i), {{"value", brief((*value)[i])}, {"ndim", ndim}});
      return std::nullopt;
    }
  }
  auto inner = json_to_u64_list(*value);
  if (!shard_shape) return inner;
  if (shard_shape->size() != inner->size()) {
    ctx.emit("SHARD-CFG-001", pointer, {{"value", brief(*value)}, {"ndim", ndim}});
    return inner;
  }
  for (std::size_t i = 0; i < inner->size(); ++i) {
    if ((*shard_shape)[i] % (*inner)[i] != 0) {
      ctx.emit("SHARD-CFG-002", pointer_append(pointer, i),
               {{"dimension", std::to_string(i)},
                {"shard", std::to_string((*shard_shape)[i])},
                {"inner", std::to_string((*inner)[i])}});
      break;
    }
  }
  return inner;
}

// "It is RECOMMENDED to use a little-endian codec followed by a crc32c checksum as index codecs."
bool is_recommended_index(const json& index_codecs) {
  if (!index_codecs.is_array() || index_codecs.size() != 2) return false;
  const Extension bytes = parse_extension(index_codecs[0]);
  const Extension crc = parse_extension(index_codecs[1]);
  if (!bytes.well_formed() || !crc.well_formed() || bytes.name != "bytes" || crc.name != "crc32c") return false;
  const json* endian = member(bytes.configuration, "endian");
  return endian != nullptr && *endian == "little";
}

}  // namespace

void check_v3_sharding_configuration(const CodecEntry& entry, const std::string& pointer, int depth,
                                     V3CheckContext& ctx) {
  if (depth > kMaxShardingDepth) {
    ctx.emit("SHARD-CFG-009", pointer, {{"limit", std::to_string(kMaxShardingDepth)}});
    return;
  }
  const json* config = entry.extension.configuration;
  const std::string config_pointer = pointer_append(pointer, "configuration");
  if (config != nullptr) {
    for (const auto& [name, value] : config->items()) {
      if (name != "chunk_shape" && name != "codecs" && name != "index_codecs" && name != "index_location") {
        ctx.emit("CODEC-CFG-001", pointer_append(config_pointer, name), {{"codec", "sharding_indexed"}, {"member", name}});
      }
    }
  }

  // The shard shape is the chunk shape as this codec receives it: after any transpose.
  std::optional<Shape> shard_shape;
  std::optional<DataType> type;
  if (entry.input.is_array()) {
    shard_shape = entry.input.shape;
    type = entry.input.data_type;
  }
  const auto inner = check_inner_chunk_shape(member(config, "chunk_shape"), pointer_append(config_pointer, "chunk_shape"),
                                             shard_shape, ctx);

  const std::string codecs_pointer = pointer_append(config_pointer, "codecs");
  if (const json* codecs = member(config, "codecs")) {
    check_v3_codec_chain(*codecs, codecs_pointer, Representation::array(inner, type), kV3ShardCodecsRules, depth, ctx);
  } else {
    ctx.emit("SHARD-CFG-003", codecs_pointer, {{"value", kMissingValue}});
  }

  const std::string index_pointer = pointer_append(config_pointer, "index_codecs");
  if (const json* index_codecs = member(config, "index_codecs")) {
    std::optional<Shape> per_shard;
    if (shard_shape && inner) per_shard = chunks_per_shard(*shard_shape, *inner);
    const std::size_t before = ctx.out.size();
    check_v3_codec_chain(*index_codecs, index_pointer, shard_index_representation(per_shard), kV3ShardIndexRules,
                         depth, ctx);
    // Only a list without other findings is compared with the recommendation.
    if (ctx.out.size() == before && !is_recommended_index(*index_codecs)) {
      ctx.emit("SHARD-CFG-007", index_pointer, {{"value", brief(*index_codecs)}});
    }
  } else {
    ctx.emit("SHARD-CFG-004", index_pointer, {{"value", kMissingValue}});
  }

  // "The parameter value must be either the string start or end."
  const json* location = member(config, "index_location");
  if (location != nullptr && *location != "start" && *location != "end") {
    ctx.emit("SHARD-CFG-006", pointer_append(config_pointer, "index_location"), {{"value", brief(*location)}});
  }
}

}  // namespace ozv
