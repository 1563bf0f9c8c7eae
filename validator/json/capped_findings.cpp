#include "json/capped_findings.hpp"

#include <algorithm>

namespace ozv {

bool CappedFindings::admit(std::string_view rule) {
  auto it = std::find_if(counts_.begin(), counts_.end(), [&](const auto& c) { return c.first == rule; });
  if (it == counts_.end()) {
    counts_.emplace_back(std::string(rule), 0);
    it = counts_.end() - 1;
  }
  ++it->second;
  return it->second <= cap_;
}

void CappedFindings::add(std::string rule, std::string pointer, Values values) {
  out_.push_back(Finding{std::move(rule), Location{key_, std::move(pointer)}, std::move(values)});
}

void CappedFindings::flush_truncation_notes() {
  for (const auto& [rule, count] : counts_) {
    if (count > cap_) {
      add("JSON-010", "", {{"rule", rule}, {"count", std::to_string(count - cap_)}});
    }
  }
}

}  // namespace ozv
