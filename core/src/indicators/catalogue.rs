//! The national catalogue of clinical laboratory test items
//! (《医疗机构临床检验项目目录（2013年版）》): specialty (专业) → class (类) →
//! item (项目), each with a code.
//!
//! Hospitals tick the items they performed from this catalogue; the
//! indicators count catalogue items, not EQA analytes (domain §6.2).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::read_json;
use crate::error::Result;

/// The sample catalogue shipped with the crate (an excerpt).
const SAMPLE: &str = include_str!("../../data/catalogue/catalogue-2013-sample.json");

/// A catalogue of test items.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    /// Its title.
    #[serde(default)]
    pub name: String,
    /// Its edition, such as `2013`.
    #[serde(default)]
    pub edition: String,
    /// Where it comes from.
    #[serde(default)]
    pub source: String,
    /// Remarks, such as what is abridged.
    #[serde(default)]
    pub note: String,
    /// The specialties, in catalogue order.
    pub specialties: Vec<Specialty>,
}

/// A specialty (专业), such as 临床化学检验专业.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Specialty {
    /// Its code.
    pub code: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its classes.
    pub classes: Vec<ItemClass>,
}

/// A class (类) of a specialty, such as 血液一般检查.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemClass {
    /// Its code.
    pub code: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its items.
    pub items: Vec<CatalogueItem>,
}

/// A test item (项目), such as 血红蛋白测定 (Hb).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueItem {
    /// Its code, unique in the catalogue.
    pub code: String,
    /// Its name.
    #[serde(default)]
    pub name: String,
    /// Its usual abbreviation, such as `Hb`.
    #[serde(default)]
    pub abbreviation: Option<String>,
}

/// An item with the specialty and class it belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ItemPlace<'a> {
    /// The specialty.
    pub specialty: &'a Specialty,
    /// The class.
    pub class: &'a ItemClass,
    /// The item.
    pub item: &'a CatalogueItem,
}

impl Catalogue {
    /// Reads a catalogue from JSON text.
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidDocument`] naming the path of the first bad
    /// field. Duplicate codes are not errors: [`super::validate_inputs`]
    /// reports them.
    pub fn from_json(text: &str) -> Result<Catalogue> {
        read_json(text)
    }

    /// The sample catalogue shipped with the crate: an excerpt of the 2013
    /// catalogue covering the items of the sample mapping's programs and a
    /// few items without EQA. Its codes are its own numbering
    /// (specialty.class.item), not the official one (UNCONFIRMED).
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidDocument`] if the embedded file were unreadable
    /// (a test guards against it).
    ///
    /// # Examples
    ///
    /// ```
    /// let catalogue = eqa::indicators::Catalogue::sample()?;
    /// assert_eq!(catalogue.item("01.01.001").map(|i| i.name.as_str()), Some("血红蛋白测定"));
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn sample() -> Result<Catalogue> {
        read_json(SAMPLE)
    }

    /// Every item with its specialty and class, in catalogue order.
    pub fn items(&self) -> impl Iterator<Item = ItemPlace<'_>> {
        self.specialties.iter().flat_map(|specialty| {
            specialty.classes.iter().flat_map(move |class| {
                class.items.iter().map(move |item| ItemPlace {
                    specialty,
                    class,
                    item,
                })
            })
        })
    }

    /// The item with this code (the first, if the code is repeated).
    pub fn item(&self, code: &str) -> Option<&CatalogueItem> {
        self.items().map(|p| p.item).find(|i| i.code == code)
    }

    /// An index from item code to item (the first of a repeated code).
    pub fn index(&self) -> BTreeMap<&str, &CatalogueItem> {
        let mut index = BTreeMap::new();
        for place in self.items() {
            index.entry(place.item.code.as_str()).or_insert(place.item);
        }
        index
    }
}
