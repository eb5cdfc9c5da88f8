#!/usr/bin/env bash
# Installs what the pipeline and its tests need beyond a JDK, only what is missing. Safe to run again.
#
#   scripts/install-system-deps.sh          everything the build and the tests need (what CI runs):
#                                           the pipeline's needs below, plus chromium + chromium-driver for the
#                                           dashboard's browser tests (store-service), and kubectl + node for the
#                                           deploy check (deploy-check: kubectl kustomize renders the overlays, node
#                                           runs the Kubernetes/KEDA schemas of the npm packages it then installs),
#                                           and LibreOffice Writer without a GUI (soffice): tests open the exported
#                                           DOCX files with it and the corpus saves Word 97 (.doc) files through it
#   scripts/install-system-deps.sh --run    only what ./pipeline up needs: tesseract-ocr + tesseract-ocr-chi-sim,
#                                           the OCR of scanned reports (parse-service), and fonts-wqy-microhei, the
#                                           CJK font of the review letters' PDF (store-service); no browser
#
# Debian and Ubuntu: apt-get (needs root or sudo, and the Debian package mirror). macOS: Homebrew when present
# (tesseract, tesseract-lang; chromium and chromedriver as casks for the tests); otherwise the missing programs are
# named and the script fails.
set -euo pipefail

mode=test
case ${1:-} in
  --run) mode=run ;;
  --test|"") mode=test ;;
  -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
  *) echo "usage: $0 [--run|--test]" >&2; exit 2 ;;
esac

# The review letter's PDF needs a TrueType CJK font (store-service's LetterFont looks in these places); report-corpus's
# scan generator draws its pages in the same font (ScanRenderer.FONT_FILES).
has_cjk_font() { [ -n "${LETTER_FONT:-}" ] && [ -f "$LETTER_FONT" ] || [ -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] \
  || [ -f /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || [ -f /Library/Fonts/Arial\ Unicode.ttf ]; }
has_chi_sim() { command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx chi_sim; }

missing=()   # what is missing, by program
command -v tesseract >/dev/null 2>&1 || missing+=(tesseract)
has_chi_sim || missing+=(chi_sim)
has_cjk_font || missing+=(cjk_font)
if [ "$mode" = test ]; then
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromedriver)
  # Debian bookworm's kubernetes-client is kubectl 1.20, too old for kustomize components: the deploy check says so
  # and names the version it needs. Neither Maven Central nor npm carries kubectl.
  command -v kubectl >/dev/null 2>&1 || missing+=(kubectl)
  command -v node >/dev/null 2>&1 || missing+=(node)
  command -v soffice >/dev/null 2>&1 || missing+=(soffice)
fi

schemas() {
  # the Kubernetes, KEDA and Prometheus Operator schemas of the deploy check (npm, pinned by package-lock.json)
  [ "$mode" = test ] || return 0
  local dir
  dir="$(cd "$(dirname "$0")/.." && pwd)/deploy-check/src/test/node"
  if [ ! -d "$dir/node_modules/kubernetes-models" ]; then
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error
    echo "installed the deploy check's schema packages (npm)"
  fi
}

if [ ${#missing[@]} -eq 0 ]; then
  if [ "$mode" = test ]; then
    echo "system dependencies present: tesseract (chi_sim), a CJK font, chromium, chromedriver, kubectl, node, soffice"
    schemas
  else
    echo "system dependencies present: tesseract (chi_sim), a CJK font"
  fi
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ] && command -v sudo >/dev/null 2>&1; then
  SUDO=sudo
fi

if command -v apt-get >/dev/null 2>&1; then
  pkgs=()
  for m in "${missing[@]}"; do
    case $m in
      tesseract) pkgs+=(tesseract-ocr) ;;
      chi_sim) pkgs+=(tesseract-ocr-chi-sim) ;;
      cjk_font) pkgs+=(fonts-wqy-microhei) ;;
      chromium) pkgs+=(chromium) ;;
      chromedriver) pkgs+=(chromium-driver) ;;
      kubectl) pkgs+=(kubernetes-client) ;;
      node) pkgs+=(nodejs npm) ;;
      soffice) pkgs+=(libreoffice-writer-nogui) ;;
    esac
  done
  if [ "$(id -u)" -ne 0 ] && [ -z "$SUDO" ]; then
    echo "need root to install: ${pkgs[*]}" >&2
    exit 1
  fi
  echo "installing: ${pkgs[*]}"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
  echo "installed: ${pkgs[*]}"
  schemas
elif [ "$(uname -s)" = Darwin ] && command -v brew >/dev/null 2>&1; then
  formulas=() casks=()
  for m in "${missing[@]}"; do
    case $m in
      tesseract) formulas+=(tesseract) ;;
      chi_sim) formulas+=(tesseract-lang) ;;
      cjk_font) casks+=(font-wqy-microhei) ;;
      chromium) casks+=(chromium) ;;
      chromedriver) casks+=(chromedriver) ;;
      kubectl) formulas+=(kubectl) ;;
      node) formulas+=(node) ;;
      soffice) casks+=(libreoffice) ;;
    esac
  done
  [ ${#formulas[@]} -eq 0 ] || brew install "${formulas[@]}"
  [ ${#casks[@]} -eq 0 ] || brew install --cask "${casks[@]}"
  echo "installed: ${formulas[*]} ${casks[*]}"
  schemas
else
  echo "missing: ${missing[*]} (tesseract with its chi_sim language data$([ "$mode" = test ] && echo ', chromium, chromedriver, kubectl, node and LibreOffice'));" \
       "install them with your system's package manager" >&2
  exit 1
fi
