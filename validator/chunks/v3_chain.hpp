// The recursive core of decode_v3_chunk, shared with the shard decoder (which runs the
// inner and index codec chains through it). Internal to the chunks module.
#pragma once

#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "chunks/chunk_problem.hpp"
#include "chunks/element_ops.hpp"
#include "chunks/v3_decode.hpp"

namespace ozv::chunks_detail {

struct V3Context {
  ElementLayout layout;          // endian_unit resolved (never 0)
  std::string_view fill_element;  // element_size bytes
  DecodeLimits limits;
  std::size_t depth = 0;  // sharding levels above this chain
  DecodeScratch* scratch = nullptr;  // buffers reused between chunks; none when null
};

DecodedChunk run_v3_chain(const nlohmann::json& codecs, std::string_view stored, const ChunkShape& shape,
                          const V3Context& context);

// A problem without data, for early returns.
DecodedChunk failed(ChunkProblem::Kind kind, std::string detail);

std::string shape_text(const ChunkShape& shape);  // "[8,256,256]"

}  // namespace ozv::chunks_detail
