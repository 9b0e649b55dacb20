//! The peer-group ladder (domain §4.8): which results share a target.
//!
//! For each analyte and sample, the results that enter peer groups are the
//! counted, on-time numbers in the analyte's unit (or, for a
//! non-quantitative analyte, the answers in its vocabulary) of laboratories
//! not excused, graded analytes or not. A group of a rung is the set of those
//! results whose values of the rung's fields are equal; a result missing one
//! of the fields cannot use the rung. A value takes its target from the first
//! rung whose group has at least `min_n` results, or else from the last rung
//! whenever its group there has any result (a [`TargetWarning::SmallGroup`]
//! when it has fewer than `min_n`). Values that do not enter groups (late
//! ones scored anyway, censored, unreadable or wrong-unit values, missing
//! samples) find their group the same way by their submission's metadata;
//! a value with no group at all is not scored
//! ([`Reason::GroupTooSmall`](crate::scoring::model::Reason::GroupTooSmall)).
//! A group's statistics use all of its results, not only those of the values
//! that fell back to it.
//!
//! With a given target there is one group per sample (rung 0, no key); with
//! expert laboratories, one group per sample of the experts' results.
//!
//! Metadata are compared by small integer ids: each distinct combination
//! of a submission's fields is interned once, and each rung's key of each
//! combination is computed once, so that counting a rung's groups is an
//! array increment per result.
//!
//! [`TargetWarning::SmallGroup`]: crate::scoring::model::TargetWarning::SmallGroup

use std::ops::Range;
use std::sync::Arc;

use crate::plan::model::LatePolicy;
use crate::plan::peer_policy::GroupField;
use crate::plan::target_policy::TargetPolicy;
use crate::scoring::intern::FastMap;
use crate::scoring::items::{Item, Kind, NONE, Selection};
use crate::scoring::setup::AnalyteSetup;

/// A peer group before its target is assigned.
#[derive(Debug, Clone)]
pub(crate) struct Draft {
    /// The analyte's index in the program.
    pub(crate) analyte: u32,
    /// The sample's index in the round.
    pub(crate) sample: u32,
    /// The rung of the ladder.
    pub(crate) rung: u32,
    /// The rung's fields and the group's values of them.
    pub(crate) key: Vec<(GroupField, Arc<str>)>,
    /// Its results in [`Groups::values`]: numbers, or category ids.
    pub(crate) values: Range<usize>,
}

/// The peer groups of a round, in output order, and their results.
#[derive(Debug, Default)]
pub(crate) struct Groups {
    /// The groups.
    pub(crate) drafts: Vec<Draft>,
    /// The results of every group, one after the other.
    pub(crate) values: Vec<f64>,
}

/// A counted value as grouping sees it, in (analyte, sample) order.
#[derive(Debug, Clone, Copy)]
struct Rec {
    item: u32,
    combo: u32,
    value: f64,
    member: bool,
    needs: bool,
    group: u32,
}

/// One rung of a ladder: the key of each metadata combination.
struct Rung {
    fields: Vec<GroupField>,
    /// Combination → key id, [`NONE`] when a field is missing.
    key_of: Vec<u32>,
    /// Key id → the field ids in rung order.
    keys: Vec<[u32; 5]>,
    count: Vec<u32>,
    group: Vec<u32>,
}

/// A ladder with its rungs' keys.
struct Ladder {
    rungs: Vec<Rung>,
    touched: Vec<(u32, u32)>,
}

impl Ladder {
    fn new(rungs: &[Vec<GroupField>], combos: &[[u32; 5]]) -> Ladder {
        let rungs = rungs
            .iter()
            .map(|rung| {
                let mut fields: Vec<GroupField> = Vec::with_capacity(rung.len());
                for &f in rung {
                    if !fields.contains(&f) && fields.len() < 5 {
                        fields.push(f);
                    }
                }
                let mut ids: FastMap<[u32; 5], u32> = FastMap::default();
                let mut keys = Vec::new();
                let key_of = combos
                    .iter()
                    .map(|combo| {
                        let mut key = [0u32; 5];
                        for (slot, f) in key.iter_mut().zip(&fields) {
                            *slot = combo[f.index()];
                            if *slot == 0 {
                                return NONE;
                            }
                        }
                        let next = u32::try_from(keys.len()).unwrap_or(NONE);
                        let id = *ids.entry(key).or_insert(next);
                        if id == next {
                            keys.push(key);
                        }
                        id
                    })
                    .collect();
                Rung {
                    count: vec![0; keys.len()],
                    group: vec![NONE; keys.len()],
                    fields,
                    key_of,
                    keys,
                }
            })
            .collect();
        Ladder {
            rungs,
            touched: Vec::new(),
        }
    }
}

