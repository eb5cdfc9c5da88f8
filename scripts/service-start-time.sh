#!/usr/bin/env bash
# Times a service's start-up as ./pipeline runs it: JVM start → Quarkus's "started in" and → /q/health/ready 200,
# against a broker already running on 127.0.0.1:$KAFKA_PORT (docs/reliability.md, section 4).
# Usage: scripts/service-start-time.sh SERVICE RUNS [JVM options…]
#   e.g. scripts/service-start-time.sh parse 5 -XX:SharedArchiveFile=app-cds.jsa   (the archive the build made)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
SERVICE=$1
RUNS=$2
shift 2
APP="$ROOT/$SERVICE-service/target/quarkus-app"
PORT=${SERVICE_PORT:-18182}
W=$(mktemp -d)
mkdir -p "$W/blobs" "$W/tmp"
for i in $(seq 1 "$RUNS"); do
  t0=$(date +%s%N)
  (cd "$APP" && exec env QUARKUS_PROFILE=local KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:${KAFKA_PORT:-19092}" \
    BLOB_DIR="$W/blobs" "$(echo "$SERVICE" | tr a-z A-Z)_PORT=$PORT" OMP_THREAD_LIMIT=1 INSTANCE_ID="timing-$SERVICE" \
    java -Xmx768m -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir="$W/tmp" "$@" \
    -jar quarkus-run.jar >"$W/log-$i" 2>&1) &
  pid=$!
  until grep -qs "started in" "$W/log-$i"; do
    kill -0 "$pid" 2>/dev/null || { tail "$W/log-$i"; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s%N)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/q/health/ready")" = 200 ]; do sleep 0.1; done
  t2=$(date +%s%N)
  echo "run $i: $(grep -o 'started in [0-9.]*s' "$W/log-$i") (wall $(((t1 - t0) / 1000000)) ms)," \
    "ready after $(((t2 - t0) / 1000000)) ms; load $(cut -d' ' -f1 /proc/loadavg)"
  kill "$pid"
  wait "$pid" 2>/dev/null || true
done
