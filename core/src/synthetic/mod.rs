//! Synthetic rounds: a year of a provincial routine-chemistry program with
//! its laboratories' results, realistic enough to score end to end and large
//! enough to measure.
//!
//! [`synthetic_round`] builds, from a seed alone:
//!
//! * the plan: provider CQCCL (重庆市临床检验中心), year 2026, program `C1`
//!   常规化学 (ISO/IEC 17043-accredited) with the 30 analytes of domain
//!   §3.1.1, each with its Chinese name, SI unit, reporting precision and
//!   plausible range; rounds `2026-1`, `2026-2`, … with deadlines at 17:00
//!   China time (April, June, September for three rounds), each with 5
//!   samples (`202611` … `202615`, …) whose concentrations span the
//!   measuring range; sample 4 of the second round is invalidated for CK;
//!   TBA and GA are not graded (不计分项目);
//! * the criteria: the NCCL 2024 routine-chemistry limits (domain §5.1) as
//!   adopted by CQCCL for `C1`;
//! * the laboratories (`50010001`, …): each on an analyser system of the
//!   Chinese market (instrument, reagent, calibrator, method per analyte)
//!   with a small systematic bias per analyte, its own precision and bias,
//!   and the analytes it performs; 3 % of them biased by +8 to +15 % on a few
//!   analytes;
//! * per round, the ways results go wrong, each on a fixed share of the
//!   laboratories drawn afresh (rounded to whole laboratories; at 300:
//!   6, 3, 9, 5, 3, 2, 3 and 3): not returned (2 %), saved as a draft and
//!   never submitted (1 %), resubmitted (3 %: a first version with a
//!   slipped decimal point, corrected before the deadline), submitted late
//!   (1.5 %), glucose reported as mg/dL numbers (1 %), creatinine reported
//!   as mg/dL numbers (0.7 %), two samples' tubes swapped (1 %), one value
//!   with its decimal point shifted (1 %). No laboratory has two of these
//!   in one round;
//! * habits that last the year: 4 % of the laboratories write `µ` as `μ`
//!   (U+03BC) or `u`, and 20 % of those on an instrument that the plan's
//!   alias table spells otherwise (`cobas c 702`, `罗氏 c702`, …) write one
//!   of those spellings;
//! * one laboratory more, enrolled for the whole program with an empty
//!   analyte list, that sends nothing all year;
//! * two programs of words in the same rounds, blood grouping `Y1` (ABO and
//!   RhD, criteria adopted from CLIA's immunohematology table, 100 % to
//!   pass) and urine dipstick `H3` (three analytes, ±1 grade of the mode),
//!   taken by 45 % and 70 % of the laboratories; see the `qualitative`
//!   module.
//!
//! Every departure from a plain on-time submission is listed in
//! [`Synthetic::incidents`], so that a test or a demonstration can check
//! that scoring catches it.
//!
//! # Accounting
//!
//! Every laboratory is enrolled for the analytes it performs and submits all
//! of them, every sample, in every round, except as its incident says:
//! nothing when not returned, one draft when its draft was never submitted,
//! two versions when resubmitted. Hence the number of sample values is
//! 5 · Σ over laboratories and rounds of (analytes performed × copies), with
//! copies 0, 1 or 2; see `core/tests/synthetic/synthetic.rs`. The
//! programs of words have 5 values per analyte, laboratory and round.
//!
//! # Randomness
//!
//! The numbers come from SplitMix64 (Steele, Lea and Flood,
//! 2014) seeded per purpose: each laboratory, each laboratory and round,
//! each round's sample levels has a stream of its own, derived from the seed
//! and the stream's identifiers. The output depends on the options only,
//! on every platform (normal deviates use `libm`), and a laboratory's
//! attributes do not change with the number of laboratories.

mod labs;
mod plan;
mod qualitative;
mod values;

pub use qualitative::{BLOOD_GROUP, DIPSTICK};

use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::plan::criteria::Criteria;
use crate::plan::model::Plan;
use crate::results::model::Results;

/// The most laboratories a synthetic round may have.
pub const MAX_LABS: usize = 100_000;
/// The most rounds a synthetic year may have.
pub const MAX_ROUNDS: usize = 12;
/// The number of samples of every synthetic round.
pub const SAMPLES_PER_ROUND: usize = 5;
/// The program code of the synthetic routine-chemistry program.
pub const PROGRAM: &str = "C1";

/// What to generate; [`Default`] gives 300 laboratories, seed 2026 and
/// 3 rounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct SyntheticOptions {
    /// The number of laboratories, 1 to [`MAX_LABS`] (default 300).
    pub labs: usize,
    /// The seed; the same options always give the same data (default 2026).
    pub seed: u64,
    /// The number of rounds, 1 to [`MAX_ROUNDS`] (default 3), each of
    /// [`SAMPLES_PER_ROUND`] samples.
    pub rounds: usize,
    /// Whether every laboratory performs every analyte (default false: each
    /// analyte is performed by its realistic share of laboratories). With
    /// it, 12,000 laboratories give exactly 12,000 × 30 × 5 = 1.8 M values
    /// per round before incidents.
    pub full_menu: bool,
}

