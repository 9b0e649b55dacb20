//! Scores over rounds (ISO 13528:2022 10.8): one participant's scores in the
//! order of the rounds, with a running mean and a running sum of squares over
//! a window, and their limits.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::stats::performance::classification::{ClassificationRule, Performance};
use crate::stats::sample::{check, finite};

/// The widest window of a score series.
pub const MAX_WINDOW: usize = 1_000;

/// The options of [`score_series`]; [`Default`] gives the documented defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ScoreSeriesOptions {
    /// How many of the latest rounds the running statistics take, 1 to
    /// [`MAX_WINDOW`] (default 5); the first rounds take as many as there are.
    pub window: usize,
    /// The rule of the single scores and of the running mean z̄ (through
    /// RSZ = z̄·√k, so that its limits are ±S/√k and ±U/√k); default
    /// [`ClassificationRule::z`].
    pub rule: ClassificationRule,
    /// The level of the warning signal on the running SSZ, against χ²_k
    /// (default 0.05).
    pub questionable: f64,
    /// The level of the action signal on the running SSZ (default 0.01), at
    /// most `questionable`.
    pub unsatisfactory: f64,
}

impl Default for ScoreSeriesOptions {
    fn default() -> Self {
        ScoreSeriesOptions {
            window: 5,
            rule: ClassificationRule::z(),
            questionable: 0.05,
            unsatisfactory: 0.01,
        }
    }
}

/// One participant's scores over rounds, with running statistics; every
/// vector has one entry per round, in the order of the rounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScoreSeries {
    /// The rounds, increasing.
    pub rounds: Vec<f64>,
    /// The score of each round.
    pub scores: Vec<f64>,
    /// The position of each round in the input.
    pub order: Vec<usize>,
    /// The class of each score under the rule.
    pub performance: Vec<Performance>,
    /// The number of scores k in each window: min(window, rounds so far).
    pub window_sizes: Vec<usize>,
    /// The running mean z̄ = Σz/k over the window.
    pub running_mean: Vec<f64>,
    /// S/√k, the satisfactory limit of the running mean (draw ±).
    pub mean_satisfactory_limit: Vec<f64>,
    /// U/√k, the unsatisfactory limit of the running mean (draw ±).
    pub mean_unsatisfactory_limit: Vec<f64>,
    /// The class of the running mean (of RSZ = z̄·√k under the rule).
    pub running_mean_performance: Vec<Performance>,
    /// The running sum of squares SSZ = Σz² over the window.
    pub running_sum_of_squares: Vec<f64>,
    /// χ²_k(1 − questionable), the warning limit of SSZ.
    pub sum_of_squares_questionable_limit: Vec<f64>,
    /// χ²_k(1 − unsatisfactory), the action limit of SSZ.
    pub sum_of_squares_unsatisfactory_limit: Vec<f64>,
    /// The class of SSZ: questionable at or beyond the warning limit,
    /// unsatisfactory at or beyond the action limit.
    pub running_sum_of_squares_performance: Vec<Performance>,
    /// The options used.
    pub options: ScoreSeriesOptions,
}

/// P(χ²_k > x) for a whole k ≥ 1, in closed form: for even k,
/// e^(−x/2)·Σ_{j<k/2} (x/2)^j/j!; for odd k, erfc(√(x/2)) plus
/// e^(−x/2)·Σ_{j=1}^{(k−1)/2} (x/2)^(j−½)/Γ(j+½).
fn chi_squared_sf(k: usize, x: f64) -> f64 {
    let h = 0.5 * x;
    let e = libm::exp(-h);
    if k.is_multiple_of(2) {
        let (mut term, mut sum) = (e, e);
        for j in 1..k / 2 {
            term *= h / j as f64;
            sum += term;
        }
        sum
    } else {
        let root = libm::sqrt(h);
        let mut sum = libm::erfc(root);
        let mut term = e * root * std::f64::consts::FRAC_2_SQRT_PI;
        for j in 1..=(k - 1) / 2 {
            sum += term;
            term *= h / (j as f64 + 0.5);
        }
        sum
    }
}

