import os
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
__all__ += [
    "q_method",
    "hampel",
    "q_hampel",
    "qn",
    "qn_correction",
    "algorithm_s",
    "algorithm_s_factors",
    "QMethodEstimate",
    "HampelEstimate",
    "QHampelEstimate",
    "QnEstimate",
    "AlgorithmSEstimate",
    "AlgorithmSFactors",
]
# One result per participant, or one 1-D array of replicates per participant.
_Results: TypeAlias = _Values | Sequence[_Values]
_HampelMethod: TypeAlias = Literal["finite", "iterative"]
_QnEdition: TypeAlias = Literal["amd1", "iso2022"]

def q_method(x: _Results) -> QMethodEstimate: ...
def hampel(
    x: _Values,
    scale: float,
    *,
    method: _HampelMethod = "finite",
    stop: _StopRule = "converged",
    tol: float = 1e-10,
    max_iter: int = 1000,
) -> HampelEstimate: ...
def q_hampel(
    x: _Results,
    *,
    method: _HampelMethod = "finite",
    stop: _StopRule = "converged",
    tol: float = 1e-10,
    max_iter: int = 1000,
) -> QHampelEstimate: ...
def qn(x: _Values, *, edition: _QnEdition = "amd1") -> QnEstimate: ...
def qn_correction(p: int) -> float: ...
def algorithm_s(
    w: _Values,
    nu: int,
    *,
    stop: _StopRule = "iso2022",
    tol: float = 1e-10,
    max_iter: int = 1000,
    zero_scale: _ZeroScalePolicy = "error",
) -> AlgorithmSEstimate: ...
def algorithm_s_factors(nu: int) -> AlgorithmSFactors: ...
@type_check_only
class _QMethodEstimateDict(TypedDict):
    scale: float
    n: int
    results: int
    h1_zero: float

@final
class QMethodEstimate:
    @property
    def scale(self) -> float: ...
    @property
    def n(self) -> int: ...
    @property
    def results(self) -> int: ...
    @property
    def h1_zero(self) -> float: ...
    def to_dict(self) -> _QMethodEstimateDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@type_check_only
class _HampelEstimateDict(TypedDict):
    location: float
    scale: float
    n: int
    iterations: int
    converged: bool
    uncertainty: float
    method: _HampelMethod
    stop: _StopRule

@final
class HampelEstimate:
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
    def method(self) -> _HampelMethod: ...
    @property
    def stop(self) -> _StopRule: ...
    def to_dict(self) -> _HampelEstimateDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@type_check_only
class _QHampelEstimateDict(TypedDict):
    location: float
    scale: float
    n: int
    results: int
    h1_zero: float
    uncertainty: float
    method: _HampelMethod
    iterations: int
    converged: bool

@final
class QHampelEstimate:
    @property
    def location(self) -> float: ...
    @property
    def scale(self) -> float: ...
    @property
    def n(self) -> int: ...
    @property
    def results(self) -> int: ...
    @property
    def h1_zero(self) -> float: ...
    @property
    def uncertainty(self) -> float: ...
    @property
    def method(self) -> _HampelMethod: ...
    @property
    def iterations(self) -> int: ...
    @property
    def converged(self) -> bool: ...
    def to_dict(self) -> _QHampelEstimateDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@type_check_only
class _QnEstimateDict(TypedDict):
    scale: float
    n: int
    k: int
    difference: float
    factor: float
    correction: float
    edition: _QnEdition

@final
class QnEstimate:
    @property
    def scale(self) -> float: ...
    @property
    def n(self) -> int: ...
    @property
    def k(self) -> int: ...
    @property
    def difference(self) -> float: ...
    @property
    def factor(self) -> float: ...
    @property
    def correction(self) -> float: ...
    @property
    def edition(self) -> _QnEdition: ...
    def to_dict(self) -> _QnEstimateDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@type_check_only
class _AlgorithmSEstimateDict(TypedDict):
    scale: float
    n: int
    nu: int
    eta: float
    xi: float
    start: float
    iterations: int
    converged: bool
    stop: _StopRule

@final
class AlgorithmSEstimate:
    @property
    def scale(self) -> float: ...
    @property
    def n(self) -> int: ...
    @property
    def nu(self) -> int: ...
    @property
    def eta(self) -> float: ...
    @property
    def xi(self) -> float: ...
    @property
    def start(self) -> float: ...
    @property
    def iterations(self) -> int: ...
    @property
    def converged(self) -> bool: ...
    @property
    def stop(self) -> _StopRule: ...
    def to_dict(self) -> _AlgorithmSEstimateDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@type_check_only
class _AlgorithmSFactorsDict(TypedDict):
    nu: int
    eta: float
    xi: float

@final
class AlgorithmSFactors:
    @property
    def nu(self) -> int: ...
    @property
    def eta(self) -> float: ...
    @property
    def xi(self) -> float: ...
    def to_dict(self) -> _AlgorithmSFactorsDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

# ISO 13528:2022 clauses 8 and 9: sigma_pt and performance statistics.

from typing import overload as _overload

__all__ += [
    "ClassificationRule",
    "CombinedScore",
    "SigmaPt",
    "UncertaintyCheck",
    "check_uncertainty",
    "classify",
    "classify_en",
    "classify_pa",
    "classify_z",
    "combined_z",
    "deviation",
    "en_number",
    "pa_score",
    "percent_deviation",
    "sigma_pt_from_limit",
    "sigma_pt_from_precision",
    "sigma_pt_from_previous_rounds",
    "sigma_pt_from_robust_sd",
    "sigma_pt_general_model",
    "z_prime_score",
    "z_score",
    "zeta_score",
]

