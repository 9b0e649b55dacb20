//! Checking a laboratory's results for a round before they are sent
//! (domain §3.2, §3.3, §4.6, §9 item 8): every sample (批号) reported,
//! values readable, units right, instrument, reagent and method chosen, and
//! the deadline not passed.
//!
//! Every problem is reported, each with the path of the field at fault
//! (`submissions[0].values[2].value`), a stable [`IssueCode`] and a message
//! in English and in Chinese. Errors make the report invalid; warnings
//! (an implausible value, no calibrator, a round not open yet) do not.

use std::collections::HashSet;

use crate::plan::model::{Analyte, Plan, ResultType};
use crate::plan::reported::{Reading, Reported};
use crate::plan::timestamp::Timestamp;
use crate::plan::units::{UnitMatch, unit_match};
use crate::results::messages::Finding;
use crate::results::model::Submission;

pub use crate::results::issues::{Issue, IssueCode, Severity, ValidationReport};

/// Checks a laboratory's submissions for one round of one program against
/// the plan, at time `now` (no deadline check without it).
///
/// Round-level checks: the program and round exist; `now` is not past the
/// deadline (error) nor before the round opens (warning). For each
/// submission: it is for this program and round; its analyte exists and is
/// submitted once; its unit is the analyte's; a quantitative analyte has an
/// instrument, a reagent and a method (errors) and a calibrator (warning);
/// every sample the round tests the analyte on has exactly one value, and
/// no other sample has one; each value is filled in and readable for the
/// analyte's result type (a number or censored number for a quantitative
/// analyte, a category, grade or name of its vocabulary otherwise; any
/// word for a free-text nominal analyte); a number is within the analyte's
/// plausible range (warning).
///
/// # Errors
///
/// None: every problem is an [`Issue`] of the report.
///
/// # Examples
///
/// ```
/// use eqa::plan::Plan;
/// use eqa::results::Submission;
/// use eqa::results::validation::{validate_submission, IssueCode};
///
/// let plan = Plan::from_json(r#"{
///   "provider": {"code": "CQCCL"}, "year": 2026,
///   "programs": [{"code": "C1", "analytes": [{"code": "GLU", "unit": "mmol/L"}],
///     "rounds": [{"code": "2026-1", "deadline": "2026-04-20T17:00:00+08:00",
///                 "samples": [{"code": "202611"}, {"code": "202612"}]}]}]
/// }"#)?;
/// let draft: Submission = serde_json::from_str(r#"{
///   "lab": "L01", "program": "C1", "round": "2026-1", "analyte": "GLU",
///   "unit": "mmol/L", "instrument": "AU5800", "reagent": "Beckman", "method": "HK",
///   "calibrator": "Beckman", "status": "draft",
///   "values": [{"sample": "202611", "value": "5.50", "row": 1}]
/// }"#).unwrap();
/// let report = validate_submission(&plan, "C1", "2026-1", &[draft], None);
/// assert!(!report.valid);
/// assert_eq!(report.issues[0].code, IssueCode::MissingSample);
/// assert_eq!(report.issues[0].path, "submissions[0].values");
/// assert_eq!(report.issues[0].message_zh, "批号 202612 未填写结果");
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn validate_submission(
    plan: &Plan,
    program: &str,
    round: &str,
    submissions: &[Submission],
    now: Option<Timestamp>,
) -> ValidationReport {
    let mut issues = Issues::default();
    let program_plan = plan.program(program);
    let round_plan = program_plan.and_then(|p| p.round(round));
    if program_plan.is_none() {
        issues.push(
            "program".into(),
            None,
            None,
            Finding::UnknownProgram { program },
        );
    } else if round_plan.is_none() {
        let finding = Finding::UnknownRound { program, round };
        issues.push("round".into(), None, None, finding);
    }
    if let (Some(r), Some(now)) = (round_plan, now) {
        if now > r.deadline {
            let finding = Finding::PastDeadline {
                deadline: r.deadline,
            };
            issues.push("round".into(), None, None, finding);
        } else if let Some(opens) = r.opens
            && now < opens
        {
            issues.push("round".into(), None, None, Finding::NotOpenYet { opens });
        }
    }
    let mut analytes = HashSet::new();
    for (i, submission) in submissions.iter().enumerate() {
        let at = format!("submissions[{i}]");
        let code = &*submission.analyte;
        let (given_program, given_round) = (&*submission.program, &*submission.round);
        if given_program != program || given_round != round {
            let field = if given_program == program {
                "round"
            } else {
                "program"
            };
            let finding = Finding::WrongProgramOrRound {
                program: given_program,
                round: given_round,
                expected_program: program,
                expected_round: round,
            };
            issues.push(format!("{at}.{field}"), Some(code), None, finding);
            continue;
        }
        let analyte = program_plan.and_then(|p| p.analyte(code));
        if program_plan.is_some() && analyte.is_none() {
            let finding = Finding::UnknownAnalyte {
                program,
                analyte: code,
            };
            issues.push(format!("{at}.analyte"), Some(code), None, finding);
        }
        if !analytes.insert(code) {
            let finding = Finding::DuplicateAnalyte { analyte: code };
            issues.push(format!("{at}.analyte"), Some(code), None, finding);
        }
        if let Some(a) = analyte {
            check_metadata(&mut issues, &at, a, submission);
        }
        let mut reported = HashSet::new();
        for (j, value) in submission.values.iter().enumerate() {
            let sample = &*value.sample;
            let path = format!("{at}.values[{j}]");
            if let Some(r) = round_plan {
                let known = r.sample(sample).is_some();
                let tested = r.samples_for(code).iter().any(|s| s.code == sample);
                if !known || analyte.is_some() && !tested {
                    let finding = Finding::UnknownSample {
                        round,
                        analyte: code,
                        sample,
                        in_round: known,
                    };
                    issues.push(format!("{path}.sample"), Some(code), Some(sample), finding);
                }
            }
            if !reported.insert(sample) {
                let finding = Finding::DuplicateSample { sample };
                issues.push(format!("{path}.sample"), Some(code), Some(sample), finding);
            }
            if let Some(finding) = check_value(analyte, sample, &value.value) {
                issues.push(format!("{path}.value"), Some(code), Some(sample), finding);
            }
        }
        if let (Some(r), Some(_)) = (round_plan, analyte) {
            for s in r.samples_for(code) {
                if !reported.contains(s.code.as_str()) {
                    let finding = Finding::MissingSample { sample: &s.code };
                    issues.push(format!("{at}.values"), Some(code), Some(&s.code), finding);
                }
            }
        }
    }
    let issues = issues.0;
    ValidationReport {
        valid: issues.iter().all(|i| i.severity != Severity::Error),
        issues,
    }
}

