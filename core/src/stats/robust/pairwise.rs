//! Order statistics of the pairwise differences of sorted values, without
//! materialising the p(p − 1)/2 pairs.
//!
//! With the values sorted, the differences key(i, j) = f(x_j − x_i), j > i,
//! form a sorted matrix: each row is nondecreasing in j, each column
//! nonincreasing in i (for any nondecreasing f). Counting the pairs at most v
//! is then O(p) with two pointers, and the smallest difference meeting a
//! monotone condition on those counts is found by the selection of Johnson
//! and Mizoguchi (1978) as used by Croux and Rousseeuw (1992) for Qn: every
//! round takes the weighted median of the rows' middle candidates as a trial,
//! counts once, and drops at least a quarter of the remaining candidates, so
//! O(log p) rounds of O(p) work, O(p log p) in all.

/// The pairwise differences of sorted values under a nondecreasing key.
pub(crate) struct Pairs<'a, K> {
    sorted: &'a [f64],
    key: K,
}

impl<'a, K: Fn(f64) -> f64> Pairs<'a, K> {
    /// The pairs of `sorted` (ascending, finite, with a finite spread) under `key`.
    pub(crate) fn new(sorted: &'a [f64], key: K) -> Self {
        Pairs { sorted, key }
    }

    /// key(x_j − x_i) for i < j.
    fn at(&self, i: usize, j: usize) -> f64 {
        (self.key)(self.sorted[j] - self.sorted[i])
    }

    /// For each row i, the first column j > i whose key exceeds `v` (or
    /// reaches it, when `strict`); written to `ends`, and the number of pairs
    /// before those columns returned. O(p).
    fn row_ends(&self, v: f64, strict: bool, ends: &mut [usize]) -> u64 {
        let n = self.sorted.len();
        let inside = |k: f64| if strict { k < v } else { k <= v };
        let mut j = 0;
        let mut count = 0;
        for (i, end) in ends.iter_mut().enumerate().take(n) {
            j = j.max(i + 1);
            while j < n && inside(self.at(i, j)) {
                j += 1;
            }
            *end = j;
            count += (j - i - 1) as u64;
        }
        count
    }

    /// The number of pairs whose key is at most `v` (below `v` when `strict`). O(p).
    pub(crate) fn count(&self, v: f64, strict: bool) -> u64 {
        let (below, at_most) = self.counts(v);
        if strict { below } else { at_most }
    }

    /// The numbers of pairs whose key is below `v` and at most `v`, in one
    /// pass with two pairs of pointers. O(p).
    pub(crate) fn counts(&self, v: f64) -> (u64, u64) {
        let n = self.sorted.len();
        let (mut lt, mut le) = (0, 0);
        let (mut below, mut at_most) = (0, 0);
        for i in 0..n {
            lt = lt.max(i + 1);
            while lt < n && self.at(i, lt) < v {
                lt += 1;
            }
            le = le.max(lt);
            while le < n && self.at(i, le) <= v {
                le += 1;
            }
            below += (lt - i - 1) as u64;
            at_most += (le - i - 1) as u64;
        }
        (below, at_most)
    }

    /// The largest key below `v`, if any pair has one. O(p).
    pub(crate) fn largest_below(&self, v: f64) -> Option<f64> {
        let n = self.sorted.len();
        let mut j = 0;
        let mut best: Option<f64> = None;
        for i in 0..n {
            j = j.max(i + 1);
            while j < n && self.at(i, j) < v {
                j += 1;
            }
            if j > i + 1 {
                let k = self.at(i, j - 1);
                best = Some(best.map_or(k, |b| b.max(k)));
            }
        }
        best
    }

    /// The smallest key v of any pair with `holds(v)`, for a condition that is
    /// monotone (false below some key, true from it on); `None` when no pair's
    /// key satisfies it. O(p log p) plus O(log p) calls of `holds`.
    pub(crate) fn smallest_where(&self, mut holds: impl FnMut(&Self, f64) -> bool) -> Option<f64> {
        let n = self.sorted.len();
        // Row i's candidates are the columns lo[i]..hi[i].
        let mut lo: Vec<usize> = (1..=n).collect();
        let mut hi = vec![n; n];
        let mut ends = vec![0; n];
        let mut trials: Vec<(f64, u64)> = Vec::with_capacity(n);
        let mut best = None;
        loop {
            trials.clear();
            for i in 0..n {
                if lo[i] < hi[i] {
                    let mid = lo[i] + (hi[i] - lo[i]) / 2;
                    trials.push((self.at(i, mid), (hi[i] - lo[i]) as u64));
                }
            }
            let Some(trial) = weighted_median(&mut trials) else {
                return best;
            };
            if holds(self, trial) {
                // The answer is at most the trial: keep the keys below it.
                best = Some(trial);
                self.row_ends(trial, true, &mut ends);
                for (h, &e) in hi.iter_mut().zip(&ends) {
                    *h = (*h).min(e);
                }
            } else {
                // The answer is above the trial: keep the keys above it.
                self.row_ends(trial, false, &mut ends);
                for (l, &e) in lo.iter_mut().zip(&ends) {
                    *l = (*l).max(e);
                }
            }
        }
    }
}

/// The weighted median of (value, weight) pairs: the smallest value whose
/// cumulative weight reaches half the total. `None` for no pairs. Expected
/// O(m) by repeated selection.
fn weighted_median(items: &mut [(f64, u64)]) -> Option<f64> {
    let total: u64 = items.iter().map(|&(_, w)| w).sum();
    let mut target = total.div_ceil(2);
    let (mut start, mut end) = (0, items.len());
    while start < end {
        let slice = &mut items[start..end];
        let mid = slice.len() / 2;
        slice.select_nth_unstable_by(mid, |a, b| a.0.total_cmp(&b.0));
        let left: u64 = slice[..mid].iter().map(|&(_, w)| w).sum();
        let here = slice[mid].1;
        if left >= target {
            end = start + mid;
        } else if left + here >= target {
            return Some(slice[mid].0);
        } else {
            target -= left + here;
            start += mid + 1;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all_keys(sorted: &[f64]) -> Vec<f64> {
        let mut d = Vec::new();
        for i in 0..sorted.len() {
            for j in i + 1..sorted.len() {
                d.push(sorted[j] - sorted[i]);
            }
        }
        d.sort_by(f64::total_cmp);
        d
    }

    #[test]
    fn selects_every_order_statistic() {
        let mut x = vec![3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0, 5.0, 8.0];
        x.sort_by(f64::total_cmp);
        let pairs = Pairs::new(&x, |d| d);
        let keys = all_keys(&x);
        for k in 1..=keys.len() as u64 {
            let v = pairs.smallest_where(|p, v| p.count(v, false) >= k);
            assert_eq!(v, Some(keys[k as usize - 1]), "k = {k}");
        }
        assert_eq!(pairs.smallest_where(|_, _| false), None);
        assert_eq!(pairs.largest_below(1.0), Some(0.0));
        assert_eq!(pairs.largest_below(0.0), None);
        assert_eq!(pairs.count(0.0, false), 5);
        assert_eq!(pairs.count(0.0, true), 0);
    }

    #[test]
    fn weighted_median_of_ties() {
        let mut items = [(2.0, 1), (1.0, 1), (2.0, 5), (3.0, 1)];
        assert_eq!(weighted_median(&mut items), Some(2.0));
        assert_eq!(weighted_median(&mut []), None);
        let mut items = [(1.0, 3), (2.0, 3)];
        assert_eq!(weighted_median(&mut items), Some(1.0));
    }
}
