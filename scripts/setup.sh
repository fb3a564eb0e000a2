#!/usr/bin/env bash
# Prepares a fresh clone: dependencies, the Prisma client, the database (migrated, seeded) and the Temporal CLI.
# Idempotent: every step is skipped when already done. Progress goes to stdout.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

bash scripts/install-deps.sh

bash scripts/install-temporal.sh

# Both Prisma clients (SQLite and PostgreSQL) from the one schema (docs/decisions/017-two-databases.md).
if [ ! -f prisma/generated/client/client.ts ] || [ ! -f prisma/generated/client-postgresql/client.ts ] ||
  [ -n "$(find prisma/schema -newer prisma/generated/client-postgresql/client.ts 2>/dev/null)" ]; then
  step "generating the Prisma clients…"
  bash scripts/generate-clients.sh
fi

mkdir -p data
export DATABASE_URL="${DATABASE_URL:-file:./data/dev.db}"
if [[ "$DATABASE_URL" =~ ^postgres(ql)?:// ]]; then
  # PostgreSQL: the database must exist (CREATE DATABASE …); it is never moved aside or dropped from here.
  if ! node scripts/migration-drift.cjs "$DATABASE_URL"; then
    step "the PostgreSQL database was made by an older draft of the migrations (or cannot be reached): drop and create it, then run setup again"
    exit 1
  fi
else
  # Before the first release the init migration is rewritten in place; a database made from an older draft of it is
  # moved aside (kept, not deleted) and made anew, since `migrate deploy` would not notice the difference.
  db_file="${DATABASE_URL#file:}"
  if [ -f "$db_file" ] && ! node scripts/migration-drift.cjs "$db_file"; then
    backup="$db_file.bak-$(date +%Y%m%d%H%M%S)"
    step "the database was made by an older draft of the migrations: moved to $backup, making a new one"
    mv "$db_file" "$backup"
    rm -f "$db_file-wal" "$db_file-shm"
  fi
fi
# A PostgreSQL URL may hold a password: it is not shown.
step "migrating $(printf '%s' "$DATABASE_URL" | sed -E 's#//[^@/]*@#//…@#')…"
npx prisma migrate deploy 2>&1 | grep -E "migration|Error|error" || true
step "seeding (plan, development users, demo data)…"
npx tsx seed/run.ts ${SEED_ARGS:-}
