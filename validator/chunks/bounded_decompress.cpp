// See bounded_decompress.hpp. Output buffers start small and double up to cap + 1 bytes: one
// byte past the cap is how "there is more" is detected without ever holding more.
#include "chunks/bounded_decompress.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include <blosc.h>
#include <zlib.h>
#include <zstd.h>

namespace ozv {
namespace {

using Kind = ChunkProblem::Kind;

BoundedOutput failure(Kind kind, std::string detail) {
  return BoundedOutput{std::nullopt, ChunkProblem{kind, std::move(detail), std::nullopt}};
}

// The largest buffer we may hold: cap + 1, limited to what std::string can address.
std::size_t buffer_limit(std::uint64_t cap) {
  const std::uint64_t limit = std::min<std::uint64_t>(cap, std::numeric_limits<std::size_t>::max() / 2) + 1;
  return static_cast<std::size_t>(limit);
}

// A recycled buffer made ready to decode into: at most `limit` bytes, contents irrelevant.
Bytes reuse(Bytes recycled, std::size_t limit) {
  if (recycled.size() > limit) recycled.resize(limit);
  return recycled;
}

// Grows `out` towards `limit`; false when it is already there.
bool grow(Bytes& out, std::size_t limit, std::size_t input_size) {
  if (out.size() >= limit) return false;
  const std::size_t wanted = out.empty() ? std::max<std::size_t>(std::size_t{1} << 16, input_size * 4) : out.size() * 2;
  out.resize(std::min(wanted, limit));
  return true;
}

std::string too_big(std::uint64_t cap) { return "decodes to more than " + std::to_string(cap) + " bytes"; }

}  // namespace

BoundedOutput bounded_inflate(std::string_view input, std::uint64_t cap, DeflateWrapper wrapper, Bytes recycled) {
  const char* name = wrapper == DeflateWrapper::gzip ? "gzip" : "zlib";
  z_stream stream{};
  if (inflateInit2(&stream, wrapper == DeflateWrapper::gzip ? 15 + 16 : 15) != Z_OK)
    return failure(Kind::decode_failed, std::string(name) + ": inflateInit2 failed");
  constexpr std::size_t kPiece = std::size_t{1} << 30;  // zlib counts in 32-bit uInt
  const std::size_t limit = buffer_limit(cap);
  Bytes out = reuse(std::move(recycled), limit);
  std::size_t consumed = 0;  // input handed to zlib
  std::size_t produced = 0;
  std::optional<BoundedOutput> result;
  while (!result) {
    if (stream.avail_in == 0 && consumed < input.size()) {
      const std::size_t take = std::min(input.size() - consumed, kPiece);
      // zlib's API is not const-correct; inflate never writes through next_in.
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(input.data() + consumed));
      stream.avail_in = static_cast<uInt>(take);
      consumed += take;
    }
    if (produced == out.size() && !grow(out, limit, input.size())) {
      result = failure(Kind::size_mismatch, std::string(name) + " " + too_big(cap));
      break;
    }
    const std::size_t room = std::min(out.size() - produced, kPiece);
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    stream.avail_out = static_cast<uInt>(room);
    const int status = inflate(&stream, Z_NO_FLUSH);
    produced += room - stream.avail_out;
    const bool input_left = stream.avail_in > 0 || consumed < input.size();
    if (status == Z_STREAM_END) {
      if (!input_left) {
        if (produced > cap) {
          result = failure(Kind::size_mismatch, std::string(name) + " " + too_big(cap));
        } else {
          out.resize(produced);
          result = BoundedOutput{std::move(out), std::nullopt};
        }
      } else if (wrapper == DeflateWrapper::gzip) {
        inflateReset(&stream);  // the next member
      } else {
        result = failure(Kind::decode_failed, "zlib: bytes follow the end of the stream");
      }
    } else if (status == Z_BUF_ERROR) {
      // No progress: either the output is full (grown next turn) or the input ran out.
      if (stream.avail_out != 0 && !input_left)
        result = failure(Kind::decode_failed, std::string(name) + ": truncated stream");
    } else if (status != Z_OK) {
      result = failure(Kind::decode_failed,
                       std::string(name) + ": " + (stream.msg != nullptr ? stream.msg : "corrupt stream"));
    } else if (!input_left && stream.avail_out != 0) {
      // zlib returned Z_OK, consumed everything and still has room: the stream is cut short.
      result = failure(Kind::decode_failed, std::string(name) + ": truncated stream");
    }
  }
  inflateEnd(&stream);
  return std::move(*result);
}

