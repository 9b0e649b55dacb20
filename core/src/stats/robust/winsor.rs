//! The winsorised mean and sum of squares at the heart of Algorithm A and
//! Huber's estimator, computed without touching most of the data at most steps.
//!
//! A step asks for the values pulled into a window [x − δ, x + δ]. Only the
//! values near the window's edges can change how they are pulled in when the
//! window moves a little, so one pass over the data splits it, relative to a
//! center, into five zones: far below the low edge, a band around the low
//! edge, the inner values, a band around the high edge, and far above it.
//! The far zones are kept as counts and the inner zone as a count, sum and
//! sum of squares; the band values are copied into a scratch buffer. While
//! each edge stays inside its band, a step only reads the band values. As the
//! steps shrink, the bands shrink with them (a pass over the band values
//! alone moves the ones left behind into the aggregates), so a run costs
//! about one pass over the data whatever the number of iterations. An edge
//! that leaves its band triggers a new full pass.
//!
//! Every step gives the textbook winsorised mean and sum of squares up to
//! rounding, so iteration counts are those of the textbook algorithm. Sums
//! are taken relative to the center of the last full pass, near the
//! location, which keeps the sum of squares free of cancellation.

/// The least margin of a band, relative to δ.
const MIN_MARGIN: f64 = 1e-12;

/// Count, sum and sum of squares of some values, relative to the layout's center.
#[derive(Debug, Clone, Copy, Default)]
struct Moments {
    n: usize,
    sum: f64,
    sumsq: f64,
}

impl Moments {
    fn add(&mut self, d: f64) {
        self.n += 1;
        self.sum += d;
        self.sumsq += d * d;
    }
}

/// A closed interval [lo, hi].
#[derive(Debug, Clone, Copy)]
struct Band {
    lo: f64,
    hi: f64,
}

impl Band {
    fn around(edge: f64, margin: f64) -> Band {
        Band {
            lo: edge - margin,
            hi: edge + margin,
        }
    }

    fn contains(self, v: f64) -> bool {
        self.lo <= v && v <= self.hi
    }

    fn width(self) -> f64 {
        self.hi - self.lo
    }

    /// The part of `self` within `margin` of `edge`.
    fn narrowed(self, edge: f64, margin: f64) -> Band {
        Band {
            lo: self.lo.max(edge - margin),
            hi: self.hi.min(edge + margin),
        }
    }
}

/// How the data splits, relative to `center`, into the five zones.
#[derive(Debug, Clone, Copy)]
struct Layout {
    center: f64,
    low: Band,
    high: Band,
    n_below: usize,
    n_above: usize,
    inner: Moments,
    /// The low band's values are `buf[..n_low]`.
    n_low: usize,
    /// The high band's values are `buf[len - n_high..]`.
    n_high: usize,
}

/// `d` pulled into [−δ, δ]; plain comparisons, which compile to min/max instructions.
fn clamp(d: f64, delta: f64) -> f64 {
    let w = if d < -delta { -delta } else { d };
    if w > delta { delta } else { w }
}

/// Σ(wᵢ − mean)² from the sums: never negative by rounding, and NaN when
/// the sums overflowed, so that the caller reports an overflow rather than
/// a zero scale.
fn spread(sumsq: f64, mean: f64, sum: f64) -> f64 {
    let ss = sumsq - mean * sum;
    if ss < 0.0 { 0.0 } else { ss }
}

/// One textbook step: clamp every value into [x − δ, x + δ] relative to x,
/// then the mean and the sum of squared deviations. Four lanes of sums, so
/// that the loop vectorises; the order of summation is fixed.
fn plain_step(values: &[f64], x: f64, delta: f64) -> (f64, f64) {
    let mut sum = [0.0; 4];
    let mut sumsq = [0.0; 4];
    let chunks = values.chunks_exact(4);
    let tail = chunks.remainder();
    for chunk in chunks {
        for lane in 0..4 {
            let w = clamp(chunk[lane] - x, delta);
            sum[lane] += w;
            sumsq[lane] += w * w;
        }
    }
    for &v in tail {
        let w = clamp(v - x, delta);
        sum[0] += w;
        sumsq[0] += w * w;
    }
    let sum = (sum[0] + sum[1]) + (sum[2] + sum[3]);
    let sumsq = (sumsq[0] + sumsq[1]) + (sumsq[2] + sumsq[3]);
    let mean = sum / values.len() as f64;
    (x + mean, spread(sumsq, mean, sum))
}

