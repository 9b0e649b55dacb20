//! The two programs beside `C1` whose results are words, not numbers:
//! blood grouping `Y1` (血型鉴定: ABO group and RhD, exact, 100 % to pass
//! as the criteria table says) and urine dipstick `H3` (尿液干化学: protein,
//! occult blood and leukocytes, within one grade of the most frequent grade,
//! a negative target needing a negative result).
//!
//! A share of the laboratories takes part in each, in the same rounds as
//! `C1`, always on time. Each laboratory reads the dipstick with a tendency
//! of its own: 55 % read the true grade, 35 % one grade higher and 10 % one
//! lower, so a sample's readings spread as in practice and only a grade
//! window brings them to consensus. Some laboratories write the words of the
//! plan's vocabulary (`A型`, `阳性`, `++`) rather than its codes. Each round,
//! 1.5 % of the blood-grouping laboratories type one sample's ABO group
//! wrongly ([`IncidentKind::AboMistyped`]): four of five is 80 %, which
//! fails a program whose criteria table sets 100 %.

use std::collections::BTreeMap;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::plan::{PROVIDER, YEAR, Year, sample};
use super::{Incident, IncidentKind, Random, SAMPLES_PER_ROUND, SyntheticOptions};
use crate::error::{Error, Result};
use crate::plan::criteria::{Criteria, CriteriaTable, Criterion};
use crate::plan::limits::AcceptanceLimit;
use crate::plan::model::{
    Analyte, AnalyteScoring, Category, Program, ProgramScoring, ResultType, Round,
};
use crate::plan::reported::Reported;
use crate::results::model::{Enrollment, SampleValue, Status, Submission};

/// The blood-grouping program.
pub const BLOOD_GROUP: &str = "Y1";
/// The urine dipstick program.
pub const DIPSTICK: &str = "H3";

/// The share of laboratories in each program.
const BLOOD_GROUP_SHARE: f64 = 0.45;
const DIPSTICK_SHARE: f64 = 0.7;
/// The share of blood-grouping laboratories that mistype one ABO group a round.
const MISTYPED: f64 = 0.015;

const TAG_TAKES_PART: u64 = 20;
const TAG_TRUTH: u64 = 21;
const TAG_READS: u64 = 22;
const TAG_MISTYPED: u64 = 23;

/// ABO groups with their share among Han Chinese donors, and the word some
/// laboratories write.
const ABO: [(&str, &str, f64); 4] = [
    ("A", "A型", 0.28),
    ("B", "B型", 0.31),
    ("O", "O型", 0.30),
    ("AB", "AB型", 0.11),
];
/// RhD: the code and the word.
const RHD: [(&str, &str); 2] = [("positive", "阳性"), ("negative", "阴性")];
/// Dipstick grades, lowest first, with the word some laboratories write.
const GRADES: [(&str, &str); 5] = [
    ("-", "阴性"),
    ("±", "+-"),
    ("1+", "+"),
    ("2+", "++"),
    ("3+", "+++"),
];
/// The dipstick analytes: code and name.
const DIPSTICK_ANALYTES: [(&str, &str); 3] =
    [("PRO", "尿蛋白"), ("BLD", "尿隐血"), ("LEU", "尿白细胞")];
/// Dipstick readers: instrument and its share.
const READERS: [(&str, f64); 3] = [
    ("Sysmex UC-3500", 0.4),
    ("DIRUI H-800", 0.35),
    ("URIT-500B", 0.25),
];
/// Blood-grouping methods and their share.
const TYPING: [(&str, f64); 2] = [("微柱凝胶卡法", 0.7), ("试管法", 0.3)];

fn categories(pairs: &[(&str, &str)]) -> Vec<Category> {
    pairs
        .iter()
        .map(|(code, word)| Category {
            code: (*code).into(),
            aliases: vec![(*word).into()],
        })
        .collect()
}

fn word_analyte(code: &str, name: &str, result_type: ResultType) -> Analyte {
    Analyte {
        code: code.into(),
        name: name.into(),
        unit: None,
        result_type,
        graded: true,
        scoring: AnalyteScoring::default(),
    }
}

/// The round list of a program: `C1`'s codes and dates, its own samples
/// (`Y202611`, …).
fn rounds(year: &Year, prefix: &str) -> Vec<Round> {
    year.rounds
        .iter()
        .zip(&year.samples)
        .map(|((code, opens, deadline), samples)| Round {
            code: code.to_string(),
            opens: Some(*opens),
            deadline: *deadline,
            samples: samples
                .iter()
                .map(|s| sample(&format!("{prefix}{s}")))
                .collect(),
            analyte_samples: BTreeMap::new(),
        })
        .collect()
}

