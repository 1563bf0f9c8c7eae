// Extension definitions (core/index.rst "Extension definition"): every data_type,
// chunk_grid, chunk_key_encoding, codec and storage transformer is either a short-hand
// name string or an object {"name", "configuration"?, "must_understand"?}.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace ozv {

enum class ExtensionIssue {
  not_string_or_object,        // e.g. a number or an array
  name_missing,                // object without "name"
  name_not_string,             // "name": 3
  configuration_not_object,    // "configuration": [1]
  must_understand_not_boolean  // "must_understand": "no"
};

struct ExtensionProblem {
  ExtensionIssue issue;
  std::string member;  // the offending member ("name", "configuration"...), "" for the value
};

// A parsed extension definition. Holds pointers into the JSON it was read from, which must
// outlive it.
struct Extension {
  std::string name;
  bool short_hand = false;                        // written as a plain string
  const nlohmann::json* configuration = nullptr;  // absent when not written
  std::optional<bool> must_understand;            // as written; absent means true
  std::size_t extra_member_count = 0;             // members other than the three above
  std::string first_extra_member;
  std::vector<ExtensionProblem> problems;  // structural problems; empty = well-formed

  bool well_formed() const { return problems.empty(); }
  bool must_be_understood() const { return must_understand.value_or(true); }
};

// Never throws.
Extension parse_extension(const nlohmann::json& value);

// "Registered names MUST start with one lower case letter a-z and then be followed by only
// lower case letters a-z, numerals 0-9, underscores, dots and dashes" (^[a-z][a-z0-9-_.]+$);
// URIs (scheme ":" rest) are still permitted for backwards compatibility.
bool is_conformant_extension_name(std::string_view name);

}  // namespace ozv
