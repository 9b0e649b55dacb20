// The TypeScript declarations of the hospital indicators (src/indicators.rs).
/** A test item of the national catalogue (《医疗机构临床检验项目目录（2013年版）》). */
export interface CatalogueItem { code: string; name?: string; abbreviation?: string | null }
/** A class (类) of a specialty. */
export interface CatalogueClass { code: string; name?: string; items: CatalogueItem[] }
/** A specialty (专业). */
export interface CatalogueSpecialty { code: string; name?: string; classes: CatalogueClass[] }
/** The catalogue: specialty → class → item. */
export interface Catalogue {
  name?: string;
  edition?: string;
  source?: string;
  note?: string;
  specialties: CatalogueSpecialty[];
}

/** One EQA analyte and the catalogue item it measures. */
export interface MappingEntry { provider: string; program: string; analyte: string; item: string }
/** EQA analytes to catalogue items, with the providers' levels. */
export interface AnalyteMapping {
  name?: string;
  catalogue?: string;
  note?: string;
  providers: { code: string; name?: string; level?: "national" | "provincial" }[];
  entries: MappingEntry[];
}

/** The level of a hospital. */
export type HospitalLevel = "secondary" | "tertiary" | "other";
/** A laboratory's participant code at one provider. */
export interface LabCode { provider: string; lab: string }
/** A laboratory of a hospital and the catalogue items it ticked as performed. */
export interface Laboratory { name?: string; codes?: LabCode[]; performed?: string[] }
/** How an item without EQA was assessed. */
export type AlternativeMethod =
  "split_sample" | "inter_laboratory_comparison" | "method_reevaluation" | "alternative_microbiology" | "other";
/** One alternative-assessment event; `date` as `YYYY-MM-DD`. */
export interface AlternativeAssessment {
  item: string;
  laboratory?: string;
  method: AlternativeMethod;
  date: string;
  samples: number;
  agreeing: number;
  note?: string;
}
/** A hospital and what it reported for one year. */
export interface Hospital {
  code: string;
  name?: string;
  level: HospitalLevel;
  year: number;
  laboratories: Laboratory[];
  alternative?: AlternativeAssessment[];
}
/** The outcome of each round one laboratory was enrolled in for one analyte, in order. */
export interface ItemOutcome {
  provider: string;
  program: string;
  analyte: string;
  lab: string;
  year?: number | null;
  rounds: Outcome[];
}

/** Whose EQA counts: `"national"`, `"province:<provider code>"` or `"national_or_provincial"`. */
export type ProviderScope = "national" | "national_or_provincial" | `province:${string}`;
/** When an analyte passes the year (UNCONFIRMED; default every scored round satisfactory). */
export type YearPassPolicy = "all_scored_rounds_satisfactory" | "not_unsuccessful" | "majority_of_rounds";
/** What makes a participant (UNCONFIRMED; default enrolled). */
export type ParticipationPolicy = "enrolled" | "returned";
/** How programs and laboratories covering one item combine (UNCONFIRMED; default all must pass). */
export type CombinationPolicy = "all_must_pass" | "any_passes";
/** What becomes of items never scored (UNCONFIRMED; default excluded from the pass rate). */
export type UnscoredPolicy = "excluded_from_pass_rate" | "counted_as_failed";
/** Which items count as using alternative assessment (default used). */
export type AlternativeCounting = "used" | "meets_rule";

/** Options of `hospitalIndicators` and `providerIndicators`; a key left out keeps its default. */
export interface IndicatorOptions {
  scope: ProviderScope;
  yearPass?: YearPassPolicy;
  participation?: ParticipationPolicy;
  combination?: CombinationPolicy;
  unscored?: UnscoredPolicy;
  alternativeCounting?: AlternativeCounting;
  /** Samples per alternative-assessment event; default 5. */
  minSamples?: number;
  /** Events per year; default 2. */
  minEvents?: number;
  /** Agreement per event in percent, inclusive; default 80. */
  minAgreement?: number;
}

