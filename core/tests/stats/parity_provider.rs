//! The cross-language parity fixture of clause 7 and Annex B,
//! `tests/parity/provider.json`: assigned values, homogeneity and stability.
//!
//! Every call listed there is made again here and must give the recorded
//! result bit for bit; the Python and JavaScript test suites make the same
//! calls through their bindings and demand the same bits. Arguments are
//! named as in Python. After an intended change of results, regenerate the
//! file with `EQA_BLESS=1 cargo test -p eqa --test stats parity_provider` and
//! review the diff.

#![allow(clippy::panic)]

use crate::common;

use common::{check_fixture, numbers, vector};
use eqa::{
    AlgorithmAOptions, AssignedValue, ConsensusOptions, HomogeneityOptions, StabilityOptions,
    compare_with_reference, expanded_factors, homogeneity, stability,
};
use serde_json::{Value, json};

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/parity/provider.json");

fn outcome<T: serde::Serialize>(result: eqa::Result<T>) -> (&'static str, Value) {
    match result {
        Ok(v) => ("result", serde_json::to_value(v).expect("serialisable")),
        Err(e) => ("error", json!(e.code())),
    }
}

/// The named choice `key`, or its default when absent.
fn choice<T>(args: &Value, key: &str, default: T) -> eqa::Result<T>
where
    T: std::str::FromStr<Err = eqa::Error>,
{
    match args.get(key).and_then(Value::as_str) {
        Some(name) => name.parse(),
        None => Ok(default),
    }
}

