//! Conversions between conventional units (mg/dL) and SI units (mmol/L,
//! µmol/L), in exact decimal arithmetic (domain §5.5).
//!
//! A limit's absolute part is in the unit of its criteria table; a result
//! reported in another unit is converted to it before it is judged. Each
//! [`Conversion`] keeps its factor as it is customarily quoted, in the
//! direction where it is a short decimal (glucose: 18.016 mg/dL per mmol/L;
//! creatinine: 88.42 µmol/L per mg/dL), and says which direction that is, so
//! that no factor is a rounded reciprocal.
//!
//! Unit spellings are compared after [`normalize_unit`]: `µmol/L`, `μmol/L`
//! and `umol/L` are one unit, as are `mmol/L` and `mmol/l`, and `U/L` and
//! `IU/L`.

use rust_decimal::Decimal;
use serde::Serialize;

use crate::error::{Error, Result};
use FactorDirection::{ConventionalPerSi as PerSi, SiPerConventional as PerConventional};

/// Which way a [`Conversion`]'s factor is quoted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FactorDirection {
    /// `factor` SI units per conventional unit: SI = conventional × factor
    /// (creatinine: 1 mg/dL = 88.42 µmol/L).
    SiPerConventional,
    /// `factor` conventional units per SI unit: SI = conventional ÷ factor
    /// (glucose: 1 mmol/L = 18.016 mg/dL).
    ConventionalPerSi,
}

/// A conversion factor between an analyte's conventional and SI units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Conversion {
    /// The analyte's code, as in plans and criteria tables.
    pub analyte: &'static str,
    /// The analyte's name, saying what the conventional unit counts when it
    /// is not the analyte itself (urea nitrogen for urea).
    pub name: &'static str,
    /// The conventional unit.
    pub conventional_unit: &'static str,
    /// The SI unit.
    pub si_unit: &'static str,
    /// The factor, as customarily quoted.
    pub factor: Decimal,
    /// Which way `factor` goes.
    pub direction: FactorDirection,
    /// Where the factor comes from.
    pub source: &'static str,
    /// Whether the factor is one of the documented table of domain §5.5;
    /// otherwise it is a conventional factor to verify before use.
    pub confirmed: bool,
}

/// A positive decimal `mantissa × 10^-scale`, for the constant table.
const fn factor(mantissa: u32, scale: u32) -> Decimal {
    Decimal::from_parts(mantissa, 0, 0, false, scale)
}

const DOCUMENTED: &str = "domain §5.5 (the factors of the ≈ SI values of §5.1)";
const CONVENTIONAL: &str = "conventional factor";

const fn row(
    analyte: &'static str,
    name: &'static str,
    units: (&'static str, &'static str),
    factor: Decimal,
    direction: FactorDirection,
    confirmed: bool,
) -> Conversion {
    Conversion {
        analyte,
        name,
        conventional_unit: units.0,
        si_unit: units.1,
        factor,
        direction,
        source: if confirmed { DOCUMENTED } else { CONVENTIONAL },
        confirmed,
    }
}

const MG_MMOL: (&str, &str) = ("mg/dL", "mmol/L");
const MG_UMOL: (&str, &str) = ("mg/dL", "µmol/L");

