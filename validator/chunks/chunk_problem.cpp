#include "chunks/chunk_problem.hpp"

namespace ozv {

std::string_view to_string(ChunkProblem::Kind kind) {
  using K = ChunkProblem::Kind;
  switch (kind) {
    case K::decode_failed: return "decode_failed";
    case K::size_mismatch: return "size_mismatch";
    case K::checksum_mismatch: return "checksum_mismatch";
    case K::header_claims_too_much: return "header_claims_too_much";
    case K::unsupported_codec: return "unsupported_codec";
    case K::invalid_configuration: return "invalid_configuration";
    case K::chunk_too_large: return "chunk_too_large";
    case K::shard_index_truncated: return "shard_index_truncated";
    case K::shard_entry_out_of_bounds: return "shard_entry_out_of_bounds";
    case K::shard_entry_overlaps_index: return "shard_entry_overlaps_index";
    case K::shard_entries_overlap: return "shard_entries_overlap";
    case K::shard_entry_half_empty: return "shard_entry_half_empty";
  }
  return "unknown";
}

}  // namespace ozv
