//! Invariants of the robust estimators, on generated data.

use eqa::{
    AlgorithmAOptions, Error, HuberOptions, StopRule, algorithm_a, huber_fixed_scale, made, mean,
    median, niqr, standard_deviation,
};
use proptest::prelude::*;
use proptest::sample::Index;

fn converged() -> AlgorithmAOptions {
    AlgorithmAOptions {
        stop: StopRule::Converged,
        tol: 1e-13,
        ..Default::default()
    }
}

/// Data with enough distinct values for MADe > 0: up to a few dozen moderate values.
fn spread_data() -> impl Strategy<Value = Vec<f64>> {
    sized_data(5)
}

fn sized_data(min: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(-1e3..1e3f64, min..60).prop_filter("MADe > 0", |v| {
        made(v, eqa::Constants::Iso).is_ok_and(|m| m > 1e-6)
    })
}

/// Whether `a` and `b` agree to `rel` of `scale`.
fn close(a: f64, b: f64, scale: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * scale.max(f64::MIN_POSITIVE)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn order_statistics_ignore_the_order(mut v in spread_data(), seed in any::<u64>()) {
        let before = (median(&v)?, made(&v, eqa::Constants::Iso)?, niqr(&v)?);
        // A seeded Fisher–Yates shuffle.
        let mut state = seed | 1;
        for i in (1..v.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            v.swap(i, (state % (i as u64 + 1)) as usize);
        }
        prop_assert_eq!(before, (median(&v)?, made(&v, eqa::Constants::Iso)?, niqr(&v)?));
    }

    #[test]
    fn algorithm_a_ignores_the_order(v in spread_data()) {
        let a = algorithm_a(&v, &converged())?;
        let mut reversed = v.clone();
        reversed.reverse();
        let b = algorithm_a(&reversed, &converged())?;
        prop_assert!(close(a.location, b.location, a.scale, 1e-9));
        prop_assert!(close(a.scale, b.scale, a.scale, 1e-9));
    }

    #[test]
    fn algorithm_a_is_location_and_scale_equivariant(
        v in spread_data(), shift in -1e4..1e4f64, factor in prop_oneof![-50.0..-0.02f64, 0.02..50.0f64],
    ) {
        let a = algorithm_a(&v, &converged())?;
        prop_assume!(a.converged);
        let moved: Vec<f64> = v.iter().map(|x| factor * x + shift).collect();
        let b = algorithm_a(&moved, &converged())?;
        prop_assume!(b.converged);
        let scale = factor.abs() * a.scale;
        prop_assert!(close(b.location, factor * a.location + shift, scale, 1e-6), "{:?} {:?}", a, b);
        prop_assert!(close(b.scale, scale, scale, 1e-6), "{:?} {:?}", a, b);
    }

    /// At least ten values, so that one more outlier stays well below
    /// Algorithm A's breakdown point: in five values with one already far
    /// out, a second makes 40 % and may carry the estimate (as it should).
    #[test]
    fn one_extreme_outlier_has_bounded_influence(v in sized_data(10), at in any::<Index>()) {
        let base = algorithm_a(&v, &converged())?;
        let mut far = v.clone();
        let i = at.index(v.len());
        far[i] = 1e9;
        let mut farther = v.clone();
        farther[i] = 1e15;
        let a = algorithm_a(&far, &converged())?;
        let b = algorithm_a(&farther, &converged())?;
        // Beyond the window, how far the outlier lies does not matter at all …
        prop_assert_eq!(a, b);
        // … and one value moves the location by a bounded amount.
        prop_assert!((a.location - base.location).abs() <= 3.0 * base.scale, "{:?} {:?}", base, a);
        let h = huber_fixed_scale(&farther, &HuberOptions::default())?;
        prop_assert!(h.location.is_finite() && h.location < 1e3);
    }

    #[test]
    fn every_ok_is_finite_and_every_error_is_typed(
        v in prop::collection::vec(prop::num::f64::ANY, 0..40),
    ) {
        let first_bad = v.iter().position(|x| !x.is_finite());
        let results = [
            median(&v),
            mean(&v),
            standard_deviation(&v),
            made(&v, eqa::Constants::Exact),
            niqr(&v),
            algorithm_a(&v, &AlgorithmAOptions::default()).map(|r| r.location + r.scale + r.uncertainty),
            algorithm_a(&v, &converged()).map(|r| r.location + r.scale + r.uncertainty),
            huber_fixed_scale(&v, &HuberOptions::default()).map(|r| r.location + r.scale),
        ];
        for r in results {
            match (r, first_bad) {
                (Ok(x), None) => prop_assert!(x.is_finite(), "{x}"),
                (Ok(x), Some(i)) => prop_assert!(false, "Ok({x}) despite a non-finite value at {i}"),
                (Err(Error::NonFiniteValue { index, .. }), Some(i)) => prop_assert_eq!(index, i),
                (Err(Error::TooFewValues { .. }), _) => prop_assert!(v.len() < 2),
                (Err(e), None) => prop_assert!(
                    ["zero_scale", "overflow"].contains(&e.code()), "unexpected {e}"
                ),
                (Err(e), Some(_)) => prop_assert!(false, "expected non_finite_value, got {e}"),
            }
        }
    }

    #[test]
    fn more_than_half_ties_is_a_zero_scale_error(tie in -1e6..1e6f64, others in prop::collection::vec(-1e6..1e6f64, 0..10)) {
        let mut v = vec![tie; others.len() + 1];
        v.extend(&others);
        prop_assume!(v.len() >= 2);
        let err = algorithm_a(&v, &AlgorithmAOptions::default()).unwrap_err();
        prop_assert_eq!(err.code(), "zero_scale");
    }
}
