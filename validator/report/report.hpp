// The report model: findings resolved against the catalogue (severity, wording, spec link),
// plus what was detected about the target. Writers depend on this model only.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "finding/finding.hpp"

namespace ozv {

struct ReportedFinding {
  std::string rule;
  std::string name;  // the rule's slug
  Severity severity = Severity::error;
  std::string message;
  Location location;
  std::string spec;  // URL of the spec sentence the rule comes from
};

struct Detected {
  std::optional<int> zarr_format;
  std::optional<std::string> ngff_version;
  std::optional<std::string> node_type;
};

struct Report {
  std::string tool_name;
  std::string tool_version;
  std::string input;  // the TARGET as the user gave it
  Detected detected;
  std::vector<ReportedFinding> findings;  // kept sorted by sort_findings()

  // Count of findings per severity, indexed by Severity.
  std::array<std::size_t, 4> summary() const;
  // True when no finding reaches `fail_on` (fatal always fails).
  bool valid(Severity fail_on) const;
};

// Deterministic order: location key, pointer, rule, message.
void sort_findings(std::vector<ReportedFinding>& findings);

}  // namespace ozv
