// Whether a JSON Schema `pattern` compiles with std::regex, the engine valijson matches with.
#pragma once

#include <string>

namespace ozv {

bool is_supported_regex(const std::string& pattern);

}  // namespace ozv
