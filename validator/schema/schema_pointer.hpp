// valijson reports where an error is as a context vector ("<root>", "[multiscales]", "[0]").
// Property names and array indexes are both bracketed, so the instance itself decides which
// one a step is: the result is an RFC 6901 JSON pointer.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ozv {

std::string context_to_pointer(const std::vector<std::string>& context, const nlohmann::json& instance);

}  // namespace ozv
