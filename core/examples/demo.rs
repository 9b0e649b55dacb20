//! The main job: a year of a provincial routine-chemistry program (CQCCL's
//! `C1`, 30 analytes, 3 rounds of 5 samples, 300 laboratories), generated,
//! scored, followed over the year and reported.
//!
//! Run with `cargo run --release -p eqa --example demo [-- OUTPUT_DIR]`; the
//! reports go to `target/eqa-demo/` unless a directory is given.

use std::collections::BTreeMap;
use std::fmt::{Debug, Display};
use std::fs;
use std::path::Path;
use std::time::Instant;

use eqa::history::{CertificatePolicy as Policy, CertificateScope as Scope, certificates};
use eqa::history::{HistoryRule, histories};
use eqa::plan::GroupField;
use eqa::report::{lab_report, round_summary};
use eqa::scoring::{Outcome, Reason, RoundScoring, Verdict};
use eqa::synthetic::{BLOOD_GROUP, DIPSTICK, Incident, IncidentKind as Kind, PROGRAM};
use eqa::synthetic::{Synthetic, SyntheticOptions};

type Failure = Box<dyn std::error::Error>;

const VERDICTS: [Verdict; 6] = [
    Verdict::Acceptable,
    Verdict::Unacceptable,
    Verdict::NotScored,
    Verdict::NotReturned,
    Verdict::Late,
    Verdict::NotCounted,
];
const OUTCOMES: [Outcome; 4] = [
    Outcome::Satisfactory,
    Outcome::Unsatisfactory,
    Outcome::NotReturned,
    Outcome::Late,
];

fn main() -> Result<(), Failure> {
    let out = std::env::args().nth(1).unwrap_or("target/eqa-demo".into());
    let start = Instant::now();
    let data = eqa::synthetic::synthetic_round(&SyntheticOptions::default())?;
    let generated = start.elapsed();
    describe(&data)?;
    println!("generated in {generated:.0?}");
    let start = Instant::now();
    let year = eqa::score_year(&data.plan, &data.criteria, &data.results, PROGRAM)?;
    println!("scored {} rounds in {:.0?}\n", year.len(), start.elapsed());

    println!("values  {}", cells(VERDICTS.map(|v| format!("{v:?}"))));
    for s in &year {
        let n = VERDICTS.map(|v| count(&s.evaluations, |e| e.verdict == v));
        println!("{:<7} {}", s.round, cells(n));
    }
    println!("labs    {}", cells(OUTCOMES.map(|o| format!("{o:?}"))));
    for s in &year {
        let n = OUTCOMES.map(|o| count(&s.program_scores, |p| p.outcome == o));
        println!("{:<7} {}", s.round, cells(n));
    }
    let first = year.first().ok_or("no round")?;
    analyte_table(first, &data)?;
    let words = [BLOOD_GROUP, DIPSTICK]
        .map(|program| eqa::score_year(&data.plan, &data.criteria, &data.results, program));
    let [blood, dipstick] = words;
    let (blood, dipstick) = (blood?, dipstick?);
    word_programs(&data, &[&blood, &dipstick])?;
    let all: Vec<&RoundScoring> = year.iter().chain(&blood).chain(&dipstick).collect();
    incidents(&all, &data);
    over_the_year(&year)?;
    write_reports(Path::new(&out), &data, &year)
}

fn count<T>(items: &[T], test: impl Fn(&T) -> bool) -> usize {
    items.iter().filter(|x| test(x)).count()
}

fn cells<T: Display>(items: impl IntoIterator<Item = T>) -> String {
    items.into_iter().map(|x| format!("{x:>15}")).collect()
}

fn debug(x: impl Debug) -> String {
    format!("{x:?}")
}

