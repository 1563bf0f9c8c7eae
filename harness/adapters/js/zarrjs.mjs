// Adapter: npm zarr-js as a Zarr reader, in one of its two configurations (argv[2]):
//   v2: `require("zarr-js")(request)`, whole arrays through its `load`;
//   v3: `require("zarr-js")(request, "v3")`, whose only API is `open` -> get(chunk key), so the
//       adapter fetches every chunk key of the grid in turn and places the chunks side by side.
// zarr-js fetches by URL; `request` answers like a static HTTP server over the case directory
// (200, 206 for Range requests, 404), which is how the library is meant to be fed (fetch).
// Each configuration skips stores of the other format (root zarr.json = Zarr v3), as the
// python-zarr adapter does. No .ozx: zarr-js has no zip store. No verdict.
import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve, sep } from "node:path";
import { serve } from "./protocol_loop.mjs";
import { sha256Of } from "./checksum.mjs";

const require = createRequire(import.meta.url);
const zarrJs = require("zarr-js");
const zarrJsVersion = require("zarr-js/package.json").version;

const MODE = process.argv[2];
if (MODE !== "v2" && MODE !== "v3") {
  process.stderr.write("usage: zarrjs.mjs v2|v3\n");
  process.exit(2);
}

// zarr-js decodes inside its fetch callbacks, so a decoding error escapes as an unhandled
// rejection and its callback is never called. The array being read owns such errors; one
// read runs at a time, and `drained` lets stray ones of a finished read land before the next.
let failCurrentRead = null;
process.on("unhandledRejection", (error) => {
  if (failCurrentRead) failCurrentRead(error);
  else process.stderr.write(`zarr-js error outside a read: ${error?.stack ?? error}\n`);
});

function viaCallback(start) {
  return new Promise((resolvePromise, reject) => {
    failCurrentRead = reject;
    try {
      start((error, value) => (error ? reject(error) : resolvePromise(value)));
    } catch (error) {
      reject(error);
    }
  });
}

async function drained() {
  for (let i = 0; i < 3; i++) await new Promise((done) => setImmediate(done));
  failCurrentRead = null;
}

function httpLikeFiles(root) {
  const base = resolve(root);
  const notFound = { status: 404 };
  return async (url, options = {}) => {
    const file = resolve(base, ...url.split("/").filter(Boolean));
    if (file !== base && !file.startsWith(base + sep)) return notFound;
    let bytes;
    try {
      if (!statSync(file).isFile()) return notFound;
      bytes = readFileSync(file);
    } catch {
      return notFound;
    }
    const headers = { get: (name) => (name.toLowerCase() === "content-length" ? String(bytes.length) : null) };
    if (options.method === "HEAD") return { status: 200, headers };
    let status = 200;
    const range = /^bytes=(\d*)-(\d*)$/.exec(options.headers?.Range ?? "");
    if (range) {
      const [first, last] = [range[1], range[2]];
      const start = first === "" ? Math.max(0, bytes.length - Number(last)) : Number(first);
      const end = first === "" || last === "" ? bytes.length : Math.min(bytes.length, Number(last) + 1);
      if (start >= bytes.length || end <= start) return { status: 416, headers };
      bytes = bytes.subarray(start, end);
      status = 206;
    }
    const body = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
    return { status, headers, arrayBuffer: async () => body.slice(0), text: async () => bytes.toString("utf-8") };
  };
}

// zarr-js gives plain JS arrays for booleans and for arrays made only of fill values; the
// checksum needs their bytes in the declared data type.
const V2_TYPED = {
  "|b1": Uint8Array, "|i1": Int8Array, "<i1": Int8Array, "|u1": Uint8Array, "<u1": Uint8Array,
  "<i2": Int16Array, "<u2": Uint16Array, "<i4": Int32Array, "<u4": Uint32Array,
  "<f4": Float32Array, "<f8": Float64Array,
};

