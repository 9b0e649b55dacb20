//! Hampel's M-estimator of location (ISO 13528:2022 C.5.3) with a given
//! scale, by the finite-step algorithm or by iterated reweighting.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::names::named_choices;
use crate::stats::order::median_of;
use crate::stats::robust::estimate::consensus_uncertainty;
use crate::stats::robust::stopping::{
    DEFAULT_MAX_ITER, DEFAULT_TOLERANCE, StopRule, check_iteration,
};
use crate::stats::sample::{check, finite};

/// The knots a, b, c of Hampel's ψ in ISO 13528:2022 C.5.3: 1.5, 3 and 4.5.
pub const HAMPEL_KNOTS: (f64, f64, f64) = (A, B, C);

const A: f64 = 1.5;
const B: f64 = 3.0;
const C: f64 = 4.5;

/// How Hampel's location equation Σψ((xᵢ − x)/s) = 0 is solved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HampelMethod {
    /// The finite-step algorithm (C.5.3): the exact solution. The equation
    /// is piecewise linear in x, so every root is found on the pieces
    /// between the knots xᵢ ± a·s, xᵢ ± b·s, xᵢ ± c·s, and the root nearest
    /// the median is taken. Needs no stopping rule.
    #[default]
    Finite,
    /// Iterated reweighting from the median: x* ← Σwᵢxᵢ/Σwᵢ with
    /// wᵢ = ψ(qᵢ)/qᵢ, qᵢ = (xᵢ − x*)/s, until the stopping rule is met. It
    /// converges to a root, not necessarily the one nearest the median.
    Iterative,
}

named_choices!(HampelMethod, option "method", expected "\"finite\" or \"iterative\"" {
    Finite => "finite",
    Iterative => "iterative",
});

/// The choices of a Hampel (or Q/Hampel) run; [`Default`] gives the documented defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HampelOptions {
    /// How the equation is solved (default [`HampelMethod::Finite`]).
    pub method: HampelMethod,
    /// Stopping rule of [`HampelMethod::Iterative`], applied to x* (default
    /// [`StopRule::Converged`]: ISO 13528 fixes no rule for this iteration,
    /// and three significant figures of x* alone are a loose stop).
    pub stop: StopRule,
    /// Relative tolerance of [`StopRule::Converged`]: |Δx*| ≤ tol·s (default
    /// 1e-10); must be positive and finite whatever the method.
    pub tol: f64,
    /// Bound on the iterations of [`HampelMethod::Iterative`] (default 1000);
    /// reaching it gives `converged == false`, never an error.
    pub max_iter: u32,
}

impl Default for HampelOptions {
    fn default() -> Self {
        HampelOptions {
            method: HampelMethod::Finite,
            stop: StopRule::Converged,
            tol: DEFAULT_TOLERANCE,
            max_iter: DEFAULT_MAX_ITER,
        }
    }
}

/// Hampel's robust location with the scale it used.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct HampelEstimate {
    /// The robust location x*.
    #[doc(alias = "x_star")]
    pub location: f64,
    /// The given scale s.
    pub scale: f64,
    /// The number of values p.
    pub n: usize,
    /// Updates of x* made ([`HampelMethod::Iterative`]); 0 for the finite-step algorithm.
    pub iterations: u32,
    /// Whether the stopping rule was met (always for the finite-step algorithm).
    pub converged: bool,
    /// u(x_pt) = 1.25·s/√p, see [`consensus_uncertainty`].
    #[doc(alias = "u_x_pt")]
    pub uncertainty: f64,
    /// The method used.
    pub method: HampelMethod,
    /// The stopping rule of the iterative method (reported whatever the method).
    pub stop: StopRule,
}

