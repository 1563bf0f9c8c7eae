// Line and column of a byte offset, for messages a person can act on.
#pragma once

#include <cstddef>
#include <string_view>

namespace ozv {

struct TextPosition {
  std::size_t line = 1;    // 1-based; "\n", "\r\n" and a lone "\r" each end a line
  std::size_t column = 1;  // 1-based, in characters (code points), as editors count them
};

// Position of byte `offset` in `text` (an offset past the end is the position after the last
// character). Bytes before `offset` are expected to be valid UTF-8; if not, each lead or stray
// byte counts as one character.
TextPosition text_position(std::string_view text, std::size_t offset);

}  // namespace ozv
