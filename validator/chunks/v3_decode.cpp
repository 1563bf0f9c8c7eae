// See v3_decode.hpp and v3_chain.hpp. The chain is first read and sized forward (which
// representation each codec receives, and how many bytes it may hold), then run backward,
// so each decompressor is capped by what its output may legitimately be.
#include "chunks/v3_decode.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "chunks/bounded_decompress.hpp"
#include "chunks/shard_decode.hpp"
#include "chunks/v3_chain.hpp"
#include "zarr/checked_math.hpp"
#include "zarr/crc32c.hpp"
#include "zarr/v3_codec.hpp"

namespace ozv {
namespace chunks_detail {
namespace {

using Kind = ChunkProblem::Kind;

const nlohmann::json kNoConfiguration;

struct Step {
  std::string name;
  const nlohmann::json* configuration = &kNoConfiguration;
  CodecKind kind = CodecKind::bytes_to_bytes;
};

// Reads the list into steps; the error is the problem that stops decoding.
std::optional<ChunkProblem> read_steps(const nlohmann::json& codecs, std::vector<Step>& steps) {
  if (!codecs.is_array()) return ChunkProblem{Kind::invalid_configuration, "codecs is not an array", std::nullopt};
  for (std::size_t i = 0; i < codecs.size(); ++i) {
    const nlohmann::json& entry = codecs[i];
    Step step;
    if (entry.is_string()) {
      step.name = entry.get<std::string>();
    } else if (entry.is_object() && entry.contains("name") && entry["name"].is_string()) {
      step.name = entry["name"].get<std::string>();
      const auto configuration = entry.find("configuration");
      if (configuration != entry.end()) step.configuration = &*configuration;
    } else {
      return ChunkProblem{Kind::invalid_configuration, "codecs[" + std::to_string(i) + "] has no name", std::nullopt};
    }
    const CodecInfo* info = find_codec(step.name);
    if (info == nullptr)
      return ChunkProblem{Kind::unsupported_codec, "codec \"" + step.name + "\" is not supported by the decoder",
                          std::nullopt};
    step.kind = info->kind;
    steps.push_back(std::move(step));
  }
  // array -> array*, exactly one array -> bytes, bytes -> bytes*
  std::size_t at = 0;
  while (at < steps.size() && steps[at].kind == CodecKind::array_to_array) ++at;
  const bool has_array_to_bytes = at < steps.size() && steps[at].kind == CodecKind::array_to_bytes;
  bool ordered = has_array_to_bytes;
  for (std::size_t i = at + 1; ordered && i < steps.size(); ++i) ordered = steps[i].kind == CodecKind::bytes_to_bytes;
  if (!ordered)
    return ChunkProblem{Kind::invalid_configuration,
                        "codecs are not array -> array*, one array -> bytes, bytes -> bytes*", std::nullopt};
  return std::nullopt;
}

// Saturating size arithmetic for the caps of sizes that are only bounded, not known.
std::uint64_t sat_add(std::uint64_t a, std::uint64_t b) {
  return checked_add(a, b).value_or(std::numeric_limits<std::uint64_t>::max());
}
std::uint64_t sat_mul(std::uint64_t a, std::uint64_t b) {
  return checked_mul(a, b).value_or(std::numeric_limits<std::uint64_t>::max());
}

// What the bytes between two codecs may be: an exact size, or only an upper bound.
struct ByteSize {
  std::optional<std::uint64_t> exact;
  std::uint64_t bound = 0;
};

// A compressor's output is at most slightly larger than its input: generous headroom for
// block headers and trailers, so valid data is never refused.
std::uint64_t compressed_bound(std::uint64_t raw) { return sat_add(sat_add(raw, raw / 8), 1 << 16); }

ChunkProblem problem(Kind kind, std::string detail) { return ChunkProblem{kind, std::move(detail), std::nullopt}; }

std::optional<ChunkProblem> check_size(std::string_view codec, std::uint64_t actual, const ByteSize& expected) {
  if (expected.exact && actual != *expected.exact)
    return problem(Kind::size_mismatch, std::string(codec) + " decodes to " + std::to_string(actual) + " bytes, expected " +
                                            std::to_string(*expected.exact));
  return std::nullopt;
}

// The bytes between two codecs: a view of the stored value until a codec has produced bytes
// of its own, then a view of `owned`. Spent buffers go back to the scratch.
struct Stage {
  std::string_view view;
  Bytes owned;
  DecodeScratch* scratch = nullptr;

