# Sourced by the test scripts: `step NAME` announces a step and prints how
# long the previous one took; `steps_done` closes the last one. Times are
# wall-clock seconds, so that CI logs show where a run spends its time.
_step_name=""
_step_start=$SECONDS
_step_end() {
  if [[ -n "$_step_name" ]]; then
    printf -- '--- %s: %d s\n' "$_step_name" "$((SECONDS - _step_start))"
  fi
}
step() {
  _step_end
  _step_name="$*"
  _step_start=$SECONDS
  printf '\n==> %s\n' "$*"
}
steps_done() {
  _step_end
  _step_name=""
}
