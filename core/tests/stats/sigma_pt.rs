//! ISO 13528:2022 E.9 and E.10: σ_pt from the Horwitz/Thompson general model
//! and from a precision experiment, each printed number reproduced within
//! half a unit of its last digit, with the provenance each result carries.

use crate::common;

use common::{assert_printed, vector};
use eqa::{
    GeneralModel, LimitFraction, MassFractionUnit, PreviousRoundsModel, Provenance, SigmaPtMethod,
    sigma_pt_from_limit, sigma_pt_from_precision, sigma_pt_from_previous_rounds,
    sigma_pt_from_robust_sd, sigma_pt_general_model,
};

#[test]
fn e9_e10_every_printed_sigma_pt() {
    let v = vector("iso13528_2022_E9_E10_sigma_pt");
    let cases = v["cases"].as_array().expect("cases");
    let mut checked = 0;
    for case in cases {
        match case["method"].as_str().expect("method") {
            "horwitz" => {
                let c = case["c_mg_per_kg"].as_f64().expect("c");
                let s =
                    sigma_pt_general_model(c, GeneralModel::Thompson, MassFractionUnit::MgPerKg)
                        .expect("valid");
                assert_printed(
                    "Horwitz (mg/kg)",
                    s.value,
                    &case["expected_sigma_pt_mg_per_kg"],
                    0,
                );
                // The same σ from the mass fraction, converted to mg/kg.
                let fraction = case["c_mass_fraction"].as_f64().expect("mass fraction");
                let f = sigma_pt_general_model(
                    fraction,
                    GeneralModel::Thompson,
                    MassFractionUnit::Fraction,
                )
                .expect("valid");
                assert_printed(
                    "Horwitz (fraction)",
                    f.value * 1e6,
                    &case["expected_sigma_pt_mg_per_kg"],
                    0,
                );
                // Between 1.2e-7 and 0.138 Thompson's model is Horwitz's.
                let h = sigma_pt_general_model(
                    fraction,
                    GeneralModel::Horwitz,
                    MassFractionUnit::Fraction,
                )
                .expect("valid");
                assert_eq!(h.value, f.value);
                assert_eq!(s.method(), SigmaPtMethod::GeneralModel);
                assert_eq!(
                    s.provenance,
                    Provenance::GeneralModel {
                        model: GeneralModel::Thompson,
                        c,
                        unit: MassFractionUnit::MgPerKg,
                    }
                );
            }
            "precision" => {
                let s_big_r = case["s_R"].as_f64().expect("s_R");
                let s_r = case["s_r"].as_f64().expect("s_r");
                let m = case["n_replicates"].as_u64().expect("m") as u32;
                let s = sigma_pt_from_precision(s_big_r, s_r, m).expect("valid");
                assert_printed(
                    "precision experiment",
                    s.value,
                    &case["expected_sigma_pt"],
                    0,
                );
                assert_eq!(s.method(), SigmaPtMethod::PrecisionExperiment);
                assert_eq!(
                    s.provenance,
                    Provenance::PrecisionExperiment {
                        reproducibility_sd: s_big_r,
                        repeatability_sd: s_r,
                        replicates: m,
                    }
                );
            }
            other => panic!("unknown case {other}"),
        }
        checked += 1;
    }
    assert_eq!(checked, 3);
}

#[test]
fn e4_sigma_pt_is_a_third_of_delta_e() {
    // E.4 sets δ_E = 3σ_pt = 0.0198 mg/kg.
    let s = sigma_pt_from_limit(0.0198, LimitFraction::default()).expect("valid");
    assert!((s.value - 0.0066).abs() < 1e-15);
    assert_eq!(s.method(), SigmaPtMethod::FitnessForPurpose);
    assert_eq!(
        s.provenance,
        Provenance::FitnessForPurpose {
            delta_e: 0.0198,
            fraction: LimitFraction::Third
        }
    );
    let half = sigma_pt_from_limit(0.0198, LimitFraction::Half).expect("valid");
    assert_eq!(half.value, 0.0099);
    let given =
        sigma_pt_from_limit(0.0198, LimitFraction::factor(0.25).expect("valid")).expect("valid");
    assert_eq!(given.value, 0.00495);
    assert!(LimitFraction::factor(0.0).is_err());
    assert!(sigma_pt_from_limit(0.0198, LimitFraction::Factor(-1.0)).is_err());
    assert!(sigma_pt_from_limit(0.0, LimitFraction::Half).is_err());
}

#[test]
fn previous_rounds_and_robust_sd_carry_their_inputs() {
    let x = [0.5, 1.0, 2.0, 4.0];
    let s = [0.06, 0.11, 0.19, 0.42];
    let line =
        sigma_pt_from_previous_rounds(&x, &s, 3.0, PreviousRoundsModel::Linear).expect("valid");
    let Provenance::PreviousRounds {
        model,
        rounds,
        x_pt,
        intercept,
        slope,
    } = line.provenance
    else {
        panic!("not from previous rounds: {:?}", line.provenance);
    };
    assert_eq!((model, rounds, x_pt), (PreviousRoundsModel::Linear, 4, 3.0));
    assert_eq!(line.value, intercept + slope * 3.0);
    // Sxx = 7.1875, Sxs = 0.7375: slope 0.102609, intercept 0.195 − 1.875·slope.
    assert!((slope - 0.7375 / 7.1875).abs() < 1e-15);
    assert!((intercept - (0.195 - 1.875 * 0.7375 / 7.1875)).abs() < 1e-15);

    let robust = sigma_pt_from_robust_sd(0.0395, 34).expect("valid");
    assert_eq!(
        robust.provenance,
        Provenance::RobustSd {
            s_star: 0.0395,
            p: 34
        }
    );
    assert_eq!(
        sigma_pt_from_robust_sd(0.0, 34).map_err(|e| e.code()),
        Err("invalid_parameter")
    );
}
