//! Targets (靶值) of every peer group of a round (domain §4.8).
//!
//! * [`TargetPolicy::Consensus`]: the estimator on the group's numbers (see
//!   [`TargetEstimator::estimate`]); an estimator error (fewer than two
//!   results, say) leaves the group without a target, and its values are not
//!   scored ([`Reason::NoConsensus`]). A consensus or agreement policy on a
//!   non-quantitative analyte is an agreement of 80 %; an agreement policy on
//!   a quantitative analyte is Algorithm A.
//! * [`TargetPolicy::ExpertLabs`]: the estimator on the expert laboratories'
//!   results only (an agreement of 80 % of them for categories).
//! * [`TargetPolicy::Given`]: the round's given target of the sample, kept
//!   exact, with its sd and uncertainty; none → [`Reason::NoTarget`].
//! * [`TargetPolicy::Agreement`]: the most frequent answer, if at least
//!   `min_agreement` % of the group agree with it (decided exactly). Under
//!   [`AgreementCount::WithinLimit`] (default) the answers of an ordinal
//!   analyte agree when its grade window around the most frequent grade
//!   holds them, and two grades equally the most frequent give
//!   [`Reason::TiedModes`]; otherwise an answer agrees when it is the same,
//!   and a tie goes to the first in vocabulary order.
//!
//! Warnings: [`TargetWarning::SmallGroup`] below the peer policy's `min_n`
//! (ladder and expert groups); [`TargetWarning::LargeUncertainty`] when
//! u(x_pt) > 0.3·σ_pt (ISO 13528 §9.2), σ_pt being a third of the deviation
//! the acceptance limit allows at the target (the group's sd under a ±k·s
//! limit); [`TargetWarning::ZeroSpread`] when the group's sd is 0, so that
//! no z can be computed;
//! [`TargetWarning::NotConverged`] when the estimator ran out of iterations;
//! [`TargetWarning::Multimodal`] when the kernel density of at least 20
//! results has a second mode at least 15 % as high as the first, set apart
//! by a dip (see the `modality` module: at most 4 % of normal groups of
//! 20–500 are flagged).

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::plan::limits::AcceptanceLimit;
use crate::plan::model::{Program, Round};
use crate::plan::reported::{Reading, from_f64, to_f64};
use crate::plan::target_policy::{AgreementCount, TargetEstimator, TargetPolicy};
use crate::results::model::Results;
use crate::scoring::intern::FastMap;
use crate::scoring::model::{PeerGroup, Reason, TargetWarning};
use crate::scoring::peer_groups::Groups;
use crate::scoring::setup::{AnalyteSetup, Vocabulary};
use crate::stats::modality::multimodal;
use crate::stats::order::median_of;

/// The target of a group as judging uses it.
#[derive(Debug, Clone, Default)]
pub(crate) struct GroupTarget {
    /// The analyte's index in the program.
    pub(crate) analyte: u32,
    /// The target.
    pub(crate) value: Option<f64>,
    /// The target as an exact decimal, when given (a consensus is made
    /// exact through its shortest decimal text only when needed).
    pub(crate) exact: Option<Decimal>,
    /// The group's standard deviation.
    pub(crate) sd: Option<f64>,
    /// The same, exact, when given.
    pub(crate) sd_exact: Option<Decimal>,
    /// The expected category.
    pub(crate) category: Option<u32>,
    /// Why there is no target, when there is none.
    pub(crate) missing: Option<Reason>,
}

/// A given target of a sample.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Given {
    value: Option<Decimal>,
    category: Option<u32>,
    sd: Option<Decimal>,
    uncertainty: Option<Decimal>,
}

/// The given targets of the round: (analyte, sample) → target.
///
/// # Errors
///
/// [`Error::InvalidDocument`] at `given_targets[i]` for a target of an
/// analyte or sample the round lacks, a second target for a sample, a
/// quantitative target that is not a number, or a category outside the
/// analyte's vocabulary.
/// Each code with its position.
fn numbered<'a>(codes: impl Iterator<Item = &'a str>) -> FastMap<&'a str, u32> {
    let numbered = codes.enumerate();
    numbered
        .filter_map(|(i, c)| Some((c, u32::try_from(i).ok()?)))
        .collect()
}

