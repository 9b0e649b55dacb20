//! The synthetic round generator for JavaScript: `syntheticRound`, computed
//! by [`eqa::synthetic::synthetic_round`].
//!
//! The options are read as [`Given`] values and checked to be whole
//! numbers here; their ranges are the core's to check. The result is a
//! plain object with the core's snake_case keys.

#![allow(
    unreachable_pub,
    reason = "wasm-bindgen exports only `pub` functions; the module itself is private"
)]

use std::collections::BTreeMap;

use eqa::Error;
use eqa::synthetic::SyntheticOptions;
use serde::Deserialize;
use serde::de::IgnoredAny;
use wasm_bindgen::prelude::*;

use crate::document::to_doc;
use crate::options::{Given, refuse_unknown, set};
use crate::{options_of, throw};

/// The TypeScript declarations of this file's export.
#[wasm_bindgen(typescript_custom_section)]
const SYNTHETIC_TYPES: &str = DECLARATIONS;

/// The text of the custom section above, which the tests read too.
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "the custom section reads it at compile time, which the lint does not see"
    )
)]
const DECLARATIONS: &str = r#"
/** Options of `syntheticRound`; a key left out keeps its default. */
export interface SyntheticOptions {
  /** Laboratories, 1 to 100000; default 300. */
  labs?: number;
  /** The seed, a whole number up to 2^53 − 1; default 2026. */
  seed?: number;
  /** Rounds of 5 samples, 1 to 12; default 3. */
  rounds?: number;
  /** Every laboratory performs every analyte (12000 labs: 1.8 M values a round); default false. */
  fullMenu?: boolean;
}

/** What went wrong, or differently, for a laboratory. */
export type IncidentKind =
  | "biased" | "not_returned" | "draft_only" | "resubmitted" | "late"
  | "glucose_in_mg_dl" | "creatinine_in_mg_dl" | "swapped_samples" | "transcription"
  | "unit_spelling" | "instrument_spelling" | "silent_enrolment" | "abo_mistyped";

/** One departure from a plain, correct, on-time submission. */
export interface Incident {
  kind: IncidentKind;
  lab: string;
  /** null for a bias that lasts the year. */
  round: string | null;
  /** The analytes affected; empty for all of the laboratory's. */
  analytes: string[];
  /** The samples affected; empty for all of the round's. */
  samples: string[];
  detail: string;
}

/** A generated plan (program "C1"), its criteria, a year of results and its incidents. */
export interface SyntheticRound {
  plan: Plan;
  criteria: Criteria;
  results: Results;
  incidents: Incident[];
}
"#;

/// A synthetic plan, its criteria and a year of results, from a seed:
/// CQCCL's 2026 routine-chemistry program `C1` with its laboratories and,
/// per round, a share of them not returned, saved as drafts, resubmitted,
/// late, reporting glucose or creatinine as mg/dL numbers, with swapped
/// samples or a slipped decimal point, each listed among the incidents.
/// The same options always give the same object.
///
/// Throws `InvalidParameterError` for an unknown option, a value that is not
/// a whole number, or one out of range (1 ≤ labs ≤ 100000, 1 ≤ rounds ≤ 12).
#[wasm_bindgen(js_name = syntheticRound, unchecked_return_type = "SyntheticRound")]
pub fn synthetic_round(
    #[wasm_bindgen(unchecked_optional_param_type = "SyntheticOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let options = options_of::<SyntheticOptionsDto>(options)?
        .into_core()
        .map_err(throw)?;
    to_doc(&eqa::synthetic::synthetic_round(&options).map_err(throw)?)
}

/// The options of `syntheticRound`, as given.
#[derive(Debug, Default, Deserialize)]
pub(crate) struct SyntheticOptionsDto {
    labs: Option<Given>,
    seed: Option<Given>,
    rounds: Option<Given>,
    #[serde(rename = "fullMenu")]
    full_menu: Option<Given>,
    #[serde(flatten)]
    unknown: BTreeMap<String, IgnoredAny>,
}

/// The largest whole number a JavaScript number holds exactly.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A whole number from 0 to 2^53 − 1.
fn whole(name: &'static str, given: Given, expected: &'static str) -> Result<u64, Error> {
    match given {
        Given::Number(x) if x.fract() == 0.0 && (0.0..=MAX_SAFE_INTEGER).contains(&x) => {
            Ok(x as u64)
        }
        other => Err(Error::InvalidParameter {
            name,
            value: other.to_string(),
            expected,
        }),
    }
}

impl SyntheticOptionsDto {
    /// The core's options: its defaults, with the given keys replaced.
    ///
    /// # Errors
    ///
    /// [`Error::InvalidParameter`] for an unknown key or a value that is
    /// not a whole number.
    pub(crate) fn into_core(self) -> Result<SyntheticOptions, Error> {
        refuse_unknown(&self.unknown, "labs, seed, rounds or fullMenu")?;
        let mut options = SyntheticOptions::default();
        let count = |name, expected| {
            move |g| whole(name, g, expected).map(|n| usize::try_from(n).unwrap_or(usize::MAX))
        };
        set(
            &mut options.labs,
            self.labs,
            count("labs", "a whole number from 1 to 100000"),
        )?;
        set(&mut options.seed, self.seed, |g| {
            whole("seed", g, "a whole number from 0 to 9007199254740991")
        })?;
        set(
            &mut options.rounds,
            self.rounds,
            count("rounds", "a whole number from 1 to 12"),
        )?;
        set(&mut options.full_menu, self.full_menu, |g| match g {
            Given::Bool(b) => Ok(b),
            other => Err(Error::InvalidParameter {
                name: "fullMenu",
                value: other.to_string(),
                expected: "true or false",
            }),
        })?;
        Ok(options)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(json: &str) -> Result<SyntheticOptions, Error> {
        serde_json::from_str::<SyntheticOptionsDto>(json)
            .unwrap()
            .into_core()
    }

    #[test]
    fn no_options_are_the_core_defaults() {
        assert_eq!(read("{}").unwrap(), SyntheticOptions::default());
        assert_eq!(
            read(r#"{"labs": 20, "seed": 9007199254740991, "rounds": null}"#).unwrap(),
            SyntheticOptions {
                labs: 20,
                seed: 9_007_199_254_740_991,
                rounds: 3,
                full_menu: false
            }
        );
    }

    #[test]
    fn values_that_are_not_whole_numbers_are_refused() {
        for (json, name) in [
            (r#"{"labs": 2.5}"#, "labs"),
            (r#"{"seed": -1}"#, "seed"),
            (r#"{"rounds": "3"}"#, "rounds"),
            (r#"{"lab": 3}"#, "option"),
        ] {
            match read(json) {
                Err(Error::InvalidParameter { name: n, .. }) => assert_eq!(n, name, "{json}"),
                other => panic!("{json}: {other:?}"),
            }
        }
    }

    #[test]
    fn declarations_name_every_incident_kind() {
        use eqa::synthetic::IncidentKind::*;
        for kind in [
            Biased,
            NotReturned,
            DraftOnly,
            Resubmitted,
            Late,
            GlucoseInMgDl,
            CreatinineInMgDl,
            SwappedSamples,
            Transcription,
            UnitSpelling,
            InstrumentSpelling,
            SilentEnrolment,
            AboMistyped,
        ] {
            let name = serde_json::to_string(&kind).unwrap();
            assert!(DECLARATIONS.contains(&name), "{name}");
        }
    }
}
