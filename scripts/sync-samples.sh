#!/usr/bin/env bash
# Refreshes the repository's copy of the team's sample reports (samples/) from ../shared/samples beside the checkout.
#   scripts/sync-samples.sh [SHARED_SAMPLES_DIR]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SOURCE=$(cd "${1:-$ROOT/../shared/samples}" && pwd)
# samples/README.md is the repository's own description of the collection (it links only inside the repository);
# everything else is copied byte for byte.
readme=$(mktemp)
cp "$ROOT/samples/README.md" "$readme" 2>/dev/null || true
rm -rf "$ROOT/samples"
cp -r "$SOURCE" "$ROOT/samples"
[ -s "$readme" ] && cp "$readme" "$ROOT/samples/README.md"
rm -f "$readme"
echo "samples/ now equals $SOURCE ($(find "$ROOT/samples" -type f | wc -l) files); commit it"
