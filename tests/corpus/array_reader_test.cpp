// Our implementation as a reader: every valid case of a fresh corpus reads to the manifest's
// checksums, a damaged chunk is a read error (never a checksum), and the v2 layouts the corpus
// does not write (order "F", big-endian dtypes, fill values of missing chunks) are built here
// with the encoders and compared with a C-order little-endian copy made independently.
#include <catch2/catch.hpp>

#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "corpus/array_builder.hpp"
#include "corpus/array_reader.hpp"
#include "corpus/dataset.hpp"
#include "corpus/pixels.hpp"
#include "corpus_test_util.hpp"
#include "encode/v2_chunk.hpp"
#include "store/memory_store.hpp"
#include "zarr/sha256.hpp"

using namespace ozv;
using namespace ozv::corpus;
using namespace ozv::test;

namespace {

using Shape = std::vector<std::uint64_t>;

std::vector<std::string> array_paths(const ManifestCase& c) {
  std::vector<std::string> paths;
  for (const auto& [path, digest] : c.checksums) paths.push_back(path);
  return paths;
}

// A Zarr v2 array written element by element: each element's little-endian bytes come from
// its C-order index, the chunks are laid out and byte-swapped here, then compressed by the
// encoder. `expected` is the sha256 the reader must give.
struct V2Array {
  Shape shape;
  Shape chunks;
  std::string dtype;
  std::size_t item_size = 2;
  std::size_t swap_unit = 0;  // big-endian: bytes reversed per unit; 0 = little-endian
  bool fortran = false;
  nlohmann::json fill_value = 0;
  Bytes fill_element;  // the fill value as a little-endian element
  std::set<Shape> missing;
  nlohmann::json compressor = nullptr;
};

Bytes element_bytes(std::uint64_t c_index, std::size_t item_size) {
  Bytes out;
  for (std::size_t k = 0; k < item_size; ++k) out += static_cast<char>((c_index * 37 + k * 11 + 5) & 0xFF);
  return out;
}

std::uint64_t product(const Shape& s) {
  std::uint64_t n = 1;
  for (auto e : s) n *= e;
  return n;
}

// Multi-index of the n-th element when `first_fastest` (F order) or last dimension fastest (C).
Shape unravel(std::uint64_t n, const Shape& shape, bool first_fastest) {
  Shape index(shape.size());
  for (std::size_t k = 0; k < shape.size(); ++k) {
    const std::size_t d = first_fastest ? k : shape.size() - 1 - k;
    index[d] = n % shape[d];
    n /= shape[d];
  }
  return index;
}

std::uint64_t c_flat(const Shape& index, const Shape& shape) {
  std::uint64_t n = 0;
  for (std::size_t d = 0; d < shape.size(); ++d) n = n * shape[d] + index[d];
  return n;
}

Shape chunk_of(const Shape& index, const Shape& chunks) {
  Shape g(index.size());
  for (std::size_t d = 0; d < index.size(); ++d) g[d] = index[d] / chunks[d];
  return g;
}

// Store entries of the array at "a", and the checksum of its expected contents.
std::pair<MemoryStore::Entries, std::string> build(const V2Array& a) {
  const nlohmann::json zarray = {{"zarr_format", 2},     {"shape", a.shape},         {"chunks", a.chunks},
                                 {"dtype", a.dtype},     {"order", a.fortran ? "F" : "C"},
                                 {"fill_value", a.fill_value}, {"compressor", a.compressor},
                                 {"filters", nullptr},   {"dimension_separator", "."}};
  MemoryStore::Entries entries{{"a/.zarray", zarray.dump()}};
  Shape grid(a.shape.size());
  for (std::size_t d = 0; d < grid.size(); ++d) grid[d] = (a.shape[d] + a.chunks[d] - 1) / a.chunks[d];
  for (std::uint64_t g = 0; g < product(grid); ++g) {
    const Shape position = unravel(g, grid, false);
    if (a.missing.count(position)) continue;
    Bytes chunk;
    for (std::uint64_t n = 0; n < product(a.chunks); ++n) {
      const Shape local = unravel(n, a.chunks, a.fortran);
      Shape global(local.size());
      bool inside = true;
      for (std::size_t d = 0; d < local.size(); ++d) {
        global[d] = position[d] * a.chunks[d] + local[d];
        inside = inside && global[d] < a.shape[d];
      }
      Bytes e = inside ? element_bytes(c_flat(global, a.shape), a.item_size) : Bytes(a.item_size, '\0');
      if (a.swap_unit > 0)
        for (std::size_t at = 0; at < e.size(); at += a.swap_unit) std::reverse(e.begin() + at, e.begin() + at + a.swap_unit);
      chunk += e;
    }
    std::string key = "a/";
    for (std::size_t d = 0; d < position.size(); ++d) key += (d ? "." : "") + std::to_string(position[d]);
    entries[key] = encode::encode_v2_chunk(zarray, chunk);
  }
  Bytes expected;
  for (std::uint64_t n = 0; n < product(a.shape); ++n) {
    const Shape index = unravel(n, a.shape, false);
    expected += a.missing.count(chunk_of(index, a.chunks)) ? a.fill_element : element_bytes(n, a.item_size);
  }
  return {entries, sha256_hex(expected)};
}

}  // namespace

