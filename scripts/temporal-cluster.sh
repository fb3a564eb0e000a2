#!/usr/bin/env bash
# A real Temporal cluster on this machine (docs/decisions/018-temporal-cluster.md): the Temporal server 1.32.2 built
# from the Go module proxy, on a throwaway PostgreSQL, with frontend, history, matching and worker as separate
# processes on 127.0.0.1. Configured the way the official images are (the server's built-in config template, read
# from environment variables), so what runs here is what deploy/compose.yaml runs.
#
#   scripts/temporal-cluster.sh start             build the binaries if missing, start PostgreSQL and every service,
#                                                 wait until each answers gRPC health SERVING, create the namespace
#   scripts/temporal-cluster.sh stop              stop every process and remove the cluster's directory
#   scripts/temporal-cluster.sh status            each process: running or not, and its gRPC health
#   scripts/temporal-cluster.sh kill SERVICE N    SIGKILL one service process (a drill; the scale-out test uses it)
#   scripts/temporal-cluster.sh restart SERVICE N start it again and wait until it serves
#   scripts/temporal-cluster.sh build             only build .tools/temporal-cluster/bin/{temporal-server,temporal-sql-tool}
#
#   TEMPORAL_CLUSTER_DIR   state, logs and PostgreSQL data (default /tmp/eco-temporal-cluster; removed by stop)
#   TEMPORAL_CLUSTER_PORT  frontend gRPC port (7233); every other port is counted from it (see port() below)
#   TEMPORAL_HISTORY_INSTANCES, TEMPORAL_MATCHING_INSTANCES, TEMPORAL_WORKER_INSTANCES  processes per service (1..4)
#   TEMPORAL_NAMESPACE     namespace to create (default)     TEMPORAL_LOG_LEVEL  server log level (warn)
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
VERSION=1.32.2
GO_TOOLCHAIN=go1.27.3 # the server needs Go >= 1.26.10 (ENVIRONMENT.md)
BIN="$ROOT/.tools/temporal-cluster/bin"
SERVER="$BIN/temporal-server"
SQL_TOOL="$BIN/temporal-sql-tool"
DIR="${TEMPORAL_CLUSTER_DIR:-${TMPDIR:-/tmp}/eco-temporal-cluster}"
say() { printf '\033[1m[temporal-cluster]\033[0m %s\n' "$*"; }
die() { say "$*" >&2; exit 1; }

build() {
  [ -x "$SERVER" ] && [ -x "$SQL_TOOL" ] && return 0
  command -v go >/dev/null || die "Go (>= 1.21) is needed to build the Temporal server: install it from https://go.dev/dl"
  say "building the Temporal server $VERSION and its SQL schema tool from the Go module proxy (~10 min the first time, ~1 min with a warm Go build cache)…"
  local out
  out="$(mktemp -d)"
  GOTOOLCHAIN=$GO_TOOLCHAIN GOBIN="$out" GOFLAGS=-buildvcs=false \
    go install "go.temporal.io/server/cmd/server@v$VERSION" "go.temporal.io/server/cmd/tools/sql@v$VERSION"
  mkdir -p "$BIN"
  mv "$out/server" "$SERVER"
  mv "$out/sql" "$SQL_TOOL"
  rmdir "$out"
}

# The versioned SQL schemas ship in the module's source, which `go install` left in the module cache.
schema_dir() {
  GOTOOLCHAIN=$GO_TOOLCHAIN go mod download -json "go.temporal.io/server@v$VERSION" |
    sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p'
}

# The throwaway PostgreSQL of scripts/postgres.sh (the app's PostgreSQL tests use it too): `start DIR` prints
# `DIR URL`, `stop DIR` stops it and removes DIR.
postgres() { bash scripts/postgres.sh "$@"; }

# Ports, counted from the frontend's: +1 its HTTP API, +2 its membership, +3 its metrics; then per service a block of
# 20 (history 10, matching 30, worker 50): gRPC +N, membership +5+N, metrics +10+N for instance N. PostgreSQL takes a
# free port of its own (scripts/postgres.sh).
port() { # service instance kind
  local base="$FRONTEND_PORT" offset kind_offset
  case "$1" in
    frontend) case "$3" in grpc) echo "$base" ;; http) echo $((base + 1)) ;; membership) echo $((base + 2)) ;; metrics) echo $((base + 3)) ;; esac; return ;;
    history) offset=10 ;; matching) offset=30 ;; worker) offset=50 ;; *) die "no such service: $1" ;;
  esac
  case "$3" in grpc) kind_offset=0 ;; membership) kind_offset=5 ;; metrics) kind_offset=10 ;; esac
  echo $((base + offset + kind_offset + $2))
}

# What start chose, kept so that stop, status, kill and restart act on the same cluster whatever their environment.
load_state() {
  [ -f "$DIR/cluster.env" ] || die "no cluster in $DIR (start one with: scripts/temporal-cluster.sh start)"
  # shellcheck source=/dev/null
  . "$DIR/cluster.env"
}

