//! The plan of a provider's year: programs (专业), analytes (项目), rounds
//! (次) and samples (批号), and how each program is scored.
//!
//! A plan is data: it loads from JSON with [`Plan::from_json`] (every bad
//! field is reported with its path, such as `programs[0].rounds[2].deadline`)
//! and saves with [`Plan::to_json`]. The schema is the serde form of these
//! types, documented field by field below and in `docs/plan-schema.md`.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::plan::limits::{AcceptanceLimit, Boundary};
use crate::plan::peer_policy::GroupField;
use crate::plan::peer_policy::PeerGroupPolicy;
use crate::plan::target_policy::TargetPolicy;
use crate::plan::timestamp::Timestamp;
use crate::plan::unit_names::known_unit;
use crate::plan::units::same_unit;

/// A provider's plan for one year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// Who runs the plan.
    pub provider: Provider,
    /// The plan's year.
    pub year: i32,
    /// The plan's title, such as "2026年重庆市临床检验室间质量评价计划".
    #[serde(default)]
    pub name: String,
    /// Its programs.
    pub programs: Vec<Program>,
    /// Other spellings of instruments, reagents and methods, applied before
    /// peer groups are formed.
    #[serde(default, skip_serializing_if = "Aliases::is_empty")]
    pub aliases: Aliases,
    /// Units the plan uses that the built-in vocabulary does not know
    /// ([`known_unit`](crate::plan::unit_names::known_unit)); any other
    /// unknown unit of an analyte is refused when the plan is checked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
}

/// Other spellings of the instruments, reagents and methods laboratories
/// type as free text, each mapped to the name peer groups use, so that
/// `cobas c 702` and `罗氏 c702` join `Roche cobas c702`. Spellings are
/// compared trimmed and case-folded ([`fold`]); a name not listed is its
/// own name.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Aliases {
    /// Instrument spelling → instrument name.
    pub instrument: BTreeMap<String, String>,
    /// Reagent spelling → reagent name.
    pub reagent: BTreeMap<String, String>,
    /// Method spelling → method name.
    pub method: BTreeMap<String, String>,
}

impl Aliases {
    /// Whether no alias is given.
    pub fn is_empty(&self) -> bool {
        self.instrument.is_empty() && self.reagent.is_empty() && self.method.is_empty()
    }

    /// The tables with the field each applies to.
    pub fn tables(&self) -> [(GroupField, &BTreeMap<String, String>); 3] {
        [
            (GroupField::Instrument, &self.instrument),
            (GroupField::Reagent, &self.reagent),
            (GroupField::Method, &self.method),
        ]
    }

