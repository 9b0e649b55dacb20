//! `histogram` and `kernel_density` and their results (ISO 13528:2022 10.2,
//! 10.3), and what the results of clause 10 share: numbers out as numpy
//! arrays for matplotlib, and as lists in `to_dict`.

use eqa::{Bandwidth, Bins, DensityOptions};
use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::pybacked::PyBackedStr;
use pyo3::types::{PyDict, PyList};

use crate::errors::{CoreError, EqaResult};
use crate::options::count;
use crate::sample::{Values, as_slice};

/// Floats as a new numpy array.
pub(crate) fn array<'py>(py: Python<'py>, v: &[f64]) -> Bound<'py, PyArray1<f64>> {
    PyArray1::from_slice(py, v)
}

/// Counts or indices as a new numpy array of int64.
pub(crate) fn indices<'py>(py: Python<'py>, v: &[usize]) -> Bound<'py, PyArray1<i64>> {
    PyArray1::from_iter(py, v.iter().map(|&i| i as i64))
}

/// Classes or other names as a list of str.
pub(crate) fn names<'py, T: Copy>(
    py: Python<'py>,
    v: &[T],
    name: impl Fn(T) -> &'static str,
) -> PyResult<Bound<'py, PyList>> {
    PyList::new(py, v.iter().map(|&c| name(c)))
}

/// The option as a name, when it is a str.
fn name_of(ob: &Bound<'_, PyAny>) -> Option<PyBackedStr> {
    ob.extract::<PyBackedStr>().ok()
}

/// A dict of one entry, as the core serialises a choice with a number.
fn one<'py>(
    py: Python<'py>,
    key: &str,
    value: impl IntoPyObject<'py>,
) -> PyResult<Bound<'py, PyDict>> {
    let d = PyDict::new(py);
    d.set_item(key, value)?;
    Ok(d)
}

/// The number of grid points.
fn points_of(ob: &Bound<'_, PyAny>) -> PyResult<usize> {
    count("points", ob)
}

/// The `bins` option: a rule's name or a number of bins.
pub(crate) struct BinsArg(Bins);

impl<'a, 'py> FromPyObject<'a, 'py> for BinsArg {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        match name_of(&ob) {
            Some(name) => name.parse().map(BinsArg).map_err(|e| CoreError(e).into()),
            None => Ok(BinsArg(Bins::Count(count("bins", &ob)?))),
        }
    }
}

/// The `bandwidth` option: a rule's name or a bandwidth.
pub(crate) struct BandwidthArg(Bandwidth);

impl<'a, 'py> FromPyObject<'a, 'py> for BandwidthArg {
    type Error = PyErr;

    fn extract(ob: Borrowed<'a, 'py, PyAny>) -> PyResult<Self> {
        match name_of(&ob) {
            Some(name) => name
                .parse()
                .map(BandwidthArg)
                .map_err(|e| CoreError(e).into()),
            None => Ok(BandwidthArg(Bandwidth::Given(ob.extract()?))),
        }
    }
}

/// A histogram of results or scores (ISO 13528:2022 10.2), as returned by
/// histogram: k bins of equal width, bin i holding edges[i] <= x <
/// edges[i+1], the last bin closed. Draw it with
/// `ax.stairs(h.counts, h.edges, fill=True)`. Immutable; equal when every
/// field is.
#[pyclass(frozen, module = "eqa", name = "Histogram")]
pub(crate) struct Histogram(eqa::Histogram);

