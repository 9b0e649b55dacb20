//! Upper quantiles of the chi-squared and F distributions, for the factors F1
//! and F2 of the expanded homogeneity criterion (ISO 13528:2022 B.2.3) where
//! Table B.1 has no row.
//!
//! Plain double-precision numerics on `libm`'s `log` and `exp` (a pure-Rust
//! port of musl's libm, so every target gives the same bits, where `f64::ln`
//! would call the platform's own library): the regularised incomplete gamma and beta
//! functions (series and Lentz continued fractions), inverted by bisection.
//! Every loop is bounded, so any degrees of freedom give a finite answer;
//! the quantiles are exact to about 1e-12 relative for moderate degrees of
//! freedom, far more than the two decimals Table B.1 prints. Beyond a million
//! degrees of freedom the Wilson–Hilferty and Paulson approximations, more
//! accurate there, take over.

use libm::{exp, log as ln};

/// Bound on the terms of a series or continued fraction.
const MAX_TERMS: usize = 10_000_000;

/// Relative precision at which a series or continued fraction stops.
const EPS: f64 = 1e-16;

/// Steps of the bisection: enough to reach the spacing of doubles.
const BISECTIONS: usize = 2_000;

/// ln Γ(x) for x ≥ ½ (Lanczos, g = 7, nine coefficients); the degrees of
/// freedom here are at least 1, so x = df/2 ≥ ½.
fn ln_gamma(x: f64) -> f64 {
    const G: f64 = 7.0;
    const C: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    /// ½·ln(2π).
    const HALF_LN_TWO_PI: f64 = 0.918_938_533_204_672_8;
    let x = x - 1.0;
    let mut sum = C[0];
    for (i, c) in C.iter().enumerate().skip(1) {
        sum += c / (x + i as f64);
    }
    let t = x + G + 0.5;
    HALF_LN_TWO_PI + (x + 0.5) * ln(t) - t + ln(sum)
}

/// The regularised lower incomplete gamma function P(a, x), a > 0, x ≥ 0.
fn gamma_p(a: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    let log_prefix = a * ln(x) - x - ln_gamma(a);
    if x < a + 1.0 {
        // Series: P = e^(−x) x^a / Γ(a + 1) · Σ xⁿ / ((a + 1)…(a + n)).
        let mut term = 1.0 / a;
        let mut sum = term;
        let mut ap = a;
        for _ in 0..MAX_TERMS {
            ap += 1.0;
            term *= x / ap;
            sum += term;
            if term.abs() < sum.abs() * EPS {
                break;
            }
        }
        exp(log_prefix + ln(sum)).min(1.0)
    } else {
        // Continued fraction for Q = 1 − P (modified Lentz).
        let tiny = f64::MIN_POSITIVE / EPS;
        let mut b = x + 1.0 - a;
        let mut c = 1.0 / tiny;
        let mut d = 1.0 / b;
        let mut h = d;
        for i in 1..MAX_TERMS {
            let an = -(i as f64) * (i as f64 - a);
            b += 2.0;
            d = an * d + b;
            if d.abs() < tiny {
                d = tiny;
            }
            c = b + an / c;
            if c.abs() < tiny {
                c = tiny;
            }
            d = 1.0 / d;
            let delta = d * c;
            h *= delta;
            if (delta - 1.0).abs() < EPS {
                break;
            }
        }
        (1.0 - exp(log_prefix + ln(h))).max(0.0)
    }
}

/// The continued fraction of the incomplete beta function (modified Lentz).
fn beta_fraction(a: f64, b: f64, x: f64) -> f64 {
    let tiny = f64::MIN_POSITIVE / EPS;
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 - qab * x / qap;
    if d.abs() < tiny {
        d = tiny;
    }
    d = 1.0 / d;
    let mut h = d;
    for m in 1..MAX_TERMS {
        let m = m as f64;
        let m2 = 2.0 * m;
        let even = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + even * d;
        if d.abs() < tiny {
            d = tiny;
        }
        c = 1.0 + even / c;
        if c.abs() < tiny {
            c = tiny;
        }
        d = 1.0 / d;
        h *= d * c;
        let odd = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + odd * d;
        if d.abs() < tiny {
            d = tiny;
        }
        c = 1.0 + odd / c;
        if c.abs() < tiny {
            c = tiny;
        }
        d = 1.0 / d;
        let delta = d * c;
        h *= delta;
        if (delta - 1.0).abs() < EPS {
            break;
        }
    }
    h
}

/// The regularised incomplete beta function I_x(a, b), a, b > 0.
fn beta_i(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let log_prefix = ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * ln(x) + b * ln(1.0 - x);
    if x < (a + 1.0) / (a + b + 2.0) {
        (exp(log_prefix + ln(beta_fraction(a, b, x))) / a).clamp(0.0, 1.0)
    } else {
        (1.0 - exp(log_prefix + ln(beta_fraction(b, a, 1.0 - x))) / b).clamp(0.0, 1.0)
    }
}

