//! Homogeneity of the proficiency test items (ISO 13528:2022 Annex B, B.2
//! and B.3): g items measured m times each.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::names::named_choices;
use crate::stats::distributions::{chi_squared_95, f_95};
use crate::stats::location::mean_of;
use crate::stats::parameter::positive;
use crate::stats::sample::finite;

/// ISO 13528:2022 Table B.1: (g, F1, F2) for m = 2 replicates.
const TABLE_B1: [(usize, f64, f64); 14] = [
    (20, 1.59, 0.57),
    (19, 1.60, 0.59),
    (18, 1.62, 0.62),
    (17, 1.64, 0.64),
    (16, 1.67, 0.68),
    (15, 1.69, 0.71),
    (14, 1.72, 0.75),
    (13, 1.75, 0.80),
    (12, 1.79, 0.86),
    (11, 1.83, 0.93),
    (10, 1.88, 1.01),
    (9, 1.94, 1.11),
    (8, 2.01, 1.25),
    (7, 2.10, 1.43),
];

/// The fraction of σ_pt that the between-sample standard deviation (B.2.2)
/// and the drift (B.5.1) may reach: s_s ≤ 0.3·σ_pt.
pub const CRITERION_FRACTION: f64 = 0.3;

/// Where the factors F1 and F2 of the expanded criterion (B.2.3) come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ExpandedFactors {
    /// ISO 13528:2022 Table B.1, rounded to two decimals, where it has the row
    /// (m = 2 and 7 ≤ g ≤ 20); computed otherwise. As a result, says the
    /// table's row was used.
    #[default]
    TableB1,
    /// Always computed: F1 = χ²₀.₉₅(g − 1)/(g − 1) and
    /// F2 = (F₀.₉₅(g − 1, g(m − 1)) − 1)/m, the formulae behind Table B.1
    /// (they give 1.8799 and 1.0102 at g = 10, m = 2); beyond a million
    /// items, by the Wilson–Hilferty and Paulson approximations.
    Computed,
}

named_choices!(ExpandedFactors, option "factors", expected "\"table_b1\" or \"computed\"" {
    TableB1 => "table_b1",
    Computed => "computed",
});

/// Which criterion of Annex B decides whether the items are sufficiently
/// homogeneous (B.2.2 or B.2.3) or stable (B.5.1 or B.5.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CheckCriterion {
    /// The basic criterion: s_s ≤ 0.3·σ_pt (B.2.2), |ȳ1 − ȳ2| ≤ 0.3·σ_pt (B.5.1).
    #[default]
    Basic,
    /// The criterion expanded for the sampling error and repeatability of the
    /// check itself: s_s² ≤ c (B.2.3), |ȳ1 − ȳ2| ≤ 0.3·σ_pt + 2·u (B.5.2).
    Expanded,
}

named_choices!(CheckCriterion, option "criterion", expected "\"basic\" or \"expanded\"" {
    Basic => "basic",
    Expanded => "expanded",
});

/// What to do when the items are not sufficiently homogeneous (B.2.5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HomogeneityRemedy {
    /// Widen the standard deviation for proficiency assessment:
    /// σ_pt′ = √(σ_pt² + s_s²) (B.2.5 a), Formula (B.3)).
    #[default]
    InflateSigmaPt,
    /// Keep σ_pt and carry u_hom = s_s into the uncertainty of the assigned
    /// value, u(x_pt) = √(u_char² + u_hom² + …) (B.2.5 b), 7.2.2).
    IncludeUHom,
}

named_choices!(HomogeneityRemedy, option "remedy", expected "\"inflate_sigma_pt\" or \"include_u_hom\"" {
    InflateSigmaPt => "inflate_sigma_pt",
    IncludeUHom => "include_u_hom",
});

/// The choices of a homogeneity check; [`Default`] gives the documented defaults.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct HomogeneityOptions {
    /// Where F1 and F2 come from (default [`ExpandedFactors::TableB1`]).
    pub factors: ExpandedFactors,
    /// The criterion that decides whether the remedy applies (default
    /// [`CheckCriterion::Basic`]); both verdicts are reported either way.
    pub criterion: CheckCriterion,
    /// What to do when that criterion fails (default
    /// [`HomogeneityRemedy::InflateSigmaPt`]).
    pub remedy: HomogeneityRemedy,
}

