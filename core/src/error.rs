//! The one error type of the crate.
//!
//! Every variant has a stable snake_case [`Error::code`] that bindings and
//! callers may match on; messages may be reworded, codes never change.

/// Why a computation refused its input.
///
/// Each variant says which constraint was broken and carries the offending
/// value, so that a message can point at the datum to fix.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Fewer values than the estimator needs.
    ///
    /// Give at least `needed` values.
    #[error("{estimator} needs at least {needed} value(s), got {got}")]
    TooFewValues {
        /// The estimator that refused.
        estimator: &'static str,
        /// How many values it needs.
        needed: usize,
        /// How many it was given.
        got: usize,
    },

    /// An input value is NaN or infinite.
    ///
    /// Remove or correct the value at `index`; missing results are left out
    /// of the slice, not encoded as NaN.
    #[error("value at index {index} is not finite ({value})")]
    NonFiniteValue {
        /// Position of the value in the input.
        index: usize,
        /// The value itself (NaN or ±infinity).
        value: f64,
    },

    /// The scale estimate is zero, so the estimator cannot standardise.
    ///
    /// This happens when more than half of the values are identical
    /// (MAD = 0). Choose [`crate::ZeroScalePolicy::StandardDeviation`] to fall
    /// back to the classical standard deviation, or use a reference value.
    #[error(
        "{estimator} is zero: {ties} of {n} values equal the median {median}; \
         choose the standard_deviation zero-scale policy or another estimator"
    )]
    ZeroScale {
        /// The scale estimate that was zero.
        estimator: &'static str,
        /// Number of values equal to the median.
        ties: usize,
        /// Number of values.
        n: usize,
        /// The median of the values.
        median: f64,
    },

    /// An option is outside its domain.
    ///
    /// Change the option named `name` to a value in `expected`.
    #[error("invalid {name} = {value}: expected {expected}")]
    InvalidParameter {
        /// The option's name in snake_case, as in Rust and Python (the
        /// JavaScript binding reports it in camelCase).
        name: &'static str,
        /// The rejected value, as text.
        value: String,
        /// What would have been accepted.
        expected: &'static str,
    },

    /// Inputs that go in pairs (values and their uncertainties, items and
    /// replicates) have different lengths.
    ///
    /// Give `what` exactly `expected` entries.
    #[error("{what} has {got} entries where {expected} are needed")]
    LengthMismatch {
        /// The input whose length is wrong.
        what: &'static str,
        /// The length it must have.
        expected: usize,
        /// The length it has.
        got: usize,
    },

    /// A document (a plan, a criteria table, a results file) does not
    /// match its schema or is inconsistent.
    ///
    /// Fix the field at `path` (such as `programs[0].rounds[2].deadline`).
    #[error("invalid document at {path}: {message}")]
    InvalidDocument {
        /// Where in the document, as a path of field names and indices
        /// (`.` for the whole document).
        path: String,
        /// What is wrong there.
        message: String,
    },

    /// An intermediate or final result overflowed the range of `f64`.
    ///
    /// The spread of the values is too large (beyond about 1e154) to square
    /// or sum; rescale the data (change its unit) and try again.
    #[error("{estimator} overflowed: the values' spread is too large for f64 arithmetic")]
    Overflow {
        /// The estimator that overflowed.
        estimator: &'static str,
    },
}

impl Error {
    /// The stable, snake_case code of this error.
    ///
    /// # Examples
    ///
    /// ```
    /// let err = eqa::median(&[]).unwrap_err();
    /// assert_eq!(err.code(), "too_few_values");
    /// ```
    pub fn code(&self) -> &'static str {
        match self {
            Error::TooFewValues { .. } => "too_few_values",
            Error::NonFiniteValue { .. } => "non_finite_value",
            Error::ZeroScale { .. } => "zero_scale",
            Error::InvalidParameter { .. } => "invalid_parameter",
            Error::LengthMismatch { .. } => "length_mismatch",
            Error::Overflow { .. } => "overflow",
            Error::InvalidDocument { .. } => "invalid_document",
        }
    }
}

/// The result type of every fallible function in this crate.
pub type Result<T> = std::result::Result<T, Error>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_name_the_offending_value() {
        let err = Error::NonFiniteValue {
            index: 3,
            value: f64::NAN,
        };
        assert_eq!(err.to_string(), "value at index 3 is not finite (NaN)");
        assert_eq!(err.code(), "non_finite_value");
    }

    #[test]
    fn codes_are_distinct() {
        let errors = [
            Error::TooFewValues {
                estimator: "median",
                needed: 1,
                got: 0,
            },
            Error::NonFiniteValue {
                index: 0,
                value: f64::INFINITY,
            },
            Error::ZeroScale {
                estimator: "MADe",
                ties: 3,
                n: 5,
                median: 1.0,
            },
            Error::InvalidParameter {
                name: "tol",
                value: "0".into(),
                expected: "a positive finite number",
            },
            Error::Overflow { estimator: "mean" },
        ];
        let mut codes: Vec<_> = errors.iter().map(Error::code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), errors.len());
    }
}
