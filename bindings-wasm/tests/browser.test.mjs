// The web build (`wasm-bindgen --target web`) in headless Chromium: a page
// served from 127.0.0.1 imports pkg/ and runs the shared checks.

import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";

import { chromium } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

const here = (path) => new URL(path, import.meta.url);
// Only these paths are served.
const FILES = new Map([
  ["/tests/browser/index.html", here("browser/index.html")],
  ["/tests/browser/page.mjs", here("browser/page.mjs")],
  ["/tests/checks.mjs", here("checks.mjs")],
  ["/data/e3.json", here("../../core/tests/vectors/iso13528_2022_E3_atrazine.json")],
  ["/data/calls.json", here("../../core/tests/parity/calls.json")],
]);
for (const name of ["eqa_wasm.js", "eqa_wasm_bg.wasm"]) {
  FILES.set(`/pkg/${name}`, here(`../pkg/${name}`));
}
const TYPES = { ".html": "text/html", ".mjs": "text/javascript", ".js": "text/javascript",
  ".json": "application/json", ".wasm": "application/wasm" };

function serve(problems) {
  const server = createServer((request, response) => {
    const path = new URL(request.url, "http://127.0.0.1").pathname;
    if (path === "/favicon.ico") {
      response.writeHead(204).end();
      return;
    }
    const file = FILES.get(path);
    if (file === undefined) {
      problems.push(`not found: ${path}`);
      response.writeHead(404).end();
      return;
    }
    const type = TYPES[path.slice(path.lastIndexOf("."))];
    response.writeHead(200, { "content-type": type, "cache-control": "no-store" });
    response.end(readFileSync(file));
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

test("Chromium runs the checks on the web build", async (t) => {
  const problems = [];
  const server = await serve(problems);
  const profile = mkdtempSync(join(tmpdir(), "eqa-wasm-chromium-"));
  let context;
  let results;
  try {
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: FLAGS,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
    page.on("console", (message) => {
      if (message.type() === "error") problems.push(`console: ${message.text()}`);
    });
    const { port } = server.address();
    const response = await page.goto(`http://127.0.0.1:${port}/tests/browser/index.html`);
    assert.equal(response.status(), 200);
    await page.waitForFunction(() => window.eqaChecks !== undefined);
    results = await page.evaluate(() => window.eqaChecks);
  } finally {
    await context?.close();
    server.close();
    rmSync(profile, { recursive: true, force: true });
  }
  assert.deepEqual(problems, []);
  assert.ok(results.length > 20, `only ${results.length} checks ran`);
  for (const { name, ok, error } of results) {
    await t.test(name, () => assert.ok(ok, error));
  }
});
