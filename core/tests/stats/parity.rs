//! The cross-language parity fixture, `tests/parity/calls.json`.
//!
//! Every call listed there is made again here and must give the recorded
//! result bit for bit; the Python and JavaScript test suites make the same
//! calls through their bindings and demand the same bits. After an intended
//! change of results, regenerate the file with
//! `EQA_BLESS=1 cargo test -p eqa --test stats parity` and review the diff.

#![allow(clippy::panic)]

use crate::common;

use common::{SplitMix, check_fixture, numbers, vector};
use eqa::{
    AlgorithmAOptions, Constants, HuberOptions, StopRule, ZeroScalePolicy, algorithm_a,
    consensus_uncertainty, huber_fixed_scale, made, mean, median, niqr, quantile,
    standard_deviation,
};
use serde_json::{Value, json};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/parity/calls.json");

fn data_sets() -> Vec<(String, Vec<f64>)> {
    let mut sets = vec![
        (
            "e3".to_owned(),
            numbers(&vector("iso13528_2022_E3_atrazine")["data"]),
        ),
        (
            "e1_ignored".to_owned(),
            numbers(&vector("iso13528_2022_E1_censored_algA")["cases"]["ignored"]["data"]),
        ),
        (
            "amc".to_owned(),
            numbers(&vector("amc1989_chem_copper_flour")["data"]),
        ),
        (
            "illustrative".to_owned(),
            vec![
                5.21, 5.30, 5.18, 5.25, 5.40, 5.12, 5.28, 5.33, 5.19, 5.26, 5.22, 6.90,
            ],
        ),
        ("x3".to_owned(), vec![1.0, 2.0, 10.0]),
        ("pair".to_owned(), vec![1.0, 2.0]),
    ];
    let mut rng = SplitMix(20_261_121);
    for (n, shift, unit) in [
        (7, 0.0, 1.0),
        (50, 1e9, 1.0),
        (250, 0.0, 1e-9),
        (333, -42.0, 3.0),
    ] {
        let v = (0..n).map(|_| shift + unit * rng.heavy()).collect();
        sets.push((format!("synthetic_{n}"), v));
    }
    sets
}

fn outcome<T: serde::Serialize>(result: eqa::Result<T>) -> (&'static str, Value) {
    match result {
        Ok(v) => ("result", serde_json::to_value(v).expect("serialisable")),
        Err(e) => ("error", json!(e.code())),
    }
}

fn call(function: &str, values: &[f64], args: Value) -> Value {
    let get = |key: &str| args.get(key).cloned();
    let text = |key: &str| get(key).and_then(|v| v.as_str().map(str::to_owned));
    let constants: Constants =
        text("constants").map_or(Constants::Iso, |s| s.parse().expect("constants"));
    let a = AlgorithmAOptions {
        constants,
        stop: text("stop").map_or(StopRule::Iso2022, |s| s.parse().expect("stop")),
        tol: get("tol")
            .and_then(|v| v.as_f64())
            .unwrap_or(eqa::DEFAULT_TOLERANCE),
        max_iter: get("max_iter")
            .and_then(|v| v.as_u64())
            .map_or(eqa::DEFAULT_MAX_ITER, |v| v as u32),
        zero_scale: text("zero_scale")
            .map_or(ZeroScalePolicy::Error, |s| s.parse().expect("policy")),
    };
    let (key, value) = match function {
        "median" => outcome(median(values)),
        "mean" => outcome(mean(values)),
        "standard_deviation" => outcome(standard_deviation(values)),
        "made" => outcome(made(values, constants)),
        "niqr" => outcome(niqr(values)),
        "quantile" => outcome(quantile(
            values,
            get("p").and_then(|v| v.as_f64()).expect("p"),
        )),
        "consensus_uncertainty" => {
            let scale = get("scale").and_then(|v| v.as_f64()).expect("scale");
            let p = get("p").and_then(|v| v.as_u64()).expect("p") as usize;
            outcome(consensus_uncertainty(scale, p))
        }
        "algorithm_a" => outcome(algorithm_a(values, &a)),
        "huber_fixed_scale" => {
            let h = HuberOptions {
                scale: get("scale").and_then(|v| v.as_f64()),
                constants: a.constants,
                stop: a.stop,
                tol: a.tol,
                max_iter: a.max_iter,
                zero_scale: a.zero_scale,
            };
            outcome(huber_fixed_scale(values, &h))
        }
        other => panic!("unknown function {other}"),
    };
    json!({ "function": function, "values": values, "args": args, key: value })
}