/** The policies a result was computed under; `min_agreement` is decimal text such as `"80"`. */
export interface IndicatorPolicies {
  year_pass: YearPassPolicy;
  participation: ParticipationPolicy;
  combination: CombinationPolicy;
  unscored: UnscoredPolicy;
  alternative_counting: AlternativeCounting;
  alternative_rule: { min_samples: number; min_events: number; min_agreement: string };
}

/** The indicators. */
export type IndicatorKind =
  "participation_rate" | "pass_rate" | "fail_rate" | "alternative_usage_rate" | "national_passed_items";
/** One indicator: a percentage (`null` for a zero denominator), or for `national_passed_items` the count. */
export interface Indicator {
  indicator: IndicatorKind;
  label: string;
  definition: string;
  numerator: number;
  denominator: number;
  value: number | null;
  numerator_items: string[];
  denominator_items: string[];
  policies: Record<string, string>;
}
/** The verdict on one analyte of one laboratory over the year. */
export type YearVerdict = "passed" | "failed" | "not_evaluated" | "not_participated";
/** Where an item stands. */
export type ItemStatus = "not_offered" | "not_participated" | "not_evaluated" | "passed" | "failed";
/** One program and laboratory covering an item. */
export interface Coverage {
  provider: string;
  program: string;
  analyte: string;
  lab: string;
  rounds: Outcome[];
  /** The index of its outcome in the outcomes given. */
  outcome: number;
  in_scope: boolean;
  national: boolean;
  verdict: YearVerdict;
}
/** One alternative-assessment event as counted. */
export interface AlternativeEvent {
  index: number;
  date: string;
  samples: number;
  agreeing: number;
  agreement: number | null;
  in_year: boolean;
  acceptable: boolean;
}
/** An item's alternative assessment over the year. */
export interface AlternativeSummary {
  events: AlternativeEvent[];
  events_in_year: number;
  used: boolean;
  meets_rule: boolean;
}
/** One catalogue item of a hospital. */
export interface ItemResult {
  item: string;
  name: string | null;
  performed: boolean;
  offered: boolean;
  offered_anywhere: boolean;
  participated: boolean;
  status: ItemStatus;
  national_status: ItemStatus;
  coverages: Coverage[];
  alternative: AlternativeSummary | null;
}
/** A problem in the inputs, with its location such as `hospitals[0].laboratories[1].performed[3]`. */
export interface IndicatorIssue { kind: string; location: string; message: string }
/** Every problem in the inputs. */
export interface IndicatorValidation { issues: IndicatorIssue[] }
/** Every indicator of one hospital and year. */
export interface HospitalIndicators {
  hospital: string;
  name: string;
  level: HospitalLevel;
  year: number;
  scope: ProviderScope;
  policies: IndicatorPolicies;
  participation_rate: Indicator;
  pass_rate: Indicator;
  fail_rate: Indicator;
  alternative_usage_rate: Indicator;
  national_passed_items: Indicator;
  items: ItemResult[];
  outcomes: { used: number; other_laboratories: number; other_years: number; unmapped: number };
  issues: IndicatorIssue[];
}
/** The distribution of one indicator over a group of hospitals; quartiles by linear interpolation. */
export interface Distribution {
  indicator: IndicatorKind;
  n: number;
  undefined: string[];
  min: number | null;
  q1: number | null;
  median: number | null;
  q3: number | null;
  max: number | null;
  mean: number | null;
  /** Ten bands of 10 % for a rate (the last includes 100); empty for the count. */
  bands: { from: number; to: number; count: number }[];
}
/** An item failed by hospitals of a group. */
export interface FailedItem {
  item: string;
  name: string | null;
  failed: number;
  evaluated: number;
  percent: number;
  hospitals: string[];
}
/** A group of hospitals: the province (`all`) or a level. */
export interface HospitalGroupSummary {
  group: "all" | HospitalLevel;
  hospitals: string[];
  distributions: Distribution[];
  failed_items: FailedItem[];
}
/** A provider's report for a year. */
export interface ProviderReport {
  scope: ProviderScope;
  policies: IndicatorPolicies;
  hospitals: HospitalIndicators[];
  groups: HospitalGroupSummary[];
  issues: IndicatorIssue[];
}
/** A table of a provider report. */
export type ReportTable = "hospitals" | "distributions" | "failed_items";