/// The documented conversions (domain §5.5). Factors marked unconfirmed
/// are conventional values (from molar masses) that the domain does not list.
///
/// | analyte | conventional | SI | factor |
/// | --- | --- | --- | --- |
/// | GLU | mg/dL | mmol/L | 18.016 mg/dL per mmol/L |
/// | CREA | mg/dL | µmol/L | 88.42 µmol/L per mg/dL |
/// | UREA | mg/dL urea nitrogen (BUN) | mmol/L urea | 0.357 mmol/L per mg/dL |
/// | CA, ICA | mg/dL | mmol/L | 4.008 mg/dL per mmol/L |
/// | P | mg/dL | mmol/L | 3.097 mg/dL per mmol/L |
/// | TBIL, DBIL | mg/dL | µmol/L | 17.1 µmol/L per mg/dL |
/// | TC, HDLC, LDLC | mg/dL | mmol/L | 38.67 mg/dL per mmol/L (unconfirmed) |
/// | TG | mg/dL | mmol/L | 88.57 mg/dL per mmol/L (unconfirmed) |
/// | UA | mg/dL | µmol/L | 59.48 µmol/L per mg/dL (unconfirmed) |
pub const CONVERSIONS: &[Conversion] = &[
    row("GLU", "glucose", MG_MMOL, factor(18016, 3), PerSi, true),
    row(
        "CREA",
        "creatinine",
        MG_UMOL,
        factor(8842, 2),
        PerConventional,
        true,
    ),
    row(
        "UREA",
        "urea, from urea nitrogen (BUN) in mg/dL",
        MG_MMOL,
        factor(357, 3),
        PerConventional,
        true,
    ),
    row(
        "CA",
        "calcium (total)",
        MG_MMOL,
        factor(4008, 3),
        PerSi,
        true,
    ),
    row(
        "ICA",
        "calcium (ionised)",
        MG_MMOL,
        factor(4008, 3),
        PerSi,
        true,
    ),
    row("P", "phosphorus", MG_MMOL, factor(3097, 3), PerSi, true),
    row(
        "TBIL",
        "bilirubin (total)",
        MG_UMOL,
        factor(171, 1),
        PerConventional,
        true,
    ),
    row(
        "DBIL",
        "bilirubin (direct)",
        MG_UMOL,
        factor(171, 1),
        PerConventional,
        true,
    ),
    row(
        "TC",
        "cholesterol (total)",
        MG_MMOL,
        factor(3867, 2),
        PerSi,
        false,
    ),
    row(
        "HDLC",
        "HDL cholesterol",
        MG_MMOL,
        factor(3867, 2),
        PerSi,
        false,
    ),
    row(
        "LDLC",
        "LDL cholesterol",
        MG_MMOL,
        factor(3867, 2),
        PerSi,
        false,
    ),
    row(
        "TG",
        "triglycerides",
        MG_MMOL,
        factor(8857, 2),
        PerSi,
        false,
    ),
    row(
        "UA",
        "uric acid",
        MG_UMOL,
        factor(5948, 2),
        PerConventional,
        false,
    ),
];

impl Conversion {
    /// A value in the conventional unit, in the SI unit.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] if the result leaves the decimal range.
    pub fn to_si(&self, conventional: Decimal) -> Result<Decimal> {
        match self.direction {
            FactorDirection::SiPerConventional => multiply(conventional, self.factor),
            FactorDirection::ConventionalPerSi => divide(conventional, self.factor),
        }
    }

    /// A value in the SI unit, in the conventional unit.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] if the result leaves the decimal range.
    pub fn to_conventional(&self, si: Decimal) -> Result<Decimal> {
        match self.direction {
            FactorDirection::SiPerConventional => divide(si, self.factor),
            FactorDirection::ConventionalPerSi => multiply(si, self.factor),
        }
    }
}

fn overflow() -> Error {
    Error::Overflow {
        estimator: "unit conversion",
    }
}

fn multiply(value: Decimal, factor: Decimal) -> Result<Decimal> {
    value
        .checked_mul(factor)
        .map(|v| v.normalize())
        .ok_or_else(overflow)
}

fn divide(value: Decimal, factor: Decimal) -> Result<Decimal> {
    value
        .checked_div(factor)
        .map(|v| v.normalize())
        .ok_or_else(overflow)
}

/// A unit's spelling for comparison: blanks removed, the micro sign `µ`
/// (U+00B5) and the Greek `μ` (U+03BC) written `u`, letters in lower case,
/// and `IU/` written `U/` (an international unit of enzyme activity is the
/// unit).
///
/// # Examples
///
/// ```
/// use eqa::plan::units::normalize_unit;
///
/// assert_eq!(normalize_unit(" µmol/L"), normalize_unit("umol/l"));
/// assert_eq!(normalize_unit("μmol/L"), "umol/l");
/// assert_eq!(normalize_unit("IU/L"), "u/l");
/// assert_eq!(normalize_unit("mIU/mL"), "mu/ml");
/// ```
pub fn normalize_unit(unit: &str) -> String {
    let folded: String = unit
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            'µ' | 'μ' => 'u',
            c => c.to_ascii_lowercase(),
        })
        .collect();
    // An international unit of enzyme activity is the unit (U/L = IU/L).
    folded.replace("iu/", "u/")
}

