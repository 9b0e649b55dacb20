"""The cross-language parity fixture core/tests/parity/plots.json: every
histogram, kernel density, Youden plot, bar chart and score series made
through the binding must give the recorded result bit for bit (by its
to_dict), or the recorded error code."""

from __future__ import annotations

import json
import struct
from pathlib import Path
from typing import Any

import pytest

import eqa

FIXTURE = Path(__file__).resolve().parents[2] / "core" / "tests" / "parity" / "plots.json"
FUNCTIONS = {"histogram", "kernel_density", "youden", "score_bars", "score_series"}


def load_calls() -> list[dict[str, Any]]:
    with open(FIXTURE, encoding="utf-8") as f:
        calls: list[dict[str, Any]] = json.load(f)["calls"]
    return calls


CALLS = load_calls() if FIXTURE.exists() else []


def invoke(function: str, args: dict[str, Any]) -> Any:
    a = dict(args)
    if function in ("histogram", "kernel_density"):
        if isinstance(a.get("range"), list):
            a["range"] = tuple(a["range"])
        return getattr(eqa, function)(a.pop("x"), **a)
    if function == "youden":
        return eqa.youden(a.pop("a"), a.pop("b"), **a)
    if function == "score_bars":
        return eqa.score_bars(a.pop("scores"), **a)
    return eqa.score_series(a.pop("rounds"), a.pop("scores"), **a)


def bits(value: Any) -> Any:
    """Floats by their bits, so that 0.0 and -0.0 differ."""
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
    got = invoke(call["function"], call["args"]).to_dict()
    assert bits(got) == bits(as_floats(call["result"], got))
