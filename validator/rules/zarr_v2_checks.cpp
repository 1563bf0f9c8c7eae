#include "rules/zarr_v2_checks.hpp"

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "rules/check_util.hpp"
#include "zarr/checked_math.hpp"
#include "zarr/v2_dtype.hpp"
#include "zarr/v2_fill_value.hpp"

namespace ozv {

namespace {

using json = nlohmann::json;

// A hostile document can hold millions of unknown keys; a report needs only the first few.
constexpr std::size_t kMaxMemberFindings = 32;

// The codec ids registered by numcodecs (0.11 to 0.16). An id outside this list is most
// likely a typo or a third-party codec that ordinary readers do not have.
bool is_known_numcodecs_id(std::string_view id) {
  static constexpr std::array<std::string_view, 30> ids = {
      "adler32", "astype",   "base64",     "bitround",  "blosc",           "bz2",
      "categorize", "crc32", "crc32c",     "delta",     "fixedscaleoffset", "fletcher32",
      "gzip",    "jenkins_lookup3", "json2", "lz4",     "lzma",            "msgpack2",
      "packbits", "pcodec",  "pickle",     "quantize",  "shuffle",         "vlen-array",
      "vlen-bytes", "vlen-utf8", "zfpy",   "zlib",      "zstd",            "n5_wrapper"};
  for (auto known : ids) {
    if (known == id) return true;
  }
  return false;
}

void emit(Findings& out, const char* rule, const std::string& key, std::string pointer, Values values) {
  out.push_back(Finding{rule, {key, std::move(pointer)}, std::move(values)});
}

bool is_integer_2(const json& value) {
  if (value.is_number_unsigned()) return value.get<std::uint64_t>() == 2;
  return value.is_number_integer() && value.get<std::int64_t>() == 2;
}

// An integer >= `min` (min is 0 or 1); JSON floats such as 2.0 do not count.
std::optional<std::uint64_t> extent_at_least(const json& value, std::uint64_t min) {
  if (value.is_number_unsigned()) {
    auto v = value.get<std::uint64_t>();
    if (v >= min) return v;
    return std::nullopt;
  }
  if (value.is_number_integer()) {
    auto v = value.get<std::int64_t>();
    if (v >= 0 && static_cast<std::uint64_t>(v) >= min) return static_cast<std::uint64_t>(v);
  }
  return std::nullopt;
}

// Checks `shape` or `chunks`: a list of integers >= min. Reports the first offending element
// only (one finding per member is enough to fix it). Returns the extents when all are valid.
std::optional<std::vector<std::uint64_t>> check_extents(const json& doc, const char* member, std::uint64_t min,
                                                        const char* rule, const std::string& key, Findings& out) {
  auto it = doc.find(member);
  if (it == doc.end()) return std::nullopt;  // reported as missing by V2-ARR-001
  const std::string at = pointer_append("", member);
  if (!it->is_array()) {
    emit(out, rule, key, at, {{"value", brief(*it)}});
    return std::nullopt;
  }
  std::vector<std::uint64_t> extents;
  extents.reserve(it->size());  // bounded by the size of the parsed document
  for (std::size_t i = 0; i < it->size(); ++i) {
    auto extent = extent_at_least((*it)[i], min);
    if (!extent) {
      emit(out, rule, key, pointer_append(at, i), {{"value", brief((*it)[i])}});
      return std::nullopt;
    }
    extents.push_back(*extent);
  }
  return extents;
}

// V2-ARR-016: sizes that no 64-bit reader can represent. Computed with checked arithmetic, so
// a shape of [2^63-1, 2^63-1] costs two multiplications, not a loop over its chunks.
void check_sizes_fit(const std::vector<std::uint64_t>& shape, const std::vector<std::uint64_t>& chunks,
                     const std::optional<V2DataType>& type, const std::string& key, Findings& out) {
  std::vector<std::uint64_t> grid;
  grid.reserve(shape.size());
  for (std::size_t i = 0; i < shape.size(); ++i) grid.push_back(ceil_div(shape[i], chunks[i]));
  // Each grid extent is at most the shape extent, so the chunk count cannot overflow unless
  // the element count does; both are checked so that neither claim rests on that argument.
  if (!checked_product(shape)) {
    emit(out, "V2-ARR-016", key, "/shape", {{"quantity", "number of elements in the array"}});
  } else if (!checked_product(grid)) {
    emit(out, "V2-ARR-016", key, "/shape", {{"quantity", "number of chunks in the array"}});
  }
  auto per_chunk = checked_product(chunks);
  if (!per_chunk) {
    emit(out, "V2-ARR-016", key, "/chunks", {{"quantity", "number of elements in one chunk"}});
  } else if (type && type->item_size > 0 && !checked_mul(*per_chunk, type->item_size)) {
    emit(out, "V2-ARR-016", key, "/chunks", {{"quantity", "number of bytes in one chunk"}});
  }
}

// A codec object ("compressor" or one "filters" entry) must have a string "id".
// Returns false (after reporting under `rule`) when it does not.
bool check_codec_object(const json& codec, const std::string& at, const char* rule, const std::string& key,
                        Findings& out) {
  if (!codec.is_object()) {
    emit(out, rule, key, at, {{"value", brief(codec)}});
    return false;
  }
  auto id = codec.find("id");
  if (id == codec.end() || !id->is_string()) {
    emit(out, rule, key, pointer_append(at, "id"), {{"value", brief(codec)}});
    return false;
  }
  if (!is_known_numcodecs_id(id->get_ref<const std::string&>())) {
    emit(out, "V2-ARR-015", key, pointer_append(at, "id"), {{"id", brief(*id)}});
  }
  return true;
}

void check_compressor(const json& doc, const std::string& key, Findings& out) {
  auto it = doc.find("compressor");
  if (it == doc.end() || it->is_null()) return;
  check_codec_object(*it, "/compressor", "V2-ARR-008", key, out);
}

void check_filters(const json& doc, const std::string& key, Findings& out) {
  auto it = doc.find("filters");
  if (it == doc.end() || it->is_null()) return;
  if (!it->is_array()) {
    emit(out, "V2-ARR-009", key, "/filters", {{"value", brief(*it)}});
    return;
  }
  if (it->empty()) {
    emit(out, "V2-ARR-010", key, "/filters", {});
    return;
  }
  for (std::size_t i = 0; i < it->size(); ++i) {
    if (!check_codec_object((*it)[i], pointer_append("/filters", i), "V2-ARR-009", key, out)) return;
  }
}

void check_string_choice(const json& doc, const char* member, std::initializer_list<std::string_view> allowed,
                         const char* rule, const std::string& key, Findings& out) {
  auto it = doc.find(member);
  if (it == doc.end()) return;
  if (it->is_string()) {
    for (auto a : allowed) {
      if (a == it->get_ref<const std::string&>()) return;
    }
  }
  emit(out, rule, key, pointer_append("", member), {{"value", brief(*it)}});
}

std::optional<V2DataType> check_dtype(const json& doc, const std::string& key, Findings& out) {
  auto it = doc.find("dtype");
  if (it == doc.end()) return std::nullopt;
  auto parsed = parse_v2_dtype(*it);
  const std::string shown = brief(*it);
  if (parsed.error) {
    emit(out, "V2-ARR-006", key, "/dtype" + parsed.error->pointer, {{"dtype", shown}, {"reason", parsed.error->reason}});
    return std::nullopt;
  }
  for (const auto& note : parsed.notes) {
    emit(out, "V2-ARR-007", key, "/dtype" + note.pointer, {{"dtype", shown}, {"reason", note.reason}});
  }
  return parsed.type;
}

void check_fill_value(const json& doc, const std::optional<V2DataType>& type, const std::string& key,
                      Findings& out) {
  auto it = doc.find("fill_value");
  if (it == doc.end() || !type) return;  // nothing to check against without a valid dtype
  if (auto problem = v2_fill_value_problem(*it, *type)) {
    emit(out, "V2-ARR-013", key, "/fill_value" + problem->pointer,
         {{"fill_value", brief(*it)}, {"dtype", brief(doc.at("dtype"))}, {"reason", problem->reason}});
  }
}

constexpr std::array<std::string_view, 8> kRequiredArrayMembers = {
    "zarr_format", "shape", "chunks", "dtype", "compressor", "fill_value", "order", "filters"};

bool is_array_member(std::string_view name) {
  if (name == "dimension_separator") return true;
  for (auto m : kRequiredArrayMembers) {
    if (m == name) return true;
  }
  return false;
}

}  // namespace

void check_zarray(const nlohmann::json& doc, const std::string& key, Findings& out) {
  if (!doc.is_object()) {
    emit(out, "V2-JSON-001", key, "", {{"type", json_type_name(doc)}});
    return;
  }
  for (auto member : kRequiredArrayMembers) {
    if (!doc.contains(member)) emit(out, "V2-ARR-001", key, pointer_append("", member), {{"member", std::string(member)}});
  }
  if (auto it = doc.find("zarr_format"); it != doc.end() && !is_integer_2(*it)) {
    emit(out, "V2-ARR-002", key, "/zarr_format", {{"value", brief(*it)}});
  }
  auto shape = check_extents(doc, "shape", 0, "V2-ARR-003", key, out);
  auto chunks = check_extents(doc, "chunks", 1, "V2-ARR-004", key, out);
  {
    auto s = doc.find("shape");
    auto c = doc.find("chunks");
    if (s != doc.end() && c != doc.end() && s->is_array() && c->is_array() && s->size() != c->size()) {
      emit(out, "V2-ARR-005", key, "/chunks",
           {{"chunks_length", std::to_string(c->size())}, {"shape_length", std::to_string(s->size())}});
    }
  }
  auto type = check_dtype(doc, key, out);
  if (shape && chunks && shape->size() == chunks->size()) check_sizes_fit(*shape, *chunks, type, key, out);
  check_compressor(doc, key, out);
  check_filters(doc, key, out);
  check_string_choice(doc, "order", {"C", "F"}, "V2-ARR-011", key, out);
  check_string_choice(doc, "dimension_separator", {".", "/"}, "V2-ARR-012", key, out);
  check_fill_value(doc, type, key, out);

  std::size_t unknown = 0;
  for (const auto& [name, value] : doc.items()) {
    if (is_array_member(name)) continue;
    if (++unknown > kMaxMemberFindings) break;
    emit(out, "V2-ARR-014", key, pointer_append("", name), {{"member", name}});
  }
}

void check_zgroup(const nlohmann::json& doc, const std::string& key, Findings& out) {
  if (!doc.is_object()) {
    emit(out, "V2-JSON-001", key, "", {{"type", json_type_name(doc)}});
    return;
  }
  auto format = doc.find("zarr_format");
  if (format == doc.end()) {
    emit(out, "V2-GRP-001", key, "/zarr_format", {{"found", "no such member"}});
  } else if (!is_integer_2(*format)) {
    emit(out, "V2-GRP-001", key, "/zarr_format", {{"found", brief(*format)}});
  }
  std::size_t extra = 0;
  for (const auto& [name, value] : doc.items()) {
    if (name == "zarr_format") continue;
    if (++extra > kMaxMemberFindings) break;
    emit(out, "V2-GRP-002", key, pointer_append("", name), {{"member", name}});
  }
}

void check_zattrs(const nlohmann::json& doc, const std::string& key, Findings& out) {
  if (!doc.is_object()) emit(out, "V2-ATTR-001", key, "", {{"type", json_type_name(doc)}});
}

}  // namespace ozv
