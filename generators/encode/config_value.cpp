// See config_value.hpp.
#include "encode/config_value.hpp"

#include <stdexcept>

namespace ozv::encode {
namespace {

std::string where(std::string_view codec, std::string_view key) {
  return "codec \"" + std::string(codec) + "\" member \"" + std::string(key) + "\"";
}

// The member, or nullptr when absent; throws when `config` itself is not an object.
const nlohmann::json* member(const nlohmann::json& config, std::string_view codec, std::string_view key) {
  if (config.is_null()) return nullptr;
  if (!config.is_object()) throw std::invalid_argument("codec \"" + std::string(codec) + "\" configuration is not an object");
  const auto it = config.find(key);
  return it == config.end() ? nullptr : &*it;
}

[[noreturn]] void missing(std::string_view codec, std::string_view key) {
  throw std::invalid_argument(where(codec, key) + " is required");
}

}  // namespace

std::int64_t config_int(const nlohmann::json& config, std::string_view codec, std::string_view key,
                        std::optional<std::int64_t> fallback, std::int64_t min, std::int64_t max) {
  const nlohmann::json* value = member(config, codec, key);
  if (value == nullptr) {
    if (!fallback) missing(codec, key);
    return *fallback;
  }
  std::optional<std::int64_t> number;
  if (value->is_number_unsigned()) {
    const auto u = value->get<std::uint64_t>();
    if (u <= static_cast<std::uint64_t>(max)) number = static_cast<std::int64_t>(u);
  } else if (value->is_number_integer()) {
    number = value->get<std::int64_t>();
  } else {
    throw std::invalid_argument(where(codec, key) + " is not an integer: " + value->dump());
  }
  if (!number || *number < min || *number > max)
    throw std::invalid_argument(where(codec, key) + " " + value->dump() + " is outside " + std::to_string(min) + ".." +
                                std::to_string(max));
  return *number;
}

std::string config_string(const nlohmann::json& config, std::string_view codec, std::string_view key,
                          std::optional<std::string> fallback) {
  const nlohmann::json* value = member(config, codec, key);
  if (value == nullptr) {
    if (!fallback) missing(codec, key);
    return *fallback;
  }
  if (!value->is_string()) throw std::invalid_argument(where(codec, key) + " is not a string: " + value->dump());
  return value->get<std::string>();
}

bool config_bool(const nlohmann::json& config, std::string_view codec, std::string_view key,
                 std::optional<bool> fallback) {
  const nlohmann::json* value = member(config, codec, key);
  if (value == nullptr) {
    if (!fallback) missing(codec, key);
    return *fallback;
  }
  if (!value->is_boolean()) throw std::invalid_argument(where(codec, key) + " is not a boolean: " + value->dump());
  return value->get<bool>();
}

}  // namespace ozv::encode
