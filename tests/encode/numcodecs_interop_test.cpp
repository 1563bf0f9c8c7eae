// The v2 chunks we write must be readable by the reference implementation, not only by our
// own expectations: Debian's python3-zarr 2.13 / numcodecs opens a small array per
// compressor setting and must read back exactly the elements we encoded.
#include <catch2/catch.hpp>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "encode/reference_decoders.hpp"
#include "encode/v2_chunk.hpp"
#include "support/run_command.hpp"

using namespace ozv::test;
using nlohmann::json;

namespace {

// argv[1]: a directory of arrays, each with .zarray, its one chunk "0.0" and raw.bin (the
// elements we encoded). Prints one line per array; exits non-zero on any mismatch.
const char* const kReader = R"PY(
import json, os, sys
import numpy as np, numcodecs, zarr
bad = 0
for name in sorted(os.listdir(sys.argv[1])):
    path = os.path.join(sys.argv[1], name)
    meta = json.load(open(os.path.join(path, ".zarray")))
    raw = open(os.path.join(path, "raw.bin"), "rb").read()
    encoded = open(os.path.join(path, "0.0"), "rb").read()
    if meta["compressor"] is None:
        same_bytes = encoded == raw
    else:
        same_bytes = bytes(numcodecs.get_codec(dict(meta["compressor"])).decode(encoded)) == raw
    expected = np.frombuffer(raw, dtype=meta["dtype"]).reshape(meta["chunks"])
    same_array = np.array_equal(zarr.open_array(path, mode="r")[...], expected)
    print(name, same_bytes, same_array)
    bad += not (same_bytes and same_array)
sys.exit(1 if bad else 0)
)PY";

}  // namespace

TEST_CASE("numcodecs decodes our v2 chunks", "[encode][interop]") {
  const std::vector<std::pair<std::string, json>> cases = {
      {"zlib-1", {{"id", "zlib"}, {"level", 1}}},
      {"zlib-9", {{"id", "zlib"}, {"level", 9}}},
      {"gzip-5", {{"id", "gzip"}, {"level", 5}}},
      {"zstd-3", {{"id", "zstd"}, {"level", 3}}},
      {"zstd-neg", {{"id", "zstd"}, {"level", -3}}},
      {"blosc-lz4-byte", {{"id", "blosc"}, {"cname", "lz4"}, {"clevel", 5}, {"shuffle", 1}, {"blocksize", 0}}},
      {"blosc-zstd-bit", {{"id", "blosc"}, {"cname", "zstd"}, {"clevel", 9}, {"shuffle", 2}, {"blocksize", 0}}},
      {"blosc-blosclz-none", {{"id", "blosc"}, {"cname", "blosclz"}, {"clevel", 1}, {"shuffle", 0}, {"blocksize", 256}}},
      {"blosc-zlib-auto", {{"id", "blosc"}, {"cname", "zlib"}, {"clevel", 4}, {"shuffle", -1}, {"blocksize", 0}}},
      {"none", nullptr},
  };
  TempDir dir("encode-numcodecs");
  std::uint64_t seed = 1;
  for (const auto& [name, compressor] : cases) {
    const json zarray = {{"zarr_format", 2}, {"shape", {16, 25}}, {"chunks", {16, 25}}, {"dtype", "<u4"},
                         {"order", "C"},     {"fill_value", 0},   {"filters", nullptr}, {"compressor", compressor}};
    const std::string raw = sample_bytes(16 * 25 * 4, seed++);
    dir.write("arrays/" + name + "/.zarray", zarray.dump());
    dir.write("arrays/" + name + "/raw.bin", raw);
    dir.write("arrays/" + name + "/0.0", ozv::encode::encode_v2_chunk(zarray, raw));
  }
  const auto script = dir.write("reader.py", kReader);
  const auto r = run_command("/usr/bin/python3 " + shell_quote(script.string()) + " " +
                             shell_quote((dir.path() / "arrays").string()));
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);  // python3-zarr and numcodecs come with `make deps`; their absence is a failure
  CHECK(r.out.find("False") == std::string::npos);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == static_cast<long>(cases.size()));
}
