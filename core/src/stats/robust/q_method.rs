//! The Q method (ISO 13528:2022 C.5.2.2): a robust reproducibility standard
//! deviation from the pairwise differences between participants.

use serde::{Deserialize, Serialize};
use statrs::distribution::{ContinuousCDF, Normal};

use crate::error::{Error, Result};
use crate::stats::decimal::{decade, nearest_whole, pow10};
use crate::stats::robust::pairwise::Pairs;
use crate::stats::sample::{check, finite};

/// The Q method's robust standard deviation s* with what it was computed from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QMethodEstimate {
    /// The robust (reproducibility) standard deviation s*.
    #[doc(alias = "s_star")]
    pub scale: f64,
    /// The number of participants p.
    pub n: usize,
    /// The number of results: p with one result each, Σnᵢ with replicates.
    pub results: usize,
    /// H1(0), the weighted share of between-participant differences that are
    /// zero (ties, after the rounding rule of [`q_method`]).
    #[doc(alias = "H1(0)")]
    pub h1_zero: f64,
}

/// The Q method's robust standard deviation of one result per participant
/// (ISO 13528:2022 C.5.2.2).
///
/// # Formula
///
/// With the N = p(p − 1)/2 absolute differences |xᵢ − xⱼ|, i < j, let
/// H1(x) be the share of them at most x, and x₁ < x₂ < … the distinct
/// differences (the jumps of H1). G1 is 0 at 0 and
/// ½(H1(xₗ) + H1(xₗ₋₁)) at each xₗ (with H1(x₀) = 0, and G1(x₁) = 0 when
/// x₁ = 0), linear in between. Then
///
/// s* = G1⁻¹(0.25 + 0.75·H1(0)) / (√2 · Φ⁻¹(0.625 + 0.375·H1(0))).
///
/// **Equal differences.** Differences that are equal in decimal may differ in
/// their last binary digits (0.3 − 0.1 is 0.19999999999999998, 0.4 − 0.2 is
/// 0.2), which would split one jump of H1 into two and move s*. So for
/// decimal data every difference is first rounded (to nearest, ties to even)
/// to 14 significant decimal digits relative to the magnitude m of the
/// central half of the data: to a multiple of 10^(e − 13), e = ⌊log₁₀ m⌋,
/// where m is the larger of |x| at the lower and upper quartiles (sorted
/// positions ⌊p/4⌋ and p − 1 − ⌊p/4⌋; the largest |xᵢ| when both are 0), and
/// the rounded (decimal) value is used throughout. Data are decimal when more
/// than half the values are, within a thousandth of the unit, multiples of
/// 10^(e − 11) (at most 12 significant digits at that magnitude). Their
/// decimal differences lie on the grid, at least 10× farther from its
/// rounding boundaries than the binary error of a subtraction, so decimal
/// ties are always ties. Other data (computed or simulated values) have no
/// decimal ties: their differences are used as computed, which keeps s*
/// unchanged, bit for bit, when such data are shifted far from zero. Taking
/// m from the quartiles keeps a far outlier from coarsening the grid.
///
/// # Complexity
///
/// O(p log p) time and O(p) memory: a sort, then the order statistics of the
/// differences are selected in their sorted matrix (Johnson–Mizoguchi, as in
/// Croux–Rousseeuw's Qn) with O(p) two-pointer counts; the p² pairs are never
/// materialised.
///
/// # Errors
///
/// [`Error::TooFewValues`] for fewer than two values;
/// [`Error::NonFiniteValue`] for a NaN or infinite value;
/// [`Error::ZeroScale`] when all the values are equal;
/// [`Error::Overflow`] when the spread of the values exceeds `f64`.
///
/// # Examples
///
/// ISO 13528:2022 E.3 (Table E.5: Q/Hampel s* = 0.0426):
///
/// ```
/// let x = [0.04, 0.055, 0.178, 0.202, 0.206, 0.227, 0.228, 0.23, 0.23, 0.235,
///          0.236, 0.237, 0.243, 0.244, 0.245, 0.2555, 0.26, 0.264, 0.267, 0.27,
///          0.273, 0.274, 0.274, 0.278, 0.2811, 0.287, 0.287, 0.288, 0.289, 0.295,
///          0.296, 0.311, 0.331, 0.4246];
/// let q = eqa::q_method(&x)?;
/// assert_eq!((q.scale * 1e4).round(), 426.0);
/// assert_eq!((q.n, q.results), (34, 34));
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "Q")]
#[doc(alias = "s_star")]
pub fn q_method(values: &[f64]) -> Result<QMethodEstimate> {
    check(values, "Q method", 2)?;
    let mut x = values.to_vec();
    x.sort_unstable_by(f64::total_cmp);
    let n = x.len();
    finite(x[n - 1] - x[0], "Q method")?;
    if x[0] == x[n - 1] {
        return Err(all_equal(n, x[0]));
    }
    let grid = Grid::for_sorted(&x);
    let pairs = Pairs::new(&x, |d| grid.key(d));
    let total = n as u64 * (n as u64 - 1) / 2;
    let zero = pairs.count(0.0, false);
    let need = u128::from(total) + 3 * u128::from(zero);
    let reaches = |p: &Pairs<'_, _>, v: f64| {
        let (below, at_most) = p.counts(v);
        2 * (u128::from(below) + u128::from(at_most)) >= need
    };
    // G1 at the largest difference is at least the target, so this is found.
    let top = pairs
        .smallest_where(reaches)
        .ok_or_else(|| all_equal(n, x[0]))?;
    let (below_top, up_to_top) = pairs.counts(top);
    let (prev, g_prev) = match pairs.largest_below(top) {
        Some(k) if k > 0.0 => (k, below_top + pairs.count(k, true)),
        _ => (0.0, 0),
    };
    let jump = Jump {
        prev: grid.value(prev),
        g_prev: g_prev as f64,
        top: grid.value(top),
        g_top: (up_to_top + below_top) as f64,
    };
    Ok(QMethodEstimate {
        scale: jump.scale(total as f64, zero as f64)?,
        n,
        results: n,
        h1_zero: zero as f64 / total as f64,
    })
}

