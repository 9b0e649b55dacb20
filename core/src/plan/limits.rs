//! Acceptance limits (允许总误差, 评价标准) and the exact decision whether a
//! quantitative result is within them (domain §4.1, §5.5).
//!
//! The decision is made in decimal arithmetic on the value as reported, so
//! that 5.5 against 5.0 ± 10 % is acceptable exactly, not by floating-point
//! luck. A target or standard deviation computed in `f64` enters through its
//! shortest decimal text (see [`crate::plan::reported::from_f64`]).

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// The allowed deviation of a result from its target.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum AcceptanceLimit {
    /// ± `percent` % of the target: |x − T| ≤ p/100·|T| (靶值±p%).
    Percent {
        /// The percentage.
        percent: Decimal,
    },
    /// ± `absolute` in the analyte's unit: |x − T| ≤ a.
    Absolute {
        /// The absolute deviation.
        absolute: Decimal,
    },
    /// The greater of both (取大值): |x − T| ≤ max(a, p/100·|T|).
    GreaterOf {
        /// The absolute deviation.
        absolute: Decimal,
        /// The percentage.
        percent: Decimal,
    },
    /// RCPA-style: ± `absolute` while |T| ≤ `breakpoint`, ± `percent` % above.
    Piecewise {
        /// The target concentration where the limit turns to a percentage.
        breakpoint: Decimal,
        /// The absolute deviation at and below the breakpoint.
        absolute: Decimal,
        /// The percentage above it.
        percent: Decimal,
    },
    /// ± k standard deviations of the peer group (靶值±2s, ±3s).
    SdMultiple {
        /// The multiple k.
        k: Decimal,
    },
    /// An ordinal result within `down` grades below and `up` grades above
    /// the target's grade; with `negative_exact`, a negative target needs
    /// an exactly negative result (urine dipstick: 阳性时靶值±1等级).
    OrdinalWindow {
        /// Grades allowed below the target.
        down: u32,
        /// Grades allowed above the target.
        up: u32,
        /// Whether a negative target needs a negative result.
        negative_exact: bool,
    },
    /// The same category, grade or name as the target.
    Categorical,
}

/// Whether a result exactly on the limit is acceptable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Boundary {
    /// |x − T| ≤ L is acceptable (default; UNCONFIRMED in Chinese sources).
    #[default]
    Inclusive,
    /// Only |x − T| < L is acceptable.
    Exclusive,
}

/// The decision on one quantitative result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Judgement {
    /// Whether the result is within the limit.
    pub acceptable: bool,
    /// The allowed deviation L(T), in the analyte's unit.
    pub allowed: Decimal,
    /// The deviation x − T.
    pub deviation: Decimal,
}

impl AcceptanceLimit {
    /// Whether the limit applies to numbers (not to grades or categories).
    pub fn is_quantitative(&self) -> bool {
        !matches!(
            self,
            AcceptanceLimit::OrdinalWindow { .. } | AcceptanceLimit::Categorical
        )
    }

    /// Whether the limit needs the peer group's standard deviation.
    pub fn needs_sd(&self) -> bool {
        matches!(self, AcceptanceLimit::SdMultiple { .. })
    }

