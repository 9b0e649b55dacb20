//! Validating a laboratory's submission before it is sent, against the
//! example plan of `docs/plan-schema.md` (core/tests/data/plan-example.json).

use std::sync::Arc;

use eqa::plan::reported::Reported;
use eqa::plan::timestamp::Timestamp;
use eqa::plan::{Plan, ResultType};
use eqa::results::validation::{Issue, IssueCode, Severity, ValidationReport, validate_submission};
use eqa::results::{SampleValue, Status, Submission};

fn plan() -> Plan {
    let text = include_str!("../data/plan-example.json");
    Plan::from_json(text).expect("the example plan loads")
}

fn at(text: &str) -> Option<Timestamp> {
    Some(text.parse().expect("an RFC 3339 time"))
}

/// While the round is open.
const OPEN: &str = "2026-04-10T10:00:00+08:00";

/// A draft of `analyte` in C1 2026-1 with every metadata field filled in.
fn draft(analyte: &str, unit: Option<&str>, values: &[(&str, &str)]) -> Submission {
    let text = |t: &str| Some(Arc::<str>::from(t));
    Submission {
        lab: "L01".into(),
        program: "C1".into(),
        round: "2026-1".into(),
        analyte: analyte.into(),
        unit: unit.map(Arc::from),
        instrument: text("AU5800"),
        reagent: text("Beckman"),
        calibrator: text("Beckman"),
        method: text("hexokinase"),
        status: Status::Draft,
        submitted_at: None,
        version: 0,
        values: values
            .iter()
            .zip(1..)
            .map(|(&(sample, value), row)| SampleValue {
                sample: sample.into(),
                value: Reported::new(value),
                row,
            })
            .collect(),
    }
}

fn complete_glu() -> Submission {
    draft(
        "GLU",
        Some("mmol/L"),
        &[
            ("202611", "5.50"),
            ("202612", "6.1"),
            ("202613", "<0.5"),
            ("202614", "12.3"),
            ("202615", "3.9"),
        ],
    )
}

/// (path, code, analyte, sample) of each issue.
fn summary(report: &ValidationReport) -> Vec<(&str, &str, Option<&str>, Option<&str>)> {
    report
        .issues
        .iter()
        .map(|i| {
            (
                i.path.as_str(),
                i.code.as_str(),
                i.analyte.as_deref(),
                i.sample.as_deref(),
            )
        })
        .collect()
}

#[test]
fn the_example_plan_loads_and_round_trips() {
    let plan = plan();
    assert_eq!(plan.provider.code, "CQCCL");
    assert_eq!(plan.programs.len(), 3);
    let c1 = plan.program("C1").unwrap();
    let round = c1.round("2026-1").unwrap();
    assert_eq!(round.samples_for("GLU").len(), 5);
    let i1 = plan.program("I1").unwrap();
    let abo = i1.round("2026-1").unwrap().samples_for("ABO");
    assert_eq!(
        abo.iter().map(|s| s.code.as_str()).collect::<Vec<_>>(),
        ["202651", "202652"]
    );
    assert!(matches!(
        c1.analyte("GLU").unwrap().result_type,
        ResultType::Quantitative
    ));
    assert_eq!(Plan::from_json(&plan.to_json()).unwrap(), plan);
}

#[test]
fn a_complete_draft_validates() {
    let k = draft(
        "K",
        Some("mmol/L"),
        &[
            ("202611", "4.1"),
            ("202612", "3.5"),
            ("202613", "5.0"),
            ("202614", "6.2"),
            ("202615", "2.9"),
        ],
    );
    let report = validate_submission(&plan(), "C1", "2026-1", &[complete_glu(), k], at(OPEN));
    assert_eq!(
        report,
        ValidationReport {
            valid: true,
            issues: vec![]
        }
    );
}

#[test]
fn a_faulty_draft_gives_exactly_its_issues() {
    let mut glu = draft(
        "GLU",
        Some("mg/L"),
        &[
            ("202611", "5.50"),
            ("202612", "5..5"),
            ("202613", "55.0"),
            ("202614", "6.1"),
        ],
    );
    glu.reagent = None;
    let now = at("2026-04-21T09:00:00+08:00");
    let report = validate_submission(&plan(), "C1", "2026-1", &[glu], now);
    assert!(!report.valid);
    let issue = |path: &str, code, sample: Option<&str>, en: &str, zh: &str| Issue {
        path: path.into(),
        code,
        severity: code.severity(),
        analyte: (code != IssueCode::PastDeadline).then(|| "GLU".into()),
        sample: sample.map(str::to_owned),
        message_en: en.into(),
        message_zh: zh.into(),
    };
    let expected = [
        issue(
            "round",
            IssueCode::PastDeadline,
            None,
            "the round closed at 2026-04-20T17:00:00+08:00; results can no longer be submitted",
            "本次活动已于 2026-04-20T17:00:00+08:00 截止，不能再上报结果",
        ),
        issue(
            "submissions[0].unit",
            IssueCode::WrongUnit,
            None,
            "the unit of GLU must be mmol/L, not mg/L",
            "项目 GLU 的单位应为 mmol/L，填写的是 mg/L",
        ),
        issue(
            "submissions[0].reagent",
            IssueCode::MissingReagent,
            None,
            "no reagent is chosen for GLU",
            "项目 GLU 未选择试剂",
        ),
        issue(
            "submissions[0].values[1].value",
            IssueCode::UnreadableValue,
            Some("202612"),
            "the result of sample 202612, \"5..5\", is not a number",
            "批号 202612 的结果“5..5”不是数值",
        ),
        issue(
            "submissions[0].values[2].value",
            IssueCode::ImplausibleValue,
            Some("202613"),
            "the result of sample 202613, 55.0, is outside the plausible range 0.5 to 40; \
             please check it",
            "批号 202613 的结果 55.0 超出合理范围 0.5～40，请核对",
        ),
        issue(
            "submissions[0].values",
            IssueCode::MissingSample,
            Some("202615"),
            "sample 202615 has no result",
            "批号 202615 未填写结果",
        ),
    ];
    assert_eq!(report.issues, expected);
    assert_eq!(report.issues[4].severity, Severity::Warning);
}

