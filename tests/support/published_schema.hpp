// Validates a document against one of our published draft-07 schemas (spec-schemas/*.json:
// the report, the corpus manifest) with plain valijson: these contracts are for consumers
// using off-the-shelf validators, so they are checked the way such a consumer would.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validator.hpp>

#include "support/run_command.hpp"

namespace ozv::test {

// The error descriptions of `doc` against spec-schemas/<schema_file>; empty when it conforms.
inline std::vector<std::string> published_schema_errors(const std::string& schema_file, const nlohmann::json& doc) {
  const auto schema_doc = nlohmann::json::parse(read_file(std::string(OZV_SOURCE_DIR) + "/spec-schemas/" + schema_file));
  valijson::Schema schema;
  valijson::SchemaParser parser;
  valijson::adapters::NlohmannJsonAdapter schema_adapter(schema_doc);
  parser.populateSchema(schema_adapter, schema);
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc);
  validator.validate(schema, target, &results);
  std::vector<std::string> errors;
  valijson::ValidationResults::Error error;
  while (results.popError(error)) errors.push_back(error.description);
  return errors;
}

}  // namespace ozv::test