_Performance: TypeAlias = Literal["satisfactory", "questionable", "unsatisfactory"]
_Bound: TypeAlias = Literal["inclusive", "exclusive"]
_RuleLike: TypeAlias = ClassificationRule | Literal["z", "en", "pa"]
_Scores: TypeAlias = npt.NDArray[np.float64]

@_overload
def deviation(x: float, x_pt: float) -> float: ...
@_overload
def deviation(x: _Values, x_pt: float) -> _Scores: ...
@_overload
def percent_deviation(x: float, x_pt: float) -> float: ...
@_overload
def percent_deviation(x: _Values, x_pt: float) -> _Scores: ...
@_overload
def pa_score(x: float, x_pt: float, delta_e: float) -> float: ...
@_overload
def pa_score(x: _Values, x_pt: float, delta_e: float) -> _Scores: ...
@_overload
def z_score(x: float, x_pt: float, sigma_pt: float | SigmaPt) -> float: ...
@_overload
def z_score(x: _Values, x_pt: float, sigma_pt: float | SigmaPt) -> _Scores: ...
@_overload
def z_prime_score(x: float, x_pt: float, sigma_pt: float | SigmaPt, u_x_pt: float) -> float: ...
@_overload
def z_prime_score(
    x: _Values, x_pt: float, sigma_pt: float | SigmaPt, u_x_pt: float
) -> _Scores: ...
@_overload
def zeta_score(x: float, u_x: float, x_pt: float, u_x_pt: float) -> float: ...
@_overload
def zeta_score(x: _Values, u_x: float | _Values, x_pt: float, u_x_pt: float) -> _Scores: ...
@_overload
def en_number(x: float, U_x: float, x_pt: float, U_x_pt: float) -> float: ...
@_overload
def en_number(x: _Values, U_x: float | _Values, x_pt: float, U_x_pt: float) -> _Scores: ...
@type_check_only
class _RuleDict(TypedDict):
    satisfactory: float
    satisfactory_bound: _Bound
    unsatisfactory: float
    unsatisfactory_bound: _Bound

@final
class ClassificationRule:
    def __new__(
        cls,
        satisfactory: float,
        unsatisfactory: float,
        *,
        satisfactory_bound: _Bound = "inclusive",
        unsatisfactory_bound: _Bound = "inclusive",
    ) -> ClassificationRule: ...
    @staticmethod
    def z() -> ClassificationRule: ...
    @staticmethod
    def en() -> ClassificationRule: ...
    @staticmethod
    def pa() -> ClassificationRule: ...
    @staticmethod
    def two_band(limit: float) -> ClassificationRule: ...
    @property
    def satisfactory(self) -> float: ...
    @property
    def satisfactory_bound(self) -> _Bound: ...
    @property
    def unsatisfactory(self) -> float: ...
    @property
    def unsatisfactory_bound(self) -> _Bound: ...
    def to_dict(self) -> _RuleDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@_overload
def classify(scores: float, rule: _RuleLike = "z") -> _Performance: ...
@_overload
def classify(scores: _Values, rule: _RuleLike = "z") -> list[_Performance]: ...
@_overload
def classify_z(scores: float) -> _Performance: ...
@_overload
def classify_z(scores: _Values) -> list[_Performance]: ...
@_overload
def classify_en(scores: float) -> _Performance: ...
@_overload
def classify_en(scores: _Values) -> list[_Performance]: ...
@_overload
def classify_pa(scores: float) -> _Performance: ...
@_overload
def classify_pa(scores: _Values) -> list[_Performance]: ...
@type_check_only
class _CombinedOptionsDict(TypedDict):
    questionable: float
    unsatisfactory: float
    rule: _RuleDict

@type_check_only
class _CombinedScoreDict(TypedDict):
    z: list[float]
    p: int
    mean_z: float
    rescaled_sum: float
    rescaled_sum_performance: _Performance
    sum_of_squares: float
    p_value: float
    sum_of_squares_performance: _Performance
    options: _CombinedOptionsDict

@final
class CombinedScore:
    @property
    def z(self) -> list[float]: ...
    @property
    def p(self) -> int: ...
    @property
    def mean_z(self) -> float: ...
    @property
    def rescaled_sum(self) -> float: ...
    @property
    def rescaled_sum_performance(self) -> _Performance: ...
    @property
    def sum_of_squares(self) -> float: ...
    @property
    def p_value(self) -> float: ...
    @property
    def sum_of_squares_performance(self) -> _Performance: ...
    @property
    def questionable(self) -> float: ...
    @property
    def unsatisfactory(self) -> float: ...
    @property
    def rule(self) -> ClassificationRule: ...
    def to_dict(self) -> _CombinedScoreDict: ...
    def __eq__(self, other: object, /) -> bool: ...

def combined_z(
    z: _Values,
    *,
    questionable: float = 0.05,
    unsatisfactory: float = 0.01,
    rule: _RuleLike = "z",
) -> CombinedScore: ...

_SigmaPtMethod: TypeAlias = Literal[
    "fitness_for_purpose", "previous_rounds", "general_model", "precision_experiment", "robust_sd"
]
_GeneralModel: TypeAlias = Literal["horwitz", "thompson"]
_MassFractionUnit: TypeAlias = Literal["fraction", "percent", "g/kg", "mg/kg", "ug/kg", "ng/kg"]
_PreviousRoundsModel: TypeAlias = Literal["linear", "constant_rsd", "pooled"]

@type_check_only
class _SigmaPtDict(TypedDict):
    value: float
    provenance: dict[str, str | int | float]

@final
class SigmaPt:
    @property
    def value(self) -> float: ...
    @property
    def method(self) -> _SigmaPtMethod: ...
    @property
    def provenance(self) -> dict[str, str | int | float]: ...
    def to_dict(self) -> _SigmaPtDict: ...
    def __float__(self) -> float: ...
    def __eq__(self, other: object, /) -> bool: ...

