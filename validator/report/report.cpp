#include "report/report.hpp"

#include <algorithm>
#include <tuple>

namespace ozv {

std::array<std::size_t, 4> Report::summary() const {
  std::array<std::size_t, 4> counts{};
  for (const auto& f : findings) ++counts[static_cast<std::size_t>(f.severity)];
  return counts;
}

bool Report::valid(Severity fail_on) const {
  return std::none_of(findings.begin(), findings.end(), [&](const ReportedFinding& f) {
    return f.severity >= fail_on || f.severity == Severity::fatal;
  });
}

void sort_findings(std::vector<ReportedFinding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const auto& a, const auto& b) {
    return std::tie(a.location.key, a.location.pointer, a.rule, a.message) <
           std::tie(b.location.key, b.location.pointer, b.rule, b.message);
  });
}

}  // namespace ozv
