// Reading a v3 fill_value for a core data type, with the strict rules of
// data-types/index.rst ("Permitted fill values").
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "zarr/v3_data_type.hpp"

namespace ozv {

struct FillValue {
  bool valid = false;
  // When valid: the element as stored by the `bytes` codec with little-endian order
  // (item_size bytes; complex = real then imaginary; raw bits as written).
  std::vector<std::uint8_t> bytes;
  // When invalid and the problem lies in one element of an array fill value: its index
  // (1 for a bad imaginary part, 3 for the fourth raw byte). Absent: the value as a whole.
  std::optional<std::size_t> problem_element;
};

// Never throws; allocates at most item_size bytes, and only after the JSON has been seen
// to hold that many elements.
FillValue read_fill_value(const nlohmann::json& value, const DataType& type);

// What a valid fill_value looks like for `type`, for messages
// ("an integer from 0 to 65535 without fraction or exponent").
std::string fill_value_form(const DataType& type);

}  // namespace ozv
