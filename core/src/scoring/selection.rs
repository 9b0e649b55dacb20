//! Which submission counts for each laboratory and analyte, and the
//! evaluations every input value gets, in output order (domain §3.2, §4.5).
//!
//! The counted submission of a (laboratory, analyte) is the submitted one
//! with the highest version sent by the deadline (ties: the later time, then
//! the later in input; no time counts as on time); if none was on time, the
//! highest late one counts and is late. Values that do not count get their
//! verdict here; the counted values, and the samples the counted submission
//! lacks, become [`Item`]s judged later.

use std::sync::Arc;

use crate::plan::model::{Program, Round};
use crate::results::model::Results;
use crate::scoring::intern::{ArcInterner, FastMap};
use crate::scoring::items::{NONE, Selection};
use crate::scoring::layout::{Layout, address};
use crate::scoring::setup::{AliasMaps, AnalyteSetup};

/// Selects the counted submissions and lays out every evaluation.
pub(crate) fn select<'a>(
    results: &'a Results,
    program: &'a Program,
    round: &'a Round,
    setups: &[AnalyteSetup<'a>],
    aliases: &'a AliasMaps,
) -> Selection<'a> {
    let n_analytes = u32::try_from(setups.len()).unwrap_or(u32::MAX);
    let analyte_ids: FastMap<&str, u32> = setups
        .iter()
        .enumerate()
        .filter_map(|(i, s)| Some((s.analyte.code.as_str(), u32::try_from(i).ok()?)))
        .collect();
    let mut labs = ArcInterner::default();
    // (lab, analyte, submission or NONE for an enrolment)
    let mut keyed: Vec<(u32, u32, u32)> = Vec::new();
    let (mut last_analyte, mut last_a): (Option<&Arc<str>>, u32) = (None, 0);
    let (mut program_at, mut round_at) = (0usize, 0usize);
    for (i, s) in results.submissions.iter().enumerate() {
        let same_program = address(&s.program) == program_at || *s.program == *program.code;
        let same_round = address(&s.round) == round_at || *s.round == *round.code;
        if !(same_program && same_round) {
            continue;
        }
        (program_at, round_at) = (address(&s.program), address(&s.round));
        let lab = labs.id(&s.lab);
        let analyte = match last_analyte {
            Some(last) if Arc::ptr_eq(last, &s.analyte) => last_a,
            _ => {
                let a = analyte_ids.get(&*s.analyte).copied().unwrap_or(n_analytes);
                (last_analyte, last_a) = (Some(&s.analyte), a);
                a
            }
        };
        keyed.push((lab, analyte, u32::try_from(i).unwrap_or(NONE)));
    }
    let mut excused_labs: Vec<u32> = Vec::new();
    let mut listed = false;
    for e in results
        .enrollments
        .iter()
        .filter(|e| *e.program == *program.code)
    {
        listed = true;
        let lab = labs.id(&e.lab);
        if e.excused_rounds.iter().any(|r| **r == *round.code) {
            excused_labs.push(lab);
        }
        if e.analytes.is_empty() {
            // Enrolled in the whole program (how a centre records that a
            // laboratory bought the 专业): every analyte.
            keyed.extend((0..n_analytes).map(|a| (lab, a, NONE)));
        }
        for code in &e.analytes {
            if let Some(&a) = analyte_ids.get(&**code) {
                keyed.push((lab, a, NONE));
            }
        }
    }
    if !listed {
        // No enrolment at all: a laboratory is enrolled for what it sent to
        // the program in any round, so that a round it skips is not returned.
        let mut seen: FastMap<(u32, u32), ()> = FastMap::default();
        for s in results
            .submissions
            .iter()
            .filter(|s| *s.program == *program.code)
        {
            if let Some(&a) = analyte_ids.get(&*s.analyte) {
                let lab = labs.id(&s.lab);
                if seen.insert((lab, a), ()).is_none() {
                    keyed.push((lab, a, NONE));
                }
            }
        }
    }
    let mut excused = vec![false; labs.len() + 1];
    for lab in excused_labs {
        excused[lab as usize] = true;
    }
    let mut by_name: Vec<u32> = (1..=u32::try_from(labs.len()).unwrap_or(0)).collect();
    by_name.sort_unstable_by(|a, b| labs.name(*a).cmp(labs.name(*b)));
    let mut rank = vec![0u32; labs.len() + 1];
    for (r, &lab) in by_name.iter().enumerate() {
        rank[lab as usize] = u32::try_from(r).unwrap_or(NONE);
    }
    // By laboratory rank (a counting sort), then analyte and submission.
    let mut starts = vec![0usize; labs.len() + 2];
    for &(lab, _, _) in &keyed {
        starts[rank[lab as usize] as usize + 2] += 1;
    }
    for i in 2..starts.len() {
        starts[i] += starts[i - 1];
    }
    let mut sorted: Vec<(u64, u32)> = vec![(0, 0); keyed.len()];
    for &(lab, a, sub) in &keyed {
        let r = rank[lab as usize];
        let slot = &mut starts[r as usize + 1];
        sorted[*slot] = ((u64::from(r) << 32) | u64::from(a), sub);
        *slot += 1;
    }
    drop(keyed);
    for w in starts.windows(2) {
        if let Some(part) = sorted.get_mut(w[0]..w[1]) {
            part.sort_unstable();
        }
    }

    let mut out = Layout::new(results, round, setups, aliases);
    let lab_of = |rank_and_a: u64| by_name[(rank_and_a >> 32) as usize];
    let mut start = 0;
    while start < sorted.len() {
        let key = sorted[start].0;
        let end = sorted[start..]
            .iter()
            .position(|&(k, _)| k != key)
            .map_or(sorted.len(), |n| start + n);
        out.set_subs(
            sorted[start..end]
                .iter()
                .map(|&(_, s)| s)
                .filter(|&s| s != NONE),
        );
        let (lab, analyte) = (lab_of(key), (key & 0xffff_ffff) as u32);
        let lab_code = labs.arc(lab).cloned().unwrap_or_else(|| Arc::from(""));
        if analyte == n_analytes {
            out.not_in_plan(&lab_code);
        } else {
            out.slot(lab, &lab_code, analyte, excused[lab as usize]);
        }
        start = end;
    }
    let mut selection = out.finish();
    selection.labs = labs;
    selection
}
