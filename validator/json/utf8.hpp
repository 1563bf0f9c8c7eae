// UTF-8 handling for untrusted documents: validation (RFC 3629) in one linear pass, and the
// two helpers needed to put fragments of a document into a report safely (a report is JSON
// itself, so every string in it must be valid UTF-8, and a hostile megabyte-long name must
// not flood it).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace ozv {

struct Utf8Error {
  std::size_t offset = 0;   // first byte of the offending sequence
  std::string_view reason;  // "overlong encoding", "truncated sequence", ...
};

// The first invalid sequence, or nothing when `text` is entirely valid UTF-8.
// Rejects overlong forms, UTF-16 surrogates (U+D800..U+DFFF) and code points above U+10FFFF.
std::optional<Utf8Error> find_invalid_utf8(std::string_view text);

// `text` with each byte that is not part of a valid sequence replaced by U+FFFD.
std::string to_valid_utf8(std::string_view text);

// At most `max_bytes` bytes of `text`, cut at a character boundary; "…" is appended when cut.
std::string truncate_utf8(std::string_view text, std::size_t max_bytes);

}  // namespace ozv
