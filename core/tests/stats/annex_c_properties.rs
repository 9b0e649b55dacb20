//! Invariants of the Annex C estimators beyond Algorithm A, on generated data:
//! the fast selections against brute force, permutation invariance,
//! location/scale equivariance, bounded influence, finite outputs.

use eqa::{
    AlgorithmSOptions, HampelMethod, HampelOptions, QnEdition, StopRule, algorithm_s, hampel,
    q_hampel, q_method, q_method_replicates, qn,
};
use proptest::prelude::*;

/// Up to 80 moderate values with at least two distinct ones, some repeated
/// (rounded to 2 decimals, so that ties and decimal near-ties occur).
fn data() -> impl Strategy<Value = Vec<f64>> {
    (prop::collection::vec(-1e3..1e3f64, 2..80), any::<bool>())
        .prop_map(|(v, round)| {
            if round {
                v.into_iter().map(|x| (x * 100.0).round() / 100.0).collect()
            } else {
                v
            }
        })
        .prop_filter("not all equal", |v| v.iter().any(|&x| x != v[0]))
}

fn shuffled(v: &[f64], seed: u64) -> Vec<f64> {
    let mut v = v.to_vec();
    let mut state = seed | 1;
    for i in (1..v.len()).rev() {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        v.swap(i, (state % (i as u64 + 1)) as usize);
    }
    v
}

