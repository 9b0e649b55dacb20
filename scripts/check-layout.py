#!/usr/bin/env python3
"""Checks that the core's data flows one way.

`core/src` has a folder per stage of the flow (see the comment in
`core/src/lib.rs`). A module may import its own stage and the stages before
it, never a later one; the shared root modules (`error`, `names`,
`csv_text`) import no stage at all; and no two modules import each other,
directly or through others.

The imports are read from the `crate::` and `super::` paths of the source
(comments and doc comments aside). A path is resolved to the module that
defines the item: through the re-exports of a folder's `mod.rs` and of
`lib.rs`, so that `crate::median` counts as an import of
`stats/location.rs`.

Usage: python3 scripts/check-layout.py [core/src]
Exits 1 with one line per problem, naming the modules and the line.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

# The stages in the order data flows through them.
STAGES = [
    "stats",
    "plan",
    "results",
    "scoring",
    "history",
    "indicators",
    "report",
    "synthetic",
]
# Root modules every stage may use; they import no stage.
SHARED = {"error", "names", "csv_text"}

PATH = re.compile(r"\b(crate|super)((?:::[A-Za-z_][A-Za-z0-9_]*)+|::\{)")
USE_GROUP = re.compile(r"\buse\s+(crate|super)::\{")
PUB_USE = re.compile(r"^\s*pub(?:\([a-z]+\))?\s+use\s+(?:self::)?([a-z_][a-z0-9_]*(?:::[a-z_][a-z0-9_]*)*)::(\*|\{[^}]*\}|[A-Za-z_][A-Za-z0-9_]*)\s*;", re.M)


class Module:
    def __init__(self, path: tuple[str, ...], file: Path):
        self.path = path
        self.file = file
        self.reexports: dict[str, tuple[str, ...]] = {}
        self.globs: list[tuple[str, ...]] = []

    @property
    def name(self) -> str:
        return "::".join(self.path) or "crate"

    @property
    def stage(self) -> str:
        return self.path[0] if self.path else "crate"


def module_path(root: Path, file: Path) -> tuple[str, ...]:
    parts = list(file.relative_to(root).with_suffix("").parts)
    if parts[-1] in ("mod", "lib"):
        parts.pop()
    return tuple(parts)


def code_lines(text: str):
    """Lines without comments: (line number, text)."""
    in_block = False
    for number, line in enumerate(text.splitlines(), 1):
        if in_block:
            if "*/" in line:
                in_block = False
                line = line.split("*/", 1)[1]
            else:
                continue
        if "/*" in line:
            before, _, after = line.partition("/*")
            if "*/" not in after:
                in_block = True
            line = before
        line = line.split("//", 1)[0]
        if line.strip():
            yield number, line


def statements(text: str):
    """`use` statements joined onto one line, with the line they start on, and other code lines."""
    pending: list[str] = []
    start = 0
    for number, line in code_lines(text):
        if pending:
            pending.append(line)
            if ";" in line:
                yield start, " ".join(pending)
                pending = []
            continue
        if re.match(r"\s*(pub(\([a-z]+\))?\s+)?use\s", line) and ";" not in line:
            pending = [line]
            start = number
            continue
        yield number, line


def load(root: Path) -> dict[tuple[str, ...], Module]:
    modules: dict[tuple[str, ...], Module] = {}
    for file in sorted(root.rglob("*.rs")):
        module = Module(module_path(root, file), file)
        modules[module.path] = module
    for module in modules.values():
        text = module.file.read_text(encoding="utf-8")
        for _, line in statements(text):
            match = PUB_USE.match(line)
            if not match:
                continue
            prefix = match.group(1).split("::")
            if prefix[0] in ("crate", "super"):
                target = absolute(module, prefix)
            else:
                target = module.path + tuple(prefix)
            names = match.group(2)
            if names == "*":
                module.globs.append(target)
            elif names.startswith("{"):
                for name in names.strip("{}").split(","):
                    name = name.strip().split(" as ")[-1].strip()
                    if name:
                        module.reexports[name] = target
            else:
                module.reexports[names] = target
    return modules


def resolve(modules, path: tuple[str, ...], seen=None) -> tuple[str, ...]:
    """The module that defines what `path` (relative to the crate root) names."""
    seen = seen or set()
    best: tuple[str, ...] = ()
    index = 0
    for i in range(1, len(path) + 1):
        if path[:i] in modules:
            best = path[:i]
            index = i
        else:
            break
    rest = path[index:]
    module = modules.get(best)
    if not rest or module is None or best in seen:
        return best
    seen.add(best)
    name = rest[0]
    if name in module.reexports:
        return resolve(modules, module.reexports[name] + rest, seen)
    for glob in module.globs:
        target = resolve(modules, glob + rest, seen)
        if target != glob:
            return target
    # Not found further: the first glob's module (or this one) defines it.
    return module.globs[0] if module.globs else best


def expand(line: str, keyword: str, start: int) -> list[list[str]]:
    """Every path of a `use crate::{a::b, c}` group, as segment lists."""
    depth = 0
    body = ""
    for char in line[start:]:
        if char == "{":
            depth += 1
            if depth == 1:
                continue
        elif char == "}":
            depth -= 1
            if depth == 0:
                break
        body += char
    paths = []
    depth = 0
    item = ""
    for char in body + ",":
        if char == "{":
            depth += 1
        elif char == "}":
            depth -= 1
        if char == "," and depth == 0:
            head = item.strip().split("::{")[0].split(" as ")[0].strip()
            if head:
                paths.append([keyword] + head.split("::"))
            item = ""
        else:
            item += char
    return paths


def imports(module: Module):
    """(line, segments) for every `crate::`/`super::` path the module uses."""
    text = module.file.read_text(encoding="utf-8")
    for number, line in statements(text):
        for match in PATH.finditer(line):
            keyword, rest = match.group(1), match.group(2)
            if rest == "::{":
                for path in expand(line, keyword, match.end() - 1):
                    yield number, path
            else:
                yield number, [keyword] + rest.strip(":").split("::")


def absolute(module: Module, segments: list[str]) -> tuple[str, ...]:
    if segments[0] == "crate":
        return tuple(segments[1:])
    base = list(module.path)
    # `super` in a mod.rs is the folder's parent; in a file, the file's folder.
    if module.file.name != "mod.rs" and module.file.name != "lib.rs":
        base = base[:-1] if base else base
        segments = segments[1:]
        while segments and segments[0] == "super":
            base = base[:-1]
            segments = segments[1:]
        return tuple(base) + tuple(segments)
    while segments and segments[0] == "super":
        base = base[:-1]
        segments = segments[1:]
    return tuple(base) + tuple(segments)


def stage_of(path: tuple[str, ...]) -> str:
    return path[0] if path else "crate"


def check(root: Path) -> list[str]:
    modules = load(root)
    rank = {stage: i for i, stage in enumerate(STAGES)}
    problems = []
    edges: dict[tuple[str, ...], dict[tuple[str, ...], tuple[int, str]]] = {}
    for module in modules.values():
        if module.path == ():
            continue
        stage = module.stage
        if stage not in rank and stage not in SHARED:
            problems.append(f"{module.file}: module {module.name} is in no stage folder "
                            f"(stages: {', '.join(STAGES)}; shared: {', '.join(sorted(SHARED))})")
            continue
        for number, segments in imports(module):
            target = resolve(modules, absolute(module, segments))
            if not target or target == module.path or module.path[: len(target)] == target:
                continue
            edges.setdefault(module.path, {}).setdefault(target, (number, "::".join(segments)))
            to = stage_of(target)
            where = f"{module.file}:{number}"
            if stage in SHARED and to not in SHARED:
                problems.append(f"{where}: shared module {module.name} imports {'::'.join(target)} "
                                f"(stage {to}); shared modules import no stage")
            elif stage in rank and to in rank and rank[to] > rank[stage]:
                problems.append(f"{where}: {module.name} (stage {stage}) imports "
                                f"{'::'.join(target)} (stage {to}, a later stage): "
                                f"{'::'.join(segments)}")
    problems.extend(cycles(modules, edges))
    return problems


def cycles(modules, edges) -> list[str]:
    """One line per cycle of module imports, naming each edge and its line."""
    found = []
    state: dict[tuple[str, ...], int] = {}
    stack: list[tuple[str, ...]] = []

    def visit(node):
        state[node] = 1
        stack.append(node)
        for target in sorted(edges.get(node, {})):
            if state.get(target) == 1:
                loop = stack[stack.index(target):] + [target]
                steps = []
                for a, b in zip(loop, loop[1:]):
                    number, text = edges[a][b]
                    steps.append(f"{modules[a].file}:{number} {'::'.join(a)} -> {'::'.join(b)} ({text})")
                found.append("cycle: " + "; ".join(steps))
            elif target not in state:
                visit(target)
        stack.pop()
        state[node] = 2

    for node in sorted(edges):
        if node not in state:
            visit(node)
    return found


def main() -> int:
    default = Path(__file__).resolve().parent.parent / "core" / "src"
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else default.relative_to(Path.cwd()) if default.is_relative_to(Path.cwd()) else default
    problems = check(root)
    for problem in problems:
        print(problem)
    if problems:
        print(f"check-layout: {len(problems)} problem(s) in the module graph of {root}")
        return 1
    count = sum(1 for _ in root.rglob("*.rs"))
    print(f"check-layout: {count} modules, one-way flow through {' -> '.join(STAGES)}, no cycle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
