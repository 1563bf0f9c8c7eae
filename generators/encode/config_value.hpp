// Typed reads of codec configuration members, shared by the v2 and v3 encoders, so that a
// wrong type or an out-of-range value in metadata becomes one clear std::invalid_argument
// naming the codec and member instead of a nlohmann type_error deep in the encoder.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace ozv::encode {

// The integer member `key` of `config` (an object or null), in [min, max]. When the member is
// absent: `fallback` if given, otherwise an error. Booleans and floats are not integers.
std::int64_t config_int(const nlohmann::json& config, std::string_view codec, std::string_view key,
                        std::optional<std::int64_t> fallback, std::int64_t min, std::int64_t max);

// The string member `key` of `config`; same absence rule.
std::string config_string(const nlohmann::json& config, std::string_view codec, std::string_view key,
                          std::optional<std::string> fallback);

// The boolean member `key` of `config`; same absence rule.
bool config_bool(const nlohmann::json& config, std::string_view codec, std::string_view key,
                 std::optional<bool> fallback);

}  // namespace ozv::encode
