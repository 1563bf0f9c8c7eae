// The Zarr v3 codec chain as a model (core/index.rst "Chunk encoding"): which codecs are
// known, their kind, whether their encoded size is fixed, and the representation each codec
// receives ("Determination of encoded representations"). The checks diagnose a chain with
// it; the chunk decoder runs a chain the checks have accepted.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "zarr/v3_data_type.hpp"
#include "zarr/v3_extension.hpp"

namespace ozv {

enum class CodecKind { array_to_array, array_to_bytes, bytes_to_bytes };

std::string_view to_string(CodecKind kind);  // "array -> array" ...

struct CodecInfo {
  std::string_view name;
  CodecKind kind;
  // compute_encoded_size exists: the encoded size follows from the decoded size alone
  // (bytes, transpose, crc32c), so the codec may be used in a shard's index_codecs.
  bool fixed_size;
};

// The codecs this validator understands: bytes, transpose, gzip, blosc, zstd (a registered
// extension, but universal), crc32c and sharding_indexed. nullptr for any other name.
const CodecInfo* find_codec(std::string_view name);

// A decoded/encoded representation. Parts that invalid metadata leaves undetermined are
// absent, so that checks further down the chain can still run on what is known.
struct Representation {
  enum class Form { array, bytes, unknown };  // unknown: after a codec we do not know
  Form form = Form::unknown;
  std::optional<std::vector<std::uint64_t>> shape;  // arrays only
  std::optional<DataType> data_type;                // arrays only

  static Representation array(std::optional<std::vector<std::uint64_t>> shape,
                              std::optional<DataType> data_type);
  static Representation bytes();
  bool is_array() const { return form == Form::array; }
};

struct CodecEntry {
  Extension extension;              // name, configuration, must_understand, problems
  const CodecInfo* info = nullptr;  // the known codec; nullptr if unknown or malformed
  Representation input;             // decoded representation this codec receives
  Representation output;            // encoded representation it produces
};

struct CodecChain {
  Representation input;  // decoded_representation[0]
  std::vector<CodecEntry> entries;
};

// Reads a `codecs` list and threads `input` through it. A value that is not an array gives
// an empty chain. Never throws; holds pointers into `codecs`, which must outlive the chain.
CodecChain parse_codec_chain(const nlohmann::json& codecs, const Representation& input);

// The permutation in a transpose configuration's `order`, if it is a permutation of
// 0..n-1 with n = `ndim` (any n when ndim is unknown).
std::optional<std::vector<std::size_t>> transpose_order(const nlohmann::json* configuration,
                                                        std::optional<std::size_t> ndim);

// compute_encoded_size of the whole chain for its input: nothing when the input shape or
// data type is unknown, a codec is not fixed-size, or the size does not fit in 64 bits.
// A shard index of 4 entries through [bytes, crc32c] gives 16*4 + 4 = 68.
std::optional<std::uint64_t> fixed_encoded_size(const CodecChain& chain);

}  // namespace ozv
