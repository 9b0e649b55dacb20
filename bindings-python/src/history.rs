//! `performance_history`, `histories` and `certificates`: performance over
//! consecutive rounds and certificates (domain §3.4, §4.7), computed by
//! [`eqa::history`] and [`eqa::history`]. Scorings arrive as the dicts
//! (or JSON text) that `score_round` returns; results leave as dicts.

use eqa::history::HistoryRule;
use eqa::history::{CertificatePolicy, CertificateScope};
use eqa::scoring::{Outcome, RoundScoring};
use pyo3::prelude::*;

use crate::document::{from_py, to_py};
use crate::errors::CoreError;
use crate::options::{Named, count};

/// The `consecutive` option.
fn consecutive(ob: &Bound<'_, PyAny>) -> PyResult<u32> {
    count("consecutive", ob)
}

/// The `k_of_n` option: `None`, or a pair `(k, n)` of whole numbers.
fn k_of_n(ob: &Bound<'_, PyAny>) -> PyResult<Option<(u32, u32)>> {
    if ob.is_none() {
        return Ok(None);
    }
    let pair: Vec<Bound<'_, PyAny>> = ob.extract().map_err(|_| not_a_pair(ob))?;
    match pair.as_slice() {
        [k, n] => Ok(Some((count("k_of_n", k)?, count("k_of_n", n)?))),
        _ => Err(not_a_pair(ob)),
    }
}

fn not_a_pair(ob: &Bound<'_, PyAny>) -> PyErr {
    let value = ob.repr().map(|r| r.to_string()).unwrap_or_default();
    CoreError(eqa::Error::InvalidParameter {
        name: "k_of_n",
        value,
        expected: "None or a pair (k, n) of whole numbers with 1 <= k <= n",
    })
    .into()
}

/// The status of each round of one history, in the order given:
/// "satisfactory", "unsatisfactory", "unsuccessful", "no_score" or
/// "excused". outcomes are the rounds' outcomes ("satisfactory",
/// "unsatisfactory", "not_returned", "late", "no_score", "excused"); a round
/// is unsuccessful when it is unsatisfactory (or not returned, or late) and
/// the last `consecutive` counted rounds (default 2) are all unsatisfactory,
/// or the last n hold at least k unsatisfactory ones (k_of_n, default
/// (2, 3); None for no such rule). Excused and unscored rounds are skipped.
/// CLIA 42 CFR 493.845(f)-(g); UNCONFIRMED for Chinese schemes.
///
/// Raises InvalidInputError for an unknown outcome (invalid_document, with
/// its index as path), InvalidParameterError for consecutive < 1 or k_of_n
/// not 1 <= k <= n.
#[pyfunction]
#[pyo3(signature = (
    outcomes,
    *,
    consecutive = HistoryRule::default().consecutive,
    k_of_n = HistoryRule::default().k_of_n,
), text_signature = "(outcomes, *, consecutive=2, k_of_n=(2, 3))")]
pub(crate) fn performance_history(
    outcomes: &Bound<'_, PyAny>,
    #[pyo3(from_py_with = self::consecutive)] consecutive: u32,
    #[pyo3(from_py_with = self::k_of_n)] k_of_n: Option<(u32, u32)>,
) -> PyResult<Vec<&'static str>> {
    let outcomes: Vec<Outcome> = from_py(outcomes)?;
    let rule = HistoryRule {
        consecutive,
        k_of_n,
    };
    let statuses = eqa::performance_history(&outcomes, &rule).map_err(CoreError)?;
    Ok(statuses.into_iter().map(|s| s.as_str()).collect())
}

/// The histories of every laboratory for every analyte and for the program
/// (analyte None) over the scorings of one program's rounds, given in round
/// order: dicts with lab, analyte, rounds, outcomes, statuses and
/// unsuccessful. A laboratory absent from a round has no entry for it. The
/// rule is as for performance_history.
///
/// Raises InvalidInputError (invalid_document) for scorings of different
/// programs, a round given twice or two scores of one laboratory and
/// analyte in a round; InvalidParameterError for a bad rule.
#[pyfunction]
#[pyo3(signature = (
    scorings,
    *,
    consecutive = HistoryRule::default().consecutive,
    k_of_n = HistoryRule::default().k_of_n,
), text_signature = "(scorings, *, consecutive=2, k_of_n=(2, 3))")]
pub(crate) fn histories(
    py: Python<'_>,
    scorings: &Bound<'_, PyAny>,
    #[pyo3(from_py_with = self::consecutive)] consecutive: u32,
    #[pyo3(from_py_with = self::k_of_n)] k_of_n: Option<(u32, u32)>,
) -> PyResult<Py<PyAny>> {
    let scorings: Vec<RoundScoring> = from_py(scorings)?;
    let rule = HistoryRule {
        consecutive,
        k_of_n,
    };
    let all = py
        .detach(|| eqa::histories(&scorings, &rule))
        .map_err(CoreError)?;
    to_py(py, &all)
}

/// The certificate of every laboratory of a program from its rounds'
/// scorings in round order: dicts with lab, program, policy, scope,
/// eligible, analytes_passed, analytes_failed, analytes_not_scored and
/// rounds. Under policy "all_rounds_satisfactory" (default) an analyte
/// passes when every scored round was satisfactory, under
/// "not_unsuccessful" when no round was unsuccessful under the rule (as for
/// performance_history). Under scope "passed_analytes" (default) a
/// laboratory is eligible with at least one passed analyte, its certificate
/// listing them; under "all_analytes" only when none failed as well. The
/// rule is UNCONFIRMED (domain 3.4).
///
/// Raises as histories, and InvalidParameterError for an unknown policy or
/// scope.
#[pyfunction]
#[pyo3(signature = (
    scorings,
    *,
    program,
    policy = Named(CertificatePolicy::default()),
    scope = Named(CertificateScope::default()),
    consecutive = HistoryRule::default().consecutive,
    k_of_n = HistoryRule::default().k_of_n,
), text_signature = "(scorings, *, program, policy='all_rounds_satisfactory', scope='passed_analytes', consecutive=2, k_of_n=(2, 3))")]
pub(crate) fn certificates(
    py: Python<'_>,
    scorings: &Bound<'_, PyAny>,
    program: &str,
    policy: Named<CertificatePolicy>,
    scope: Named<CertificateScope>,
    #[pyo3(from_py_with = self::consecutive)] consecutive: u32,
    #[pyo3(from_py_with = self::k_of_n)] k_of_n: Option<(u32, u32)>,
) -> PyResult<Py<PyAny>> {
    let scorings: Vec<RoundScoring> = from_py(scorings)?;
    let rule = HistoryRule {
        consecutive,
        k_of_n,
    };
    let all = py
        .detach(|| eqa::certificates(program, &scorings, policy.0, scope.0, &rule))
        .map_err(CoreError)?;
    to_py(py, &all)
}
