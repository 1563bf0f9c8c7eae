#include "corpus/pixels.hpp"

#include <array>
#include <cstring>
#include <stdexcept>

namespace ozv::corpus {

std::uint64_t splitmix64(std::uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

DataType data_type(const std::string& name) {
  if (name == "uint8") return {"uint8", "|u1", 1, false, 255};
  if (name == "uint16") return {"uint16", "<u2", 2, false, 4095};
  if (name == "uint32") return {"uint32", "<u4", 4, false, 100000};
  if (name == "int16") return {"int16", "<i2", 2, false, 2000};
  if (name == "float32") return {"float32", "<f4", 4, true, 4095};
  throw std::invalid_argument("unknown corpus data type \"" + name + "\"");
}

namespace {

struct Blob {
  std::int64_t y, x, radius;
};

// Three blobs placed by the seed, in level-0 pixel coordinates of a 64x64 field (tiled).
std::array<Blob, 3> blobs(std::uint64_t seed) {
  std::array<Blob, 3> out{};
  for (std::size_t i = 0; i < out.size(); ++i) {
    const std::uint64_t r = splitmix64(seed * 31 + i);
    out[i] = {static_cast<std::int64_t>(8 + r % 48), static_cast<std::int64_t>(8 + (r >> 16) % 48),
              static_cast<std::int64_t>(5 + (r >> 32) % 8)};
  }
  return out;
}

void put_le(Bytes& out, std::size_t offset, std::uint64_t value, std::size_t size) {
  for (std::size_t b = 0; b < size; ++b) out[offset + b] = static_cast<char>((value >> (8 * b)) & 0xFFu);
}

}  // namespace

Bytes make_pixels(const PixelSpec& spec) {
  const std::size_t rank = spec.shape.size();
  if (rank < 2) throw std::invalid_argument("pixel data needs at least two dimensions");
  std::uint64_t count = 1;
  for (auto extent : spec.shape) {
    if (extent == 0 || extent > (64ull << 20) || count * extent > (64ull << 20) / spec.type.size)
      throw std::invalid_argument("pixel array too large for the corpus");
    count *= extent;
  }
  const auto placed = blobs(spec.seed);
  Bytes out(count * spec.type.size, '\0');
  std::vector<std::uint64_t> index(rank, 0);
  for (std::uint64_t n = 0; n < count; ++n) {
    const auto y = static_cast<std::int64_t>(index[rank - 2] * spec.factor);
    const auto x = static_cast<std::int64_t>(index[rank - 1] * spec.factor);
    std::uint64_t plane = 0;  // the other dimensions (t, c, z) shift the scene a little
    for (std::size_t d = 0; d + 2 < rank; ++d) plane = plane * 7 + index[d];
    std::uint64_t value = 0;
    std::uint64_t label = 0;
    for (std::size_t b = 0; b < placed.size(); ++b) {
      const std::int64_t dy = (y % 64) - placed[b].y - static_cast<std::int64_t>(plane % 5);
      const std::int64_t dx = (x % 64) - placed[b].x;
      const std::int64_t r2 = placed[b].radius * placed[b].radius;
      const std::int64_t d2 = dy * dy + dx * dx;
      if (d2 < r2) {
        value += static_cast<std::uint64_t>((r2 - d2) * 120 / r2);
        if (label == 0) label = b + 1;
      }
    }
    if (spec.kind == PixelKind::labels) {
      value = label;
    } else {
      value += static_cast<std::uint64_t>(x + 2 * y) % 96 + plane * 3 % 32;
      value += splitmix64(spec.seed ^ (n * 0x9E3779B97F4A7C15ull) ^ (spec.factor << 56)) % 16;
      value = value * spec.type.max / 255;
      if (value > spec.type.max) value = spec.type.max;
    }
    const std::size_t offset = n * spec.type.size;
    if (spec.type.is_float) {
      const float f = static_cast<float>(value) / 16.0f;  // exact: value < 2^24
      std::uint32_t bits = 0;
      static_assert(sizeof bits == sizeof f);
      std::memcpy(&bits, &f, sizeof bits);
      put_le(out, offset, bits, 4);
    } else {
      put_le(out, offset, value, spec.type.size);
    }
    for (std::size_t d = rank; d-- > 0;) {  // odometer, last dimension fastest (C order)
      if (++index[d] < spec.shape[d]) break;
      index[d] = 0;
    }
  }
  return out;
}

}  // namespace ozv::corpus
