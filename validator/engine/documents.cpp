#include "engine/documents.hpp"

namespace ozv {

Finding finding_from(const StoreError& error) {
  return Finding{error.rule(), {error.key(), ""}, {{"detail", error.what()}}};
}

bool key_exists(Store& store, const std::string& key, Findings& out) {
  try {
    return store.size(key).has_value();
  } catch (const StoreError& e) {
    out.push_back(finding_from(e));
    return false;
  }
}

std::optional<nlohmann::json> read_json_document(Store& store, const std::string& key,
                                                 const JsonLimits& limits, Findings& out) {
  try {
    auto size = store.size(key);
    if (!size) return std::nullopt;
    if (*size > limits.max_bytes) {
      out.push_back(Finding{"JSON-005", {key, ""},
                            {{"size", std::to_string(*size)}, {"limit", std::to_string(limits.max_bytes)}}});
      return std::nullopt;
    }
    auto bytes = store.get(key);
    if (!bytes) return std::nullopt;  // vanished between the two calls
    auto parsed = parse_json(*bytes, key, limits);
    out.insert(out.end(), parsed.findings.begin(), parsed.findings.end());
    return std::move(parsed.value);
  } catch (const StoreError& e) {
    out.push_back(finding_from(e));
    return std::nullopt;
  }
}

}  // namespace ozv
