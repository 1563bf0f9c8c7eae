#include "rules/zarr_v3_extension_checks.hpp"

#include "rules/check_util.hpp"

namespace ozv {

bool check_v3_extension_form(const nlohmann::json& value, const Extension& ext, const std::string& pointer,
                             const char* wrong_type_rule, V3CheckContext& ctx) {
  for (const auto& problem : ext.problems) {
    if (problem.issue == ExtensionIssue::not_string_or_object) {
      ctx.emit(wrong_type_rule, pointer, {{"value", brief(value)}});
      continue;
    }
    auto member = value.find(problem.member);
    ctx.emit("V3-EXT-001", pointer_append(pointer, problem.member),
             {{"value", member == value.end() ? kMissingValue : brief(*member)}});
  }
  if (ext.extra_member_count > 0) {
    ctx.emit("V3-EXT-006", pointer_append(pointer, ext.first_extra_member),
             {{"member", ext.first_extra_member}, {"count", std::to_string(ext.extra_member_count)}});
  }
  return ext.well_formed();
}

std::string v3_extension_name_pointer(const Extension& ext, const std::string& pointer) {
  return ext.short_hand ? pointer : pointer_append(pointer, "name");
}

void check_v3_extension_name(const Extension& ext, const std::string& pointer, V3CheckContext& ctx) {
  if (!is_conformant_extension_name(ext.name)) {
    ctx.emit("V3-EXT-005", v3_extension_name_pointer(ext, pointer), {{"name", ext.name}});
  }
}

void check_v3_must_understand_required(const Extension& ext, std::string_view point, const std::string& pointer,
                                       V3CheckContext& ctx) {
  if (!ext.must_be_understood()) {
    ctx.emit("V3-EXT-002", pointer_append(pointer, "must_understand"), {{"point", std::string(point)}});
  }
}

void report_v3_unknown_extension(const Extension& ext, std::string_view point, const std::string& pointer,
                                 V3CheckContext& ctx) {
  const Values values{{"point", std::string(point)}, {"name", ext.name}};
  if (ext.must_be_understood()) {
    ctx.emit("V3-EXT-003", v3_extension_name_pointer(ext, pointer), values);
  } else {
    ctx.emit("V3-EXT-004", v3_extension_name_pointer(ext, pointer), values);
  }
  check_v3_extension_name(ext, pointer, ctx);
}

}  // namespace ozv
