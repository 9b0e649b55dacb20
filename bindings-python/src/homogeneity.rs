//! `homogeneity`, `expanded_factors` and the `Homogeneity` result
//! (ISO 13528:2022 Annex B, B.2 and B.3).

use std::borrow::Cow;

use eqa::{CheckCriterion, ExpandedFactors, HomogeneityOptions, HomogeneityRemedy};
use numpy::{AllowTypeChange, PyArrayLike2};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::errors::EqaResult;
use crate::options::Named;

/// The `table` argument: a 2-D array (g items × m replicates) or anything
/// numpy turns into one; a ragged list of lists is taken row by row, so that
/// the core can report the item whose replicates are missing.
#[derive(FromPyObject)]
pub(crate) enum Table<'py> {
    /// A rectangular array of numbers.
    Array(PyArrayLike2<'py, f64, AllowTypeChange>),
    /// Rows of different lengths.
    Rows(Vec<Vec<f64>>),
}

impl Table<'_> {
    /// The results row by row: borrowed from a contiguous array, copied once
    /// from a strided one.
    fn prepare(&self) -> Prepared<'_> {
        match self {
            Table::Rows(rows) => Prepared::Rows(rows),
            Table::Array(array) => {
                let (g, m) = array.as_array().dim();
                // Row-major only: a Fortran-ordered array is contiguous too,
                // but column by column.
                let flat = match array.as_array().to_slice() {
                    Some(slice) => Cow::Borrowed(slice),
                    None => Cow::Owned(array.as_array().iter().copied().collect()),
                };
                Prepared::Flat(flat, g, m)
            }
        }
    }
}

/// A table ready for the core: a row-major block of g × m results, or rows.
enum Prepared<'a> {
    Flat(Cow<'a, [f64]>, usize, usize),
    Rows(&'a [Vec<f64>]),
}

impl Prepared<'_> {
    fn rows(&self) -> Vec<&[f64]> {
        match self {
            Prepared::Flat(_, g, 0) => vec![&[][..]; *g],
            Prepared::Flat(flat, _, m) => flat.chunks_exact(*m).collect(),
            Prepared::Rows(rows) => rows.iter().map(Vec::as_slice).collect(),
        }
    }
}

/// The homogeneity check of g proficiency test items measured m times each
/// (ISO 13528:2022 B.3), against the criteria of B.2.2 and B.2.3.
///
/// table: g rows (items) of m replicate results (m >= 2, the same for every
/// item). Returns item means, general mean, s_x, s_w, s_s, the criterion
/// s_s <= 0.3 sigma_pt, the expanded criterion c = F1 (0.3 sigma_pt)^2 + F2 s_w^2
/// and, when the deciding criterion fails, the remedy of B.2.5.
///
/// Options, keyword-only, default first:
///
/// - factors: "table_b1" (Table B.1 where it has the row: m = 2, 7 <= g <= 20;
///   computed otherwise) or "computed" (always from the chi-squared and F
///   quantiles);
/// - criterion: "basic" (B.2.2) or "expanded" (B.2.3), the one that decides
///   whether the remedy applies;
/// - remedy: "inflate_sigma_pt" (sigma_pt' = sqrt(sigma_pt^2 + s_s^2)) or
///   "include_u_hom" (u_hom = s_s in u(x_pt)).
///
/// Raises InvalidInputError for fewer than two items or replicates, items
/// with different numbers of replicates (length_mismatch) or a NaN or
/// infinite result (its index counts row by row), InvalidParameterError for
/// a sigma_pt that is not positive and finite or an unknown option name,
/// NumericalOverflowError when the spread is too large to square.
#[pyfunction]
#[pyo3(signature = (
    table,
    sigma_pt,
    *,
    factors = Named(HomogeneityOptions::default().factors),
    criterion = Named(HomogeneityOptions::default().criterion),
    remedy = Named(HomogeneityOptions::default().remedy),
), text_signature = "(table, sigma_pt, *, factors='table_b1', criterion='basic', \
    remedy='inflate_sigma_pt')")]
