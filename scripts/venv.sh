# Sourced by the test scripts: the project's Python virtual environment.
# pyo3's build reads PYO3_PYTHON; pointing it at one interpreter before any
# cargo command keeps pyo3 from rebuilding whenever the Python on PATH changes.
if [[ ! -x .venv/bin/python ]]; then
  python3 -m venv .venv
fi
export PYO3_PYTHON="$PWD/.venv/bin/python"
