// ISO 13528:2022 Annex C beyond Algorithm A in Node: the parity fixture
// core/tests/parity/annex_c.json bit for bit (Object.is), the printed
// numbers of E.3, E.13 and Table C.1, replicates, and the errors.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const eqa = require("eqa-wasm/node");

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const vectors = "../../core/tests/vectors/";
const e3 = read(`${vectors}iso13528_2022_E3_atrazine.json`);
const e13 = read(`${vectors}iso13528_2022_E13_algA_algS.json`);
const tables = read(`${vectors}iso13528_2022_tables_B1_C1.json`);
const fixture = read("../../core/tests/parity/annex_c.json");

const camel = (key) => key.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const optionsOf = (args, skip) =>
  Object.fromEntries(Object.entries(args).filter(([k]) => !skip.includes(k)).map(([k, v]) => [camel(k), v]));

function invoke({ function: f, values, args }) {
  switch (f) {
    case "q_method": return eqa.qMethod(values);
    case "q_hampel": return eqa.qHampel(values, optionsOf(args, []));
    case "hampel": return eqa.hampel(values, args.scale, optionsOf(args, ["scale"]));
    case "qn": return eqa.qn(values, optionsOf(args, []));
    case "qn_correction": return eqa.qnCorrection(args.p);
    case "algorithm_s": return eqa.algorithmS(values, args.nu, optionsOf(args, ["nu"]));
    case "algorithm_s_factors": return eqa.algorithmSFactors(args.nu);
    default: throw new Error(`unknown function ${f}`);
  }
}

/** Whether the printed value is reproduced within half a unit of its last digit. */
function printed(what, computed, { value, decimals, printed: text }) {
  const unit = 10 ** -decimals;
  assert.equal(Math.round(computed / unit), Math.round(value / unit), `${what}: ${computed} vs printed ${text}`);
}

test("parity: every Annex C call gives the recorded bits or error code", () => {
  const calls = fixture.calls;
  assert.ok(calls.length > 100);
  for (const [index, call] of calls.entries()) {
    const where = `call ${index} (${call.function})`;
    if ("error" in call) {
      assert.throws(() => invoke(call), (e) => e instanceof Error && e.code === call.error, where);
      continue;
    }
    const got = invoke(call);
    if (typeof call.result === "number") {
      assert.ok(Object.is(got, call.result), `${where}: ${got} vs ${call.result}`);
      continue;
    }
    const expected = Object.fromEntries(Object.entries(call.result).map(([k, v]) => [camel(k), v]));
    assert.deepEqual(Object.keys(got).sort(), Object.keys(expected).sort(), where);
    for (const [key, value] of Object.entries(expected)) {
      assert.ok(Object.is(got[key], value), `${where}: ${key} = ${got[key]} vs ${value}`);
    }
  }
});

test("E.3, Table E.5: Q/Hampel x* 0.2600, s* 0.0426, u(x_pt) 0.0091", () => {
  const r = eqa.qHampel(new Float64Array(e3.data));
  printed("x*", r.location, e3.expected.qhampel_x);
  printed("s*", r.scale, e3.expected.qhampel_s);
  printed("u(x_pt)", r.uncertainty, e3.expected.qhampel_u);
  assert.ok(Object.is(r.uncertainty, eqa.consensusUncertainty(r.scale, 34)));
  assert.equal(r.method, "finite");
  assert.ok(Object.is(eqa.qMethod(e3.data).scale, r.scale));
  assert.ok(Object.is(eqa.hampel(e3.data, r.scale).location, r.location));
  assert.ok(Math.abs(r.location - e3.peer_check.biodosetools_qhampel.x_star) < 1e-15);
  assert.ok(Object.is(eqa.qn(e3.data).scale, e3.peer_check.py.Qn_iso));
});

test("E.13, Table E.11: Algorithm S of the standard deviations, nu = 3: 0.34", () => {
  const r = eqa.algorithmS(e13.standard_deviations, e13.nu);
  printed("w*", r.scale, e13.expected.algS_w_of_sds);
  assert.equal(r.converged, true);
  assert.equal(r.stop, "iso2022");
});