/// A homogeneity check of g items × m replicates (ISO 13528:2022 B.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Homogeneity {
    /// The number of items g.
    pub g: usize,
    /// The number of replicates per item m.
    pub m: usize,
    /// The item means x̄_t, in the order of the items.
    pub item_means: Vec<f64>,
    /// The general mean x̿, the mean of the item means.
    pub general_mean: f64,
    /// s_x, the standard deviation of the item means.
    pub s_x: f64,
    /// s_w, the within-item (repeatability) standard deviation.
    pub s_w: f64,
    /// s_s, the between-sample standard deviation.
    pub s_s: f64,
    /// The σ_pt given.
    pub sigma_pt: f64,
    /// 0.3·σ_pt, the limit of the basic criterion (B.2.2).
    pub criterion: f64,
    /// Whether s_s ≤ 0.3·σ_pt.
    pub sufficient: bool,
    /// The factor F1 of the expanded criterion (B.2.3), on (0.3·σ_pt)².
    pub f1: f64,
    /// The factor F2 of the expanded criterion, on s_w².
    pub f2: f64,
    /// Where F1 and F2 came from: the row of Table B.1, or computed.
    pub factors: ExpandedFactors,
    /// c = F1·(0.3·σ_pt)² + F2·s_w².
    pub c: f64,
    /// √c, the limit of the expanded criterion on s_s.
    pub expanded_criterion: f64,
    /// Whether s_s² ≤ c.
    pub sufficient_expanded: bool,
    /// The criterion that decided whether the remedy applies.
    pub decided_by: CheckCriterion,
    /// Whether that criterion failed, so that the remedy applies.
    pub failed: bool,
    /// The remedy chosen (B.2.5).
    pub remedy: HomogeneityRemedy,
    /// The σ_pt to use: σ_pt′ = √(σ_pt² + s_s²) when the remedy
    /// [`HomogeneityRemedy::InflateSigmaPt`] applies, σ_pt otherwise.
    pub sigma_pt_prime: f64,
    /// The u_hom to carry into u(x_pt): s_s when the remedy
    /// [`HomogeneityRemedy::IncludeUHom`] applies, 0 otherwise.
    pub u_hom: f64,
}

