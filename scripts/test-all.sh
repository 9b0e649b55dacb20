#!/usr/bin/env bash
# Every test of the project, on a fresh machine too: it installs what it needs
# (the Python venv and its packages, the wasm32 target, wasm-bindgen-cli,
# Chromium, cargo-fuzz) and then runs, in order, the Rust checks, the Python
# binding's tests, the WebAssembly binding's tests in Node and Chromium, the
# numpy comparison on small data, and a bounded fuzz run; each stage and
# each step within it prints its time, and a table of stage times closes
# the run.
#
# Run from anywhere: bash scripts/test-all.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/venv.sh

stages=(
  "bash scripts/test-rust.sh"
  "bash scripts/test-python.sh"
  "bash scripts/test-wasm.sh"
  ".venv/bin/python benches/compare_numpy.py --quick"
  "bash scripts/fuzz-smoke.sh"
)
passed=0
times=()
summary() {
  printf '\nstage times:\n'
  for line in "${times[@]}"; do printf '  %s\n' "$line"; done
  printf '  total: %d s\n' "$SECONDS"
}
for stage in "${stages[@]}"; do
  printf '\n######## %s\n' "$stage"
  start=$SECONDS
  if ! $stage; then
    times+=("$((SECONDS - start)) s  $stage (FAILED)")
    summary
    printf '\n######## FAILED: %s\ntest-all: %d passed, 1 failed\n' "$stage" "$passed"
    exit 1
  fi
  passed=$((passed + 1))
  printf '######## %s: ok in %d s\n' "$stage" "$((SECONDS - start))"
  times+=("$((SECONDS - start)) s  $stage")
done
summary
printf '\ntest-all: %d passed, 0 failed\n' "$passed"
