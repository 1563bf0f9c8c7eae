// Adapter: npm zarrita as a Zarr v2/v3 reader. Opens every array the harness lists, reads
// it whole and answers the sha256 of its data (C order, little-endian). No verdict.
// Directory stores use a minimal read-only store over node:fs (zarrita accepts any object
// with get(key)); .ozx files use zarrita's own ZipFileStore from @zarrita/storage.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as zarr from "zarrita";
import { serve } from "./protocol_loop.mjs";
import { sha256Of } from "./checksum.mjs";

// zarrita's exports hide package.json, so the installed copy is found by location.
const zarritaDir = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..", "node_modules", "zarrita");
const zarritaVersion = JSON.parse(readFileSync(join(zarritaDir, "package.json"), "utf-8")).version;

// zarrita's own copy of @zarrita/storage (nested when another package pins an older one).
async function zipStoreClass() {
  for (const base of [join(zarritaDir, "node_modules", "@zarrita", "storage"),
                      join(zarritaDir, "..", "@zarrita", "storage")]) {
    try {
      const module = await import(pathToFileURL(join(base, "dist", "src", "zip.js")).href);
      return module.default;
    } catch {
      // try the next layout
    }
  }
  return null;
}
const ZipFileStore = await zipStoreClass();

class DirectoryStore {
  constructor(root) { this.root = root; }
  async get(key) {
    try {
      return new Uint8Array(readFileSync(join(this.root, ...key.split("/").filter(Boolean))));
    } catch {
      return undefined;
    }
  }
  // Sharded arrays are read by byte range; {offset, length} or {suffixLength}.
  async getRange(key, range) {
    const whole = await this.get(key);
    if (whole === undefined) return undefined;
    if ("suffixLength" in range) return whole.subarray(Math.max(0, whole.length - range.suffixLength));
    return whole.subarray(range.offset, range.offset + range.length);
  }
}

async function runCase(message) {
  let store;
  if (message.path.endsWith(".ozx")) {
    if (!ZipFileStore) return { skipped: "zarrita's ZipFileStore is not installed" };
    store = ZipFileStore.fromBlob(new Blob([readFileSync(message.path)]));
  } else {
    store = new DirectoryStore(message.path);
  }
  const checksums = {};
  const readErrors = {};
  for (const path of message.arrays) {
    try {
      const array = await zarr.open(zarr.root(store).resolve(path), { kind: "array" });
      const chunk = await zarr.get(array);
      checksums[path] = sha256Of(chunk.data, chunk.shape, chunk.stride);
    } catch (error) {
      readErrors[path] = `${error?.name ?? "Error"}: ${error?.message ?? error}`.slice(0, 300);
    }
  }
  return Object.keys(readErrors).length ? { checksums, read_errors: readErrors } : { checksums };
}

serve(() => ({
  name: "zarrita",
  version: zarritaVersion,
  language: "javascript",
  supports: { ngff_versions: [], zarr_formats: [2, 3],
              codecs: ["blosc", "bytes", "crc32c", "gzip", "sharding_indexed", "transpose", "zlib", "zstd"],
              zip: ZipFileStore !== null, validate: false, read: true },
}), runCase);
