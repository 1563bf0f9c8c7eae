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

std::optional<nlohmann::json> parse_json_document(Store& store, const std::string& key, const JsonLimits& limits,
                                                  Findings& out) {
  try {
    auto value = store.get_bounded(key, limits.max_bytes);
    if (!value) return std::nullopt;
    if (!value->bytes) {
      out.push_back(oversize_finding(key, value->size, limits));
      return std::nullopt;
    }
    auto result = parse_json(*value->bytes, key, limits);
    out.insert(out.end(), result.findings.begin(), result.findings.end());
    return std::move(result.value);
  } catch (const StoreError& e) {
    out.push_back(finding_from(e));
    return std::nullopt;
  }
}

SharedJson read_json_document(Store& store, const std::string& key, const JsonLimits& limits,
                              ParsedDocuments& parsed, Findings& out) {
  if (auto known = parsed.find(key)) return known;
  auto document = parse_json_document(store, key, limits, out);
  return document ? parsed.keep(key, std::move(*document)) : nullptr;
}

}  // namespace ozv
