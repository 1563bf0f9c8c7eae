// Collects the label arrays of one label image for ParsedDocuments (rules/label_array.hpp),
// so that the chunk pass can look at their pixels.
#pragma once

#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/label_array.hpp"
#include "rules/ngff_tree.hpp"

namespace ozv {

// The arrays of the first multiscale's levels of the label image `group`, each with the
// label values of the image's `image-label.colors` and `.properties`. Levels that do not
// resolve to an array are left out (the tree rules report them).
std::vector<LabelArray> label_arrays_of(const GroupInfo& group, NgffTreeReader& reader);

// The `label-value`s of a colors/properties list, sorted and unique: integers, and floats
// with a whole value in the label range (a `label-value` of 2.0 still names label 2; other
// floats are reported by NGFF-LBL-001). nullopt when `list` is not an array.
std::optional<std::vector<LabelValue>> listed_label_values(const nlohmann::json* list);

// `value` as a label value when it is a whole number within int64 .. uint64; nullopt otherwise.
std::optional<LabelValue> label_value_of(double value);

}  // namespace ozv