test("Table C.1: eta and xi (known deviation: xi for nu = 6 and 10 printed one unit above its formula)", () => {
  for (const [nu, [eta, xi]] of Object.entries(tables.table_C1_eta_xi_by_nu)) {
    const f = eqa.algorithmSFactors(Number(nu));
    assert.ok(Math.abs(f.eta - eta) <= 0.0005 + 1e-12, `eta ${nu}`);
    const shift = nu === "6" || nu === "10" ? 0.001 : 0;
    assert.ok(Math.abs(f.xi + shift - xi) <= 0.0005 + 1e-12, `xi ${nu}`);
  }
});

test("replicates: arrays of arrays or of Float64Arrays", () => {
  const labs = [[10.1, 10.3], [9.8, 9.9], [10.6, 10.4], [10.0, 10.2]];
  const a = eqa.qMethod(labs);
  assert.deepEqual([a.n, a.results], [4, 8]);
  const b = eqa.qMethod(labs.map((g) => new Float64Array(g)));
  assert.ok(Object.is(a.scale, b.scale));
  assert.ok(Math.abs(eqa.qHampel(labs).location - 10.1625) < 1e-12);
  const single = eqa.qMethod([1, 2.5, 4]);
  assert.ok(Object.is(eqa.qMethod([[1], [2.5], [4]]).scale, single.scale));
});

test("decimal ties are ties: 0.3 - 0.1 and 0.4 - 0.2", () => {
  assert.notEqual(0.3 - 0.1, 0.4 - 0.2);
  const s = eqa.qMethod([0.1, 0.3, 0.2, 0.4, 0.6, 0.5, 0.9]).scale;
  assert.ok(Math.abs(s - 0.3575288306309289) < 1e-15);
});

test("errors: real Errors with name, code and details", () => {
  const check = (fn, name, code, details = {}) =>
    assert.throws(fn, (e) => {
      assert.ok(e instanceof Error);
      assert.equal(e.name, name);
      assert.equal(e.code, code);
      for (const [k, v] of Object.entries(details)) assert.equal(e.details[k], v);
      return true;
    });
  check(() => eqa.qMethod([1]), "InvalidInputError", "too_few_values");
  check(() => eqa.qMethod([2, 2, 2]), "ZeroScaleError", "zero_scale");
  check(() => eqa.qMethod([[1], []]), "InvalidParameterError", "invalid_parameter", { name: "groups" });
  check(() => eqa.qMethod([[1, 2], [3, NaN]]), "InvalidInputError", "non_finite_value", { index: 3 });
  check(() => eqa.hampel([1, 2], 0), "InvalidParameterError", "invalid_parameter", { name: "scale" });
  check(() => eqa.qHampel([1, 2, 3], { method: "exact" }), "InvalidParameterError", "invalid_parameter", { name: "method" });
  check(() => eqa.qHampel([1, 2, 3], { maxIter: 0 }), "InvalidParameterError", "invalid_parameter", { name: "maxIter" });
  // An iteration bound far beyond any need is refused, not run for days.
  check(() => eqa.hampel([1, 2, 3], 1, { method: "iterative", maxIter: 4294967295 }), "InvalidParameterError", "invalid_parameter", { name: "maxIter" });
  check(() => eqa.algorithmS([0.1, 0.2], 2, { maxIter: 100001 }), "InvalidParameterError", "invalid_parameter", { name: "maxIter" });
  check(() => eqa.qn([1, 2, 3], { edition: "iso2022" }), "InvalidInputError", "too_few_values");
  check(() => eqa.algorithmS([0.1, 0.2], 0), "InvalidParameterError", "invalid_parameter", { name: "nu" });
  check(() => eqa.algorithmS([0.1, 0.2], 1.5), "InvalidParameterError", "invalid_parameter", { name: "nu" });
  check(() => eqa.algorithmS([0, 0, 0.2], 1), "ZeroScaleError", "zero_scale");
  check(() => eqa.qMethod([-1.7e308, 1.7e308]), "NumericalOverflowError", "overflow");
});
