#!/usr/bin/env bash
# Finds or installs moto's server into .tools/moto: an S3-protocol server on 127.0.0.1 that the attachment store's tests
# run against (AWS S3 itself cannot run here; docs/decisions/021-attachment-store.md). From PyPI (moto[server]), pinned.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=.tools/moto
VERSION=5.2.5
if [ -x "$TOOLS/bin/moto_server" ] && [ -f "$TOOLS/.version-$VERSION" ]; then
  echo "[setup] moto $VERSION (S3-protocol test server) is in $TOOLS"
  exit 0
fi
echo "[setup] installing moto $VERSION (S3-protocol test server) from PyPI into $TOOLS…"
rm -rf "$TOOLS"
python3 -m pip install --quiet --disable-pip-version-check --target "$TOOLS" "moto[server]==$VERSION"
touch "$TOOLS/.version-$VERSION"
echo "[setup] moto $VERSION installed"
