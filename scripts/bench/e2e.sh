#!/usr/bin/env bash
# The end-to-end benchmark (docs/bench-e2e.md): N reports through the pipeline that `./pipeline up` starts on free
# ports and a fresh PIPELINE_HOME, with throughput, upload-to-verdict latency, CPU seconds per process and the
# in-process limit on the same files.
#   scripts/bench/e2e.sh [--reports 1000] [--pdf-share 0.25] [--clients 4] [--warmup 100] [--idle 20] [--half 300]
#                        [--jfr DIR] [--label NAME] [--home DIR] [--attach] [--keep]
# Builds the services and the harness once (BENCH_REBUILD=1 to build again); pass Maven options in MVN_OPTS (e.g. -o).
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$ROOT"
CP=system-tests/target/bench.classpath
if [ ! -f "$CP" ] || [ "${BENCH_REBUILD:-0}" = 1 ]; then
  # the reactor writes each module's classpath to the same file; system-tests comes last, so its test classpath stays
  ./mvnw -B -q ${MVN_OPTS:-} -DskipTests -DskipITs \
    -pl local-infra,ingest-service,parse-service,validate-service,store-service,system-tests -am \
    package dependency:build-classpath -Dmdep.outputFile="$ROOT/$CP" -Dmdep.includeScope=test
fi
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -Xmx1g -Dproject.root="$ROOT" \
  -cp "$(cat "$CP"):system-tests/target/test-classes" io.annualreport.system.bench.PipelineBenchmark "$@"