fn close(a: f64, b: f64, scale: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * scale.max(f64::MIN_POSITIVE)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn q_method_selection_equals_the_materialised_pairs(v in data()) {
        // q_method_replicates sorts all p(p − 1)/2 weighted differences; with one
        // result each it must give the sorted-matrix selection's bits.
        let groups: Vec<[f64; 1]> = v.iter().map(|&x| [x]).collect();
        prop_assert_eq!(q_method(&v)?, q_method_replicates(&groups)?);
    }

    #[test]
    fn qn_selection_equals_brute_force(v in data()) {
        let mut d = Vec::new();
        for i in 0..v.len() {
            for j in i + 1..v.len() {
                d.push((v[i] - v[j]).abs());
            }
        }
        d.sort_by(f64::total_cmp);
        let q = qn(&v, QnEdition::Amendment1)?;
        prop_assert_eq!(q.difference, d[q.k as usize - 1]);
    }

    #[test]
    fn finite_step_hampel_is_a_root_nearest_the_median(v in data(), s in 0.01..500.0f64) {
        let r = hampel(&v, s, &HampelOptions::default())?;
        let psi = |t: f64| -> f64 {
            v.iter().map(|&x| {
                let q = (x - t) / s;
                let a = q.abs();
                let p = if a <= 1.5 { a } else if a <= 3.0 { 1.5 } else if a <= 4.5 { 4.5 - a } else { 0.0 };
                p.copysign(q)
            }).sum()
        };
        // Ψ vanishes at x*, to rounding (its slope is at most p/s).
        prop_assert!(psi(r.location).abs() <= 1e-9 * v.len() as f64);
        // No sign change of Ψ strictly closer to the median.
        let med = eqa::median(&v)?;
        let d = (r.location - med).abs();
        if d > 1e-9 * s {
            let steps = 400;
            for side in [-1.0, 1.0] {
                let mut last = psi(med);
                for k in 1..steps {
                    let t = med + side * d * f64::from(k) / f64::from(steps);
                    let now = psi(t);
                    prop_assert!(!(last * now < 0.0 && (t - med).abs() < d * (1.0 - 2.0 / f64::from(steps))),
                        "a root near {} is closer to the median {} than x* = {}", t, med, r.location);
                    last = now;
                }
            }
        }
    }

    #[test]
    fn estimators_ignore_the_order(v in data(), seed in any::<u64>()) {
        let w = shuffled(&v, seed);
        prop_assert_eq!(q_method(&v)?, q_method(&w)?);
        prop_assert_eq!(qn(&v, QnEdition::default())?, qn(&w, QnEdition::default())?);
        let options = HampelOptions::default();
        prop_assert_eq!(q_hampel(&v, &options)?, q_hampel(&w, &options)?);
        let abs: Vec<f64> = v.iter().map(|x| x.abs()).collect();
        let abs_w: Vec<f64> = w.iter().map(|x| x.abs()).collect();
        let tight = AlgorithmSOptions { stop: StopRule::Converged, tol: 1e-13, ..Default::default() };
        if let (Ok(a), Ok(b)) = (algorithm_s(&abs, 2, &tight), algorithm_s(&abs_w, 2, &tight)) {
            prop_assert!(close(a.scale, b.scale, a.scale, 1e-10));
        }
    }

    #[test]
    fn location_and_scale_equivariance(v in data(), a in -1e3..1e3f64, b in prop::sample::select(vec![-3.0, 0.5, 2.0, 1e3])) {
        // A shift of two decimals keeps decimal data decimal, so that the Q
        // method's ties stay ties (full-precision data have none to keep).
        let a = (a * 100.0).round() / 100.0;
        let r = q_hampel(&v, &HampelOptions::default())?;
        let moved: Vec<f64> = v.iter().map(|&x| a + b * x).collect();
        let m = q_hampel(&moved, &HampelOptions::default())?;
        let scale = r.scale * f64::abs(b);
        prop_assert!(close(m.scale, scale, scale, 1e-9), "{} vs {}", m.scale, scale);
        prop_assert!(close(m.location, a + b * r.location, scale, 1e-8), "{} vs {}", m.location, a + b * r.location);
        let q = qn(&v, QnEdition::default())?;
        let qm = qn(&moved, QnEdition::default())?;
        prop_assert!(close(qm.scale, q.scale * f64::abs(b), q.scale * f64::abs(b), 1e-9));
        let abs: Vec<f64> = v.iter().map(|x| x.abs()).collect();
        let scaled: Vec<f64> = abs.iter().map(|x| x * f64::abs(b)).collect();
        let tight = AlgorithmSOptions { stop: StopRule::Converged, tol: 1e-13, ..Default::default() };
        if let (Ok(s), Ok(t)) = (algorithm_s(&abs, 3, &tight), algorithm_s(&scaled, 3, &tight)) {
            prop_assert!(close(t.scale, s.scale * f64::abs(b), t.scale, 1e-9));
        }
    }

    #[test]
    fn a_far_outlier_has_no_influence(v in prop::collection::vec(-10.0..10.0f64, 6..50)) {
        // One value far out (beyond c·s* of Hampel's ψ) counts the same
        // wherever it is: Q/Hampel, Qn and Algorithm S do not move.
        let mut near = v.clone();
        near.push(1e6);
        let mut far = v.clone();
        far.push(1e12);
        let options = HampelOptions::default();
        let (a, b) = (q_hampel(&near, &options)?, q_hampel(&far, &options)?);
        prop_assert!(close(a.location, b.location, a.scale, 1e-12));
        prop_assert!(close(a.scale, b.scale, a.scale, 1e-12));
        prop_assert_eq!(qn(&near, QnEdition::default())?.scale, qn(&far, QnEdition::default())?.scale);
        let w: Vec<f64> = near.iter().map(|x| x.abs()).collect();
        let w_far: Vec<f64> = far.iter().map(|x| x.abs()).collect();
        let s = AlgorithmSOptions::default();
        if let (Ok(x), Ok(y)) = (algorithm_s(&w, 1, &s), algorithm_s(&w_far, 1, &s)) {
            prop_assert_eq!(x.scale, y.scale);
        }
    }

    #[test]
    fn outputs_are_finite_or_errors(
        v in prop::collection::vec(prop_oneof![-1e300..1e300f64, -1.0..1.0f64, Just(0.0), Just(f64::MAX), Just(f64::MIN_POSITIVE / 8.0)], 0..40),
        s in prop_oneof![1e-300..1e300f64, Just(f64::MIN_POSITIVE)],
        nu in 0u32..20,
    ) {
        if let Ok(r) = q_method(&v) {
            prop_assert!(r.scale.is_finite() && r.scale > 0.0 && r.h1_zero.is_finite());
        }
        for method in [HampelMethod::Finite, HampelMethod::Iterative] {
            let options = HampelOptions { method, ..Default::default() };
            if let Ok(r) = hampel(&v, s, &options) {
                prop_assert!(r.location.is_finite() && r.uncertainty.is_finite());
            }
            if let Ok(r) = q_hampel(&v, &options) {
                prop_assert!(r.location.is_finite() && r.scale.is_finite() && r.uncertainty.is_finite());
            }
        }
        for edition in QnEdition::ALL {
            if let Ok(r) = qn(&v, *edition) {
                prop_assert!(r.scale.is_finite() && r.difference.is_finite());
            }
        }
        let w: Vec<f64> = v.iter().map(|x| x.abs()).collect();
        if let Ok(r) = algorithm_s(&w, nu, &AlgorithmSOptions::default()) {
            prop_assert!(r.scale.is_finite() && r.eta.is_finite() && r.xi.is_finite());
        }
    }
}
