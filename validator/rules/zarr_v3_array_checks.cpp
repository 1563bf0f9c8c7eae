// An array's zarr.json: mandatory members, shape, fill_value, codecs, optional members,
// and sizes that do not fit in 64 bits.
#include <array>
#include <set>
#include <string_view>

#include "rules/check_util.hpp"
#include "rules/codec_checks.hpp"
#include "rules/zarr_v3_node_checks.hpp"
#include "zarr/checked_math.hpp"
#include "zarr/v3_codec.hpp"
#include "zarr/v3_fill_value.hpp"
#include "zarr/v3_json_integer.hpp"

namespace ozv {

namespace {

using json = nlohmann::json;

constexpr std::array<std::string_view, 6> kMandatory{"shape",      "data_type", "chunk_grid", "chunk_key_encoding",
                                                     "fill_value", "codecs"};
constexpr std::array<std::string_view, 11> kKnown{
    "zarr_format", "node_type", "shape",      "data_type", "chunk_grid",           "chunk_key_encoding",
    "fill_value",  "codecs",    "attributes", "storage_transformers", "dimension_names"};

// shape: "An array of integers providing the length of each dimension".
std::optional<std::vector<std::uint64_t>> check_shape(const json& doc, V3CheckContext& ctx) {
  auto it = doc.find("shape");
  if (it == doc.end()) return std::nullopt;
  if (!it->is_array()) {
    ctx.emit("V3-ARR-002", "/shape", {{"value", brief(*it)}});
    return std::nullopt;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    if (!json_to_u64((*it)[i])) {
      ctx.emit("V3-ARR-002", pointer_append("/shape", i), {{"value", brief((*it)[i])}});
      return std::nullopt;
    }
  }
  return json_to_u64_list(*it);
}

void check_fill_value(const json& doc, const std::optional<DataType>& type, V3CheckContext& ctx) {
  auto it = doc.find("fill_value");
  if (it == doc.end() || !type) return;  // missing: V3-ARR-001; unknown type: nothing to check against
  const FillValue fill = read_fill_value(*it, *type);
  if (fill.valid) return;
  const json& offending = fill.problem_element ? (*it)[*fill.problem_element] : *it;
  const std::string pointer =
      fill.problem_element ? pointer_append("/fill_value", *fill.problem_element) : std::string("/fill_value");
  ctx.emit("V3-ARR-009", pointer,
           {{"value", brief(offending)}, {"data_type", type->name}, {"expected", fill_value_form(*type)}});
}

void check_attributes(const json& doc, V3CheckContext& ctx) {
  auto it = doc.find("attributes");
  if (it != doc.end() && !it->is_object()) ctx.emit("V3-ARR-014", "/attributes", {{"found", json_type_name(*it)}});
}

void check_dimension_names(const json& doc, const std::optional<std::vector<std::uint64_t>>& shape,
                           V3CheckContext& ctx) {
  auto it = doc.find("dimension_names");
  if (it == doc.end()) return;
  const std::string pointer = "/dimension_names";
  if (it->is_null()) {  // zarr-python tolerates it; the spec wants an array or no member
    ctx.emit("V3-ARR-018", pointer);
    return;
  }
  if (!it->is_array()) {
    ctx.emit("V3-ARR-016", pointer, {{"value", brief(*it)}});
    return;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& name = (*it)[i];
    if (!name.is_string() && !name.is_null()) {
      ctx.emit("V3-ARR-016", pointer_append(pointer, i), {{"value", brief(name)}});
      return;
    }
  }
  if (shape && shape->size() != it->size()) {
    ctx.emit("V3-ARR-016", pointer, {{"value", brief(*it)}});
    return;
  }
  // "it is recommended but not required that all non-null dimension names are distinct (no
  // two dimensions have the same non-empty name)". The first repeated name is reported.
  std::set<std::string_view> seen;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& name = (*it)[i];
    if (!name.is_string() || name.get_ref<const std::string&>().empty()) continue;
    if (!seen.insert(name.get_ref<const std::string&>()).second) {
      ctx.emit("V3-ARR-017", pointer_append(pointer, i), {{"name", name.get<std::string>()}});
      return;
    }
  }
}

// The spec puts no bound on sizes, but implementations count elements, chunks and chunk
// bytes in 64-bit integers and fail (or worse) when they do not fit.
void check_sizes(const std::optional<std::vector<std::uint64_t>>& shape,
                 const std::optional<std::vector<std::uint64_t>>& chunk_shape, const std::optional<DataType>& type,
                 V3CheckContext& ctx) {
  if (shape && !checked_product(*shape)) {
    // Chunks never outnumber elements, so this also covers the number of chunks.
    ctx.emit("V3-ARR-019", "/shape", {{"quantity", "array elements"}});
  }
  if (!chunk_shape) return;
  const auto pointer = "/chunk_grid/configuration/chunk_shape";
  auto elements = checked_product(*chunk_shape);
  if (!elements) {
    ctx.emit("V3-ARR-019", pointer, {{"quantity", "elements per chunk"}});
  } else if (type && !checked_mul(*elements, type->item_size)) {
    ctx.emit("V3-ARR-019", pointer, {{"quantity", "bytes per chunk"}});
  }
}

}  // namespace

void check_v3_array(const json& doc, V3CheckContext& ctx) {
  for (auto member : kMandatory) {
    if (!doc.contains(member)) ctx.emit("V3-ARR-001", pointer_append("", member), {{"member", std::string(member)}});
  }
  const auto shape = check_shape(doc, ctx);
  const auto type = check_v3_data_type(doc, ctx);
  const auto chunk_shape = check_v3_chunk_grid(doc, shape, ctx);
  check_v3_chunk_key_encoding(doc, ctx);
  check_fill_value(doc, type, ctx);

  auto codecs = doc.find("codecs");
  if (codecs != doc.end()) {
    // decoded_representation[0]: the chunk shape and the array's data type.
    check_v3_codec_chain(*codecs, "/codecs", Representation::array(chunk_shape, type), kV3ArrayChainRules, 0, ctx);
  }
  check_attributes(doc, ctx);
  check_v3_storage_transformers(doc, ctx);
  check_dimension_names(doc, shape, ctx);
  check_sizes(shape, chunk_shape, type, ctx);
  check_v3_additional_fields(doc, kKnown, true, ctx);
}

}  // namespace ozv
