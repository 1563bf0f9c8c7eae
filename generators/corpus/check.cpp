#include "corpus/check.hpp"

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iomanip>
#include <map>
#include <sstream>

#include "corpus/mutation.hpp"

namespace ozv::corpus {

Manifest read_manifest(const std::filesystem::path& corpus) {
  std::ifstream in(corpus / "manifest.json", std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + (corpus / "manifest.json").string());
  std::stringstream text;
  text << in.rdbuf();
  const auto doc = nlohmann::json::parse(text.str(), nullptr, false);
  if (doc.is_discarded()) throw std::runtime_error((corpus / "manifest.json").string() + " is not JSON");
  return manifest_from_json(doc);
}

std::vector<ExpectedFinding> reported_findings(const Report& report) {
  std::vector<ExpectedFinding> out;
  for (const auto& f : report.findings) out.push_back({f.rule, f.severity, f.location});
  std::sort(out.begin(), out.end());
  return out;
}

Comparison compare_findings(const std::vector<ExpectedFinding>& expected, const std::vector<ExpectedFinding>& actual,
                            bool exhaustive) {
  std::vector<ExpectedFinding> e = expected;
  std::vector<ExpectedFinding> a = actual;
  std::sort(e.begin(), e.end());
  std::sort(a.begin(), a.end());
  Comparison c;
  std::set_difference(e.begin(), e.end(), a.begin(), a.end(), std::back_inserter(c.missing));
  if (exhaustive) std::set_difference(a.begin(), a.end(), e.begin(), e.end(), std::back_inserter(c.unexpected));
  return c;
}

std::size_t CheckResult::mismatches() const {
  return static_cast<std::size_t>(std::count_if(outcomes.begin(), outcomes.end(), [](const auto& o) { return !o.ok(); }));
}

CheckResult check_corpus(const std::filesystem::path& corpus, const ValidateOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  // The manifest's expectations are those of a full check (conformance level 4): every chunk
  // and shard is read and decoded.
  ValidateOptions full = options;
  full.checks = CheckLevel::chunks;
  CheckResult result;
  for (auto& c : read_manifest(corpus).cases) {
    CaseOutcome outcome;
    try {
      const Report report = validate_target((corpus / c.path).string(), full);
      outcome.actual = reported_findings(report);
      outcome.comparison = compare_findings(c.expected, outcome.actual, c.expected_reason.empty());
    } catch (const std::exception& e) {
      outcome.error = e.what();
    }
    outcome.c = std::move(c);
    result.outcomes.push_back(std::move(outcome));
  }
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

std::string describe(const ExpectedFinding& f) {
  return f.rule + " " + std::string(to_string(f.severity)) + " at " + (f.location.key.empty() ? "(target)" : f.location.key) +
         "#" + f.location.pointer;
}

void print_check(const CheckResult& result, std::ostream& out) {
  // version -> level -> {cases, mismatches}
  std::map<std::string, std::map<int, std::pair<std::size_t, std::size_t>>> table;
  std::map<std::string, std::pair<std::size_t, std::size_t>> verdicts;  // expected suffix -> {cases, actual agrees}
  for (const auto& o : result.outcomes) {
    auto& cell = table[o.c.spec_version][o.c.level];
    ++cell.first;
    if (!o.ok()) ++cell.second;
    const std::string expected = suffix_for(o.c.expected).substr(1);
    auto& v = verdicts[expected];
    ++v.first;
    if (o.error.empty() && suffix_for(o.actual).substr(1) == expected) ++v.second;
  }
  out << "version  level  cases  mismatches\n";
  for (const auto& [version, levels] : table)
    for (const auto& [level, cell] : levels)
      out << std::left << std::setw(9) << version << std::setw(7) << level << std::setw(7) << cell.first << cell.second
          << "\n";
  out << "\nexpected  cases  same verdict\n";
  for (const auto& [verdict, v] : verdicts)
    out << std::left << std::setw(10) << verdict << std::setw(7) << v.first << v.second << "\n";
  const std::size_t bad = result.mismatches();
  if (bad > 0) out << "\nmismatches:\n";
  for (const auto& o : result.outcomes) {
    if (o.ok()) continue;
    out << "  " << o.c.id << "\n";
    if (!o.error.empty()) out << "    cannot validate: " << o.error << "\n";
    for (const auto& f : o.comparison.missing) out << "    missing:    " << describe(f) << "\n";
    for (const auto& f : o.comparison.unexpected) out << "    unexpected: " << describe(f) << "\n";
  }
  out << "\n" << result.outcomes.size() << " cases, " << bad << " mismatches, " << std::fixed << std::setprecision(2)
      << result.seconds << " s\n";
}

}  // namespace ozv::corpus
