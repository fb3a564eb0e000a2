#!/bin/sh
# Creates and migrates Temporal's two databases, then registers the product's namespace: run in the
# temporalio/admin-tools image of the server's version (deploy/compose.yaml). Every step is a no-op when already done,
# so it runs at every `docker compose up`, and an upgrade of the server's image migrates the schema forward.
# scripts/temporal-cluster.sh does the same on a development machine.
set -eu
sql() { temporal-sql-tool --plugin postgres12 --ep "$POSTGRES_SEEDS" -p "${DB_PORT:-5432}" -u "$POSTGRES_USER" --pw "$POSTGRES_PWD" "$@"; }

sql --db temporal create-database
sql --db temporal setup-schema -v 0.0
sql --db temporal update-schema -d /etc/temporal/schema/postgresql/v12/temporal/versioned
sql --db temporal_visibility create-database
sql --db temporal_visibility setup-schema -v 0.0
sql --db temporal_visibility update-schema -d /etc/temporal/schema/postgresql/v12/visibility/versioned
echo "Temporal's schemas are current"