/// Winsorised means and sums of squares over one data set, step after step.
#[derive(Debug)]
pub(crate) struct Winsorizer<'a> {
    values: &'a [f64],
    buf: Vec<f64>,
    layout: Option<Layout>,
    /// The edges of the previous step, absolute.
    last_edges: Option<(f64, f64)>,
    scans: u32,
}

impl<'a> Winsorizer<'a> {
    /// A winsorizer over non-empty, finite values, using `buf` (any content)
    /// as scratch space; `buf` is resized to the number of values.
    pub(crate) fn new(values: &'a [f64], mut buf: Vec<f64>) -> Self {
        buf.resize(values.len(), 0.0);
        Winsorizer {
            values,
            buf,
            layout: None,
            last_edges: None,
            scans: 0,
        }
    }

    /// The values pulled into [x − δ, x + δ]: their mean x′ and Σ(wᵢ − x′)².
    pub(crate) fn step(&mut self, x: f64, delta: f64) -> (f64, f64) {
        let (lo_edge, hi_edge) = (x - delta, x + delta);
        let Some((last_lo, last_hi)) = self.last_edges.replace((lo_edge, hi_edge)) else {
            // Nothing tells yet where the edges will go: one plain pass.
            self.scans += 1;
            return plain_step(self.values, x, delta);
        };
        // How far each edge may still travel: a few times its last move.
        let floor = MIN_MARGIN * delta;
        let reach_lo = (4.0 * (lo_edge - last_lo).abs()).max(floor);
        let reach_hi = (4.0 * (hi_edge - last_hi).abs()).max(floor);
        let layout = match self.layout {
            Some(l)
                if l.low.contains(lo_edge - l.center) && l.high.contains(hi_edge - l.center) =>
            {
                self.narrow(
                    l,
                    lo_edge - l.center,
                    hi_edge - l.center,
                    reach_lo,
                    reach_hi,
                )
            }
            _ => {
                let margin = reach_lo.max(reach_hi).min(0.5 * delta);
                self.scan(x, delta, margin)
            }
        };
        self.layout = Some(layout);
        let (lo, hi) = (lo_edge - layout.center, hi_edge - layout.center);
        let mut sum = layout.n_below as f64 * lo + layout.n_above as f64 * hi + layout.inner.sum;
        let mut sumsq =
            layout.n_below as f64 * lo * lo + layout.n_above as f64 * hi * hi + layout.inner.sumsq;
        let len = self.buf.len();
        for &d in self.buf[..layout.n_low]
            .iter()
            .chain(&self.buf[len - layout.n_high..])
        {
            let w = d.clamp(lo, hi);
            sum += w;
            sumsq += w * w;
        }
        let mean = sum / self.values.len() as f64;
        ((layout.center + mean), spread(sumsq, mean, sum))
    }

    /// A full pass: the five zones around [x − δ, x + δ] with bands of half-width `margin`.
    ///
    /// The bands are narrow by then, so most values fall in the inner zone and
    /// the branches below are well predicted.
    fn scan(&mut self, x: f64, delta: f64, margin: f64) -> Layout {
        self.scans += 1;
        let low = Band::around(-delta, margin);
        let high = Band::around(delta, margin);
        let len = self.buf.len();
        let (mut n_low, mut n_high) = (0, 0);
        let (mut n_below, mut n_above) = (0, 0);
        let mut inner = Moments::default();
        for &v in self.values {
            let d = v - x;
            if low.hi < d && d < high.lo {
                inner.add(d);
            } else if d < low.lo {
                n_below += 1;
            } else if d > high.hi {
                n_above += 1;
            } else if d <= low.hi {
                self.buf[n_low] = d;
                n_low += 1;
            } else {
                n_high += 1;
                self.buf[len - n_high] = d;
            }
        }
        Layout {
            center: x,
            low,
            high,
            n_below,
            n_above,
            inner,
            n_low,
            n_high,
        }
    }

