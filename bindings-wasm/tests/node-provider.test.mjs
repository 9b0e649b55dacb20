// ISO 13528:2022 clause 7 and Annex B in the Node build: the parity fixture
// core/tests/parity/provider.json bit for bit (Object.is), the numbers
// printed in E.2, E.5, E.7 and Table B.1, and the errors' name and code.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const eqa = require("eqa-wasm/node");

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const vector = (name) => read(`../../core/tests/vectors/${name}.json`);
const fixture = read("../../core/tests/parity/provider.json");

const camel = (key) => key.replace(/_([a-z0-9])/gi, (_, c) => c.toUpperCase());

/** The positional arguments of each function, in order; the other args are options. */
const POSITIONAL = {
  homogeneity: ["table", "sigma_pt"],
  expanded_factors: ["g", "m"],
  stability: ["first", "second", "sigma_pt"],
  assigned_value_formulation: ["x_pt", "u"],
  assigned_value_certified: ["value", "expanded_uncertainty", "k"],
  assigned_value_reference_laboratory: ["x_pt", "u"],
  assigned_value_crm_comparison: ["x_crm", "u_crm", "differences"],
  assigned_value_consensus: ["x"],
  assigned_value_expert_consensus: ["x"],
  compare_with_reference: ["x_ref", "u_ref", "x_pt", "u_x_pt"],
};

const VALUES = new Set(["first", "second", "differences", "x"]);

function invoke(call, typed) {
  const names = POSITIONAL[call.function];
  const wrap = (key, value) => {
    if (!typed) return value;
    if (VALUES.has(key)) return new Float64Array(value);
    if (key === "table") return value.map((row) => new Float64Array(row));
    return value;
  };
  const positional = names.map((key) => wrap(key, call.args[key]));
  const options = {};
  for (const [key, value] of Object.entries(call.args)) {
    if (!names.includes(key)) options[camel(key)] = value;
  }
  return eqa[camel(call.function)](...positional, options);
}

/** Why `actual` differs from the fixture's `expected`, or null. */
function difference(actual, expected, path = "result") {
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return `${path}: not an array of ${expected.length}`;
    for (const [i, e] of expected.entries()) {
      const d = difference(actual[i], e, `${path}[${i}]`);
      if (d) return d;
    }
    return null;
  }
  if (expected !== null && typeof expected === "object") {
    if (typeof actual !== "object" || actual === null) return `${path}: not an object`;
    const keys = Object.keys(expected).map(camel).sort();
    if (Object.keys(actual).sort().join() !== keys.join()) return `${path}: keys ${Object.keys(actual).sort()} vs ${keys}`;
    for (const [key, e] of Object.entries(expected)) {
      const d = difference(actual[camel(key)], e, `${path}.${camel(key)}`);
      if (d) return d;
    }
    return null;
  }
  if (typeof actual === "number" && !Number.isFinite(actual)) return `${path}: ${actual} is not finite`;
  return Object.is(actual, expected) ? null : `${path}: got ${actual}, expected ${expected}`;
}

test("fixture: every function is exported and called", () => {
  const functions = new Set(fixture.calls.map((c) => c.function));
  assert.deepEqual([...functions].sort(), Object.keys(POSITIONAL).sort());
  for (const name of functions) assert.equal(typeof eqa[camel(name)], "function", camel(name));
  assert.ok(fixture.calls.some((c) => "error" in c));
});

for (const typed of [false, true]) {
  test(`parity: ${fixture.calls.length} calls bit for bit (${typed ? "Float64Array" : "arrays"})`, () => {
    const failures = [];
    for (const [index, call] of fixture.calls.entries()) {
      let result;
      try {
        result = invoke(call, typed);
      } catch (error) {
        if (!(error instanceof Error)) failures.push(`${index}: threw a non-Error`);
        else if (!("error" in call)) failures.push(`${index}: threw ${error.code}: ${error.message}`);
        else if (error.code !== call.error) failures.push(`${index}: threw ${error.code}, expected ${call.error}`);
        continue;
      }
      if ("error" in call) {
        failures.push(`${index}: returned, expected ${call.error}`);
        continue;
      }
      const d = difference(result, call.result);
      if (d) failures.push(`${index} ${call.function}: ${d}`);
    }
    assert.deepEqual(failures, []);
  });
}

/** Half a unit of the printed value's last digit. */
function printed(computed, p, what) {
  const unit = 10 ** -p.decimals;
  assert.equal(Math.round(computed / unit), Math.round(p.value / unit), `${what}: ${computed} vs ${p.printed}`);
}

test("E.2: homogeneity, Table E.2", () => {
  const v = vector("iso13528_2022_E2_homogeneity_stability");
  const e = v.expected;
  const sigmaPt = 0.15 * eqa.homogeneity(v.homogeneity_items, 1).generalMean;
  const h = eqa.homogeneity(v.homogeneity_items, sigmaPt);
  assert.equal(h.g, 10);
  assert.equal(h.m, 2);
  printed(h.generalMean, e.general_mean, "general mean");
  printed(h.sX, e.s_x, "s_x");
  printed(h.sW, e.s_w, "s_w");
  printed(h.sS, e.s_s, "s_s");
  printed(h.sigmaPt, e.sigma_pt, "sigma_pt");
  printed(h.criterion, e["criterion_0.3_sigma_pt"], "0.3 sigma_pt");
  assert.equal(h.sufficient, e.homogeneity_sufficient);
  const k = v.expected_koch_spreadsheet_full_precision;
  const koch = eqa.homogeneity(v.homogeneity_items, k.sigma_pt);
  assert.ok(Math.abs(koch.expandedCriterion - k.expanded_criterion_sqrt_c) < 1e-12);
  assert.deepEqual([koch.f1, koch.f2, koch.factors], [k.F1_g10, k.F2_g10, "table_b1"]);
});

