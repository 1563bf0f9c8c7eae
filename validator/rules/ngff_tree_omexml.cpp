#include "rules/ngff_tree_omexml.hpp"

#include <pugixml.hpp>

namespace ozv {

namespace {

// Element names without their namespace prefix ("ome:Image" -> "Image").
std::string_view local_name(const pugi::xml_node& node) {
  std::string_view name = node.name();
  const auto colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

constexpr std::size_t kMaxForbiddenReported = 20;

}  // namespace

OmeXmlSummary summarize_ome_xml(std::string_view bytes) {
  OmeXmlSummary summary;
  pugi::xml_document document;
  const auto result = document.load_buffer(bytes.data(), bytes.size(), pugi::parse_default);
  if (!result) {
    summary.error = std::string(result.description()) + " at byte " + std::to_string(result.offset);
    return summary;
  }
  const auto root = document.document_element();
  if (!root || local_name(root) != "OME") {
    summary.error = "the root element is <" + std::string(root ? root.name() : "") + ">, not <OME>";
    return summary;
  }
  auto note = [&summary](std::string text) {
    if (summary.forbidden.size() < kMaxForbiddenReported) summary.forbidden.push_back(std::move(text));
  };
  for (auto child = root.first_child(); child; child = child.next_sibling()) {
    if (child.type() != pugi::node_element) continue;
    const auto name = local_name(child);
    if (name == "BinaryOnly") note("OME: BinaryOnly");
    if (name != "Image") continue;
    const std::string image = "Image " + std::to_string(summary.images);
    ++summary.images;
    for (auto pixels = child.first_child(); pixels; pixels = pixels.next_sibling()) {
      if (pixels.type() != pugi::node_element || local_name(pixels) != "Pixels") continue;
      bool metadata_only = false;
      for (auto data = pixels.first_child(); data; data = data.next_sibling()) {
        if (data.type() != pugi::node_element) continue;
        const auto data_name = local_name(data);
        if (data_name == "MetadataOnly") metadata_only = true;
        if (data_name == "BinData" || data_name == "TiffData") note(image + " Pixels: " + std::string(data_name));
      }
      if (!metadata_only) note(image + " Pixels: no MetadataOnly");
    }
  }
  return summary;
}

}  // namespace ozv
