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

impl Error {
    /// The error with the names of options and inputs (of
    /// [`Error::InvalidParameter`] and [`Error::LengthMismatch`]) spelled in
    /// `style`, for a binding whose options are spelled so.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::{AlgorithmAOptions, KeyStyle};
    /// let options = AlgorithmAOptions { max_iter: 0, ..Default::default() };
    /// let error = eqa::algorithm_a(&[1.0, 2.0, 3.0], &options).unwrap_err();
    /// assert!(error.respelled(KeyStyle::CamelCase).to_string().starts_with("invalid maxIter = 0"));
    /// ```
    pub fn respelled(self, style: KeyStyle) -> Error {
        match self {
            Error::InvalidParameter {
                name,
                value,
                expected,
            } => Error::InvalidParameter {
                name: style.spell(name),
                value,
                expected,
            },
            Error::LengthMismatch {
                what,
                expected,
                got,
            } => Error::LengthMismatch {
                what: style.spell(what),
                expected,
                got,
            },
            other => other,
        }
    }
}

/// The result type of every fallible function in this crate.
pub type Result<T> = std::result::Result<T, Error>;

/// How a face of the library spells the names of options and arguments in
/// its errors: Rust and Python use the core's snake_case (`max_iter`),
/// JavaScript uses camelCase (`maxIter`). Documents (plans, results,
/// criteria) keep their snake_case keys in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum KeyStyle {
    /// `max_iter`, as the core names it.
    #[default]
    SnakeCase,
    /// `maxIter`: each `_` dropped and the letter after it upper-cased
    /// (`u_x_pt` → `uXPt`, `U_x` → `UX`).
    CamelCase,
}

impl KeyStyle {
    /// `name`, an option name of the core in snake_case, in this style.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::KeyStyle;
    /// assert_eq!(KeyStyle::CamelCase.spell("u_x_pt"), "uXPt");
    /// assert_eq!(KeyStyle::CamelCase.spell("U_x"), "UX");
    /// assert_eq!(KeyStyle::CamelCase.spell("tol"), "tol");
    /// assert_eq!(KeyStyle::SnakeCase.spell("max_iter"), "max_iter");
    /// ```
    pub fn spell(self, name: &'static str) -> &'static str {
        match self {
            KeyStyle::SnakeCase => name,
            KeyStyle::CamelCase if !name.contains('_') => name,
            KeyStyle::CamelCase => camel_case(name),
        }
    }
}

/// The camelCase spelling of a snake_case option name, made once per name.
///
/// Errors hold option names as `&'static str`; the names are the core's own
/// literals, a small fixed set, so each spelling is kept for the life of the
/// program the first time it is asked for.
fn camel_case(name: &'static str) -> &'static str {
    use std::sync::{Mutex, PoisonError};
    static SPELLED: Mutex<Vec<(&'static str, &'static str)>> = Mutex::new(Vec::new());
    let mut spelled = SPELLED.lock().unwrap_or_else(PoisonError::into_inner);
    if let Some(&(_, camel)) = spelled.iter().find(|(snake, _)| *snake == name) {
        return camel;
    }
    let mut camel = String::with_capacity(name.len());
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            camel.extend(c.to_uppercase());
            upper = false;
        } else {
            camel.push(c);
        }
    }
    let camel: &'static str = Box::leak(camel.into_boxed_str());
    spelled.push((name, camel));
    camel
}

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

    #[test]
    fn camel_case_spells_every_option_the_bindings_name() {
        for (snake, camel) in [
            ("max_iter", "maxIter"),
            ("zero_scale", "zeroScale"),
            ("year_pass", "yearPass"),
            ("k_of_n", "kOfN"),
            ("box_k", "boxK"),
            ("u_x", "uX"),
            ("U_x", "UX"),
            ("U_x_pt", "UXPt"),
            ("u_stab_rule", "uStabRule"),
            ("x_crm", "xCrm"),
            ("when_not_negligible", "whenNotNegligible"),
            ("n", "n"),
        ] {
            assert_eq!(KeyStyle::CamelCase.spell(snake), camel);
            // The second time comes from the kept spelling, the same pointer.
            assert!(std::ptr::eq(
                KeyStyle::CamelCase.spell(snake),
                KeyStyle::CamelCase.spell(snake)
            ));
            assert_eq!(KeyStyle::SnakeCase.spell(snake), snake);
        }
    }
}