def sigma_pt_from_limit(
    delta_e: float, *, fraction: Literal["half", "third"] | float = "third"
) -> SigmaPt: ...
def sigma_pt_from_precision(
    reproducibility_sd: float, repeatability_sd: float, replicates: int
) -> SigmaPt: ...
def sigma_pt_general_model(
    c: float, *, model: _GeneralModel = "thompson", unit: _MassFractionUnit = "fraction"
) -> SigmaPt: ...
def sigma_pt_from_previous_rounds(
    assigned_values: _Values,
    sds: _Values,
    x_pt: float,
    *,
    model: _PreviousRoundsModel = "linear",
) -> SigmaPt: ...
def sigma_pt_from_robust_sd(s_star: float, p: int) -> SigmaPt: ...
@type_check_only
class _UncertaintyCheckDict(TypedDict):
    u_x_pt: float
    sigma_pt: float
    limit: float
    ratio: float
    negligible: bool
    action: Literal["use_z", "use_z_prime", "report_uncertainty"]
    score: Literal["z", "z_prime"]
    reason: str

@final
class UncertaintyCheck:
    @property
    def u_x_pt(self) -> float: ...
    @property
    def sigma_pt(self) -> float: ...
    @property
    def limit(self) -> float: ...
    @property
    def ratio(self) -> float: ...
    @property
    def negligible(self) -> bool: ...
    @property
    def action(self) -> Literal["use_z", "use_z_prime", "report_uncertainty"]: ...
    @property
    def score(self) -> Literal["z", "z_prime"]: ...
    @property
    def reason(self) -> str: ...
    def to_dict(self) -> _UncertaintyCheckDict: ...
    def __eq__(self, other: object, /) -> bool: ...

def check_uncertainty(
    u_x_pt: float,
    sigma_pt: float | SigmaPt,
    *,
    when_not_negligible: Literal["use_z_prime", "report"] = "use_z_prime",
) -> UncertaintyCheck: ...

# ISO 13528:2022 clause 7 and Annex B: assigned values, homogeneity and stability.
# A 2-D array (g items x m replicates) or a sequence of rows; converted to float64.
_Table: TypeAlias = (
    npt.NDArray[np.floating[Any]]
    | npt.NDArray[np.integer[Any]]
    | Sequence[Sequence[float]]
)
_ExpandedFactors: TypeAlias = Literal["table_b1", "computed"]
_CheckCriterion: TypeAlias = Literal["basic", "expanded"]
_HomogeneityRemedy: TypeAlias = Literal["inflate_sigma_pt", "include_u_hom"]
_StabilityUncertainty: TypeAlias = Literal["rectangular", "difference"]
_ConsensusEstimator: TypeAlias = Literal["algorithm_a", "median_niqr", "median_made", "mean"]
_AssignedValueProvenance: TypeAlias = Literal[
    "formulation",
    "certified_reference_value",
    "reference_laboratory",
    "expert_consensus",
    "participant_consensus",
]
_ComparisonRule: TypeAlias = Literal["two_u_diff", "three_u_diff"]

def homogeneity(
    table: _Table,
    sigma_pt: float,
    *,
    factors: _ExpandedFactors = "table_b1",
    criterion: _CheckCriterion = "basic",
    remedy: _HomogeneityRemedy = "inflate_sigma_pt",
) -> Homogeneity: ...
def expanded_factors(
    g: int, m: int, *, factors: _ExpandedFactors = "table_b1"
) -> tuple[float, float, _ExpandedFactors]: ...
def stability(
    first: _Values,
    second: _Values,
    sigma_pt: float,
    *,
    u_first: float | None = None,
    u_second: float | None = None,
    criterion: _CheckCriterion = "basic",
    u_stab_rule: _StabilityUncertainty = "rectangular",
) -> Stability: ...
def assigned_value_formulation(
    x_pt: float, u: float, *, u_hom: float = 0.0, u_stab: float = 0.0
) -> AssignedValue: ...
def assigned_value_certified(
    value: float,
    expanded_uncertainty: float,
    k: float,
    *,
    u_hom: float = 0.0,
    u_stab: float = 0.0,
) -> AssignedValue: ...
def assigned_value_reference_laboratory(
    x_pt: float, u: float, *, u_hom: float = 0.0, u_stab: float = 0.0
) -> AssignedValue: ...
def assigned_value_crm_comparison(
    x_crm: float,
    u_crm: float,
    differences: _Values,
    *,
    u_hom: float = 0.0,
    u_stab: float = 0.0,
) -> AssignedValue: ...
def assigned_value_consensus(
    x: _Values,
    *,
    estimator: _ConsensusEstimator = "algorithm_a",
    constants: _Constants = "iso",
    stop: _StopRule = "iso2022",
    tol: float = 1e-10,
    max_iter: int = 1000,
    zero_scale: _ZeroScalePolicy = "error",
    u_hom: float = 0.0,
    u_stab: float = 0.0,
) -> AssignedValue: ...
def assigned_value_expert_consensus(
    x: _Values,
    *,
    estimator: _ConsensusEstimator = "algorithm_a",
    constants: _Constants = "iso",
    stop: _StopRule = "iso2022",
    tol: float = 1e-10,
    max_iter: int = 1000,
    zero_scale: _ZeroScalePolicy = "error",
    u_hom: float = 0.0,
    u_stab: float = 0.0,
) -> AssignedValue: ...
def compare_with_reference(
    x_ref: float,
    u_ref: float,
    x_pt: float,
    u_x_pt: float,
    *,
    rule: _ComparisonRule = "two_u_diff",
) -> ReferenceComparison: ...
@type_check_only
class _HomogeneityDict(TypedDict):
    g: int
    m: int
    item_means: list[float]
    general_mean: float
    s_x: float
    s_w: float
    s_s: float
    sigma_pt: float
    criterion: float
    sufficient: bool
    f1: float
    f2: float
    factors: _ExpandedFactors
    c: float
    expanded_criterion: float
    sufficient_expanded: bool
    decided_by: _CheckCriterion
    failed: bool
    remedy: _HomogeneityRemedy
    sigma_pt_prime: float
    u_hom: float

