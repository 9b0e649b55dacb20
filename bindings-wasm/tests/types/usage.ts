// Type-checked (not run) against the web build's declarations, through the
// package's exports: what users write must compile, what they must not must not.

import init, {
  algorithmA,
  consensusUncertainty,
  huberFixedScale,
  made,
  mean,
  median,
  niqr,
  quantile,
  standardDeviation,
} from "eqa-wasm";
import type {
  AlgorithmAOptions,
  EqaError,
  HuberOptions,
  RobustEstimate,
  StartScale,
  Values,
} from "eqa-wasm";

await init();

const typed: Values = new Float64Array([0.262, 0.27, 0.25, 0.31]);
const plain: readonly number[] = [0.262, 0.27, 0.25, 0.31];

const numbers: number[] = [
  median(typed),
  median(plain),
  mean(typed),
  standardDeviation(plain),
  niqr(typed),
  made(typed),
  made(typed, { constants: "exact" }),
  quantile(plain, 0.25),
  consensusUncertainty(0.0395, 34),
];

const options: AlgorithmAOptions = {
  constants: "exact",
  stop: "converged",
  tol: 1e-12,
  maxIter: 50,
  zeroScale: "standard_deviation",
};
const a: RobustEstimate = algorithmA(typed, options);
const b: RobustEstimate = algorithmA(plain);
const huber: HuberOptions = { scale: 0.05, zeroScale: "median" };
const c: RobustEstimate = huberFixedScale(typed, huber);
const start: StartScale = c.startScale;
const summary: [number, number, number, number, number, boolean] = [
  a.location,
  a.scale,
  a.uncertainty,
  b.n,
  b.iterations,
  b.converged,
];
const names: ["iso" | "exact", "iso2022" | "converged"] = [a.constants, a.stop];

try {
  median([0.1, Number.NaN]);
} catch (e) {
  const error = e as EqaError;
  if (error.code === "non_finite_value") {
    const index: number = error.details.index;
    const value: number = error.details.value;
    console.log(error.name, error.message, index, value);
  } else if (error.name === "InvalidParameterError") {
    const name: string = error.details.name;
    console.log(name, error.details.expected);
  } else if (error.code === "zero_scale") {
    const ties: number = error.details.ties;
    console.log(ties);
  }
}

// @ts-expect-error: not a name of constants
algorithmA(typed, { constants: "ISO" });
// @ts-expect-error: options are camelCase
algorithmA(typed, { max_iter: 5 });
// @ts-expect-error: a fixed scale is Huber's option only
algorithmA(typed, { scale: 1 });
// @ts-expect-error: tol is a number
huberFixedScale(typed, { tol: "1e-3" });
// @ts-expect-error: made takes constants only
made(typed, { stop: "converged" });
// @ts-expect-error: values are numbers
median(["0.1"]);
// @ts-expect-error: values are an array
median("0.1, 0.2");
// @ts-expect-error: p is required
quantile(typed);
// @ts-expect-error: results are numbers
const text: string = mean(typed);
// @ts-expect-error: no such field
a.startscale;
// @ts-expect-error: not a start scale
const wrong: RobustEstimate["startScale"] = "mad";

console.log(numbers, start, summary, names, text, wrong);
