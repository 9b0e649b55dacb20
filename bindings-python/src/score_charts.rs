//! `score_bars` and `score_series` and their results (ISO 13528:2022 10.4, 10.8).

use eqa::ScoreSeriesOptions;
use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::classification::{ClassificationRule, Rule, rule_dict};
use crate::errors::EqaResult;
use crate::options::count;
use crate::plots::{array, indices, names};
use crate::sample::{Values, as_slice};

/// The data of a bar chart of one round's scores (ISO 13528:2022 10.4), as
/// returned by score_bars: draw `ax.bar(range(n), s.sorted_scores)` with
/// participants s.order, and `ax.axhline(y)` for y in s.limit_lines.
/// Immutable; equal when every field is.
#[pyclass(frozen, module = "eqa", name = "ScoreBars")]
pub(crate) struct ScoreBars(eqa::ScoreBars);

#[pymethods]
impl ScoreBars {
    /// The scores in the participants' order.
    #[getter]
    fn scores<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.scores)
    }

    /// The class of each score: "satisfactory", "questionable" or "unsatisfactory".
    #[getter]
    fn performance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        names(py, &self.0.performance, eqa::Performance::as_str)
    }

    /// The participants from the lowest score to the highest.
    #[getter]
    fn order<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<i64>> {
        indices(py, &self.0.order)
    }

    /// The scores in that order.
    #[getter]
    fn sorted_scores<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.sorted_scores)
    }

    /// The horizontal lines: -U, -S, S, U (or -S, S for a two-band rule).
    #[getter]
    fn limit_lines(&self) -> Vec<f64> {
        self.0.limit_lines.clone()
    }

    /// The rule used.
    #[getter]
    fn rule(&self) -> ClassificationRule {
        ClassificationRule(self.0.rule)
    }

    /// The fields as a dict, as the core serialises them.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let b = &self.0;
        let dict = PyDict::new(py);
        dict.set_item("scores", PyList::new(py, &b.scores)?)?;
        dict.set_item(
            "performance",
            names(py, &b.performance, eqa::Performance::as_str)?,
        )?;
        dict.set_item("order", PyList::new(py, &b.order)?)?;
        dict.set_item("sorted_scores", PyList::new(py, &b.sorted_scores)?)?;
        dict.set_item("limit_lines", PyList::new(py, &b.limit_lines)?)?;
        dict.set_item("rule", rule_dict(py, &b.rule)?)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        let b = &self.0;
        let bad = |p| b.performance.iter().filter(|&&q| q == p).count();
        format!(
            "ScoreBars(n={}, questionable={}, unsatisfactory={}, limit_lines={:?})",
            b.scores.len(),
            bad(eqa::Performance::Questionable),
            bad(eqa::Performance::Unsatisfactory),
            b.limit_lines
        )
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }
}

/// The data of a bar chart of standardized scores, one bar per participant
/// (ISO 13528:2022 10.4): each score's class under rule (a
/// ClassificationRule or "z" (default), "en", "pa"), the order from the
/// lowest score up (ties in input order), and the limit lines.
///
/// Raises InvalidInputError for no scores or a NaN or infinite one,
/// InvalidParameterError for an unknown rule.
#[pyfunction]
#[pyo3(signature = (scores, *, rule = Rule(eqa::ClassificationRule::z())), text_signature = "(scores, *, rule='z')")]
pub(crate) fn score_bars(py: Python<'_>, scores: Values<'_>, rule: Rule) -> EqaResult<ScoreBars> {
    let scores = as_slice(&scores);
    Ok(ScoreBars(py.detach(|| eqa::score_bars(&scores, &rule.0))?))
}

/// One participant's scores over rounds with running statistics
/// (ISO 13528:2022 10.8), as returned by score_series; every array has one
/// entry per round, in the order of the rounds: draw
/// `ax.plot(s.rounds, s.running_mean)` with `s.mean_unsatisfactory_limit`
/// and its negative. Immutable; equal when every field is.
#[pyclass(frozen, module = "eqa", name = "ScoreSeries")]
pub(crate) struct ScoreSeries(eqa::ScoreSeries);

