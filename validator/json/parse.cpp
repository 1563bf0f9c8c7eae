#include "json/parse.hpp"

#include "json/capped_findings.hpp"
#include "json/dom_builder.hpp"
#include "json/syntax_error.hpp"
#include "json/text_position.hpp"
#include "json/utf8.hpp"

namespace ozv {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

std::string hex_byte(unsigned char b) {
  static constexpr char digits[] = "0123456789ABCDEF";
  return std::string("0x") + digits[b >> 4] + digits[b & 0xFu];
}

bool only_whitespace(std::string_view text) { return text.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// Checks that need the whole text before parsing: size, byte order mark, UTF-8.
// Returns the text to parse, or nothing when the document cannot be used.
std::optional<std::string_view> prepare(std::string_view text, const JsonLimits& limits, CappedFindings& findings,
                                        std::size_t& body_offset) {
  if (text.size() > limits.max_bytes) {
    findings.add("JSON-005", "", {{"size", std::to_string(text.size())}, {"limit", std::to_string(limits.max_bytes)}});
    return std::nullopt;
  }
  body_offset = 0;
  if (text.starts_with(utf8_bom)) {
    findings.add("JSON-008", "", {});
    body_offset = utf8_bom.size();
  }
  const std::string_view body = text.substr(body_offset);
  if (const auto bad = find_invalid_utf8(body)) {
    const TextPosition pos = text_position(body, bad->offset);
    const auto byte = static_cast<unsigned char>(body[bad->offset]);
    findings.add("JSON-002", "",
                 {{"offset", std::to_string(body_offset + bad->offset)},
                  {"line", std::to_string(pos.line)},
                  {"column", std::to_string(pos.column)},
                  {"detail", std::string(bad->reason) + " (byte " + hex_byte(byte) + ")"}});
    return std::nullopt;
  }
  return body;
}

}  // namespace

ParsedJson parse_json(std::string_view text, const std::string& key, const JsonLimits& limits) {
  ParsedJson result;
  CappedFindings findings(result.findings, key);

  std::size_t body_offset = 0;
  const auto prepared = prepare(text, limits, findings, body_offset);
  if (!prepared) return result;
  const std::string_view body = *prepared;

  // nlohmann silently skips a byte order mark at the start of what it is given: after ours,
  // a second one is not whitespace and must be an error.
  if (body.starts_with(utf8_bom)) {
    report_syntax_error_at(body, body_offset, 0, "a second byte order mark (U+FEFF) is not allowed", "", findings);
    return result;
  }
  if (only_whitespace(body)) {
    report_syntax_error_at(body, body_offset, body.size(), "the document is empty", "", findings);
    return result;
  }

  DomBuilder builder(limits.max_depth, findings);
  const bool parsed = nlohmann::json::sax_parse(body.begin(), body.end(), &builder);

  // nlohmann takes a NUL byte for the end of input, so "{}\0junk" would pass. Outside strings
  // a NUL is not whitespace, and inside them control characters must be escaped: any NUL
  // makes the text invalid, at the NUL unless an earlier error was found.
  const std::size_t nul = body.find('\0');
  const std::optional<SaxSyntaxError>& error = builder.syntax_error();
  if (builder.depth_exceeded()) {
    // JSON-004 is already reported; the partial value is dropped.
  } else if (nul != std::string_view::npos && (parsed || (error && error->position > nul))) {
    report_syntax_error_at(body, body_offset, nul, "a NUL byte (U+0000) is not allowed in JSON text",
                           error ? error->pointer : std::string(), findings);
  } else if (error) {
    report_syntax_error(body, body_offset, *error, findings);
  } else if (parsed) {
    result.value = builder.take_value();
  } else {
    // Not expected: the builder only stops on depth or on a reported error. Never return
    // "no value" without a finding that says so.
    report_syntax_error_at(body, body_offset, 0, "the parser stopped without giving a reason", "", findings);
  }
  findings.flush_truncation_notes();
  return result;
}

}  // namespace ozv
