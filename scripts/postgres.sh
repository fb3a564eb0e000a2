#!/usr/bin/env bash
# A throwaway PostgreSQL cluster in a temporary directory, for the tests and the benchmark (never for production data).
#   bash scripts/postgres.sh start [DIR]   makes and starts a cluster in DIR (default: a new temporary directory) and
#                                          prints `DIR URL`: the directory to stop, and a postgresql:// URL of its
#                                          `postgres` database on 127.0.0.1 (a free port, a random password)
#   bash scripts/postgres.sh stop DIR      stops that cluster and removes DIR
# Debian's PostgreSQL is installed when missing (as root), as scripts/install-chromium.sh does for Chromium. The server
# refuses to run as root: as root the cluster belongs to the `postgres` user. Durability settings are off (fsync,
# synchronous_commit, full_page_writes): the cluster lives for one run, and each test file's CREATE DATABASE is faster.
set -euo pipefail
log() { printf '\033[1m[postgres]\033[0m %s\n' "$*" >&2; }

bin_dir() {
  if [ -n "${PG_BIN:-}" ]; then echo "$PG_BIN"; return; fi
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$dir" ] && command -v pg_ctl >/dev/null; then dir="$(dirname "$(command -v pg_ctl)")"; fi
  echo "$dir"
}

ensure_installed() {
  local dir
  dir="$(bin_dir)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then return; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    log "installing PostgreSQL from Debian's packages (~1 min)…"
    apt-get update -qq >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
  else
    log "PostgreSQL is missing: install it (Debian/Ubuntu: sudo apt-get install postgresql), or set PG_BIN to its bin directory"
    exit 1
  fi
}

# Runs a PostgreSQL program as the cluster's owner: the postgres user when we are root, else ourselves.
as_owner() {
  if [ "$(id -u)" = "0" ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  node -e 'const s = require("net").createServer(); s.listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); });'
}

start() {
  ensure_installed
  local bin dir port password
  bin="$(bin_dir)"
  dir="${1:-$(mktemp -d "${TMPDIR:-/tmp}/eco-pg-XXXXXX")}"
  mkdir -p "$dir"
  # A cluster that fails to start leaves nothing behind.
  trap 'stop "$dir"' ERR
  password="$(node -e 'process.stdout.write(require("crypto").randomBytes(12).toString("hex"))')"
  printf '%s\n' "$password" > "$dir/pwfile"
  [ "$(id -u)" = "0" ] && chown -R postgres: "$dir"
  chmod 700 "$dir"
  # C collation: strings sort by code point, as in SQLite, so ORDER BY on names reads the same on both databases.
  as_owner "$bin/initdb" -D "$dir/data" -U postgres --pwfile="$dir/pwfile" --auth-local=trust --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; stop "$dir"; exit 1; }
  rm -f "$dir/pwfile"
  port="$(free_port)"
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 start \
    -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    >/dev/null || { cat "$dir/server.log" >&2; stop "$dir"; exit 1; }
  trap - ERR
  echo "$dir postgresql://postgres:$password@127.0.0.1:$port/postgres"
}

stop() {
  local dir="$1"
  [ -d "$dir" ] || return 0
  if [ -f "$dir/data/postmaster.pid" ]; then
    as_owner "$(bin_dir)/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
  fi
  rm -rf "$dir"
}

case "${1:-}" in
  start) start "${2:-}" ;;
  stop) stop "${2:?the cluster directory printed by start}" ;;
  *)
    echo "usage: bash scripts/postgres.sh start [DIR] | stop DIR" >&2
    exit 2
    ;;
esac
