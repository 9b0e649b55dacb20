//! The synthetic plan: CQCCL's 2026 routine-chemistry program `C1`, its
//! analytes, rounds and samples, and the criteria it is scored with.

use std::collections::BTreeMap;
use std::sync::Arc;

use rust_decimal::Decimal;

use super::{PROGRAM, Random, SAMPLES_PER_ROUND, SyntheticOptions};
use crate::error::{Error, Result};
use crate::plan::criteria::Criteria;
use crate::plan::model::{
    Aliases, Analyte, AnalyteScoring, Plan, PlausibleRange, Program, ProgramScoring, Provider,
    ProviderLevel, ResultType, Round, Sample,
};
use crate::plan::timestamp::Timestamp;

/// The plan's year.
pub(super) const YEAR: i32 = 2026;
/// The provider's code.
pub(super) const PROVIDER: &str = "CQCCL";

/// An analyte of `C1` as the generator needs it.
pub(super) struct Spec {
    pub(super) code: &'static str,
    pub(super) name: &'static str,
    pub(super) unit: &'static str,
    /// Decimals of a reported value.
    pub(super) decimals: u32,
    /// The NCCL 2024 limit, ± percent; `None` for an ungraded analyte.
    pub(super) tea: Option<u32>,
    /// The lowest and highest sample concentration (low / normal / high).
    pub(super) low: f64,
    pub(super) high: f64,
    /// A typical laboratory's CV, percent.
    pub(super) cv: f64,
    /// The share of laboratories that perform it.
    pub(super) share: f64,
    /// The usual method, and an alternative some systems use.
    pub(super) methods: [&'static str; 2],
}

#[allow(clippy::too_many_arguments, reason = "one row of the analyte table")]
const fn spec(
    code: &'static str,
    name: &'static str,
    unit: &'static str,
    decimals: u32,
    tea: Option<u32>,
    range: (f64, f64),
    cv: f64,
    share: f64,
    methods: [&'static str; 2],
) -> Spec {
    Spec {
        code,
        name,
        unit,
        decimals,
        tea,
        low: range.0,
        high: range.1,
        cv,
        share,
        methods,
    }
}

const ISE: [&str; 2] = ["离子选择电极法", "离子选择电极法"];
const IFCC: [&str; 2] = ["IFCC推荐法", "IFCC推荐法"];

/// The 30 analytes of `C1` (domain §3.1.1) with their NCCL 2024 limits
/// (domain §5.1).
#[rustfmt::skip]
pub(super) const ANALYTES: [Spec; 30] = [
    spec("K", "钾", "mmol/L", 2, Some(6), (2.8, 6.8), 1.5, 0.98, ISE),
    spec("NA", "钠", "mmol/L", 1, Some(4), (118.0, 158.0), 1.1, 0.98, ISE),
    spec("CL", "氯", "mmol/L", 1, Some(4), (85.0, 118.0), 1.2, 0.98, ISE),
    spec("CA", "钙", "mmol/L", 2, Some(5), (1.6, 3.2), 1.6, 0.97, ["偶氮胂III法", "邻甲酚酞络合酮法"]),
    spec("P", "磷", "mmol/L", 2, Some(10), (0.6, 2.6), 2.5, 0.95, ["磷钼酸盐紫外法", "磷钼酸盐紫外法"]),
    spec("GLU", "葡萄糖", "mmol/L", 2, Some(7), (2.8, 22.0), 1.8, 1.0, ["己糖激酶法", "葡萄糖氧化酶法"]),
    spec("UREA", "尿素", "mmol/L", 2, Some(8), (2.5, 28.0), 2.2, 0.99, ["脲酶-谷氨酸脱氢酶法", "脲酶-谷氨酸脱氢酶法"]),
    spec("UA", "尿酸", "µmol/L", 0, Some(12), (150.0, 680.0), 2.8, 0.99, ["尿酸酶-过氧化物酶法", "尿酸酶-过氧化物酶法"]),
    spec("CREA", "肌酐", "µmol/L", 0, Some(12), (45.0, 750.0), 3.0, 1.0, ["肌氨酸氧化酶法", "苦味酸速率法"]),
    spec("ALB", "白蛋白", "g/L", 1, Some(6), (22.0, 50.0), 1.6, 0.99, ["溴甲酚绿法", "溴甲酚绿法"]),
    spec("TP", "总蛋白", "g/L", 1, Some(5), (45.0, 85.0), 1.3, 0.99, ["双缩脲法", "双缩脲法"]),
    spec("TC", "总胆固醇", "mmol/L", 2, Some(9), (2.5, 8.5), 2.2, 0.98, ["胆固醇氧化酶法", "胆固醇氧化酶法"]),
    spec("TG", "甘油三酯", "mmol/L", 2, Some(14), (0.5, 5.0), 3.2, 0.98, ["GPO-PAP法", "GPO-PAP法"]),
    spec("ALT", "丙氨酸氨基转移酶", "U/L", 0, Some(16), (15.0, 280.0), 3.8, 0.99, IFCC),
    spec("AST", "天门冬氨酸氨基转移酶", "U/L", 0, Some(15), (18.0, 260.0), 3.6, 0.99, IFCC),
    spec("TBIL", "总胆红素", "µmol/L", 1, Some(15), (6.0, 260.0), 3.8, 0.98, ["钒酸盐氧化法", "重氮法"]),
    spec("DBIL", "直接胆红素", "µmol/L", 1, Some(20), (2.0, 150.0), 5.0, 0.95, ["钒酸盐氧化法", "重氮法"]),
    spec("FE", "铁", "µmol/L", 1, Some(15), (6.0, 45.0), 3.6, 0.80, ["亚铁嗪法", "亚铁嗪法"]),
    spec("MG", "镁", "mmol/L", 2, Some(15), (0.5, 1.8), 3.6, 0.75, ["二甲苯胺蓝法", "二甲苯胺蓝法"]),
    spec("ALP", "碱性磷酸酶", "U/L", 0, Some(18), (45.0, 520.0), 4.2, 0.97, IFCC),
    spec("AMY", "淀粉酶", "U/L", 0, Some(15), (35.0, 650.0), 3.6, 0.85, ["EPS底物法", "EPS底物法"]),
    spec("CK", "肌酸激酶", "U/L", 0, Some(15), (50.0, 950.0), 3.6, 0.90, IFCC),
    spec("LDH", "乳酸脱氢酶", "U/L", 0, Some(11), (110.0, 650.0), 2.8, 0.90, ["乳酸底物法", "丙酮酸底物法"]),
    spec("GGT", "γ-谷氨酰基转移酶", "U/L", 0, Some(11), (15.0, 420.0), 2.8, 0.97, IFCC),
    spec("HBDH", "α-羟丁酸脱氢酶", "U/L", 0, Some(30), (80.0, 520.0), 6.0, 0.60, ["速率法", "速率法"]),
    spec("CHE", "胆碱酯酶", "U/L", 0, Some(20), (3000.0, 12500.0), 4.5, 0.55, ["丁酰硫代胆碱法", "丁酰硫代胆碱法"]),
    spec("TBA", "总胆汁酸", "µmol/L", 1, None, (2.0, 90.0), 5.0, 0.70, ["酶循环法", "酶循环法"]),
    spec("GA", "糖化白蛋白", "%", 1, None, (11.0, 32.0), 3.0, 0.25, ["酶法", "酶法"]),
    spec("TIBC", "总铁结合力", "µmol/L", 1, Some(20), (30.0, 85.0), 4.5, 0.30, ["直接法", "直接法"]),
    spec("LPS", "脂肪酶", "U/L", 0, Some(20), (15.0, 320.0), 5.0, 0.35, ["色原底物法", "色原底物法"]),
];

/// Spellings of instruments that laboratories write, with the name the
/// plan's alias table maps them to, so that they join one peer group.
pub(super) const INSTRUMENT_SPELLINGS: [(&str, &str); 6] = [
    ("cobas c 702", "Roche cobas c702"),
    ("罗氏 c702", "Roche cobas c702"),
    ("AU5800", "Beckman AU5800"),
    ("贝克曼 AU5800", "Beckman AU5800"),
    ("BS-2000M", "Mindray BS-2000M"),
    ("迈瑞 BS2000M", "Mindray BS-2000M"),
];

/// The index of glucose in [`ANALYTES`].
pub(super) const GLU: usize = 5;
/// The index of creatinine in [`ANALYTES`].
pub(super) const CREA: usize = 8;

/// A decimal with `decimals` decimals nearest to `x` (0 for a value beyond
/// the range of `i64` mantissas, which the generator never makes).
pub(super) fn fixed(x: f64, decimals: u32) -> Decimal {
    let scale = match decimals {
        0 => 1.0,
        1 => 10.0,
        2 => 100.0,
        3 => 1000.0,
        d => libm::pow(10.0, f64::from(d)),
    };
    let m = (x * scale).round();
    if m.is_finite() && m.abs() < 9.0e15 {
        Decimal::new(m as i64, decimals)
    } else {
        Decimal::ZERO
    }
}

/// The plan with the shared strings and the true sample concentrations the
/// generator draws from.
pub(super) struct Year {
    pub(super) plan: Plan,
    pub(super) program: Arc<str>,
    /// Per round: its code, opening, deadline.
    pub(super) rounds: Vec<(Arc<str>, Timestamp, Timestamp)>,
    /// Per round, per sample: its code.
    pub(super) samples: Vec<Vec<Arc<str>>>,
    /// Per analyte: its code and unit.
    pub(super) analytes: Vec<(Arc<str>, Arc<str>)>,
    /// Per round, per analyte, per sample: the true concentration.
    pub(super) truth: Vec<Vec<[f64; SAMPLES_PER_ROUND]>>,
}

/// The month of each round's deadline: April, June, September for the usual
/// three; spread over the year otherwise.
fn deadline_month(round: usize, rounds: usize) -> usize {
    match (rounds, round) {
        (1, _) => 4,
        (2, 0) => 4,
        (2, _) => 9,
        (3, r) => [4, 6, 9].get(r).copied().unwrap_or(9),
        (n, r) => 1 + r * 12 / n,
    }
}

/// The sample levels of a round, as fractions of each analyte's range on a
/// log scale: low, normal and high, in a shuffled order.
const LEVELS: [f64; SAMPLES_PER_ROUND] = [0.06, 0.3, 0.5, 0.72, 0.94];

/// Tag of the stream of sample levels.
const TAG_LEVELS: u64 = 1;

impl Year {
    pub(super) fn new(options: &SyntheticOptions) -> Result<Year> {
        let program: Arc<str> = PROGRAM.into();
        let mut rounds = Vec::with_capacity(options.rounds);
        let mut samples = Vec::with_capacity(options.rounds);
        let mut plan_rounds = Vec::with_capacity(options.rounds);
        let mut truth = Vec::with_capacity(options.rounds);
        for r in 0..options.rounds {
            let month = deadline_month(r, options.rounds);
            let deadline: Timestamp = format!("{YEAR}-{month:02}-24T17:00:00+08:00").parse()?;
            let opens = deadline.plus_seconds(-21 * 86_400);
            let code: Arc<str> = format!("{YEAR}-{}", r + 1).into();
            let codes: Vec<Arc<str>> = (1..=SAMPLES_PER_ROUND)
                .map(|s| format!("{YEAR}{}{s}", r + 1).into())
                .collect();
            plan_rounds.push(Round {
                code: code.to_string(),
                opens: Some(opens),
                deadline,
                samples: codes.iter().map(|c| sample(c)).collect(),
                analyte_samples: BTreeMap::new(),
            });
            truth.push(levels(options.seed, r));
            rounds.push((code, opens, deadline));
            samples.push(codes);
        }
        // One sample invalidated for one analyte: sample 4 of the second
        // round (of the only round, when there is one) for CK.
        let invalid_round = usize::from(options.rounds > 1);
        if let Some(s) = plan_rounds
            .get_mut(invalid_round)
            .and_then(|r| r.samples.get_mut(3))
        {
            s.invalidated_for
                .insert("CK".into(), "稳定性检验不合格（CK活性下降）".into());
        }
        let plan = Plan {
            provider: Provider {
                code: PROVIDER.into(),
                name: "重庆市临床检验中心".into(),
                level: ProviderLevel::Provincial,
            },
            year: YEAR,
            name: format!("{YEAR}年重庆市临床检验室间质量评价计划"),
            units: Vec::new(),
            aliases: Aliases {
                instrument: INSTRUMENT_SPELLINGS
                    .iter()
                    .map(|&(spelling, name)| (spelling.into(), name.into()))
                    .collect(),
                ..Aliases::default()
            },
            programs: vec![Program {
                code: PROGRAM.into(),
                name: "常规化学".into(),
                accredited: true,
                analytes: ANALYTES.iter().map(analyte).collect(),
                rounds: plan_rounds,
                scoring: ProgramScoring::default(),
            }],
        };
        let analytes = ANALYTES
            .iter()
            .map(|a| (a.code.into(), a.unit.into()))
            .collect();
        Ok(Year {
            plan,
            program,
            rounds,
            samples,
            analytes,
            truth,
        })
    }
}

pub(super) fn sample(code: &str) -> Sample {
    Sample {
        code: code.into(),
        invalidated: None,
        invalidated_for: BTreeMap::new(),
    }
}

fn analyte(a: &Spec) -> Analyte {
    Analyte {
        code: a.code.into(),
        name: a.name.into(),
        unit: Some(a.unit.into()),
        result_type: ResultType::Quantitative,
        graded: a.tea.is_some(),
        scoring: AnalyteScoring {
            plausible: Some(PlausibleRange {
                low: fixed(a.low * 0.2, a.decimals),
                high: fixed(a.high * 3.0, a.decimals),
            }),
            ..AnalyteScoring::default()
        },
    }
}

/// The true concentrations of a round's samples: each sample sits at one
/// of [`LEVELS`], each analyte a little off it.
fn levels(seed: u64, round: usize) -> Vec<[f64; SAMPLES_PER_ROUND]> {
    let mut random = Random::new(seed, &[TAG_LEVELS, round as u64]);
    let mut order = LEVELS;
    random.shuffle(&mut order);
    ANALYTES
        .iter()
        .map(|a| {
            let mut values = [0.0; SAMPLES_PER_ROUND];
            for (v, level) in values.iter_mut().zip(order) {
                let f = (level + 0.06 * random.normal()).clamp(0.02, 0.98);
                *v = a.low * libm::pow(a.high / a.low, f);
            }
            values
        })
        .collect()
}

/// The NCCL 2024 routine-chemistry table (`NCCL-C-01`) adopted by CQCCL
/// for `C1` from 2026.
pub(super) fn criteria() -> Result<Criteria> {
    let nccl = Criteria::nccl_2024()?;
    let chemistry = nccl
        .tables
        .iter()
        .find(|t| t.programs.iter().any(|p| p == "NCCL-C-01"))
        .ok_or_else(|| Error::InvalidDocument {
            path: "tables".into(),
            message: "the NCCL 2024 criteria have no NCCL-C-01 table".into(),
        })?;
    Ok(Criteria {
        tables: vec![chemistry.adopted_by(PROVIDER, YEAR, [PROGRAM])],
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::limits::AcceptanceLimit;

    #[test]
    fn limits_of_the_spec_are_the_criteria_tables() {
        let criteria = criteria().unwrap();
        for a in &ANALYTES {
            let found = criteria.find(PROVIDER, YEAR, PROGRAM, a.code);
            let limit = found.map(|(_, c)| c.limit.clone());
            let expected = a.tea.map(|p| AcceptanceLimit::Percent {
                percent: Decimal::from(p),
            });
            assert_eq!(limit, expected, "{}", a.code);
        }
    }

    #[test]
    fn deadlines_fall_in_april_june_and_september() {
        let year = Year::new(&SyntheticOptions::default()).unwrap();
        let deadlines: Vec<String> = year.rounds.iter().map(|r| r.2.to_string()).collect();
        assert_eq!(
            deadlines,
            [
                "2026-04-24T17:00:00+08:00",
                "2026-06-24T17:00:00+08:00",
                "2026-09-24T17:00:00+08:00"
            ]
        );
        let twelve = SyntheticOptions {
            rounds: 12,
            ..SyntheticOptions::default()
        };
        let months: Vec<usize> = (0..12).map(|r| deadline_month(r, 12)).collect();
        assert_eq!(months, (1..=12).collect::<Vec<_>>());
        assert!(Year::new(&twelve).is_ok());
    }
}