/// Whether an item's result enters peer groups.
fn member(item: &Item) -> bool {
    !item.late && !item.excused && matches!(item.kind, Kind::Number(_) | Kind::Category(_))
}

/// Whether an item needs a target.
fn needs_group(item: &Item, late: LatePolicy) -> bool {
    !(item.excused || (item.late && late == LatePolicy::NotReturned))
}

fn value_of(kind: Kind) -> f64 {
    match kind {
        Kind::Number(x) => x,
        Kind::Category(c) => f64::from(c),
        _ => 0.0,
    }
}

/// Forms the peer groups of every analyte and sample, in output order
/// (analyte, sample, rung, key), and sets each item's group.
pub(crate) fn group(
    selection: &mut Selection<'_>,
    setups: &[AnalyteSetup<'_>],
    n_samples: usize,
    late: LatePolicy,
) -> Groups {
    let n_buckets = setups.len() * n_samples;
    let mut starts = vec![0usize; n_buckets + 1];
    for item in &selection.items {
        starts[(item.analyte as usize) * n_samples + (item.sample as usize) + 1] += 1;
    }
    for i in 0..n_buckets {
        starts[i + 1] += starts[i];
    }
    let mut fill = starts.clone();
    let mut recs = vec![
        Rec {
            item: NONE,
            combo: 0,
            value: 0.0,
            member: false,
            needs: false,
            group: NONE,
        };
        selection.items.len()
    ];
    for (i, item) in selection.items.iter().enumerate() {
        let b = (item.analyte as usize) * n_samples + (item.sample as usize);
        recs[fill[b]] = Rec {
            item: u32::try_from(i).unwrap_or(NONE),
            combo: item.combo,
            value: value_of(item.kind),
            member: member(item),
            needs: needs_group(item, late),
            group: NONE,
        };
        fill[b] += 1;
    }
    let mut ladders: Vec<(&[Vec<GroupField>], Ladder)> = Vec::new();
    let mut groups = Groups::default();
    for (a, setup) in setups.iter().enumerate() {
        let experts: Option<Vec<bool>> = match &setup.target {
            TargetPolicy::ExpertLabs { labs, .. } => {
                let mut is = vec![false; selection.labs.len() + 1];
                for code in labs {
                    if let Some(id) = selection.labs.get(code) {
                        is[id as usize] = true;
                    }
                }
                Some(is)
            }
            _ => None,
        };
        let rungs = setup.peer.ladder();
        let ladder = match ladders.iter().position(|(r, _)| *r == rungs) {
            Some(i) => i,
            None => {
                ladders.push((rungs, Ladder::new(rungs, &selection.combos)));
                ladders.len() - 1
            }
        };
        for s in 0..n_samples {
            let b = a * n_samples + s;
            let bucket = &mut recs[starts[b]..starts[b + 1]];
            if bucket.is_empty() {
                continue;
            }
            let at = (
                u32::try_from(a).unwrap_or(u32::MAX),
                u32::try_from(s).unwrap_or(u32::MAX),
            );
            match (&setup.target, &experts) {
                (TargetPolicy::Given, _) => single(bucket, &mut groups, at, |_| true),
                (_, Some(experts)) => {
                    let items = &selection.items;
                    single(bucket, &mut groups, at, |r| {
                        let lab = items.get(r.item as usize).map_or(0, |i| i.lab);
                        experts.get(lab as usize).copied().unwrap_or(false)
                    });
                }
                _ => {
                    let min_n = u32::try_from(setup.peer.min_n).unwrap_or(u32::MAX);
                    let ladder = &mut ladders[ladder].1;
                    climb(ladder, min_n, bucket, &mut groups, at, selection);
                }
            }
            for rec in bucket.iter() {
                if let Some(item) = selection.items.get_mut(rec.item as usize) {
                    item.group = rec.group;
                }
            }
        }
    }
    groups
}

/// One group for the bucket, of the members that `belongs` accepts.
fn single(
    bucket: &mut [Rec],
    groups: &mut Groups,
    (analyte, sample): (u32, u32),
    belongs: impl Fn(&Rec) -> bool,
) {
    if !bucket.iter().any(|r| r.needs) {
        return;
    }
    let index = u32::try_from(groups.drafts.len()).unwrap_or(NONE);
    let start = groups.values.len();
    for rec in bucket.iter_mut() {
        if rec.member && belongs(rec) {
            groups.values.push(rec.value);
        }
        if rec.needs {
            rec.group = index;
        }
    }
    groups.drafts.push(Draft {
        analyte,
        sample,
        rung: 0,
        key: Vec::new(),
        values: start..groups.values.len(),
    });
}

/// The ladder's groups of one bucket.
fn climb(
    ladder: &mut Ladder,
    min_n: u32,
    bucket: &mut [Rec],
    groups: &mut Groups,
    (analyte, sample): (u32, u32),
    selection: &Selection<'_>,
) {
    let Ladder { rungs, touched } = ladder;
    let key = |rung: &Rung, combo: u32| rung.key_of.get(combo as usize).copied().unwrap_or(NONE);
    for rec in bucket.iter().filter(|r| r.member) {
        for (r, rung) in rungs.iter_mut().enumerate() {
            let k = key(rung, rec.combo);
            if let Some(count) = rung.count.get_mut(k as usize) {
                if *count == 0 {
                    touched.push((u32::try_from(r).unwrap_or(NONE), k));
                }
                *count += 1;
            }
        }
    }
    // (rung, key) of each group of the bucket, in order of first use.
    let mut local: Vec<(u32, u32)> = Vec::new();
    let last = rungs.len().saturating_sub(1);
    for rec in bucket.iter_mut().filter(|r| r.needs) {
        for (r, rung) in rungs.iter_mut().enumerate() {
            let k = key(rung, rec.combo);
            let Some(&count) = rung.count.get(k as usize) else {
                continue;
            };
            if count >= min_n || (r == last && count > 0) {
                let g = &mut rung.group[k as usize];
                if *g == NONE {
                    *g = u32::try_from(local.len()).unwrap_or(NONE);
                    local.push((u32::try_from(r).unwrap_or(NONE), k));
                }
                rec.group = *g;
                break;
            }
        }
    }
    if !local.is_empty() {
        let base = groups.values.len();
        let mut next: Vec<usize> = Vec::with_capacity(local.len());
        let mut end = base;
        for &(r, k) in &local {
            next.push(end);
            end += rungs[r as usize].count[k as usize] as usize;
        }
        let starts = next.clone();
        groups.values.resize(end, 0.0);
        for rec in bucket.iter().filter(|r| r.member) {
            for rung in rungs.iter() {
                let k = key(rung, rec.combo);
                if let Some(&g) = rung.group.get(k as usize)
                    && g != NONE
                {
                    groups.values[next[g as usize]] = rec.value;
                    next[g as usize] += 1;
                }
            }
        }
        let names = |r: u32, k: u32| -> Vec<(GroupField, Arc<str>)> {
            let rung = &rungs[r as usize];
            rung.fields
                .iter()
                .zip(rung.keys[k as usize])
                .map(|(&f, id)| {
                    let name = selection.fields[f.index()]
                        .arc(id)
                        .cloned()
                        .unwrap_or_else(|| Arc::from(""));
                    (f, name)
                })
                .collect()
        };
        let mut drafts: Vec<(usize, Draft)> = local
            .iter()
            .enumerate()
            .map(|(g, &(r, k))| {
                let draft = Draft {
                    analyte,
                    sample,
                    rung: r,
                    key: names(r, k),
                    values: starts[g]..next[g],
                };
                (g, draft)
            })
            .collect();
        drafts.sort_by(|(_, x), (_, y)| {
            x.rung
                .cmp(&y.rung)
                .then_with(|| x.key.iter().map(|k| &*k.1).cmp(y.key.iter().map(|k| &*k.1)))
        });
        let first = groups.drafts.len();
        let mut index = vec![NONE; local.len()];
        for (position, (g, _)) in drafts.iter().enumerate() {
            index[*g] = u32::try_from(first + position).unwrap_or(NONE);
        }
        for rec in bucket.iter_mut().filter(|r| r.group != NONE) {
            rec.group = index[rec.group as usize];
        }
        groups.drafts.extend(drafts.into_iter().map(|(_, d)| d));
    }
    for &(r, k) in touched.iter() {
        if let Some(rung) = rungs.get_mut(r as usize) {
            rung.count[k as usize] = 0;
            rung.group[k as usize] = NONE;
        }
    }
    touched.clear();
}
