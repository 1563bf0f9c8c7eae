#include "corpus/manifest.hpp"

#include <stdexcept>

#include "store/store.hpp"
#include "zarr/sha256.hpp"

namespace ozv::corpus {
namespace {

using nlohmann::json;

json finding_json(const ExpectedFinding& f) {
  return {{"rule", f.rule},
          {"severity", std::string(to_string(f.severity))},
          {"location", {{"key", f.location.key}, {"pointer", f.location.pointer}}}};
}

ExpectedFinding finding_from(const json& j) {
  ExpectedFinding f;
  f.rule = j.at("rule").get<std::string>();
  const auto severity = severity_from_string(j.at("severity").get<std::string>());
  if (!severity) throw std::runtime_error("manifest: unknown severity in an expected finding of " + f.rule);
  f.severity = *severity;
  f.location.key = j.at("location").at("key").get<std::string>();
  f.location.pointer = j.at("location").at("pointer").get<std::string>();
  return f;
}

}  // namespace

json to_json(const ManifestCase& c) {
  json expected = json::array();
  for (const auto& f : c.expected) expected.push_back(finding_json(f));
  json out = {{"id", c.id},
              {"description", c.description},
              {"spec_version", c.spec_version},
              {"level", c.level},
              {"tags", c.tags},
              {"variant", c.variant},
              {"path", c.path},
              {"content_sha256", c.content_sha256},
              {"expected", expected}};
  if (!c.base.empty()) out["base"] = c.base;
  if (!c.expected_reason.empty()) out["expected_reason"] = c.expected_reason;
  if (!c.checksums.empty()) out["checksums"] = c.checksums;
  return out;
}

json to_json(const Manifest& manifest) {
  json cases = json::array();
  for (const auto& c : manifest.cases) cases.push_back(to_json(c));
  return {{"manifest_version", kManifestVersion},
          {"generator", {{"name", kGeneratorName}, {"version", manifest.generator_version}}},
          {"seed", manifest.seed},
          {"corpus_sha256", manifest.corpus_sha256},
          {"checksum_definition", "sha256 of the decoded array, C order, little-endian"},
          {"cases", cases}};
}

Manifest manifest_from_json(const json& doc) {
  try {
    if (doc.at("manifest_version").get<int>() != kManifestVersion)
      throw std::runtime_error("manifest: unsupported manifest_version");
    if (doc.at("generator").at("name").get<std::string>() != kGeneratorName)
      throw std::runtime_error("manifest: not written by ome-zarr-corpus");
    Manifest m;
    m.generator_version = doc.at("generator").at("version").get<std::string>();
    m.seed = doc.at("seed").get<std::uint64_t>();
    m.corpus_sha256 = doc.at("corpus_sha256").get<std::string>();
    for (const auto& j : doc.at("cases")) {
      ManifestCase c;
      c.id = j.at("id").get<std::string>();
      c.description = j.at("description").get<std::string>();
      c.spec_version = j.at("spec_version").get<std::string>();
      c.level = j.at("level").get<int>();
      c.tags = j.at("tags").get<std::vector<std::string>>();
      c.variant = j.at("variant").get<std::string>();
      c.path = j.at("path").get<std::string>();
      // A manifest only names files inside its corpus: validate never reads elsewhere.
      if (!c.path.starts_with("cases/") || !is_clean_key(c.path))
        throw std::runtime_error("manifest: case " + c.id + " has the path \"" + c.path + "\" outside cases/");
      c.content_sha256 = j.at("content_sha256").get<std::string>();
      c.base = j.value("base", "");
      c.expected_reason = j.value("expected_reason", "");
      for (const auto& f : j.at("expected")) c.expected.push_back(finding_from(f));
      if (j.contains("checksums")) c.checksums = j["checksums"].get<std::map<std::string, std::string>>();
      m.cases.push_back(std::move(c));
    }
    return m;
  } catch (const json::exception& e) {
    throw std::runtime_error(std::string("manifest: ") + e.what());
  }
}

std::string corpus_identity(const std::vector<ManifestCase>& cases) {
  json list = json::array();
  for (const auto& c : cases) list.push_back(to_json(c));
  return sha256_hex(list.dump());
}

std::set<std::string> rules_exercised(const Manifest& manifest) {
  std::set<std::string> rules;
  for (const auto& c : manifest.cases)
    for (const auto& f : c.expected) rules.insert(f.rule);
  return rules;
}

}  // namespace ozv::corpus
