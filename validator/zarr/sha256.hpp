// SHA-256 (FIPS 180-4). The corpus generator records a digest of every file it writes (so a
// corpus can be checked byte for byte on another machine) and the validator's reports can
// fingerprint what they validated; both use this one implementation, with no crypto library.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace ozv {

// Incremental hashing for data that arrives in pieces (a shard read in ranges).
class Sha256 {
 public:
  Sha256();
  void update(std::string_view data);
  // The 64 lower-case hex digits of the digest. Finishes the hash: the object starts over
  // afterwards, as if newly constructed.
  std::string hex_digest();

 private:
  void compress(const unsigned char* block);

  std::array<std::uint32_t, 8> state_{};
  std::array<unsigned char, 64> buffer_{};
  std::size_t buffered_ = 0;
  std::uint64_t total_bytes_ = 0;
};

// One-shot: the hex digest of `data`.
std::string sha256_hex(std::string_view data);

}  // namespace ozv
