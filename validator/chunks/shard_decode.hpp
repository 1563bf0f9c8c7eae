// The sharding_indexed codec's decoder (codecs/sharding-indexed "Binary shard format"):
// finds and decodes the index, checks every entry against the shard and the other entries,
// decodes each inner chunk through the inner codecs and assembles the shard.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "chunks/shard_bytes.hpp"
#include "chunks/v3_chain.hpp"

namespace ozv::chunks_detail {

// `stored` is the shard as the array -> bytes codec sees it; `shard_shape` the shape that
// codec receives. Inner chunk problems carry "inner chunk (i,j): " and a byte range in
// `stored`. Entries sharing bytes are reported but do not stop the shard from decoding.
DecodedChunk decode_shard(const nlohmann::json& configuration, ShardBytes& stored, const ChunkShape& shard_shape,
                          const V3Context& context);

}  // namespace ozv::chunks_detail
