//! Bar charts of standardized scores (ISO 13528:2022 10.4): each
//! participant's score with its class, the order of the bars, and the limit
//! lines.

use serde::{Deserialize, Serialize};

use crate::error::Result;
use crate::stats::performance::classification::{ClassificationRule, Performance, classify};
use crate::stats::sample::check;

/// The data of a bar chart of one round's scores.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct ScoreBars {
    /// The scores, in the participants' order (participant i is index i).
    pub scores: Vec<f64>,
    /// The class of each score under the rule.
    pub performance: Vec<Performance>,
    /// The participants from the lowest score to the highest (ties in the
    /// participants' order): draw bar j for participant `order[j]`.
    pub order: Vec<usize>,
    /// The scores in that order.
    pub sorted_scores: Vec<f64>,
    /// The horizontal lines to draw, increasing: −U, −S, S, U for the rule's
    /// satisfactory limit S and unsatisfactory limit U (±2, ±3 for z), or
    /// −S, S when they are equal.
    pub limit_lines: Vec<f64>,
    /// The rule used.
    pub rule: ClassificationRule,
}

/// The data of a bar chart of standardized scores, one bar per participant.
///
/// # Formula
///
/// Each score is classified by `rule` (see [`classify`]); the bars are
/// sorted by score, a stable sort on the IEEE total order (−0 before +0).
/// ISO 13528:2022 10.4 draws the scores of one round as bars, usually sorted,
/// with the action and warning limits as lines.
///
/// # Complexity
///
/// O(n log n).
///
/// # Errors
///
/// [`Error::TooFewValues`](crate::Error::TooFewValues) for no scores;
/// [`Error::NonFiniteValue`](crate::Error::NonFiniteValue) for a NaN or
/// infinite score.
///
/// # Examples
///
/// ```
/// use eqa::{score_bars, ClassificationRule, Performance::*};
/// let bars = score_bars(&[-4.70, 0.15, 2.4, -1.06], &ClassificationRule::z())?;
/// assert_eq!(bars.order, [0, 3, 1, 2]);
/// assert_eq!(bars.sorted_scores, [-4.70, -1.06, 0.15, 2.4]);
/// assert_eq!(bars.performance, [Unsatisfactory, Satisfactory, Questionable, Satisfactory]);
/// assert_eq!(bars.limit_lines, [-3.0, -2.0, 2.0, 3.0]);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn score_bars(scores: &[f64], rule: &ClassificationRule) -> Result<ScoreBars> {
    check(scores, "score bars", 1)?;
    let performance = classify(scores, rule)?;
    let mut order: Vec<usize> = (0..scores.len()).collect();
    order.sort_by(|&i, &j| scores[i].total_cmp(&scores[j]));
    let (s, u) = (rule.satisfactory(), rule.unsatisfactory());
    let limit_lines = if u > s {
        vec![-u, -s, s, u]
    } else {
        vec![-s, s]
    };
    Ok(ScoreBars {
        scores: scores.to_vec(),
        performance,
        sorted_scores: order.iter().map(|&i| scores[i]).collect(),
        order,
        limit_lines,
        rule: *rule,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_band_rules_have_two_lines() {
        let bars = score_bars(&[0.5, -1.5], &ClassificationRule::en()).unwrap();
        assert_eq!(bars.limit_lines, [-1.0, 1.0]);
        assert_eq!(bars.order, [1, 0]);
        assert!(score_bars(&[], &ClassificationRule::z()).is_err());
        assert!(score_bars(&[f64::NAN], &ClassificationRule::z()).is_err());
    }
}
