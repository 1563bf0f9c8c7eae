#include "engine/documents.hpp"

namespace ozv {

Finding finding_from(const StoreError& error) {
  return Finding{error.rule(), {error.key(), ""}, {{"detail", error.what()}}};
}

Finding oversize_finding(const std::string& key, std::uint64_t size, const JsonLimits& limits) {
  return Finding{"JSON-005", {key, ""}, {{"size", std::to_string(size)}, {"limit", std::to_string(limits.max_bytes)}}};
}

bool key_exists(Store& store, const std::string& key, Findings& out) {
  try {
    return store.size(key).has_value();
  } catch (const StoreError& e) {
    out.push_back(finding_from(e));
    return false;
  }
}

SharedJson read_json_document(Store& store, const std::string& key, const JsonLimits& limits,
                              ParsedDocuments& parsed, Findings& out) {
  if (auto known = parsed.find(key)) return known;
  try {
    auto size = store.size(key);
    if (!size) return nullptr;
    if (*size > limits.max_bytes) {
      out.push_back(oversize_finding(key, *size, limits));
      return nullptr;
    }
    auto bytes = store.get(key);
    if (!bytes) return nullptr;  // vanished between the two calls
    auto result = parse_json(*bytes, key, limits);
    out.insert(out.end(), result.findings.begin(), result.findings.end());
    return result.value ? parsed.keep(key, std::move(*result.value)) : nullptr;
  } catch (const StoreError& e) {
    out.push_back(finding_from(e));
    return nullptr;
  }
}

}  // namespace ozv
