//! Performance over consecutive rounds and certificates for JavaScript:
//! `performanceHistory`, `histories` and `certificates` (domain §3.4, §4.7).
//!
//! Scorings arrive as the plain objects (or JSON text) that `scoreRound`
//! returns, with the core's snake_case keys; options are camelCase. The
//! option reading is plain Rust, tested natively; the exports gather the
//! option values and hand them to the core.

#![allow(
    unreachable_pub,
    reason = "wasm-bindgen exports only `pub` functions; the module itself is private"
)]

use eqa::Error;
use eqa::history::HistoryRule;
use eqa::history::{CertificatePolicy, CertificateScope};
use eqa::scoring::{Outcome, RoundScoring};
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::prelude::*;

use crate::document::{from_js, to_doc};
use crate::options::{Given, choice, not_options, set, whole};
use crate::{fail, given, throw};

/// The TypeScript declarations of this file's exports.
#[wasm_bindgen(typescript_custom_section)]
const HISTORY_TYPES: &str = DECLARATIONS;

/// The text of the custom section above, which the tests read too.
#[cfg_attr(
    not(test),
    allow(
        dead_code,
        reason = "the custom section reads it at compile time, which the lint does not see"
    )
)]
const DECLARATIONS: &str = r#"
/** The status of a round in a history; excused and unscored rounds are skipped. */
export type HistoryStatus = "satisfactory" | "unsatisfactory" | "unsuccessful" | "no_score" | "excused";

/** When a run of unsatisfactory rounds is unsuccessful (CLIA §493.845(f)-(g); UNCONFIRMED for China). */
export interface HistoryOptions {
  /** This many unsatisfactory counted rounds in a row (at least 1); default 2. */
  consecutive?: number;
  /** [k, n]: k unsatisfactory among the last n counted rounds (1 ≤ k ≤ n); default [2, 3]; `null` for no such rule. */
  kOfN?: readonly [number, number] | null;
}

/** One laboratory's history for an analyte, or for the program (`analyte` null). */
export interface LabHistory {
  lab: string;
  analyte: string | null;
  /** The rounds in which the laboratory has a score, in the order given. */
  rounds: string[];
  outcomes: Outcome[];
  statuses: HistoryStatus[];
  unsuccessful: boolean;
}

/** When an analyte passes for a certificate (UNCONFIRMED; domain §3.4). */
export type CertificatePolicy = "all_rounds_satisfactory" | "not_unsuccessful";

/** Which laboratories get a certificate (UNCONFIRMED; domain §3.4). */
export type CertificateScope = "passed_analytes" | "all_analytes";

/** Options of `certificates`. */
export interface CertificateOptions extends HistoryOptions {
  /** The program's code; scorings of other programs are not read. */
  program: string;
  /** Default `"all_rounds_satisfactory"`. */
  policy?: CertificatePolicy;
  /** Default `"passed_analytes"`: a certificate listing the analytes passed, though another failed. */
  scope?: CertificateScope;
}

/** A laboratory's certificate: eligible with at least one passed analyte (and, under scope `"all_analytes"`, no failed one). */
export interface Certificate {
  lab: string;
  program: string;
  policy: CertificatePolicy;
  scope: CertificateScope;
  eligible: boolean;
  analytes_passed: string[];
  analytes_failed: string[];
  /** Analytes whose every round was excused or unscored. */
  analytes_not_scored: string[];
  /** The rounds in which the laboratory has a score. */
  rounds: number;
}
"#;

/// The status of each round of one history: a round is unsuccessful when it
/// is unsatisfactory (or not returned, or late) and completes a run the
/// rule forbids; excused and unscored rounds are skipped.
///
/// Throws `InvalidInputError` for an unknown outcome (its index as path),
/// `InvalidParameterError` for a bad option.
#[wasm_bindgen(js_name = performanceHistory, unchecked_return_type = "HistoryStatus[]")]
pub fn performance_history(
    #[wasm_bindgen(unchecked_param_type = "readonly Outcome[]")] outcomes: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "HistoryOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let outcomes: Vec<Outcome> = from_js(outcomes)?;
    let rule = read(options, &[])?.rule;
    let statuses = eqa::performance_history(&outcomes, &rule).map_err(fail)?;
    let names: Vec<&str> = statuses.into_iter().map(|s| s.as_str()).collect();
    to_doc(&names)
}

