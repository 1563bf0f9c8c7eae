// See v2_chunk.hpp. The defaults below are numcodecs' (Blosc: lz4/5/SHUFFLE/0, Zlib 1,
// GZip 1, Zstd 1), so that a terse compressor object encodes as Python would.
#include "encode/v2_chunk.hpp"

#include <cstdint>
#include <limits>
#include <stdexcept>

#include "encode/compressors.hpp"
#include "encode/config_value.hpp"
#include "zarr/checked_math.hpp"
#include "zarr/v2_dtype.hpp"
#include "zarr/v3_json_integer.hpp"

namespace ozv::encode {
namespace {

constexpr std::int64_t kMaxInt = std::numeric_limits<int>::max();

// The dtype's item size (blosc's typesize), after checking that the chunk has the size the
// metadata implies; 1 when the dtype cannot be parsed (then nothing can be checked).
std::size_t checked_item_size(const nlohmann::json& zarray, std::string_view chunk) {
  const auto dtype_it = zarray.find("dtype");
  if (dtype_it == zarray.end()) return 1;
  const auto parsed = parse_v2_dtype(*dtype_it);
  if (!parsed.type || parsed.type->item_size == 0) return 1;
  const auto chunks_it = zarray.find("chunks");
  if (chunks_it != zarray.end() && chunks_it->is_array()) {
    const auto shape = json_to_u64_list(*chunks_it);
    if (!shape) return static_cast<std::size_t>(parsed.type->item_size);
    const auto elements = checked_product(*shape);
    const auto bytes = elements ? checked_mul(*elements, parsed.type->item_size) : std::nullopt;
    if (!bytes || *bytes != chunk.size())
      throw std::invalid_argument("chunk holds " + std::to_string(chunk.size()) + " bytes, but chunks " +
                                  chunks_it->dump() + " of dtype " + dtype_it->dump() + " need " +
                                  (bytes ? std::to_string(*bytes) : std::string("more than 2^64")));
  }
  return static_cast<std::size_t>(parsed.type->item_size);
}

}  // namespace

Bytes encode_v2_chunk(const nlohmann::json& zarray, std::string_view chunk) {
  if (!zarray.is_object()) throw std::invalid_argument(".zarray is not a JSON object");
  const auto filters = zarray.find("filters");
  if (filters != zarray.end() && !filters->is_null() && !(filters->is_array() && filters->empty()))
    throw std::invalid_argument("filters are not supported by the chunk encoder: " + filters->dump());
  const std::size_t item_size = checked_item_size(zarray, chunk);

  const auto compressor_it = zarray.find("compressor");
  if (compressor_it == zarray.end()) throw std::invalid_argument(".zarray has no \"compressor\" member");
  const nlohmann::json& compressor = *compressor_it;
  if (compressor.is_null()) return Bytes(chunk);
  if (!compressor.is_object()) throw std::invalid_argument("compressor is neither null nor an object: " + compressor.dump());
  const auto id_it = compressor.find("id");
  if (id_it == compressor.end() || !id_it->is_string())
    throw std::invalid_argument("compressor has no string \"id\": " + compressor.dump());
  const std::string id = id_it->get<std::string>();

  if (id == "zlib") return zlib_compress(chunk, static_cast<int>(config_int(compressor, id, "level", 1, -1, 9)));
  if (id == "gzip") return gzip_compress(chunk, static_cast<int>(config_int(compressor, id, "level", 1, -1, 9)));
  if (id == "zstd") {
    const int level = static_cast<int>(config_int(compressor, id, "level", 1, -kMaxInt, kMaxInt));
    return zstd_compress(chunk, level, config_bool(compressor, id, "checksum", false));
  }
  if (id == "blosc") {
    BloscSettings settings;
    settings.cname = config_string(compressor, id, "cname", "lz4");
    settings.clevel = static_cast<int>(config_int(compressor, id, "clevel", 5, 0, 9));
    const auto shuffle = config_int(compressor, id, "shuffle", 1, -1, 2);
    // numcodecs AUTOSHUFFLE: bit shuffle for one-byte items, byte shuffle otherwise.
    settings.shuffle = shuffle == -1 ? (item_size == 1 ? 2 : 1) : static_cast<int>(shuffle);
    settings.typesize = item_size;
    settings.blocksize = static_cast<std::size_t>(config_int(compressor, id, "blocksize", 0, 0, kMaxInt));
    return blosc_compress(chunk, settings);
  }
  throw std::invalid_argument("compressor id \"" + id + "\" is not supported by the chunk encoder");
}

}  // namespace ozv::encode
