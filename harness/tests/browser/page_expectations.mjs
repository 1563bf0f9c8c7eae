// What a correct compatibility page must show, worked out from the page file's own data block
// (and from the COMPATIBILITY.md next to it, when there is one) in Node, not in the browser: a
// page whose script is broken must still be judged against what its data says.

import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";

const DATA_BLOCK = /<script type="application\/json" id="data">([\s\S]*?)<\/script>/;

// Reads the embedded JSON data block; throws with a clear message when the page has none.
export function readPageData(htmlPath) {
  const text = readFileSync(htmlPath, "utf8");
  const match = DATA_BLOCK.exec(text);
  if (!match) throw new Error(`${htmlPath}: no <script type="application/json" id="data"> block`);
  const data = JSON.parse(match[1]);
  for (const key of ["adapters", "cases", "versions", "outcomes"]) {
    if (!Array.isArray(data[key])) throw new Error(`${htmlPath}: data block lacks the array "${key}"`);
  }
  if (data.cases.length === 0) throw new Error(`${htmlPath}: data block lists no cases`);
  return data;
}

// Adapter names of the "## Summary" table of the COMPATIBILITY.md beside the page, or null when
// the page stands alone (a copy in /tmp, say).
export function readMarkdownSummaryNames(htmlPath) {
  const mdPath = join(dirname(htmlPath), "COMPATIBILITY.md");
  if (!existsSync(mdPath)) return null;
  const lines = readFileSync(mdPath, "utf8").split("\n");
  const start = lines.indexOf("## Summary");
  if (start < 0) throw new Error(`${mdPath}: no "## Summary" section`);
  const names = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith("## ")) break;
    if (!line.startsWith("| ") || line.startsWith("| adapter |")) continue;
    names.push(line.split("|")[1].trim());
  }
  return names;
}

// Outcome counts per adapter, the numbers the summary table must print.
export function summaryCounts(data) {
  const counts = {};
  for (const adapter of data.adapters) counts[adapter] = {};
  for (const c of data.cases) {
    for (const [adapter, outcome] of Object.entries(c.outcomes)) {
      if (!counts[adapter]) continue;
      counts[adapter][outcome] = (counts[adapter][outcome] || 0) + 1;
    }
  }
  return counts;
}

// Case IDs a filter must leave on screen, in data order; an empty criterion matches everything.
export function expectedCases(data, { version = "", outcome = "", text = "" } = {}) {
  return data.cases
    .filter((c) => !version || c.spec_version === version)
    .filter((c) => !outcome || Object.values(c.outcomes).includes(outcome))
    .filter((c) => !text || c.case.includes(text))
    .map((c) => c.case);
}
