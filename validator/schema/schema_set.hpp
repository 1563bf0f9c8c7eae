// A set of JSON Schema (Draft 2020-12) documents, compiled once and evaluated by valijson.
//
// valijson implements draft 3/4/7 keywords only. Every document is first rewritten into an
// equivalent draft-7 form (schema_compile.hpp: `$ref` with siblings, `$defs`, `prefixItems`,
// `contains` with `minContains`/`maxContains`, `dependentRequired`, integer typing, `$id`
// cross-document references). A keyword the rewrite does not know is refused with
// SchemaLoadError, so no keyword is ever silently ignored.
//
// Callers name schemas by file name ("image.schema"); schemas name each other by `$id`.
// No URI is ever fetched: a `$ref` that does not resolve inside the set is a load error.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

namespace ozv {

// A schema document that cannot be loaded: JSON errors, unknown keywords, malformed keyword
// values, unresolvable `$ref`s, duplicate `$id`s. what() names the file and the location.
class SchemaLoadError : public std::runtime_error {
 public:
  SchemaLoadError(std::string file, std::string pointer, std::string problem);
  const std::string& file() const { return file_; }
  const std::string& pointer() const { return pointer_; }  // RFC 6901, inside the schema file
  const std::string& problem() const { return problem_; }

 private:
  std::string file_, pointer_, problem_;
};

struct SchemaViolation {
  std::string instance_pointer;  // RFC 6901 pointer into the validated instance
  std::string detail;            // engine wording, for the report's detail value
};

class SchemaSet {
 public:
  // Default bound on violations reported per validate() call.
  static constexpr std::size_t kDefaultMaxViolations = 50;

  // The schemas compiled into the binary for one version ("0.4", "0.5"): spec-schemas/<v>/*.schema.
  static SchemaSet from_embedded(std::string_view version);
  // Every *.schema and *.json file directly inside `dir` (the --schema-dir option).
  static SchemaSet from_directory(const std::string& dir);
  // (file name, document text) pairs; the core of both loaders, also used by tests.
  static SchemaSet from_texts(const std::vector<std::pair<std::string, std::string>>& files);

  bool has(std::string_view file_name) const;
  std::vector<std::string> file_names() const;  // sorted

  // Validates `instance` against the schema loaded from `file_name`. Thread-safe.
  // Throws std::out_of_range when no such schema was loaded (check has() first).
  std::vector<SchemaViolation> validate(std::string_view file_name, const nlohmann::json& instance,
                                        std::size_t max_violations = kDefaultMaxViolations) const;

  struct Compiled;  // valijson state, opaque to callers

 private:
  static std::vector<SchemaViolation> collect(const Compiled& compiled, const nlohmann::json& instance,
                                              std::size_t max_violations);

  std::shared_ptr<const std::map<std::string, std::shared_ptr<const Compiled>, std::less<>>> schemas_;
};

}  // namespace ozv