#[pymethods]
impl Histogram {
    /// The k + 1 bin edges, increasing.
    #[getter]
    fn edges<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.edges)
    }

    /// The number of values in each of the k bins.
    #[getter]
    fn counts<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<i64>> {
        indices(py, &self.0.counts)
    }

    /// The width of the bins.
    #[getter]
    fn width(&self) -> f64 {
        self.0.width
    }

    /// The number of values n.
    #[getter]
    fn n(&self) -> usize {
        self.0.n
    }

    /// The rule asked for: "sturges", "scott", "freedman_diaconis", "width" or "count".
    #[getter]
    fn bins(&self) -> &'static str {
        self.0.bins.as_str()
    }

    /// Whether the rule gave no usable width, so that Sturges' count was used.
    #[getter]
    fn sturges_fallback(&self) -> bool {
        self.0.sturges_fallback
    }

    /// The fields as a dict, as the core serialises them (bins as its name,
    /// or {"width": h} or {"count": k}).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let h = &self.0;
        let dict = PyDict::new(py);
        dict.set_item("edges", PyList::new(py, &h.edges)?)?;
        dict.set_item("counts", PyList::new(py, &h.counts)?)?;
        dict.set_item("width", h.width)?;
        dict.set_item("n", h.n)?;
        match h.bins {
            Bins::Width(w) => dict.set_item("bins", one(py, "width", w)?)?,
            Bins::Count(k) => dict.set_item("bins", one(py, "count", k)?)?,
            named => dict.set_item("bins", named.as_str())?,
        }
        dict.set_item("sturges_fallback", h.sturges_fallback)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        let h = &self.0;
        format!(
            "Histogram(n={}, bins={:?}, k={}, width={:?}, counts={:?})",
            h.n,
            h.bins.as_str(),
            h.counts.len(),
            h.width,
            h.counts
        )
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }
}

/// The histogram of the values (ISO 13528:2022 10.2).
///
/// bins: "sturges" (the default, also for None: ceil(log2 n) + 1 bins), "scott" (width
/// 3.49 s n^(-1/3)), "freedman_diaconis" (width 2 IQR n^(-1/3)) or a number
/// of bins; width: a bin width instead of bins. Bins are equal, from the
/// smallest value; a value on an inner edge is counted in the bin to its
/// right, the largest value in the last bin, every value exactly once.
///
/// Raises InvalidInputError for no values or a NaN or infinite value,
/// InvalidParameterError for an unknown rule, a count outside 1 to 10000, a
/// width that is not positive or gives more than 10000 bins, or both bins
/// and width; NumericalOverflowError when the range exceeds a float.
#[pyfunction]
#[pyo3(signature = (x, *, bins = None, width = None), text_signature = "(x, *, bins=None, width=None)")]
pub(crate) fn histogram(
    py: Python<'_>,
    x: Values<'_>,
    bins: Option<BinsArg>,
    width: Option<f64>,
) -> EqaResult<Histogram> {
    let bins = match (bins, width) {
        (Some(_), Some(w)) => {
            return Err(CoreError(eqa::Error::InvalidParameter {
                name: "width",
                value: w.to_string(),
                expected: "either bins or width, not both",
            }));
        }
        (_, Some(w)) => Bins::Width(w),
        (Some(b), None) => b.0,
        (None, None) => Bins::default(),
    };
    let x = as_slice(&x);
    Ok(Histogram(py.detach(|| eqa::histogram(&x, bins))?))
}

/// A Gaussian kernel density estimate on a grid, with its modes
/// (ISO 13528:2022 10.3), as returned by kernel_density. Draw it with
/// `ax.plot(d.x, d.density)`; more than one mode (multimodal) warns that a
/// single consensus value may be meaningless. Immutable; equal when every
/// field is.
#[pyclass(frozen, module = "eqa", name = "KernelDensity")]
pub(crate) struct KernelDensity(eqa::KernelDensity);

