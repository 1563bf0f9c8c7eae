// The corpus manifest (OUT/manifest.json, schema: spec-schemas/corpus-manifest.schema.json):
// what every case is and what a conforming validator reports for it. Other implementations
// read only this file and the case files.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus/case.hpp"

namespace ozv::corpus {

inline constexpr int kManifestVersion = 1;
inline constexpr const char* kGeneratorName = "ome-zarr-corpus";

struct ManifestCase {
  std::string id;
  std::string description;
  std::string spec_version;
  int level = 4;
  std::vector<std::string> tags;
  std::string variant;  // "dir" or "ozx"
  std::string path;     // relative to the corpus directory: "cases/<id>" or "cases/<id>.ozx"
  std::string base;     // "" for baselines
  std::string content_sha256;
  std::vector<ExpectedFinding> expected;
  std::string expected_reason;  // set: `expected` is not exhaustive
  std::map<std::string, std::string> checksums;
};

struct Manifest {
  std::string generator_version;
  std::uint64_t seed = 0;
  std::string corpus_sha256;  // identity: sha256 of the "cases" array, compact JSON
  std::vector<ManifestCase> cases;
};

nlohmann::json to_json(const ManifestCase& c);
nlohmann::json to_json(const Manifest& manifest);
// Throws std::runtime_error for a document that is not a manifest of this version.
Manifest manifest_from_json(const nlohmann::json& document);

std::string corpus_identity(const std::vector<ManifestCase>& cases);

// Every rule some case expects (what the corpus exercises), for coverage checks.
std::set<std::string> rules_exercised(const Manifest& manifest);

}  // namespace ozv::corpus
