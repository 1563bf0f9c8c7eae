// Where the Zarr v3 document checks put their findings: one document (`key`), findings
// located by JSON pointer inside it.
#pragma once

#include <string>
#include <utility>

#include "finding/finding.hpp"

namespace ozv {

struct V3CheckContext {
  const std::string& key;
  Findings& out;

  void emit(std::string rule, std::string pointer, Values values = {}) {
    out.push_back(Finding{std::move(rule), Location{key, std::move(pointer)}, std::move(values)});
  }
};

// The value shown for a member that is not there at all.
inline constexpr const char* kMissingValue = "(missing)";

}  // namespace ozv
