// The Zarr v2 `dtype` member: a NumPy typestr ("<f8", "|S12", "<M8[ns]") or a structured
// description (a list of [name, dtype, optional shape] fields), parsed into a small model
// that the metadata checks and, later, the chunk decoder share.
//
// Parsing never throws for bad input: a dtype either yields a model (possibly with
// portability notes) or an error with the reason and where inside the dtype it was found.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ozv {

enum class V2Kind {
  boolean,       // b
  signed_int,    // i
  unsigned_int,  // u
  floating,      // f
  complex,       // c
  timedelta,     // m
  datetime,      // M
  bytes,         // S: fixed-length byte string
  unicode,       // U: fixed-length UCS4 string
  raw,           // V: opaque fixed-size bytes
  object,        // O: not in the spec; needs an object codec, has no fixed item size
  structured,    // a list of named fields
};

enum class V2ByteOrder { little, big, not_relevant };

struct V2Field;

struct V2DataType {
  V2Kind kind = V2Kind::raw;
  V2ByteOrder byte_order = V2ByteOrder::not_relevant;  // structured: not_relevant
  // Bytes per element. For "U" it is 4 * count (NumPy stores UCS4). For a structured type it
  // is the packed sum of its fields. 0 only for the object kind, whose elements have no fixed
  // size (the object codec serialises them).
  std::uint64_t item_size = 0;
  std::uint64_t count = 0;  // the number written in the typestr ("<U3" -> 3); 0 for structured
  std::string unit;         // m/M only: "ns", "25s"...; empty = generic (no unit given)
  std::vector<V2Field> fields;  // structured only, in declaration order
};

struct V2Field {
  std::string name;
  V2DataType type;
  std::vector<std::uint64_t> shape;  // subarray shape; empty for a scalar field
};

// Something to report about a dtype, located by a JSON pointer relative to the dtype value
// ("" = the dtype itself, "/1/1" = the type of its second field).
struct V2DtypeIssue {
  std::string pointer;
  std::string reason;
};

struct V2DtypeResult {
  std::optional<V2DataType> type;  // absent when `error` is set
  std::optional<V2DtypeIssue> error;  // the first grammar violation found
  // Legal but not portable spellings ("<u1", "|f8", "|O", "<M8" without a unit, "<f16").
  // Only meaningful when `type` is present.
  std::vector<V2DtypeIssue> notes;
};

// Structured types may nest; deeper nesting than this is rejected rather than followed,
// so that untrusted metadata cannot drive unbounded recursion.
inline constexpr std::size_t kMaxV2DtypeNesting = 32;

V2DtypeResult parse_v2_dtype(const nlohmann::json& dtype);

}  // namespace ozv
