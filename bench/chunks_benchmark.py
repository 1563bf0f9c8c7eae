#!/usr/bin/python3
"""Chunk benchmark (issue 5, run on demand, not a test): writes a uint16 3D Zarr v2 array with
blosc-lz4 (python3-zarr 2.13, realistic smooth content plus noise), then measures in one run:
  - ome-zarr-validate --checks chunks with one job and with one job per core (wall time, peak RSS);
  - Debian's python3-zarr reading the same array chunk by chunk (the peer);
and prints the ratios. The decode floor (a bare read+decode loop) is not measured yet.

usage: bench/chunks_benchmark.py [build-dir] [MiB]      (default: build, 256 MiB)
"""
import os, pathlib, shutil, subprocess, sys, tempfile, time

import numpy as np
import zarr
from numcodecs import Blosc

build = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "build")
mib = int(sys.argv[2]) if len(sys.argv) > 2 else 256
tool = build / "bin" / "ome-zarr-validate"


def write(root):
    z = mib * (1 << 20) // (2 * 1024 * 1024)  # planes of 1024 x 1024 uint16
    arr = zarr.open_array(str(root), mode="w", shape=(z, 1024, 1024), chunks=(8, 256, 256), dtype="<u2",
                          compressor=Blosc(cname="lz4", clevel=5, shuffle=Blosc.SHUFFLE))
    y, x = np.mgrid[0:1024, 0:1024]
    rng = np.random.default_rng(7)
    for start in range(0, z, 8):
        planes = [(2000 + 1000 * np.sin((x + 7 * (start + k)) / 60.0) * np.cos(y / 45.0)
                   + rng.normal(0, 40, (1024, 1024))).astype("<u2") for k in range(min(8, z - start))]
        arr[start:start + len(planes)] = np.stack(planes)
    return arr.nchunks


def timed(command):
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M"] + command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    rss_kb = int(done.stderr.strip().splitlines()[-1])
    return elapsed, rss_kb, done.returncode


def python_zarr_read(root):
    start = time.perf_counter()
    arr = zarr.open_array(str(root), mode="r")
    total = 0
    for i in range(0, arr.shape[0], arr.chunks[0]):
        for j in range(0, arr.shape[1], arr.chunks[1]):
            for k in range(0, arr.shape[2], arr.chunks[2]):
                total += int(arr[i:i + arr.chunks[0], j:j + arr.chunks[1], k:k + arr.chunks[2]].size)
    return time.perf_counter() - start


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="ozv-chunks-"))
    try:
        root = work / "data.zarr"
        chunks = write(root)
        cores = os.cpu_count() or 1
        subprocess.run([tool, "--checks", "chunks", root], capture_output=True)  # warm the page cache
        one, rss_one, code_one = timed([str(tool), "--checks", "chunks", "--jobs", "1", str(root)])
        all_, rss_all, code_all = timed([str(tool), "--checks", "chunks", "--jobs", str(cores), str(root)])
        peer = python_zarr_read(root)
        print(f"array: {mib} MiB uint16, {chunks} chunks of 8x256x256, blosc lz4 + shuffle")
        print(f"ome-zarr-validate --checks chunks --jobs 1: {one:7.3f} s  peak RSS {rss_one / 1024:6.1f} MiB  exit {code_one}")
        print(f"ome-zarr-validate --checks chunks --jobs {cores}: {all_:7.3f} s  peak RSS {rss_all / 1024:6.1f} MiB  exit {code_all}")
        print(f"python3-zarr {zarr.__version__} chunk by chunk:     {peer:7.3f} s")
        print(f"ours ({cores} jobs) vs python3-zarr: {peer / all_:.2f}x (target >= 2.5x); decode floor: not measured yet")
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
