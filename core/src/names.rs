//! Named choices: enums whose variants have stable names in options and results.

/// Implements `as_str`, `ALL`, `Display` and `FromStr` for an enum of named
/// choices, so that the names are written once. An unknown name is an
/// [`crate::Error::InvalidParameter`] for the option `$option`, expecting `$expected`.
macro_rules! named_choices {
    ($ty:ident, option $option:literal, expected $expected:literal { $($variant:ident => $name:literal),+ $(,)? }) => {
        impl $ty {
            /// Every choice, in declaration order.
            pub const ALL: &'static [$ty] = &[$($ty::$variant),+];

            /// The name used in options and results.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($ty::$variant => $name),+
                }
            }
        }

        impl std::fmt::Display for $ty {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl std::str::FromStr for $ty {
            type Err = crate::Error;

            fn from_str(s: &str) -> Result<Self, crate::Error> {
                match s {
                    $($name => Ok($ty::$variant),)+
                    _ => Err(crate::Error::InvalidParameter {
                        name: $option,
                        value: s.to_owned(),
                        expected: $expected,
                    }),
                }
            }
        }
    };
}

pub(crate) use named_choices;
