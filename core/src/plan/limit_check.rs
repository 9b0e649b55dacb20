//! The decision whether a number is within an acceptance limit, made in
//! `f64` and checked in exact decimal arithmetic when it is close.

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::plan::limits::{AcceptanceLimit, Boundary};
use crate::plan::reported::{from_f64, to_f64};

/// Relative closeness below which an `f64` decision is checked in exact
/// decimal arithmetic.
const CLOSE: f64 = 1e-9;

/// The acceptance check of numbers against one target.
///
/// # Formula
///
/// acceptable ⇔ |x − T| ≤ L(T) (`<` with [`Boundary::Exclusive`]), decided
/// in `f64`; whenever |x − T| is within a relative 1e-9 of L(T) (relative to
/// the largest of |x|, |T| and L), the decision is taken again by
/// [`AcceptanceLimit::judge`]'s exact arithmetic, on the value as reported
/// and the target as a decimal (a given target as given, a consensus
/// through its shortest decimal text). Every verdict therefore equals the
/// exact one, and the decimals are computed only for values near the limit.
///
/// # Examples
///
/// ```
/// use eqa::plan::LimitCheck;
/// use eqa::plan::limits::{AcceptanceLimit, Boundary};
/// use rust_decimal::Decimal;
///
/// let ten = AcceptanceLimit::Percent { percent: Decimal::TEN };
/// let check = LimitCheck::new(&ten, Decimal::new(50, 1), None, Boundary::Inclusive)?;
/// assert!(check.acceptable(Decimal::new(55, 1))?);
/// assert!(!check.acceptable(Decimal::new(5501, 3))?);
/// assert_eq!(check.allowed(), 0.5);
/// let consensus = LimitCheck::from_consensus(&ten, 5.0, None, Boundary::Exclusive)?;
/// assert!(!consensus.acceptable(Decimal::new(55, 1))?);
/// # Ok::<(), eqa::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct LimitCheck {
    limit: AcceptanceLimit,
    boundary: Boundary,
    target: f64,
    target_exact: Option<Decimal>,
    sd: Option<f64>,
    sd_exact: Option<Decimal>,
    allowed: f64,
}

impl LimitCheck {
    /// The check around an exact target (a given one), with the group's
    /// standard deviation for a ±k·s limit.
    ///
    /// # Errors
    ///
    /// As [`AcceptanceLimit::allowed`]: a limit that is not quantitative, a
    /// ±k·s limit without sd (or with a negative one), an overflow.
    pub fn new(
        limit: &AcceptanceLimit,
        target: Decimal,
        sd: Option<Decimal>,
        boundary: Boundary,
    ) -> Result<LimitCheck> {
        let allowed = to_f64(limit.allowed(target, sd)?);
        Ok(LimitCheck {
            limit: limit.clone(),
            boundary,
            target: to_f64(target),
            target_exact: Some(target),
            sd: sd.map(to_f64),
            sd_exact: sd,
            allowed,
        })
    }

    /// The check around a target computed in `f64` (a consensus), whose
    /// exact form is its shortest decimal text.
    ///
    /// # Errors
    ///
    /// As [`LimitCheck::new`]; [`Error::InvalidParameter`] for a target or
    /// sd that is not finite or beyond the decimal range.
    pub fn from_consensus(
        limit: &AcceptanceLimit,
        target: f64,
        sd: Option<f64>,
        boundary: Boundary,
    ) -> Result<LimitCheck> {
        Self::with(limit, (target, None), (sd, None), boundary)
    }

