// Adapter: npm @fideus-labs/ngff-zarr as an OME-Zarr image reader and validator.
// Verdict: `fromNgffZarr(store, {validate: true})` (its reader: opens the root group and every
// dataset array with its own zarrita 0.6, checks the structure it needs), then
// `validateMetadata` (its Zod schema) on the metadata the reader returns; the first error is
// the reason. Directories are passed as a path (the reader makes a FileSystemStore), zip
// files (.ozx or any other name) as the ZipFileStore of its own @zarrita/storage, which its
// reader accepts.
// No checksums: its pixel read `zarrGet` decodes in Web Workers, and Node 20 has no global
// `Worker` ("ReferenceError: Worker is not defined"), so it reads no pixels here.
// Roots that are not images (plate, well, bioformats2raw, labels, series) are skipped: the
// package reads images only (its plate reader `fromHcsZarr` returns a fixed mock plate).
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import * as ngff from "@fideus-labs/ngff-zarr";
import { serve } from "./protocol_loop.mjs";
import { omeDocuments, Unreadable } from "./ome_documents.mjs";

// The package's exports hide package.json, so the installed copy is found by location.
const packageDir = join(fileURLToPath(new URL(".", import.meta.url)), "..", "..", "node_modules",
                        "@fideus-labs", "ngff-zarr");
const packageVersion = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf-8")).version;

// The @zarrita/storage ngff-zarr itself depends on (nested when another package pins a newer one).
async function zipStoreClass() {
  for (const base of [join(packageDir, "node_modules", "@zarrita", "storage"),
                      join(packageDir, "..", "..", "@zarrita", "storage")]) {
    try {
      return (await import(pathToFileURL(join(base, "dist", "src", "zip.js")).href)).default;
    } catch {
      // try the next layout
    }
  }
  return null;
}
const ZipFileStore = await zipStoreClass();

const NOT_IMAGE_KEYS = ["plate", "well", "bioformats2raw.layout", "labels", "series"];

// The kind of the root node from its OME metadata, or null when that is not readable (the
// reader is then left to say what is wrong).
async function rootKeys(path, specVersion) {
  let documents;
  try {
    documents = await omeDocuments(path, specVersion);
  } catch (error) {
    if (error instanceof Unreadable) return null;
    throw error;
  }
  const root = documents.find(([key]) => key === (specVersion === "0.4" ? ".zattrs" : "zarr.json"));
  return root ? Object.keys(root[2]) : null;
}

function reasonOf(error) {
  return String(error?.message ?? error).replace(/\s+/g, " ").slice(0, 400);
}

async function runCase(message) {
  const isZip = statSync(message.path).isFile();
  if (isZip && !ZipFileStore) return { skipped: "ngff-zarr's @zarrita/storage ZipFileStore is not installed" };
  const keys = await rootKeys(message.path, message.spec_version);
  if (keys && !keys.includes("multiscales")) {
    const kind = NOT_IMAGE_KEYS.find((key) => keys.includes(key));
    if (kind) return { skipped: `the root is a '${kind}' node; ngff-zarr ${packageVersion} reads images only` };
  }
  const store = isZip ? ZipFileStore.fromBlob(new Blob([readFileSync(message.path)])) : message.path;
  let multiscales;
  try {
    multiscales = await ngff.fromNgffZarr(store, { validate: true });
  } catch (error) {
    return { verdict: "invalid", reason: reasonOf(error) };
  }
  try {
    ngff.validateMetadata(multiscales.metadata);
  } catch (error) {
    return { verdict: "invalid", reason: reasonOf(error) };
  }
  return { verdict: "valid" };
}

serve(() => ({
  name: "ngff-zarr",
  version: packageVersion,
  language: "javascript",
  supports: { ngff_versions: [...ngff.SUPPORTED_VERSIONS], zarr_formats: [2, 3], codecs: [],
              zip: ZipFileStore !== null, validate: true, read: false },
}), runCase);
