"""The performance statistics, their classification, combined scores and
sigma_pt: ISO 13528:2022 E.4, E.9 and E.10 as printed, the conventions of
the binding (float in, float out; array in, numpy array out), errors, and
hypothesis properties."""

from __future__ import annotations

import math
from typing import Any, Callable, Literal

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import eqa

Printed = Callable[..., None]
E4_KEYS = ("D_percent", "PA", "z", "z_prime", "zeta", "En")


def e4_scores(v: Any) -> dict[str, Any]:
    labs = v["participants"]
    x = np.array([lab["x"] for lab in labs])
    u_x = np.array([lab["u_x"] for lab in labs])
    big_u_x = np.array([lab["U_x"] for lab in labs])
    x_pt, u_pt, big_u_pt, sigma = v["x_pt"], v["u_x_pt"], v["U_x_pt"], v["sigma_pt"]
    return {
        "D_percent": eqa.percent_deviation(x, x_pt),
        "PA": eqa.pa_score(x, x_pt, 0.0198),
        "z": eqa.z_score(x, x_pt, sigma),
        "z_prime": eqa.z_prime_score(x, x_pt, sigma, u_pt),
        "zeta": eqa.zeta_score(x, u_x, x_pt, u_pt),
        "En": eqa.en_number(x, big_u_x, x_pt, big_u_pt),
    }


def test_e4_every_printed_score(vector: Callable[[str], Any], printed: Printed) -> None:
    v = vector("iso13528_2022_E4_scores")
    scores = e4_scores(v)
    assert len(v["participants"]) == 21
    for key in E4_KEYS:
        assert isinstance(scores[key], np.ndarray) and scores[key].dtype == np.float64
        for i, lab in enumerate(v["participants"]):
            printed(f"{lab['lab']} {key}", float(scores[key][i]), lab["expected"][key])


def test_e4_single_values_equal_the_arrays(vector: Callable[[str], Any]) -> None:
    v = vector("iso13528_2022_E4_scores")
    scores = e4_scores(v)
    x_pt, u_pt, big_u_pt, sigma = v["x_pt"], v["u_x_pt"], v["U_x_pt"], v["sigma_pt"]
    for i, lab in enumerate(v["participants"]):
        single = {
            "D_percent": eqa.percent_deviation(lab["x"], x_pt),
            "PA": eqa.pa_score(lab["x"], x_pt, 0.0198),
            "z": eqa.z_score(lab["x"], x_pt, sigma),
            "z_prime": eqa.z_prime_score(lab["x"], x_pt, sigma, u_pt),
            "zeta": eqa.zeta_score(lab["x"], lab["u_x"], x_pt, u_pt),
            "En": eqa.en_number(lab["x"], lab["U_x"], x_pt, big_u_pt),
        }
        for key, value in single.items():
            assert type(value) is float
            assert value == scores[key][i]
    # L23 reports k = 1.732 (a rectangular distribution): u(x) = U(x)/k.
    l23 = next(lab for lab in v["participants"] if lab["lab"] == "L23")
    assert eqa.zeta_score(l23["x"], l23["U_x"] / 1.732, x_pt, u_pt) == pytest.approx(-7.35, abs=0.005)


def test_e4_classification(vector: Callable[[str], Any]) -> None:
    v = vector("iso13528_2022_E4_scores")
    scores = e4_scores(v)
    z = eqa.classify_z(scores["z"])
    assert z.count("unsatisfactory") == 9 and z.count("satisfactory") == 12
    assert eqa.classify(scores["z_prime"], "z")[8] == "questionable"  # L12: z' = -2.59
    assert eqa.classify_pa(scores["PA"]) == z
    assert eqa.classify_en(scores["En"]).count("unsatisfactory") == 9
    assert eqa.classify_z(-4.70) == "unsatisfactory"
    check = eqa.check_uncertainty(v["u_x_pt"], v["sigma_pt"])
    assert (check.negligible, check.action, check.score) == (False, "use_z_prime", "z_prime")
    assert "not negligible" in check.reason
    report = eqa.check_uncertainty(v["u_x_pt"], v["sigma_pt"], when_not_negligible="report")
    assert (report.action, report.score) == ("report_uncertainty", "z")


