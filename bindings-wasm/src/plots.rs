//! The data for the graphs of ISO 13528:2022 clause 10 for JavaScript:
//! `histogram`, `kernelDensity`, `youden`, `scoreBars` and `scoreSeries`.
//!
//! The option DTOs and result objects are plain Rust, tested natively; the
//! exports convert arguments and hand them to the core.

#![allow(
    unreachable_pub,
    reason = "wasm-bindgen exports only `pub` functions; the module itself is private"
)]

use std::collections::BTreeMap;

use eqa::{
    Bandwidth, Bins, ClassificationRule, DensityOptions, Error, Performance, ScoreSeriesOptions,
    YoudenEstimator, YoudenOptions,
};
use serde::de::IgnoredAny;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::options::{Given, choice, number, refuse_unknown, set, whole};
use crate::scores::{RuleDto, RuleOut};
use crate::{fail, options_of, values_of};

/// The TypeScript declarations of this file's exports.
#[wasm_bindgen(typescript_custom_section)]
const PLOT_TYPES: &str = r#"
/** A rule for the bins of a histogram. */
export type BinsRule = "sturges" | "scott" | "freedman_diaconis";

/** Options of `histogram`; a key left out keeps its default. */
export interface HistogramOptions {
  /** A rule, or a number of bins (1 to 10000); default `"sturges"` (⌈log₂ n⌉ + 1 bins). */
  bins?: BinsRule | number;
  /** A bin width instead of `bins`. */
  width?: number;
}

/** A histogram: k equal bins, bin i holding edges[i] ≤ x < edges[i+1], the last bin closed. */
export interface Histogram {
  /** The k + 1 edges, increasing. */
  edges: number[];
  /** The number of values in each bin; they sum to n. */
  counts: number[];
  width: number;
  n: number;
  /** The rule asked for: its name, `{ width }` or `{ count }`. */
  bins: BinsRule | { width: number } | { count: number };
  /** Whether the rule gave no usable width, so that Sturges' count was used. */
  sturgesFallback: boolean;
}

/** A rule for the bandwidth of a kernel density. */
export type BandwidthRule = "silverman" | "scott";

/** Options of `kernelDensity`; a key left out keeps its default. */
export interface DensityOptions {
  /** Default `"silverman"`: 0.9·min(s, nIQR)·n^(−1/5); or `"scott"`, or a positive bandwidth. */
  bandwidth?: BandwidthRule | number;
  /** Grid points, 2 to 100000; default 512. */
  points?: number;
  /** How far the grid reaches beyond the values, in bandwidths; default 3. */
  cut?: number;
  /** The grid's ends [low, high] instead of `cut`. */
  range?: [number, number];
  /** A local maximum below this fraction of the highest is not a mode; default 0.05. */
  modeHeight?: number;
}

/** The options a `KernelDensity` was computed with. */
export interface DensitySettings {
  bandwidth: BandwidthRule | { given: number };
  points: number;
  cut: number;
  range: [number, number] | null;
  modeHeight: number;
}

/** A Gaussian kernel density estimate on a grid, with its modes. */
export interface KernelDensity {
  x: number[];
  density: number[];
  bandwidth: number;
  n: number;
  /** The grid abscissae of the modes, left to right. */
  modes: number[];
  modeDensities: number[];
  /** More than one mode: a single consensus value may be meaningless. */
  multimodal: boolean;
  options: DensitySettings;
}

/** The robust centre and spread of each axis of a Youden plot. */
export type YoudenEstimator = "median" | "algorithm_a";

/** Options of `youden`; a key left out keeps its default. */
export interface YoudenOptions {
  /** Default `"median"` (median and MADe). */
  estimator?: YoudenEstimator;
  /** Coverage of the ellipse, in (0, 1); default 0.95. */
  coverage?: number;
  /** The box is centre ± boxK robust SDs; default 2. */
  boxK?: number;
  /** Distinct points of the ellipse's polyline, 3 to 100000; default 100. */
  ellipsePoints?: number;
}

/** A confidence ellipse: centre, semi-axes, angle, and a closed polyline. */
export interface Ellipse {
  centre: [number, number];
  semiMajor: number;
  semiMinor: number;
  /** Angle of the major axis from the a axis, counter-clockwise, in radians. */
  angle: number;
  angleDegrees: number;
  x: number[];
  y: number[];
}