/// Hampel's M-estimator of location with a given scale (ISO 13528:2022 C.5.3).
///
/// # Formula
///
/// x* solves Σψ((xᵢ − x*)/s) = 0 with the redescending
/// ψ(q) = q for |q| ≤ a; a·sgn(q) for a < |q| ≤ b;
/// a·(c − |q|)/(c − b)·sgn(q) for b < |q| ≤ c; 0 beyond, where
/// a = 1.5, b = 3, c = 4.5 ([`HAMPEL_KNOTS`]). [`HampelMethod::Finite`]
/// solves it exactly and takes the root nearest the median (the median
/// itself when two roots are equally near on either side);
/// [`HampelMethod::Iterative`] reweights from the median.
/// u(x_pt) = 1.25·s/√p.
///
/// # Complexity
///
/// Finite-step: O(p log p) (a sort, then one sweep over the 6p knots with
/// the sums on each piece from compensated prefix sums, and one O(p)
/// recomputation of the chosen root). Iterative: O(p) per iteration.
/// O(p) memory.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for a scale that is not positive and finite,
/// a tolerance that is not positive and finite, or `max_iter == 0`;
/// [`Error::TooFewValues`] for an empty slice; [`Error::NonFiniteValue`] for
/// a NaN or infinite value; [`Error::Overflow`] when the spread of the values
/// exceeds `f64`.
///
/// # Examples
///
/// ISO 13528:2022 E.3 with the Q-method scale (Table E.5: x* = 0.2600):
///
/// ```
/// use eqa::{hampel, HampelMethod, HampelOptions};
/// let x = [0.04, 0.055, 0.178, 0.202, 0.206, 0.227, 0.228, 0.23, 0.23, 0.235,
///          0.236, 0.237, 0.243, 0.244, 0.245, 0.2555, 0.26, 0.264, 0.267, 0.27,
///          0.273, 0.274, 0.274, 0.278, 0.2811, 0.287, 0.287, 0.288, 0.289, 0.295,
///          0.296, 0.311, 0.331, 0.4246];
/// let s = eqa::q_method(&x)?.scale;
/// let exact = hampel(&x, s, &HampelOptions::default())?;
/// assert_eq!((exact.location * 1e4).round(), 2600.0);
/// let options = HampelOptions { method: HampelMethod::Iterative, ..Default::default() };
/// let iterated = hampel(&x, s, &options)?;
/// assert!((iterated.location - exact.location).abs() < 1e-8 && iterated.converged);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "x_star")]
pub fn hampel(
    values: &[f64],
    scale: f64,
    options: &HampelOptions,
) -> crate::Result<HampelEstimate> {
    check_options(options)?;
    if !(scale.is_finite() && scale > 0.0) {
        return Err(Error::InvalidParameter {
            name: "scale",
            value: scale.to_string(),
            expected: "a positive finite number",
        });
    }
    check(values, "Hampel location", 1)?;
    let (location, iterations, converged) = locate(values, scale, options)?;
    Ok(HampelEstimate {
        location,
        scale,
        n: values.len(),
        iterations,
        converged,
        uncertainty: consensus_uncertainty(scale, values.len())?,
        method: options.method,
        stop: options.stop,
    })
}

/// Refuses a tolerance that is not positive and finite, or `max_iter`
/// outside 1 to [`MAX_ITER`](crate::stats::robust::stopping::MAX_ITER).
pub(crate) fn check_options(options: &HampelOptions) -> crate::Result<()> {
    check_iteration(options.tol, options.max_iter)
}

/// x*, iterations and convergence for checked, non-empty `values` and a
/// positive finite `scale`.
pub(crate) fn locate(
    values: &[f64],
    scale: f64,
    options: &HampelOptions,
) -> crate::Result<(f64, u32, bool)> {
    let mut y = values.to_vec();
    match options.method {
        HampelMethod::Finite => {
            y.sort_unstable_by(f64::total_cmp);
            let n = y.len();
            finite(y[n - 1] - y[0], "Hampel location")?;
            let median = if n % 2 == 1 {
                y[n / 2]
            } else {
                y[n / 2 - 1].midpoint(y[n / 2])
            };
            for v in &mut y {
                *v -= median;
            }
            let t = finite_step(&y, scale);
            Ok((finite(median + t, "Hampel location")?, 0, true))
        }
        HampelMethod::Iterative => {
            let median = median_of(&mut y);
            iterate(values, median, scale, options)
        }
    }
}

