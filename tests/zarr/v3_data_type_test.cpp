#include <catch2/catch.hpp>

#include "zarr/v3_data_type.hpp"

using namespace ozv;

TEST_CASE("core data types: item size, kind, endianness", "[zarr-v3-model]") {
  auto u16 = find_core_data_type("uint16");
  REQUIRE(u16);
  CHECK(u16->item_size == 2);
  CHECK(u16->kind == DataTypeKind::unsigned_integer);
  CHECK(u16->endianness_applies);

  for (const char* single : {"bool", "int8", "uint8"}) {
    INFO(single);
    auto t = find_core_data_type(single);
    REQUIRE(t);
    CHECK(t->item_size == 1);
    CHECK(!t->endianness_applies);
  }
  auto c128 = find_core_data_type("complex128");
  REQUIRE(c128);
  CHECK(c128->item_size == 16);
  CHECK(c128->component_size() == 8);
  CHECK(c128->endianness_applies);
  CHECK(find_core_data_type("float16")->item_size == 2);
  CHECK(find_core_data_type("int64")->kind == DataTypeKind::signed_integer);
  CHECK(uint64_data_type() == *find_core_data_type("uint64"));
}

TEST_CASE("raw bits r<N>: N a positive multiple of 8, opaque bytes", "[zarr-v3-model]") {
  auto r24 = find_core_data_type("r24");
  REQUIRE(r24);
  CHECK(r24->item_size == 3);
  CHECK(r24->kind == DataTypeKind::raw_bits);
  CHECK(!r24->endianness_applies);
  CHECK(find_core_data_type("r8")->item_size == 1);
  CHECK(find_core_data_type("r9999999999999999992")->item_size == 1249999999999999999);
  for (const char* bad : {"r", "r0", "r12", "r08", "r-8", "r8x", "R8", "r99999999999999999999", "float", "UINT8", ""}) {
    INFO(bad);
    CHECK(!find_core_data_type(bad));
  }
}
