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
# Before the first release the init migration is rewritten in place; a database made from an older draft of it is
# moved aside (kept, not deleted) and made anew, since `migrate deploy` would not notice the difference.
db_file="${DATABASE_URL#file:}"
if [ -f "$db_file" ] && ! node scripts/migration-drift.cjs "$db_file"; then
  backup="$db_file.bak-$(date +%Y%m%d%H%M%S)"
  step "the database was made by an older draft of the migrations: moved to $backup, making a new one"
  mv "$db_file" "$backup"
  rm -f "$db_file-wal" "$db_file-shm"
fi
step "migrating ${DATABASE_URL}…"
npx prisma migrate deploy 2>&1 | grep -E "migration|Error|error" || true
step "seeding (plan, development users, demo data)…"
npx tsx seed/run.ts ${SEED_ARGS:-}
