//! The English and Chinese texts of validation issues.

use rust_decimal::Decimal;

use crate::plan::reported::{Reading, Reported};
use crate::plan::timestamp::Timestamp;
use crate::results::issues::IssueCode;

/// A finding of validation with what its messages mention.
#[derive(Debug, Clone)]
pub(crate) enum Finding<'a> {
    UnknownProgram {
        program: &'a str,
    },
    UnknownRound {
        program: &'a str,
        round: &'a str,
    },
    UnknownAnalyte {
        program: &'a str,
        analyte: &'a str,
    },
    /// A sample not in the round (`in_round` false) or in it but not
    /// tested for the analyte.
    UnknownSample {
        round: &'a str,
        analyte: &'a str,
        sample: &'a str,
        in_round: bool,
    },
    WrongProgramOrRound {
        program: &'a str,
        round: &'a str,
        expected_program: &'a str,
        expected_round: &'a str,
    },
    MissingSample {
        sample: &'a str,
    },
    DuplicateSample {
        sample: &'a str,
    },
    BlankValue {
        sample: &'a str,
    },
    UnreadableValue {
        sample: &'a str,
        text: &'a str,
    },
    OutOfVocabulary {
        sample: &'a str,
        text: &'a str,
        allowed: String,
    },
    WrongUnit {
        analyte: &'a str,
        given: Option<&'a str>,
        expected: &'a str,
    },
    ConvertedUnit {
        analyte: &'a str,
        given: &'a str,
        expected: &'a str,
    },
    ImplausibleValue {
        sample: &'a str,
        value: Decimal,
        low: Decimal,
        high: Decimal,
    },
    MissingInstrument {
        analyte: &'a str,
    },
    MissingReagent {
        analyte: &'a str,
    },
    MissingMethod {
        analyte: &'a str,
    },
    MissingCalibrator {
        analyte: &'a str,
    },
    PastDeadline {
        deadline: Timestamp,
    },
    NotOpenYet {
        opens: Timestamp,
    },
    DuplicateAnalyte {
        analyte: &'a str,
    },
}