/// Checks the homogeneity of g proficiency test items measured m times each
/// (ISO 13528:2022 B.3), against the criteria of B.2.2 and B.2.3.
///
/// `items` holds one row per item, each with its m replicate results (m ≥ 2,
/// the same for every item; m = 2 is the usual duplicate design).
///
/// # Formula
///
/// With x_tk the k-th result of item t:
///
/// - x̄_t = Σ_k x_tk / m, x̿ = Σ_t x̄_t / g;
/// - s_x = √(Σ_t (x̄_t − x̿)² / (g − 1));
/// - s_w = √(Σ_t s_t² / g), s_t² = Σ_k (x_tk − x̄_t)² / (m − 1)
///   (for m = 2, s_w = √(Σ w_t² / (2g)) with w_t = |x_t1 − x_t2|);
/// - s_s = √max(0, s_x² − s_w²/m);
/// - sufficient when s_s ≤ 0.3·σ_pt (B.2.2);
/// - expanded: c = F1·(0.3·σ_pt)² + F2·s_w², sufficient when s_s² ≤ c (B.2.3);
/// - remedy (B.2.5): σ_pt′ = √(σ_pt² + s_s²), or u_hom = s_s.
///
/// # Complexity
///
/// One pass over the g × m table: O(g·m) time, O(g) memory for the item means.
///
/// # Errors
///
/// [`Error::TooFewValues`] for fewer than two items or fewer than two
/// replicates in the first item; [`Error::LengthMismatch`] when an item has
/// another number of replicates than the first; [`Error::NonFiniteValue`] for
/// a NaN or infinite result, with its index in the row-major order
/// (item t, replicate k at t·m + k); [`Error::InvalidParameter`] unless
/// σ_pt is positive and finite; [`Error::Overflow`] when the spread of the
/// results (or σ_pt) is too large to square in `f64`.
///
/// # Examples
///
/// ISO 13528:2022 E.2, arsenic in chocolate (10 items in duplicate,
/// σ_pt = 0.15·x̿ = 0.02807 mg/kg):
///
/// ```
/// use eqa::{homogeneity, HomogeneityOptions};
/// let items = [[0.185, 0.194], [0.187, 0.189], [0.182, 0.186], [0.188, 0.196],
///              [0.191, 0.181], [0.188, 0.180], [0.187, 0.196], [0.177, 0.186],
///              [0.179, 0.187], [0.188, 0.196]];
/// let h = homogeneity(&items, 0.02807, &HomogeneityOptions::default())?;
/// assert_eq!((h.general_mean * 1e5).round(), 18715.0);
/// assert_eq!((h.s_x * 1e5).round(), 398.0);
/// assert_eq!((h.s_w * 1e5).round(), 556.0);
/// assert_eq!((h.s_s * 1e5).round(), 60.0);
/// assert!(h.sufficient && h.sufficient_expanded);
/// assert_eq!((h.f1, h.f2), (1.88, 1.01));
/// assert!(!h.failed && h.sigma_pt_prime == 0.02807 && h.u_hom == 0.0);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "s_s")]
#[doc(alias = "between_sample")]
pub fn homogeneity<R: AsRef<[f64]>>(
    items: &[R],
    sigma_pt: f64,
    options: &HomogeneityOptions,
) -> crate::Result<Homogeneity> {
    let (g, m) = shape(items)?;
    let sigma_pt = positive("sigma_pt", sigma_pt)?;
    let mut item_means = Vec::with_capacity(g);
    let mut within = 0.0;
    for row in items {
        let row = row.as_ref();
        let mean = mean_of(row)?;
        let ss: f64 = row.iter().map(|x| (x - mean) * (x - mean)).sum();
        within += ss / (m - 1) as f64;
        item_means.push(mean);
    }
    let general_mean = mean_of(&item_means)?;
    let between: f64 = item_means
        .iter()
        .map(|x| (x - general_mean) * (x - general_mean))
        .sum();
    let s_x2 = finite(between / (g - 1) as f64, "homogeneity (s_x)")?;
    let s_w2 = finite(within / g as f64, "homogeneity (s_w)")?;
    let s_s2 = (s_x2 - s_w2 / m as f64).max(0.0);
    let s_s = s_s2.sqrt();
    let criterion = CRITERION_FRACTION * sigma_pt;
    let (f1, f2, factors) = expanded_factors(g, m, options.factors)?;
    let c = finite(
        f1 * criterion * criterion + f2 * s_w2,
        "homogeneity (expanded criterion)",
    )?;
    let sufficient = s_s <= criterion;
    let sufficient_expanded = s_s2 <= c;
    let failed = match options.criterion {
        CheckCriterion::Basic => !sufficient,
        CheckCriterion::Expanded => !sufficient_expanded,
    };
    let sigma_pt_prime = match options.remedy {
        HomogeneityRemedy::InflateSigmaPt if failed => {
            finite(libm::hypot(sigma_pt, s_s), "homogeneity (sigma_pt')")?
        }
        _ => sigma_pt,
    };
    let u_hom = match options.remedy {
        HomogeneityRemedy::IncludeUHom if failed => s_s,
        _ => 0.0,
    };
    Ok(Homogeneity {
        g,
        m,
        item_means,
        general_mean,
        s_x: s_x2.sqrt(),
        s_w: s_w2.sqrt(),
        s_s,
        sigma_pt,
        criterion,
        sufficient,
        f1,
        f2,
        factors,
        c,
        expanded_criterion: c.sqrt(),
        sufficient_expanded,
        decided_by: options.criterion,
        failed,
        remedy: options.remedy,
        sigma_pt_prime,
        u_hom,
    })
}

/// The factors F1 and F2 of the expanded criterion for g items of m
/// replicates (ISO 13528:2022 B.2.3, Table B.1).
///
/// # Formula
///
/// Table B.1 (two decimals; m = 2, 7 ≤ g ≤ 20) with
/// [`ExpandedFactors::TableB1`] where it has the row; otherwise
/// F1 = χ²₀.₉₅(g − 1)/(g − 1) and F2 = (F₀.₉₅(g − 1, g(m − 1)) − 1)/m.
/// Returns (F1, F2, the source used).
///
/// # Complexity
///
/// O(1) from Table B.1; the formulae beyond the table invert the χ² and F
/// distributions by bisection, a bounded number of series evaluations.
///
/// # Errors
///
/// [`Error::TooFewValues`] for g < 2 or m < 2.
///
/// # Examples
///
/// ```
/// use eqa::{expanded_factors, ExpandedFactors};
/// assert_eq!(expanded_factors(10, 2, ExpandedFactors::TableB1)?, (1.88, 1.01, ExpandedFactors::TableB1));
/// let (f1, f2, _) = expanded_factors(10, 2, ExpandedFactors::Computed)?;
/// assert_eq!(((f1 * 1e4).round(), (f2 * 1e4).round()), (18799.0, 10102.0));
/// let (_, _, source) = expanded_factors(10, 3, ExpandedFactors::TableB1)?;
/// assert_eq!(source, ExpandedFactors::Computed);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "F1")]
#[doc(alias = "F2")]
pub fn expanded_factors(
    g: usize,
    m: usize,
    factors: ExpandedFactors,
) -> crate::Result<(f64, f64, ExpandedFactors)> {
    at_least_two("homogeneity check (items g)", g)?;
    at_least_two("homogeneity check (replicates m)", m)?;
    if factors == ExpandedFactors::TableB1
        && m == 2
        && let Some(&(_, f1, f2)) = TABLE_B1.iter().find(|row| row.0 == g)
    {
        return Ok((f1, f2, ExpandedFactors::TableB1));
    }
    let df1 = (g - 1) as f64;
    let df2 = g as f64 * (m - 1) as f64;
    let f1 = chi_squared_95(df1) / df1;
    let f2 = (f_95(df1, df2) - 1.0) / m as f64;
    Ok((f1, f2, ExpandedFactors::Computed))
}