def test_rules() -> None:
    assert eqa.ClassificationRule.z() == eqa.ClassificationRule(2.0, 3.0)
    rule = eqa.ClassificationRule(2.0, 3.0, satisfactory_bound="exclusive", unsatisfactory_bound="exclusive")
    assert eqa.classify([2.0, 3.0, 3.5], rule) == ["questionable", "questionable", "unsatisfactory"]
    iso_en = eqa.ClassificationRule(1.0, 1.0, satisfactory_bound="exclusive")
    assert eqa.classify(1.0, iso_en) == "unsatisfactory"
    assert eqa.classify(1.0, "en") == "satisfactory"
    assert eqa.ClassificationRule.two_band(0.0198).to_dict() == {
        "satisfactory": 0.0198,
        "satisfactory_bound": "inclusive",
        "unsatisfactory": 0.0198,
        "unsatisfactory_bound": "exclusive",
    }
    assert "ClassificationRule(2.0, 3.0" in repr(eqa.ClassificationRule.z())
    with pytest.raises(eqa.InvalidParameterError):
        eqa.ClassificationRule(3.0, 2.0)
    with pytest.raises(eqa.InvalidParameterError):
        eqa.classify([1.0], "zz")  # type: ignore[call-overload]


def test_e9_e10_sigma_pt(vector: Callable[[str], Any], printed: Printed) -> None:
    v = vector("iso13528_2022_E9_E10_sigma_pt")
    for case in v["cases"]:
        if case["method"] == "horwitz":
            s = eqa.sigma_pt_general_model(case["c_mg_per_kg"], unit="mg/kg")
            printed("Horwitz", s.value, case["expected_sigma_pt_mg_per_kg"])
            f = eqa.sigma_pt_general_model(case["c_mass_fraction"])
            printed("Horwitz (fraction)", f.value * 1e6, case["expected_sigma_pt_mg_per_kg"])
            assert s.method == "general_model"
            assert s.provenance == {"method": "general_model", "model": "thompson", "c": case["c_mg_per_kg"], "unit": "mg/kg"}
        else:
            s = eqa.sigma_pt_from_precision(case["s_R"], case["s_r"], case["n_replicates"])
            printed("precision", s.value, case["expected_sigma_pt"])
            assert s.to_dict()["provenance"] == {
                "method": "precision_experiment",
                "reproducibility_sd": case["s_R"],
                "repeatability_sd": case["s_r"],
                "replicates": case["n_replicates"],
            }


def test_sigma_pt_methods_and_their_use() -> None:
    third = eqa.sigma_pt_from_limit(0.0198)
    assert third.value == pytest.approx(0.0066, abs=1e-15)
    assert third.provenance == {"method": "fitness_for_purpose", "delta_e": 0.0198, "fraction": "third"}
    assert eqa.sigma_pt_from_limit(10.0, fraction="half").value == 5.0
    assert eqa.sigma_pt_from_limit(10.0, fraction=0.25).provenance["fraction"] == 0.25
    # A SigmaPt is a float where sigma_pt is expected.
    assert float(third) == third.value
    assert eqa.z_score(0.013, 0.044, third) == eqa.z_score(0.013, 0.044, third.value)
    robust = eqa.sigma_pt_from_robust_sd(eqa.algorithm_a([5.21, 5.30, 5.18, 5.25, 5.40, 5.12]).scale, 6)
    assert robust.method == "robust_sd" and robust.provenance["p"] == 6
    line = eqa.sigma_pt_from_previous_rounds([0.5, 1.0, 2.0, 4.0], [0.06, 0.11, 0.19, 0.42], 3.0)
    assert line.provenance["model"] == "linear" and line.provenance["rounds"] == 4
    assert line.value == pytest.approx(0.195 + (3.0 - 1.875) * 0.7375 / 7.1875, rel=1e-12)
    assert "SigmaPt(value=" in repr(line)
    with pytest.raises(eqa.InvalidParameterError):
        eqa.sigma_pt_from_limit(1.0, fraction="quarter")  # type: ignore[arg-type]
    with pytest.raises(eqa.InvalidParameterError):
        eqa.sigma_pt_from_precision(1.0, 3.0, 2)
    with pytest.raises(eqa.InvalidParameterError):
        eqa.sigma_pt_from_precision(1.0, 0.5, -1)
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.sigma_pt_from_previous_rounds([1.0, 2.0, 3.0], [0.1], 2.0)
    assert info.value.code == "length_mismatch"


