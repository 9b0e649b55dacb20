"""Each function with real numbers, the accepted forms of input, the options and the result class."""

from __future__ import annotations

import inspect
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

import numpy as np
import pytest

import eqa


def r4(value: float) -> float:
    return round(value, 4)


def test_e3_estimators(e3: list[float]) -> None:
    # ISO 13528:2022 Table E.5.
    assert r4(eqa.median(e3)) == 0.2620
    assert r4(eqa.made(e3)) == 0.0386
    assert r4(eqa.niqr(e3)) == 0.0402
    assert r4(eqa.mean(e3)) == 0.2512
    assert r4(eqa.standard_deviation(e3)) == 0.0672
    r = eqa.algorithm_a(e3)
    assert (r4(r.location), r4(r.scale), r4(r.uncertainty)) == (0.2570, 0.0395, 0.0085)
    assert r.n == 34
    assert r.converged
    assert r.iterations > 0
    assert (r.constants, r.stop, r.start_scale) == ("iso", "iso2022", "made")


def test_small_exact_values() -> None:
    assert eqa.median([5.2, 5.0, 9.9, 5.1]) == 5.15
    assert eqa.mean([1.0, 2.0, 4.0, 5.0]) == 3.0
    assert eqa.mean([0.1, 0.2, 0.3]) == 0.2
    assert eqa.quantile([1.0, 2.0, 3.0, 4.0], 0.25) == 1.75
    assert eqa.quantile([1.0, 2.0, 3.0, 4.0], 0.0) == 1.0
    assert eqa.quantile([1.0, 2.0, 3.0, 4.0], 1.0) == 4.0
    sd = eqa.standard_deviation([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
    assert sd == np.sqrt(32.0 / 7.0)
    assert eqa.made([1.0, 1.0, 1.0, 2.0, 9.0]) == 0.0


def test_quantile_is_numpy_linear() -> None:
    x = np.random.default_rng(7).normal(size=101)
    for p in (0.0, 0.1, 0.25, 0.5, 0.9, 1.0):
        assert eqa.quantile(x, p) == pytest.approx(np.quantile(x, p), rel=1e-15, abs=1e-15)


def test_consensus_uncertainty() -> None:
    assert eqa.consensus_uncertainty(0.0395, 34) == pytest.approx(0.00847, abs=1e-5)
    assert eqa.consensus_uncertainty(2.0, 4) == 1.25
    assert eqa.consensus_uncertainty(0.0, 4) == 0.0


def test_made_constants(e3: list[float]) -> None:
    iso, exact = eqa.made(e3, constants="iso"), eqa.made(e3, constants="exact")
    assert iso == eqa.made(e3)
    assert iso / exact == pytest.approx(1.483 / 1.4826, rel=1e-12)


INPUT_FORMS: dict[str, Callable[[list[float]], Any]] = {
    "list": lambda x: list(x),
    "tuple": lambda x: tuple(x),
    "array": lambda x: np.asarray(x),
    "float32 array": lambda x: np.asarray(x, dtype=np.float32),
    "strided view": lambda x: np.repeat(np.asarray(x), 2)[::2],
    "reversed view": lambda x: np.asarray(x)[::-1].copy()[::-1],
    "column of a 2-D array": lambda x: np.column_stack([x, np.zeros(len(x))])[:, 0],
    "fortran column": lambda x: np.asfortranarray(np.column_stack([x, x]))[:, 1],
    "read-only array": lambda x: _read_only(np.asarray(x)),
}


def _read_only(a: np.ndarray[Any, Any]) -> np.ndarray[Any, Any]:
    a.setflags(write=False)
    return a


@pytest.mark.parametrize("form", sorted(INPUT_FORMS))
def test_every_input_form_gives_the_same_numbers(form: str, e3: list[float]) -> None:
    x = INPUT_FORMS[form](e3)
    if form != "float32 array":
        assert list(np.asarray(x)) == e3
    expected = np.asarray(x, dtype=np.float64)
    assert eqa.median(x) == eqa.median(expected)
    assert eqa.made(x) == eqa.made(expected)
    assert eqa.niqr(x) == eqa.niqr(expected)
    assert eqa.algorithm_a(x) == eqa.algorithm_a(expected)


def test_non_contiguous_input_is_read_correctly() -> None:
    a = np.arange(20, dtype=np.float64)
    view = a[::3]  # 0, 3, ..., 18
    assert not view.flags.c_contiguous
    assert eqa.median(view) == 9.0
    assert eqa.mean(view) == 9.0
    assert eqa.median(a[::-1]) == 9.5
    assert eqa.quantile(a[1::2], 1.0) == 19.0


def test_integer_and_boolean_inputs_are_converted() -> None:
    assert eqa.median(np.array([3, 1, 2], dtype=np.int32)) == 2.0
    assert eqa.median([3, 1, 2]) == 2.0
    assert eqa.mean(np.array([True, False, True, True])) == 0.75


def test_input_is_not_modified(e3: list[float]) -> None:
    x = np.asarray(e3)
    before = x.copy()
    eqa.median(x)
    eqa.algorithm_a(x)
    assert np.array_equal(x, before)


def test_options_are_keyword_only(e3: list[float]) -> None:
    with pytest.raises(TypeError):
        eqa.made(e3, "iso")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        eqa.algorithm_a(e3, "iso")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        eqa.huber_fixed_scale(e3, 0.04)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        eqa.algorithm_a(e3, tolerance=1e-6)  # type: ignore[call-arg]


def test_defaults_are_the_documented_ones(e3: list[float]) -> None:
    assert eqa.DEFAULT_TOLERANCE == 1e-10
    assert eqa.DEFAULT_MAX_ITER == 1000
    for f in (eqa.algorithm_a, eqa.huber_fixed_scale):
        defaults = {
            name: p.default
            for name, p in inspect.signature(f).parameters.items()
            if p.default is not inspect.Parameter.empty
        }
        assert defaults["tol"] == eqa.DEFAULT_TOLERANCE
        assert defaults["max_iter"] == eqa.DEFAULT_MAX_ITER
        # The signature shows what a call without options does.
        assert f(e3) == f(e3, **defaults)
        assert f(e3).constants == defaults["constants"]
        assert f(e3).stop == defaults["stop"]
    assert inspect.signature(eqa.made).parameters["constants"].default == "iso"


def test_algorithm_a_options(e3: list[float]) -> None:
    iso = eqa.algorithm_a(e3)
    tight = eqa.algorithm_a(e3, stop="converged", tol=1e-12)
    assert tight.converged and tight.stop == "converged"
    assert tight.iterations > iso.iterations
    assert r4(tight.location) == 0.2570 and r4(tight.scale) == 0.0395
    exact = eqa.algorithm_a(e3, constants="exact", stop="converged")
    assert exact.constants == "exact"
    assert exact.scale != tight.scale
    bounded = eqa.algorithm_a(e3, stop="converged", max_iter=2)
    assert (bounded.iterations, bounded.converged) == (2, False)
    assert tight.uncertainty == eqa.consensus_uncertainty(tight.scale, tight.n)


def test_zero_scale_policies() -> None:
    ties = [1.0, 1.0, 1.0, 2.0, 9.0]
    sd = eqa.algorithm_a(ties, zero_scale="standard_deviation")
    assert sd.start_scale == "standard_deviation" and sd.scale > 0.0
    med = eqa.algorithm_a(ties, zero_scale="median")
    assert (med.location, med.scale, med.start_scale, med.iterations) == (1.0, 0.0, "zero", 0)
    same = eqa.algorithm_a([4.0] * 6, zero_scale="standard_deviation")
    assert (same.location, same.scale, same.start_scale) == (4.0, 0.0, "zero")


def test_huber_fixed_scale() -> None:
    # robustbase's huberM(c(1, 2, 10)) prints 2.611949, an iterate short of
    # the fixed point 2.6119500 that the converged rule reaches.
    r = eqa.huber_fixed_scale([1.0, 2.0, 10.0], constants="exact", stop="converged")
    assert r.location == pytest.approx(2.61195, abs=1e-9)
    assert r.scale == 1.4826
    assert r.start_scale == "made"
    given = eqa.huber_fixed_scale([1.0, 2.0, 10.0], scale=2.5, stop="converged")
    assert (given.scale, given.start_scale) == (2.5, "given")
    assert given.uncertainty == eqa.consensus_uncertainty(2.5, 3)


def test_robust_estimate_repr(e3: list[float]) -> None:
    r = eqa.algorithm_a(e3)
    text = repr(r)
    assert text.startswith("RobustEstimate(location=0.2570")
    assert "n=34" in text and "converged=True" in text
    assert "constants='iso'" in text and "stop='iso2022'" in text and "start_scale='made'" in text
    # The repr shows every field exactly: rebuilt as keyword arguments, it is to_dict().
    assert eval(text, {"RobustEstimate": dict}) == r.to_dict()
    assert str(r) == text


def test_robust_estimate_value_semantics(e3: list[float]) -> None:
    a, b = eqa.algorithm_a(e3), eqa.algorithm_a(np.asarray(e3))
    c = eqa.algorithm_a(e3, stop="converged")
    assert a == b and hash(a) == hash(b)
    assert a != c and not (a == c)
    assert a != a.to_dict()
    assert len({a, b, c}) == 2
    with pytest.raises(AttributeError):
        a.location = 0.0  # type: ignore[misc]
    with pytest.raises(TypeError):
        eqa.RobustEstimate()
    assert type(a) is eqa.RobustEstimate
    assert eqa.RobustEstimate.__module__ == "eqa"


def test_to_dict(e3: list[float]) -> None:
    r = eqa.algorithm_a(e3)
    d = r.to_dict()
    assert list(d) == [
        "location", "scale", "n", "iterations", "converged",
        "uncertainty", "constants", "stop", "start_scale",
    ]
    assert d == {name: getattr(r, name) for name in d}
    assert type(d["n"]) is int and type(d["converged"]) is bool and type(d["location"]) is float


def test_runs_in_threads(e3: list[float]) -> None:
    x = np.random.default_rng(1).normal(size=50_000)
    expected = eqa.algorithm_a(x, stop="converged")
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda _: eqa.algorithm_a(x, stop="converged"), range(8)))
    assert all(r == expected for r in results)


def test_module_metadata() -> None:
    assert isinstance(eqa.__version__, str) and eqa.__version__
    for name in eqa.__all__:
        assert hasattr(eqa, name), name
    assert eqa.algorithm_a.__doc__ and "ISO 13528" in eqa.algorithm_a.__doc__
