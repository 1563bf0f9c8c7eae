// Opens the compatibility page (reports/index.html) in headless Chromium and checks what a reader
// sees: one summary row per implementation with the right counts, one matrix row per case, and
// filters that, driven through their controls, leave exactly the matching rows on screen.
//
//   node harness/tests/browser/index_page.test.mjs [path/to/index.html]
//
// Exit 0 when every check passes, 1 otherwise (each failure printed on its own line).
// OZV_CHROMIUM overrides the browser binary (default: Debian's /usr/bin/chromium).

import { existsSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { expectedCases, readMarkdownSummaryNames, readPageData, summaryCounts } from "./page_expectations.mjs";

const here = dirname(fileURLToPath(import.meta.url));
const htmlPath = resolve(process.argv[2] || `${here}/../../../reports/index.html`);
const browserPath = process.env.OZV_CHROMIUM || "/usr/bin/chromium";
const failures = [];

function check(condition, message) {
  if (!condition) failures.push(message);
  return condition;
}

function sameList(actual, expected, what) {
  if (actual.length === expected.length && actual.every((x, i) => x === expected[i])) return true;
  const firstDiff = actual.findIndex((x, i) => x !== expected[i]);
  failures.push(`${what}: ${actual.length} shown, ${expected.length} expected` +
    (firstDiff >= 0 ? `; first difference at row ${firstDiff + 1}: "${actual[firstDiff]}" vs "${expected[firstDiff]}"` : ""));
  return false;
}

// First-cell texts (and symbol cells) of the matrix rows a person can actually see; rows hidden
// with CSS count as gone, whatever way a future page chooses to filter.
function visibleMatrixRows(page) {
  return page.$$eval("#matrix tr", (rows) => rows
    .filter((row) => row.querySelector("td") && row.checkVisibility())
    .map((row) => [...row.querySelectorAll("td")].map((cell) => cell.textContent.trim())));
}

async function expectMatrix(page, data, filter, what) {
  const rows = await visibleMatrixRows(page);
  const ok = sameList(rows.map((cells) => cells[0]), expectedCases(data, filter), what);
  if (ok && filter.outcome) {
    const symbol = data.symbols?.[filter.outcome];
    const lacking = rows.filter((cells) => !cells.slice(2).includes(symbol));
    check(lacking.length === 0, `${what}: ${lacking.length} rows show no "${symbol}" cell, e.g. ${lacking[0]?.[0]}`);
  }
}

async function checkSummary(page, data) {
  const table = page.locator("xpath=//h2[normalize-space()='Summary']/following-sibling::table[1]");
  if (!check(await table.count() === 1, "no table after the \"Summary\" heading")) return;
  const { columns, rows } = await table.evaluate((t) => ({
    columns: [...t.querySelectorAll("th")].map((th) => th.textContent.trim()),
    rows: [...t.querySelectorAll("tr")].filter((r) => r.querySelector("td") && r.checkVisibility())
      .map((r) => [...r.querySelectorAll("td")].map((td) => td.textContent.trim())),
  }));
  sameList(rows.map((cells) => cells[0]), data.adapters, "summary rows vs the page's adapters");
  const fromMarkdown = readMarkdownSummaryNames(htmlPath);
  if (fromMarkdown) sameList(data.adapters, fromMarkdown, "page adapters vs COMPATIBILITY.md summary");
  const counts = summaryCounts(data);
  for (const cells of rows) {
    columns.forEach((outcome, i) => {
      if (i === 0 || !counts[cells[0]]) return;
      const want = String(counts[cells[0]][outcome] || 0);
      check(cells[i] === want, `summary ${cells[0]} / ${outcome}: shows ${cells[i]}, data says ${want}`);
    });
  }
}

// The outcome to filter by: false-accept when the data has it (the interesting one), otherwise
// any outcome that leaves some rows but not all, so the filter visibly changes the page.
function pickOutcome(data) {
  const narrowing = data.outcomes.filter((o) => {
    const n = expectedCases(data, { outcome: o }).length;
    return n > 0 && n < data.cases.length;
  });
  return narrowing.includes("false-accept") ? "false-accept" : narrowing[0];
}

async function run() {
  if (!existsSync(htmlPath)) throw new Error(`no page at ${htmlPath}`);
  if (!existsSync(browserPath)) throw new Error(`no Chromium at ${browserPath} (apt-get install chromium, or set OZV_CHROMIUM)`);
  const data = readPageData(htmlPath);
  const pageUrl = pathToFileURL(htmlPath).href;
  const browser = await chromium.launch({ executablePath: browserPath, headless: true });
  try {
    const page = await browser.newPage();
    page.setDefaultTimeout(5000); // a broken page fails fast instead of waiting on a missing control
    const consoleErrors = [];
    const foreignRequests = [];
    page.on("console", (msg) => { if (msg.type() === "error") consoleErrors.push(msg.text()); });
    page.on("pageerror", (err) => consoleErrors.push(String(err)));
    page.on("request", (req) => { if (req.url() !== pageUrl) foreignRequests.push(req.url()); });
    // The page must be self-contained: anything it tries to fetch is recorded above and refused here.
    await page.route((url) => url.href !== pageUrl, (route) => route.abort());
    await page.goto(pageUrl, { waitUntil: "load" });

    await checkSummary(page, data);
    await expectMatrix(page, data, {}, "matrix on load");
    check((await page.locator("#count").textContent())?.trim() === `${data.cases.length} cases`,
      `case counter does not read "${data.cases.length} cases"`);

    // Controls are found by their label, as a reader would, matched at its start: a label's name
    // also holds its options' texts (the area list has "ngff-version").
    const outcome = pickOutcome(data);
    if (check(outcome, "no outcome in the data narrows the matrix; the filter cannot be exercised")) {
      await page.getByLabel(/^outcome/).selectOption({ label: outcome });
      await expectMatrix(page, data, { outcome }, `matrix filtered by outcome ${outcome}`);
      await page.getByLabel(/^outcome/).selectOption({ label: "all" });
      await expectMatrix(page, data, {}, "matrix after clearing the outcome filter");
    }

    // Two filters at once, one of them typed: version and a case-ID substring taken from the middle
    // of an ID ("/v2" of "chunks/v2-..."), so a prefix-only match would be caught.
    const version = data.versions[0];
    const sample = data.cases.find((c) => c.spec_version === version)?.case ?? "";
    const text = "/" + (sample.split("/").pop() ?? "").split("-")[0];
    await page.getByLabel(/^version/).selectOption({ label: version });
    await page.getByPlaceholder("substring").pressSequentially(text);
    const both = { version, text };
    check(expectedCases(data, both).length > 0, `no case has version ${version} and "${text}"; pick other filters`);
    await expectMatrix(page, data, both, `matrix filtered by version ${version} and "${text}"`);
    await page.getByPlaceholder("substring").fill("");
    await page.getByLabel(/^version/).selectOption({ label: "all" });
    await expectMatrix(page, data, {}, "matrix after clearing every filter");

    check(consoleErrors.length === 0, `console errors: ${consoleErrors.join(" | ")}`);
    check(foreignRequests.length === 0, `requests beyond the page itself: ${foreignRequests.join(", ")}`);
  } finally {
    await browser.close();
  }
}

const started = Date.now();
try {
  await run();
} catch (err) {
  failures.push(err.message.split("\n")[0]); // Playwright appends a long call log
}
const seconds = ((Date.now() - started) / 1000).toFixed(1);
if (failures.length) {
  for (const f of failures) console.error(`FAIL ${f}`);
  console.error(`index_page: ${failures.length} failure(s) on ${htmlPath} (${seconds}s)`);
  process.exit(1);
}
console.log(`index_page: all checks passed on ${htmlPath} (${seconds}s)`);
