// The corpus covers the catalogue: every active rule is raised by at least one case, unless
// a mutation file lists it as uncoverable with a reason. A rule listed as uncoverable that a
// case does raise is a stale entry and fails too, so the list cannot drift into an excuse.
#include <set>
#include <string>

#include <catch2/catch.hpp>

#include "corpus/mutation.hpp"
#include "corpus_test_util.hpp"
#include "rules/catalogue.hpp"

TEST_CASE("every active catalogue rule has a case raising it, or a written reason why not", "[corpus]") {
  const auto exercised = ozv::corpus::rules_exercised(ozv::test::shared_corpus().manifest);
  std::set<std::string> uncoverable;
  for (const auto& entry : ozv::corpus::builtin_uncoverable()) {
    INFO(entry.source << ": " << entry.rule);
    CHECK(uncoverable.insert(entry.rule).second);   // listed once
    CHECK(exercised.count(entry.rule) == 0);        // not stale
  }
  std::size_t active = 0;
  for (const auto& rule : ozv::Catalogue::builtin().rules()) {
    if (rule.status != ozv::RuleStatus::active) continue;
    ++active;
    INFO("rule " << rule.id << " (" << rule.area << ")");
    CHECK((exercised.count(rule.id) == 1 || uncoverable.count(rule.id) == 1));
  }
  CHECK(active > 0);
}
