//! Hospital EQA indicators (domain §6): the participation rate (参加率), the
//! pass and fail rates (合格率, 不合格率), the alternative assessment usage
//! rate (替代评价方法使用率) and the number of items passing national EQA
//! (tertiary indicator #13), per hospital and year, and their distributions
//! over a provider's hospitals.
//!
//! The unit counted is the catalogue item of 《医疗机构临床检验项目目录
//! （2013年版）》 ([`Catalogue`]), not the EQA analyte: a [`Mapping`] sends
//! each (provider, program, analyte) to one item. For hospital `H`, year `Y`
//! and a [`ProviderScope`] `P`:
//!
//! ```text
//! Performed    = items ticked by any laboratory of H
//! Offered      = items the providers in P map an analyte to
//! Participated = items with an outcome of H's laboratories in P that
//!                participates under the participation policy
//! 参加率   = |Participated ∩ Performed ∩ Offered| / |Performed ∩ Offered| × 100
//! 合格率   = |Passed| / |Participated, evaluated| × 100
//! 不合格率 = |Failed| / |Participated, evaluated| × 100
//! 替代评价方法使用率 = |NoEQA with alternative assessment| / |NoEQA| × 100,
//!                     NoEQA = Performed \ items offered by any provider
//! #13      = |Passed in national EQA|
//! ```
//!
//! The pass rate counts every item participated in scope, ticked or not
//! (an item reported but not ticked is flagged as
//! [`IssueKind::PerformedOmitsItem`]); the participation rate only counts
//! ticked items, as its definition requires.
//!
//! Every choice the official manuals would settle is a named policy
//! ([`IndicatorPolicies`]); the defaults are documented, UNCONFIRMED, and
//! echoed in every result:
//!
//! | policy | default | alternatives |
//! | --- | --- | --- |
//! | [`YearPassPolicy`] | every scored round satisfactory | not unsuccessful (2 consecutive / 2 of 3); majority of rounds |
//! | [`ParticipationPolicy`] | enrolled | returned |
//! | [`CombinationPolicy`] | all programs and laboratories must pass | any passes |
//! | [`UnscoredPolicy`] | excluded from the pass rate | counted as failed |
//! | [`AlternativeCounting`] | used (any event in the year) | meets the rule |
//! | [`AlternativeRule`] | ≥ 5 samples, ≥ 2 events, ≥ 80 % agreement | any numbers |
//!
//! Every [`Indicator`] carries its numerator and denominator, the item
//! codes behind both, and the policies it depends on. Problems in the
//! inputs (unknown codes, unmapped analytes, duplicates, performed lists
//! missing reported items) are listed by [`validate_inputs`] with their
//! locations and never dropped. `docs/indicators.md` works an example
//! through step by step.
//!
//! # Examples
//!
//! ```
//! use eqa::scoring::Outcome::{NotReturned as R, Satisfactory as S};
//! use eqa::indicators::*;
//!
//! let hospital = Hospital::from_json(r#"{"code": "H1", "level": "secondary", "year": 2025,
//!   "laboratories": [{"name": "检验科", "codes": [{"provider": "CQCCL", "lab": "CQ-01"}],
//!                     "performed": ["02.04.001", "02.05.001"]}]}"#)?;
//! let outcome = |analyte: &str, rounds| ItemOutcome {
//!     provider: "CQCCL".into(), program: "C1".into(), analyte: analyte.into(),
//!     lab: "CQ-01".into(), year: Some(2025), rounds,
//! };
//! let outcomes = [outcome("K", vec![S, S]), outcome("ALT", vec![R, R])];
//! let scope = ProviderScope::Province("CQCCL".into());
//! let (catalogue, mapping) = (Catalogue::sample()?, Mapping::sample()?);
//!
//! let enrolled = hospital_indicators(&catalogue, &mapping, &hospital, &outcomes, &scope,
//!                                    &IndicatorPolicies::default())?;
//! assert_eq!(enrolled.participation_rate.value, Some(100.0));
//! assert_eq!(enrolled.pass_rate.value, Some(50.0)); // ALT was never returned: failed
//!
//! let returned = IndicatorPolicies { participation: ParticipationPolicy::Returned, ..Default::default() };
//! let r = hospital_indicators(&catalogue, &mapping, &hospital, &outcomes, &scope, &returned)?;
//! assert_eq!(r.participation_rate.value, Some(50.0));
//! assert_eq!(r.pass_rate.value, Some(100.0));
//! assert_eq!(r.pass_rate.policies["participation"], "returned");
//! # Ok::<(), eqa::Error>(())
//! ```

mod aggregate;
mod alternative;
mod catalogue;
mod checks;
mod inputs;
mod issues;
mod items;
mod mapping;
mod policy;
mod rates;
mod tables;
mod validate;

pub use aggregate::{
    Band, Distribution, FailedItem, GroupSummary, HospitalGroup, ProviderReport,
    provider_indicators,
};
pub use alternative::{
    AlternativeAssessment, AlternativeEvent, AlternativeMethod, AlternativeSummary, date_year,
    summarise,
};
pub use catalogue::{Catalogue, CatalogueItem, ItemClass, ItemPlace, Specialty};
pub use inputs::{Hospital, HospitalLevel, ItemOutcome, LabCode, Laboratory, item_outcomes};
pub use issues::{Issue, IssueKind, ValidationReport};
pub use items::{Coverage, ItemResult, ItemStatus, OutcomeUse};
pub use mapping::{Mapping, MappingEntry, ProviderScope};
pub use policy::{
    AlternativeCounting, AlternativeRule, CombinationPolicy, IndicatorPolicies,
    ParticipationPolicy, UnscoredPolicy, YearPassPolicy, YearVerdict,
};
pub use rates::{HospitalIndicators, Indicator, IndicatorKind, hospital_indicators};
pub use tables::ReportTable;
pub use validate::validate_inputs;

use crate::error::{Error, Result};

/// Reads a document from JSON text, naming the path of a bad field.
fn read_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| Error::InvalidDocument {
        path: e.path().to_string(),
        message: e.inner().to_string(),
    })
}
