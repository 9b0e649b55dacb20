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

/// The relative height below which a local maximum is not a mode (as in
/// [`crate::stats::DensityOptions::default`]).
const MODE_HEIGHT: f64 = 0.05;

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
/// of step h/2 (at most 1024 points) reaching 3h beyond them; a mode is a
/// local maximum at least 5 % as high as the highest. Fewer than 20
/// results, or no spread, never give a warning.
pub(crate) fn multimodal(values: &[f64], scale: f64, buf: &mut Vec<f64>) -> bool {
    if values.len() < MIN_N || !(scale.is_finite() && scale > 0.0) {
        return false;
    }
    buf.clear();
    buf.extend_from_slice(values);
    let centre = median_of(buf);
    buf.retain(|&x| (x - centre).abs() <= WINDOW * scale);
    let m = buf.len();
    if m < MIN_N {
        return false;
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
    let h = 0.9 * spread / libm::pow(m as f64, 0.2);
    if !(h.is_finite() && h > 0.0) {
        return false;
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
        return false;
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
    modes(&density) > 1
}

/// The number of local maxima (flat runs with lower neighbours, the grid's
/// ends counting as lower) at least [`MODE_HEIGHT`] of the highest.
fn modes(d: &[f64]) -> usize {
    let top = d.iter().copied().fold(0.0, f64::max);
    let floor = MODE_HEIGHT * top;
    let (mut count, mut i) = (0, 0);
    while i < d.len() {
        let mut j = i;
        while j + 1 < d.len() && d[j + 1] == d[i] {
            j += 1;
        }
        let left = i == 0 || d[i - 1] < d[i];
        let right = j + 1 == d.len() || d[j + 1] < d[i];
        if left && right && d[i] > 0.0 && d[i] >= floor {
            count += 1;
        }
        i = j + 1;
    }
    count
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
}
