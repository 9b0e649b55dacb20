// The performance statistics and sigma_pt of the package built for Node:
// the parity fixture core/tests/parity/scores.json bit for bit (Object.is),
// ISO 13528:2022 E.4, E.9 and E.10 as printed, and the errors' name and code.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const eqa = require("eqa-wasm/node");

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const fixture = read("../../core/tests/parity/scores.json");
const e4 = read("../../core/tests/vectors/iso13528_2022_E4_scores.json");
const e9 = read("../../core/tests/vectors/iso13528_2022_E9_E10_sigma_pt.json");

const camel = (key) => key.replace(/_([a-zA-Z])/g, (_, c) => c.toUpperCase());

/** The recorded result with its keys as JavaScript spells them (values unchanged). */
function camelKeys(value) {
  if (Array.isArray(value)) return value.map(camelKeys);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [camel(k), camelKeys(v)]));
  }
  return value;
}

/** Deep equality with Object.is on every number. */
function same(actual, expected, path = "result") {
  if (actual instanceof Float64Array) actual = Array.from(actual);
  if (typeof expected === "number") {
    assert.ok(Object.is(actual, expected), `${path}: got ${actual}, expected ${expected}`);
  } else if (Array.isArray(expected)) {
    assert.ok(Array.isArray(actual), `${path} is not an array`);
    assert.equal(actual.length, expected.length, `${path}.length`);
    expected.forEach((e, i) => same(actual[i], e, `${path}[${i}]`));
  } else if (expected !== null && typeof expected === "object") {
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), `${path} keys`);
    for (const [k, e] of Object.entries(expected)) same(actual[k], e, `${path}.${k}`);
  } else {
    assert.equal(actual, expected, path);
  }
}

function rule(spec) {
  return typeof spec === "string" ? spec : camelKeys(spec);
}

/** The call of the fixture through the JavaScript API. */
function invoke({ function: f, args: a }) {
  const many = Array.isArray(a.x);
  switch (f) {
    case "deviation":
      return many ? eqa.deviations(a.x, a.x_pt) : eqa.deviation(a.x, a.x_pt);
    case "percent_deviation":
      return many ? eqa.percentDeviations(a.x, a.x_pt) : eqa.percentDeviation(a.x, a.x_pt);
    case "pa_score":
      return many ? eqa.paScores(a.x, a.x_pt, a.delta_e) : eqa.paScore(a.x, a.x_pt, a.delta_e);
    case "z_score":
      return many ? eqa.zScores(a.x, a.x_pt, a.sigma_pt) : eqa.zScore(a.x, a.x_pt, a.sigma_pt);
    case "z_prime_score":
      return many
        ? eqa.zPrimeScores(a.x, a.x_pt, a.sigma_pt, a.u_x_pt)
        : eqa.zPrimeScore(a.x, a.x_pt, a.sigma_pt, a.u_x_pt);
    case "zeta_score":
      return many
        ? eqa.zetaScores(new Float64Array(a.x), a.u_x, a.x_pt, a.u_x_pt)
        : eqa.zetaScore(a.x, a.u_x, a.x_pt, a.u_x_pt);
    case "en_number":
      return many
        ? eqa.enNumbers(a.x, a.U_x, a.x_pt, a.U_x_pt)
        : eqa.enNumber(a.x, a.U_x, a.x_pt, a.U_x_pt);
    case "classify":
      return eqa.classify(a.scores, rule(a.rule));
    case "combined_z": {
      const { z, ...options } = a;
      return eqa.combinedZ(z, camelKeys(options));
    }
    case "sigma_pt_from_limit":
      return eqa.sigmaPtFromLimit(a.delta_e, a.fraction);
    case "sigma_pt_from_precision":
      return eqa.sigmaPtFromPrecision(a.reproducibility_sd, a.repeatability_sd, a.replicates);
    case "sigma_pt_general_model":
      return eqa.sigmaPtGeneralModel(a.c, { model: a.model, unit: a.unit });
    case "sigma_pt_from_previous_rounds":
      return eqa.sigmaPtFromPreviousRounds(a.assigned_values, a.sds, a.x_pt, { model: a.model });
    case "sigma_pt_from_robust_sd":
      return eqa.sigmaPtFromRobustSd(a.s_star, a.p);
    case "check_uncertainty":
      return eqa.checkUncertainty(a.u_x_pt, a.sigma_pt, camelKeys({ when_not_negligible: a.when_not_negligible }));
    default:
      throw new Error(`unknown function ${f}`);
  }
}

/** A SigmaPt's recorded form: the core's {value, provenance} plus the method at the top. */
function expectedOf(call) {
  const expected = camelKeys(call.result);
  if (call.function.startsWith("sigma_pt_")) expected.method = call.result.provenance.method;
  return expected;
}

fixture.calls.forEach((call, i) => {
  test(`parity ${i}: ${call.function}`, () => {
    if ("error" in call) {
      let thrown;
      try {
        invoke(call);
      } catch (error) {
        thrown = error;
      }
      assert.ok(thrown instanceof Error, "an Error was thrown");
      assert.equal(thrown.code, call.error);
      return;
    }
    const got = invoke(call);
    if (Array.isArray(call.args.x)) assert.ok(got instanceof Float64Array, "a Float64Array");
    same(got, expectedOf(call));
  });
});

