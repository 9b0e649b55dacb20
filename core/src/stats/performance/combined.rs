//! Combined scores of one participant over several items or rounds
//! (ISO 13528:2022 9.8 and 10.8 practice), always with the individual scores.

use serde::{Deserialize, Serialize};
use statrs::function::gamma::checked_gamma_ur;

use crate::error::{Error, Result};
use crate::stats::performance::classification::{ClassificationRule, Performance};
use crate::stats::sample::{check, finite};

/// The significance levels at which the sum of squared z scores is judged
/// against χ² with p degrees of freedom; [`Default`] gives 0.05 and 0.01.
///
/// A p-value at or below `questionable` is a warning signal, at or below
/// `unsatisfactory` an action signal (the two-sided |z| ≥ 2 and |z| ≥ 3 of a
/// single score correspond to about 0.05 and 0.003).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct CombinedOptions {
    /// Level of the warning signal (default 0.05).
    pub questionable: f64,
    /// Level of the action signal (default 0.01); at most `questionable`.
    pub unsatisfactory: f64,
    /// The rule classifying the rescaled sum RSZ, a standard normal score
    /// (default [`ClassificationRule::z`]).
    pub rule: ClassificationRule,
}

impl Default for CombinedOptions {
    fn default() -> Self {
        CombinedOptions {
            questionable: 0.05,
            unsatisfactory: 0.01,
            rule: ClassificationRule::z(),
        }
    }
}

impl CombinedOptions {
    /// Options with the given levels and the default rule.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] unless 0 < `unsatisfactory` ≤ `questionable` < 1.
    ///
    /// # Examples
    ///
    /// ```
    /// let o = eqa::CombinedOptions::new(0.1, 0.001)?;
    /// assert_eq!((o.questionable, o.unsatisfactory), (0.1, 0.001));
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn new(questionable: f64, unsatisfactory: f64) -> Result<Self> {
        let o = CombinedOptions {
            questionable,
            unsatisfactory,
            ..Default::default()
        };
        o.validate()?;
        Ok(o)
    }

    fn validate(&self) -> Result<()> {
        if !(self.questionable > 0.0 && self.questionable < 1.0) {
            return Err(Error::InvalidParameter {
                name: "questionable",
                value: self.questionable.to_string(),
                expected: "a significance level between 0 and 1",
            });
        }
        if !(self.unsatisfactory > 0.0 && self.unsatisfactory <= self.questionable) {
            return Err(Error::InvalidParameter {
                name: "unsatisfactory",
                value: self.unsatisfactory.to_string(),
                expected: "a significance level above 0 and at most the questionable level",
            });
        }
        Ok(())
    }
}

/// The combined scores of one participant's z scores over p items or rounds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct CombinedScore {
    /// The individual z scores, as given: ISO 13528 asks that combined
    /// scores never be shown without them.
    pub z: Vec<f64>,
    /// The number of scores p.
    pub p: usize,
    /// The average z score z̄ = Σz/p.
    #[doc(alias = "average_z")]
    pub mean_z: f64,
    /// The rescaled sum RSZ = Σz/√p, standard normal when the z are.
    #[doc(alias = "RSZ")]
    pub rescaled_sum: f64,
    /// The class of RSZ under the options' rule.
    pub rescaled_sum_performance: Performance,
    /// The sum of squared z scores SSZ = Σz², χ² with p degrees of freedom
    /// when the z are independent standard normal.
    #[doc(alias = "SSZ")]
    pub sum_of_squares: f64,
    /// P(χ²_p ≥ SSZ), the upper-tail p-value of SSZ.
    pub p_value: f64,
    /// The class of SSZ: by its p-value against the options' levels.
    pub sum_of_squares_performance: Performance,
    /// The options used.
    pub options: CombinedOptions,
}

