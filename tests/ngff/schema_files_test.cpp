// The project's own OME-NGFF JSON Schemas (spec-schemas/<version>/*.schema) are well-formed:
// the expected files exist, parse cleanly, carry our $schema/$id convention, use only the keyword
// set the schema engine implements, and every $ref resolves inside the same version folder.
// (Whether they give the right verdicts on the upstream suites is checked by the suite test.)
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "json/parse.hpp"

using nlohmann::json;

namespace {

namespace fs = std::filesystem;

const char* const kDraft = "https://json-schema.org/draft/2020-12/schema";
const std::string kIdBase = "https://ngff.openmicroscopy.org/ome-zarr-conformance/";

// Exactly the keywords the project's schema engine implements.
const std::set<std::string> kKeywords = {
    "type",      "properties",   "required",         "additionalProperties", "items",
    "prefixItems", "minItems",   "maxItems",         "uniqueItems",          "contains",
    "minContains", "maxContains", "enum",            "const",                "pattern",
    "minimum",   "maximum",      "exclusiveMinimum", "exclusiveMaximum",     "minLength",
    "allOf",     "anyOf",        "oneOf",            "not",                  "if",
    "then",      "else",         "$ref",             "$defs",                "$id",
    "$schema",   "title",        "description",      "$comment"};

// Keywords whose value is one subschema, a list of subschemas, or a map of name -> subschema.
const std::set<std::string> kOneSchema = {"items", "contains", "not", "if", "then", "else",
                                          "additionalProperties"};
const std::set<std::string> kSchemaList = {"prefixItems", "allOf", "anyOf", "oneOf"};
const std::set<std::string> kSchemaMap = {"properties", "$defs"};

struct Problem {
  std::string pointer;
  std::string what;
};

// Walks every subschema position of `schema` (iteratively: no recursion) and reports unknown
// keywords, non-object subschemas and $refs that neither name a local #/$defs entry nor one of
// `known_ids`.
std::vector<Problem> audit_schema(const json& schema, const std::set<std::string>& known_ids) {
  std::vector<Problem> problems;
  const json* defs = schema.is_object() && schema.contains("$defs") ? &schema["$defs"] : nullptr;
  std::vector<std::pair<const json*, std::string>> todo{{&schema, ""}};
  while (!todo.empty()) {
    auto [node, pointer] = todo.back();
    todo.pop_back();
    if (node->is_boolean()) continue;
    if (!node->is_object()) {
      problems.push_back({pointer, "subschema is not an object"});
      continue;
    }
    for (const auto& [key, value] : node->items()) {
      const std::string here = pointer + "/" + key;
      if (kKeywords.count(key) == 0) {
        problems.push_back({here, "keyword not supported by the engine"});
      } else if (kOneSchema.count(key) != 0) {
        todo.push_back({&value, here});
      } else if (kSchemaList.count(key) != 0) {
        if (!value.is_array()) {
          problems.push_back({here, "expected an array of subschemas"});
          continue;
        }
        for (std::size_t i = 0; i < value.size(); ++i) todo.push_back({&value[i], here + "/" + std::to_string(i)});
      } else if (kSchemaMap.count(key) != 0) {
        if (!value.is_object()) {
          problems.push_back({here, "expected an object of subschemas"});
          continue;
        }
        for (const auto& [name, sub] : value.items()) todo.push_back({&sub, here + "/" + name});
      } else if (key == "$ref") {
        const std::string ref = value.is_string() ? value.get<std::string>() : std::string();
        const std::string local = "#/$defs/";
        const bool local_ok = ref.rfind(local, 0) == 0 && defs != nullptr && defs->is_object() &&
                              defs->contains(ref.substr(local.size()));
        if (!local_ok && known_ids.count(ref) == 0) problems.push_back({here, "unresolved $ref " + ref});
      }
    }
  }
  return problems;
}

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

std::map<std::string, json> load_version(const std::string& version) {
  std::map<std::string, json> out;
  const fs::path dir = fs::path(OZV_SOURCE_DIR) / "spec-schemas" / version;
  if (!fs::is_directory(dir)) return out;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".schema") continue;
    const std::string name = entry.path().filename().string();
    auto parsed = ozv::parse_json(read_file(entry.path()), name);
    INFO(name);
    CHECK(parsed.findings.empty());  // no duplicate names, no syntax problems
    REQUIRE(parsed.value);
    out.emplace(name, *parsed.value);
  }
  return out;
}

void check_version(const std::string& version, const std::vector<std::string>& expected_files) {
  const auto files = load_version(version);
  for (const auto& name : expected_files) {
    INFO(version << "/" << name);
    CHECK(files.count(name) == 1);
  }
  std::set<std::string> ids;
  for (const auto& [name, schema] : files) ids.insert(kIdBase + version + "/schemas/" + name);
  for (const auto& [name, schema] : files) {
    INFO(version << "/" << name);
    REQUIRE(schema.is_object());
    CHECK(schema.value("$schema", "") == kDraft);
    CHECK(schema.value("$id", "") == kIdBase + version + "/schemas/" + name);
    for (const auto& problem : audit_schema(schema, ids)) {
      INFO(problem.pointer << ": " << problem.what);
      CHECK(false);
    }
  }
}

}  // namespace

TEST_CASE("the schema audit reports foreign keywords and dangling $refs", "[ngff][schema-files]") {
  const std::set<std::string> ids = {kIdBase + "0.4/schemas/image.schema"};
  const json good = json::parse(R"({"$defs": {"a": {"type": "string"}},
      "properties": {"x": {"$ref": "#/$defs/a"}, "y": {"$ref": "https://ngff.openmicroscopy.org/ome-zarr-conformance/0.4/schemas/image.schema"}},
      "allOf": [{"contains": {"const": 1}, "minContains": 0, "maxContains": 1}], "items": true})");
  CHECK(audit_schema(good, ids).empty());

  const json bad = json::parse(R"({"$defs": {"a": {}},
      "properties": {"x": {"format": "uri"}, "y": {"$ref": "#/$defs/b"}, "z": {"$ref": "https://example.org/other.schema"}},
      "anyOf": [3]})");
  std::vector<std::string> pointers;
  for (const auto& p : audit_schema(bad, ids)) pointers.push_back(p.pointer);
  std::sort(pointers.begin(), pointers.end());
  CHECK(pointers == std::vector<std::string>{"/anyOf/0", "/properties/x/format", "/properties/y/$ref",
                                             "/properties/z/$ref"});
}

TEST_CASE("0.4 schema files are complete and use only supported keywords", "[ngff][schema-files]") {
  check_version("0.4", {"image.schema", "label.schema", "labels.schema", "plate.schema", "well.schema",
                        "bf2raw.schema", "ome.schema", "strict_image.schema", "strict_label.schema",
                        "strict_plate.schema", "strict_well.schema"});
}

TEST_CASE("0.5 schema files are complete and use only supported keywords", "[ngff][schema-files]") {
  check_version("0.5", {"_version.schema", "image.schema", "label.schema", "labels.schema", "plate.schema",
                        "well.schema", "bf2raw.schema", "ome.schema", "strict_image.schema",
                        "strict_label.schema", "strict_plate.schema", "strict_well.schema"});
}
