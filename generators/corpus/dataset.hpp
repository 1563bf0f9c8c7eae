// A Dataset is the files of one corpus case: store key -> bytes, ordered by key so that
// everything derived from it (directory layout, archive, digests) is deterministic.
#pragma once

#include <filesystem>
#include <map>
#include <string>

#include <nlohmann/json.hpp>

#include "store/store.hpp"

namespace ozv::corpus {

using Dataset = std::map<std::string, Bytes>;

// The one JSON style of the corpus: sorted keys (nlohmann::json keeps objects sorted),
// two-space indent, trailing newline. A document read, edited and dumped again keeps it.
std::string dump_json(const nlohmann::json& document);

// Writes every file below `dir` (created if needed). Throws std::runtime_error for a key that
// is not a clean store key: a corpus never writes outside its case directory.
void write_directory(const Dataset& files, const std::filesystem::path& dir);

// Digest of the whole dataset (keys, sizes and bytes), so a manifest pins each case's content.
std::string dataset_sha256(const Dataset& files);

}  // namespace ozv::corpus