def test_combined() -> None:
    c = eqa.combined_z(np.array([1.0, -0.5, 2.5, 1.2]))
    assert c.z == [1.0, -0.5, 2.5, 1.2] and c.p == 4
    assert c.mean_z == 1.05 and c.rescaled_sum == 2.1
    assert c.p_value == pytest.approx(math.exp(-4.47) * 5.47, rel=1e-12)
    assert (c.rescaled_sum_performance, c.sum_of_squares_performance) == ("questionable", "satisfactory")
    assert c.to_dict()["options"]["rule"] == eqa.ClassificationRule.z().to_dict()
    assert c.rule == eqa.ClassificationRule.z()
    strict = eqa.combined_z([1.0, -0.5, 2.5, 1.2], questionable=0.1)
    assert strict.sum_of_squares_performance == "questionable"
    with pytest.raises(eqa.InvalidInputError):
        eqa.combined_z([])
    with pytest.raises(eqa.InvalidParameterError):
        eqa.combined_z([1.0], questionable=0.01, unsatisfactory=0.05)


def test_errors_are_typed() -> None:
    with pytest.raises(eqa.InvalidParameterError) as info:
        eqa.percent_deviation(1.0, 0.0)
    assert info.value.code == "invalid_parameter" and info.value.details["name"] == "x_pt"
    with pytest.raises(eqa.InvalidParameterError):
        eqa.z_score([1.0, 2.0], 0.0, 0.0)
    with pytest.raises(eqa.InvalidInputError) as nan:
        eqa.z_score([1.0, math.nan], 0.0, 1.0)
    assert nan.value.details["index"] == 1
    with pytest.raises(eqa.InvalidInputError) as mismatch:
        eqa.zeta_score([1.0, 2.0], [0.1], 0.0, 0.1)
    assert mismatch.value.code == "length_mismatch"
    assert mismatch.value.details == {"what": "u_x", "expected": 2, "got": 1}
    with pytest.raises(eqa.NumericalOverflowError):
        eqa.z_score(1e300, -1e300, 1e-10)
    with pytest.raises(TypeError):
        eqa.z_score("1", 0.0, 1.0)  # type: ignore[arg-type]


def test_array_conventions() -> None:
    assert eqa.z_score(np.float32(12.0), 10.0, 1.0) == 2.0  # type: ignore[call-overload]
    assert type(eqa.z_score(np.int64(12), 10, 1)) is float  # type: ignore[call-overload]
    out = eqa.z_score([12, 7], 10.0, 1.0)
    assert isinstance(out, np.ndarray) and out.tolist() == [2.0, -3.0]
    assert eqa.z_score(np.array([]), 0.0, 1.0).shape == (0,)
    strided = np.arange(10.0)[::3]
    assert eqa.deviation(strided, 1.0).tolist() == [-1.0, 2.0, 5.0, 8.0]
    # One uncertainty applies to every result.
    assert eqa.zeta_score([13.0, 6.0], 4.0, 10.0, 3.0).tolist() == eqa.zeta_score([13.0, 6.0], [4.0, 4.0], 10.0, 3.0).tolist()


finite = st.floats(-1e6, 1e6)
positive = st.floats(1e-6, 1e3)


@given(st.lists(finite, max_size=30), finite, positive, st.floats(0.0, 1e3))
def test_z_prime_never_exceeds_z(x: list[float], x_pt: float, sigma: float, u: float) -> None:
    z = eqa.z_score(x, x_pt, sigma)
    zp = eqa.z_prime_score(x, x_pt, sigma, u)
    assert np.all(np.abs(zp) <= np.abs(z))
    assert np.all(np.isfinite(z)) and np.all(np.isfinite(zp))


@given(st.lists(finite, min_size=1, max_size=30), finite, positive, st.floats(0.0, 1e3), st.floats(1.0, 4.0))
def test_en_is_zeta_over_k(x: list[float], x_pt: float, u: float, u_pt: float, k: float) -> None:
    zeta = eqa.zeta_score(x, u, x_pt, u_pt)
    en = eqa.en_number(x, k * u, x_pt, k * u_pt)
    np.testing.assert_allclose(en, zeta / k, rtol=1e-12, atol=1e-300)


@given(st.floats(0.0, 10.0), st.floats(0.0, 10.0))
def test_classes_are_monotone(a: float, b: float) -> None:
    order = {"satisfactory": 0, "questionable": 1, "unsatisfactory": 2}
    lo, hi = sorted((a, b))
    rules: tuple[Literal["z", "en", "pa"], ...] = ("z", "en", "pa")
    for rule in rules:
        assert order[eqa.classify(lo, rule)] <= order[eqa.classify(hi, rule)]
