#include "schema/schema_instance.hpp"

#include <cstdint>
#include <limits>
#include <vector>

namespace ozv {
namespace {

bool is_large_unsigned(const nlohmann::json& v) {
  return v.is_number_unsigned() &&
         v.get<std::uint64_t>() > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
}

// Visits every value without recursion (instances may be deeply nested).
template <typename Json, typename Fn>
bool any_value(Json& root, Fn&& fn) {
  std::vector<Json*> stack{&root};
  bool found = false;
  while (!stack.empty()) {
    Json* v = stack.back();
    stack.pop_back();
    if (fn(*v)) found = true;
    if (v->is_structured()) {
      for (auto& child : *v) stack.push_back(&child);
    }
  }
  return found;
}

}  // namespace

std::optional<nlohmann::json> without_large_unsigned(const nlohmann::json& instance) {
  if (!any_value(instance, [](const nlohmann::json& v) { return is_large_unsigned(v); })) return std::nullopt;
  nlohmann::json copy = instance;
  any_value(copy, [](nlohmann::json& v) {
    if (!is_large_unsigned(v)) return false;
    v = static_cast<double>(v.get<std::uint64_t>());
    return true;
  });
  return copy;
}

}  // namespace ozv
