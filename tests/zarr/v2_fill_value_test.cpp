// Zarr v2 fill values per dtype, and the strict Base64 decoder behind the byte-string rules.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "zarr/v2_dtype.hpp"
#include "zarr/v2_fill_value.hpp"

using nlohmann::json;

namespace {

struct FillCase {
  const char* dtype;    // JSON text
  const char* fill;     // JSON text
  const char* pointer;  // expected issue location; nullptr = valid
};

std::optional<ozv::V2FillValueIssue> check(const FillCase& c) {
  auto parsed = ozv::parse_v2_dtype(json::parse(c.dtype));
  REQUIRE(parsed.type);
  return ozv::v2_fill_value_problem(json::parse(c.fill), *parsed.type);
}

}  // namespace

TEST_CASE("v2 fill_value: what zarr-python 2.13 writes is accepted") {
  // Generated with python3-zarr 2.13.6 / numcodecs 0.11 (Debian bookworm).
  const FillCase cases[] = {
      {R"("<f8")", R"("NaN")", nullptr},
      {R"("<f4")", R"("-Infinity")", nullptr},
      {R"("<f4")", R"("Infinity")", nullptr},
      {R"("<c16")", "[1.0, 2.0]", nullptr},
      {R"("<c8")", R"(["NaN", "Infinity"])", nullptr},
      {R"("|b1")", "true", nullptr},
      {R"(">i2")", "-7", nullptr},
      {R"("|S4")", R"("YWI=")", nullptr},  // b"ab": NumPy strips the trailing NULs
      {R"("|S4")", R"("")", nullptr},      // the default fill of a byte string
      {R"("|V2")", R"("AQI=")", nullptr},
      {R"("<U3")", R"("ab")", nullptr},
      {R"("<U4")", R"("")", nullptr},
      {R"("<M8[s]")", "-9223372036854775808", nullptr},  // NaT
      {R"("<M8[ns]")", "0", nullptr},
      {R"([["a","<i4"],["b","<f8",[2,2]]])", "null", nullptr},
      {R"([["a","<i4"],["b","<f8",[2,2]]])", R"("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")", nullptr},
      {R"([["foo","<f4"],["bar",[["baz","<f4"],["qux","<i4"]]]])", R"("AAAAAAAAAAAAAAAA")", nullptr},
      {R"(">u8")", "18446744073709551615", nullptr},
      {R"("<f2")", "65504.0", nullptr},
      {R"("<f4")", "0.0", nullptr},
      {R"("<u2")", "0", nullptr},
      {R"("|O")", "0", nullptr},
      {R"("<f16")", "1.5", nullptr},
      {R"("<c32")", "[1.5, 0.0]", nullptr},
      {R"("<m8[25s]")", "0", nullptr},
  };
  for (const auto& c : cases) {
    INFO(c.dtype << " " << c.fill);
    auto issue = check(c);
    if (issue) FAIL_CHECK(issue->reason);
  }
}

TEST_CASE("v2 fill_value: null is allowed for every dtype") {
  for (const char* dtype : {R"("<f8")", R"("|b1")", R"("<i4")", R"("|S3")", R"("<U2")", R"("|V1")", R"("<M8[s]")",
                            R"("<c8")", R"([["a","|u1"]])"}) {
    INFO(dtype);
    CHECK_FALSE(check({dtype, "null", nullptr}));
  }
}

