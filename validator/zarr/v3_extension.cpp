#include "zarr/v3_extension.hpp"

namespace ozv {

Extension parse_extension(const nlohmann::json& value) {
  Extension ext;
  if (value.is_string()) {
    ext.name = value.get<std::string>();
    ext.short_hand = true;
    return ext;
  }
  if (!value.is_object()) {
    ext.problems.push_back({ExtensionIssue::not_string_or_object, ""});
    return ext;
  }
  for (const auto& [member, v] : value.items()) {
    if (member == "name") {
      if (v.is_string()) {
        ext.name = v.get<std::string>();
      } else {
        ext.problems.push_back({ExtensionIssue::name_not_string, "name"});
      }
    } else if (member == "configuration") {
      if (v.is_object()) {
        ext.configuration = &v;
      } else {
        ext.problems.push_back({ExtensionIssue::configuration_not_object, "configuration"});
      }
    } else if (member == "must_understand") {
      if (v.is_boolean()) {
        ext.must_understand = v.get<bool>();
      } else {
        ext.problems.push_back({ExtensionIssue::must_understand_not_boolean, "must_understand"});
      }
    } else {
      if (ext.extra_member_count == 0) ext.first_extra_member = member;
      ++ext.extra_member_count;
    }
  }
  if (!value.contains("name")) ext.problems.insert(ext.problems.begin(), {ExtensionIssue::name_missing, "name"});
  return ext;
}

namespace {

bool is_lower(char c) { return c >= 'a' && c <= 'z'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_alpha(char c) { return is_lower(c) || (c >= 'A' && c <= 'Z'); }

bool is_registered_style(std::string_view name) {
  if (name.size() < 2 || !is_lower(name.front())) return false;
  for (char c : name.substr(1)) {
    if (!is_lower(c) && !is_digit(c) && c != '-' && c != '_' && c != '.') return false;
  }
  return true;
}

// RFC 3986 scheme ":" followed by something: "https://...", "urn:example:datetime".
bool is_uri(std::string_view name) {
  auto colon = name.find(':');
  if (colon == std::string_view::npos || colon == 0 || colon + 1 >= name.size()) return false;
  if (!is_alpha(name.front())) return false;
  for (char c : name.substr(0, colon)) {
    if (!is_alpha(c) && !is_digit(c) && c != '+' && c != '-' && c != '.') return false;
  }
  return true;
}

}  // namespace

bool is_conformant_extension_name(std::string_view name) {
  return is_registered_style(name) || is_uri(name);
}

}  // namespace ozv