/// The Q method with replicates: `groups[i]` holds the results of
/// participant i (ISO 13528:2022 C.5.2.2).
///
/// # Formula
///
/// As [`q_method`], over the between-participant differences |y_ik − y_jm|
/// (i < j; within-participant pairs are left out), each weighted
/// 1/(nᵢ·nⱼ) so that every pair of participants weighs 1:
/// H1(x) = 2/(p(p − 1)) · Σᵢ<ⱼ 1/(nᵢnⱼ) · #{(k, m): |y_ik − y_jm| ≤ x}.
/// Differences are rounded as in [`q_method`]. With one result each this is
/// [`q_method`], bit for bit.
///
/// # Complexity
///
/// O(M log M) time and O(M) memory for the M = Σᵢ<ⱼ nᵢnⱼ weighted
/// differences, which are materialised and sorted: about (Σnᵢ)²/2, so
/// quadratic in the number of results. Use [`q_method`] for one result per
/// participant.
///
/// # Errors
///
/// [`Error::TooFewValues`] for fewer than two participants;
/// [`Error::InvalidParameter`] for a participant without results;
/// [`Error::NonFiniteValue`] for a NaN or infinite value, its `index`
/// counting the results across participants in order;
/// [`Error::ZeroScale`] when all the results are equal;
/// [`Error::Overflow`] when the spread of the results exceeds `f64`.
///
/// # Examples
///
/// ```
/// let labs = [vec![10.1, 10.3], vec![9.8, 9.9], vec![10.6, 10.4], vec![10.0, 10.2]];
/// let q = eqa::q_method_replicates(&labs)?;
/// assert_eq!((q.n, q.results), (4, 8));
/// assert!((q.scale - 0.416_09).abs() < 1e-5);
/// let one_each = eqa::q_method_replicates(&[[1.0], [2.5], [4.0]])?;
/// assert_eq!(one_each, eqa::q_method(&[1.0, 2.5, 4.0])?);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn q_method_replicates<G: AsRef<[f64]>>(groups: &[G]) -> Result<QMethodEstimate> {
    let p = groups.len();
    if p < 2 {
        return Err(Error::TooFewValues {
            estimator: "Q method",
            needed: 2,
            got: p,
        });
    }
    let (mut low, mut high, mut offset) = (f64::INFINITY, f64::NEG_INFINITY, 0);
    for (i, group) in groups.iter().enumerate() {
        let g = group.as_ref();
        if g.is_empty() {
            return Err(Error::InvalidParameter {
                name: "groups",
                value: format!("participant {i} with no results"),
                expected: "at least one result per participant",
            });
        }
        if let Some(k) = g.iter().position(|v| !v.is_finite()) {
            return Err(Error::NonFiniteValue {
                index: offset + k,
                value: g[k],
            });
        }
        offset += g.len();
        for &v in g {
            (low, high) = (low.min(v), high.max(v));
        }
    }
    finite(high - low, "Q method")?;
    if low == high {
        return Err(all_equal(offset, low));
    }
    let mut all: Vec<f64> = groups
        .iter()
        .flat_map(|g| g.as_ref().iter().copied())
        .collect();
    all.sort_unstable_by(f64::total_cmp);
    let grid = Grid::for_sorted(&all);
    drop(all);
    let mut weighted = Vec::new();
    for (i, gi) in groups.iter().enumerate() {
        let gi = gi.as_ref();
        for gj in &groups[i + 1..] {
            let gj = gj.as_ref();
            let w = 1.0 / (gi.len() as f64 * gj.len() as f64);
            for &a in gi {
                weighted.extend(gj.iter().map(|&b| (grid.key((a - b).abs()), w)));
            }
        }
    }
    weighted.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let total = p as f64 * (p as f64 - 1.0) / 2.0;
    let zero: f64 = weighted
        .iter()
        .take_while(|&&(k, _)| k == 0.0)
        .fold(0.0, |sum, &(_, w)| sum + w);
    let target = total + 3.0 * zero;
    let (mut c_before, mut g_before, mut key_before) = (0.0, 0.0, 0.0);
    let mut jump = None;
    for run in weighted.chunk_by(|a, b| a.0 == b.0) {
        let key = run[0].0;
        let c = run.iter().fold(c_before, |sum, &(_, w)| sum + w);
        let g = c + c_before;
        if key > 0.0 && 2.0 * g >= target {
            jump = Some(Jump {
                prev: grid.value(key_before),
                g_prev: g_before,
                top: grid.value(key),
                g_top: g,
            });
            break;
        }
        (c_before, g_before, key_before) = (c, if key > 0.0 { g } else { 0.0 }, key);
    }
    let jump = jump.ok_or_else(|| all_equal(offset, low))?;
    Ok(QMethodEstimate {
        scale: jump.scale(total, zero)?,
        n: p,
        results: offset,
        h1_zero: zero / total,
    })
}

