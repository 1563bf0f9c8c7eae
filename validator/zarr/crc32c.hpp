// CRC-32C (Castagnoli), the checksum of the Zarr v3 `crc32c` codec (codecs/crc32c) and of
// shard indexes. It lives in the validator because the chunk verifier checks it over every
// shard it reads (GiBs), and the corpus generator writes it with the same function, so the
// two can never disagree on the polynomial, reflection or seeding.
#pragma once

#include <cstdint>
#include <string_view>

namespace ozv {

// CRC-32C of `data` (reflected polynomial 0x82F63B78, initial value and final XOR 0xFFFFFFFF).
// `seed` is the CRC of the bytes that came before, so crc32c(b, crc32c(a)) == crc32c(a + b);
// 0 starts a new checksum. "123456789" gives 0xE3069283.
std::uint32_t crc32c(std::string_view data, std::uint32_t seed = 0);

}  // namespace ozv
