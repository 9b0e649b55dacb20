"""ISO 13528:2022 clause 7 through the binding: the assigned value from a CRM
comparison (E.5, Table E.8), a consensus compared with a reference value
(E.7), the other provenances, and u_hom and u_stab."""

from __future__ import annotations

from typing import Any, Callable

import numpy as np
import pytest

import eqa


def test_e5_crm_comparison(vector: Callable[[str], Any], printed: Callable[..., None]) -> None:
    v = vector("iso13528_2022_E5_crm_comparison")
    e = v["expected"]
    a = eqa.assigned_value_crm_comparison(v["x_crm"], v["u_crm"], v["differences_item_minus_crm"])
    printed("x_pt", a.x_pt, e["x_pt"])
    printed("u(x_pt)", a.u_x_pt, e["u_x_pt"])
    assert a.u_difference is not None
    printed("u_d", a.u_difference, e["u_d"])
    assert a.provenance == "reference_laboratory" and a.p == 20
    assert (a.reference_value, a.u_reference) == (v["x_crm"], v["u_crm"])
    assert a.estimator is None and a.coverage_factor is None


def test_e7_consensus_against_reference(
    vector: Callable[[str], Any], printed: Callable[..., None]
) -> None:
    v = vector("iso13528_2022_E7_algA_vs_reference")
    e = v["expected"]
    a = eqa.assigned_value_consensus(np.array(v["data"]))
    assert (a.provenance, a.estimator, a.p) == ("participant_consensus", "algorithm_a", 21)
    printed("x*", a.x_pt, e["algA_x"])
    assert a.scale is not None
    printed("s*", a.scale, e["algA_s"])
    printed("u(x*)", a.u_x_pt, e["algA_u"])
    c = eqa.compare_with_reference(v["x_ref"], v["u_ref"], a.x_pt, a.u_x_pt)
    printed("x_diff", c.difference, e["x_diff"])
    printed("u_diff", c.u_diff, e["u_diff"])
    assert c.rule == "two_u_diff" and c.limit == 2 * c.u_diff
    assert not c.agrees and 2.0 < c.ratio < 2.1
    assert eqa.compare_with_reference(
        v["x_ref"], v["u_ref"], a.x_pt, a.u_x_pt, rule="three_u_diff"
    ).agrees
    assert list(c.to_dict()) == [
        "x_ref", "u_ref", "x_pt", "u_x_pt", "difference", "u_diff", "ratio", "rule", "limit",
        "agrees",
    ]


def test_consensus_estimators(vector: Callable[[str], Any]) -> None:
    x = vector("iso13528_2022_E7_algA_vs_reference")["data"]
    p = len(x)
    m = eqa.assigned_value_consensus(x, estimator="median_niqr")
    assert (m.x_pt, m.scale) == (eqa.median(x), eqa.niqr(x))
    assert m.u_x_pt == eqa.consensus_uncertainty(eqa.niqr(x), p)
    assert eqa.assigned_value_consensus(x, estimator="median_made").scale == eqa.made(x)
    mean = eqa.assigned_value_expert_consensus(x, estimator="mean")
    assert mean.provenance == "expert_consensus"
    assert mean.u_x_pt == eqa.standard_deviation(x) / p**0.5
    exact = eqa.assigned_value_consensus(x, constants="exact", stop="converged")
    assert exact.u_x_pt == eqa.algorithm_a(x, constants="exact", stop="converged").uncertainty


def test_provenances_and_contributions() -> None:
    crm = eqa.assigned_value_certified(21.62, 0.52, 2.0)
    assert (crm.provenance, crm.u_x_pt, crm.expanded_uncertainty, crm.coverage_factor) == (
        "certified_reference_value", 0.26, 0.52, 2.0,
    )
    with_both = eqa.assigned_value_certified(21.62, 0.52, 2.0, u_hom=0.1, u_stab=0.05)
    assert with_both.u_x_pt == pytest.approx((0.26**2 + 0.1**2 + 0.05**2) ** 0.5, rel=1e-15)
    assert (with_both.u_char, with_both.u_hom, with_both.u_stab) == (0.26, 0.1, 0.05)
    f = eqa.assigned_value_formulation(5.0, 0.03, u_hom=0.04)
    assert f.provenance == "formulation" and f.u_x_pt == pytest.approx(0.05, rel=1e-15)
    r = eqa.assigned_value_reference_laboratory(0.044, 0.0041)
    assert r.provenance == "reference_laboratory" and r.u_x_pt == 0.0041
    assert r == eqa.assigned_value_reference_laboratory(0.044, 0.0041) and r != f
    assert hash(r) == hash(eqa.assigned_value_reference_laboratory(0.044, 0.0041))
    assert repr(r).startswith("AssignedValue(x_pt=0.044, u_x_pt=0.0041,")
    d = r.to_dict()
    assert d["estimator"] is None and d["p"] is None and d["provenance"] == "reference_laboratory"


def test_errors() -> None:
    with pytest.raises(eqa.ZeroScaleError):
        eqa.assigned_value_consensus([1.0, 1.0, 1.0, 2.0, 9.0])
    z = eqa.assigned_value_consensus([1.0, 1.0, 1.0, 2.0, 9.0], zero_scale="standard_deviation")
    assert z.scale is not None and z.scale > 0
    with pytest.raises(eqa.InvalidParameterError) as info:
        eqa.assigned_value_consensus([1.0, 2.0, 3.0], estimator="q_hampel")  # type: ignore[arg-type]
    assert info.value.details["name"] == "estimator"
    with pytest.raises(eqa.InvalidInputError):
        eqa.assigned_value_consensus([1.0], estimator="mean")
    with pytest.raises(eqa.InvalidParameterError) as info:
        eqa.assigned_value_certified(1.0, 0.2, 0.0)
    assert info.value.details["name"] == "k"
    with pytest.raises(eqa.InvalidParameterError):
        eqa.assigned_value_formulation(1.0, 0.1, u_hom=-0.1)
    with pytest.raises(eqa.InvalidInputError):
        eqa.assigned_value_crm_comparison(1.0, 0.1, [0.5])
    with pytest.raises(eqa.InvalidParameterError):
        eqa.compare_with_reference(1.0, 0.0, 1.0, 0.0)
    with pytest.raises(eqa.NumericalOverflowError):
        eqa.compare_with_reference(1.7e308, 1.0, -1.7e308, 1.0)
