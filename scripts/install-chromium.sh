#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (playwright's own browser download cannot work offline).
set -euo pipefail
CHROMIUM="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  echo "[setup] Chromium: $CHROMIUM"
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "[setup] installing Chromium from Debian's packages (~1 min)…"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
else
  echo "Chromium is missing: install it (Debian/Ubuntu: sudo apt-get install chromium fonts-noto-cjk)," >&2
  echo "or set CHROMIUM_PATH to a Chromium or Chrome executable." >&2
  exit 1
fi