test("E.4: every printed score, singly and for the round", () => {
  const { x_pt: xPt, u_x_pt: uXPt, U_x_pt: UXPt, sigma_pt: sigmaPt } = e4;
  const labs = e4.participants;
  const x = Float64Array.from(labs, (l) => l.x);
  const columns = {
    D_percent: eqa.percentDeviations(x, xPt),
    PA: eqa.paScores(x, xPt, 0.0198),
    z: eqa.zScores(x, xPt, sigmaPt),
    z_prime: eqa.zPrimeScores(x, xPt, sigmaPt, uXPt),
    zeta: eqa.zetaScores(x, labs.map((l) => l.u_x), xPt, uXPt),
    En: eqa.enNumbers(x, labs.map((l) => l.U_x), xPt, UXPt),
  };
  labs.forEach((lab, i) => {
    const single = {
      D_percent: eqa.percentDeviation(lab.x, xPt),
      PA: eqa.paScore(lab.x, xPt, 0.0198),
      z: eqa.zScore(lab.x, xPt, sigmaPt),
      z_prime: eqa.zPrimeScore(lab.x, xPt, sigmaPt, uXPt),
      zeta: eqa.zetaScore(lab.x, lab.u_x, xPt, uXPt),
      En: eqa.enNumber(lab.x, lab.U_x, xPt, UXPt),
    };
    for (const [key, printed] of Object.entries(lab.expected)) {
      const scale = 10 ** printed.decimals;
      assert.equal(Math.round(single[key] * scale) / scale + 0, printed.value, `${lab.lab} ${key}`);
      assert.ok(Object.is(single[key], columns[key][i]), `${lab.lab} ${key}: single and array agree`);
    }
  });
  const classes = eqa.classifyZ(columns.z);
  assert.equal(classes.filter((c) => c === "unsatisfactory").length, 9);
  assert.equal(eqa.classify(columns.z_prime, "z")[8], "questionable");
  assert.deepEqual(eqa.classifyPa(columns.PA), classes);
  const check = eqa.checkUncertainty(uXPt, sigmaPt);
  assert.equal(check.negligible, false);
  assert.equal(check.action, "use_z_prime");
});

test("E.9/E.10: sigma_pt from the general model and a precision experiment", () => {
  for (const c of e9.cases) {
    const [sigma, printed] =
      c.method === "horwitz"
        ? [eqa.sigmaPtGeneralModel(c.c_mg_per_kg, { unit: "mg/kg" }), c.expected_sigma_pt_mg_per_kg]
        : [eqa.sigmaPtFromPrecision(c.s_R, c.s_r, c.n_replicates), c.expected_sigma_pt];
    const scale = 10 ** printed.decimals;
    assert.equal(Math.round(sigma.value * scale) / scale, printed.value, c.method);
  }
  const s = eqa.sigmaPtFromPrecision(23.2, 14.3, 2);
  assert.equal(s.method, "precision_experiment");
  assert.deepEqual(s.provenance, {
    method: "precision_experiment", reproducibilitySd: 23.2, repeatabilitySd: 14.3, replicates: 2,
  });
  assert.equal(eqa.sigmaPtFromLimit(10, "half").value, 5);
  assert.equal(eqa.sigmaPtFromLimit(10, 0.25).provenance.fraction, 0.25);
});

test("errors: real Errors with the family's name, the core's code, JavaScript's spelling", () => {
  assert.throws(() => eqa.percentDeviation(1, 0), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.name, "InvalidParameterError");
    assert.equal(e.code, "invalid_parameter");
    assert.equal(e.details.name, "xPt");
    return true;
  });
  assert.throws(() => eqa.zetaScores([1, 2], [0.1], 0, 0.1), { name: "InvalidInputError", code: "length_mismatch" });
  assert.throws(() => eqa.zScores([1, NaN], 0, 1), (e) => e.code === "non_finite_value" && e.details.index === 1);
  assert.throws(() => eqa.zScore(1e300, -1e300, 1e-10), { name: "NumericalOverflowError", code: "overflow" });
  assert.throws(() => eqa.zScore("1", 0, 1), { name: "InvalidParameterError", code: "invalid_parameter" });
  assert.throws(() => eqa.classify([1], "zz"), { name: "InvalidParameterError" });
  assert.throws(() => eqa.combinedZ([]), { name: "InvalidInputError", code: "too_few_values" });
  assert.throws(() => eqa.sigmaPtGeneralModel(1, { unit: "ppm" }), { code: "invalid_parameter" });
  assert.throws(() => eqa.sigmaPtFromPrecision(1, 0.5, 1.5), { code: "invalid_parameter" });
  assert.throws(() => eqa.checkUncertainty(0.1, 1, { when: "report" }), { code: "invalid_parameter" });
});

test("one uncertainty for every result", () => {
  const a = eqa.zetaScores([13, 6], 4, 10, 3);
  const b = eqa.zetaScores([13, 6], [4, 4], 10, 3);
  assert.deepEqual(Array.from(a), Array.from(b));
  assert.ok(Object.is(eqa.enNumbers([15], 4, 10, 3)[0], 1));
});
