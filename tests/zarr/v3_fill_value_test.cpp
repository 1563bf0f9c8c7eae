#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "zarr/v3_fill_value.hpp"
#include "zarr/v3_float_bits.hpp"

using namespace ozv;
using nlohmann::json;
using Bytes = std::vector<std::uint8_t>;

namespace {

FillValue read(const char* fill_json, const char* type) {
  auto t = find_core_data_type(type);
  REQUIRE(t);
  return read_fill_value(json::parse(fill_json), *t);
}

Bytes bytes_of(const char* fill_json, const char* type) {
  INFO(type << " " << fill_json);
  auto f = read(fill_json, type);
  REQUIRE(f.valid);
  CHECK(f.bytes.size() == find_core_data_type(type)->item_size);
  return f.bytes;
}

}  // namespace

TEST_CASE("fill values become the element's little-endian bytes", "[zarr-v3-model]") {
  CHECK(bytes_of("258", "uint16") == Bytes{0x02, 0x01});
  CHECK(bytes_of("-1", "int8") == Bytes{0xff});
  CHECK(bytes_of("-2", "int32") == Bytes{0xfe, 0xff, 0xff, 0xff});
  CHECK(bytes_of("true", "bool") == Bytes{0x01});
  CHECK(bytes_of("\"NaN\"", "float32") == Bytes{0x00, 0x00, 0xc0, 0x7f});
  CHECK(bytes_of("\"-Infinity\"", "float16") == Bytes{0x00, 0xfc});
  CHECK(bytes_of("1.0", "float64") == Bytes{0, 0, 0, 0, 0, 0, 0xf0, 0x3f});
  CHECK(bytes_of("1", "float64") == Bytes{0, 0, 0, 0, 0, 0, 0xf0, 0x3f});
  CHECK(bytes_of("\"0x7FC00001\"", "float32") == Bytes{0x01, 0x00, 0xc0, 0x7f});
  CHECK(bytes_of("[1, \"NaN\"]", "complex64") == Bytes{0x00, 0x00, 0x80, 0x3f, 0x00, 0x00, 0xc0, 0x7f});
  CHECK(bytes_of("[1, 2, 3]", "r24") == Bytes{1, 2, 3});
  CHECK(bytes_of("18446744073709551615", "uint64") == Bytes(8, 0xff));
}

TEST_CASE("invalid fill values name the offending element", "[zarr-v3-model]") {
  CHECK(!read("256", "uint8").valid);
  CHECK(!read("256", "uint8").problem_element);
  CHECK(read("[1, \"nan\"]", "complex64").problem_element == std::size_t{1});
  CHECK(read("[1, 2, 300]", "r24").problem_element == std::size_t{2});
  CHECK(!read("[1, 2]", "r24").problem_element);
  CHECK(!read("null", "float32").valid);
}

