// gzip/zlib, zstd and c-blosc decompression that never produces (or allocates) more than a
// caller-given cap, whatever a header or a decompression bomb announces. Every chunk byte the
// validator reads is untrusted, so the cap — the size the metadata says the result may
// have — is enforced before and during decoding, not after.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "chunks/chunk_problem.hpp"

namespace ozv {

struct BoundedOutput {
  std::optional<Bytes> data;             // at most `cap` bytes; absent when `problem` is set
  std::optional<ChunkProblem> problem;   // without byte_range: the caller knows where it was
};

enum class DeflateWrapper { gzip, zlib };

// Each function writes into `recycled` (a buffer from an earlier chunk, see DecodeScratch)
// when one is given, so that its capacity is reused and only growth is zero-filled.

// RFC 1952 (members may be concatenated, as Python's gzip module reads them) or RFC 1950
// (trailing bytes after the stream are an error). Output beyond `cap` is size_mismatch.
BoundedOutput bounded_inflate(std::string_view input, std::uint64_t cap, DeflateWrapper wrapper, Bytes recycled = {});

// One or more zstd frames. A frame header whose content size exceeds `cap` is
// header_claims_too_much (refused before allocating); frames without a content size are
// decoded until they pass `cap` (size_mismatch).
BoundedOutput bounded_zstd(std::string_view input, std::uint64_t cap, Bytes recycled = {});

// One c-blosc 1 frame. A header nbytes above `cap` is header_claims_too_much; a header whose
// compressed size passes the end of `input` is decode_failed. Bytes after the frame are ignored,
// as numcodecs ignores them.
BoundedOutput bounded_blosc(std::string_view input, std::uint64_t cap, Bytes recycled = {});

}  // namespace ozv
