#include "corpus/array_element_format.hpp"

#include <algorithm>
#include <optional>

#include "chunks/element_ops.hpp"
#include "corpus/array_reader.hpp"
#include "zarr/v2_dtype.hpp"
#include "zarr/v2_fill_value.hpp"
#include "zarr/v3_data_type.hpp"
#include "zarr/v3_fill_value.hpp"

namespace ozv::corpus {
namespace {

// An element larger than this is no image pixel; refusing it bounds the swap list below.
constexpr std::uint64_t kMaxElementBytes = 1 << 16;

const nlohmann::json& member_or_null(const nlohmann::json& object, const char* name) {
  static const nlohmann::json null_value;
  if (!object.is_object()) return null_value;
  const auto it = object.find(name);
  return it == object.end() ? null_value : *it;
}

// The big-endian parts of one v2 element starting at `offset`, appended to `swaps`.
void append_swaps(const V2DataType& type, std::size_t offset, std::vector<std::pair<std::size_t, std::size_t>>& swaps) {
  if (type.kind == V2Kind::structured) {
    for (const auto& field : type.fields) {
      std::uint64_t count = 1;
      for (auto extent : field.shape) count *= extent;  // bounded: the struct's size is checked
      for (std::uint64_t k = 0; k < count; ++k) {
        append_swaps(field.type, offset, swaps);
        offset += static_cast<std::size_t>(field.type.item_size);
      }
    }
    return;
  }
  if (type.byte_order != V2ByteOrder::big) return;
  const auto size = static_cast<std::size_t>(type.item_size);
  switch (type.kind) {
    case V2Kind::complex:  // two floats, each in the dtype's byte order
      swaps.emplace_back(offset, size / 2);
      swaps.emplace_back(offset + size / 2, size / 2);
      break;
    case V2Kind::unicode:  // UCS4 code units
      for (std::size_t at = 0; at + 4 <= size; at += 4) swaps.emplace_back(offset + at, 4);
      break;
    case V2Kind::bytes:
    case V2Kind::raw:
    case V2Kind::boolean: break;
    default: swaps.emplace_back(offset, size);
  }
}

// The v3 core type a v2 numeric dtype stores exactly like, so its fill value reads the same way.
std::optional<DataType> v3_twin(const V2DataType& type) {
  const std::string bits = std::to_string(type.item_size * 8);
  switch (type.kind) {
    case V2Kind::boolean: return find_core_data_type("bool");
    case V2Kind::signed_int: return find_core_data_type("int" + bits);
    case V2Kind::unsigned_int: return find_core_data_type("uint" + bits);
    case V2Kind::floating: return find_core_data_type("float" + bits);
    case V2Kind::complex: return find_core_data_type("complex" + bits);
    case V2Kind::timedelta:
    case V2Kind::datetime: return find_core_data_type("int64");
    default: return std::nullopt;
  }
}

// UTF-8 text as UCS4 little-endian code units, padded with zeros to `size` bytes.
std::optional<Bytes> ucs4_little_endian(const std::string& text, std::size_t size) {
  Bytes out;
  for (std::size_t i = 0; i < text.size();) {
    const auto lead = static_cast<unsigned char>(text[i]);
    const std::size_t length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (i + length > text.size()) return std::nullopt;
    std::uint32_t code = length == 1 ? lead : lead & (0x3F >> (length - 1));
    for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
    for (int b = 0; b < 4; ++b) out += static_cast<char>((code >> (8 * b)) & 0xFF);
    i += length;
  }
  if (out.size() > size) return std::nullopt;
  out.resize(size, '\0');
  return out;
}

// The v2 fill value as one element in the dtype's own byte order for the Base64 kinds (the
// caller swaps), little-endian for the others.
Bytes v2_fill_element(const nlohmann::json& fill, const V2DataType& type) {
  const auto size = static_cast<std::size_t>(type.item_size);
  if (fill.is_null()) return Bytes(size, '\0');  // "no fill value": missing chunks read as zeros
  if (auto problem = v2_fill_value_problem(fill, type))
    throw ArrayReadError("fill_value " + fill.dump() + " cannot be read: " + problem->reason);
  if (type.kind == V2Kind::unicode) {
    auto bytes = ucs4_little_endian(fill.get<std::string>(), size);
    if (!bytes) throw ArrayReadError("fill_value " + fill.dump() + " is not a string this reader can store");
    return *bytes;
  }
  if (type.kind == V2Kind::bytes || type.kind == V2Kind::raw || type.kind == V2Kind::structured) {
    auto bytes = decode_base64_strict(fill.get<std::string>());
    if (!bytes || bytes->size() > size) throw ArrayReadError("fill_value " + fill.dump() + " is not Base64 of one element");
    bytes->resize(size, '\0');  // "S": a shorter string is padded with NULs
    return *bytes;
  }
  const auto twin = v3_twin(type);
  const FillValue value = twin ? read_fill_value(fill, *twin) : FillValue{};
  if (!value.valid || value.bytes.size() != size)
    throw ArrayReadError("fill_value " + fill.dump() + " is not supported for this dtype by the reader");
  return Bytes(value.bytes.begin(), value.bytes.end());
}

void apply_swaps(Bytes& data, std::size_t element_size, const std::vector<std::pair<std::size_t, std::size_t>>& swaps) {
  for (std::size_t at = 0; at + element_size <= data.size(); at += element_size) {
    for (const auto& [offset, length] : swaps) {
      auto begin = data.begin() + static_cast<std::ptrdiff_t>(at + offset);
      std::reverse(begin, begin + static_cast<std::ptrdiff_t>(length));
    }
  }
}

}  // namespace

void ArrayElementFormat::to_c_order_little_endian(Bytes& data, const std::vector<std::uint64_t>& chunk_shape) const {
  if (fortran_order && chunk_shape.size() > 1) {
    // Column-major data of shape (a, b, c) is row-major data of shape (c, b, a).
    std::vector<std::size_t> reversed(chunk_shape.size());
    for (std::size_t i = 0; i < reversed.size(); ++i) reversed[i] = reversed.size() - 1 - i;
    data = untranspose(data, chunk_shape, element_size, reversed);
  }
  if (swaps.size() == 1 && swaps[0].first == 0 && swaps[0].second == element_size) {
    swap_units(data, element_size);
  } else if (!swaps.empty()) {
    apply_swaps(data, element_size, swaps);
  }
}

ArrayElementFormat v2_element_format(const nlohmann::json& zarray) {
  const auto parsed = parse_v2_dtype(member_or_null(zarray, "dtype"));
  if (!parsed.type) {
    throw ArrayReadError("dtype " + member_or_null(zarray, "dtype").dump() + " cannot be read" +
                         (parsed.error ? ": " + parsed.error->reason : std::string()));
  }
  const V2DataType& type = *parsed.type;
  if (type.item_size == 0 || type.item_size > kMaxElementBytes)
    throw ArrayReadError("dtype " + member_or_null(zarray, "dtype").dump() + " has no fixed item size this reader supports");
  ArrayElementFormat format;
  format.element_size = static_cast<std::size_t>(type.item_size);
  const auto& order = member_or_null(zarray, "order");
  if (order != "C" && order != "F") throw ArrayReadError("order " + order.dump() + " is neither \"C\" nor \"F\"");
  format.fortran_order = order == "F";
  append_swaps(type, 0, format.swaps);
  format.fill_element = v2_fill_element(member_or_null(zarray, "fill_value"), type);
  // Base64 fill values are raw elements in the dtype's byte order, like the stored chunks.
  if (type.kind == V2Kind::structured || type.kind == V2Kind::raw) apply_swaps(format.fill_element, format.element_size, format.swaps);
  return format;
}

ArrayElementFormat v3_element_format(const nlohmann::json& zarr_json) {
  const auto& name = member_or_null(zarr_json, "data_type");
  const auto type = name.is_string() ? find_core_data_type(name.get<std::string>()) : std::nullopt;
  if (!type) throw ArrayReadError("data_type " + name.dump() + " is not a core data type this reader knows");
  const auto& fill = member_or_null(zarr_json, "fill_value");
  const FillValue value = read_fill_value(fill, *type);
  if (!value.valid) throw ArrayReadError("fill_value " + fill.dump() + " is not valid for " + type->name);
  ArrayElementFormat format;
  format.element_size = static_cast<std::size_t>(type->item_size);
  format.fill_element.assign(value.bytes.begin(), value.bytes.end());
  return format;
}

}  // namespace ozv::corpus
