//! The cross-language parity fixture of the data for graphs (ISO 13528:2022
//! clause 10), `tests/parity/plots.json`.
//!
//! Every call listed there is made again here and must give the recorded
//! result bit for bit; the Python and JavaScript test suites make the same
//! calls through their bindings and demand the same bits. After an intended
//! change of results, regenerate the file with
//! `EQA_BLESS=1 cargo test -p eqa --test stats parity_plots` and review the diff.

#![allow(clippy::panic)]

use crate::common;

use common::{check_fixture, numbers, vector};
use eqa::{Bandwidth, Bins, ClassificationRule, DensityOptions, ScoreSeriesOptions, YoudenOptions};
use serde_json::{Value, json};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/parity/plots.json");

fn outcome<T: serde::Serialize>(result: eqa::Result<T>) -> (&'static str, Value) {
    match result {
        Ok(v) => ("result", serde_json::to_value(v).expect("serialisable")),
        Err(e) => ("error", json!(e.code())),
    }
}

fn rule(spec: Option<&Value>) -> ClassificationRule {
    match spec.and_then(Value::as_str) {
        None | Some("z") => ClassificationRule::z(),
        Some("en") => ClassificationRule::en(),
        Some("pa") => ClassificationRule::pa(),
        Some(other) => panic!("unknown preset {other}"),
    }
}

fn call(function: &str, args: Value) -> Value {
    let get = |key: &str| args.get(key);
    let num = |key: &str| get(key).and_then(Value::as_f64);
    let count = |key: &str| get(key).and_then(Value::as_u64).map(|v| v as usize);
    let (key, value) = match function {
        "histogram" => {
            let bins = match (num("width"), get("bins")) {
                (Some(w), _) => Bins::Width(w),
                (None, Some(Value::String(name))) => name.parse().expect("bins"),
                (None, Some(Value::Number(k))) => Bins::Count(k.as_u64().expect("count") as usize),
                _ => Bins::default(),
            };
            outcome(eqa::histogram(&numbers(&args["x"]), bins))
        }
        "kernel_density" => {
            let mut o = DensityOptions::default();
            match get("bandwidth") {
                Some(Value::String(name)) => o.bandwidth = name.parse().expect("bandwidth"),
                Some(Value::Number(h)) => o.bandwidth = Bandwidth::Given(h.as_f64().expect("h")),
                _ => {}
            }
            o.points = count("points").unwrap_or(o.points);
            o.cut = num("cut").unwrap_or(o.cut);
            o.mode_height = num("mode_height").unwrap_or(o.mode_height);
            if let Some(r) = get("range") {
                let r = numbers(r);
                o.range = Some((r[0], r[1]));
            }
            outcome(eqa::kernel_density(&numbers(&args["x"]), &o))
        }
        "youden" => {
            let mut o = YoudenOptions::default();
            if let Some(e) = get("estimator").and_then(Value::as_str) {
                o.estimator = e.parse().expect("estimator");
            }
            o.coverage = num("coverage").unwrap_or(o.coverage);
            o.box_k = num("box_k").unwrap_or(o.box_k);
            o.ellipse_points = count("ellipse_points").unwrap_or(o.ellipse_points);
            outcome(eqa::youden(&numbers(&args["a"]), &numbers(&args["b"]), &o))
        }
        "score_bars" => outcome(eqa::score_bars(
            &numbers(&args["scores"]),
            &rule(get("rule")),
        )),
        "score_series" => {
            let mut o = ScoreSeriesOptions {
                rule: rule(get("rule")),
                ..Default::default()
            };
            o.window = count("window").unwrap_or(o.window);
            o.questionable = num("questionable").unwrap_or(o.questionable);
            o.unsatisfactory = num("unsatisfactory").unwrap_or(o.unsatisfactory);
            outcome(eqa::score_series(
                &numbers(&args["rounds"]),
                &numbers(&args["scores"]),
                &o,
            ))
        }
        other => panic!("unknown function {other}"),
    };
    json!({ "function": function, "args": args, key: value })
}

