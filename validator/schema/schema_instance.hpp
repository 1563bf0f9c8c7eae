// Instance values valijson would misread. Its nlohmann adapter reads every integer as int64,
// so an unsigned value above INT64_MAX (which the hardened parser keeps as uint64) would turn
// negative. Such values are handed to valijson as doubles: still integral, right sign.
#pragma once

#include <optional>

#include <nlohmann/json.hpp>

namespace ozv {

// A copy of `instance` with every uint64 above INT64_MAX converted to double, or nothing when
// the instance has no such value (the common case: no copy is made).
std::optional<nlohmann::json> without_large_unsigned(const nlohmann::json& instance);

}  // namespace ozv
