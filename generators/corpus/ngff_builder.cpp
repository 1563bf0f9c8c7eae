#include "corpus/ngff_builder.hpp"

#include <stdexcept>

namespace ozv::corpus {

std::string join_path(const std::string& prefix, const std::string& name) {
  return prefix.empty() ? name : prefix + "/" + name;
}

std::vector<Axis> axes_for(const std::string& names) {
  std::vector<Axis> axes;
  for (char n : names) {
    if (n == 't') axes.push_back({"t", "time", "second"});
    else if (n == 'c') axes.push_back({"c", "channel", ""});
    else if (n == 'z' || n == 'y' || n == 'x') axes.push_back({std::string(1, n), "space", "micrometer"});
    else throw std::invalid_argument(std::string("unknown axis ") + n);
  }
  return axes;
}

void add_group(Dataset& files, const std::string& prefix, const std::string& version, nlohmann::json attributes) {
  if (version == "0.5") {
    attributes["version"] = version;
    const nlohmann::json group = {
        {"zarr_format", 3}, {"node_type", "group"}, {"attributes", {{"ome", attributes}}}};
    files[join_path(prefix, "zarr.json")] = dump_json(group);
  } else {
    files[join_path(prefix, ".zgroup")] = dump_json({{"zarr_format", 2}});
    if (!attributes.empty()) files[join_path(prefix, ".zattrs")] = dump_json(attributes);
  }
}

void add_image(Case& c, const std::string& prefix, const ImageSpec& spec) {
  const std::size_t rank = spec.shape.size();
  if (spec.axes.size() != rank || spec.chunks.size() != rank || rank < 2)
    throw std::invalid_argument("image axes, shape and chunks must agree");
  const DataType type = data_type(spec.dtype);

  nlohmann::json axes = nlohmann::json::array();
  std::vector<std::string> names;
  for (const auto& a : spec.axes) {
    nlohmann::json axis = {{"name", a.name}, {"type", a.type}};
    if (!a.unit.empty()) axis["unit"] = a.unit;
    axes.push_back(axis);
    names.push_back(a.name);
  }
  nlohmann::json datasets = nlohmann::json::array();
  for (int level = 0; level < spec.levels; ++level) {
    const std::uint64_t factor = 1ull << level;
    std::vector<std::uint64_t> shape = spec.shape;
    std::vector<double> scale(rank, 1.0);
    for (std::size_t d = rank - 2; d < rank; ++d) {
      shape[d] = (spec.shape[d] + factor - 1) / factor;
      scale[d] = 0.5 * static_cast<double>(factor);
    }
    ArrayLayout layout = spec.layout;
    layout.zarr_format = spec.version == "0.5" ? 3 : 2;
    layout.chunks = spec.chunks;
    if (layout.zarr_format == 3) layout.dimension_names = names;
    const Bytes data = make_pixels({shape, type, spec.kind, spec.seed, factor});
    const std::string path = join_path(prefix, std::to_string(level));
    c.checksums[path] = add_array(c.files, path, shape, type, layout, data);
    datasets.push_back({{"path", std::to_string(level)},
                        {"coordinateTransformations", nlohmann::json::array({{{"type", "scale"}, {"scale", scale}}})}});
  }
  nlohmann::json multiscale = {{"name", spec.name}, {"axes", axes}, {"datasets", datasets}};
  if (spec.version == "0.4") multiscale["version"] = "0.4";
  nlohmann::json attributes = spec.extra;
  if (spec.version == "0.4" && attributes.contains("image-label")) attributes["image-label"]["version"] = "0.4";
  attributes["multiscales"] = nlohmann::json::array({multiscale});
  add_group(c.files, prefix, spec.version, attributes);
}

}  // namespace ozv::corpus
