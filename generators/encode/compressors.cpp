// Thin, checked wrappers over zlib, zstd and c-blosc; see compressors.hpp for why.
#include "encode/compressors.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

#include <blosc.h>
#include <zlib.h>
#include <zstd.h>

namespace ozv::encode {
namespace {

void check_zlib_level(int level, const char* what) {
  if (level < -1 || level > 9)
    throw std::invalid_argument(std::string(what) + " level " + std::to_string(level) + " is not -1 or 0..9");
}

// zlib counts in uInt (32 bits), so large inputs are fed and drained in pieces.
Bytes deflate_stream(std::string_view raw, int level, int window_bits) {
  z_stream stream{};
  if (deflateInit2(&stream, level, Z_DEFLATED, window_bits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    throw std::runtime_error("zlib deflateInit2 failed");
  constexpr std::size_t kPiece = std::size_t{1} << 30;
  Bytes out;
  out.resize(std::min<std::size_t>(deflateBound(&stream, static_cast<uLong>(std::min(raw.size(), kPiece))), kPiece));
  std::size_t consumed = 0;
  std::size_t produced = 0;
  int status = Z_OK;
  do {
    if (stream.avail_in == 0 && consumed < raw.size()) {
      const std::size_t take = std::min(raw.size() - consumed, kPiece);
      // zlib's API is not const-correct; deflate never writes through next_in.
      stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(raw.data() + consumed));
      stream.avail_in = static_cast<uInt>(take);
      consumed += take;
    }
    if (produced == out.size()) out.resize(out.size() + std::max<std::size_t>(out.size() / 2, 64));
    const std::size_t room = std::min(out.size() - produced, kPiece);
    stream.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    stream.avail_out = static_cast<uInt>(room);
    status = deflate(&stream, consumed == raw.size() ? Z_FINISH : Z_NO_FLUSH);
    produced += room - stream.avail_out;
    if (status == Z_STREAM_ERROR) {
      deflateEnd(&stream);
      throw std::runtime_error("zlib deflate failed");
    }
  } while (status != Z_STREAM_END);
  deflateEnd(&stream);
  out.resize(produced);
  return out;
}

}  // namespace

Bytes gzip_compress(std::string_view raw, int level) {
  check_zlib_level(level, "gzip");
  return deflate_stream(raw, level, 15 + 16);  // +16: gzip wrapper instead of zlib
}

Bytes zlib_compress(std::string_view raw, int level) {
  check_zlib_level(level, "zlib");
  return deflate_stream(raw, level, 15);
}

Bytes zstd_compress(std::string_view raw, int level, bool checksum) {
  if (level < ZSTD_minCLevel() || level > ZSTD_maxCLevel())
    throw std::invalid_argument("zstd level " + std::to_string(level) + " is outside " +
                                std::to_string(ZSTD_minCLevel()) + ".." + std::to_string(ZSTD_maxCLevel()));
  ZSTD_CCtx* context = ZSTD_createCCtx();
  if (context == nullptr) throw std::runtime_error("ZSTD_createCCtx failed");
  Bytes out(ZSTD_compressBound(raw.size()), '\0');
  std::size_t result = ZSTD_CCtx_setParameter(context, ZSTD_c_compressionLevel, level);
  if (!ZSTD_isError(result)) result = ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, checksum ? 1 : 0);
  if (!ZSTD_isError(result)) result = ZSTD_CCtx_setParameter(context, ZSTD_c_contentSizeFlag, 1);
  if (!ZSTD_isError(result)) result = ZSTD_compress2(context, out.data(), out.size(), raw.data(), raw.size());
  ZSTD_freeCCtx(context);
  if (ZSTD_isError(result)) throw std::runtime_error(std::string("zstd compression failed: ") + ZSTD_getErrorName(result));
  out.resize(result);
  return out;
}

Bytes blosc_compress(std::string_view raw, const BloscSettings& settings) {
  if (blosc_compname_to_compcode(settings.cname.c_str()) < 0)
    throw std::invalid_argument("blosc cname \"" + settings.cname + "\" is not available in this c-blosc");
  if (settings.clevel < 0 || settings.clevel > 9)
    throw std::invalid_argument("blosc clevel " + std::to_string(settings.clevel) + " is not 0..9");
  if (settings.shuffle < 0 || settings.shuffle > 2)
    throw std::invalid_argument("blosc shuffle " + std::to_string(settings.shuffle) + " is not 0, 1 or 2");
  if (settings.typesize == 0) throw std::invalid_argument("blosc typesize must be at least 1");
  if (settings.blocksize > static_cast<std::size_t>(std::numeric_limits<int>::max()))
    throw std::invalid_argument("blosc blocksize " + std::to_string(settings.blocksize) + " is too large");
  if (raw.size() > static_cast<std::size_t>(BLOSC_MAX_BUFFERSIZE))
    throw std::invalid_argument("blosc cannot compress " + std::to_string(raw.size()) + " bytes in one frame");
  Bytes out(raw.size() + BLOSC_MAX_OVERHEAD, '\0');
  const int written = blosc_compress_ctx(settings.clevel, settings.shuffle, settings.typesize, raw.size(), raw.data(),
                                         out.data(), out.size(), settings.cname.c_str(), settings.blocksize, 1);
  // With room for nbytes + BLOSC_MAX_OVERHEAD blosc falls back to a stored copy, so 0
  // ("did not fit") cannot happen; a negative value is an internal error.
  if (written <= 0) throw std::runtime_error("blosc_compress_ctx failed with " + std::to_string(written));
  out.resize(static_cast<std::size_t>(written));
  return out;
}

}  // namespace ozv::encode
