//! Kernel density estimates (ISO 13528:2022 10.3): a Gaussian kernel with a
//! named bandwidth rule, evaluated on a grid, and the modes it shows.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::stats::sample::{check, finite};
use crate::stats::scale::{niqr, standard_deviation};

/// The most grid points of a density.
pub const MAX_POINTS: usize = 100_000;

/// 1/√(2π), the height of the standard normal density at 0.
const INV_SQRT_2PI: f64 = 0.398_942_280_401_432_7;

/// How the bandwidth h of the kernel is chosen.
///
/// In serialised form a rule is its name (`"silverman"`, `"scott"`) or
/// `{"given": h}`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bandwidth {
    /// Silverman's rule of thumb with a robust spread (default):
    /// h = 0.9 · min(s, nIQR) · n^(−1/5), where nIQR = 0.7413·IQR is
    /// Silverman's IQR/1.34. When one of s and nIQR is zero the other is used.
    #[default]
    Silverman,
    /// Scott's rule: h = 1.06 · s · n^(−1/5), with s the standard deviation.
    Scott,
    /// A given positive bandwidth.
    Given(f64),
}

impl Bandwidth {
    /// Every rule chosen by name alone, in declaration order.
    pub const NAMED: &'static [Bandwidth] = &[Bandwidth::Silverman, Bandwidth::Scott];

    /// The name of the choice: `"silverman"`, `"scott"` or `"given"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Bandwidth::Silverman => "silverman",
            Bandwidth::Scott => "scott",
            Bandwidth::Given(_) => "given",
        }
    }
}

impl std::fmt::Display for Bandwidth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Bandwidth {
    type Err = Error;

    /// A rule by its name; a given bandwidth is a number, not a name.
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "silverman" => Ok(Bandwidth::Silverman),
            "scott" => Ok(Bandwidth::Scott),
            _ => Err(Error::InvalidParameter {
                name: "bandwidth",
                value: s.to_owned(),
                expected: "\"silverman\", \"scott\" or a positive bandwidth",
            }),
        }
    }
}

/// The options of [`kernel_density`]; [`Default`] gives the documented defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DensityOptions {
    /// The bandwidth rule (default [`Bandwidth::Silverman`]).
    pub bandwidth: Bandwidth,
    /// The number of grid points, 2 to [`MAX_POINTS`] (default 512).
    pub points: usize,
    /// How far the grid reaches beyond the smallest and largest values, in
    /// bandwidths (default 3, where the kernel has fallen to 1 % of its peak).
    pub cut: f64,
    /// The grid's ends (low, high) instead of the `cut` rule, when given.
    pub range: Option<(f64, f64)>,
    /// The relative height, 0 to 1, below which a local maximum is not
    /// reported as a mode: its density must be at least this fraction of
    /// the highest (default 0.05).
    pub mode_height: f64,
}

impl Default for DensityOptions {
    fn default() -> Self {
        DensityOptions {
            bandwidth: Bandwidth::Silverman,
            points: 512,
            cut: 3.0,
            range: None,
            mode_height: 0.05,
        }
    }
}

/// A kernel density estimate on a grid, with its modes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct KernelDensity {
    /// The grid: `points` equally spaced abscissae from the low to the high end.
    pub x: Vec<f64>,
    /// The estimated density at each grid point.
    pub density: Vec<f64>,
    /// The bandwidth h used.
    pub bandwidth: f64,
    /// The number of values n.
    pub n: usize,
    /// The grid abscissae of the modes, from left to right.
    pub modes: Vec<f64>,
    /// The density at each mode.
    pub mode_densities: Vec<f64>,
    /// Whether there is more than one mode: a warning that the results may
    /// come from different populations (methods, units, a blunder) and that
    /// a single consensus value may be meaningless (ISO 13528:2022 10.3).
    pub multimodal: bool,
    /// The options used.
    pub options: DensityOptions,
}

fn invalid(name: &'static str, value: String, expected: &'static str) -> Error {
    Error::InvalidParameter {
        name,
        value,
        expected,
    }
}

/// The zero-spread error, with the values tied at the median.
fn zero_spread(values: &[f64]) -> Error {
    let median = crate::stats::median(values).unwrap_or(0.0);
    Error::ZeroScale {
        estimator: "bandwidth",
        ties: values.iter().filter(|&&v| v == median).count(),
        n: values.len(),
        median,
    }
}

