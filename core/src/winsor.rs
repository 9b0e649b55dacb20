//! The winsorised mean and sum of squares at the heart of Algorithm A and
//! Huber's estimator, computed without touching the data at most steps.
//!
//! One pass over the data at a window [x − δ, x + δ] splits the values into
//! those below, inside and above it, and keeps the counts, the sum and sum of
//! squares of the inside values, and the values nearest each edge. As long as
//! a later window's edges do not cross a value, the same split holds and the
//! winsorised sums follow in O(1) from what was kept; only when an edge
//! crosses a value does the next step scan the data again. Every step gives
//! the same winsorised mean and sum of squares as a full pass would, up to
//! rounding, so iteration counts are those of the textbook algorithm.
//!
//! Sums are taken relative to the location of the last scan, which keeps the
//! sum of squares free of cancellation.

/// The split of the data at one window, relative to `center`.
#[derive(Debug, Clone, Copy)]
struct Split {
    center: f64,
    n_low: usize,
    n_high: usize,
    n_mid: usize,
    sum_mid: f64,
    sumsq_mid: f64,
    /// The largest value below the window (−∞ if none), relative to `center`.
    max_low: f64,
    /// The smallest value inside the window (+∞ if none).
    min_mid: f64,
    /// The largest value inside the window (−∞ if none).
    max_mid: f64,
    /// The smallest value above the window (+∞ if none).
    min_high: f64,
}

impl Split {
    /// One pass over `values` with the window [lo, hi] relative to `center`.
    fn scan(values: &[f64], center: f64, lo: f64, hi: f64) -> Split {
        let mut s = Split {
            center,
            n_low: 0,
            n_high: 0,
            n_mid: 0,
            sum_mid: 0.0,
            sumsq_mid: 0.0,
            max_low: f64::NEG_INFINITY,
            min_mid: f64::INFINITY,
            max_mid: f64::NEG_INFINITY,
            min_high: f64::INFINITY,
        };
        for &v in values {
            let d = v - center;
            if d < lo {
                s.n_low += 1;
                s.max_low = s.max_low.max(d);
            } else if d > hi {
                s.n_high += 1;
                s.min_high = s.min_high.min(d);
            } else {
                s.n_mid += 1;
                s.sum_mid += d;
                s.sumsq_mid += d * d;
                s.min_mid = s.min_mid.min(d);
                s.max_mid = s.max_mid.max(d);
            }
        }
        s
    }

    /// Whether the window [lo, hi] (relative to `center`) splits the data as this split does.
    fn holds(&self, lo: f64, hi: f64) -> bool {
        self.max_low <= lo && lo <= self.min_mid && self.max_mid <= hi && hi <= self.min_high
    }
}

/// Winsorised means and sums of squares over one data set, step after step.
#[derive(Debug)]
pub(crate) struct Winsorizer<'a> {
    values: &'a [f64],
    split: Option<Split>,
    scans: u32,
}

impl<'a> Winsorizer<'a> {
    /// A winsorizer over non-empty, finite values.
    pub(crate) fn new(values: &'a [f64]) -> Self {
        Winsorizer {
            values,
            split: None,
            scans: 0,
        }
    }

    /// The values pulled into [x − δ, x + δ]: their mean x′ and Σ(wᵢ − x′)².
    pub(crate) fn step(&mut self, x: f64, delta: f64) -> (f64, f64) {
        let split = match self.split {
            Some(s) if s.holds(x - s.center - delta, x - s.center + delta) => s,
            _ => {
                self.scans += 1;
                let s = Split::scan(self.values, x, -delta, delta);
                self.split = Some(s);
                s
            }
        };
        let t = x - split.center;
        let (lo, hi) = (t - delta, t + delta);
        let p = self.values.len() as f64;
        let n_low = split.n_low as f64;
        let n_high = split.n_high as f64;
        let n_mid = split.n_mid as f64;
        let mean = (n_low * lo + split.sum_mid + n_high * hi) / p;
        let mid_ss = split.sumsq_mid - mean * (2.0 * split.sum_mid - n_mid * mean);
        let ss = n_low * (lo - mean) * (lo - mean)
            + n_high * (hi - mean) * (hi - mean)
            + mid_ss.max(0.0);
        (split.center + mean, ss)
    }

    /// How many passes over the data were made so far.
    #[cfg(test)]
    pub(crate) fn scans(&self) -> u32 {
        self.scans
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The textbook step: clamp every value, then mean and sum of squares.
    fn full_pass(values: &[f64], x: f64, delta: f64) -> (f64, f64) {
        let w: Vec<f64> = values
            .iter()
            .map(|v| v.clamp(x - delta, x + delta))
            .collect();
        let mean = w.iter().sum::<f64>() / w.len() as f64;
        (mean, w.iter().map(|v| (v - mean) * (v - mean)).sum())
    }

    #[test]
    fn steps_agree_with_full_passes() {
        let values = [
            0.04, 0.055, 0.178, 0.202, 0.206, 0.227, 0.26, 0.262, 0.3, 0.4246,
        ];
        let mut w = Winsorizer::new(&values);
        for (x, delta) in [
            (0.26, 0.06),
            (0.255, 0.058),
            (0.2549, 0.0581),
            (0.24, 0.2),
            (0.1, 1.0),
        ] {
            let (m, ss) = w.step(x, delta);
            let (m0, ss0) = full_pass(&values, x, delta);
            assert!((m - m0).abs() < 1e-15, "{m} vs {m0}");
            assert!((ss - ss0).abs() < 1e-15, "{ss} vs {ss0}");
        }
    }

    #[test]
    fn small_moves_reuse_the_split() {
        let values = [1.0, 2.0, 3.0, 4.0, 100.0];
        let mut w = Winsorizer::new(&values);
        w.step(3.0, 2.5);
        w.step(3.1, 2.5);
        w.step(3.05, 2.45);
        assert_eq!(w.scans(), 1);
        w.step(3.0, 0.5);
        assert_eq!(w.scans(), 2);
    }
}
