//! `youden` and its result `Youden` (ISO 13528:2022 10.5).

use eqa::{YoudenEstimator, YoudenOptions};
use numpy::PyArray1;
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyList};

use crate::errors::EqaResult;
use crate::options::{Named, count};
use crate::plots::{array, indices};
use crate::sample::{Values, as_slice};

/// The data of a Youden plot (ISO 13528:2022 10.5), as returned by youden:
/// the points, the robust centre, the 45-degree line through it, the
/// confidence ellipse (as centre, semi-axes and angle, for
/// matplotlib.patches.Ellipse(y.ellipse_centre, 2 * y.ellipse_semi_major,
/// 2 * y.ellipse_semi_minor, angle=y.ellipse_angle_degrees), and as a closed
/// polyline ellipse_x, ellipse_y) and the box. Immutable; equal when every
/// field is.
#[pyclass(frozen, module = "eqa", name = "Youden")]
pub(crate) struct Youden(eqa::Youden);

#[pymethods]
impl Youden {
    /// The participant of each point: its index in the inputs.
    #[getter]
    fn participants<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<i64>> {
        indices(py, &self.0.participants)
    }

    /// The results on sample A (horizontal axis).
    #[getter]
    fn a<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.a)
    }

    /// The results on sample B (vertical axis).
    #[getter]
    fn b<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.b)
    }

    /// The robust centre of A.
    #[getter]
    fn centre_a(&self) -> f64 {
        self.0.centre_a
    }

    /// The robust centre of B.
    #[getter]
    fn centre_b(&self) -> f64 {
        self.0.centre_b
    }

    /// The robust SD of A.
    #[getter]
    fn scale_a(&self) -> f64 {
        self.0.scale_a
    }

    /// The robust SD of B.
    #[getter]
    fn scale_b(&self) -> f64 {
        self.0.scale_b
    }

    /// The robust correlation of A and B.
    #[getter]
    fn correlation(&self) -> f64 {
        self.0.correlation
    }

    /// The intercept of the 45-degree line b = a + intercept through the centre.
    #[getter]
    fn diagonal_intercept(&self) -> f64 {
        self.0.diagonal_intercept
    }

    /// The centre (a, b) of the ellipse.
    #[getter]
    fn ellipse_centre(&self) -> (f64, f64) {
        self.0.ellipse.centre
    }

    /// The ellipse's semi-axis along its angle.
    #[getter]
    fn ellipse_semi_major(&self) -> f64 {
        self.0.ellipse.semi_major
    }

    /// The ellipse's semi-axis across it.
    #[getter]
    fn ellipse_semi_minor(&self) -> f64 {
        self.0.ellipse.semi_minor
    }

    /// The angle of the major axis from the a axis, counter-clockwise, in radians.
    #[getter]
    fn ellipse_angle(&self) -> f64 {
        self.0.ellipse.angle
    }

    /// The same angle in degrees.
    #[getter]
    fn ellipse_angle_degrees(&self) -> f64 {
        self.0.ellipse.angle_degrees
    }

    /// The a coordinates of the closed polyline of the ellipse.
    #[getter]
    fn ellipse_x<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.ellipse.x)
    }

    /// The b coordinates of the closed polyline of the ellipse.
    #[getter]
    fn ellipse_y<'py>(&self, py: Python<'py>) -> Bound<'py, PyArray1<f64>> {
        array(py, &self.0.ellipse.y)
    }

    /// The box on A: (low, high).
    #[getter]
    fn box_a(&self) -> (f64, f64) {
        self.0.box_a
    }

    /// The box on B: (low, high).
    #[getter]
    fn box_b(&self) -> (f64, f64) {
        self.0.box_b
    }

    /// Whether each point is inside the ellipse (or on it).
    #[getter]
    fn inside_ellipse(&self) -> Vec<bool> {
        self.0.inside_ellipse.clone()
    }

    /// Whether each point is inside the box (or on it).
    #[getter]
    fn inside_box(&self) -> Vec<bool> {
        self.0.inside_box.clone()
    }

    /// The estimator of centre and spread: "median" or "algorithm_a".
    #[getter]
    fn estimator(&self) -> &'static str {
        self.0.options.estimator.as_str()
    }

    /// The coverage of the ellipse.
    #[getter]
    fn coverage(&self) -> f64 {
        self.0.options.coverage
    }

    /// The half-width of the box in robust SDs.
    #[getter]
    fn box_k(&self) -> f64 {
        self.0.options.box_k
    }

    /// The fields as a dict, as the core serialises them: the ellipse and
    /// the options nested, pairs as lists.
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        let y = &self.0;
        let pair = |(lo, hi): (f64, f64)| PyList::new(py, [lo, hi]);
        let dict = PyDict::new(py);
        dict.set_item("participants", PyList::new(py, &y.participants)?)?;
        dict.set_item("a", PyList::new(py, &y.a)?)?;
        dict.set_item("b", PyList::new(py, &y.b)?)?;
        dict.set_item("centre_a", y.centre_a)?;
        dict.set_item("centre_b", y.centre_b)?;
        dict.set_item("scale_a", y.scale_a)?;
        dict.set_item("scale_b", y.scale_b)?;
        dict.set_item("correlation", y.correlation)?;
        dict.set_item("diagonal_intercept", y.diagonal_intercept)?;
        let e = &y.ellipse;
        let ellipse = PyDict::new(py);
        ellipse.set_item("centre", pair(e.centre)?)?;
        ellipse.set_item("semi_major", e.semi_major)?;
        ellipse.set_item("semi_minor", e.semi_minor)?;
        ellipse.set_item("angle", e.angle)?;
        ellipse.set_item("angle_degrees", e.angle_degrees)?;
        ellipse.set_item("x", PyList::new(py, &e.x)?)?;
        ellipse.set_item("y", PyList::new(py, &e.y)?)?;
        dict.set_item("ellipse", ellipse)?;
        dict.set_item("box_a", pair(y.box_a)?)?;
        dict.set_item("box_b", pair(y.box_b)?)?;
        dict.set_item("inside_ellipse", PyList::new(py, &y.inside_ellipse)?)?;
        dict.set_item("inside_box", PyList::new(py, &y.inside_box)?)?;
        let o = &y.options;
        let options = PyDict::new(py);
        options.set_item("estimator", o.estimator.as_str())?;
        options.set_item("coverage", o.coverage)?;
        options.set_item("box_k", o.box_k)?;
        options.set_item("ellipse_points", o.ellipse_points)?;
        dict.set_item("options", options)?;
        Ok(dict)
    }

    fn __repr__(&self) -> String {
        let y = &self.0;
        format!(
            "Youden(n={}, centre=({:?}, {:?}), scale=({:?}, {:?}), correlation={:?}, \
             coverage={:?}, outside_ellipse={})",
            y.a.len(),
            y.centre_a,
            y.centre_b,
            y.scale_a,
            y.scale_b,
            y.correlation,
            y.options.coverage,
            y.inside_ellipse.iter().filter(|&&i| !i).count()
        )
    }

    fn __eq__(&self, other: PyRef<'_, Self>) -> bool {
        self.0 == other.0
    }
}