/// The bandwidth of `values` by `rule`.
fn bandwidth_of(values: &[f64], rule: Bandwidth) -> Result<f64> {
    let root5 = libm::pow(values.len() as f64, 0.2);
    let h = match rule {
        Bandwidth::Given(h) => {
            if !(h.is_finite() && h > 0.0) {
                return Err(invalid(
                    "bandwidth",
                    h.to_string(),
                    "\"silverman\", \"scott\" or a positive bandwidth",
                ));
            }
            return Ok(h);
        }
        Bandwidth::Scott => 1.06 * standard_deviation(values)? / root5,
        Bandwidth::Silverman => {
            let (s, r) = (standard_deviation(values)?, niqr(values)?);
            let a = if s > 0.0 && r > 0.0 {
                s.min(r)
            } else {
                s.max(r)
            };
            0.9 * a / root5
        }
    };
    if h > 0.0 {
        finite(h, "bandwidth")
    } else {
        Err(zero_spread(values))
    }
}

/// The Gaussian kernel density estimate of `values` on a grid, and its modes.
///
/// # Formula
///
/// f̂(x) = 1/(n·h) · Σᵢ φ((x − xᵢ)/h), with φ the standard normal density
/// (ISO 13528:2022 10.3), summed over the values in increasing order (and
/// the spreads of the rules computed from them in that order), so the result
/// does not depend on their order. The grid runs from
/// min − cut·h to max + cut·h (or over the given range) in `points` equal
/// steps. A mode is a grid point (the middle of a flat run) higher than its
/// neighbours on both sides (an end of the grid counts as lower), whose
/// density is at least `mode_height` times the highest density on the grid.
///
/// # Complexity
///
/// O(n · points) kernel evaluations, O(n log n) to sort.
///
/// # Errors
///
/// [`Error::TooFewValues`] for fewer than two values (one with a given
/// bandwidth); [`Error::NonFiniteValue`] for a NaN or infinite value;
/// [`Error::ZeroScale`] when a rule's bandwidth is zero (all values equal);
/// [`Error::InvalidParameter`] for a bandwidth that is not positive and
/// finite, `points` outside 2 to [`MAX_POINTS`], a negative or non-finite
/// `cut`, a range that is not finite and increasing, or a `mode_height`
/// outside 0 to 1; [`Error::Overflow`] when the grid's ends exceed `f64`.
///
/// # Examples
///
/// ```
/// use eqa::{kernel_density, Bandwidth, DensityOptions};
/// let options = DensityOptions { bandwidth: Bandwidth::Given(1.0), points: 5, cut: 2.0, ..Default::default() };
/// let d = kernel_density(&[0.0], &options)?;
/// assert_eq!(d.x, [-2.0, -1.0, 0.0, 1.0, 2.0]);
/// assert_eq!(d.density[2], 0.398_942_280_401_432_7);
/// assert_eq!(d.modes, [0.0]);
/// let two = kernel_density(&[0.0, 0.1, 5.0, 5.1], &DensityOptions::default())?;
/// assert_eq!(two.modes.len(), 2);
/// assert!(two.multimodal);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "kde")]
pub fn kernel_density(values: &[f64], options: &DensityOptions) -> Result<KernelDensity> {
    let needed = if matches!(options.bandwidth, Bandwidth::Given(_)) {
        1
    } else {
        2
    };
    check(values, "kernel density", needed)?;
    if !(2..=MAX_POINTS).contains(&options.points) {
        return Err(invalid(
            "points",
            options.points.to_string(),
            "a number of grid points from 2 to 100000",
        ));
    }
    if !(options.cut.is_finite() && options.cut >= 0.0) {
        return Err(invalid(
            "cut",
            options.cut.to_string(),
            "a finite number of bandwidths at least 0",
        ));
    }
    if !(0.0..=1.0).contains(&options.mode_height) {
        return Err(invalid(
            "mode_height",
            options.mode_height.to_string(),
            "a relative height from 0 to 1",
        ));
    }
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let h = bandwidth_of(&sorted, options.bandwidth)?;
    let (lo, hi) = match options.range {
        Some((lo, hi)) => {
            if !(lo.is_finite() && hi.is_finite() && lo < hi && (hi - lo).is_finite()) {
                return Err(invalid(
                    "range",
                    format!("({lo}, {hi})"),
                    "finite ends, low below high",
                ));
            }
            (lo, hi)
        }
        None => {
            let reach = finite(options.cut * h, "kernel density grid")?;
            let lo = finite(sorted[0] - reach, "kernel density grid")?;
            let hi = finite(sorted[sorted.len() - 1] + reach, "kernel density grid")?;
            finite(hi - lo, "kernel density grid")?;
            if lo >= hi {
                return Err(invalid(
                    "cut",
                    options.cut.to_string(),
                    "a positive cut when all values are equal",
                ));
            }
            (lo, hi)
        }
    };
    let m = options.points;
    let step = (hi - lo) / (m - 1) as f64;
    let x: Vec<f64> = (0..m)
        .map(|j| if j == m - 1 { hi } else { lo + j as f64 * step })
        .collect();
    // A subnormal bandwidth makes 1/(n·h) overflow.
    let norm = finite(INV_SQRT_2PI / (sorted.len() as f64 * h), "kernel density")?;
    let density: Vec<f64> = x
        .iter()
        .map(|&t| {
            let sum: f64 = sorted
                .iter()
                .map(|&v| {
                    let u = (t - v) / h;
                    libm::exp(-0.5 * u * u)
                })
                .sum();
            sum * norm
        })
        .collect();
    // Every density is at most the highest, which is at most 1/(√(2π)·h).
    let top = finite(
        density.iter().copied().fold(0.0, f64::max),
        "kernel density",
    )?;
    let (modes, mode_densities) = modes_of(&x, &density, options.mode_height * top);
    Ok(KernelDensity {
        multimodal: modes.len() > 1,
        x,
        density,
        bandwidth: h,
        n: values.len(),
        modes,
        mode_densities,
        options: *options,
    })
}

