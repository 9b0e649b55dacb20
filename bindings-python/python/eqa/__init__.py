"""ISO 13528:2022 robust statistics for External Quality Assessment.

Location and scale estimators of ISO 13528 Annex C (median, MADe, nIQR,
Algorithm A, Huber location with a fixed scale), computed by the Rust crate
``eqa``. Every function takes a 1-D array or array-like of numbers; options
are keyword-only strings. Bad input raises a subclass of :class:`EqaError`
with a stable ``code``, never returns NaN.
"""

from eqa._eqa import (
    DEFAULT_MAX_ITER,
    DEFAULT_TOLERANCE,
    EqaError,
    InvalidInputError,
    InvalidParameterError,
    NumericalOverflowError,
    RobustEstimate,
    ZeroScaleError,
    __version__,
    algorithm_a,
    consensus_uncertainty,
    huber_fixed_scale,
    made,
    mean,
    median,
    niqr,
    quantile,
    standard_deviation,
    # ISO 13528:2022 Annex C beyond Algorithm A: Q method, Hampel, Qn, Algorithm S.
    # ISO 13528:2022 clauses 8 and 9: sigma_pt and performance statistics.
    # ISO 13528:2022 clause 7 and Annex B: assigned values, homogeneity and stability.
)

__all__ = [
    "DEFAULT_MAX_ITER",
    "DEFAULT_TOLERANCE",
    "EqaError",
    "InvalidInputError",
    "InvalidParameterError",
    "NumericalOverflowError",
    "RobustEstimate",
    "ZeroScaleError",
    "__version__",
    "algorithm_a",
    "consensus_uncertainty",
    "huber_fixed_scale",
    "made",
    "mean",
    "median",
    "niqr",
    "quantile",
    "standard_deviation",
    # ISO 13528:2022 Annex C beyond Algorithm A: Q method, Hampel, Qn, Algorithm S.
    # ISO 13528:2022 clauses 8 and 9: sigma_pt and performance statistics.
    # ISO 13528:2022 clause 7 and Annex B: assigned values, homogeneity and stability.
]
