#!/usr/bin/env bash
# Builds the WebAssembly binding (bindings-wasm/) and tests it: the binding
# (and so the core) built for wasm32, wasm-bindgen for the web and Node, a
# TypeScript check of the declarations, and the JavaScript checks in Node and
# in headless Chromium. The binding's Rust unit tests run natively with the
# workspace's (scripts/test-rust.sh).
#
# Run from the repository root: bash scripts/test-wasm.sh
# Installs what a fresh machine lacks: the wasm32 target, wasm-bindgen-cli at
# the version in Cargo.lock, and Debian's chromium and chromium-driver.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."

TARGET=wasm32-unknown-unknown
TARGET_DIR="${CARGO_TARGET_DIR:-target}"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
# The ci profile: optimised like release, without its LTO (a test build).
PROFILE=ci
WASM="$TARGET_DIR/$TARGET/$PROFILE/eqa_wasm.wasm"

source scripts/steps.sh

step "wasm32 target"
installed="$(rustup target list --installed)"
if ! grep -qx "$TARGET" <<<"$installed"; then
  if ! rustup target add "$TARGET"; then
    echo "error: could not install the $TARGET target with rustup (is the Rust distribution server reachable?)" >&2
    exit 1
  fi
fi

step "wasm-bindgen-cli"
# The CLI must be the version of the wasm-bindgen crate in Cargo.lock.
V="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [[ -z "$V" ]]; then
  echo "error: no wasm-bindgen entry in Cargo.lock" >&2
  exit 1
fi
if [[ "$(wasm-bindgen --version 2>/dev/null || true)" == "wasm-bindgen $V" ]]; then
  echo "wasm-bindgen $V is installed"
else
  cargo install wasm-bindgen-cli --version "$V" --debug
fi

step "Chromium"
if [[ ! -x "$CHROMIUM" ]]; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update
  apt-get install -y --no-install-recommends chromium chromium-driver
fi
"$CHROMIUM" --version 2>/dev/null | grep -v '^$' || true

step "the binding, and so the core, for $TARGET ($PROFILE profile)"
cargo build -p eqa-wasm --target "$TARGET" --profile "$PROFILE" --locked
ls -l "$WASM"

step "wasm-bindgen: pkg/ (web) and pkg-node/ (Node)"
rm -rf bindings-wasm/pkg bindings-wasm/pkg-node
wasm-bindgen --target web --out-dir bindings-wasm/pkg "$WASM"
wasm-bindgen --target nodejs --out-dir bindings-wasm/pkg-node "$WASM"
# The Node build is CommonJS inside an ES-module package.
printf '{\n  "type": "commonjs"\n}\n' > bindings-wasm/pkg-node/package.json
ls -l bindings-wasm/pkg/eqa_wasm_bg.wasm

step "npm ci (bindings-wasm/tests)"
cd bindings-wasm/tests
npm ci --no-audit --no-fund

step "TypeScript declarations"
npm run --silent typecheck

step "Node tests"
npm run --silent test:node

step "browser tests (headless Chromium)"
CHROMIUM="$CHROMIUM" npm run --silent test:browser

steps_done
printf '\nall WebAssembly checks passed\n'
