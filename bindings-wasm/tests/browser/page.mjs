// Loads the web build as a page would and runs the shared checks.

import init, * as eqa from "/pkg/eqa_wasm.js";
import { checks } from "/tests/checks.mjs";

async function json(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return response.json();
}

async function run() {
  await init();
  const [e3, calls] = await Promise.all([json("/data/e3.json"), json("/data/calls.json")]);
  return checks(eqa, { e3, calls }).map(([name, check]) => {
    try {
      check();
      return { name, ok: true };
    } catch (error) {
      return { name, ok: false, error: String(error?.stack ?? error) };
    }
  });
}

window.eqaChecks = run().catch((error) => [
  { name: "page: load the package and data", ok: false, error: String(error?.stack ?? error) },
]);