#[pymethods]
impl KernelDensity {
    /// The grid, equally spaced.
    #[getter]
    fn x<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.x)
    }

    /// The estimated density at each grid point.
    #[getter]
    fn density<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.density)
    }

    /// The bandwidth h used.
    #[getter]
    fn bandwidth(&self) -> f64 {
        self.0.bandwidth
    }

    /// The rule of the bandwidth: "silverman", "scott" or "given".
    #[getter]
    fn bandwidth_rule(&self) -> &'static str {
        self.0.options.bandwidth.as_str()
    }

    /// The number of values n.
    #[getter]
    fn n(&self) -> usize {
        self.0.n
    }

    /// The grid abscissae of the modes, from left to right.
    #[getter]
    fn modes<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.modes)
    }

    /// The density at each mode.
    #[getter]
    fn mode_densities<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.mode_densities)
    }

    /// Whether there is more than one mode.
    #[getter]
    fn multimodal(&self) -> bool {
        self.0.multimodal
    }

    /// The number of grid points.
    #[getter]
    fn points(&self) -> usize {
        self.0.options.points
    }

    /// How far the grid reaches beyond the values, in bandwidths.
    #[getter]
    fn cut(&self) -> f64 {
        self.0.options.cut
    }

    /// The grid's ends when given, else None.
    #[getter]
    fn range(&self) -> Option<(f64, f64)> {
        self.0.options.range
    }

    /// The relative height below which a local maximum is not a mode.
    #[getter]
    fn mode_height(&self) -> f64 {
        self.0.options.mode_height
    }

    /// The fields as a dict, as the core serialises them; the options nested
    /// under "options" (bandwidth as its name or {"given": h}).
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let d = &self.0;
        let dict = PyDict::new(py);
        dict.set_item("x", PyList::new(py, &d.x)?)?;
        dict.set_item("density", PyList::new(py, &d.density)?)?;
        dict.set_item("bandwidth", d.bandwidth)?;
        dict.set_item("n", d.n)?;
        dict.set_item("modes", PyList::new(py, &d.modes)?)?;
        dict.set_item("mode_densities", PyList::new(py, &d.mode_densities)?)?;
        dict.set_item("multimodal", d.multimodal)?;
        let o = &d.options;
        let options = PyDict::new(py);
        match o.bandwidth {
            Bandwidth::Given(h) => options.set_item("bandwidth", one(py, "given", h)?)?,
            named => options.set_item("bandwidth", named.as_str())?,
        }
        options.set_item("points", o.points)?;
        options.set_item("cut", o.cut)?;
        match o.range {
            Some((lo, hi)) => options.set_item("range", PyList::new(py, [lo, hi])?)?,
            None => options.set_item("range", py.None())?,
        }
        options.set_item("mode_height", o.mode_height)?;
        dict.set_item("options", options)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        let d = &self.0;
        format!(
            "KernelDensity(n={}, bandwidth={:?}, points={}, modes={:?}, multimodal={})",
            d.n,
            d.bandwidth,
            d.x.len(),
            d.modes,
            if d.multimodal { "True" } else { "False" }
        )
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }
}

/// The Gaussian kernel density estimate of the values on a grid, and its
/// modes (ISO 13528:2022 10.3).
///
/// bandwidth: "silverman" (default: 0.9 min(s, nIQR) n^(-1/5), the robust
/// rule of thumb), "scott" (1.06 s n^(-1/5)) or a positive number; points:
/// grid points (default 512); cut: how far the grid reaches beyond the
/// smallest and largest value, in bandwidths (default 3); range: (low, high)
/// of the grid instead; mode_height: a local maximum below this fraction of
/// the highest is not a mode (default 0.05).
///
/// Raises InvalidInputError for too few values (2; 1 with a given
/// bandwidth) or a NaN or infinite one, ZeroScaleError when a rule's
/// bandwidth is zero, InvalidParameterError for an option out of its domain,
/// NumericalOverflowError when the grid exceeds the range of a float.
#[pyfunction]
#[pyo3(signature = (
    x,
    *,
    bandwidth = BandwidthArg(DensityOptions::default().bandwidth),
    points = DensityOptions::default().points,
    cut = DensityOptions::default().cut,
    range = None,
    mode_height = DensityOptions::default().mode_height,
), text_signature = "(x, *, bandwidth='silverman', points=512, cut=3.0, range=None, mode_height=0.05)")]
pub(crate) fn kernel_density(
    py: Python<'_>,
    x: Values<'_>,
    bandwidth: BandwidthArg,
    #[pyo3(from_py_with = points_of)] points: usize,
    cut: f64,
    range: Option<(f64, f64)>,
    mode_height: f64,
) -> EqaResult<KernelDensity> {
    let options = DensityOptions {
        bandwidth: bandwidth.0,
        points,
        cut,
        range,
        mode_height,
    };
    let x = as_slice(&x);
    Ok(KernelDensity(
        py.detach(|| eqa::kernel_density(&x, &options))?,
    ))
}