#[test]
fn warnings_alone_keep_a_draft_valid() {
    let mut glu = complete_glu();
    glu.calibrator = None;
    glu.values[3].value = Reported::new("45");
    let report = validate_submission(
        &plan(),
        "C1",
        "2026-1",
        &[glu],
        at("2026-04-01T08:00:00+08:00"),
    );
    assert!(report.valid);
    assert_eq!(
        summary(&report),
        [
            ("round", "not_open_yet", None, None),
            (
                "submissions[0].calibrator",
                "missing_calibrator",
                Some("GLU"),
                None
            ),
            (
                "submissions[0].values[3].value",
                "implausible_value",
                Some("GLU"),
                Some("202614")
            ),
        ]
    );
    assert_eq!(
        report.issues[0].message_zh,
        "本次活动 2026-04-07T08:00:00+08:00 才开始填报结果"
    );
}

#[test]
fn codes_samples_and_analytes_outside_the_plan_are_named() {
    let plan = plan();
    let report = validate_submission(&plan, "C9", "2026-1", &[], None);
    assert_eq!(
        summary(&report),
        [("program", "unknown_program", None, None)]
    );
    let report = validate_submission(&plan, "C1", "2026-9", &[], None);
    assert_eq!(summary(&report), [("round", "unknown_round", None, None)]);

    let mut other = complete_glu();
    other.round = "2026-2".into();
    let mut extra = complete_glu();
    extra.values.push(SampleValue {
        sample: "209999".into(),
        value: Reported::new("5"),
        row: 9,
    });
    extra.values[1].sample = "202611".into();
    let unknown = draft("XYZ", None, &[("202611", "")]);
    let report = validate_submission(&plan, "C1", "2026-1", &[other, extra, unknown], None);
    assert_eq!(
        summary(&report),
        [
            (
                "submissions[0].round",
                "wrong_program_or_round",
                Some("GLU"),
                None
            ),
            (
                "submissions[1].values[1].sample",
                "duplicate_sample",
                Some("GLU"),
                Some("202611")
            ),
            (
                "submissions[1].values[5].sample",
                "unknown_sample",
                Some("GLU"),
                Some("209999")
            ),
            (
                "submissions[1].values",
                "missing_sample",
                Some("GLU"),
                Some("202612")
            ),
            (
                "submissions[2].analyte",
                "unknown_analyte",
                Some("XYZ"),
                None
            ),
            (
                "submissions[2].values[0].value",
                "blank_value",
                Some("XYZ"),
                Some("202611")
            ),
        ]
    );
    assert_eq!(
        report.issues[0].message_en,
        "this submission is for program C1, round 2026-2, not program C1, round 2026-1"
    );
    assert_eq!(report.issues[2].message_zh, "2026-1 活动没有批号 209999");
}

#[test]
fn words_are_checked_against_the_vocabulary() {
    let plan = plan();
    let categorical = |analyte: &str, values: &[(&str, &str)]| {
        let mut s = draft(analyte, None, values);
        s.program = "I1".into();
        (s.instrument, s.reagent, s.method, s.calibrator) = (None, None, None, None);
        s
    };
    let hbsag = categorical(
        "HBsAg",
        &[
            ("202651", "阳性"),
            ("202652", " NEGATIVE"),
            ("202653", "weak"),
        ],
    );
    let abo = categorical("ABO", &[("202651", "A"), ("202652", "o"), ("202653", "B")]);
    let again = categorical("ABO", &[("202651", "A"), ("202652", "O")]);
    let report = validate_submission(&plan, "I1", "2026-1", &[hbsag, abo, again], at(OPEN));
    assert_eq!(
        summary(&report),
        [
            (
                "submissions[0].values[2].value",
                "out_of_vocabulary",
                Some("HBsAg"),
                Some("202653")
            ),
            (
                "submissions[1].values[2].sample",
                "unknown_sample",
                Some("ABO"),
                Some("202653")
            ),
            (
                "submissions[2].analyte",
                "duplicate_analyte",
                Some("ABO"),
                None
            ),
        ]
    );
    assert_eq!(
        report.issues[0].message_en,
        "the result of sample 202653, \"weak\", is not one of negative, positive"
    );
    assert_eq!(
        report.issues[1].message_zh,
        "本次活动项目 ABO 不检测批号 202653"
    );

    let mut pro = categorical("PRO", &[("202631", "1+"), ("202632", "阴性")]);
    pro.program = "H3".into();
    let report = validate_submission(&plan, "H3", "2026-1", &[pro.clone()], at(OPEN));
    assert_eq!(
        report,
        ValidationReport {
            valid: true,
            issues: vec![]
        }
    );
    pro.values[1].value = Reported::new("5+");
    let report = validate_submission(&plan, "H3", "2026-1", &[pro], at(OPEN));
    assert_eq!(report.issues[0].code, IssueCode::OutOfVocabulary);
}

