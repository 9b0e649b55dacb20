//! What scoring needs to know of each analyte of a round, resolved once:
//! its limit, target policy, peer groups and threshold (the analyte's own
//! settings over the program's and the criteria table's), its samples, and
//! its vocabulary. Every setting is checked here, before any value is read.

use std::sync::Arc;

use rust_decimal::Decimal;

use crate::error::{Error, Result};
use crate::plan::criteria::{Criteria, CriteriaTable, Criterion};
use crate::plan::limits::AcceptanceLimit;
use crate::plan::model::{Aliases, Analyte, Plan, Program, ResultType, Round, UnitPolicy};
use crate::plan::model::{check_threshold, fold};
use crate::plan::peer_policy::{GroupField, PeerGroupPolicy};
use crate::plan::reported::to_f64;
use crate::plan::target_policy::{AgreementCount, TargetPolicy};
use crate::plan::units::{UnitMatch, unit_match};
use crate::scoring::intern::FastMap;

/// One analyte of the round, resolved.
#[derive(Debug)]
pub(crate) struct AnalyteSetup<'a> {
    /// The analyte in the plan.
    pub(crate) analyte: &'a Analyte,
    /// Its code, shared by every evaluation.
    pub(crate) code: Arc<str>,
    /// Whether results are numbers.
    pub(crate) quantitative: bool,
    /// The acceptance limit; `None` only for a quantitative analyte without
    /// a criterion.
    pub(crate) limit: Option<AcceptanceLimit>,
    /// The target policy (a consensus of a non-quantitative analyte is an
    /// agreement of 80 %).
    pub(crate) target: TargetPolicy,
    /// The peer-group policy.
    pub(crate) peer: &'a PeerGroupPolicy,
    /// The pass threshold in percent.
    pub(crate) threshold: Decimal,
    /// The CCV of the VIS score, in percent.
    pub(crate) vis_ccv: Option<f64>,
    /// The round's sample indices the analyte is tested on, in round order.
    pub(crate) samples: Vec<u32>,
    /// For each sample of the round, whether the analyte is tested on it.
    pub(crate) tested: Vec<bool>,
    /// How many of the lowest grades read as negative (ordinal analytes).
    pub(crate) negative_grades: usize,
    /// What a result in another unit scores.
    pub(crate) unit_policy: UnitPolicy,
}

/// The categories of a non-quantitative analyte: the vocabulary's codes,
/// or the free-text answers seen (folded), each with an id.
#[derive(Debug, Default)]
pub(crate) struct Vocabulary {
    /// The category of each id.
    pub(crate) codes: Vec<Arc<str>>,
    /// Folded code or alias → id.
    lookup: FastMap<String, u32>,
    /// Whether any answer is a category of its own (free-text nominal).
    free: bool,
}

impl Vocabulary {
    /// The vocabulary of a result type.
    pub(crate) fn of(result_type: &ResultType) -> Vocabulary {
        let mut vocabulary = Vocabulary {
            free: matches!(result_type, ResultType::Nominal { vocabulary } if vocabulary.is_empty()),
            ..Vocabulary::default()
        };
        for (i, category) in result_type.categories().iter().enumerate() {
            let id = u32::try_from(i).unwrap_or(u32::MAX);
            vocabulary.codes.push(Arc::from(category.code.as_str()));
            for word in std::iter::once(&category.code).chain(&category.aliases) {
                vocabulary.lookup.entry(fold(word)).or_insert(id);
            }
        }
        vocabulary
    }

    /// The id of the category a reported text means, if any.
    pub(crate) fn id(&mut self, text: &str) -> Option<u32> {
        let word = fold(text);
        if let Some(&id) = self.lookup.get(&word) {
            return Some(id);
        }
        if !self.free || word.is_empty() {
            return None;
        }
        let id = u32::try_from(self.codes.len()).unwrap_or(u32::MAX);
        self.codes.push(Arc::from(word.as_str()));
        self.lookup.insert(word, id);
        Some(id)
    }
}

