#include "schema/schema_pointer.hpp"

#include <algorithm>
#include <cctype>
#include <cstddef>

#include "finding/finding.hpp"

namespace ozv {
namespace {

bool parse_index(const std::string& token, std::size_t& index) {
  if (token.empty() || token.size() > 18 ||
      !std::all_of(token.begin(), token.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
    return false;
  }
  index = static_cast<std::size_t>(std::stoull(token));
  return true;
}

}  // namespace

std::string context_to_pointer(const std::vector<std::string>& context, const nlohmann::json& instance) {
  std::string pointer;
  const nlohmann::json* node = &instance;  // null once the path leaves the instance
  for (const auto& step : context) {
    if (step == "<root>") continue;
    std::string token = step;
    if (token.size() >= 2 && token.front() == '[' && token.back() == ']') token = token.substr(1, token.size() - 2);
    std::size_t index = 0;
    if (node != nullptr && node->is_array() && parse_index(token, index)) {
      pointer = pointer_append(pointer, index);
      node = index < node->size() ? &(*node)[index] : nullptr;
    } else {
      pointer = pointer_append(pointer, token);
      if (node != nullptr && node->is_object()) {
        const auto it = node->find(token);
        node = it != node->end() ? &*it : nullptr;
      } else {
        node = nullptr;
      }
    }
  }
  return pointer;
}

}  // namespace ozv
