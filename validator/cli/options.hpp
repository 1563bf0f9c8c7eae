// Command-line parsing for ome-zarr-validate. The interface is a published contract:
// scripts outside the project depend on these flags and exit codes.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "finding/finding.hpp"

namespace ozv::cli {

enum ExitCode { kValid = 0, kInvalid = 1, kUsage = 2, kInternal = 3 };

struct Options {
  std::string target;
  std::string format;  // text|json (validation) or text|json|md (--list-rules); "" = default
  std::string output;  // "" = stdout
  Severity fail_on = Severity::error;
  bool dingus = false;
  bool strict = false;
  std::string spec_version;  // "" = detect per node
  std::string schema_dir;    // "" = built-in schemas
  std::size_t jobs = 0;      // 0 = one per core
  std::string checks = "metadata";  // metadata|chunks: how deep validation goes
  bool check_labels = false;        // label pixel values against colors/properties (implies chunks)
  bool list_rules = false;
  bool help = false;
  bool version = false;
};

// Parses argv; on a usage error returns nullopt and sets `error`.
std::optional<Options> parse_options(const std::vector<std::string>& args, std::string& error);

extern const char* const kUsageText;

}  // namespace ozv::cli