    /// Checks each table: a spelling listed twice (after folding) must name
    /// the same name, and a name must not itself be a spelling of another
    /// name (no chains or cycles).
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDocument`] at `aliases.<field>` naming the spellings.
    pub fn check(&self) -> Result<()> {
        for (field, table) in self.tables() {
            let path = || format!("aliases.{}", field.as_str());
            let mut names: BTreeMap<String, (&str, &str)> = BTreeMap::new();
            for (spelling, name) in table {
                if name.trim().is_empty() {
                    return Err(Error::InvalidDocument {
                        path: path(),
                        message: format!("the spelling {spelling:?} names an empty name"),
                    });
                }
                if let Some((other, other_name)) = names.insert(fold(spelling), (spelling, name))
                    && fold(other_name) != fold(name)
                {
                    return Err(Error::InvalidDocument {
                        path: path(),
                        message: format!(
                            "{other:?} and {spelling:?} are one spelling for two names, \
                             {other_name:?} and {name:?}"
                        ),
                    });
                }
            }
            for (spelling, name) in table {
                if let Some((_, further)) = names.get(&fold(name))
                    && fold(further) != fold(name)
                {
                    return Err(Error::InvalidDocument {
                        path: path(),
                        message: format!(
                            "{spelling:?} names {name:?}, which is itself a spelling of \
                             {further:?}; map every spelling to the final name"
                        ),
                    });
                }
            }
        }
        Ok(())
    }
}

/// An EQA provider: the national centre (NCCL) or a provincial or city centre.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provider {
    /// A short stable code, such as `NCCL` or `CQCCL`.
    pub code: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// National or provincial (decides which hospital indicators it feeds).
    #[serde(default)]
    pub level: ProviderLevel,
}

/// The level of a provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProviderLevel {
    /// The national centre for clinical laboratories.
    National,
    /// A provincial (or municipal, provincial-level) centre.
    #[default]
    Provincial,
}

/// A program (专业), such as routine chemistry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    /// A stable code, such as `C1`.
    pub code: String,
    /// Its name, such as "常规化学".
    #[serde(default)]
    pub name: String,
    /// Whether the program is accredited to ISO/IEC 17043 (※ in Chinese plans).
    #[serde(default)]
    pub accredited: bool,
    /// The analytes; a laboratory reports the ones it performs.
    pub analytes: Vec<Analyte>,
    /// The rounds of the year, in order.
    pub rounds: Vec<Round>,
    /// How the program is scored (every field has a documented default).
    #[serde(default)]
    pub scoring: ProgramScoring,
}

/// An analyte (项目) of a program.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Analyte {
    /// A stable code, such as `GLU`.
    pub code: String,
    /// Its name, such as "葡萄糖".
    #[serde(default)]
    pub name: String,
    /// The unit results must be reported in, such as `mmol/L`.
    #[serde(default)]
    pub unit: Option<String>,
    /// What kind of result is reported.
    #[serde(default)]
    pub result_type: ResultType,
    /// Whether the analyte is graded; an ungraded one (不计分项目) is
    /// evaluated but never scored.
    #[serde(default = "yes")]
    pub graded: bool,
    /// The analyte's own scoring settings, over the program's.
    #[serde(default)]
    pub scoring: AnalyteScoring,
}

fn yes() -> bool {
    true
}

/// What kind of result an analyte takes.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum ResultType {
    /// A number in the analyte's unit.
    #[default]
    Quantitative,
    /// One of a few categories, such as positive / negative.
    Qualitative {
        /// The categories and the words that mean each.
        categories: Vec<Category>,
    },
    /// A grade on an ordered scale, such as a urine dipstick's
    /// "-", "±", "1+", "2+", "3+".
    Ordinal {
        /// The grades from lowest to highest.
        grades: Vec<Category>,
        /// How many of the lowest grades read as negative (default 1).
        #[serde(default = "one")]
        negative_grades: usize,
    },
    /// A name from a vocabulary: blood group, organism, genotype, cell.
    Nominal {
        /// The names allowed; empty means free text, compared after trimming
        /// and case folding.
        #[serde(default)]
        vocabulary: Vec<Category>,
    },
}

fn one() -> usize {
    1
}

/// A category, grade or name, and the other words that mean it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Category {
    /// The canonical code, such as `positive` or `1+`.
    pub code: String,
    /// Other words for it, such as `阳性`, `+`, `POS` (compared after
    /// trimming and case folding).
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A round (次): a data-collection event with a deadline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Round {
    /// A stable code, such as `2026-1`.
    pub code: String,
    /// When results may first be entered.
    #[serde(default)]
    pub opens: Option<Timestamp>,
    /// The reporting deadline; submissions after it are late.
    pub deadline: Timestamp,
    /// The samples (批号) of the round, any number (may be empty for a
    /// report-form round).
    #[serde(default)]
    pub samples: Vec<Sample>,
    /// Analytes with their own sample list: analyte code → sample codes,
    /// each one of `samples` (such as 2 samples for trueness verification).
    #[serde(default)]
    pub analyte_samples: BTreeMap<String, Vec<String>>,
}

/// A sample (批号) of a round.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sample {
    /// Its code, such as `202611`.
    pub code: String,
    /// Why the sample was invalidated for every analyte (stability or
    /// homogeneity failure, damaged shipment); its results are not scored.
    #[serde(default)]
    pub invalidated: Option<String>,
    /// Analytes for which this sample was invalidated: analyte code → reason.
    #[serde(default)]
    pub invalidated_for: BTreeMap<String, String>,
}

/// How a program is scored; [`Default`] gives the documented defaults.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct ProgramScoring {
    /// The peer groups (default [`PeerGroupPolicy::default`]).
    pub peer: PeerGroupPolicy,
    /// The target of quantitative analytes (default robust consensus by
    /// Algorithm A of the peer group).
    pub target: TargetPolicy,
    /// Whether a result exactly on the limit is acceptable (default
    /// inclusive; UNCONFIRMED in Chinese sources).
    pub boundary: Boundary,
    /// The PT score an analyte needs to be satisfactory, in percent
    /// (default 80).
    pub pass_threshold: Decimal,
    /// How a program's round score combines its analytes (default pooled).
    pub program_score: ProgramScoreRule,
    /// What a late submission scores (default: as not returned, score 0).
    pub late: LatePolicy,
    /// What a result in another unit than the analyte's scores (default:
    /// converted when the analyte has a conversion, and flagged).
    pub unit: UnitPolicy,
}

impl Default for ProgramScoring {
    fn default() -> Self {
        ProgramScoring {
            peer: PeerGroupPolicy::default(),
            target: TargetPolicy::default(),
            boundary: Boundary::default(),
            pass_threshold: Decimal::from(80),
            program_score: ProgramScoreRule::default(),
            late: LatePolicy::default(),
            unit: UnitPolicy::default(),
        }
    }
}

/// An analyte's own scoring settings; each `None` takes the program's
/// setting or the criteria table's limit.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnalyteScoring {
    /// The acceptance limit, over the criteria table's.
    pub limit: Option<AcceptanceLimit>,
    /// The target policy.
    pub target: Option<TargetPolicy>,
    /// The peer groups.
    pub peer: Option<PeerGroupPolicy>,
    /// The pass threshold in percent (100 for ABO/RhD typing).
    pub pass_threshold: Option<Decimal>,
    /// The plausible range of a result in the analyte's unit; a value
    /// outside is flagged when a submission is validated.
    pub plausible: Option<PlausibleRange>,
    /// The chosen coefficient of variation (CCV, %) of the legacy VIS score.
    pub vis_ccv: Option<Decimal>,
}

/// The range of plausible results of an analyte.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlausibleRange {
    /// The lowest plausible value.
    pub low: Decimal,
    /// The highest plausible value.
    pub high: Decimal,
}

/// How a program's round score combines its analytes (domain §4.3;
/// UNCONFIRMED which one NCCL uses).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProgramScoreRule {
    /// 100 × Σ acceptable / Σ scored over all analytes (CLIA §493.931).
    #[default]
    Pooled,
    /// The mean of the analytes' PT scores.
    MeanOfAnalytes,
}

/// What a submission made after the deadline scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LatePolicy {
    /// As not returned: the analyte scores 0 (CLIA §493.845; default).
    #[default]
    NotReturned,
    /// Scored as if on time, and marked late.
    Scored,
}

/// What a result reported in another unit than the analyte's scores. A
/// unit that is the analyte's, spelled differently (`μmol/L` for `µmol/L`,
/// `mmol/l`, `IU/L` for `U/L`), is the same unit under every policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum UnitPolicy {
    /// Converted with the analyte's factor (glucose or creatinine in mg/dL
    /// when the plan says mmol/L or µmol/L), judged, and flagged with the
    /// unit it was reported in; a unit with no conversion is unacceptable
    /// (default: the number is right, only its unit differs, and the flag
    /// tells the laboratory to fix its form; UNCONFIRMED in Chinese
    /// sources).
    #[default]
    Convert,
    /// Every unit other than the analyte's is unacceptable.
    Unacceptable,
}

impl Plan {
    /// Reads a plan from JSON text.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDocument`] naming the path of the first bad field,
    /// or the first inconsistency (a duplicate code, an analyte sample list
    /// naming an unknown sample).
    pub fn from_json(text: &str) -> Result<Plan> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let plan: Plan =
            serde_path_to_error::deserialize(de).map_err(|e| Error::InvalidDocument {
                path: e.path().to_string(),
                message: e.inner().to_string(),
            })?;
        plan.check()?;
        Ok(plan)
    }

    /// Writes the plan as pretty JSON.
    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).unwrap_or_default()
    }

    /// The program with this code.
    pub fn program(&self, code: &str) -> Option<&Program> {
        self.programs.iter().find(|p| p.code == code)
    }

    /// Checks the plan's consistency: unique codes, known samples in the
    /// analyte sample lists, known analytes.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDocument`] naming the path of the first inconsistency.
    pub fn check(&self) -> Result<()> {
        self.aliases.check()?;
        let bad = |path: String, message: String| Err(Error::InvalidDocument { path, message });
        if let Some(dup) = duplicate(self.programs.iter().map(|p| p.code.as_str())) {
            return bad("programs".into(), format!("duplicate program code {dup:?}"));
        }
        if !(1900..=2999).contains(&self.year) {
            return bad(
                "year".into(),
                format!("{} is not a year from 1900 to 2999", self.year),
            );
        }
        for (i, program) in self.programs.iter().enumerate() {
            let at = format!("programs[{i}]");
            program
                .scoring
                .check()
                .map_err(|e| within(format!("{at}.scoring"), &e))?;
            for (j, analyte) in program.analytes.iter().enumerate() {
                analyte
                    .scoring
                    .check()
                    .map_err(|e| within(format!("{at}.analytes[{j}].scoring"), &e))?;
                let unit = analyte.unit.as_deref().unwrap_or("");
                let declared = || self.units.iter().any(|u| same_unit(u, unit));
                if !unit.trim().is_empty() && !known_unit(unit) && !declared() {
                    return bad(
                        format!("{at}.analytes[{j}].unit"),
                        format!(
                            "{unit:?} is not a unit eqa knows; if it is right, list it in the plan's units"
                        ),
                    );
                }
            }
            if let Some(dup) = duplicate(program.analytes.iter().map(|a| a.code.as_str())) {
                return bad(
                    format!("{at}.analytes"),
                    format!("duplicate analyte code {dup:?}"),
                );
            }
            if let Some(dup) = duplicate(program.rounds.iter().map(|r| r.code.as_str())) {
                return bad(
                    format!("{at}.rounds"),
                    format!("duplicate round code {dup:?}"),
                );
            }
            for (j, round) in program.rounds.iter().enumerate() {
                let at = format!("{at}.rounds[{j}]");
                if let Some(dup) = duplicate(round.samples.iter().map(|s| s.code.as_str())) {
                    return bad(
                        format!("{at}.samples"),
                        format!("duplicate sample code {dup:?}"),
                    );
                }
                if let Some(opens) = round.opens
                    && opens > round.deadline
                {
                    return bad(
                        format!("{at}.opens"),
                        "the round opens after its deadline".into(),
                    );
                }
                for (analyte, samples) in &round.analyte_samples {
                    if program.analyte(analyte).is_none() {
                        return bad(
                            format!("{at}.analyte_samples.{analyte}"),
                            format!("unknown analyte {analyte:?}"),
                        );
                    }
                    for (k, code) in samples.iter().enumerate() {
                        if round.sample(code).is_none() {
                            return bad(
                                format!("{at}.analyte_samples.{analyte}[{k}]"),
                                format!("unknown sample {code:?}"),
                            );
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

/// A setting's error as an error of the document at `path` (plus the
/// setting's name, when the error has one).
fn within(path: String, error: &Error) -> Error {
    let path = match error {
        Error::InvalidParameter { name, .. } => format!("{path}.{name}"),
        _ => path,
    };
    Error::InvalidDocument {
        path,
        message: error.to_string(),
    }
}

/// Whether a pass threshold is a percentage.
pub(crate) fn check_threshold(value: Decimal) -> Result<()> {
    if (Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&value) {
        Ok(())
    } else {
        Err(Error::InvalidParameter {
            name: "pass_threshold",
            value: value.to_string(),
            expected: "a percentage from 0 to 100",
        })
    }
}

impl ProgramScoring {
    /// Checks the settings' numbers: the pass threshold, the peer-group
    /// policy and the target policy.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] naming the first setting out of its domain.
    pub fn check(&self) -> Result<()> {
        check_threshold(self.pass_threshold)?;
        self.peer.check()?;
        self.target.check()
    }
}

impl AnalyteScoring {
    /// Checks the settings the analyte gives: its limit, pass threshold,
    /// peer-group and target policies.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] naming the first setting out of its domain.
    pub fn check(&self) -> Result<()> {
        if let Some(limit) = &self.limit {
            limit.check()?;
        }
        if let Some(t) = self.pass_threshold {
            check_threshold(t)?;
        }
        if let Some(peer) = &self.peer {
            peer.check()?;
        }
        if let Some(target) = &self.target {
            target.check()?;
        }
        Ok(())
    }
}

fn duplicate<'a>(codes: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let mut seen = std::collections::HashSet::new();
    codes.into_iter().find(|c| !seen.insert(*c))
}

impl Program {
    /// The analyte with this code.
    pub fn analyte(&self, code: &str) -> Option<&Analyte> {
        self.analytes.iter().find(|a| a.code == code)
    }

    /// The round with this code.
    pub fn round(&self, code: &str) -> Option<&Round> {
        self.rounds.iter().find(|r| r.code == code)
    }
}

impl ResultType {
    /// The categories (or grades, or names) of the type, in order; empty
    /// for a quantitative type and for free-text nominal answers.
    pub fn categories(&self) -> &[Category] {
        match self {
            ResultType::Quantitative => &[],
            ResultType::Qualitative { categories } => categories,
            ResultType::Ordinal { grades, .. } => grades,
            ResultType::Nominal { vocabulary } => vocabulary,
        }
    }

    /// The position of the category a reported word means: the word, trimmed
    /// and case-folded, equals a category's code or one of its aliases.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::plan::{Category, ResultType};
    ///
    /// let hbsag = ResultType::Qualitative {
    ///     categories: vec![
    ///         Category { code: "negative".into(), aliases: vec!["阴性".into(), "-".into()] },
    ///         Category { code: "positive".into(), aliases: vec!["阳性".into(), "+".into()] },
    ///     ],
    /// };
    /// assert_eq!(hbsag.category_index(" 阳性"), Some(1));
    /// assert_eq!(hbsag.category_index("NEGATIVE"), Some(0));
    /// assert_eq!(hbsag.category_index("weak"), None);
    /// ```
    pub fn category_index(&self, word: &str) -> Option<usize> {
        let word = fold(word);
        self.categories()
            .iter()
            .position(|c| fold(&c.code) == word || c.aliases.iter().any(|a| fold(a) == word))
    }
}

/// A word trimmed and case-folded, as categories are compared.
pub fn fold(word: &str) -> String {
    word.trim().to_lowercase()
}

impl Round {
    /// The sample with this code.
    pub fn sample(&self, code: &str) -> Option<&Sample> {
        self.samples.iter().find(|s| s.code == code)
    }

    /// The samples an analyte is tested on in this round: its own list, or
    /// every sample of the round.
    pub fn samples_for<'a>(&'a self, analyte: &str) -> Vec<&'a Sample> {
        match self.analyte_samples.get(analyte) {
            Some(codes) => codes.iter().filter_map(|c| self.sample(c)).collect(),
            None => self.samples.iter().collect(),
        }
    }
}

impl Sample {
    /// Why this sample is invalidated for `analyte`, if it is.
    pub fn invalidated_for(&self, analyte: &str) -> Option<&str> {
        self.invalidated
            .as_deref()
            .or_else(|| self.invalidated_for.get(analyte).map(String::as_str))
    }
}