TEST_CASE("v2 fill_value: values that do not fit the dtype") {
  const FillCase cases[] = {
      // floats: only the three spellings of the special values
      {R"("<f8")", R"("nan")", ""},
      {R"("<f8")", R"("inf")", ""},
      {R"("<f8")", R"("1.5")", ""},
      {R"("<f8")", "true", ""},
      {R"("<f8")", "[1.0]", ""},
      {R"("<f4")", "1e39", ""},    // overflows float32
      {R"("<f2")", "65520", ""},   // rounds to infinity in float16
      {R"("<f2")", "18446744073709551615", ""},
      // integers: exact, in range for the size and signedness
      {R"("<i2")", "32768", ""},
      {R"("<i2")", "-32769", ""},
      {R"("|i1")", "128", ""},
      {R"("|u1")", "-1", ""},
      {R"("|u1")", "256", ""},
      {R"("<u4")", "4294967296", ""},
      {R"("<i8")", "9223372036854775808", ""},
      {R"("<u8")", "-1", ""},
      {R"("<i4")", "1.0", ""},
      {R"("<i4")", R"("1")", ""},
      // booleans
      {R"("|b1")", "1", ""},
      {R"("|b1")", R"("true")", ""},
      // complex: a pair of floats
      {R"("<c16")", "1.0", ""},
      {R"("<c16")", "[1.0, 2.0, 3.0]", ""},
      {R"("<c8")", R"([1.0, "nan"])", "/1"},
      {R"("<c8")", R"(["x", 1.0])", "/0"},
      {R"("<c8")", "[1e39, 0]", "/0"},
      // byte strings, void and structured: strict Base64 of the right length
      {R"("|S4")", R"("YWJjZGU=")", ""},  // 5 bytes
      {R"("|S4")", R"("YWI")", ""},       // unpadded
      {R"("|S4")", "0", ""},
      {R"("|V2")", R"("AQ==")", ""},      // 1 byte, V needs exactly 2
      {R"("|V2")", R"("AQID")", ""},      // 3 bytes
      {R"([["a","<i4"]])", R"("AAAA")", ""},  // 3 bytes for a 4-byte record
      {R"([["a","<i4"]])", "0", ""},
      // unicode strings: at most the declared number of characters
      {R"("<U3")", R"("abcd")", ""},
      {R"("<U3")", "3", ""},
      // datetimes: int64
      {R"("<M8[s]")", "9223372036854775808", ""},
      {R"("<M8[s]")", R"("NaT")", ""},
      {R"("<m8[s]")", "1.5", ""},
  };
  for (const auto& c : cases) {
    INFO(c.dtype << " " << c.fill);
    auto issue = check(c);
    REQUIRE(issue);
    CHECK(issue->pointer == c.pointer);
    CHECK_FALSE(issue->reason.empty());
  }
}

TEST_CASE("v2 fill_value: near misses at the range edges pass") {
  const FillCase cases[] = {
      {R"("<i2")", "32767", nullptr},
      {R"("<i2")", "-32768", nullptr},
      {R"("|u1")", "255", nullptr},
      {R"("<i8")", "9223372036854775807", nullptr},
      {R"("<i8")", "-9223372036854775808", nullptr},
      {R"("<f2")", "65519", nullptr},        // rounds to 65504
      {R"("<f4")", "3.4028234663852886e38", nullptr},
      {R"("<f8")", "1e308", nullptr},
      {R"("<f8")", "12", nullptr},           // an integer is a valid float value
      {R"("<U3")", "\"\xc3\xa4\xc3\xb6\xc3\xbc\"", nullptr},  // three characters, six bytes
      {R"("|S4")", R"("YWJjZA==")", nullptr},  // exactly 4 bytes
      {R"("|b1")", "false", nullptr},
      {R"("<M8[s]")", "9223372036854775807", nullptr},
  };
  for (const auto& c : cases) {
    INFO(c.dtype << " " << c.fill);
    CHECK_FALSE(check(c));
  }
}

TEST_CASE("strict Base64 decoding") {
  CHECK(ozv::decode_base64_strict("") == std::string());
  CHECK(ozv::decode_base64_strict("YQ==") == std::string("a"));
  CHECK(ozv::decode_base64_strict("YWI=") == std::string("ab"));
  CHECK(ozv::decode_base64_strict("YWJj") == std::string("abc"));
  CHECK(ozv::decode_base64_strict("AQI=") == std::string("\x01\x02"));
  CHECK(ozv::decode_base64_strict("/+8=") == std::string("\xff\xef"));
  CHECK(ozv::decode_base64_strict("AAAA") == std::string(3, '\0'));

  for (const char* bad : {"YR==",       // non-zero unused bits
                          "YWJ=",       // non-zero unused bits
                          "Y===", "====", "=YQ=", "Y=Q=",
                          "YQ==YQ==",   // padding in the middle
                          "YW I=", "YWI=\n", "YWI", "YW-=", "YW_=",
                          "\xc3\xa4" "AA"}) {
    INFO(bad);
    CHECK_FALSE(ozv::decode_base64_strict(bad));
  }
}