fn all_equal(n: usize, value: f64) -> Error {
    Error::ZeroScale {
        estimator: "Q method",
        ties: n,
        n,
        median: value,
    }
}

/// The jump of G1 where it reaches its target: G1 = `g_prev`/(2N) at the
/// difference `prev` and `g_top`/(2N) at `top`, in doubled pair counts.
struct Jump {
    prev: f64,
    g_prev: f64,
    top: f64,
    g_top: f64,
}

impl Jump {
    /// s* from the jump, N = `total` pairs of which `zero` are ties.
    fn scale(&self, total: f64, zero: f64) -> Result<f64> {
        // G1⁻¹(q) with q = (N + 3Z)/(4N), G1 = g/(2N): interpolate at g = (N + 3Z)/2.
        let frac = (0.5 * (total + 3.0 * zero) - self.g_prev) / (self.g_top - self.g_prev);
        let numerator = self.prev + frac * (self.top - self.prev);
        let h0 = zero / total;
        let z = Normal::standard().inverse_cdf(0.625 + 0.375 * h0);
        finite(numerator / (std::f64::consts::SQRT_2 * z), "Q method")
    }
}

/// How differences are compared: rounded to 14 significant decimal digits
/// relative to the data's magnitude (decimal data), or exactly as computed.
pub(crate) enum Grid {
    /// A difference d becomes the whole number round(d / 10^(e − 13)), and back.
    Decimal {
        /// 10^|e − 13| in at most two factors, each finite.
        factors: (f64, f64),
        /// Whether the grid is finer than 1 (e < 13): keys are d·10^(13 − e).
        fine: bool,
    },
    /// Differences as computed: data that carry more digits than a decimal record.
    Exact,
}

impl Grid {
    /// The grid of sorted, finite values that are not all equal: relative to
    /// the larger magnitude at the quartiles, or to the largest when both are
    /// 0; [`Grid::Exact`] unless more than half the values are decimals of at
    /// most 12 significant digits at that magnitude.
    pub(crate) fn for_sorted(x: &[f64]) -> Self {
        let n = x.len();
        let central = x[n / 4].abs().max(x[n - 1 - n / 4].abs());
        let magnitude = if central > 0.0 {
            central
        } else {
            x[0].abs().max(x[n - 1].abs())
        };
        let record = Grid::decimal(magnitude, 11);
        let decimals = x.iter().filter(|&&v| record.holds(v)).count();
        if 2 * decimals > n {
            Grid::decimal(magnitude, 13)
        } else {
            Grid::Exact
        }
    }

