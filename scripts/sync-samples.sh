#!/usr/bin/env bash
# Refreshes the repository's copy of the team's sample reports (samples/) from ../shared/samples beside the checkout.
#   scripts/sync-samples.sh [SHARED_SAMPLES_DIR]
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
SOURCE=$(cd "${1:-$ROOT/../shared/samples}" && pwd)
rm -rf "$ROOT/samples"
cp -r "$SOURCE" "$ROOT/samples"
echo "samples/ now equals $SOURCE ($(find "$ROOT/samples" -type f | wc -l) files); commit it"
