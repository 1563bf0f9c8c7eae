// Shared helpers for the JSON front-end tests.
//
// parse() wraps parse_json and checks, on every call, the invariants the rest of the
// validator relies on: findings are located in the document, name a rule of
// rules/catalogue/json.json, supply every placeholder of its message, carry only valid
// UTF-8, and a missing value always comes with an error.
#pragma once

#include <algorithm>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "json/parse.hpp"
#include "json/utf8.hpp"

namespace ozv::test {

inline const std::string test_key = "meta/zarr.json";

struct CatalogueEntry {
  std::string severity;
  std::vector<std::string> placeholders;
};

inline std::vector<std::string> placeholders_of(const std::string& message) {
  std::vector<std::string> names;
  for (std::size_t open = message.find('{'); open != std::string::npos; open = message.find('{', open + 1)) {
    const auto close = message.find('}', open);
    if (close == std::string::npos) break;
    names.push_back(message.substr(open + 1, close - open - 1));
  }
  return names;
}

// The catalogue file as shipped: a rule emitted here but missing there fails the tests.
inline const std::map<std::string, CatalogueEntry>& json_catalogue() {
  static const auto entries = [] {
    std::ifstream in(std::string(OZV_SOURCE_DIR) + "/validator/rules/catalogue/json.json");
    std::stringstream text;
    text << in.rdbuf();
    const auto doc = nlohmann::json::parse(text.str());
    std::map<std::string, CatalogueEntry> out;
    for (const auto& rule : doc.at("rules")) {
      out[rule.at("id").get<std::string>()] =
          CatalogueEntry{rule.at("severity").get<std::string>(), placeholders_of(rule.at("message").get<std::string>())};
    }
    return out;
  }();
  return entries;
}

inline std::vector<std::string> rule_ids(const Findings& findings) {
  std::vector<std::string> ids;
  for (const auto& f : findings) ids.push_back(f.rule);
  return ids;
}

inline const Finding* find_rule(const Findings& findings, std::string_view rule) {
  for (const auto& f : findings) {
    if (f.rule == rule) return &f;
  }
  return nullptr;
}

inline std::string value_of(const Finding& finding, std::string_view name) {
  for (const auto& [n, v] : finding.values) {
    if (n == name) return v;
  }
  return "<missing>";
}

inline void check_invariants(const ParsedJson& parsed) {
  const auto& catalogue = json_catalogue();
  bool has_error = false;
  for (const auto& f : parsed.findings) {
    INFO("rule " << f.rule);
    REQUIRE(f.location.key == test_key);
    const auto entry = catalogue.find(f.rule);
    REQUIRE(entry != catalogue.end());
    has_error = has_error || entry->second.severity == "error";
    for (const auto& name : entry->second.placeholders) {
      INFO("placeholder {" << name << "}");
      REQUIRE(value_of(f, name) != "<missing>");
    }
    REQUIRE(!find_invalid_utf8(f.location.pointer));
    for (const auto& [name, value] : f.values) REQUIRE(!find_invalid_utf8(value));
  }
  REQUIRE(parsed.value.has_value() == !has_error);
}

inline ParsedJson parse(std::string_view text, const JsonLimits& limits = {}) {
  ParsedJson parsed = parse_json(text, test_key, limits);
  check_invariants(parsed);
  return parsed;
}

using Ids = std::vector<std::string>;

}  // namespace ozv::test
