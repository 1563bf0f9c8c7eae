#include <string>

#include "report/writers.hpp"

namespace ozv {
namespace {

std::string_view severity_color(Severity severity) {
  switch (severity) {
    case Severity::fatal:
    case Severity::error: return "\033[1;31m";
    case Severity::warning: return "\033[1;33m";
    case Severity::info: return "\033[1;36m";
  }
  return "";
}

std::string location_text(const ReportedFinding& f, const std::string& input) {
  std::string where = f.location.key.empty() ? input : f.location.key;
  if (!f.location.pointer.empty()) where += "#" + f.location.pointer;
  return where;
}

std::string plural(std::size_t n, std::string_view word) {
  return std::to_string(n) + " " + std::string(word) + (n == 1 ? "" : "s");
}

}  // namespace

void write_text(const Report& report, Severity fail_on, const TextStyle& style, std::ostream& out) {
  const std::string_view reset = style.color ? "\033[0m" : "";
  for (const auto& f : report.findings) {
    out << location_text(f, report.input) << ": ";
    if (style.color) out << severity_color(f.severity);
    out << to_string(f.severity) << reset << "[" << f.rule << " " << f.name << "]: " << f.message << "\n";
  }
  const auto counts = report.summary();
  const bool valid = report.valid(fail_on);
  out << report.input << ": " << (valid ? "valid" : "invalid") << " ("
      << plural(counts[3], "fatal error") << ", " << plural(counts[2], "error") << ", "
      << plural(counts[1], "warning") << ", " << counts[0] << " info)\n";
}

}  // namespace ozv
