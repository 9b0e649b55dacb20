//! The legacy Chinese variance index score (变异指数得分, VIS; domain §4.9),
//! an optional scorer shown beside the PT score.

use crate::error::{Error, Result};

/// The highest VIS: larger variance indexes are capped at 400.
pub const MAX_VIS: u32 = 400;

/// The VIS of a result against its target, with the analyte's chosen
/// coefficient of variation (CCV, %).
///
/// # Formula
///
/// V = 100·(x − T)/T, VI = 100·V/CCV, VIS = min(round(|VI|), 400), rounded
/// half away from zero. As in Chinese practice, a small VI is not set to 0.
/// A VI too large for `f64` is capped like any other.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for a value or target that is not finite, a
/// target of 0, or a CCV that is not positive and finite.
///
/// # Examples
///
/// Chloride, target 98 mmol/L, result 101, CCV 2.2 % (the textbook example):
///
/// ```
/// assert_eq!(eqa::scoring::vis_score(101.0, 98.0, 2.2)?, 139);
/// assert_eq!(eqa::scoring::vis_score(150.0, 98.0, 2.2)?, 400);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn vis_score(value: f64, target: f64, ccv: f64) -> Result<u32> {
    if !value.is_finite() {
        return Err(Error::InvalidParameter {
            name: "value",
            value: value.to_string(),
            expected: "a finite number",
        });
    }
    if !(target.is_finite() && target != 0.0) {
        return Err(Error::InvalidParameter {
            name: "target",
            value: target.to_string(),
            expected: "a finite number other than 0",
        });
    }
    if !(ccv.is_finite() && ccv > 0.0) {
        return Err(Error::InvalidParameter {
            name: "ccv",
            value: ccv.to_string(),
            expected: "a positive finite coefficient of variation in percent",
        });
    }
    let v = 100.0 * (value - target) / target;
    let vi = (100.0 * v / ccv).abs();
    if vi.is_nan() || vi >= f64::from(MAX_VIS) {
        return Ok(MAX_VIS);
    }
    // 0 ≤ vi < 400, so the rounded value fits.
    Ok(vi.round() as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn textbook_chloride() {
        assert_eq!(vis_score(101.0, 98.0, 2.2).unwrap(), 139);
        assert_eq!(vis_score(95.0, 98.0, 2.2).unwrap(), 139);
        assert_eq!(vis_score(98.0, 98.0, 2.2).unwrap(), 0);
    }

    #[test]
    fn caps_and_rounds_half_away_from_zero() {
        // V = 1.25, VI = 62.5 → 63
        assert_eq!(vis_score(101.25, 100.0, 2.0).unwrap(), 63);
        assert_eq!(vis_score(1e300, 1e-300, 2.0).unwrap(), MAX_VIS);
        assert_eq!(vis_score(-1e308, 1e-300, 1e-300).unwrap(), MAX_VIS);
    }

    #[test]
    fn refuses_bad_parameters() {
        for (x, t, c) in [
            (1.0, 0.0, 2.0),
            (1.0, 1.0, 0.0),
            (f64::NAN, 1.0, 2.0),
            (1.0, f64::INFINITY, 2.0),
            (1.0, 1.0, -2.0),
        ] {
            assert_eq!(vis_score(x, t, c).unwrap_err().code(), "invalid_parameter");
        }
    }
}
