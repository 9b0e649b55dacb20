//! The performance statistics of ISO 13528:2022 clause 9: D, D%, P_A, z, z′,
//! ζ and E_n, for one result or a whole round.
//!
//! Each statistic comes twice: a singular function for one result
//! (`z_score`) and a plural one for a slice of results (`z_scores`), with the
//! same checks and the same bits.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::names::named_choices;
use crate::stats::parameter::{finite_parameter, non_negative, positive};
use crate::stats::performance::classification::ClassificationRule;
use crate::stats::sample::finite;

/// The performance statistics of ISO 13528:2022 clause 9.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScoreKind {
    /// D = x − x_pt (9.3.1).
    Deviation,
    /// D% = 100·D/x_pt (9.3.1).
    PercentDeviation,
    /// P_A = 100·D/δ_E (9.3.6).
    Pa,
    /// z = D/σ_pt (9.4).
    Z,
    /// z′ = D/√(σ_pt² + u²(x_pt)) (9.5).
    ZPrime,
    /// ζ = D/√(u²(x) + u²(x_pt)) (9.6).
    Zeta,
    /// E_n = D/√(U²(x) + U²(x_pt)) (9.7).
    En,
}

named_choices!(ScoreKind, option "score", expected "\"deviation\", \"percent_deviation\", \"pa\", \"z\", \"z_prime\", \"zeta\" or \"en\"" {
    Deviation => "deviation",
    PercentDeviation => "percent_deviation",
    Pa => "pa",
    Z => "z",
    ZPrime => "z_prime",
    Zeta => "zeta",
    En => "en",
});

impl ScoreKind {
    /// The documented default classification of the score, if it has one:
    /// [`ClassificationRule::z`] for z, z′ and ζ, [`ClassificationRule::en`]
    /// for E_n, [`ClassificationRule::pa`] for P_A; `None` for D and D%,
    /// whose limit δ_E (or δ_E %) belongs to the scheme
    /// (see [`ClassificationRule::two_band`]).
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::{ClassificationRule, ScoreKind};
    /// assert_eq!(ScoreKind::ZPrime.default_rule(), Some(ClassificationRule::z()));
    /// assert_eq!(ScoreKind::Deviation.default_rule(), None);
    /// ```
    pub fn default_rule(self) -> Option<ClassificationRule> {
        match self {
            ScoreKind::Z | ScoreKind::ZPrime | ScoreKind::Zeta => Some(ClassificationRule::z()),
            ScoreKind::En => Some(ClassificationRule::en()),
            ScoreKind::Pa => Some(ClassificationRule::pa()),
            ScoreKind::Deviation | ScoreKind::PercentDeviation => None,
        }
    }
}

/// √(a² + b²) for a, b ≥ 0, scaled so that it neither overflows nor
/// underflows, with IEEE operations only (the same bits on every platform).
pub(crate) fn root_sum_of_squares(a: f64, b: f64) -> f64 {
    let m = a.max(b);
    if m == 0.0 || !m.is_finite() {
        return m;
    }
    let (ra, rb) = (a / m, b / m);
    m * (ra * ra + rb * rb).sqrt()
}

/// D = x − x_pt of the result at `index`.
fn difference(x: f64, index: usize, x_pt: f64) -> crate::Result<f64> {
    if !x.is_finite() {
        return Err(Error::NonFiniteValue { index, value: x });
    }
    finite(x - x_pt, "D")
}

/// The uncertainty of the result at `index`, finite and at least 0.
fn own_uncertainty(name: &'static str, u: f64, index: usize) -> crate::Result<f64> {
    if u.is_finite() && u >= 0.0 {
        Ok(u)
    } else {
        Err(Error::InvalidParameter {
            name,
            value: format!("{u} at index {index}"),
            expected: "finite numbers at least 0",
        })
    }
}

/// D/√(u² + u_pt²) for the score of one result with its own uncertainty.
fn with_uncertainty(
    (x, u, index): (f64, f64, usize),
    x_pt: f64,
    u_pt: f64,
    (name, score): (&'static str, &'static str),
) -> crate::Result<f64> {
    let d = difference(x, index, x_pt)?;
    let u = own_uncertainty(name, u, index)?;
    let denominator = root_sum_of_squares(u, u_pt);
    if denominator == 0.0 {
        return Err(Error::InvalidParameter {
            name,
            value: format!("{u} at index {index}"),
            expected: "positive numbers where the assigned value's uncertainty is 0",
        });
    }
    finite(d / denominator, score)
}

