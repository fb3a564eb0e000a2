#!/usr/bin/env bash
# npm dependencies, installed from the lockfile when missing or older than it.
set -euo pipefail
cd "$(dirname "$0")/.."
# A git worktree may share another checkout's node_modules through a symlink: npm ci there would empty the shared one.
if [ -L node_modules ]; then
  echo "[setup] node_modules is a symlink (a shared install): not reinstalling it from here; run npm ci in the checkout it points to"
  exit 0
fi
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "[setup] installing npm dependencies (npm ci, ~3 min on a new machine; compiles better-sqlite3)…"
  npm ci --no-audit --no-fund --loglevel=error
else
  echo "[setup] npm dependencies are installed"
fi
