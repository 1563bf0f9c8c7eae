// The Zarr v2 dtype grammar: NumPy typestrs and structured descriptions.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "zarr/v2_dtype.hpp"

using nlohmann::json;
using ozv::V2ByteOrder;
using ozv::V2Kind;

namespace {

struct ValidCase {
  const char* dtype;  // JSON text
  V2Kind kind;
  V2ByteOrder order;
  std::uint64_t item_size;
  const char* unit;
};

struct InvalidCase {
  const char* dtype;    // JSON text
  const char* pointer;  // where the error is located, relative to the dtype
};

}  // namespace

TEST_CASE("v2 dtype: canonical types parse into the model without notes") {
  const ValidCase cases[] = {
      {R"("<f8")", V2Kind::floating, V2ByteOrder::little, 8, ""},
      {R"(">i2")", V2Kind::signed_int, V2ByteOrder::big, 2, ""},
      {R"("|b1")", V2Kind::boolean, V2ByteOrder::not_relevant, 1, ""},
      {R"("|u1")", V2Kind::unsigned_int, V2ByteOrder::not_relevant, 1, ""},
      {R"("|i1")", V2Kind::signed_int, V2ByteOrder::not_relevant, 1, ""},
      {R"("<u8")", V2Kind::unsigned_int, V2ByteOrder::little, 8, ""},
      {R"("<f2")", V2Kind::floating, V2ByteOrder::little, 2, ""},
      {R"(">c16")", V2Kind::complex, V2ByteOrder::big, 16, ""},
      {R"("<c8")", V2Kind::complex, V2ByteOrder::little, 8, ""},
      {R"("|S12")", V2Kind::bytes, V2ByteOrder::not_relevant, 12, ""},
      {R"("<U3")", V2Kind::unicode, V2ByteOrder::little, 12, ""},  // UCS4: 4 bytes per character
      {R"("|V2")", V2Kind::raw, V2ByteOrder::not_relevant, 2, ""},
      {R"("<M8[ns]")", V2Kind::datetime, V2ByteOrder::little, 8, "ns"},
      {R"("<m8[s]")", V2Kind::timedelta, V2ByteOrder::little, 8, "s"},
      {R"(">m8[25s]")", V2Kind::timedelta, V2ByteOrder::big, 8, "25s"},
      {"\"<M8[\xce\xbcs]\"", V2Kind::datetime, V2ByteOrder::little, 8, "\xce\xbcs"},
      {R"("<M8[Y]")", V2Kind::datetime, V2ByteOrder::little, 8, "Y"},
  };
  for (const auto& c : cases) {
    INFO(c.dtype);
    auto result = ozv::parse_v2_dtype(json::parse(c.dtype));
    REQUIRE(result.type);
    CHECK_FALSE(result.error);
    CHECK(result.notes.empty());
    CHECK(result.type->kind == c.kind);
    CHECK(result.type->byte_order == c.order);
    CHECK(result.type->item_size == c.item_size);
    CHECK(result.type->unit == c.unit);
  }
}

TEST_CASE("v2 dtype: structured types") {
  SECTION("fields with a subarray shape") {
    auto result = ozv::parse_v2_dtype(json::parse(R"([["a","<i4"],["b","<f8",[2,2]]])"));
    REQUIRE(result.type);
    CHECK(result.notes.empty());
    const auto& t = *result.type;
    CHECK(t.kind == V2Kind::structured);
    CHECK(t.item_size == 4 + 8 * 4);
    REQUIRE(t.fields.size() == 2);
    CHECK(t.fields[0].name == "a");
    CHECK(t.fields[0].type.kind == V2Kind::signed_int);
    CHECK(t.fields[0].shape.empty());
    CHECK(t.fields[1].name == "b");
    CHECK(t.fields[1].shape == std::vector<std::uint64_t>{2, 2});
  }
  SECTION("nested, as in the spec") {
    auto result = ozv::parse_v2_dtype(json::parse(R"([["foo","<f4"],["bar",[["baz","<f4"],["qux","<i4"]]]])"));
    REQUIRE(result.type);
    CHECK(result.type->item_size == 12);
    REQUIRE(result.type->fields.size() == 2);
    CHECK(result.type->fields[1].type.kind == V2Kind::structured);
    CHECK(result.type->fields[1].type.fields.size() == 2);
  }
  SECTION("the spec's rgb example: notes nothing") {
    auto result = ozv::parse_v2_dtype(json::parse(R"([["r","|u1"],["g","|u1"],["b","|u1"]])"));
    REQUIRE(result.type);
    CHECK(result.type->item_size == 3);
    CHECK(result.notes.empty());
  }
  SECTION("NumPy padding fields named \"\" may repeat") {
    auto result = ozv::parse_v2_dtype(json::parse(R"([["a","|u1"],["","|V3"],["b","<i4"],["","|V4"]])"));
    REQUIRE(result.type);
    CHECK(result.type->item_size == 12);
  }
  SECTION("a note inside a field is located there") {
    auto result = ozv::parse_v2_dtype(json::parse(R"([["a","<i4"],["b","<u1"]])"));
    REQUIRE(result.type);
    REQUIRE(result.notes.size() == 1);
    CHECK(result.notes[0].pointer == "/1/1");
  }
}

