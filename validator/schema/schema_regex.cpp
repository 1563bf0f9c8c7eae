#include "schema/schema_regex.hpp"

#include "schema/std_regex.hpp"

namespace ozv {

bool is_supported_regex(const std::string& pattern) {
  try {
    const std::regex compiled(pattern);
    (void)compiled;
    return true;
  } catch (const std::regex_error&) {
    return false;
  }
}

}  // namespace ozv
