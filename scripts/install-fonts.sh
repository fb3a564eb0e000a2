#!/usr/bin/env bash
# The CJK fonts the official documents' PDFs embed (app/documents/pdf.ts): Debian's fonts-noto-cjk, installed when
# missing (as root), as scripts/install-chromium.sh does for Chromium. DOCUMENT_FONT_* point elsewhere if needed.
set -euo pipefail
FONT=/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc
if [ -f "$FONT" ]; then
  echo "[setup] CJK fonts: $(dirname "$FONT")"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "[setup] installing fonts-noto-cjk from Debian's packages…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk >/dev/null
else
  echo "The CJK fonts for PDF documents are missing: install them (Debian/Ubuntu: sudo apt-get install fonts-noto-cjk)," >&2
  echo "or set DOCUMENT_FONT_SERIF, DOCUMENT_FONT_SERIF_BOLD and DOCUMENT_FONT_SANS to font files." >&2
  exit 1
fi