/// The plan, the criteria and the size of the results.
fn describe(data: &Synthetic) -> Result<(), Failure> {
    let (plan, results) = (&data.plan, &data.results);
    let program = plan.program(PROGRAM).ok_or("no program C1")?;
    let graded = count(&program.analytes, |a| a.graded);
    println!(
        "{} — {} ({})",
        plan.name, plan.provider.name, plan.provider.code
    );
    let mark = if program.accredited { " ※" } else { "" };
    let (analytes, rounds) = (program.analytes.len(), program.rounds.len());
    let title = format!("program {} {}{mark}", program.code, program.name);
    println!("{title}: {analytes} analytes ({graded} graded), {rounds} rounds");
    for r in &program.rounds {
        let codes: Vec<&str> = r.samples.iter().map(|s| s.code.as_str()).collect();
        let samples = codes.join(" ");
        println!(
            "  round {}: samples {samples}, deadline {}",
            r.code, r.deadline
        );
    }
    let table = data.criteria.tables.first().ok_or("no criteria")?;
    println!("criteria: {}", table.source);
    let labs = count(&results.enrollments, |e| &*e.program == PROGRAM);
    let submissions = results.submissions.len();
    let values = results.value_count();
    print!("{labs} laboratories, {submissions} submissions, {values} values, ");
    Ok(())
}

/// Round 1 per analyte: its limit, peer groups (of the first sample),
/// laboratories, acceptance rate, satisfactory laboratories, and the robust
/// CV (Algorithm A) of all laboratories' counted values, median over the
/// samples.
fn analyte_table(scoring: &RoundScoring, data: &Synthetic) -> Result<(), Failure> {
    let summary = round_summary(scoring)?;
    let program = data.plan.program(PROGRAM).ok_or("no program C1")?;
    let round = program.round(&scoring.round).ok_or("no such round")?;
    let first = round.samples.first().map(|s| s.code.as_str());
    println!("\nround {} per analyte", scoring.round);
    println!(
        "analyte  name                   limit  groups  labs  acceptable  satisfactory  CV% all labs"
    );
    for analyte in &program.analytes {
        let code = analyte.code.as_str();
        let Some(totals) = summary.analytes.iter().find(|t| &*t.analyte == code) else {
            continue;
        };
        let groups = count(&summary.groups, |g| {
            &*g.group.analyte == code && Some(&*g.group.sample) == first
        });
        let found = data.criteria.find("CQCCL", data.plan.year, PROGRAM, code);
        let limit = found.map_or("-".into(), |(_, c)| c.limit.to_string());
        let rate = match totals.scored {
            0 => "-".into(),
            n => format!("{:.1}%", 100.0 * totals.acceptable as f64 / n as f64),
        };
        let mut cvs: Vec<f64> = Vec::new();
        for sample in &round.samples {
            let counted = [
                Verdict::Acceptable,
                Verdict::Unacceptable,
                Verdict::NotScored,
            ];
            let values: Vec<f64> = (scoring.evaluations.iter())
                .filter(|e| &*e.analyte == code && *e.sample == *sample.code)
                .filter(|e| counted.contains(&e.verdict))
                .filter_map(|e| e.value)
                .collect();
            if let Ok(a) = eqa::algorithm_a(&values, &eqa::AlgorithmAOptions::default()) {
                cvs.push(100.0 * a.scale / a.location.abs());
            }
        }
        cvs.sort_by(f64::total_cmp);
        let cv = cvs
            .get(cvs.len() / 2)
            .map_or("-".into(), |c| format!("{c:.2}"));
        let (name, labs, ok) = (pad(&analyte.name), totals.labs, totals.satisfactory_labs);
        println!("{code:<8} {name} {limit:>6} {groups:>7} {labs:>5} {rate:>11} {ok:>13} {cv:>13}");
    }
    Ok(())
}

/// The name padded to 20 columns (a CJK character takes two).
fn pad(name: &str) -> String {
    let used: usize = name.chars().map(|c| 1 + usize::from(c >= '\u{2E80}')).sum();
    format!("{name}{}", " ".repeat(20_usize.saturating_sub(used)))
}

/// The blood-grouping and dipstick programs per round: laboratories and
/// how many are satisfactory, values acceptable / unacceptable / not
/// scored, and the samples whose grades reached a consensus.
fn word_programs(data: &Synthetic, programs: &[&Vec<RoundScoring>]) -> Result<(), Failure> {
    println!(
        "\nprograms of words: labs satisfactory, values acceptable / unacceptable / not scored"
    );
    for scorings in programs {
        for s in scorings.iter() {
            let program = data.plan.program(&s.program).ok_or("no such program")?;
            let ok = count(&s.program_scores, |p| p.outcome == Outcome::Satisfactory);
            let n = VERDICTS.map(|v| count(&s.evaluations, |e| e.verdict == v));
            let agreed = count(&s.groups, |g| g.category.is_some());
            let low = s
                .groups
                .iter()
                .filter_map(|g| g.agreement)
                .fold(100.0, f64::min);
            println!(
                "  {} {} {}: {ok} of {} labs, values {} / {} / {}, \
                 targets for {agreed} of {} groups (lowest agreement {low:.0}%)",
                program.code,
                program.name,
                s.round,
                s.program_scores.len(),
                n[0],
                n[1],
                n[2],
                s.groups.len()
            );
        }
    }
    Ok(())
}

