// Finds the OME-NGFF metadata documents of a case, the same way as
// adapters/py/ome_documents.py (0.4: every .zattrs; 0.5: group zarr.json attributes with an
// `ome` member), so the JS schema validators are fed exactly what the Python one is fed.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const WANTED = new Set([".zattrs", "zarr.json"]);

export class Unreadable extends Error {}

function walk(root, dir, found) {
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) walk(root, full, found);
    else if (WANTED.has(name)) found.push([relative(root, full).split(sep).join("/"), full]);
  }
}

async function zipEntries(path) {
  // unzipit is what zarrita's ZipFileStore uses; reading with it keeps the JS side in JS.
  const require = createRequire(fileURLToPath(import.meta.url));
  let unzipit;
  try {
    unzipit = await import(require.resolve("unzipit"));
  } catch (error) {
    throw new Error(`adapter set-up: no zip reader: ${error.message}`);  // not the implementation's fault
  }
  const bytes = readFileSync(path);
  let info;
  try {
    info = await unzipit.unzipRaw(new Uint8Array(bytes));
  } catch (error) {
    throw new Unreadable(`cannot open the zip file: ${error.message}`);
  }
  const out = [];
  for (const entry of info.entries) {
    const base = entry.name.split("/").pop();
    if (WANTED.has(base)) out.push([entry.name, entry]);
  }
  out.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return out;
}

export async function omeDocuments(path, specVersion) {
  let entries;
  if (statSync(path).isDirectory()) {
    const found = [];
    walk(path, path, found);
    found.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    entries = found.map(([key, full]) => [key, async () => readFileSync(full)]);
  } else {
    entries = (await zipEntries(path)).map(([key, entry]) => [key, async () => {
      try {
        return Buffer.from(await entry.arrayBuffer());
      } catch (error) {
        throw new Unreadable(`cannot read ${key}: ${error.message}`);
      }
    }]);
  }
  const documents = [];
  for (const [key, load] of entries) {
    let document;
    try {
      document = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(await load()));
    } catch (error) {
      if (error instanceof Unreadable) throw error;
      throw new Unreadable(`${key} does not parse: ${error.message}`);
    }
    const isObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);
    if (specVersion === "0.4") {
      if (key.endsWith(".zattrs") && isObject(document)) documents.push([key, document, document]);
    } else if (key.endsWith("zarr.json") && isObject(document) && document.node_type === "group") {
      const attributes = document.attributes;
      if (isObject(attributes) && isObject(attributes.ome)) documents.push([key, attributes, attributes.ome]);
    }
  }
  return documents;
}

const SCHEMA_FOR_KEY = [
  ["multiscales", "image"], ["image-label", "label"], ["plate", "plate"], ["well", "well"],
  ["bioformats2raw.layout", "bf2raw"], ["series", "ome"],
];

export function schemasFor(omeKeys) {
  return SCHEMA_FOR_KEY.filter(([key]) => Object.hasOwn(omeKeys, key)).map(([, schema]) => schema);
}

export function schemaDir(version) {
  const here = fileURLToPath(new URL(".", import.meta.url));
  const shared = process.env.OZV_SHARED_DIR ?? join(here, "..", "..", "..", "..", "shared");
  return join(shared, "ngff-upstream", version, "schemas");
}