/// ψ(q)/q, with its limit 1 at q = 0, for |q|.
fn weight(q: f64) -> f64 {
    if q <= A {
        1.0
    } else if q <= B {
        A / q
    } else if q <= C {
        (C - q) / q
    } else {
        0.0
    }
}

fn iterate(
    values: &[f64],
    start: f64,
    s: f64,
    options: &HampelOptions,
) -> crate::Result<(f64, u32, bool)> {
    let mut x = start;
    for iteration in 1..=options.max_iter {
        let (mut num, mut den) = (0.0, 0.0);
        for &v in values {
            let d = v - x;
            let w = weight((d / s).abs());
            num += w * d;
            den += w;
        }
        if !num.is_finite() {
            return Err(Error::Overflow {
                estimator: "Hampel location",
            });
        }
        if den == 0.0 {
            // Every value is beyond c·s: ψ vanishes and x is a root.
            return Ok((x, iteration - 1, true));
        }
        let x1 = x + num / den;
        let done = options.stop.is_met(options.tol, (x, s), (x1, s));
        x = x1;
        if done {
            return Ok((x, iteration, true));
        }
    }
    Ok((x, options.max_iter, false))
}

/// Prefix sums Σ_{k<i} y_k in double-double arithmetic, so that the sum over
/// any range is accurate to about one rounding of that sum.
struct PrefixSums {
    high: Vec<f64>,
    low: Vec<f64>,
}

impl PrefixSums {
    fn new(y: &[f64]) -> Self {
        let (mut high, mut low) = (vec![0.0], vec![0.0]);
        let (mut s, mut c) = (0.0_f64, 0.0_f64);
        for &v in y {
            let t = s + v;
            let b = t - s;
            c += (s - (t - b)) + (v - b);
            s = t;
            high.push(s);
            low.push(c);
        }
        PrefixSums { high, low }
    }

    fn range(&self, a: usize, b: usize) -> f64 {
        (self.high[b] - self.high[a]) + (self.low[b] - self.low[a])
    }
}

/// The classes of the values on one piece of Ψ, as the six counts
/// g[k] = #{i : yᵢ < t + oₖ·s} for o = (−c, −b, −a, a, b, c).
#[derive(Clone, Copy)]
struct Piece {
    lo: f64,
    hi: f64,
    g: [usize; 6],
}

impl Piece {
    /// n_A − n_C (the slope of −s·Ψ on the piece), a·(B₊ − B₋) + c·(C₊ − C₋),
    /// and whether no value lies in A or C (so that s·Ψ is that constant times s).
    fn counts(&self) -> (i64, f64, bool) {
        let g = self.g.map(|v| v as i64);
        let n_a = g[3] - g[2];
        let n_c = (g[1] - g[0]) + (g[5] - g[4]);
        let d_b = (g[4] - g[3]) - (g[2] - g[1]);
        let d_c = (g[5] - g[4]) - (g[1] - g[0]);
        (
            n_a - n_c,
            A * d_b as f64 + C * d_c as f64,
            n_a == 0 && n_c == 0,
        )
    }

    /// Σ over A minus Σ over C, by `sum` over index ranges.
    fn sums(&self, sum: impl Fn(usize, usize) -> f64) -> f64 {
        let g = self.g;
        sum(g[2], g[3]) - (sum(g[0], g[1]) + sum(g[4], g[5]))
    }
}

