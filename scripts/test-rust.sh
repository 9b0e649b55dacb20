#!/usr/bin/env bash
# The Rust checks: formatting, clippy with warnings denied, every test of the
# workspace (unit, integration, property and doc tests), the docs with
# warnings denied, the README's main command, and one pass of every benchmark.
#
# Run from anywhere: bash scripts/test-rust.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/venv.sh

step() { printf '\n==> %s\n' "$*"; }

step "rustfmt"
cargo fmt --all --check
(cd fuzz && cargo fmt --check)

step "clippy (warnings denied)"
cargo clippy --workspace --all-targets --locked -- -D warnings

step "cargo test --workspace"
cargo test --workspace --locked

step "cargo doc (warnings denied)"
RUSTDOCFLAGS="-D warnings" cargo doc -p eqa --no-deps --locked

step "the main job: cargo run --release -p eqa --example demo"
cargo run --release -p eqa --example demo --locked

step "benchmarks, one pass each"
cargo bench -p eqa-benches --locked -- --test
