// Decoding one Zarr v3 chunk (or shard) through its `codecs` chain in reverse
// (core/index.rst "Chunk encoding"): bytes -> bytes codecs, then the array -> bytes codec
// (bytes or sharding_indexed), then array -> array codecs. Every problem met is reported
// as a fact; the result is the chunk as C-order little-endian elements.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "chunks/chunk_problem.hpp"
#include "chunks/shard_bytes.hpp"
#include "zarr/v3_data_type.hpp"

namespace ozv {

struct ElementLayout {
  std::size_t element_size = 1;
  // The part of an element whose bytes `endian: big` reverses: element_size for every core
  // type but complex, whose two floats are swapped separately (element_size / 2). 0 = whole.
  std::size_t endian_unit = 0;
};

ElementLayout element_layout(const DataType& type);

// `codecs` is the array metadata's list; `chunk_shape` the chunk grid's chunk shape;
// `fill_element` the fill value as one little-endian element (empty = zero bytes), used for
// the inner chunks a shard leaves out. `scratch` (optional) lends and takes back the decoded
// buffers, see DecodeScratch. Never throws for any `stored` or `codecs`.
DecodedChunk decode_v3_chunk(const nlohmann::json& codecs, std::string_view stored,
                             const std::vector<std::uint64_t>& chunk_shape, const ElementLayout& layout,
                             std::string_view fill_element = {}, const DecodeLimits& limits = {},
                             DecodeScratch* scratch = nullptr);

// True when `codecs` is one sharding_indexed codec and nothing else: each shard can then be
// decoded from pieces read on demand, with decode_v3_shard.
bool is_bare_sharding(const nlohmann::json& codecs);

// decode_v3_chunk for such a chain, reading the shard through `stored` (its index, then one
// inner chunk at a time). Throws only what stored.read throws.
DecodedChunk decode_v3_shard(const nlohmann::json& codecs, ShardBytes& stored,
                             const std::vector<std::uint64_t>& chunk_shape, const ElementLayout& layout,
                             std::string_view fill_element = {}, const DecodeLimits& limits = {},
                             DecodeScratch* scratch = nullptr);

}  // namespace ozv