#[pymethods]
impl ScoreSeries {
    /// The rounds, increasing.
    #[getter]
    fn rounds<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.rounds)
    }

    /// The score of each round.
    #[getter]
    fn scores<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.scores)
    }

    /// The position of each round in the input.
    #[getter]
    fn order<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<i64>> {
        indices(py, &self.0.order)
    }

    /// The class of each score.
    #[getter]
    fn performance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        names(py, &self.0.performance, eqa::Performance::as_str)
    }

    /// The number of scores k in each window.
    #[getter]
    fn window_sizes<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<i64>> {
        indices(py, &self.0.window_sizes)
    }

    /// The running mean z over the window.
    #[getter]
    fn running_mean<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.running_mean)
    }

    /// S / sqrt(k), the satisfactory limit of the running mean.
    #[getter]
    fn mean_satisfactory_limit<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.mean_satisfactory_limit)
    }

    /// U / sqrt(k), the unsatisfactory limit of the running mean.
    #[getter]
    fn mean_unsatisfactory_limit<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.mean_unsatisfactory_limit)
    }

    /// The class of the running mean (of RSZ = mean * sqrt(k)).
    #[getter]
    fn running_mean_performance<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyList>> {
        names(
            py,
            &self.0.running_mean_performance,
            eqa::Performance::as_str,
        )
    }

    /// The running sum of squared z over the window.
    #[getter]
    fn running_sum_of_squares<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.running_sum_of_squares)
    }

    /// chi2_k(1 - questionable), the warning limit of the running SSZ.
    #[getter]
    fn sum_of_squares_questionable_limit<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.sum_of_squares_questionable_limit)
    }

    /// chi2_k(1 - unsatisfactory), the action limit of the running SSZ.
    #[getter]
    fn sum_of_squares_unsatisfactory_limit<'py>(
        &self,
        py: Python<'py>,
    ) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.sum_of_squares_unsatisfactory_limit)
    }

    /// The class of the running SSZ.
    #[getter]
    fn running_sum_of_squares_performance<'py>(
        &self,
        py: Python<'py>,
    ) -> PyResult<Bound<'py, PyList>> {
        names(
            py,
            &self.0.running_sum_of_squares_performance,
            eqa::Performance::as_str,
        )
    }

    /// The window, in rounds.
    #[getter]
    fn window(&self) -> usize {
        self.0.options.window
    }

    /// The rule of the scores and of the running mean.
    #[getter]
    fn rule(&self) -> ClassificationRule {
        ClassificationRule(self.0.options.rule)
    }

    /// The level of the warning signal on the running SSZ.
    #[getter]
    fn questionable(&self) -> f64 {
        self.0.options.questionable
    }

    /// The level of the action signal on the running SSZ.
    #[getter]
    fn unsatisfactory(&self) -> f64 {
        self.0.options.unsatisfactory
    }

    /// The fields as a dict, as the core serialises them; the options nested
    /// under "options".
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let s = &self.0;
        let classes = |v: &[eqa::Performance]| names(py, v, eqa::Performance::as_str);
        let dict = PyDict::new(py);
        dict.set_item("rounds", PyList::new(py, &s.rounds)?)?;
        dict.set_item("scores", PyList::new(py, &s.scores)?)?;
        dict.set_item("order", PyList::new(py, &s.order)?)?;
        dict.set_item("performance", classes(&s.performance)?)?;
        dict.set_item("window_sizes", PyList::new(py, &s.window_sizes)?)?;
        dict.set_item("running_mean", PyList::new(py, &s.running_mean)?)?;
        dict.set_item(
            "mean_satisfactory_limit",
            PyList::new(py, &s.mean_satisfactory_limit)?,
        )?;
        dict.set_item(
            "mean_unsatisfactory_limit",
            PyList::new(py, &s.mean_unsatisfactory_limit)?,
        )?;
        dict.set_item(
            "running_mean_performance",
            classes(&s.running_mean_performance)?,
        )?;
        dict.set_item(
            "running_sum_of_squares",
            PyList::new(py, &s.running_sum_of_squares)?,
        )?;
        dict.set_item(
            "sum_of_squares_questionable_limit",
            PyList::new(py, &s.sum_of_squares_questionable_limit)?,
        )?;
        dict.set_item(
            "sum_of_squares_unsatisfactory_limit",
            PyList::new(py, &s.sum_of_squares_unsatisfactory_limit)?,
        )?;
        dict.set_item(
            "running_sum_of_squares_performance",
            classes(&s.running_sum_of_squares_performance)?,
        )?;
        let o = &s.options;
        let options = PyDict::new(py);
        options.set_item("window", o.window)?;
        options.set_item("rule", rule_dict(py, &o.rule)?)?;
        options.set_item("questionable", o.questionable)?;
        options.set_item("unsatisfactory", o.unsatisfactory)?;
        dict.set_item("options", options)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        let s = &self.0;
        format!(
            "ScoreSeries(rounds={}, window={}, running_mean={:?}, running_sum_of_squares={:?})",
            s.rounds.len(),
            s.options.window,
            s.running_mean.last().copied().unwrap_or_default(),
            s.running_sum_of_squares.last().copied().unwrap_or_default()
        )
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }
}

fn window(ob: &Bound<'_, PyAny>) -> PyResult<usize> {
    count("window", ob)
}

/// One participant's scores over rounds, with a running mean z and a
/// running sum of squared z over the latest `window` rounds (default 5) and
/// their limits (ISO 13528:2022 10.8): the mean against +-S/sqrt(k) and
/// +-U/sqrt(k) of rule (a ClassificationRule or "z" (default), "en", "pa"),
/// the sum of squares against the chi-squared quantiles at 1 - questionable
/// (default 0.05) and 1 - unsatisfactory (default 0.01).
///
/// Raises InvalidInputError for rounds and scores of different lengths
/// (length_mismatch), no rounds or a NaN or infinite one,
/// InvalidParameterError for repeated rounds, a window outside 1 to 1000 or
/// levels outside 0 < unsatisfactory <= questionable < 1,
/// NumericalOverflowError when the sum of squares exceeds a float.
#[pyfunction]
#[pyo3(signature = (
    rounds,
    scores,
    *,
    window = ScoreSeriesOptions::default().window,
    rule = Rule(ScoreSeriesOptions::default().rule),
    questionable = ScoreSeriesOptions::default().questionable,
    unsatisfactory = ScoreSeriesOptions::default().unsatisfactory,
), text_signature = "(rounds, scores, *, window=5, rule='z', questionable=0.05, unsatisfactory=0.01)")]
pub(crate) fn score_series(
    py: Python<'_>,
    rounds: Values<'_>,
    scores: Values<'_>,
    #[pyo3(from_py_with = window)] window: usize,
    rule: Rule,
    questionable: f64,
    unsatisfactory: f64,
) -> EqaResult<ScoreSeries> {
    let options = ScoreSeriesOptions {
        window,
        rule: rule.0,
        questionable,
        unsatisfactory,
    };
    let (rounds, scores) = (as_slice(&rounds), as_slice(&scores));
    Ok(ScoreSeries(py.detach(|| {
        eqa::score_series(&rounds, &scores, &options)
    })?))
}
