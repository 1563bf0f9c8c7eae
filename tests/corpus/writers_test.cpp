// The building blocks: the .ozx writer's entry order and comment, the pixel generator's
// determinism and structure.
#include <catch2/catch.hpp>

#include <set>

#include "corpus/ozx_writer.hpp"
#include "corpus/pixels.hpp"

using namespace ozv;
using namespace ozv::corpus;

TEST_CASE("the .ozx writer puts zarr.json files first, breadth-first", "[corpus][zip]") {
  const Dataset files = {{"a/b/zarr.json", "3"}, {"a/c/0", "x"}, {"a/zarr.json", "2"}, {"zarr.json", "1"}, {"b/zarr.json", "2"}};
  CHECK(json_first_order(files) == std::vector<std::string>{"zarr.json", "a/zarr.json", "b/zarr.json", "a/b/zarr.json", "a/c/0"});
  const Bytes archive = write_ozx(files, {}, "0.5");
  CHECK(archive.substr(30, 9) == "zarr.json");  // the first local header's name
  const std::string comment = rfc9_comment("0.5");
  CHECK(comment == R"({"ome":{"version":"0.5","zipFile":{"centralDirectory":{"jsonFirst":true}}}})");
  CHECK(archive.ends_with(comment));
  CHECK(archive.find(std::string("PK\x06\x06", 4)) != std::string::npos);  // ZIP64 end record
  OzxOptions plain;
  plain.zip64 = false;
  plain.comment_present = false;
  plain.folder = "top";
  const Bytes other = write_ozx(files, plain, "0.5");
  CHECK(other.find(std::string("PK\x06\x06", 4)) == std::string::npos);
  CHECK(other.substr(30, 13) == "top/zarr.json");
  OzxOptions bad;
  bad.first = {"nope"};
  CHECK_THROWS(write_ozx(files, bad, "0.5"));
}

TEST_CASE("pixels are deterministic, structured and bounded", "[corpus][pixels]") {
  const PixelSpec spec{{16, 20}, data_type("uint16"), PixelKind::image, 7, 1};
  const Bytes a = make_pixels(spec);
  CHECK(a.size() == 16 * 20 * 2);
  CHECK(a == make_pixels(spec));
  PixelSpec other_seed = spec;
  other_seed.seed = 8;
  CHECK(a != make_pixels(other_seed));
  CHECK(a.find_first_not_of('\0') != std::string::npos);

  PixelSpec labels{{64, 64}, data_type("uint32"), PixelKind::labels, 7, 1};
  const Bytes l = make_pixels(labels);
  std::set<std::uint32_t> values;
  for (std::size_t i = 0; i < l.size(); i += 4) values.insert(static_cast<unsigned char>(l[i]));
  CHECK(values.count(0) == 1);
  CHECK(values.size() >= 2);
  CHECK(*values.rbegin() <= 3);

  CHECK_THROWS_AS(data_type("complex256"), std::invalid_argument);
  CHECK_THROWS_AS(make_pixels({{1u << 20, 1u << 20}, data_type("uint8"), PixelKind::image, 1, 1}), std::invalid_argument);
  CHECK_THROWS_AS(make_pixels({{4}, data_type("uint8"), PixelKind::image, 1, 1}), std::invalid_argument);
}