@final
class Homogeneity:
    @property
    def g(self) -> int: ...
    @property
    def m(self) -> int: ...
    @property
    def item_means(self) -> list[float]: ...
    @property
    def general_mean(self) -> float: ...
    @property
    def s_x(self) -> float: ...
    @property
    def s_w(self) -> float: ...
    @property
    def s_s(self) -> float: ...
    @property
    def sigma_pt(self) -> float: ...
    @property
    def criterion(self) -> float: ...
    @property
    def sufficient(self) -> bool: ...
    @property
    def f1(self) -> float: ...
    @property
    def f2(self) -> float: ...
    @property
    def factors(self) -> _ExpandedFactors: ...
    @property
    def c(self) -> float: ...
    @property
    def expanded_criterion(self) -> float: ...
    @property
    def sufficient_expanded(self) -> bool: ...
    @property
    def decided_by(self) -> _CheckCriterion: ...
    @property
    def failed(self) -> bool: ...
    @property
    def remedy(self) -> _HomogeneityRemedy: ...
    @property
    def sigma_pt_prime(self) -> float: ...
    @property
    def u_hom(self) -> float: ...
    def to_dict(self) -> _HomogeneityDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@type_check_only
class _StabilityDict(TypedDict):
    n_first: int
    n_second: int
    mean_first: float
    mean_second: float
    difference: float
    u_first: float
    u_second: float
    u_difference: float
    sigma_pt: float
    criterion: float
    stable: bool
    expanded_criterion: float
    stable_expanded: bool
    decided_by: _CheckCriterion
    failed: bool
    u_stab_rule: _StabilityUncertainty
    u_stab: float

@final
class Stability:
    @property
    def n_first(self) -> int: ...
    @property
    def n_second(self) -> int: ...
    @property
    def mean_first(self) -> float: ...
    @property
    def mean_second(self) -> float: ...
    @property
    def difference(self) -> float: ...
    @property
    def u_first(self) -> float: ...
    @property
    def u_second(self) -> float: ...
    @property
    def u_difference(self) -> float: ...
    @property
    def sigma_pt(self) -> float: ...
    @property
    def criterion(self) -> float: ...
    @property
    def stable(self) -> bool: ...
    @property
    def expanded_criterion(self) -> float: ...
    @property
    def stable_expanded(self) -> bool: ...
    @property
    def decided_by(self) -> _CheckCriterion: ...
    @property
    def failed(self) -> bool: ...
    @property
    def u_stab_rule(self) -> _StabilityUncertainty: ...
    @property
    def u_stab(self) -> float: ...
    def to_dict(self) -> _StabilityDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@type_check_only
class _AssignedValueDict(TypedDict):
    x_pt: float
    u_x_pt: float
    u_char: float
    u_hom: float
    u_stab: float
    provenance: _AssignedValueProvenance
    estimator: _ConsensusEstimator | None
    scale: float | None
    p: int | None
    expanded_uncertainty: float | None
    coverage_factor: float | None
    reference_value: float | None
    u_reference: float | None
    mean_difference: float | None
    u_difference: float | None

@final
class AssignedValue:
    @property
    def x_pt(self) -> float: ...
    @property
    def u_x_pt(self) -> float: ...
    @property
    def u_char(self) -> float: ...
    @property
    def u_hom(self) -> float: ...
    @property
    def u_stab(self) -> float: ...
    @property
    def provenance(self) -> _AssignedValueProvenance: ...
    @property
    def estimator(self) -> _ConsensusEstimator | None: ...
    @property
    def scale(self) -> float | None: ...
    @property
    def p(self) -> int | None: ...
    @property
    def expanded_uncertainty(self) -> float | None: ...
    @property
    def coverage_factor(self) -> float | None: ...
    @property
    def reference_value(self) -> float | None: ...
    @property
    def u_reference(self) -> float | None: ...
    @property
    def mean_difference(self) -> float | None: ...
    @property
    def u_difference(self) -> float | None: ...
    def to_dict(self) -> _AssignedValueDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

@type_check_only
class _ReferenceComparisonDict(TypedDict):
    x_ref: float
    u_ref: float
    x_pt: float
    u_x_pt: float
    difference: float
    u_diff: float
    ratio: float
    rule: _ComparisonRule
    limit: float
    agrees: bool

@final
class ReferenceComparison:
    @property
    def x_ref(self) -> float: ...
    @property
    def u_ref(self) -> float: ...
    @property
    def x_pt(self) -> float: ...
    @property
    def u_x_pt(self) -> float: ...
    @property
    def difference(self) -> float: ...
    @property
    def u_diff(self) -> float: ...
    @property
    def ratio(self) -> float: ...
    @property
    def rule(self) -> _ComparisonRule: ...
    @property
    def limit(self) -> float: ...
    @property
    def agrees(self) -> bool: ...
    def to_dict(self) -> _ReferenceComparisonDict: ...
    def __eq__(self, other: object, /) -> bool: ...
    def __hash__(self) -> int: ...

__all__ += [
    "homogeneity",
    "expanded_factors",
    "stability",
    "assigned_value_formulation",
    "assigned_value_certified",
    "assigned_value_reference_laboratory",
    "assigned_value_crm_comparison",
    "assigned_value_consensus",
    "assigned_value_expert_consensus",
    "compare_with_reference",
    "Homogeneity",
    "Stability",
    "AssignedValue",
    "ReferenceComparison",
]

