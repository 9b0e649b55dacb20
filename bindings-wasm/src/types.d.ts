
/** The results of one round: a `Float64Array` or an array of numbers. NaN and ±Infinity are refused. */
export type Values = Float64Array | readonly number[];

/** Consistency constants: ISO 13528's rounded 1.483/1.134, or the exact Huber factors. */
export type Constants = "iso" | "exact";

/** Stopping rule: ISO 13528:2022's three significant figures, or convergence to `tol`. */
export type StopRule = "iso2022" | "converged";

/** What to do when MADe is zero (more than half of the values tie). */
export type ZeroScalePolicy = "error" | "standard_deviation" | "median";

/** Where the first scale of an iteration came from. */
export type StartScale = "made" | "standard_deviation" | "given" | "zero";

/** Options of `made`. */
export interface MadeOptions {
  /** Default `"iso"`. */
  constants?: Constants;
}

/** Options of `algorithmA`; a key left out (or `undefined`) keeps its default. */
export interface AlgorithmAOptions {
  /** Default `"iso"`. */
  constants?: Constants;
  /** Default `"iso2022"`. */
  stop?: StopRule;
  /** Relative tolerance of `"converged"`, positive and finite; default 1e-10. */
  tol?: number;
  /** Bound on the number of iterations, at least 1; default 1000. */
  maxIter?: number;
  /** Default `"error"`. */
  zeroScale?: ZeroScalePolicy;
}

/** Options of `huberFixedScale`. */
export interface HuberOptions extends AlgorithmAOptions {
  /** The fixed scale s, positive and finite; by default MADe. */
  scale?: number;
}

/** A robust location and scale with how they were reached (a plain object). */
export interface RobustEstimate {
  /** The robust location x*. */
  location: number;
  /** The robust standard deviation s*. */
  scale: number;
  /** The number of values p. */
  n: number;
  /** How many updates of (x*, s*) were made. */
  iterations: number;
  /** Whether the stopping rule was met; `false` when `maxIter` ran out. */
  converged: boolean;
  /** u(x_pt) = 1.25 · s* / √p. */
  uncertainty: number;
  constants: Constants;
  stop: StopRule;
  startScale: StartScale;
}

/** The stable codes of the errors; messages may be reworded, codes never change. */
export type ErrorCode =
  | "too_few_values"
  | "non_finite_value"
  | "zero_scale"
  | "invalid_parameter"
  | "length_mismatch"
  | "overflow";

/** Fewer values than the estimator needs. */
export interface TooFewValuesDetails {
  estimator: string;
  needed: number;
  got: number;
}

/** The value at `index` is NaN or infinite. */
export interface NonFiniteValueDetails {
  index: number;
  value: number;
}

/** The scale is zero: `ties` of `n` values equal the median. */
export interface ZeroScaleDetails {
  estimator: string;
  ties: number;
  n: number;
  median: number;
}

/** An option or argument `name` was `value` (as text); `expected` says what is accepted. */
export interface InvalidParameterDetails {
  name: string;
  value: string;
  expected: string;
}

/** Paired inputs differ in length: `what` has `got` entries where `expected` are needed. */
export interface LengthMismatchDetails {
  what: string;
  expected: number;
  got: number;
}

/** An intermediate result overflowed the range of a double. */
export interface OverflowDetails {
  estimator: string;
}

/** Thrown for fewer values than the estimator needs. */
export interface TooFewValuesError extends Error {
  name: "InvalidInputError";
  code: "too_few_values";
  details: TooFewValuesDetails;
}

/** Thrown for a NaN or infinite value, reported with its index. */
export interface NonFiniteValueError extends Error {
  name: "InvalidInputError";
  code: "non_finite_value";
  details: NonFiniteValueDetails;
}

/** Thrown when inputs that go in pairs differ in length. */
export interface LengthMismatchError extends Error {
  name: "InvalidInputError";
  code: "length_mismatch";
  details: LengthMismatchDetails;
}

/** Thrown for too few values, a non-finite value, or paired inputs of different lengths. */
export type InvalidInputError = TooFewValuesError | NonFiniteValueError | LengthMismatchError;

/** Thrown for an option or argument outside its domain, of the wrong type, or unknown. */
export interface InvalidParameterError extends Error {
  name: "InvalidParameterError";
  code: "invalid_parameter";
  details: InvalidParameterDetails;
}

/** Thrown when the scale is zero under the `"error"` zero-scale policy. */
export interface ZeroScaleError extends Error {
  name: "ZeroScaleError";
  code: "zero_scale";
  details: ZeroScaleDetails;
}

/** Thrown when the spread of the values is too large for double arithmetic. */
export interface NumericalOverflowError extends Error {
  name: "NumericalOverflowError";
  code: "overflow";
  details: OverflowDetails;
}

/**
 * What every function throws: a real `Error` whose `name` is its family.
 * A kind of error unknown to this version is thrown with `name` `"EqaError"`,
 * its own `code`, and an empty `details`.
 */
export type EqaError =
  | InvalidInputError
  | InvalidParameterError
  | ZeroScaleError
  | NumericalOverflowError;
