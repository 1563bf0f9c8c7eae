// What the chunk decoders found wrong with one stored chunk or shard, as facts (a kind, a
// detail, where in the stored value). The rules that turn them into findings, and their
// severity, live with the caller: the decoders only say what happened.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "store/store.hpp"

namespace ozv {

struct ChunkProblem {
  enum class Kind {
    decode_failed,               // a codec could not decode the bytes (corrupt, truncated, trailing data)
    size_mismatch,               // decoded size differs from what the shape and data type need
    checksum_mismatch,           // crc32c stored != crc32c computed
    header_claims_too_much,      // blosc/zstd header announces more bytes than the chunk can hold
    unsupported_codec,           // a filter/codec this decoder does not know: report as info
    invalid_configuration,       // the codec metadata cannot be run (the metadata checks say why)
    chunk_too_large,             // the decoded chunk would exceed DecodeLimits::max_decoded_bytes
    shard_index_truncated,       // the shard is shorter than its encoded index
    shard_entry_out_of_bounds,   // offset + nbytes overflows or passes the end of the shard
    shard_entry_overlaps_index,  // an entry's bytes intersect the index region
    shard_entries_overlap,       // two entries share bytes (legal, but suspicious)
    shard_entry_half_empty,      // exactly one of offset/nbytes is 2^64-1
  };
  Kind kind = Kind::decode_failed;
  // Human-readable facts, no severity. Problems inside a shard start with the inner chunk's
  // grid coordinates: "inner chunk (0,1): ...".
  std::string detail;
  // [begin, end) inside the stored value (the shard for inner-chunk problems), when known.
  std::optional<std::pair<std::uint64_t, std::uint64_t>> byte_range;
};

std::string_view to_string(ChunkProblem::Kind kind);  // "decode_failed" ...

struct DecodedChunk {
  // Present only when the chunk decoded completely. v2: the chunk's bytes as stored (its
  // `order` and byte order). v3: C-order little-endian elements of the chunk shape.
  std::optional<Bytes> data;
  std::vector<ChunkProblem> problems;  // may hold several (every bad inner chunk of a shard)
};

// Bounds on what untrusted metadata and values can make the decoder do.
struct DecodeLimits {
  std::uint64_t max_decoded_bytes = std::uint64_t{1} << 30;  // per chunk or shard
  std::size_t max_shard_nesting = 8;
};

}  // namespace ozv
