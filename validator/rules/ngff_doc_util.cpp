// Helpers shared by the ngff_doc_* checks.
#include <cmath>
#include <cstdint>

#include "rules/ngff_doc_context.hpp"

namespace ozv::ngff_doc {

const json* member(const json& value, std::string_view name) {
  if (!value.is_object()) return nullptr;
  const auto it = value.find(name);
  return it == value.end() ? nullptr : &*it;
}

std::string shown(std::string_view text) {
  constexpr std::size_t max_chars = 60;
  std::string out = "\"";
  out += text.substr(0, max_chars);
  if (text.size() > max_chars) out += "...";
  out += '"';
  return out;
}

std::optional<std::string> integer_text(const json& value) {
  if (value.is_number_unsigned()) return std::to_string(value.get<std::uint64_t>());
  if (value.is_number_integer()) return std::to_string(value.get<std::int64_t>());
  if (!value.is_number_float()) return std::nullopt;
  const double d = value.get<double>();
  if (!std::isfinite(d) || std::trunc(d) != d) return std::nullopt;
  // Within +-2^63 the conversion is exact, so 3.0 and 3 share one text; beyond it the double's
  // own (also integral) value is a fine key, as no 64-bit integer can equal it.
  if (std::fabs(d) < 9.2e18) return std::to_string(static_cast<std::int64_t>(d));
  return value.dump();
}

std::optional<std::uint64_t> index_value(const json& value) {
  if (value.is_number_unsigned()) return value.get<std::uint64_t>();
  if (value.is_number_integer()) {
    const auto i = value.get<std::int64_t>();
    if (i < 0) return std::nullopt;
    return static_cast<std::uint64_t>(i);
  }
  if (value.is_number_float()) {
    const double d = value.get<double>();
    if (!std::isfinite(d) || d < 0 || std::trunc(d) != d) return std::nullopt;
    if (d >= 1.8e19) return UINT64_MAX;  // beyond uint64: out of any list's range anyway
    return static_cast<std::uint64_t>(d);
  }
  return std::nullopt;
}

void check_object_version(Context& ctx, const json& object, const std::string& pointer, const char* missing_04,
                          const char* differs_05) {
  if (!object.is_object()) return;
  const json* version = member(object, "version");
  if (ctx.v04()) {
    if (version == nullptr) ctx.report(missing_04, pointer_append(pointer, "version"), {});
    return;  // a wrong value or type is the schema's (enum ["0.4"])
  }
  if (ctx.v05() && version != nullptr && version->is_string() && version->get_ref<const std::string&>() != ctx.version()) {
    ctx.report(differs_05, pointer_append(pointer, "version"),
               {{"found", shown(version->get_ref<const std::string&>())}, {"expected", shown(ctx.version())}});
  }
}

}  // namespace ozv::ngff_doc