# ISO 13528:2022 clause 10: data for graphs.

__all__ += [
    "histogram",
    "kernel_density",
    "youden",
    "score_bars",
    "score_series",
    "Histogram",
    "KernelDensity",
    "Youden",
    "ScoreBars",
    "ScoreSeries",
]

_BinsRule: TypeAlias = Literal["sturges", "scott", "freedman_diaconis"]
_BandwidthRule: TypeAlias = Literal["silverman", "scott"]
_YoudenEstimator: TypeAlias = Literal["median", "algorithm_a"]
_Floats: TypeAlias = npt.NDArray[np.float64]
_Ints: TypeAlias = npt.NDArray[np.int64]

def histogram(
    x: _Values, *, bins: _BinsRule | int | None = None, width: float | None = None
) -> Histogram: ...
def kernel_density(
    x: _Values,
    *,
    bandwidth: _BandwidthRule | float = "silverman",
    points: int = 512,
    cut: float = 3.0,
    range: tuple[float, float] | None = None,
    mode_height: float = 0.05,
) -> KernelDensity: ...
def youden(
    a: _Values,
    b: _Values,
    *,
    estimator: _YoudenEstimator = "median",
    coverage: float = 0.95,
    box_k: float = 2.0,
    ellipse_points: int = 100,
) -> Youden: ...
def score_bars(scores: _Values, *, rule: _RuleLike = "z") -> ScoreBars: ...
def score_series(
    rounds: _Values,
    scores: _Values,
    *,
    window: int = 5,
    rule: _RuleLike = "z",
    questionable: float = 0.05,
    unsatisfactory: float = 0.01,
) -> ScoreSeries: ...
@final
class Histogram:
    @property
    def edges(self) -> _Floats: ...
    @property
    def counts(self) -> _Ints: ...
    @property
    def width(self) -> float: ...
    @property
    def n(self) -> int: ...
    @property
    def bins(self) -> Literal["sturges", "scott", "freedman_diaconis", "width", "count"]: ...
    @property
    def sturges_fallback(self) -> bool: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class KernelDensity:
    @property
    def x(self) -> _Floats: ...
    @property
    def density(self) -> _Floats: ...
    @property
    def bandwidth(self) -> float: ...
    @property
    def bandwidth_rule(self) -> Literal["silverman", "scott", "given"]: ...
    @property
    def n(self) -> int: ...
    @property
    def modes(self) -> _Floats: ...
    @property
    def mode_densities(self) -> _Floats: ...
    @property
    def multimodal(self) -> bool: ...
    @property
    def points(self) -> int: ...
    @property
    def cut(self) -> float: ...
    @property
    def range(self) -> tuple[float, float] | None: ...
    @property
    def mode_height(self) -> float: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class Youden:
    @property
    def participants(self) -> _Ints: ...
    @property
    def a(self) -> _Floats: ...
    @property
    def b(self) -> _Floats: ...
    @property
    def centre_a(self) -> float: ...
    @property
    def centre_b(self) -> float: ...
    @property
    def scale_a(self) -> float: ...
    @property
    def scale_b(self) -> float: ...
    @property
    def correlation(self) -> float: ...
    @property
    def diagonal_intercept(self) -> float: ...
    @property
    def ellipse_centre(self) -> tuple[float, float]: ...
    @property
    def ellipse_semi_major(self) -> float: ...
    @property
    def ellipse_semi_minor(self) -> float: ...
    @property
    def ellipse_angle(self) -> float: ...
    @property
    def ellipse_angle_degrees(self) -> float: ...
    @property
    def ellipse_x(self) -> _Floats: ...
    @property
    def ellipse_y(self) -> _Floats: ...
    @property
    def box_a(self) -> tuple[float, float]: ...
    @property
    def box_b(self) -> tuple[float, float]: ...
    @property
    def inside_ellipse(self) -> list[bool]: ...
    @property
    def inside_box(self) -> list[bool]: ...
    @property
    def estimator(self) -> _YoudenEstimator: ...
    @property
    def coverage(self) -> float: ...
    @property
    def box_k(self) -> float: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class ScoreBars:
    @property
    def scores(self) -> _Floats: ...
    @property
    def performance(self) -> list[_Performance]: ...
    @property
    def order(self) -> _Ints: ...
    @property
    def sorted_scores(self) -> _Floats: ...
    @property
    def limit_lines(self) -> list[float]: ...
    @property
    def rule(self) -> ClassificationRule: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

@final
class ScoreSeries:
    @property
    def rounds(self) -> _Floats: ...
    @property
    def scores(self) -> _Floats: ...
    @property
    def order(self) -> _Ints: ...
    @property
    def performance(self) -> list[_Performance]: ...
    @property
    def window_sizes(self) -> _Ints: ...
    @property
    def running_mean(self) -> _Floats: ...
    @property
    def mean_satisfactory_limit(self) -> _Floats: ...
    @property
    def mean_unsatisfactory_limit(self) -> _Floats: ...
    @property
    def running_mean_performance(self) -> list[_Performance]: ...
    @property
    def running_sum_of_squares(self) -> _Floats: ...
    @property
    def sum_of_squares_questionable_limit(self) -> _Floats: ...
    @property
    def sum_of_squares_unsatisfactory_limit(self) -> _Floats: ...
    @property
    def running_sum_of_squares_performance(self) -> list[_Performance]: ...
    @property
    def window(self) -> int: ...
    @property
    def rule(self) -> ClassificationRule: ...
    @property
    def questionable(self) -> float: ...
    @property
    def unsatisfactory(self) -> float: ...
    def to_dict(self) -> dict[str, Any]: ...
    def __eq__(self, other: object, /) -> bool: ...

# Histories, certificates and reports over scored rounds.