fn same_length(what: &'static str, x: &[f64], u: &[f64]) -> crate::Result<()> {
    if x.len() == u.len() {
        Ok(())
    } else {
        Err(Error::LengthMismatch {
            what,
            expected: x.len(),
            got: u.len(),
        })
    }
}

/// The difference D = x − x_pt of a result from the assigned value.
///
/// # Formula
///
/// D = x − x_pt (ISO 13528:2022 9.3.1, Formula (11)), to be compared with
/// the maximum permissible error δ_E: −δ_E < D < δ_E.
///
/// # Errors
///
/// [`Error::NonFiniteValue`] for a NaN or infinite x;
/// [`Error::InvalidParameter`] for a non-finite x_pt; [`Error::Overflow`]
/// when D exceeds the range of `f64`.
///
/// # Examples
///
/// ```
/// assert!((eqa::deviation(0.053, 0.044)? - 0.009).abs() < 1e-15);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "D")]
#[doc(alias = "difference")]
pub fn deviation(x: f64, x_pt: f64) -> crate::Result<f64> {
    difference(x, 0, finite_parameter("x_pt", x_pt)?)
}

/// [`deviation`] of each result.
///
/// # Errors
///
/// As [`deviation`], with the index of a non-finite result.
///
/// # Examples
///
/// ```
/// let d = eqa::deviations(&[0.013, 0.044], 0.044)?;
/// assert_eq!(d, [0.013 - 0.044, 0.0]);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn deviations(x: &[f64], x_pt: f64) -> crate::Result<Vec<f64>> {
    let x_pt = finite_parameter("x_pt", x_pt)?;
    (0..x.len()).map(|i| difference(x[i], i, x_pt)).collect()
}

fn percent_at(x: f64, index: usize, x_pt: f64) -> crate::Result<f64> {
    let d = difference(x, index, x_pt)?;
    finite(100.0 * d / x_pt, "D%")
}

fn nonzero_assigned(x_pt: f64) -> crate::Result<f64> {
    if finite_parameter("x_pt", x_pt)? == 0.0 {
        return Err(Error::InvalidParameter {
            name: "x_pt",
            value: x_pt.to_string(),
            expected: "a non-zero finite number (D% divides by x_pt)",
        });
    }
    Ok(x_pt)
}

/// The percent difference D% of a result from the assigned value.
///
/// # Formula
///
/// D% = 100 · (x − x_pt)/x_pt (ISO 13528:2022 9.3.1, Formula (12)),
/// compared with δ_E as a percentage.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for an x_pt of 0 or not finite (D% is then
/// undefined, not infinite); [`Error::NonFiniteValue`] for a NaN or infinite
/// x; [`Error::Overflow`] when the result exceeds `f64`.
///
/// # Examples
///
/// ISO 13528:2022 E.4, L04: D% = −70.5.
///
/// ```
/// let d = eqa::percent_deviation(0.013, 0.044)?;
/// assert_eq!((d * 10.0).round() / 10.0, -70.5);
/// assert!(eqa::percent_deviation(1.0, 0.0).is_err());
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "D_percent")]
#[doc(alias = "percent_difference")]
pub fn percent_deviation(x: f64, x_pt: f64) -> crate::Result<f64> {
    percent_at(x, 0, nonzero_assigned(x_pt)?)
}

/// [`percent_deviation`] of each result.
///
/// # Errors
///
/// As [`percent_deviation`], with the index of a non-finite result.
///
/// # Examples
///
/// ```
/// let d = eqa::percent_deviations(&[11.0, 9.0], 10.0)?;
/// assert_eq!(d, [10.0, -10.0]);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn percent_deviations(x: &[f64], x_pt: f64) -> crate::Result<Vec<f64>> {
    let x_pt = nonzero_assigned(x_pt)?;
    (0..x.len()).map(|i| percent_at(x[i], i, x_pt)).collect()
}

fn pa_at(x: f64, index: usize, x_pt: f64, delta_e: f64) -> crate::Result<f64> {
    let d = difference(x, index, x_pt)?;
    finite(100.0 * d / delta_e, "P_A")
}

