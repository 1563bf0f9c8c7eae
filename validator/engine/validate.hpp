// The engine: opens a target, finds its Zarr hierarchy and runs every applicable check.
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string>

#include "json/parse.hpp"
#include "report/report.hpp"

namespace ozv {

// How deep a validation goes: metadata only, or also every stored chunk (level 4).
enum class CheckLevel { metadata, chunks };

struct ValidateOptions {
  JsonLimits json_limits;
  std::size_t max_nodes = 1'000'000;  // bound on the hierarchy walk
  std::size_t max_depth = 64;         // bound on nesting below the root
  std::string spec_version;           // --spec-version: check OME-NGFF metadata as this version
  bool strict = false;                // --strict: also apply the strict schemas (SHOULDs required)
  std::string schema_dir;             // --schema-dir: schema files replacing the built-in ones
  std::size_t jobs = 0;               // --jobs: worker threads; 0 = one per core
  CheckLevel checks = CheckLevel::metadata;  // --checks: chunks are read only when asked
};

// The target cannot be opened at all (does not exist, unreadable, not a ZIP...): exit code 2.
class TargetError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Validates TARGET (a directory, a .zip/.ozx file or a .json document). The report names the
// input exactly as given (never made absolute).
Report validate_target(const std::string& target, const ValidateOptions& options = {});

std::string tool_version();

}  // namespace ozv
