//! The cross-language parity fixture of the performance statistics and
//! σ_pt, `tests/parity/scores.json`.
//!
//! Every call listed there is made again here and must give the recorded
//! result bit for bit; the Python and JavaScript test suites make the same
//! calls through their bindings and demand the same bits. After an intended
//! change of results, regenerate the file with
//! `EQA_BLESS=1 cargo test -p eqa --test stats parity_scores` and review the diff.

#![allow(clippy::panic)]

use crate::common;

use common::{check_fixture, numbers, vector};
use eqa::{
    Bound, ClassificationRule, CombinedOptions, GeneralModel, LimitFraction, MassFractionUnit,
    PreviousRoundsModel, WhenNotNegligible,
};
use serde_json::{Value, json};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/parity/scores.json");

fn outcome<T: serde::Serialize>(result: eqa::Result<T>) -> (&'static str, Value) {
    match result {
        Ok(v) => ("result", serde_json::to_value(v).expect("serialisable")),
        Err(e) => ("error", json!(e.code())),
    }
}

fn f(args: &Value, key: &str) -> f64 {
    args[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number"))
}

fn text<'a>(args: &'a Value, key: &str) -> Option<&'a str> {
    args.get(key).and_then(Value::as_str)
}

/// One score, singly when `x` is a number and for each result when it is an array.
fn score(function: &str, args: &Value) -> (&'static str, Value) {
    let many = args["x"].is_array();
    let x = if many {
        numbers(&args["x"])
    } else {
        vec![f(args, "x")]
    };
    let own = |key: &str| -> Vec<f64> {
        if args[key].is_array() {
            numbers(&args[key])
        } else {
            vec![f(args, key)]
        }
    };
    let result = match function {
        "deviation" if many => eqa::deviations(&x, f(args, "x_pt")),
        "deviation" => eqa::deviation(x[0], f(args, "x_pt")).map(|v| vec![v]),
        "percent_deviation" if many => eqa::percent_deviations(&x, f(args, "x_pt")),
        "percent_deviation" => eqa::percent_deviation(x[0], f(args, "x_pt")).map(|v| vec![v]),
        "pa_score" if many => eqa::pa_scores(&x, f(args, "x_pt"), f(args, "delta_e")),
        "pa_score" => eqa::pa_score(x[0], f(args, "x_pt"), f(args, "delta_e")).map(|v| vec![v]),
        "z_score" if many => eqa::z_scores(&x, f(args, "x_pt"), f(args, "sigma_pt")),
        "z_score" => eqa::z_score(x[0], f(args, "x_pt"), f(args, "sigma_pt")).map(|v| vec![v]),
        "z_prime_score" if many => {
            eqa::z_prime_scores(&x, f(args, "x_pt"), f(args, "sigma_pt"), f(args, "u_x_pt"))
        }
        "z_prime_score" => eqa::z_prime_score(
            x[0],
            f(args, "x_pt"),
            f(args, "sigma_pt"),
            f(args, "u_x_pt"),
        )
        .map(|v| vec![v]),
        "zeta_score" if many => {
            eqa::zeta_scores(&x, &own("u_x"), f(args, "x_pt"), f(args, "u_x_pt"))
        }
        "zeta_score" => eqa::zeta_score(x[0], f(args, "u_x"), f(args, "x_pt"), f(args, "u_x_pt"))
            .map(|v| vec![v]),
        "en_number" if many => eqa::en_numbers(&x, &own("U_x"), f(args, "x_pt"), f(args, "U_x_pt")),
        "en_number" => eqa::en_number(x[0], f(args, "U_x"), f(args, "x_pt"), f(args, "U_x_pt"))
            .map(|v| vec![v]),
        other => panic!("unknown score {other}"),
    };
    match result {
        Ok(v) if many => ("result", json!(v)),
        Ok(v) => ("result", json!(v[0])),
        Err(e) => ("error", json!(e.code())),
    }
}