test("E.2: stability, Table E.3", () => {
  const v = vector("iso13528_2022_E2_homogeneity_stability");
  const e = v.expected;
  const before = v.homogeneity_items.flat();
  const after = new Float64Array(v.stability_items.flat());
  const s = eqa.stability(before, after, 0.15 * eqa.mean(before));
  printed(s.meanSecond, e.stability_mean, "stability mean");
  printed(Math.abs(s.difference), e.stability_difference, "|difference|");
  assert.equal(s.stable, e.stability_sufficient);
  assert.equal(s.uStab, 0);
});

test("Table B.1: F1 and F2 by g", () => {
  const rows = vector("iso13528_2022_tables_B1_C1").table_B1_F1_F2_by_g;
  for (const [g, [f1, f2]] of Object.entries(rows)) {
    assert.deepEqual(eqa.expandedFactors(Number(g), 2), { f1, f2, factors: "table_b1" });
    const c = eqa.expandedFactors(Number(g), 2, { factors: "computed" });
    assert.equal(Math.round(c.f1 * 100) / 100, f1, `F1 g=${g}`);
    assert.equal(Math.round(c.f2 * 100) / 100, f2, `F2 g=${g}`);
  }
});

test("E.5: assigned value against a CRM, Table E.8", () => {
  const v = vector("iso13528_2022_E5_crm_comparison");
  const a = eqa.assignedValueCrmComparison(v.x_crm, v.u_crm, v.differences_item_minus_crm);
  printed(a.xPt, v.expected.x_pt, "x_pt");
  printed(a.uXPt, v.expected.u_x_pt, "u(x_pt)");
  printed(a.uDifference, v.expected.u_d, "u_d");
  assert.equal(a.provenance, "reference_laboratory");
  assert.equal(a.estimator, null);
});

test("E.7: consensus against a reference value", () => {
  const v = vector("iso13528_2022_E7_algA_vs_reference");
  const e = v.expected;
  const a = eqa.assignedValueConsensus(v.data);
  printed(a.xPt, e.algA_x, "x*");
  printed(a.scale, e.algA_s, "s*");
  printed(a.uXPt, e.algA_u, "u(x*)");
  const c = eqa.compareWithReference(v.x_ref, v.u_ref, a.xPt, a.uXPt);
  printed(c.difference, e.x_diff, "x_diff");
  printed(c.uDiff, e.u_diff, "u_diff");
  assert.equal(c.rule, "two_u_diff");
  assert.equal(c.agrees, false);
  assert.equal(eqa.compareWithReference(v.x_ref, v.u_ref, a.xPt, a.uXPt, { rule: "three_u_diff" }).agrees, true);
});

test("errors: real Errors with the family's name and the core's code", () => {
  const cases = [
    [() => eqa.homogeneity([[1, 2], [1, 2, 3]], 1), "InvalidInputError", "length_mismatch"],
    [() => eqa.homogeneity([[1, 2]], 1), "InvalidInputError", "too_few_values"],
    [() => eqa.homogeneity([[1, 2], [3, NaN]], 1), "InvalidInputError", "non_finite_value"],
    [() => eqa.homogeneity([[1, 2], [3, 4]], 0), "InvalidParameterError", "invalid_parameter"],
    [() => eqa.homogeneity([1, 2], 1), "InvalidParameterError", "invalid_parameter"],
    [() => eqa.stability([1], [1, 2], 1), "InvalidInputError", "too_few_values"],
    [() => eqa.assignedValueConsensus([1, 1, 1, 2, 9]), "ZeroScaleError", "zero_scale"],
    [() => eqa.compareWithReference(1.7e308, 1, -1.7e308, 1), "NumericalOverflowError", "overflow"],
  ];
  for (const [fn, name, code] of cases) {
    assert.throws(fn, (error) => error instanceof Error && error.name === name && error.code === code);
  }
  assert.throws(
    () => eqa.homogeneity([[1, 2], [3, 4]], 0),
    (error) => error.details.name === "sigmaPt" && error.message.includes("sigmaPt"),
  );
  assert.throws(
    () => eqa.homogeneity([[1, 2], [1, 2, 3]], 1),
    (error) => error.details.what === "replicates of an item" && error.details.expected === 2 && error.details.got === 3,
  );
  assert.throws(
    () => eqa.assignedValueFormulation(1, 0.1, { uHom: -1 }),
    (error) => error.code === "invalid_parameter" && error.details.name === "uHom",
  );
  assert.throws(
    () => eqa.stability([1, 2], [1, 2], 1, { uStabRule: "uniform" }),
    (error) => error.details.name === "uStabRule",
  );
  assert.throws(() => eqa.homogeneity([[1, 2], [3, 4]], 1, { factor: "computed" }), (error) => error.details.name === "option");
});
