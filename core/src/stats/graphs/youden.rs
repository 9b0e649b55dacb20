//! Youden plots (ISO 13528:2022 10.5): the results of a pair of samples per
//! participant, their robust centre, the 45° line through it, and a
//! confidence ellipse and box.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::names::named_choices;
use crate::stats::robust::algorithm_a::algorithm_a;
use crate::stats::robust::constants::Constants;
use crate::stats::robust::estimate::ZeroScalePolicy;
use crate::stats::sample::{check, finite};
use crate::stats::scale::made;
use crate::stats::{AlgorithmAOptions, median};

/// The most points of the ellipse's polyline.
pub const MAX_ELLIPSE_POINTS: usize = 100_000;

/// The robust centre and spread of each axis of a Youden plot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum YoudenEstimator {
    /// The median and MADe (ISO constants) of each axis (default).
    #[default]
    Median,
    /// Algorithm A's x* and s* (ISO 13528:2022 C.3.1, default options).
    AlgorithmA,
}

named_choices!(YoudenEstimator, option "estimator", expected "\"median\" or \"algorithm_a\"" {
    Median => "median",
    AlgorithmA => "algorithm_a",
});

/// The options of [`youden`]; [`Default`] gives the documented defaults.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct YoudenOptions {
    /// The centre and spread of each axis (default [`YoudenEstimator::Median`]).
    pub estimator: YoudenEstimator,
    /// The coverage of the ellipse, between 0 and 1 (default 0.95).
    pub coverage: f64,
    /// The half-width of the box in robust SDs: centre ± k·s (default 2).
    pub box_k: f64,
    /// The number of distinct points of the ellipse's polyline, 3 to
    /// [`MAX_ELLIPSE_POINTS`] (default 100; the polyline repeats the first
    /// point at the end to close).
    pub ellipse_points: usize,
}

impl Default for YoudenOptions {
    fn default() -> Self {
        YoudenOptions {
            estimator: YoudenEstimator::Median,
            coverage: 0.95,
            box_k: 2.0,
            ellipse_points: 100,
        }
    }
}

/// A confidence ellipse: centre, semi-axes and angle, and a closed polyline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Ellipse {
    /// The centre (a, b).
    pub centre: (f64, f64),
    /// The semi-axis along `angle`.
    pub semi_major: f64,
    /// The semi-axis across it (0 for perfectly correlated axes).
    pub semi_minor: f64,
    /// The angle of the major axis from the a axis, counter-clockwise, in
    /// radians in (−π/2, π/2].
    pub angle: f64,
    /// The same angle in degrees, as matplotlib's `Ellipse` takes it.
    pub angle_degrees: f64,
    /// The a coordinates of the closed polyline.
    pub x: Vec<f64>,
    /// The b coordinates of the closed polyline.
    pub y: Vec<f64>,
}

/// The data of a Youden plot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Youden {
    /// The participant of each point: its index in the inputs.
    pub participants: Vec<usize>,
    /// The results on sample A (the horizontal axis).
    pub a: Vec<f64>,
    /// The results on sample B (the vertical axis).
    pub b: Vec<f64>,
    /// The robust centre of A (median or x*).
    pub centre_a: f64,
    /// The robust centre of B.
    pub centre_b: f64,
    /// The robust SD of A (MADe or s*).
    pub scale_a: f64,
    /// The robust SD of B.
    pub scale_b: f64,
    /// The robust correlation r of A and B (Gnanadesikan–Kettenring).
    pub correlation: f64,
    /// The intercept of the 45° line b = a + intercept through the centre.
    pub diagonal_intercept: f64,
    /// The confidence ellipse.
    pub ellipse: Ellipse,
    /// The box: (low, high) on A.
    pub box_a: (f64, f64),
    /// The box: (low, high) on B.
    pub box_b: (f64, f64),
    /// Whether each point is inside the ellipse (or on it).
    pub inside_ellipse: Vec<bool>,
    /// Whether each point is inside the box (or on it).
    pub inside_box: Vec<bool>,
    /// The options used.
    pub options: YoudenOptions,
}

/// The centre and scale of one axis.
fn centre_scale(
    v: &[f64],
    estimator: YoudenEstimator,
    zero: ZeroScalePolicy,
) -> crate::Result<(f64, f64)> {
    match estimator {
        YoudenEstimator::Median => {
            let (m, s) = (median(v)?, made(v, Constants::Iso)?);
            if s == 0.0 && zero == ZeroScalePolicy::Error {
                return Err(Error::ZeroScale {
                    estimator: "MADe",
                    ties: v.iter().filter(|&&x| x == m).count(),
                    n: v.len(),
                    median: m,
                });
            }
            Ok((m, s))
        }
        YoudenEstimator::AlgorithmA => {
            let options = AlgorithmAOptions {
                zero_scale: zero,
                ..Default::default()
            };
            let e = algorithm_a(v, &options)?;
            Ok((e.location, e.scale))
        }
    }
}

