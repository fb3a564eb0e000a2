#!/usr/bin/env bash
# Regenerates the SQL migrations of both databases from the one source of the models, prisma/schema/*.prisma, then
# appends what Prisma cannot express (triggers and the rows they keep) after the tables it makes
# (docs/decisions/017-two-databases.md):
#   prisma/migrations/…/migration.sql             SQLite      + prisma/sql/*.sql
#   prisma/migrations-postgresql/…/migration.sql  PostgreSQL  + prisma/sql/postgresql/*.sql (PL/pgSQL)
# Until the first release there is one migration (init) per database, rewritten from the schema; after a release, add
# a migration that goes from the last released schema (git show <tag>:prisma/schema) to the current one, for both.
set -euo pipefail
cd "$(dirname "$0")/.."
name=20261129000000_init

# Both clients, and the provider-switched copy of the schema the PostgreSQL migration is made from.
bash scripts/generate-clients.sh

# `migrate diff --from-empty` needs no database, but the CLI opens the configured adapter: the SQLite one (a file) is
# always at hand, a PostgreSQL server is not. So both diffs run with the SQLite configuration.
export DATABASE_URL="file:./data/dev.db"
write() { # migrations dir, schema, extra SQL files…
  local dir="$1/$name" schema="$2" f
  shift 2
  mkdir -p "$dir"
  npx prisma migrate diff --from-empty --to-schema-datamodel "$schema" --script > "$dir/migration.sql" 2>/dev/null
  for f in "$@"; do
    [ -e "$f" ] || continue
    printf '\n-- %s\n' "$f" >> "$dir/migration.sql"
    cat "$f" >> "$dir/migration.sql"
  done
  echo "rewrote $dir/migration.sql ($(grep -c 'CREATE TABLE' "$dir/migration.sql") tables)"
}
write prisma/migrations prisma/schema prisma/sql/*.sql
write prisma/migrations-postgresql prisma/generated/schema-postgresql prisma/sql/postgresql/*.sql
printf 'provider = "postgresql"\n' > prisma/migrations-postgresql/migration_lock.toml
echo "delete data/dev.db and run npm run setup to apply (a PostgreSQL database: drop it and run setup with its DATABASE_URL)"
