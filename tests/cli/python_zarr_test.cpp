// Zarr v2 data written by a real implementation (Debian's python3-zarr 2.13) must not raise
// any error: the validator has to agree with what the ecosystem actually writes.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run_command.hpp"

using namespace ozv::test;

namespace {

// Every dtype, fill value, compressor and layout option the digest verified against 2.13.
const char* const kWriter = R"PY(
import sys, numpy as np, zarr, numcodecs
root = zarr.open_group(sys.argv[1], mode="w")
root.attrs["description"] = "written by python3-zarr " + zarr.__version__
root.create_dataset("f8_nan", shape=(10, 10), chunks=(5, 5), dtype="<f8", fill_value=np.nan)[:] = 1.5
root.create_dataset("f4_neginf", shape=(7,), chunks=(3,), dtype="<f4", fill_value=-np.inf)
root.create_dataset("c16", shape=(4,), chunks=(2,), dtype="<c16", fill_value=1 + 2j)
root.create_dataset("c8_nan", shape=(4,), chunks=(2,), dtype="<c8", fill_value=complex(np.nan, np.inf))
root.create_dataset("b1", shape=(4,), chunks=(2,), dtype="|b1", fill_value=True)
root.create_dataset("i2_big_endian", shape=(4,), chunks=(2,), dtype=">i2", fill_value=-7)
root.create_dataset("bytes", shape=(4,), chunks=(2,), dtype="|S4", fill_value=b"ab")
root.create_dataset("void", shape=(4,), chunks=(2,), dtype="|V2", fill_value=b"\x01\x02")
root.create_dataset("unicode", shape=(4,), chunks=(2,), dtype="<U3", fill_value="ab")
root.create_dataset("datetime", shape=(4,), chunks=(2,), dtype="<M8[ns]")
root.create_dataset("structured", shape=(4,), chunks=(2,), dtype=[("a", "<i4"), ("b", "<f8", (2, 2))], fill_value=None)
root.create_dataset("scalar", shape=(), dtype=">i2", fill_value=3)
root.create_dataset("slash_delta", shape=(20,), chunks=(10,), dtype="|u1", dimension_separator="/",
                    filters=[numcodecs.Delta(dtype="|u1")])[:] = 7
g = root.create_group("nested/deeper")
for name, compressor in [("blosc", numcodecs.Blosc("lz4", 5, numcodecs.Blosc.SHUFFLE)),
                         ("zlib", numcodecs.Zlib(level=3)), ("gzip", numcodecs.GZip(level=3)),
                         ("zstd", numcodecs.Zstd(level=3)), ("raw", None)]:
    a = g.create_dataset(name, shape=(16, 16), chunks=(8, 8), dtype="<u2", compressor=compressor, order="F")
    a[:] = np.arange(256, dtype="<u2").reshape(16, 16)
zarr.consolidate_metadata(root.store)
)PY";

}  // namespace

TEST_CASE("python3-zarr 2.13 data raises no error", "[cli][interop]") {
  TempDir dir("python-zarr");
  const auto script = dir.write("writer.py", kWriter);
  const auto dataset = dir.path() / "data.zarr";
  auto writer = run_command("/usr/bin/python3 " + shell_quote(script.string()) + " " + shell_quote(dataset.string()));
  INFO(writer.err);
  REQUIRE(writer.exit_code == 0);  // python3-zarr is installed by `make deps`; its absence is a failure

  const std::string tool = std::string(OZV_BINARY_DIR) + "/bin/ome-zarr-validate";
  auto r = run_command(shell_quote(tool) + " --format json " + shell_quote(dataset.string()));
  INFO(r.out);
  REQUIRE(r.exit_code == 0);
  auto report = nlohmann::json::parse(r.out);
  CHECK(report["detected"]["zarr_format"] == 2);
  for (const auto& f : report["findings"]) {
    INFO(f.dump());
    CHECK(f["severity"] != "error");
    CHECK(f["severity"] != "fatal");
  }
}