TEST_CASE("our reader reads every valid case of the corpus to the manifest's checksums", "[corpus][reader]") {
  const auto& corpus = shared_corpus();
  std::size_t arrays = 0;
  std::set<std::string> kinds;  // "dir 0.4", "ozx 0.5", "sharded"...
  for (const auto& c : corpus.manifest.cases) {
    if (c.checksums.empty()) continue;
    const auto read = read_array_checksums((shared_corpus_dir() / c.path).string(), array_paths(c));
    INFO(c.id);
    for (const auto& [path, why] : read.read_errors) FAIL_CHECK(path << ": " << why);
    for (const auto& [path, digest] : c.checksums) {
      INFO(path);
      REQUIRE(read.checksums.count(path) == 1);
      CHECK(read.checksums.at(path) == digest);
      ++arrays;
    }
    kinds.insert(c.variant + " " + c.spec_version);
    for (const auto& tag : c.tags)
      if (tag == "sharded") kinds.insert(tag);
  }
  INFO(arrays << " arrays");
  CHECK(kinds == std::set<std::string>{"dir 0.4", "dir 0.5", "ozx 0.5", "sharded"});
  CHECK(arrays > 50);
}

TEST_CASE("our reader rejects a damaged chunk with a read error, not a checksum", "[corpus][reader]") {
  Dataset files;
  const corpus::DataType type = corpus::data_type("uint16");
  Bytes data;
  for (int i = 0; i < 6 * 5; ++i) data += element_bytes(static_cast<std::uint64_t>(i), 2);

  SECTION("v2 zlib") {
    ArrayLayout layout;
    layout.zarr_format = 2;
    layout.chunks = {4, 4};
    layout.compressor = {{"id", "zlib"}, {"level", 1}};
    const std::string digest = add_array(files, "img", {6, 5}, type, layout, data);
    MemoryStore intact(files);
    CHECK(array_checksum(intact, "img") == digest);
    files["img/1.0"] = files["img/1.0"].substr(0, files["img/1.0"].size() / 2);
  }
  SECTION("v3 crc32c") {
    ArrayLayout layout;
    layout.chunks = {4, 4};
    layout.codecs = nlohmann::json::array({{{"name", "bytes"}, {"configuration", {{"endian", "little"}}}},
                                           {{"name", "crc32c"}}});
    const std::string digest = add_array(files, "img", {6, 5}, type, layout, data);
    MemoryStore intact(files);
    CHECK(array_checksum(intact, "img") == digest);
    files["img/c/1/0"][3] ^= 0x40;
  }
  MemoryStore damaged(files);
  CHECK_THROWS_AS(array_checksum(damaged, "img"), ArrayReadError);

  TempDir dir("reader-damaged");
  write_directory(files, dir.path() / "store");
  const auto read = read_array_checksums((dir.path() / "store").string(), {"img", "absent"});
  CHECK(read.checksums.empty());
  REQUIRE(read.read_errors.count("img") == 1);
  CHECK_THAT(read.read_errors.at("img"), Catch::Contains("chunk img/") && Catch::Contains("cannot be decoded"));
  CHECK_THAT(read.read_errors.at("absent"), Catch::Contains("no array"));
}

TEST_CASE("a target that is no store gives every array a read error", "[corpus][reader]") {
  TempDir dir("reader-nostore");
  const auto read = read_array_checksums((dir.path() / "nothing-here").string(), {"0", "1"});
  CHECK(read.checksums.empty());
  CHECK(read.read_errors.size() == 2);
  const auto file = dir.write("doc.json", "{}");
  CHECK(read_array_checksums(file.string(), {"0"}).read_errors.count("0") == 1);
}

