#include <catch2/catch.hpp>

#include "json/text_position.hpp"

using ozv::text_position;

TEST_CASE("line and column are 1-based and count characters", "[json][position]") {
  const std::string_view text = "ab\ncd\r\nef\rg\xC3\xA9h";
  CHECK(text_position(text, 0).line == 1);
  CHECK(text_position(text, 0).column == 1);
  CHECK(text_position(text, 1).column == 2);
  CHECK(text_position(text, 3).line == 2);   // 'c'
  CHECK(text_position(text, 3).column == 1);
  CHECK(text_position(text, 7).line == 3);   // 'e' after CRLF
  CHECK(text_position(text, 7).column == 1);
  CHECK(text_position(text, 10).line == 4);  // 'g' after a lone CR
  CHECK(text_position(text, 10).column == 1);
  CHECK(text_position(text, 13).column == 3);  // 'h' after the two-byte 'é'
  // Past the end: just after the last character.
  CHECK(text_position(text, 1000).line == 4);
  CHECK(text_position(text, 1000).column == 4);
}