pub(crate) fn homogeneity(
    py: Python<'_>,
    table: Table<'_>,
    sigma_pt: f64,
    factors: Named<ExpandedFactors>,
    criterion: Named<CheckCriterion>,
    remedy: Named<HomogeneityRemedy>,
) -> EqaResult<Homogeneity> {
    let options = HomogeneityOptions {
        factors: factors.0,
        criterion: criterion.0,
        remedy: remedy.0,
    };
    let prepared = table.prepare();
    let rows = prepared.rows();
    Ok(Homogeneity(
        py.detach(|| eqa::homogeneity(&rows, sigma_pt, &options))?,
    ))
}

/// The factors F1 and F2 of the expanded homogeneity criterion for g items
/// of m replicates (ISO 13528:2022 B.2.3, Table B.1), with where they came
/// from: (F1, F2, "table_b1" or "computed").
///
/// Raises InvalidInputError for g < 2 or m < 2, InvalidParameterError for
/// an unknown factors name or a negative count.
#[pyfunction]
#[pyo3(signature = (g, m, *, factors = Named(ExpandedFactors::default())),
    text_signature = "(g, m, *, factors='table_b1')")]
pub(crate) fn expanded_factors(
    #[pyo3(from_py_with = crate::homogeneity::items)] g: usize,
    #[pyo3(from_py_with = crate::homogeneity::replicates)] m: usize,
    factors: Named<ExpandedFactors>,
) -> EqaResult<(f64, f64, &'static str)> {
    let (f1, f2, source) = eqa::expanded_factors(g, m, factors.0)?;
    Ok((f1, f2, source.as_str()))
}

fn count(name: &'static str, ob: &Bound<'_, PyAny>) -> PyResult<usize> {
    let value: i128 = ob.extract()?;
    usize::try_from(value).map_err(|_| {
        crate::errors::CoreError(eqa::Error::InvalidParameter {
            name,
            value: value.to_string(),
            expected: "a whole number at least 0",
        })
        .into()
    })
}

/// The number of items g.
pub(crate) fn items(ob: &Bound<'_, PyAny>) -> PyResult<usize> {
    count("g", ob)
}

/// The number of replicates m.
pub(crate) fn replicates(ob: &Bound<'_, PyAny>) -> PyResult<usize> {
    count("m", ob)
}

/// A homogeneity check of g items x m replicates (ISO 13528:2022 B.3), as
/// returned by homogeneity. Immutable; equal when every field is.
#[pyclass(frozen, module = "eqa", name = "Homogeneity")]
pub(crate) struct Homogeneity(eqa::Homogeneity);

#[pymethods]
impl Homogeneity {
    /// The number of items g.
    #[getter]
    fn g(&self) -> usize {
        self.0.g
    }

    /// The number of replicates per item m.
    #[getter]
    fn m(&self) -> usize {
        self.0.m
    }

    /// The item means, in the order of the items.
    #[getter]
    fn item_means(&self) -> Vec<f64> {
        self.0.item_means.clone()
    }

    /// The general mean, the mean of the item means.
    #[getter]
    fn general_mean(&self) -> f64 {
        self.0.general_mean
    }

    /// s_x, the standard deviation of the item means.
    #[getter]
    fn s_x(&self) -> f64 {
        self.0.s_x
    }

    /// s_w, the within-item standard deviation.
    #[getter]
    fn s_w(&self) -> f64 {
        self.0.s_w
    }

    /// s_s = sqrt(max(0, s_x^2 - s_w^2/m)), the between-sample standard deviation.
    #[getter]
    fn s_s(&self) -> f64 {
        self.0.s_s
    }

    /// The sigma_pt given.
    #[getter]
    fn sigma_pt(&self) -> f64 {
        self.0.sigma_pt
    }