/// P_A, the difference as a percentage of the maximum permissible error δ_E.
///
/// # Formula
///
/// P_A = 100 · (x − x_pt)/δ_E (ISO 13528:2022 9.3.6, Formula (13));
/// |P_A| ≤ 100 % is acceptable ([`ClassificationRule::pa`]).
///
/// # Errors
///
/// [`Error::InvalidParameter`] for a δ_E that is not positive and finite or
/// a non-finite x_pt; [`Error::NonFiniteValue`] for a NaN or infinite x;
/// [`Error::Overflow`] when the result exceeds `f64`.
///
/// # Examples
///
/// ISO 13528:2022 E.4, L04 with δ_E = 3σ_pt = 0.0198: P_A = −156.6 %.
///
/// ```
/// let pa = eqa::pa_score(0.013, 0.044, 0.0198)?;
/// assert_eq!((pa * 10.0).round() / 10.0, -156.6);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "P_A")]
#[doc(alias = "percent_allowed")]
#[doc(alias = "percentage_of_allowed_deviation")]
pub fn pa_score(x: f64, x_pt: f64, delta_e: f64) -> crate::Result<f64> {
    pa_at(
        x,
        0,
        finite_parameter("x_pt", x_pt)?,
        positive("delta_e", delta_e)?,
    )
}

/// [`pa_score`] of each result.
///
/// # Errors
///
/// As [`pa_score`], with the index of a non-finite result.
///
/// # Examples
///
/// ```
/// assert_eq!(eqa::pa_scores(&[12.0, 9.0], 10.0, 4.0)?, [50.0, -25.0]);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn pa_scores(x: &[f64], x_pt: f64, delta_e: f64) -> crate::Result<Vec<f64>> {
    let (x_pt, delta_e) = (
        finite_parameter("x_pt", x_pt)?,
        positive("delta_e", delta_e)?,
    );
    (0..x.len())
        .map(|i| pa_at(x[i], i, x_pt, delta_e))
        .collect()
}

fn z_at(x: f64, index: usize, x_pt: f64, scale: f64, score: &'static str) -> crate::Result<f64> {
    let d = difference(x, index, x_pt)?;
    finite(d / scale, score)
}

/// The z score of a result.
///
/// # Formula
///
/// z = (x − x_pt)/σ_pt (ISO 13528:2022 9.4.1, Formula (14)); classified by
/// [`ClassificationRule::z`].
///
/// # Errors
///
/// [`Error::InvalidParameter`] for a σ_pt that is not positive and finite or
/// a non-finite x_pt; [`Error::NonFiniteValue`] for a NaN or infinite x;
/// [`Error::Overflow`] when the score exceeds `f64`.
///
/// # Examples
///
/// ISO 13528:2022 E.4, L04: z = −4.70.
///
/// ```
/// let z = eqa::z_score(0.013, 0.044, 0.0066)?;
/// assert_eq!((z * 100.0).round() / 100.0, -4.70);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "z")]
#[doc(alias = "zscore")]
pub fn z_score(x: f64, x_pt: f64, sigma_pt: f64) -> crate::Result<f64> {
    z_at(
        x,
        0,
        finite_parameter("x_pt", x_pt)?,
        positive("sigma_pt", sigma_pt)?,
        "z",
    )
}

/// [`z_score`] of each result.
///
/// # Errors
///
/// As [`z_score`], with the index of a non-finite result.
///
/// # Examples
///
/// ```
/// assert_eq!(eqa::z_scores(&[12.0, 7.0], 10.0, 1.0)?, [2.0, -3.0]);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn z_scores(x: &[f64], x_pt: f64, sigma_pt: f64) -> crate::Result<Vec<f64>> {
    let (x_pt, sigma_pt) = (
        finite_parameter("x_pt", x_pt)?,
        positive("sigma_pt", sigma_pt)?,
    );
    (0..x.len())
        .map(|i| z_at(x[i], i, x_pt, sigma_pt, "z"))
        .collect()
}

fn z_prime_scale(sigma_pt: f64, u_x_pt: f64) -> crate::Result<f64> {
    let sigma_pt = positive("sigma_pt", sigma_pt)?;
    let u_x_pt = non_negative("u_x_pt", u_x_pt)?;
    finite(root_sum_of_squares(sigma_pt, u_x_pt), "z'")
}

