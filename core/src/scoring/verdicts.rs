//! The verdict on each counted value (domain §4.1, §4.5, §4.6).
//!
//! In order of precedence, a counted value is:
//!
//! 1. [`Reason::Excused`] (not scored) when its laboratory is excused;
//! 2. [`Verdict::Late`] ([`Reason::AfterDeadline`]) when late under
//!    [`LatePolicy::NotReturned`]; under [`LatePolicy::Scored`] it is judged
//!    as below and an acceptable one keeps the reason `AfterDeadline`;
//! 3. not scored when the sample is invalidated for the analyte
//!    ([`Reason::SampleInvalidated`]), the analyte is not graded
//!    ([`Reason::AnalyteNotGraded`]; target and bias are still filled), or a
//!    quantitative analyte has no limit ([`Reason::NoCriterion`]);
//! 4. not scored when no target applies: no peer group with a result
//!    ([`Reason::GroupTooSmall`]), no consensus ([`Reason::NoConsensus`]),
//!    no given target ([`Reason::NoTarget`], also for a ±k·s limit with a
//!    given target without sd);
//! 5. unacceptable when missing ([`Reason::MissingSample`]), in another unit
//!    than the analyte's ([`Reason::WrongUnit`]), unreadable
//!    ([`Reason::UnreadableValue`]) or outside the vocabulary
//!    ([`Reason::OutOfVocabulary`]);
//! 6. judged: a number against the limit ([`LimitCheck`]); a censored
//!    number `<c` (`>c`) is unacceptable when c lies below (above) the target
//!    and c itself is unacceptable, so that the whole half-line is outside
//!    the limit, and otherwise not scored ([`Reason::CensoredValue`]); a
//!    category must be the target's; a grade must lie within the window of
//!    an [`AcceptanceLimit::OrdinalWindow`](crate::plan::limits::AcceptanceLimit::OrdinalWindow) (a negative target needing a
//!    negative grade when `negative_exact`).
//!
//! The evaluation carries the value, target, allowed deviation L(T), bias
//! x − T, bias % (none when T = 0), z = bias/sd (none when sd is 0 or
//! unknown), the expected category, the group and, for an analyte with a
//! CCV, the VIS score.

use crate::error::Result;
use crate::plan::limits::Boundary;
use crate::plan::model::{LatePolicy, Round};
use crate::plan::reported::{Reading, from_f64};
use crate::plan::units::{UnitMatch, unit_match};
use crate::results::model::Results;
use crate::scoring::items::{Item, Kind, NONE};
use crate::scoring::model::{Evaluation, Reason, Verdict};
use crate::scoring::setup::{AnalyteSetup, Vocabulary};
use crate::scoring::targets::GroupTarget;
use crate::scoring::vis::vis_score;

pub use crate::plan::limit_check::LimitCheck;

/// What judging needs besides the items.
pub(crate) struct Judge<'a, 's> {
    /// The analytes.
    pub(crate) setups: &'s [AnalyteSetup<'a>],
    /// The round.
    pub(crate) round: &'a Round,
    /// The results.
    pub(crate) results: &'a Results,
    /// The groups' targets.
    pub(crate) targets: &'s [GroupTarget],
    /// The analytes' vocabularies.
    pub(crate) vocabularies: &'s [Vocabulary],
    /// The boundary rule.
    pub(crate) boundary: Boundary,
    /// The late policy.
    pub(crate) late: LatePolicy,
}

impl Judge<'_, '_> {
    /// Fills the evaluation of every item.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] if a limit or a deviation leaves the decimal range.
    pub(crate) fn judge(&self, items: &[Item], evaluations: &mut [Evaluation]) -> Result<()> {
        let checks = self
            .targets
            .iter()
            .map(|target| self.check(target))
            .collect::<Result<Vec<_>>>()?;
        for item in items {
            let Some(eval) = evaluations.get_mut(item.eval as usize) else {
                continue;
            };
            let setup = &self.setups[item.analyte as usize];
            let (verdict, reason) = self.verdict(item, setup, eval, &checks)?;
            eval.verdict = verdict;
            eval.reason = match (verdict, reason) {
                (Verdict::Acceptable, None) if item.late => Some(Reason::AfterDeadline),
                _ => reason,
            };
        }
        Ok(())
    }

    /// The limit check of a group with a quantitative target.
    fn check(&self, target: &GroupTarget) -> Result<Option<LimitCheck>> {
        let setup = &self.setups[target.analyte as usize];
        match (&setup.limit, target.value) {
            (Some(limit), Some(t))
                if limit.is_quantitative() && (!limit.needs_sd() || target.sd.is_some()) =>
            {
                let check = LimitCheck::with(
                    limit,
                    (t, target.exact),
                    (target.sd, target.sd_exact),
                    self.boundary,
                )?;
                Ok(Some(check))
            }
            _ => Ok(None),
        }
    }

