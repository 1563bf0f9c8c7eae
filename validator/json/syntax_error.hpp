// Turns nlohmann's account of a rejected text into one finding: JSON-006 for NaN/Infinity
// tokens, JSON-009 for numbers beyond the double range, JSON-001 for everything else, each
// with the line and column of the offending token.
#pragma once

#include <cstddef>
#include <string_view>

#include "json/capped_findings.hpp"
#include "json/dom_builder.hpp"

namespace ozv {

// `body` is the text nlohmann parsed (the document without its byte order mark, which is
// `body_offset` bytes long); offsets in the finding refer to the whole document.
void report_syntax_error(std::string_view body, std::size_t body_offset, const SaxSyntaxError& error,
                         CappedFindings& findings);

// Reports JSON-001 for a problem found by parse_json itself (a NUL byte, an empty text...)
// at byte `offset` of `body`.
void report_syntax_error_at(std::string_view body, std::size_t body_offset, std::size_t offset,
                            std::string_view detail, std::string pointer, CappedFindings& findings);

}  // namespace ozv
