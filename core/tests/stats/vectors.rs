//! The published worked examples that the robust estimators cover, each
//! citing its table. Known deviations are carried as such, with the reason.

use crate::common;

use common::{assert_printed, numbers, vector};
use eqa::{
    AlgorithmAOptions, Constants, HuberOptions, StopRule, ZeroScalePolicy, algorithm_a,
    consensus_uncertainty, huber_fixed_scale, made, mean, median, niqr, standard_deviation,
};
use serde_json::Value;

fn iso() -> AlgorithmAOptions {
    AlgorithmAOptions::default()
}

fn exact_converged() -> AlgorithmAOptions {
    AlgorithmAOptions {
        constants: Constants::Exact,
        stop: StopRule::Converged,
        ..Default::default()
    }
}

/// ISO 13528:2022 E.3, Table E.5: atrazine, 34 results.
#[test]
fn e3_atrazine_table_e5() {
    let v = vector("iso13528_2022_E3_atrazine");
    let x = numbers(&v["data"]);
    let e = &v["expected"];
    let p = x.len();
    assert_eq!(p, 34);
    assert_printed("median", median(&x).unwrap(), &e["median"], 0);
    assert_printed("MADe", made(&x, Constants::Iso).unwrap(), &e["MADe"], 0);
    let niqr = niqr(&x).unwrap();
    assert_printed("nIQR", niqr, &e["nIQR"], 0);
    // Table E.5's "median" row takes its uncertainty from nIQR (see the vector's definitions).
    assert_printed(
        "u(median)",
        consensus_uncertainty(niqr, p).unwrap(),
        &e["u_median_from_nIQR"],
        0,
    );
    let a = algorithm_a(&x, &iso()).unwrap();
    assert!(a.converged);
    assert_printed("Algorithm A x*", a.location, &e["algA_x"], 0);
    assert_printed("Algorithm A s*", a.scale, &e["algA_s"], 0);
    assert_printed("Algorithm A u(x*)", a.uncertainty, &e["algA_u"], 0);
    let tight = AlgorithmAOptions {
        stop: StopRule::Converged,
        ..iso()
    };
    let a = algorithm_a(&x, &tight).unwrap();
    assert_printed("converged x*", a.location, &e["algA_x"], 0);
    assert_printed("converged s*", a.scale, &e["algA_s"], 0);
    let m = mean(&x).unwrap();
    let sd = standard_deviation(&x).unwrap();
    assert_printed("mean", m, &e["mean"], 0);
    assert_printed("sd", sd, &e["sd"], 0);
    assert_printed("u(mean)", sd / (p as f64).sqrt(), &e["u_mean"], 0);
}

/// ISO 13528:2022 E.3 against the peers' full-precision numbers: the
/// linear-interpolation quartiles and MADe agree with R and numpy to 1e-12.
#[test]
fn e3_matches_peer_precision() {
    let v = vector("iso13528_2022_E3_atrazine");
    let x = numbers(&v["data"]);
    let r = &v["peer_check"]["r"];
    assert!((niqr(&x).unwrap() - r["nIQR"].as_f64().unwrap()).abs() < 1e-12);
    assert!((made(&x, Constants::Iso).unwrap() - r["MADe"].as_f64().unwrap()).abs() < 1e-12);
    let py = &v["peer_check"]["py"];
    let a = algorithm_a(&x, &iso()).unwrap();
    // The same ISO 2022 rule as pt13528's "sig3": same iterations, same numbers.
    assert_eq!(
        i64::from(a.iterations),
        py["algA_iso2022_iterations"].as_i64().unwrap()
    );
    assert!((a.location - py["algA_iso2022_location"].as_f64().unwrap()).abs() < 1e-12);
    assert!((a.scale - py["algA_iso2022_scale"].as_f64().unwrap()).abs() < 1e-12);
}