/// The z′ score of a result: z with the uncertainty of the assigned value
/// added to σ_pt.
///
/// # Formula
///
/// z′ = (x − x_pt)/√(σ_pt² + u²(x_pt)) (ISO 13528:2022 9.5.1,
/// Formula (15)); classified by [`ClassificationRule::z`]. |z′| ≤ |z|.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for a σ_pt that is not positive and finite,
/// a u(x_pt) that is negative or not finite, or a non-finite x_pt;
/// [`Error::NonFiniteValue`] for a NaN or infinite x; [`Error::Overflow`]
/// when the score exceeds `f64`.
///
/// # Examples
///
/// ISO 13528:2022 E.4, L04: z′ = −3.99.
///
/// ```
/// let z = eqa::z_prime_score(0.013, 0.044, 0.0066, 0.0041)?;
/// assert_eq!((z * 100.0).round() / 100.0, -3.99);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "zprime")]
pub fn z_prime_score(x: f64, x_pt: f64, sigma_pt: f64, u_x_pt: f64) -> crate::Result<f64> {
    let scale = z_prime_scale(sigma_pt, u_x_pt)?;
    z_at(x, 0, finite_parameter("x_pt", x_pt)?, scale, "z'")
}

/// [`z_prime_score`] of each result.
///
/// # Errors
///
/// As [`z_prime_score`], with the index of a non-finite result.
///
/// # Examples
///
/// ```
/// assert_eq!(eqa::z_prime_scores(&[15.0, 5.0], 10.0, 4.0, 3.0)?, [1.0, -1.0]);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn z_prime_scores(x: &[f64], x_pt: f64, sigma_pt: f64, u_x_pt: f64) -> crate::Result<Vec<f64>> {
    let scale = z_prime_scale(sigma_pt, u_x_pt)?;
    let x_pt = finite_parameter("x_pt", x_pt)?;
    (0..x.len())
        .map(|i| z_at(x[i], i, x_pt, scale, "z'"))
        .collect()
}

/// The ζ (zeta) score of a result with its standard uncertainty u(x).
///
/// # Formula
///
/// ζ = (x − x_pt)/√(u²(x) + u²(x_pt)) (ISO 13528:2022 9.6.1,
/// Formula (19)); classified by [`ClassificationRule::z`].
///
/// # Errors
///
/// [`Error::InvalidParameter`] for a u(x) or u(x_pt) that is negative or not
/// finite, both zero, or a non-finite x_pt; [`Error::NonFiniteValue`] for a
/// NaN or infinite x; [`Error::Overflow`] when the score exceeds `f64`.
///
/// # Examples
///
/// ISO 13528:2022 E.4, L04 (u(x) = 0.0015): ζ = −7.10.
///
/// ```
/// let zeta = eqa::zeta_score(0.013, 0.0015, 0.044, 0.0041)?;
/// assert_eq!((zeta * 100.0).round() / 100.0, -7.10);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "ζ")]
#[doc(alias = "zeta")]
pub fn zeta_score(x: f64, u_x: f64, x_pt: f64, u_x_pt: f64) -> crate::Result<f64> {
    let (x_pt, u_pt) = (
        finite_parameter("x_pt", x_pt)?,
        non_negative("u_x_pt", u_x_pt)?,
    );
    with_uncertainty((x, u_x, 0), x_pt, u_pt, ("u_x", "zeta"))
}

/// [`zeta_score`] of each result with its own u(x).
///
/// # Errors
///
/// As [`zeta_score`], with the index of the offending result;
/// [`Error::LengthMismatch`] when `u_x` and `x` differ in length.
///
/// # Examples
///
/// ```
/// let zeta = eqa::zeta_scores(&[13.0, 6.0], &[4.0, 0.0], 10.0, 3.0)?;
/// assert_eq!(zeta, [0.6, -4.0 / 3.0]);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn zeta_scores(x: &[f64], u_x: &[f64], x_pt: f64, u_x_pt: f64) -> crate::Result<Vec<f64>> {
    let (x_pt, u_pt) = (
        finite_parameter("x_pt", x_pt)?,
        non_negative("u_x_pt", u_x_pt)?,
    );
    same_length("u_x", x, u_x)?;
    (0..x.len())
        .map(|i| with_uncertainty((x[i], u_x[i], i), x_pt, u_pt, ("u_x", "zeta")))
        .collect()
}