BoundedOutput bounded_zstd(std::string_view input, std::uint64_t cap, Bytes recycled) {
  const unsigned long long declared = ZSTD_getFrameContentSize(input.data(), input.size());
  if (declared == ZSTD_CONTENTSIZE_ERROR) return failure(Kind::decode_failed, "zstd: not a zstd frame");
  if (declared != ZSTD_CONTENTSIZE_UNKNOWN && declared > cap)
    return failure(Kind::header_claims_too_much, "zstd frame header declares " + std::to_string(declared) +
                                                     " bytes, more than the " + std::to_string(cap) + " expected");
  ZSTD_DCtx* context = ZSTD_createDCtx();
  if (context == nullptr) return failure(Kind::decode_failed, "zstd: ZSTD_createDCtx failed");
  const std::size_t limit = buffer_limit(cap);
  Bytes out = reuse(std::move(recycled), limit);
  // A declared size is at most the cap (checked above): room for all of it at once, plus the
  // byte that tells a frame producing more than it declared.
  if (declared != ZSTD_CONTENTSIZE_UNKNOWN && out.size() < declared + 1)
    out.resize(std::min<std::size_t>(static_cast<std::size_t>(declared) + 1, limit));
  ZSTD_inBuffer in{input.data(), input.size(), 0};
  std::size_t produced = 0;
  std::optional<BoundedOutput> result;
  while (!result) {
    if (produced == out.size() && !grow(out, limit, input.size())) {
      result = failure(Kind::size_mismatch, "zstd " + too_big(cap));
      break;
    }
    ZSTD_outBuffer target{out.data(), out.size(), produced};
    const std::size_t status = ZSTD_decompressStream(context, &target, &in);
    produced = target.pos;
    if (ZSTD_isError(status)) {
      result = failure(Kind::decode_failed, std::string("zstd: ") + ZSTD_getErrorName(status));
    } else if (status == 0 && in.pos == in.size) {
      if (produced > cap) {
        result = failure(Kind::size_mismatch, "zstd " + too_big(cap));
      } else {
        out.resize(produced);
        result = BoundedOutput{std::move(out), std::nullopt};
      }
    } else if (status != 0 && in.pos == in.size && target.pos < target.size) {
      result = failure(Kind::decode_failed, "zstd: truncated frame");
    }
  }
  ZSTD_freeDCtx(context);
  return std::move(*result);
}

BoundedOutput bounded_blosc(std::string_view input, std::uint64_t cap, Bytes recycled) {
  if (input.size() < BLOSC_MIN_HEADER_LENGTH)
    return failure(Kind::decode_failed, "blosc: " + std::to_string(input.size()) + " bytes, shorter than the header");
  // Read here as unsigned 32-bit fields: blosc_cbuffer_sizes sign-extends them, turning a
  // patched 2^31 into 2^64 - 2^31.
  const auto u32_at = [&](std::size_t at) {
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) value |= static_cast<std::uint32_t>(static_cast<unsigned char>(input[at + i])) << (8 * i);
    return std::uint64_t{value};
  };
  const std::uint64_t nbytes = u32_at(4);
  const std::uint64_t cbytes = u32_at(12);
  if (nbytes > cap)
    return failure(Kind::header_claims_too_much, "blosc header declares " + std::to_string(nbytes) +
                                                     " bytes, more than the " + std::to_string(cap) + " expected");
  if (cbytes > input.size())
    return failure(Kind::decode_failed, "blosc header declares " + std::to_string(cbytes) +
                                            " compressed bytes, but only " + std::to_string(input.size()) + " are stored");
  if (nbytes > static_cast<std::uint64_t>(BLOSC_MAX_BUFFERSIZE))
    return failure(Kind::decode_failed, "blosc header declares " + std::to_string(nbytes) + " bytes, more than c-blosc allows");
  std::size_t validated = 0;
  if (blosc_cbuffer_validate(input.data(), input.size(), &validated) < 0)
    return failure(Kind::decode_failed, "blosc: invalid header");
  Bytes out = std::move(recycled);
  out.resize(static_cast<std::size_t>(nbytes));  // zero-fills only what the buffer grows by
  if (nbytes == 0) return BoundedOutput{std::move(out), std::nullopt};
  const int written = blosc_decompress_ctx(input.data(), out.data(), out.size(), 1);
  if (written < 0 || static_cast<std::uint64_t>(written) != nbytes)
    return failure(Kind::decode_failed, "blosc: decompression failed (" + std::to_string(written) + ")");
  return BoundedOutput{std::move(out), std::nullopt};
}

}  // namespace ozv