fn calls() -> Vec<Value> {
    let mut calls = Vec::new();
    for (_, values) in data_sets() {
        let v = &values;
        for f in ["median", "mean", "standard_deviation", "niqr"] {
            calls.push(call(f, v, json!({})));
        }
        calls.push(call("made", v, json!({})));
        calls.push(call("made", v, json!({ "constants": "exact" })));
        calls.push(call("quantile", v, json!({ "p": 0.1 })));
        calls.push(call("quantile", v, json!({ "p": 0.9 })));
        for args in [
            json!({}),
            json!({ "stop": "converged" }),
            json!({ "constants": "exact", "stop": "converged", "tol": 1e-12 }),
            json!({ "max_iter": 3, "stop": "converged" }),
        ] {
            calls.push(call("algorithm_a", v, args));
        }
        calls.push(call("huber_fixed_scale", v, json!({})));
        calls.push(call(
            "huber_fixed_scale",
            v,
            json!({ "constants": "exact", "stop": "converged" }),
        ));
        let sd = standard_deviation(v).expect("two or more values");
        calls.push(call(
            "huber_fixed_scale",
            v,
            json!({ "scale": sd, "stop": "converged" }),
        ));
    }
    let ties = [1.0, 1.0, 1.0, 2.0, 9.0];
    for policy in ["error", "standard_deviation", "median"] {
        calls.push(call("algorithm_a", &ties, json!({ "zero_scale": policy })));
        calls.push(call(
            "huber_fixed_scale",
            &ties,
            json!({ "zero_scale": policy }),
        ));
    }
    calls.push(call(
        "algorithm_a",
        &[4.0; 5],
        json!({ "zero_scale": "standard_deviation" }),
    ));
    calls.push(call("median", &[], json!({})));
    calls.push(call("standard_deviation", &[1.0], json!({})));
    calls.push(call("algorithm_a", &[1.0], json!({})));
    calls.push(call("algorithm_a", &ties, json!({ "tol": 0.0 })));
    calls.push(call("algorithm_a", &ties, json!({ "max_iter": 0 })));
    calls.push(call("huber_fixed_scale", &ties, json!({ "scale": -1.0 })));
    calls.push(call("quantile", &ties, json!({ "p": 1.5 })));
    calls.push(call("mean", &[f64::MAX, f64::MAX], json!({})));
    calls.push(call(
        "niqr",
        &[-f64::MAX, -f64::MAX, f64::MAX, f64::MAX],
        json!({}),
    ));
    calls.push(call(
        "algorithm_a",
        &[-f64::MAX, -1.0, 0.0, 1.0, f64::MAX],
        json!({}),
    ));
    calls.push(call(
        "consensus_uncertainty",
        &[],
        json!({ "scale": 0.0395, "p": 34 }),
    ));
    calls.push(call(
        "consensus_uncertainty",
        &[],
        json!({ "scale": 1.0, "p": 0 }),
    ));
    for (scale, p) in [(-1.0, 3), (f64::MAX, 1)] {
        let args = json!({ "scale": scale, "p": p });
        calls.push(call("consensus_uncertainty", &[], args));
    }
    calls.push(call(
        "huber_fixed_scale",
        &[3.0],
        json!({ "scale": f64::MAX }),
    ));
    calls
}

#[test]
fn parity_fixture_matches_the_core() {
    check_fixture(
        PATH,
        "Calls and their exact results; Rust, Python and JS must all reproduce them bit for bit. Regenerate with EQA_BLESS=1 cargo test -p eqa --test stats parity.",
        calls(),
    );
}
