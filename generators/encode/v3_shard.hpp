// The sharding_indexed codec's encoder (codecs/sharding-indexed), split from the chain runner
// because it recurses into it for inner chunks and for the index.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "encode/v3_array_ops.hpp"

namespace ozv::encode {

// One shard from its C-order little-endian elements; the arguments are as for
// encode_v3_chunk, `configuration` is the codec's configuration object.
Bytes encode_shard(const nlohmann::json& configuration, std::string_view shard, const Shape& shard_shape,
                   std::size_t element_size, std::string_view fill_element, std::size_t endian_unit);

}  // namespace ozv::encode