/// ISO 13528:2022 E.1, Table E.1: Algorithm A with "<" results ignored,
/// deleted, or replaced by half the limit, under the ISO stopping rule.
#[test]
fn e1_censored_table_e1() {
    let v = vector("iso13528_2022_E1_censored_algA");
    for (case, units) in [("ignored", 0), ("deleted", 0), ("half", 1)] {
        let c = &v["cases"][case];
        let a = algorithm_a(&numbers(&c["data"]), &iso()).unwrap();
        assert!(a.converged);
        assert_printed(case, a.location, &c["expected"]["algA_x"], units);
        assert_printed(case, a.scale, &c["expected"]["algA_s"], units);
    }
}

/// Known deviation, E.1 "half": the printed 23.95 / 8.60 is not reproduced
/// by any stopping rule (ISO's gives 23.96 / 8.59, full convergence
/// 23.9585 / 8.5960); the vector allows one unit of the last digit.
/// Known dependence, E.1 "ignored": the printed s* = 7.23 needs the ISO
/// rule; converged Algorithm A gives 7.2373 (7.24).
#[test]
fn e1_known_deviations_are_what_the_notes_say() {
    let v = vector("iso13528_2022_E1_censored_algA");
    let half = algorithm_a(&numbers(&v["cases"]["half"]["data"]), &iso()).unwrap();
    assert_eq!(
        (
            (half.location * 100.0).round(),
            (half.scale * 100.0).round()
        ),
        (2396.0, 859.0)
    );
    let tight = AlgorithmAOptions {
        stop: StopRule::Converged,
        ..iso()
    };
    let ignored = algorithm_a(&numbers(&v["cases"]["ignored"]["data"]), &tight).unwrap();
    assert_eq!((ignored.scale * 100.0).round(), 724.0);
}

/// ISO 13528:2022 E.7: the Algorithm A consensus of the 21 results of E.4
/// against the reference value 0.044 ± 0.0041.
#[test]
fn e7_consensus_against_reference() {
    let v = vector("iso13528_2022_E7_algA_vs_reference");
    let x = numbers(&v["data"]);
    let e = &v["expected"];
    let a = algorithm_a(&x, &iso()).unwrap();
    assert_printed("x*", a.location, &e["algA_x"], 0);
    assert_printed("s*", a.scale, &e["algA_s"], 0);
    assert_printed("u(x*)", a.uncertainty, &e["algA_u"], 0);
    let x_ref = v["x_ref"].as_f64().unwrap();
    let u_ref = v["u_ref"].as_f64().unwrap();
    assert_printed("x_ref - x*", x_ref - a.location, &e["x_diff"], 0);
    assert_printed("u_diff", u_ref.hypot(a.uncertainty), &e["u_diff"], 0);
}

/// ISO 13528:2022 E.13, Table E.11: Algorithm A of the 25 participant averages.
#[test]
fn e13_algorithm_a_of_averages() {
    let v = vector("iso13528_2022_E13_algA_algS");
    let a = algorithm_a(&numbers(&v["averages"]), &iso()).unwrap();
    assert_printed("x*", a.location, &v["expected"]["algA_x_of_averages"], 0);
}

/// AMC (1989) copper in flour, values from Venables & Ripley (2002) §5.5:
/// Algorithm A with the exact constants is Huber's proposal 2 (`MASS::hubers`),
/// and the fixed-scale variant is `MASS::huber`.
#[test]
fn amc_copper_in_flour() {
    let v = vector("amc1989_chem_copper_flour");
    let x = numbers(&v["data"]);
    let e = &v["expected"];
    assert_printed("mean", mean(&x).unwrap(), &e["mean"], 0);
    assert_printed("median", median(&x).unwrap(), &e["median"], 0);
    assert_printed(
        "mad",
        made(&x, Constants::Exact).unwrap(),
        &e["mad_1.4826"],
        0,
    );
    let huber = HuberOptions {
        constants: Constants::Exact,
        stop: StopRule::Converged,
        ..Default::default()
    };
    let h = huber_fixed_scale(&x, &huber).unwrap();
    assert_printed("huber mu", h.location, &e["huber_fixed_mad_scale_mu"], 0);
    let a = algorithm_a(&x, &exact_converged()).unwrap();
    assert_printed("hubers mu", a.location, &e["huber_proposal2_mu"], 0);
    // Known deviation: MASS::hubers stops once a step is below 1e-6·s and
    // prints that iterate, 0.6736520; the fixed point is 0.6736526, so the
    // seventh digit differs by one unit.
    assert_printed("hubers s", a.scale, &e["huber_proposal2_s"], 1);
    let peer = v["peer_check"]["r"]["algA_tight_s"].as_f64().unwrap();
    assert!(
        (a.scale - peer).abs() < 1e-9,
        "{} vs R's tight {peer}",
        a.scale
    );
}