# A scoring (as score_round returns it) or results: a JSON-shaped dict or
# its JSON text.
_HistoryDocument: TypeAlias = dict[str, Any] | str

@type_check_only
class _LabHistoryDict(TypedDict):
    lab: str
    analyte: str | None
    rounds: list[str]
    outcomes: list[str]
    statuses: list[str]
    unsuccessful: bool

@type_check_only
class _CertificateDict(TypedDict):
    lab: str
    program: str
    policy: str
    scope: str
    eligible: bool
    analytes_passed: list[str]
    analytes_failed: list[str]
    analytes_not_scored: list[str]
    rounds: int

def performance_history(
    outcomes: Sequence[str],
    *,
    consecutive: int = 2,
    k_of_n: tuple[int, int] | None = (2, 3),
) -> list[str]: ...
def histories(
    scorings: Sequence[_HistoryDocument] | str,
    *,
    consecutive: int = 2,
    k_of_n: tuple[int, int] | None = (2, 3),
) -> list[_LabHistoryDict]: ...
def certificates(
    scorings: Sequence[_HistoryDocument] | str,
    *,
    program: str,
    policy: Literal["all_rounds_satisfactory", "not_unsuccessful"] = "all_rounds_satisfactory",
    scope: Literal["passed_analytes", "all_analytes"] = "passed_analytes",
    consecutive: int = 2,
    k_of_n: tuple[int, int] | None = (2, 3),
) -> list[_CertificateDict]: ...
def lab_report(
    results: _HistoryDocument, scoring: _HistoryDocument, *, lab: str
) -> dict[str, Any]: ...
def lab_report_csv(
    results: _HistoryDocument, scoring: _HistoryDocument, *, lab: str
) -> str: ...
def round_summary(scoring: _HistoryDocument) -> dict[str, Any]: ...
def round_summary_csv(scoring: _HistoryDocument) -> str: ...

__all__ += [
    "performance_history",
    "histories",
    "certificates",
    "lab_report",
    "lab_report_csv",
    "round_summary",
    "round_summary_csv",
]

# Synthetic rounds: a generated plan, criteria and a year of results.

_IncidentKind: TypeAlias = Literal[
    "biased",
    "not_returned",
    "draft_only",
    "resubmitted",
    "late",
    "glucose_in_mg_dl",
    "creatinine_in_mg_dl",
    "swapped_samples",
    "transcription",
    "unit_spelling",
    "instrument_spelling",
    "silent_enrolment",
    "abo_mistyped",
]

@type_check_only
class _IncidentDict(TypedDict):
    kind: _IncidentKind
    lab: str
    round: str | None
    analytes: list[str]
    samples: list[str]
    detail: str

@type_check_only
class _SyntheticDict(TypedDict):
    plan: dict[str, Any]
    criteria: dict[str, Any]
    results: dict[str, Any]
    incidents: list[_IncidentDict]

def synthetic_round(
    *, labs: int = 300, seed: int = 2026, rounds: int = 3, full_menu: bool = False
) -> _SyntheticDict: ...

__all__ += ["synthetic_round"]

# Acceptance limits, the shipped criteria tables and unit conversions.

from collections.abc import Mapping as _Mapping
from decimal import Decimal as _Decimal

# A number judged or converted exactly: text and int as written, a float
# through its shortest text.
_Number: TypeAlias = str | int | float | _Decimal
_Boundary: TypeAlias = Literal["inclusive", "exclusive"]

@type_check_only
class _PercentLimit(TypedDict):
    kind: Literal["percent"]
    percent: _Number

@type_check_only
class _AbsoluteLimit(TypedDict):
    kind: Literal["absolute"]
    absolute: _Number

@type_check_only
class _GreaterOfLimit(TypedDict):
    kind: Literal["greater_of"]
    absolute: _Number
    percent: _Number

@type_check_only
class _PiecewiseLimit(TypedDict):
    kind: Literal["piecewise"]
    breakpoint: _Number
    absolute: _Number
    percent: _Number

@type_check_only
class _SdMultipleLimit(TypedDict):
    kind: Literal["sd_multiple"]
    k: _Number

@type_check_only
class _OrdinalWindowLimit(TypedDict):
    kind: Literal["ordinal_window"]
    down: int
    up: int
    negative_exact: bool

@type_check_only
class _CategoricalLimit(TypedDict):
    kind: Literal["categorical"]

_AcceptanceLimit: TypeAlias = (
    _PercentLimit
    | _AbsoluteLimit
    | _GreaterOfLimit
    | _PiecewiseLimit
    | _SdMultipleLimit
    | _OrdinalWindowLimit
    | _CategoricalLimit
)

@type_check_only
class _Judgement(TypedDict):
    acceptable: bool
    allowed: str
    deviation: str

@type_check_only
class _Criterion(TypedDict):
    analyte: str
    name: str
    unit: str | None
    limit: _AcceptanceLimit
    # The PT score needed in percent, as text, where the source sets one.
    pass_threshold: str | None
    source: str
    confirmed: bool
    note: str

@type_check_only
class _CriteriaTable(TypedDict):
    provider: str
    year: int
    programs: list[str]
    name: str
    source: str
    criteria: list[_Criterion]

@type_check_only
class _Criteria(TypedDict):
    tables: list[_CriteriaTable]

@type_check_only
class _UnitConversion(TypedDict):
    analyte: str
    name: str
    conventional_unit: str
    si_unit: str
    factor: str
    direction: Literal["si_per_conventional", "conventional_per_si"]
    source: str
    confirmed: bool

