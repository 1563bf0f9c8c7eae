// Shared by the corpus tests: one corpus generated per test program (generation is fast, but
// several tests read the same one), and a file-by-file view of a directory tree.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <string>

#include "corpus/generate.hpp"
#include "support/run_command.hpp"
#include "support/temp_dir.hpp"

namespace ozv::test {

struct GeneratedCorpus {
  TempDir dir{"corpus"};
  ozv::corpus::Manifest manifest;
};

inline const GeneratedCorpus& shared_corpus() {
  static const std::unique_ptr<GeneratedCorpus> corpus = [] {
    auto c = std::make_unique<GeneratedCorpus>();
    c->manifest = ozv::corpus::generate_corpus(c->dir.path() / "out", {});
    return c;
  }();
  return *corpus;
}

inline std::filesystem::path shared_corpus_dir() { return shared_corpus().dir.path() / "out"; }

// Relative path -> bytes of every regular file below `root`.
inline std::map<std::string, std::string> read_tree(const std::filesystem::path& root) {
  std::map<std::string, std::string> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) files[std::filesystem::relative(entry.path(), root).generic_string()] = read_file(entry.path());
  }
  return files;
}

inline std::string corpus_tool() { return std::string(OZV_BINARY_DIR) + "/bin/ome-zarr-corpus"; }

}  // namespace ozv::test
