//! Classifying performance statistics: satisfactory, questionable or
//! unsatisfactory, by a rule with named presets (ISO 13528:2022 9.3 to 9.7).

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::names::named_choices;

/// The verdict on one performance statistic (ISO/IEC 17043's terms;
/// ISO 13528:2022 9.4.2 calls the bands "acceptable", "warning signal" and
/// "action signal").
///
/// Ordered from best to worst, so that `a <= b` means "a is no worse than b".
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Performance {
    /// Within the satisfactory limit (|z| ≤ 2, |E_n| ≤ 1, |P_A| ≤ 100 %).
    Satisfactory,
    /// Between the limits (2 < |z| < 3): a warning signal.
    Questionable,
    /// At or beyond the unsatisfactory limit (|z| ≥ 3, |E_n| > 1): an action signal.
    Unsatisfactory,
}

named_choices!(Performance, option "performance", expected "\"satisfactory\", \"questionable\" or \"unsatisfactory\"" {
    Satisfactory => "satisfactory",
    Questionable => "questionable",
    Unsatisfactory => "unsatisfactory",
});

/// Whether a band includes the limit that bounds it.
///
/// For the satisfactory limit L, `Inclusive` means |s| ≤ L is satisfactory
/// and `Exclusive` means |s| < L is. For the unsatisfactory limit U,
/// `Inclusive` means |s| ≥ U is unsatisfactory and `Exclusive` |s| > U.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// The band includes its limit (default).
    #[default]
    Inclusive,
    /// The band stops short of its limit.
    Exclusive,
}

named_choices!(Bound, option "bound", expected "\"inclusive\" or \"exclusive\"" {
    Inclusive => "inclusive",
    Exclusive => "exclusive",
});

/// A validated rule classifying a score by its absolute value: satisfactory
/// up to one limit, unsatisfactory from another, questionable in between.
///
/// # Presets
///
/// | preset | satisfactory | questionable | unsatisfactory | clause |
/// | --- | --- | --- | --- | --- |
/// | [`ClassificationRule::z`] (z, z′, ζ) | \|s\| ≤ 2 | 2 < \|s\| < 3 | \|s\| ≥ 3 | 9.4.2, 9.5, 9.6 |
/// | [`ClassificationRule::en`] (E_n) | \|E_n\| ≤ 1 | — | \|E_n\| > 1 | 9.7.2 |
/// | [`ClassificationRule::pa`] (P_A, %) | \|P_A\| ≤ 100 | — | \|P_A\| > 100 | 9.3.6 |
///
/// ISO 13528:2022 9.7.2 treats |E_n| = 1 as a signal; choose that with
/// `ClassificationRule::new(1.0, Bound::Exclusive, 1.0, Bound::Inclusive)`.
/// The same holds for D against δ_E (9.3.2): use
/// [`ClassificationRule::two_band`] with δ_E, or P_A with the `pa` preset.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(try_from = "RuleFields")]
pub struct ClassificationRule {
    satisfactory: f64,
    satisfactory_bound: Bound,
    unsatisfactory: f64,
    unsatisfactory_bound: Bound,
}

/// The fields of a rule as read, before validation.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFields {
    satisfactory: f64,
    satisfactory_bound: Bound,
    unsatisfactory: f64,
    unsatisfactory_bound: Bound,
}

impl TryFrom<RuleFields> for ClassificationRule {
    type Error = Error;

    fn try_from(f: RuleFields) -> crate::Result<Self> {
        ClassificationRule::new(
            f.satisfactory,
            f.satisfactory_bound,
            f.unsatisfactory,
            f.unsatisfactory_bound,
        )
    }
}

impl Default for ClassificationRule {
    /// The z rule, [`ClassificationRule::z`].
    fn default() -> Self {
        ClassificationRule::z()
    }
}

impl std::str::FromStr for ClassificationRule {
    type Err = Error;

    /// A preset by name; see [`ClassificationRule::preset`].
    fn from_str(name: &str) -> Result<Self, Error> {
        ClassificationRule::preset(name)
    }
}

