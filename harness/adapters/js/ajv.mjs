// Adapter: npm ajv over the official OME-NGFF schemas (read at run time from
// $OZV_SHARED_DIR/ngff-upstream/<version>/schemas), in one of two configurations:
//   draft2020  Ajv2020 {strict:false}: what the schemas declare.
//   draft07    the default Ajv class {strict:false}, as the OME-NGFF web validator uses it:
//              it does not know the 2020-12 meta-schema, so `$schema` is dropped before
//              compiling, and 2020-12-only keywords (minContains/maxContains, prefixItems,
//              ...) are silently ignored under strict:false.
// Same document discovery and schema selection as the python-jsonschema adapter.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createRequire } from "node:module";
import { serve } from "./protocol_loop.mjs";
import { omeDocuments, schemaDir, schemasFor, Unreadable } from "./ome_documents.mjs";

const require = createRequire(import.meta.url);
const mode = process.argv[2];
if (mode !== "draft2020" && mode !== "draft07") {
  process.stderr.write("usage: ajv.mjs draft2020|draft07\n");
  process.exit(2);
}
const AjvClass = mode === "draft2020" ? require("ajv/dist/2020").default : require("ajv").default;
const ajvVersion = require("ajv/package.json").version;

const validatorsByVersion = new Map();

function loadVersion(version) {
  // One Ajv instance per version: the 0.4 files reuse `latest` $ids that would clash.
  const ajv = new AjvClass({ strict: false });
  const dir = schemaDir(version);
  const schemas = {};
  for (const name of readdirSync(dir).sort()) {
    if (!name.endsWith(".schema")) continue;
    const schema = JSON.parse(readFileSync(join(dir, name), "utf-8"));
    if (mode === "draft07") delete schema.$schema;
    schemas[name.slice(0, -".schema".length)] = schema;
    ajv.addSchema(schema, schema.$id ?? name);
  }
  const validators = {};
  for (const [name, schema] of Object.entries(schemas)) {
    validators[name] = ajv.getSchema(schema.$id ?? `${name}.schema`);
  }
  return validators;
}

function validator(version, name) {
  if (!validatorsByVersion.has(version)) validatorsByVersion.set(version, loadVersion(version));
  return validatorsByVersion.get(version)[name];
}

async function runCase(message) {
  const version = message.spec_version;
  let documents;
  try {
    if (!statSync(message.path, { throwIfNoEntry: false })) return { verdict: "invalid", reason: "path missing" };
    documents = await omeDocuments(message.path, version);
  } catch (error) {
    if (error instanceof Unreadable) return { verdict: "invalid", reason: error.message };
    throw error;
  }
  for (const [key, document, omeKeys] of documents) {
    for (const name of schemasFor(omeKeys)) {
      const check = validator(version, name);
      if (!check) continue;
      if (!check(document)) {
        const first = check.errors?.[0];
        return { verdict: "invalid",
                 reason: `${key} vs ${name}.schema at ${first?.instancePath || "/"}: ${first?.message ?? ""}`.slice(0, 300) };
      }
    }
  }
  return { verdict: "valid" };
}

serve(() => ({
  name: mode === "draft2020" ? "ajv (Ajv2020)" : "ajv (draft-07, web validator config)",
  version: ajvVersion,
  language: "javascript",
  supports: { ngff_versions: ["0.4", "0.5"], zarr_formats: [2, 3], codecs: [], zip: true,
              validate: true, read: false },
}), runCase);