/// The issues found so far.
#[derive(Default)]
struct Issues(Vec<Issue>);

impl Issues {
    fn push(
        &mut self,
        path: String,
        analyte: Option<&str>,
        sample: Option<&str>,
        finding: Finding<'_>,
    ) {
        let code = finding.code();
        self.0.push(Issue {
            path,
            code,
            severity: code.severity(),
            analyte: analyte.map(str::to_owned),
            sample: sample.map(str::to_owned),
            message_en: finding.english(),
            message_zh: finding.chinese(),
        });
    }
}

/// Whether a metadata field is blank.
fn blank(field: Option<&str>) -> bool {
    field.is_none_or(|f| f.trim().is_empty())
}

/// The unit, and the instrument, reagent, method and calibrator of a
/// quantitative analyte.
fn check_metadata(issues: &mut Issues, at: &str, analyte: &Analyte, submission: &Submission) {
    let code = analyte.code.as_str();
    if let Some(expected) = analyte.unit.as_deref() {
        let given = submission.unit.as_deref().map(str::trim);
        let finding = match given.filter(|g| !g.is_empty()) {
            Some(given) => match unit_match(code, given, expected) {
                UnitMatch::Same => None,
                UnitMatch::Convertible(_) => Some(Finding::ConvertedUnit {
                    analyte: code,
                    given,
                    expected,
                }),
                UnitMatch::Different => Some(Finding::WrongUnit {
                    analyte: code,
                    given: Some(given),
                    expected,
                }),
            },
            None => Some(Finding::WrongUnit {
                analyte: code,
                given: None,
                expected,
            }),
        };
        if let Some(finding) = finding {
            issues.push(format!("{at}.unit"), Some(code), None, finding);
        }
    }
    if analyte.result_type != ResultType::Quantitative {
        return;
    }
    let fields = [
        ("instrument", submission.instrument.as_deref()),
        ("reagent", submission.reagent.as_deref()),
        ("method", submission.method.as_deref()),
        ("calibrator", submission.calibrator.as_deref()),
    ];
    for (name, field) in fields {
        if !blank(field) {
            continue;
        }
        let finding = match name {
            "instrument" => Finding::MissingInstrument { analyte: code },
            "reagent" => Finding::MissingReagent { analyte: code },
            "method" => Finding::MissingMethod { analyte: code },
            _ => Finding::MissingCalibrator { analyte: code },
        };
        issues.push(format!("{at}.{name}"), Some(code), None, finding);
    }
}

/// What is wrong with one value, if anything.
fn check_value<'a>(
    analyte: Option<&'a Analyte>,
    sample: &'a str,
    value: &'a Reported,
) -> Option<Finding<'a>> {
    if *value.reading() == Reading::Blank {
        return Some(Finding::BlankValue { sample });
    }
    let analyte = analyte?;
    let text = value.text().trim();
    match (&analyte.result_type, value.reading()) {
        (ResultType::Quantitative, Reading::Number(x)) => {
            let range = analyte.scoring.plausible?;
            (*x < range.low || *x > range.high).then_some(Finding::ImplausibleValue {
                sample,
                value: *x,
                low: range.low,
                high: range.high,
            })
        }
        (ResultType::Quantitative, Reading::Word(_)) => {
            Some(Finding::UnreadableValue { sample, text })
        }
        (ResultType::Quantitative, _) => None,
        (kind, _) if kind.categories().is_empty() || kind.category_index(text).is_some() => None,
        (kind, _) => Some(Finding::OutOfVocabulary {
            sample,
            text,
            allowed: kind
                .categories()
                .iter()
                .map(|c| c.code.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }),
    }
}