impl Default for SyntheticOptions {
    fn default() -> Self {
        SyntheticOptions {
            labs: 300,
            seed: 2026,
            rounds: 3,
            full_menu: false,
        }
    }
}

/// A generated plan with its criteria and results.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Synthetic {
    /// The plan: one program, [`PROGRAM`].
    pub plan: Plan,
    /// The criteria tables the program is scored with.
    pub criteria: Criteria,
    /// Every submission (drafts and superseded versions included) and every
    /// enrolment.
    pub results: Results,
    /// Every departure from a plain, correct, on-time submission, and every
    /// biased laboratory.
    pub incidents: Vec<Incident>,
}

/// What went wrong, or differently, for a laboratory.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IncidentKind {
    /// A systematic bias of +8 to +15 % on a few analytes, in every round.
    Biased,
    /// Enrolled, nothing submitted.
    NotReturned,
    /// Saved as a draft (暂存) and never submitted.
    DraftOnly,
    /// A first version with one decimal point shifted, replaced by a correct
    /// version 2 before the deadline.
    Resubmitted,
    /// Submitted after the deadline.
    Late,
    /// Glucose reported as mg/dL numbers (× 18.016) under the unit mmol/L.
    GlucoseInMgDl,
    /// Creatinine reported as mg/dL numbers (÷ 88.4) under the unit µmol/L.
    CreatinineInMgDl,
    /// Two samples' tubes swapped: their values exchanged for every analyte.
    SwappedSamples,
    /// One value with its decimal point shifted one place (× 10 or ÷ 10).
    Transcription,
    /// `µ` written `μ` (U+03BC) or `u` in every unit, all year.
    UnitSpelling,
    /// The instrument written in another spelling of the plan's alias
    /// table, all year.
    InstrumentSpelling,
    /// Enrolled for the whole program with an empty analyte list, and
    /// nothing sent all year.
    SilentEnrolment,
    /// One sample's ABO group typed wrongly (program [`BLOOD_GROUP`]).
    AboMistyped,
}

/// One departure from a plain on-time submission.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Incident {
    /// What happened.
    pub kind: IncidentKind,
    /// The laboratory's code.
    pub lab: Arc<str>,
    /// The round's code; `None` for a bias that lasts the year.
    pub round: Option<Arc<str>>,
    /// The analytes affected; empty for all of the laboratory's.
    pub analytes: Vec<Arc<str>>,
    /// The samples affected; empty for all of the round's.
    pub samples: Vec<Arc<str>>,
    /// A few words, such as `+11.2%` or `4.52 → 45.2`.
    pub detail: String,
}

/// Generates a synthetic plan, its criteria and a year of results.
///
/// # Errors
///
/// [`Error::InvalidParameter`] if `labs` is 0 or above [`MAX_LABS`], or
/// `rounds` is 0 or above [`MAX_ROUNDS`].
///
/// # Examples
///
/// ```
/// use eqa::synthetic::{IncidentKind, SyntheticOptions, synthetic_round};
///
/// let options = SyntheticOptions { labs: 50, seed: 7, rounds: 1, full_menu: false };
/// let data = synthetic_round(&options)?;
/// let c1 = data.plan.program("C1").expect("the program");
/// assert_eq!((c1.analytes.len(), c1.rounds.len()), (30, 1));
/// assert_eq!(c1.rounds[0].samples[0].code, "202611");
/// // 50 laboratories in C1, and one more enrolled for the whole program.
/// let c1 = data.results.enrollments.iter().filter(|e| &*e.program == "C1");
/// assert_eq!(c1.count(), 51);
/// assert!(data.incidents.iter().any(|i| i.kind == IncidentKind::NotReturned));
/// assert_eq!(data, synthetic_round(&options)?);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn synthetic_round(options: &SyntheticOptions) -> Result<Synthetic> {
    check(options)?;
    let mut spec = plan::Year::new(options)?;
    let population = labs::labs(options, &spec);
    let (results, incidents) = values::results(options, &spec, population);
    let mut criteria = plan::criteria()?;
    criteria.tables.extend(qualitative::criteria()?);
    spec.plan.programs.extend(qualitative::programs(&spec));
    Ok(Synthetic {
        plan: spec.plan,
        criteria,
        results,
        incidents,
    })
}

fn check(options: &SyntheticOptions) -> Result<()> {
    if options.labs == 0 || options.labs > MAX_LABS {
        return Err(Error::InvalidParameter {
            name: "labs",
            value: options.labs.to_string(),
            expected: "a number of laboratories from 1 to 100000",
        });
    }
    if options.rounds == 0 || options.rounds > MAX_ROUNDS {
        return Err(Error::InvalidParameter {
            name: "rounds",
            value: options.rounds.to_string(),
            expected: "a number of rounds from 1 to 12",
        });
    }
    Ok(())
}

