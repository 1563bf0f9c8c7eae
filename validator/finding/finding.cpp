#include "finding/finding.hpp"

namespace ozv {

std::string_view to_string(Severity severity) {
  switch (severity) {
    case Severity::info: return "info";
    case Severity::warning: return "warning";
    case Severity::error: return "error";
    case Severity::fatal: return "fatal";
  }
  return "error";
}

std::optional<Severity> severity_from_string(std::string_view text) {
  for (auto s : {Severity::info, Severity::warning, Severity::error, Severity::fatal}) {
    if (to_string(s) == text) return s;
  }
  return std::nullopt;
}

std::string pointer_append(std::string_view pointer, std::string_view token) {
  std::string out(pointer);
  out.reserve(out.size() + token.size() + 1);
  out.push_back('/');
  for (char c : token) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string pointer_append(std::string_view pointer, std::size_t index) {
  return pointer_append(pointer, std::to_string(index));
}

}  // namespace ozv
