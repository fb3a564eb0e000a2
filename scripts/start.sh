#!/usr/bin/env bash
# `npm start`: prepares a fresh clone (scripts/setup.sh), builds the app, then runs the Temporal dev server (unless
# TEMPORAL_ADDRESS names a cluster), the workflow worker and the web app; waits until each is ready, prints the URLs,
# and stops everything on Ctrl-C (or when any of them dies). See docs/decisions/004 and 007.
#   TEMPORAL_ADDRESS  use this cluster and start no server        TEMPORAL_HEADLESS=1  dev server without its web UI
#   TEMPORAL_PORT     dev server port (7233)                      TEMPORAL_UI_PORT     its web UI port (8233)
#   PORT              web app port (3000)                         SMTP_URL             send mail too (else outbox only)
#   APP_URL, TRUST_PROXY, ALLOWED_ORIGINS, SESSION_IDLE_MINUTES, SESSION_MAX_HOURS, MAX_BODY_BYTES: the web server
#   (server/index.ts, docs/decisions/010); set APP_URL=https://… behind an HTTPS proxy.
set -euo pipefail
cd "$(dirname "$0")/.."
tag() { printf '\033[1m[start]\033[0m %s\n' "$*"; }

bash scripts/setup.sh
tag "building the web app…"
npx remix build >/dev/null

export PORT="${PORT:-3000}"
export NODE_ENV="${NODE_ENV:-production}"
# Production mode needs a real session secret: one is made on first start and kept in data/ (never committed).
if [ -z "${SESSION_SECRET:-}" ]; then
  [ -s data/session-secret ] || node -e 'process.stdout.write(require("crypto").randomBytes(32).toString("hex"))' > data/session-secret
  SESSION_SECRET="$(cat data/session-secret)"
  export SESSION_SECRET
fi

pids=()
stopping=0
stop_all() {
  [ "$stopping" = 1 ] && return
  stopping=1
  tag "stopping…"
  # The worker and the app first (the worker drains its tasks), the Temporal server last.
  for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
    kill -TERM "${pids[i]}" 2>/dev/null || true
    for _ in $(seq 1 100); do kill -0 "${pids[i]}" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "${pids[i]}" 2>/dev/null || true
  done
  wait 2>/dev/null || true
  tag "stopped"
}
trap 'stop_all; exit 130' INT
trap 'stop_all; exit 143' TERM
trap 'stop_all' EXIT

# Runs a command in the background with its output prefixed by a name; remembers its PID (not the prefixer's).
run() {
  local name="$1"; shift
  "$@" > >(sed -u "s/^/[$name] /") 2>&1 &
  pids+=("$!")
}
wait_for() { # name, command that succeeds when ready
  local name="$1"; shift
  for _ in $(seq 1 240); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    for p in "${pids[@]}"; do kill -0 "$p" 2>/dev/null || { tag "$name failed to start"; exit 1; }; done
    sleep 0.5
  done
  tag "$name did not become ready in 2 minutes"
  exit 1
}

temporal_ui=""
if [ -z "${TEMPORAL_ADDRESS:-}" ]; then
  cli="${TEMPORAL_CLI:-$(command -v temporal || echo .tools/python/bin/temporal)}"
  port="${TEMPORAL_PORT:-7233}"
  ui_port="${TEMPORAL_UI_PORT:-8233}"
  export TEMPORAL_ADDRESS="127.0.0.1:$port"
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    tag "port $port is taken: stop the other Temporal server, or set TEMPORAL_ADDRESS=127.0.0.1:$port to use it"
    exit 1
  fi
  ui_args=(--ui-port "$ui_port")
  if [ "${TEMPORAL_HEADLESS:-0}" = 1 ]; then ui_args=(--headless); else temporal_ui="http://127.0.0.1:$ui_port"; fi
  tag "starting the Temporal dev server ($cli, state in data/temporal.db)…"
  run temporal "$cli" server start-dev --db-filename data/temporal.db --ip 127.0.0.1 --port "$port" "${ui_args[@]}" --log-level warn
  wait_for "the Temporal server" "$cli" operator namespace describe --address "$TEMPORAL_ADDRESS" --namespace "${TEMPORAL_NAMESPACE:-default}"
else
  tag "using the Temporal cluster at $TEMPORAL_ADDRESS (no local server)"
fi

tag "starting the worker…"
run worker node --import tsx worker/worker.ts
wait_for "the worker" node --import tsx worker/worker-ready.ts
tag "starting the web app…"
run app node --import tsx server/index.ts
wait_for "the web app" node -e "fetch('http://127.0.0.1:$PORT/').then(r => process.exit(r.status < 500 ? 0 : 1), () => process.exit(1))"

cat <<MSG

  大庆市生态环境监测网络建设工作方案 tracker is running
    web app      http://localhost:$PORT
    GraphQL      http://localhost:$PORT/graphql
    Temporal     $TEMPORAL_ADDRESS${temporal_ui:+
    Temporal UI  $temporal_ui}
    e-mail       ${SMTP_URL:-local outbox only (query \`outbox\` as the steering group)}
  Ctrl-C stops everything.

MSG

# Stop everything as soon as any one of them exits.
wait -n "${pids[@]}" || true
tag "a process exited"
