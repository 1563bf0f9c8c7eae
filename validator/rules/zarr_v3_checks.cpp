#include "rules/zarr_v3_checks.hpp"

#include <algorithm>

#include "rules/check_util.hpp"
#include "rules/zarr_v3_node_checks.hpp"
#include "zarr/v3_json_integer.hpp"

namespace ozv {

namespace {

using json = nlohmann::json;

// zarr_format: "An integer defining the version of the storage specification ... must be 3".
void check_zarr_format(const json& doc, V3CheckContext& ctx) {
  auto it = doc.find("zarr_format");
  if (it == doc.end()) {
    ctx.emit("V3-NODE-001", "/zarr_format", {{"value", kMissingValue}});
  } else if (json_to_u64(*it) != std::uint64_t{3}) {
    ctx.emit("V3-NODE-001", "/zarr_format", {{"value", brief(*it)}});
  }
}

bool is_must_understand_false(const json& value) {
  if (!value.is_object()) return false;
  auto it = value.find("must_understand");
  return it != value.end() && it->is_boolean() && !it->get<bool>();
}

}  // namespace

void check_v3_document(const json& doc, const std::string& key, Findings& out) {
  V3CheckContext ctx{key, out};
  check_v3_node(doc, ctx, 0);
}

void check_v3_node(const json& doc, V3CheckContext& ctx, int consolidated_depth) {
  if (!doc.is_object()) {
    ctx.emit("V3-JSON-001", "", {{"found", json_type_name(doc)}});
    return;
  }
  check_zarr_format(doc, ctx);
  auto node_type = doc.find("node_type");
  if (node_type != doc.end() && *node_type == "array") {
    check_v3_array(doc, ctx);
  } else if (node_type != doc.end() && *node_type == "group") {
    check_v3_group(doc, ctx, consolidated_depth);
  } else {
    // Without a node type the members cannot be judged: only this is reported.
    ctx.emit("V3-NODE-002", "/node_type", {{"value", node_type == doc.end() ? kMissingValue : brief(*node_type)}});
  }
}

void check_v3_additional_fields(const json& doc, std::span<const std::string_view> known, bool is_array,
                                V3CheckContext& ctx) {
  for (const auto& [member, value] : doc.items()) {
    if (std::find(known.begin(), known.end(), member) != known.end()) continue;
    const auto pointer = pointer_append("", member);
    const bool ignorable = is_must_understand_false(value);
    if (is_array && member == "consolidated_metadata") {
      // The carve-out is for groups; on an array the generic rule applies as well.
      ctx.emit("CM-V3-001", pointer);
      if (!ignorable) ctx.emit("V3-TOP-001", pointer, {{"member", member}});
    } else if (ignorable) {
      ctx.emit("V3-TOP-002", pointer, {{"member", member}});
    } else {
      ctx.emit("V3-TOP-001", pointer, {{"member", member}});
    }
  }
}

}  // namespace ozv
