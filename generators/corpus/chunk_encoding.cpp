#include "corpus/chunk_encoding.hpp"

#include "encode/v2_chunk.hpp"
#include "encode/v3_chunk.hpp"

namespace ozv::corpus {

Bytes encode_v2(const nlohmann::json& zarray, const Bytes& chunk) { return encode::encode_v2_chunk(zarray, chunk); }

Bytes encode_v3(const nlohmann::json& codecs, const Bytes& chunk, const std::vector<std::uint64_t>& chunk_shape,
                std::size_t element_size) {
  // Every corpus array has fill value 0: a sharded inner chunk of zeros is left out, as
  // zarr-python does, so readers also meet the "empty inner chunk" index entry.
  const std::string zero(element_size, '\0');
  return encode::encode_v3_chunk(codecs, chunk, chunk_shape, element_size, zero);
}

}  // namespace ozv::corpus