    /// Checks the limit's numbers: percentages, deviations and k positive,
    /// the breakpoint not negative.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] naming the bad number.
    pub fn check(&self) -> Result<()> {
        let positive = |name: &'static str, v: Decimal| {
            if v > Decimal::ZERO {
                Ok(())
            } else {
                Err(Error::InvalidParameter {
                    name,
                    value: v.to_string(),
                    expected: "a positive number",
                })
            }
        };
        match *self {
            AcceptanceLimit::Percent { percent } => positive("percent", percent),
            AcceptanceLimit::Absolute { absolute } => positive("absolute", absolute),
            AcceptanceLimit::GreaterOf { absolute, percent } => {
                positive("absolute", absolute)?;
                positive("percent", percent)
            }
            AcceptanceLimit::Piecewise {
                breakpoint,
                absolute,
                percent,
            } => {
                positive("absolute", absolute)?;
                positive("percent", percent)?;
                if breakpoint < Decimal::ZERO {
                    return Err(Error::InvalidParameter {
                        name: "breakpoint",
                        value: breakpoint.to_string(),
                        expected: "a number at least 0",
                    });
                }
                Ok(())
            }
            AcceptanceLimit::SdMultiple { k } => positive("k", k),
            AcceptanceLimit::OrdinalWindow { .. } | AcceptanceLimit::Categorical => Ok(()),
        }
    }

    /// Whether a category or grade is acceptable against the target's: an
    /// [`OrdinalWindow`](AcceptanceLimit::OrdinalWindow) accepts the grades
    /// from `down` below to `up` above the target (only a negative grade
    /// when the target is one of the `negative_grades` lowest and the window
    /// is `negative_exact`); any other limit accepts the target only.
    /// Categories and grades are their indices in the analyte's list.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::plan::limits::AcceptanceLimit;
    ///
    /// let window = AcceptanceLimit::OrdinalWindow { down: 1, up: 1, negative_exact: true };
    /// assert!(window.accepts_category(2, 3, 1));
    /// assert!(!window.accepts_category(2, 4, 1));
    /// assert!(!window.accepts_category(0, 1, 1));
    /// assert!(!AcceptanceLimit::Categorical.accepts_category(0, 1, 1));
    /// ```
    pub fn accepts_category(&self, target: u32, result: u32, negative_grades: usize) -> bool {
        match *self {
            AcceptanceLimit::OrdinalWindow {
                down,
                up,
                negative_exact,
            } => {
                let negative = |g: u32| (g as usize) < negative_grades;
                if negative_exact && negative(target) {
                    return negative(result);
                }
                let (t, r) = (i64::from(target), i64::from(result));
                r >= t - i64::from(down) && r <= t + i64::from(up)
            }
            _ => target == result,
        }
    }

    /// Whether the limit has parts in a unit (an absolute allowance or a
    /// breakpoint), which a change of unit must convert.
    pub fn has_absolute_part(&self) -> bool {
        matches!(
            self,
            AcceptanceLimit::Absolute { .. }
                | AcceptanceLimit::GreaterOf { .. }
                | AcceptanceLimit::Piecewise { .. }
        )
    }

    /// The limit with its parts in a unit (absolute allowances and
    /// breakpoints) converted by `convert`; percentages, multiples of an
    /// SD and grade windows are the same in every unit.
    ///
    /// # Errors
    ///
    /// The first error of `convert`.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::plan::limits::AcceptanceLimit;
    /// use eqa::plan::units::convert;
    /// use rust_decimal::Decimal;
    ///
    /// // Creatinine: the greater of 17.7 µmol/L and 10 %, for an analyte in mg/dL.
    /// let limit = AcceptanceLimit::GreaterOf { absolute: Decimal::new(177, 1), percent: Decimal::TEN };
    /// let in_mg_dl = limit.converted(|x| convert("CREA", x, "µmol/L", "mg/dL"))?;
    /// let AcceptanceLimit::GreaterOf { absolute, percent } = in_mg_dl else { unreachable!() };
    /// assert_eq!((absolute.round_dp(4), percent), (Decimal::new(2002, 4), Decimal::TEN));
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn converted(
        &self,
        mut convert: impl FnMut(Decimal) -> Result<Decimal>,
    ) -> Result<AcceptanceLimit> {
        Ok(match *self {
            AcceptanceLimit::Absolute { absolute } => AcceptanceLimit::Absolute {
                absolute: convert(absolute)?,
            },
            AcceptanceLimit::GreaterOf { absolute, percent } => AcceptanceLimit::GreaterOf {
                absolute: convert(absolute)?,
                percent,
            },
            AcceptanceLimit::Piecewise {
                breakpoint,
                absolute,
                percent,
            } => AcceptanceLimit::Piecewise {
                breakpoint: convert(breakpoint)?,
                absolute: convert(absolute)?,
                percent,
            },
            ref other => other.clone(),
        })
    }

    /// The allowed deviation L(T) for a target, given the peer group's
    /// standard deviation when the limit is a multiple of it.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] if the limit is ordinal or categorical,
    /// or if it needs `sd` and none (or a negative one) is given;
    /// [`Error::Overflow`] if the product leaves the decimal range.
    pub fn allowed(&self, target: Decimal, sd: Option<Decimal>) -> Result<Decimal> {
        let hundred = Decimal::ONE_HUNDRED;
        let overflow = || Error::Overflow {
            estimator: "acceptance limit",
        };
        let pct = |p: Decimal| {
            p.checked_mul(target.abs())
                .and_then(|v| v.checked_div(hundred))
                .ok_or_else(overflow)
        };
        match *self {
            AcceptanceLimit::Percent { percent } => pct(percent),
            AcceptanceLimit::Absolute { absolute } => Ok(absolute),
            AcceptanceLimit::GreaterOf { absolute, percent } => Ok(absolute.max(pct(percent)?)),
            AcceptanceLimit::Piecewise {
                breakpoint,
                absolute,
                percent,
            } => {
                if target.abs() <= breakpoint {
                    Ok(absolute)
                } else {
                    pct(percent)
                }
            }
            AcceptanceLimit::SdMultiple { k } => match sd {
                Some(s) if s >= Decimal::ZERO => k.checked_mul(s).ok_or_else(overflow),
                _ => Err(Error::InvalidParameter {
                    name: "sd",
                    value: sd.map_or_else(|| "none".into(), |s| s.to_string()),
                    expected: "the peer group's standard deviation (at least 0)",
                }),
            },
            AcceptanceLimit::OrdinalWindow { .. } | AcceptanceLimit::Categorical => {
                Err(Error::InvalidParameter {
                    name: "limit",
                    value: self.kind().into(),
                    expected: "a quantitative limit",
                })
            }
        }
    }

    /// Judges a reported number against a target, exactly.
    ///
    /// # Formula
    ///
    /// acceptable ⇔ |x − T| ≤ L(T) (or `<` with [`Boundary::Exclusive`]).
    ///
    /// # Errors
    ///
    /// As [`AcceptanceLimit::allowed`]; [`Error::Overflow`] if x − T leaves
    /// the decimal range.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::plan::limits::{AcceptanceLimit, Boundary};
    /// use rust_decimal::Decimal;
    ///
    /// let ten = AcceptanceLimit::Percent { percent: Decimal::TEN };
    /// let j = ten.judge(Decimal::new(55, 1), Decimal::new(50, 1), None, Boundary::Inclusive)?;
    /// assert!(j.acceptable);
    /// assert_eq!(j.allowed, Decimal::new(5, 1));
    /// let j = ten.judge(Decimal::new(55, 1), Decimal::new(50, 1), None, Boundary::Exclusive)?;
    /// assert!(!j.acceptable);
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn judge(
        &self,
        value: Decimal,
        target: Decimal,
        sd: Option<Decimal>,
        boundary: Boundary,
    ) -> Result<Judgement> {
        let allowed = self.allowed(target, sd)?;
        let deviation = value.checked_sub(target).ok_or(Error::Overflow {
            estimator: "deviation",
        })?;
        let acceptable = match boundary {
            Boundary::Inclusive => deviation.abs() <= allowed,
            Boundary::Exclusive => deviation.abs() < allowed,
        };
        Ok(Judgement {
            acceptable,
            allowed,
            deviation,
        })
    }

    /// The limit's kind, as in its serde tag.
    pub fn kind(&self) -> &'static str {
        match self {
            AcceptanceLimit::Percent { .. } => "percent",
            AcceptanceLimit::Absolute { .. } => "absolute",
            AcceptanceLimit::GreaterOf { .. } => "greater_of",
            AcceptanceLimit::Piecewise { .. } => "piecewise",
            AcceptanceLimit::SdMultiple { .. } => "sd_multiple",
            AcceptanceLimit::OrdinalWindow { .. } => "ordinal_window",
            AcceptanceLimit::Categorical => "categorical",
        }
    }
}

