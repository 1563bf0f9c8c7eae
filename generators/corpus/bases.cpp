#include "corpus/bases.hpp"

#include <algorithm>

#include "corpus/ngff_builder.hpp"

namespace ozv::corpus {
namespace {

Case start(const std::string& id, const std::string& description, const std::string& version,
           std::vector<std::string> tags) {
  Case c;
  c.id = id;
  c.description = description;
  c.spec_version = version;
  c.level = 4;
  c.tags = std::move(tags);
  c.tags.insert(c.tags.begin(), version == "0.5" ? "zarr-v3" : "zarr-v2");
  c.tags.push_back("baseline");
  return c;
}

ImageSpec image_2d(const std::string& version, std::uint64_t seed) {
  ImageSpec s;
  s.version = version;
  s.name = "image-2d";
  s.axes = axes_for("yx");
  s.shape = {64, 48};  // 48 is not a multiple of the chunk: edge chunks are partial
  s.chunks = {32, 32};
  s.dtype = "uint16";
  s.seed = seed;
  return s;
}

Case image_case(const std::string& version, const std::string& kind, std::uint64_t seed) {
  Case c = start("ngff-" + version + "/image-" + kind + "-valid",
                 "a " + kind + " multiscale image, 3 levels of structured uint8/uint16 pixels", version, {"image"});
  ImageSpec s;
  s.version = version;
  s.seed = seed;
  if (kind == "2d") {
    s = image_2d(version, seed);
  } else if (kind == "3d") {
    s.name = "image-3d";
    s.axes = axes_for("zyx");
    s.shape = {6, 32, 32};
    s.chunks = {3, 16, 16};
  } else {
    s.name = "image-5d";
    s.axes = axes_for("tczyx");
    s.shape = {2, 2, 3, 32, 32};
    s.chunks = {1, 1, 3, 16, 16};
    s.extra["omero"] = {
        {"channels",
         {{{"color", "FF0000"}, {"window", {{"min", 0}, {"max", 255}, {"start", 0}, {"end", 200}}}, {"label", "red"}, {"active", true}},
          {{"color", "00FF00"}, {"window", {{"min", 0}, {"max", 255}, {"start", 0}, {"end", 200}}}, {"label", "green"}, {"active", true}}}}};
  }
  add_image(c, "", s);
  return c;
}

Case labels_case(const std::string& version, std::uint64_t seed) {
  Case c = start("ngff-" + version + "/image-labels-valid", "a 2D image with a label image \"cells\" of three blobs",
                 version, {"image", "labels"});
  ImageSpec image = image_2d(version, seed);
  add_image(c, "", image);
  add_group(c.files, "labels", version, {{"labels", {"cells"}}});
  ImageSpec label = image;
  label.name = "cells";
  label.dtype = "uint32";
  label.kind = PixelKind::labels;
  label.extra["image-label"] = {
      {"colors",
       {{{"label-value", 1}, {"rgba", {255, 0, 0, 255}}},
        {{"label-value", 2}, {"rgba", {0, 255, 0, 255}}},
        {{"label-value", 3}, {"rgba", {0, 0, 255, 255}}}}},
      {"source", {{"image", "../../"}}}};
  add_image(c, "labels/cells", label);
  return c;
}

Case plate_case(const std::string& version, std::uint64_t seed) {
  Case c = start("ngff-" + version + "/plate-valid", "an HCS plate: 2 rows, 2 columns, wells A/1 and B/2 with 2 fields each",
                 version, {"plate", "well", "image"});
  nlohmann::json plate = {{"name", "plate"},
                          {"rows", {{{"name", "A"}}, {{"name", "B"}}}},
                          {"columns", {{{"name", "1"}}, {{"name", "2"}}}},
                          {"wells",
                           {{{"path", "A/1"}, {"rowIndex", 0}, {"columnIndex", 0}},
                            {{"path", "B/2"}, {"rowIndex", 1}, {"columnIndex", 1}}}},
                          {"field_count", 2},
                          {"acquisitions", {{{"id", 0}, {"name", "first"}}}}};
  if (version == "0.4") plate["version"] = "0.4";
  add_group(c.files, "", version, {{"plate", plate}});
  std::uint64_t field_seed = seed;
  for (const std::string well : {"A/1", "B/2"}) {
    add_group(c.files, well.substr(0, 1), version, nlohmann::json::object());
    nlohmann::json w = {{"images", {{{"path", "0"}, {"acquisition", 0}}, {{"path", "1"}, {"acquisition", 0}}}}};
    if (version == "0.4") w["version"] = "0.4";
    add_group(c.files, well, version, {{"well", w}});
    for (const std::string field : {"0", "1"}) {
      ImageSpec s;
      s.version = version;
      s.name = well + "/" + field;
      s.axes = axes_for("yx");
      s.shape = {32, 32};
      s.chunks = {16, 16};
      s.seed = ++field_seed;
      add_image(c, well + "/" + field, s);
    }
  }
  return c;
}

std::string ome_xml() {
  return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<OME xmlns=\"http://www.openmicroscopy.org/Schemas/OME/2016-06\" "
         "Creator=\"ome-zarr-corpus\">\n"
         "  <Image ID=\"Image:0\" Name=\"series-0\">\n"
         "    <Pixels ID=\"Pixels:0\" DimensionOrder=\"XYZCT\" Type=\"uint8\" SizeX=\"32\" SizeY=\"32\" SizeZ=\"6\" "
         "SizeC=\"1\" SizeT=\"1\">\n"
         "      <Channel ID=\"Channel:0:0\" SamplesPerPixel=\"1\"/>\n"
         "      <MetadataOnly/>\n"
         "    </Pixels>\n"
         "  </Image>\n"
         "</OME>\n";
}

Case bf2raw_case(const std::string& version, std::uint64_t seed) {
  Case c = start("ngff-" + version + "/bioformats2raw-valid",
                 "a bioformats2raw layout: one series (a 3D image) and OME/METADATA.ome.xml", version,
                 {"bioformats2raw", "ome-xml", "image"});
  add_group(c.files, "", version, {{"bioformats2raw.layout", 3}});
  add_group(c.files, "OME", version, {{"series", {"0"}}});
  c.files["OME/METADATA.ome.xml"] = ome_xml();
  ImageSpec s;
  s.version = version;
  s.name = "series-0";
  s.axes = axes_for("zyx");
  s.shape = {6, 32, 32};
  s.chunks = {3, 16, 16};
  s.seed = seed;
  add_image(c, "0", s);
  return c;
}

nlohmann::json bytes_codec(const std::string& endian = "little") {
  return {{"name", "bytes"}, {"configuration", {{"endian", endian}}}};
}

Case v3_codec_case(const std::string& name, const std::string& what, nlohmann::json codecs, std::uint64_t seed,
                   std::vector<std::uint64_t> chunks = {32, 32}) {
  Case c = start("zarr-v3/" + name + "-valid", "a 2D uint16 image whose arrays use " + what, "0.5", {"codecs"});
  ImageSpec s = image_2d("0.5", seed);
  s.layout.codecs = std::move(codecs);
  s.chunks = std::move(chunks);
  add_image(c, "", s);
  return c;
}

Case sharded_case(const std::string& location, std::uint64_t seed) {
  nlohmann::json sharding = {
      {"name", "sharding_indexed"},
      {"configuration",
       {{"chunk_shape", {16, 16}},
        {"codecs", {bytes_codec()}},
        {"index_codecs", {bytes_codec(), {{"name", "crc32c"}}}},
        {"index_location", location}}}};
  Case c = v3_codec_case("sharding-index-" + location, "sharding_indexed (shards 32x32 of 16x16 chunks, index at the " +
                                                           location + ")",
                         nlohmann::json::array({sharding}), seed);
  c.tags.insert(c.tags.end() - 1, "sharded");
  return c;
}

Case v2_compressor_case(const std::string& id, nlohmann::json compressor, const std::string& separator,
                        std::uint64_t seed) {
  const std::string sep_name = separator == "." ? "dot" : "slash";
  Case c = start("zarr-v2/compressor-" + id + "-" + sep_name + "-valid",
                 "a 2D uint16 image stored with the " + id + " compressor and dimension_separator \"" + separator + "\"",
                 "0.4", {"compressors"});
  ImageSpec s = image_2d("0.4", seed);
  s.layout.compressor = std::move(compressor);
  s.layout.dimension_separator = separator;
  add_image(c, "", s);
  return c;
}

std::vector<BaseDefinition> make_definitions() {
  std::vector<BaseDefinition> defs;
  for (const std::string version : {"0.4", "0.5"}) {
    const std::vector<std::string> variants =
        version == "0.5" ? std::vector<std::string>{"dir", "ozx"} : std::vector<std::string>{"dir"};
    for (const std::string kind : {"2d", "3d", "5d"}) {
      defs.push_back({"ngff-" + version + "/image-" + kind + "-valid", variants,
                      [version, kind](std::uint64_t seed) { return image_case(version, kind, seed); }});
    }
    defs.push_back({"ngff-" + version + "/image-labels-valid", variants,
                    [version](std::uint64_t seed) { return labels_case(version, seed); }});
    defs.push_back({"ngff-" + version + "/plate-valid", variants,
                    [version](std::uint64_t seed) { return plate_case(version, seed); }});
    defs.push_back({"ngff-" + version + "/bioformats2raw-valid", variants,
                    [version](std::uint64_t seed) { return bf2raw_case(version, seed); }});
  }
  const std::vector<std::string> both = {"dir", "ozx"};
  auto v3 = [&](const std::string& name, const std::string& what, nlohmann::json codecs) {
    defs.push_back({"zarr-v3/" + name + "-valid", both, [name, what, codecs](std::uint64_t seed) {
                      return v3_codec_case(name, what, codecs, seed);
                    }});
  };
  v3("codec-bytes", "the bytes codec, big-endian", nlohmann::json::array({bytes_codec("big")}));
  v3("codec-transpose", "transpose (order [1, 0]) then bytes",
     nlohmann::json::array({{{"name", "transpose"}, {"configuration", {{"order", {1, 0}}}}}, bytes_codec()}));
  v3("codec-gzip", "bytes then gzip (level 5)",
     nlohmann::json::array({bytes_codec(), {{"name", "gzip"}, {"configuration", {{"level", 5}}}}}));
  v3("codec-blosc", "bytes then blosc (lz4, byte shuffle)",
     nlohmann::json::array({bytes_codec(),
                            {{"name", "blosc"},
                             {"configuration",
                              {{"cname", "lz4"}, {"clevel", 5}, {"shuffle", "shuffle"}, {"typesize", 2}, {"blocksize", 0}}}}}));
  v3("codec-zstd", "bytes then zstd (level 3, with checksum)",
     nlohmann::json::array({bytes_codec(), {{"name", "zstd"}, {"configuration", {{"level", 3}, {"checksum", true}}}}}));
  v3("codec-crc32c", "bytes then crc32c", nlohmann::json::array({bytes_codec(), {{"name", "crc32c"}}}));
  for (const std::string location : {"end", "start"}) {
    defs.push_back({"zarr-v3/sharding-index-" + location + "-valid", both,
                    [location](std::uint64_t seed) { return sharded_case(location, seed); }});
  }
  const std::vector<std::pair<std::string, nlohmann::json>> compressors = {
      {"none", nullptr},
      {"blosc", {{"id", "blosc"}, {"cname", "lz4"}, {"clevel", 5}, {"shuffle", 1}, {"blocksize", 0}}},
      {"zlib", {{"id", "zlib"}, {"level", 1}}},
      {"gzip", {{"id", "gzip"}, {"level", 1}}},
      {"zstd", {{"id", "zstd"}, {"level", 1}}}};
  for (const auto& [name, compressor] : compressors) {
    for (const std::string separator : {".", "/"}) {
      const std::string sep_name = separator == "." ? "dot" : "slash";
      defs.push_back({"zarr-v2/compressor-" + name + "-" + sep_name + "-valid", {"dir"},
                      [name, compressor, separator](std::uint64_t seed) {
                        return v2_compressor_case(name, compressor, separator, seed);
                      }});
    }
  }
  std::sort(defs.begin(), defs.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
  return defs;
}

}  // namespace

const std::vector<BaseDefinition>& base_definitions() {
  static const std::vector<BaseDefinition> defs = make_definitions();
  return defs;
}

const BaseDefinition* find_base(const std::string& id) {
  for (const auto& d : base_definitions())
    if (d.id == id) return &d;
  return nullptr;
}

}  // namespace ozv::corpus
