#!/usr/bin/env bash
# A bounded fuzz run: every target for FUZZ_SECONDS seconds (default 15).
# cargo fuzz exits non-zero on any finding, which fails the run.
#
# Run from anywhere: bash scripts/fuzz-smoke.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../fuzz"
seconds="${FUZZ_SECONDS:-15}"

if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --version 0.13.2 --locked
fi
# libFuzzer's sanitizer needs nightly; on stable, fuzz without one.
if rustup run nightly rustc --version >/dev/null 2>&1; then
  fuzz=(cargo +nightly fuzz)
  sanitizer=()
else
  fuzz=(cargo fuzz)
  sanitizer=(-s none)
fi

"${fuzz[@]}" build -O "${sanitizer[@]}"
for target in $("${fuzz[@]}" list); do
  printf '\n==> fuzz %s for %s s\n' "$target" "$seconds"
  "${fuzz[@]}" run -O "${sanitizer[@]}" "$target" -- \
    -max_total_time="$seconds" -max_len=4096 -print_final_stats=0 2>&1 | grep -E '^(Done|INFO: seed)|panicked|ERROR|SUMMARY' || true
  # grep hides libFuzzer's chatter; the fuzzer's own status decides.
  test "${PIPESTATUS[0]}" -eq 0
done
