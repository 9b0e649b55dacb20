//! A value exactly as a laboratory reported it.
//!
//! The text is kept as written, and its reading alongside: a decimal number
//! (kept exactly, never through binary floating point), a censored number
//! such as `<0.5` or `>1000`, or a word (a category, a grade, an organism, a
//! genotype). What a word means is decided later, against the analyte's
//! result type and vocabulary.

use std::fmt;
use std::str::FromStr;

use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The reading of a reported text.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[serde(tag = "kind", content = "value", rename_all = "snake_case")]
pub enum Reading {
    /// A plain decimal number, such as `5.50` (its scale is kept: 5.50 has
    /// two decimals).
    Number(Decimal),
    /// A result below a limit, such as `<0.5` or `≤0.5`.
    Below(Decimal),
    /// A result above a limit, such as `>1000` or `≥1000`.
    Above(Decimal),
    /// Anything else that is not blank: a category, grade or name, trimmed.
    Word(String),
    /// Nothing was written.
    Blank,
}

/// A reported value: the text as written and its [`Reading`].
///
/// Serialised as the text alone; reading it back gives the same value.
///
/// # Examples
///
/// ```
/// use eqa::plan::reported::{Reading, Reported};
/// use rust_decimal::Decimal;
///
/// let v = Reported::new("5.50");
/// assert_eq!(v.reading(), &Reading::Number(Decimal::new(550, 2)));
/// assert_eq!(Reported::new(" <0.5").reading(), &Reading::Below(Decimal::new(5, 1)));
/// assert_eq!(Reported::new("1+").reading(), &Reading::Word("1+".into()));
/// assert_eq!(v.text(), "5.50");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Reported {
    text: String,
    reading: Reading,
}

impl Reported {
    /// Reads `text`.
    pub fn new(text: impl Into<String>) -> Reported {
        let text = text.into();
        let reading = read(&text);
        Reported { text, reading }
    }

    /// A number, written as the shortest decimal text of `value`.
    pub fn number(value: Decimal) -> Reported {
        Reported {
            text: value.to_string(),
            reading: Reading::Number(value),
        }
    }

    /// The text as written.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// Its reading.
    pub fn reading(&self) -> &Reading {
        &self.reading
    }

    /// The number, when the text is a plain number.
    pub fn as_number(&self) -> Option<Decimal> {
        match self.reading {
            Reading::Number(x) => Some(x),
            _ => None,
        }
    }

    /// The number as `f64` (nearest), when the text is a plain number.
    pub fn as_f64(&self) -> Option<f64> {
        self.as_number().map(to_f64)
    }
}

/// Powers of ten exactly representable in `f64`.
const POW10: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The `f64` nearest to a decimal (correctly rounded).
///
/// A mantissa of at most 53 bits with a scale of at most 22 takes one
/// division of two exact `f64`s, which IEEE 754 rounds correctly; any other
/// decimal goes through its text, which `f64`'s parser reads correctly
/// rounded.
pub fn to_f64(value: Decimal) -> f64 {
    let m = value.mantissa();
    match POW10.get(value.scale() as usize) {
        Some(&p) if m.unsigned_abs() < 1 << 53 => (m as i64) as f64 / p,
        // A Decimal's text is a plain decimal number; parsing cannot fail.
        _ => value.to_string().parse().unwrap_or(f64::NAN),
    }
}

/// The decimal whose text is the shortest that reads back as `value`
/// (`0.1_f64` gives `0.1`), or `None` for a value that is not finite or is
/// beyond the decimal range.
pub fn from_f64(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    let text = format!("{value}");
    Decimal::from_str(&text)
        .ok()
        .or_else(|| Decimal::from_scientific(&format!("{value:e}")).ok())
}

/// Reads a number: optional sign, digits with at most one point, or an
/// exponent form (`1.2e3`).
fn number(text: &str) -> Option<Decimal> {
    let t = text.strip_prefix('+').unwrap_or(text);
    if t.is_empty() || t.starts_with(['+', '-']) && t.len() == 1 {
        return None;
    }
    let plain = t
        .bytes()
        .enumerate()
        .all(|(i, b)| b.is_ascii_digit() || b == b'.' || (b == b'-' && i == 0));
    if plain && t.bytes().any(|b| b.is_ascii_digit()) {
        return Decimal::from_str(t).ok();
    }
    if t.contains(['e', 'E']) {
        return Decimal::from_scientific(t).ok();
    }
    None
}

/// The text with full-width forms read as their ASCII forms (`５.３` as
/// `5.3`, `＜０.１` as `<0.1`), as Unicode's compatibility normalisation
/// (NFKC) reads the Halfwidth and Fullwidth Forms block and the ideographic
/// space; `None` when the text has none.
fn halfwidth(text: &str) -> Option<String> {
    if text.is_ascii()
        || !text
            .chars()
            .any(|c| matches!(c, '\u{FF01}'..='\u{FF5E}' | '\u{3000}'))
    {
        return None;
    }
    Some(
        text.chars()
            .map(|c| match c {
                '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
                '\u{3000}' => ' ',
                c => c,
            })
            .collect(),
    )
}

