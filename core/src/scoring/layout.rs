//! Laying out the evaluations of a round, slot by slot (a laboratory and
//! an analyte): which submission counts (see [`crate::scoring::selection`]), the
//! verdicts of the values that do not count, the counted values as items,
//! and everything in output order. A slot whose counted submission has one
//! value per sample in round order, the usual case, is written straight
//! out; any other is sorted first.

use std::sync::Arc;

use crate::plan::model::Round;
use crate::plan::reported::Reported;
use crate::results::model::{Results, Status, Submission};
use crate::scoring::intern::{ArcInterner, FastMap};
use crate::scoring::items::{Item, NONE, Selection, Slot, SlotState};
use crate::scoring::model::{Evaluation, Reason, Verdict};
use crate::scoring::setup::{AliasMaps, AnalyteSetup, Vocabulary};

mod counted;

/// Where an evaluation goes in output order: unknown analytes by code,
/// then samples in round order (unknown samples last, by code), then row
/// (none first), then input order.
type Order<'a> = (Option<&'a str>, u32, Option<&'a str>, u64, u32);

/// A value waiting for its place.
struct Entry<'a> {
    order: Order<'a>,
    eval: Evaluation,
    item: Option<Item>,
}

/// The evaluations of a round being laid out, slot by slot.
pub(crate) struct Layout<'a, 's> {
    results: &'a Results,
    round: &'a Round,
    sample_codes: Vec<Arc<str>>,
    sample_ids: FastMap<&'a str, u32>,
    setups: &'s [AnalyteSetup<'a>],
    aliases: &'a AliasMaps,
    selection: Selection<'a>,
    combo_ids: FastMap<[u32; 5], u32>,
    last_combo: Option<([u32; 5], u32)>,
    entries: Vec<Entry<'a>>,
    seen: Vec<bool>,
    subs: Vec<u32>,
    /// Whether evaluations go straight out (see [`Layout::emit`]).
    direct: bool,
    /// For each sample of the round, the address of a shared code known to
    /// equal it.
    sample_addresses: Vec<usize>,
}

/// The address of a shared string.
pub(crate) fn address(s: &Arc<str>) -> usize {
    Arc::as_ptr(s).cast::<u8>() as usize
}

/// An evaluation of a value with no verdict yet.
fn blank(
    lab: &Arc<str>,
    analyte: &Arc<str>,
    sample: Arc<str>,
    value: Option<&Reported>,
    row: Option<u32>,
) -> Evaluation {
    Evaluation {
        lab: lab.clone(),
        analyte: analyte.clone(),
        sample,
        row,
        verdict: Verdict::NotCounted,
        reason: None,
        value: value.and_then(Reported::as_f64),
        converted_unit: None,
        target: None,
        allowed: None,
        bias: None,
        bias_percent: None,
        z: None,
        expected: None,
        vis: None,
        group: None,
    }
}

impl<'a, 's> Layout<'a, 's> {
    /// An empty layout of a round.
    pub(crate) fn new(
        results: &'a Results,
        round: &'a Round,
        setups: &'s [AnalyteSetup<'a>],
        aliases: &'a AliasMaps,
    ) -> Self {
        let values = results.value_count();
        Layout {
            results,
            round,
            sample_codes: round
                .samples
                .iter()
                .map(|s| Arc::from(s.code.as_str()))
                .collect(),
            sample_ids: round
                .samples
                .iter()
                .enumerate()
                .filter_map(|(i, s)| Some((s.code.as_str(), u32::try_from(i).ok()?)))
                .collect(),
            setups,
            aliases,
            selection: Selection {
                evaluations: Vec::with_capacity(values + values / 8),
                items: Vec::with_capacity(values + values / 8),
                slots: Vec::new(),
                labs: ArcInterner::default(),
                fields: Default::default(),
                combos: Vec::new(),
                vocabularies: setups
                    .iter()
                    .map(|s| Vocabulary::of(&s.analyte.result_type))
                    .collect(),
            },
            combo_ids: FastMap::default(),
            last_combo: None,
            entries: Vec::new(),
            seen: vec![false; round.samples.len()],
            subs: Vec::new(),
            direct: false,
            sample_addresses: vec![0; round.samples.len()],
        }
    }

    /// The selection laid out.
    pub(crate) fn finish(self) -> Selection<'a> {
        self.selection
    }

    /// The submissions (indices in the results) of the next slot.
    pub(crate) fn set_subs(&mut self, subs: impl Iterator<Item = u32>) {
        self.subs.clear();
        self.subs.extend(subs);
    }
}

