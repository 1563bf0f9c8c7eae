// Level 4 (`--checks chunks`): every stored chunk of every array the walk found is read and
// decoded, and what the decoders report (chunks/chunk_problem.hpp) becomes findings. Arrays
// whose metadata has an error are left out: their metadata findings already say why, and a
// decoder fed broken metadata would only repeat them.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "chunks/chunk_problem.hpp"
#include "engine/validate.hpp"
#include "finding/finding.hpp"
#include "rules/label_array.hpp"
#include "store/store.hpp"

namespace ozv {

struct ChunkCheckLimits {
  // Chunk findings of one rule listed per array; the rest are counted in one TARGET-002.
  std::size_t findings_per_rule_per_array = 100;
  // Keys listed under one array (or grid positions probed when the store cannot list).
  std::size_t keys_per_array = 1'000'000;
  DecodeLimits decode;
};

// `zarr_format`: the hierarchy's (2 or 3). `arrays`: store prefixes of the arrays the walk
// found (ParsedDocuments::array_paths), so no directory is listed twice. `metadata_findings`: the walk's findings,
// to leave out arrays with broken metadata. Chunks are read by worker_count(options.jobs)
// threads, each holding one chunk at a time; the findings do not depend on their number.
// `label_arrays` (ParsedDocuments::label_arrays): their decoded pixels are scanned too
// (engine/label_value_scan.hpp); options.chunk_progress is told how far the pass is.
void check_chunks(Store& store, int zarr_format, const std::vector<std::string>& arrays,
                  const ValidateOptions& options, const Findings& metadata_findings, Findings& out,
                  const ChunkCheckLimits& limits = {}, const std::vector<LabelArray>& label_arrays = {});

}  // namespace ozv
