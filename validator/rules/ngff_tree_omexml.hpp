// The little the bioformats2raw rules need from OME/METADATA.ome.xml: is it an OME document,
// how many Image elements it has, and whether pixel data is declared other than by
// <MetadataOnly/>. Kept apart so that only this file depends on the XML parser.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ozv {

struct OmeXmlSummary {
  std::optional<std::string> error;  // set when the bytes are not well-formed XML or not an <OME> document
  std::size_t images = 0;            // <Image> children of the root
  // Elements that the layout forbids, with where they were found ("Image 0 Pixels: TiffData",
  // "OME: BinaryOnly"), and Pixels elements without <MetadataOnly/>. Capped in number.
  std::vector<std::string> forbidden;
};

// Never throws. The XML parser does not expand entities and does not recurse on nesting
// depth; the walk here only looks at the root's children and each Image's Pixels.
OmeXmlSummary summarize_ome_xml(std::string_view bytes);

}  // namespace ozv
