#!/usr/bin/env bash
# Builds the Python package `eqa` (bindings-python/) and runs its checks:
# mypy's stubtest against the compiled module, mypy --strict on the tests
# (the stubs as a user sees them), then pytest.
#
# Usage, from anywhere: bash scripts/test-python.sh [extra pytest arguments]
# Creates .venv at the repository root when it is missing. Non-interactive.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

if [ ! -x .venv/bin/python ]; then
    echo "== creating .venv"
    python3 -m venv .venv
fi
py="$root/.venv/bin/python"
# The venv's tools first: the build backend runs the `maturin` executable.
export PATH="$root/.venv/bin:$PATH"
export PYO3_PYTHON="$py"
export PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_INPUT=1

source "$root/scripts/steps.sh"

step "the build and test tools"
"$py" -m pip install --quiet maturin numpy pytest hypothesis mypy

step "building and installing bindings-python (the ci profile: release without LTO)"
# Users' wheels use the release profile; the tests need an optimised build,
# not a link-time-optimised one.
MATURIN_PEP517_ARGS="--profile ci" "$py" -m pip install --quiet --no-build-isolation --no-deps --force-reinstall ./bindings-python

# Outside the repository, so that the source folder of the mixed layout
# cannot shadow the installed package, and caches stay out of the tree.
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

step "stubtest"
(cd "$scratch" && "$py" -m mypy.stubtest eqa)

step "mypy --strict on the tests"
(cd "$scratch" && "$py" -m mypy --strict "$root/bindings-python/tests")

step "pytest"
cd "$scratch"
"$py" -m pytest -q --import-mode=importlib -p no:cacheprovider \
    --rootdir "$root/bindings-python" "$root/bindings-python/tests" "$@"
steps_done
