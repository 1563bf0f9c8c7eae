// The rule catalogue: one entry per rule, loaded from the data files in rules/catalogue/
// (embedded in the binary). It is the single source of each rule's severity, wording,
// spec quote and link; --list-rules, the README rule list and SARIF metadata derive from it.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "finding/finding.hpp"
#include "report/report.hpp"

namespace ozv {

enum class RuleStatus {
  active,     // implemented: some check can emit it
  unchecked,  // in the spec but not checkable by us; `reason` says why
  retired,    // tombstone: the ID is never reused
};

struct Rule {
  std::string id;    // "V3-ARR-009": area prefix + number, never reused
  std::string slug;  // "fill-value-invalid"
  std::string area;  // catalogue file it comes from ("zarr-v3")
  Severity severity = Severity::error;
  RuleStatus status = RuleStatus::active;
  std::vector<std::string> versions;  // spec versions it applies to ("zarr-v2", "0.5", "rfc-9")
  std::string quote;                  // the spec sentence
  std::string url;                    // link to the spec anchor
  std::string message;                // template; {name} is replaced by the finding's value
  std::string reason;                 // for unchecked/retired rules
};

class Catalogue {
 public:
  // The catalogue compiled into the binary. Throws std::runtime_error if its data is broken
  // (a unit test loads it, so a broken catalogue never ships).
  static const Catalogue& builtin();

  // Builds a catalogue from (file name, JSON text) pairs.
  static Catalogue from_files(const std::vector<std::pair<std::string_view, std::string_view>>& files);

  const std::vector<Rule>& rules() const { return rules_; }  // sorted by id
  const Rule* find(std::string_view id) const;

  // Resolves a finding into its reported form. Throws std::logic_error for an unknown rule:
  // a check emitting an undeclared ID is a programming error caught by the tests.
  ReportedFinding resolve(const Finding& finding) const;

 private:
  std::vector<Rule> rules_;
};

std::string_view to_string(RuleStatus status);

// Replaces each {name} in `message_template` with the matching value; unknown names stay.
std::string format_message(std::string_view message_template, const Values& values);

}  // namespace ozv
