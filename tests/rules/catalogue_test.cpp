// The catalogue is data; these tests keep it honest: it loads, every ID a check emits is
// declared, and every rule declared active is emitted by some check.
#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>

#include "rules/catalogue.hpp"

using namespace ozv;

namespace {

// Every string literal in the validator sources that has the shape of a rule ID.
std::set<std::string> rule_ids_in_sources() {
  static const std::regex literal(R"re("([A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-[A-Z]?[0-9]+)")re");
  std::set<std::string> ids;
  const auto root = std::filesystem::path(OZV_SOURCE_DIR) / "validator";
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    const auto ext = entry.path().extension();
    if (ext != ".cpp" && ext != ".hpp") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const std::string source = text.str();
    for (std::sregex_iterator it(source.begin(), source.end(), literal), end; it != end; ++it) {
      ids.insert((*it)[1]);
    }
  }
  return ids;
}

}  // namespace

TEST_CASE("the built-in catalogue loads and is sorted by ID", "[catalogue]") {
  const auto& catalogue = Catalogue::builtin();
  REQUIRE(!catalogue.rules().empty());
  for (std::size_t i = 1; i < catalogue.rules().size(); ++i) {
    CHECK(catalogue.rules()[i - 1].id < catalogue.rules()[i].id);
  }
  for (const auto& rule : catalogue.rules()) {
    INFO(rule.id);
    CHECK(rule.url.starts_with("https://"));
    CHECK(!rule.quote.empty());
    CHECK(!rule.message.empty());
    CHECK(std::regex_match(rule.slug, std::regex("[a-z0-9]+(-[a-z0-9]+)*")));
    CHECK(std::count(rule.message.begin(), rule.message.end(), '{') ==
          std::count(rule.message.begin(), rule.message.end(), '}'));
  }
}

TEST_CASE("every rule ID in the sources is declared in the catalogue", "[catalogue]") {
  const auto& catalogue = Catalogue::builtin();
  for (const auto& id : rule_ids_in_sources()) {
    INFO(id);
    const Rule* rule = catalogue.find(id);
    REQUIRE(rule != nullptr);
    CHECK(rule->status != RuleStatus::retired);
  }
}

TEST_CASE("every active rule is emitted by some check", "[catalogue]") {
  const auto used = rule_ids_in_sources();
  for (const auto& rule : Catalogue::builtin().rules()) {
    if (rule.status != RuleStatus::active) continue;
    INFO(rule.id << " is declared active but no check emits it");
    CHECK(used.count(rule.id) == 1);
  }
}

TEST_CASE("a broken catalogue file is refused with its name", "[catalogue]") {
  CHECK_THROWS_WITH(Catalogue::from_files({{"x.json", "{"}}), Catch::Contains("x.json"));
  const char* duplicate = R"({"area":"a","rules":[
    {"id":"A-001","slug":"s","severity":"error","versions":[],"quote":"q","url":"https://x","message":"m"},
    {"id":"A-001","slug":"s","severity":"error","versions":[],"quote":"q","url":"https://x","message":"m"}]})";
  CHECK_THROWS_WITH(Catalogue::from_files({{"d.json", duplicate}}), Catch::Contains("duplicate rule A-001"));
  const char* unchecked = R"({"area":"a","rules":[
    {"id":"A-001","slug":"s","severity":"error","status":"unchecked","versions":[],"quote":"q","url":"https://x","message":"m"}]})";
  CHECK_THROWS_WITH(Catalogue::from_files({{"u.json", unchecked}}), Catch::Contains("gives no reason"));
}

TEST_CASE("findings are resolved with the catalogue's wording and severity", "[catalogue]") {
  const char* file = R"({"area":"a","rules":[
    {"id":"A-001","slug":"bad-thing","severity":"warning","versions":["0.5"],"quote":"q",
     "url":"https://example.org/#a","message":"value {value} is not {expected}"}]})";
  auto catalogue = Catalogue::from_files({{"a.json", file}});
  auto resolved = catalogue.resolve(Finding{"A-001", {"k/zarr.json", "/x"}, {{"value", "3"}, {"expected", "2"}}});
  CHECK(resolved.name == "bad-thing");
  CHECK(resolved.severity == Severity::warning);
  CHECK(resolved.message == "value 3 is not 2");
  CHECK(resolved.spec == "https://example.org/#a");
  CHECK(resolved.location.pointer == "/x");
  CHECK_THROWS_AS(catalogue.resolve(Finding{"A-999", {}, {}}), std::logic_error);
}

TEST_CASE("message templates leave unknown placeholders visible", "[catalogue]") {
  CHECK(format_message("{a} and {b}", {{"a", "1"}}) == "1 and {b}");
  CHECK(format_message("no braces", {}) == "no braces");
  CHECK(format_message("open { only", {}) == "open { only");
}
