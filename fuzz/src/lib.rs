//! Structured inputs for the fuzz targets, and the invariant they all assert.

use arbitrary::{Arbitrary, Unstructured};

/// One value: raw bits, or one of the values that break naive code.
#[derive(Debug, Clone, Copy, Arbitrary)]
enum Value {
    Bits(u64),
    Small(i16),
    Special(u8),
}

const SPECIAL: [f64; 14] = [
    0.0,
    -0.0,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
    f64::MAX,
    f64::MIN,
    f64::MIN_POSITIVE,
    5e-324,
    -5e-324,
    1e-300,
    1e300,
    1.0,
    -1.0,
];

impl Value {
    fn get(self) -> f64 {
        match self {
            Value::Bits(b) => f64::from_bits(b),
            Value::Small(i) => f64::from(i) / 8.0,
            Value::Special(i) => SPECIAL[usize::from(i) % SPECIAL.len()],
        }
    }
}

/// A sample: arbitrary values, possibly with one value repeated to make ties.
#[derive(Debug)]
pub struct Sample(pub Vec<f64>);

impl<'a> Arbitrary<'a> for Sample {
    fn arbitrary(u: &mut Unstructured<'a>) -> arbitrary::Result<Self> {
        let mut values: Vec<f64> = Vec::<Value>::arbitrary(u)?
            .into_iter()
            .map(Value::get)
            .collect();
        let ties = u.int_in_range(0..=64)?;
        if ties > 0 {
            let tie = Value::arbitrary(u)?.get();
            values.extend(std::iter::repeat_n(tie, ties));
        }
        Ok(Sample(values))
    }
}

/// Options drawn from every named choice and from arbitrary numbers.
#[derive(Debug, Arbitrary)]
pub struct Options {
    pub exact: bool,
    pub converged: bool,
    pub tol: f64,
    pub max_iter: u16,
    pub zero_scale: u8,
    pub scale: Option<f64>,
}

impl Options {
    pub fn algorithm_a(&self) -> eqa::AlgorithmAOptions {
        eqa::AlgorithmAOptions {
            constants: if self.exact {
                eqa::Constants::Exact
            } else {
                eqa::Constants::Iso
            },
            stop: if self.converged {
                eqa::StopRule::Converged
            } else {
                eqa::StopRule::Iso2022
            },
            tol: self.tol,
            max_iter: u32::from(self.max_iter),
            zero_scale: match self.zero_scale % 3 {
                0 => eqa::ZeroScalePolicy::Error,
                1 => eqa::ZeroScalePolicy::StandardDeviation,
                _ => eqa::ZeroScalePolicy::Median,
            },
        }
    }

    pub fn huber(&self) -> eqa::HuberOptions {
        let a = self.algorithm_a();
        eqa::HuberOptions {
            scale: self.scale,
            constants: a.constants,
            stop: a.stop,
            tol: a.tol,
            max_iter: a.max_iter,
            zero_scale: a.zero_scale,
        }
    }
}

/// The invariant of every entry point: an `Ok` holds only finite numbers, and
/// an input with a non-finite value is refused with that value's index.
pub fn check(values: &[f64], result: eqa::Result<&[f64]>) {
    let first_bad = values.iter().position(|v| !v.is_finite());
    match result {
        Ok(numbers) => {
            assert!(
                first_bad.is_none(),
                "Ok despite a non-finite input at {first_bad:?}"
            );
            assert!(
                numbers.iter().all(|x| x.is_finite()),
                "non-finite result {numbers:?}"
            );
        }
        Err(eqa::Error::NonFiniteValue { index, .. }) => {
            assert_eq!(Some(index), first_bad, "wrong index reported");
        }
        Err(e) => assert!(!e.code().is_empty()),
    }
}

/// [`check`] for an entry point that returns one number.
pub fn check_number(values: &[f64], result: eqa::Result<f64>) {
    check(
        values,
        result
            .as_ref()
            .map(std::slice::from_ref)
            .map_err(Clone::clone),
    );
}

/// [`check`] for an iterative estimator, which also must count its values
/// and respect its iteration bound.
pub fn check_estimate(values: &[f64], max_iter: u16, result: eqa::Result<eqa::RobustEstimate>) {
    let numbers = result.map(|r| {
        assert!(
            r.iterations <= u32::from(max_iter),
            "{} iterations",
            r.iterations
        );
        assert_eq!(r.n, values.len());
        [r.location, r.scale, r.uncertainty]
    });
    check(
        values,
        numbers.as_ref().map(|n| n.as_slice()).map_err(Clone::clone),
    );
}

/// Whether a result's `Debug` text shows a NaN or an infinity anywhere.
fn shows_non_finite(text: &str) -> bool {
    text.contains("NaN") || text.contains(" inf") || text.contains("-inf") || text.contains("[inf")
}

/// [`check`] for entry points with structured results: an `Ok` may hold no
/// NaN or infinity in any field, and only finite inputs may give an `Ok`.
pub fn check_any<T: std::fmt::Debug>(values: &[f64], result: eqa::Result<T>) {
    if let Ok(r) = &result {
        let text = format!("{r:?}");
        assert!(!shows_non_finite(&text), "non-finite field in {text}");
        assert!(
            values.iter().all(|v| v.is_finite()),
            "Ok despite a non-finite input: {text}"
        );
    }
}

/// Groups of values cut from a sample (replicates, or the rows of a table).
pub fn groups(sample: &[f64], sizes: &[u8]) -> Vec<Vec<f64>> {
    let mut rest = sample;
    let mut out = Vec::new();
    for &size in sizes {
        let take = usize::from(size % 8).min(rest.len());
        let (head, tail) = rest.split_at(take);
        out.push(head.to_vec());
        rest = tail;
    }
    out
}
