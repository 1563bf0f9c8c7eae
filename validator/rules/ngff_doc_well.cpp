// "well" rules (0.4 and 0.5, #well-md): unique image paths (the schema's uniqueItems only
// catches identical objects) and the per-object version.
#include <set>

#include "rules/ngff_doc_context.hpp"

namespace ozv::ngff_doc {

void check_well(Context& ctx, const json& well, const std::string& pointer) {
  if (!well.is_object()) return;
  check_object_version(ctx, well, pointer, "NGFF-WL-002", "NGFF-WL-004");
  const json* images = member(well, "images");
  if (images == nullptr || !images->is_array()) return;
  const std::string images_pointer = pointer_append(pointer, "images");
  std::set<std::string> paths;
  for (std::size_t i = 0; i < images->size(); ++i) {
    const json* path = member((*images)[i], "path");
    if (path == nullptr || !path->is_string()) continue;
    if (!paths.insert(path->get<std::string>()).second) {
      ctx.report("NGFF-WL-001", pointer_append(pointer_append(images_pointer, i), "path"),
                 {{"path", shown(path->get_ref<const std::string&>())}});
    }
  }
}

}  // namespace ozv::ngff_doc