TEST_CASE("JSON numbers round to the nearest float, ties to even", "[zarr-v3-model]") {
  CHECK(ieee_bits_from_double(1.0, 2) == 0x3c00);
  CHECK(ieee_bits_from_double(-2.0, 2) == 0xc000);
  CHECK(ieee_bits_from_double(65504.0, 2) == 0x7bff);
  CHECK(ieee_bits_from_double(65519.0, 2) == 0x7bff);
  CHECK(ieee_bits_from_double(65520.0, 2) == 0x7c00);  // the tie rounds to even: infinity
  CHECK(ieee_bits_from_double(1e10, 2) == 0x7c00);
  CHECK(ieee_bits_from_double(-1e10, 2) == 0xfc00);
  CHECK(ieee_bits_from_double(std::ldexp(1.0, -24), 2) == 0x0001);  // smallest subnormal
  CHECK(ieee_bits_from_double(std::ldexp(1.0, -25), 2) == 0x0000);  // tie with 0: even
  CHECK(ieee_bits_from_double(std::ldexp(3.0, -25), 2) == 0x0002);  // 1.5 units: even is 2
  CHECK(ieee_bits_from_double(std::ldexp(1023.0, -24), 2) == 0x03ff);  // largest subnormal
  CHECK(ieee_bits_from_double(std::ldexp(2047.0, -25), 2) == 0x0400);  // rounds up to the smallest normal
  CHECK(ieee_bits_from_double(1.0 + std::ldexp(1.0, -11), 2) == 0x3c00);  // tie: even mantissa
  CHECK(ieee_bits_from_double(1.0 + std::ldexp(3.0, -11), 2) == 0x3c02);  // tie: up to even
  CHECK(ieee_bits_from_double(-0.0, 2) == 0x8000);
  CHECK(ieee_bits_from_double(1e-300, 2) == 0x0000);
  CHECK(ieee_bits_from_double(0.1, 4) == 0x3dcccccd);
  CHECK(ieee_bits_from_double(3.4028234663852886e38, 4) == 0x7f7fffff);  // FLT_MAX
  CHECK(ieee_bits_from_double(3.4028235677973366e38, 4) == 0x7f800000);  // halfway to 2^128: even is infinity
  CHECK(ieee_bits_from_double(3.4028235677973362e38, 4) == 0x7f7fffff);  // just below halfway
  CHECK(ieee_bits_from_double(1e300, 4) == 0x7f800000);
  CHECK(ieee_bits_from_double(std::ldexp(1.0, -149), 4) == 0x00000001);
  CHECK(ieee_bits_from_double(0.1, 8) == 0x3fb999999999999a);
  CHECK(ieee_quiet_nan_bits(2) == 0x7e00);
  CHECK(ieee_quiet_nan_bits(4) == 0x7fc00000);
  CHECK(ieee_quiet_nan_bits(8) == 0x7ff8000000000000);
  CHECK(ieee_infinity_bits(4, true) == 0xff800000);
}

TEST_CASE("fill value forms for messages", "[zarr-v3-model]") {
  CHECK(fill_value_form(*find_core_data_type("bool")) == "true or false");
  CHECK(fill_value_form(*find_core_data_type("int64")) ==
        "an integer from -9223372036854775808 to 9223372036854775807 without fraction or exponent");
  CHECK(fill_value_form(*find_core_data_type("uint64")) ==
        "an integer from 0 to 18446744073709551615 without fraction or exponent");
  CHECK(fill_value_form(*find_core_data_type("complex64")) ==
        "a two-element array [real, imaginary], each a number, \"NaN\", \"Infinity\", \"-Infinity\" or \"0x\" "
        "followed by 8 hex digits");
}

TEST_CASE("double_from_ieee_bits reads back every kind of pattern", "[v3][fill]") {
  for (unsigned size : {2u, 4u, 8u}) {
    CAPTURE(size);
    for (double value : {0.0, 1.0, -2.0, 0.5, 3.0, 1024.0, 6.103515625e-05 /* smallest normal binary16 */,
                         5.960464477539063e-08 /* smallest subnormal binary16 */}) {
      CAPTURE(value);
      CHECK(double_from_ieee_bits(ieee_bits_from_double(value, size), size) == value);
    }
    CHECK(std::isnan(double_from_ieee_bits(ieee_quiet_nan_bits(size), size)));
    CHECK(double_from_ieee_bits(ieee_infinity_bits(size, true), size) == -HUGE_VAL);
    CHECK(std::signbit(double_from_ieee_bits(ieee_bits_from_double(-0.0, size), size)));
  }
  CHECK(double_from_ieee_bits(0x3e00, 2) == 1.5);
  CHECK(double_from_ieee_bits(0x0001, 2) == std::ldexp(1.0, -24));
  CHECK(double_from_ieee_bits(0x3fc00000, 4) == 1.5);
  CHECK(double_from_ieee_bits(1, 4) == static_cast<double>(std::numeric_limits<float>::denorm_min()));
}
