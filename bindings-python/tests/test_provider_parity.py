"""The cross-language parity fixture of clause 7 and Annex B,
core/tests/parity/provider.json: every call made through the binding must
give the recorded result bit for bit, or the recorded error code. The
fixture names the arguments as the Python functions do."""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path
from typing import Any

import pytest

import eqa

FIXTURE = Path(__file__).resolve().parents[2] / "core" / "tests" / "parity" / "provider.json"
FUNCTIONS = {
    "homogeneity", "expanded_factors", "stability", "assigned_value_formulation",
    "assigned_value_certified", "assigned_value_reference_laboratory",
    "assigned_value_crm_comparison", "assigned_value_consensus",
    "assigned_value_expert_consensus", "compare_with_reference",
}


def load_calls() -> list[dict[str, Any]]:
    with open(FIXTURE, encoding="utf-8") as f:
        calls: list[dict[str, Any]] = json.load(f)["calls"]
    return calls


CALLS = load_calls() if FIXTURE.exists() else []


def invoke(call: dict[str, Any]) -> Any:
    result = getattr(eqa, call["function"])(**call["args"])
    if call["function"] == "expanded_factors":
        f1, f2, factors = result
        return {"f1": f1, "f2": f2, "factors": factors}
    return result.to_dict()


def bits(value: Any) -> Any:
    """Floats by their bits, so that 0.0 and -0.0 differ; containers element by element."""
    if isinstance(value, float):
        return struct.pack("<d", value).hex()
    if isinstance(value, dict):
        return {k: bits(v) for k, v in value.items()}
    if isinstance(value, list):
        return [bits(v) for v in value]
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
    assert any("error" in c for c in CALLS)


@pytest.mark.parametrize("call", CALLS, ids=[f"{i}-{c['function']}" for i, c in enumerate(CALLS)])
def test_call(call: dict[str, Any]) -> None:
    if "error" in call:
        with pytest.raises(eqa.EqaError) as info:
            invoke(call)
        assert info.value.code == call["error"]
        return
    got = invoke(call)
    assert finite(got)
    assert bits(got) == bits(call["result"])
