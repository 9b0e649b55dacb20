from collections.abc import Sequence
from typing import Any, Final, Literal, TypedDict, final, type_check_only

import numpy as np
import numpy.typing as npt
from typing_extensions import TypeAlias

# A 1-D array of numbers or a sequence of them; converted to float64.
_Values: TypeAlias = (
    npt.NDArray[np.floating[Any]]
    | npt.NDArray[np.integer[Any]]
    | npt.NDArray[np.bool_]
    | Sequence[float]
)
_Constants: TypeAlias = Literal["iso", "exact"]
_StopRule: TypeAlias = Literal["iso2022", "converged"]
_ZeroScalePolicy: TypeAlias = Literal["error", "standard_deviation", "median"]
_StartScale: TypeAlias = Literal["made", "standard_deviation", "given", "zero"]

__all__ = [
    "__version__",
    "DEFAULT_TOLERANCE",
    "DEFAULT_MAX_ITER",
    "median",
    "mean",
    "made",
    "niqr",
    "quantile",
    "standard_deviation",
    "algorithm_a",
    "huber_fixed_scale",
    "consensus_uncertainty",
    "RobustEstimate",
    "EqaError",
    "InvalidInputError",
    "InvalidParameterError",
    "ZeroScaleError",
    "NumericalOverflowError",
]

__version__: Final[str]
DEFAULT_TOLERANCE: Final[float]
DEFAULT_MAX_ITER: Final[int]

def median(x: _Values) -> float: ...
def mean(x: _Values) -> float: ...
def standard_deviation(x: _Values) -> float: ...
def made(x: _Values, *, constants: _Constants = "iso") -> float: ...
def niqr(x: _Values) -> float: ...
def quantile(x: _Values, p: float) -> float: ...
def consensus_uncertainty(scale: float, p: int) -> float: ...
def algorithm_a(
    x: _Values,
    *,
    constants: _Constants = "iso",
    stop: _StopRule = "iso2022",
    tol: float = 1e-10,
    max_iter: int = 1000,
    zero_scale: _ZeroScalePolicy = "error",
) -> RobustEstimate: ...
def huber_fixed_scale(
    x: _Values,
    *,
    scale: float | None = None,
    constants: _Constants = "iso",
    stop: _StopRule = "iso2022",
    tol: float = 1e-10,
    max_iter: int = 1000,
    zero_scale: _ZeroScalePolicy = "error",
) -> RobustEstimate: ...
@type_check_only
class _RobustEstimateDict(TypedDict):
    location: float
    scale: float
    n: int
    iterations: int
    converged: bool
    uncertainty: float
    constants: _Constants
    stop: _StopRule
    start_scale: _StartScale

@final
class RobustEstimate:
    @property
    def location(self) -> float: ...
    @property
    def scale(self) -> float: ...
    @property
    def n(self) -> int: ...
    @property
    def iterations(self) -> int: ...
    @property
    def converged(self) -> bool: ...
    @property
    def uncertainty(self) -> float: ...
    @property
    def constants(self) -> _Constants: ...
    @property
    def stop(self) -> _StopRule: ...
    @property
    def start_scale(self) -> _StartScale: ...
    def to_dict(self) -> _RobustEstimateDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

class EqaError(Exception):
    code: str
    details: dict[str, str | int | float]

class InvalidInputError(EqaError, ValueError): ...
class InvalidParameterError(EqaError, ValueError): ...
class ZeroScaleError(EqaError, ArithmeticError): ...
class NumericalOverflowError(EqaError, ArithmeticError): ...

# ISO 13528:2022 Annex C beyond Algorithm A: Q method, Hampel, Qn, Algorithm S.

# ISO 13528:2022 clauses 8 and 9: sigma_pt and performance statistics.

# ISO 13528:2022 clause 7 and Annex B: assigned values, homogeneity and stability.
