// The package built for Node (`wasm-bindgen --target nodejs`), loaded as a
// user would: `eqa-wasm/node`, through the package's exports.

import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

import { checks } from "./checks.mjs";

const require = createRequire(import.meta.url);
const eqa = require("eqa-wasm/node");

const read = (path) => readFileSync(new URL(path, import.meta.url), "utf8");
const data = {
  e3: JSON.parse(read("../../core/tests/vectors/iso13528_2022_E3_atrazine.json")),
  calls: JSON.parse(read("../../core/tests/parity/calls.json")),
};

for (const [name, check] of checks(eqa, data)) {
  test(name, check);
}

const API = [
  // Location and scale, Algorithm A (Annex C.2, C.3).
  "algorithmA", "consensusUncertainty", "huberFixedScale", "made", "mean", "median", "niqr",
  "quantile", "standardDeviation",
  // Annex C beyond Algorithm A.
  "algorithmS", "algorithmSFactors", "hampel", "qHampel", "qMethod", "qn", "qnCorrection",
  // Clauses 8 and 9: sigma_pt and performance statistics.
  "checkUncertainty", "classify", "classifyEn", "classifyPa", "classifyZ", "combinedZ",
  "deviation", "deviations", "enNumber", "enNumbers", "paScore", "paScores", "percentDeviation",
  "percentDeviations", "sigmaPtFromLimit", "sigmaPtFromPrecision", "sigmaPtFromPreviousRounds",
  "sigmaPtFromRobustSd", "sigmaPtGeneralModel", "zPrimeScore", "zPrimeScores", "zScore",
  "zScores", "zetaScore", "zetaScores",
  // Clause 7 and Annex B: assigned values, homogeneity and stability.
  "assignedValueCertified", "assignedValueConsensus", "assignedValueCrmComparison",
  "assignedValueExpertConsensus", "assignedValueFormulation", "assignedValueReferenceLaboratory",
  "compareWithReference", "expandedFactors", "homogeneity", "stability",
  // Clause 10: data for graphs.
  "histogram", "kernelDensity", "scoreBars", "scoreSeries", "youden",
  // Synthetic rounds: a generated plan, criteria and a year of results.
  "syntheticRound",
  // Acceptance limits, the shipped criteria tables and unit conversions.
  "builtinCriteria", "clia2024Criteria", "convertUnit", "findCriterion", "judge",
  "nccl2024Criteria", "unitConversions",
  // Histories, certificates and reports over scored rounds.
  "certificates", "histories", "labReport", "labReportCsv", "performanceHistory", "roundSummary",
  "roundSummaryCsv",
  // Results in long format and submission validation.
  "loadPlan", "loadResultsCsv", "loadResultsJson", "resultsToCsv", "validateSubmission",
  // Hospital indicators: participation, pass and alternative-assessment rates.
  "hospitalIndicators", "hospitalIndicatorsCsv", "itemOutcomes", "providerIndicators",
  "providerIndicatorsCsv", "sampleCatalogue", "sampleMapping", "validateIndicatorInputs",
  // Scoring a round: evaluations, peer groups, targets and PT scores.
  "scoreRound", "scoreYear", "visScore",
].sort();

test("package: exports exactly the API", () => {
  assert.deepEqual(Object.keys(eqa).sort(), API);
});

test("package: the web build exports the same functions", async () => {
  const web = await import("eqa-wasm");
  assert.deepEqual(Object.keys(web).filter((k) => !["default", "initSync"].includes(k)).sort(), API);
  web.initSync({ module: readFileSync(new URL("../pkg/eqa_wasm_bg.wasm", import.meta.url)) });
  const x = data.e3.data;
  assert.ok(Object.is(web.algorithmA(x).scale, eqa.algorithmA(x).scale));
});

test("package: its version is the crate's", () => {
  const manifest = read("../../Cargo.toml");
  const workspace = manifest.slice(manifest.indexOf("[workspace.package]"));
  const version = workspace.match(/^version\s*=\s*"([^"]+)"/m)[1];
  assert.equal(JSON.parse(read("../package.json")).version, version);
});

test("declarations: no `any` in the API", () => {
  for (const path of ["../pkg-node/eqa_wasm.d.ts", "../pkg/eqa_wasm.d.ts"]) {
    const text = read(path);
    // The web build ends with wasm-bindgen's own loader types.
    const end = text.indexOf("export type InitInput");
    const api = end === -1 ? text : text.slice(0, end);
    assert.doesNotMatch(api, /\bany\b/, path);
    for (const name of API) assert.match(api, new RegExp(`export function ${name}\\(`), `${path}: ${name}`);
    assert.match(api, /export function algorithmA\(values: Values, options\?: AlgorithmAOptions/);
    assert.match(api, /export function algorithmA\([^)]*\): RobustEstimate;/);
  }
});

for (const [name, path] of [["the package's README", "../README.md"], ["the repository's README", "../../README.md"]]) {
  test(`${name}: every Node example prints what it says`, () => {
    const readme = read(path);
    const examples = [...readme.matchAll(/```js\n(import [^\n]*"eqa-wasm\/node";\n[\s\S]*?)```\n+```text\n([\s\S]*?)```/g)];
    assert.ok(examples.length > 0, "README has a Node example followed by its output");
    for (const example of examples) {
      const output = execFileSync(process.execPath, ["--input-type=module", "-e", example[1]], {
        cwd: new URL(".", import.meta.url),
        encoding: "utf8",
      });
      assert.equal(output, example[2]);
    }
  });
}