impl ClassificationRule {
    /// A rule: |s| up to `satisfactory` (with its bound) is satisfactory,
    /// |s| from `unsatisfactory` (with its bound) unsatisfactory, anything
    /// between questionable.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] unless 0 < `satisfactory` ≤ `unsatisfactory`
    /// are finite, or when equal limits are both inclusive (a score on the
    /// limit would be in both bands).
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::{Bound, ClassificationRule, Performance};
    /// // ISO 13528:2022 9.7.2: |E_n| >= 1 is a signal.
    /// let iso_en = ClassificationRule::new(1.0, Bound::Exclusive, 1.0, Bound::Inclusive)?;
    /// assert_eq!(iso_en.classify(1.0)?, Performance::Unsatisfactory);
    /// assert_eq!(ClassificationRule::en().classify(1.0)?, Performance::Satisfactory);
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn new(
        satisfactory: f64,
        satisfactory_bound: Bound,
        unsatisfactory: f64,
        unsatisfactory_bound: Bound,
    ) -> crate::Result<Self> {
        if !(satisfactory.is_finite() && satisfactory > 0.0) {
            return Err(Error::InvalidParameter {
                name: "satisfactory",
                value: satisfactory.to_string(),
                expected: "a positive finite limit",
            });
        }
        if !(unsatisfactory.is_finite() && unsatisfactory >= satisfactory) {
            return Err(Error::InvalidParameter {
                name: "unsatisfactory",
                value: unsatisfactory.to_string(),
                expected: "a finite limit at least the satisfactory limit",
            });
        }
        if unsatisfactory == satisfactory
            && satisfactory_bound == Bound::Inclusive
            && unsatisfactory_bound == Bound::Inclusive
        {
            return Err(Error::InvalidParameter {
                name: "unsatisfactory_bound",
                value: Bound::Inclusive.to_string(),
                expected: "\"exclusive\" when both limits are equal and the satisfactory one is inclusive",
            });
        }
        Ok(ClassificationRule {
            satisfactory,
            satisfactory_bound,
            unsatisfactory,
            unsatisfactory_bound,
        })
    }

    /// The rule of z, z′ and ζ scores (ISO 13528:2022 9.4.2): |s| ≤ 2
    /// satisfactory, 2 < |s| < 3 questionable, |s| ≥ 3 unsatisfactory.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::{ClassificationRule, Performance};
    /// let rule = ClassificationRule::z();
    /// assert_eq!(rule.classify(-2.0)?, Performance::Satisfactory);
    /// assert_eq!(rule.classify(2.5)?, Performance::Questionable);
    /// assert_eq!(rule.classify(-3.0)?, Performance::Unsatisfactory);
    /// # Ok::<(), eqa::Error>(())
    /// ```
    #[doc(alias = "classify_z")]
    pub fn z() -> Self {
        ClassificationRule {
            satisfactory: 2.0,
            satisfactory_bound: Bound::Inclusive,
            unsatisfactory: 3.0,
            unsatisfactory_bound: Bound::Inclusive,
        }
    }

    /// The rule of E_n numbers: |E_n| ≤ 1 satisfactory, |E_n| > 1 unsatisfactory.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::{ClassificationRule, Performance};
    /// assert_eq!(ClassificationRule::en().classify(-1.01)?, Performance::Unsatisfactory);
    /// # Ok::<(), eqa::Error>(())
    /// ```
    #[doc(alias = "classify_en")]
    pub fn en() -> Self {
        ClassificationRule::two_band_of(1.0)
    }

    /// The rule of P_A in percent: |P_A| ≤ 100 acceptable (satisfactory),
    /// beyond unsatisfactory.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::{ClassificationRule, Performance};
    /// assert_eq!(ClassificationRule::pa().classify(100.0)?, Performance::Satisfactory);
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn pa() -> Self {
        ClassificationRule::two_band_of(100.0)
    }

    /// The preset named `name`: `"z"` ([`z`](Self::z)), `"en"`
    /// ([`en`](Self::en)) or `"pa"` ([`pa`](Self::pa)), the names that the
    /// Python and JavaScript bindings accept for a rule.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] named `rule` for any other name.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::ClassificationRule;
    /// assert_eq!(ClassificationRule::preset("en")?, ClassificationRule::en());
    /// assert_eq!(ClassificationRule::preset("zeta").unwrap_err().code(), "invalid_parameter");
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn preset(name: &str) -> Result<Self, Error> {
        match name {
            "z" => Ok(ClassificationRule::z()),
            "en" => Ok(ClassificationRule::en()),
            "pa" => Ok(ClassificationRule::pa()),
            _ => Err(Error::InvalidParameter {
                name: "rule",
                value: name.to_owned(),
                expected: Self::PRESETS,
            }),
        }
    }

    /// The names of the presets, as [`preset`](Self::preset) reads them.
    pub const PRESETS: &'static str = "\"z\", \"en\" or \"pa\"";

    /// A rule without a questionable band: |s| ≤ `limit` satisfactory,
    /// |s| > `limit` unsatisfactory; for D against δ_E (9.3.2), or any
    /// pass/fail limit.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] unless `limit` is positive and finite.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::{ClassificationRule, Performance};
    /// // D = x - x_pt against delta_E = 0.0198 (ISO 13528:2022 E.4).
    /// let rule = ClassificationRule::two_band(0.0198)?;
    /// assert_eq!(rule.classify(0.013 - 0.044)?, Performance::Unsatisfactory);
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn two_band(limit: f64) -> crate::Result<Self> {
        ClassificationRule::new(limit, Bound::Inclusive, limit, Bound::Exclusive)
    }

