"""The cross-language parity fixture core/tests/parity/scores.json: every
performance statistic, classification, combined score, sigma_pt and u(x_pt)
check made through the binding must give the recorded result bit for bit,
or the recorded error code."""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import eqa

FIXTURE = Path(__file__).resolve().parents[2] / "core" / "tests" / "parity" / "scores.json"
FUNCTIONS = {
    "deviation", "percent_deviation", "pa_score", "z_score", "z_prime_score", "zeta_score",
    "en_number", "classify", "combined_z", "sigma_pt_from_limit", "sigma_pt_from_precision",
    "sigma_pt_general_model", "sigma_pt_from_previous_rounds", "sigma_pt_from_robust_sd",
    "check_uncertainty",
}


def load_calls() -> list[dict[str, Any]]:
    with open(FIXTURE, encoding="utf-8") as f:
        calls: list[dict[str, Any]] = json.load(f)["calls"]
    return calls


CALLS = load_calls() if FIXTURE.exists() else []


def rule(spec: Any) -> Any:
    if isinstance(spec, str):
        return spec
    return eqa.ClassificationRule(
        spec["satisfactory"],
        spec["unsatisfactory"],
        satisfactory_bound=spec.get("satisfactory_bound", "inclusive"),
        unsatisfactory_bound=spec.get("unsatisfactory_bound", "inclusive"),
    )


def invoke(function: str, args: dict[str, Any]) -> Any:
    a = dict(args)
    if function == "classify":
        return eqa.classify(a["scores"], rule(a["rule"]))
    if function == "combined_z":
        return eqa.combined_z(a.pop("z"), **a)
    if function == "sigma_pt_from_limit":
        return eqa.sigma_pt_from_limit(a.pop("delta_e"), **a)
    if function == "sigma_pt_general_model":
        return eqa.sigma_pt_general_model(a.pop("c"), **a)
    if function == "sigma_pt_from_previous_rounds":
        return eqa.sigma_pt_from_previous_rounds(a.pop("assigned_values"), a.pop("sds"), a.pop("x_pt"), **a)
    if function == "check_uncertainty":
        return eqa.check_uncertainty(a.pop("u_x_pt"), a.pop("sigma_pt"), **a)
    # Every argument by its name, as the fixture records it.
    return getattr(eqa, function)(**a)


def bits(value: Any) -> Any:
    """Floats by their bits, so that 0.0 and -0.0 differ; ints as floats where JSON lost the point."""
    if isinstance(value, float):
        return struct.pack("<d", value).hex()
    if isinstance(value, dict):
        return {k: bits(v) for k, v in value.items()}
    if isinstance(value, list):
        return [bits(v) for v in value]
    return value


def as_floats(expected: Any, got: Any) -> Any:
    """The recorded value with JSON's integral numbers turned back into floats where the binding gives floats."""
    if isinstance(expected, int) and not isinstance(expected, bool) and isinstance(got, float):
        return float(expected)
    if isinstance(expected, dict) and isinstance(got, dict):
        return {k: as_floats(v, got.get(k)) for k, v in expected.items()}
    if isinstance(expected, list) and isinstance(got, list):
        return [as_floats(e, g) for e, g in zip(expected, got)]
    return expected


def plain(value: Any) -> Any:
    if isinstance(value, np.ndarray):
        return [float(v) for v in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


def finite(value: Any) -> bool:
    if isinstance(value, float):
        return math.isfinite(value)
    if isinstance(value, dict):
        return all(finite(v) for v in value.values())
    if isinstance(value, list):
        return all(finite(v) for v in value)
    return True


def test_fixture_is_there() -> None:
    assert FIXTURE.exists(), f"{FIXTURE} is missing"
    assert {c["function"] for c in CALLS} == FUNCTIONS


@pytest.mark.parametrize("call", CALLS, ids=[f"{i}-{c['function']}" for i, c in enumerate(CALLS)])
def test_call(call: dict[str, Any]) -> None:
    if "error" in call:
        with pytest.raises(eqa.EqaError) as info:
            invoke(call["function"], call["args"])
        assert info.value.code == call["error"]
        return
    got = plain(invoke(call["function"], call["args"]))
    assert finite(got)
    if isinstance(call["args"].get("x"), list):
        assert isinstance(got, list)
    expected = as_floats(call["result"], got)
    assert bits(got) == bits(expected)
