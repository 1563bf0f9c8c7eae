// The problems of one shard, at most `cap` of each kind: a hostile index can name a million bad
// inner chunks, and the list must not grow with it (the engine's per-rule cap only applies
// after a shard is decoded). The problems past the cap are counted, and finish() adds one
// problem per kind saying how many were left out.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "chunks/chunk_problem.hpp"

namespace ozv::chunks_detail {

class CappedProblems {
 public:
  explicit CappedProblems(std::size_t cap) : cap_(cap) {}

  // Counts one problem of `kind`; true when it is to be listed (build its detail only then).
  bool admit(ChunkProblem::Kind kind) { return ++counts_[kind] <= cap_; }

  void add(ChunkProblem problem) {
    if (admit(problem.kind)) listed_.push_back(std::move(problem));
  }

  bool any_except(ChunkProblem::Kind kind) const {
    for (const auto& [k, n] : counts_)
      if (k != kind && n > 0) return true;
    return false;
  }

  void push_admitted(ChunkProblem problem) { listed_.push_back(std::move(problem)); }

  std::vector<ChunkProblem> finish() {
    for (const auto& [kind, n] : counts_) {
      if (n <= cap_) continue;
      listed_.push_back(ChunkProblem{kind,
                                     std::to_string(n - cap_) + " more inner chunks of this shard have this problem "
                                                                "(not listed; " + std::to_string(cap_) + " are)",
                                     std::nullopt});
    }
    return std::move(listed_);
  }

 private:
  std::size_t cap_;
  std::map<ChunkProblem::Kind, std::size_t> counts_;
  std::vector<ChunkProblem> listed_;
};

}  // namespace ozv::chunks_detail
