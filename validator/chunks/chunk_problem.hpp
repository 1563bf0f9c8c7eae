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
  // The chunk decoded completely (`data` is then present unless DecodeLimits::keep_data is
  // false). Problems may still be listed: entries of a shard sharing bytes do not stop it.
  bool complete = false;
};

// Bounds on what untrusted metadata and values can make the decoder do.
struct DecodeLimits {
  std::uint64_t max_decoded_bytes = std::uint64_t{1} << 30;  // per chunk or shard
  std::size_t max_shard_nesting = 8;
  // Problems of one kind listed per shard; the rest are counted in one more problem of that
  // kind, so a hostile index (a million bad entries) cannot grow the list without bound.
  std::size_t max_problems_per_kind = 100;
  // false: every chunk is still decoded and checked in full, but DecodedChunk::data is left
  // out and a shard is not assembled from its inner chunks (a pass that only wants problems).
  bool keep_data = true;
};

// Decoded-byte buffers a caller keeps from one chunk to the next (one per worker thread), so
// that once they have grown, decoding a chunk allocates and zero-fills nothing. Holds at most
// a few buffers, none larger than the largest chunk decoded with it.
class DecodeScratch {
 public:
  Bytes take() {
    if (spare_.empty()) return {};
    Bytes buffer = std::move(spare_.back());
    spare_.pop_back();
    return buffer;
  }
  void give(Bytes buffer) {
    if (spare_.size() < kKept && buffer.capacity() > 0) spare_.push_back(std::move(buffer));
  }

 private:
  static constexpr std::size_t kKept = 4;
  std::vector<Bytes> spare_;
};

}  // namespace ozv
