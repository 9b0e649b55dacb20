"""The cross-language parity fixture core/tests/parity/calls.json: every call
made through the binding must give the recorded result bit for bit, or the
recorded error code."""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path
from typing import Any

import pytest

import eqa
FIXTURE = Path(__file__).resolve().parents[2] / "core" / "tests" / "parity" / "calls.json"
FUNCTIONS = {
    "median", "mean", "standard_deviation", "made", "niqr", "quantile",
    "algorithm_a", "huber_fixed_scale", "consensus_uncertainty",
}


def load_calls() -> list[dict[str, Any]]:
    with open(FIXTURE, encoding="utf-8") as f:
        calls: list[dict[str, Any]] = json.load(f)["calls"]
    return calls


CALLS = load_calls() if FIXTURE.exists() else []


def invoke(call: dict[str, Any]) -> Any:
    function, values, args = call["function"], call["values"], dict(call["args"])
    if function == "quantile":
        return eqa.quantile(values, args["p"])
    if function == "consensus_uncertainty":
        return eqa.consensus_uncertainty(args["scale"], args["p"])
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
    assert len(CALLS) > 0
    assert {c["function"] for c in CALLS} == FUNCTIONS


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
        assert isinstance(got, eqa.RobustEstimate)
        got = got.to_dict()
        assert all(math.isfinite(v) for v in got.values() if isinstance(v, float))
    else:
        # JSON numbers that happen to be integral load as int; compare as floats.
        expected = float(expected)
    assert bits(got) == bits(expected)
