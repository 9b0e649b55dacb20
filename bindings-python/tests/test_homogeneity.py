"""ISO 13528:2022 Annex B through the binding: the homogeneity and stability
checks of E.2 (Tables E.2, E.3), Table B.1, and the options and errors."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pytest

import eqa

E2 = "iso13528_2022_E2_homogeneity_stability"


def test_e2_homogeneity_table_e2(vector: Callable[[str], Any], printed: Callable[..., None]) -> None:
    v = vector(E2)
    e = v["expected"]
    items = np.array(v["homogeneity_items"])
    sigma_pt = 0.15 * eqa.homogeneity(items, 1.0).general_mean
    h = eqa.homogeneity(items, sigma_pt)
    assert (h.g, h.m) == (10, 2)
    printed("general mean", h.general_mean, e["general_mean"])
    printed("s_x", h.s_x, e["s_x"])
    printed("s_w", h.s_w, e["s_w"])
    printed("s_s", h.s_s, e["s_s"])
    printed("sigma_pt", h.sigma_pt, e["sigma_pt"])
    printed("0.3 sigma_pt", h.criterion, e["criterion_0.3_sigma_pt"])
    assert h.sufficient is e["homogeneity_sufficient"]
    assert h.sufficient_expanded and not h.failed
    assert h.item_means[0] == (0.185 + 0.194) / 2


def test_e2_matches_the_spreadsheet(vector: Callable[[str], Any]) -> None:
    v = vector(E2)
    k = v["expected_koch_spreadsheet_full_precision"]
    h = eqa.homogeneity(v["homogeneity_items"], k["sigma_pt"])
    assert h.general_mean == pytest.approx(k["general_mean"], abs=1e-12)
    assert h.s_x == pytest.approx(k["s_x"], abs=1e-12)
    assert h.s_w == pytest.approx(k["s_w"], abs=1e-12)
    assert h.s_s == pytest.approx(k["s_s"], abs=1e-12)
    assert h.criterion == pytest.approx(k["check_value_0.3_sigma_pt"], abs=1e-12)
    assert h.expanded_criterion == pytest.approx(k["expanded_criterion_sqrt_c"], abs=1e-12)
    assert (h.f1, h.f2, h.factors) == (k["F1_g10"], k["F2_g10"], "table_b1")


def test_e2_stability_table_e3(vector: Callable[[str], Any], printed: Callable[..., None]) -> None:
    v = vector(E2)
    e = v["expected"]
    before = np.array(v["homogeneity_items"]).ravel()
    after = np.array(v["stability_items"]).ravel()
    s = eqa.stability(before, after, 0.15 * float(before.mean()))
    assert (s.n_first, s.n_second) == (20, 4)
    printed("stability mean", s.mean_second, e["stability_mean"])
    printed("|difference|", abs(s.difference), e["stability_difference"])
    printed("0.3 sigma_pt", s.criterion, e["criterion_0.3_sigma_pt"])
    assert s.stable is e["stability_sufficient"]
    assert s.stable_expanded and not s.failed and s.u_stab == 0.0
    assert s.u_second == pytest.approx(float(np.std(after, ddof=1)) / 2, rel=1e-14)


def test_table_b1(vector: Callable[[str], Any]) -> None:
    rows = vector("iso13528_2022_tables_B1_C1")["table_B1_F1_F2_by_g"]
    assert len(rows) == 14
    for g, (f1, f2) in rows.items():
        assert eqa.expanded_factors(int(g), 2) == (f1, f2, "table_b1")
        c1, c2, source = eqa.expanded_factors(int(g), 2, factors="computed")
        assert source == "computed"
        assert (round(c1, 2), round(c2, 2)) == (f1, f2)
    assert eqa.expanded_factors(10, 3)[2] == "computed"


def test_the_table_may_be_a_list_an_array_or_a_strided_view() -> None:
    rows = [[10.0, 10.2, 10.1], [10.4, 10.3, 10.5], [9.9, 10.0, 10.1]]
    a = eqa.homogeneity(rows, 0.5)
    assert a == eqa.homogeneity(np.array(rows), 0.5)
    assert a == eqa.homogeneity(np.asfortranarray(rows), 0.5)
    wide = np.array([[x for v in row for x in (v, 0.0)] for row in rows])
    assert a == eqa.homogeneity(wide[:, ::2], 0.5)
    assert eqa.homogeneity(np.array([[1, 2], [4, 4]]), 1.0).item_means == [1.5, 4.0]
    assert a.m == 3 and a.s_w == pytest.approx(0.1, abs=1e-12)
    assert hash(a) == hash(eqa.homogeneity(rows, 0.5))
    assert repr(a).startswith("Homogeneity(g=3, m=3, item_means=[")


def test_remedies() -> None:
    items = [[1.0, 1.1], [2.0, 2.1], [1.5, 1.4], [1.2, 1.3], [1.9, 1.8]]
    h = eqa.homogeneity(items, 0.5)
    assert h.failed and h.remedy == "inflate_sigma_pt" and h.decided_by == "basic"
    assert h.sigma_pt_prime == pytest.approx((0.25 + h.s_s**2) ** 0.5, rel=1e-15)
    h = eqa.homogeneity(items, 0.5, remedy="include_u_hom")
    assert (h.sigma_pt_prime, h.u_hom) == (0.5, h.s_s)
    h = eqa.homogeneity(items, 1.2, criterion="expanded")
    assert not h.sufficient and h.sufficient_expanded and not h.failed
    d = h.to_dict()
    assert list(d) == [
        "g", "m", "item_means", "general_mean", "s_x", "s_w", "s_s", "sigma_pt", "criterion",
        "sufficient", "f1", "f2", "factors", "c", "expanded_criterion", "sufficient_expanded",
        "decided_by", "failed", "remedy", "sigma_pt_prime", "u_hom",
    ]
    assert d["item_means"] == h.item_means


def test_stability_options() -> None:
    s = eqa.stability([10.0], [10.6], 1.0, u_first=0.05, u_second=0.1, u_stab_rule="difference")
    assert s.failed and s.u_stab == pytest.approx(0.6, abs=1e-12)
    assert s.u_difference == pytest.approx((0.05**2 + 0.1**2) ** 0.5, rel=1e-15)
    assert s.expanded_criterion == pytest.approx(0.3 + 2 * (0.05**2 + 0.1**2) ** 0.5, rel=1e-15)
    assert eqa.stability([10.0], [10.6], 1.0, u_first=0.05, u_second=0.1).u_stab == pytest.approx(
        0.6 / 3**0.5, rel=1e-12
    )
    assert repr(s).startswith("Stability(n_first=1, n_second=1,")


def test_errors_name_the_problem() -> None:
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.homogeneity([[1.0, 2.0], [1.0, 2.0, 3.0]], 1.0)
    assert info.value.code == "length_mismatch"
    assert info.value.details == {"what": "replicates of an item", "expected": 2, "got": 3}
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.homogeneity([[1.0, 2.0], [3.0, float("nan")]], 1.0)
    assert info.value.code == "non_finite_value" and info.value.details["index"] == 3
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.homogeneity(np.zeros((1, 2)), 1.0)
    assert info.value.code == "too_few_values"
    with pytest.raises(eqa.InvalidInputError):
        eqa.homogeneity(np.zeros((3, 0)), 1.0)
    with pytest.raises(eqa.InvalidParameterError) as refused:
        eqa.homogeneity([[1.0, 2.0], [3.0, 4.0]], 0.0)
    assert refused.value.details["name"] == "sigma_pt"
    with pytest.raises(eqa.InvalidParameterError):
        eqa.homogeneity([[1.0, 2.0], [3.0, 4.0]], 1.0, factors="table")  # type: ignore[arg-type]
    with pytest.raises(eqa.NumericalOverflowError):
        eqa.homogeneity([[-1.7e308, 1.7e308], [0.0, 1.0]], 1.0)
    with pytest.raises(TypeError):
        eqa.homogeneity([1.0, 2.0], 1.0)  # type: ignore[list-item]
    with pytest.raises(eqa.InvalidInputError) as info:
        eqa.stability([1.0], [1.0, 2.0], 1.0)
    assert info.value.code == "too_few_values"
    with pytest.raises(eqa.InvalidParameterError):
        eqa.stability([1.0, 2.0], [1.0, 2.0], 1.0, u_first=-1.0)
    with pytest.raises(eqa.InvalidParameterError):
        eqa.expanded_factors(-1, 2)
    with pytest.raises(eqa.InvalidInputError):
        eqa.expanded_factors(1, 2)
