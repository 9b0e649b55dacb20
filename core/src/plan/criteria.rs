//! Acceptance criteria (评价标准) as versioned data.
//!
//! A [`CriteriaTable`] belongs to a provider, a year and the programs it
//! applies to, and cites its source; each [`Criterion`] says whether its
//! numbers were confirmed against that source. A table applies from its
//! year until a later table of the same provider and program replaces it.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::plan::limits::AcceptanceLimit;
use crate::plan::unit_names::known_unit;

/// The acceptance limit of one analyte in a criteria table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// The analyte's code, as in the plan.
    pub analyte: String,
    /// The analyte's name.
    #[serde(default)]
    pub name: String,
    /// The unit the limit's absolute parts are in.
    #[serde(default)]
    pub unit: Option<String>,
    /// The limit.
    pub limit: AcceptanceLimit,
    /// The PT score the analyte needs in a round, in percent, where the
    /// source sets one other than the program's (100 for ABO and RhD
    /// typing, antibody screening and compatibility testing); an analyte's
    /// own `pass_threshold` in the plan overrides it.
    #[serde(default)]
    pub pass_threshold: Option<Decimal>,
    /// Where the limit comes from (a citation key of `domain.md` §1, a
    /// document and clause).
    pub source: String,
    /// Whether the number was checked against its source; unconfirmed
    /// limits are defaults to verify before use.
    pub confirmed: bool,
    /// Remarks, such as a conversion made to SI units.
    #[serde(default)]
    pub note: String,
}

/// A versioned table of criteria.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CriteriaTable {
    /// The provider's code (`NCCL`, `CLIA`, a province's centre).
    pub provider: String,
    /// The year it applies from.
    pub year: i32,
    /// The program codes it applies to.
    pub programs: Vec<String>,
    /// Its title.
    #[serde(default)]
    pub name: String,
    /// Its source document.
    pub source: String,
    /// The criteria.
    pub criteria: Vec<Criterion>,
}

/// Criteria tables to look limits up in.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criteria {
    /// The tables.
    pub tables: Vec<CriteriaTable>,
}

impl Criteria {
    /// Reads criteria tables from JSON: a [`Criteria`] object or a single
    /// table.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDocument`] naming the path of the first bad field,
    /// or of a limit whose numbers are out of their domain.
    pub fn from_json(text: &str) -> Result<Criteria> {
        let value: serde_json::Value =
            serde_json::from_str(text).map_err(|e| Error::InvalidDocument {
                path: ".".into(),
                message: e.to_string(),
            })?;
        let criteria = if value.get("tables").is_some() {
            read::<Criteria>(text)?
        } else {
            Criteria {
                tables: vec![read::<CriteriaTable>(text)?],
            }
        };
        criteria.check()?;
        Ok(criteria)
    }

    /// Checks every limit's numbers, pass threshold and unit.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidDocument`] naming the first bad limit.
    pub fn check(&self) -> Result<()> {
        for (i, table) in self.tables.iter().enumerate() {
            for (j, c) in table.criteria.iter().enumerate() {
                c.limit.check().map_err(|e| Error::InvalidDocument {
                    path: format!("tables[{i}].criteria[{j}].limit"),
                    message: e.to_string(),
                })?;
                if let Some(unit) = c.unit.as_deref().filter(|u| !u.trim().is_empty())
                    && !known_unit(unit)
                {
                    return Err(Error::InvalidDocument {
                        path: format!("tables[{i}].criteria[{j}].unit"),
                        message: format!("{unit:?} is not a unit eqa knows"),
                    });
                }
                if let Some(t) = c.pass_threshold
                    && !(Decimal::ZERO..=Decimal::ONE_HUNDRED).contains(&t)
                {
                    return Err(Error::InvalidDocument {
                        path: format!("tables[{i}].criteria[{j}].pass_threshold"),
                        message: format!("{t} is not a percentage from 0 to 100"),
                    });
                }
            }
        }
        Ok(())
    }

    /// The criterion of an analyte for a provider's program in a year: from
    /// the table of that provider and program with the latest year not after
    /// `year`.
    pub fn find(
        &self,
        provider: &str,
        year: i32,
        program: &str,
        analyte: &str,
    ) -> Option<(&CriteriaTable, &Criterion)> {
        self.tables
            .iter()
            .filter(|t| t.provider == provider && t.year <= year)
            .filter(|t| t.programs.iter().any(|p| p == program))
            .max_by_key(|t| t.year)
            .and_then(|t| {
                t.criteria
                    .iter()
                    .find(|c| c.analyte == analyte)
                    .map(|c| (t, c))
            })
    }
}

fn read<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| Error::InvalidDocument {
        path: e.path().to_string(),
        message: e.inner().to_string(),
    })
}
