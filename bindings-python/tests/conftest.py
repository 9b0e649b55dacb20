"""Shared helpers: the reference vectors of the core and the one rule for printed numbers."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Callable

import pytest

REPO = Path(__file__).resolve().parents[2]
VECTORS = REPO / "core" / "tests" / "vectors"


def load_vector(name: str) -> Any:
    """A reference vector from core/tests/vectors."""
    with open(VECTORS / f"{name}.json", encoding="utf-8") as f:
        return json.load(f)


def check_printed(what: str, computed: float, printed: dict[str, Any], units: int = 0) -> None:
    """Rounded to the printed decimals, `computed` must equal the printed value,
    or be within `units` units of its last digit where a documented note allows it.
    With units == 0 this is the half-a-unit rule of the vectors' README."""
    unit = 10.0 ** -printed["decimals"]
    off = abs(round(computed / unit) - round(printed["value"] / unit))
    assert off <= units, (
        f"{what}: computed {computed} rounds to {round(computed / unit) * unit}, "
        f"but {printed['printed']} was printed (allowed: {units} unit(s) of {unit})"
    )


@pytest.fixture
def vector() -> Callable[[str], Any]:
    return load_vector


@pytest.fixture
def printed() -> Callable[..., None]:
    return check_printed


@pytest.fixture
def e3() -> list[float]:
    """ISO 13528:2022 E.3, atrazine in drinking water: 34 results."""
    data: list[float] = load_vector("iso13528_2022_E3_atrazine")["data"]
    return data
