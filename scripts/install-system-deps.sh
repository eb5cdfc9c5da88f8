#!/usr/bin/env bash
# Installs what the build and tests need beyond a JDK, from Debian's packages, and only what is missing:
#   tesseract-ocr + tesseract-ocr-chi-sim   OCR of scanned reports (parse-service, extraction tests)
#   chromium + chromium-driver              the dashboard's browser tests (store-service)
#   kubectl (kubernetes-client) + nodejs    the deploy check (deploy-check): kubectl kustomize renders the overlays,
#                                           node runs the Kubernetes/KEDA schemas of the npm packages it then installs
# Safe to run again. Needs root (or sudo) and access to the Debian package mirror.
set -euo pipefail

need=()
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
if ! command -v tesseract >/dev/null 2>&1 || ! tesseract --list-langs 2>/dev/null | grep -qx chi_sim; then
  need+=(tesseract-ocr-chi-sim)
fi
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
# Debian bookworm's kubernetes-client is kubectl 1.20, too old for kustomize components: the deploy check says so
# and names the version it needs. Neither Maven Central nor npm carries kubectl.
command -v kubectl >/dev/null 2>&1 || need+=(kubernetes-client)
command -v node >/dev/null 2>&1 || need+=(nodejs npm)

schemas() {
  # the Kubernetes, KEDA and Prometheus Operator schemas of the deploy check (npm, pinned by package-lock.json)
  local dir
  dir="$(cd "$(dirname "$0")/.." && pwd)/deploy-check/src/test/node"
  if [ ! -d "$dir/node_modules/kubernetes-models" ]; then
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
    echo "installed the deploy check's schema packages (npm)"
  fi
}

if [ ${#need[@]} -eq 0 ]; then
  echo "system dependencies present: tesseract (chi_sim), chromium, chromedriver, kubectl, node"
  schemas
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null 2>&1 || { echo "need root to install: ${need[*]}" >&2; exit 1; }
  SUDO=sudo
fi
echo "installing: ${need[*]}"
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
echo "installed: ${need[*]}"
schemas
