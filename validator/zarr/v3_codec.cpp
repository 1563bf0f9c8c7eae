#include "zarr/v3_codec.hpp"

#include <array>

#include "zarr/checked_math.hpp"
#include "zarr/v3_json_integer.hpp"

namespace ozv {

namespace {

constexpr std::array<CodecInfo, 7> kCodecs{{
    {"bytes", CodecKind::array_to_bytes, true},
    {"transpose", CodecKind::array_to_array, true},
    {"gzip", CodecKind::bytes_to_bytes, false},
    {"blosc", CodecKind::bytes_to_bytes, false},
    {"zstd", CodecKind::bytes_to_bytes, false},
    {"crc32c", CodecKind::bytes_to_bytes, true},
    {"sharding_indexed", CodecKind::array_to_bytes, false},
}};

constexpr std::uint64_t kCrc32cSize = 4;  // the checksum appended by crc32c

// compute_encoded_representation_type for a known codec.
Representation encode(const CodecEntry& entry, const Representation& input) {
  if (entry.info == nullptr) return {};  // unknown codec: nothing is known after it
  if (entry.info->kind != CodecKind::array_to_array) return Representation::bytes();

  // transpose: same data type, B_shape[i] = A_shape[order[i]].
  if (!input.is_array()) return Representation::array(std::nullopt, std::nullopt);
  std::optional<std::vector<std::uint64_t>> shape;
  if (input.shape) {
    if (auto order = transpose_order(entry.extension.configuration, input.shape->size())) {
      shape.emplace();
      shape->reserve(order->size());
      for (auto axis : *order) shape->push_back((*input.shape)[axis]);
    }
  }
  return Representation::array(std::move(shape), input.data_type);
}

}  // namespace

std::string_view to_string(CodecKind kind) {
  switch (kind) {
    case CodecKind::array_to_array: return "array -> array";
    case CodecKind::array_to_bytes: return "array -> bytes";
    case CodecKind::bytes_to_bytes: return "bytes -> bytes";
  }
  return "";
}

const CodecInfo* find_codec(std::string_view name) {
  for (const auto& c : kCodecs) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

Representation Representation::array(std::optional<std::vector<std::uint64_t>> shape,
                                     std::optional<DataType> data_type) {
  Representation r;
  r.form = Form::array;
  r.shape = std::move(shape);
  r.data_type = std::move(data_type);
  return r;
}

Representation Representation::bytes() {
  Representation r;
  r.form = Form::bytes;
  return r;
}

CodecChain parse_codec_chain(const nlohmann::json& codecs, const Representation& input) {
  CodecChain chain;
  chain.input = input;
  if (!codecs.is_array()) return chain;
  chain.entries.reserve(codecs.size());
  Representation current = input;
  for (const auto& value : codecs) {
    CodecEntry entry;
    entry.extension = parse_extension(value);
    if (entry.extension.well_formed()) entry.info = find_codec(entry.extension.name);
    entry.input = current;
    entry.output = encode(entry, current);
    current = entry.output;
    chain.entries.push_back(std::move(entry));
  }
  return chain;
}

std::optional<std::vector<std::size_t>> transpose_order(const nlohmann::json* configuration,
                                                        std::optional<std::size_t> ndim) {
  if (configuration == nullptr || !configuration->is_object()) return std::nullopt;
  auto it = configuration->find("order");
  if (it == configuration->end() || !it->is_array()) return std::nullopt;
  const std::size_t n = it->size();
  if (ndim && *ndim != n) return std::nullopt;
  std::vector<std::size_t> order;
  std::vector<bool> seen(n, false);  // n entries exist in the document already
  order.reserve(n);
  for (const auto& e : *it) {
    auto axis = json_to_u64(e);
    if (!axis || *axis >= n || seen[*axis]) return std::nullopt;
    seen[*axis] = true;
    order.push_back(static_cast<std::size_t>(*axis));
  }
  return order;
}

std::optional<std::uint64_t> fixed_encoded_size(const CodecChain& chain) {
  if (!chain.input.is_array() || !chain.input.shape || !chain.input.data_type) return std::nullopt;
  auto elements = checked_product(*chain.input.shape);
  if (!elements) return std::nullopt;
  std::optional<std::uint64_t> bytes;  // set once the array -> bytes codec has run
  for (const auto& entry : chain.entries) {
    if (entry.info == nullptr || !entry.info->fixed_size) return std::nullopt;
    switch (entry.info->kind) {
      case CodecKind::array_to_array:  // transpose: same number of elements
        if (bytes) return std::nullopt;
        break;
      case CodecKind::array_to_bytes:  // bytes: every element at its item size
        if (bytes) return std::nullopt;
        bytes = checked_mul(*elements, chain.input.data_type->item_size);
        if (!bytes) return std::nullopt;
        break;
      case CodecKind::bytes_to_bytes:  // crc32c appends its checksum
        if (!bytes) return std::nullopt;
        bytes = checked_add(*bytes, kCrc32cSize);
        if (!bytes) return std::nullopt;
        break;
    }
  }
  return bytes;
}

}  // namespace ozv
