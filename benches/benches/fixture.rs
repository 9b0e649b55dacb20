//! Seeded bench data: N(0, 1) with 1 % of the values replaced by N(10, 1).

/// SplitMix64, a small generator with a fixed sequence for a seed.
struct SplitMix(u64);

impl SplitMix {
    fn uniform(&mut self) -> f64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        // 53 random bits in (0, 1]: never zero, so the logarithm below is finite.
        ((z >> 11) + 1) as f64 / (1u64 << 53) as f64
    }

    /// A standard normal value by the Box–Muller transform.
    fn normal(&mut self) -> f64 {
        let (u, v) = (self.uniform(), self.uniform());
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }
}

/// `n` values: N(0, 1), with every hundredth value drawn from N(10, 1) instead.
pub(crate) fn contaminated_normal(n: usize, seed: u64) -> Vec<f64> {
    let mut rng = SplitMix(seed);
    (0..n)
        .map(|i| {
            let z = rng.normal();
            if i % 100 == 99 { 10.0 + z } else { z }
        })
        .collect()
}
