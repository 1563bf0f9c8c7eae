// What the chunk pass needs to know about one array, read from its metadata document: the
// grid, how keys are spelled and how a stored chunk is decoded.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "chunks/v3_decode.hpp"
#include "engine/chunk_keys.hpp"

namespace ozv {

struct ChunkArrayPlan {
  std::string prefix;        // the array's store prefix ("" for a root array)
  std::string metadata_key;  // "0/zarr.json", "0/.zarray"
  int zarr_format = 0;
  nlohmann::json metadata;   // v2: the whole .zarray; v3: the `codecs` list
  std::vector<std::uint64_t> chunk_shape;
  ChunkKeyFormat keys;
  ElementLayout layout;                // v3 only
  std::optional<std::uint64_t> total;  // chunks in the grid; nullopt when it overflows
  // Set when the chunks cannot be decoded at all (an extension data type): said once.
  std::string unsupported;
  // v3, codecs = [sharding_indexed] with inner chunks of at least kPieceBytes decoded: a large
  // shard may be read piece by piece (its index, then each inner chunk) instead of whole. The
  // bound keeps the number of reads per shard small whatever its index says.
  bool shards_by_pieces = false;
  static constexpr std::uint64_t kPieceBytes = 64 << 10;
};

// nullopt when the document does not describe a usable array (the metadata rules say why, or
// it is not an array at all).
std::optional<ChunkArrayPlan> plan_chunk_checks(const nlohmann::json& doc, int zarr_format, const std::string& prefix,
                                                const std::string& metadata_key);

}  // namespace ozv
