// "image-label" rules (#label-md in 0.4, #labels-md in 0.5): integer label values (the schemas
// say "number" for colors), unique label values, the multiscales the label image must also
// carry, and the per-object version.
#include <set>

#include "rules/ngff_doc_context.hpp"

namespace ozv::ngff_doc {
namespace {

// Checks the `label-value`s of the `colors` or `properties` list; `duplicate_rule` names the
// uniqueness rule that applies to this list in this version.
void check_label_values(Context& ctx, const json& list, const std::string& pointer, bool report_non_integer,
                        const char* duplicate_rule) {
  if (!list.is_array()) return;
  std::set<std::string> seen;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json* value = member(list[i], "label-value");
    if (value == nullptr || !value->is_number()) continue;  // presence and type: the schema's
    const std::string value_pointer = pointer_append(pointer_append(pointer, i), "label-value");
    const auto text = integer_text(*value);
    if (!text) {
      if (report_non_integer) ctx.report("NGFF-LBL-001", value_pointer, {{"value", value->dump()}});
      continue;
    }
    if (!seen.insert(*text).second) ctx.report(duplicate_rule, value_pointer, {{"value", *text}});
  }
}

}  // namespace

void check_image_label(Context& ctx, const json& image_label, const std::string& pointer) {
  if (!image_label.is_object()) return;
  if (member(ctx.ome(), "multiscales") == nullptr) {
    ctx.report("NGFF-LBL-005", pointer_append(ctx.base(), "multiscales"), {});
  }
  check_object_version(ctx, image_label, pointer, "NGFF-LBL-006", "NGFF-LBL-007");
  if (const json* colors = member(image_label, "colors")) {
    // 0.4 states "MUST be unique"; the 0.5 text dropped that sentence and only describes the
    // array as holding "one JSON object for each unique custom label" (informational).
    check_label_values(ctx, *colors, pointer_append(pointer, "colors"), true, ctx.v04() ? "NGFF-LBL-002" : "NGFF-LBL-003");
  }
  if (const json* properties = member(image_label, "properties")) {
    // The schema types these label values as integers already.
    check_label_values(ctx, *properties, pointer_append(pointer, "properties"), false, "NGFF-LBL-004");
  }
}

}  // namespace ozv::ngff_doc