def judge(
    value: _Number,
    target: _Number,
    limit: _AcceptanceLimit,
    *,
    sd: _Number | None = None,
    boundary: _Boundary = "inclusive",
) -> _Judgement: ...
def builtin_criteria() -> _Criteria: ...
def nccl_2024_criteria() -> _Criteria: ...
def clia_2024_criteria() -> _Criteria: ...
def find_criterion(
    criteria: _Criteria | _CriteriaTable | _Mapping[str, Any] | str,
    *,
    provider: str,
    year: int,
    program: str,
    analyte: str,
) -> _Criterion | None: ...
def convert_unit(value: _Number, *, analyte: str, from_unit: str, to_unit: str) -> str: ...
def unit_conversions() -> list[_UnitConversion]: ...

__all__ += [
    "judge",
    "builtin_criteria",
    "nccl_2024_criteria",
    "clia_2024_criteria",
    "find_criterion",
    "convert_unit",
    "unit_conversions",
]

# Hospital indicators: participation, pass and alternative-assessment rates.

from collections.abc import Mapping as _AbcMapping

# A document: a JSON-shaped dict or its JSON text.
_IndDocument: TypeAlias = _AbcMapping[str, Any] | str
_IndDocuments: TypeAlias = Sequence[_AbcMapping[str, Any]] | str
_IndOutcome: TypeAlias = Literal[
    "satisfactory", "unsatisfactory", "not_returned", "late", "no_score", "excused"
]
_IndYearPass: TypeAlias = Literal[
    "all_scored_rounds_satisfactory", "not_unsuccessful", "majority_of_rounds"
]
_IndParticipation: TypeAlias = Literal["enrolled", "returned"]
_IndCombination: TypeAlias = Literal["all_must_pass", "any_passes"]
_IndUnscored: TypeAlias = Literal["excluded_from_pass_rate", "counted_as_failed"]
_IndAlternativeCounting: TypeAlias = Literal["used", "meets_rule"]
_IndKind: TypeAlias = Literal[
    "participation_rate", "pass_rate", "fail_rate", "alternative_usage_rate", "national_passed_items"
]
_IndItemStatus: TypeAlias = Literal["not_offered", "not_participated", "not_evaluated", "passed", "failed"]
_IndYearVerdict: TypeAlias = Literal["passed", "failed", "not_evaluated", "not_participated"]
_IndHospitalLevel: TypeAlias = Literal["secondary", "tertiary", "other"]

@type_check_only
class _IndItemOutcomeDict(TypedDict):
    provider: str
    program: str
    analyte: str
    lab: str
    year: int | None
    rounds: list[_IndOutcome]

@type_check_only
class _IndAlternativeRuleDict(TypedDict):
    min_samples: int
    min_events: int
    min_agreement: str

@type_check_only
class _IndPoliciesDict(TypedDict):
    year_pass: _IndYearPass
    participation: _IndParticipation
    combination: _IndCombination
    unscored: _IndUnscored
    alternative_counting: _IndAlternativeCounting
    alternative_rule: _IndAlternativeRuleDict

@type_check_only
class _IndDict(TypedDict):
    indicator: _IndKind
    label: str
    definition: str
    numerator: int
    denominator: int
    value: float | None
    numerator_items: list[str]
    denominator_items: list[str]
    policies: dict[str, str]

@type_check_only
class _IndCoverageDict(TypedDict):
    provider: str
    program: str
    analyte: str
    lab: str
    rounds: list[_IndOutcome]
    outcome: int
    in_scope: bool
    national: bool
    verdict: _IndYearVerdict

@type_check_only
class _IndAlternativeEventDict(TypedDict):
    index: int
    date: str
    samples: int
    agreeing: int
    agreement: float | None
    in_year: bool
    acceptable: bool

@type_check_only
class _IndAlternativeSummaryDict(TypedDict):
    events: list[_IndAlternativeEventDict]
    events_in_year: int
    used: bool
    meets_rule: bool

@type_check_only
class _IndItemResultDict(TypedDict):
    item: str
    name: str | None
    performed: bool
    offered: bool
    offered_anywhere: bool
    participated: bool
    status: _IndItemStatus
    national_status: _IndItemStatus
    coverages: list[_IndCoverageDict]
    alternative: _IndAlternativeSummaryDict | None

@type_check_only
class _IndOutcomeUseDict(TypedDict):
    used: int
    other_laboratories: int
    other_years: int
    unmapped: int

@type_check_only
class _IndIssueDict(TypedDict):
    kind: str
    location: str
    message: str

@type_check_only
class _IndValidationReportDict(TypedDict):
    issues: list[_IndIssueDict]

@type_check_only
class _IndHospitalIndicatorsDict(TypedDict):
    hospital: str
    name: str
    level: _IndHospitalLevel
    year: int
    scope: str
    policies: _IndPoliciesDict
    participation_rate: _IndDict
    pass_rate: _IndDict
    fail_rate: _IndDict
    alternative_usage_rate: _IndDict
    national_passed_items: _IndDict
    items: list[_IndItemResultDict]
    outcomes: _IndOutcomeUseDict
    issues: list[_IndIssueDict]

_IndBandDict = TypedDict("_IndBandDict", {"from": float, "to": float, "count": int})

@type_check_only
class _IndDistributionDict(TypedDict):
    indicator: _IndKind
    n: int
    undefined: list[str]
    min: float | None
    q1: float | None
    median: float | None
    q3: float | None
    max: float | None
    mean: float | None
    bands: list[_IndBandDict]

@type_check_only
class _IndFailedItemDict(TypedDict):
    item: str
    name: str | None
    failed: int
    evaluated: int
    percent: float
    hospitals: list[str]

@type_check_only
class _IndGroupSummaryDict(TypedDict):
    group: Literal["all", "secondary", "tertiary", "other"]
    hospitals: list[str]
    distributions: list[_IndDistributionDict]
    failed_items: list[_IndFailedItemDict]

