#!/usr/bin/env bash
# Times kill -9 → client port open again for the local broker as ./pipeline runs it (docs/reliability.md, section 4).
# Usage: scripts/kafka-restart-time.sh [RUNS]   (after ./pipeline build; KOPTS replaces the JVM options, by default
# C1 only as ./pipeline runs the broker; KOPTS= (empty) for C2; e.g.
#   KOPTS="-Dkafka.broker.broker.session.timeout.ms=9000 -Dkafka.broker.broker.heartbeat.interval.ms=2000" for Kafka's
#   defaults, -Dorg.slf4j.simpleLogger.defaultLogLevel=info for the broker's own account of each step)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-3}
H=$(mktemp -d)
CP="$(cat "$ROOT/local-infra/target/runtime.classpath"):$ROOT/local-infra/target/classes"
P=${KAFKA_PORT:-29192}
start() {
  # shellcheck disable=SC2086
  java ${KOPTS--XX:TieredStopAtLevel=1} -Xms128m -Xmx512m -cp "$CP" io.annualreport.infra.KafkaBroker --data "$H/kafka" --port "$P" \
    --controller-port $((P + 1)) --partitions 3 >>"$H/log" 2>&1 &
  echo $!
}
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$P") 2>/dev/null; }
pid=$(start)
until port_open; do sleep 0.1; done
sleep 3
for i in $(seq 1 "$RUNS"); do
  kill -9 "$pid"
  while kill -0 "$pid" 2>/dev/null; do sleep 0.05; done
  t0=$(date +%s%N)
  pid=$(start)
  until port_open; do sleep 0.05; done
  echo "restart $i: port open after $((($(date +%s%N) - t0) / 1000000)) ms; load $(cut -d' ' -f1 /proc/loadavg)"
  sleep 3
done
kill "$pid"
wait "$pid" 2>/dev/null || true
echo "broker log: $H/log"
