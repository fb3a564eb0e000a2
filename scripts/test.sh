#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what is missing (npm packages, the Temporal CLI and test server,
# Chromium), checks types and the committed GraphQL schema, then runs every test against real parts: SQLite files,
# the Temporal servers, an SMTP server on 127.0.0.1 and Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\033[1m[test]\033[0m %s\n' "$*"; }

bash scripts/install-deps.sh
bash scripts/install-temporal.sh
bash scripts/install-chromium.sh
step "generating the Prisma client…"
npx prisma generate >/dev/null
step "type-checking…"
npx tsc -p .
step "checking graphql/schema.graphql is up to date…"
npx tsx scripts/print-schema.ts --check
step "lint…"
npx eslint . --max-warnings=0
step "building the web app (browser tests run the built server)…"
npx remix build >/dev/null
step "running the test suite…"
npx vitest run "$@"
