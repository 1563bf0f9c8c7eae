// The Finding model: what a check observed, and nothing more.
//
// A check says "rule X fired at this location with these values". Severity and wording
// belong to the rule catalogue, so that checks never disagree with the documentation
// and severities can be overridden in one place.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ozv {

enum class Severity { info = 0, warning = 1, error = 2, fatal = 3 };

std::string_view to_string(Severity severity);
std::optional<Severity> severity_from_string(std::string_view text);

struct Location {
  std::string key;      // store key of the document ("0/zarr.json"); "" = the target itself
  std::string pointer;  // RFC 6901 JSON pointer inside that document; "" = whole document

  friend auto operator<=>(const Location&, const Location&) = default;
};

using Values = std::vector<std::pair<std::string, std::string>>;

struct Finding {
  std::string rule;  // catalogue ID, e.g. "V3-ARR-009"
  Location location;
  Values values;     // named arguments for the catalogue's message template
};

using Findings = std::vector<Finding>;

// Appends one reference token to a JSON pointer, escaping '~' and '/' as RFC 6901 requires.
std::string pointer_append(std::string_view pointer, std::string_view token);
std::string pointer_append(std::string_view pointer, std::size_t index);

}  // namespace ozv