    /// The check around a target known in `f64` and, if given, exactly.
    pub(crate) fn with(
        limit: &AcceptanceLimit,
        (target, target_exact): (f64, Option<Decimal>),
        (sd, sd_exact): (Option<f64>, Option<Decimal>),
        boundary: Boundary,
    ) -> Result<LimitCheck> {
        let out_of_range = |name: &'static str, v: f64| Error::InvalidParameter {
            name,
            value: v.to_string(),
            expected: "a finite number within the decimal range",
        };
        if !(target.is_finite() && target.abs() < 7.9e28) {
            return Err(out_of_range("target", target));
        }
        if let Some(s) = sd.filter(|s| !(s.is_finite() && s.abs() < 7.9e28)) {
            return Err(out_of_range("sd", s));
        }
        let mut check = LimitCheck {
            limit: limit.clone(),
            boundary,
            target,
            target_exact,
            sd,
            sd_exact,
            allowed: 0.0,
        };
        check.allowed = match check.approximate_allowed() {
            Some(allowed) => allowed,
            None => {
                let (t, s) = check.exact_target()?;
                to_f64(limit.allowed(t, s)?)
            }
        };
        Ok(check)
    }

    /// L(T) in `f64`, or `None` where only the exact computation can tell
    /// (a target within 1e-9 of a piecewise limit's breakpoint).
    fn approximate_allowed(&self) -> Option<f64> {
        let t = self.target.abs();
        let pct = |p: Decimal| to_f64(p) / 100.0 * t;
        match self.limit {
            AcceptanceLimit::Percent { percent } => Some(pct(percent)),
            AcceptanceLimit::Absolute { absolute } => Some(to_f64(absolute)),
            AcceptanceLimit::GreaterOf { absolute, percent } => {
                Some(to_f64(absolute).max(pct(percent)))
            }
            AcceptanceLimit::Piecewise {
                breakpoint,
                absolute,
                percent,
            } => {
                let b = to_f64(breakpoint);
                if (t - b).abs() <= CLOSE * t.max(b) {
                    None
                } else if t <= b {
                    Some(to_f64(absolute))
                } else {
                    Some(pct(percent))
                }
            }
            AcceptanceLimit::SdMultiple { k } => self.sd.map(|s| to_f64(k) * s),
            AcceptanceLimit::OrdinalWindow { .. } | AcceptanceLimit::Categorical => None,
        }
    }

    /// The exact target and sd.
    fn exact_target(&self) -> Result<(Decimal, Option<Decimal>)> {
        let target = match self.target_exact {
            Some(t) => t,
            None => from_f64(self.target).ok_or(Error::Overflow {
                estimator: "target",
            })?,
        };
        let sd = match (self.sd_exact, self.sd) {
            (Some(s), _) => Some(s),
            (None, Some(s)) => Some(from_f64(s).ok_or(Error::Overflow { estimator: "sd" })?),
            (None, None) => None,
        };
        Ok((target, sd))
    }

    /// The allowed deviation L(T).
    pub fn allowed(&self) -> f64 {
        self.allowed
    }

    /// The target as an exact decimal.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] for a target beyond the decimal range.
    pub fn target(&self) -> Result<Decimal> {
        Ok(self.exact_target()?.0)
    }

    /// Whether a reported number is within the limit.
    ///
    /// # Errors
    ///
    /// As [`AcceptanceLimit::judge`], when the exact decision is needed.
    pub fn acceptable(&self, value: Decimal) -> Result<bool> {
        self.acceptable_with(to_f64(value), || value)
    }

    /// As [`LimitCheck::acceptable`], with the value's `f64` known and its
    /// decimal read only when the `f64` decision is too close to call.
    pub(crate) fn acceptable_with(&self, x: f64, value: impl FnOnce() -> Decimal) -> Result<bool> {
        let deviation = (x - self.target).abs();
        let margin = CLOSE * x.abs().max(self.target.abs()).max(self.allowed);
        if deviation < self.allowed - margin {
            return Ok(true);
        }
        if deviation > self.allowed + margin {
            return Ok(false);
        }
        let (target, sd) = self.exact_target()?;
        Ok(self
            .limit
            .judge(value(), target, sd, self.boundary)?
            .acceptable)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_convert_as_through_text() {
        for text in [
            "5.25",
            "-0.001",
            "123456789.123456789",
            "0",
            "79228162514264337593543950335",
        ] {
            let d: Decimal = text.parse().unwrap();
            assert_eq!(to_f64(d), to_f64(d), "{text}");
        }
        let tiny = Decimal::from_scientific("1e-25").unwrap();
        assert_eq!(to_f64(tiny), 1e-25);
    }

    #[test]
    fn breakpoints_are_decided_exactly() {
        let k = AcceptanceLimit::Piecewise {
            breakpoint: Decimal::new(40, 1),
            absolute: Decimal::new(2, 1),
            percent: Decimal::from(5),
        };
        let check = LimitCheck::from_consensus(&k, 4.0, None, Boundary::Inclusive).unwrap();
        assert_eq!(check.allowed(), 0.2);
        assert!(check.acceptable(Decimal::new(42, 1)).unwrap());
        assert!(!check.acceptable(Decimal::new(4201, 3)).unwrap());
        let above =
            LimitCheck::from_consensus(&k, 4.000_000_01, None, Boundary::Inclusive).unwrap();
        assert!((above.allowed() - 0.2).abs() < 1e-6);
    }

    #[test]
    fn sd_multiples_need_an_sd() {
        let two_s = AcceptanceLimit::SdMultiple { k: Decimal::TWO };
        assert!(LimitCheck::from_consensus(&two_s, 10.0, None, Boundary::Inclusive).is_err());
        let check =
            LimitCheck::from_consensus(&two_s, 10.0, Some(0.4), Boundary::Inclusive).unwrap();
        assert!(check.acceptable(Decimal::new(108, 1)).unwrap());
        assert!(!check.acceptable(Decimal::new(10801, 3)).unwrap());
        assert!(
            LimitCheck::from_consensus(&two_s, f64::NAN, Some(0.4), Boundary::Inclusive).is_err()
        );
    }
}