/// The local maxima of `d` at or above `floor` (and above 0): runs of equal
/// values with lower neighbours (or the grid's end) on both sides, each
/// reported at its middle.
fn modes_of(x: &[f64], d: &[f64], floor: f64) -> (Vec<f64>, Vec<f64>) {
    let (mut at, mut height) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < d.len() {
        let mut j = i;
        while j + 1 < d.len() && d[j + 1] == d[i] {
            j += 1;
        }
        let left = i == 0 || d[i - 1] < d[i];
        let right = j + 1 == d.len() || d[j + 1] < d[i];
        if left && right && d[i] > 0.0 && d[i] >= floor {
            let mid = (i + j) / 2;
            at.push(x[mid]);
            height.push(d[mid]);
        }
        i = j + 1;
    }
    (at, height)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subnormal_bandwidth_is_an_overflow_error() {
        let options = DensityOptions {
            bandwidth: Bandwidth::Given(3.8e-314),
            ..DensityOptions::default()
        };
        let err = kernel_density(&[1e-300, 1e-300], &options).unwrap_err();
        assert_eq!(err.code(), "overflow");
    }

    #[test]
    fn plateaus_and_ends() {
        let x = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0];
        assert_eq!(
            modes_of(&x, &[3.0, 1.0, 2.0, 2.0, 2.0, 0.0], 0.0),
            (vec![0.0, 3.0], vec![3.0, 2.0])
        );
        assert_eq!(
            modes_of(&x, &[3.0, 1.0, 2.0, 2.0, 2.0, 0.0], 2.5),
            (vec![0.0], vec![3.0])
        );
        assert_eq!(modes_of(&x, &[0.0; 6], 0.0).0, Vec::<f64>::new());
        assert_eq!(
            modes_of(&x, &[1.0, 2.0, 2.0, 3.0, 2.0, 4.0], 0.0).0,
            [3.0, 5.0]
        );
    }

    #[test]
    fn refuses_bad_options() {
        let x = [1.0, 2.0, 4.0];
        let with = |o: DensityOptions| kernel_density(&x, &o).map_err(|e| e.code());
        let d = DensityOptions::default();
        for o in [
            DensityOptions { points: 1, ..d },
            DensityOptions { cut: -1.0, ..d },
            DensityOptions {
                mode_height: 1.5,
                ..d
            },
            DensityOptions {
                range: Some((2.0, 1.0)),
                ..d
            },
            DensityOptions {
                bandwidth: Bandwidth::Given(0.0),
                ..d
            },
        ] {
            assert_eq!(with(o), Err("invalid_parameter"));
        }
        assert_eq!(
            kernel_density(&[2.0; 3], &d).map_err(|e| e.code()),
            Err("zero_scale")
        );
        assert_eq!(
            kernel_density(&[2.0], &d).map_err(|e| e.code()),
            Err("too_few_values")
        );
        let zero_cut = DensityOptions {
            cut: 0.0,
            bandwidth: Bandwidth::Given(1.0),
            ..d
        };
        assert!(kernel_density(&[2.0], &zero_cut).is_err());
    }

    #[test]
    fn names_round_trip() {
        for b in Bandwidth::NAMED {
            assert_eq!(b.as_str().parse::<Bandwidth>(), Ok(*b));
        }
    }
}
