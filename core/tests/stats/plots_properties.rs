//! Invariants of the data for graphs, on generated data: every value counted
//! once, a density that integrates to one, results that do not depend on the
//! order of the input, and nothing but finite numbers or typed errors.

use eqa::{
    Bandwidth, Bins, ClassificationRule, DensityOptions, ScoreSeriesOptions, YoudenOptions,
    histogram, kernel_density, score_bars, score_series, youden,
};
use proptest::prelude::*;

/// Values with ties now and then (some rounded to whole numbers).
fn values(max: usize) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::vec(
        prop_oneof![-1e3..1e3f64, (-20i32..20).prop_map(f64::from)],
        1..max,
    )
}

fn any_f64() -> impl Strategy<Value = f64> {
    prop_oneof![
        any::<f64>(),
        Just(0.0),
        Just(f64::MAX),
        Just(-f64::MAX),
        Just(f64::NAN),
        Just(f64::INFINITY),
    ]
}

fn bins() -> impl Strategy<Value = Bins> {
    prop_oneof![
        Just(Bins::Sturges),
        Just(Bins::Scott),
        Just(Bins::FreedmanDiaconis),
        (1usize..60).prop_map(Bins::Count),
        (0.5..500.0f64).prop_map(Bins::Width),
    ]
}

fn all_finite(v: &[f64]) -> bool {
    v.iter().all(|x| x.is_finite())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_value_is_counted_once_in_its_bin(x in values(80), bins in bins()) {
        let h = histogram(&x, bins)?;
        let k = h.counts.len();
        prop_assert_eq!(h.edges.len(), k + 1);
        prop_assert_eq!(h.counts.iter().sum::<usize>(), x.len());
        prop_assert!(h.edges.windows(2).all(|e| e[0] < e[1]));
        prop_assert!(all_finite(&h.edges) && h.width.is_finite() && h.width > 0.0);
        // Count again by the stated rule: [e_i, e_{i+1}), the last bin closed.
        let mut again = vec![0usize; k];
        for &v in &x {
            let hits: Vec<usize> = (0..k)
                .filter(|&i| h.edges[i] <= v && (v < h.edges[i + 1] || (i == k - 1 && v <= h.edges[k])))
                .collect();
            prop_assert_eq!(hits.len(), 1, "{} is in bins {:?}", v, hits);
            again[hits[0]] += 1;
        }
        prop_assert_eq!(again, h.counts);
    }

    #[test]
    fn histogram_ignores_order(mut x in values(60), bins in bins()) {
        let h = histogram(&x, bins)?;
        x.reverse();
        prop_assert_eq!(histogram(&x, bins)?, h);
    }

    #[test]
    fn density_integrates_to_one_and_ignores_order(mut x in values(40), given in prop::option::of(0.5..50.0f64)) {
        let bandwidth = given.map_or(Bandwidth::Silverman, Bandwidth::Given);
        let options = DensityOptions { bandwidth, points: 4000, cut: 8.0, ..Default::default() };
        let Ok(d) = kernel_density(&x, &options) else {
            // Only a zero spread or a single value may be refused.
            prop_assert!(x.len() < 2 || x.iter().all(|&v| v == x[0]) || bandwidth != Bandwidth::Silverman);
            return Ok(());
        };
        prop_assert!(all_finite(&d.density) && all_finite(&d.x));
        prop_assert!(d.density.iter().all(|&f| f >= 0.0));
        let step = d.x[1] - d.x[0];
        let area: f64 = d.density.windows(2).map(|p| 0.5 * (p[0] + p[1]) * step).sum();
        prop_assert!((area - 1.0).abs() < 1e-3, "area {}", area);
        prop_assert!(!d.modes.is_empty());
        prop_assert_eq!(d.multimodal, d.modes.len() > 1);
        x.reverse();
        prop_assert_eq!(kernel_density(&x, &options)?, d);
    }

    #[test]
    fn youden_is_finite_and_ignores_the_order_of_pairs(
        pairs in prop::collection::vec((-1e3..1e3f64, -1e3..1e3f64), 2..40),
        coverage in 0.01..0.999f64,
    ) {
        let (a, b): (Vec<f64>, Vec<f64>) = pairs.iter().copied().unzip();
        let options = YoudenOptions { coverage, ..Default::default() };
        let y = youden(&a, &b, &options)?;
        prop_assert!(all_finite(&y.ellipse.x) && all_finite(&y.ellipse.y));
        prop_assert!(y.ellipse.semi_major >= y.ellipse.semi_minor && y.ellipse.semi_minor >= 0.0);
        prop_assert!((-1.0..=1.0).contains(&y.correlation));
        let (ra, rb): (Vec<f64>, Vec<f64>) = pairs.iter().rev().copied().unzip();
        let r = youden(&ra, &rb, &options)?;
        prop_assert_eq!((r.centre_a, r.centre_b, r.scale_a, r.scale_b), (y.centre_a, y.centre_b, y.scale_a, y.scale_b));
        prop_assert_eq!(r.correlation, y.correlation);
        prop_assert_eq!(&r.ellipse, &y.ellipse);
        let mut inside = r.inside_ellipse.clone();
        inside.reverse();
        prop_assert_eq!(inside, y.inside_ellipse);
    }

    #[test]
    fn bars_are_a_sorted_permutation(z in values(60)) {
        let bars = score_bars(&z, &ClassificationRule::z())?;
        prop_assert!(bars.sorted_scores.windows(2).all(|w| w[0] <= w[1]));
        let mut seen = bars.order.clone();
        seen.sort_unstable();
        prop_assert_eq!(seen, (0..z.len()).collect::<Vec<_>>());
        prop_assert_eq!(bars.performance, eqa::classify(&z, &ClassificationRule::z())?);
    }

    #[test]
    fn series_ignores_the_order_of_rounds(z in prop::collection::vec(-6.0..6.0f64, 1..30), window in 1usize..8) {
        let rounds: Vec<f64> = (0..z.len()).map(|i| i as f64).collect();
        let options = ScoreSeriesOptions { window, ..Default::default() };
        let s = score_series(&rounds, &z, &options)?;
        prop_assert_eq!(&s.scores, &z);
        prop_assert!(all_finite(&s.running_mean) && all_finite(&s.running_sum_of_squares));
        prop_assert!(s.sum_of_squares_questionable_limit.iter().zip(&s.sum_of_squares_unsatisfactory_limit).all(|(q, u)| q < u));
        let (mut r2, mut z2) = (rounds.clone(), z.clone());
        r2.reverse();
        z2.reverse();
        let t = score_series(&r2, &z2, &options)?;
        prop_assert_eq!((&t.running_mean, &t.running_sum_of_squares), (&s.running_mean, &s.running_sum_of_squares));
        prop_assert_eq!(&t.running_mean_performance, &s.running_mean_performance);
    }

    #[test]
    fn any_input_gives_finite_results_or_an_error(
        x in prop::collection::vec(any_f64(), 0..12),
        y in prop::collection::vec(any_f64(), 0..12),
    ) {
        if let Ok(h) = histogram(&x, Bins::Sturges) {
            prop_assert!(all_finite(&h.edges) && h.width.is_finite());
        }
        if let Ok(h) = histogram(&x, Bins::FreedmanDiaconis) {
            prop_assert!(all_finite(&h.edges) && h.width.is_finite());
        }
        let small = DensityOptions { points: 16, ..Default::default() };
        if let Ok(d) = kernel_density(&x, &small) {
            prop_assert!(all_finite(&d.density) && all_finite(&d.x) && d.bandwidth.is_finite());
        }
        let n = x.len().min(y.len());
        if let Ok(v) = youden(&x[..n], &y[..n], &YoudenOptions { ellipse_points: 8, ..Default::default() }) {
            prop_assert!(all_finite(&v.ellipse.x) && all_finite(&v.ellipse.y));
            prop_assert!(v.ellipse.semi_major.is_finite() && v.correlation.is_finite());
            prop_assert!(v.diagonal_intercept.is_finite() && v.box_a.0.is_finite() && v.box_b.1.is_finite());
        }
        if let Ok(s) = score_series(&x[..n], &y[..n], &ScoreSeriesOptions::default()) {
            prop_assert!(all_finite(&s.running_mean) && all_finite(&s.running_sum_of_squares));
            prop_assert!(all_finite(&s.sum_of_squares_unsatisfactory_limit));
        }
        if let Ok(b) = score_bars(&x, &ClassificationRule::z()) {
            prop_assert!(all_finite(&b.sorted_scores));
        }
    }
}