fn number(args: &Value, key: &str) -> f64 {
    args[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is a number"))
}

fn optional(args: &Value, key: &str) -> Option<f64> {
    args.get(key).and_then(Value::as_f64)
}

fn table(args: &Value) -> Vec<Vec<f64>> {
    args["table"]
        .as_array()
        .expect("a table")
        .iter()
        .map(numbers)
        .collect()
}

fn with_contributions(args: &Value, a: eqa::Result<AssignedValue>) -> eqa::Result<AssignedValue> {
    let u_hom = optional(args, "u_hom").unwrap_or(0.0);
    let u_stab = optional(args, "u_stab").unwrap_or(0.0);
    a.and_then(|a| a.with_contributions(u_hom, u_stab))
}

fn consensus_options(args: &Value) -> eqa::Result<ConsensusOptions> {
    let d = AlgorithmAOptions::default();
    Ok(ConsensusOptions {
        estimator: choice(args, "estimator", ConsensusOptions::default().estimator)?,
        algorithm_a: AlgorithmAOptions {
            constants: choice(args, "constants", d.constants)?,
            stop: choice(args, "stop", d.stop)?,
            tol: optional(args, "tol").unwrap_or(d.tol),
            max_iter: args
                .get("max_iter")
                .and_then(Value::as_u64)
                .map_or(d.max_iter, |v| v as u32),
            zero_scale: choice(args, "zero_scale", d.zero_scale)?,
        },
    })
}

fn run(function: &str, args: &Value) -> (&'static str, Value) {
    match function {
        "homogeneity" => outcome((|| {
            let d = HomogeneityOptions::default();
            let options = HomogeneityOptions {
                factors: choice(args, "factors", d.factors)?,
                criterion: choice(args, "criterion", d.criterion)?,
                remedy: choice(args, "remedy", d.remedy)?,
            };
            homogeneity(&table(args), number(args, "sigma_pt"), &options)
        })()),
        "expanded_factors" => outcome((|| {
            let g = args["g"].as_u64().expect("g") as usize;
            let m = args["m"].as_u64().expect("m") as usize;
            let factors = choice(args, "factors", eqa::ExpandedFactors::default())?;
            let (f1, f2, source) = expanded_factors(g, m, factors)?;
            Ok(json!({ "f1": f1, "f2": f2, "factors": source.as_str() }))
        })()),
        "stability" => outcome((|| {
            let d = StabilityOptions::default();
            let options = StabilityOptions {
                u_first: optional(args, "u_first"),
                u_second: optional(args, "u_second"),
                criterion: choice(args, "criterion", d.criterion)?,
                u_stab_rule: choice(args, "u_stab_rule", d.u_stab_rule)?,
            };
            stability(
                &numbers(&args["first"]),
                &numbers(&args["second"]),
                number(args, "sigma_pt"),
                &options,
            )
        })()),
        "assigned_value_formulation" => outcome(with_contributions(
            args,
            AssignedValue::formulation(number(args, "x_pt"), number(args, "u")),
        )),
        "assigned_value_reference_laboratory" => outcome(with_contributions(
            args,
            AssignedValue::reference_laboratory(number(args, "x_pt"), number(args, "u")),
        )),
        "assigned_value_certified" => outcome(with_contributions(
            args,
            AssignedValue::certified(
                number(args, "value"),
                number(args, "expanded_uncertainty"),
                number(args, "k"),
            ),
        )),
        "assigned_value_crm_comparison" => outcome(with_contributions(
            args,
            AssignedValue::crm_comparison(
                number(args, "x_crm"),
                number(args, "u_crm"),
                &numbers(&args["differences"]),
            ),
        )),
        "assigned_value_consensus" => outcome(with_contributions(
            args,
            consensus_options(args)
                .and_then(|o| AssignedValue::participant_consensus(&numbers(&args["x"]), &o)),
        )),
        "assigned_value_expert_consensus" => outcome(with_contributions(
            args,
            consensus_options(args)
                .and_then(|o| AssignedValue::expert_consensus(&numbers(&args["x"]), &o)),
        )),
        "compare_with_reference" => outcome(
            choice(args, "rule", eqa::ComparisonRule::default()).and_then(|rule| {
                compare_with_reference(
                    number(args, "x_ref"),
                    number(args, "u_ref"),
                    number(args, "x_pt"),
                    number(args, "u_x_pt"),
                    rule,
                )
            }),
        ),
        other => panic!("unknown function {other}"),
    }
}

fn call(function: &str, args: Value) -> Value {
    let (key, value) = run(function, &args);
    json!({ "function": function, "args": args, key: value })
}

fn calls() -> Vec<Value> {
    let e2 = vector("iso13528_2022_E2_homogeneity_stability");
    let items = e2["homogeneity_items"].clone();
    let before: Vec<f64> = items
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(numbers)
        .collect();
    let after: Vec<f64> = e2["stability_items"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(numbers)
        .collect();
    let e5 = vector("iso13528_2022_E5_crm_comparison");
    let e7 = vector("iso13528_2022_E7_algA_vs_reference");
    let e3 = vector("iso13528_2022_E3_atrazine");
    let heterogeneous = json!([[1.0, 1.1], [2.0, 2.1], [1.5, 1.4], [1.2, 1.3], [1.9, 1.8]]);
    let triplicates = json!([
        [10.0, 10.2, 10.1],
        [10.4, 10.3, 10.5],
        [9.9, 10.0, 10.1],
        [10.2, 10.0, 10.3]
    ]);

    let mut calls = vec![
        call(
            "homogeneity",
            json!({ "table": items, "sigma_pt": 0.02807 }),
        ),
        call(
            "homogeneity",
            json!({ "table": items, "sigma_pt": 0.02807, "factors": "computed" }),
        ),
        call(
            "homogeneity",
            json!({ "table": heterogeneous, "sigma_pt": 0.5 }),
        ),
        call(
            "homogeneity",
            json!({ "table": heterogeneous, "sigma_pt": 0.5, "remedy": "include_u_hom" }),
        ),
        call(
            "homogeneity",
            json!({ "table": heterogeneous, "sigma_pt": 1.2, "criterion": "expanded" }),
        ),
        call(
            "homogeneity",
            json!({ "table": heterogeneous, "sigma_pt": 0.3, "criterion": "expanded", "remedy": "include_u_hom" }),
        ),
        call(
            "homogeneity",
            json!({ "table": triplicates, "sigma_pt": 0.4 }),
        ),
        call(
            "homogeneity",
            json!({ "table": [[5.0, 5.0], [5.0, 5.0]], "sigma_pt": 1.0 }),
        ),
        call(
            "homogeneity",
            json!({ "table": [[1e9, 1e9 + 1.0], [1e9 + 0.5, 1e9 + 2.0], [1e9 - 1.0, 1e9]], "sigma_pt": 3.0 }),
        ),
        // Refusals: one item, one replicate, a ragged table, sigma_pt 0, an
        // unknown choice, a spread too large to square.
        call(
            "homogeneity",
            json!({ "table": [[1.0, 2.0]], "sigma_pt": 1.0 }),
        ),
        call(
            "homogeneity",
            json!({ "table": [[1.0], [2.0]], "sigma_pt": 1.0 }),
        ),
        call(
            "homogeneity",
            json!({ "table": [[1.0, 2.0], [1.0, 2.0, 3.0]], "sigma_pt": 1.0 }),
        ),
        call(
            "homogeneity",
            json!({ "table": [[1.0, 2.0], [3.0, 4.0]], "sigma_pt": 0.0 }),
        ),
        call(
            "homogeneity",
            json!({ "table": [[1.0, 2.0], [3.0, 4.0]], "sigma_pt": 1.0, "factors": "table" }),
        ),
        call(
            "homogeneity",
            json!({ "table": [[-f64::MAX, f64::MAX], [0.0, 1.0]], "sigma_pt": 1.0 }),
        ),
        call(
            "homogeneity",
            json!({ "table": [[1.0, 2.0], [3.0, 4.0]], "sigma_pt": f64::MAX }),
        ),
    ];
    for (g, m, factors) in [
        (10, 2, "table_b1"),
        (10, 2, "computed"),
        (7, 2, "table_b1"),
        (25, 2, "table_b1"),
        (10, 3, "table_b1"),
        (2, 2, "computed"),
        (1, 2, "table_b1"),
    ] {
        calls.push(call(
            "expanded_factors",
            json!({ "g": g, "m": m, "factors": factors }),
        ));
    }
    for args in [
        json!({ "first": before, "second": after, "sigma_pt": 0.02807 }),
        json!({ "first": before, "second": after, "sigma_pt": 0.02, "criterion": "expanded" }),
        json!({ "first": before, "second": after, "sigma_pt": 0.01 }),
        json!({ "first": before, "second": after, "sigma_pt": 0.01, "u_stab_rule": "difference" }),
        json!({ "first": [10.0], "second": [10.6], "sigma_pt": 1.0, "u_first": 0.05, "u_second": 0.1 }),
        json!({ "first": [10.0], "second": [10.6, 10.4], "sigma_pt": 1.0 }),
        json!({ "first": [10.0, 10.1], "second": [], "sigma_pt": 1.0 }),
        json!({ "first": [10.0, 10.1], "second": [10.6, 10.4], "sigma_pt": -1.0 }),
        json!({ "first": [10.0, 10.1], "second": [10.6, 10.4], "sigma_pt": 1.0, "u_first": -0.1 }),
        json!({ "first": [10.0, 10.1], "second": [10.6, 10.4], "sigma_pt": 1.0, "u_stab_rule": "uniform" }),
    ] {
        calls.push(call("stability", args));
    }
    calls.extend([
        call("assigned_value_formulation", json!({ "x_pt": 5.0, "u": 0.02 })),
        call("assigned_value_formulation", json!({ "x_pt": 5.0, "u": 0.03, "u_hom": 0.04 })),
        call("assigned_value_formulation", json!({ "x_pt": 5.0, "u": -0.03 })),
        call("assigned_value_certified", json!({ "value": 21.62, "expanded_uncertainty": 0.52, "k": 2.0 })),
        call("assigned_value_certified", json!({ "value": 0.9, "expanded_uncertainty": 0.1, "k": 1.96, "u_hom": 0.01, "u_stab": 0.02 })),
        call("assigned_value_certified", json!({ "value": 0.9, "expanded_uncertainty": 0.1, "k": 0.0 })),
        call("assigned_value_reference_laboratory", json!({ "x_pt": 0.044, "u": 0.0041 })),
        call("assigned_value_crm_comparison", json!({ "x_crm": e5["x_crm"], "u_crm": e5["u_crm"], "differences": e5["differences_item_minus_crm"] })),
        call("assigned_value_crm_comparison", json!({ "x_crm": 21.62, "u_crm": 0.26, "differences": [1.0] })),
        call("assigned_value_crm_comparison", json!({ "x_crm": 21.62, "u_crm": 0.26, "differences": [1.0, 2.0], "u_stab": f64::MAX })),
    ]);
    for x in [&e7["data"], &e3["data"]] {
        for estimator in ["algorithm_a", "median_niqr", "median_made", "mean"] {
            calls.push(call(
                "assigned_value_consensus",
                json!({ "x": x, "estimator": estimator }),
            ));
        }
        calls.push(call(
            "assigned_value_consensus",
            json!({ "x": x, "constants": "exact", "stop": "converged", "tol": 1e-12 }),
        ));
        calls.push(call(
            "assigned_value_expert_consensus",
            json!({ "x": x, "estimator": "median_niqr", "u_hom": 0.001, "u_stab": 0.002 }),
        ));
    }
    let ties = json!([1.0, 1.0, 1.0, 2.0, 9.0]);
    calls.extend([
        call("assigned_value_consensus", json!({ "x": ties })),
        call(
            "assigned_value_consensus",
            json!({ "x": ties, "zero_scale": "standard_deviation" }),
        ),
        call(
            "assigned_value_consensus",
            json!({ "x": ties, "estimator": "median_made" }),
        ),
        call(
            "assigned_value_consensus",
            json!({ "x": [1.0], "estimator": "mean" }),
        ),
        call(
            "assigned_value_consensus",
            json!({ "x": [], "estimator": "median_niqr" }),
        ),
        call(
            "assigned_value_consensus",
            json!({ "x": [1.0, 2.0, 3.0], "estimator": "q_hampel" }),
        ),
        call(
            "assigned_value_expert_consensus",
            json!({ "x": [1.0, 2.0, 3.0], "max_iter": 0 }),
        ),
    ]);
    let a =
        AssignedValue::participant_consensus(&numbers(&e7["data"]), &ConsensusOptions::default())
            .expect("E.7 consensus");
    for args in [
        json!({ "x_ref": e7["x_ref"], "u_ref": e7["u_ref"], "x_pt": a.x_pt, "u_x_pt": a.u_x_pt }),
        json!({ "x_ref": e7["x_ref"], "u_ref": e7["u_ref"], "x_pt": a.x_pt, "u_x_pt": a.u_x_pt, "rule": "three_u_diff" }),
        json!({ "x_ref": 10.0, "u_ref": 0.3, "x_pt": 10.9, "u_x_pt": 0.4 }),
        json!({ "x_ref": 1.0, "u_ref": 0.0, "x_pt": 1.0, "u_x_pt": 0.0 }),
        json!({ "x_ref": 1.0, "u_ref": -1.0, "x_pt": 1.0, "u_x_pt": 0.1 }),
        json!({ "x_ref": f64::MAX, "u_ref": 1.0, "x_pt": -f64::MAX, "u_x_pt": 1.0 }),
        json!({ "x_ref": 1.0, "u_ref": 0.1, "x_pt": 1.0, "u_x_pt": 0.1, "rule": "two_sigma" }),
    ] {
        calls.push(call("compare_with_reference", args));
    }
    calls
}

#[test]
fn parity_fixture_matches_the_core() {
    check_fixture(
        PATH,
        "Clause 7 and Annex B calls (arguments named as in Python) and their exact results; Rust, Python and JS must all reproduce them bit for bit. Regenerate with EQA_BLESS=1 cargo test -p eqa --test stats parity_provider.",
        calls(),
    );
}

/// Every function of the fixture has a result and a refusal.
#[test]
fn fixture_covers_results_and_refusals() {
    let calls = calls();
    for function in [
        "homogeneity",
        "expanded_factors",
        "stability",
        "assigned_value_formulation",
        "assigned_value_certified",
        "assigned_value_crm_comparison",
        "assigned_value_consensus",
        "assigned_value_expert_consensus",
        "compare_with_reference",
    ] {
        let of: Vec<_> = calls.iter().filter(|c| c["function"] == function).collect();
        assert!(of.iter().any(|c| c.get("result").is_some()), "{function}");
        assert!(of.iter().any(|c| c.get("error").is_some()), "{function}");
    }
}
