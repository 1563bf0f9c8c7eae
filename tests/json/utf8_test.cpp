#include <string>

#include <catch2/catch.hpp>

#include "json/utf8.hpp"

using ozv::find_invalid_utf8;

namespace {

// Offset of the first bad sequence, or -1 when valid.
long bad_at(std::string_view text) {
  const auto bad = find_invalid_utf8(text);
  return bad ? static_cast<long>(bad->offset) : -1;
}

std::string reason(std::string_view text) {
  const auto bad = find_invalid_utf8(text);
  return bad ? std::string(bad->reason) : "";
}

}  // namespace

TEST_CASE("valid UTF-8 is accepted, boundaries included", "[json][utf8]") {
  CHECK(bad_at("") == -1);
  CHECK(bad_at("plain ascii, long enough to use the eight-byte fast path") == -1);
  CHECK(bad_at("\xC2\x80") == -1);              // U+0080, smallest 2-byte
  CHECK(bad_at("\xDF\xBF") == -1);              // U+07FF
  CHECK(bad_at("\xE0\xA0\x80") == -1);          // U+0800, smallest 3-byte
  CHECK(bad_at("\xED\x9F\xBF") == -1);          // U+D7FF, just below the surrogates
  CHECK(bad_at("\xEE\x80\x80") == -1);          // U+E000, just above them
  CHECK(bad_at("\xEF\xBF\xBF") == -1);          // U+FFFF
  CHECK(bad_at("\xF0\x90\x80\x80") == -1);      // U+10000, smallest 4-byte
  CHECK(bad_at("\xF4\x8F\xBF\xBF") == -1);      // U+10FFFF, the largest code point
  CHECK(bad_at("caf\xC3\xA9 \xE6\x97\xA5\xE6\x9C\xAC \xF0\x9F\x98\x80") == -1);
}

TEST_CASE("invalid UTF-8 is found at its first byte, with the reason", "[json][utf8]") {
  CHECK(bad_at("abc\x80") == 3);
  CHECK(reason("abc\x80") == "unexpected continuation byte");
  CHECK(bad_at("\xC0\xAF") == 0);  // overlong '/'
  CHECK(reason("\xC0\xAF") == "overlong encoding");
  CHECK(reason("\xC1\xBF") == "overlong encoding");
  CHECK(reason("\xE0\x9F\xBF") == "overlong encoding");
  CHECK(reason("\xF0\x8F\xBF\xBF") == "overlong encoding");
  CHECK(reason("\xED\xA0\x80") == "UTF-16 surrogate encoded in UTF-8");  // U+D800
  CHECK(reason("\xED\xBF\xBF") == "UTF-16 surrogate encoded in UTF-8");  // U+DFFF
  CHECK(reason("\xF4\x90\x80\x80") == "code point above U+10FFFF");
  CHECK(reason("\xF5\x80\x80\x80") == "code point above U+10FFFF");
  CHECK(reason("\xFF") == "byte that never appears in UTF-8");
  CHECK(reason("\xC3") == "truncated sequence");
  CHECK(reason("\xE6\x97") == "truncated sequence");
  CHECK(reason("\xE6\x97x") == "truncated sequence");
  // The bad byte after a long ASCII run (fast path) is still found at the right offset.
  CHECK(bad_at("0123456789abcdefghij\xFE") == 20);
  CHECK(bad_at("0123456789abcdef\xC3\xA9\xC3") == 18);
}

TEST_CASE("report helpers keep strings valid and short", "[json][utf8]") {
  CHECK(ozv::to_valid_utf8("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(ozv::to_valid_utf8("ok \xC3\xA9") == "ok \xC3\xA9");
  CHECK(ozv::truncate_utf8("short", 10) == "short");
  CHECK(ozv::truncate_utf8("abcdef", 3) == "abc\xE2\x80\xA6");
  // Never cut inside a character: "é" is two bytes.
  CHECK(ozv::truncate_utf8("a\xC3\xA9z", 2) == "a\xE2\x80\xA6");
}