fn ellipse_points(ob: &Bound<'_, PyAny>) -> PyResult<usize> {
    count("ellipse_points", ob)
}

/// The data of a Youden plot of the results a and b of two samples, one
/// pair per participant (ISO 13528:2022 10.5).
///
/// estimator: "median" (median and MADe of each axis, default) or
/// "algorithm_a" (x* and s*); coverage: of the ellipse, from the robust
/// covariance (Gnanadesikan-Kettenring correlation) and chi-squared with 2
/// degrees of freedom, radius^2 = -2 ln(1 - coverage) (default 0.95);
/// box_k: the box is centre +- box_k robust SDs (default 2); ellipse_points:
/// distinct points of the polyline (default 100).
///
/// Raises InvalidInputError for a and b of different lengths
/// (length_mismatch), fewer than two pairs, or a NaN or infinite result,
/// ZeroScaleError when an axis' robust SD is zero, InvalidParameterError for
/// an option out of its domain, NumericalOverflowError for a spread too large.
#[pyfunction]
#[pyo3(signature = (
    a,
    b,
    *,
    estimator = Named(YoudenOptions::default().estimator),
    coverage = YoudenOptions::default().coverage,
    box_k = YoudenOptions::default().box_k,
    ellipse_points = YoudenOptions::default().ellipse_points,
), text_signature = "(a, b, *, estimator='median', coverage=0.95, box_k=2.0, ellipse_points=100)")]
pub(crate) fn youden(
    py: Python<'_>,
    a: Values<'_>,
    b: Values<'_>,
    estimator: Named<YoudenEstimator>,
    coverage: f64,
    box_k: f64,
    #[pyo3(from_py_with = ellipse_points)] ellipse_points: usize,
) -> EqaResult<Youden> {
    let options = YoudenOptions {
        estimator: estimator.0,
        coverage,
        box_k,
        ellipse_points,
    };
    let (a, b) = (as_slice(&a), as_slice(&b));
    Ok(Youden(py.detach(|| eqa::youden(&a, &b, &options))?))
}
