#include "rules/node_name_checks.hpp"

#include <algorithm>

namespace ozv {
namespace {

// Why `name` can never be a node name, or "" when it can.
std::string invalid_reason(const std::string& name) {
  if (name.empty()) return "it is empty";
  if (name.find('/') != std::string::npos) return "it contains '/'";
  if (std::all_of(name.begin(), name.end(), [](char c) { return c == '.'; })) {
    return "it consists only of periods";
  }
  if (name.starts_with("__")) return "it starts with '__', which is reserved";
  if (name == "zarr.json") return "'zarr.json' is reserved for metadata";
  return "";
}

bool recommended_character(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
         c == '_' || c == '.';
}

}  // namespace

void check_v3_node_name(const std::string& name, const std::string& key, Findings& out) {
  if (auto reason = invalid_reason(name); !reason.empty()) {
    out.push_back(Finding{"V3-NODE-003", {key, ""}, {{"name", name}, {"reason", reason}}});
    return;
  }
  if (!std::all_of(name.begin(), name.end(), recommended_character)) {
    out.push_back(Finding{"V3-NODE-004", {key, ""}, {{"name", name}}});
  }
}

}  // namespace ozv
