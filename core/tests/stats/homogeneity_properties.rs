//! Invariants of the homogeneity and stability checks, on generated tables.

use eqa::{
    CheckCriterion, ExpandedFactors, Homogeneity, HomogeneityOptions, HomogeneityRemedy,
    StabilityOptions, homogeneity, stability,
};
use proptest::prelude::*;

/// g items × m replicates of moderate values, g in 2..25, m in 2..5.
fn tables() -> impl Strategy<Value = Vec<Vec<f64>>> {
    (2usize..25, 2usize..5)
        .prop_flat_map(|(g, m)| prop::collection::vec(prop::collection::vec(-1e3..1e3f64, m), g))
}

fn options() -> impl Strategy<Value = HomogeneityOptions> {
    (any::<bool>(), any::<bool>(), any::<bool>()).prop_map(|(table, basic, inflate)| {
        HomogeneityOptions {
            factors: if table {
                ExpandedFactors::TableB1
            } else {
                ExpandedFactors::Computed
            },
            criterion: if basic {
                CheckCriterion::Basic
            } else {
                CheckCriterion::Expanded
            },
            remedy: if inflate {
                HomogeneityRemedy::InflateSigmaPt
            } else {
                HomogeneityRemedy::IncludeUHom
            },
        }
    })
}

/// Whether `a` and `b` agree to `rel` of `scale`.
fn close(a: f64, b: f64, scale: f64, rel: f64) -> bool {
    (a - b).abs() <= rel * scale.max(1e-300)
}

fn all_finite(h: &Homogeneity) -> bool {
    h.item_means.iter().all(|x| x.is_finite())
        && [
            h.general_mean,
            h.s_x,
            h.s_w,
            h.s_s,
            h.sigma_pt,
            h.criterion,
            h.f1,
            h.f2,
            h.c,
            h.expanded_criterion,
            h.sigma_pt_prime,
            h.u_hom,
        ]
        .iter()
        .all(|x| x.is_finite())
}

/// The spread statistics agree to `rel` of the data's spread.
fn same_spread(a: &Homogeneity, b: &Homogeneity, rel: f64) -> bool {
    let unit = a.s_x.max(a.s_w).max(1e-12);
    close(a.s_x, b.s_x, unit, rel)
        && close(a.s_w, b.s_w, unit, rel)
        // s_s = √(s_x² − s_w²/m) amplifies rounding near 0: compare its square.
        && close(a.s_s * a.s_s, b.s_s * b.s_s, unit * unit, rel)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn results_are_finite_and_s_s_is_not_negative(
        t in tables(), sigma in 1e-3..1e3f64, o in options(),
    ) {
        let h = homogeneity(&t, sigma, &o)?;
        prop_assert!(all_finite(&h));
        prop_assert!(h.s_s >= 0.0 && h.s_s <= h.s_x);
        prop_assert!(h.f1 > 0.0 && h.f2 > 0.0);
        prop_assert_eq!(h.item_means.len(), t.len());
        prop_assert!(h.sigma_pt_prime >= h.sigma_pt);
        prop_assert!(h.sufficient_expanded || !h.sufficient || h.f1 < 1.0);
    }

    #[test]
    fn item_order_does_not_matter(t in tables(), sigma in 1e-3..1e3f64, seed in any::<u64>()) {
        let o = HomogeneityOptions::default();
        let a = homogeneity(&t, sigma, &o)?;
        let mut shuffled = t.clone();
        let mut state = seed | 1;
        for i in (1..shuffled.len()).rev() {
            state ^= state << 13; state ^= state >> 7; state ^= state << 17;
            shuffled.swap(i, (state % (i as u64 + 1)) as usize);
        }
        let b = homogeneity(&shuffled, sigma, &o)?;
        prop_assert!(close(a.general_mean, b.general_mean, 1e3, 1e-13));
        prop_assert!(same_spread(&a, &b, 1e-9));
        let mut means = b.item_means.clone();
        let mut expected = a.item_means.clone();
        means.sort_by(f64::total_cmp);
        expected.sort_by(f64::total_cmp);
        prop_assert_eq!(means, expected);
    }

    #[test]
    fn replicate_order_does_not_matter(t in tables(), sigma in 1e-3..1e3f64) {
        let o = HomogeneityOptions::default();
        let a = homogeneity(&t, sigma, &o)?;
        let reversed: Vec<Vec<f64>> =
            t.iter().map(|row| row.iter().rev().copied().collect()).collect();
        let b = homogeneity(&reversed, sigma, &o)?;
        prop_assert!(close(a.general_mean, b.general_mean, 1e3, 1e-13));
        prop_assert!(same_spread(&a, &b, 1e-9));
    }

    #[test]
    fn location_and_scale_equivariance(
        t in tables(), sigma in 1e-2..1e2f64, shift in -1e4..1e4f64, factor in 1e-3..1e3f64,
    ) {
        let o = HomogeneityOptions::default();
        let a = homogeneity(&t, sigma, &o)?;
        let moved: Vec<Vec<f64>> =
            t.iter().map(|row| row.iter().map(|x| factor * x + shift).collect()).collect();
        let b = homogeneity(&moved, factor * sigma, &o)?;
        prop_assert!(close(b.general_mean, factor * a.general_mean + shift, factor * 1e3 + shift.abs(), 1e-12));
        let unit = factor * a.s_x.max(a.s_w).max(1e-9);
        let spread = 1e-7 * (1.0 + shift.abs() / unit);
        prop_assert!(close(b.s_x, factor * a.s_x, unit, spread));
        prop_assert!(close(b.s_w, factor * a.s_w, unit, spread));
        prop_assert!(close(b.c, factor * factor * a.c, unit * unit + factor * factor * a.c, spread));
        prop_assert_eq!((b.f1, b.f2), (a.f1, a.f2));
    }

    #[test]
    fn stability_is_antisymmetric_in_its_sets(
        first in prop::collection::vec(-1e3..1e3f64, 2..20),
        second in prop::collection::vec(-1e3..1e3f64, 2..20),
        sigma in 1e-3..1e3f64,
    ) {
        let o = StabilityOptions::default();
        let ab = stability(&first, &second, sigma, &o)?;
        let ba = stability(&second, &first, sigma, &o)?;
        prop_assert_eq!(ab.difference, -ba.difference);
        prop_assert_eq!((ab.stable, ab.stable_expanded), (ba.stable, ba.stable_expanded));
        prop_assert_eq!(ab.u_difference, ba.u_difference);
        prop_assert!(ab.u_stab >= 0.0 && ab.u_stab.is_finite() && ab.expanded_criterion >= ab.criterion);
    }
}