fn read(text: &str) -> Reading {
    let t = text.trim();
    if t.is_empty() {
        return Reading::Blank;
    }
    // A number typed with a Chinese input method's full-width digits and
    // signs reads as the number; a word keeps its own spelling.
    if let Some(ascii) = halfwidth(t) {
        let reading = read(&ascii);
        if !matches!(reading, Reading::Word(_)) {
            return reading;
        }
    }
    for (prefix, below) in [
        ("<=", true),
        ("≤", true),
        ("<", true),
        (">=", false),
        ("≥", false),
        (">", false),
    ] {
        if let Some(rest) = t.strip_prefix(prefix)
            && let Some(x) = number(rest.trim())
        {
            return if below {
                Reading::Below(x)
            } else {
                Reading::Above(x)
            };
        }
    }
    match number(t) {
        Some(x) => Reading::Number(x),
        None => Reading::Word(t.to_owned()),
    }
}

impl fmt::Display for Reported {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl From<&str> for Reported {
    fn from(text: &str) -> Reported {
        Reported::new(text)
    }
}

impl Serialize for Reported {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Reported {
    /// Accepts the text, or a JSON number (read through its shortest text).
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl serde::de::Visitor<'_> for Visitor {
            type Value = Reported;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a reported value as text or number")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Reported, E> {
                Ok(Reported::new(v))
            }
            fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<Reported, E> {
                Ok(Reported::new(v.to_string()))
            }
            fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<Reported, E> {
                Ok(Reported::new(v.to_string()))
            }
            fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<Reported, E> {
                if v.is_finite() {
                    Ok(Reported::new(format!("{v}")))
                } else {
                    Err(E::custom("a reported number must be finite"))
                }
            }
        }
        deserializer.deserialize_any(Visitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_numbers_exactly() {
        assert_eq!(Reported::new("5.5").as_number(), Some(Decimal::new(55, 1)));
        assert_eq!(
            Reported::new("+0.10").as_number(),
            Some(Decimal::new(10, 2))
        );
        assert_eq!(Reported::new("-3").as_number(), Some(Decimal::new(-3, 0)));
        assert_eq!(
            Reported::new("1.2e3").as_number(),
            Some(Decimal::new(1200, 0))
        );
        assert_eq!(Reported::new("5.5").as_f64(), Some(5.5));
    }

    #[test]
    fn keeps_censored_forms_and_words() {
        assert_eq!(
            Reported::new("≥ 1000").reading(),
            &Reading::Above(Decimal::new(1000, 0))
        );
        assert_eq!(
            Reported::new("<=0.5").reading(),
            &Reading::Below(Decimal::new(5, 1))
        );
        assert_eq!(
            Reported::new(" 阴性 ").reading(),
            &Reading::Word("阴性".into())
        );
        assert_eq!(Reported::new("-").reading(), &Reading::Word("-".into()));
        assert_eq!(
            Reported::new("5..5").reading(),
            &Reading::Word("5..5".into())
        );
        assert_eq!(Reported::new("  ").reading(), &Reading::Blank);
        assert_eq!(Reported::new("< 0.5").text(), "< 0.5");
    }

    #[test]
    fn reads_full_width_digits_and_signs() {
        assert_eq!(
            Reported::new("５.３").as_number(),
            Some(Decimal::new(53, 1))
        );
        assert_eq!(
            Reported::new("５．３").as_number(),
            Some(Decimal::new(53, 1))
        );
        assert_eq!(
            Reported::new("＜０.１").reading(),
            &Reading::Below(Decimal::new(1, 1))
        );
        assert_eq!(
            Reported::new("＞　１０００").reading(),
            &Reading::Above(Decimal::new(1000, 0))
        );
        assert_eq!(Reported::new("－２").as_number(), Some(Decimal::new(-2, 0)));
        // The text is kept as written.
        assert_eq!(Reported::new("５.３").text(), "５.３");
        // A word keeps its spelling; a comma decimal stays unreadable.
        assert_eq!(
            Reported::new("阳性").reading(),
            &Reading::Word("阳性".into())
        );
        assert_eq!(
            Reported::new("１＋").reading(),
            &Reading::Word("１＋".into())
        );
        assert_eq!(Reported::new("5,3").reading(), &Reading::Word("5,3".into()));
        assert_eq!(
            Reported::new("５，３").reading(),
            &Reading::Word("５，３".into())
        );
    }

    #[test]
    fn converts_decimals_to_the_nearest_f64() {
        for text in [
            "0.1",
            "5.263",
            "-4.60",
            "123456789.123456789",
            "1e-28",
            "79228162514264337593543950335",
        ] {
            let d = Decimal::from_scientific(text)
                .or_else(|_| text.parse())
                .unwrap();
            assert_eq!(to_f64(d), d.to_string().parse::<f64>().unwrap(), "{text}");
        }
    }

    #[test]
    fn converts_floats_through_their_shortest_text() {
        assert_eq!(from_f64(0.1), Some(Decimal::new(1, 1)));
        assert_eq!(from_f64(5.263), Some(Decimal::new(5263, 3)));
        assert_eq!(from_f64(f64::NAN), None);
        assert_eq!(from_f64(1e300), None);
    }
}
