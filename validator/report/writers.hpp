// Report writers. Each renders the same Report; none adds information of its own, so
// the formats never disagree. Output is deterministic: no timestamps, no absolute paths.
#pragma once

#include <ostream>

#include "report/report.hpp"

namespace ozv {

struct TextStyle {
  bool color = false;  // ANSI colours, only when writing to a terminal
};

// Compiler-style lines: `key#/pointer: error[ID slug]: message`, then a one-line summary.
void write_text(const Report& report, Severity fail_on, const TextStyle& style, std::ostream& out);

// The versioned JSON report (report_format_version 1); the schema is spec-schemas/report.schema.json.
void write_json(const Report& report, Severity fail_on, std::ostream& out);

// The OME-NGFF conformance-runner ("dingus") convention: {"valid": bool, "message": "..."}.
void write_dingus(const Report& report, Severity fail_on, std::ostream& out);

}  // namespace ozv