impl<'a> Layout<'a, '_> {
    fn submission(&self, sub: u32) -> Option<&'a Submission> {
        self.results.submissions.get(sub as usize)
    }

    /// The sample's index in the round (if it is one), its shared code and
    /// its code for ordering when it is unknown; `guess` is where it should
    /// be.
    fn sample_of(
        &mut self,
        code: &'a Arc<str>,
        guess: Option<u32>,
    ) -> (Option<u32>, Arc<str>, u32, Option<&'a str>) {
        let at = address(code);
        let found = guess
            .filter(|&g| {
                let g = g as usize;
                self.sample_addresses.get(g) == Some(&at)
                    || self.sample_codes.get(g).is_some_and(|c| **c == **code)
            })
            .or_else(|| self.sample_ids.get(&**code).copied());
        match found {
            Some(i) => {
                if let Some(a) = self.sample_addresses.get_mut(i as usize) {
                    *a = at;
                }
                let shared = self
                    .sample_codes
                    .get(i as usize)
                    .cloned()
                    .unwrap_or_else(|| code.clone());
                (Some(i), shared, i, None)
            }
            None => (None, code.clone(), u32::MAX, Some(&**code)),
        }
    }

    /// Every value of submissions of an analyte the program lacks.
    pub(crate) fn not_in_plan(&mut self, lab: &Arc<str>) {
        for k in 0..self.subs.len() {
            let sub = self.subs[k];
            let Some(s) = self.submission(sub) else {
                continue;
            };
            for v in &s.values {
                let (_, sample, ord, unknown) = self.sample_of(&v.sample, None);
                let mut eval = blank(lab, &s.analyte, sample, Some(&v.value), Some(v.row));
                eval.reason = Some(Reason::NotInPlan);
                let order = (Some(&*s.analyte), ord, unknown, u64::from(v.row) + 1, sub);
                self.entries.push(Entry {
                    order,
                    eval,
                    item: None,
                });
            }
        }
        self.flush();
    }

    /// The evaluations of an enrolled (laboratory, analyte).
    pub(crate) fn slot(&mut self, lab: u32, lab_code: &Arc<str>, analyte: u32, excused: bool) {
        let setups = self.setups;
        let setup = &setups[analyte as usize];
        let deadline = self.round.deadline;
        let on_time = |s: &Submission| s.submitted_at.is_none_or(|t| t <= deadline);
        let mut best_on_time: Option<(u32, &Submission)> = None;
        let mut best_late: Option<(u32, &Submission)> = None;
        for &i in &self.subs {
            let Some(s) = self.submission(i) else {
                continue;
            };
            if s.status != Status::Submitted {
                continue;
            }
            let best = if on_time(s) {
                &mut best_on_time
            } else {
                &mut best_late
            };
            let better = best.is_none_or(|(j, b)| {
                (s.version, s.submitted_at, i) > (b.version, b.submitted_at, j)
            });
            if better {
                *best = Some((i, s));
            }
        }
        let counted = best_on_time.or(best_late);
        let counted_late = best_on_time.is_none() && best_late.is_some();
        let first = self.selection.evaluations.len();
        let single = self.subs.len() == 1 && counted.is_some();
        if !(single && self.in_order(setup, counted)) {
            for k in 0..self.subs.len() {
                let sub = self.subs[k];
                let Some(s) = self.submission(sub) else {
                    continue;
                };
                let reason = match counted {
                    Some((c, _)) if c == sub => None,
                    _ if s.status == Status::Draft => Some(Reason::Draft),
                    Some(_) if !counted_late && !on_time(s) => Some(Reason::AfterDeadline),
                    Some((_, c)) if c.version == s.version => Some(Reason::Duplicate),
                    _ => Some(Reason::Superseded),
                };
                match reason {
                    Some(reason) => self.not_counted(lab_code, setup, s, sub, reason),
                    None => self.counted(lab, lab_code, analyte, s, sub, counted_late, excused),
                }
            }
            if counted.is_none() {
                self.not_returned(lab_code, setup, excused);
            }
            self.flush();
        } else if let Some((sub, s)) = counted {
            self.direct = true;
            self.counted(lab, lab_code, analyte, s, sub, counted_late, excused);
            self.direct = false;
        }
        let state = if excused {
            SlotState::Excused
        } else if counted.is_some() {
            SlotState::Counted { late: counted_late }
        } else {
            SlotState::NotReturned
        };
        self.selection.slots.push(Slot {
            lab,
            analyte,
            evals: first..self.selection.evaluations.len(),
            state,
        });
    }

    /// Whether the counted submission has exactly one value per sample of
    /// the analyte, in round order, so that its evaluations need no sorting.
    fn in_order(&self, setup: &AnalyteSetup<'_>, counted: Option<(u32, &Submission)>) -> bool {
        let Some((_, s)) = counted else { return false };
        s.values.len() == setup.samples.len()
            && s.values.iter().zip(&setup.samples).all(|(v, &i)| {
                let i = i as usize;
                self.sample_addresses.get(i) == Some(&address(&v.sample))
                    || self.sample_codes.get(i).is_some_and(|c| **c == *v.sample)
            })
    }

    fn not_returned(&mut self, lab: &Arc<str>, setup: &AnalyteSetup<'a>, excused: bool) {
        for &i in &setup.samples {
            let code = self
                .sample_codes
                .get(i as usize)
                .cloned()
                .unwrap_or_else(|| Arc::from(""));
            let mut eval = blank(lab, &setup.code, code, None, None);
            (eval.verdict, eval.reason) = if excused {
                (Verdict::NotScored, Some(Reason::Excused))
            } else {
                (Verdict::NotReturned, Some(Reason::NoSubmission))
            };
            self.entries.push(Entry {
                order: (None, i, None, 0, NONE),
                eval,
                item: None,
            });
        }
    }

    fn not_counted(
        &mut self,
        lab: &Arc<str>,
        setup: &AnalyteSetup<'a>,
        s: &'a Submission,
        sub: u32,
        reason: Reason,
    ) {
        for v in &s.values {
            let (_, sample, ord, unknown) = self.sample_of(&v.sample, None);
            let mut eval = blank(lab, &setup.code, sample, Some(&v.value), Some(v.row));
            eval.reason = Some(reason);
            let order = (None, ord, unknown, u64::from(v.row) + 1, sub);
            self.entries.push(Entry {
                order,
                eval,
                item: None,
            });
        }
    }

    /// A value's evaluation: straight out when the slot's values are already
    /// in order, else pending.
    fn emit(&mut self, entry: Entry<'a>) {
        if self.direct {
            self.push(entry.eval, entry.item);
        } else {
            self.entries.push(entry);
        }
    }

    fn push(&mut self, eval: Evaluation, item: Option<Item>) {
        let index = u32::try_from(self.selection.evaluations.len()).unwrap_or(NONE);
        self.selection.evaluations.push(eval);
        if let Some(mut item) = item {
            item.eval = index;
            self.selection.items.push(item);
        }
    }

    /// Moves the pending evaluations out in order.
    fn flush(&mut self) {
        self.entries.sort_by(|a, b| a.order.cmp(&b.order));
        self.flush_in_order();
    }

    /// Moves the pending evaluations out as they are.
    fn flush_in_order(&mut self) {
        let mut entries = std::mem::take(&mut self.entries);
        for entry in entries.drain(..) {
            self.push(entry.eval, entry.item);
        }
        self.entries = entries;
    }
}