fn invalid(name: &'static str, value: String, expected: &'static str) -> Error {
    Error::InvalidParameter {
        name,
        value,
        expected,
    }
}

/// The data of a Youden plot of the results `a` and `b` of two samples, one
/// pair per participant.
///
/// # Formula
///
/// Each axis gets a robust centre and SD (median and MADe, or Algorithm A's
/// x* and s*). The robust correlation is Gnanadesikan and Kettenring's:
/// with a′ = (a − centre_a)/s_a, b′ = (b − centre_b)/s_b, u = a′ + b′ and
/// v = a′ − b′, r = (s(u)² − s(v)²)/(s(u)² + s(v)²) with the same robust SD
/// (r = 0 when both are 0). The covariance Σ = [[s_a², r·s_a·s_b],
/// [r·s_a·s_b, s_b²]] has eigenvalues λ₁ ≥ λ₂; the ellipse of coverage
/// 1 − α under a bivariate normal has semi-axes √(c·λ₁), √(c·λ₂) with
/// c = χ²₂(1 − α) = −2·ln(α), and its major axis at the angle
/// θ = ½·atan2(2Σ₁₂, Σ₁₁ − Σ₂₂). The box is centre ± k·s on each axis.
/// Points near the 45° line through the centre but far along it show a
/// systematic (laboratory) error; points off the line random errors
/// (ISO 13528:2022 10.5).
///
/// # Complexity
///
/// O(n) for the median estimator (a few selections), plus the polyline.
///
/// # Errors
///
/// [`Error::LengthMismatch`] when `b` has not as many results as `a`;
/// [`Error::TooFewValues`] for fewer than two pairs;
/// [`Error::NonFiniteValue`] for a NaN or infinite result (the index in its
/// own sample); [`Error::ZeroScale`] when an axis' robust SD is zero;
/// [`Error::InvalidParameter`] for a coverage outside (0, 1), a box_k that
/// is not positive and finite, or ellipse_points outside 3 to
/// [`MAX_ELLIPSE_POINTS`]; [`Error::Overflow`] when the spread is too large.
///
/// # Examples
///
/// ```
/// use eqa::{youden, YoudenOptions};
/// let a = [1.0, 2.0, 3.0, 4.0, 5.0];
/// let b = [1.1, 2.0, 2.9, 4.2, 4.9];
/// let y = youden(&a, &b, &YoudenOptions::default())?;
/// assert_eq!((y.centre_a, y.centre_b), (3.0, 2.9));
/// assert_eq!(y.scale_a, 1.483);
/// assert!((y.diagonal_intercept + 0.1).abs() < 1e-15);
/// assert!((y.scale_b - 1.9279).abs() < 1e-12); // MADe = 1.483 × 1.3
/// assert!((y.correlation - 0.95376).abs() < 1e-5);
/// // c = -2 ln(0.05) = 5.991; the major axis is steeper than 45° as s_b > s_a.
/// assert!((y.ellipse.semi_major - 5.8891).abs() < 1e-4);
/// assert!((y.ellipse.semi_minor - 0.8743).abs() < 1e-4);
/// assert!((y.ellipse.angle_degrees - 52.775).abs() < 1e-3);
/// assert_eq!(y.inside_ellipse, [true; 5]);
/// assert_eq!(y.ellipse.x.len(), 101);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn youden(a: &[f64], b: &[f64], options: &YoudenOptions) -> crate::Result<Youden> {
    if b.len() != a.len() {
        return Err(Error::LengthMismatch {
            what: "b",
            expected: a.len(),
            got: b.len(),
        });
    }
    check(a, "youden", 2)?;
    check(b, "youden", 2)?;
    let o = options;
    if !(o.coverage > 0.0 && o.coverage < 1.0) {
        return Err(invalid(
            "coverage",
            o.coverage.to_string(),
            "a coverage probability strictly between 0 and 1",
        ));
    }
    if !(o.box_k.is_finite() && o.box_k > 0.0) {
        return Err(invalid(
            "box_k",
            o.box_k.to_string(),
            "a positive finite number of robust SDs",
        ));
    }
    if !(3..=MAX_ELLIPSE_POINTS).contains(&o.ellipse_points) {
        return Err(invalid(
            "ellipse_points",
            o.ellipse_points.to_string(),
            "a number of points from 3 to 100000",
        ));
    }
    let (ca, sa) = centre_scale(a, o.estimator, ZeroScalePolicy::Error)?;
    let (cb, sb) = centre_scale(b, o.estimator, ZeroScalePolicy::Error)?;
    let (mut u, mut v) = (Vec::with_capacity(a.len()), Vec::with_capacity(a.len()));
    for (&x, &y) in a.iter().zip(b) {
        let (x, y) = ((x - ca) / sa, (y - cb) / sb);
        u.push(finite(x + y, "youden")?);
        v.push(finite(x - y, "youden")?);
    }
    let (_, su) = centre_scale(&u, o.estimator, ZeroScalePolicy::Median)?;
    let (_, sv) = centre_scale(&v, o.estimator, ZeroScalePolicy::Median)?;
    let (su2, sv2) = (su * su, sv * sv);
    let r = if su2 + sv2 > 0.0 {
        ((su2 - sv2) / (su2 + sv2)).clamp(-1.0, 1.0)
    } else {
        0.0
    };
    let p = finite(sa * sa, "youden")?;
    let s = finite(sb * sb, "youden")?;
    let q = r * sa * sb;
    let half_sum = 0.5 * p + 0.5 * s;
    let radius = libm::hypot(0.5 * p - 0.5 * s, q);
    let l1 = finite(half_sum + radius, "youden")?;
    let l2 = (half_sum - radius).max(0.0);
    let angle = 0.5 * libm::atan2(2.0 * q, p - s);
    let c = -2.0 * libm::log(1.0 - o.coverage);
    let major = finite(libm::sqrt(c * l1), "youden")?;
    let minor = libm::sqrt(c * l2);
    let (sin, cos) = (libm::sin(angle), libm::cos(angle));
    let m = o.ellipse_points;
    let (mut ex, mut ey) = (Vec::with_capacity(m + 1), Vec::with_capacity(m + 1));
    for j in 0..m {
        let t = 2.0 * std::f64::consts::PI * j as f64 / m as f64;
        let (st, ct) = (libm::sin(t), libm::cos(t));
        ex.push(finite(ca + major * ct * cos - minor * st * sin, "youden")?);
        ey.push(finite(cb + major * ct * sin + minor * st * cos, "youden")?);
    }
    ex.push(ex[0]);
    ey.push(ey[0]);
    let box_a = (
        finite(ca - o.box_k * sa, "youden")?,
        finite(ca + o.box_k * sa, "youden")?,
    );
    let box_b = (
        finite(cb - o.box_k * sb, "youden")?,
        finite(cb + o.box_k * sb, "youden")?,
    );
    let mut inside_ellipse = Vec::with_capacity(a.len());
    let mut inside_box = Vec::with_capacity(a.len());
    for (&x, &y) in a.iter().zip(b) {
        let (dx, dy) = (x - ca, y - cb);
        let along = dx * cos + dy * sin;
        let across = -dx * sin + dy * cos;
        let e = along / major;
        let inside = if minor > 0.0 {
            let f = across / minor;
            e * e + f * f <= 1.0
        } else {
            across == 0.0 && e * e <= 1.0
        };
        inside_ellipse.push(inside);
        inside_box.push(box_a.0 <= x && x <= box_a.1 && box_b.0 <= y && y <= box_b.1);
    }
    Ok(Youden {
        participants: (0..a.len()).collect(),
        a: a.to_vec(),
        b: b.to_vec(),
        centre_a: ca,
        centre_b: cb,
        scale_a: sa,
        scale_b: sb,
        correlation: r,
        diagonal_intercept: finite(cb - ca, "youden")?,
        ellipse: Ellipse {
            centre: (ca, cb),
            semi_major: major,
            semi_minor: minor,
            angle,
            angle_degrees: angle.to_degrees(),
            x: ex,
            y: ey,
        },
        box_a,
        box_b,
        inside_ellipse,
        inside_box,
        options: *options,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uncorrelated_equal_spreads_give_a_circle() {
        let a = [-2.0, -1.0, 1.0, 2.0, 0.0, 0.0, 0.0, 0.0];
        let b = [0.0, 0.0, 0.0, 0.0, -2.0, -1.0, 1.0, 2.0];
        let y = youden(&a, &b, &YoudenOptions::default()).unwrap();
        assert_eq!(y.correlation, 0.0);
        assert_eq!(y.ellipse.semi_major, y.ellipse.semi_minor);
        assert_eq!(y.ellipse.x.first(), y.ellipse.x.last());
    }

    #[test]
    fn refuses_bad_input() {
        let o = YoudenOptions::default();
        let code = |a: &[f64], b: &[f64], o: &YoudenOptions| youden(a, b, o).map_err(|e| e.code());
        assert_eq!(code(&[1.0, 2.0], &[1.0], &o), Err("length_mismatch"));
        assert_eq!(code(&[1.0], &[1.0], &o), Err("too_few_values"));
        assert_eq!(
            code(&[1.0, 1.0, 2.0], &[1.0, 2.0, 3.0], &o),
            Err("zero_scale")
        );
        for bad in [
            YoudenOptions { coverage: 1.0, ..o },
            YoudenOptions { box_k: 0.0, ..o },
            YoudenOptions {
                ellipse_points: 2,
                ..o
            },
        ] {
            assert_eq!(
                code(&[1.0, 2.0], &[1.0, 3.0], &bad),
                Err("invalid_parameter")
            );
        }
    }
}
