//! The Qn estimator of the standard deviation (ISO 13528:2022 C.5.2.1).

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::names::named_choices;
use crate::stats::robust::pairwise::Pairs;
use crate::stats::sample::{check, finite};

/// Which text of Formulae (C.18) and (C.19) defines Qn.
///
/// | choice | h | factor |
/// | --- | --- | --- |
/// | [`QnEdition::Amendment1`] (default) | ⌊p/2⌋ + 1 | 2.2191 |
/// | [`QnEdition::Iso2022`] | ⌊p/2⌋ | 2.2219 |
///
/// The 2022 edition as first printed gives h = p/2 (p even) or (p − 1)/2
/// (p odd) and the factor 2.2219, so k = 0 for p < 4 although Table C.2
/// tabulates b₂ and b₃. Amendment 1 prints h = ⌊p/2⌋ + 1 and 2.2191
/// (1/(√2·Φ⁻¹(5/8)) = 2.21914…), the definition of Rousseeuw and Croux (1993)
/// and of R's `robustbase::Qn`; it is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QnEdition {
    /// ISO 13528:2022/Amd 1: h = ⌊p/2⌋ + 1, factor 2.2191.
    #[default]
    #[serde(rename = "amd1")]
    Amendment1,
    /// ISO 13528:2022 as first printed: h = ⌊p/2⌋, factor 2.2219; needs p ≥ 4.
    #[serde(rename = "iso2022")]
    Iso2022,
}

named_choices!(QnEdition, option "edition", expected "\"amd1\" or \"iso2022\"" {
    Amendment1 => "amd1",
    Iso2022 => "iso2022",
});

impl QnEdition {
    /// The consistency factor of Formula (C.19).
    pub fn factor(self) -> f64 {
        match self {
            QnEdition::Amendment1 => 2.2191,
            QnEdition::Iso2022 => 2.2219,
        }
    }

    /// h of Formula (C.18) for p values.
    fn h(self, p: usize) -> usize {
        match self {
            QnEdition::Amendment1 => p / 2 + 1,
            QnEdition::Iso2022 => p / 2,
        }
    }
}

/// The small-sample correction bₚ of Qn: Table C.2 of ISO 13528:2022 for
/// p = 2 … 12, and for larger p the formulae below it,
/// bₚ = 1/(1 + rₚ) with rₚ = (1.6019 + (−2.128 − 5.172/p)/p)/p for odd p and
/// rₚ = (3.6756 + (1.965 + (6.987 − 77/p)/p)/p)/p for even p.
///
/// # Errors
///
/// [`Error::TooFewValues`] for p < 2.
///
/// # Examples
///
/// ```
/// assert_eq!(eqa::qn_correction(2)?, 0.3994);
/// assert_eq!(eqa::qn_correction(12)?, 0.7574);
/// assert!((eqa::qn_correction(34)? - 0.90096).abs() < 1e-5);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "b_p")]
pub fn qn_correction(p: usize) -> crate::Result<f64> {
    const TABLE_C2: [f64; 11] = [
        0.3994, 0.9937, 0.5132, 0.8440, 0.6122, 0.8588, 0.6699, 0.8734, 0.7201, 0.8891, 0.7574,
    ];
    if p < 2 {
        return Err(Error::TooFewValues {
            estimator: "Qn",
            needed: 2,
            got: p,
        });
    }
    if let Some(&b) = TABLE_C2.get(p - 2) {
        return Ok(b);
    }
    let n = p as f64;
    let r = if p % 2 == 1 {
        (1.6019 + (-2.128 - 5.172 / n) / n) / n
    } else {
        (3.6756 + (1.965 + (6.987 - 77.0 / n) / n) / n) / n
    };
    Ok(1.0 / (1.0 + r))
}

/// Qn with how it was computed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct QnEstimate {
    /// Qn, the robust standard deviation.
    pub scale: f64,
    /// The number of values p.
    pub n: usize,
    /// The rank k = h(h − 1)/2 of the pairwise difference used (1-based).
    pub k: u64,
    /// The k-th smallest pairwise difference |xᵢ − xⱼ|, i < j.
    pub difference: f64,
    /// The factor of Formula (C.19).
    pub factor: f64,
    /// The small-sample correction bₚ, see [`qn_correction`].
    pub correction: f64,
    /// The edition whose formulae were used.
    pub edition: QnEdition,
}

