//! A plan is refused when it loads, with the document path, for what would
//! otherwise fail at scoring or fail every laboratory: an unknown unit, a
//! year or a limit out of its domain.

#![allow(clippy::unwrap_used, clippy::panic)]

use eqa::plan::Plan;
use serde_json::{Value, json};

fn plan_with(analyte: Value, year: i64) -> Value {
    json!({
        "provider": {"code": "P"}, "year": year,
        "programs": [{"code": "C1", "analytes": [{"code": "X"}, analyte],
            "rounds": [{"code": "R1", "deadline": "2026-04-20T17:00:00+08:00"}]}]
    })
}

fn refusal(text: &Value) -> (String, String) {
    match Plan::from_json(&text.to_string()) {
        Err(eqa::Error::InvalidDocument { path, message }) => (path, message),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_unknown_unit_is_refused_unless_the_plan_lists_it() {
    let text = plan_with(json!({"code": "GLU", "unit": "mmol/LL"}), 2026);
    let (path, message) = refusal(&text);
    assert_eq!(path, "programs[0].analytes[1].unit");
    assert!(message.contains("\"mmol/LL\""), "{message}");
    for unit in [
        "mmol/L", "μmol/l", "umol/L", "mg/dL", "10^9/L", "%", "INR", "s", "",
    ] {
        let text = plan_with(json!({"code": "GLU", "unit": unit}), 2026);
        assert!(Plan::from_json(&text.to_string()).is_ok(), "{unit}");
    }
    let mut listed = plan_with(json!({"code": "HIV", "unit": "S/CO ratio"}), 2026);
    assert!(Plan::from_json(&listed.to_string()).is_err());
    listed["units"] = json!(["S/CO ratio"]);
    assert_eq!(
        Plan::from_json(&listed.to_string()).unwrap().units,
        ["S/CO ratio"]
    );
}

#[test]
fn years_thresholds_and_limits_out_of_their_domain_are_refused_on_load() {
    let (path, _) = refusal(&plan_with(json!({"code": "GLU"}), -1));
    assert_eq!(path, "year");
    let limit = json!({"code": "GLU", "scoring": {"limit": {"kind": "percent", "percent": "-5"}}});
    let (path, message) = refusal(&plan_with(limit, 2026));
    assert!(
        path.starts_with("programs[0].analytes[1].scoring"),
        "{path}"
    );
    assert!(message.contains("-5"), "{message}");
    let threshold = json!({"code": "GLU", "scoring": {"pass_threshold": 101}});
    let (path, _) = refusal(&plan_with(threshold, 2026));
    assert_eq!(path, "programs[0].analytes[1].scoring.pass_threshold");
    let mut program = plan_with(json!({"code": "GLU"}), 2026);
    program["programs"][0]["scoring"] = json!({"pass_threshold": -1});
    assert_eq!(refusal(&program).0, "programs[0].scoring.pass_threshold");
}

#[test]
fn a_criterion_in_an_unknown_unit_is_refused() {
    let text = json!({"tables": [{"provider": "P", "year": 2026, "programs": ["C1"], "name": "t",
        "source": "s", "criteria": [{"analyte": "GLU", "name": "glucose", "unit": "mg/dl%",
        "limit": {"kind": "absolute", "absolute": 3}, "source": "s", "confirmed": true}]}]});
    match eqa::plan::criteria::Criteria::from_json(&text.to_string()) {
        Err(eqa::Error::InvalidDocument { path, .. }) => {
            assert_eq!(path, "tables[0].criteria[0].unit")
        }
        other => panic!("{other:?}"),
    }
}