/// The root of Ψ(t) = Σψ((yᵢ − t)/s) nearest 0 for sorted `y` centred on
/// their median; 0 when two roots are equally near on either side.
fn finite_step(y: &[f64], s: f64) -> f64 {
    const OFFSETS: [f64; 6] = [-C, -B, -A, A, B, C];
    let n = y.len();
    let prefix = PrefixSums::new(y);
    let node = |k: usize, i: usize| y[i] - OFFSETS[k] * s;
    let slack = 1e-9 * s;
    let mut piece = Piece {
        lo: f64::NEG_INFINITY,
        hi: f64::NEG_INFINITY,
        g: [0; 6],
    };
    let mut best: Option<(f64, Piece, bool)> = None;
    let mut tie = false;
    loop {
        piece.hi = (0..6)
            .filter(|&k| piece.g[k] < n)
            .map(|k| node(k, piece.g[k]))
            .fold(f64::INFINITY, f64::min);
        let (slope, constant, constant_only) = piece.counts();
        let candidate = if slope != 0 {
            let t = (piece.sums(|a, b| prefix.range(a, b)) + s * constant) / slope as f64;
            (piece.lo - slack <= t && t <= piece.hi + slack).then_some((t, false))
        } else {
            let flat = if constant_only {
                constant == 0.0
            } else {
                piece.sums(|a, b| prefix.range(a, b)) + s * constant == 0.0
            };
            flat.then(|| (0.0_f64.clamp(piece.lo, piece.hi), true))
        };
        if let Some((t, flat)) = candidate {
            match best {
                Some((b, _, _)) if t.abs() > b.abs() => {}
                Some((b, _, _)) if t.abs() == b.abs() => tie |= t != b,
                _ => {
                    best = Some((t, piece, flat));
                    tie = false;
                }
            }
        }
        if piece.hi == f64::INFINITY {
            break;
        }
        for k in 0..6 {
            while piece.g[k] < n && node(k, piece.g[k]) <= piece.hi {
                piece.g[k] += 1;
            }
        }
        piece.lo = piece.hi;
    }
    match best {
        Some((_, chosen, false)) if !tie => {
            // The exact solution on the chosen piece, summed afresh.
            let (slope, constant, _) = chosen.counts();
            let sums = chosen.sums(|a, b| y[a..b].iter().fold(0.0, |s, v| s + v));
            ((sums + s * constant) / slope as f64).clamp(chosen.lo, chosen.hi)
        }
        Some((t, _, true)) if !tie => t,
        _ => 0.0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ψ(t)·s by direct summation.
    fn psi_sum(y: &[f64], t: f64, s: f64) -> f64 {
        y.iter()
            .map(|&v| {
                let q = (v - t) / s;
                let a = q.abs();
                let psi = if a <= A {
                    a
                } else if a <= B {
                    A
                } else if a <= C {
                    C - a
                } else {
                    0.0
                };
                psi.copysign(q)
            })
            .sum()
    }

    #[test]
    fn finite_step_finds_a_root() {
        let x = [1.0, 2.0, 2.5, 3.0, 3.2, 4.0, 9.0, 15.0];
        let r = hampel(&x, 1.0, &HampelOptions::default()).unwrap();
        assert!(psi_sum(&x, r.location, 1.0).abs() < 1e-12);
        // The outlier at 15 is beyond c·s and has no weight; 9 is partly down-weighted.
        let iterated = HampelOptions {
            method: HampelMethod::Iterative,
            ..Default::default()
        };
        let it = hampel(&x, 1.0, &iterated).unwrap();
        assert!((it.location - r.location).abs() < 1e-9);
    }

    #[test]
    fn symmetric_data_give_the_median() {
        let r = hampel(&[0.0, 10.0], 1.0, &HampelOptions::default()).unwrap();
        assert_eq!(r.location, 5.0);
        let r = hampel(&[1.0, 2.0, 3.0], 1.0, &HampelOptions::default()).unwrap();
        assert_eq!(r.location, 2.0);
        let r = hampel(&[7.0], 0.5, &HampelOptions::default()).unwrap();
        assert_eq!(r.location, 7.0);
    }

    #[test]
    fn bad_scale_and_options() {
        for s in [0.0, -1.0, f64::NAN, f64::INFINITY] {
            let err = hampel(&[1.0, 2.0], s, &HampelOptions::default()).unwrap_err();
            assert_eq!(err.code(), "invalid_parameter");
        }
        let options = HampelOptions {
            max_iter: 0,
            ..Default::default()
        };
        assert!(hampel(&[1.0, 2.0], 1.0, &options).is_err());
        assert_eq!(
            "exact".parse::<HampelMethod>().unwrap_err().code(),
            "invalid_parameter"
        );
    }
}
