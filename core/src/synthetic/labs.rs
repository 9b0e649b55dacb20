//! The synthetic laboratories: their analyser systems, precision, biases
//! and analytes, and what each does in each round.

use std::sync::Arc;

use super::plan::{ANALYTES, INSTRUMENT_SPELLINGS, Year};
use super::{Incident, IncidentKind, Random, SyntheticOptions};

/// An analyser system of the Chinese market: instrument, reagent, the
/// calibrator, its share of the laboratories (a weight), and the analytes
/// for which it uses the alternative method of [`super::plan::Spec`].
struct System {
    instrument: &'static str,
    reagent: &'static str,
    calibrator: &'static str,
    weight: f64,
    alternative: &'static [&'static str],
}

const fn system(
    instrument: &'static str,
    reagent: &'static str,
    calibrator: &'static str,
    weight: f64,
    alternative: &'static [&'static str],
) -> System {
    System {
        instrument,
        reagent,
        calibrator,
        weight,
        alternative,
    }
}

/// The systems, large ones first; the last few are small enough that their
/// peer groups fall back to a coarser rung.
#[rustfmt::skip]
const SYSTEMS: [System; 15] = [
    system("Roche cobas c702", "罗氏", "罗氏 C.f.a.s.", 20.0, &[]),
    system("Beckman AU5800", "贝克曼库尔特", "贝克曼 系统校准品", 16.0, &[]),
    system("Mindray BS-2000M", "迈瑞", "迈瑞 复合校准品", 14.0, &["CA"]),
    system("Hitachi LABOSPECT 008 AS", "九强", "九强 复合校准品", 9.0, &["TBIL", "DBIL"]),
    system("Siemens Atellica CH 930", "西门子", "西门子 CHEM CAL", 8.0, &["CA", "LDH"]),
    system("Abbott Alinity c", "雅培", "雅培 多项校准品", 7.0, &["CREA"]),
    system("Beckman AU680", "贝克曼库尔特", "贝克曼 系统校准品", 6.0, &[]),
    system("Mindray BS-800M", "迈瑞", "迈瑞 复合校准品", 5.0, &["CA"]),
    system("Hitachi 7180", "利德曼", "利德曼 复合校准品", 4.0, &["GLU", "CREA"]),
    system("Hitachi 7600", "迈克", "迈克 复合校准品", 3.0, &["CREA"]),
    system("Toshiba TBA-120FR", "美康", "美康 复合校准品", 3.0, &["GLU", "CREA", "TBIL", "DBIL"]),
    system("Sysmex BX-4000", "希森美康", "希森美康 校准品", 2.0, &[]),
    system("DIRUI CS-1200", "迪瑞", "迪瑞 复合校准品", 1.5, &["GLU", "CREA"]),
    system("KHB ZY-1280", "科华", "科华 复合校准品", 1.0, &["GLU", "CREA"]),
    system("Rayto Chemray 800", "雷杜", "雷杜 复合校准品", 0.5, &["GLU", "CREA", "TBIL", "DBIL", "LDH"]),
];

/// A system's metadata as reported, and its systematic bias per analyte.
pub(super) struct Group {
    pub(super) instrument: Arc<str>,
    pub(super) reagent: Arc<str>,
    pub(super) calibrator: Arc<str>,
    /// Per analyte of [`ANALYTES`]: the method.
    pub(super) methods: Vec<Arc<str>>,
    /// Per analyte: the bias, percent.
    pub(super) bias: Vec<f64>,
}

/// A laboratory.
pub(super) struct Lab {
    pub(super) code: Arc<str>,
    /// Its system, an index of [`Population::groups`].
    pub(super) group: usize,
    /// Its imprecision as a multiple of the analytes' typical CVs.
    pub(super) precision: f64,
    /// The analytes it performs, indices of [`ANALYTES`] in order.
    pub(super) analytes: Vec<usize>,
    /// Per analyte: its own bias, percent.
    pub(super) bias: Vec<f64>,
    /// How it writes `µ` in units, when not as the plan does: `μ` or `u`.
    pub(super) micro: Option<char>,
    /// How it writes its instrument, when not as the plan does.
    pub(super) instrument: Option<Arc<str>>,
}

impl Lab {
    /// The unit as this laboratory writes it.
    pub(super) fn unit(&self, unit: &Arc<str>) -> Arc<str> {
        match self.micro {
            Some(micro) if unit.contains('µ') => unit.replace('µ', &micro.to_string()).into(),
            _ => unit.clone(),
        }
    }
}

