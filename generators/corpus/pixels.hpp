// Deterministic, structured pixel data: a gradient, a few bright blobs and seeded noise for
// images, the same blobs as integer regions for labels. Integer arithmetic only, so that every
// platform produces the same bytes. Data is C order, little-endian, as checksums are defined.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "store/store.hpp"

namespace ozv::corpus {

// splitmix64 (Steele, Lea, Flood 2014): a tiny, well-mixed generator whose output depends
// only on its input, so element i's noise needs no sequential state.
std::uint64_t splitmix64(std::uint64_t x);

struct DataType {
  std::string v3;          // "uint16"
  std::string v2;          // "<u2"
  std::size_t size = 1;    // bytes per element
  bool is_float = false;
  std::uint64_t max = 255; // largest value the generator writes
};

// Known names: uint8, uint16, uint32, int16, float32. Throws std::invalid_argument otherwise.
DataType data_type(const std::string& name);

enum class PixelKind { image, labels };

struct PixelSpec {
  std::vector<std::uint64_t> shape;
  DataType type;
  PixelKind kind = PixelKind::image;
  std::uint64_t seed = 0;
  // Each of the last two dimensions (y, x) is evaluated at coordinate * factor, so that every
  // resolution level of a multiscale image shows the same scene.
  std::uint64_t factor = 1;
};

// Refuses more than 64 MiB: the corpus keeps its arrays small.
Bytes make_pixels(const PixelSpec& spec);

}  // namespace ozv::corpus
