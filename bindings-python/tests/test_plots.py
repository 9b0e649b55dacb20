"""The data for the graphs of ISO 13528:2022 clause 10 through the binding:
the E.3 atrazine results and E.4 scores, numpy arrays out, the options, the
errors, and hypothesis properties."""

from __future__ import annotations

import math
from typing import Any, Callable

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import eqa


def e3(vector: Callable[[str], Any]) -> list[float]:
    data: list[float] = vector("iso13528_2022_E3_atrazine")["data"]
    return data


def test_histogram_of_e3(vector: Callable[[str], Any]) -> None:
    x = e3(vector)
    h = eqa.histogram(x)
    assert h.bins == "sturges"
    assert isinstance(h.edges, np.ndarray) and h.edges.dtype == np.float64
    assert h.counts.tolist() == [2, 0, 2, 12, 16, 1, 1]
    assert h.edges[0] == 0.04 and h.edges[-1] == 0.4246
    assert eqa.histogram(x, bins=4).counts.tolist() == [2, 7, 23, 2]
    w = eqa.histogram(np.array(x), width=0.05)
    assert (w.bins, w.width, len(w.counts)) == ("width", 0.05, 8)
    assert w.to_dict()["bins"] == {"width": 0.05}
    fd = eqa.histogram(x, bins="freedman_diaconis")
    assert int(fd.counts.sum()) == 34 and not fd.sturges_fallback
    assert "Histogram(n=34" in repr(h)
    assert eqa.histogram(x) == h


def test_kernel_density_of_e3(vector: Callable[[str], Any]) -> None:
    x = e3(vector)
    d = eqa.kernel_density(x)
    assert d.bandwidth_rule == "silverman" and d.points == 512 and d.range is None
    # 0.9 nIQR 34^(-1/5)
    assert d.bandwidth == pytest.approx(0.9 * eqa.niqr(x) * 34 ** -0.2, rel=1e-12)
    assert d.x.shape == d.density.shape == (512,)
    assert d.multimodal
    assert d.modes[int(np.argmax(d.mode_densities))] == pytest.approx(0.262, abs=0.02)
    area = float(np.trapezoid(d.density, d.x)) if hasattr(np, "trapezoid") else float(np.sum((d.density[1:] + d.density[:-1]) / 2 * np.diff(d.x)))
    assert area == pytest.approx(1.0, abs=0.01)
    g = eqa.kernel_density([1.0], bandwidth=1.0, points=5, cut=2.0)
    assert g.x.tolist() == [-1.0, 0.0, 1.0, 2.0, 3.0]
    assert g.density[2] == 1 / math.sqrt(2 * math.pi)
    assert g.to_dict()["options"]["bandwidth"] == {"given": 1.0}
    r = eqa.kernel_density(x, range=(0.0, 0.5), points=11, mode_height=1.0)
    assert r.range == (0.0, 0.5) and len(r.modes) == 1 and not r.multimodal


def test_youden(vector: Callable[[str], Any]) -> None:
    a = np.array(e3(vector))
    b = a + 0.01
    b[0] = 0.3
    y = eqa.youden(a, b)
    assert y.estimator == "median" and y.coverage == 0.95 and y.box_k == 2.0
    assert y.centre_a == 0.262
    assert y.centre_b == pytest.approx(0.2755, abs=1e-12)
    assert y.diagonal_intercept == pytest.approx(0.0135, abs=1e-12)
    assert y.scale_a == pytest.approx(0.0386, abs=5e-5)
    assert y.correlation > 0.99
    assert y.ellipse_x.shape == (101,) and y.ellipse_x[0] == y.ellipse_x[-1]
    assert y.participants.tolist() == list(range(34))
    assert not y.inside_ellipse[0] and y.inside_ellipse[16]
    lo, hi = y.box_a
    assert lo == pytest.approx(0.262 - 2 * y.scale_a) and hi == pytest.approx(0.262 + 2 * y.scale_a)
    assert y.to_dict()["ellipse"]["centre"] == [y.centre_a, y.centre_b]
    alg = eqa.youden(a, b, estimator="algorithm_a", coverage=0.99, ellipse_points=8)
    assert alg.ellipse_x.shape == (9,)
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.youden(a, b[1:])
    assert info.value.code == "length_mismatch"


def test_score_bars_of_e4(vector: Callable[[str], Any]) -> None:
    v = vector("iso13528_2022_E4_scores")
    z = eqa.z_score(np.array([lab["x"] for lab in v["participants"]]), v["x_pt"], v["sigma_pt"])
    bars = eqa.score_bars(z)
    assert bars.limit_lines == [-3.0, -2.0, 2.0, 3.0]
    assert bars.performance.count("unsatisfactory") == 9
    assert bars.order.tolist() == list(range(21))
    assert bars.rule == eqa.ClassificationRule.z()
    assert eqa.score_bars([0.5, -1.5], rule="en").limit_lines == [-1.0, 1.0]
    assert eqa.score_bars([1.0], rule=eqa.ClassificationRule(1.0, 2.0)).limit_lines == [-2.0, -1.0, 1.0, 2.0]


def test_score_series() -> None:
    s = eqa.score_series([3, 1, 2], [2.5, 1.0, 2.0], window=2)
    assert s.rounds.tolist() == [1.0, 2.0, 3.0]
    assert s.order.tolist() == [1, 2, 0]
    assert s.running_mean.tolist() == [1.0, 1.5, 2.25]
    assert s.running_sum_of_squares.tolist() == [1.0, 5.0, 10.25]
    assert s.sum_of_squares_questionable_limit[2] == pytest.approx(-2 * math.log(0.05), rel=1e-12)
    assert s.running_sum_of_squares_performance == ["satisfactory", "satisfactory", "unsatisfactory"]
    assert s.window == 2 and s.rule == eqa.ClassificationRule.z()
    with pytest.raises(eqa.InvalidParameterError):
        eqa.score_series([1, 1], [0.0, 1.0])
    with pytest.raises(eqa.InvalidParameterError):
        eqa.score_series([1], [0.0], window=-1)


def test_errors() -> None:
    with pytest.raises(eqa.InvalidInputError):
        eqa.histogram([])
    with pytest.raises(eqa.InvalidParameterError):
        eqa.histogram([1.0, 2.0], bins="squareroot")  # type: ignore[arg-type]
    with pytest.raises(eqa.InvalidParameterError):
        eqa.histogram([1.0, 2.0], bins=3, width=0.5)
    with pytest.raises(eqa.InvalidParameterError):
        eqa.kernel_density([1.0, 2.0], bandwidth="wide")  # type: ignore[arg-type]
    with pytest.raises(eqa.ZeroScaleError):
        eqa.kernel_density([2.0, 2.0, 2.0])
    with pytest.raises(eqa.InvalidParameterError):
        eqa.kernel_density([1.0, 2.0], points=1)
    with pytest.raises(eqa.InvalidParameterError):
        eqa.youden([1.0, 2.0], [1.0, 3.0], coverage=1.0)
    with pytest.raises(eqa.InvalidInputError):
        eqa.score_bars([float("nan")])


@given(st.lists(st.floats(-1e3, 1e3), min_size=1, max_size=60), st.sampled_from(["sturges", "scott", "freedman_diaconis", 7]))
def test_every_value_is_counted_once(x: list[float], bins: Any) -> None:
    h = eqa.histogram(x, bins=bins)
    assert int(h.counts.sum()) == len(x)
    assert np.all(np.diff(h.edges) > 0)
    assert h == eqa.histogram(list(reversed(x)), bins=bins)