/// Qn, Rousseeuw and Croux's robust standard deviation from the pairwise
/// differences (ISO 13528:2022 C.5.2.1).
///
/// # Formula
///
/// Qn = f · bₚ · {|xᵢ − xⱼ| : i < j}₍ₖ₎, the k-th smallest of the
/// p(p − 1)/2 differences, k = h(h − 1)/2, with h and f of the chosen
/// [`QnEdition`] and bₚ of [`qn_correction`]. Zero when more than k pairs tie
/// (an honest value, not an error).
///
/// # Complexity
///
/// O(p log p) time, O(p) memory: a sort, then the k-th difference is
/// selected in the sorted matrix of differences (Croux–Rousseeuw's
/// Johnson–Mizoguchi selection) with O(p) counts; the pairs are never
/// materialised.
///
/// # Errors
///
/// [`Error::TooFewValues`] for fewer than two values (four with
/// [`QnEdition::Iso2022`]); [`Error::NonFiniteValue`] for a NaN or infinite
/// value; [`Error::Overflow`] when the spread of the values exceeds `f64`.
///
/// # Examples
///
/// ISO 13528:2022 E.3 (R's `robustbase::Qn` gives 0.0419865 with 2.21914):
///
/// ```
/// use eqa::{qn, QnEdition};
/// let x = [0.04, 0.055, 0.178, 0.202, 0.206, 0.227, 0.228, 0.23, 0.23, 0.235,
///          0.236, 0.237, 0.243, 0.244, 0.245, 0.2555, 0.26, 0.264, 0.267, 0.27,
///          0.273, 0.274, 0.274, 0.278, 0.2811, 0.287, 0.287, 0.288, 0.289, 0.295,
///          0.296, 0.311, 0.331, 0.4246];
/// let q = qn(&x, QnEdition::default())?;
/// assert!((q.scale - 0.0419858).abs() < 1e-7);
/// assert_eq!((q.k, q.factor), (153, 2.2191));
/// assert_eq!(qn(&[1.0, 2.0], QnEdition::Amendment1)?.scale, 2.2191 * 0.3994);
/// # Ok::<(), eqa::Error>(())
/// ```
#[doc(alias = "Qn")]
pub fn qn(values: &[f64], edition: QnEdition) -> crate::Result<QnEstimate> {
    let needed = match edition {
        QnEdition::Amendment1 => 2,
        QnEdition::Iso2022 => 4,
    };
    check(values, "Qn", needed)?;
    let mut x = values.to_vec();
    x.sort_unstable_by(f64::total_cmp);
    let n = x.len();
    finite(x[n - 1] - x[0], "Qn")?;
    let h = edition.h(n) as u64;
    let k = h * (h - 1) / 2;
    let pairs = Pairs::new(&x, |d| d);
    let difference = pairs
        .smallest_where(|p, v| p.count(v, false) >= k)
        .unwrap_or(0.0);
    let correction = qn_correction(n)?;
    let factor = edition.factor();
    Ok(QnEstimate {
        scale: finite(factor * difference * correction, "Qn")?,
        n,
        k,
        difference,
        factor,
        correction,
        edition,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_statistic_matches_brute_force() {
        let x: [f64; 11] = [3.1, -2.0, 7.5, 0.4, 0.4, 9.9, 1.25, -6.0, 2.0, 5.5, 4.0];
        let mut d = Vec::new();
        for i in 0..x.len() {
            for j in i + 1..x.len() {
                d.push((x[i] - x[j]).abs());
            }
        }
        d.sort_by(f64::total_cmp);
        for edition in QnEdition::ALL {
            let q = qn(&x, *edition).unwrap();
            assert_eq!(q.difference, d[q.k as usize - 1]);
        }
    }

    #[test]
    fn iso2022_needs_four_values() {
        let err = qn(&[1.0, 2.0, 4.0], QnEdition::Iso2022).unwrap_err();
        assert_eq!(err.code(), "too_few_values");
        let x = [1.0, 2.0, 4.0, 7.0, 11.0, 16.0];
        assert_ne!(
            qn(&x, QnEdition::Iso2022).unwrap().scale,
            qn(&x, QnEdition::Amendment1).unwrap().scale
        );
    }

    #[test]
    fn names_round_trip() {
        for e in QnEdition::ALL {
            assert_eq!(e.as_str().parse::<QnEdition>(), Ok(*e));
            assert_eq!(serde_json::to_value(e).unwrap(), e.as_str());
        }
    }
}
