// Reads metadata documents from a store through the hardened JSON front end, turning every
// problem (absent, unreadable, too large, malformed) into findings.
#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/parsed_documents.hpp"
#include "finding/finding.hpp"
#include "json/parse.hpp"
#include "store/store.hpp"

namespace ozv {

// A StoreError as a finding at its key.
Finding finding_from(const StoreError& error);

// JSON-005 for a document of `size` bytes, over the limit: reported before reading it.
Finding oversize_finding(const std::string& key, std::uint64_t size, const JsonLimits& limits);

// True when `key` holds a value. Store errors become findings and count as absent.
bool key_exists(Store& store, const std::string& key, Findings& out);

// The parsed document at `key`, or nullopt when it is absent or unusable (findings say why).
// The size is checked before the bytes are read, so a hostile 10 GB "zarr.json" is never loaded.
std::optional<nlohmann::json> parse_json_document(Store& store, const std::string& key, const JsonLimits& limits,
                                                  Findings& out);

// As parse_json_document, through `parsed`: a document parsed before is not read again, and a
// new one is kept there for the passes that read it again.
SharedJson read_json_document(Store& store, const std::string& key, const JsonLimits& limits,
                              ParsedDocuments& parsed, Findings& out);

}  // namespace ozv
