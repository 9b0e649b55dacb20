//! Whether a group's results look like more than one population: the
//! modes of their Gaussian kernel density (ISO 13528:2022 10.3), computed by
//! linear binning so that it costs O(n) plus a few thousand operations
//! whatever the group's size.

use crate::stats::order::{kth_smallest, median_of};

/// The fewest results in which modes are looked for: with fewer, the
/// density of Silverman's bandwidth shows chance bumps more than modes.
pub(crate) const MIN_N: usize = 20;

/// How far from the median, in the group's standard deviations, results
/// still count for modes; beyond, they are outliers rather than a mode.
const WINDOW: f64 = 5.0;

/// The relative height below which a local maximum is not a mode: a
/// second population must be at least this dense against the main one.
const MODE_HEIGHT: f64 = 0.15;

/// The dip a mode needs between it and any higher mode, as a share of its
/// height, is `DIP / √m` for `m` results: chance bumps of a sample's
/// density shrink as 1/√m, real ones do not.
const DIP: f64 = 1.7;

/// The most grid points.
const MAX_POINTS: usize = 1024;

/// Grid points per bandwidth.
const PER_BANDWIDTH: f64 = 2.0;

/// How far the kernel reaches, in bandwidths (where it has fallen to 1 %).
const REACH: f64 = 3.0;

/// Whether the kernel density of `values` has more than one mode.
///
/// The results within median ± 5·`scale` are smoothed with a Gaussian
/// kernel of Silverman's bandwidth h = 0.9·min(s, nIQR)·m^(−1/5) (the other
/// spread when one is 0), cut at ±3h, after binning them linearly on a grid
/// of step h/2 (at most 1024 points) reaching 3h beyond them. A mode is a
/// local maximum at least 15 % as high as the highest and, but for the
/// highest, separated from every higher maximum by a dip of at least
/// 1.7/√m of its own height. Of normal groups of 20 to 500 results, at most
/// 4 % are flagged (measured in the tests; the plain count of maxima
/// flagged 8–45 %), while two populations 4σ apart in 100 results, or a
/// sixth of the results 6σ away, are found nine times in ten. Fewer than
/// 20 results, or no spread, never give a warning.
pub(crate) fn multimodal(values: &[f64], scale: f64, buf: &mut Vec<f64>) -> bool {
    density(values, scale, buf).is_some_and(|d| {
        let depth = DIP / (buf.len() as f64).sqrt();
        modes(&d, MODE_HEIGHT, depth) > 1
    })
}

/// Silverman's factor of the bandwidth.
const BANDWIDTH: f64 = 0.9;

/// The kernel density of the results near the median, on its grid.
fn density(values: &[f64], scale: f64, buf: &mut Vec<f64>) -> Option<Vec<f64>> {
    if values.len() < MIN_N || !(scale.is_finite() && scale > 0.0) {
        return None;
    }
    buf.clear();
    buf.extend_from_slice(values);
    let centre = median_of(buf);
    buf.retain(|&x| (x - centre).abs() <= WINDOW * scale);
    let m = buf.len();
    if m < MIN_N {
        return None;
    }
    let mean = buf.iter().sum::<f64>() / m as f64;
    let s = (buf.iter().map(|x| (x - mean) * (x - mean)).sum::<f64>() / (m - 1) as f64).sqrt();
    let q = |buf: &mut [f64], p: f64| {
        let h = p * (m - 1) as f64;
        let lo = h.floor() as usize;
        let a = kth_smallest(buf, lo);
        if lo + 1 >= m {
            return a;
        }
        let b = buf[lo + 1..].iter().copied().fold(f64::INFINITY, f64::min);
        a + (h - lo as f64) * (b - a)
    };
    let q3 = q(buf, 0.75);
    let q1 = q(buf, 0.25);
    let niqr = crate::stats::NIQR_FACTOR * (q3 - q1);
    let spread = if s > 0.0 && niqr > 0.0 {
        s.min(niqr)
    } else {
        s.max(niqr)
    };
    let h = BANDWIDTH * spread / libm::pow(m as f64, 0.2);
    if !(h.is_finite() && h > 0.0) {
        return None;
    }
    let (min, max) = buf
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), &x| {
            (a.min(x), b.max(x))
        });
    let (lo, hi) = (min - REACH * h, max + REACH * h);
    let points = (((hi - lo) / h * PER_BANDWIDTH).ceil() as usize + 1).clamp(3, MAX_POINTS);
    let step = (hi - lo) / (points - 1) as f64;
    if !(step.is_finite() && step > 0.0) {
        return None;
    }
    let mut weight = vec![0.0f64; points];
    for &x in buf.iter() {
        let at = (x - lo) / step;
        let j = (at.floor() as usize).min(points - 2);
        let frac = at - j as f64;
        weight[j] += 1.0 - frac;
        weight[j + 1] += frac;
    }
    let taps = ((REACH * h / step).ceil() as usize).min(points);
    let kernel: Vec<f64> = (0..=taps)
        .map(|d| {
            let u = d as f64 * step / h;
            libm::exp(-0.5 * u * u)
        })
        .collect();
    let density: Vec<f64> = (0..points)
        .map(|i| {
            let from = i.saturating_sub(taps);
            let to = (i + taps).min(points - 1);
            (from..=to).map(|j| weight[j] * kernel[i.abs_diff(j)]).sum()
        })
        .collect();
    Some(density)
}