/// Combines one participant's z scores over several items or rounds.
///
/// # Formula
///
/// For p scores z₁ … z_p (ISO 13528:2022 9.8/10.8 practice, and the IUPAC
/// harmonized protocol): z̄ = Σz/p; RSZ = Σz/√p, a standard normal score
/// classified as a z score; SSZ = Σz², compared with χ² on p degrees of
/// freedom: p-value = P(χ²_p ≥ SSZ), questionable when p-value ≤ α_q,
/// unsatisfactory when ≤ α_u. These assume independent scores on the same
/// σ_pt basis; a bad score can be hidden by good ones in z̄ and RSZ, which is
/// why the individual scores come with the result.
///
/// # Errors
///
/// [`Error::TooFewValues`] for no scores; [`Error::NonFiniteValue`] for a NaN
/// or infinite score; [`Error::InvalidParameter`] for levels outside
/// 0 < α_u ≤ α_q < 1; [`Error::Overflow`] when SSZ exceeds `f64`.
///
/// # Examples
///
/// ```
/// use eqa::{combined_z, CombinedOptions, Performance};
/// let c = combined_z(&[1.0, -0.5, 2.5, 1.2], &CombinedOptions::default())?;
/// assert_eq!(c.z, [1.0, -0.5, 2.5, 1.2]);
/// assert_eq!(c.mean_z, 1.05);
/// assert_eq!(c.rescaled_sum, 2.1);
/// assert!((c.sum_of_squares - 8.94).abs() < 1e-12);
/// // chi2 with 4 degrees of freedom: P(X >= x) = exp(-x/2)(1 + x/2).
/// assert!((c.p_value - (-4.47f64).exp() * 5.47).abs() < 1e-12);
/// assert_eq!(c.sum_of_squares_performance, Performance::Satisfactory);
/// assert_eq!(c.rescaled_sum_performance, Performance::Questionable);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "average_z")]
#[doc(alias = "sum_of_squared_z")]
#[doc(alias = "SSZ")]
#[doc(alias = "RSZ")]
pub fn combined_z(z: &[f64], options: &CombinedOptions) -> Result<CombinedScore> {
    options.validate()?;
    check(z, "combined z", 1)?;
    let p = z.len();
    let n = p as f64;
    let sum = finite(z.iter().sum::<f64>(), "sum of z")?;
    let sum_of_squares = finite(z.iter().map(|v| v * v).sum::<f64>(), "SSZ")?;
    let rescaled_sum = sum / n.sqrt();
    let p_value = finite(chi_squared_sf(n, sum_of_squares)?, "χ² p-value")?;
    let sum_of_squares_performance = if p_value <= options.unsatisfactory {
        Performance::Unsatisfactory
    } else if p_value <= options.questionable {
        Performance::Questionable
    } else {
        Performance::Satisfactory
    };
    Ok(CombinedScore {
        z: z.to_vec(),
        p,
        mean_z: sum / n,
        rescaled_sum,
        rescaled_sum_performance: options.rule.classify(rescaled_sum)?,
        sum_of_squares,
        p_value,
        sum_of_squares_performance,
        options: *options,
    })
}

/// P(χ²_ν > x), the upper regularised gamma function Q(ν/2, x/2).
///
/// x/2 is 0 for x = 0 and for the smallest subnormal x, where Q is exactly 1;
/// statrs' own survival function refuses that point by panicking, so it is
/// handled here and the checked form is used for the rest.
fn chi_squared_sf(nu: f64, x: f64) -> Result<f64> {
    let half = x / 2.0;
    if half == 0.0 {
        return Ok(1.0);
    }
    checked_gamma_ur(nu / 2.0, half).map_err(|_| Error::InvalidParameter {
        name: "p",
        value: nu.to_string(),
        expected: "a number of scores that is a valid χ² degrees of freedom",
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_subnormal_sum_of_squares_has_p_value_one() {
        // z² sums to the smallest subnormal, whose half rounds to 0.
        let z = [2.3e-162];
        let c = combined_z(&z, &CombinedOptions::default()).unwrap();
        assert_eq!(c.p_value, 1.0);
        assert_eq!(chi_squared_sf(2.0, 5e-324), Ok(1.0));
    }

    #[test]
    fn levels_are_chi_squared_quantiles() {
        let c = combined_z(&[0.0; 4], &CombinedOptions::default()).expect("valid");
        assert_eq!(c.p_value, 1.0);
        // chi2(4): the 95 % point is 9.4877, the 99 % point 13.2767.
        let level = |ssz: f64| {
            let z = [(ssz / 4.0).sqrt(); 4];
            combined_z(&z, &CombinedOptions::default())
                .expect("valid")
                .sum_of_squares_performance
        };
        assert_eq!(level(9.48), Performance::Satisfactory);
        assert_eq!(level(9.49), Performance::Questionable);
        assert_eq!(level(13.27), Performance::Questionable);
        assert_eq!(level(13.28), Performance::Unsatisfactory);
        let c = combined_z(&[3.0, 3.0, 2.0, 1.0], &CombinedOptions::default()).expect("valid");
        assert_eq!(c.sum_of_squares, 23.0);
        assert_eq!(c.sum_of_squares_performance, Performance::Unsatisfactory);
    }

    #[test]
    fn refuses_bad_input() {
        let o = CombinedOptions::default();
        assert_eq!(
            combined_z(&[], &o).map_err(|e| e.code()),
            Err("too_few_values")
        );
        assert_eq!(
            combined_z(&[f64::NAN], &o).map_err(|e| e.code()),
            Err("non_finite_value")
        );
        assert_eq!(
            combined_z(&[1e200, 1e200], &o).map_err(|e| e.code()),
            Err("overflow")
        );
        for (q, u) in [
            (0.0, 0.0),
            (0.05, 0.1),
            (1.0, 0.01),
            (f64::NAN, 0.01),
            (0.05, 0.0),
        ] {
            assert!(CombinedOptions::new(q, u).is_err(), "{q} {u}");
        }
    }
}
