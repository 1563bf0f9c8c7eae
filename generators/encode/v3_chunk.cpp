// See v3_chunk.hpp. The chain is run in metadata order, tracking whether the data is still
// an array (shape known) or already bytes, so a codec in the wrong place is an error here
// rather than garbage in the corpus.
#include "encode/v3_chunk.hpp"

#include <limits>
#include <stdexcept>
#include <string>

#include "encode/compressors.hpp"
#include "encode/config_value.hpp"
#include "encode/v3_array_ops.hpp"
#include "encode/v3_shard.hpp"
#include "zarr/checked_math.hpp"
#include "zarr/crc32c.hpp"
#include "zarr/v3_codec.hpp"

namespace ozv::encode {
namespace {

const nlohmann::json kNoConfiguration;  // null: a codec given without configuration

struct CodecSpec {
  std::string name;
  const nlohmann::json* configuration = &kNoConfiguration;
};

// A codec list entry: {"name": ..., "configuration": {...}} or the bare-name shorthand.
CodecSpec read_codec(const nlohmann::json& entry, std::size_t position) {
  const std::string where = "codecs[" + std::to_string(position) + "]";
  if (entry.is_string()) return {entry.get<std::string>(), &kNoConfiguration};
  if (!entry.is_object()) throw std::invalid_argument(where + " is neither an object nor a name: " + entry.dump());
  const auto name = entry.find("name");
  if (name == entry.end() || !name->is_string()) throw std::invalid_argument(where + " has no string \"name\"");
  CodecSpec spec{name->get<std::string>(), &kNoConfiguration};
  const auto configuration = entry.find("configuration");
  if (configuration != entry.end()) {
    if (!configuration->is_object())
      throw std::invalid_argument(where + " (" + spec.name + ") configuration is not an object");
    spec.configuration = &*configuration;
  }
  return spec;
}

Bytes apply_bytes_codec(const std::string& endian, std::string_view data, std::size_t element_size,
                        std::size_t endian_unit) {
  if (endian == "little" || element_size == 1) return Bytes(data);
  return swap_byte_order(data, endian_unit);
}

Bytes apply_blosc(const nlohmann::json& config, std::string_view data) {
  constexpr std::int64_t kMaxInt = std::numeric_limits<int>::max();
  BloscSettings settings;
  settings.cname = config_string(config, "blosc", "cname", std::nullopt);
  settings.clevel = static_cast<int>(config_int(config, "blosc", "clevel", std::nullopt, 0, 9));
  const std::string shuffle = config_string(config, "blosc", "shuffle", std::nullopt);
  if (shuffle == "noshuffle") {
    settings.shuffle = 0;
  } else if (shuffle == "shuffle") {
    settings.shuffle = 1;
  } else if (shuffle == "bitshuffle") {
    settings.shuffle = 2;
  } else {
    throw std::invalid_argument("codec \"blosc\" shuffle \"" + shuffle + "\" is not noshuffle, shuffle or bitshuffle");
  }
  // "Required unless shuffle is noshuffle, in which case the value is ignored" - but c-blosc
  // still uses it to split blocks, so a given value is passed on.
  const std::optional<std::int64_t> no_default = settings.shuffle == 0 ? std::optional<std::int64_t>(1) : std::nullopt;
  settings.typesize = static_cast<std::size_t>(config_int(config, "blosc", "typesize", no_default, 1, kMaxInt));
  settings.blocksize = static_cast<std::size_t>(config_int(config, "blosc", "blocksize", 0, 0, kMaxInt));
  return blosc_compress(data, settings);
}

Bytes append_crc32c(std::string_view data) {
  const std::uint32_t crc = crc32c(data);
  Bytes out(data);
  for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((crc >> (8 * i)) & 0xFFu));
  return out;
}

}  // namespace

