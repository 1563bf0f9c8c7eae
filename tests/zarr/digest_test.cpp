// Known-answer tests for the two digests the chunk verifier and the corpus generator share:
// a wrong table entry or padding rule would make every shard look corrupt, or none.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "zarr/crc32c.hpp"
#include "zarr/sha256.hpp"

using namespace ozv;

TEST_CASE("crc32c known answers", "[digest]") {
  CHECK(crc32c("123456789") == 0xE3069283u);
  CHECK(crc32c(std::string(32, '\0')) == 0x8A9136AAu);
  CHECK(crc32c(std::string(32, '\xFF')) == 0x62A8AB43u);  // RFC 3720 B.4
  CHECK(crc32c("") == 0u);
}

TEST_CASE("crc32c: seeded pieces equal one shot, at every split and alignment", "[digest]") {
  std::string data;
  for (int i = 0; i < 100; ++i) data.push_back(static_cast<char>((i * 37 + 11) & 0xFF));
  const std::uint32_t whole = crc32c(data);
  for (std::size_t split = 0; split <= data.size(); ++split) {
    const std::string_view view(data);
    CHECK(crc32c(view.substr(split), crc32c(view.substr(0, split))) == whole);
  }
  // The slicing loop and the byte loop must agree: compare against a bit-at-a-time CRC.
  for (std::size_t length = 0; length <= data.size(); ++length) {
    std::uint32_t crc = 0xFFFFFFFFu;
    for (std::size_t i = 0; i < length; ++i) {
      crc ^= static_cast<unsigned char>(data[i]);
      for (int bit = 0; bit < 8; ++bit) crc = (crc & 1u) ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
    }
    CHECK(crc32c(std::string_view(data).substr(0, length)) == ~crc);
  }
}

TEST_CASE("sha256 FIPS 180-4 vectors", "[digest]") {
  CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
        "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
}

TEST_CASE("sha256: a million 'a' in chunked updates of odd sizes", "[digest]") {
  const std::string expected = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";
  CHECK(sha256_hex(std::string(1000000, 'a')) == expected);
  for (std::size_t piece : {1u, 3u, 55u, 63u, 64u, 65u, 127u, 1000u, 99991u}) {
    Sha256 hash;
    std::size_t left = 1000000;
    const std::string block(piece, 'a');
    while (left > 0) {
      const std::size_t n = std::min(left, piece);
      hash.update(std::string_view(block).substr(0, n));
      left -= n;
    }
    CHECK(hash.hex_digest() == expected);
  }
}

TEST_CASE("sha256: hex_digest resets the object, padding boundaries", "[digest]") {
  Sha256 hash;
  hash.update("abc");
  CHECK(hash.hex_digest() == sha256_hex("abc"));
  CHECK(hash.hex_digest() == sha256_hex(""));
  // 55, 56 and 64 bytes straddle the one-or-two padding blocks decision.
  CHECK(sha256_hex(std::string(55, 'a')) == "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318");
  CHECK(sha256_hex(std::string(56, 'a')) == "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a");
  CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}