/// A classification rule: a preset name or its four fields.
fn rule(spec: &Value) -> eqa::Result<ClassificationRule> {
    match spec.as_str() {
        Some("z") => Ok(ClassificationRule::z()),
        Some("en") => Ok(ClassificationRule::en()),
        Some("pa") => Ok(ClassificationRule::pa()),
        Some(other) => panic!("unknown preset {other}"),
        None => {
            let bound = |key: &str| -> Bound {
                text(spec, key).map_or(Bound::Inclusive, |s| s.parse().expect("bound"))
            };
            ClassificationRule::new(
                f(spec, "satisfactory"),
                bound("satisfactory_bound"),
                f(spec, "unsatisfactory"),
                bound("unsatisfactory_bound"),
            )
        }
    }
}

fn call(function: &str, args: Value) -> Value {
    let (key, value) = match function {
        "deviation" | "percent_deviation" | "pa_score" | "z_score" | "z_prime_score"
        | "zeta_score" | "en_number" => score(function, &args),
        "classify" => {
            outcome(rule(&args["rule"]).and_then(|r| eqa::classify(&numbers(&args["scores"]), &r)))
        }
        "combined_z" => {
            let mut options = CombinedOptions::default();
            if let Some(q) = args.get("questionable") {
                options.questionable = q.as_f64().expect("level");
            }
            if let Some(u) = args.get("unsatisfactory") {
                options.unsatisfactory = u.as_f64().expect("level");
            }
            outcome(eqa::combined_z(&numbers(&args["z"]), &options))
        }
        "sigma_pt_from_limit" => {
            let fraction = match &args["fraction"] {
                Value::String(name) => name.parse().expect("fraction"),
                Value::Number(x) => LimitFraction::Factor(x.as_f64().expect("factor")),
                _ => LimitFraction::default(),
            };
            outcome(eqa::sigma_pt_from_limit(f(&args, "delta_e"), fraction))
        }
        "sigma_pt_from_precision" => outcome(eqa::sigma_pt_from_precision(
            f(&args, "reproducibility_sd"),
            f(&args, "repeatability_sd"),
            args["replicates"].as_u64().expect("replicates") as u32,
        )),
        "sigma_pt_general_model" => {
            let model =
                text(&args, "model").map_or(GeneralModel::default(), |s| s.parse().expect("model"));
            let unit = text(&args, "unit")
                .map_or(MassFractionUnit::default(), |s| s.parse().expect("unit"));
            outcome(eqa::sigma_pt_general_model(f(&args, "c"), model, unit))
        }
        "sigma_pt_from_previous_rounds" => {
            let model = text(&args, "model").map_or(PreviousRoundsModel::default(), |s| {
                s.parse().expect("model")
            });
            outcome(eqa::sigma_pt_from_previous_rounds(
                &numbers(&args["assigned_values"]),
                &numbers(&args["sds"]),
                f(&args, "x_pt"),
                model,
            ))
        }
        "sigma_pt_from_robust_sd" => outcome(eqa::sigma_pt_from_robust_sd(
            f(&args, "s_star"),
            args["p"].as_u64().expect("p") as usize,
        )),
        "check_uncertainty" => {
            let when = text(&args, "when_not_negligible")
                .map_or(WhenNotNegligible::default(), |s| s.parse().expect("policy"));
            outcome(eqa::check_uncertainty(
                f(&args, "u_x_pt"),
                f(&args, "sigma_pt"),
                when,
            ))
        }
        other => panic!("unknown function {other}"),
    };
    json!({ "function": function, "args": args, key: value })
}

