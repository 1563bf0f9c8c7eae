#include "json/utf8.hpp"

#include <cstdint>
#include <cstring>

namespace ozv {
namespace {

bool is_continuation(unsigned char b) { return (b & 0xC0u) == 0x80u; }

// Length of the valid sequence starting at `i`, or the reason it is invalid.
// Bounds per RFC 3629 section 4 (the UTF8-2/3/4 productions).
struct Decoded {
  std::size_t length = 0;  // 0 when invalid
  std::string_view reason;
};

Decoded decode_one(std::string_view text, std::size_t i) {
  const auto b = static_cast<unsigned char>(text[i]);
  if (b < 0x80u) return {1, {}};
  if (b < 0xC0u) return {0, "unexpected continuation byte"};
  if (b < 0xC2u) return {0, "overlong encoding"};
  if (b >= 0xF8u) return {0, "byte that never appears in UTF-8"};
  if (b >= 0xF5u) return {0, "code point above U+10FFFF"};

  const std::size_t length = b < 0xE0u ? 2 : b < 0xF0u ? 3 : 4;
  for (std::size_t k = 1; k < length; ++k) {
    if (i + k >= text.size()) return {0, "truncated sequence"};
    if (!is_continuation(static_cast<unsigned char>(text[i + k]))) return {0, "truncated sequence"};
  }
  // The second byte's range is narrower after these lead bytes.
  const auto second = static_cast<unsigned char>(text[i + 1]);
  if (b == 0xE0u && second < 0xA0u) return {0, "overlong encoding"};
  if (b == 0xEDu && second >= 0xA0u) return {0, "UTF-16 surrogate encoded in UTF-8"};
  if (b == 0xF0u && second < 0x90u) return {0, "overlong encoding"};
  if (b == 0xF4u && second >= 0x90u) return {0, "code point above U+10FFFF"};
  return {length, {}};
}

// Skips a run of ASCII eight bytes at a time: metadata is almost all ASCII.
std::size_t skip_ascii(std::string_view text, std::size_t i) {
  constexpr std::uint64_t high_bits = 0x8080808080808080ull;
  while (text.size() - i >= 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, text.data() + i, sizeof word);
    if ((word & high_bits) != 0) break;
    i += 8;
  }
  return i;
}

}  // namespace

std::optional<Utf8Error> find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    i = skip_ascii(text, i);
    if (i >= text.size()) break;
    const Decoded d = decode_one(text, i);
    if (d.length == 0) return Utf8Error{i, d.reason};
    i += d.length;
  }
  return std::nullopt;
}

std::string to_valid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    const Decoded d = decode_one(text, i);
    if (d.length == 0) {
      out += "\xEF\xBF\xBD";  // U+FFFD REPLACEMENT CHARACTER
      ++i;
    } else {
      out.append(text.substr(i, d.length));
      i += d.length;
    }
  }
  return out;
}

std::string truncate_utf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t cut = max_bytes;
  while (cut > 0 && is_continuation(static_cast<unsigned char>(text[cut]))) --cut;
  std::string out(text.substr(0, cut));
  out += "\xE2\x80\xA6";  // U+2026 HORIZONTAL ELLIPSIS
  return out;
}

}  // namespace ozv