/// The histories of every laboratory for every analyte and for the program
/// over the scorings of one program's rounds, in round order.
///
/// Throws `InvalidInputError` (`invalid_document`) for scorings of
/// different programs, a round given twice or two scores of one laboratory
/// and analyte in a round; `InvalidParameterError` for a bad option.
#[wasm_bindgen(unchecked_return_type = "LabHistory[]")]
pub fn histories(
    #[wasm_bindgen(unchecked_param_type = "readonly RoundScoring[] | string")] scorings: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "HistoryOptions")] options: Option<JsValue>,
) -> Result<JsValue, JsValue> {
    let scorings: Vec<RoundScoring> = from_js(scorings)?;
    let rule = read(options, &[])?.rule;
    to_doc(&eqa::histories(&scorings, &rule).map_err(fail)?)
}

/// The certificate of every laboratory of a program from its rounds'
/// scorings in round order.
///
/// Throws as `histories`, and `InvalidParameterError` for a missing
/// `program` or an unknown `policy`.
#[wasm_bindgen(unchecked_return_type = "Certificate[]")]
pub fn certificates(
    #[wasm_bindgen(unchecked_param_type = "readonly RoundScoring[] | string")] scorings: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CertificateOptions")] options: JsValue,
) -> Result<JsValue, JsValue> {
    let scorings: Vec<RoundScoring> = from_js(scorings)?;
    let read = read(Some(options), &["program", "policy", "scope"])?;
    let program = program(read.program).map_err(fail)?;
    let mut policy = CertificatePolicy::default();
    set(&mut policy, Some(read.policy), |g| choice("policy", g)).map_err(fail)?;
    let mut scope = CertificateScope::default();
    set(&mut scope, Some(read.scope), |g| choice("scope", g)).map_err(fail)?;
    let all = eqa::certificates(&program, &scorings, policy, scope, &read.rule).map_err(fail)?;
    to_doc(&all)
}

/// The options of the three functions, read.
struct Read {
    rule: HistoryRule,
    program: Given,
    policy: Given,
    scope: Given,
}

/// Reads an options object: `consecutive`, `kOfN` and the `extra` keys.
fn read(options: Option<JsValue>, extra: &[&str]) -> Result<Read, JsValue> {
    let mut read = Read {
        rule: HistoryRule::default(),
        program: Given::Nothing,
        policy: Given::Nothing,
        scope: Given::Nothing,
    };
    let Some(options) = options.filter(|o| !o.is_null() && !o.is_undefined()) else {
        return Ok(read);
    };
    if !options.is_object() || Array::is_array(&options) {
        return Err(throw(not_options(given(&options))));
    }
    let keys: Vec<String> = Object::keys(options.unchecked_ref::<Object>())
        .iter()
        .filter_map(|k| k.as_string())
        .collect();
    known(&keys, extra).map_err(throw)?;
    let get = |key: &str| Reflect::get(&options, &JsValue::from_str(key)).unwrap_or_default();
    let k_of_n = get("kOfN");
    let pair = if k_of_n.is_undefined() {
        Pair::Missing
    } else if k_of_n.is_null() {
        Pair::Null
    } else if let Some(array) = k_of_n.dyn_ref::<Array>().filter(|a| a.length() == 2) {
        Pair::Both(given(&array.get(0)), given(&array.get(1)))
    } else {
        Pair::Other(given(&k_of_n))
    };
    read.rule = rule(option(&get("consecutive")), pair).map_err(fail)?;
    read.program = option(&get("program"));
    read.policy = option(&get("policy"));
    read.scope = option(&get("scope"));
    Ok(read)
}

/// An option's value; `undefined` or `null` leave it at its default.
fn option(value: &JsValue) -> Given {
    if value.is_undefined() || value.is_null() {
        Given::Nothing
    } else {
        given(value)
    }
}

/// The `kOfN` option as given: left out, `null`, a pair, or anything else.
#[derive(Debug, Clone, PartialEq)]
enum Pair {
    Missing,
    Null,
    Both(Given, Given),
    Other(Given),
}

/// Refuses a key that is neither `consecutive`, `kOfN` nor one of `extra`.
fn known(keys: &[String], extra: &[&str]) -> Result<(), Error> {
    let expected = if extra.is_empty() {
        "consecutive or kOfN"
    } else {
        "program, policy, consecutive or kOfN"
    };
    match keys
        .iter()
        .find(|k| !["consecutive", "kOfN"].contains(&k.as_str()) && !extra.contains(&k.as_str()))
    {
        None => Ok(()),
        Some(key) => Err(Error::InvalidParameter {
            name: "option",
            value: format!("{key:?}"),
            expected,
        }),
    }
}