/// Whether two spellings name the same unit (see [`normalize_unit`]).
///
/// # Examples
///
/// ```
/// use eqa::plan::units::same_unit;
///
/// assert!(same_unit("µmol/L", "μmol/L"));
/// assert!(same_unit("umol/L", "µmol/l"));
/// assert!(same_unit("IU/L", "U/L"));
/// assert!(!same_unit("mg/dL", "mmol/L"));
/// ```
pub fn same_unit(a: &str, b: &str) -> bool {
    a == b || normalize_unit(a) == normalize_unit(b)
}

/// How a reported unit relates to the unit an analyte is scored in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitMatch {
    /// The same unit, perhaps spelled differently.
    Same,
    /// Another unit the analyte's [`Conversion`] converts from.
    Convertible(UnitConversion),
    /// A unit that is neither.
    Different,
}

/// One direction of an analyte's [`Conversion`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnitConversion {
    /// The analyte's conversion.
    pub conversion: &'static Conversion,
    /// Whether it goes from the conventional unit to the SI unit.
    pub to_si: bool,
}

impl UnitConversion {
    /// `value` in the other unit, exactly (a quotient rounded to the 28
    /// significant digits of a decimal), without trailing zeros.
    ///
    /// # Errors
    ///
    /// [`Error::Overflow`] if the result leaves the decimal range.
    pub fn apply(&self, value: Decimal) -> Result<Decimal> {
        if self.to_si {
            self.conversion.to_si(value)
        } else {
            self.conversion.to_conventional(value)
        }
    }
}

/// How `given`, a unit a result is reported in, relates to `expected`, the
/// analyte's unit.
///
/// # Examples
///
/// ```
/// use eqa::plan::units::{UnitMatch, unit_match};
/// use rust_decimal::Decimal;
///
/// assert_eq!(unit_match("CREA", "μmol/L", "µmol/L"), UnitMatch::Same);
/// let UnitMatch::Convertible(to_mmol) = unit_match("GLU", "mg/dL", "mmol/L") else { panic!() };
/// assert_eq!(to_mmol.apply(Decimal::new(18016, 2))?, Decimal::TEN);
/// assert_eq!(unit_match("K", "mg/dL", "mmol/L"), UnitMatch::Different);
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn unit_match(analyte: &str, given: &str, expected: &str) -> UnitMatch {
    if same_unit(given, expected) {
        UnitMatch::Same
    } else {
        match find(analyte, given, expected) {
            Some((conversion, to_si)) => {
                UnitMatch::Convertible(UnitConversion { conversion, to_si })
            }
            None => UnitMatch::Different,
        }
    }
}

/// The conversion of an analyte between two units, and whether it goes
/// from the conventional unit to the SI unit.
pub fn find(analyte: &str, from: &str, to: &str) -> Option<(&'static Conversion, bool)> {
    let analyte = analyte.trim();
    let (from, to) = (normalize_unit(from), normalize_unit(to));
    CONVERSIONS
        .iter()
        .filter(|c| c.analyte.eq_ignore_ascii_case(analyte))
        .find_map(|c| {
            let (conventional, si) = (
                normalize_unit(c.conventional_unit),
                normalize_unit(c.si_unit),
            );
            if from == conventional && to == si {
                Some((c, true))
            } else if from == si && to == conventional {
                Some((c, false))
            } else {
                None
            }
        })
}

