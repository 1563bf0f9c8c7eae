// "omero" rules (0.4 and 0.5, #omero-md): the channel colour is 6 hexadecimal digits (the
// schemas only say "string"), and in 0.5, whose schema no longer requires them, each channel
// has `color` and `window` (erratum E2: reported as warnings, see the catalogue).
#include <algorithm>
#include <cctype>

#include "rules/ngff_doc_context.hpp"

namespace ozv::ngff_doc {
namespace {

bool is_hex_color(const std::string& text) {
  return text.size() == 6 &&
         std::all_of(text.begin(), text.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; });
}

}  // namespace

void check_omero(Context& ctx, const json& omero, const std::string& pointer) {
  const json* channels = member(omero, "channels");
  if (channels == nullptr || !channels->is_array()) return;
  const std::string channels_pointer = pointer_append(pointer, "channels");
  for (std::size_t i = 0; i < channels->size(); ++i) {
    const json& channel = (*channels)[i];
    if (!channel.is_object()) continue;
    const std::string channel_pointer = pointer_append(channels_pointer, i);
    const json* color = member(channel, "color");
    if (color != nullptr && color->is_string() && !is_hex_color(color->get_ref<const std::string&>())) {
      ctx.report("NGFF-OM-001", pointer_append(channel_pointer, "color"),
                 {{"color", shown(color->get_ref<const std::string&>())}});
    }
    if (ctx.v05()) {  // in 0.4 the schema requires both
      if (color == nullptr) ctx.report("NGFF-OM-002", pointer_append(channel_pointer, "color"), {});
      if (member(channel, "window") == nullptr) ctx.report("NGFF-OM-003", pointer_append(channel_pointer, "window"), {});
    }
  }
}

}  // namespace ozv::ngff_doc