/** The data of a Youden plot. */
export interface Youden {
  participants: number[];
  a: number[];
  b: number[];
  centreA: number;
  centreB: number;
  scaleA: number;
  scaleB: number;
  correlation: number;
  /** The 45° line b = a + diagonalIntercept through the centre. */
  diagonalIntercept: number;
  ellipse: Ellipse;
  boxA: [number, number];
  boxB: [number, number];
  insideEllipse: boolean[];
  insideBox: boolean[];
  options: Required<YoudenOptions>;
}

/** The data of a bar chart of one round's scores. */
export interface ScoreBars {
  scores: number[];
  performance: Performance[];
  /** The participants from the lowest score to the highest. */
  order: number[];
  sortedScores: number[];
  /** −U, −S, S, U (or −S, S for a two-band rule). */
  limitLines: number[];
  rule: ClassificationRule;
}

/** Options of `scoreSeries`; a key left out keeps its default. */
export interface ScoreSeriesOptions {
  /** Rounds in the running window, 1 to 1000; default 5. */
  window?: number;
  /** The rule of the scores and of the running mean; default `"z"`. */
  rule?: ClassificationRuleLike;
  /** Level of the warning signal on the running SSZ; default 0.05. */
  questionable?: number;
  /** Level of the action signal on the running SSZ; default 0.01. */
  unsatisfactory?: number;
}

/** The options a `ScoreSeries` was computed with. */
export interface ScoreSeriesSettings {
  window: number;
  rule: ClassificationRule;
  questionable: number;
  unsatisfactory: number;
}

/** One participant's scores over rounds with running statistics, one entry per round. */
export interface ScoreSeries {
  rounds: number[];
  scores: number[];
  order: number[];
  performance: Performance[];
  windowSizes: number[];
  runningMean: number[];
  meanSatisfactoryLimit: number[];
  meanUnsatisfactoryLimit: number[];
  runningMeanPerformance: Performance[];
  runningSumOfSquares: number[];
  sumOfSquaresQuestionableLimit: number[];
  sumOfSquaresUnsatisfactoryLimit: number[];
  runningSumOfSquaresPerformance: Performance[];
  options: ScoreSeriesSettings;
}
"#;

/// A result as a plain object, `None` as `null`.
fn plain<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::new().serialize_missing_as_null(true))
        .map_err(JsValue::from)
}

/// A whole number option, or the error naming it.
fn count(name: &'static str, given: Given) -> Result<usize, Error> {
    whole(&given)
        .map(|n| n as usize)
        .ok_or_else(|| Error::InvalidParameter {
            name,
            value: given.to_string(),
            expected: "a whole number from 0 to 4294967295",
        })
}

/// The options of `histogram`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct HistogramOptionsDto {
    bins: Option<Given>,
    width: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl HistogramOptionsDto {
    /// The core's bins.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key, both `bins` and
    /// `width`, or a value of the wrong type or name.
    pub(crate) fn into_core(self) -> Result<Bins, Error> {
        refuse_unknown(&self.unknown, "bins or width")?;
        let given = |g: Option<Given>| g.filter(|g| *g != Given::Nothing);
        match (given(self.bins), given(self.width)) {
            (Some(_), Some(w)) => Err(Error::InvalidParameter {
                name: "width",
                value: w.to_string(),
                expected: "either bins or width, not both",
            }),
            (None, Some(w)) => Ok(Bins::Width(number("width", w)?)),
            (Some(Given::Text(name)), None) => name.parse(),
            (Some(k), None) => Ok(Bins::Count(count("bins", k)?)),
            (None, None) => Ok(Bins::default()),
        }
    }
}

/// The grid's ends as given.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum RangeDto {
    Pair(Vec<Given>),
    Other(Given),
}

