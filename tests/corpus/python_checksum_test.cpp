// An independent reader agrees with the manifest: Debian's python3-zarr 2.13 decodes every
// Zarr v2 array of the valid cases to exactly the bytes whose sha256 the manifest publishes.
#include <catch2/catch.hpp>

#include "corpus_test_util.hpp"

using namespace ozv::test;

namespace {

const char* const kChecker = R"PY(
import sys, json, hashlib, numpy as np, zarr
root = sys.argv[1]
manifest = json.load(open(root + "/manifest.json"))
checked = 0
for case in manifest["cases"]:
    if case["variant"] != "dir" or case["spec_version"] != "0.4":
        continue
    for path, digest in sorted(case.get("checksums", {}).items()):
        data = zarr.open_array(root + "/" + case["path"] + "/" + path, mode="r")[...]
        data = np.ascontiguousarray(data.astype(data.dtype.newbyteorder("<")))
        if hashlib.sha256(data.tobytes()).hexdigest() != digest:
            print("MISMATCH", case["id"], path)
        checked += 1
print("checked", checked)
)PY";

// Zarr v3 has no reader in Debian's python3-zarr 2.13: this small decoder (numcodecs for the
// compressors) reads every codec chain the corpus writes, independently of our C++ encoders.
const char* const kV3Decoder = R"PY(
import sys, json, gzip, hashlib, os, numpy as np
from numcodecs import Blosc, Zstd

def crc32c(data):
    crc = 0xFFFFFFFF
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ (0x82F63B78 if crc & 1 else 0)
    return crc ^ 0xFFFFFFFF

def decode(codecs, data, shape, dtype):
    codecs = list(codecs)
    while codecs and codecs[-1]["name"] in ("gzip", "zstd", "blosc", "crc32c"):
        c = codecs.pop()
        if c["name"] == "gzip": data = gzip.decompress(data)
        elif c["name"] == "zstd": data = Zstd().decode(data)
        elif c["name"] == "blosc": data = bytes(Blosc().decode(data))
        else:
            assert int.from_bytes(data[-4:], "little") == crc32c(data[:-4]), "crc32c"
            data = data[:-4]
    order = list(range(len(shape)))
    for c in codecs[:-1]:
        assert c["name"] == "transpose"
        order = [order[i] for i in c["configuration"]["order"]]
    stored = [shape[i] for i in order]
    last = codecs[-1]
    if last["name"] == "bytes":
        endian = last.get("configuration", {}).get("endian", "little")
        arr = np.frombuffer(data, dtype=np.dtype(dtype).newbyteorder("<" if endian == "little" else ">")).reshape(stored)
    else:
        conf = last["configuration"]
        inner = conf["chunk_shape"]
        grid = [s // i for s, i in zip(stored, inner)]
        n = int(np.prod(grid))
        index_size = 16 * n + (4 if any(c["name"] == "crc32c" for c in conf["index_codecs"]) else 0)
        raw_index = data[:index_size] if conf.get("index_location", "end") == "start" else data[-index_size:]
        index = decode(conf["index_codecs"], raw_index, grid + [2], "uint64")
        arr = np.zeros(stored, dtype=dtype)
        for pos in np.ndindex(*grid):
            offset, nbytes = (int(v) for v in index[pos])
            if offset == 2**64 - 1: continue
            part = decode(conf["codecs"], data[offset:offset + nbytes], inner, dtype)
            arr[tuple(slice(p * i, (p + 1) * i) for p, i in zip(pos, inner))] = part
    return arr.transpose(np.argsort(order))

root = sys.argv[1]
manifest = json.load(open(root + "/manifest.json"))
checked = 0
for case in manifest["cases"]:
    if case["variant"] != "dir" or case["spec_version"] != "0.5":
        continue
    for path, digest in sorted(case.get("checksums", {}).items()):
        base = root + "/" + case["path"] + "/" + path
        meta = json.load(open(base + "/zarr.json"))
        shape, chunks = meta["shape"], meta["chunk_grid"]["configuration"]["chunk_shape"]
        dtype = np.dtype(meta["data_type"])
        grid = [-(-s // c) for s, c in zip(shape, chunks)]
        full = np.zeros([g * c for g, c in zip(grid, chunks)], dtype=dtype)
        for pos in np.ndindex(*grid):
            key = base + "/c/" + "/".join(str(p) for p in pos)
            if not os.path.exists(key): continue
            part = decode(meta["codecs"], open(key, "rb").read(), chunks, dtype)
            full[tuple(slice(p * c, (p + 1) * c) for p, c in zip(pos, chunks))] = part
        data = np.ascontiguousarray(full[tuple(slice(0, s) for s in shape)].astype(dtype.newbyteorder("<")))
        if hashlib.sha256(data.tobytes()).hexdigest() != digest:
            print("MISMATCH", case["id"], path)
        checked += 1
print("checked", checked)
)PY";

}  // namespace

TEST_CASE("an independent decoder reads the v3 arrays to the manifest's checksums", "[corpus][python]") {
  if (run_command("/usr/bin/python3 -c 'import numcodecs, numpy'").exit_code != 0) {
    WARN("/usr/bin/python3 with numcodecs and numpy is not available; skipped");
    return;
  }
  TempDir scripts("corpus-py3");
  const auto script = scripts.write("decode_v3.py", kV3Decoder);
  auto r = run_command("/usr/bin/python3 " + shell_quote(script.string()) + " " + shell_quote(shared_corpus_dir().string()));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  INFO(r.out);
  CHECK(r.out.find("MISMATCH") == std::string::npos);
  CHECK(r.out.find("checked ") != std::string::npos);
  CHECK(r.out.find("checked 0\n") == std::string::npos);
}

TEST_CASE("python zarr 2.13 reads the v2 arrays to the manifest's checksums", "[corpus][python]") {
  if (run_command("/usr/bin/python3 -c 'import zarr, numpy'").exit_code != 0) {
    WARN("/usr/bin/python3 with zarr and numpy is not available; skipped");
    return;
  }
  TempDir scripts("corpus-py");
  const auto script = scripts.write("check.py", kChecker);
  auto r = run_command("/usr/bin/python3 " + shell_quote(script.string()) + " " + shell_quote(shared_corpus_dir().string()));
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("MISMATCH") == std::string::npos);
  INFO(r.out);
  CHECK(r.out.find("checked ") != std::string::npos);
  CHECK(r.out.find("checked 0\n") == std::string::npos);
}