/// The analytes of a program's round, in plan order.
///
/// # Errors
///
/// [`Error::InvalidParameter`] for a setting out of its domain: a pass
/// threshold outside 0–100, a peer-group minimum of 0, a bad estimator or
/// agreement, a limit with a non-positive number, a CCV that is not
/// positive, or a limit of the wrong kind for the analyte's result type.
pub(crate) fn analytes<'a>(
    plan: &'a Plan,
    criteria: &'a Criteria,
    program: &'a Program,
    round: &'a Round,
) -> Result<Vec<AnalyteSetup<'a>>> {
    let scoring = &program.scoring;
    scoring.check()?;
    let positions: FastMap<&str, u32> = (round.samples.iter().enumerate())
        .filter_map(|(i, s)| Some((s.code.as_str(), u32::try_from(i).ok()?)))
        .collect();
    program
        .analytes
        .iter()
        .map(|analyte| {
            let own = &analyte.scoring;
            let quantitative = matches!(analyte.result_type, ResultType::Quantitative);
            let criterion =
                criteria.find(&plan.provider.code, plan.year, &program.code, &analyte.code);
            let found = criterion
                .map(|(table, criterion)| criterion_limit(criteria, table, criterion, analyte))
                .transpose()?;
            let criterion_threshold = criterion.and_then(|(_, c)| c.pass_threshold);
            let default = match analyte.result_type {
                ResultType::Quantitative => None,
                ResultType::Ordinal { .. } => Some(AcceptanceLimit::OrdinalWindow {
                    down: 1,
                    up: 1,
                    negative_exact: true,
                }),
                _ => Some(AcceptanceLimit::Categorical),
            };
            let limit = own.limit.clone().or(found).or(default);
            if let Some(limit) = &limit {
                limit.check()?;
                fits(analyte, limit)?;
            }
            let mut target = own.target.clone().unwrap_or_else(|| scoring.target.clone());
            if !quantitative && matches!(target, TargetPolicy::Consensus { .. }) {
                target = TargetPolicy::Agreement {
                    min_agreement: Decimal::from(80),
                    count: AgreementCount::default(),
                };
            }
            target.check()?;
            let peer = own.peer.as_ref().unwrap_or(&scoring.peer);
            peer.check()?;
            let threshold = own
                .pass_threshold
                .or(criterion_threshold)
                .unwrap_or(scoring.pass_threshold);
            check_threshold(threshold)?;
            let vis_ccv = match own.vis_ccv {
                Some(ccv) if ccv > Decimal::ZERO => Some(to_f64(ccv)),
                Some(ccv) => {
                    return Err(Error::InvalidParameter {
                        name: "vis_ccv",
                        value: ccv.to_string(),
                        expected: "a positive coefficient of variation in percent",
                    });
                }
                None => None,
            };
            let mut tested = vec![false; round.samples.len()];
            let samples: Vec<u32> = round
                .samples_for(&analyte.code)
                .iter()
                .filter_map(|s| positions.get(s.code.as_str()).copied())
                .collect();
            for &s in &samples {
                if let Some(t) = tested.get_mut(s as usize) {
                    *t = true;
                }
            }
            Ok(AnalyteSetup {
                analyte,
                code: Arc::from(analyte.code.as_str()),
                quantitative,
                limit,
                target,
                peer,
                threshold,
                vis_ccv,
                samples,
                tested,
                unit_policy: scoring.unit,
                negative_grades: match analyte.result_type {
                    ResultType::Ordinal {
                        negative_grades, ..
                    } => negative_grades,
                    _ => 0,
                },
            })
        })
        .collect()
}