/// The number of modes: local maxima (flat runs with lower neighbours, the
/// grid's ends counting as lower) at least `height` of the highest, each
/// but the highest separated from every higher maximum by a dip of at least
/// `depth` of its own height.
fn modes(d: &[f64], height: f64, depth: f64) -> usize {
    let top = d.iter().copied().fold(0.0, f64::max);
    let floor = height * top;
    let mut peaks: Vec<(usize, f64)> = Vec::new();
    let mut i = 0;
    while i < d.len() {
        let mut j = i;
        while j + 1 < d.len() && d[j + 1] == d[i] {
            j += 1;
        }
        let left = i == 0 || d[i - 1] < d[i];
        let right = j + 1 == d.len() || d[j + 1] < d[i];
        if left && right && d[i] > 0.0 && d[i] >= floor {
            peaks.push((i, d[i]));
        }
        i = j + 1;
    }
    peaks
        .iter()
        .filter(|&&(at, h)| {
            // The deepest dip on the way to a higher peak on either side.
            let dip = |range: &mut dyn Iterator<Item = usize>| {
                let mut low = h;
                for k in range {
                    low = low.min(d[k]);
                    if d[k] > h {
                        return Some(low);
                    }
                }
                None
            };
            let left = dip(&mut (0..at).rev());
            let right = dip(&mut (at + 1..d.len()));
            match (left, right) {
                (None, None) => true,
                (l, r) => {
                    let shallowest = l.into_iter().chain(r).fold(0.0, f64::max);
                    h - shallowest >= depth * h
                }
            }
        })
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    use statrs::distribution::{ContinuousCDF, Normal};

    /// Evenly spread quantiles of a normal distribution with sd 0.5.
    fn normal_like(centre: f64, n: usize) -> Vec<f64> {
        let normal = Normal::new(centre, 0.5).unwrap();
        (0..n)
            .map(|i| normal.inverse_cdf((i as f64 + 0.5) / n as f64))
            .collect()
    }

    #[test]
    fn one_population_has_one_mode() {
        let x = normal_like(5.0, 200);
        assert!(!multimodal(&x, 0.5, &mut Vec::new()));
        let mut outlier = normal_like(5.0, 40);
        assert!(!multimodal(&outlier[..19], 0.5, &mut Vec::new()));
        outlier.push(50.0);
        assert!(!multimodal(&outlier, 0.5, &mut Vec::new()));
    }

    #[test]
    fn two_populations_have_two_modes() {
        let mut x = normal_like(5.0, 100);
        x.extend(normal_like(8.0, 100));
        assert!(multimodal(&x, 1.5, &mut Vec::new()));
        let mut uneven = normal_like(5.0, 150);
        uneven.extend(normal_like(8.0, 30));
        assert!(multimodal(&uneven, 1.0, &mut Vec::new()));
    }

    #[test]
    fn small_or_flat_groups_never_warn() {
        assert!(!multimodal(&[1.0, 5.0, 9.0], 1.0, &mut Vec::new()));
        assert!(!multimodal(&[2.0; 50], 0.0, &mut Vec::new()));
    }

    /// Normal draws (Box–Muller on a split-mix generator).
    struct Draws(u64);

    impl Draws {
        fn uniform(&mut self) -> f64 {
            self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
            let mut z = self.0;
            z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
            z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
            ((z ^ (z >> 31)) >> 11) as f64 / (1u64 << 53) as f64
        }

        fn normal(&mut self, mean: f64, sd: f64) -> f64 {
            let u = self.uniform().max(f64::MIN_POSITIVE);
            let v = self.uniform();
            mean + sd * libm::sqrt(-2.0 * libm::log(u)) * libm::cos(2.0 * std::f64::consts::PI * v)
        }
    }

    /// The share of `trials` groups of `n` normal values (a share `share`
    /// of them `second` standard deviations away) that are flagged.
    fn flagged(n: usize, trials: usize, second: f64, share: f64) -> f64 {
        let mut draws = Draws(0x5EED ^ n as u64);
        let mut buf = Vec::new();
        let mut count = 0;
        for _ in 0..trials {
            let x: Vec<f64> = (0..n)
                .map(|_| {
                    let mean = if draws.uniform() < share { second } else { 0.0 };
                    draws.normal(mean, 1.0)
                })
                .collect();
            let scale = crate::stats::standard_deviation(&x).unwrap_or(1.0);
            if multimodal(&x, scale, &mut buf) {
                count += 1;
            }
        }
        count as f64 / trials as f64
    }

    #[test]
    fn at_most_5_percent_of_normal_groups_are_flagged() {
        for (n, trials) in [
            (20, 1000),
            (30, 600),
            (50, 400),
            (100, 400),
            (200, 200),
            (500, 100),
        ] {
            let rate = flagged(n, trials, 0.0, 0.0);
            assert!(rate <= 0.05, "{rate} of normal groups of {n} flagged");
        }
    }

    #[test]
    fn clear_second_populations_are_found() {
        for (n, second, share, at_least) in [
            (100, 4.0, 0.5, 0.9),
            (100, 5.0, 0.3, 0.95),
            (200, 4.0, 0.3, 0.85),
            (180, 6.0, 0.17, 0.85),
        ] {
            let rate = flagged(n, 200, second, share);
            assert!(
                rate >= at_least,
                "{rate} of {n} with {share} at {second}σ flagged"
            );
        }
    }
}
