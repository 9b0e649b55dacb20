// Acceptance limits, criteria tables and unit conversions.

/** A number judged or converted exactly: a string as written, or a number through its shortest text. */
export type DecimalInput = string | number;

/** An acceptance limit (允许总误差); documents write its numbers as strings. */
export type AcceptanceLimit =
  | { kind: "percent"; percent: DecimalInput }
  | { kind: "absolute"; absolute: DecimalInput }
  | { kind: "greater_of"; absolute: DecimalInput; percent: DecimalInput }
  | { kind: "piecewise"; breakpoint: DecimalInput; absolute: DecimalInput; percent: DecimalInput }
  | { kind: "sd_multiple"; k: DecimalInput }
  | { kind: "ordinal_window"; down: number; up: number; negative_exact: boolean }
  | { kind: "categorical" };

/** Whether a result exactly on the limit is acceptable. */
export type Boundary = "inclusive" | "exclusive";

/** Options of `judge`. */
export interface JudgeOptions {
  /** The peer group's standard deviation, needed by an `sd_multiple` limit. */
  sd?: DecimalInput | null;
  /** Default `"inclusive"`. */
  boundary?: Boundary;
}

/** The decision on one result; `allowed` and `deviation` (value − target) as decimal text. */
export interface Judgement {
  acceptable: boolean;
  allowed: string;
  deviation: string;
}

/** The acceptance limit of one analyte in a criteria table. */
export interface Criterion {
  analyte: string;
  name: string;
  /** The unit of the limit's absolute part; `null` for none (pH). */
  unit: string | null;
  limit: AcceptanceLimit;
  /** The PT score needed in percent, where the source sets one (100 for ABO/RhD typing); text when read back. */
  pass_threshold?: DecimalInput | null;
  source: string;
  /** Whether the number was checked against its source; otherwise `note` starts with UNCONFIRMED. */
  confirmed: boolean;
  note: string;
}

/** A versioned criteria table of a provider, applying from `year` to its `programs`. */
export interface CriteriaTable {
  provider: string;
  year: number;
  programs: string[];
  name: string;
  source: string;
  criteria: Criterion[];
}

/** Criteria tables to look limits up in. */
export interface Criteria {
  tables: CriteriaTable[];
}

/** What `findCriterion` looks for. */
export interface CriterionQuery {
  provider: string;
  year: number;
  program: string;
  analyte: string;
}

/** The units of `convertUnit`. */
export interface ConversionOptions {
  analyte: string;
  fromUnit: string;
  toUnit: string;
}

/** A documented factor between an analyte's conventional and SI units. */
export interface UnitConversion {
  analyte: string;
  name: string;
  conventional_unit: string;
  si_unit: string;
  /** As customarily quoted, decimal text. */
  factor: string;
  /** `"si_per_conventional"`: SI = conventional × factor; `"conventional_per_si"`: SI = conventional ÷ factor. */
  direction: "si_per_conventional" | "conventional_per_si";
  source: string;
  confirmed: boolean;
}