pub(crate) fn given_targets(
    results: &Results,
    program: &Program,
    round: &Round,
    setups: &[AnalyteSetup<'_>],
    vocabularies: &mut [Vocabulary],
) -> Result<FastMap<(u32, u32), Given>> {
    let mut out = FastMap::default();
    let bad = |i: usize, message: String| Error::InvalidDocument {
        path: format!("given_targets[{i}]"),
        message,
    };
    let analytes = numbered(setups.iter().map(|s| s.analyte.code.as_str()));
    let samples = numbered(round.samples.iter().map(|s| s.code.as_str()));
    for (i, g) in results.given_targets.iter().enumerate() {
        if *g.program != *program.code || *g.round != *round.code {
            continue;
        }
        let a = analytes
            .get(&*g.analyte)
            .copied()
            .ok_or_else(|| bad(i, format!("unknown analyte {:?}", g.analyte)))?;
        let s = samples
            .get(&*g.sample)
            .copied()
            .ok_or_else(|| bad(i, format!("unknown sample {:?}", g.sample)))?;
        let key = (a, s);
        let mut given = Given {
            value: None,
            category: None,
            sd: g.sd,
            uncertainty: g.uncertainty,
        };
        if setups[a as usize].quantitative {
            let Reading::Number(x) = g.value.reading() else {
                return Err(bad(
                    i,
                    format!("the target {:?} is not a number", g.value.text()),
                ));
            };
            given.value = Some(*x);
        } else {
            let id = vocabularies
                .get_mut(a as usize)
                .and_then(|v| v.id(g.value.text()));
            given.category = Some(id.ok_or_else(|| {
                bad(
                    i,
                    format!(
                        "the target {:?} is not in the analyte's vocabulary",
                        g.value.text()
                    ),
                )
            })?);
        }
        if out.insert(key, given).is_some() {
            return Err(bad(
                i,
                format!("a second target for {} sample {}", g.analyte, g.sample),
            ));
        }
    }
    Ok(out)
}

/// The names of the target methods, shared by every group.
struct Methods {
    given: Arc<str>,
    expert_labs: Arc<str>,
    agreement: Arc<str>,
    estimators: [Arc<str>; 4],
}

impl Methods {
    fn new() -> Methods {
        Methods {
            given: Arc::from("given"),
            expert_labs: Arc::from("expert_labs"),
            agreement: Arc::from("agreement"),
            estimators: ["algorithm_a", "q_hampel", "median", "trimmed_mean"].map(Arc::from),
        }
    }

    fn estimator(&self, estimator: TargetEstimator) -> Arc<str> {
        let i = match estimator {
            TargetEstimator::AlgorithmA => 0,
            TargetEstimator::QHampel => 1,
            TargetEstimator::Median => 2,
            TargetEstimator::TrimmedMean { .. } => 3,
        };
        self.estimators[i].clone()
    }
}

/// The peer groups with their targets, and the targets as judging uses them.
pub(crate) fn assign(
    groups: Groups,
    setups: &[AnalyteSetup<'_>],
    given: &FastMap<(u32, u32), Given>,
    vocabularies: &[Vocabulary],
    sample_codes: &[Arc<str>],
) -> (Vec<PeerGroup>, Vec<GroupTarget>) {
    let Groups { drafts, mut values } = groups;
    let mut out = Vec::with_capacity(drafts.len());
    let mut targets = Vec::with_capacity(drafts.len());
    let mut counts: Vec<u32> = Vec::new();
    let mut scratch: Vec<f64> = Vec::new();
    let methods = Methods::new();
    for draft in drafts {
        let setup = &setups[draft.analyte as usize];
        let results = values.get_mut(draft.values.clone()).unwrap_or(&mut []);
        let mut group = PeerGroup {
            analyte: setup.code.clone(),
            sample: sample_codes
                .get(draft.sample as usize)
                .cloned()
                .unwrap_or_else(|| Arc::from("")),
            rung: draft.rung,
            key: draft.key,
            n: results.len(),
            n_used: 0,
            target: None,
            uncertainty: None,
            sd: None,
            cv: None,
            median: None,
            category: None,
            agreement: None,
            method: methods.given.clone(),
            warnings: Vec::new(),
        };
        let mut target = GroupTarget {
            analyte: draft.analyte,
            ..GroupTarget::default()
        };
        let given = given.get(&(draft.analyte, draft.sample));
        if setup.quantitative {
            let context = (setup, given, &methods);
            numeric(&mut group, &mut target, context, results, &mut scratch);
        } else {
            let vocabulary = vocabularies.get(draft.analyte as usize);
            let codes = vocabulary.map_or(&[][..], |v| &v.codes[..]);
            counts.clear();
            counts.resize(codes.len(), 0);
            for &c in results.iter() {
                if let Some(n) = counts.get_mut(c as usize) {
                    *n += 1;
                }
            }
            categorical(
                &mut group,
                &mut target,
                (setup, given, &methods),
                &counts,
                codes,
            );
        }
        if !matches!(setup.target, TargetPolicy::Given) && group.n < setup.peer.min_n {
            group.warnings.push(TargetWarning::SmallGroup);
        }
        if let (Some(u), Some(sigma)) = (group.uncertainty, sigma_pt(setup, &group))
            && u > 0.3 * sigma
        {
            group.warnings.push(TargetWarning::LargeUncertainty);
        }
        if setup.quantitative && group.sd == Some(0.0) {
            group.warnings.push(TargetWarning::ZeroSpread);
        }
        if target.value.is_none() && target.category.is_none() && target.missing.is_none() {
            target.missing = Some(Reason::NoConsensus);
        }
        out.push(group);
        targets.push(target);
    }
    (out, targets)
}

/// σ_pt of a group for the check that u(x_pt) is negligible (ISO 13528
/// §9.2): a third of the deviation the acceptance limit allows at the
/// target (ISO 13528 §8.2, [`LimitFraction::Third`]); the group's SD under a
/// ±k·s limit, or without a limit.
///
/// [`LimitFraction::Third`]: crate::stats::LimitFraction::Third
fn sigma_pt(setup: &AnalyteSetup<'_>, group: &PeerGroup) -> Option<f64> {
    match &setup.limit {
        Some(limit) if limit.is_quantitative() && !limit.needs_sd() => {
            let target = from_f64(group.target?)?;
            let allowed = limit.allowed(target, None).ok()?;
            Some(to_f64(allowed) / 3.0)
        }
        _ => group.sd,
    }
}

/// What a group's target depends on besides its results.
type Context<'c, 'a> = (&'c AnalyteSetup<'a>, Option<&'c Given>, &'c Methods);

fn numeric(
    group: &mut PeerGroup,
    target: &mut GroupTarget,
    (setup, given, methods): Context<'_, '_>,
    numbers: &mut [f64],
    scratch: &mut Vec<f64>,
) {
    if !numbers.is_empty() {
        group.median = Some(median_of(numbers));
    }
    let estimator = match &setup.target {
        TargetPolicy::Given => {
            group.method = methods.given.clone();
            match given.and_then(|g| Some((g, g.value?))) {
                Some((g, value)) => {
                    let (sd, u) = (g.sd.map(to_f64), g.uncertainty.map(to_f64));
                    set(group, target, to_f64(value), sd, u);
                    target.exact = Some(value);
                    target.sd_exact = g.sd;
                }
                None => target.missing = Some(Reason::NoTarget),
            }
            return;
        }
        TargetPolicy::ExpertLabs { estimator, .. } => {
            group.method = methods.expert_labs.clone();
            *estimator
        }
        TargetPolicy::Consensus { estimator } => {
            group.method = methods.estimator(*estimator);
            *estimator
        }
        TargetPolicy::Agreement { .. } => {
            group.method = methods.estimator(TargetEstimator::AlgorithmA);
            TargetEstimator::AlgorithmA
        }
    };
    let Ok(consensus) = estimator.estimate(numbers) else {
        target.missing = Some(Reason::NoConsensus);
        return;
    };
    group.n_used = consensus.n_used;
    let (sd, u) = (Some(consensus.sd), Some(consensus.uncertainty));
    set(group, target, consensus.target, sd, u);
    if !consensus.converged {
        group.warnings.push(TargetWarning::NotConverged);
    }
    if multimodal(numbers, consensus.sd, scratch) {
        group.warnings.push(TargetWarning::Multimodal);
    }
}

fn set(
    group: &mut PeerGroup,
    target: &mut GroupTarget,
    value: f64,
    sd: Option<f64>,
    u: Option<f64>,
) {
    group.target = Some(value);
    group.sd = sd;
    group.uncertainty = u;
    group.cv = sd.filter(|_| value != 0.0).map(|s| 100.0 * s / value.abs());
    target.value = Some(value);
    target.sd = sd;
}

fn categorical(
    group: &mut PeerGroup,
    target: &mut GroupTarget,
    (setup, given, methods): Context<'_, '_>,
    counts: &[u32],
    codes: &[Arc<str>],
) {
    let (min_agreement, count) = match &setup.target {
        TargetPolicy::Given => {
            group.method = methods.given.clone();
            match given.and_then(|g| g.category) {
                Some(c) => {
                    target.category = Some(c);
                    group.category = codes.get(c as usize).cloned();
                }
                None => target.missing = Some(Reason::NoTarget),
            }
            return;
        }
        TargetPolicy::Agreement {
            min_agreement,
            count,
        } => {
            group.method = methods.agreement.clone();
            (*min_agreement, *count)
        }
        TargetPolicy::ExpertLabs { .. } => {
            group.method = methods.expert_labs.clone();
            (Decimal::from(80), AgreementCount::default())
        }
        TargetPolicy::Consensus { .. } => {
            group.method = methods.agreement.clone();
            (Decimal::from(80), AgreementCount::default())
        }
    };
    // Grades agree within the analyte's window; other answers only when equal.
    let window = match (&setup.limit, count) {
        (Some(limit @ AcceptanceLimit::OrdinalWindow { .. }), AgreementCount::WithinLimit) => {
            Some(limit)
        }
        _ => None,
    };
    let n = group.n;
    group.n_used = n;
    let Some((top, &count)) = counts
        .iter()
        .enumerate()
        .rev()
        .max_by_key(|&(_, c)| *c)
        .filter(|_| n > 0)
    else {
        target.missing = Some(Reason::NoConsensus);
        return;
    };
    let count = match window {
        Some(limit) => {
            let modes = counts.iter().filter(|&&c| c == count).count();
            if modes > 1 {
                // Two grades equally the most frequent: no one target.
                target.missing = Some(Reason::TiedModes);
                return;
            }
            let top = u32::try_from(top).unwrap_or(u32::MAX);
            (0u32..)
                .zip(counts)
                .filter(|&(grade, _)| limit.accepts_category(top, grade, setup.negative_grades))
                .map(|(_, &c)| c)
                .sum()
        }
        None => count,
    };
    group.agreement = Some(100.0 * f64::from(count) / n as f64);
    let share = Decimal::from(count) * Decimal::ONE_HUNDRED;
    let needed = Decimal::from(n).checked_mul(min_agreement);
    if needed.is_some_and(|needed| share >= needed) {
        target.category = u32::try_from(top).ok();
        group.category = codes.get(top).cloned();
    } else {
        target.missing = Some(Reason::NoConsensus);
    }
}
