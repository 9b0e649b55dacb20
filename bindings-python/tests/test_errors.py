"""Every error code and class, their `code` and `details`, and inputs refused before the core."""

from __future__ import annotations

import math
import pickle
import sys
from typing import Any, Callable

import numpy as np
import pytest

import eqa

BIG = sys.float_info.max
TIES = [1.0, 1.0, 1.0, 2.0, 9.0]


def raised(call: Callable[[], Any]) -> eqa.EqaError:
    with pytest.raises(eqa.EqaError) as info:
        call()
    return info.value


# (call, class, code, details); NaN details are checked separately.
CASES: list[tuple[str, Callable[[], Any], type[eqa.EqaError], str, dict[str, Any]]] = [
    ("empty median", lambda: eqa.median([]), eqa.InvalidInputError, "too_few_values",
     {"estimator": "median", "needed": 1, "got": 0}),
    ("one value sd", lambda: eqa.standard_deviation([1.0]), eqa.InvalidInputError, "too_few_values",
     {"estimator": "standard deviation", "needed": 2, "got": 1}),
    ("one value algorithm A", lambda: eqa.algorithm_a([1.0]), eqa.InvalidInputError,
     "too_few_values", {"estimator": "Algorithm A", "needed": 2, "got": 1}),
    ("inf at 0", lambda: eqa.mean([math.inf, 1.0]), eqa.InvalidInputError, "non_finite_value",
     {"index": 0, "value": math.inf}),
    ("-inf at 3", lambda: eqa.niqr(np.array([1.0, 2.0, 3.0, -math.inf])), eqa.InvalidInputError,
     "non_finite_value", {"index": 3, "value": -math.inf}),
    ("p > 1", lambda: eqa.quantile(TIES, 1.5), eqa.InvalidParameterError, "invalid_parameter",
     {"name": "p", "value": "1.5", "expected": "a probability between 0 and 1"}),
    ("tol 0", lambda: eqa.algorithm_a(TIES, tol=0.0), eqa.InvalidParameterError,
     "invalid_parameter", {"name": "tol", "value": "0", "expected": "a positive finite number"}),
    ("max_iter 0", lambda: eqa.algorithm_a(TIES, max_iter=0), eqa.InvalidParameterError,
     "invalid_parameter", {"name": "max_iter", "value": "0", "expected": "a whole number from 1 to 100000"}),
    ("negative scale", lambda: eqa.huber_fixed_scale(TIES, scale=-1.0),
     eqa.InvalidParameterError, "invalid_parameter",
     {"name": "scale", "value": "-1", "expected": "a positive finite number"}),
    ("constants", lambda: eqa.made(TIES, constants="ISO"),  # type: ignore[arg-type]
     eqa.InvalidParameterError, "invalid_parameter",
     {"name": "constants", "value": "ISO", "expected": '"iso" or "exact"'}),
    ("stop", lambda: eqa.algorithm_a(TIES, stop="sig3"),  # type: ignore[arg-type]
     eqa.InvalidParameterError, "invalid_parameter",
     {"name": "stop", "value": "sig3", "expected": '"iso2022" or "converged"'}),
    ("zero_scale", lambda: eqa.huber_fixed_scale(TIES, zero_scale="sd"),  # type: ignore[arg-type]
     eqa.InvalidParameterError, "invalid_parameter",
     {"name": "zero_scale", "value": "sd",
      "expected": '"error", "standard_deviation" or "median"'}),
    ("MADe zero", lambda: eqa.algorithm_a(TIES), eqa.ZeroScaleError, "zero_scale",
     {"estimator": "MADe", "ties": 3, "n": 5, "median": 1.0}),
    ("MADe zero, Huber", lambda: eqa.huber_fixed_scale(TIES, zero_scale="error"),
     eqa.ZeroScaleError, "zero_scale", {"estimator": "MADe", "ties": 3, "n": 5, "median": 1.0}),
    ("uncertainty of a negative scale", lambda: eqa.consensus_uncertainty(-1.0, 4),
     eqa.InvalidParameterError, "invalid_parameter",
     {"name": "scale", "value": "-1", "expected": "a finite number at least 0"}),
    ("uncertainty of no participants", lambda: eqa.consensus_uncertainty(1.0, 0),
     eqa.InvalidParameterError, "invalid_parameter",
     {"name": "p", "value": "0", "expected": "at least 1 participant"}),
    ("uncertainty overflow", lambda: eqa.consensus_uncertainty(BIG, 1),
     eqa.NumericalOverflowError, "overflow", {"estimator": "u(x_pt)"}),
    ("mean overflow", lambda: eqa.mean([BIG, BIG]), eqa.NumericalOverflowError, "overflow",
     {"estimator": "mean"}),
    ("nIQR overflow", lambda: eqa.niqr([-BIG, -BIG, BIG, BIG]), eqa.NumericalOverflowError,
     "overflow", {"estimator": "nIQR"}),
]


