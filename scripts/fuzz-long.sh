#!/usr/bin/env bash
# A long fuzz run, for a session that hunts bugs rather than for CI: every
# target for SECONDS (default 240), JOBS at a time (default one per core).
# Prints each target's executions (libFuzzer's "Done N runs in S second(s)")
# and, for a finding, the target's whole log; the crashing input stays in
# fuzz/artifacts/<target>/ and the corpus grows in fuzz/corpus/<target>/.
#
# Usage: bash scripts/fuzz-long.sh [SECONDS] [JOBS]
set -euo pipefail
FUZZ_SECONDS="${1:-240}" FUZZ_JOBS="${2:-$(nproc)}" \
  exec bash "$(dirname "${BASH_SOURCE[0]}")/fuzz-smoke.sh"
