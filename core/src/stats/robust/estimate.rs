//! What the iterative robust estimators return, and what they do at zero scale.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::names::named_choices;
use crate::stats::robust::constants::Constants;
use crate::stats::robust::stopping::StopRule;
use crate::stats::sample::finite;

/// The standard uncertainty of an assigned value taken as the robust
/// consensus of `p` participants.
///
/// # Formula
///
/// u(x_pt) = 1.25 · s* / √p (ISO 13528:2022 7.7.3, Formula (6)). The 1.25
/// allows for the efficiency of robust estimators at the normal distribution.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for a negative or non-finite scale or `p == 0`;
/// [`Error::Overflow`] when the result exceeds `f64` (a scale near `f64::MAX`).
///
/// # Examples
///
/// ```
/// let u = eqa::consensus_uncertainty(0.0395, 34)?;
/// assert!((u - 0.00847).abs() < 1e-5);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "u_x_pt")]
#[doc(alias = "u(x_pt)")]
pub fn consensus_uncertainty(scale: f64, p: usize) -> Result<f64, Error> {
    if !(scale.is_finite() && scale >= 0.0) {
        return Err(Error::InvalidParameter {
            name: "scale",
            value: scale.to_string(),
            expected: "a finite number at least 0",
        });
    }
    if p == 0 {
        return Err(Error::InvalidParameter {
            name: "p",
            value: "0".to_owned(),
            expected: "at least 1 participant",
        });
    }
    finite(1.25 * scale / (p as f64).sqrt(), "u(x_pt)")
}

/// What an estimator does when its starting scale (MADe) is zero, which
/// happens when more than half of the values are identical.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ZeroScalePolicy {
    /// Refuse with [`Error::ZeroScale`], which says how many values tie.
    #[default]
    Error,
    /// Start from the classical standard deviation instead; when that is
    /// zero too (all values equal), return the common value with scale 0.
    StandardDeviation,
    /// Do not iterate: return the median as location with scale 0
    /// (what R's `robustbase::huberM` does).
    Median,
}

named_choices!(ZeroScalePolicy, option "zero_scale", expected "\"error\", \"standard_deviation\" or \"median\"" {
    Error => "error",
    StandardDeviation => "standard_deviation",
    Median => "median",
});

/// Where the iteration's first scale came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StartScale {
    /// MADe, the standard start.
    Made,
    /// The classical standard deviation, after MADe was zero.
    StandardDeviation,
    /// A scale given by the caller (fixed-scale Huber).
    Given,
    /// No usable scale: the result is the median (or the common value) with scale 0.
    Zero,
}

named_choices!(StartScale, option "start_scale", expected "\"made\", \"standard_deviation\", \"given\" or \"zero\"" {
    Made => "made",
    StandardDeviation => "standard_deviation",
    Given => "given",
    Zero => "zero",
});

/// A robust location and scale with how they were reached.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RobustEstimate {
    /// The robust location x* (a candidate assigned value x_pt).
    #[doc(alias = "x_star")]
    pub location: f64,
    /// The robust standard deviation s* (fixed during a fixed-scale Huber run).
    #[doc(alias = "s_star")]
    pub scale: f64,
    /// The number of values p.
    pub n: usize,
    /// How many updates of (x*, s*) were made.
    pub iterations: u32,
    /// Whether the stopping rule was met; `false` when `max_iter` ran out.
    pub converged: bool,
    /// u(x_pt) = 1.25·s*/√p, see [`consensus_uncertainty`].
    #[doc(alias = "u_x_pt")]
    pub uncertainty: f64,
    /// The constants used.
    pub constants: Constants,
    /// The stopping rule used.
    pub stop: StopRule,
    /// Where the first scale came from.
    pub start_scale: StartScale,
}
