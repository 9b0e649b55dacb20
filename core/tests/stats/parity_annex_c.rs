//! The cross-language parity fixture of Annex C beyond Algorithm A,
//! `tests/parity/annex_c.json`.
//!
//! Every call listed there is made again here and must give the recorded
//! result bit for bit (or the recorded error code); the Python and
//! JavaScript test suites make the same calls through their bindings. A call
//! whose `values` is an array of arrays passes replicates (one array per
//! participant). After an intended change of results, regenerate the file
//! with `EQA_BLESS=1 cargo test -p eqa --test stats parity_annex_c` and review the diff.

#![allow(clippy::panic)]

use crate::common;

use common::{SplitMix, check_fixture, numbers, vector};
use eqa::{
    AlgorithmSOptions, HampelOptions, QnEdition, StopRule, ZeroScalePolicy, algorithm_s,
    algorithm_s_factors, hampel, q_hampel, q_hampel_replicates, q_method, q_method_replicates, qn,
    qn_correction,
};
use serde_json::{Value, json};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/parity/annex_c.json");

fn data_sets() -> Vec<Vec<f64>> {
    let e13 = vector("iso13528_2022_E13_algA_algS");
    let mut sets = vec![
        numbers(&vector("iso13528_2022_E3_atrazine")["data"]),
        numbers(&e13["averages"]),
        vec![0.1, 0.3, 0.2, 0.4, 0.6, 0.5, 0.9],
        vec![5.0, 5.0, 5.0, 5.0, 6.0, 6.0, 7.0, 4.0, 5.0, 6.0, 5.0, 9.0],
        vec![1.0, 2.0, 10.0],
        vec![1.0, 2.0],
    ];
    let mut rng = SplitMix(135_282_022);
    for (n, shift, unit, decimals) in [
        (9, 0.0, 1.0, None),
        (40, 1e6, 1.0, Some(2)),
        (150, 0.0, 1e-6, None),
        (401, -42.0, 3.0, Some(1)),
    ] {
        let v = (0..n)
            .map(|_| {
                let x = shift + unit * rng.heavy();
                decimals.map_or(x, |d| {
                    let f = 10f64.powi(d);
                    (x * f).round() / f
                })
            })
            .collect();
        sets.push(v);
    }
    sets
}

fn replicate_sets() -> Vec<Vec<Vec<f64>>> {
    let mut rng = SplitMix(5725);
    let mut uneven = Vec::new();
    for i in 0..23 {
        let center = 10.0 + rng.heavy();
        let n = 1 + i % 4;
        uneven.push(
            (0..n)
                .map(|_| ((center + 0.1 * rng.heavy()) * 100.0).round() / 100.0)
                .collect(),
        );
    }
    vec![
        vec![
            vec![10.1, 10.3],
            vec![9.8, 9.9],
            vec![10.6, 10.4],
            vec![10.0, 10.2],
        ],
        uneven,
    ]
}

fn outcome<T: serde::Serialize>(result: eqa::Result<T>) -> (&'static str, Value) {
    match result {
        Ok(v) => ("result", serde_json::to_value(v).expect("serialisable")),
        Err(e) => ("error", json!(e.code())),
    }
}

fn hampel_options(args: &Value) -> HampelOptions {
    let d = HampelOptions::default();
    HampelOptions {
        method: args
            .get("method")
            .and_then(Value::as_str)
            .map_or(d.method, |s| s.parse().expect("method")),
        stop: args
            .get("stop")
            .and_then(Value::as_str)
            .map_or(d.stop, |s| s.parse().expect("stop")),
        tol: args.get("tol").and_then(Value::as_f64).unwrap_or(d.tol),
        max_iter: args
            .get("max_iter")
            .and_then(Value::as_u64)
            .map_or(d.max_iter, |v| v as u32),
    }
}

fn call(function: &str, values: Value, args: Value) -> Value {
    let flat = || numbers(&values);
    let groups = || -> Vec<Vec<f64>> {
        values
            .as_array()
            .expect("groups")
            .iter()
            .map(numbers)
            .collect()
    };
    let nested = values
        .as_array()
        .and_then(|a| a.first())
        .is_some_and(Value::is_array);
    let (key, value) = match function {
        "q_method" if nested => outcome(q_method_replicates(&groups())),
        "q_method" => outcome(q_method(&flat())),
        "q_hampel" if nested => outcome(q_hampel_replicates(&groups(), &hampel_options(&args))),
        "q_hampel" => outcome(q_hampel(&flat(), &hampel_options(&args))),
        "hampel" => {
            let scale = args["scale"].as_f64().expect("scale");
            outcome(hampel(&flat(), scale, &hampel_options(&args)))
        }
        "qn" => {
            let edition: QnEdition = args
                .get("edition")
                .and_then(Value::as_str)
                .map_or(QnEdition::default(), |s| s.parse().expect("edition"));
            outcome(qn(&flat(), edition))
        }
        "qn_correction" => outcome(qn_correction(args["p"].as_u64().expect("p") as usize)),
        "algorithm_s" => {
            let d = AlgorithmSOptions::default();
            let options = AlgorithmSOptions {
                stop: args
                    .get("stop")
                    .and_then(Value::as_str)
                    .map_or(d.stop, |s| s.parse::<StopRule>().expect("stop")),
                tol: args.get("tol").and_then(Value::as_f64).unwrap_or(d.tol),
                max_iter: args
                    .get("max_iter")
                    .and_then(Value::as_u64)
                    .map_or(d.max_iter, |v| v as u32),
                zero_scale: args
                    .get("zero_scale")
                    .and_then(Value::as_str)
                    .map_or(d.zero_scale, |s| {
                        s.parse::<ZeroScalePolicy>().expect("policy")
                    }),
            };
            let nu = args["nu"].as_u64().expect("nu") as u32;
            outcome(algorithm_s(&flat(), nu, &options))
        }
        "algorithm_s_factors" => {
            outcome(algorithm_s_factors(args["nu"].as_u64().expect("nu") as u32))
        }
        other => panic!("unknown function {other}"),
    };
    json!({ "function": function, "values": values, "args": args, key: value })
}

