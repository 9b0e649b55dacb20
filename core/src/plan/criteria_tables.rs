//! The criteria tables shipped with the crate (domain §5.1–§5.3), kept as
//! JSON under `core/data/criteria/` and read with [`Criteria::from_json`].
//!
//! | constructor | provider, year | programs |
//! | --- | --- | --- |
//! | [`Criteria::nccl_2024`] | `NCCL`, 2024 | `NCCL-C-01`/`NCCL-C-02` routine and dry chemistry, `NCCL-C-03` cardiac markers, `NCCL-C-04` lipids, `NCCL-C-05` blood gas, `NCCL-C-06` special proteins |
//! | [`Criteria::clia_2024`] | `CLIA`, 2024 | `chemistry`, `endocrinology`, `hematology`, `coagulation`, `immunohematology` |
//! | [`Criteria::builtin`] | both | all of the above |
//!
//! The NCCL numbers are those of the retrieved 2024 criteria [NCCL-2024] and
//! are marked confirmed; they equal the WS/T 403-2012 allowable total errors
//! (each criterion's `note` says so). The CLIA 2024 numbers ([FR-2022]) are
//! confirmed only where the domain cross-checked them; every other one is a
//! default to verify (its `note` starts with `UNCONFIRMED`). CLIA limits
//! given in mg/dL are stored in the SI unit of Chinese reports, with the
//! original in `note`.
//!
//! A provincial centre that scores with NCCL's limits under its own program
//! codes uses [`CriteriaTable::adopted_by`].

use crate::error::Result;
use crate::plan::criteria::{Criteria, CriteriaTable};

/// The NCCL 2024 tables as JSON (a [`Criteria`] document).
pub const NCCL_2024_JSON: &str = include_str!("../../data/criteria/nccl-2024.json");

/// The CLIA 2024 tables as JSON (a [`Criteria`] document).
pub const CLIA_2024_JSON: &str = include_str!("../../data/criteria/clia-2024.json");

impl Criteria {
    /// The NCCL 2024 acceptance limits (《2024年国家卫生健康委临床检验中心
    /// 室间质量评价标准》), one table per program group.
    ///
    /// # Errors
    ///
    /// [`crate::Error::InvalidDocument`] if the shipped JSON were invalid;
    /// the crate's tests read it, so this does not happen in a release.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::plan::criteria::Criteria;
    /// use eqa::plan::limits::AcceptanceLimit;
    /// use rust_decimal::Decimal;
    ///
    /// let nccl = Criteria::nccl_2024()?;
    /// let (table, k) = nccl.find("NCCL", 2025, "NCCL-C-01", "K").expect("potassium");
    /// assert_eq!(table.year, 2024);
    /// assert_eq!(k.limit, AcceptanceLimit::Percent { percent: Decimal::from(6) });
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn nccl_2024() -> Result<Criteria> {
        Criteria::from_json(NCCL_2024_JSON)
    }

    /// The CLIA 2024 acceptance limits (42 CFR 493 as amended by 87 FR 41194,
    /// effective 11 July 2024), one table per subspecialty.
    ///
    /// # Errors
    ///
    /// As [`Criteria::nccl_2024`].
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::plan::criteria::Criteria;
    ///
    /// let clia = Criteria::clia_2024()?;
    /// let (_, glu) = clia.find("CLIA", 2024, "chemistry", "GLU").expect("glucose");
    /// assert_eq!(glu.limit.to_string(), "±max(0.33, 8%)");
    /// assert!(glu.confirmed);
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn clia_2024() -> Result<Criteria> {
        Criteria::from_json(CLIA_2024_JSON)
    }

    /// Every shipped table: NCCL 2024, then CLIA 2024.
    ///
    /// # Errors
    ///
    /// As [`Criteria::nccl_2024`].
    ///
    /// # Examples
    ///
    /// ```
    /// let all = eqa::plan::criteria::Criteria::builtin()?;
    /// assert!(all.find("NCCL", 2024, "NCCL-C-05", "PCO2").is_some());
    /// assert!(all.find("CLIA", 2024, "hematology", "HB").is_some());
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn builtin() -> Result<Criteria> {
        let mut all = Criteria::nccl_2024()?;
        all.tables.extend(Criteria::clia_2024()?.tables);
        Ok(all)
    }
}

impl CriteriaTable {
    /// This table as adopted by another provider for its own programs from
    /// `year` on (a provincial centre scoring with NCCL's limits): the same
    /// criteria with their own sources, under the new provider, year and
    /// programs; the table's source keeps the original and says where it was
    /// adopted from.
    ///
    /// # Examples
    ///
    /// ```
    /// use eqa::plan::criteria::Criteria;
    ///
    /// let nccl = Criteria::nccl_2024()?;
    /// let chemistry = nccl.tables.iter().find(|t| t.programs.contains(&"NCCL-C-01".into()));
    /// let cq = chemistry.expect("NCCL-C-01").adopted_by("CQ", 2026, ["CQ-01"]);
    /// assert_eq!((cq.provider.as_str(), cq.year), ("CQ", 2026));
    /// assert!(cq.source.starts_with("[NCCL-2024]"));
    /// assert!(cq.source.contains("adopted by CQ 2026 from NCCL 2024"));
    /// let adopted = Criteria { tables: vec![cq] };
    /// assert!(adopted.find("CQ", 2026, "CQ-01", "GLU").is_some());
    /// # Ok::<(), eqa::Error>(())
    /// ```
    pub fn adopted_by<I, S>(&self, provider: &str, year: i32, programs: I) -> CriteriaTable
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let source = format!(
            "{}; adopted by {provider} {year} from {} {} ({})",
            self.source,
            self.provider,
            self.year,
            self.programs.join(", ")
        );
        CriteriaTable {
            provider: provider.to_owned(),
            year,
            programs: programs.into_iter().map(Into::into).collect(),
            name: self.name.clone(),
            source,
            criteria: self.criteria.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_json_reads() {
        let nccl = Criteria::nccl_2024();
        assert!(nccl.is_ok(), "{nccl:?}");
        let clia = Criteria::clia_2024();
        assert!(clia.is_ok(), "{clia:?}");
        let all = Criteria::builtin().unwrap();
        assert_eq!(all.tables.len(), 10);
    }

    #[test]
    fn no_table_repeats_an_analyte() {
        for table in Criteria::builtin().unwrap().tables {
            let mut codes: Vec<_> = table.criteria.iter().map(|c| &c.analyte).collect();
            let n = codes.len();
            codes.sort();
            codes.dedup();
            assert_eq!(codes.len(), n, "{:?}", table.programs);
        }
    }

    #[test]
    fn no_two_tables_share_a_program() {
        let all = Criteria::builtin().unwrap();
        let mut keys: Vec<_> = all
            .tables
            .iter()
            .flat_map(|t| t.programs.iter().map(|p| (t.provider.clone(), t.year, p)))
            .collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n);
    }
}