/// The x at which the increasing `cdf` reaches `p`, by bracketing and bisection.
fn invert(p: f64, start: f64, cdf: impl Fn(f64) -> f64) -> f64 {
    let mut lo = 0.0;
    let mut hi = start.max(1.0);
    while cdf(hi) < p && hi < f64::MAX / 4.0 {
        lo = hi;
        hi *= 2.0;
    }
    for _ in 0..BISECTIONS {
        let mid = 0.5 * (lo + hi);
        if mid <= lo || mid >= hi {
            break;
        }
        if cdf(mid) < p {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    0.5 * (lo + hi)
}

/// Degrees of freedom beyond which the 95 % quantiles come from the
/// Wilson–Hilferty and Paulson approximations: there the incomplete gamma and
/// beta functions lose digits to huge ln Γ values, while the approximations'
/// relative error in χ²/ν − 1 and F − 1 falls below 1e-8.
const LARGE_DF: f64 = 1e6;

/// Φ⁻¹(0.95), the standard normal 95 % quantile.
const Z95: f64 = 1.644_853_626_951_472_2;

/// The 95 % quantile of the chi-squared distribution with `df` degrees of freedom.
pub(crate) fn chi_squared_95(df: f64) -> f64 {
    if df > LARGE_DF {
        // Wilson–Hilferty: (χ²/ν)^(1/3) is nearly normal, mean 1 − h, variance h.
        let h = 2.0 / (9.0 * df);
        let y = 1.0 - h + Z95 * h.sqrt();
        return df * y * y * y;
    }
    invert(0.95, df, |x| gamma_p(0.5 * df, 0.5 * x))
}

/// Degrees of freedom above which Paulson's approximation of F (relative
/// error in F − 1 about 2e-6 there, falling as they grow) is used once the
/// other degrees of freedom are beyond [`LARGE_DF`]; below, the expansion in
/// 1/d2 (relative error about 1e-6 at the switch, falling as d1 shrinks).
const PAULSON_DF: f64 = 3e3;

/// The 95 % quantile of the F distribution with (`d1`, `d2`) degrees of freedom.
pub(crate) fn f_95(d1: f64, d2: f64) -> f64 {
    if d1.max(d2) > LARGE_DF && d1.min(d2) > PAULSON_DF {
        // Paulson: Wilson–Hilferty for both chi-squares, solved for F^(1/3).
        let (a, b) = (2.0 / (9.0 * d1), 2.0 / (9.0 * d2));
        let q = (1.0 - b) * (1.0 - b) - Z95 * Z95 * b;
        let l = (1.0 - a) * (1.0 - b);
        let r = (1.0 - a) * (1.0 - a) - Z95 * Z95 * a;
        let y = (l + (l * l - q * r).sqrt()) / q;
        return y * y * y;
    }
    if d2 > LARGE_DF {
        // d1 ≤ 3e3: F → χ²(d1)/d1 as d2 → ∞; the first term in 1/d2 of the
        // expansion of P(χ²(d1) ≤ d1·F·χ²(d2)/d2) leaves an error of order
        // (d1/d2)² in F − 1, about 1e-6 at most here.
        let t = chi_squared_95(d1);
        return t / d1 * (1.0 + (t - d1 + 2.0) / (2.0 * d2));
    }
    invert(0.95, 1.0, |x| {
        let y = d1 * x;
        beta_i(0.5 * d1, 0.5 * d2, y / (y + d2))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ln_gamma_of_integers_is_ln_factorial() {
        assert!((ln_gamma(1.0)).abs() < 1e-14);
        assert!((ln_gamma(5.0) - 24f64.ln()).abs() < 1e-13);
        assert!((ln_gamma(0.5) - std::f64::consts::PI.sqrt().ln()).abs() < 1e-13);
    }

    #[test]
    fn quantiles_match_statistical_tables() {
        // qchisq(0.95, 9) = 16.91898, qchisq(0.95, 1) = 3.841459, qf(0.95, 9, 10) = 3.020383
        assert!((chi_squared_95(9.0) - 16.918_977_604_620_45).abs() < 1e-9);
        assert!((chi_squared_95(1.0) - 3.841_458_820_694_124).abs() < 1e-9);
        assert!((f_95(9.0, 10.0) - 3.020_383).abs() < 1e-6);
        assert!((f_95(1.0, 1.0) - 161.447_6).abs() < 1e-4);
    }

    #[test]
    fn the_approximations_take_over_where_they_agree() {
        // Just below the switch, the exact quantiles; at it, the approximations.
        let df = LARGE_DF;
        let exact = chi_squared_95(df) / df - 1.0;
        let approximate = chi_squared_95(df * (1.0 + f64::EPSILON)) / df - 1.0;
        assert!(((approximate - exact) / exact).abs() < 1e-7);
        let exact = f_95(df, df) - 1.0;
        let approximate = f_95(df, df * (1.0 + f64::EPSILON)) - 1.0;
        assert!(((approximate - exact) / exact).abs() < 1e-7);
    }

    #[test]
    fn huge_degrees_of_freedom_stay_finite() {
        for df in [1e7, 1e12, 1e18, 1e300] {
            let q = chi_squared_95(df) / df;
            assert!((1.0..1.01).contains(&q), "{df}: {q}");
            let f = f_95(df, 2.0 * df);
            assert!((1.0..1.01).contains(&f), "{df}: {f}");
        }
        // F(1, 10⁹) is χ²(1) to 1e-9: 3.841458820694124·(1 + 4.84/(2·10⁹)).
        let f = f_95(1.0, 1e9);
        assert!((f - 3.841_458_820_694_124 * (1.0 + 4.841_458_8 / 2e9)).abs() < 1e-12);
        // The expansion agrees with the exact quantile where they meet.
        let exact = f_95(20.0, LARGE_DF) - 1.0;
        let expanded = f_95(20.0, LARGE_DF * (1.0 + f64::EPSILON)) - 1.0;
        assert!(
            ((expanded - exact) / exact).abs() < 1e-8,
            "{expanded} vs {exact}"
        );
    }
}
