// Helpers shared by the schema engine tests.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "schema/schema_set.hpp"

namespace ozv::test {

// A set made of inline schema texts: {{"a.schema", R"({...})"}, ...}.
inline SchemaSet schema_set(std::vector<std::pair<std::string, std::string>> files) {
  return SchemaSet::from_texts(files);
}

// A set with one schema named "s.schema".
inline SchemaSet one_schema(const std::string& text) { return schema_set({{"s.schema", text}}); }

// The instance pointers of the violations, in order.
inline std::vector<std::string> pointers(const std::vector<SchemaViolation>& violations) {
  std::vector<std::string> out;
  for (const auto& v : violations) out.push_back(v.instance_pointer);
  return out;
}

inline bool valid(const SchemaSet& set, const std::string& instance, const std::string& file = "s.schema") {
  return set.validate(file, nlohmann::json::parse(instance)).empty();
}

// The official OME-NGFF reference data (never part of the tree), or "" when absent.
inline std::filesystem::path upstream_dir() {
  const std::filesystem::path dir = std::filesystem::path(OZV_SHARED_DIR) / "ngff-upstream";
  std::error_code ec;
  return std::filesystem::is_directory(dir, ec) ? dir : std::filesystem::path();
}

inline nlohmann::json read_json_file(const std::filesystem::path& path) {
  std::ifstream in(path);
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

}  // namespace ozv::test
