//! Which texts are units: the vocabulary a plan's and a criteria table's
//! units are checked against, so that a typing slip (`mmol/LL`, `mg/dl%`)
//! is refused when the document loads instead of failing every laboratory
//! with `wrong_unit`.
//!
//! A unit is read after [`normalize_unit`] (so `µ`, `μ` and `u`, letter case
//! and blanks do not matter) and is known when it is
//! * a quantity per volume, mass, amount or time: an SI prefix (`k`, `m`,
//!   `u`, `n`, `p`, `f`, `d`, `c`, or none) on `mol`, `g`, `U` (or `IU`),
//!   `kat`, `eq`, `osm`, `copies` or `cells`, over a prefixed `L`, `g`,
//!   `mol`, `h`, `min`, `d` or `24h` (`mmol/L`, `µmol/L`, `mg/dL`, `U/L`,
//!   `mIU/mL`, `mmol/mol`, `mg/24h`);
//! * a count per litre with a power of ten (`10^9/L`, `10*12/L`, `×10⁹/L`);
//! * one of the words of laboratory medicine without that shape: `%`, `‰`,
//!   `s`, `sec`, `min`, `h`, `mm/h`, `fL`, `pg`, `g`, `mmHg`, `kPa`, `pH`,
//!   `INR`, `ratio`, `index`, `S/CO`, `COI`, `AU/mL`, `mOsm/kg`, `mL/min`,
//!   `mL/min/1.73m²`, `/µL`, `/HPF`, `/LPF`, `titer`.
//!
//! A plan lists in `units` any other unit it uses on purpose.

use crate::plan::units::normalize_unit;

/// Units of laboratory medicine that are not a prefixed quantity over a
/// prefixed quantity, normalized.
const WORDS: [&str; 30] = [
    "%",
    "‰",
    "s",
    "sec",
    "min",
    "h",
    "mm/h",
    "fl",
    "pg",
    "g",
    "mmhg",
    "kpa",
    "ph",
    "inr",
    "ratio",
    "index",
    "s/co",
    "coi",
    "au/ml",
    "u/ml",
    "mosm/kg",
    "mosm/kgh2o",
    "ml/min",
    "ml/min/1.73m2",
    "ml/min/1.73m²",
    "/ul",
    "/hpf",
    "/lpf",
    "titer",
    "cells/ul",
];

const PREFIXES: [&str; 9] = ["", "k", "m", "u", "n", "p", "f", "d", "c"];
const QUANTITIES: [&str; 8] = ["mol", "g", "u", "kat", "eq", "osm", "copies", "cells"];
const PER: [&str; 7] = ["l", "g", "mol", "h", "min", "d", "24h"];

/// Whether `text` is `prefix` + one of `bases`.
fn prefixed(text: &str, bases: &[&str]) -> bool {
    PREFIXES.iter().any(|p| {
        text.strip_prefix(p)
            .is_some_and(|rest| bases.contains(&rest))
    })
}

/// A power of ten as written before `/l`: `10^9`, `10*9`, `×10^9`, `x10⁹`.
fn power_of_ten(text: &str) -> bool {
    let text = text
        .strip_prefix('×')
        .or_else(|| text.strip_prefix('x'))
        .unwrap_or(text);
    let Some(exponent) = text
        .strip_prefix("10^")
        .or_else(|| text.strip_prefix("10*"))
        .or_else(|| text.strip_prefix("10e"))
        .or_else(|| text.strip_prefix("10"))
    else {
        return false;
    };
    !exponent.is_empty()
        && exponent
            .chars()
            .all(|c| c.is_ascii_digit() || "⁰¹²³⁴⁵⁶⁷⁸⁹".contains(c))
}

/// Whether `unit` is a unit of the vocabulary (see the module's text).
///
/// # Examples
///
/// ```
/// use eqa::plan::unit_names::known_unit;
///
/// for unit in ["mmol/L", "μmol/l", "umol/L", "mg/dL", "IU/L", "mIU/mL", "10^9/L", "%", "INR", "s"] {
///     assert!(known_unit(unit), "{unit}");
/// }
/// for unit in ["mmol/LL", "mg/dl%", "mmo/L", "g/"] {
///     assert!(!known_unit(unit), "{unit}");
/// }
/// ```
pub fn known_unit(unit: &str) -> bool {
    let unit = normalize_unit(unit);
    if WORDS.contains(&unit.as_str()) {
        return true;
    }
    match unit.split_once('/') {
        Some((top, "l")) if power_of_ten(top) => true,
        Some((top, bottom)) => prefixed(top, &QUANTITIES) && prefixed(bottom, &PER),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_units_of_the_criteria_tables_and_the_synthetic_plan_are_known() {
        for unit in [
            "mmol/L",
            "µmol/L",
            "g/L",
            "U/L",
            "%",
            "mg/dL",
            "ng/mL",
            "pg/mL",
            "µg/L",
            "nmol/L",
            "pmol/L",
            "mIU/L",
            "µIU/mL",
            "IU/mL",
            "kU/L",
            "mmol/mol",
            "g/dL",
            "10^12/L",
            "fL",
            "×10⁹/L",
            "mg/24h",
            "copies/mL",
            "cells/µL",
        ] {
            assert!(known_unit(unit), "{unit}");
        }
    }

    #[test]
    fn slips_are_not_units() {
        for unit in [
            "mmol/LL", "mmol", "mg/dl%", "10^/L", "mmol/L/L", "/", "umol/Lx",
        ] {
            assert!(!known_unit(unit), "{unit}");
        }
    }
}
