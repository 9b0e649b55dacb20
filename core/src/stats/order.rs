//! Order statistics by selection (introselect, O(n)), never by sorting.
//!
//! Every function here takes a scratch buffer of finite values that it may
//! reorder. Callers check finiteness first, so `total_cmp` orders the values
//! numerically (it only separates -0.0 from 0.0, which are equal values).

/// The k-th smallest value (0-based) of a non-empty buffer.
///
/// Afterwards `buf[..k] <= buf[k] <= buf[k + 1..]`.
pub(crate) fn kth_smallest(buf: &mut [f64], k: usize) -> f64 {
    let (_, kth, _) = buf.select_nth_unstable_by(k, f64::total_cmp);
    *kth
}

/// The smallest value of a non-empty slice.
fn min_of(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::INFINITY, f64::min)
}

/// The largest value of a non-empty slice.
fn max_of(values: &[f64]) -> f64 {
    values.iter().copied().fold(f64::NEG_INFINITY, f64::max)
}

/// The median of a non-empty buffer: the middle value, or the midpoint of the
/// two middle values when the count is even.
pub(crate) fn median_of(buf: &mut [f64]) -> f64 {
    let n = buf.len();
    let upper = kth_smallest(buf, n / 2);
    if n % 2 == 1 {
        upper
    } else {
        max_of(&buf[..n / 2]).midpoint(upper)
    }
}

/// The p-quantile of a non-empty buffer by linear interpolation between order
/// statistics (Hyndman & Fan type 7; R's default, numpy's `"linear"`).
///
/// # Formula
///
/// With the values sorted as x(0) ≤ … ≤ x(n−1), h = (n − 1)·p, j = ⌊h⌋:
/// Q(p) = x(j) + (h − j)·(x(j+1) − x(j)).
pub(crate) fn quantile_linear(buf: &mut [f64], p: f64) -> f64 {
    let n = buf.len();
    let h = (n - 1) as f64 * p;
    // h is in [0, n - 1]; the cast truncates towards zero, which is the floor here.
    let j = (h as usize).min(n - 1);
    let frac = h - j as f64;
    let low = kth_smallest(buf, j);
    if frac == 0.0 {
        low
    } else {
        let high = min_of(&buf[j + 1..]);
        low + frac * (high - low)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median_of(&mut [3.0, 1.0, 2.0]), 2.0);
        assert_eq!(median_of(&mut [4.0, 1.0, 3.0, 2.0]), 2.5);
        assert_eq!(median_of(&mut [7.0]), 7.0);
    }

    #[test]
    fn median_of_huge_values_does_not_overflow() {
        assert_eq!(median_of(&mut [f64::MAX, f64::MAX]), f64::MAX);
    }

    #[test]
    fn linear_quantiles_match_r_type_7() {
        // R: quantile(c(1, 2, 3, 4, 10), c(0.25, 0.75), type = 7) -> 2, 4
        let mut v = [10.0, 2.0, 4.0, 1.0, 3.0];
        assert_eq!(quantile_linear(&mut v, 0.25), 2.0);
        assert_eq!(quantile_linear(&mut v, 0.75), 4.0);
        // R: quantile(1:4, 0.25) -> 1.75
        assert_eq!(quantile_linear(&mut [4.0, 3.0, 2.0, 1.0], 0.25), 1.75);
        assert_eq!(quantile_linear(&mut [5.0], 0.75), 5.0);
    }
}
