//! Decimal arithmetic on doubles that gives the same bits on every platform:
//! powers of ten, decades and rounding to whole numbers, without `powi` or
//! `log10`, whose last bits may differ between targets.

/// The whole number nearest t ≥ 0 (ties to even), by the addition of 2⁵²
/// that leaves no fraction bits: plain arithmetic, fast and the same on
/// every platform. From 2⁵² on every double is whole already.
pub(crate) fn nearest_whole(t: f64) -> f64 {
    const TWO_52: f64 = 4_503_599_627_370_496.0;
    if t < TWO_52 { (t + TWO_52) - TWO_52 } else { t }
}

/// ⌊log₁₀ m⌋ for finite m > 0, by exact comparisons with powers of ten
/// computed the same way on every platform.
pub(crate) fn decade(m: f64) -> i32 {
    let (mut e, mut p) = (0, 1.0);
    if m >= 1.0 {
        while p * 10.0 <= m {
            p *= 10.0;
            e += 1;
        }
    } else {
        while p > m && p > 0.0 {
            p /= 10.0;
            e -= 1;
        }
    }
    e
}

/// 10^n by repeated multiplication: exact up to 10^22, the same bits on every platform.
pub(crate) fn pow10(n: u32) -> f64 {
    (0..n).fold(1.0, |p, _| p * 10.0)
}

/// 10^e for any e, from [`pow10`]: exact for |e| ≤ 22 (a negative power is
/// one correctly rounded division), the same bits on every platform.
pub(crate) fn power_of_ten(e: i32) -> f64 {
    let n = e.unsigned_abs();
    if e >= 0 {
        pow10(n)
    } else if n <= 300 {
        1.0 / pow10(n)
    } else {
        1.0 / pow10(300) / pow10(n - 300)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_whole_numbers() {
        assert_eq!(nearest_whole(2.4), 2.0);
        assert_eq!(nearest_whole(2.6), 3.0);
        assert_eq!(nearest_whole(2.5), 2.0);
        assert_eq!(nearest_whole(0.0), 0.0);
        assert_eq!(nearest_whole(1e300), 1e300);
        assert_eq!(nearest_whole(f64::INFINITY), f64::INFINITY);
    }

    #[test]
    fn decades() {
        assert_eq!(decade(1.0), 0);
        assert_eq!(decade(9.99), 0);
        assert_eq!(decade(10.0), 1);
        assert_eq!(decade(0.4246), -1);
        assert_eq!(decade(0.01), -2);
        assert_eq!(decade(f64::MAX), 308);
    }

    #[test]
    fn powers_of_ten() {
        assert_eq!(power_of_ten(0), 1.0);
        assert_eq!(power_of_ten(3), 1000.0);
        assert_eq!(power_of_ten(-2), 0.01);
        assert_eq!(power_of_ten(-4), 1e-4);
        assert!(power_of_ten(-320) > 0.0 && power_of_ten(-330) == 0.0);
    }
}
