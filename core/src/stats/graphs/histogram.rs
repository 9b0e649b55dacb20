//! Histograms of results or scores (ISO 13528:2022 10.2): equal-width bins by
//! a named rule, their edges and counts.

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::stats::sample::{check, finite};
use crate::stats::scale::{quantile, standard_deviation};

/// The most bins a histogram has.
///
/// A given count or width beyond it is refused; a rule (Scott,
/// Freedman–Diaconis) that asks for more, because a far outlier stretches the
/// range, gets this many equal bins instead.
pub const MAX_BINS: usize = 10_000;

/// How the bins of a histogram are chosen.
///
/// Every rule gives equal-width bins from the smallest value up; the rules
/// differ in the width or number of bins. In serialised form a rule is its
/// name (`"sturges"`, `"scott"`, `"freedman_diaconis"`), or `{"width": h}`,
/// or `{"count": k}`.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bins {
    /// Sturges: k = ⌈log₂ n⌉ + 1 bins (default). Suits the 10 to 100
    /// results of a typical round.
    #[default]
    Sturges,
    /// Scott: width h = 3.49 · s · n^(−1/3), with s the standard deviation.
    Scott,
    /// Freedman–Diaconis: width h = 2 · IQR · n^(−1/3), with the quartiles
    /// of [`crate::stats::quantile`]; robust to outliers.
    FreedmanDiaconis,
    /// A given positive width.
    Width(f64),
    /// A given number of bins, 1 to [`MAX_BINS`].
    Count(usize),
}

impl Bins {
    /// Every rule chosen by name alone, in declaration order.
    pub const NAMED: &'static [Bins] = &[Bins::Sturges, Bins::Scott, Bins::FreedmanDiaconis];

    /// The name of the choice: `"sturges"`, `"scott"`, `"freedman_diaconis"`,
    /// `"width"` or `"count"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Bins::Sturges => "sturges",
            Bins::Scott => "scott",
            Bins::FreedmanDiaconis => "freedman_diaconis",
            Bins::Width(_) => "width",
            Bins::Count(_) => "count",
        }
    }
}

impl std::fmt::Display for Bins {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Bins {
    type Err = Error;

    /// A rule by its name; a width or count is given as a number, not a name.
    fn from_str(s: &str) -> Result<Self> {
        match s {
            "sturges" => Ok(Bins::Sturges),
            "scott" => Ok(Bins::Scott),
            "freedman_diaconis" => Ok(Bins::FreedmanDiaconis),
            _ => Err(Error::InvalidParameter {
                name: "bins",
                value: s.to_owned(),
                expected: "\"sturges\", \"scott\", \"freedman_diaconis\", a width or a count",
            }),
        }
    }
}

/// A histogram: k bins of equal width, their k + 1 edges and k counts.
///
/// Bin i holds the values x with `edges[i] ≤ x < edges[i + 1]`; the last bin
/// is closed on both sides, so the largest value is in it. A value on an
/// inner edge is thus counted in the bin to its right. Every value is counted
/// exactly once: the counts sum to n.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Histogram {
    /// The k + 1 bin edges, increasing; the first is the smallest value.
    pub edges: Vec<f64>,
    /// The number of values in each of the k bins.
    pub counts: Vec<usize>,
    /// The width of the bins (the last edge may lie a rounding error beyond
    /// `edges[0] + k·width`, to take in the largest value).
    pub width: f64,
    /// The number of values n.
    pub n: usize,
    /// The rule asked for.
    pub bins: Bins,
    /// Whether the rule gave no usable width (a zero spread, or a single
    /// value) so that Sturges' count was used instead.
    pub sturges_fallback: bool,
}

/// ⌈log₂ n⌉ for n ≥ 1, in integers.
fn ceil_log2(n: usize) -> usize {
    (usize::BITS - (n - 1).leading_zeros()) as usize
}