instances() { # every "service index" pair, frontend first
  echo "frontend 1"
  local s n i
  for s in history matching worker; do
    n="$(eval echo "\$${s^^}_INSTANCES")"
    for ((i = 1; i <= n; i++)); do echo "$s $i"; done
  done
}

pidfile() { echo "$DIR/pids/$1-$2"; }
# Alive and not a zombie (a killed service is reparented to PID 1, which may be slow to reap it).
alive() { kill -0 "$1" 2>/dev/null && [ "$(ps -o stat= -p "$1" | cut -c1)" != Z ]; }
running() { local f; f="$(pidfile "$1" "$2")"; [ -f "$f" ] && alive "$(cat "$f")"; }
# ADDRESS=SERVICE[@PID]: with the pid, a wait gives up at once when the process has exited.
health_target() {
  local f
  f="$(pidfile "$1" "$2")"
  echo "127.0.0.1:$(port "$1" "$2" grpc)=$1$([ -f "$f" ] && echo "@$(cat "$f")")"
}

# One service process, detached (its own session: a Ctrl-C meant for the caller does not reach it), logging to a file.
start_service() { # service index
  local s="$1" i="$2" upper="${1^^}"
  running "$s" "$i" && return 0
  local -a env=(
    DB=postgres12 POSTGRES_SEEDS=127.0.0.1 "DB_PORT=$PG_PORT" "POSTGRES_USER=$PG_USER" "POSTGRES_PWD=$PG_PASSWORD"
    SQL_MAX_CONNS=10 SQL_MAX_IDLE_CONNS=10 SQL_VIS_MAX_CONNS=5 SQL_VIS_MAX_IDLE_CONNS=5 NUM_HISTORY_SHARDS=4
    BIND_ON_IP=127.0.0.1 TEMPORAL_BROADCAST_ADDRESS=127.0.0.1 PPROF_PORT=0 "LOG_LEVEL=${TEMPORAL_LOG_LEVEL:-warn}"
    "FRONTEND_GRPC_PORT=$(port frontend 1 grpc)" "FRONTEND_HTTP_PORT=$(port frontend 1 http)"
    "FRONTEND_MEMBERSHIP_PORT=$(port frontend 1 membership)"
    "${upper}_GRPC_PORT=$(port "$s" "$i" grpc)" "${upper}_MEMBERSHIP_PORT=$(port "$s" "$i" membership)"
    "PROMETHEUS_ENDPOINT=127.0.0.1:$(port "$s" "$i" metrics)"
    "DYNAMIC_CONFIG_FILE_PATH=$ROOT/deploy/temporal/dynamicconfig.yaml"
  )
  env "${env[@]}" setsid "$SERVER" --allow-no-auth start --service="$s" \
    >>"$DIR/logs/$s-$i.log" 2>&1 </dev/null &
  echo "$!" >"$(pidfile "$s" "$i")"
}

