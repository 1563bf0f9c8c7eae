#include "rules/label_arrays_of.hpp"

#include <algorithm>
#include <cmath>

#include "rules/ngff_tree_util.hpp"

namespace ozv {

std::optional<LabelValue> label_value_of(double value) {
  if (!std::isfinite(value) || std::trunc(value) != value) return std::nullopt;
  // Both bounds are powers of two, exact as doubles: [-2^63, 2^64).
  constexpr double kLowest = -9223372036854775808.0;
  constexpr double kPastHighest = 18446744073709551616.0;
  if (value < kLowest || value >= kPastHighest) return std::nullopt;
  if (value < 0) return LabelValue::of_signed(static_cast<std::int64_t>(value));
  return LabelValue::of_unsigned(static_cast<std::uint64_t>(value));
}

std::optional<std::vector<LabelValue>> listed_label_values(const nlohmann::json* list) {
  if (list == nullptr || !list->is_array()) return std::nullopt;
  std::vector<LabelValue> values;
  for (const auto& entry : *list) {
    const auto* value = ngff_tree::member(&entry, "label-value");
    if (value == nullptr) continue;
    if (value->is_number_unsigned()) {
      values.push_back(LabelValue::of_unsigned(value->get<std::uint64_t>()));
    } else if (value->is_number_integer()) {
      values.push_back(LabelValue::of_signed(value->get<std::int64_t>()));
    } else if (value->is_number_float()) {
      if (auto whole = label_value_of(value->get<double>())) values.push_back(*whole);
    }
  }
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
  return values;
}

std::vector<LabelArray> label_arrays_of(const GroupInfo& group, NgffTreeReader& reader) {
  const auto* image_label = ngff_tree::member(group, "image-label");
  const auto colors = listed_label_values(ngff_tree::member(image_label, "colors"));
  const auto properties = listed_label_values(ngff_tree::member(image_label, "properties"));
  std::vector<LabelArray> arrays;
  for (const auto& level : ngff_tree::read_levels(group, 0, reader)) {
    if (!level.array || !level.resolved) continue;
    arrays.push_back(LabelArray{*level.resolved, level.array->key, level.array->zarr_format, level.array->data_type,
                                group.key, colors, properties});
  }
  return arrays;
}

}  // namespace ozv
