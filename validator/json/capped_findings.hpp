// Collects the findings of one document, listing at most a fixed number per rule.
//
// A hostile 16 MiB document can hold a million duplicate keys; a report with a million
// identical warnings helps nobody and costs memory. After the cap, occurrences are only
// counted, and one JSON-010 finding per rule says how many were left out.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "finding/finding.hpp"

namespace ozv {

class CappedFindings {
 public:
  static constexpr std::size_t default_cap = 100;

  CappedFindings(Findings& out, std::string key, std::size_t cap_per_rule = default_cap)
      : out_(out), key_(std::move(key)), cap_(cap_per_rule) {}

  // Counts one occurrence of `rule`; true when it is still to be listed (call add() then).
  // Lets callers skip building pointers and values for occurrences that will not be listed.
  bool admit(std::string_view rule);

  // Appends a finding located in this document (no cap: pair with admit() for capped rules).
  void add(std::string rule, std::string pointer, Values values);

  // Appends one JSON-010 finding for each rule that went over the cap.
  void flush_truncation_notes();

  const std::string& key() const { return key_; }

 private:
  Findings& out_;
  std::string key_;
  std::size_t cap_;
  std::vector<std::pair<std::string, std::size_t>> counts_;  // a handful of rules: a vector is enough
};

}  // namespace ozv
