// Small helpers shared by the checks.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace ozv {

// A JSON value as it appears in a message: compact, and cut to `max_chars` so that a
// hostile megabyte-long value cannot flood a report.
std::string brief(const nlohmann::json& value, std::size_t max_chars = 60);

// The JSON type name used in messages ("string", "integer", "array"...).
std::string json_type_name(const nlohmann::json& value);

}  // namespace ozv