/// SplitMix64: a 64-bit state advanced by the golden-ratio increment
/// 0x9E3779B97F4A7C15 and finalised by two xor-shift-multiply rounds
/// (Steele, Lea and Flood, "Fast splittable pseudorandom number
/// generators", OOPSLA 2014; the constants of Vigna's reference code).
/// Small, fast and with a fixed sequence for a seed; not cryptographic.
#[derive(Debug, Clone)]
pub(crate) struct Random {
    state: u64,
}

const GOLDEN: u64 = 0x9E37_79B9_7F4A_7C15;

/// The SplitMix64 finaliser (a bijection of 64-bit words).
fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Random {
    /// The stream of `seed` for the purpose named by `keys` (a tag and the
    /// indices of what it draws for).
    pub(crate) fn new(seed: u64, keys: &[u64]) -> Random {
        let mut state = mix(seed.wrapping_add(GOLDEN));
        for &key in keys {
            state = mix(state ^ mix(key.wrapping_add(GOLDEN)));
        }
        Random { state }
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN);
        mix(self.state)
    }

    /// A uniform number in [0, 1), with 53 random bits.
    pub(crate) fn uniform(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A uniform number in [low, high).
    pub(crate) fn between(&mut self, low: f64, high: f64) -> f64 {
        low + (high - low) * self.uniform()
    }

    /// A uniform index below `n` (0 when `n` is 0).
    pub(crate) fn below(&mut self, n: usize) -> usize {
        // Multiply-shift: the bias is below n / 2^64, far below notice.
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// An index of `items` drawn with probability proportional to `weight`
    /// (0 when rounding leaves none chosen).
    pub(crate) fn pick<T>(&mut self, items: &[T], weight: impl Fn(&T) -> f64) -> usize {
        let mut left = self.uniform() * items.iter().map(&weight).sum::<f64>();
        items
            .iter()
            .position(|item| {
                left -= weight(item);
                left < 0.0
            })
            .unwrap_or(0)
    }

    /// `true` with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.uniform() < p
    }

    /// A standard normal deviate (Box–Muller, with `libm`'s `log` and `cos`).
    pub(crate) fn normal(&mut self) -> f64 {
        // 1 − U lies in (0, 1], so the logarithm is finite.
        let u = 1.0 - self.uniform();
        let v = self.uniform();
        libm::sqrt(-2.0 * libm::log(u)) * libm::cos(std::f64::consts::TAU * v)
    }

    /// The slice in a uniformly random order (Fisher–Yates).
    pub(crate) fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_fixed_and_distinct() {
        let mut a = Random::new(2026, &[1, 2]);
        let mut b = Random::new(2026, &[1, 2]);
        let mut c = Random::new(2026, &[2, 1]);
        let (x, y, z) = (a.next_u64(), b.next_u64(), c.next_u64());
        assert_eq!(x, y);
        assert_ne!(x, z);
    }

    #[test]
    fn splitmix_matches_the_reference_sequence() {
        // Vigna's splitmix64.c seeded with 0 gives these first outputs.
        let mut r = Random { state: 0 };
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn normal_deviates_have_mean_zero_and_unit_variance() {
        let mut r = Random::new(1, &[]);
        let n = 200_000;
        let x: Vec<f64> = (0..n).map(|_| r.normal()).collect();
        let mean = x.iter().sum::<f64>() / n as f64;
        let var = x.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>() / (n - 1) as f64;
        assert!(mean.abs() < 0.01, "{mean}");
        assert!((var - 1.0).abs() < 0.01, "{var}");
    }

    #[test]
    fn below_and_shuffle_stay_in_range() {
        let mut r = Random::new(3, &[]);
        assert!((0..1000).all(|_| r.below(7) < 7));
        assert_eq!(r.below(0), 0);
        let mut items: Vec<usize> = (0..50).collect();
        r.shuffle(&mut items);
        let mut sorted = items.clone();
        sorted.sort_unstable();
        assert_eq!(sorted, (0..50).collect::<Vec<_>>());
        assert_ne!(items, sorted);
    }

    #[test]
    fn options_out_of_range_are_refused() {
        for (labs, rounds, name) in [
            (0, 3, "labs"),
            (100_001, 3, "labs"),
            (10, 0, "rounds"),
            (10, 13, "rounds"),
        ] {
            let options = SyntheticOptions {
                labs,
                rounds,
                seed: 1,
                full_menu: false,
            };
            match synthetic_round(&options) {
                Err(Error::InvalidParameter { name: n, .. }) => assert_eq!(n, name),
                other => panic!("{other:?}"),
            }
        }
    }
}