TEST_CASE("our reader turns v2 F-order and big-endian chunks into C-order little-endian data", "[corpus][reader]") {
  V2Array a;
  SECTION("3-d >i4 in F order, a missing chunk filled with -5") {
    a.shape = {3, 4, 5};
    a.chunks = {2, 3, 2};
    a.dtype = ">i4";
    a.item_size = 4;
    a.swap_unit = 4;
    a.fortran = true;
    a.fill_value = -5;
    a.fill_element = Bytes("\xFB\xFF\xFF\xFF", 4);
    a.missing = {{1, 0, 2}, {0, 1, 0}};
    a.compressor = {{"id", "zstd"}, {"level", 1}};
  }
  SECTION("2-d >u2 in C order, zlib") {
    a.shape = {5, 7};
    a.chunks = {2, 3};
    a.dtype = ">u2";
    a.swap_unit = 2;
    a.fill_value = 513;
    a.fill_element = Bytes("\x01\x02", 2);
    a.missing = {{2, 2}};
    a.compressor = {{"id", "zlib"}, {"level", 1}};
  }
  SECTION("2-d <f8 in F order, NaN fill") {
    a.shape = {4, 3};
    a.chunks = {3, 2};
    a.dtype = "<f8";
    a.item_size = 8;
    a.fortran = true;
    a.fill_value = "NaN";
    a.fill_element = Bytes("\0\0\0\0\0\0\xF8\x7F", 8);
    a.missing = {{0, 1}};
  }
  SECTION(">c8: each float of the pair swapped on its own, in F order") {
    a.shape = {3, 2};
    a.chunks = {2, 2};
    a.dtype = ">c8";
    a.item_size = 8;
    a.swap_unit = 4;
    a.fortran = true;
    a.fill_value = nlohmann::json::array({1.0, "-Infinity"});
    a.fill_element = Bytes("\0\0\x80\x3F\0\0\x80\xFF", 8);
    a.missing = {{1, 0}};
  }
  const auto [entries, expected] = build(a);
  MemoryStore store(entries);
  INFO(a.dtype);
  CHECK(array_checksum(store, "a") == expected);
  // The same data read as little-endian C order must differ: the conversions were needed.
  auto plain = entries;
  auto zarray = nlohmann::json::parse(plain["a/.zarray"]);
  zarray["order"] = "C";
  zarray["dtype"] = "<" + a.dtype.substr(1);
  plain["a/.zarray"] = zarray.dump();
  MemoryStore as_plain(plain);
  CHECK(array_checksum(as_plain, "a") != expected);
}

TEST_CASE("our reader fills a missing v3 chunk with the fill value and cuts edge chunks", "[corpus][reader]") {
  Dataset files;
  Bytes data;
  for (int i = 0; i < 5 * 5; ++i) data += element_bytes(static_cast<std::uint64_t>(i), 2);
  ArrayLayout layout;
  layout.chunks = {2, 2};
  add_array(files, "", {5, 5}, corpus::data_type("uint16"), layout, data);
  auto meta = nlohmann::json::parse(files["zarr.json"]);
  meta["fill_value"] = 513;
  files["zarr.json"] = meta.dump();
  files.erase("c/1/2");  // rows 2-3, columns 4 (the edge column)
  Bytes expected = data;
  for (int row = 2; row < 4; ++row) expected.replace(static_cast<std::size_t>((row * 5 + 4) * 2), 2, "\x01\x02");
  MemoryStore store(files);
  CHECK(array_checksum(store, "") == sha256_hex(expected));
  CHECK(array_checksum(store, "/") == sha256_hex(expected));
}

TEST_CASE("ome-zarr-corpus read prints checksums and read errors as JSON", "[corpus][reader][cli]") {
  const auto& corpus = shared_corpus();
  const ManifestCase* chosen = nullptr;
  for (const auto& c : corpus.manifest.cases)
    if (c.variant == "ozx" && c.checksums.size() > 1) chosen = &c;
  REQUIRE(chosen != nullptr);
  std::string command = shell_quote(corpus_tool()) + " read " + shell_quote((shared_corpus_dir() / chosen->path).string());
  for (const auto& path : array_paths(*chosen)) command += " " + shell_quote(path);

  auto r = run_command(command);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  auto answer = nlohmann::json::parse(r.out);
  CHECK(answer["checksums"] == nlohmann::json(chosen->checksums));
  CHECK(answer["read_errors"] == nlohmann::json::object());

  r = run_command(command + " no/such/array");
  CHECK(r.exit_code == 1);
  answer = nlohmann::json::parse(r.out);
  CHECK(answer["checksums"].size() == chosen->checksums.size());
  CHECK(answer["read_errors"].contains("no/such/array"));

  CHECK(run_command(shell_quote(corpus_tool()) + " read").exit_code == 2);
}