Bytes encode_v3_chunk(const nlohmann::json& codecs, std::string_view chunk, const std::vector<std::uint64_t>& chunk_shape,
                      std::size_t element_size, std::string_view fill_element, std::size_t endian_unit) {
  if (element_size < 1 || element_size > 16)
    throw std::invalid_argument("element size " + std::to_string(element_size) + " is not 1..16");
  if (endian_unit == 0) endian_unit = element_size;
  if (element_size % endian_unit != 0)
    throw std::invalid_argument("endian unit " + std::to_string(endian_unit) + " does not divide the element size " +
                                std::to_string(element_size));
  if (!fill_element.empty() && fill_element.size() != element_size)
    throw std::invalid_argument("fill element has " + std::to_string(fill_element.size()) + " bytes, not " +
                                std::to_string(element_size));
  const auto elements = checked_product(chunk_shape);
  const auto expected = elements ? checked_mul(*elements, element_size) : std::nullopt;
  if (!expected || *expected != chunk.size())
    throw std::invalid_argument("chunk holds " + std::to_string(chunk.size()) + " bytes, but its shape needs " +
                                (expected ? std::to_string(*expected) : std::string("more than 2^64")));
  if (!codecs.is_array()) throw std::invalid_argument("codecs is not a JSON array: " + codecs.dump());

  Bytes data(chunk);
  Shape shape = chunk_shape;
  bool is_bytes = false;  // past the array -> bytes codec
  for (std::size_t i = 0; i < codecs.size(); ++i) {
    const CodecSpec spec = read_codec(codecs[i], i);
    const nlohmann::json& config = *spec.configuration;
    const auto out_of_place = [&](const char* expected_stage) {
      return std::invalid_argument("codecs[" + std::to_string(i) + "] (" + spec.name + ") needs " + expected_stage +
                                   " input, but receives " + (is_bytes ? "bytes" : "an array"));
    };
    if (spec.name == "transpose") {
      if (is_bytes) throw out_of_place("array");
      const auto order = transpose_order(&config, shape.size());
      if (!order)
        throw std::invalid_argument("codecs[" + std::to_string(i) + "] (transpose) order is not a permutation of 0.." +
                                    std::to_string(shape.size()) + "-1: " + config.dump());
      data = transpose_elements(data, shape, element_size, *order);
      Shape permuted;
      for (auto axis : *order) permuted.push_back(shape[axis]);
      shape = std::move(permuted);
    } else if (spec.name == "bytes") {
      if (is_bytes) throw out_of_place("array");
      // The endian member "is required for data types for which endianness is applicable".
      const std::optional<std::string> no_default =
          element_size == 1 ? std::optional<std::string>("little") : std::nullopt;
      const std::string endian = config_string(config, "bytes", "endian", no_default);
      if (endian != "little" && endian != "big")
        throw std::invalid_argument("codec \"bytes\" endian \"" + endian + "\" is not little or big");
      data = apply_bytes_codec(endian, data, element_size, endian_unit);
      is_bytes = true;
    } else if (spec.name == "sharding_indexed") {
      if (is_bytes) throw out_of_place("array");
      data = encode_shard(config, data, shape, element_size, fill_element, endian_unit);
      is_bytes = true;
    } else if (spec.name == "gzip") {
      if (!is_bytes) throw out_of_place("bytes");
      data = gzip_compress(data, static_cast<int>(config_int(config, "gzip", "level", std::nullopt, 0, 9)));
    } else if (spec.name == "zstd") {
      if (!is_bytes) throw out_of_place("bytes");
      const int level = static_cast<int>(config_int(config, "zstd", "level", std::nullopt, -131072, 22));
      data = zstd_compress(data, level, config_bool(config, "zstd", "checksum", false));
    } else if (spec.name == "blosc") {
      if (!is_bytes) throw out_of_place("bytes");
      data = apply_blosc(config, data);
    } else if (spec.name == "crc32c") {
      if (!is_bytes) throw out_of_place("bytes");
      data = append_crc32c(data);
    } else if (spec.name == "zlib") {
      throw std::invalid_argument("codecs[" + std::to_string(i) + "]: zlib is a Zarr v2 compressor, not a v3 codec");
    } else {
      throw std::invalid_argument("codecs[" + std::to_string(i) + "]: codec \"" + spec.name + "\" is not supported");
    }
  }
  if (!is_bytes) throw std::invalid_argument("codecs has no array -> bytes codec (bytes or sharding_indexed)");
  return data;
}

}  // namespace ozv::encode
