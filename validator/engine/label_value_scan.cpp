#include "engine/label_value_scan.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <vector>

#include <nlohmann/json.hpp>

#include "rules/label_arrays_of.hpp"
#include "zarr/v2_dtype.hpp"
#include "zarr/v3_data_type.hpp"
#include "zarr/v3_float_bits.hpp"

namespace ozv {
namespace {

using Kind = LabelElementType::Kind;

std::optional<LabelElementType> v3_element_type(const std::string& name) {
  const auto type = find_core_data_type(name);
  if (!type) return std::nullopt;
  const auto size = static_cast<std::size_t>(type->item_size);
  switch (type->kind) {
    case DataTypeKind::boolean: return LabelElementType{Kind::boolean, size, false};
    case DataTypeKind::signed_integer: return LabelElementType{Kind::signed_integer, size, false};
    case DataTypeKind::unsigned_integer: return LabelElementType{Kind::unsigned_integer, size, false};
    case DataTypeKind::floating: return LabelElementType{Kind::floating, size, false};
    case DataTypeKind::complex_floating: return LabelElementType{Kind::complex_floating, size, false};
    case DataTypeKind::raw_bits: return std::nullopt;
  }
  return std::nullopt;
}

std::optional<LabelElementType> v2_element_type(const std::string& typestr) {
  const auto parsed = parse_v2_dtype(nlohmann::json(typestr));
  if (!parsed.type) return std::nullopt;
  const auto& t = *parsed.type;
  const auto size = static_cast<std::size_t>(t.item_size);
  const bool big = t.byte_order == V2ByteOrder::big;
  auto sized = [&](Kind kind, std::initializer_list<std::size_t> sizes) -> std::optional<LabelElementType> {
    if (std::find(sizes.begin(), sizes.end(), size) == sizes.end()) return std::nullopt;
    return LabelElementType{kind, size, big};
  };
  switch (t.kind) {
    case V2Kind::boolean: return sized(Kind::boolean, {1});
    case V2Kind::signed_int: return sized(Kind::signed_integer, {1, 2, 4, 8});
    case V2Kind::unsigned_int: return sized(Kind::unsigned_integer, {1, 2, 4, 8});
    case V2Kind::floating: return sized(Kind::floating, {2, 4, 8});
    case V2Kind::complex: return sized(Kind::complex_floating, {8, 16});
    default: return std::nullopt;
  }
}

// The `size` bytes at `p` as an unsigned number in the given byte order.
std::uint64_t load(const char* p, std::size_t size, bool big_endian) {
  std::uint64_t v = 0;
  for (std::size_t i = 0; i < size; ++i) {
    const auto byte = static_cast<std::uint64_t>(static_cast<unsigned char>(p[big_endian ? i : size - 1 - i]));
    v = (v << 8) | byte;
  }
  return v;
}

// Shortest text that reads back as `value` ("1.5", "nan", "-inf").
std::string number_text(double value) {
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
  return std::string(buffer, result.ptr);
}

std::string values_text(const std::vector<LabelValue>& values, std::size_t listed) {
  std::string text;
  for (std::size_t i = 0; i < values.size() && i < listed; ++i) text += (i == 0 ? "" : ", ") + values[i].text();
  if (values.size() > listed) text += ", ...";
  return text;
}

}  // namespace

std::optional<LabelElementType> label_element_type(const LabelArray& array) {
  if (array.data_type.empty()) return std::nullopt;
  return array.zarr_format == 3 ? v3_element_type(array.data_type) : v2_element_type(array.data_type);
}

LabelValueScan::LabelValueScan(LabelArray array, LabelElementType type, bool collect_values, LabelScanLimits limits)
    : array_(std::move(array)), type_(type), collect_values_(collect_values), limits_(limits) {}

bool LabelValueScan::keep_value(const LabelValue& value, Tally& tally) const {
  // Keep the smallest values: which ones are kept then does not depend on the chunk order.
  if (tally.values.size() >= limits_.max_distinct && !tally.values.empty() && *tally.values.rbegin() < value) {
    tally.truncated = true;
    return false;
  }
  if (!tally.values.insert(value).second || tally.values.size() <= limits_.max_distinct) return true;
  tally.values.erase(std::prev(tally.values.end()));
  tally.truncated = true;
  return true;
}

void LabelValueScan::scan(std::string_view data, const std::string& key, std::optional<LabelValue> ceiling,
                          Tally& tally) const {
  const std::size_t size = type_.size;
  const std::size_t count = data.size() / size;
  if (collect_values_ && size <= 2 && type_.is_integer()) {
    // One- and two-byte values: mark each bit pattern seen, then turn the marks into values;
    // noisy label images would otherwise cost a set insertion per pixel.
    std::vector<bool> seen(std::size_t{1} << (8 * size), false);
    for (std::size_t i = 0; i < count; ++i) seen[load(data.data() + i * size, size, type_.big_endian)] = true;
    const unsigned shift = static_cast<unsigned>(64 - 8 * size);
    for (std::size_t bits = 0; bits < seen.size(); ++bits) {
      if (!seen[bits]) continue;
      if (type_.kind == Kind::signed_integer) {
        keep_value(LabelValue::of_signed(static_cast<std::int64_t>(std::uint64_t{bits} << shift) >> shift), tally);
      } else {
        keep_value(LabelValue::of_unsigned(type_.kind == Kind::boolean ? bits != 0 : bits), tally);
      }
    }
    return;
  }
  // Values are gathered in bounded batches, each sorted once and merged in order: cheaper than
  // a set insertion per pixel, and a batch stops at the first value past the bound.
  constexpr std::size_t kBatch = std::size_t{1} << 16;
  std::vector<LabelValue> batch;
  auto flush = [&] {
    std::sort(batch.begin(), batch.end());
    batch.erase(std::unique(batch.begin(), batch.end()), batch.end());
    for (const auto& value : batch) {
      if (!keep_value(value, tally)) break;
    }
    batch.clear();
    if (tally.values.size() >= limits_.max_distinct && !tally.values.empty()) {
      ceiling = ceiling ? std::min(*ceiling, *tally.values.rbegin()) : *tally.values.rbegin();
    }
  };
  std::optional<LabelValue> previous;  // label images are runs of equal values: skip repeats cheaply
  auto keep = [&](const LabelValue& value) {
    if (!collect_values_ || value == previous) return;
    previous = value;
    if (ceiling && *ceiling < value) {  // never among the values kept: not worth sorting
      tally.truncated = true;
      return;
    }
    batch.push_back(value);
    if (batch.size() == kBatch) flush();
  };
  auto not_integer = [&](const std::string& text) {
    if (tally.not_integer++ == 0) {
      tally.example = text;
      tally.example_key = key;
    }
  };
  for (std::size_t i = 0; i < count; ++i) {
    const char* element = data.data() + i * size;
    switch (type_.kind) {
      case Kind::unsigned_integer:
        keep(LabelValue::of_unsigned(load(element, size, type_.big_endian)));
        break;
      case Kind::signed_integer: {
        const std::uint64_t bits = load(element, size, type_.big_endian);
        const unsigned shift = static_cast<unsigned>(64 - 8 * size);  // sign-extend from `size` bytes
        keep(LabelValue::of_signed(static_cast<std::int64_t>(bits << shift) >> shift));
        break;
      }
      case Kind::boolean:
        keep(LabelValue::of_unsigned(element[0] != 0 ? 1 : 0));
        break;
      case Kind::floating: {
        const double value = double_from_ieee_bits(load(element, size, type_.big_endian), static_cast<unsigned>(size));
        if (auto whole = label_value_of(value)) {
          keep(*whole);
        } else {
          not_integer(number_text(value));
        }
        break;
      }
      case Kind::complex_floating: {
        // Two floats, real then imaginary, each in the declared byte order.
        const std::size_t half = size / 2;
        const double real = double_from_ieee_bits(load(element, half, type_.big_endian), static_cast<unsigned>(half));
        const double imaginary = double_from_ieee_bits(load(element + half, half, type_.big_endian), static_cast<unsigned>(half));
        auto whole = imaginary == 0 ? label_value_of(real) : std::nullopt;
        if (whole) {
          keep(*whole);
        } else {
          not_integer(number_text(real) + (std::signbit(imaginary) ? "" : "+") + number_text(imaginary) + "j");
        }
        break;
      }
    }
  }
  flush();
}

void LabelValueScan::add_chunk(std::string_view data, const std::string& key) {
  // Values above the largest one kept so far, once the bound is reached, can never be kept.
  std::optional<LabelValue> ceiling;
  {
    std::lock_guard lock(mutex_);
    if (total_.values.size() >= limits_.max_distinct && !total_.values.empty()) ceiling = *total_.values.rbegin();
  }
  Tally chunk;
  scan(data, key, ceiling, chunk);  // outside the lock: the merge below is short
  std::lock_guard lock(mutex_);
  if (chunk.not_integer > 0 && (total_.not_integer == 0 || key < total_.example_key)) {
    total_.example = std::move(chunk.example);
    total_.example_key = key;
  }
  total_.not_integer += chunk.not_integer;
  total_.truncated = total_.truncated || chunk.truncated;
  for (const auto& value : chunk.values) {
    if (!keep_value(value, total_)) break;  // in order: the rest are larger still
  }
}

void LabelValueScan::report(Findings& out) const {
  std::lock_guard lock(mutex_);
  const Location at{array_.key, ""};
  if (total_.not_integer > 0) {
    out.push_back(Finding{array_.zarr_format == 3 ? "NGFF-LBL-070" : "NGFF-LBL-071",
                          at,
                          {{"count", std::to_string(total_.not_integer)},
                           {"data_type", array_.data_type},
                           {"example", total_.example},
                           {"chunk", total_.example_key}}});
  }
  if (!collect_values_) return;
  if (total_.truncated) {
    out.push_back(Finding{"NGFF-LBL-074", at, {{"limit", std::to_string(limits_.max_distinct)}}});
  }
  auto compare = [&](const std::optional<std::vector<LabelValue>>& listed, const char* rule, const char* list) {
    if (!listed) return;  // no such list: nothing to compare against
    std::vector<LabelValue> missing;
    std::set_difference(total_.values.begin(), total_.values.end(), listed->begin(), listed->end(),
                        std::back_inserter(missing));
    if (missing.empty()) return;
    out.push_back(Finding{rule,
                          at,
                          {{"count", std::to_string(missing.size())},
                           {"values", values_text(missing, limits_.values_listed)},
                           {"list", list},
                           {"image", array_.image_key}}});
  };
  compare(array_.colors, "NGFF-LBL-072", "colors");
  compare(array_.properties, "NGFF-LBL-073", "properties");
}

}  // namespace ozv
