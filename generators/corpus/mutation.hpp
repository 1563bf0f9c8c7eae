// Mutations: one defect each, applied to a baseline, described as data in
// generators/mutations/*.json (format: generators/mutations/README.md). Loading checks every
// entry against the bases and the rule catalogue, so that a catalogue change (a severity, a
// retired rule) fails the build's tests instead of silently desyncing the corpus.
#pragma once

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus/case.hpp"
#include "rules/catalogue.hpp"

namespace ozv::corpus {

class MutationError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct Operation {
  std::string op;        // json-set, json-remove, write-text, write-hex, delete, copy, rename, truncate, zip
  nlohmann::json args;   // the whole operation object, checked at load time
};

struct Mutation {
  std::string source;  // the file it came from, for messages
  std::string id;
  std::string description;
  std::string base;
  std::string spec_version;  // "" = the base's
  int level = 0;
  std::vector<std::string> tags;
  std::vector<std::string> variants;  // "dir", "ozx"
  std::vector<Operation> operations;
  std::vector<ExpectedFinding> expected;
  bool has_expected_ozx = false;
  std::vector<ExpectedFinding> expected_ozx;  // replaces `expected` for the ozx variant
  std::string expected_reason;
};

// A catalogue rule no corpus case can exercise, and why (data, not silence: the coverage test
// accepts a rule without a failing case only when it is listed here).
struct UncoverableRule {
  std::string source;
  std::string rule;
  std::string reason;
};

// The "uncoverable" lists of the mutation files; each rule must exist in the catalogue.
std::vector<UncoverableRule> load_uncoverable(const std::vector<std::pair<std::string_view, std::string_view>>& files,
                                              const Catalogue& catalogue);
const std::vector<UncoverableRule>& builtin_uncoverable();

// Parses and checks every file; throws MutationError naming the file, the entry and the problem.
std::vector<Mutation> load_mutations(const std::vector<std::pair<std::string_view, std::string_view>>& files,
                                     const Catalogue& catalogue);

// The mutations compiled into the binary (generators/mutations/*.json), checked against the
// built-in catalogue.
const std::vector<Mutation>& builtin_mutations();

// Applies the mutation to (a copy of) its base for one variant ("dir" or "ozx").
// Throws MutationError when an operation cannot apply (missing key, pointer, bad JSON).
Case apply_mutation(const Mutation& mutation, const Case& base, const std::string& variant);

// The severity an ID's suffix promises: -error (some error or fatal), -warning (a warning but no
// error), -valid (at most info findings).
std::string suffix_for(const std::vector<ExpectedFinding>& expected);

}  // namespace ozv::corpus