/// A criterion's limit in the analyte's unit: as it is when the units are
/// the same (however spelled), when either is not given, or when the limit
/// has no part in a unit; converted with the analyte's factor otherwise.
///
/// # Errors
///
/// [`Error::InvalidDocument`] naming the criterion's unit when its limit
/// has a part in a unit that cannot be converted to the analyte's.
fn criterion_limit(
    criteria: &Criteria,
    table: &CriteriaTable,
    criterion: &Criterion,
    analyte: &Analyte,
) -> Result<AcceptanceLimit> {
    let limit = &criterion.limit;
    let (Some(from), Some(to)) = (criterion.unit.as_deref(), analyte.unit.as_deref()) else {
        return Ok(limit.clone());
    };
    if !limit.has_absolute_part() {
        return Ok(limit.clone());
    }
    let path = || {
        let t = criteria.tables.iter().position(|t| std::ptr::eq(t, table));
        let c = table
            .criteria
            .iter()
            .position(|c| std::ptr::eq(c, criterion));
        format!(
            "tables[{}].criteria[{}].unit",
            t.unwrap_or(0),
            c.unwrap_or(0)
        )
    };
    match unit_match(&analyte.code, from, to) {
        UnitMatch::Same => Ok(limit.clone()),
        UnitMatch::Convertible(conversion) => {
            limit
                .converted(|x| conversion.apply(x))
                .map_err(|e| Error::InvalidDocument {
                    path: path(),
                    message: format!(
                        "the limit of {} cannot be converted from {from} to {to}: {e}",
                        criterion.analyte
                    ),
                })
        }
        UnitMatch::Different => Err(Error::InvalidDocument {
            path: path(),
            message: format!(
                "the limit of {} is in {from}, which cannot be converted to the analyte's \
                 unit {to}",
                criterion.analyte
            ),
        }),
    }
}

/// The criteria table a program's round is scored with.
pub(crate) fn table<'a>(
    plan: &Plan,
    criteria: &'a Criteria,
    program: &str,
) -> Option<&'a CriteriaTable> {
    criteria
        .tables
        .iter()
        .filter(|t| t.provider == plan.provider.code && t.year <= plan.year)
        .filter(|t| t.programs.iter().any(|p| p == program))
        .max_by_key(|t| t.year)
}

/// Whether a limit suits the analyte: a quantitative limit for numbers, a
/// grade window or a category match for grades, a category match otherwise.
fn fits(analyte: &Analyte, limit: &AcceptanceLimit) -> Result<()> {
    let ok = match analyte.result_type {
        ResultType::Quantitative => limit.is_quantitative(),
        ResultType::Ordinal { .. } => !limit.is_quantitative(),
        ResultType::Qualitative { .. } | ResultType::Nominal { .. } => {
            matches!(limit, AcceptanceLimit::Categorical)
        }
    };
    if ok {
        Ok(())
    } else {
        Err(Error::InvalidParameter {
            name: "limit",
            value: format!("{} for analyte {}", limit.kind(), analyte.code),
            expected: "a quantitative limit for numbers, ordinal_window or categorical for \
                       grades, categorical for categories and names",
        })
    }
}

/// The plan's alias tables, ready for lookups: for each peer-group field,
/// the folded spelling → the shared name.
#[derive(Debug, Default)]
pub(crate) struct AliasMaps {
    by_field: [Option<FastMap<String, Arc<str>>>; 5],
}

impl AliasMaps {
    /// The maps of a plan's aliases.
    pub(crate) fn of(aliases: &Aliases) -> AliasMaps {
        let mut maps = AliasMaps::default();
        for (field, table) in aliases.tables() {
            if table.is_empty() {
                continue;
            }
            let map = table
                .iter()
                .map(|(spelling, name)| (fold(spelling), Arc::from(name.as_str())))
                .collect();
            maps.by_field[field.index()] = Some(map);
        }
        maps
    }

    /// The name `value` of `field` stands for.
    pub(crate) fn name<'m>(&'m self, field: GroupField, value: &'m Arc<str>) -> &'m Arc<str> {
        match &self.by_field[field.index()] {
            Some(map) => map.get(&fold(value)).unwrap_or(value),
            None => value,
        }
    }
}