    /// [`ClassificationRule::two_band`] for a limit known to be valid.
    const fn two_band_of(limit: f64) -> Self {
        ClassificationRule {
            satisfactory: limit,
            satisfactory_bound: Bound::Inclusive,
            unsatisfactory: limit,
            unsatisfactory_bound: Bound::Exclusive,
        }
    }

    /// The limit of the satisfactory band.
    pub fn satisfactory(&self) -> f64 {
        self.satisfactory
    }

    /// Whether the satisfactory band includes its limit.
    pub fn satisfactory_bound(&self) -> Bound {
        self.satisfactory_bound
    }

    /// The limit of the unsatisfactory band.
    pub fn unsatisfactory(&self) -> f64 {
        self.unsatisfactory
    }

    /// Whether the unsatisfactory band includes its limit.
    pub fn unsatisfactory_bound(&self) -> Bound {
        self.unsatisfactory_bound
    }

    /// The class of one score.
    ///
    /// # Errors
    ///
    /// [`Error::NonFiniteValue`] (index 0) for a NaN or infinite score.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::{ClassificationRule, Performance};
    /// assert_eq!(ClassificationRule::z().classify(-4.70)?, Performance::Unsatisfactory);
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn classify(&self, score: f64) -> crate::Result<Performance> {
        self.class_at(score, 0)
    }

    fn class_at(&self, score: f64, index: usize) -> crate::Result<Performance> {
        if !score.is_finite() {
            return Err(Error::NonFiniteValue {
                index,
                value: score,
            });
        }
        let a = score.abs();
        let within = match self.satisfactory_bound {
            Bound::Inclusive => a <= self.satisfactory,
            Bound::Exclusive => a < self.satisfactory,
        };
        let beyond = match self.unsatisfactory_bound {
            Bound::Inclusive => a >= self.unsatisfactory,
            Bound::Exclusive => a > self.unsatisfactory,
        };
        Ok(if within {
            Performance::Satisfactory
        } else if beyond {
            Performance::Unsatisfactory
        } else {
            Performance::Questionable
        })
    }
}

/// The class of each score under `rule`.
///
/// # Errors
///
/// [`Error::NonFiniteValue`] for a NaN or infinite score, with its index.
///
/// # Examples
///
/// ISO 13528:2022 E.4: z = −4.70, −1.06, 0.15 for L04, L03 and L10.
///
/// ```
/// use eqa::{classify, ClassificationRule, Performance::*};
/// let classes = classify(&[-4.70, -1.06, 0.15, 2.4], &ClassificationRule::z())?;
/// assert_eq!(classes, [Unsatisfactory, Satisfactory, Satisfactory, Questionable]);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn classify(scores: &[f64], rule: &ClassificationRule) -> crate::Result<Vec<Performance>> {
    scores
        .iter()
        .enumerate()
        .map(|(i, &s)| rule.class_at(s, i))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_and_bounds() {
        let exclusive = ClassificationRule::new(2.0, Bound::Exclusive, 3.0, Bound::Exclusive)
            .expect("valid rule");
        assert_eq!(exclusive.classify(2.0), Ok(Performance::Questionable));
        assert_eq!(exclusive.classify(3.0), Ok(Performance::Questionable));
        assert_eq!(exclusive.classify(3.0001), Ok(Performance::Unsatisfactory));
        assert_eq!(
            ClassificationRule::pa().classify(100.01),
            Ok(Performance::Unsatisfactory)
        );
    }

    #[test]
    fn invalid_rules_are_refused() {
        let i = Bound::Inclusive;
        for (s, u) in [
            (0.0, 1.0),
            (-1.0, 1.0),
            (f64::NAN, 3.0),
            (2.0, 1.0),
            (2.0, f64::INFINITY),
        ] {
            assert_eq!(
                ClassificationRule::new(s, i, u, i).map_err(|e| e.code()),
                Err("invalid_parameter")
            );
        }
        assert!(ClassificationRule::new(1.0, i, 1.0, i).is_err());
        assert!(ClassificationRule::new(1.0, Bound::Exclusive, 1.0, i).is_ok());
    }

    #[test]
    fn serde_validates() {
        let json = r#"{"satisfactory":3.0,"satisfactory_bound":"inclusive","unsatisfactory":2.0,"unsatisfactory_bound":"inclusive"}"#;
        assert!(serde_json::from_str::<ClassificationRule>(json).is_err());
        let rule = ClassificationRule::z();
        let text = serde_json::to_string(&rule).expect("serialisable");
        assert_eq!(
            serde_json::from_str::<ClassificationRule>(&text).ok(),
            Some(rule)
        );
    }

    #[test]
    fn names_round_trip() {
        for p in Performance::ALL {
            assert_eq!(p.as_str().parse::<Performance>(), Ok(*p));
        }
        for b in Bound::ALL {
            assert_eq!(b.as_str().parse::<Bound>(), Ok(*b));
        }
    }
}