/// How many of each kind of injected incident scoring caught: the program
/// not returned or late, the analyte (GLU, CREA, a biased one, a mistyped
/// ABO group) unsatisfactory, a swapped or shifted value unacceptable,
/// version 1 of a resubmission not counted, another spelling of a unit
/// scored as the unit and of an instrument grouped under its name.
fn incidents(scorings: &[&RoundScoring], data: &Synthetic) {
    println!("\nincidents caught / injected");
    let names: Vec<&str> = data
        .plan
        .aliases
        .instrument
        .values()
        .map(|n| n.as_str())
        .collect();
    let mut tally: BTreeMap<Kind, (usize, usize)> = BTreeMap::new();
    for i in &data.incidents {
        let program = if i.kind == Kind::AboMistyped {
            BLOOD_GROUP
        } else {
            PROGRAM
        };
        let of_round = |s: &&&RoundScoring| {
            &*s.program == program && i.round.as_deref().is_none_or(|r| r == &*s.round)
        };
        let t = tally.entry(i.kind).or_default();
        t.0 += usize::from(
            scorings
                .iter()
                .filter(of_round)
                .any(|s| caught(s, i, &names)),
        );
        t.1 += 1;
    }
    for (kind, (caught, n)) in tally {
        println!("  {:<18} {caught:>3} / {n}", debug(kind));
    }
}

/// Whether a round's scoring shows the incident; `names` are the
/// instrument names of the plan's alias table.
fn caught(s: &RoundScoring, i: &Incident, names: &[&str]) -> bool {
    let program = s.program_scores.iter().find(|p| p.lab == i.lab);
    let outcome = program.map(|p| p.outcome);
    let hit = |lab: &str, analyte: &str, sample: &str| {
        *lab == *i.lab
            && (i.analytes.is_empty() || i.analytes.iter().any(|a| &**a == analyte))
            && (i.samples.is_empty() || i.samples.iter().any(|x| &**x == sample))
    };
    let evaluations = s
        .evaluations
        .iter()
        .filter(|e| hit(&e.lab, &e.analyte, &e.sample));
    let evaluations: Vec<&eqa::scoring::Evaluation> = evaluations.collect();
    let verdicts: Vec<Verdict> = evaluations.iter().map(|e| e.verdict).collect();
    let unacceptable = count(&verdicts, |v| *v == Verdict::Unacceptable);
    let scored = |v: &Verdict| matches!(v, Verdict::Acceptable | Verdict::Unacceptable);
    match i.kind {
        Kind::NotReturned | Kind::DraftOnly | Kind::SilentEnrolment => {
            outcome == Some(Outcome::NotReturned)
        }
        Kind::UnitSpelling => {
            let unit_refused = |e: &&&eqa::scoring::Evaluation| e.reason == Some(Reason::WrongUnit);
            verdicts.iter().any(scored) && !evaluations.iter().any(|e| unit_refused(&e))
        }
        Kind::InstrumentSpelling => evaluations.iter().any(|e| {
            let group = e.group.and_then(|g| s.groups.get(g as usize));
            let keys = group.map_or(&[][..], |g| &g.key[..]);
            keys.iter()
                .any(|(f, v)| *f == GroupField::Instrument && names.contains(&&**v))
        }),
        Kind::AboMistyped => s.analyte_scores.iter().any(|a| {
            *a.lab == *i.lab && &*a.analyte == "ABO" && a.outcome == Outcome::Unsatisfactory
        }),
        Kind::Late => outcome == Some(Outcome::Late),
        Kind::GlucoseInMgDl | Kind::CreatinineInMgDl | Kind::Biased => {
            let failed = |a: &eqa::scoring::AnalyteScore| a.outcome == Outcome::Unsatisfactory;
            s.analyte_scores
                .iter()
                .any(|a| hit(&a.lab, &a.analyte, "") && failed(a))
        }
        Kind::SwappedSamples => unacceptable > 0,
        Kind::Transcription => unacceptable == 1,
        Kind::Resubmitted => verdicts.len() == 2 && verdicts.contains(&Verdict::NotCounted),
    }
}

