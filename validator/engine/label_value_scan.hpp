// The pixels of one label array, looked at chunk by chunk during the chunk pass: values that
// are not integers (when the declared data type allows them), and with --check-labels the
// distinct values, compared at the end with the label values `colors` and `properties` list.
#pragma once

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>

#include "finding/finding.hpp"
#include "rules/label_array.hpp"

namespace ozv {

// How a label array's decoded elements are read. Decoded chunks hold C-order elements, little
// endian for Zarr v3; a v2 chunk keeps the byte order its dtype declares.
struct LabelElementType {
  enum class Kind { signed_integer, unsigned_integer, boolean, floating, complex_floating };
  Kind kind = Kind::unsigned_integer;
  std::size_t size = 1;  // bytes per element (complex: both parts)
  bool big_endian = false;

  bool is_integer() const { return kind != Kind::floating && kind != Kind::complex_floating; }
};

// nullopt for the data types whose elements are not numbers (strings, raw bits, datetimes,
// structured v2 dtypes, an unreadable type): their pixels are not looked at.
std::optional<LabelElementType> label_element_type(const LabelArray& array);

struct LabelScanLimits {
  // Distinct values collected per array; past it the smallest ones are kept (the same ones
  // whatever order the chunks come in) and NGFF-LBL-074 says the comparison is partial.
  std::size_t max_distinct = 65536;
  // Missing values named in one finding; the count covers them all.
  std::size_t values_listed = 20;
};

class LabelValueScan {
 public:
  // `collect_values`: --check-labels (compare with colors/properties).
  LabelValueScan(LabelArray array, LabelElementType type, bool collect_values, LabelScanLimits limits = {});

  // Whether scanning this array can report anything: an integer array without --check-labels
  // cannot, and is then not scanned at all.
  static bool worth_scanning(const LabelElementType& type, bool collect_values) {
    return collect_values || !type.is_integer();
  }

  // One decoded chunk, stored under `key`. Safe to call from several threads at once; the
  // findings do not depend on the order of the calls.
  void add_chunk(std::string_view data, const std::string& key);

  // NGFF-LBL-070/071 (values that are not integers), and with collect_values NGFF-LBL-072/073
  // (values missing from colors/properties) and NGFF-LBL-074 (too many distinct values).
  void report(Findings& out) const;

  const LabelArray& array() const { return array_; }

 private:
  struct Tally {
    std::uint64_t not_integer = 0;
    std::string example;      // the first value that is not an integer, in C order of ...
    std::string example_key;  // ... the chunk with the smallest key holding one
    std::set<LabelValue> values;
    bool truncated = false;
  };
  // `ceiling`: values above it are not kept (the bound is already full with smaller ones).
  void scan(std::string_view data, const std::string& key, std::optional<LabelValue> ceiling, Tally& tally) const;
  // false when `value` lies past the bound on distinct values (so do all larger ones).
  bool keep_value(const LabelValue& value, Tally& tally) const;

  LabelArray array_;
  LabelElementType type_;
  bool collect_values_;
  LabelScanLimits limits_;
  mutable std::mutex mutex_;
  Tally total_;
};

}  // namespace ozv
