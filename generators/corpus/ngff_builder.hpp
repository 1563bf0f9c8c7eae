// Builds OME-Zarr nodes (multiscale images, groups with OME attributes) into a Case, in the
// layout of either version: 0.4 on Zarr v2 (per-object "version"), 0.5 on Zarr v3 ("ome" namespace).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "corpus/array_builder.hpp"
#include "corpus/case.hpp"
#include "corpus/pixels.hpp"

namespace ozv::corpus {

struct Axis {
  std::string name;
  std::string type;  // space, time, channel
  std::string unit;  // "" = none
};

std::vector<Axis> axes_for(const std::string& names);  // "yx", "zyx", "tczyx"

struct ImageSpec {
  std::string version = "0.5";
  std::string name = "image";
  std::vector<Axis> axes;
  std::vector<std::uint64_t> shape;   // level 0; each level halves y and x
  std::vector<std::uint64_t> chunks;  // the same for every level
  int levels = 3;
  std::string dtype = "uint8";
  PixelKind kind = PixelKind::image;
  std::uint64_t seed = 1;
  ArrayLayout layout;  // zarr_format and chunks are filled in from version and `chunks`
  nlohmann::json extra = nlohmann::json::object();  // more OME attributes (image-label, omero)
};

// Writes a group's metadata: 0.5 -> zarr.json with attributes.ome = {version, ...attributes};
// 0.4 -> .zgroup, plus .zattrs holding `attributes` when not empty.
void add_group(Dataset& files, const std::string& prefix, const std::string& version, nlohmann::json attributes);

// Writes the image group and its levels ("0", "1", ...) and records their checksums.
void add_image(Case& c, const std::string& prefix, const ImageSpec& spec);

std::string join_path(const std::string& prefix, const std::string& name);

}  // namespace ozv::corpus
