// A group's zarr.json, and the inline consolidated metadata that zarr-python 3 stores in it
// (permitted by the "Additional fields" carve-out, but otherwise unspecified).
#include <array>
#include <string_view>

#include "rules/catalogue.hpp"
#include "rules/check_util.hpp"
#include "rules/zarr_v3_node_checks.hpp"
#include "zarr/v3_json_integer.hpp"

namespace ozv {

namespace {

using json = nlohmann::json;

constexpr std::array<std::string_view, 4> kKnown{"zarr_format", "node_type", "attributes", "consolidated_metadata"};

bool is_error(const Finding& finding) {
  const Rule* rule = Catalogue::builtin().find(finding.rule);
  return rule == nullptr || rule->severity >= Severity::error;
}

// One entry of consolidated_metadata.metadata: a complete node document. Its own problems
// are summarised as one CM-V3-004 (the node's real zarr.json is checked on its own), located
// at the first error inside the entry.
void check_entry(const std::string& entry, const json& doc, const std::string& pointer, V3CheckContext& ctx,
                 int consolidated_depth) {
  if (!doc.is_object()) {
    ctx.emit("CM-V3-004", pointer, {{"entry", entry}, {"rule", "V3-JSON-001"}, {"count", "1"}});
    return;
  }
  auto format = doc.find("zarr_format");
  if (format != doc.end() && json_to_u64(*format) == std::uint64_t{2}) return;  // v2 entries: Zarr v2 rules

  Findings inner;
  V3CheckContext inner_ctx{ctx.key, inner};
  check_v3_node(doc, inner_ctx, consolidated_depth);
  const Finding* first_error = nullptr;
  std::size_t errors = 0;
  for (const auto& f : inner) {
    if (f.rule == "CM-V3-007") ctx.emit(f.rule, pointer + f.location.pointer, f.values);  // keep the limit visible
    if (!is_error(f)) continue;
    if (first_error == nullptr) first_error = &f;
    ++errors;
  }
  if (first_error != nullptr) {
    ctx.emit("CM-V3-004", pointer + first_error->location.pointer,
             {{"entry", entry}, {"rule", first_error->rule}, {"count", std::to_string(errors)}});
  }
}

// "If present, its value MUST be a JSON object with the following structure:
// {"must_understand": false, "kind": "inline", "metadata": {...}}".
void check_consolidated_metadata(const json& doc, V3CheckContext& ctx, int consolidated_depth) {
  auto it = doc.find("consolidated_metadata");
  if (it == doc.end()) return;
  const std::string pointer = "/consolidated_metadata";
  if (it->is_null()) {  // written by zarr-python 3.0.0 - 3.1.3
    ctx.emit("CM-V3-002", pointer);
    return;
  }
  if (!it->is_object()) {
    ctx.emit("CM-V3-003", pointer, {{"value", brief(*it)}});
    return;
  }
  bool malformed = false;
  auto report = [&](const char* member, json::const_iterator found) {
    ctx.emit("CM-V3-003", pointer_append(pointer, member), {{"value", found == it->end() ? kMissingValue : brief(*found)}});
    malformed = true;
  };
  auto must_understand = it->find("must_understand");
  if (must_understand == it->end() || *must_understand != false) report("must_understand", must_understand);
  auto kind = it->find("kind");
  if (kind == it->end() || *kind != "inline") report("kind", kind);
  auto metadata = it->find("metadata");
  if (metadata == it->end() || !metadata->is_object()) {
    report("metadata", metadata);
    return;
  }
  if (!malformed) ctx.emit("CM-V3-006", pointer, {{"count", std::to_string(metadata->size())}});
  const std::string metadata_pointer = pointer_append(pointer, "metadata");
  if (metadata->empty()) return;
  if (consolidated_depth >= kMaxConsolidatedDepth) {
    ctx.emit("CM-V3-007", metadata_pointer, {{"limit", std::to_string(kMaxConsolidatedDepth)}});
    return;
  }
  for (const auto& [entry, node] : metadata->items()) {
    check_entry(entry, node, pointer_append(metadata_pointer, entry), ctx, consolidated_depth + 1);
  }
}

}  // namespace

void check_v3_group(const json& doc, V3CheckContext& ctx, int consolidated_depth) {
  auto attributes = doc.find("attributes");
  if (attributes != doc.end() && !attributes->is_object()) {
    ctx.emit("V3-GRP-001", "/attributes", {{"found", json_type_name(*attributes)}});
  }
  check_consolidated_metadata(doc, ctx, consolidated_depth);
  check_v3_additional_fields(doc, kKnown, false, ctx);
}

}  // namespace ozv