/// The options of `kernelDensity`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct DensityOptionsDto {
    bandwidth: Option<Given>,
    points: Option<Given>,
    cut: Option<Given>,
    range: Option<RangeDto>,
    mode_height: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl DensityOptionsDto {
    /// The core's options: its defaults, with the given keys replaced.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key or a value of the wrong
    /// type or name; the ranges are the core's to check.
    pub(crate) fn into_core(self) -> Result<DensityOptions, Error> {
        refuse_unknown(&self.unknown, "bandwidth, points, cut, range or modeHeight")?;
        let mut o = DensityOptions::default();
        set(&mut o.bandwidth, self.bandwidth, |g| match g {
            Given::Text(name) => name.parse(),
            other => Ok(Bandwidth::Given(number("bandwidth", other)?)),
        })?;
        set(&mut o.points, self.points, |g| count("points", g))?;
        set(&mut o.cut, self.cut, |g| number("cut", g))?;
        set(&mut o.mode_height, self.mode_height, |g| {
            number("mode_height", g)
        })?;
        match self.range {
            None | Some(RangeDto::Other(Given::Nothing)) => {}
            Some(RangeDto::Pair(pair)) if pair.len() == 2 => {
                let mut ends = pair.into_iter().map(|g| number("range", g));
                let lo = ends.next().unwrap_or(Ok(0.0))?;
                let hi = ends.next().unwrap_or(Ok(0.0))?;
                o.range = Some((lo, hi));
            }
            Some(other) => {
                return Err(Error::InvalidParameter {
                    name: "range",
                    value: format!("{other:?}"),
                    expected: "an array [low, high] of two numbers",
                });
            }
        }
        Ok(o)
    }
}

/// The options of `youden`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct YoudenOptionsDto {
    estimator: Option<Given>,
    coverage: Option<Given>,
    box_k: Option<Given>,
    ellipse_points: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl YoudenOptionsDto {
    /// The core's options: its defaults, with the given keys replaced.
    ///
    /// # Errors
    ///
    /// As [`DensityOptionsDto::into_core`].
    pub(crate) fn into_core(self) -> Result<YoudenOptions, Error> {
        refuse_unknown(&self.unknown, "estimator, coverage, boxK or ellipsePoints")?;
        let mut o = YoudenOptions::default();
        set(&mut o.estimator, self.estimator, |g| {
            choice::<YoudenEstimator>("estimator", g)
        })?;
        set(&mut o.coverage, self.coverage, |g| number("coverage", g))?;
        set(&mut o.box_k, self.box_k, |g| number("box_k", g))?;
        set(&mut o.ellipse_points, self.ellipse_points, |g| {
            count("ellipse_points", g)
        })?;
        Ok(o)
    }
}

/// The options of `scoreSeries`.
#[derive(Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ScoreSeriesOptionsDto {
    window: Option<Given>,
    rule: Option<RuleDto>,
    questionable: Option<Given>,
    unsatisfactory: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

impl ScoreSeriesOptionsDto {
    /// The core's options: its defaults, with the given keys replaced.
    ///
    /// # Errors
    ///
    /// As [`DensityOptionsDto::into_core`], and a bad rule.
    pub(crate) fn into_core(self) -> Result<ScoreSeriesOptions, Error> {
        refuse_unknown(
            &self.unknown,
            "window, rule, questionable or unsatisfactory",
        )?;
        let mut o = ScoreSeriesOptions::default();
        set(&mut o.window, self.window, |g| count("window", g))?;
        set(&mut o.questionable, self.questionable, |g| {
            number("questionable", g)
        })?;
        set(&mut o.unsatisfactory, self.unsatisfactory, |g| {
            number("unsatisfactory", g)
        })?;
        if let Some(rule) = self.rule {
            o.rule = rule.into_core()?;
        }
        Ok(o)
    }
}

/// An [`eqa::Histogram`] as the plain object `Histogram`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct HistogramOut {
    edges: Vec<f64>,
    counts: Vec<usize>,
    width: f64,
    n: usize,
    bins: Bins,
    sturges_fallback: bool,
}