/// Histories (unsuccessful: 2 consecutive or 2 of 3 unsatisfactory rounds)
/// and certificates.
fn over_the_year(year: &[RoundScoring]) -> Result<(), Failure> {
    let rule = HistoryRule::default();
    let all = histories(year, &rule)?;
    let unsuccessful = count(&all, |h| h.analyte.is_none() && h.unsuccessful);
    let mut by_analyte: BTreeMap<&str, usize> = BTreeMap::new();
    for h in all.iter().filter(|h| h.unsuccessful) {
        if let Some(a) = &h.analyte {
            *by_analyte.entry(a).or_default() += 1;
        }
    }
    let mut worst: Vec<(&str, usize)> = by_analyte.into_iter().collect();
    worst.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let worst: Vec<String> = worst
        .iter()
        .take(8)
        .map(|(a, n)| format!("{a} {n}"))
        .collect();
    println!("\nover the year (unsuccessful: 2 consecutive or 2 of 3 unsatisfactory rounds)");
    println!("  laboratories unsuccessful for the program: {unsuccessful}");
    println!("  analytes most often unsuccessful: {}", worst.join(", "));
    for policy in [Policy::AllRoundsSatisfactory, Policy::NotUnsuccessful] {
        for scope in [Scope::PassedAnalytes, Scope::AllAnalytes] {
            let certs = certificates(PROGRAM, year, policy, scope, &rule)?;
            let eligible = count(&certs, |c| c.eligible);
            let passed: usize = certs
                .iter()
                .filter(|c| c.eligible)
                .map(|c| c.analytes_passed.len())
                .sum();
            let per_lab = passed as f64 / eligible.max(1) as f64;
            let of = certs.len();
            println!(
                "  certificates ({policy}, {scope}): {eligible} of {of} laboratories, \
                 {per_lab:.1} analytes listed on each"
            );
        }
    }
    Ok(())
}

/// Round summaries, three laboratories' reports of round 1, the results,
/// the plan and the incidents.
fn write_reports(out: &Path, data: &Synthetic, year: &[RoundScoring]) -> Result<(), Failure> {
    fs::create_dir_all(out)?;
    let write = |name: String, text: String| fs::write(out.join(name), text);
    for scoring in year {
        let summary = round_summary(scoring)?;
        write(format!("summary-{}.csv", scoring.round), summary.to_csv())?;
        let json = serde_json::to_string_pretty(&summary)?;
        write(format!("summary-{}.json", scoring.round), json)?;
    }
    let first = year.first().ok_or("no round")?;
    let in_first = |i: &&Incident| i.round.as_deref().is_none_or(|r| r == &*first.round);
    let lab_of = |kind: Kind| {
        let mut found = data.incidents.iter().filter(|i| i.kind == kind);
        found.find(in_first).map(|i| &*i.lab)
    };
    let plain = data.results.enrollments.first().map(|e| &*e.lab);
    let labs: Vec<&str> = [plain, lab_of(Kind::Biased), lab_of(Kind::GlucoseInMgDl)]
        .into_iter()
        .flatten()
        .collect();
    for lab in &labs {
        let report = lab_report(&data.results, first, lab)?;
        write(format!("lab-{lab}-{}.csv", first.round), report.to_csv())?;
        let json = serde_json::to_string_pretty(&report)?;
        write(format!("lab-{lab}-{}.json", first.round), json)?;
    }
    write(
        "results.csv".into(),
        eqa::results::results_to_csv(&data.results),
    )?;
    write("plan.json".into(), data.plan.to_json())?;
    write(
        "incidents.json".into(),
        serde_json::to_string_pretty(&data.incidents)?,
    )?;
    let labs = labs.join(", ");
    println!(
        "\nwritten to {}: round summaries, reports of {labs}, results.csv",
        out.display()
    );
    Ok(())
}
