#!/usr/bin/env bash
# npm dependencies, installed from the lockfile when missing or older than it.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing npm dependencies (npm ci, ~3 min on a new machine; compiles better-sqlite3)…"
  npm ci --no-audit --no-fund --loglevel=error
else
  echo "[setup] npm dependencies are installed"
fi