    /// Shrinks bands that are much wider than the edges' reach, moving the
    /// band values left outside into the aggregates. Reads the bands only.
    fn narrow(&mut self, mut l: Layout, lo: f64, hi: f64, reach_lo: f64, reach_hi: f64) -> Layout {
        let low = l.low.narrowed(lo, reach_lo);
        if low.width() < 0.25 * l.low.width() {
            let mut kept = 0;
            for i in 0..l.n_low {
                let d = self.buf[i];
                if d < low.lo {
                    l.n_below += 1;
                } else if d > low.hi {
                    l.inner.add(d);
                } else {
                    self.buf[kept] = d;
                    kept += 1;
                }
            }
            (l.low, l.n_low) = (low, kept);
        }
        let high = l.high.narrowed(hi, reach_hi);
        if high.width() < 0.25 * l.high.width() {
            let len = self.buf.len();
            let mut kept = 0;
            // From the top down, so that no value is overwritten before it is read.
            for i in (len - l.n_high..len).rev() {
                let d = self.buf[i];
                if d > high.hi {
                    l.n_above += 1;
                } else if d < high.lo {
                    l.inner.add(d);
                } else {
                    kept += 1;
                    self.buf[len - kept] = d;
                }
            }
            (l.high, l.n_high) = (high, kept);
        }
        l
    }

    /// How many full passes over the data were made so far.
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
        let mut w = Winsorizer::new(&values, Vec::new());
        for (x, delta) in [
            (0.26, 0.06),
            (0.255, 0.058),
            (0.2549, 0.0581),
            (0.25491, 0.05809),
            (0.24, 0.2),
            (0.1, 1.0),
            (0.1, 1.0),
        ] {
            let (m, ss) = w.step(x, delta);
            let (m0, ss0) = full_pass(&values, x, delta);
            assert!((m - m0).abs() < 1e-15, "{m} vs {m0}");
            assert!((ss - ss0).abs() < 1e-15, "{ss} vs {ss0}");
        }
    }

    #[test]
    fn converging_steps_make_one_pass() {
        let values: Vec<f64> = (0..1000).map(|i| f64::from(i).sqrt()).collect();
        let mut w = Winsorizer::new(&values, Vec::new());
        let (mut x, mut delta) = (20.0, 9.0);
        for _ in 0..40 {
            let (m, ss) = w.step(x, delta);
            let (m0, ss0) = full_pass(&values, x, delta);
            assert!(
                (m - m0).abs() < 1e-12 && (ss - ss0).abs() < 1e-9 * ss0,
                "{x} {delta}: {m} {m0} {ss} {ss0} scans {}",
                w.scans()
            );
            // Move towards a fixed point, ever less.
            x += 0.5 * (m - x);
            delta *= 1.0 + 0.5 * (1.0 - delta / 9.5);
        }
        // The plain first step, then one pass that lays the bands out.
        assert_eq!(w.scans(), 2);
    }

    #[test]
    fn overflowing_sums_are_not_a_zero_spread() {
        let (_, ss) = plain_step(&[f64::MAX, f64::MAX, 0.0], 0.0, f64::MAX);
        assert!(ss.is_nan(), "{ss}");
    }

    #[test]
    fn a_jump_rescans() {
        let values = [1.0, 2.0, 3.0, 4.0, 100.0];
        let mut w = Winsorizer::new(&values, Vec::new());
        w.step(3.0, 2.5);
        w.step(3.05, 2.45);
        w.step(3.06, 2.44);
        assert_eq!(w.scans(), 2);
        assert_eq!(w.step(30.0, 0.5), full_pass(&values, 30.0, 0.5));
        assert_eq!(w.scans(), 3);
    }
}
