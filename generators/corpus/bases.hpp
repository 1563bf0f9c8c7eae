// The baselines: named, valid datasets that raise no finding at all. Every mutation starts
// from one of them, so a mutation's expected findings come from its one defect alone.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "corpus/case.hpp"

namespace ozv::corpus {

struct BaseDefinition {
  std::string id;                     // "ngff-0.5/image-3d-valid"
  std::vector<std::string> variants;  // "dir", "ozx"
  std::function<Case(std::uint64_t seed)> build;
};

// Sorted by id.
const std::vector<BaseDefinition>& base_definitions();
const BaseDefinition* find_base(const std::string& id);

}  // namespace ozv::corpus
