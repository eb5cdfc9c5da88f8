#!/usr/bin/env bash
# The OCR cost per scanned page of a baseline commit and of this working tree, one after the other, through this
# tree's harness (OcrPageBenchmark --warm) on the same files (docs/bench-ocr.md).
#   scripts/bench/ocr-side-by-side.sh [BASE_COMMIT] [FILE…]
# BASE_COMMIT defaults to main; the files to the two 200 dpi scans of report-extraction's fixtures. Needs the Maven
# repository filled (a build ran before) and /usr/bin/time for Tesseract's share.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
base=${1:-main}
shift || true
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  files=("$root/report-extraction/src/test/resources/fixtures/renderings/001-scan200.pdf"
         "$root/report-extraction/src/test/resources/fixtures/renderings/003-scan200.pdf")
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# the classes of report-extraction and the modules and libraries it needs, for the tree at $1
classpath() {
  # in one reactor run, so that the sibling modules resolve to their target/classes; the last module (report-extraction)
  # writes the file last
  (cd "$1" && ./mvnw -B -o -q -pl report-extraction -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$2" -DskipTests >/dev/null)
  echo "$1/report-extraction/target/classes:$(cat "$2")"
}

git -C "$root" worktree add -q --detach "$work/base" "$base"
trap 'git -C "$root" worktree remove --force "$work/base"; rm -rf "$work"' EXIT
current_cp=$(classpath "$root" "$work/current.cp")
base_cp=$(classpath "$work/base" "$work/base.cp")
# each side runs its own harness (the engine's class names may differ between them), compiled against its classes
mkdir -p "$work/harness-base" "$work/harness-current"
javac -d "$work/harness-base" -cp "$base_cp" \
  "$work/base/report-extraction/src/test/java/io/annualreport/extraction/OcrPageBenchmark.java"
javac -d "$work/harness-current" -cp "$current_cp" \
  "$root/report-extraction/src/test/java/io/annualreport/extraction/OcrPageBenchmark.java"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load $(cut -d' ' -f1-3 /proc/loadavg)"
for side in base current; do
  if [ "$side" = base ]; then cp="$work/harness-base:$base_cp"; label="$base ($(git -C "$root" rev-parse --short "$base"))"
  else cp="$work/harness-current:$current_cp"; label="this tree"; fi
  echo "== $label"
  /usr/bin/time -f "whole process: user %U s, sys %S s, wall %e s" \
    java -cp "$cp" io.annualreport.extraction.OcrPageBenchmark --warm "${files[@]}" 2>&1 | grep -v 'log4j\|SLF4J'
done