fn calls() -> Vec<Value> {
    let e4 = vector("iso13528_2022_E4_scores");
    let labs = e4["participants"].as_array().expect("participants");
    let column =
        |key: &str| -> Vec<f64> { labs.iter().map(|l| l[key].as_f64().expect(key)).collect() };
    let (x, u_x, big_u_x) = (column("x"), column("u_x"), column("U_x"));
    let (x_pt, u_pt, big_u_pt, sigma) = (0.044, 0.0041, 0.0082, 0.0066);
    let mut calls = vec![
        call("deviation", json!({ "x": x, "x_pt": x_pt })),
        call("percent_deviation", json!({ "x": x, "x_pt": x_pt })),
        call(
            "pa_score",
            json!({ "x": x, "x_pt": x_pt, "delta_e": 0.0198 }),
        ),
        call(
            "z_score",
            json!({ "x": x, "x_pt": x_pt, "sigma_pt": sigma }),
        ),
        call(
            "z_prime_score",
            json!({ "x": x, "x_pt": x_pt, "sigma_pt": sigma, "u_x_pt": u_pt }),
        ),
        call(
            "zeta_score",
            json!({ "x": x, "u_x": u_x, "x_pt": x_pt, "u_x_pt": u_pt }),
        ),
        call(
            "en_number",
            json!({ "x": x, "U_x": big_u_x, "x_pt": x_pt, "U_x_pt": big_u_pt }),
        ),
    ];
    for (i, lab) in labs.iter().enumerate().step_by(5) {
        let x = lab["x"].as_f64().expect("x");
        calls.push(call("deviation", json!({ "x": x, "x_pt": x_pt })));
        calls.push(call("percent_deviation", json!({ "x": x, "x_pt": x_pt })));
        calls.push(call(
            "pa_score",
            json!({ "x": x, "x_pt": x_pt, "delta_e": 0.0198 }),
        ));
        calls.push(call(
            "z_score",
            json!({ "x": x, "x_pt": x_pt, "sigma_pt": sigma }),
        ));
        calls.push(call(
            "z_prime_score",
            json!({ "x": x, "x_pt": x_pt, "sigma_pt": sigma, "u_x_pt": u_pt }),
        ));
        calls.push(call(
            "zeta_score",
            json!({ "x": x, "u_x": u_x[i], "x_pt": x_pt, "u_x_pt": u_pt }),
        ));
        calls.push(call(
            "en_number",
            json!({ "x": x, "U_x": big_u_x[i], "x_pt": x_pt, "U_x_pt": big_u_pt }),
        ));
    }
    // Errors: each degenerate input once.
    for (function, args) in [
        ("percent_deviation", json!({ "x": 1.0, "x_pt": 0.0 })),
        ("percent_deviation", json!({ "x": [1.0, 2.0], "x_pt": 0.0 })),
        ("z_score", json!({ "x": 1.0, "x_pt": 0.0, "sigma_pt": 0.0 })),
        (
            "z_score",
            json!({ "x": [1.0], "x_pt": 0.0, "sigma_pt": -1.0 }),
        ),
        (
            "z_score",
            json!({ "x": 1e300, "x_pt": -1e300, "sigma_pt": 1e-10 }),
        ),
        ("z_score", json!({ "x": [], "x_pt": 0.0, "sigma_pt": 1.0 })),
        ("pa_score", json!({ "x": 1.0, "x_pt": 0.0, "delta_e": 0.0 })),
        (
            "z_prime_score",
            json!({ "x": 1.0, "x_pt": 0.0, "sigma_pt": 1.0, "u_x_pt": -0.1 }),
        ),
        (
            "zeta_score",
            json!({ "x": 1.0, "u_x": 0.0, "x_pt": 0.0, "u_x_pt": 0.0 }),
        ),
        (
            "zeta_score",
            json!({ "x": [1.0, 2.0], "u_x": [0.1], "x_pt": 0.0, "u_x_pt": 0.1 }),
        ),
        (
            "en_number",
            json!({ "x": [1.0, 2.0], "U_x": [0.1, -0.1], "x_pt": 0.0, "U_x_pt": 0.1 }),
        ),
    ] {
        calls.push(call(function, args));
    }
    let z = calls[3]["result"].clone();
    calls.push(call("classify", json!({ "scores": z, "rule": "z" })));
    calls.push(call(
        "classify",
        json!({ "scores": [-1.0, 1.0, 1.5, -2.0], "rule": "en" }),
    ));
    calls.push(call(
        "classify",
        json!({ "scores": [100.0, -100.5, 3.0], "rule": "pa" }),
    ));
    calls.push(call(
        "classify",
        json!({ "scores": [2.0, 2.5, 3.0, -3.5], "rule": { "satisfactory": 2.0, "satisfactory_bound": "exclusive", "unsatisfactory": 3.0, "unsatisfactory_bound": "exclusive" } }),
    ));
    calls.push(call(
        "classify",
        json!({ "scores": [1.0], "rule": { "satisfactory": 3.0, "unsatisfactory": 2.0 } }),
    ));
    calls.push(call("combined_z", json!({ "z": [1.0, -0.5, 2.5, 1.2] })));
    calls.push(call(
        "combined_z",
        json!({ "z": [3.1, 2.2, -2.9, 1.8, 2.6, 0.4] }),
    ));
    calls.push(call(
        "combined_z",
        json!({ "z": [0.3], "questionable": 0.1, "unsatisfactory": 0.001 }),
    ));
    calls.push(call("combined_z", json!({ "z": [] })));
    calls.push(call(
        "combined_z",
        json!({ "z": [1.0], "questionable": 0.01, "unsatisfactory": 0.05 }),
    ));
    calls.push(call("sigma_pt_from_limit", json!({ "delta_e": 0.0198 })));
    calls.push(call(
        "sigma_pt_from_limit",
        json!({ "delta_e": 0.0198, "fraction": "half" }),
    ));
    calls.push(call(
        "sigma_pt_from_limit",
        json!({ "delta_e": 0.0198, "fraction": 0.4 }),
    ));
    calls.push(call(
        "sigma_pt_from_limit",
        json!({ "delta_e": -1.0, "fraction": "third" }),
    ));
    calls.push(call(
        "sigma_pt_from_precision",
        json!({ "reproducibility_sd": 23.2, "repeatability_sd": 14.3, "replicates": 2 }),
    ));
    calls.push(call(
        "sigma_pt_from_precision",
        json!({ "reproducibility_sd": 1.0, "repeatability_sd": 3.0, "replicates": 2 }),
    ));
    let e9 = vector("iso13528_2022_E9_E10_sigma_pt");
    for case in e9["cases"].as_array().expect("cases") {
        if let Some(c) = case["c_mg_per_kg"].as_f64() {
            calls.push(call(
                "sigma_pt_general_model",
                json!({ "c": c, "unit": "mg/kg" }),
            ));
        }
    }
    for (c, model, unit) in [
        (0.05, "thompson", "fraction"),
        (5e-8, "thompson", "fraction"),
        (20.0, "thompson", "percent"),
        (20.0, "horwitz", "percent"),
        (0.0, "thompson", "fraction"),
        (2.0, "horwitz", "fraction"),
    ] {
        calls.push(call(
            "sigma_pt_general_model",
            json!({ "c": c, "model": model, "unit": unit }),
        ));
    }
    let rounds = json!([0.5, 1.0, 2.0, 4.0]);
    let sds = json!([0.06, 0.11, 0.19, 0.42]);
    for model in ["linear", "constant_rsd", "pooled"] {
        calls.push(call(
            "sigma_pt_from_previous_rounds",
            json!({ "assigned_values": rounds, "sds": sds, "x_pt": 3.0, "model": model }),
        ));
    }
    calls.push(call(
        "sigma_pt_from_previous_rounds",
        json!({ "assigned_values": [1.0, 2.0], "sds": [0.1, 0.2], "x_pt": 3.0 }),
    ));
    calls.push(call("sigma_pt_from_previous_rounds", json!({ "assigned_values": [1.0, 2.0, 3.0], "sds": [0.1, 0.2], "x_pt": 3.0, "model": "pooled" })));
    calls.push(call(
        "sigma_pt_from_robust_sd",
        json!({ "s_star": 0.0395, "p": 34 }),
    ));
    calls.push(call(
        "sigma_pt_from_robust_sd",
        json!({ "s_star": 0.0, "p": 34 }),
    ));
    calls.push(call(
        "check_uncertainty",
        json!({ "u_x_pt": u_pt, "sigma_pt": sigma }),
    ));
    calls.push(call(
        "check_uncertainty",
        json!({ "u_x_pt": u_pt, "sigma_pt": sigma, "when_not_negligible": "report" }),
    ));
    calls.push(call(
        "check_uncertainty",
        json!({ "u_x_pt": 0.001, "sigma_pt": sigma }),
    ));
    calls.push(call(
        "check_uncertainty",
        json!({ "u_x_pt": 0.001, "sigma_pt": 0.0 }),
    ));
    calls
}

#[test]
fn parity_fixture_matches_the_core() {
    check_fixture(
        PATH,
        "Calls of the performance statistics and sigma_pt with their exact results; Rust, Python and JS must all reproduce them bit for bit. Regenerate with EQA_BLESS=1 cargo test -p eqa --test stats parity_scores.",
        calls(),
    );
}