/// The x with P(χ²_k > x) = α, by bracketing and bisection to the spacing
/// of doubles.
fn chi_squared_upper(k: usize, alpha: f64) -> f64 {
    let (mut lo, mut hi) = (0.0, (k as f64).max(1.0));
    while chi_squared_sf(k, hi) > alpha && hi < 1e300 {
        lo = hi;
        hi *= 2.0;
    }
    for _ in 0..2_000 {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if chi_squared_sf(k, mid) > alpha {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// One participant's scores over rounds with their running mean and sum of
/// squares over a window of rounds, and the limits of each.
///
/// # Formula
///
/// The scores are put in the order of their rounds. At round i the window
/// holds the latest k = min(window, i + 1) scores; z̄ = Σz/k, classified as
/// the rescaled sum RSZ = Σz/√k by the rule (limits ±S/√k, ±U/√k for a rule
/// with limits S and U), and SSZ = Σz², compared with the upper quantiles of
/// χ² on k degrees of freedom at the two levels (ISO 13528:2022 10.8 and
/// 9.8; see [`crate::stats::combined_z`] for one window). The sums run in round
/// order within each window. The quantiles come from the closed form of the
/// χ² distribution with whole degrees of freedom, inverted by bisection.
///
/// # Complexity
///
/// O(n·window) for the sums, plus the quantiles of each k.
///
/// # Errors
///
/// [`Error::LengthMismatch`] when there are not as many scores as rounds;
/// [`Error::TooFewValues`] for no rounds; [`Error::NonFiniteValue`] for a NaN
/// or infinite round or score; [`Error::InvalidParameter`] for rounds that
/// repeat, a window outside 1 to [`MAX_WINDOW`] or levels outside
/// 0 < unsatisfactory ≤ questionable < 1; [`Error::Overflow`] when SSZ
/// exceeds `f64`.
///
/// # Examples
///
/// ```
/// use eqa::{score_series, ScoreSeriesOptions, Performance::*};
/// let options = ScoreSeriesOptions { window: 2, ..Default::default() };
/// let s = score_series(&[3.0, 1.0, 2.0], &[2.5, 1.0, 2.0], &options)?;
/// assert_eq!(s.rounds, [1.0, 2.0, 3.0]);
/// assert_eq!(s.scores, [1.0, 2.0, 2.5]);
/// assert_eq!(s.window_sizes, [1, 2, 2]);
/// assert_eq!(s.running_mean, [1.0, 1.5, 2.25]);
/// assert_eq!(s.running_sum_of_squares, [1.0, 5.0, 10.25]);
/// assert_eq!(s.mean_satisfactory_limit[1], 2.0 / 2f64.sqrt());
/// // chi-squared, 2 degrees of freedom: the upper 5 % point is -2 ln 0.05 = 5.991
/// assert!((s.sum_of_squares_questionable_limit[2] - 5.991_464_547).abs() < 1e-8);
/// assert_eq!(s.running_sum_of_squares_performance, [Satisfactory, Satisfactory, Unsatisfactory]);
/// assert_eq!(s.running_mean_performance[2], Unsatisfactory); // RSZ = 3.18
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "running_z")]
pub fn score_series(
    rounds: &[f64],
    scores: &[f64],
    options: &ScoreSeriesOptions,
) -> Result<ScoreSeries> {
    if scores.len() != rounds.len() {
        return Err(Error::LengthMismatch {
            what: "scores",
            expected: rounds.len(),
            got: scores.len(),
        });
    }
    check(rounds, "score series", 1)?;
    check(scores, "score series", 1)?;
    let o = options;
    if !(1..=MAX_WINDOW).contains(&o.window) {
        return Err(Error::InvalidParameter {
            name: "window",
            value: o.window.to_string(),
            expected: "a number of rounds from 1 to 1000",
        });
    }
    if !(o.questionable > 0.0 && o.questionable < 1.0) {
        return Err(Error::InvalidParameter {
            name: "questionable",
            value: o.questionable.to_string(),
            expected: "a significance level between 0 and 1",
        });
    }
    if !(o.unsatisfactory > 0.0 && o.unsatisfactory <= o.questionable) {
        return Err(Error::InvalidParameter {
            name: "unsatisfactory",
            value: o.unsatisfactory.to_string(),
            expected: "a significance level above 0 and at most the questionable level",
        });
    }
    let mut order: Vec<usize> = (0..rounds.len()).collect();
    order.sort_by(|&i, &j| rounds[i].total_cmp(&rounds[j]));
    if let Some(w) = order.windows(2).find(|w| rounds[w[0]] == rounds[w[1]]) {
        return Err(Error::InvalidParameter {
            name: "rounds",
            value: rounds[w[1]].to_string(),
            expected: "distinct rounds, one score per round",
        });
    }
    let sorted_rounds: Vec<f64> = order.iter().map(|&i| rounds[i]).collect();
    let z: Vec<f64> = order.iter().map(|&i| scores[i]).collect();
    let kmax = o.window.min(z.len());
    let limits: Vec<(f64, f64)> = (1..=kmax)
        .map(|k| {
            (
                chi_squared_upper(k, o.questionable),
                chi_squared_upper(k, o.unsatisfactory),
            )
        })
        .collect();
    let n = z.len();
    let mut s = ScoreSeries {
        performance: crate::stats::classify(&z, &o.rule)?,
        rounds: sorted_rounds,
        order,
        window_sizes: Vec::with_capacity(n),
        running_mean: Vec::with_capacity(n),
        mean_satisfactory_limit: Vec::with_capacity(n),
        mean_unsatisfactory_limit: Vec::with_capacity(n),
        running_mean_performance: Vec::with_capacity(n),
        running_sum_of_squares: Vec::with_capacity(n),
        sum_of_squares_questionable_limit: Vec::with_capacity(n),
        sum_of_squares_unsatisfactory_limit: Vec::with_capacity(n),
        running_sum_of_squares_performance: Vec::with_capacity(n),
        options: *options,
        scores: Vec::new(),
    };
    for i in 0..n {
        let k = (i + 1).min(o.window);
        let window = &z[i + 1 - k..=i];
        let sum = finite(window.iter().sum::<f64>(), "running mean")?;
        let ssz = finite(window.iter().map(|v| v * v).sum::<f64>(), "running SSZ")?;
        let root = (k as f64).sqrt();
        let (q, u) = limits[k - 1];
        s.window_sizes.push(k);
        s.running_mean.push(sum / k as f64);
        s.mean_satisfactory_limit.push(o.rule.satisfactory() / root);
        s.mean_unsatisfactory_limit
            .push(o.rule.unsatisfactory() / root);
        s.running_mean_performance
            .push(o.rule.classify(sum / root)?);
        s.running_sum_of_squares.push(ssz);
        s.sum_of_squares_questionable_limit.push(q);
        s.sum_of_squares_unsatisfactory_limit.push(u);
        s.running_sum_of_squares_performance.push(if ssz >= u {
            Performance::Unsatisfactory
        } else if ssz >= q {
            Performance::Questionable
        } else {
            Performance::Satisfactory
        });
    }
    s.scores = z;
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chi_squared_quantiles() {
        // Upper 5 % and 1 % points of chi2 with 1, 3, 4 and 10 degrees of freedom.
        for (k, alpha, x) in [
            (1, 0.05, 3.841_458_820_694_124),
            (1, 0.01, 6.634_896_601_021_214),
            (3, 0.05, 7.814_727_903_251_178),
            (4, 0.01, 13.276_704_135_987_622),
            (10, 0.05, 18.307_038_053_275_146),
        ] {
            let q = chi_squared_upper(k, alpha);
            assert!((q - x).abs() < 1e-9 * x, "{k} {alpha}: {q}");
        }
    }

    #[test]
    fn refuses_bad_input() {
        let o = ScoreSeriesOptions::default();
        let code = |r: &[f64], z: &[f64], o: &ScoreSeriesOptions| {
            score_series(r, z, o).map_err(|e| e.code())
        };
        assert_eq!(code(&[1.0, 2.0], &[1.0], &o), Err("length_mismatch"));
        assert_eq!(code(&[], &[], &o), Err("too_few_values"));
        assert_eq!(code(&[1.0, 1.0], &[1.0, 2.0], &o), Err("invalid_parameter"));
        assert_eq!(
            code(&[1.0], &[1.0], &ScoreSeriesOptions { window: 0, ..o }),
            Err("invalid_parameter")
        );
        assert_eq!(
            code(
                &[1.0],
                &[1.0],
                &ScoreSeriesOptions {
                    unsatisfactory: 0.1,
                    ..o
                }
            ),
            Err("invalid_parameter")
        );
        assert_eq!(code(&[1.0, 2.0], &[1e200, 1e200], &o), Err("overflow"));
    }
}
