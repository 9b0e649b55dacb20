//! Invariants of the performance statistics and their classification, on
//! generated data: reflection about x_pt, |z′| ≤ |z|, E_n = ζ/k, monotone
//! classes, and nothing but finite numbers or typed errors.

use eqa::{
    Bound, ClassificationRule, CombinedOptions, Performance, combined_z, en_number, en_numbers,
    pa_score, percent_deviation, z_prime_score, z_prime_scores, z_score, z_scores, zeta_score,
    zeta_scores,
};
use proptest::prelude::*;

fn value() -> impl Strategy<Value = f64> {
    -1e6..1e6f64
}

fn positive() -> impl Strategy<Value = f64> {
    1e-6..1e3f64
}

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        Just(0.0),
        Just(-0.0),
        Just(f64::MAX),
        Just(f64::MIN_POSITIVE),
        Just(f64::NAN),
        Just(f64::INFINITY),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn reflection_about_x_pt_flips_the_sign(
        x_pt in value(), d in 0.0..1e5f64, sigma in positive(), u in 0.0..1e3f64, u_x in positive()
    ) {
        // x = x_pt + d and x_pt − d, with d exact so both differences are exact.
        let (above, below) = (x_pt + d, x_pt - d);
        let (da, db) = (above - x_pt, below - x_pt);
        prop_assume!(da == -db);
        prop_assert_eq!(z_score(above, x_pt, sigma)?, -z_score(below, x_pt, sigma)?);
        prop_assert_eq!(z_prime_score(above, x_pt, sigma, u)?, -z_prime_score(below, x_pt, sigma, u)?);
        prop_assert_eq!(zeta_score(above, u_x, x_pt, u)?, -zeta_score(below, u_x, x_pt, u)?);
        prop_assert_eq!(en_number(above, u_x, x_pt, u)?, -en_number(below, u_x, x_pt, u)?);
        prop_assert_eq!(pa_score(above, x_pt, sigma)?, -pa_score(below, x_pt, sigma)?);
    }

    #[test]
    fn z_prime_never_exceeds_z(x in prop::collection::vec(value(), 0..30), x_pt in value(),
                               sigma in positive(), u in 0.0..1e4f64) {
        let z = z_scores(&x, x_pt, sigma)?;
        let zp = z_prime_scores(&x, x_pt, sigma, u)?;
        prop_assert_eq!(z.len(), x.len());
        for (a, b) in z.iter().zip(&zp) {
            prop_assert!(b.abs() <= a.abs());
            prop_assert!(a.signum() == b.signum() || *b == 0.0);
        }
        if u == 0.0 {
            prop_assert_eq!(z, zp);
        }
    }

    #[test]
    fn en_is_zeta_over_the_coverage_factor(
        x in prop::collection::vec(value(), 1..30), x_pt in value(),
        u in prop::collection::vec(positive(), 30), u_pt in 0.0..1e3f64, k in 1.0..4.0f64
    ) {
        let u = &u[..x.len()];
        let big_u: Vec<f64> = u.iter().map(|v| k * v).collect();
        let zeta = zeta_scores(&x, u, x_pt, u_pt)?;
        let en = en_numbers(&x, &big_u, x_pt, k * u_pt)?;
        for (z, e) in zeta.iter().zip(&en) {
            prop_assert!((e - z / k).abs() <= 1e-12 * (z / k).abs().max(1e-300), "{e} vs {z}/{k}");
        }
    }

    #[test]
    fn classes_are_monotone_in_the_absolute_score(
        a in 0.0..10.0f64, b in 0.0..10.0f64, s in 0.1..3.0f64, gap in 0.0..3.0f64,
        inclusive in any::<bool>(), sign in any::<bool>()
    ) {
        let bound = if inclusive { Bound::Inclusive } else { Bound::Exclusive };
        let other = if gap == 0.0 { Bound::Exclusive } else { bound };
        let rule = ClassificationRule::new(s, bound, s + gap, other)?;
        let (lo, hi) = if a <= b { (a, b) } else { (b, a) };
        let lo = if sign { -lo } else { lo };
        for rule in [rule, ClassificationRule::z(), ClassificationRule::en(), ClassificationRule::pa()] {
            prop_assert!(rule.classify(lo)? <= rule.classify(hi)?);
            prop_assert_eq!(rule.classify(hi)?, rule.classify(-hi)?);
        }
        prop_assert_eq!(ClassificationRule::z().classify(0.0)?, Performance::Satisfactory);
    }

    #[test]
    fn results_are_finite_or_typed_errors(x in any_f64(), x_pt in any_f64(), s in any_f64(),
                                          u in any_f64(), v in any_f64()) {
        let outcomes = [
            z_score(x, x_pt, s),
            z_prime_score(x, x_pt, s, u),
            zeta_score(x, u, x_pt, v),
            en_number(x, u, x_pt, v),
            pa_score(x, x_pt, s),
            percent_deviation(x, x_pt),
        ];
        for outcome in outcomes {
            match outcome {
                Ok(score) => prop_assert!(score.is_finite()),
                Err(e) => prop_assert!(
                    ["non_finite_value", "invalid_parameter", "overflow"].contains(&e.code()),
                    "{e}"
                ),
            }
        }
    }

    #[test]
    fn combined_scores_are_finite(z in prop::collection::vec(-50.0..50.0f64, 1..40)) {
        let c = combined_z(&z, &CombinedOptions::default())?;
        prop_assert_eq!(&c.z, &z);
        for v in [c.mean_z, c.rescaled_sum, c.sum_of_squares, c.p_value] {
            prop_assert!(v.is_finite());
        }
        prop_assert!((0.0..=1.0).contains(&c.p_value));
        // A larger SSZ on the same p is never judged better.
        let scaled: Vec<f64> = z.iter().map(|v| 1.5 * v).collect();
        let worse = combined_z(&scaled, &CombinedOptions::default())?;
        prop_assert!(worse.p_value <= c.p_value);
        prop_assert!(worse.sum_of_squares_performance >= c.sum_of_squares_performance);
    }
}