/// The E_n number of a result with its expanded uncertainty U(x).
///
/// # Formula
///
/// E_n = (x − x_pt)/√(U²(x) + U²(x_pt)) (ISO 13528:2022 9.7.1,
/// Formula (20)); classified by [`ClassificationRule::en`]. With U = k·u for
/// both, E_n = ζ/k.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for a U(x) or U(x_pt) that is negative or not
/// finite, both zero, or a non-finite x_pt; [`Error::NonFiniteValue`] for a
/// NaN or infinite x; [`Error::Overflow`] when the number exceeds `f64`.
///
/// # Examples
///
/// ISO 13528:2022 E.4, L04 (U(x) = 0.003, U(x_pt) = 0.0082): E_n = −3.55.
///
/// ```
/// let en = eqa::en_number(0.013, 0.003, 0.044, 0.0082)?;
/// assert_eq!((en * 100.0).round() / 100.0, -3.55);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "E_n")]
#[doc(alias = "en_score")]
pub fn en_number(x: f64, big_u_x: f64, x_pt: f64, big_u_x_pt: f64) -> crate::Result<f64> {
    let (x_pt, u_pt) = (
        finite_parameter("x_pt", x_pt)?,
        non_negative("U_x_pt", big_u_x_pt)?,
    );
    with_uncertainty((x, big_u_x, 0), x_pt, u_pt, ("U_x", "E_n"))
}

/// [`en_number`] of each result with its own U(x).
///
/// # Errors
///
/// As [`en_number`], with the index of the offending result;
/// [`Error::LengthMismatch`] when `big_u_x` and `x` differ in length.
///
/// # Examples
///
/// ```
/// assert_eq!(eqa::en_numbers(&[15.0, 7.0], &[4.0, 0.0], 10.0, 3.0)?, [1.0, -1.0]);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn en_numbers(
    x: &[f64],
    big_u_x: &[f64],
    x_pt: f64,
    big_u_x_pt: f64,
) -> crate::Result<Vec<f64>> {
    let (x_pt, u_pt) = (
        finite_parameter("x_pt", x_pt)?,
        non_negative("U_x_pt", big_u_x_pt)?,
    );
    same_length("U_x", x, big_u_x)?;
    (0..x.len())
        .map(|i| with_uncertainty((x[i], big_u_x[i], i), x_pt, u_pt, ("U_x", "E_n")))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn root_sum_of_squares_is_safe() {
        assert_eq!(root_sum_of_squares(3.0, 4.0), 5.0);
        assert_eq!(root_sum_of_squares(0.0, 0.0), 0.0);
        assert_eq!(root_sum_of_squares(f64::MAX, 0.0), f64::MAX);
        assert!(root_sum_of_squares(1e-200, 1e-200) > 0.0);
    }

    #[test]
    fn degenerate_inputs_are_typed_errors() {
        assert_eq!(
            z_score(1.0, 0.0, 0.0).map_err(|e| e.code()),
            Err("invalid_parameter")
        );
        assert_eq!(
            z_score(f64::NAN, 0.0, 1.0).map_err(|e| e.code()),
            Err("non_finite_value")
        );
        assert_eq!(
            z_score(f64::MAX, -f64::MAX, 1.0).map_err(|e| e.code()),
            Err("overflow")
        );
        assert_eq!(
            z_score(1e300, 0.0, 1e-300).map_err(|e| e.code()),
            Err("overflow")
        );
        assert_eq!(
            percent_deviation(1.0, 0.0).map_err(|e| e.code()),
            Err("invalid_parameter")
        );
        assert!(zeta_score(1.0, 0.0, 0.0, 0.0).is_err());
        assert!(zeta_score(1.0, -1.0, 0.0, 1.0).is_err());
        assert_eq!(
            zeta_scores(&[1.0, 2.0], &[1.0], 0.0, 1.0),
            Err(Error::LengthMismatch {
                what: "u_x",
                expected: 2,
                got: 1
            })
        );
        assert!(en_numbers(&[1.0], &[f64::NAN], 0.0, 1.0).is_err());
        assert_eq!(deviations(&[], 1.0), Ok(vec![]));
    }

    #[test]
    fn names_round_trip() {
        for k in ScoreKind::ALL {
            assert_eq!(k.as_str().parse::<ScoreKind>(), Ok(*k));
        }
    }
}
