#include "store/store.hpp"

namespace ozv {

std::string join_key(const std::string& prefix, const std::string& name) {
  if (prefix.empty()) return name;
  if (name.empty()) return prefix;
  return prefix + "/" + name;
}

}  // namespace ozv
