// "axes" rules (0.4 and 0.5, #axes-md and #multiscale-md): unique names, the type and unit
// recommendations, and the count and order of axis types, which the schemas express only in
// part (their `contains` counts unclassified axes as space, and many engines ignore minContains).
#include <algorithm>
#include <array>
#include <set>

#include "rules/ngff_doc_context.hpp"

namespace ozv::ngff_doc {
namespace {

// UDUNITS-2 names the spec recommends, sorted for binary search.
constexpr std::array<std::string_view, 26> space_units = {
    "angstrom",  "attometer",  "centimeter", "decimeter",  "exameter",   "femtometer", "foot",
    "gigameter", "hectometer", "inch",       "kilometer",  "megameter",  "meter",      "micrometer",
    "mile",      "millimeter", "nanometer",  "parsec",     "petameter",  "picometer",  "terameter",
    "yard",      "yoctometer", "yottameter", "zeptometer", "zettameter"};
constexpr std::array<std::string_view, 23> time_units = {
    "attosecond",  "centisecond", "day",        "decisecond",  "exasecond",   "femtosecond",
    "gigasecond",  "hectosecond", "hour",       "kilosecond",  "megasecond",  "microsecond",
    "millisecond", "minute",      "nanosecond", "petasecond",  "picosecond",  "second",
    "terasecond",  "yoctosecond", "yottasecond", "zeptosecond", "zettasecond"};

static_assert(std::is_sorted(space_units.begin(), space_units.end()));
static_assert(std::is_sorted(time_units.begin(), time_units.end()));

// The three slots of the type order: time, then channel-or-custom (a missing type is the
// text's "null" type, erratum E5), then space.
enum class Slot { time = 0, other = 1, space = 2 };

struct AxisInfo {
  std::size_t index;
  std::string name;       // "" when absent or not a string
  std::string type;       // "" when absent
  Slot slot;
};

std::string_view slot_name(Slot slot) {
  switch (slot) {
    case Slot::time: return "time";
    case Slot::space: return "space";
    default: return "channel or custom";
  }
}

std::string type_text(const AxisInfo& axis) { return axis.type.empty() ? "(none)" : shown(axis.type); }

void check_unit(Context& ctx, const json& axis, const AxisInfo& info, const std::string& pointer) {
  const bool space = info.slot == Slot::space;
  if (!space && info.slot != Slot::time) return;  // no unit list, and no physical unit, for the others
  const json* unit = member(axis, "unit");
  if (unit == nullptr) {
    // Only space and time axes: the spec's own examples leave channel axes without a unit,
    // and "the physical unit of this dimension" has no meaning for them.
    ctx.report("NGFF-AX-004", pointer_append(pointer, "unit"), {{"name", shown(info.name)}, {"type", info.type}});
    return;
  }
  if (!unit->is_string()) return;  // the schema's
  const auto& text = unit->get_ref<const std::string&>();
  const bool known = space ? std::binary_search(space_units.begin(), space_units.end(), std::string_view(text))
                           : std::binary_search(time_units.begin(), time_units.end(), std::string_view(text));
  if (!known) {
    ctx.report("NGFF-AX-005", pointer_append(pointer, "unit"), {{"unit", shown(text)}, {"type", info.type}});
  }
}

}  // namespace

void check_axes(Context& ctx, const json& axes, const std::string& pointer) {
  if (!axes.is_array() || axes.empty()) return;  // the schema reports the type and minItems
  std::vector<AxisInfo> classified;  // the axes that take part in the count and order rules
  std::set<std::string> names;
  for (std::size_t i = 0; i < axes.size(); ++i) {
    const json& axis = axes[i];
    if (!axis.is_object()) continue;
    const std::string axis_pointer = pointer_append(pointer, i);
    AxisInfo info{i, "", "", Slot::other};
    if (const json* name = member(axis, "name"); name != nullptr && name->is_string()) {
      info.name = name->get<std::string>();
      if (!names.insert(info.name).second) {
        ctx.report("NGFF-AX-001", pointer_append(axis_pointer, "name"), {{"name", shown(info.name)}});
      }
    }
    const json* type = member(axis, "type");
    if (type == nullptr) {
      ctx.report("NGFF-AX-002", pointer_append(axis_pointer, "type"), {{"name", shown(info.name)}});
    } else if (!type->is_string()) {
      continue;  // the schema rejects it; counting it in any slot would guess
    } else {
      info.type = type->get<std::string>();
      if (info.type == "space") {
        info.slot = Slot::space;
      } else if (info.type == "time") {
        info.slot = Slot::time;
      } else if (info.type != "channel") {
        ctx.report("NGFF-AX-003", pointer_append(axis_pointer, "type"), {{"type", shown(info.type)}});
      }
    }
    check_unit(ctx, axis, info, axis_pointer);
    classified.push_back(std::move(info));
  }

  std::size_t space = 0;
  std::size_t time = 0;
  std::size_t other = 0;
  Slot highest = Slot::time;
  for (const auto& axis : classified) {
    const std::string axis_pointer = pointer_append(pointer, axis.index);
    if (axis.slot == Slot::time && ++time > 1) {
      ctx.report("NGFF-AX-007", axis_pointer, {{"name", shown(axis.name)}});
    }
    if (axis.slot == Slot::other && ++other > 1) {
      ctx.report("NGFF-AX-008", axis_pointer, {{"name", shown(axis.name)}, {"type", type_text(axis)}});
    }
    if (axis.slot == Slot::space) ++space;
    if (axis.slot < highest) {
      ctx.report("NGFF-AX-009", axis_pointer,
                 {{"name", shown(axis.name)}, {"slot", std::string(slot_name(axis.slot))},
                  {"previous", std::string(slot_name(highest))}});
    }
    highest = std::max(highest, axis.slot);
  }
  if (space < 2 || space > 3) ctx.report("NGFF-AX-006", pointer, {{"count", std::to_string(space)}});
}

}  // namespace ozv::ngff_doc
