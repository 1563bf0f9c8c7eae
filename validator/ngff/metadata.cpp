#include "ngff/metadata.hpp"

#include <array>
#include <utility>

namespace ozv {
namespace {

constexpr std::array<std::pair<const char*, NgffKind>, 7> kKindKeys{{
    {"multiscales", kNgffImage},
    {"image-label", kNgffLabel},
    {"labels", kNgffLabels},
    {"plate", kNgffPlate},
    {"well", kNgffWell},
    {"bioformats2raw.layout", kNgffBioformats},
    {"series", kNgffSeries},
}};

unsigned kinds_of(const nlohmann::json& object) {
  unsigned kinds = 0;
  for (const auto& [key, kind] : kKindKeys) {
    if (object.contains(key)) kinds |= kind;
  }
  return kinds;
}

// 0.4 keeps a version inside each object; the first one found names the node's version
// (the order ome-zarr-py and the OME-NGFF validator use).
std::optional<std::string> per_object_version(const nlohmann::json& zattrs) {
  auto string_at = [](const nlohmann::json& object, const char* member) -> std::optional<std::string> {
    if (!object.is_object()) return std::nullopt;
    auto it = object.find(member);
    if (it == object.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
  };
  if (auto ms = zattrs.find("multiscales"); ms != zattrs.end() && ms->is_array() && !ms->empty()) {
    if (auto v = string_at(ms->front(), "version")) return v;
  }
  for (const char* key : {"plate", "well", "image-label"}) {
    if (auto it = zattrs.find(key); it != zattrs.end()) {
      if (auto v = string_at(*it, "version")) return v;
    }
  }
  return std::nullopt;
}

}  // namespace

bool is_supported_ngff_version(const std::string& version) { return version == "0.4" || version == "0.5"; }

std::optional<NgffMetadata> locate_ngff_metadata(int zarr_format, const nlohmann::json& attributes,
                                                 const std::string& attributes_pointer, const std::string& key,
                                                 const std::string& forced_version, Findings& out) {
  if (!attributes.is_object()) return std::nullopt;
  NgffMetadata meta;
  const auto ome = attributes.find("ome");
  const bool has_ome = ome != attributes.end() && ome->is_object();
  const unsigned top_level_kinds = kinds_of(attributes);

  if (has_ome) {
    meta.ome = &*ome;
    meta.pointer_base = pointer_append(attributes_pointer, "ome");
    meta.kinds = kinds_of(*ome);
    if (auto v = ome->find("version"); v != ome->end() && v->is_string()) {
      meta.version = v->get<std::string>();
      meta.version_stated = true;
    }
    if (zarr_format == 2) out.push_back(Finding{"NGFF-VER-001", {key, meta.pointer_base}, {}});
    if (top_level_kinds != 0) out.push_back(Finding{"NGFF-VER-002", {key, attributes_pointer}, {}});
  } else if (top_level_kinds != 0) {
    meta.ome = &attributes;
    meta.pointer_base = attributes_pointer;
    meta.kinds = top_level_kinds;
    if (auto v = per_object_version(attributes)) {
      meta.version = *v;
      meta.version_stated = true;
    } else {
      meta.version = "0.4";  // the latest version that stores metadata this way
    }
    if (zarr_format == 3) out.push_back(Finding{"NGFF-VER-003", {key, attributes_pointer}, {}});
  } else {
    return std::nullopt;
  }

  if (!forced_version.empty()) {
    meta.version = forced_version;
  } else if (!is_supported_ngff_version(meta.version)) {
    out.push_back(Finding{"NGFF-VER-004", {key, meta.pointer_base}, {{"version", meta.version}}});
  }
  return meta;
}

}  // namespace ozv
