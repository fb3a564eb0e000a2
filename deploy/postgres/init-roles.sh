#!/bin/sh
# Run once by the postgres image on an empty data directory (/docker-entrypoint-initdb.d): a role and database for the
# app, and a role for Temporal, which creates its own two databases (deploy/temporal/setup-schema.sh). Each role owns
# only its own databases; neither is a superuser.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname postgres \
  -v app_password="$APP_DB_PASSWORD" -v temporal_password="$TEMPORAL_DB_PASSWORD" <<'SQL'
CREATE ROLE eco LOGIN PASSWORD :'app_password';
CREATE DATABASE eco OWNER eco ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0;
CREATE ROLE temporal LOGIN CREATEDB PASSWORD :'temporal_password';
SQL
