// The data for the graphs of ISO 13528:2022 clause 10 in the package built
// for Node: the parity fixture core/tests/parity/plots.json bit for bit
// (Object.is), the E.3 and E.4 examples, and the errors' name and code.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const eqa = require("eqa-wasm/node");

const read = (path) => JSON.parse(readFileSync(new URL(path, import.meta.url), "utf8"));
const fixture = read("../../core/tests/parity/plots.json");
const e3 = read("../../core/tests/vectors/iso13528_2022_E3_atrazine.json");
const e4 = read("../../core/tests/vectors/iso13528_2022_E4_scores.json");

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

/** The call of the fixture through the JavaScript API. */
function invoke({ function: f, args }) {
  const { x, a, b, scores, rounds, rule, ...rest } = args;
  const options = camelKeys(rest);
  switch (f) {
    case "histogram":
      return eqa.histogram(new Float64Array(x), options);
    case "kernel_density":
      return eqa.kernelDensity(x, options);
    case "youden":
      return eqa.youden(a, b, options);
    case "score_bars":
      return eqa.scoreBars(scores, rule);
    case "score_series":
      return eqa.scoreSeries(rounds, scores, rule === undefined ? options : { ...options, rule });
    default:
      throw new Error(`unknown function ${f}`);
  }
}

fixture.calls.forEach((call, i) => {
  test(`parity ${i}: ${call.function}`, () => {
    if ("error" in call) {
      assert.throws(() => invoke(call), (e) => e instanceof Error && e.code === call.error);
      return;
    }
    same(invoke(call), camelKeys(call.result));
  });
});

test("E.3: histogram, kernel density and a Youden plot", () => {
  const x = e3.data;
  const h = eqa.histogram(x);
  assert.deepEqual(h.counts, [2, 0, 2, 12, 16, 1, 1]);
  assert.equal(h.bins, "sturges");
  assert.deepEqual(eqa.histogram(x, { width: 0.05 }).bins, { width: 0.05 });
  const d = eqa.kernelDensity(x);
  assert.equal(d.x.length, 512);
  assert.ok(d.multimodal);
  assert.equal(d.options.range, null);
  assert.ok(Math.abs(d.bandwidth - 0.9 * eqa.niqr(x) * 34 ** -0.2) < 1e-12);
  const bShifted = x.map((v) => v + 0.01);
  bShifted[0] = 0.3;
  const y = eqa.youden(x, bShifted);
  assert.equal(y.centreA, 0.262);
  assert.ok(Math.abs(y.diagonalIntercept - 0.0135) < 1e-12);
  assert.equal(y.insideEllipse[0], false);
  assert.equal(y.ellipse.x.length, 101);
  assert.deepEqual(y.ellipse.centre, [y.centreA, y.centreB]);
});

test("E.4: bars of the z scores; a series over rounds", () => {
  const z = Array.from(eqa.zScores(e4.participants.map((l) => l.x), e4.x_pt, e4.sigma_pt));
  const bars = eqa.scoreBars(z);
  assert.deepEqual(bars.limitLines, [-3, -2, 2, 3]);
  assert.equal(bars.performance.filter((p) => p === "unsatisfactory").length, 9);
  assert.deepEqual(eqa.scoreBars([0.5, -1.5], "en").limitLines, [-1, 1]);
  const s = eqa.scoreSeries([3, 1, 2], [2.5, 1, 2], { window: 2 });
  assert.deepEqual(s.rounds, [1, 2, 3]);
  assert.deepEqual(s.runningMean, [1, 1.5, 2.25]);
  assert.deepEqual(s.runningSumOfSquaresPerformance, ["satisfactory", "satisfactory", "unsatisfactory"]);
  assert.ok(Math.abs(s.sumOfSquaresQuestionableLimit[2] + 2 * Math.log(0.05)) < 1e-12);
});

test("errors: real Errors with the family's name, the core's code, JavaScript's spelling", () => {
  assert.throws(() => eqa.youden([1, 2, 3], [1, 2]), (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.name, "InvalidInputError");
    assert.equal(e.code, "length_mismatch");
    return true;
  });
  assert.throws(() => eqa.youden([1, 2], [1, 3], { boxK: 0 }), (e) => e.code === "invalid_parameter" && e.details.name === "boxK");
  assert.throws(() => eqa.kernelDensity([2, 2, 2]), { name: "ZeroScaleError", code: "zero_scale" });
  assert.throws(() => eqa.kernelDensity([1, 2], { modeHeight: 2 }), (e) => e.details.name === "modeHeight");
  assert.throws(() => eqa.histogram([]), { name: "InvalidInputError", code: "too_few_values" });
  assert.throws(() => eqa.histogram([1, 2], { bins: "squareroot" }), { name: "InvalidParameterError" });
  assert.throws(() => eqa.histogram([1, 2], { bin: 3 }), { code: "invalid_parameter" });
  assert.throws(() => eqa.scoreSeries([1, 1], [0, 1]), { code: "invalid_parameter" });
  assert.throws(() => eqa.scoreBars([NaN]), (e) => e.code === "non_finite_value" && e.details.index === 0);
});