TEST_CASE("v2 dtype: legal but non-portable spellings parse with a note") {
  const char* cases[] = {
      R"("<M8")",   // no unit: the spec requires one, zarr-python treats it as generic
      R"("<m8")",
      R"("|O")",    // object: not in the spec
      R"("<u1")",   // single byte type with a byte order
      R"(">b1")",
      R"("<S4")",
      R"("|f8")",   // multi-byte type without a byte order
      R"("|U4")",
      R"("<f16")",  // platform-dependent long double
      R"("<c32")",
      R"("<i04")",  // leading zero
  };
  for (const char* text : cases) {
    INFO(text);
    auto result = ozv::parse_v2_dtype(json::parse(text));
    REQUIRE(result.type);
    CHECK_FALSE(result.error);
    CHECK(result.notes.size() == 1);
    if (!result.notes.empty()) CHECK(result.notes[0].pointer.empty());
  }
  auto object = ozv::parse_v2_dtype(json("|O"));
  REQUIRE(object.type);
  CHECK(object.type->kind == V2Kind::object);
  CHECK(object.type->item_size == 0);
  auto generic = ozv::parse_v2_dtype(json("<M8"));
  REQUIRE(generic.type);
  CHECK(generic.type->unit.empty());
}

TEST_CASE("v2 dtype: grammar violations are errors with a location") {
  std::string deep = R"("<i4")";
  for (int i = 0; i < 40; ++i) deep = R"([["f",)" + deep + "]]";
  const InvalidCase cases[] = {
      {R"("f8")", ""},      // byte order missing
      {R"("=f8")", ""},     // '=' is not a byte order
      {R"("<x4")", ""},     // unknown kind
      {R"("<i3")", ""},     // bad size
      {R"("|b2")", ""},
      {R"("<f3")", ""},
      {R"("<c4")", ""},
      {R"("<M4[s]")", ""},
      {R"("|S0")", ""},
      {R"("<U0")", ""},
      {R"("<f8[ns]")", ""},  // unit on a non-datetime kind
      {R"("<M8[xs]")", ""},  // unknown unit
      {R"("<M8[0s]")", ""},  // zero multiplier
      {R"("<M8[]")", ""},
      {R"("<M8[ns")", ""},
      {R"("<M8ns")", ""},
      {R"("<f8 ")", ""},
      {R"("")", ""},
      {R"("<")", ""},
      {R"("<f")", ""},
      {R"("|O4")", ""},
      {R"("|S99999999999999999999")", ""},    // size beyond 64 bits
      {R"("<U4611686018427387904")", ""},     // 4 * count beyond 64 bits
      {"5", ""},
      {"null", ""},
      {"{}", ""},
      {"[]", ""},
      {R"(["a","<i4"])", "/0"},                  // a field must be a list
      {R"([["a"]])", "/0"},
      {R"([["a","<i4",[1],1]])", "/0"},
      {R"([[1,"<i4"]])", "/0/0"},
      {R"([["a","<i4"],["a","<f8"]])", "/1/0"},  // duplicate name
      {R"([["a","<i4"],["b","<i3"]])", "/1/1"},
      {R"([["a",4]])", "/0/1"},
      {R"([["a","<i4",2]])", "/0/2"},
      {R"([["a","<i4",[2,-1]]])", "/0/2/1"},
      {R"([["a","<i4",[2.0]]])", "/0/2/0"},
      {R"([["a",[["b",[["c","<q4"]]]]]])", "/0/1/0/1/0/1"},
      {R"([["a","<i4",[4294967296,4294967296]]])", "/0/2"},  // subarray count overflows
      {R"([["a","|V9223372036854775807"],["b","|V9223372036854775807"],["c","|V9223372036854775807"]])", "/2"},
  };
  for (const auto& c : cases) {
    INFO(c.dtype);
    auto result = ozv::parse_v2_dtype(json::parse(c.dtype));
    CHECK_FALSE(result.type);
    REQUIRE(result.error);
    CHECK(result.error->pointer == c.pointer);
    CHECK_FALSE(result.error->reason.empty());
    CHECK(result.notes.empty());
  }
  SECTION("nesting is bounded instead of followed") {
    auto result = ozv::parse_v2_dtype(json::parse(deep));
    CHECK_FALSE(result.type);
    REQUIRE(result.error);
    CHECK(result.error->reason.find("nested") != std::string::npos);
  }
  SECTION("nesting up to the bound is fine") {
    std::string ok = R"("<i4")";
    for (std::size_t i = 0; i < ozv::kMaxV2DtypeNesting; ++i) ok = R"([["f",)" + ok + "]]";
    auto result = ozv::parse_v2_dtype(json::parse(ok));
    REQUIRE(result.type);
    CHECK(result.type->item_size == 4);
  }
}

TEST_CASE("v2 dtype: reasons quote the document briefly and as valid UTF-8") {
  auto long_tail = ozv::parse_v2_dtype(json("<f8" + std::string(100000, 'x')));
  REQUIRE(long_tail.error);
  CHECK(long_tail.error->reason.size() < 100);

  // A two-byte character straddling the cut must not be split.
  std::string straddle = "<M8[";
  straddle += std::string(23, 'a') + "\xce\xbc" + std::string(10, 'a') + "]";
  auto unit = ozv::parse_v2_dtype(json(straddle));
  REQUIRE(unit.error);
  CHECK(unit.error->reason.find('\xce') == std::string::npos);

  auto lone = ozv::parse_v2_dtype(json("<\xce\xbc" "8"));
  REQUIRE(lone.error);
  CHECK(lone.error->reason.find('\xce') == std::string::npos);
  CHECK(lone.error->reason.find('\xbc') == std::string::npos);

  auto name = ozv::parse_v2_dtype(json::array({json::array({std::string(1000, 'n'), "<i4"}),
                                               json::array({std::string(1000, 'n'), "<i4"})}));
  REQUIRE(name.error);
  CHECK(name.error->pointer == "/1/0");
  CHECK(name.error->reason.size() < 100);
}