    /// Multiples of 10^(e − places) for data of magnitude 10^e (> 0, finite).
    fn decimal(magnitude: f64, places: i32) -> Self {
        let k = places - decade(magnitude);
        let first = k.unsigned_abs().min(300);
        Grid::Decimal {
            factors: (pow10(first), pow10(k.unsigned_abs() - first)),
            fine: k >= 0,
        }
    }

    /// `v` in units of the grid, unrounded.
    fn scaled(&self, v: f64) -> f64 {
        match *self {
            Grid::Decimal {
                factors: (a, b),
                fine: true,
            } => v * a * b,
            Grid::Decimal {
                factors: (a, b),
                fine: false,
            } => v / a / b,
            Grid::Exact => v,
        }
    }

    /// Whether `v` lies on the grid, within a thousandth of its unit.
    fn holds(&self, v: f64) -> bool {
        let t = self.scaled(v.abs());
        (t - nearest_whole(t)).abs() <= 1e-3
    }

    /// The key of a difference d ≥ 0: a whole number on a decimal grid.
    pub(crate) fn key(&self, d: f64) -> f64 {
        match self {
            Grid::Decimal { .. } => nearest_whole(self.scaled(d)),
            Grid::Exact => d,
        }
    }

    /// The difference that a key stands for.
    pub(crate) fn value(&self, key: f64) -> f64 {
        match *self {
            Grid::Decimal {
                factors: (a, b),
                fine,
            } => {
                if fine {
                    key / b / a
                } else {
                    key * a * b
                }
            }
            Grid::Exact => key,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grid_merges_decimal_ties() {
        let grid = Grid::decimal(0.4, 13);
        assert_ne!(0.3 - 0.1, 0.4 - 0.2);
        assert_eq!(grid.key(0.3 - 0.1), grid.key(0.4 - 0.2));
        assert_eq!(grid.value(grid.key(0.3 - 0.1)), 0.2);
        let grid = Grid::decimal(1.0e9 + 0.3, 13);
        assert_eq!(grid.key(1.0e9 + 0.3 - (1.0e9 + 0.1)), 2_000.0);
        let tiny = Grid::decimal(1e-310, 13);
        assert!(tiny.key(1e-310).is_finite() && tiny.key(1e-310) > 0.0);
        let huge = Grid::decimal(f64::MAX, 13);
        assert!(huge.value(huge.key(f64::MAX)).is_finite());
    }

    #[test]
    fn decimal_data_get_the_grid_and_full_precision_data_do_not() {
        let decimal = [1.0e8 + 0.01, 1.0e8 + 0.02, 1.0e8 + 0.05, 1.0e8 + 0.13];
        assert!(matches!(Grid::for_sorted(&decimal), Grid::Decimal { .. }));
        let full = [0.1f64.sqrt(), 0.2f64.sqrt(), 0.3f64.sqrt(), 0.5f64.sqrt()];
        assert!(matches!(Grid::for_sorted(&full), Grid::Exact));
        // One computed value among reported ones keeps the grid.
        let mixed = [5.21, 5.3, 5.18, 27f64.sqrt()];
        assert!(matches!(Grid::for_sorted(&mixed), Grid::Decimal { .. }));
    }

    #[test]
    fn shifting_full_precision_data_leaves_s_unchanged() {
        // Differences of values near 1e6 are exact in binary, so the data
        // shifted to zero must give the same s* bit for bit.
        let base: Vec<f64> = (1..=40).map(|i| (f64::from(i) * 0.37).sin()).collect();
        for (shift, spread) in [(1.0e6, 1e-6), (1.0e8, 0.01)] {
            let shifted: Vec<f64> = base.iter().map(|b| shift + b * spread).collect();
            let back: Vec<f64> = shifted.iter().map(|v| v - shift).collect();
            let (a, b) = (q_method(&shifted).unwrap(), q_method(&back).unwrap());
            assert_eq!(a.scale, b.scale, "shift {shift}");
        }
    }

    #[test]
    fn two_values() {
        // G1 is ½ at |x₁ − x₂| and 0 at 0: s* = (d/2) / (√2·Φ⁻¹(0.625)).
        let q = q_method(&[1.0, 3.0]).unwrap();
        let expected = 1.0 / (std::f64::consts::SQRT_2 * 0.318_639_363_964_375_1);
        assert!((q.scale - expected).abs() < 1e-14);
        assert_eq!(q.h1_zero, 0.0);
    }

    #[test]
    fn all_equal_is_zero_scale() {
        assert_eq!(q_method(&[2.0; 5]).unwrap_err().code(), "zero_scale");
        assert_eq!(
            q_method_replicates(&[[2.0, 2.0], [2.0, 2.0]])
                .unwrap_err()
                .code(),
            "zero_scale"
        );
    }
}