fn at_least_two(estimator: &'static str, got: usize) -> crate::Result<()> {
    if got < 2 {
        return Err(Error::TooFewValues {
            estimator,
            needed: 2,
            got,
        });
    }
    Ok(())
}

/// (g, m) of a balanced table of finite results.
fn shape<R: AsRef<[f64]>>(items: &[R]) -> crate::Result<(usize, usize)> {
    let g = items.len();
    at_least_two("homogeneity check (items g)", g)?;
    let m = items[0].as_ref().len();
    at_least_two("homogeneity check (replicates m)", m)?;
    for row in items {
        let got = row.as_ref().len();
        if got != m {
            return Err(Error::LengthMismatch {
                what: "replicates of an item",
                expected: m,
                got,
            });
        }
    }
    for (t, row) in items.iter().enumerate() {
        if let Some(k) = row.as_ref().iter().position(|x| !x.is_finite()) {
            return Err(Error::NonFiniteValue {
                index: t * m + k,
                value: row.as_ref()[k],
            });
        }
    }
    Ok((g, m))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_b1_is_the_formula_rounded() {
        for &(g, f1, f2) in &TABLE_B1 {
            let (c1, c2, source) = expanded_factors(g, 2, ExpandedFactors::Computed).unwrap();
            assert_eq!(source, ExpandedFactors::Computed);
            assert_eq!(
                ((c1 * 100.0).round(), (c2 * 100.0).round()),
                ((f1 * 100.0).round(), (f2 * 100.0).round()),
                "g = {g}"
            );
        }
    }

    #[test]
    fn shape_errors_name_the_problem() {
        let ragged: [&[f64]; 2] = [&[1.0, 2.0], &[1.0]];
        let err = homogeneity(&ragged, 1.0, &HomogeneityOptions::default()).unwrap_err();
        assert_eq!(
            err,
            Error::LengthMismatch {
                what: "replicates of an item",
                expected: 2,
                got: 1
            }
        );
        let err = homogeneity(&[[1.0, 2.0]], 1.0, &HomogeneityOptions::default()).unwrap_err();
        assert_eq!(err.code(), "too_few_values");
        let err = homogeneity(&[[1.0], [2.0]], 1.0, &HomogeneityOptions::default()).unwrap_err();
        assert_eq!(err.code(), "too_few_values");
        let err = homogeneity(
            &[[1.0, 2.0], [3.0, f64::NAN]],
            1.0,
            &HomogeneityOptions::default(),
        )
        .unwrap_err();
        assert!(matches!(err, Error::NonFiniteValue { index: 3, .. }));
        let err = homogeneity(
            &[[1.0, 2.0], [3.0, 4.0]],
            0.0,
            &HomogeneityOptions::default(),
        )
        .unwrap_err();
        assert_eq!(err.code(), "invalid_parameter");
        let empty: [[f64; 2]; 0] = [];
        assert!(homogeneity(&empty, 1.0, &HomogeneityOptions::default()).is_err());
    }

    #[test]
    fn huge_spread_is_an_overflow_error() {
        let items = [[-f64::MAX, f64::MAX], [0.0, 1.0]];
        let err = homogeneity(&items, 1.0, &HomogeneityOptions::default()).unwrap_err();
        assert_eq!(err.code(), "overflow");
    }
}