/// The two programs, in the rounds of `C1`.
pub(super) fn programs(year: &Year) -> [Program; 2] {
    let abo: Vec<(&str, &str)> = ABO.iter().map(|&(c, w, _)| (c, w)).collect();
    let blood = Program {
        code: BLOOD_GROUP.into(),
        name: "血型鉴定".into(),
        accredited: false,
        analytes: vec![
            word_analyte(
                "ABO",
                "ABO血型",
                ResultType::Nominal {
                    vocabulary: categories(&abo),
                },
            ),
            word_analyte(
                "RHD",
                "RhD血型",
                ResultType::Qualitative {
                    categories: categories(&RHD),
                },
            ),
        ],
        rounds: rounds(year, "Y"),
        // Every result must be right: the program passes at 100 %, as its
        // analytes do by the criteria table.
        scoring: ProgramScoring {
            pass_threshold: Decimal::ONE_HUNDRED,
            ..ProgramScoring::default()
        },
    };
    let dipstick = Program {
        code: DIPSTICK.into(),
        name: "尿液干化学".into(),
        accredited: false,
        analytes: DIPSTICK_ANALYTES
            .iter()
            .map(|&(code, name)| {
                word_analyte(
                    code,
                    name,
                    ResultType::Ordinal {
                        grades: categories(&GRADES),
                        negative_grades: 1,
                    },
                )
            })
            .collect(),
        rounds: rounds(year, "H"),
        scoring: ProgramScoring::default(),
    };
    [blood, dipstick]
}

/// The criteria of the two programs: CLIA's immunohematology table (exact
/// categories, 100 %) adopted by CQCCL for `Y1`, and the provincial ±1
/// grade rule for `H3`.
pub(super) fn criteria() -> Result<[CriteriaTable; 2]> {
    let clia = Criteria::clia_2024()?;
    let immunohematology = clia
        .tables
        .iter()
        .find(|t| t.programs.iter().any(|p| p == "immunohematology"))
        .ok_or_else(|| Error::InvalidDocument {
            path: "tables".into(),
            message: "the CLIA 2024 criteria have no immunohematology table".into(),
        })?;
    let source = "[PROV-old] 《室间质评标准》: urine dipstick, positive target ± 1 grade; \
                  a negative target needs a negative result (domain §5.3)";
    let dipstick = CriteriaTable {
        provider: PROVIDER.into(),
        year: YEAR,
        programs: vec![DIPSTICK.into()],
        name: "CQCCL 2026 urine dipstick: one grade either side".into(),
        source: source.into(),
        criteria: DIPSTICK_ANALYTES
            .iter()
            .map(|&(code, name)| Criterion {
                analyte: code.into(),
                name: name.into(),
                unit: None,
                limit: AcceptanceLimit::OrdinalWindow {
                    down: 1,
                    up: 1,
                    negative_exact: true,
                },
                pass_threshold: None,
                source: source.into(),
                confirmed: false,
                note: "UNCONFIRMED: the negative-target rule is truncated in the source".into(),
            })
            .collect(),
    };
    Ok([
        immunohematology.adopted_by(PROVIDER, YEAR, [BLOOD_GROUP]),
        dipstick,
    ])
}

/// A laboratory in the two programs: the code, and per program its
/// instrument or method (`None` when it does not take part).
struct Taker {
    lab: Arc<str>,
    typing: Option<usize>,
    reader: Option<usize>,
    /// Per dipstick analyte: −1, 0 or +1 grade.
    tendency: [i32; 3],
    /// Whether it writes the vocabulary's words rather than its codes.
    words: bool,
}

fn takers(seed: u64, labs: &[Arc<str>]) -> Vec<Taker> {
    labs.iter()
        .enumerate()
        .map(|(i, lab)| {
            let mut random = Random::new(seed, &[TAG_TAKES_PART, i as u64]);
            let typing = random
                .chance(BLOOD_GROUP_SHARE)
                .then(|| random.pick(&TYPING, |t| t.1));
            let reader = random
                .chance(DIPSTICK_SHARE)
                .then(|| random.pick(&READERS, |r| r.1));
            let tendency = [0; 3].map(|_: i32| match random.uniform() {
                u if u < 0.10 => -1,
                u if u < 0.45 => 1,
                _ => 0,
            });
            Taker {
                lab: lab.clone(),
                typing,
                reader,
                tendency,
                words: random.chance(0.3),
            }
        })
        .collect()
}

/// What the rounds hold: per round, per sample, the ABO index, whether RhD
/// is positive, and per dipstick analyte the grade.
struct Truth {
    abo: [usize; SAMPLES_PER_ROUND],
    rhd_positive: [bool; SAMPLES_PER_ROUND],
    grades: [[usize; SAMPLES_PER_ROUND]; 3],
}

fn truth(seed: u64, round: usize) -> Truth {
    let mut random = Random::new(seed, &[TAG_TRUTH, round as u64]);
    let abo = [0; SAMPLES_PER_ROUND].map(|_: usize| random.pick(&ABO, |a| a.2));
    let rhd_positive = [false; SAMPLES_PER_ROUND].map(|_| random.chance(0.8));
    let grades = [[0; SAMPLES_PER_ROUND]; 3].map(|_| {
        let mut g = [0, 1, 2, 3, 4];
        random.shuffle(&mut g);
        g
    });
    Truth {
        abo,
        rhd_positive,
        grades,
    }
}