/// robustbase's saved `huberM` outputs (tests/huber-etc.Rout.save).
///
/// Known deviation: `huberM` stops when a step is below tol·s (tol = 1e-6)
/// and returns the iterate before that step; eqa iterates to the fixed point.
/// The printed values therefore sit within one such step of ours: the check
/// allows 1e-6·s beyond half a unit of the seventh significant digit. Cases
/// where MAD = 0 use the `median` zero-scale policy, which is huberM's.
#[test]
fn robustbase_huber_m() {
    let v = vector("robustbase_tests_huberM");
    let options = HuberOptions {
        constants: Constants::Exact,
        stop: StopRule::Converged,
        zero_scale: ZeroScalePolicy::Median,
        ..Default::default()
    };
    for case in v["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let x = numbers(&case["data"]);
        let e = &case["expected"];
        let expected = |key: &str| e[key].as_f64().unwrap();
        assert_eq!(median(&x).unwrap(), expected("median"), "{name}");
        let mad = made(&x, Constants::Exact).unwrap();
        assert!((mad - expected("mad")).abs() <= 5e-5, "{name}: mad {mad}");
        let h = huber_fixed_scale(&x, &options).unwrap();
        let mu = expected("huberM_mu");
        let half_unit = 0.5 * 10f64.powi(mu.abs().log10().floor() as i32 - 6);
        let allowed = half_unit + 1e-6 * h.scale;
        assert!(
            (h.location - mu).abs() <= allowed,
            "{name}: {} vs {mu}",
            h.location
        );
        if let Some(s) = e.get("huberM_s") {
            assert_eq!(h.scale, s.as_f64().unwrap(), "{name}");
        }
    }
}

/// The illustrative set of the domain specification §7.6 (computed there,
/// not printed by ISO): the ISO rule stops after 8 iterations at
/// 5.2626 / 0.09941; the tight limit is 5.26265 / 0.09942 after 24.
#[test]
fn domain_illustrative_set() {
    let x = [
        5.21, 5.30, 5.18, 5.25, 5.40, 5.12, 5.28, 5.33, 5.19, 5.26, 5.22, 6.90,
    ];
    assert_eq!(median(&x).unwrap(), 5.255);
    assert!((made(&x, Constants::Iso).unwrap() - 0.0816).abs() < 1e-4);
    assert!((niqr(&x).unwrap() - 0.0760).abs() < 1e-4);
    let a = algorithm_a(&x, &iso()).unwrap();
    assert_eq!(a.iterations, 8);
    assert!((a.location - 5.2626).abs() < 1e-4);
    assert!((a.scale - 0.09941).abs() < 1e-5);
    assert!((a.uncertainty - 0.0359).abs() < 1e-4);
    let tight = AlgorithmAOptions {
        stop: StopRule::Converged,
        tol: 1e-6,
        ..iso()
    };
    let a = algorithm_a(&x, &tight).unwrap();
    assert!((a.location - 5.26265).abs() < 1e-5);
    assert!((a.scale - 0.09942).abs() < 1e-5);
}

#[test]
fn every_vector_file_is_valid_json() {
    let dir = format!("{}/tests/vectors", env!("CARGO_MANIFEST_DIR"));
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            let text = std::fs::read_to_string(&path).unwrap();
            let _: Value = serde_json::from_str(&text).unwrap();
            seen += 1;
        }
    }
    assert!(seen >= 10);
}
