#!/usr/bin/env bash
# Regenerates the SQL migration from prisma/schema/*.prisma, then appends prisma/sql/*.sql (triggers).
# Until the first release there is one migration (init), rewritten from the schema; after a release, pass a name to
# add a migration that goes from the last released schema (git show <tag>:prisma/schema) to the current one.
set -euo pipefail
cd "$(dirname "$0")/.."
dir=prisma/migrations/20261129000000_init
mkdir -p "$dir"
npx prisma migrate diff --from-empty --to-schema-datamodel prisma/schema --script > "$dir/migration.sql"
# What Prisma cannot express (triggers, and the rows they maintain), after the tables it makes.
for f in prisma/sql/*.sql; do
  [ -e "$f" ] || continue
  printf '\n-- %s\n' "$f" >> "$dir/migration.sql"
  cat "$f" >> "$dir/migration.sql"
done
npx prisma generate >/dev/null
echo "rewrote $dir/migration.sql ($(grep -c 'CREATE TABLE' "$dir/migration.sql") tables); delete data/dev.db and run npm run setup to apply"
