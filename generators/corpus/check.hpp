// Runs the validation engine over a written corpus and compares what it reports with what the
// manifest expects (`ome-zarr-corpus validate`), or with what another schema set reports
// (`ome-zarr-corpus diff`).
#pragma once

#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#include "corpus/manifest.hpp"
#include "engine/validate.hpp"

namespace ozv::corpus {

// Reads OUT/manifest.json; throws std::runtime_error.
Manifest read_manifest(const std::filesystem::path& corpus);

// The findings of a report in the manifest's terms, sorted.
std::vector<ExpectedFinding> reported_findings(const Report& report);

struct Comparison {
  std::vector<ExpectedFinding> missing;     // expected, not reported
  std::vector<ExpectedFinding> unexpected;  // reported, not expected (ignored when not exhaustive)
  bool matches() const { return missing.empty() && unexpected.empty(); }
};

// `exhaustive` false (the case has an expected_reason): only missing findings count.
Comparison compare_findings(const std::vector<ExpectedFinding>& expected, const std::vector<ExpectedFinding>& actual,
                            bool exhaustive);

struct CaseOutcome {
  ManifestCase c;
  std::vector<ExpectedFinding> actual;
  Comparison comparison;
  std::string error;  // the target could not be validated at all
  bool ok() const { return error.empty() && comparison.matches(); }
};

struct CheckResult {
  std::vector<CaseOutcome> outcomes;
  double seconds = 0;
  std::size_t mismatches() const;
};

CheckResult check_corpus(const std::filesystem::path& corpus, const ValidateOptions& options = {});

// Cases per version and level, expected vs actual verdicts, the mismatches, the time taken.
void print_check(const CheckResult& result, std::ostream& out);

std::string describe(const ExpectedFinding& f);

}  // namespace ozv::corpus
