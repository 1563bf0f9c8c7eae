// See v2_decode.hpp.
#include "chunks/v2_decode.hpp"

#include <string>
#include <variant>

#include "chunks/bounded_decompress.hpp"
#include "zarr/checked_math.hpp"
#include "zarr/v2_dtype.hpp"
#include "zarr/v3_json_integer.hpp"

namespace ozv {
namespace {

using Kind = ChunkProblem::Kind;

DecodedChunk fail(Kind kind, std::string detail) {
  DecodedChunk result;
  result.problems.push_back(ChunkProblem{kind, std::move(detail), std::nullopt});
  return result;
}

// The decoded size the metadata demands, or the problem that prevents knowing it.
std::variant<std::uint64_t, DecodedChunk> expected_size(const nlohmann::json& zarray, const DecodeLimits& limits) {
  const auto chunks = zarray.contains("chunks") ? json_to_u64_list(zarray["chunks"]) : std::nullopt;
  if (!chunks) return fail(Kind::invalid_configuration, ".zarray chunks is not a list of non-negative integers");
  if (!zarray.contains("dtype")) return fail(Kind::invalid_configuration, ".zarray has no dtype");
  const V2DtypeResult dtype = parse_v2_dtype(zarray["dtype"]);
  if (!dtype.type) return fail(Kind::invalid_configuration, ".zarray dtype cannot be parsed");
  if (dtype.type->item_size == 0)
    return fail(Kind::unsupported_codec, "object dtype: elements need an object codec, which is not supported");
  const auto elements = checked_product(*chunks);
  const auto bytes = elements ? checked_mul(*elements, dtype.type->item_size) : std::nullopt;
  if (!bytes || *bytes > limits.max_decoded_bytes)
    return fail(Kind::chunk_too_large, "the chunk needs more than " + std::to_string(limits.max_decoded_bytes) + " bytes");
  return *bytes;
}

DecodedChunk decode(const nlohmann::json& zarray, std::string_view stored, const DecodeLimits& limits,
                    DecodeScratch* scratch) {
  if (!zarray.is_object()) return fail(Kind::invalid_configuration, ".zarray is not an object");
  auto size = expected_size(zarray, limits);
  if (auto* problem = std::get_if<DecodedChunk>(&size)) return std::move(*problem);
  const std::uint64_t expected = std::get<std::uint64_t>(size);
  const auto filters = zarray.find("filters");
  if (filters != zarray.end() && !filters->is_null() && !(filters->is_array() && filters->empty()))
    return fail(Kind::unsupported_codec, "filters are not supported by the decoder: " + filters->dump());

  const auto compressor = zarray.find("compressor");
  BoundedOutput out;
  std::string id = "none";
  Bytes recycled = scratch != nullptr ? scratch->take() : Bytes{};
  if (compressor == zarray.end() || compressor->is_null()) {
    out.data = std::move(recycled);
    out.data->assign(stored);
  } else {
    if (!compressor->is_object() || !compressor->contains("id") || !(*compressor)["id"].is_string())
      return fail(Kind::invalid_configuration, "compressor has no string id");
    id = (*compressor)["id"].get<std::string>();
    if (id == "blosc") {
      out = bounded_blosc(stored, expected, std::move(recycled));
    } else if (id == "zlib") {
      out = bounded_inflate(stored, expected, DeflateWrapper::zlib, std::move(recycled));
    } else if (id == "gzip") {
      out = bounded_inflate(stored, expected, DeflateWrapper::gzip, std::move(recycled));
    } else if (id == "zstd") {
      out = bounded_zstd(stored, expected, std::move(recycled));
    } else {
      return fail(Kind::unsupported_codec, "compressor \"" + id + "\" is not supported by the decoder");
    }
  }
  if (out.problem) return DecodedChunk{std::nullopt, {*out.problem}};
  const std::uint64_t decoded = out.data->size();
  if (!limits.keep_data || decoded != expected) {
    if (scratch != nullptr) scratch->give(std::move(*out.data));
    out.data.reset();
  }
  if (decoded != expected)
    return fail(Kind::size_mismatch, "compressor " + id + " decodes to " + std::to_string(decoded) +
                                         " bytes, expected " + std::to_string(expected));
  return DecodedChunk{std::move(out.data), {}, true};
}

}  // namespace

DecodedChunk decode_v2_chunk(const nlohmann::json& zarray, std::string_view stored, const DecodeLimits& limits,
                             DecodeScratch* scratch) {
  try {
    return decode(zarray, stored, limits, scratch);
  } catch (const std::bad_alloc&) {
    return fail(Kind::chunk_too_large, "out of memory while decoding");
  }
}

}  // namespace ozv
