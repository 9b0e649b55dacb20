#!/usr/bin/env bash
# A bounded fuzz run: every target for FUZZ_SECONDS seconds (default 8),
# FUZZ_JOBS targets at a time (default: one per core). cargo fuzz exits
# non-zero on any finding, which fails the run; the log of a failing target
# is printed whole.
#
# Run from anywhere: bash scripts/fuzz-smoke.sh
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../fuzz"
source ../scripts/steps.sh
seconds="${FUZZ_SECONDS:-8}"
jobs="${FUZZ_JOBS:-$(nproc)}"

step "cargo-fuzz"
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

step "build every target"
"${fuzz[@]}" build -O "${sanitizer[@]}"
mapfile -t targets < <("${fuzz[@]}" list)

step "fuzz ${#targets[@]} targets for $seconds s each, $jobs at a time"
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT
run() {
  "${fuzz[@]}" run -O "${sanitizer[@]}" "$1" -- \
    -max_total_time="$seconds" -max_len=4096 -print_final_stats=0 >"$logs/$1.log" 2>&1
}
# Reports a finished target: libFuzzer's closing line, or its whole log.
report() {
  local target=$1 status=$2
  if [[ "$status" -eq 0 ]]; then
    printf '%-28s %s\n' "$target" "$(grep -E '^Done' "$logs/$target.log" | tail -1)"
  else
    printf '%-28s FAILED (exit %d):\n' "$target" "$status"
    cat "$logs/$target.log"
  fi
}
declare -A pid_of=()
failed=0
finish_one() {
  local done_pid status=0 target
  wait -n -p done_pid || status=$?
  for target in "${!pid_of[@]}"; do
    if [[ "${pid_of[$target]}" == "$done_pid" ]]; then
      unset "pid_of[$target]"
      report "$target" "$status"
      [[ "$status" -eq 0 ]] || failed=$((failed + 1))
    fi
  done
}
for target in "${targets[@]}"; do
  while ((${#pid_of[@]} >= jobs)); do finish_one; done
  run "$target" &
  pid_of[$target]=$!
done
while ((${#pid_of[@]} > 0)); do finish_one; done
steps_done

if ((failed > 0)); then
  echo "fuzz-smoke: $failed of ${#targets[@]} targets failed"
  exit 1
fi
echo "fuzz-smoke: ${#targets[@]} targets, no finding"