function typedValues(data, dtype) {
  if (ArrayBuffer.isView(data)) return data;
  const Typed = V2_TYPED[dtype];
  if (!Typed) throw new Error(`adapter: cannot serialise zarr-js values of dtype ${dtype}`);
  return Typed.from(data, (value) => Number(value));
}

async function readV2(request, root, path) {
  const zarr = zarrJs(request, "v2");
  const array = await viaCallback((done) => zarr.load(path, done));
  const dtype = JSON.parse(readFileSync(join(root, path, ".zarray"), "utf-8")).dtype;
  const data = typedValues(array.data, dtype);
  return sha256Of(data.subarray(array.offset), array.shape, array.stride);
}

function* gridIndices(counts) {
  if (counts.some((n) => n === 0)) return;
  const index = new Array(counts.length).fill(0);
  for (;;) {
    yield [...index];
    let d = counts.length - 1;
    while (d >= 0 && ++index[d] === counts[d]) index[d--] = 0;
    if (d < 0) return;
  }
}

async function readV3(request, root, path) {
  const zarr = zarrJs(request, "v3");
  const get = await viaCallback((done) => zarr.open(path, done));
  // The same metadata zarr-js read: its shape and (inner, when sharded) chunk shape.
  const metadata = JSON.parse(readFileSync(join(root, path, "zarr.json"), "utf-8"));
  const shape = metadata.shape;
  const sharding = metadata.codecs?.[0]?.name === "sharding_indexed";
  const chunkShape = sharding ? metadata.codecs[0].configuration.chunk_shape
                              : metadata.chunk_grid.configuration.chunk_shape;
  const total = shape.reduce((a, b) => a * b, 1);
  const strides = shape.map((_, d) => shape.slice(d + 1).reduce((a, b) => a * b, 1));
  let out = null;
  for (const key of gridIndices(shape.map((n, d) => Math.ceil(n / chunkShape[d])))) {
    const chunk = await viaCallback((done) => get(key, done));
    out ??= new chunk.data.constructor(total);
    const extent = chunkShape.map((c, d) => Math.min(c, shape[d] - key[d] * c));
    for (const inner of gridIndices(extent)) {
      let target = 0;
      for (let d = 0; d < shape.length; d++) target += (key[d] * chunkShape[d] + inner[d]) * strides[d];
      out[target] = chunk.get(...inner);
    }
  }
  if (out === null) throw new Error("adapter: the array has no elements and zarr-js returned no chunk to type it");
  return sha256Of(out, shape, null);
}

async function runCase(message) {
  const root = message.path;
  if (!statSync(root).isDirectory()) return { skipped: "zarr-js has no zip store (.ozx)" };
  let isV3 = false;
  try {
    isV3 = statSync(join(root, "zarr.json")).isFile();
  } catch {
    isV3 = false;
  }
  if (isV3 !== (MODE === "v3")) {
    return { skipped: `a Zarr ${isV3 ? "v3" : "v2"} store; this is zarr-js's ${MODE} configuration` };
  }
  const request = httpLikeFiles(root);
  const read = MODE === "v3" ? readV3 : readV2;
  const checksums = {};
  const readErrors = {};
  for (const path of message.arrays) {
    try {
      checksums[path] = await read(request, root, path);
    } catch (error) {
      readErrors[path] = `${error?.name ?? "Error"}: ${error?.message ?? error}`.slice(0, 300);
    } finally {
      await drained();
    }
  }
  return Object.keys(readErrors).length ? { checksums, read_errors: readErrors } : { checksums };
}

serve(() => ({
  name: `zarr-js-${MODE}`,
  version: zarrJsVersion,
  language: "javascript",
  // From zarr-js's source: v2 decodes no compressor, zlib or gzip (filters are not applied);
  // v3 takes codecs[0] (or the shard's first inner codec) as gzip or blosc with cname zlib.
  supports: { ngff_versions: [], zarr_formats: MODE === "v3" ? [3] : [2],
              codecs: MODE === "v3" ? ["blosc", "gzip", "sharding_indexed"] : ["gzip", "zlib"],
              zip: false, validate: false, read: true },
}), runCase);
