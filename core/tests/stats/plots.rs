//! The data of the graphs of ISO 13528:2022 clause 10 on the standard's own
//! examples: the histogram and kernel density of the E.3 atrazine results,
//! the bar chart of the E.4 z scores, a Youden plot of the E.3 results
//! against themselves shifted, and a series of scores over rounds.

use crate::common;

use common::{assert_printed, numbers, vector};
use eqa::{
    Bandwidth, Bins, ClassificationRule, DensityOptions, Performance, ScoreSeriesOptions,
    YoudenEstimator, YoudenOptions, histogram, kernel_density, niqr, score_bars, score_series,
    standard_deviation, youden, z_scores,
};

fn e3() -> Vec<f64> {
    numbers(&vector("iso13528_2022_E3_atrazine")["data"])
}

#[test]
fn e3_histogram_by_each_rule() {
    let x = e3();
    let h = histogram(&x, Bins::Sturges).expect("histogram");
    // 34 results: ceil(log2 34) + 1 = 7 bins from 0.04 to 0.4246.
    assert_eq!(h.counts.len(), 7);
    assert_eq!(h.edges[0], 0.04);
    assert_eq!(h.edges[7], 0.4246);
    assert!((h.width - 0.3846 / 7.0).abs() < 1e-15);
    // Edges 0.04, 0.0949, 0.1499, 0.2048, 0.2598, 0.3147, 0.3697, 0.4246:
    // 0.04, 0.055 | none | 0.178, 0.202 | 0.206 … 0.2555 (12) | 0.26 … 0.311 (16) | 0.331 | 0.4246
    assert_eq!(h.counts, [2, 0, 2, 12, 16, 1, 1]);
    assert_eq!(h.counts.iter().sum::<usize>(), 34);

    let w = histogram(&x, Bins::Width(0.05)).expect("histogram");
    assert_eq!(w.counts.len(), 8); // ceil(0.3846 / 0.05)
    assert_eq!(w.counts.iter().sum::<usize>(), 34);
    assert_eq!(w.edges[1], 0.09);

    // Freedman–Diaconis: 2 · IQR · 34^(-1/3), IQR = nIQR / 0.7413.
    let fd = histogram(&x, Bins::FreedmanDiaconis).expect("histogram");
    let iqr = niqr(&x).expect("nIQR") / 0.7413;
    assert!((fd.width - 2.0 * iqr / 34f64.cbrt()).abs() < 1e-12);
    assert!(!fd.sturges_fallback);
    let sc = histogram(&x, Bins::Scott).expect("histogram");
    let s = standard_deviation(&x).expect("s");
    assert!((sc.width - 3.49 * s / 34f64.cbrt()).abs() < 1e-12);
    let k = histogram(&x, Bins::Count(4)).expect("histogram");
    // Edges 0.04, 0.13615, 0.2323, 0.32845, 0.4246.
    assert_eq!(k.counts, [2, 7, 23, 2]);
}

#[test]
fn e3_kernel_density_shows_the_low_outliers_as_a_second_mode() {
    let x = e3();
    let d = kernel_density(&x, &DensityOptions::default()).expect("density");
    // Silverman with the robust spread: 0.9 · nIQR · 34^(-1/5), nIQR 0.0402 printed.
    let printed = &vector("iso13528_2022_E3_atrazine")["expected"]["nIQR"];
    assert_printed("nIQR", d.bandwidth * 34f64.powf(0.2) / 0.9, printed, 0);
    assert_eq!((d.x.len(), d.density.len()), (512, 512));
    assert_eq!(d.x[0], 0.04 - 3.0 * d.bandwidth);
    assert_eq!(d.x[511], 0.4246 + 3.0 * d.bandwidth);
    // The main mode near the median 0.262, and one at the two low results.
    assert!(d.multimodal);
    let main = d
        .modes
        .iter()
        .zip(&d.mode_densities)
        .max_by(|a, b| a.1.total_cmp(b.1))
        .expect("a mode");
    assert!((main.0 - 0.262).abs() < 0.02, "main mode at {}", main.0);
    assert!(
        d.modes.iter().any(|&m| (m - 0.0475).abs() < 0.02),
        "{:?}",
        d.modes
    );
    // The density integrates to about 1 (trapezoids on the grid).
    let step = d.x[1] - d.x[0];
    let area: f64 = d
        .density
        .windows(2)
        .map(|p| 0.5 * (p[0] + p[1]) * step)
        .sum();
    assert!((area - 1.0).abs() < 0.01, "area {area}");
    // Raising the mode height to 1 leaves only the highest.
    let only = DensityOptions {
        mode_height: 1.0,
        ..Default::default()
    };
    let top = kernel_density(&x, &only).expect("density");
    assert_eq!(top.modes, [*main.0]);
    assert!(!top.multimodal);
    // A wide given bandwidth smooths the outliers away.
    let wide = DensityOptions {
        bandwidth: Bandwidth::Given(0.1),
        ..Default::default()
    };
    assert!(!kernel_density(&x, &wide).expect("density").multimodal);
}

