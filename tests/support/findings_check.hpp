// Asserts that findings can be reported: each names an active catalogued rule and supplies
// every placeholder of that rule's message template.
#pragma once

#include <catch2/catch.hpp>

#include "rules/catalogue.hpp"

namespace ozv::test {

inline void require_resolvable(const ozv::Findings& findings) {
  const auto& catalogue = ozv::Catalogue::builtin();
  for (const auto& f : findings) {
    INFO(f.rule << " at " << f.location.pointer);
    const auto* rule = catalogue.find(f.rule);
    REQUIRE(rule != nullptr);
    REQUIRE(rule->status == ozv::RuleStatus::active);
    std::size_t open = 0;
    while ((open = rule->message.find('{', open)) != std::string::npos) {
      const auto close = rule->message.find('}', open);
      REQUIRE(close != std::string::npos);
      const auto name = rule->message.substr(open + 1, close - open - 1);
      bool supplied = false;
      for (const auto& [k, v] : f.values) supplied = supplied || k == name;
      INFO("placeholder {" << name << "}");
      REQUIRE(supplied);
      open = close + 1;
    }
  }
}

}  // namespace ozv::test
