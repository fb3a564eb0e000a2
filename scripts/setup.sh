#!/usr/bin/env bash
# Prepares a fresh clone: dependencies, the Prisma client, the database (migrated, seeded) and the Temporal CLI.
# Idempotent: every step is skipped when already done. Progress goes to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

bash scripts/install-deps.sh

bash scripts/install-temporal.sh

if [ ! -f prisma/generated/client/client.ts ] || [ -n "$(find prisma/schema -newer prisma/generated/client/client.ts 2>/dev/null)" ]; then
  step "generating the Prisma client…"
  npx prisma generate >/dev/null
fi

mkdir -p data
export DATABASE_URL="${DATABASE_URL:-file:./data/dev.db}"
step "migrating ${DATABASE_URL}…"
npx prisma migrate deploy 2>&1 | grep -E "migration|Error|error" || true
step "seeding (plan, development users, demo data)…"
npx tsx seed/run.ts ${SEED_ARGS:-}
