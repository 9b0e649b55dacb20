//! ISO 13528:2022 E.4 (Tables E.6/E.7): D%, P_A, z, z′, ζ and E_n of 21
//! participants, each printed number reproduced within half a unit of its
//! last digit, by the singular and the plural functions alike; with the
//! classifications and the u(x_pt) check of the same example.

use crate::common;

use common::{assert_printed, vector};
use eqa::{
    ClassificationRule, Performance, ScoreKind, UncertaintyAction, WhenNotNegligible,
    check_uncertainty, classify, en_number, en_numbers, pa_score, pa_scores, percent_deviation,
    percent_deviations, z_prime_score, z_prime_scores, z_score, z_scores, zeta_score, zeta_scores,
};
use serde_json::Value;

struct Example {
    x_pt: f64,
    u_x_pt: f64,
    big_u_x_pt: f64,
    sigma_pt: f64,
    delta_e: f64,
    labs: Vec<Value>,
}

fn example() -> Example {
    let v = vector("iso13528_2022_E4_scores");
    let number = |key: &str| v[key].as_f64().expect(key);
    let sigma_pt = number("sigma_pt");
    Example {
        x_pt: number("x_pt"),
        u_x_pt: number("u_x_pt"),
        big_u_x_pt: number("U_x_pt"),
        sigma_pt,
        // The vector: "delta_E": "3 * sigma_pt = 0.0198 (for PA)".
        delta_e: 0.0198,
        labs: v["participants"].as_array().expect("participants").clone(),
    }
}

fn column(labs: &[Value], key: &str) -> Vec<f64> {
    labs.iter().map(|l| l[key].as_f64().expect(key)).collect()
}

#[test]
fn e4_every_printed_score_singly() {
    let e = example();
    assert_eq!(e.labs.len(), 21);
    assert!((e.delta_e - 3.0 * e.sigma_pt).abs() < 1e-15);
    for lab in &e.labs {
        let name = lab["lab"].as_str().expect("lab");
        let x = lab["x"].as_f64().expect("x");
        let u_x = lab["u_x"].as_f64().expect("u_x");
        let big_u_x = lab["U_x"].as_f64().expect("U_x");
        let want = &lab["expected"];
        let check =
            |what: &str, got: f64| assert_printed(&format!("{name} {what}"), got, &want[what], 0);
        check("D_percent", percent_deviation(x, e.x_pt).expect("D%"));
        check("PA", pa_score(x, e.x_pt, e.delta_e).expect("P_A"));
        check("z", z_score(x, e.x_pt, e.sigma_pt).expect("z"));
        check(
            "z_prime",
            z_prime_score(x, e.x_pt, e.sigma_pt, e.u_x_pt).expect("z'"),
        );
        check("zeta", zeta_score(x, u_x, e.x_pt, e.u_x_pt).expect("zeta"));
        check(
            "En",
            en_number(x, big_u_x, e.x_pt, e.big_u_x_pt).expect("En"),
        );
    }
}

#[test]
fn e4_vectorised_scores_equal_the_single_ones() {
    let e = example();
    let x = column(&e.labs, "x");
    let u_x = column(&e.labs, "u_x");
    let big_u_x = column(&e.labs, "U_x");
    let columns = [
        ("D_percent", percent_deviations(&x, e.x_pt).expect("D%")),
        ("PA", pa_scores(&x, e.x_pt, e.delta_e).expect("P_A")),
        ("z", z_scores(&x, e.x_pt, e.sigma_pt).expect("z")),
        (
            "z_prime",
            z_prime_scores(&x, e.x_pt, e.sigma_pt, e.u_x_pt).expect("z'"),
        ),
        (
            "zeta",
            zeta_scores(&x, &u_x, e.x_pt, e.u_x_pt).expect("zeta"),
        ),
        (
            "En",
            en_numbers(&x, &big_u_x, e.x_pt, e.big_u_x_pt).expect("En"),
        ),
    ];
    for (key, scores) in &columns {
        assert_eq!(scores.len(), 21);
        for (i, lab) in e.labs.iter().enumerate() {
            assert_printed(
                &format!("{} {key}", lab["lab"]),
                scores[i],
                &lab["expected"][*key],
                0,
            );
        }
    }
    for (i, &xi) in x.iter().enumerate() {
        assert_eq!(
            columns[2].1[i].to_bits(),
            z_score(xi, e.x_pt, e.sigma_pt).expect("z").to_bits()
        );
        let en = en_number(xi, big_u_x[i], e.x_pt, e.big_u_x_pt).expect("En");
        assert_eq!(columns[5].1[i].to_bits(), en.to_bits());
    }
}

#[test]
fn e4_classifications() {
    let e = example();
    let x = column(&e.labs, "x");
    let z = z_scores(&x, e.x_pt, e.sigma_pt).expect("z");
    let classes = classify(&z, &ClassificationRule::z()).expect("finite");
    let count = |p| classes.iter().filter(|&&c| c == p).count();
    // z ≤ −3.05 for the first nine participants (L04 … L12), |z| ≤ 1.36 for the rest.
    assert_eq!(count(Performance::Unsatisfactory), 9);
    assert_eq!(count(Performance::Questionable), 0);
    assert_eq!(count(Performance::Satisfactory), 12);

    let z_prime = z_prime_scores(&x, e.x_pt, e.sigma_pt, e.u_x_pt).expect("z'");
    let classes =
        classify(&z_prime, &ScoreKind::ZPrime.default_rule().expect("rule")).expect("finite");
    // L12: z = −3.05 is an action signal, z′ = −2.59 only a warning.
    assert_eq!(classes[8], Performance::Questionable);
    assert_eq!(
        classes
            .iter()
            .filter(|&&c| c == Performance::Unsatisfactory)
            .count(),
        8
    );

    let pa = pa_scores(&x, e.x_pt, e.delta_e).expect("P_A");
    let by_pa = classify(&pa, &ClassificationRule::pa()).expect("finite");
    let by_z = classify(&z, &ClassificationRule::z()).expect("finite");
    // δ_E = 3σ_pt: |P_A| > 100 exactly where |z| ≥ 3 (no z sits on 3).
    assert_eq!(by_pa, by_z);

    let big_u_x = column(&e.labs, "U_x");
    let en = en_numbers(&x, &big_u_x, e.x_pt, e.big_u_x_pt).expect("En");
    let classes = classify(&en, &ClassificationRule::en()).expect("finite");
    assert_eq!(
        classes
            .iter()
            .filter(|&&c| c == Performance::Unsatisfactory)
            .count(),
        9
    );
}

#[test]
fn e4_uncertainty_of_the_assigned_value_is_not_negligible() {
    let e = example();
    let check =
        check_uncertainty(e.u_x_pt, e.sigma_pt, WhenNotNegligible::default()).expect("valid");
    assert!(!check.negligible);
    assert_eq!(check.limit, 0.3 * e.sigma_pt);
    assert_eq!(check.action, UncertaintyAction::UseZPrime);
    assert_eq!(check.score, ScoreKind::ZPrime);
    let report = check_uncertainty(e.u_x_pt, e.sigma_pt, WhenNotNegligible::Report).expect("valid");
    assert_eq!(report.action, UncertaintyAction::ReportUncertainty);
    assert_eq!(report.score, ScoreKind::Z);
}
