// "plate" rules (0.4 and 0.5, #plate-md): unique row and column names (the schemas' uniqueItems
// only catches identical objects), case-insensitive collisions, wells whose path, rowIndex and
// columnIndex agree with the row and column lists, unique acquisition ids, field_count and the
// per-object version.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>
#include <vector>

#include "rules/ngff_doc_context.hpp"

namespace ozv::ngff_doc {
namespace {

struct NameList {
  std::vector<std::optional<std::string>> by_index;  // nullopt: no string name at that index
  std::set<std::string> names;
};

std::string ascii_lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); });
  return text;
}

// Reads the `rows` or `columns` list and reports duplicate names and names that differ only by case.
NameList read_names(Context& ctx, const json* list, const std::string& pointer, const char* duplicate_rule,
                    const char* case_rule) {
  NameList result;
  if (list == nullptr || !list->is_array()) return result;
  std::map<std::string, std::string> by_folded;  // lower-case name -> first name seen
  for (std::size_t i = 0; i < list->size(); ++i) {
    const json* name = member((*list)[i], "name");
    if (name == nullptr || !name->is_string()) {
      result.by_index.emplace_back();
      continue;
    }
    const auto& text = name->get_ref<const std::string&>();
    result.by_index.emplace_back(text);
    const std::string name_pointer = pointer_append(pointer_append(pointer, i), "name");
    if (!result.names.insert(text).second) {
      ctx.report(duplicate_rule, name_pointer, {{"name", shown(text)}});
      continue;
    }
    const auto [it, inserted] = by_folded.emplace(ascii_lower(text), text);
    if (!inserted) ctx.report(case_rule, name_pointer, {{"name", shown(text)}, {"other", shown(it->second)}});
  }
  return result;
}

bool is_alnum(std::string_view text) {
  return !text.empty() &&
         std::all_of(text.begin(), text.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; });
}

// Checks one index member against its list and, when the path named a known entry, against the path.
void check_index(Context& ctx, const json& well, const std::string& well_pointer, const char* field,
                 const NameList& list, const char* range_rule, const std::optional<std::string>& path_part) {
  const json* value = member(well, field);
  if (value == nullptr) return;
  const auto index = index_value(*value);
  if (!index) return;  // negative or not an integer: the schema's
  const std::string pointer = pointer_append(well_pointer, field);
  if (*index >= static_cast<std::uint64_t>(list.by_index.size())) {
    ctx.report(range_rule, pointer, {{"index", std::to_string(*index)}, {"count", std::to_string(list.by_index.size())}});
    return;
  }
  const auto& name = list.by_index[static_cast<std::size_t>(*index)];
  if (path_part && name && *name != *path_part) {
    ctx.report("NGFF-PL-008", pointer,
               {{"member", field}, {"index", std::to_string(*index)}, {"name", shown(*name)}, {"part", shown(*path_part)}});
  }
}

void check_wells(Context& ctx, const json& wells, const std::string& pointer, const NameList& rows,
                 const NameList& columns, bool have_lists) {
  if (!wells.is_array()) return;
  for (std::size_t i = 0; i < wells.size(); ++i) {
    const json& well = wells[i];
    if (!well.is_object()) continue;
    const std::string well_pointer = pointer_append(pointer, i);
    std::optional<std::string> row_part;
    std::optional<std::string> column_part;
    const json* path = member(well, "path");
    if (path != nullptr && path->is_string() && have_lists) {
      const auto& text = path->get_ref<const std::string&>();
      const auto slash = text.find('/');
      // Only paths of the schema's shape "alnum/alnum"; anything else is the schema's pattern.
      if (slash != std::string::npos && is_alnum(std::string_view(text).substr(0, slash)) &&
          is_alnum(std::string_view(text).substr(slash + 1))) {
        const std::string row = text.substr(0, slash);
        const std::string column = text.substr(slash + 1);
        const bool row_ok = rows.names.count(row) != 0;
        const bool column_ok = columns.names.count(column) != 0;
        if (row_ok && column_ok) {
          row_part = row;
          column_part = column;
        } else {
          std::string detail;
          if (!row_ok && !column_ok && columns.names.count(row) != 0 && rows.names.count(column) != 0) {
            detail = "it names a column, then a row";
          } else if (!row_ok) {
            detail = shown(row) + " is not a row name";
          } else {
            detail = shown(column) + " is not a column name";
          }
          ctx.report("NGFF-PL-005", pointer_append(well_pointer, "path"), {{"path", shown(text)}, {"detail", detail}});
        }
      }
    }
    if (!have_lists) continue;
    check_index(ctx, well, well_pointer, "rowIndex", rows, "NGFF-PL-006", row_part);
    check_index(ctx, well, well_pointer, "columnIndex", columns, "NGFF-PL-007", column_part);
  }
}

void check_acquisitions(Context& ctx, const json& acquisitions, const std::string& pointer) {
  if (!acquisitions.is_array()) return;
  std::set<std::string> ids;
  for (std::size_t i = 0; i < acquisitions.size(); ++i) {
    const json* id = member(acquisitions[i], "id");
    if (id == nullptr) continue;
    const auto text = integer_text(*id);
    if (!text) continue;  // not an integer: the schema's
    if (!ids.insert(*text).second) {
      ctx.report("NGFF-PL-009", pointer_append(pointer_append(pointer, i), "id"), {{"id", *text}});
    }
  }
}

}  // namespace

void check_plate(Context& ctx, const json& plate, const std::string& pointer) {
  if (!plate.is_object()) return;
  check_object_version(ctx, plate, pointer, "NGFF-PL-011", "NGFF-PL-013");
  const json* row_list = member(plate, "rows");
  const json* column_list = member(plate, "columns");
  const NameList rows = read_names(ctx, row_list, pointer_append(pointer, "rows"), "NGFF-PL-001", "NGFF-PL-003");
  const NameList columns =
      read_names(ctx, column_list, pointer_append(pointer, "columns"), "NGFF-PL-002", "NGFF-PL-004");
  // Without both lists (the schema reports that) there is nothing to compare the wells with.
  const bool have_lists = row_list != nullptr && row_list->is_array() && column_list != nullptr && column_list->is_array();
  if (const json* wells = member(plate, "wells")) {
    check_wells(ctx, *wells, pointer_append(pointer, "wells"), rows, columns, have_lists);
  }
  if (const json* acquisitions = member(plate, "acquisitions")) {
    check_acquisitions(ctx, *acquisitions, pointer_append(pointer, "acquisitions"));
  }
  if (member(plate, "field_count") == nullptr) ctx.report("NGFF-PL-010", pointer_append(pointer, "field_count"), {});
}

}  // namespace ozv::ngff_doc
