// The array extension points other than codecs: data_type, chunk_grid (regular grid),
// chunk_key_encoding (default, v2) and storage_transformers.
#include "rules/check_util.hpp"
#include "rules/zarr_v3_extension_checks.hpp"
#include "rules/zarr_v3_node_checks.hpp"
#include "zarr/v3_json_integer.hpp"

namespace ozv {

namespace {

using json = nlohmann::json;

// A member of a core configuration that the spec does not define, shown as {"member": value}.
std::string member_value(const std::string& member, const json& value) {
  return brief(json::object({{member, value}}));
}

}  // namespace

std::optional<DataType> check_v3_data_type(const json& doc, V3CheckContext& ctx) {
  auto it = doc.find("data_type");
  if (it == doc.end()) return std::nullopt;  // V3-ARR-001 already
  const std::string pointer = "/data_type";
  const Extension ext = parse_extension(*it);
  if (!check_v3_extension_form(*it, ext, pointer, "V3-ARR-003", ctx)) return std::nullopt;
  check_v3_must_understand_required(ext, "data_type", pointer, ctx);

  auto type = find_core_data_type(ext.name);
  if (type && !ext.short_hand) {
    // "If the data type is defined in this specification, then the value must be the data
    // type identifier provided as a string."
    ctx.emit("V3-ARR-003", pointer, {{"value", brief(*it)}});
    return std::nullopt;
  }
  if (!type) {
    ctx.emit("V3-ARR-004", v3_extension_name_pointer(ext, pointer), {{"name", ext.name}});
    check_v3_extension_name(ext, pointer, ctx);
  }
  return type;
}

std::optional<std::vector<std::uint64_t>> check_v3_chunk_grid(const json& doc,
                                                              const std::optional<std::vector<std::uint64_t>>& shape,
                                                              V3CheckContext& ctx) {
  auto it = doc.find("chunk_grid");
  if (it == doc.end()) return std::nullopt;
  const std::string pointer = "/chunk_grid";
  const Extension ext = parse_extension(*it);
  if (!check_v3_extension_form(*it, ext, pointer, "V3-ARR-005", ctx)) return std::nullopt;
  check_v3_must_understand_required(ext, "chunk_grid", pointer, ctx);

  if (ext.name != "regular") {
    ctx.emit("V3-ARR-005", v3_extension_name_pointer(ext, pointer), {{"value", brief(json(ext.name))}});
    check_v3_extension_name(ext, pointer, ctx);
    return std::nullopt;
  }
  const std::string config_pointer = pointer_append(pointer, "configuration");
  if (ext.configuration == nullptr) {
    ctx.emit("V3-ARR-005", ext.short_hand ? pointer : config_pointer, {{"value", kMissingValue}});
    return std::nullopt;
  }
  const json& config = *ext.configuration;
  for (const auto& [member, value] : config.items()) {
    if (member != "chunk_shape") {
      ctx.emit("V3-ARR-005", pointer_append(config_pointer, member), {{"value", member_value(member, value)}});
    }
  }
  const std::string shape_pointer = pointer_append(config_pointer, "chunk_shape");
  auto chunk_shape = config.find("chunk_shape");
  if (chunk_shape == config.end()) {
    ctx.emit("V3-ARR-005", shape_pointer, {{"value", kMissingValue}});
    return std::nullopt;
  }
  if (!chunk_shape->is_array()) {
    ctx.emit("V3-ARR-005", shape_pointer, {{"value", brief(*chunk_shape)}});
    return std::nullopt;
  }
  std::vector<std::uint64_t> sizes;
  sizes.reserve(chunk_shape->size());
  for (std::size_t i = 0; i < chunk_shape->size(); ++i) {
    const json& size = (*chunk_shape)[i];
    if (!size.is_number_integer()) {
      ctx.emit("V3-ARR-005", pointer_append(shape_pointer, i), {{"value", brief(size)}});
      return std::nullopt;
    }
    auto positive = json_to_u64(size);
    if (!positive || *positive == 0) {  // "Chunk sizes must be greater than zero."
      ctx.emit("V3-ARR-007", pointer_append(shape_pointer, i), {{"value", brief(size)}});
      return std::nullopt;
    }
    sizes.push_back(*positive);
  }
  if (shape && shape->size() != sizes.size()) {
    ctx.emit("V3-ARR-006", shape_pointer,
             {{"chunk_ndim", std::to_string(sizes.size())}, {"ndim", std::to_string(shape->size())}});
  }
  return sizes;
}

void check_v3_chunk_key_encoding(const json& doc, V3CheckContext& ctx) {
  auto it = doc.find("chunk_key_encoding");
  if (it == doc.end()) return;
  const std::string pointer = "/chunk_key_encoding";
  const Extension ext = parse_extension(*it);
  if (!check_v3_extension_form(*it, ext, pointer, "V3-ARR-008", ctx)) return;
  check_v3_must_understand_required(ext, "chunk_key_encoding", pointer, ctx);

  if (ext.name != "default" && ext.name != "v2") {
    ctx.emit("V3-ARR-008", v3_extension_name_pointer(ext, pointer), {{"value", brief(json(ext.name))}});
    check_v3_extension_name(ext, pointer, ctx);
    return;
  }
  if (ext.configuration == nullptr) return;  // both encodings have a default separator
  const std::string config_pointer = pointer_append(pointer, "configuration");
  for (const auto& [member, value] : ext.configuration->items()) {
    if (member != "separator") {
      ctx.emit("V3-ARR-008", pointer_append(config_pointer, member), {{"value", member_value(member, value)}});
    } else if (value != "/" && value != ".") {
      ctx.emit("V3-ARR-008", pointer_append(config_pointer, member), {{"value", brief(value)}});
    }
  }
}

void check_v3_storage_transformers(const json& doc, V3CheckContext& ctx) {
  auto it = doc.find("storage_transformers");
  if (it == doc.end()) return;
  const std::string pointer = "/storage_transformers";
  if (!it->is_array()) {
    ctx.emit("V3-ARR-015", pointer, {{"value", brief(*it)}});
    return;
  }
  // No storage transformer is defined by the core specification, so every entry is unknown.
  for (std::size_t i = 0; i < it->size(); ++i) {
    const auto entry_pointer = pointer_append(pointer, i);
    const Extension ext = parse_extension((*it)[i]);
    if (!check_v3_extension_form((*it)[i], ext, entry_pointer, "V3-EXT-001", ctx)) continue;
    report_v3_unknown_extension(ext, "storage transformer", entry_pointer, ctx);
  }
}

}  // namespace ozv