/// The rule: the core's defaults with the given options replaced. Ranges
/// (consecutive ≥ 1, 1 ≤ k ≤ n) are the core's to check.
fn rule(consecutive: Given, k_of_n: Pair) -> Result<HistoryRule, Error> {
    let mut rule = HistoryRule::default();
    set(&mut rule.consecutive, Some(consecutive), |g| {
        whole(&g).ok_or_else(|| Error::InvalidParameter {
            name: "consecutive",
            value: g.to_string(),
            expected: "a whole number from 1 to 4294967295",
        })
    })?;
    let refused = |g: &Given| Error::InvalidParameter {
        name: "k_of_n",
        value: g.to_string(),
        expected: "[k, n], whole numbers with 1 <= k <= n, or null",
    };
    let count = |g: Given| whole(&g).ok_or_else(|| refused(&g));
    rule.k_of_n = match k_of_n {
        Pair::Missing => rule.k_of_n,
        Pair::Null => None,
        Pair::Both(k, n) => Some((count(k)?, count(n)?)),
        Pair::Other(g) => return Err(refused(&g)),
    };
    Ok(rule)
}

/// The required `program` option.
fn program(given: Given) -> Result<String, Error> {
    match given {
        Given::Text(program) => Ok(program),
        other => Err(Error::InvalidParameter {
            name: "program",
            value: other.to_string(),
            expected: "the program's code, a string",
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use eqa::history::HistoryStatus;

    fn union_of(declaration: &str) -> Vec<&str> {
        let start = DECLARATIONS.find(declaration).unwrap();
        let line = &DECLARATIONS[start + declaration.len()..];
        let line = &line[..line.find(';').unwrap()];
        line.split('|')
            .map(|m| m.trim().trim_matches('"'))
            .collect()
    }

    #[test]
    fn typescript_names_are_the_cores() {
        let statuses: Vec<_> = HistoryStatus::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(union_of("type HistoryStatus ="), statuses);
        let policies: Vec<_> = CertificatePolicy::ALL.iter().map(|p| p.as_str()).collect();
        assert_eq!(union_of("type CertificatePolicy ="), policies);
        let scopes: Vec<_> = CertificateScope::ALL.iter().map(|s| s.as_str()).collect();
        assert_eq!(union_of("type CertificateScope ="), scopes);
        assert!(DECLARATIONS.contains("default 2. */\n  consecutive?"));
        assert_eq!(
            HistoryRule::default(),
            HistoryRule {
                consecutive: 2,
                k_of_n: Some((2, 3))
            }
        );
    }

    #[test]
    fn options_replace_the_defaults() {
        let n = Given::Number;
        let got = rule(Given::Nothing, Pair::Missing).unwrap();
        assert_eq!(got, HistoryRule::default());
        let got = rule(n(3.0), Pair::Null).unwrap();
        assert_eq!(
            got,
            HistoryRule {
                consecutive: 3,
                k_of_n: None
            }
        );
        let got = rule(Given::Nothing, Pair::Both(n(2.0), n(4.0))).unwrap();
        assert_eq!(got.k_of_n, Some((2, 4)));
    }

    #[test]
    fn bad_options_are_named() {
        let name = |e: Error| match e {
            Error::InvalidParameter { name, .. } => name,
            other => panic!("{other:?}"),
        };
        assert_eq!(
            name(rule(Given::Number(1.5), Pair::Missing).unwrap_err()),
            "consecutive"
        );
        let pair = Pair::Both(Given::Number(-1.0), Given::Number(3.0));
        assert_eq!(name(rule(Given::Nothing, pair).unwrap_err()), "k_of_n");
        let other = Pair::Other(Given::of_type("array"));
        assert_eq!(name(rule(Given::Nothing, other).unwrap_err()), "k_of_n");
        let number = Pair::Other(Given::Number(3.0));
        assert_eq!(name(rule(Given::Nothing, number).unwrap_err()), "k_of_n");
        assert_eq!(name(program(Given::Number(1.0)).unwrap_err()), "program");
        assert_eq!(name(known(&["window".into()], &[]).unwrap_err()), "option");
        assert!(known(&["kOfN".into(), "program".into()], &["program", "policy"]).is_ok());
    }
}
