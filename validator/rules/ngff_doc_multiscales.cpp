// "multiscales" and "coordinateTransformations" rules (0.4 and 0.5, #multiscale-md): unique
// dataset paths, the per-object version, and for every transformation list (per dataset and
// per multiscale, which "MUST follow the same rules") one scale, at most one translation after
// it, and vectors as long as the axes.
#include <set>
#include <vector>

#include "rules/ngff_doc_context.hpp"

namespace ozv::ngff_doc {
namespace {

void check_vector_length(Context& ctx, const json& entry, const char* field, const char* rule,
                         const std::string& entry_pointer, std::optional<std::size_t> axis_count) {
  const json* vector = member(entry, field);
  // The "path" form has no inline vector, and a non-array is the schema's.
  if (!axis_count || vector == nullptr || !vector->is_array()) return;
  if (vector->size() != *axis_count) {
    ctx.report(rule, pointer_append(entry_pointer, field),
               {{"length", std::to_string(vector->size())}, {"axes", std::to_string(*axis_count)}});
  }
}

void check_datasets(Context& ctx, const json& datasets, const std::string& pointer,
                    std::optional<std::size_t> axis_count) {
  if (!datasets.is_array()) return;
  std::set<std::string> paths;
  for (std::size_t i = 0; i < datasets.size(); ++i) {
    const json& dataset = datasets[i];
    const std::string dataset_pointer = pointer_append(pointer, i);
    if (const json* path = member(dataset, "path"); path != nullptr && path->is_string()) {
      // One array listed twice cannot be ordered "from largest to smallest" as two levels.
      if (!paths.insert(path->get<std::string>()).second) {
        ctx.report("NGFF-MS-001", pointer_append(dataset_pointer, "path"),
                   {{"path", shown(path->get_ref<const std::string&>())}});
      }
    }
    if (const json* list = member(dataset, "coordinateTransformations")) {
      check_transformations(ctx, *list, pointer_append(dataset_pointer, "coordinateTransformations"), axis_count);
    }
  }
}

}  // namespace

void check_transformations(Context& ctx, const json& list, const std::string& pointer,
                           std::optional<std::size_t> axis_count) {
  if (!list.is_array() || list.empty()) return;  // type and minItems are the schema's
  std::size_t scales = 0;
  std::size_t translations = 0;
  std::vector<std::size_t> early;  // translations listed before the first scale
  for (std::size_t i = 0; i < list.size(); ++i) {
    const json* type = member(list[i], "type");
    if (type == nullptr || !type->is_string()) continue;
    const std::string entry_pointer = pointer_append(pointer, i);
    const auto& name = type->get_ref<const std::string&>();
    if (name == "scale") {
      ++scales;
      check_vector_length(ctx, list[i], "scale", "NGFF-CT-003", entry_pointer, axis_count);
    } else if (name == "translation") {
      if (++translations > 1) ctx.report("NGFF-CT-001", entry_pointer, {});
      if (scales == 0) early.push_back(i);
      check_vector_length(ctx, list[i], "translation", "NGFF-CT-004", entry_pointer, axis_count);
    }
  }
  // A translation before the scale is in data coordinates, not the physical ones intended.
  // Without any scale, NGFF-CT-005 alone says what is wrong.
  if (scales > 0) {
    for (const std::size_t i : early) ctx.report("NGFF-CT-002", pointer_append(pointer, i), {});
  }
  if (scales != 1) ctx.report("NGFF-CT-005", pointer, {{"count", std::to_string(scales)}});
}

void check_multiscales(Context& ctx, const json& multiscales, const std::string& pointer) {
  if (!multiscales.is_array()) return;
  for (std::size_t i = 0; i < multiscales.size(); ++i) {
    const json& image = multiscales[i];
    if (!image.is_object()) continue;
    const std::string image_pointer = pointer_append(pointer, i);
    check_object_version(ctx, image, image_pointer, "NGFF-MS-002", "NGFF-MS-003");
    std::optional<std::size_t> axis_count;
    if (const json* axes = member(image, "axes"); axes != nullptr && axes->is_array()) {
      axis_count = axes->size();
      check_axes(ctx, *axes, pointer_append(image_pointer, "axes"));
    }
    if (const json* datasets = member(image, "datasets")) {
      check_datasets(ctx, *datasets, pointer_append(image_pointer, "datasets"), axis_count);
    }
    if (const json* list = member(image, "coordinateTransformations")) {
      check_transformations(ctx, *list, pointer_append(image_pointer, "coordinateTransformations"), axis_count);
    }
  }
}

}  // namespace ozv::ngff_doc
