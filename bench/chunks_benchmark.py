#!/usr/bin/python3
"""Chunk benchmark (issue 5, run on demand, not a test).

Writes a uint16 3D array with realistic content (smooth structure plus noise) twice:
  - Zarr v2, chunks 8x256x256, blosc lz4 + shuffle (written by Debian's python3-zarr 2.13);
  - Zarr v3, shards 64x512x512 holding the same 8x256x256 inner chunks (bytes + blosc lz4 +
    shuffle, index with crc32c at the end), written by bench/write_v3_sharded with our encoder;
then measures in one run, for each:
  1. ome-zarr-validate --checks chunks with one job and with one job per core;
  2. the decode floor (bench/decode_floor: list, read every chunk file, decompress, nothing
     else) with one worker and with one worker per core;
and python3-zarr reading the v2 array chunk by chunk. Every timing is the best of --repeat runs
of a whole process (wall clock), after one warm-up run that fills the page cache. CPU seconds
(user + system, all threads) are printed too: on a machine shared with other work they show
what the wall clock cannot, and their ratios hardly depend on the load.

usage: bench/chunks_benchmark.py [build-dir] [MiB] [--repeat N] [--keep DIR] [--inner blosc|zstd]
       (default: build, 1024 MiB, 3 repeats; --keep writes the arrays to DIR and leaves them)
"""
import argparse, os, pathlib, shutil, subprocess, sys, tempfile, time

import numpy as np
import zarr
from numcodecs import Blosc


def write_v2(root, mib):
    z = max(1, mib * (1 << 20) // (2 * 1024 * 1024))  # planes of 1024 x 1024 uint16
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
    """Wall time, peak RSS (KiB), exit code and CPU seconds of one process."""
    start = time.perf_counter()
    done = subprocess.run(["/usr/bin/time", "-f", "%M %U %S"] + [str(c) for c in command], capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    rss_kb, user, system = done.stderr.strip().splitlines()[-1].split()
    return elapsed, int(rss_kb), done.returncode, float(user) + float(system)


def best_of_each(commands, repeat):
    """The fastest run of each command; the commands take turns, so that a load that comes and
    goes on a shared machine falls on all of them alike."""
    runs = [[] for _ in commands]
    for _ in range(repeat):
        for i, command in enumerate(commands):
            runs[i].append(timed(command))
    return [min(r, key=lambda run: run[0]) for r in runs]


def python_zarr_read(root, repeat):
    """Best wall time and its CPU seconds (process_time counts every thread of this process)."""
    def once():
        start, cpu = time.perf_counter(), time.process_time()
        arr = zarr.open_array(str(root), mode="r")
        total = 0
        for i in range(0, arr.shape[0], arr.chunks[0]):
            for j in range(0, arr.shape[1], arr.chunks[1]):
                for k in range(0, arr.shape[2], arr.chunks[2]):
                    total += int(arr[i:i + arr.chunks[0], j:j + arr.chunks[1], k:k + arr.chunks[2]].size)
        return time.perf_counter() - start, time.process_time() - cpu
    return min((once() for _ in range(repeat)), key=lambda r: r[0])


def stored_mib(root):
    return sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) / (1 << 20)


def measure(name, root, build, cores, repeat):
    tool = build / "bin" / "ome-zarr-validate"
    floor = build / "bin" / "decode_floor"
    subprocess.run([tool, "--checks", "chunks", root], capture_output=True)  # warm the page cache
    rows = {}
    for jobs in (1, cores):
        ours, bare = best_of_each([[tool, "--checks", "chunks", "--jobs", jobs, root], [floor, root, jobs]], repeat)
        rows[jobs] = (ours, bare)
        print(f"  {name} {jobs} job(s): ours {ours[0]:6.3f} s (CPU {ours[3]:6.3f} s) RSS {ours[1] / 1024:6.1f} MiB exit {ours[2]}"
              f" | floor {bare[0]:6.3f} s (CPU {bare[3]:6.3f} s) RSS {bare[1] / 1024:6.1f} MiB")
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("build", nargs="?", default="build")
    parser.add_argument("mib", nargs="?", type=int, default=1024)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", help="write the arrays here and leave them")
    parser.add_argument("--inner", default="blosc", choices=["blosc", "zstd"], help="v3 inner chunk compressor")
    args = parser.parse_args()
    build = pathlib.Path(args.build)
    cores = os.cpu_count() or 1
    work = pathlib.Path(args.keep) if args.keep else pathlib.Path(tempfile.mkdtemp(prefix="ozv-chunks-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        v2, v3 = work / "v2.zarr", work / "v3.zarr"
        if not (v2 / ".zarray").exists():
            write_v2(v2, args.mib)
        if not (v3 / "zarr.json").exists():
            subprocess.run([build / "bin" / "write_v3_sharded", v2, v3, args.inner], check=True, capture_output=True)
        chunks = len([p for p in v2.iterdir() if p.name[0] != "."])
        print(f"array: {args.mib} MiB uint16 (z x 1024 x 1024), {cores} cores, best of {args.repeat}")
        print(f"  v2: {chunks} chunks of 8x256x256, blosc lz4 + shuffle, {stored_mib(v2):.0f} MiB stored")
        print(f"  v3: shards of 64x512x512, inner 8x256x256, {args.inner}, index + crc32c, {stored_mib(v3):.0f} MiB stored")
        results = {"v2": measure("v2", v2, build, cores, args.repeat), "v3": measure("v3", v3, build, cores, args.repeat)}
        peer, peer_cpu = python_zarr_read(v2, args.repeat)
        print(f"  python3-zarr {zarr.__version__} reading v2 chunk by chunk: {peer:6.3f} s (CPU {peer_cpu:6.3f} s)")
        print("ratios (wall clock; CPU time in brackets):")
        for name, rows in results.items():
            for jobs, (ours, bare) in rows.items():
                print(f"  {name} floor/ours, {jobs} job(s): {bare[0] / ours[0]:.2f} ({bare[3] / ours[3]:.2f}) (target >= 0.8)")
        for name, rows in results.items():
            ours = rows[cores][0]
            print(f"  {name} ours ({cores} jobs) vs python3-zarr: {peer / ours[0]:.2f}x faster "
                  f"({peer_cpu / ours[3]:.2f}x less CPU) (target >= 2.5x)")
        load = os.getloadavg()[0]
        if load > 0.5:
            print(f"  note: load average {load:.1f} on {cores} cores while measuring; wall-clock ratios suffer from it")
        peak = max(r[0][1] for rows in results.values() for r in rows.values())
        print(f"  peak RSS of ours: {peak / 1024:.1f} MiB (target < 256 MB)")
    finally:
        if not args.keep:
            shutil.rmtree(work)


if __name__ == "__main__":
    main()
