#include "zarr/v2_dtype.hpp"

#include <array>
#include <set>
#include <string_view>

#include "finding/finding.hpp"
#include "zarr/checked_math.hpp"

namespace ozv {

namespace {

using json = nlohmann::json;

// Parse failures travel up as an issue; the top level turns the first one into the result.
struct Failure {
  V2DtypeIssue issue;
};

std::optional<V2Kind> kind_from_char(char c) {
  switch (c) {
    case 'b': return V2Kind::boolean;
    case 'i': return V2Kind::signed_int;
    case 'u': return V2Kind::unsigned_int;
    case 'f': return V2Kind::floating;
    case 'c': return V2Kind::complex;
    case 'm': return V2Kind::timedelta;
    case 'M': return V2Kind::datetime;
    case 'S': return V2Kind::bytes;
    case 'U': return V2Kind::unicode;
    case 'V': return V2Kind::raw;
    case 'O': return V2Kind::object;
    default: return std::nullopt;
  }
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Text from the document quoted in a reason, cut short so a hostile dtype cannot flood a report.
// The cut never splits a UTF-8 sequence, so the reason stays valid UTF-8.
std::string clip(std::string_view text) {
  constexpr std::size_t kMax = 24;
  if (text.size() <= kMax) return std::string(text);
  std::size_t cut = kMax;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0u) == 0x80u) --cut;
  return std::string(text.substr(0, cut)) + "...";
}

// One character of a typestr as shown in a reason; a lone byte of a multi-byte UTF-8
// character is not valid text on its own, so it is described instead.
std::string show_char(char c) {
  if (c >= 0x20 && c < 0x7F) return "'" + std::string(1, c) + "'";
  return "a non-ASCII or control character";
}

// NumPy's datetime units (https://numpy.org/doc/stable/reference/arrays.datetime.html);
// "μs" is the UTF-8 spelling NumPy also accepts for microseconds.
bool is_datetime_unit(std::string_view unit) {
  static constexpr std::array<std::string_view, 14> units = {
      "Y", "M", "W", "D", "h", "m", "s", "ms", "us", "\xce\xbcs", "ns", "ps", "fs", "as"};
  for (auto u : units) {
    if (u == unit) return true;
  }
  return false;
}

// "[25s]" without the brackets: an optional positive multiplier, then a unit.
std::optional<std::string> unit_problem(std::string_view inside) {
  std::size_t digits = 0;
  while (digits < inside.size() && is_digit(inside[digits])) ++digits;
  const auto multiplier = inside.substr(0, digits);
  const auto unit = inside.substr(digits);
  if (unit.empty()) return "the unit in brackets is empty or has no unit name";
  if (!is_datetime_unit(unit)) {
    return "'" + clip(unit) + "' is not a NumPy datetime unit (Y, M, W, D, h, m, s, ms, us, ns, ps, fs, as)";
  }
  if (!multiplier.empty() && multiplier.find_first_not_of('0') == std::string_view::npos) {
    return "the unit multiplier must not be zero";
  }
  if (multiplier.size() > 9) return "the unit multiplier is too large";
  return std::nullopt;
}

bool is_single_byte(V2Kind kind, std::uint64_t count) {
  switch (kind) {
    case V2Kind::boolean:
    case V2Kind::bytes:
    case V2Kind::raw:
    case V2Kind::object: return true;
    case V2Kind::signed_int:
    case V2Kind::unsigned_int: return count == 1;
    default: return false;
  }
}

// Checks the size digit string against the kind; fills item_size. Returns an error reason.
std::optional<std::string> size_problem(V2DataType& t, std::vector<std::string>& notes) {
  const auto n = t.count;
  switch (t.kind) {
    case V2Kind::boolean:
      if (n != 1) return "a boolean type must be 1 byte ('|b1')";
      break;
    case V2Kind::signed_int:
    case V2Kind::unsigned_int:
      if (n != 1 && n != 2 && n != 4 && n != 8) return "an integer type must be 1, 2, 4 or 8 bytes";
      break;
    case V2Kind::floating:
      if (n == 16) {
        notes.push_back("16-byte floats are NumPy's platform-dependent long double; zarr-python 3 and zarrs cannot read them");
      } else if (n != 2 && n != 4 && n != 8) {
        return "a floating point type must be 2, 4 or 8 bytes";
      }
      break;
    case V2Kind::complex:
      if (n == 32) {
        notes.push_back("32-byte complex numbers are NumPy's platform-dependent long double pair; zarr-python 3 and zarrs cannot read them");
      } else if (n != 8 && n != 16) {
        return "a complex type must be 8 or 16 bytes";
      }
      break;
    case V2Kind::timedelta:
    case V2Kind::datetime:
      if (n != 8) return "a datetime or timedelta type must be 8 bytes";
      break;
    case V2Kind::bytes:
    case V2Kind::unicode:
    case V2Kind::raw:
      if (n == 0) return "a fixed-length string or void type must have a length of at least 1";
      break;
    case V2Kind::object:
    case V2Kind::structured: break;
  }
  if (t.kind == V2Kind::unicode) {
    auto bytes = checked_mul(n, 4);  // NumPy stores one UCS4 code unit per character
    if (!bytes) return "the length is too large: its size in bytes does not fit in 64 bits";
    t.item_size = *bytes;
  } else if (t.kind != V2Kind::object) {
    t.item_size = n;
  }
  return std::nullopt;
}

// Parses a typestr such as "<f8", "|S12" or "<M8[ns]".
V2DataType parse_simple(std::string_view s, std::vector<std::string>& notes) {
  auto fail = [](std::string reason) { return Failure{{"", std::move(reason)}}; };
  if (s.empty()) throw fail("the dtype string is empty");

  V2DataType t;
  switch (s[0]) {
    case '<': t.byte_order = V2ByteOrder::little; break;
    case '>': t.byte_order = V2ByteOrder::big; break;
    case '|': t.byte_order = V2ByteOrder::not_relevant; break;
    default:
      if (kind_from_char(s[0])) throw fail("the byte order character ('<', '>' or '|') is missing");
      throw fail(show_char(s[0]) + " is not a byte order character ('<', '>' or '|')");
  }
  if (s.size() < 2) throw fail("the type character is missing after the byte order");
  auto kind = kind_from_char(s[1]);
  if (!kind) {
    throw fail(show_char(s[1]) + " is not a type character (b, i, u, f, c, m, M, S, U, V)");
  }
  t.kind = *kind;

  std::size_t pos = 2;
  const std::size_t digits_begin = pos;
  while (pos < s.size() && is_digit(s[pos])) {
    auto next = checked_mul(t.count, 10);
    if (next) next = checked_add(*next, static_cast<std::uint64_t>(s[pos] - '0'));
    if (!next) throw fail("the size does not fit in 64 bits");
    t.count = *next;
    ++pos;
  }
  const bool has_digits = pos > digits_begin;
  if (t.kind == V2Kind::object) {
    // NumPy spells the object type "|O"; the spec's kind list does not include it.
    if (has_digits && t.count != 8) throw fail("the object type 'O' takes no size");
    notes.push_back("the object type '|O' is not in the Zarr v2 spec; only readers with the matching object codec can read it");
  } else if (!has_digits) {
    throw fail("the size in bytes is missing after the type character");
  } else if (s[digits_begin] == '0' && pos - digits_begin > 1) {
    notes.push_back("the size is written with leading zeros");
  }

  if (pos < s.size()) {
    if (s[pos] != '[' || s.back() != ']') {
      throw fail("unexpected characters '" + clip(s.substr(pos)) + "' after the size");
    }
    if (t.kind != V2Kind::datetime && t.kind != V2Kind::timedelta) {
      throw fail("a unit in brackets is only allowed for datetime ('M') and timedelta ('m') types");
    }
    const auto inside = s.substr(pos + 1, s.size() - pos - 2);
    if (auto problem = unit_problem(inside)) throw fail(*problem);
    t.unit = std::string(inside);
  } else if (t.kind == V2Kind::datetime || t.kind == V2Kind::timedelta) {
    notes.push_back("datetime and timedelta types must name their unit in brackets (e.g. '<M8[ns]'); without one NumPy uses a generic unit");
  }

  if (auto problem = size_problem(t, notes)) throw fail(*problem);

  // zarr-python and NumPy write '|' for single-byte types and '<' or '>' for the others;
  // other spellings are legal NumPy but rejected by zarr-python 3.
  const bool single = is_single_byte(t.kind, t.count);
  if (single && t.byte_order != V2ByteOrder::not_relevant) {
    notes.push_back("single-byte types are written with byte order '|' (e.g. '|u1'); zarr-python 3 rejects other spellings");
  } else if (!single && t.byte_order == V2ByteOrder::not_relevant) {
    notes.push_back("a multi-byte type needs byte order '<' or '>'; with '|' the byte order of the data is unspecified");
  }
  return t;
}

V2DataType parse_any(const json& dtype, std::size_t depth, std::vector<V2DtypeIssue>& notes);

// Parses a structured type: a list of [name, dtype] or [name, dtype, shape] fields.
V2DataType parse_structured(const json& list, std::size_t depth, std::vector<V2DtypeIssue>& notes) {
  if (depth >= kMaxV2DtypeNesting) {
    throw Failure{{"", "structured types are nested more than " + std::to_string(kMaxV2DtypeNesting) +
                           " levels deep"}};
  }
  if (list.empty()) throw Failure{{"", "a structured type must have at least one field"}};

  V2DataType t;
  t.kind = V2Kind::structured;
  std::set<std::string> names;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& entry = list[i];
    const std::string at = pointer_append("", i);
    if (!entry.is_array() || entry.size() < 2 || entry.size() > 3) {
      throw Failure{{at, "each field must be a list [name, dtype] or [name, dtype, shape]"}};
    }
    if (!entry[0].is_string()) throw Failure{{pointer_append(at, 0), "the field name must be a string"}};
    V2Field field;
    field.name = entry[0].get<std::string>();
    // NumPy describes padding as fields named "", which may repeat; real names must be unique.
    if (!field.name.empty() && !names.insert(field.name).second) {
      throw Failure{{pointer_append(at, 0), "the field name '" + clip(field.name) + "' occurs more than once"}};
    }
    try {
      std::vector<V2DtypeIssue> inner;
      field.type = parse_any(entry[1], depth + 1, inner);
      for (auto& note : inner) notes.push_back({pointer_append(at, 1) + note.pointer, std::move(note.reason)});
    } catch (Failure& f) {
      f.issue.pointer = pointer_append(at, 1) + f.issue.pointer;
      throw;
    }
    std::uint64_t elements = 1;
    if (entry.size() == 3) {
      const auto& shape = entry[2];
      const std::string shape_at = pointer_append(at, 2);
      if (!shape.is_array()) throw Failure{{shape_at, "the field shape must be a list of integers"}};
      for (std::size_t k = 0; k < shape.size(); ++k) {
        const auto& extent = shape[k];
        if (!extent.is_number_unsigned() && !(extent.is_number_integer() && extent.get<std::int64_t>() >= 0)) {
          throw Failure{{pointer_append(shape_at, k), "a field shape extent must be an integer >= 0"}};
        }
        field.shape.push_back(extent.get<std::uint64_t>());
      }
      auto product = checked_product(field.shape);
      if (!product) throw Failure{{shape_at, "the field shape's element count does not fit in 64 bits"}};
      elements = *product;
    }
    auto bytes = checked_mul(field.type.item_size, elements);
    if (bytes) bytes = checked_add(t.item_size, *bytes);
    if (!bytes) throw Failure{{at, "the structured type's size in bytes does not fit in 64 bits"}};
    t.item_size = *bytes;
    t.fields.push_back(std::move(field));
  }
  return t;
}

V2DataType parse_any(const json& dtype, std::size_t depth, std::vector<V2DtypeIssue>& notes) {
  if (dtype.is_string()) {
    std::vector<std::string> reasons;
    auto t = parse_simple(dtype.get_ref<const std::string&>(), reasons);
    for (auto& r : reasons) notes.push_back({"", std::move(r)});
    return t;
  }
  if (dtype.is_array()) return parse_structured(dtype, depth, notes);
  throw Failure{{"", "a dtype must be a string (simple type) or a list of fields (structured type)"}};
}

}  // namespace

V2DtypeResult parse_v2_dtype(const nlohmann::json& dtype) {
  V2DtypeResult result;
  try {
    result.type = parse_any(dtype, 0, result.notes);
  } catch (Failure& f) {
    result.error = std::move(f.issue);
    result.notes.clear();
  }
  return result;
}

}  // namespace ozv