#[test]
fn e4_bars_of_z_scores() {
    let v = vector("iso13528_2022_E4_scores");
    let labs = v["participants"].as_array().expect("participants");
    let x: Vec<f64> = labs.iter().map(|l| l["x"].as_f64().expect("x")).collect();
    let z = z_scores(&x, 0.044, 0.0066).expect("z");
    let bars = score_bars(&z, &ClassificationRule::z()).expect("bars");
    assert_eq!(bars.limit_lines, [-3.0, -2.0, 2.0, 3.0]);
    let bad = bars
        .performance
        .iter()
        .filter(|&&p| p == Performance::Unsatisfactory)
        .count();
    assert_eq!(bad, 9);
    // L04 and L05 (both 0.013) are lowest, z = -4.70, in input order.
    assert_eq!(&bars.order[..2], [0, 1]);
    // The results are listed from the lowest up, so the bars keep their order.
    assert_eq!(bars.order, (0..21).collect::<Vec<_>>());
    assert!(bars.sorted_scores.windows(2).all(|w| w[0] <= w[1]));
    let pa = score_bars(&z, &ClassificationRule::pa()).expect("bars");
    assert_eq!(pa.limit_lines, [-100.0, 100.0]);
}

#[test]
fn youden_of_two_samples() {
    // Sample B = sample A + 0.01 with participant 0 off the diagonal.
    let a = e3();
    let mut b: Vec<f64> = a.iter().map(|v| v + 0.01).collect();
    b[0] = 0.3;
    let y = youden(&a, &b, &YoudenOptions::default()).expect("youden");
    assert_eq!((y.centre_a, y.a.len(), y.participants[33]), (0.262, 34, 33));
    // Participant 0 moved from the bottom of B to above its median:
    // (0.264 + 0.01 + 0.267 + 0.01) / 2.
    assert!((y.centre_b - 0.2755).abs() < 1e-12, "{}", y.centre_b);
    assert!((y.diagonal_intercept - 0.0135).abs() < 1e-12);
    assert_printed(
        "MADe",
        y.scale_a,
        &vector("iso13528_2022_E3_atrazine")["expected"]["MADe"],
        0,
    );
    // Nearly every point is on the diagonal: r near 1, the major axis at 45°.
    assert!(y.correlation > 0.99, "r = {}", y.correlation);
    let (sa, sb, r) = (y.scale_a, y.scale_b, y.correlation);
    let theta = 0.5 * (2.0 * r * sa * sb).atan2(sa * sa - sb * sb);
    assert!((y.ellipse.angle - theta).abs() < 1e-12);
    assert!(
        (y.ellipse.angle_degrees - 45.0).abs() < 3.0,
        "{}",
        y.ellipse.angle_degrees
    );
    // c = -2 ln 0.05: the semi-major axis is sqrt(c (s_a^2 + s_b^2)) at r = 1.
    let c = -2.0 * 0.05f64.ln();
    let s = y.scale_a;
    let near = (c * (sa * sa + sb * sb)).sqrt();
    assert!(
        (y.ellipse.semi_major - near).abs() < 0.01 * near,
        "{}",
        y.ellipse.semi_major
    );
    assert!(!y.inside_ellipse[0], "participant 0 is off the diagonal");
    assert!(!y.inside_ellipse[33] && !y.inside_box[33]);
    assert!(y.inside_ellipse[16] && y.inside_box[16]);
    assert_eq!(y.box_a, (0.262 - 2.0 * s, 0.262 + 2.0 * s));
    assert_eq!(y.ellipse.x.len(), 101);
    let alg = YoudenOptions {
        estimator: YoudenEstimator::AlgorithmA,
        coverage: 0.99,
        ..Default::default()
    };
    let y99 = youden(&a, &b, &alg).expect("youden");
    assert!(y99.ellipse.semi_major > 0.0);
    assert_eq!(
        youden(&a, &b[1..], &YoudenOptions::default()).map_err(|e| e.code()),
        Err("length_mismatch")
    );
}

#[test]
fn series_over_rounds() {
    let rounds = [
        202_401.0, 202_402.0, 202_403.0, 202_404.0, 202_405.0, 202_406.0,
    ];
    let z = [0.5, -1.0, 2.5, 2.2, 2.8, 1.9];
    let options = ScoreSeriesOptions {
        window: 3,
        ..Default::default()
    };
    let s = score_series(&rounds, &z, &options).expect("series");
    assert_eq!(s.window_sizes, [1, 2, 3, 3, 3, 3]);
    assert_eq!(s.running_mean[1], -0.25);
    assert!((s.running_mean[4] - 2.5).abs() < 1e-15);
    assert!((s.running_sum_of_squares[4] - (6.25 + 4.84 + 7.84)).abs() < 1e-12);
    // Round 4: 1 + 6.25 + 4.84 = 12.09, beyond the 1 % point.
    assert!((s.running_sum_of_squares[3] - 12.09).abs() < 1e-12);
    // chi2 with 3 degrees of freedom: 7.815 (5 %) and 11.345 (1 %).
    assert!((s.sum_of_squares_questionable_limit[4] - 7.814_728).abs() < 1e-6);
    assert!((s.sum_of_squares_unsatisfactory_limit[4] - 11.344_867).abs() < 1e-6);
    use Performance::*;
    assert_eq!(
        s.running_sum_of_squares_performance,
        [
            Satisfactory,
            Satisfactory,
            Satisfactory,
            Unsatisfactory,
            Unsatisfactory,
            Unsatisfactory
        ]
    );
    // Every single score is at most questionable, but the running mean is
    // unsatisfactory: 7.5 / sqrt 3 = 4.33 > 3.
    assert!(!s.performance.contains(&Unsatisfactory));
    assert_eq!(s.running_mean_performance[4], Unsatisfactory);
    assert_eq!(s.mean_unsatisfactory_limit[4], 3.0 / 3f64.sqrt());
    let e = score_series(&rounds, &z[..5], &options).map_err(|e| e.code());
    assert_eq!(e, Err("length_mismatch"));
}