    fn verdict(
        &self,
        item: &Item,
        setup: &AnalyteSetup<'_>,
        eval: &mut Evaluation,
        checks: &[Option<LimitCheck>],
    ) -> Result<(Verdict, Option<Reason>)> {
        use Verdict::{Acceptable, NotScored, Unacceptable};
        if item.excused {
            return Ok((NotScored, Some(Reason::Excused)));
        }
        if item.late && self.late == LatePolicy::NotReturned {
            return Ok((Verdict::Late, Some(Reason::AfterDeadline)));
        }
        let target = (item.group != NONE)
            .then(|| self.targets.get(item.group as usize))
            .flatten();
        eval.group = target.map(|_| item.group);
        let check = checks.get(item.group as usize).and_then(Option::as_ref);
        if let Some(t) = target {
            self.fill(item, setup, t, check, eval);
        }
        let sample = self.round.samples.get(item.sample as usize);
        if sample
            .and_then(|s| s.invalidated_for(&setup.analyte.code))
            .is_some()
        {
            return Ok((NotScored, Some(Reason::SampleInvalidated)));
        }
        if !setup.analyte.graded {
            return Ok((NotScored, Some(Reason::AnalyteNotGraded)));
        }
        let Some(limit) = &setup.limit else {
            return Ok((NotScored, Some(Reason::NoCriterion)));
        };
        let Some(target) = target else {
            return Ok((NotScored, Some(Reason::GroupTooSmall)));
        };
        if let Some(missing) = target.missing {
            return Ok((NotScored, Some(missing)));
        }
        if setup.quantitative && check.is_none() {
            return Ok((NotScored, Some(Reason::NoTarget)));
        }
        let judged = |ok: bool| {
            if ok {
                (Acceptable, None)
            } else {
                (Unacceptable, Some(Reason::OutsideLimit))
            }
        };
        Ok(match item.kind {
            Kind::Missing => (Unacceptable, Some(Reason::MissingSample)),
            Kind::WrongUnit(_) => (Unacceptable, Some(Reason::WrongUnit)),
            Kind::Unreadable => (Unacceptable, Some(Reason::UnreadableValue)),
            Kind::OutOfVocabulary => (Unacceptable, Some(Reason::OutOfVocabulary)),
            Kind::Number(x) => match check {
                // The decimal is read only for a value close to the limit.
                Some(check) => judged(check.acceptable_with(
                    x,
                    || match self.reading(item, setup) {
                        Some(Reading::Number(d)) => d,
                        _ => from_f64(x).unwrap_or_default(),
                    },
                )?),
                None => (NotScored, Some(Reason::NoTarget)),
            },
            Kind::Censored => match (check, self.reading(item, setup)) {
                (Some(check), Some(Reading::Below(c)))
                    if c < check.target()? && !check.acceptable(c)? =>
                {
                    (Unacceptable, Some(Reason::OutsideLimit))
                }
                (Some(check), Some(Reading::Above(c)))
                    if c > check.target()? && !check.acceptable(c)? =>
                {
                    (Unacceptable, Some(Reason::OutsideLimit))
                }
                _ => (NotScored, Some(Reason::CensoredValue)),
            },
            Kind::Category(c) => match target.category {
                Some(t) => judged(limit.accepts_category(t, c, setup.negative_grades)),
                None => (NotScored, Some(Reason::NoConsensus)),
            },
        })
    }

    /// The exact reading of an item's value, in the analyte's unit: a
    /// converted value's number (or censoring limit) converted exactly.
    fn reading(&self, item: &Item, setup: &AnalyteSetup<'_>) -> Option<Reading> {
        let sub = self.results.submissions.get(item.sub as usize)?;
        let reading = sub.values.get(item.value as usize)?.value.reading();
        if !item.converted {
            return Some(reading.clone());
        }
        let (from, to) = (sub.unit.as_deref()?, setup.analyte.unit.as_deref()?);
        let UnitMatch::Convertible(conversion) = unit_match(&setup.code, from, to) else {
            return None;
        };
        let convert = |d| conversion.apply(d).ok();
        match *reading {
            Reading::Number(d) => convert(d).map(Reading::Number),
            Reading::Below(d) => convert(d).map(Reading::Below),
            Reading::Above(d) => convert(d).map(Reading::Above),
            _ => None,
        }
    }

    /// Target, bias, z, allowed deviation and VIS of a value.
    fn fill(
        &self,
        item: &Item,
        setup: &AnalyteSetup<'_>,
        target: &GroupTarget,
        check: Option<&LimitCheck>,
        eval: &mut Evaluation,
    ) {
        eval.target = target.value;
        eval.allowed = check.map(LimitCheck::allowed);
        if let Some(c) = target.category {
            eval.expected = self
                .vocabularies
                .get(item.analyte as usize)
                .and_then(|v| v.codes.get(c as usize))
                .cloned();
        }
        let (Kind::Number(x), Some(t)) = (item.kind, target.value) else {
            return;
        };
        let bias = x - t;
        eval.bias = Some(bias);
        eval.bias_percent = (t != 0.0).then(|| 100.0 * bias / t);
        eval.z = target.sd.filter(|&s| s > 0.0).map(|s| bias / s);
        if let Some(ccv) = setup.vis_ccv {
            eval.vis = vis_score(x, t, ccv).ok();
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::plan::limits::AcceptanceLimit;

    #[test]
    fn ordinal_windows() {
        let w = AcceptanceLimit::OrdinalWindow {
            down: 1,
            up: 1,
            negative_exact: true,
        };
        assert!(w.accepts_category(2, 3, 1));
        assert!(w.accepts_category(2, 1, 1));
        assert!(!w.accepts_category(2, 4, 1));
        assert!(w.accepts_category(0, 0, 1));
        assert!(!w.accepts_category(0, 1, 1));
        let loose = AcceptanceLimit::OrdinalWindow {
            down: 1,
            up: 1,
            negative_exact: false,
        };
        assert!(loose.accepts_category(0, 1, 1));
        assert!(!AcceptanceLimit::Categorical.accepts_category(0, 1, 1));
    }
}
