#!/usr/bin/env bash
# The fuzz tier (DEV_GUIDE "Test tiers", docs/reliability.md "Fuzzing"): runs each fuzz target of
# report-parser's ReadingFuzzTest for FUZZ_DURATION (default 10m), one after the other.
# Usage: scripts/fuzz.sh [target...]   targets: pdf docx doc html text parser (default: all)
# A finding is written as crash-<hash> into
# report-parser/src/test/resources/io/annualreport/parser/fuzz/ReadingFuzzTestInputs/<target>/, where the default
# build replays it as a regression test; the corpus the fuzzer grew stays in .cifuzz-corpus/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
duration="${FUZZ_DURATION:-10m}"
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
    targets=(pdf docx doc html text parser)
fi
mkdir -p target
status=0
for target in "${targets[@]}"; do
    log="target/fuzz-${target}.log"
    echo "fuzzing ${target} for ${duration} (log: ${log})"
    if ./mvnw -B ${MAVEN_OFFLINE:+-o} -Pfuzz -pl report-parser -am test -Dfuzz.duration="${duration}" \
        -Dtest="ReadingFuzzTest#${target}" -Dsurefire.failIfNoSpecifiedTests=false >"${log}" 2>&1; then
        echo "  ${target}: no finding"
    else
        echo "  ${target}: FINDING or failure, see ${log}"
        status=1
    fi
    grep -E "^#[0-9]+ +DONE|cov: [0-9]+ ft:" "${log}" | tail -1 || true
done
exit "${status}"
