// Writes the corpus: every baseline and every mutation, each as a directory and/or an .ozx
// file, plus the manifest. Deterministic: the same seed and version give the same bytes.
#pragma once

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "corpus/case.hpp"
#include "corpus/manifest.hpp"

namespace ozv::corpus {

inline constexpr std::uint64_t kDefaultSeed = 20240917;

class CorpusError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct GenerateOptions {
  std::string only;  // keep the cases whose id contains this substring ("" = all)
  std::uint64_t seed = kDefaultSeed;
  // Read the mutation files (*.json) from this directory instead of the embedded ones: lets
  // mutation authors iterate without rebuilding.
  std::string mutation_dir;
};

// One case as it will be written: the id carries "ozx/" in front for the .ozx variant.
struct PlannedCase {
  Case c;
  std::string variant;
};

// Every case of the corpus, in id order (baselines and mutations, each variant).
std::vector<PlannedCase> plan_corpus(const GenerateOptions& options);

// Writes OUT/cases/... and OUT/manifest.json. OUT must be absent, empty, or a previous corpus
// (manifest.json by this tool and cases/ only), whose two entries are then replaced; nothing
// else is ever removed. Throws CorpusError.
Manifest generate_corpus(const std::filesystem::path& out, const GenerateOptions& options);

}  // namespace ozv::corpus
