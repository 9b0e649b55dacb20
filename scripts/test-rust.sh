#!/usr/bin/env bash
# The Rust checks: formatting, the one-way module graph of core/src,
# clippy with warnings denied, every test of the workspace (unit,
# integration, property and doc tests, the examples built and one pass of
# every benchmark in criterion's test mode), the docs with warnings denied,
# and the README's main job.
#
# Test builds use the dev profile, so the steps share one build; the
# release profile (LTO, one codegen unit) is what users get and is not
# rebuilt here.
#
# Run from anywhere: bash scripts/test-rust.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/venv.sh
source scripts/steps.sh

step "rustfmt"
cargo fmt --all --check
(cd fuzz && cargo fmt --check)

step "one-way flow of core/src (scripts/check-layout.py)"
python3 scripts/check-layout.py

step "clippy (warnings denied)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test --workspace --all-targets (benchmarks: one pass each)"
cargo test --workspace --all-targets --locked

step "doc tests, the README's examples among them"
cargo test --workspace --doc --locked

step "cargo doc (warnings denied)"
RUSTDOCFLAGS="-D warnings" cargo doc -p eqa --no-deps --locked

step "the main job: the README's cargo run -p eqa --example demo (dev profile)"
cargo run -p eqa --example demo --locked

steps_done