/// The submissions, enrolments and incidents of the two programs; values
/// are numbered from `row` on.
pub(super) fn results(
    options: &SyntheticOptions,
    year: &Year,
    labs: &[Arc<str>],
    row: &mut u32,
) -> (Vec<Submission>, Vec<Enrollment>, Vec<Incident>) {
    let takers = takers(options.seed, labs);
    let mut out = Vec::new();
    let mut incidents = Vec::new();
    for (r, (round, opens, _)) in year.rounds.iter().enumerate() {
        let truth = truth(options.seed, r);
        let typers: Vec<usize> = (0..takers.len())
            .filter(|&t| takers[t].typing.is_some())
            .collect();
        let mut random = Random::new(options.seed, &[TAG_MISTYPED, r as u64]);
        let mut order = typers.clone();
        random.shuffle(&mut order);
        let wrong = (MISTYPED * typers.len() as f64).round() as usize;
        let mistyped: Vec<usize> = order.into_iter().take(wrong).collect();
        for (t, taker) in takers.iter().enumerate() {
            let mut random = Random::new(options.seed, &[TAG_READS, t as u64, r as u64]);
            let at = opens.plus_seconds(86_400 + 60 * random.below(19 * 1_440) as i64);
            let mut submit = |program: &str,
                              analyte: &str,
                              instrument: Option<&str>,
                              method: &str,
                              texts: Vec<String>| {
                let samples = &year.samples[r];
                let prefix = &program[..1];
                let values = samples
                    .iter()
                    .zip(texts)
                    .map(|(s, text)| {
                        let value = SampleValue {
                            sample: format!("{prefix}{s}").into(),
                            value: Reported::new(text),
                            row: *row,
                        };
                        *row = row.saturating_add(1);
                        value
                    })
                    .collect();
                out.push(Submission {
                    lab: taker.lab.clone(),
                    program: program.into(),
                    round: round.clone(),
                    analyte: analyte.into(),
                    unit: None,
                    instrument: instrument.map(Into::into),
                    reagent: None,
                    calibrator: None,
                    method: Some(method.into()),
                    status: Status::Submitted,
                    submitted_at: Some(at),
                    version: 1,
                    values,
                });
            };
            if let Some(m) = taker.typing {
                let word =
                    |pair: (&str, &str)| if taker.words { pair.1 } else { pair.0 }.to_owned();
                let mut abo: Vec<usize> = truth.abo.to_vec();
                if mistyped.contains(&t) {
                    let s = random.below(SAMPLES_PER_ROUND);
                    let was = abo[s];
                    abo[s] = (was + 1 + random.below(ABO.len() - 1)) % ABO.len();
                    incidents.push(Incident {
                        kind: IncidentKind::AboMistyped,
                        lab: taker.lab.clone(),
                        round: Some(round.clone()),
                        analytes: vec!["ABO".into()],
                        samples: vec![format!("Y{}", year.samples[r][s]).into()],
                        detail: format!("{} typed as {}", ABO[was].0, ABO[abo[s]].0),
                    });
                }
                let texts = abo.iter().map(|&a| word((ABO[a].0, ABO[a].1))).collect();
                submit(BLOOD_GROUP, "ABO", None, TYPING[m].0, texts);
                let texts = truth
                    .rhd_positive
                    .iter()
                    .map(|&p| word(RHD[usize::from(!p)]))
                    .collect();
                submit(BLOOD_GROUP, "RHD", None, TYPING[m].0, texts);
            }
            if let Some(reader) = taker.reader {
                for (a, (code, _)) in DIPSTICK_ANALYTES.iter().enumerate() {
                    let texts = truth.grades[a]
                        .iter()
                        .map(|&g| {
                            let read = if g == 0 {
                                usize::from(random.chance(0.03))
                            } else {
                                (g as i32 + taker.tendency[a]).clamp(0, 4) as usize
                            };
                            let (code, word) = GRADES[read];
                            if taker.words { word } else { code }.to_owned()
                        })
                        .collect();
                    submit(DIPSTICK, code, Some(READERS[reader].0), "干化学法", texts);
                }
            }
        }
    }
    let enrollments = takers
        .iter()
        .flat_map(|t| {
            let blood = t.typing.map(|_| BLOOD_GROUP);
            let dipstick = t.reader.map(|_| DIPSTICK);
            [blood, dipstick]
                .into_iter()
                .flatten()
                .map(|program| Enrollment {
                    lab: t.lab.clone(),
                    program: program.into(),
                    analytes: Vec::new(),
                    excused_rounds: Vec::new(),
                })
        })
        .collect();
    (out, enrollments, incidents)
}