impl std::fmt::Display for AcceptanceLimit {
    /// The limit as written in Chinese criteria tables, in ASCII:
    /// `±10%`, `±0.5`, `±max(0.33, 10%)`, `±0.2 to 4, ±5% above`, `±2s`,
    /// `-1/+1 grades`, `category`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AcceptanceLimit::Percent { percent } => write!(f, "±{percent}%"),
            AcceptanceLimit::Absolute { absolute } => write!(f, "±{absolute}"),
            AcceptanceLimit::GreaterOf { absolute, percent } => {
                write!(f, "±max({absolute}, {percent}%)")
            }
            AcceptanceLimit::Piecewise {
                breakpoint,
                absolute,
                percent,
            } => write!(f, "±{absolute} to {breakpoint}, ±{percent}% above"),
            AcceptanceLimit::SdMultiple { k } => write!(f, "±{k}s"),
            AcceptanceLimit::OrdinalWindow {
                down,
                up,
                negative_exact,
            } => {
                write!(f, "-{down}/+{up} grades")?;
                if *negative_exact {
                    f.write_str(", negative exact")?;
                }
                Ok(())
            }
            AcceptanceLimit::Categorical => f.write_str("category"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn boundaries_are_exact() {
        let ten = AcceptanceLimit::Percent { percent: d("10") };
        for (x, t) in [("5.5", "5.0"), ("4.5", "5"), ("1.1", "1"), ("0.33", "0.3")] {
            let j = ten.judge(d(x), d(t), None, Boundary::Inclusive).unwrap();
            assert!(j.acceptable, "{x} vs {t}");
            let j = ten.judge(d(x), d(t), None, Boundary::Exclusive).unwrap();
            assert!(!j.acceptable, "{x} vs {t}");
        }
    }

    #[test]
    fn greater_of_and_piecewise_switch_where_they_should() {
        let glu = AcceptanceLimit::GreaterOf {
            absolute: d("0.33"),
            percent: d("10"),
        };
        assert_eq!(glu.allowed(d("2.0"), None).unwrap(), d("0.33"));
        assert_eq!(glu.allowed(d("5.0"), None).unwrap(), d("0.5"));
        let k = AcceptanceLimit::Piecewise {
            breakpoint: d("4.0"),
            absolute: d("0.2"),
            percent: d("5"),
        };
        assert_eq!(k.allowed(d("4.0"), None).unwrap(), d("0.2"));
        assert_eq!(k.allowed(d("5.0"), None).unwrap(), d("0.25"));
    }

    #[test]
    fn sd_multiple_needs_an_sd() {
        let two_s = AcceptanceLimit::SdMultiple { k: d("2") };
        assert_eq!(two_s.allowed(d("10"), Some(d("0.4"))).unwrap(), d("0.8"));
        assert_eq!(
            two_s.allowed(d("10"), None).unwrap_err().code(),
            "invalid_parameter"
        );
        assert!(AcceptanceLimit::Categorical.allowed(d("1"), None).is_err());
    }

    #[test]
    fn check_refuses_non_positive_numbers() {
        assert!(
            AcceptanceLimit::Percent { percent: d("0") }
                .check()
                .is_err()
        );
        assert!(AcceptanceLimit::SdMultiple { k: d("-1") }.check().is_err());
        assert!(AcceptanceLimit::Percent { percent: d("6") }.check().is_ok());
    }

    #[test]
    fn serde_form_is_tagged() {
        let limit: AcceptanceLimit =
            serde_json::from_str(r#"{"kind":"greater_of","absolute":"0.33","percent":10}"#)
                .unwrap();
        assert_eq!(limit.to_string(), "±max(0.33, 10%)");
    }
}
