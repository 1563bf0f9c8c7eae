#include "json/syntax_error.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "json/text_position.hpp"
#include "json/utf8.hpp"

namespace ozv {
namespace {

constexpr int number_overflow_id = 406;  // nlohmann out_of_range.406
constexpr std::size_t max_detail_bytes = 300;
constexpr std::size_t max_excerpt_bytes = 40;

bool is_ascii_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }
bool is_ascii_alnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Characters of a bare (unquoted) token: numbers and literals, valid or not.
bool is_bare(char c) { return is_ascii_alnum(c) || c == '+' || c == '-' || c == '.'; }

// Byte offset of the character nlohmann was looking at: `position` counts the bytes read,
// plus one for an end of input it ran into.
std::size_t error_offset(std::string_view body, std::size_t position) {
  return position == 0 ? 0 : std::min(position - 1, body.size());
}

// Start of the token the error is about, found by a tokenizer-aware scan from the start of
// the text (string contents are skipped, so a "[" inside a string does not confuse it).
// `lexer_error`: nlohmann's lexer gave up part-way through a token (e.g. "tru]" or "-I"), as
// opposed to the parser receiving a complete token it did not expect (e.g. "}" or "2").
std::size_t token_start(std::string_view body, std::size_t at, bool lexer_error) {
  enum class State { between, string, bare } state = State::between;
  std::size_t start = 0;
  bool escaped = false;
  for (std::size_t i = 0; i < at; ++i) {
    const char c = body[i];
    if (state == State::string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"') {
        state = State::between;
      }
      continue;
    }
    if (state == State::bare && is_bare(c)) continue;
    state = State::between;
    if (c == '"') {
      state = State::string;
      start = i;
    } else if (is_bare(c)) {
      state = State::bare;
      start = i;
    }
  }
  std::size_t result = at;
  if (state == State::string) {
    result = start;  // inside a string, or at its closing quote
  } else if (state == State::bare && (lexer_error || (at < body.size() && is_bare(body[at])))) {
    result = start;  // inside a bare token, or at its last character
  }
  // Never point into the middle of a multi-byte character.
  while (result > 0 && result < body.size() && (static_cast<unsigned char>(body[result]) & 0xC0u) == 0x80u) --result;
  return result;
}

// The NaN / Infinity spelling at `start` ("NaN", "-Infinity", "nan", "+inf"...), or "".
std::string_view non_json_number(std::string_view body, std::size_t start) {
  if (start > 0 && (is_ascii_alnum(body[start - 1]) || body[start - 1] == '.')) return {};
  std::size_t end = start;
  if (end < body.size() && (body[end] == '-' || body[end] == '+')) ++end;
  const std::size_t letters = end;
  while (end < body.size() && is_ascii_alpha(body[end])) ++end;
  if (end < body.size() && (is_ascii_alnum(body[end]) || body[end] == '_')) return {};
  std::string word(body.substr(letters, end - letters));
  std::transform(word.begin(), word.end(), word.begin(), [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  if (word == "nan" || word == "inf" || word == "infinity") return body.substr(start, end - start);
  return {};
}

// Control characters shown the way nlohmann shows them, so an excerpt stays on one line.
std::string visible(std::string_view text) {
  std::string out;
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (b < 0x20u) {
      static constexpr std::array<char, 17> hex{"0123456789ABCDEF"};
      out += "<U+00";
      out.push_back(hex[b >> 4]);
      out.push_back(hex[b & 0xFu]);
      out.push_back('>');
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// The last `max_bytes` (or fewer) bytes of text, starting at a character boundary.
std::string_view tail(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t from = text.size() - max_bytes;
  while (from < text.size() && (static_cast<unsigned char>(text[from]) & 0xC0u) == 0x80u) ++from;
  return text.substr(from);
}

// nlohmann's message without its "[json.exception...] parse error at line L, column C: "
// prefix (its line and column count the bytes nlohmann saw, not ours) and with its
// cumulative "last read" text replaced by a short excerpt of the offending token.
std::string clean_detail(const SaxSyntaxError& error, std::string_view excerpt) {
  std::string detail = error.what;
  const auto column = detail.find(", column ");
  const auto colon = column == std::string::npos ? std::string::npos : detail.find(": ", column);
  if (colon != std::string::npos) {
    detail.erase(0, colon + 2);
  } else if (const auto bracket = detail.find("] "); bracket != std::string::npos) {
    detail.erase(0, bracket + 2);
  }
  // parse_json strips a real byte order mark, so nlohmann's "invalid BOM" only means that
  // the text starts with some other character encoded with a 0xEF lead byte.
  const std::string_view bom_message = "invalid BOM; must be 0xEF 0xBB 0xBF if given";
  if (const auto at = detail.find(bom_message); at != std::string::npos) {
    detail.replace(at, bom_message.size(), "invalid literal");
  }
  const std::string last_read = "; last read: '" + error.last_token + "'";
  if (const auto at = detail.find(last_read); at != std::string::npos) {
    std::string near;
    if (!excerpt.empty()) {
      const std::string_view shown = tail(excerpt, max_excerpt_bytes);
      near = "; near '" + std::string(shown.size() < excerpt.size() ? "\xE2\x80\xA6" : "") + visible(shown) + "'";
    }
    detail.replace(at, last_read.size(), near);
  }
  return truncate_utf8(to_valid_utf8(detail), max_detail_bytes);
}

Values where(std::string_view body, std::size_t body_offset, std::size_t offset) {
  const TextPosition pos = text_position(body, offset);
  return {{"line", std::to_string(pos.line)},
          {"column", std::to_string(pos.column)},
          {"offset", std::to_string(body_offset + offset)}};
}

}  // namespace

void report_syntax_error(std::string_view body, std::size_t body_offset, const SaxSyntaxError& error,
                         CappedFindings& findings) {
  const bool lexer_error = error.what.find("; last read: '") != std::string::npos;
  const std::size_t at = error_offset(body, error.position);
  const std::size_t start = token_start(body, at, lexer_error);
  Values values = where(body, body_offset, start);

  if (error.id == number_overflow_id) {
    std::size_t end = start;
    while (end < body.size() && is_bare(body[end])) ++end;
    values.emplace_back("literal", truncate_utf8(body.substr(start, end - start), max_excerpt_bytes));
    findings.add("JSON-009", error.pointer, std::move(values));
    return;
  }
  if (const auto token = non_json_number(body, start); !token.empty()) {
    values.emplace_back("token", std::string(token));
    findings.add("JSON-006", error.pointer, std::move(values));
    return;
  }
  std::size_t excerpt_end = std::min(at + 1, body.size());
  while (excerpt_end < body.size() && (static_cast<unsigned char>(body[excerpt_end]) & 0xC0u) == 0x80u) {
    ++excerpt_end;  // show the whole character nlohmann stopped in
  }
  const std::string_view excerpt = body.substr(start, excerpt_end > start ? excerpt_end - start : 0);
  values.emplace_back("detail", clean_detail(error, excerpt));
  findings.add("JSON-001", error.pointer, std::move(values));
}

void report_syntax_error_at(std::string_view body, std::size_t body_offset, std::size_t offset,
                            std::string_view detail, std::string pointer, CappedFindings& findings) {
  Values values = where(body, body_offset, offset);
  values.emplace_back("detail", std::string(detail));
  findings.add("JSON-001", std::move(pointer), std::move(values));
}

}  // namespace ozv