fn calls() -> Vec<Value> {
    let mut calls = Vec::new();
    for v in data_sets() {
        let values = json!(v);
        calls.push(call("q_method", values.clone(), json!({})));
        calls.push(call("q_hampel", values.clone(), json!({})));
        calls.push(call(
            "q_hampel",
            values.clone(),
            json!({ "method": "iterative" }),
        ));
        calls.push(call(
            "q_hampel",
            values.clone(),
            json!({ "method": "iterative", "stop": "iso2022" }),
        ));
        calls.push(call("qn", values.clone(), json!({})));
        calls.push(call("qn", values.clone(), json!({ "edition": "iso2022" })));
        let s = eqa::made(&v, eqa::Constants::Iso).unwrap_or(1.0).max(1e-3);
        calls.push(call("hampel", values.clone(), json!({ "scale": s })));
        calls.push(call(
            "hampel",
            values.clone(),
            json!({ "scale": s, "method": "iterative", "max_iter": 3 }),
        ));
        let w: Vec<f64> = v.iter().map(|x| x.abs()).collect();
        for nu in [1, 3, 9] {
            calls.push(call("algorithm_s", json!(w), json!({ "nu": nu })));
        }
        calls.push(call(
            "algorithm_s",
            json!(w),
            json!({ "nu": 2, "stop": "converged", "tol": 1e-13 }),
        ));
    }
    for groups in replicate_sets() {
        calls.push(call("q_method", json!(groups), json!({})));
        calls.push(call("q_hampel", json!(groups), json!({})));
        calls.push(call(
            "q_hampel",
            json!(groups),
            json!({ "method": "iterative" }),
        ));
    }
    let sds = numbers(&vector("iso13528_2022_E13_algA_algS")["standard_deviations"]);
    // Every ν accepted: statrs' χ² functions differ in their last bits between
    // native code and WebAssembly; the rounded factors must not.
    for nu in 1..=eqa::ALGORITHM_S_MAX_NU {
        calls.push(call("algorithm_s_factors", json!([]), json!({ "nu": nu })));
    }
    calls.push(call(
        "algorithm_s",
        json!(sds),
        json!({ "nu": 3, "max_iter": 2 }),
    ));
    for p in [2, 3, 12, 13, 34, 1000] {
        calls.push(call("qn_correction", json!([]), json!({ "p": p })));
    }
    let zeros = json!([0.0, 0.0, 0.0, 0.2, 0.4]);
    for policy in ["error", "standard_deviation", "median"] {
        calls.push(call(
            "algorithm_s",
            zeros.clone(),
            json!({ "nu": 1, "zero_scale": policy }),
        ));
    }
    // Errors.
    calls.push(call("q_method", json!([1.0]), json!({})));
    calls.push(call("q_method", json!([2.0, 2.0, 2.0]), json!({})));
    calls.push(call("q_method", json!([-f64::MAX, f64::MAX]), json!({})));
    calls.push(call("q_method", json!([[1.0], []]), json!({})));
    calls.push(call(
        "q_hampel",
        json!([1.0, 2.0, 3.0]),
        json!({ "tol": 0.0 }),
    ));
    calls.push(call("hampel", json!([1.0, 2.0]), json!({ "scale": 0.0 })));
    calls.push(call(
        "hampel",
        json!([1.0, 2.0]),
        json!({ "scale": 1.0, "max_iter": 0 }),
    ));
    calls.push(call(
        "qn",
        json!([1.0, 2.0, 3.0]),
        json!({ "edition": "iso2022" }),
    ));
    calls.push(call("qn_correction", json!([]), json!({ "p": 1 })));
    calls.push(call("algorithm_s", json!([0.1, -0.2]), json!({ "nu": 2 })));
    calls.push(call("algorithm_s", json!([0.1, 0.2]), json!({ "nu": 0 })));
    calls.push(call(
        "algorithm_s",
        json!([f64::MAX, f64::MAX]),
        json!({ "nu": 2 }),
    ));
    calls.push(call(
        "algorithm_s_factors",
        json!([]),
        json!({ "nu": 1_000_001 }),
    ));
    calls
}

#[test]
fn parity_fixture_matches_the_core() {
    check_fixture(
        PATH,
        "Annex C calls (Q method, Hampel, Q/Hampel, Qn, Algorithm S) and their exact results; Rust, Python and JS must all reproduce them bit for bit. Values that are arrays of arrays are replicates. Regenerate with EQA_BLESS=1 cargo test -p eqa --test stats parity_annex_c.",
        calls(),
    );
}

#[test]
fn fixture_covers_every_function_and_error() {
    let calls = calls();
    let functions: std::collections::BTreeSet<&str> = calls
        .iter()
        .filter_map(|c| c["function"].as_str())
        .collect();
    assert_eq!(functions.len(), 7);
    let errors: std::collections::BTreeSet<&str> =
        calls.iter().filter_map(|c| c["error"].as_str()).collect();
    for code in [
        "too_few_values",
        "zero_scale",
        "overflow",
        "invalid_parameter",
    ] {
        assert!(errors.contains(code), "no {code} call");
    }
}
