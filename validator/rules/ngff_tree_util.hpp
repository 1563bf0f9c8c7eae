// Helpers shared by the ngff_tree_*.cpp checks (not part of the public interface).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/ngff_tree.hpp"

namespace ozv::ngff_tree {

// The member `name` of the group's NGFF object, or null.
const nlohmann::json* member(const GroupInfo& group, std::string_view name);
// The member `name` of `object` if it is an object, or null.
const nlohmann::json* member(const nlohmann::json* object, std::string_view name);

// The group's NGFF object pointer extended by the given tokens.
std::string pointer(const GroupInfo& group, std::initializer_list<std::string_view> tokens);

// One `datasets` entry of a multiscale, resolved against its group.
struct Level {
  std::size_t index = 0;
  std::string path_value;              // the `path` string as written
  std::string pointer;                 // JSON pointer of that `path` member
  std::optional<std::string> resolved;  // nullopt: leaves the root
  std::optional<ArrayInfo> array;       // nullopt: no array there
};

// The `datasets` of `multiscales[index]` whose `path` is a string (other entries are the
// document checks' business). Reads one array per entry.
std::vector<Level> read_levels(const GroupInfo& group, std::size_t multiscale_index, NgffTreeReader& reader);

// Number of `datasets` entries of multiscales[index], if that is an array.
std::optional<std::size_t> level_count(const GroupInfo& group, std::size_t multiscale_index);

// The axis names of a multiscale when `axes` is an array of objects with string names.
std::optional<std::vector<std::string>> axis_names(const nlohmann::json& multiscale);

// Describes what a path holds, for messages: "nothing", "an array", "a group without `well` metadata".
std::string describe_node(NgffTreeReader& reader, const std::string& path, std::string_view wanted_key);

// True when the group at `path` exists and has the NGFF key `wanted_key`; fills `found`.
bool group_with(NgffTreeReader& reader, const std::string& path, std::string_view wanted_key,
                std::optional<GroupInfo>& found);

// One of the eight integer types the 0.5 labels rule lists (v3 name, or v2 i/u typestr of 1/2/4/8 bytes).
bool is_integer_data_type(const ArrayInfo& array);

// The data type in a form where equal types compare equal ("|u1" and "<u1" are one type).
std::string canonical_data_type(const ArrayInfo& array);

// The pointer of the data type member of an array document ("/data_type" or "/dtype").
std::string data_type_pointer(const ArrayInfo& array);

// Joins a string list for a message: ["a", "b"] -> "[a, b]", cut at a bounded length.
std::string list_text(const std::vector<std::string>& items);

// Emits NGFF-VER-051 when `child_format` differs from `parent`'s Zarr format.
void check_zarr_format(const GroupInfo& parent, const std::string& child_key, int child_format, Findings& out);

}  // namespace ozv::ngff_tree
