#include "json/text_position.hpp"

#include <algorithm>

namespace ozv {

TextPosition text_position(std::string_view text, std::size_t offset) {
  TextPosition pos;
  const std::size_t end = std::min(offset, text.size());
  for (std::size_t i = 0; i < end; ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    const bool crlf_first_half = b == '\r' && i + 1 < text.size() && text[i + 1] == '\n';
    if (b == '\n' || (b == '\r' && !crlf_first_half)) {
      ++pos.line;
      pos.column = 1;
    } else if (crlf_first_half) {
      // The '\n' that follows ends the line; the '\r' takes no column of its own.
    } else if ((b & 0xC0u) != 0x80u) {
      ++pos.column;  // continuation bytes belong to the character already counted
    }
  }
  return pos;
}

}  // namespace ozv
