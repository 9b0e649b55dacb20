//! From EQA analytes to catalogue items, and which providers count.
//!
//! A [`Mapping`] maps each (provider, program, analyte) to one catalogue
//! item; an item may be covered by several programs (potassium in routine
//! chemistry and in blood gas) or providers. The items it maps to are the
//! items a provider offers EQA for (`Offered` of domain §6.3).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::read_json;
use crate::error::{Error, Result};
use crate::plan::model::{Provider, ProviderLevel};

/// The sample mapping shipped with the crate.
const SAMPLE: &str = include_str!("../../data/catalogue/mapping-sample.json");

/// A mapping of EQA analytes to catalogue items.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// Its title.
    #[serde(default)]
    pub name: String,
    /// The catalogue its item codes belong to.
    #[serde(default)]
    pub catalogue: String,
    /// Remarks.
    #[serde(default)]
    pub note: String,
    /// The providers and their levels (national or provincial), which decide
    /// the [`ProviderScope`]s they belong to.
    pub providers: Vec<Provider>,
    /// One entry per EQA analyte.
    pub entries: Vec<MappingEntry>,
}

/// One EQA analyte and the catalogue item it measures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MappingEntry {
    /// The provider's code, such as `CQCCL`.
    pub provider: String,
    /// The program's code, such as `C1`.
    pub program: String,
    /// The analyte's code, such as `K`.
    pub analyte: String,
    /// The catalogue item's code.
    pub item: String,
}

/// Whose EQA counts for an indicator.
///
/// Written as text: `national`, `province:<provider code>` or
/// `national_or_provincial`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum ProviderScope {
    /// The national centre(s): providers of level national (tertiary
    /// indicator #13, domain §6.2).
    National,
    /// One provincial centre, by its provider code (secondary indicator #12).
    Province(String),
    /// Any provider of the mapping, national or provincial.
    NationalOrProvincial,
}

impl fmt::Display for ProviderScope {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ProviderScope::National => f.write_str("national"),
            ProviderScope::Province(code) => write!(f, "province:{code}"),
            ProviderScope::NationalOrProvincial => f.write_str("national_or_provincial"),
        }
    }
}

impl FromStr for ProviderScope {
    type Err = Error;

    fn from_str(s: &str) -> Result<Self> {
        match s {
            "national" => Ok(ProviderScope::National),
            "national_or_provincial" => Ok(ProviderScope::NationalOrProvincial),
            _ => match s.strip_prefix("province:") {
                Some(code) if !code.is_empty() => Ok(ProviderScope::Province(code.to_owned())),
                _ => Err(Error::InvalidParameter {
                    name: "scope",
                    value: s.to_owned(),
                    expected: "\"national\", \"province:<provider code>\" or \"national_or_provincial\"",
                }),
            },
        }
    }
}

impl Serialize for ProviderScope {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for ProviderScope {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// A lookup key: provider, program, analyte.
pub(crate) type AnalyteKey<'a> = (&'a str, &'a str, &'a str);

impl Mapping {
    /// Reads a mapping from JSON text.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDocument`] naming the path of the first bad field.
    /// Unknown items and duplicate entries are not errors:
    /// [`super::validate_inputs`] reports them.
    pub fn from_json(text: &str) -> Result<Mapping> {
        read_json(text)
    }

    /// The sample mapping shipped with the crate: CQCCL's programs C1
    /// (routine chemistry), C3 (blood gas), H1 (blood count), H2
    /// (coagulation) and I1 (hepatitis B serology), and NCCL's
    /// NCCL-C-01, NCCL-C-05 (blood gas with Na, K, Cl), NCCL-H-01,
    /// NCCL-H-02 and NCCL-I-01, onto [`super::Catalogue::sample`].
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDocument`] if the embedded file were unreadable (a
    /// test guards against it).
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::indicators::{Mapping, ProviderScope};
    ///
    /// let mapping = Mapping::sample()?;
    /// assert_eq!(mapping.item("CQCCL", "C1", "K"), Some("02.04.001"));
    /// assert_eq!(mapping.item("NCCL", "NCCL-C-05", "K"), Some("02.04.001"));
    /// assert_eq!(mapping.offered(&"province:CQCCL".parse()?).len(), 50);
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn sample() -> Result<Mapping> {
        read_json(SAMPLE)
    }

    /// The item an analyte maps to (the first entry, if it is repeated).
    pub fn item(&self, provider: &str, program: &str, analyte: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|e| e.provider == provider && e.program == program && e.analyte == analyte)
            .map(|e| e.item.as_str())
    }

    /// An index from (provider, program, analyte) to item; the first entry
    /// of a repeated analyte wins.
    pub(crate) fn index(&self) -> BTreeMap<AnalyteKey<'_>, &str> {
        let mut index = BTreeMap::new();
        for e in &self.entries {
            index
                .entry((e.provider.as_str(), e.program.as_str(), e.analyte.as_str()))
                .or_insert(e.item.as_str());
        }
        index
    }

    /// The level of a provider, when the mapping lists it.
    pub fn level(&self, provider: &str) -> Option<ProviderLevel> {
        self.providers
            .iter()
            .find(|p| p.code == provider)
            .map(|p| p.level)
    }

    /// Whether a provider's EQA counts under a scope. A provider the mapping
    /// does not list is in [`ProviderScope::NationalOrProvincial`] and in the
    /// [`ProviderScope::Province`] of its own code, never in
    /// [`ProviderScope::National`].
    pub fn in_scope(&self, provider: &str, scope: &ProviderScope) -> bool {
        match scope {
            ProviderScope::National => self.level(provider) == Some(ProviderLevel::National),
            ProviderScope::Province(code) => provider == code,
            ProviderScope::NationalOrProvincial => true,
        }
    }

    /// The items offered by the providers in scope.
    pub fn offered(&self, scope: &ProviderScope) -> BTreeSet<&str> {
        self.entries
            .iter()
            .filter(|e| self.in_scope(&e.provider, scope))
            .map(|e| e.item.as_str())
            .collect()
    }
}
