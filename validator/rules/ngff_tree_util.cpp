#include "rules/ngff_tree_util.hpp"

#include <array>

#include "rules/check_util.hpp"
#include "zarr/v2_dtype.hpp"

namespace ozv::ngff_tree {

const nlohmann::json* member(const nlohmann::json* object, std::string_view name) {
  if (object == nullptr || !object->is_object()) return nullptr;
  auto it = object->find(std::string(name));
  return it == object->end() ? nullptr : &*it;
}

const nlohmann::json* member(const GroupInfo& group, std::string_view name) { return member(group.ome, name); }

std::string pointer(const GroupInfo& group, std::initializer_list<std::string_view> tokens) {
  std::string out = group.pointer_base;
  for (auto token : tokens) out = pointer_append(out, token);
  return out;
}

std::vector<Level> read_levels(const GroupInfo& group, std::size_t multiscale_index, NgffTreeReader& reader) {
  std::vector<Level> levels;
  const auto* multiscales = member(group, "multiscales");
  if (multiscales == nullptr || !multiscales->is_array() || multiscale_index >= multiscales->size()) return levels;
  const auto* datasets = member(&(*multiscales)[multiscale_index], "datasets");
  if (datasets == nullptr || !datasets->is_array()) return levels;
  const std::string datasets_pointer =
      pointer(group, {"multiscales", std::to_string(multiscale_index), "datasets"});
  for (std::size_t j = 0; j < datasets->size(); ++j) {
    const auto* path = member(&(*datasets)[j], "path");
    if (path == nullptr || !path->is_string()) continue;
    Level level;
    level.index = j;
    level.path_value = path->get<std::string>();
    level.pointer = pointer_append(pointer_append(datasets_pointer, j), "path");
    level.resolved = resolve_ngff_path(group.path, level.path_value);
    if (level.resolved) level.array = reader.array(*level.resolved);
    levels.push_back(std::move(level));
  }
  return levels;
}

std::optional<std::size_t> level_count(const GroupInfo& group, std::size_t multiscale_index) {
  const auto* multiscales = member(group, "multiscales");
  if (multiscales == nullptr || !multiscales->is_array() || multiscale_index >= multiscales->size()) {
    return std::nullopt;
  }
  const auto* datasets = member(&(*multiscales)[multiscale_index], "datasets");
  if (datasets == nullptr || !datasets->is_array()) return std::nullopt;
  return datasets->size();
}

std::optional<std::vector<std::string>> axis_names(const nlohmann::json& multiscale) {
  const auto* axes = member(&multiscale, "axes");
  if (axes == nullptr || !axes->is_array()) return std::nullopt;
  std::vector<std::string> names;
  for (const auto& axis : *axes) {
    const auto* name = member(&axis, "name");
    if (name == nullptr || !name->is_string()) return std::nullopt;
    names.push_back(name->get<std::string>());
  }
  return names;
}

std::string describe_node(NgffTreeReader& reader, const std::string& path, std::string_view wanted_key) {
  if (reader.array(path)) return "an array";
  if (auto g = reader.group(path)) {
    if (member(*g, wanted_key) != nullptr) return "a group with `" + std::string(wanted_key) + "` metadata";
    return "a group without `" + std::string(wanted_key) + "` metadata";
  }
  return "nothing";
}

bool group_with(NgffTreeReader& reader, const std::string& path, std::string_view wanted_key,
                std::optional<GroupInfo>& found) {
  found = reader.group(path);
  return found && member(*found, wanted_key) != nullptr;
}

bool is_integer_data_type(const ArrayInfo& array) {
  if (array.zarr_format == 3) {
    static constexpr std::array<std::string_view, 8> names = {"uint8", "int8",   "uint16", "int16",
                                                             "uint32", "int32", "uint64", "int64"};
    for (auto name : names) {
      if (array.data_type == name) return true;
    }
    return false;
  }
  const auto parsed = parse_v2_dtype(nlohmann::json(array.data_type));
  if (!parsed.type) return false;
  const auto& t = *parsed.type;
  const bool integer = t.kind == V2Kind::signed_int || t.kind == V2Kind::unsigned_int;
  return integer && (t.item_size == 1 || t.item_size == 2 || t.item_size == 4 || t.item_size == 8);
}

namespace {

// The Zarr v3 name of a little-endian (or byte-order-free) v2 numeric typestr ("<u2" ->
// "uint16"), so that levels stored in different Zarr formats compare by their data type;
// nullopt for anything else (big-endian, strings, structured types).
std::optional<std::string> v3_name_of_v2_dtype(const std::string& typestr) {
  if (typestr.size() < 3) return std::nullopt;
  const char kind = typestr[1];
  const std::string size = typestr.substr(2);
  const bool byte_order_free = size == "1";  // "|u1", "<u1" and ">u1" are one type
  if (typestr[0] != '<' && typestr[0] != '|' && !(typestr[0] == '>' && byte_order_free)) return std::nullopt;
  if (kind == 'b' && size == "1") return "bool";
  if ((kind == 'i' || kind == 'u') && (size == "1" || size == "2" || size == "4" || size == "8")) {
    return std::string(kind == 'i' ? "int" : "uint") + std::to_string(8 * std::stoi(size));
  }
  if (kind == 'f' && (size == "2" || size == "4" || size == "8")) return "float" + std::to_string(8 * std::stoi(size));
  if (kind == 'c' && (size == "8" || size == "16")) return "complex" + std::to_string(8 * std::stoi(size));
  return std::nullopt;
}

}  // namespace

std::string canonical_data_type(const ArrayInfo& array) {
  if (array.zarr_format == 3) return array.data_type;
  if (auto name = v3_name_of_v2_dtype(array.data_type)) return *name;
  const auto parsed = parse_v2_dtype(nlohmann::json(array.data_type));
  // Byte order means nothing for one-byte types ("|S1", "<S1", ">S1").
  if (parsed.type && parsed.type->item_size == 1 && !array.data_type.empty() &&
      (array.data_type[0] == '<' || array.data_type[0] == '>' || array.data_type[0] == '|')) {
    return "|" + array.data_type.substr(1);
  }
  return array.data_type;
}

std::string data_type_pointer(const ArrayInfo& array) { return array.zarr_format == 3 ? "/data_type" : "/dtype"; }

std::string list_text(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ", ";
    if (out.size() > 200) {  // a hostile list of a million names must not flood the report
      out += "...";
      break;
    }
    out += items[i].size() > 60 ? items[i].substr(0, 60) + "..." : items[i];
  }
  return out + "]";
}

void check_zarr_format(const GroupInfo& parent, const std::string& child_key, int child_format, Findings& out) {
  if (parent.zarr_format == 0 || child_format == 0 || parent.zarr_format == child_format) return;
  out.push_back({"NGFF-VER-051",
                 {child_key, "/zarr_format"},
                 {{"zarr_format", std::to_string(child_format)},
                  {"parent_zarr_format", std::to_string(parent.zarr_format)},
                  {"parent", parent.key}}});
}

}  // namespace ozv::ngff_tree