impl From<eqa::Histogram> for HistogramOut {
    fn from(h: eqa::Histogram) -> Self {
        HistogramOut {
            edges: h.edges,
            counts: h.counts,
            width: h.width,
            n: h.n,
            bins: h.bins,
            sturges_fallback: h.sturges_fallback,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct DensitySettingsOut {
    bandwidth: Bandwidth,
    points: usize,
    cut: f64,
    range: Option<(f64, f64)>,
    mode_height: f64,
}

/// An [`eqa::KernelDensity`] as the plain object `KernelDensity`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct KernelDensityOut {
    x: Vec<f64>,
    density: Vec<f64>,
    bandwidth: f64,
    n: usize,
    modes: Vec<f64>,
    mode_densities: Vec<f64>,
    multimodal: bool,
    options: DensitySettingsOut,
}

impl From<eqa::KernelDensity> for KernelDensityOut {
    fn from(d: eqa::KernelDensity) -> Self {
        let o = d.options;
        KernelDensityOut {
            x: d.x,
            density: d.density,
            bandwidth: d.bandwidth,
            n: d.n,
            modes: d.modes,
            mode_densities: d.mode_densities,
            multimodal: d.multimodal,
            options: DensitySettingsOut {
                bandwidth: o.bandwidth,
                points: o.points,
                cut: o.cut,
                range: o.range,
                mode_height: o.mode_height,
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct EllipseOut {
    centre: (f64, f64),
    semi_major: f64,
    semi_minor: f64,
    angle: f64,
    angle_degrees: f64,
    x: Vec<f64>,
    y: Vec<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct YoudenSettingsOut {
    estimator: YoudenEstimator,
    coverage: f64,
    box_k: f64,
    ellipse_points: usize,
}

/// An [`eqa::Youden`] as the plain object `Youden`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct YoudenOut {
    participants: Vec<usize>,
    a: Vec<f64>,
    b: Vec<f64>,
    centre_a: f64,
    centre_b: f64,
    scale_a: f64,
    scale_b: f64,
    correlation: f64,
    diagonal_intercept: f64,
    ellipse: EllipseOut,
    box_a: (f64, f64),
    box_b: (f64, f64),
    inside_ellipse: Vec<bool>,
    inside_box: Vec<bool>,
    options: YoudenSettingsOut,
}

impl From<eqa::Youden> for YoudenOut {
    fn from(y: eqa::Youden) -> Self {
        let (e, o) = (y.ellipse, y.options);
        YoudenOut {
            participants: y.participants,
            a: y.a,
            b: y.b,
            centre_a: y.centre_a,
            centre_b: y.centre_b,
            scale_a: y.scale_a,
            scale_b: y.scale_b,
            correlation: y.correlation,
            diagonal_intercept: y.diagonal_intercept,
            ellipse: EllipseOut {
                centre: e.centre,
                semi_major: e.semi_major,
                semi_minor: e.semi_minor,
                angle: e.angle,
                angle_degrees: e.angle_degrees,
                x: e.x,
                y: e.y,
            },
            box_a: y.box_a,
            box_b: y.box_b,
            inside_ellipse: y.inside_ellipse,
            inside_box: y.inside_box,
            options: YoudenSettingsOut {
                estimator: o.estimator,
                coverage: o.coverage,
                box_k: o.box_k,
                ellipse_points: o.ellipse_points,
            },
        }
    }
}

/// An [`eqa::ScoreBars`] as the plain object `ScoreBars`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ScoreBarsOut {
    scores: Vec<f64>,
    performance: Vec<Performance>,
    order: Vec<usize>,
    sorted_scores: Vec<f64>,
    limit_lines: Vec<f64>,
    rule: RuleOut,
}

impl From<eqa::ScoreBars> for ScoreBarsOut {
    fn from(b: eqa::ScoreBars) -> Self {
        ScoreBarsOut {
            rule: RuleOut::from(&b.rule),
            scores: b.scores,
            performance: b.performance,
            order: b.order,
            sorted_scores: b.sorted_scores,
            limit_lines: b.limit_lines,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
struct SeriesSettingsOut {
    window: usize,
    rule: RuleOut,
    questionable: f64,
    unsatisfactory: f64,
}

/// An [`eqa::ScoreSeries`] as the plain object `ScoreSeries`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct ScoreSeriesOut {
    rounds: Vec<f64>,
    scores: Vec<f64>,
    order: Vec<usize>,
    performance: Vec<Performance>,
    window_sizes: Vec<usize>,
    running_mean: Vec<f64>,
    mean_satisfactory_limit: Vec<f64>,
    mean_unsatisfactory_limit: Vec<f64>,
    running_mean_performance: Vec<Performance>,
    running_sum_of_squares: Vec<f64>,
    sum_of_squares_questionable_limit: Vec<f64>,
    sum_of_squares_unsatisfactory_limit: Vec<f64>,
    running_sum_of_squares_performance: Vec<Performance>,
    options: SeriesSettingsOut,
}

impl From<eqa::ScoreSeries> for ScoreSeriesOut {
    fn from(s: eqa::ScoreSeries) -> Self {
        let o = s.options;
        ScoreSeriesOut {
            rounds: s.rounds,
            scores: s.scores,
            order: s.order,
            performance: s.performance,
            window_sizes: s.window_sizes,
            running_mean: s.running_mean,
            mean_satisfactory_limit: s.mean_satisfactory_limit,
            mean_unsatisfactory_limit: s.mean_unsatisfactory_limit,
            running_mean_performance: s.running_mean_performance,
            running_sum_of_squares: s.running_sum_of_squares,
            sum_of_squares_questionable_limit: s.sum_of_squares_questionable_limit,
            sum_of_squares_unsatisfactory_limit: s.sum_of_squares_unsatisfactory_limit,
            running_sum_of_squares_performance: s.running_sum_of_squares_performance,
            options: SeriesSettingsOut {
                window: o.window,
                rule: RuleOut::from(&o.rule),
                questionable: o.questionable,
                unsatisfactory: o.unsatisfactory,
            },
        }
    }
}

/// The histogram of the values (ISO 13528:2022 10.2): equal bins by a named
/// rule (default Sturges), a number of bins or a width.
///
/// Throws `InvalidInputError` for no values or a NaN or infinite value,
/// `InvalidParameterError` for bad options, `NumericalOverflowError` when the
/// range overflows.
#[wasm_bindgen(unchecked_return_type = "Histogram")]
pub fn histogram(
    #[wasm_bindgen(unchecked_param_type = "Values")] values: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "HistogramOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let values = values_of(values)?;
    let bins = options_of::<HistogramOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let h = eqa::histogram(&values, bins).map_err(fail)?;
    plain(&HistogramOut::from(h))
}

/// The Gaussian kernel density estimate of the values on a grid, with its
/// modes (ISO 13528:2022 10.3).
///
/// Throws `InvalidInputError` for too few values or a NaN or infinite one,
/// `ZeroScaleError` when a rule's bandwidth is zero, `InvalidParameterError`
/// for bad options, `NumericalOverflowError` when the grid overflows.
#[wasm_bindgen(js_name = kernelDensity, unchecked_return_type = "KernelDensity")]
pub fn kernel_density(
    #[wasm_bindgen(unchecked_param_type = "Values")] values: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "DensityOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let values = values_of(values)?;
    let options = options_of::<DensityOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let d = eqa::kernel_density(&values, &options).map_err(fail)?;
    plain(&KernelDensityOut::from(d))
}

/// The data of a Youden plot of the results `a` and `b` of two samples, one
/// pair per participant (ISO 13528:2022 10.5).
///
/// Throws `InvalidInputError` for `a` and `b` of different lengths
/// (`length_mismatch`), fewer than two pairs or a NaN or infinite result,
/// `ZeroScaleError` when an axis' robust SD is zero, `InvalidParameterError`
/// for bad options.
#[wasm_bindgen(unchecked_return_type = "Youden")]
pub fn youden(
    #[wasm_bindgen(unchecked_param_type = "Values")] a: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Values")] b: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "YoudenOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let (a, b) = (values_of(a)?, values_of(b)?);
    let options = options_of::<YoudenOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let y = eqa::youden(&a, &b, &options).map_err(fail)?;
    plain(&YoudenOut::from(y))
}

/// The data of a bar chart of standardized scores (ISO 13528:2022 10.4):
/// classes under `rule` (default `"z"`), the order from the lowest score up,
/// and the limit lines.
///
/// Throws `InvalidInputError` for no scores or a NaN or infinite one,
/// `InvalidParameterError` for a bad rule.
#[wasm_bindgen(js_name = scoreBars, unchecked_return_type = "ScoreBars")]
pub fn score_bars(
    #[wasm_bindgen(unchecked_param_type = "Values")] scores: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ClassificationRuleLike")] rule: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let scores = values_of(scores)?;
    let rule = match rule.filter(|r| !r.is_null() && !r.is_undefined()) {
        None => ClassificationRule::z(),
        Some(r) => serde_wasm_bindgen::from_value::<RuleDto>(r)
            .map_err(|e| fail(crate::options::unreadable(&e.to_string())))?
            .into_core()
            .map_err(fail)?,
    };
    let bars = eqa::score_bars(&scores, &rule).map_err(fail)?;
    plain(&ScoreBarsOut::from(bars))
}

/// One participant's scores over rounds with a running mean and sum of
/// squares over a window of rounds, and their limits (ISO 13528:2022 10.8).
///
/// Throws `InvalidInputError` for rounds and scores of different lengths
/// (`length_mismatch`), no rounds or a NaN or infinite one,
/// `InvalidParameterError` for repeated rounds or bad options,
/// `NumericalOverflowError` when the sum of squares overflows.
#[wasm_bindgen(js_name = scoreSeries, unchecked_return_type = "ScoreSeries")]
pub fn score_series(
    #[wasm_bindgen(unchecked_param_type = "Values")] rounds: &JsValue,
    #[wasm_bindgen(unchecked_param_type = "Values")] scores: &JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "ScoreSeriesOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let (rounds, scores) = (values_of(rounds)?, values_of(scores)?);
    let options = options_of::<ScoreSeriesOptionsDto>(options)?
        .into_core()
        .map_err(fail)?;
    let s = eqa::score_series(&rounds, &scores, &options).map_err(fail)?;
    plain(&ScoreSeriesOut::from(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dto<T: serde::de::DeserializeOwned>(json: &str) -> T {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn options_from_objects() {
        let b: HistogramOptionsDto = dto(r#"{"bins": 7}"#);
        assert_eq!(b.into_core(), Ok(Bins::Count(7)));
        let b: HistogramOptionsDto = dto(r#"{"bins": "scott"}"#);
        assert_eq!(b.into_core(), Ok(Bins::Scott));
        let b: HistogramOptionsDto = dto(r#"{"bins": 3, "width": 0.5}"#);
        assert!(b.into_core().is_err());
        let d: DensityOptionsDto = dto(r#"{"bandwidth": 0.5, "range": [0, 1], "modeHeight": 0.2}"#);
        let d = d.into_core().unwrap();
        assert_eq!(
            (d.bandwidth, d.range, d.mode_height),
            (Bandwidth::Given(0.5), Some((0.0, 1.0)), 0.2)
        );
        let d: DensityOptionsDto = dto(r#"{"range": 3}"#);
        assert!(d.into_core().is_err());
        let y: YoudenOptionsDto = dto(r#"{"estimator": "algorithm_a", "boxK": 3}"#);
        let y = y.into_core().unwrap();
        assert_eq!((y.estimator, y.box_k), (YoudenEstimator::AlgorithmA, 3.0));
        let s: ScoreSeriesOptionsDto = dto(r#"{"window": 3, "rule": "en"}"#);
        let s = s.into_core().unwrap();
        assert_eq!((s.window, s.rule), (3, ClassificationRule::en()));
        let s: ScoreSeriesOptionsDto = dto(r#"{"windows": 3}"#);
        assert!(s.into_core().is_err());
    }

    #[test]
    fn keys_are_camel_case_and_names_javascript() {
        let y = eqa::youden(
            &[1.0, 2.0, 3.0],
            &[1.0, 2.5, 3.0],
            &YoudenOptions::default(),
        )
        .unwrap();
        let json = serde_json::to_value(YoudenOut::from(y)).unwrap();
        assert!(json["ellipse"]["semiMajor"].is_number());
        assert_eq!(json["options"]["boxK"], 2.0);
        let e = eqa::youden(
            &[1.0, 2.0],
            &[1.0, 3.0],
            &YoudenOptions {
                box_k: 0.0,
                ..Default::default()
            },
        )
        .unwrap_err()
        .respelled(eqa::KeyStyle::CamelCase);
        assert!(e.to_string().starts_with("invalid boxK"));
    }
}
