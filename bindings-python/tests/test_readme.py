"""Every ```python block of the repository's README.md runs as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

README = Path(__file__).resolve().parent / ".." / ".." / "README.md"
BLOCK = re.compile(r"^```python[ \t]*\n(.*?)^```[ \t]*$", re.MULTILINE | re.DOTALL)


def python_blocks() -> list[str]:
    if not README.exists():
        return []
    return BLOCK.findall(README.read_text(encoding="utf-8"))


BLOCKS = python_blocks()


def test_readme_has_a_python_example() -> None:
    assert README.exists(), f"{README.resolve()} is missing"
    assert BLOCKS, "README.md has no ```python block"


@pytest.mark.parametrize("code", BLOCKS, ids=[f"block{i}" for i in range(len(BLOCKS))])
def test_readme_block_runs(code: str) -> None:
    exec(compile(code, str(README), "exec"), {"__name__": "__readme__"})