wait_ready() { # "service index" pairs…
  local -a targets=()
  while [ $# -gt 0 ]; do targets+=("$(health_target "$1" "$2")"); shift 2; done
  node --import tsx scripts/temporal-cluster-health.ts wait "${targets[@]}" ||
    die "not ready; the logs are in $DIR/logs"
}

stop_pid() { # pidfile: SIGTERM, then SIGKILL after 15 s
  local f="$1" pid
  [ -f "$f" ] || return 0
  pid="$(cat "$f")"
  if kill -TERM "$pid" 2>/dev/null; then
    for _ in $(seq 1 150); do alive "$pid" || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f "$f"
}

cmd_start() {
  if [ -f "$DIR/cluster.env" ]; then die "a cluster is already set up in $DIR (scripts/temporal-cluster.sh stop first)"; fi
  build
  FRONTEND_PORT="${TEMPORAL_CLUSTER_PORT:-7233}"
  local s n kind
  for s in HISTORY MATCHING WORKER; do
    n="$(eval echo "\${TEMPORAL_${s}_INSTANCES:-1}")"
    [[ "$n" =~ ^[1-4]$ ]] || die "TEMPORAL_${s}_INSTANCES must be 1 to 4"
    eval "${s}_INSTANCES=$n"
  done
  # A port already taken would only show as a service that never serves (or, for metrics, a WARN in its log). Temporal
  # keeps each host's membership port in a PostgreSQL smallint: a port above 32767 makes every service exit at start.
  while read -r s n; do
    [ "$(port "$s" "$n" membership)" -le 32767 ] ||
      die "$s's membership port $(port "$s" "$n" membership) is above 32767 (a smallint in Temporal's schema): use a lower TEMPORAL_CLUSTER_PORT"
    for kind in grpc membership metrics $([ "$s" = frontend ] && echo http); do
      if (exec 3<>"/dev/tcp/127.0.0.1/$(port "$s" "$n" "$kind")") 2>/dev/null; then
        die "port $(port "$s" "$n" "$kind") ($s $kind) is taken: set TEMPORAL_CLUSTER_PORT to another base port"
      fi
    done
  done < <(instances)
  NAMESPACE="${TEMPORAL_NAMESPACE:-default}"
  mkdir -p "$DIR/logs" "$DIR/pids"
  chmod 755 "$DIR" # PostgreSQL runs as its own user (when we are root) and must reach $DIR/pg
  umask 077 # cluster.env holds PostgreSQL's password
  printf '%s=%q\n' FRONTEND_PORT "$FRONTEND_PORT" HISTORY_INSTANCES "$HISTORY_INSTANCES" \
    MATCHING_INSTANCES "$MATCHING_INSTANCES" WORKER_INSTANCES "$WORKER_INSTANCES" NAMESPACE "$NAMESPACE" >"$DIR/cluster.env"
  umask 022
  # A start that fails half-way leaves nothing running.
  trap 'say "start failed; stopping what was started (logs were in $DIR/logs):"; tail -n 5 "$DIR"/logs/*.log >&2 || true; cmd_stop' EXIT
  local url
  url="$(postgres start "$DIR/pg")"
  url="${url#* }"
  PG_USER="$(node -e 'console.log(decodeURIComponent(new URL(process.argv[1]).username))' "$url")"
  PG_PASSWORD="$(node -e 'console.log(decodeURIComponent(new URL(process.argv[1]).password))' "$url")"
  PG_PORT="$(node -e 'console.log(new URL(process.argv[1]).port)' "$url")"
  printf '%s=%q\n' PG_USER "$PG_USER" PG_PASSWORD "$PG_PASSWORD" PG_PORT "$PG_PORT" >>"$DIR/cluster.env"
  say "creating and migrating the temporal and temporal_visibility databases…"
  local schemas db
  schemas="$(schema_dir)/schema/postgresql/v12"
  for db in temporal:temporal temporal_visibility:visibility; do
    local -a sql=("$SQL_TOOL" --ep 127.0.0.1 -p "$PG_PORT" -u "$PG_USER" --pw "$PG_PASSWORD" --pl postgres12 --db "${db%%:*}")
    "${sql[@]}" create-database >>"$DIR/logs/schema.log" 2>&1
    "${sql[@]}" setup-schema -v 0.0 >>"$DIR/logs/schema.log" 2>&1
    "${sql[@]}" update-schema -d "$schemas/${db#*:}/versioned" >>"$DIR/logs/schema.log" 2>&1
  done
  say "starting $(instances | tr '\n' ' ' | sed 's/ \([0-9]\)/#\1/g')on 127.0.0.1 (frontend :$FRONTEND_PORT)…"
  # The first service to start on empty databases writes the cluster's metadata row; two writing it at once collide
  # (a duplicate key) and one exits. So the frontend starts alone and is ready before the others start.
  # History hosts then join one at a time, each ready before the next: a host reports SERVING only once it holds every
  # shard the ring gives it, and two joining at once move shards between them; a host whose first readiness check
  # lost that race tries again only at the next shard-acquire round (history.acquireShardInterval, a minute), and on
  # two busy cores that ran past the wait (a clean-clone CI saw it). Matching and worker then start together.
  start_service frontend 1
  wait_ready frontend 1
  local -a rest=()
  while read -r s n; do
    case "$s" in
      frontend) ;;
      history) start_service "$s" "$n" && wait_ready "$s" "$n" ;;
      *) start_service "$s" "$n" && rest+=("$s" "$n") ;;
    esac
  done < <(instances)
  wait_ready "${rest[@]}"
  node --import tsx scripts/temporal-cluster-health.ts namespace "127.0.0.1:$FRONTEND_PORT" "$NAMESPACE"
  trap - EXIT
  say "ready: TEMPORAL_ADDRESS=127.0.0.1:$FRONTEND_PORT (namespace $NAMESPACE); logs in $DIR/logs"
}

cmd_stop() {
  [ -f "$DIR/cluster.env" ] || { say "no cluster in $DIR"; return 0; }
  load_state
  local s n
  # The frontend first (no new requests), PostgreSQL last.
  while read -r s n; do stop_pid "$(pidfile "$s" "$n")"; done < <(instances)
  postgres stop "$DIR/pg"
  rm -rf "$DIR"
  say "stopped"
}

cmd_status() {
  load_state
  local s n state=0
  local -a targets=()
  while read -r s n; do
    if running "$s" "$n"; then targets+=("$(health_target "$s" "$n")"); else say "$s#$n: not running"; state=1; fi
  done < <(instances)
  [ ${#targets[@]} -eq 0 ] || node --import tsx scripts/temporal-cluster-health.ts status "${targets[@]}" || state=1
  return $state
}

case "${1:-}" in
  build) build ;;
  start) cmd_start ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  kill)
    load_state
    running "$2" "$3" || die "$2#$3 is not running"
    kill -KILL "$(cat "$(pidfile "$2" "$3")")"
    say "killed $2#$3 (SIGKILL)"
    ;;
  restart)
    load_state
    stop_pid "$(pidfile "$2" "$3")"
    start_service "$2" "$3"
    wait_ready "$2" "$3"
    say "$2#$3 is serving again"
    ;;
  *) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2 ;;
esac