    /// 0.3 sigma_pt, the limit of the basic criterion (B.2.2).
    #[getter]
    fn criterion(&self) -> f64 {
        self.0.criterion
    }

    /// Whether s_s <= 0.3 sigma_pt.
    #[getter]
    fn sufficient(&self) -> bool {
        self.0.sufficient
    }

    /// F1 of the expanded criterion (B.2.3).
    #[getter]
    fn f1(&self) -> f64 {
        self.0.f1
    }

    /// F2 of the expanded criterion.
    #[getter]
    fn f2(&self) -> f64 {
        self.0.f2
    }

    /// Where F1 and F2 came from: "table_b1" or "computed".
    #[getter]
    fn factors(&self) -> &'static str {
        self.0.factors.as_str()
    }

    /// c = F1 (0.3 sigma_pt)^2 + F2 s_w^2.
    #[getter]
    fn c(&self) -> f64 {
        self.0.c
    }

    /// sqrt(c), the limit of the expanded criterion on s_s.
    #[getter]
    fn expanded_criterion(&self) -> f64 {
        self.0.expanded_criterion
    }

    /// Whether s_s^2 <= c.
    #[getter]
    fn sufficient_expanded(&self) -> bool {
        self.0.sufficient_expanded
    }

    /// The criterion that decided whether the remedy applies: "basic" or "expanded".
    #[getter]
    fn decided_by(&self) -> &'static str {
        self.0.decided_by.as_str()
    }

    /// Whether that criterion failed, so that the remedy applies.
    #[getter]
    fn failed(&self) -> bool {
        self.0.failed
    }

    /// The remedy chosen: "inflate_sigma_pt" or "include_u_hom".
    #[getter]
    fn remedy(&self) -> &'static str {
        self.0.remedy.as_str()
    }

    /// The sigma_pt to use: sqrt(sigma_pt^2 + s_s^2) when "inflate_sigma_pt"
    /// applies, sigma_pt otherwise.
    #[getter]
    fn sigma_pt_prime(&self) -> f64 {
        self.0.sigma_pt_prime
    }

    /// The u_hom to carry into u(x_pt): s_s when "include_u_hom" applies, 0 otherwise.
    #[getter]
    fn u_hom(&self) -> f64 {
        self.0.u_hom
    }

    /// The fields as a dict, in declaration order.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let h = &self.0;
        let dict = PyDict::new(py);
        dict.set_item("g", h.g)?;
        dict.set_item("m", h.m)?;
        dict.set_item("item_means", PyList::new(py, &h.item_means)?)?;
        dict.set_item("general_mean", h.general_mean)?;
        dict.set_item("s_x", h.s_x)?;
        dict.set_item("s_w", h.s_w)?;
        dict.set_item("s_s", h.s_s)?;
        dict.set_item("sigma_pt", h.sigma_pt)?;
        dict.set_item("criterion", h.criterion)?;
        dict.set_item("sufficient", h.sufficient)?;
        dict.set_item("f1", h.f1)?;
        dict.set_item("f2", h.f2)?;
        dict.set_item("factors", h.factors.as_str())?;
        dict.set_item("c", h.c)?;
        dict.set_item("expanded_criterion", h.expanded_criterion)?;
        dict.set_item("sufficient_expanded", h.sufficient_expanded)?;
        dict.set_item("decided_by", h.decided_by.as_str())?;
        dict.set_item("failed", h.failed)?;
        dict.set_item("remedy", h.remedy.as_str())?;
        dict.set_item("sigma_pt_prime", h.sigma_pt_prime)?;
        dict.set_item("u_hom", h.u_hom)?;
        Ok(dict)
    }

    fn __repr__(&self, py: Python<'_>) -> PyResult<String> {
        crate::results::repr("Homogeneity", &self.to_dict(py)?)
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }

    fn __hash__(&self, py: Python<'_>) -> PyResult<isize> {
        crate::results::hash(&self.to_dict(py)?)
    }
}
