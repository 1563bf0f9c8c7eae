// What the OME-NGFF walk learns about the arrays of label images, kept for the chunk pass
// (--checks chunks): which arrays hold label pixels, their declared data type, and the label
// values their image's `colors` and `properties` describe.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace ozv {

// An integer in the range of the eight label data types (int64 .. uint64). Sign and magnitude,
// so that every int64 and every uint64 value fits without a wider type; zero is never negative.
struct LabelValue {
  bool negative = false;
  std::uint64_t magnitude = 0;

  static LabelValue of_signed(std::int64_t v) {
    // The magnitude of INT64_MIN does not fit in int64: negate in unsigned arithmetic.
    return v < 0 ? LabelValue{true, ~static_cast<std::uint64_t>(v) + 1} : LabelValue{false, static_cast<std::uint64_t>(v)};
  }
  static LabelValue of_unsigned(std::uint64_t v) { return LabelValue{false, v}; }

  std::string text() const { return (negative ? "-" : "") + std::to_string(magnitude); }

  friend bool operator==(const LabelValue&, const LabelValue&) = default;
  friend std::strong_ordering operator<=>(const LabelValue& a, const LabelValue& b) {
    if (a.negative != b.negative) return a.negative ? std::strong_ordering::less : std::strong_ordering::greater;
    return a.negative ? b.magnitude <=> a.magnitude : a.magnitude <=> b.magnitude;
  }
};

// One multiscale level of a label image.
struct LabelArray {
  std::string prefix;      // the array's store prefix ("labels/cells/0")
  std::string key;         // its metadata document ("labels/cells/0/zarr.json")
  int zarr_format = 0;     // 3: OME-Zarr 0.5, 2: 0.4
  std::string data_type;   // as declared: v3 data_type ("uint16"), v2 dtype typestr ("<u2")
  std::string image_key;   // the label image's metadata document (holds `image-label`)
  // The `label-value`s of image-label.colors / .properties, sorted and unique; nullopt when
  // the list is absent (then there is nothing to compare against).
  std::optional<std::vector<LabelValue>> colors;
  std::optional<std::vector<LabelValue>> properties;
};

}  // namespace ozv
