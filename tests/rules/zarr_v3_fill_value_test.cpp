// V3-ARR-009: fill_value per data type (data-types/index.rst "Permitted fill values").
#include "zarr_v3_test_util.hpp"

using namespace v3test;

namespace {

json array_with(const std::string& data_type, const json& fill) {
  return with(with(array_doc(), "/data_type", data_type), "/fill_value", fill);
}

Hits fill_hits(const std::string& data_type, const char* fill_json) {
  INFO(data_type << " " << fill_json);
  return hits(array_with(data_type, json::parse(fill_json)));
}

const Hits kInvalid{"V3-ARR-009 /fill_value"};

}  // namespace

TEST_CASE("V3-ARR-009: integer fill values are JSON integers within range", "[zarr-v3][fill]") {
  for (const char* ok : {"0", "255"}) CHECK(fill_hits("uint8", ok).empty());
  for (const char* bad : {"256", "-1", "1.0", "1e3", "\"42\"", "null", "true", "[1]"}) {
    CHECK(fill_hits("uint8", bad) == kInvalid);
  }
  CHECK(fill_hits("int8", "-128").empty());
  CHECK(fill_hits("int8", "-129") == kInvalid);
  CHECK(fill_hits("int8", "128") == kInvalid);
  CHECK(fill_hits("int64", "9223372036854775807").empty());
  CHECK(fill_hits("int64", "-9223372036854775808").empty());
  CHECK(fill_hits("int64", "9223372036854775808") == kInvalid);
  CHECK(fill_hits("uint64", "18446744073709551615").empty());
  CHECK(fill_hits("uint64", "-1") == kInvalid);
  CHECK(fill_hits("uint32", "4294967296") == kInvalid);
  CHECK(value_of(array_with("uint8", 256), "expected") == "an integer from 0 to 255 without fraction or exponent");
  CHECK(value_of(array_with("int16", 1.5), "expected") ==
        "an integer from -32768 to 32767 without fraction or exponent");
}

TEST_CASE("V3-ARR-009: bool fill values are true or false", "[zarr-v3][fill]") {
  CHECK(fill_hits("bool", "true").empty());
  CHECK(fill_hits("bool", "false").empty());
  for (const char* bad : {"0", "1", "\"true\"", "null"}) CHECK(fill_hits("bool", bad) == kInvalid);
}

TEST_CASE("V3-ARR-009: float fill values", "[zarr-v3][fill]") {
  for (const char* ok : {"1.5", "0", "-3", "1e30", "\"NaN\"", "\"Infinity\"", "\"-Infinity\"", "\"0x7fc00000\"",
                         "\"0x7FC00001\""}) {
    CHECK(fill_hits("float32", ok).empty());
  }
  for (const char* bad : {"\"nan\"", "\"inf\"", "\"1.5\"", "null", "\"0x7fc0\"", "\"0x7fc0000g\"", "\"0X7fc00000\"",
                          "\"0x7ff8000000000000\"", "[1]"}) {
    CHECK(fill_hits("float32", bad) == kInvalid);
  }
  CHECK(fill_hits("float16", "\"0x7e00\"").empty());
  CHECK(fill_hits("float16", "\"0x7e000000\"") == kInvalid);
  CHECK(fill_hits("float64", "\"0x7ff8000000000000\"").empty());
  CHECK(value_of(array_with("float64", "nan"), "expected") ==
        "a number, \"NaN\", \"Infinity\", \"-Infinity\" or \"0x\" followed by 16 hex digits");
}

TEST_CASE("V3-ARR-009: complex fill values are [real, imaginary] pairs of floats", "[zarr-v3][fill]") {
  CHECK(fill_hits("complex64", "[1, 2]").empty());
  CHECK(fill_hits("complex64", "[\"-Infinity\", \"NaN\"]").empty());
  CHECK(fill_hits("complex128", "[0, \"0x7ff8000000000000\"]").empty());
  CHECK(fill_hits("complex64", "[1]") == kInvalid);
  CHECK(fill_hits("complex64", "[1, 2, 3]") == kInvalid);
  CHECK(fill_hits("complex64", "\"1+2j\"") == kInvalid);
  CHECK(fill_hits("complex64", "{\"re\": 1}") == kInvalid);
  CHECK(fill_hits("complex64", "[1, \"nan\"]") == Hits{"V3-ARR-009 /fill_value/1"});
  // A component of complex64 is a float32: 8 hex digits, not 16.
  CHECK(fill_hits("complex64", "[\"0x7ff8000000000000\", 0]") == Hits{"V3-ARR-009 /fill_value/0"});
  CHECK(value_of(array_with("complex64", json::parse("[1, null]")), "value") == "null");
}

TEST_CASE("V3-ARR-009: raw bits fill values are N/8 bytes", "[zarr-v3][fill]") {
  CHECK(fill_hits("r16", "[0, 255]").empty());
  CHECK(fill_hits("r16", "[0, 256]") == Hits{"V3-ARR-009 /fill_value/1"});
  CHECK(fill_hits("r16", "[-1, 0]") == Hits{"V3-ARR-009 /fill_value/0"});
  CHECK(fill_hits("r16", "[0]") == kInvalid);
  // The spec text says "length equal to <N>"; one entry per byte is what the type holds.
  CHECK(fill_hits("r16", "[0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0]") == kInvalid);
  CHECK(fill_hits("r16", "\"AAA=\"") == kInvalid);
  CHECK(value_of(array_with("r24", 0), "expected") == "an array of 3 integers from 0 to 255, one per byte");
}
