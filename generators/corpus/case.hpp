// One corpus case in memory: its files, what the manifest says about it, and the findings a
// conforming validator must report for it.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "corpus/dataset.hpp"
#include "corpus/ozx_writer.hpp"
#include "finding/finding.hpp"

namespace ozv::corpus {

struct ExpectedFinding {
  std::string rule;
  Severity severity = Severity::error;
  Location location;

  friend auto operator<=>(const ExpectedFinding&, const ExpectedFinding&) = default;
};

struct Case {
  std::string id;  // permanent; the last part ends in -valid, -warning or -error
  std::string description;
  std::string spec_version;  // "0.4", "0.5"
  int level = 4;             // conformance level: 1 field, 2 document, 3 hierarchy, 4 with data
  std::vector<std::string> tags;
  std::string base;  // the baseline a mutation started from ("" for baselines)
  Dataset files;
  std::map<std::string, std::string> checksums;  // array path -> sha256 of its decoded data
  std::vector<ExpectedFinding> expected;
  std::string expected_reason;  // set: `expected` is not exhaustive, and this says why
  OzxOptions ozx;               // how the .ozx variant is written
};

}  // namespace ozv::corpus