impl Finding<'_> {
    /// Its code.
    pub(crate) fn code(&self) -> IssueCode {
        match self {
            Finding::UnknownProgram { .. } => IssueCode::UnknownProgram,
            Finding::UnknownRound { .. } => IssueCode::UnknownRound,
            Finding::UnknownAnalyte { .. } => IssueCode::UnknownAnalyte,
            Finding::UnknownSample { .. } => IssueCode::UnknownSample,
            Finding::WrongProgramOrRound { .. } => IssueCode::WrongProgramOrRound,
            Finding::MissingSample { .. } => IssueCode::MissingSample,
            Finding::DuplicateSample { .. } => IssueCode::DuplicateSample,
            Finding::BlankValue { .. } => IssueCode::BlankValue,
            Finding::UnreadableValue { .. } => IssueCode::UnreadableValue,
            Finding::OutOfVocabulary { .. } => IssueCode::OutOfVocabulary,
            Finding::WrongUnit { .. } => IssueCode::WrongUnit,
            Finding::ConvertedUnit { .. } => IssueCode::ConvertedUnit,
            Finding::ImplausibleValue { .. } => IssueCode::ImplausibleValue,
            Finding::MissingInstrument { .. } => IssueCode::MissingInstrument,
            Finding::MissingReagent { .. } => IssueCode::MissingReagent,
            Finding::MissingMethod { .. } => IssueCode::MissingMethod,
            Finding::MissingCalibrator { .. } => IssueCode::MissingCalibrator,
            Finding::PastDeadline { .. } => IssueCode::PastDeadline,
            Finding::NotOpenYet { .. } => IssueCode::NotOpenYet,
            Finding::DuplicateAnalyte { .. } => IssueCode::DuplicateAnalyte,
        }
    }

    /// The message in English.
    pub(crate) fn english(&self) -> String {
        match self {
            Finding::UnknownProgram { program } => format!("the plan has no program {program}"),
            Finding::UnknownRound { program, round } => {
                format!("program {program} has no round {round}")
            }
            Finding::UnknownAnalyte { program, analyte } => {
                format!("program {program} has no analyte {analyte}")
            }
            Finding::UnknownSample {
                round,
                sample,
                in_round: false,
                ..
            } => format!("round {round} has no sample {sample}"),
            Finding::UnknownSample {
                analyte, sample, ..
            } => format!("sample {sample} is not tested for {analyte} in this round"),
            Finding::WrongProgramOrRound {
                program,
                round,
                expected_program,
                expected_round,
            } => format!(
                "this submission is for program {program}, round {round}, \
                 not program {expected_program}, round {expected_round}"
            ),
            Finding::MissingSample { sample } => format!("sample {sample} has no result"),
            Finding::DuplicateSample { sample } => {
                format!("sample {sample} is reported more than once")
            }
            Finding::BlankValue { sample } => format!("the result of sample {sample} is blank"),
            Finding::UnreadableValue { sample, text } => match comma_decimal(text) {
                Some(fixed) => format!(
                    "the result of sample {sample}, {text:?}, is not a number; write the \
                     decimal separator as a point: {fixed}"
                ),
                None => format!("the result of sample {sample}, {text:?}, is not a number"),
            },
            Finding::OutOfVocabulary {
                sample,
                text,
                allowed,
            } => format!("the result of sample {sample}, {text:?}, is not one of {allowed}"),
            Finding::WrongUnit {
                analyte,
                given: Some(given),
                expected,
            } => format!("the unit of {analyte} must be {expected}, not {given}"),
            Finding::WrongUnit {
                analyte, expected, ..
            } => format!("no unit is given for {analyte}; it must be {expected}"),
            Finding::ConvertedUnit {
                analyte,
                given,
                expected,
            } => format!(
                "the results of {analyte} are in {given}, not {expected}; they will be \
                 converted to {expected} when scored, but please report in {expected}"
            ),
            Finding::ImplausibleValue {
                sample,
                value,
                low,
                high,
            } => format!(
                "the result of sample {sample}, {value}, is outside the plausible range \
                 {low} to {high}; please check it"
            ),
            Finding::MissingInstrument { analyte } => {
                format!("no instrument is chosen for {analyte}")
            }
            Finding::MissingReagent { analyte } => format!("no reagent is chosen for {analyte}"),
            Finding::MissingMethod { analyte } => format!("no method is chosen for {analyte}"),
            Finding::MissingCalibrator { analyte } => {
                format!("no calibrator is chosen for {analyte}")
            }
            Finding::PastDeadline { deadline } => {
                format!("the round closed at {deadline}; results can no longer be submitted")
            }
            Finding::NotOpenYet { opens } => {
                format!("the round opens for results at {opens}")
            }
            Finding::DuplicateAnalyte { analyte } => {
                format!("analyte {analyte} has more than one submission")
            }
        }
    }

    /// The message in Chinese.
    pub(crate) fn chinese(&self) -> String {
        match self {
            Finding::UnknownProgram { program } => format!("计划中没有专业 {program}"),
            Finding::UnknownRound { program, round } => {
                format!("专业 {program} 没有 {round} 活动")
            }
            Finding::UnknownAnalyte { program, analyte } => {
                format!("专业 {program} 没有项目 {analyte}")
            }
            Finding::UnknownSample {
                round,
                sample,
                in_round: false,
                ..
            } => format!("{round} 活动没有批号 {sample}"),
            Finding::UnknownSample {
                analyte, sample, ..
            } => format!("本次活动项目 {analyte} 不检测批号 {sample}"),
            Finding::WrongProgramOrRound {
                program,
                round,
                expected_program,
                expected_round,
            } => format!(
                "这份结果属于 {program} 专业的 {round} 活动，\
                 不是本次上报的 {expected_program} 专业的 {expected_round} 活动"
            ),
            Finding::MissingSample { sample } => format!("批号 {sample} 未填写结果"),
            Finding::DuplicateSample { sample } => format!("批号 {sample} 重复填写"),
            Finding::BlankValue { sample } => format!("批号 {sample} 的结果为空"),
            Finding::UnreadableValue { sample, text } => match comma_decimal(text) {
                Some(fixed) => {
                    format!("批号 {sample} 的结果“{text}”不是数值；小数点请用“.”：{fixed}")
                }
                None => format!("批号 {sample} 的结果“{text}”不是数值"),
            },
            Finding::OutOfVocabulary {
                sample,
                text,
                allowed,
            } => format!("批号 {sample} 的结果“{text}”不在可选结果（{allowed}）中"),
            Finding::WrongUnit {
                analyte,
                given: Some(given),
                expected,
            } => format!("项目 {analyte} 的单位应为 {expected}，填写的是 {given}"),
            Finding::WrongUnit {
                analyte, expected, ..
            } => format!("项目 {analyte} 未填写单位，应为 {expected}"),
            Finding::ConvertedUnit {
                analyte,
                given,
                expected,
            } => format!(
                "项目 {analyte} 的单位填写的是 {given}，应为 {expected}；评价时将换算为 {expected}，请按 {expected} 填报"
            ),
            Finding::ImplausibleValue {
                sample,
                value,
                low,
                high,
            } => format!("批号 {sample} 的结果 {value} 超出合理范围 {low}～{high}，请核对"),
            Finding::MissingInstrument { analyte } => format!("项目 {analyte} 未选择仪器"),
            Finding::MissingReagent { analyte } => format!("项目 {analyte} 未选择试剂"),
            Finding::MissingMethod { analyte } => format!("项目 {analyte} 未选择方法"),
            Finding::MissingCalibrator { analyte } => format!("项目 {analyte} 未选择校准物"),
            Finding::PastDeadline { deadline } => {
                format!("本次活动已于 {deadline} 截止，不能再上报结果")
            }
            Finding::NotOpenYet { opens } => format!("本次活动 {opens} 才开始填报结果"),
            Finding::DuplicateAnalyte { analyte } => format!("项目 {analyte} 填报了不止一份结果"),
        }
    }
}

/// The text with its decimal comma written as a point, when it is a number
/// written with one (`5,3` → `5.3`; `＜0，5` → `<0.5`).
fn comma_decimal(text: &str) -> Option<String> {
    let fixed: String = text
        .trim()
        .chars()
        .map(|c| if matches!(c, ',' | '，') { '.' } else { c })
        .collect();
    let commas = text.chars().filter(|c| matches!(c, ',' | '，')).count();
    let reads = !matches!(
        Reported::new(fixed.as_str()).reading(),
        Reading::Word(_) | Reading::Blank
    );
    (commas == 1 && reads).then_some(fixed)
}