@pytest.mark.parametrize(
    ("call", "cls", "code", "details"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_error(call: Callable[[], Any], cls: type[eqa.EqaError], code: str,
               details: dict[str, Any]) -> None:
    err = raised(call)
    assert type(err) is cls
    assert err.code == code
    assert err.details == details
    assert str(err)


def test_every_code_has_a_case() -> None:
    codes = {c[3] for c in CASES}
    assert codes == {"too_few_values", "non_finite_value", "invalid_parameter", "zero_scale",
                     "overflow"}


def test_nan_at_index_2_reports_index_2() -> None:
    for x in ([1.0, 2.0, math.nan, 4.0], np.array([1.0, 2.0, np.nan, 4.0, np.nan])):
        for f in (eqa.median, eqa.mean, eqa.made, eqa.niqr, eqa.algorithm_a,
                  eqa.huber_fixed_scale):
            err = raised(lambda: f(x))
            assert isinstance(err, eqa.InvalidInputError)
            assert err.code == "non_finite_value"
            assert err.details["index"] == 2
            assert math.isnan(err.details["value"])  # type: ignore[arg-type]
            assert str(err) == "value at index 2 is not finite (NaN)"


def test_index_is_that_of_the_input_in_a_strided_view() -> None:
    a = np.array([0.0, math.nan, 1.0, 7.0, math.inf, 8.0])
    err = raised(lambda: eqa.median(a[::2]))  # 0, 1, inf
    assert err.details == {"index": 2, "value": math.inf}


def test_hierarchy() -> None:
    assert issubclass(eqa.EqaError, Exception)
    assert not issubclass(eqa.EqaError, (ValueError, ArithmeticError))
    for cls, builtin in [
        (eqa.InvalidInputError, ValueError),
        (eqa.InvalidParameterError, ValueError),
        (eqa.ZeroScaleError, ArithmeticError),
        (eqa.NumericalOverflowError, ArithmeticError),
    ]:
        assert issubclass(cls, eqa.EqaError) and issubclass(cls, builtin)
        assert cls.__module__ == "eqa"
        assert cls.__doc__
        assert getattr(eqa, cls.__name__) is cls
    assert eqa.EqaError.__module__ == "eqa"


def test_builtin_classes_catch_them() -> None:
    with pytest.raises(ValueError):
        eqa.median([])
    with pytest.raises(ValueError):
        eqa.algorithm_a([1.0, 2.0, 3.0], stop="never")  # type: ignore[arg-type]
    with pytest.raises(ArithmeticError):
        eqa.algorithm_a(TIES)
    with pytest.raises(ArithmeticError):
        eqa.mean([BIG, BIG])


def test_errors_survive_pickling() -> None:
    err = raised(lambda: eqa.median([1.0, math.inf]))
    copy = pickle.loads(pickle.dumps(err))
    assert type(copy) is type(err)
    assert (copy.code, copy.details, str(copy)) == (err.code, err.details, str(err))


def test_iteration_bounds_beyond_any_need_are_refused() -> None:
    for call in (
        lambda: eqa.hampel([1.0, 2.0, 3.0], 1.0, method="iterative", max_iter=2**32 - 1),
        lambda: eqa.algorithm_s([0.1, 0.2], 2, max_iter=100_001),
        lambda: eqa.algorithm_a([1.0, 2.0, 3.0, 4.0], max_iter=100_001),
    ):
        error = raised(call)
        assert isinstance(error, eqa.InvalidParameterError)
        assert error.details["name"] == "max_iter"


def test_messages_name_the_problem() -> None:
    assert "index 1" in str(raised(lambda: eqa.mean([0.0, math.nan])))
    assert "3 of 5 values equal the median 1" in str(raised(lambda: eqa.algorithm_a(TIES)))
    assert "expected" in str(raised(lambda: eqa.made(TIES, constants="x")))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "bad",
    [
        np.zeros((2, 2)),
        [[1.0, 2.0], [3.0, 4.0]],
        3.0,
        None,
        {"a": 1.0},
        object(),
    ],
    ids=["2-D array", "nested list", "scalar", "None", "dict", "object"],
)
def test_non_vectors_raise_type_or_value_error(bad: Any) -> None:
    for f in (eqa.median, eqa.made, eqa.algorithm_a):
        with pytest.raises((TypeError, ValueError)) as info:
            f(bad)
        assert not isinstance(info.value, eqa.EqaError)


@pytest.mark.parametrize("bad", [["a", "b"], "text", [1.0, "x"], np.array(["a"])],
                         ids=["strings", "str", "mixed", "string array"])
def test_non_numeric_values_raise_value_or_type_error(bad: Any) -> None:
    with pytest.raises((TypeError, ValueError)):
        eqa.median(bad)


def test_option_of_the_wrong_type_is_a_type_error() -> None:
    with pytest.raises(TypeError):
        eqa.made(TIES, constants=1)  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        eqa.algorithm_a([1.0, 2.0, 3.0], tol="small")  # type: ignore[arg-type]
    with pytest.raises(TypeError):
        eqa.algorithm_a([1.0, 2.0, 3.0], max_iter=2.5)  # type: ignore[arg-type]


def test_negative_or_huge_counts_are_invalid_parameters() -> None:
    calls: list[tuple[Callable[[], object], str]] = [
        (lambda: eqa.algorithm_a([1.0, 2.0, 3.0], max_iter=-1), "max_iter"),
        (lambda: eqa.huber_fixed_scale([1.0, 2.0, 3.0], max_iter=2**40), "max_iter"),
        (lambda: eqa.consensus_uncertainty(1.0, -1), "p"),
    ]
    for call, name in calls:
        with pytest.raises(eqa.InvalidParameterError) as caught:
            call()
        assert caught.value.code == "invalid_parameter"
        assert caught.value.details["name"] == name


def test_base_class_can_be_raised_and_caught() -> None:
    with pytest.raises(eqa.EqaError):
        raise eqa.InvalidInputError("by hand")
