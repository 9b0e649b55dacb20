// The checks of the JavaScript package, shared by the Node and browser runs.
//
// `checks(eqa, data)` returns [name, fn] pairs; `eqa` is the loaded package
// (either target), `data.e3` the ISO 13528:2022 E.3 vector and `data.calls`
// the parity fixture core/tests/parity/calls.json. Plain JavaScript with its
// own assertions, so that it runs unchanged in a browser page.

function fail(message) {
  throw new Error(message);
}

function show(value) {
  if (typeof value === "number") {
    return Object.is(value, -0) ? "-0" : String(value);
  }
  return JSON.stringify(value);
}

function same(actual, expected, what = "value") {
  if (!Object.is(actual, expected)) {
    fail(`${what}: got ${show(actual)}, expected ${show(expected)}`);
  }
}

function rounded(actual, expected, decimals, what) {
  const scaled = 10 ** decimals;
  same(Math.round(actual * scaled) / scaled, expected, `${what} to ${decimals} decimals`);
}

function close(actual, expected, tolerance, what) {
  if (!(Math.abs(actual - expected) <= tolerance)) {
    fail(`${what}: got ${actual}, expected ${expected} within ${tolerance}`);
  }
}

function thrown(fn) {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return fail("no error was thrown");
}

/** Checks the thrown error's class, name, code and, if given, details. */
function refuses(fn, name, code, details = undefined) {
  const error = thrown(fn);
  if (!(error instanceof Error)) fail(`thrown ${show(error)} is not an Error`);
  same(error.name, name, "name");
  same(error.code, code, "code");
  if (typeof error.message !== "string" || error.message.length === 0) fail("no message");
  if (typeof error.details !== "object" || error.details === null) fail("no details object");
  if (details !== undefined) {
    const keys = Object.keys(error.details).sort();
    same(keys.join(), Object.keys(details).sort().join(), "details keys");
    for (const [key, value] of Object.entries(details)) same(error.details[key], value, `details.${key}`);
  }
  return error;
}

const ESTIMATE_KEYS = [
  "constants", "converged", "iterations", "location", "n", "scale", "startScale", "stop", "uncertainty",
].join();

function isPlainEstimate(r) {
  if (Object.getPrototypeOf(r) !== Object.prototype) fail("not a plain object");
  same(Object.keys(r).sort().join(), ESTIMATE_KEYS, "keys");
}

// The fixture's snake_case names, as the package spells them.
const FUNCTIONS = {
  median: "median",
  mean: "mean",
  standard_deviation: "standardDeviation",
  made: "made",
  niqr: "niqr",
  quantile: "quantile",
  algorithm_a: "algorithmA",
  huber_fixed_scale: "huberFixedScale",
  consensus_uncertainty: "consensusUncertainty",
};
const OPTION_KEYS = {
  constants: "constants",
  stop: "stop",
  tol: "tol",
  max_iter: "maxIter",
  zero_scale: "zeroScale",
  scale: "scale",
};
const RESULT_KEYS = {
  location: "location",
  scale: "scale",
  n: "n",
  iterations: "iterations",
  converged: "converged",
  uncertainty: "uncertainty",
  constants: "constants",
  stop: "stop",
  start_scale: "startScale",
};

/** Makes one fixture call, with the values as given by `wrap`. */
function invoke(eqa, call, wrap) {
  const fn = eqa[FUNCTIONS[call.function]] ?? fail(`unknown function ${call.function}`);
  const args = call.args ?? {};
  const values = wrap(call.values);
  switch (call.function) {
    case "quantile":
      return fn(values, args.p);
    case "consensus_uncertainty":
      return fn(args.scale, args.p);
    case "made":
    case "algorithm_a":
    case "huber_fixed_scale": {
      const options = {};
      for (const [key, value] of Object.entries(args)) {
        options[OPTION_KEYS[key] ?? fail(`unknown option ${key}`)] = value;
      }
      return fn(values, options);
    }
    default:
      return fn(values);
  }
}

/** Checks one fixture call; returns a description of the mismatch, or null. */
function parity(eqa, call, wrap) {
  try {
    let result;
    try {
      result = invoke(eqa, call, wrap);
    } catch (error) {
      if ("error" in call) {
        if (!(error instanceof Error)) return `threw a non-Error ${show(error)}`;
        return error.code === call.error ? null : `threw ${error.code}, expected ${call.error}`;
      }
      return `threw ${error.name} ${error.code}: ${error.message}`;
    }
    if ("error" in call) return `returned ${show(result)}, expected error ${call.error}`;
    if (typeof call.result === "number") {
      same(result, call.result, "result");
    } else {
      isPlainEstimate(result);
      for (const [key, expected] of Object.entries(call.result)) {
        same(result[RESULT_KEYS[key] ?? fail(`unknown result key ${key}`)], expected, key);
      }
    }
    return null;
  } catch (error) {
    return error.message;
  }
}