/// The laboratories and their systems.
pub(super) struct Population {
    pub(super) groups: Vec<Group>,
    pub(super) labs: Vec<Lab>,
    /// The biased laboratories.
    pub(super) incidents: Vec<Incident>,
}

/// The share of biased laboratories.
const BIASED: f64 = 0.03;
/// The share of laboratories that write `µ` as `μ` (U+03BC) or `u`.
const MICRO_SPELLING: f64 = 0.04;
/// The share of laboratories on an instrument with other spellings that
/// write one of them.
const INSTRUMENT_SPELLING: f64 = 0.2;

/// The share of laboratories each round with each incident, drawn in this
/// order from a shuffled list, so that no laboratory has two in a round.
pub(super) const ROUND_RATES: [(IncidentKind, f64); 8] = [
    (IncidentKind::NotReturned, 0.02),
    (IncidentKind::DraftOnly, 0.01),
    (IncidentKind::Resubmitted, 0.03),
    (IncidentKind::Late, 0.015),
    (IncidentKind::GlucoseInMgDl, 0.01),
    (IncidentKind::CreatinineInMgDl, 0.007),
    (IncidentKind::SwappedSamples, 0.01),
    (IncidentKind::Transcription, 0.01),
];

const TAG_GROUP: u64 = 2;
const TAG_LAB: u64 = 3;
const TAG_BIASED: u64 = 4;
const TAG_ROLES: u64 = 5;
const TAG_SPELLING: u64 = 7;

/// The number of laboratories of `n` that a share stands for.
fn count(share: f64, n: usize) -> usize {
    (share * n as f64).round() as usize
}

/// The laboratory code: `50`, a district of Chongqing (01–38), a serial.
pub(super) fn lab_code(i: usize) -> Arc<str> {
    format!("50{:02}{:04}", i % 38 + 1, i / 38 + 1).into()
}

/// The systems and laboratories of a synthetic year.
pub(super) fn labs(options: &SyntheticOptions, year: &Year) -> Population {
    let seed = options.seed;
    let methods: Vec<[Arc<str>; 2]> = ANALYTES
        .iter()
        .map(|a| [a.methods[0].into(), a.methods[1].into()])
        .collect();
    let groups: Vec<Group> = SYSTEMS
        .iter()
        .enumerate()
        .map(|(g, s)| {
            let mut random = Random::new(seed, &[TAG_GROUP, g as u64]);
            Group {
                instrument: s.instrument.into(),
                reagent: s.reagent.into(),
                calibrator: s.calibrator.into(),
                methods: ANALYTES
                    .iter()
                    .zip(&methods)
                    .map(|(a, m)| m[usize::from(s.alternative.contains(&a.code))].clone())
                    .collect(),
                bias: ANALYTES
                    .iter()
                    .map(|a| {
                        let tea = f64::from(a.tea.unwrap_or(10));
                        (random.normal() * tea / 6.0).clamp(-tea / 2.0, tea / 2.0)
                    })
                    .collect(),
            }
        })
        .collect();
    let mut labs: Vec<Lab> = (0..options.labs)
        .map(|i| {
            let mut random = Random::new(seed, &[TAG_LAB, i as u64]);
            let group = random.pick(&SYSTEMS, |s| s.weight);
            let precision = libm::exp(0.3 * random.normal());
            let analytes = (0..ANALYTES.len())
                .filter(|&a| random.chance(ANALYTES[a].share) || options.full_menu)
                .collect();
            let bias = ANALYTES
                .iter()
                .map(|a| 0.8 * a.cv * random.normal())
                .collect();
            Lab {
                code: lab_code(i),
                group,
                precision,
                analytes,
                bias,
                micro: None,
                instrument: None,
            }
        })
        .collect();
    let mut incidents = bias_some(seed, &mut labs, year);
    incidents.extend(respell_some(seed, &mut labs, year));
    Population {
        groups,
        labs,
        incidents,
    }
}