/// The histogram of `values` with bins by `bins`.
///
/// # Formula
///
/// With n values from min to max (range R = max − min): Sturges takes
/// k = ⌈log₂ n⌉ + 1 bins of width R/k; Scott a width h = 3.49·s·n^(−1/3);
/// Freedman–Diaconis h = 2·(Q3 − Q1)·n^(−1/3); a width rule then takes
/// k = max(1, ⌈R/h⌉) bins of width h from min. ISO 13528:2022 10.2 leaves the
/// choice open and asks for bins wide enough to show the shape: Sturges is
/// the default. When a rule's width is zero (the spread is zero) Sturges'
/// count is used and the result says so. When all values are equal, the
/// range is taken as [x − W/2, x + W/2] with W the given width, or
/// max(1, |x|).
///
/// # Complexity
///
/// O(n log n) to sort and count.
///
/// # Errors
///
/// [`Error::TooFewValues`] for no values; [`Error::NonFiniteValue`] for a NaN
/// or infinite value; [`Error::InvalidParameter`] for a width that is not
/// positive and finite, a count outside 1 to [`MAX_BINS`], or a width giving
/// more than [`MAX_BINS`] bins or too narrow to separate edges at the
/// values' magnitude; [`Error::Overflow`] when the range exceeds `f64`.
///
/// # Examples
///
/// ```
/// use eqa::{histogram, Bins};
/// let h = histogram(&[1.0, 2.0, 2.0, 3.0, 4.0, 5.0], Bins::Width(1.0))?;
/// assert_eq!(h.edges, [1.0, 2.0, 3.0, 4.0, 5.0]);
/// // 2.0 is on an inner edge: counted to its right; 5.0 in the closed last bin.
/// assert_eq!(h.counts, [1, 2, 1, 2]);
/// let s = histogram(&[1.0, 2.0, 2.0, 3.0, 4.0, 5.0], Bins::Sturges)?;
/// assert_eq!(s.counts.len(), 4); // ⌈log2 6⌉ + 1
/// assert_eq!(s.counts.iter().sum::<usize>(), 6);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn histogram(values: &[f64], bins: Bins) -> Result<Histogram> {
    check(values, "histogram", 1)?;
    let n = values.len();
    let (mut lo, mut hi) = values
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| {
            (lo.min(v), hi.max(v))
        });
    match bins {
        Bins::Width(w) if !(w.is_finite() && w > 0.0) => {
            return Err(Error::InvalidParameter {
                name: "width",
                value: w.to_string(),
                expected: "a positive finite bin width",
            });
        }
        Bins::Count(k) if !(1..=MAX_BINS).contains(&k) => {
            return Err(Error::InvalidParameter {
                name: "count",
                value: k.to_string(),
                expected: "a number of bins from 1 to 10000",
            });
        }
        _ => {}
    }
    if lo == hi {
        let span = match bins {
            Bins::Width(w) => w,
            _ => lo.abs().max(1.0),
        };
        let (a, b) = (lo - 0.5 * span, lo + 0.5 * span);
        lo = finite(a, "histogram")?;
        hi = finite(b, "histogram")?;
    }
    let range = finite(hi - lo, "histogram")?;
    let nf = n as f64;
    // The spreads from the sorted values, so that the order of the input
    // cannot change a sum's rounding.
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    let rule_width = match bins {
        Bins::Scott if n >= 2 => 3.49 * standard_deviation(&sorted)? / libm::cbrt(nf),
        Bins::FreedmanDiaconis => {
            2.0 * (quantile(&sorted, 0.75)? - quantile(&sorted, 0.25)?) / libm::cbrt(nf)
        }
        Bins::Width(w) => w,
        _ => 0.0,
    };
    let mut sturges_fallback = false;
    // (k, width, whether the width is the rule's, so that the edges step by it)
    let (k, width, by_width) = match bins {
        Bins::Count(k) => (k, range / k as f64, false),
        Bins::Sturges => {
            let k = ceil_log2(n) + 1;
            (k, range / k as f64, false)
        }
        Bins::Width(w) => {
            let k = libm::ceil(range / w).max(1.0);
            if k > MAX_BINS as f64 {
                return Err(Error::InvalidParameter {
                    name: "width",
                    value: w.to_string(),
                    expected: "a bin width giving at most 10000 bins over the range",
                });
            }
            (k as usize, w, true)
        }
        Bins::Scott | Bins::FreedmanDiaconis => {
            if rule_width.is_finite() && rule_width > 0.0 {
                let k = libm::ceil(range / rule_width).max(1.0);
                if k <= MAX_BINS as f64 {
                    (k as usize, rule_width, true)
                } else {
                    (MAX_BINS, range / MAX_BINS as f64, false)
                }
            } else {
                sturges_fallback = true;
                let k = ceil_log2(n) + 1;
                (k, range / k as f64, false)
            }
        }
    };
    let mut edges: Vec<f64> = (0..=k).map(|i| lo + i as f64 * width).collect();
    if by_width {
        edges[k] = edges[k].max(hi);
    } else {
        edges[k] = hi;
    }
    finite(edges[k], "histogram")?;
    if edges.windows(2).any(|e| e[1] <= e[0]) {
        return Err(Error::InvalidParameter {
            name: "bins",
            value: format!("{k} bins of width {width}"),
            expected: "bins wide enough to separate their edges at the values' magnitude",
        });
    }
    let mut counts = vec![0usize; k];
    for &v in values {
        let i = edges
            .partition_point(|&e| e <= v)
            .saturating_sub(1)
            .min(k - 1);
        counts[i] += 1;
    }
    Ok(Histogram {
        edges,
        counts,
        width,
        n,
        bins,
        sturges_fallback,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ceil_log2_is_exact() {
        let got: Vec<_> = [1, 2, 3, 4, 5, 8, 9, 34].map(ceil_log2).into();
        assert_eq!(got, [0, 1, 2, 2, 3, 3, 4, 6]);
    }

    #[test]
    fn degenerate_input() {
        let h = histogram(&[3.0; 4], Bins::Sturges).unwrap();
        assert_eq!(h.edges.first(), Some(&1.5));
        assert_eq!(h.edges.last(), Some(&4.5));
        assert_eq!(h.counts.iter().sum::<usize>(), 4);
        let h = histogram(&[3.0; 4], Bins::FreedmanDiaconis).unwrap();
        assert!(h.sturges_fallback);
        let h = histogram(&[0.0], Bins::Width(0.5)).unwrap();
        assert_eq!(
            (h.edges.clone(), h.counts.clone()),
            (vec![-0.25, 0.25], vec![1])
        );
        assert!(histogram(&[1e20; 2], Bins::Width(1.0)).is_err());
        assert!(histogram(&[0.0, 1.0], Bins::Width(1e-9)).is_err());
        assert!(histogram(&[0.0, 1.0], Bins::Count(0)).is_err());
        assert!(histogram(&[-f64::MAX, f64::MAX], Bins::Sturges).is_err());
    }

    #[test]
    fn names_round_trip() {
        for b in Bins::NAMED {
            assert_eq!(b.as_str().parse::<Bins>(), Ok(*b));
        }
        assert!("width".parse::<Bins>().is_err());
    }
}
