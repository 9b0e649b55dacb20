"""The cross-language parity fixture core/tests/parity/annex_c.json: every
Annex C call made through the binding must give the recorded result bit for
bit, or the recorded error code."""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path
from typing import Any

import pytest

import eqa

FIXTURE = Path(__file__).resolve().parents[2] / "core" / "tests" / "parity" / "annex_c.json"
FUNCTIONS = {
    "q_method", "q_hampel", "hampel", "qn", "qn_correction", "algorithm_s",
    "algorithm_s_factors",
}
RESULTS = (
    eqa.QMethodEstimate, eqa.QHampelEstimate, eqa.HampelEstimate, eqa.QnEstimate,
    eqa.AlgorithmSEstimate, eqa.AlgorithmSFactors,
)


def load_calls() -> list[dict[str, Any]]:
    with open(FIXTURE, encoding="utf-8") as f:
        calls: list[dict[str, Any]] = json.load(f)["calls"]
    return calls


CALLS = load_calls() if FIXTURE.exists() else []


def invoke(call: dict[str, Any]) -> Any:
    function, values, args = call["function"], call["values"], dict(call["args"])
    if function == "hampel":
        scale = args.pop("scale")
        return eqa.hampel(values, scale, **args)
    if function == "qn_correction":
        return eqa.qn_correction(args["p"])
    if function == "algorithm_s_factors":
        return eqa.algorithm_s_factors(args["nu"])
    if function == "algorithm_s":
        nu = args.pop("nu")
        return eqa.algorithm_s(values, nu, **args)
    return getattr(eqa, function)(values, **args)


def bits(value: Any) -> Any:
    """Floats by their bits, so that 0.0 and -0.0 differ and NaN equals itself."""
    if isinstance(value, float):
        return struct.pack("<d", value).hex()
    if isinstance(value, dict):
        return {k: bits(v) for k, v in value.items()}
    return value


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
    expected = call["result"]
    if isinstance(expected, dict):
        assert isinstance(got, RESULTS)
        fields: dict[str, Any] = dict(got.to_dict())
        assert sorted(fields) == sorted(expected)
        assert all(math.isfinite(v) for v in fields.values() if isinstance(v, float))
        # JSON numbers that happen to be integral load as int; compare floats as floats.
        expected = {
            k: float(v) if isinstance(fields[k], float) and isinstance(v, int) else v
            for k, v in expected.items()
        }
        got = fields
    else:
        expected = float(expected)
    assert bits(got) == bits(expected)