/// Biases [`BIASED`] of the laboratories by +8 to +15 % on two to four
/// analytes with limits of at most ±12 %, and lists them.
fn bias_some(seed: u64, labs: &mut [Lab], year: &Year) -> Vec<Incident> {
    let mut random = Random::new(seed, &[TAG_BIASED]);
    let mut order: Vec<usize> = (0..labs.len()).collect();
    random.shuffle(&mut order);
    let mut chosen: Vec<usize> = order.into_iter().take(count(BIASED, labs.len())).collect();
    chosen.sort_unstable();
    let mut incidents = Vec::with_capacity(chosen.len());
    for i in chosen {
        let Some(lab) = labs.get_mut(i) else { continue };
        let mut candidates: Vec<usize> = lab
            .analytes
            .iter()
            .copied()
            .filter(|&a| ANALYTES[a].tea.is_some_and(|t| t <= 12))
            .collect();
        random.shuffle(&mut candidates);
        candidates.truncate(2 + random.below(3));
        candidates.sort_unstable();
        let extra = random.between(8.0, 15.0);
        for &a in &candidates {
            if let Some(b) = lab.bias.get_mut(a) {
                *b += extra;
            }
        }
        incidents.push(Incident {
            kind: IncidentKind::Biased,
            lab: lab.code.clone(),
            round: None,
            analytes: candidates
                .iter()
                .map(|&a| year.analytes[a].0.clone())
                .collect(),
            samples: Vec::new(),
            detail: format!("+{extra:.1}%"),
        });
    }
    incidents
}

/// Gives [`MICRO_SPELLING`] of the laboratories another spelling of `µ`,
/// and [`INSTRUMENT_SPELLING`] of those on an instrument with other
/// spellings one of them, each from a stream of its own, and lists them.
fn respell_some(seed: u64, labs: &mut [Lab], year: &Year) -> Vec<Incident> {
    let mut incidents = Vec::new();
    for (i, lab) in labs.iter_mut().enumerate() {
        let mut random = Random::new(seed, &[TAG_SPELLING, i as u64]);
        if random.chance(MICRO_SPELLING) {
            let micro = if random.chance(0.5) { 'μ' } else { 'u' };
            lab.micro = Some(micro);
            let analytes: Vec<Arc<str>> = (lab.analytes.iter())
                .map(|&a| &year.analytes[a])
                .filter(|(_, unit)| unit.contains('µ'))
                .map(|(code, _)| code.clone())
                .collect();
            incidents.push(Incident {
                kind: IncidentKind::UnitSpelling,
                lab: lab.code.clone(),
                round: None,
                analytes,
                samples: Vec::new(),
                detail: format!("µmol/L written {}", lab.unit(&"µmol/L".into())),
            });
        }
        let name = SYSTEMS.get(lab.group).map_or("", |s| s.instrument);
        let spellings: Vec<&str> = (INSTRUMENT_SPELLINGS.iter())
            .filter(|(_, n)| *n == name)
            .map(|(s, _)| *s)
            .collect();
        if !spellings.is_empty() && random.chance(INSTRUMENT_SPELLING) {
            let spelling = spellings[random.below(spellings.len())];
            lab.instrument = Some(spelling.into());
            incidents.push(Incident {
                kind: IncidentKind::InstrumentSpelling,
                lab: lab.code.clone(),
                round: None,
                analytes: Vec::new(),
                samples: Vec::new(),
                detail: format!("{name} written {spelling}"),
            });
        }
    }
    incidents
}

/// What each laboratory does in a round: `None` for a plain on-time
/// submission, or its incident.
pub(super) fn roles(seed: u64, round: usize, n: usize) -> Vec<Option<IncidentKind>> {
    let mut random = Random::new(seed, &[TAG_ROLES, round as u64]);
    let mut order: Vec<usize> = (0..n).collect();
    random.shuffle(&mut order);
    let mut roles = vec![None; n];
    let mut next = order.into_iter();
    for (kind, share) in ROUND_RATES {
        for i in next.by_ref().take(count(share, n)) {
            if let Some(role) = roles.get_mut(i) {
                *role = Some(kind);
            }
        }
    }
    roles
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lab_codes_are_unique_and_look_like_chongqing_codes() {
        assert_eq!(&*lab_code(0), "50010001");
        assert_eq!(&*lab_code(37), "50380001");
        assert_eq!(&*lab_code(38), "50010002");
        assert_eq!(&*lab_code(99_999), "50222632");
        let mut codes: Vec<_> = (0..100_000).map(lab_code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), 100_000);
    }

    #[test]
    fn roles_have_the_documented_counts_at_300_labs() {
        let roles = roles(2026, 0, 300);
        let of = |k| roles.iter().filter(|r| **r == Some(k)).count();
        assert_eq!(of(IncidentKind::NotReturned), 6);
        assert_eq!(of(IncidentKind::Resubmitted), 9);
        assert_eq!(of(IncidentKind::CreatinineInMgDl), 2);
        assert!(ROUND_RATES.iter().all(|&(k, _)| of(k) >= 1));
    }

    #[test]
    fn alternative_methods_name_analytes_of_the_program() {
        for s in &SYSTEMS {
            for code in s.alternative {
                assert!(ANALYTES.iter().any(|a| a.code == *code), "{code}");
            }
        }
    }
}
