// The engine: opens a target, finds its Zarr hierarchy and runs every applicable check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <stdexcept>
#include <string>

#include "json/parse.hpp"
#include "report/report.hpp"

namespace ozv {

// How deep a validation goes: metadata only, or also every stored chunk (level 4).
enum class CheckLevel { metadata, chunks };

// Where the chunk pass stands, for a progress display.
struct ChunkProgress {
  std::uint64_t chunks_done = 0;   // grid positions handled (read, absent or skipped)
  std::uint64_t chunks_total = 0;  // grid positions of every array the pass checks
  std::uint64_t stored_bytes = 0;  // bytes read from the store so far
  bool finished = false;           // the pass is over: the last call
};

struct ValidateOptions {
  JsonLimits json_limits;
  std::size_t max_nodes = 1'000'000;  // bound on the hierarchy walk
  std::size_t max_depth = 64;         // bound on nesting below the root
  std::string spec_version;           // --spec-version: check OME-NGFF metadata as this version
  bool strict = false;                // --strict: also apply the strict schemas (SHOULDs required)
  std::string schema_dir;             // --schema-dir: schema files replacing the built-in ones
  std::size_t jobs = 0;               // --jobs: worker threads; 0 = one per core
  CheckLevel checks = CheckLevel::metadata;  // --checks: chunks are read only when asked
  // --check-labels (with chunks): label pixel values missing from image-label colors/properties.
  bool check_labels = false;
  // Called by the chunk pass as it goes (from its worker threads, never two calls at once; the
  // callee decides how often to draw) and once more with `finished` set. Empty: not called.
  std::function<void(const ChunkProgress&)> chunk_progress;
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