/// Converts an analyte's value from one unit to another, exactly.
///
/// The same unit (after [`normalize_unit`]) gives the value unchanged, for
/// any analyte. Otherwise the analyte's [`Conversion`] applies: a product is
/// exact, a quotient is rounded to the 28 significant digits of a decimal,
/// and the result carries no trailing zeros.
///
/// # Errors
///
/// [`Error::InvalidParameter`] named `unit` when [`CONVERSIONS`] has no
/// conversion of the analyte between the two units; [`Error::Overflow`] if
/// the result leaves the decimal range.
///
/// # Examples
///
/// ```
/// use eqa::plan::units::convert;
/// use rust_decimal::Decimal;
///
/// // Creatinine 1.2 mg/dL = 1.2 × 88.42 µmol/L.
/// let si = convert("CREA", Decimal::new(12, 1), "mg/dL", "umol/L")?;
/// assert_eq!(si, Decimal::new(106104, 3));
/// assert_eq!(convert("CREA", si, "µmol/L", "mg/dL")?, Decimal::new(12, 1));
/// // Glucose 90 mg/dL = 90 ÷ 18.016 mmol/L.
/// let glu = convert("GLU", Decimal::from(90), "mg/dL", "mmol/L")?;
/// assert!(glu.to_string().starts_with("4.99555950266429840142"));
/// assert_eq!(convert("GLU", glu, "mmol/L", "mg/dL")?.round_dp(20), Decimal::from(90));
/// assert_eq!(convert("K", Decimal::ONE, "mg/dL", "mmol/L").unwrap_err().code(), "invalid_parameter");
/// # Ok::<(), eqa::Error>(())
/// ```
pub fn convert(analyte: &str, value: Decimal, from: &str, to: &str) -> Result<Decimal> {
    match unit_match(analyte, from, to) {
        UnitMatch::Same => Ok(value),
        UnitMatch::Convertible(conversion) => conversion.apply(value),
        UnitMatch::Different => Err(Error::InvalidParameter {
            name: "unit",
            value: format!("{analyte}: {from} → {to}"),
            expected: "a pair of units that eqa::plan::units::CONVERSIONS converts for the analyte",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(text: &str) -> Decimal {
        text.parse().unwrap()
    }

    #[test]
    fn factors_are_the_quoted_ones() {
        let quoted: Vec<_> = CONVERSIONS
            .iter()
            .map(|c| (c.analyte, c.factor.to_string(), c.confirmed))
            .collect();
        assert!(quoted.contains(&("GLU", "18.016".into(), true)));
        assert!(quoted.contains(&("CREA", "88.42".into(), true)));
        assert!(quoted.contains(&("UREA", "0.357".into(), true)));
        assert!(quoted.contains(&("CA", "4.008".into(), true)));
        assert!(quoted.contains(&("P", "3.097".into(), true)));
        assert!(quoted.contains(&("TBIL", "17.1".into(), true)));
        assert!(quoted.contains(&("TC", "38.67".into(), false)));
        assert!(quoted.contains(&("TG", "88.57".into(), false)));
        assert!(quoted.contains(&("UA", "59.48".into(), false)));
    }

    #[test]
    fn every_row_is_distinct_and_sourced() {
        for (i, a) in CONVERSIONS.iter().enumerate() {
            assert!(!a.source.is_empty() && a.factor > Decimal::ZERO);
            assert_ne!(
                normalize_unit(a.conventional_unit),
                normalize_unit(a.si_unit)
            );
            for b in &CONVERSIONS[i + 1..] {
                assert_ne!(a.analyte, b.analyte);
            }
        }
    }

    #[test]
    fn directions_follow_the_factor() {
        assert_eq!(
            convert("UREA", d("2"), "mg/dL", "mmol/L").unwrap(),
            d("0.714")
        );
        assert_eq!(
            convert("TBIL", d("0.4"), "mg/dl", "μmol/L").unwrap(),
            d("6.84")
        );
        assert_eq!(
            convert("CA", d("0.25"), "mmol/L", "mg/dL").unwrap(),
            d("1.002")
        );
        assert_eq!(
            convert("ca", d("8.016"), "mg/dL", "mmol/L").unwrap(),
            d("2")
        );
        assert_eq!(convert("XYZ", d("1.50"), "a u", "A U").unwrap(), d("1.50"));
    }

    #[test]
    fn unknown_pairs_name_the_unit() {
        let err = convert("GLU", d("5"), "mg/dL", "µmol/L").unwrap_err();
        match err {
            Error::InvalidParameter { name, value, .. } => {
                assert_eq!(name, "unit");
                assert_eq!(value, "GLU: mg/dL → µmol/L");
            }
            other => panic!("unexpected {other:?}"),
        }
        let huge = Decimal::MAX;
        assert_eq!(
            convert("CREA", huge, "mg/dL", "umol/L").unwrap_err().code(),
            "overflow"
        );
    }
}
