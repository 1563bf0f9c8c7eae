// The corpus's one door to the chunk encoders (generators/encode): every codec the corpus
// writes goes through ozv::encode, never through code of its own.
#pragma once

#include <cstdint>
#include <vector>

#include <nlohmann/json.hpp>

#include "store/store.hpp"

namespace ozv::corpus {

// `chunk`: one full chunk, C order, little-endian (the generator writes order "C" and
// little-endian dtypes only).
Bytes encode_v2(const nlohmann::json& zarray, const Bytes& chunk);
Bytes encode_v3(const nlohmann::json& codecs, const Bytes& chunk, const std::vector<std::uint64_t>& chunk_shape,
                std::size_t element_size);

}  // namespace ozv::corpus