function parityChecks(eqa, calls) {
  const byFunction = new Map();
  for (const [index, call] of calls.entries()) {
    if (!byFunction.has(call.function)) byFunction.set(call.function, []);
    byFunction.get(call.function).push([index, call]);
  }
  const checks = [];
  for (const [name, list] of byFunction) {
    for (const [kind, wrap] of [["arrays", (v) => v], ["Float64Array", (v) => new Float64Array(v)]]) {
      checks.push([`parity: ${name}, ${list.length} calls, ${kind}`, () => {
        const failures = list
          .map(([index, call]) => [index, call, parity(eqa, call, wrap)])
          .filter(([, , problem]) => problem !== null)
          .map(([index, call, problem]) => `call ${index} (${show(call.args)}): ${problem}`);
        if (failures.length > 0) fail(`${failures.length} of ${list.length} differ:\n${failures.join("\n")}`);
      }]);
    }
  }
  return checks;
}

export function checks(eqa, data) {
  const x = data.e3.data;
  const printed = (key) => data.e3.expected[key];
  const peer = data.e3.peer_check.r;
  const calls = data.calls.calls;

  return [
    ["fixture: parity calls cover every function", () => {
      const covered = new Set(calls.map((c) => c.function));
      for (const name of Object.keys(FUNCTIONS)) if (!covered.has(name)) fail(`no call of ${name}`);
      if (!calls.some((c) => "error" in c)) fail("no error call");
    }],

    ...parityChecks(eqa, calls),

    ["E.3: median", () => {
      rounded(eqa.median(x), printed("median").value, 4, "median");
    }],
    ["E.3: MADe with ISO and exact constants", () => {
      rounded(eqa.made(x), printed("MADe").value, 4, "MADe");
      same(eqa.made(x, { constants: "iso" }), eqa.made(x), "explicit iso");
      close(eqa.made(x), peer.MADe, 1e-15, "MADe (R)");
      close(eqa.made(x, { constants: "exact" }), peer.mad_R, 1e-15, "MADe exact (R mad)");
    }],
    ["E.3: nIQR and quartiles", () => {
      rounded(eqa.niqr(x), printed("nIQR").value, 4, "nIQR");
      close(eqa.quantile(x, 0.25), peer.Q1_type7, 1e-15, "Q1");
      close(eqa.quantile(x, 0.75), peer.Q3_type7, 1e-15, "Q3");
      same(eqa.quantile(x, 0), 0.04, "minimum");
      same(eqa.quantile(x, 1), 0.4246, "maximum");
    }],
    ["E.3: mean and standard deviation", () => {
      rounded(eqa.mean(x), printed("mean").value, 4, "mean");
      rounded(eqa.standardDeviation(x), printed("sd").value, 4, "sd");
    }],
    ["E.3: Algorithm A with default options", () => {
      const r = eqa.algorithmA(x);
      isPlainEstimate(r);
      rounded(r.location, printed("algA_x").value, 4, "x*");
      rounded(r.scale, printed("algA_s").value, 4, "s*");
      rounded(r.uncertainty, printed("algA_u").value, 4, "u(x_pt)");
      same(r.n, 34, "n");
      same(r.converged, true, "converged");
      same(r.constants, "iso", "constants");
      same(r.stop, "iso2022", "stop");
      same(r.startScale, "made", "startScale");
      same(typeof r.iterations, "number", "iterations type");
      same(eqa.consensusUncertainty(r.scale, r.n), r.uncertainty, "u from consensusUncertainty");
    }],
    ["E.3: Algorithm A to convergence matches R's metRology", () => {
      const r = eqa.algorithmA(x, { constants: "exact", stop: "converged", tol: 1e-12 });
      close(r.location, peer.algA_tight_mu, 1e-12, "x*");
      close(r.scale, peer.algA_tight_s, 1e-12, "s*");
      same(r.stop, "converged", "stop");
      same(r.constants, "exact", "constants");
    }],
    ["E.3: Huber with fixed scale", () => {
      const r = eqa.huberFixedScale(x, { constants: "exact", stop: "converged" });
      isPlainEstimate(r);
      close(r.location, peer.huberM_mu, 1e-6, "x* (R huberM)");
      same(r.scale, eqa.made(x, { constants: "exact" }), "scale is MADe");
      const given = eqa.huberFixedScale(x, { scale: 0.05 });
      same(given.scale, 0.05, "given scale");
      same(given.startScale, "given", "startScale");
    }],
    ["consensusUncertainty: 1.25·s/√p", () => {
      close(eqa.consensusUncertainty(0.0395, 34), 0.00847, 1e-5, "u");
      same(eqa.consensusUncertainty(2, 4), 1.25, "u of 2 over 4");
      refuses(() => eqa.consensusUncertainty(1, 0), "InvalidParameterError", "invalid_parameter");
      refuses(() => eqa.consensusUncertainty(-0.1, 3), "InvalidParameterError", "invalid_parameter");
      refuses(() => eqa.consensusUncertainty(NaN, 3), "InvalidParameterError", "invalid_parameter");
    }],

    ["input: Float64Array and plain arrays give the same bits", () => {
      const typed = new Float64Array(x);
      for (const name of ["median", "mean", "standardDeviation", "niqr", "made"]) {
        same(eqa[name](typed), eqa[name](x), name);
      }
      same(eqa.quantile(typed, 0.3), eqa.quantile(x, 0.3), "quantile");
      const a = eqa.algorithmA(typed);
      const b = eqa.algorithmA(x);
      for (const key of Object.keys(b)) same(a[key], b[key], `algorithmA ${key}`);
    }],
    ["input: the caller's array is not reordered", () => {
      const values = [3, 1, 2];
      const typed = new Float64Array(values);
      eqa.median(values);
      eqa.algorithmA(typed);
      same(values.join(), "3,1,2", "array");
      same(Array.from(typed).join(), "3,1,2", "Float64Array");
    }],
    ["input: a subarray view reads only its own values", () => {
      const buffer = new Float64Array([100, 1, 2, 3, 100]);
      same(eqa.median(buffer.subarray(1, 4)), 2, "median of view");
    }],

    ["options: omitted, undefined, null and {} are the defaults", () => {
      const base = eqa.algorithmA(x);
      for (const options of [undefined, null, {}, { tol: undefined, stop: undefined }]) {
        const r = eqa.algorithmA(x, options);
        for (const key of Object.keys(base)) same(r[key], base[key], `${show(options)} ${key}`);
      }
      same(eqa.made(x, {}), eqa.made(x), "made {}");
    }],
    ["options: maxIter bounds the iterations", () => {
      const r = eqa.algorithmA(x, { stop: "converged", maxIter: 2 });
      same(r.iterations, 2, "iterations");
      same(r.converged, false, "converged");
    }],
    ["options: zeroScale policies", () => {
      const ties = [1, 1, 1, 2, 9];
      const sd = eqa.algorithmA(ties, { zeroScale: "standard_deviation" });
      same(sd.startScale, "standard_deviation", "startScale");
      const median = eqa.huberFixedScale(ties, { zeroScale: "median" });
      same(median.location, 1, "location");
      same(median.scale, 0, "scale");
      same(median.startScale, "zero", "startScale");
    }],

    ["errors: NaN at index 2 reports index 2", () => {
      for (const values of [[0.1, 0.2, NaN, 0.3], new Float64Array([0.1, 0.2, NaN, 0.3])]) {
        const error = refuses(() => eqa.median(values), "InvalidInputError", "non_finite_value");
        same(error.details.index, 2, "details.index");
        same(Number.isNaN(error.details.value), true, "details.value is NaN");
        same(Object.keys(error.details).sort().join(), "index,value", "details keys");
      }
      refuses(() => eqa.algorithmA([1, 2, 3, -Infinity]), "InvalidInputError", "non_finite_value",
        { index: 3, value: -Infinity });
    }],
    ["errors: too few values", () => {
      refuses(() => eqa.median([]), "InvalidInputError", "too_few_values",
        { estimator: "median", needed: 1, got: 0 });
      refuses(() => eqa.standardDeviation(new Float64Array([1])), "InvalidInputError", "too_few_values",
        { estimator: "standard deviation", needed: 2, got: 1 });
    }],
    ["errors: zero scale", () => {
      refuses(() => eqa.algorithmA([1, 1, 1, 2, 9]), "ZeroScaleError", "zero_scale",
        { estimator: "MADe", ties: 3, n: 5, median: 1 });
    }],
    ["errors: overflow", () => {
      refuses(() => eqa.mean([Number.MAX_VALUE, Number.MAX_VALUE]), "NumericalOverflowError", "overflow",
        { estimator: "mean" });
    }],
    ["errors: a bad option string", () => {
      const error = refuses(() => eqa.algorithmA(x, { constants: "ISO" }), "InvalidParameterError",
        "invalid_parameter");
      same(error.details.name, "constants", "details.name");
      same(error.details.value, "ISO", "details.value");
      refuses(() => eqa.algorithmA(x, { stop: "sig3" }), "InvalidParameterError", "invalid_parameter");
      const policy = refuses(() => eqa.algorithmA(x, { zeroScale: "sd" }), "InvalidParameterError",
        "invalid_parameter");
      same(policy.details.name, "zeroScale", "details.name");
      if (!policy.message.includes("zeroScale")) fail(`message ${policy.message} does not name zeroScale`);
    }],
    ["errors: an unknown option key", () => {
      const error = refuses(() => eqa.algorithmA(x, { max_iter: 5 }), "InvalidParameterError",
        "invalid_parameter");
      same(error.details.name, "option", "details.name");
      same(error.details.value, '"max_iter"', "details.value");
      refuses(() => eqa.made(x, { stop: "converged" }), "InvalidParameterError", "invalid_parameter");
      refuses(() => eqa.algorithmA(x, { scale: 1 }), "InvalidParameterError", "invalid_parameter");
    }],
    ["errors: options of the wrong type", () => {
      refuses(() => eqa.algorithmA(x, { tol: "1e-3" }), "InvalidParameterError", "invalid_parameter",
        { name: "tol", value: '"1e-3"', expected: "a number" });
      refuses(() => eqa.algorithmA(x, { maxIter: 2.5 }), "InvalidParameterError", "invalid_parameter");
      refuses(() => eqa.algorithmA(x, { constants: 1 }), "InvalidParameterError", "invalid_parameter");
      refuses(() => eqa.huberFixedScale(x, { scale: "0.1" }), "InvalidParameterError", "invalid_parameter");
      refuses(() => eqa.made(x, "exact"), "InvalidParameterError", "invalid_parameter");
      refuses(() => eqa.algorithmA(x, [1]), "InvalidParameterError", "invalid_parameter");
      refuses(() => eqa.algorithmA(x, { tol: () => 1e-3 }), "InvalidParameterError", "invalid_parameter");
      refuses(() => eqa.algorithmA(x, { stop: Symbol("converged") }), "InvalidParameterError",
        "invalid_parameter");
      refuses(() => eqa.huberFixedScale(x, { scale: new Float64Array([1]) }), "InvalidParameterError",
        "invalid_parameter");
    }],
    ["errors: option values out of range are the core's", () => {
      refuses(() => eqa.algorithmA(x, { tol: 0 }), "InvalidParameterError", "invalid_parameter");
      const error = refuses(() => eqa.algorithmA(x, { maxIter: 0 }), "InvalidParameterError",
        "invalid_parameter");
      same(error.details.name, "maxIter", "details.name");
      refuses(() => eqa.huberFixedScale(x, { scale: -1 }), "InvalidParameterError", "invalid_parameter");
      refuses(() => eqa.quantile(x, 1.5), "InvalidParameterError", "invalid_parameter",
        { name: "p", value: "1.5", expected: "a probability between 0 and 1" });
      refuses(() => eqa.quantile(x, NaN), "InvalidParameterError", "invalid_parameter");
    }],
    ["errors: values and arguments of the wrong type", () => {
      refuses(() => eqa.median("1,2,3"), "InvalidParameterError", "invalid_parameter");
      refuses(() => eqa.median(undefined), "InvalidParameterError", "invalid_parameter");
      refuses(() => eqa.median(new Float32Array([1, 2])), "InvalidParameterError", "invalid_parameter");
      const error = refuses(() => eqa.median([1, 2, "3"]), "InvalidParameterError", "invalid_parameter");
      same(error.details.value, '"3" at index 2', "details.value");
      refuses(() => eqa.median([1, null]), "InvalidParameterError", "invalid_parameter");
      refuses(() => eqa.quantile(x, "0.5"), "InvalidParameterError", "invalid_parameter");
      refuses(() => eqa.quantile(x), "InvalidParameterError", "invalid_parameter");
      refuses(() => eqa.consensusUncertainty(0.04, 2.5), "InvalidParameterError", "invalid_parameter");
      refuses(() => eqa.consensusUncertainty(0.04, -1), "InvalidParameterError", "invalid_parameter");
      refuses(() => eqa.consensusUncertainty("0.04", 3), "InvalidParameterError", "invalid_parameter");
    }],
    ["errors: the package keeps working after an error", () => {
      for (let i = 0; i < 100; i += 1) thrown(() => eqa.median([NaN]));
      same(eqa.median([1, 2, 3]), 2, "median");
    }],
  ];
}