#[test]
fn quantitative_analytes_need_instrument_reagent_and_method() {
    let mut glu = complete_glu();
    (glu.instrument, glu.method, glu.unit) = (Some(" ".into()), None, None);
    let report = validate_submission(&plan(), "C1", "2026-1", &[glu], None);
    assert_eq!(
        summary(&report),
        [
            ("submissions[0].unit", "wrong_unit", Some("GLU"), None),
            (
                "submissions[0].instrument",
                "missing_instrument",
                Some("GLU"),
                None
            ),
            ("submissions[0].method", "missing_method", Some("GLU"), None),
        ]
    );
    assert_eq!(
        report.issues[0].message_en,
        "no unit is given for GLU; it must be mmol/L"
    );
}

#[test]
fn codes_and_severities_serialise_in_snake_case() {
    for code in IssueCode::ALL {
        assert_eq!(serde_json::to_value(code).unwrap(), code.as_str());
        assert_eq!(code.as_str().parse::<IssueCode>().unwrap(), *code);
    }
    let warnings: Vec<_> = IssueCode::ALL
        .iter()
        .filter(|c| c.severity() == Severity::Warning)
        .map(|c| c.as_str())
        .collect();
    assert_eq!(
        warnings,
        [
            "converted_unit",
            "implausible_value",
            "missing_calibrator",
            "not_open_yet"
        ]
    );
    let report = validate_submission(&plan(), "C9", "1", &[], None);
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"valid": false, "issues": [{
            "path": "program", "code": "unknown_program", "severity": "error",
            "analyte": null, "sample": null,
            "message_en": "the plan has no program C9", "message_zh": "计划中没有专业 C9"
        }]})
    );
}

#[test]
fn the_plan_schema_document_shows_the_example_plan() {
    let doc = include_str!("../../../docs/plan-schema.md");
    let example = include_str!("../data/plan-example.json");
    assert!(doc.contains(&format!("```json\n{example}```")));
}

#[test]
fn units_are_compared_by_meaning_and_a_convertible_one_is_a_warning() {
    for spelling in ["mmol/l", "MMOL/L", " mmol / L "] {
        let mut glu = complete_glu();
        glu.unit = Some(Arc::from(spelling));
        let report = validate_submission(&plan(), "C1", "2026-1", &[glu], at(OPEN));
        assert!(report.issues.is_empty(), "{spelling}: {:?}", report.issues);
    }
    let mut glu = complete_glu();
    glu.unit = Some(Arc::from("mg/dL"));
    let report = validate_submission(&plan(), "C1", "2026-1", &[glu], at(OPEN));
    assert!(report.valid);
    assert_eq!(
        summary(&report),
        [("submissions[0].unit", "converted_unit", Some("GLU"), None)]
    );
    assert_eq!(report.issues[0].severity, Severity::Warning);
    assert_eq!(
        report.issues[0].message_en,
        "the results of GLU are in mg/dL, not mmol/L; they will be converted to mmol/L when \
         scored, but please report in mmol/L"
    );
    assert_eq!(
        report.issues[0].message_zh,
        "项目 GLU 的单位填写的是 mg/dL，应为 mmol/L；评价时将换算为 mmol/L，请按 mmol/L 填报"
    );
}

#[test]
fn full_width_digits_read_and_a_comma_decimal_gets_a_hint() {
    let mut glu = complete_glu();
    glu.values[0].value = Reported::new("５.５０");
    glu.values[1].value = Reported::new("5,3");
    let report = validate_submission(&plan(), "C1", "2026-1", &[glu], at(OPEN));
    assert_eq!(
        summary(&report),
        [(
            "submissions[0].values[1].value",
            "unreadable_value",
            Some("GLU"),
            Some("202612")
        )]
    );
    assert_eq!(
        report.issues[0].message_en,
        "the result of sample 202612, \"5,3\", is not a number; write the decimal separator \
         as a point: 5.3"
    );
    assert_eq!(
        report.issues[0].message_zh,
        "批号 202612 的结果“5,3”不是数值；小数点请用“.”：5.3"
    );
}
