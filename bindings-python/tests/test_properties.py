"""Invariants on generated data: the order of the values does not matter,
Algorithm A is location and scale equivariant, and any list of floats gives
finite numbers or an EqaError."""

from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import eqa

moderate = st.floats(min_value=-1e3, max_value=1e3, allow_nan=False, allow_infinity=False)
# Enough distinct values for MADe > 0, and a spread not tiny against the
# values' magnitude, so that rounding stays far below the tolerances.
spread_data = st.lists(moderate, min_size=5, max_size=60).filter(
    lambda v: eqa.made(v) > 1e-3 * max(1.0, max(abs(x) for x in v))
)
any_floats = st.lists(st.floats(allow_nan=True, allow_infinity=True), max_size=40)


def outcome(call: Callable[[], Any]) -> Any:
    """A result (RobustEstimate as a dict) or the code of the EqaError raised."""
    try:
        r = call()
    except eqa.EqaError as err:
        return ("error", err.code)
    return r.to_dict() if isinstance(r, eqa.RobustEstimate) else r


@given(st.lists(moderate, max_size=60), st.randoms(use_true_random=False),
       st.floats(min_value=0.0, max_value=1.0))
def test_order_statistics_ignore_the_order(values: list[float], rnd: Any, p: float) -> None:
    shuffled = values[:]
    rnd.shuffle(shuffled)
    for f in (eqa.median, eqa.niqr, lambda v: eqa.made(v, constants="exact"),
              lambda v: eqa.quantile(v, p)):
        # Exactly: these are order statistics, found by selection.
        assert outcome(lambda: f(values)) == outcome(lambda: f(shuffled))


@given(spread_data, st.randoms(use_true_random=False))
def test_sums_ignore_the_order_to_rounding(values: list[float], rnd: Any) -> None:
    shuffled = values[:]
    rnd.shuffle(shuffled)
    # Sums in another order may differ in the last bits only.
    assert math.isclose(eqa.mean(values), eqa.mean(shuffled), rel_tol=1e-12, abs_tol=1e-9)
    a = eqa.algorithm_a(values, stop="converged", tol=1e-13)
    b = eqa.algorithm_a(shuffled, stop="converged", tol=1e-13)
    assert math.isclose(a.location, b.location, rel_tol=0, abs_tol=1e-9 * a.scale)
    assert math.isclose(a.scale, b.scale, rel_tol=1e-9)
    assert a.n == b.n


@given(
    spread_data,
    st.floats(min_value=-1e4, max_value=1e4),
    st.one_of(st.floats(min_value=-50.0, max_value=-0.02), st.floats(min_value=0.02, max_value=50.0)),
)
def test_algorithm_a_is_location_and_scale_equivariant(
    values: list[float], shift: float, factor: float
) -> None:
    a = eqa.algorithm_a(values, stop="converged", tol=1e-13)
    assume(a.converged)
    moved = factor * np.asarray(values) + shift
    b = eqa.algorithm_a(moved, stop="converged", tol=1e-13)
    assume(b.converged)
    scale = abs(factor) * a.scale
    assert abs(b.location - (factor * a.location + shift)) <= 1e-6 * scale
    assert abs(b.scale - scale) <= 1e-6 * scale


@settings(max_examples=300)
@given(any_floats)
def test_any_floats_give_finite_numbers_or_an_eqa_error(values: list[float]) -> None:
    calls: list[Callable[[], Any]] = [
        lambda: eqa.median(values),
        lambda: eqa.mean(values),
        lambda: eqa.standard_deviation(values),
        lambda: eqa.made(values),
        lambda: eqa.made(values, constants="exact"),
        lambda: eqa.niqr(values),
        lambda: eqa.quantile(values, 0.3),
        lambda: eqa.algorithm_a(values),
        lambda: eqa.algorithm_a(values, stop="converged", zero_scale="standard_deviation"),
        lambda: eqa.huber_fixed_scale(values, zero_scale="median"),
        lambda: eqa.huber_fixed_scale(values, scale=1.0, stop="converged"),
    ]
    for call in calls:
        try:
            r = call()
        except eqa.EqaError as err:
            assert err.code in {"too_few_values", "non_finite_value", "zero_scale", "overflow"}
            continue
        if isinstance(r, eqa.RobustEstimate):
            assert math.isfinite(r.location) and math.isfinite(r.scale)
            assert math.isfinite(r.uncertainty) and r.scale >= 0.0
            assert r.n == len(values)
        else:
            assert math.isfinite(r)


@given(any_floats.filter(lambda v: any(not math.isfinite(x) for x in v)))
def test_the_first_non_finite_value_is_reported(values: list[float]) -> None:
    first = next(i for i, x in enumerate(values) if not math.isfinite(x))
    try:
        eqa.median(values)
    except eqa.InvalidInputError as err:
        assert err.code == "non_finite_value"
        assert err.details["index"] == first
    else:
        raise AssertionError("no error for a non-finite value")
