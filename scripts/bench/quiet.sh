#!/usr/bin/env bash
# Runs a benchmark command with every other busy process on the machine paused, so that the measured processes have
# the cores to themselves; resumes them all at the end, also on Ctrl-C.
#   scripts/bench/quiet.sh KEEP_PID[,KEEP_PID…] -- COMMAND [ARGS…]
# KEEP_PID: processes that belong to the measurement (e.g. Kafka and the service under test); the command itself and
# its children are kept too. Paused: java, mvn, tesseract, soffice, python and node processes not kept.
set -uo pipefail
[ $# -ge 3 ] && [ "$2" = "--" ] || { echo "usage: $0 KEEP_PID[,KEEP_PID…] -- COMMAND [ARGS…]" >&2; exit 2; }
IFS=, read -r -a keep <<<"$1"
shift 2
"$@" &
cmd=$!
keep+=("$cmd" "$$")
paused=()
resume() { [ ${#paused[@]} -gt 0 ] && kill -CONT "${paused[@]}" 2>/dev/null; }
trap 'resume; exit 130' INT TERM
is_kept() {
  local pid=$1 k anc
  for k in "${keep[@]}"; do [ "$pid" = "$k" ] && return 0; done
  anc=$(ps -o ppid= -p "$pid" 2>/dev/null | tr -d ' ')
  [ "$anc" = "$cmd" ]
}
while kill -0 "$cmd" 2>/dev/null; do
  for pid in $(pgrep -x 'java|mvn|tesseract|soffice.bin|python3|node' 2>/dev/null); do
    is_kept "$pid" && continue
    kill -STOP "$pid" 2>/dev/null && paused+=("$pid")
  done
  sleep 0.5
done
wait "$cmd"; rc=$?
resume
exit $rc