@type_check_only
class _IndProviderReportDict(TypedDict):
    scope: str
    policies: _IndPoliciesDict
    hospitals: list[_IndHospitalIndicatorsDict]
    groups: list[_IndGroupSummaryDict]
    issues: list[_IndIssueDict]

def sample_catalogue() -> dict[str, Any]: ...
def sample_mapping() -> dict[str, Any]: ...
def item_outcomes(
    plan: _IndDocument, scorings: _IndDocuments
) -> list[_IndItemOutcomeDict]: ...
def hospital_indicators(
    catalogue: _IndDocument,
    mapping: _IndDocument,
    hospital: _IndDocument,
    outcomes: _IndDocuments,
    *,
    scope: str,
    year_pass: _IndYearPass = "all_scored_rounds_satisfactory",
    participation: _IndParticipation = "enrolled",
    combination: _IndCombination = "all_must_pass",
    unscored: _IndUnscored = "excluded_from_pass_rate",
    alternative_counting: _IndAlternativeCounting = "used",
    min_samples: int = 5,
    min_events: int = 2,
    min_agreement: float = 80.0,
) -> _IndHospitalIndicatorsDict: ...
def provider_indicators(
    catalogue: _IndDocument,
    mapping: _IndDocument,
    hospitals: _IndDocuments,
    outcomes: _IndDocuments,
    *,
    scope: str,
    year_pass: _IndYearPass = "all_scored_rounds_satisfactory",
    participation: _IndParticipation = "enrolled",
    combination: _IndCombination = "all_must_pass",
    unscored: _IndUnscored = "excluded_from_pass_rate",
    alternative_counting: _IndAlternativeCounting = "used",
    min_samples: int = 5,
    min_events: int = 2,
    min_agreement: float = 80.0,
) -> _IndProviderReportDict: ...
def validate_indicator_inputs(
    catalogue: _IndDocument,
    mapping: _IndDocument,
    hospitals: _IndDocuments,
    outcomes: _IndDocuments,
) -> _IndValidationReportDict: ...
def hospital_indicators_csv(result: _IndDocument) -> str: ...
def provider_indicators_csv(
    report: _IndDocument, *, table: Literal["hospitals", "distributions", "failed_items"]
) -> str: ...

__all__ += [
    "sample_catalogue",
    "sample_mapping",
    "item_outcomes",
    "hospital_indicators",
    "provider_indicators",
    "validate_indicator_inputs",
    "hospital_indicators_csv",
    "provider_indicators_csv",
]

# Results in long format and submission validation.

_Severity: TypeAlias = Literal["error", "warning"]
_ProblemCode: TypeAlias = Literal[
    "missing_column",
    "unknown_column",
    "duplicate_column",
    "missing_field",
    "bad_status",
    "bad_timestamp",
    "bad_version",
    "bad_field",
    "ragged_row",
    "blank_row",
    "unreadable_row",
    "invalid_document",
    "conflicting_metadata",
    "duplicate_row",
    "unterminated_quote",
    "duplicate_key",
    "bad_encoding",
]
_IssueCode: TypeAlias = Literal[
    "unknown_program",
    "unknown_round",
    "unknown_analyte",
    "unknown_sample",
    "wrong_program_or_round",
    "missing_sample",
    "duplicate_sample",
    "blank_value",
    "unreadable_value",
    "out_of_vocabulary",
    "wrong_unit",
    "converted_unit",
    "implausible_value",
    "missing_instrument",
    "missing_reagent",
    "missing_method",
    "missing_calibrator",
    "past_deadline",
    "not_open_yet",
    "duplicate_analyte",
]

@type_check_only
class _LoadProblemDict(TypedDict):
    row: int
    column: str | None
    code: _ProblemCode
    severity: _Severity
    message: str

@type_check_only
class _LoadedDict(TypedDict):
    results: dict[str, Any]
    problems: list[_LoadProblemDict]
    rows: int

@type_check_only
class _IssueDict(TypedDict):
    path: str
    code: _IssueCode
    severity: _Severity
    analyte: str | None
    sample: str | None
    message_en: str
    message_zh: str

@type_check_only
class _ValidationReportDict(TypedDict):
    valid: bool
    issues: list[_IssueDict]

_TextEncoding: TypeAlias = Literal["auto", "utf-8", "utf-16le", "utf-16be", "gb18030"]

def load_results_csv(
    source: str | bytes | bytearray | os.PathLike[str], *, encoding: _TextEncoding = "auto"
) -> _LoadedDict: ...
def load_results_json(
    source: str | bytes | bytearray | os.PathLike[str] | Sequence[Any] | dict[str, Any],
    *,
    encoding: _TextEncoding = "auto",
) -> _LoadedDict: ...
def results_to_csv(results: dict[str, Any] | str) -> str: ...
def load_plan(document: dict[str, Any] | str) -> dict[str, Any]: ...
def validate_submission(
    plan: dict[str, Any] | str,
    submissions: Sequence[dict[str, Any]] | str,
    *,
    program: str,
    round: str,
    now: str | None = None,
) -> _ValidationReportDict: ...

__all__ += [
    "load_results_csv",
    "load_results_json",
    "results_to_csv",
    "load_plan",
    "validate_submission",
]

# Scoring a round: evaluations, peer groups, targets and PT scores.

def score_round(
    plan: dict[str, Any] | str,
    criteria: _Criteria | dict[str, Any] | str | None,
    results: dict[str, Any] | str,
    *,
    program: str,
    round: str,
) -> dict[str, Any]: ...
def score_year(
    plan: dict[str, Any] | str,
    criteria: _Criteria | dict[str, Any] | str | None,
    results: dict[str, Any] | str,
    *,
    program: str,
) -> list[dict[str, Any]]: ...
def vis_score(value: float, target: float, ccv: float) -> int: ...

__all__ += ["score_round", "score_year", "vis_score"]