  Bytes take() { return scratch != nullptr ? scratch->take() : Bytes{}; }
  void replace(Bytes produced) {
    if (scratch != nullptr) scratch->give(std::move(owned));
    owned = std::move(produced);
    view = owned;
  }
  // The current bytes as a buffer of their own (a copy only when no codec produced them).
  Bytes release() {
    if (!owned.empty() && view.data() == owned.data()) {
      owned.resize(view.size());
      return std::move(owned);
    }
    Bytes copy = take();
    copy.assign(view);
    return copy;
  }
  void recycle() {
    if (scratch != nullptr) scratch->give(std::move(owned));
  }
};

// Undoes one bytes -> bytes codec; `expected` is the size of what it received when encoding.
std::optional<ChunkProblem> undo_bytes_codec(const Step& step, Stage& stage, const ByteSize& expected) {
  const std::uint64_t cap = expected.exact.value_or(expected.bound);
  const std::string_view data = stage.view;
  if (step.name == "crc32c") {
    if (data.size() < 4) return problem(Kind::decode_failed, "crc32c: " + std::to_string(data.size()) + " bytes, no checksum");
    if (auto p = check_size("crc32c", data.size() - 4, expected)) return p;
    std::uint32_t stored = 0;
    for (std::size_t i = 0; i < 4; ++i)
      stored |= static_cast<std::uint32_t>(static_cast<unsigned char>(data[data.size() - 4 + i])) << (8 * i);
    stage.view = data.substr(0, data.size() - 4);
    const std::uint32_t computed = crc32c(stage.view);
    if (stored != computed)
      return problem(Kind::checksum_mismatch,
                     "crc32c stored " + std::to_string(stored) + ", computed " + std::to_string(computed));
    return std::nullopt;
  }
  BoundedOutput out;
  if (step.name == "gzip") {
    out = bounded_inflate(data, cap, DeflateWrapper::gzip, stage.take());
  } else if (step.name == "zstd") {
    out = bounded_zstd(data, cap, stage.take());
  } else if (step.name == "blosc") {
    out = bounded_blosc(data, cap, stage.take());
  } else {
    return problem(Kind::unsupported_codec, "codec \"" + step.name + "\" is not supported by the decoder");
  }
  if (out.problem) return out.problem;
  if (auto p = check_size(step.name, out.data->size(), expected)) return p;
  stage.replace(std::move(*out.data));
  return std::nullopt;
}

}  // namespace

std::string shape_text(const ChunkShape& shape) {
  std::string text = "[";
  for (std::size_t i = 0; i < shape.size(); ++i) text += (i ? "," : "") + std::to_string(shape[i]);
  return text + "]";
}

DecodedChunk failed(ChunkProblem::Kind kind, std::string detail) {
  DecodedChunk result;
  result.problems.push_back(ChunkProblem{kind, std::move(detail), std::nullopt});
  return result;
}

DecodedChunk run_v3_chain(const nlohmann::json& codecs, std::string_view stored, const ChunkShape& shape,
                          const V3Context& context) {
  std::vector<Step> steps;
  if (auto p = read_steps(codecs, steps)) return DecodedChunk{std::nullopt, {*p}};
  const std::size_t element_size = context.layout.element_size;

  // Forward: the shapes the array -> array codecs receive, then the array -> bytes codec.
  std::vector<ChunkShape> shapes{shape};
  std::vector<std::vector<std::size_t>> orders;
  std::size_t at = 0;
  for (; steps[at].kind == CodecKind::array_to_array; ++at) {
    const auto order = transpose_order(steps[at].configuration, shapes.back().size());
    if (!order) return failed(Kind::invalid_configuration, "transpose order is not a permutation of the dimensions");
    ChunkShape permuted;
    for (auto axis : *order) permuted.push_back(shapes.back()[axis]);
    shapes.push_back(std::move(permuted));
    orders.push_back(*order);
  }
  const Step& array_to_bytes = steps[at];
  const ChunkShape& array_shape = shapes.back();
  const auto elements = checked_product(array_shape);
  const auto array_bytes = elements ? checked_mul(*elements, element_size) : std::nullopt;
  if (!array_bytes || *array_bytes > context.limits.max_decoded_bytes)
    return failed(Kind::chunk_too_large, "chunk shape " + shape_text(array_shape) + " needs more than " +
                                             std::to_string(context.limits.max_decoded_bytes) + " bytes");

  // Forward: the size each bytes -> bytes codec receives.
  std::vector<ByteSize> sizes;
  if (array_to_bytes.name == "bytes") {
    sizes.push_back(ByteSize{*array_bytes, *array_bytes});
  } else {  // a shard: its index and inner chunk headers on top of the elements
    const std::uint64_t cells_bound = *array_bytes / element_size;
    sizes.push_back(ByteSize{std::nullopt, sat_add(sat_mul(*array_bytes, 2), sat_add(sat_mul(cells_bound, 80), 1 << 20))});
  }
  for (std::size_t i = at + 1; i < steps.size(); ++i) {
    const ByteSize& in = sizes.back();
    if (steps[i].name == "crc32c") {
      sizes.push_back(ByteSize{in.exact ? checked_add(*in.exact, 4) : std::nullopt, sat_add(in.bound, 4)});
    } else {
      sizes.push_back(ByteSize{std::nullopt, compressed_bound(in.exact.value_or(in.bound))});
    }
  }

  // Backward.
  Stage stage{stored, {}, context.scratch};
  for (std::size_t i = steps.size(); i-- > at + 1;) {
    if (auto p = undo_bytes_codec(steps[i], stage, sizes[i - at - 1])) {
      stage.recycle();
      return DecodedChunk{std::nullopt, {*p}};
    }
  }
  DecodedChunk result;
  if (array_to_bytes.name == "bytes") {
    const nlohmann::json& configuration = *array_to_bytes.configuration;
    std::string endian = "little";
    if (configuration.is_object() && configuration.contains("endian") && configuration["endian"].is_string()) {
      endian = configuration["endian"].get<std::string>();
    } else if (element_size > 1) {
      return failed(Kind::invalid_configuration, "bytes codec has no endian for a multi-byte data type");
    }
    if (endian != "little" && endian != "big")
      return failed(Kind::invalid_configuration, "bytes codec endian \"" + endian + "\" is not little or big");
    if (auto p = check_size("bytes", stage.view.size(), sizes.front())) {
      stage.recycle();
      return DecodedChunk{std::nullopt, {*p}};
    }
    result.complete = true;
    if (!context.limits.keep_data) {
      stage.recycle();
      return result;
    }
    result.data = stage.release();
    if (endian == "big") swap_units(*result.data, context.layout.endian_unit);
  } else {
    MemoryShardBytes shard(stage.view);
    result = decode_shard(*array_to_bytes.configuration, shard, array_shape, context);
    stage.recycle();
    if (!result.data) return result;
  }
  for (std::size_t i = orders.size(); i-- > 0;) *result.data = untranspose(*result.data, shapes[i], element_size, orders[i]);
  return result;
}

}  // namespace chunks_detail

ElementLayout element_layout(const DataType& type) {
  return ElementLayout{static_cast<std::size_t>(type.item_size), static_cast<std::size_t>(type.component_size())};
}

namespace {

using chunks_detail::failed;
using Kind = ChunkProblem::Kind;

// The chain's context, or the problem that stops decoding; `zeros` holds the fill element when
// none is given.
std::optional<DecodedChunk> make_context(const ElementLayout& layout, std::string_view fill_element,
                                         const DecodeLimits& limits, DecodeScratch* scratch, Bytes& zeros,
                                         chunks_detail::V3Context& context) {
  context = chunks_detail::V3Context{layout, fill_element, limits, 0, scratch};
  if (layout.element_size == 0) return failed(Kind::invalid_configuration, "element size 0");
  if (context.layout.endian_unit == 0) context.layout.endian_unit = layout.element_size;
  if (layout.element_size % context.layout.endian_unit != 0)
    return failed(Kind::invalid_configuration, "endian unit does not divide the element size");
  if (fill_element.empty()) {
    zeros.assign(layout.element_size, '\0');
    context.fill_element = zeros;
  } else if (fill_element.size() != layout.element_size) {
    return failed(Kind::invalid_configuration, "fill element has " + std::to_string(fill_element.size()) +
                                                   " bytes, not " + std::to_string(layout.element_size));
  }
  return std::nullopt;
}

}  // namespace

DecodedChunk decode_v3_chunk(const nlohmann::json& codecs, std::string_view stored,
                             const std::vector<std::uint64_t>& chunk_shape, const ElementLayout& layout,
                             std::string_view fill_element, const DecodeLimits& limits, DecodeScratch* scratch) {
  chunks_detail::V3Context context;
  Bytes zeros;
  if (auto stop = make_context(layout, fill_element, limits, scratch, zeros, context)) return std::move(*stop);
  try {
    return chunks_detail::run_v3_chain(codecs, stored, chunk_shape, context);
  } catch (const std::bad_alloc&) {
    return failed(Kind::chunk_too_large, "out of memory while decoding");
  }
}

bool is_bare_sharding(const nlohmann::json& codecs) {
  if (!codecs.is_array() || codecs.size() != 1 || !codecs[0].is_object()) return false;
  const auto name = codecs[0].find("name");
  const auto configuration = codecs[0].find("configuration");
  return name != codecs[0].end() && *name == "sharding_indexed" && configuration != codecs[0].end() &&
         configuration->is_object();
}

DecodedChunk decode_v3_shard(const nlohmann::json& codecs, ShardBytes& stored,
                             const std::vector<std::uint64_t>& chunk_shape, const ElementLayout& layout,
                             std::string_view fill_element, const DecodeLimits& limits, DecodeScratch* scratch) {
  if (!is_bare_sharding(codecs))
    return failed(Kind::invalid_configuration, "codecs are not one sharding_indexed codec");
  chunks_detail::V3Context context;
  Bytes zeros;
  if (auto stop = make_context(layout, fill_element, limits, scratch, zeros, context)) return std::move(*stop);
  // As run_v3_chain does before any array -> bytes codec.
  const auto elements = checked_product(chunk_shape);
  const auto bytes = elements ? checked_mul(*elements, layout.element_size) : std::nullopt;
  if (!bytes || *bytes > limits.max_decoded_bytes)
    return failed(Kind::chunk_too_large, "chunk shape " + chunks_detail::shape_text(chunk_shape) + " needs more than " +
                                             std::to_string(limits.max_decoded_bytes) + " bytes");
  try {
    return chunks_detail::decode_shard(codecs[0]["configuration"], stored, chunk_shape, context);
  } catch (const std::bad_alloc&) {
    return failed(Kind::chunk_too_large, "out of memory while decoding");
  }
}

}  // namespace ozv