fn calls() -> Vec<Value> {
    let e3 = numbers(&vector("iso13528_2022_E3_atrazine")["data"]);
    let e4 = vector("iso13528_2022_E4_scores");
    let x4: Vec<f64> = e4["participants"]
        .as_array()
        .expect("participants")
        .iter()
        .map(|l| l["x"].as_f64().expect("x"))
        .collect();
    let z4 = eqa::z_scores(&x4, 0.044, 0.0066).expect("z");
    let b3: Vec<f64> = e3
        .iter()
        .enumerate()
        .map(|(i, v)| v * 1.1 + 0.003 * ((i * 7 % 5) as f64 - 2.0))
        .collect();
    let mut calls = Vec::new();
    for args in [
        json!({ "x": e3 }),
        json!({ "x": e3, "bins": "scott" }),
        json!({ "x": e3, "bins": "freedman_diaconis" }),
        json!({ "x": e3, "bins": 5 }),
        json!({ "x": e3, "width": 0.05 }),
        json!({ "x": z4, "bins": "sturges" }),
        json!({ "x": [2.0, 2.0, 2.0] }),
        json!({ "x": [1.0, 2.0, 2.0, 3.0, 4.0, 5.0], "width": 1.0 }),
        json!({ "x": [] }),
        json!({ "x": [1.0, 2.0], "bins": 0 }),
        json!({ "x": [1.0, 2.0], "width": -1.0 }),
        json!({ "x": [1.0, 2.0], "width": 1e-9 }),
    ] {
        calls.push(call("histogram", args));
    }
    for args in [
        json!({ "x": e3, "points": 64 }),
        json!({ "x": e3, "points": 48, "bandwidth": "scott", "cut": 2.0 }),
        json!({ "x": e3, "points": 32, "bandwidth": 0.02, "range": [0.0, 0.5], "mode_height": 0.2 }),
        json!({ "x": z4, "points": 40 }),
        json!({ "x": [0.0, 0.1, 5.0, 5.1], "points": 25 }),
        json!({ "x": [1.0], "points": 5, "bandwidth": 1.0, "cut": 2.0 }),
        json!({ "x": [1.0], "points": 5 }),
        json!({ "x": [3.0, 3.0, 3.0] }),
        json!({ "x": [1.0, 2.0], "points": 1 }),
        json!({ "x": [1.0, 2.0], "range": [2.0, 1.0] }),
    ] {
        calls.push(call("kernel_density", args));
    }
    for args in [
        json!({ "a": e3, "b": b3, "ellipse_points": 12 }),
        json!({ "a": e3, "b": b3, "ellipse_points": 8, "estimator": "algorithm_a", "coverage": 0.99, "box_k": 3.0 }),
        json!({ "a": [1.0, 2.0, 3.0, 4.0, 5.0], "b": [1.1, 2.0, 2.9, 4.2, 4.9], "ellipse_points": 6 }),
        json!({ "a": [1.0, 2.0, 3.0], "b": [1.0, 2.0] }),
        json!({ "a": [1.0, 1.0, 2.0], "b": [1.0, 2.0, 3.0] }),
        json!({ "a": [1.0, 2.0], "b": [1.0, 3.0], "coverage": 1.0 }),
    ] {
        calls.push(call("youden", args));
    }
    for args in [
        json!({ "scores": z4, "rule": "z" }),
        json!({ "scores": [0.5, -1.5, 1.0, -0.2], "rule": "en" }),
        json!({ "scores": [120.0, -80.0], "rule": "pa" }),
        json!({ "scores": [], "rule": "z" }),
    ] {
        calls.push(call("score_bars", args));
    }
    let rounds: Vec<f64> = (1..=8).map(f64::from).collect();
    for args in [
        json!({ "rounds": rounds, "scores": [0.5, -1.0, 2.5, 2.2, 2.8, 1.9, -0.3, 0.7] }),
        json!({ "rounds": [5.0, 1.0, 3.0], "scores": [1.2, -0.4, 3.1], "window": 2, "rule": "en" }),
        json!({ "rounds": rounds, "scores": z4[..8], "window": 8, "questionable": 0.1, "unsatisfactory": 0.001 }),
        json!({ "rounds": [1.0, 2.0], "scores": [1.0] }),
        json!({ "rounds": [1.0, 1.0], "scores": [1.0, 2.0] }),
        json!({ "rounds": [1.0], "scores": [1.0], "window": 0 }),
    ] {
        calls.push(call("score_series", args));
    }
    calls
}

#[test]
fn parity_fixture_matches_the_core() {
    check_fixture(
        PATH,
        "Calls of the data for graphs (ISO 13528:2022 clause 10) with their exact results; Rust, Python and JS must all reproduce them bit for bit. Regenerate with EQA_BLESS=1 cargo test -p eqa --test stats parity_plots.",
        calls(),
    );
}
