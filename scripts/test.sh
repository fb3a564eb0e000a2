#!/usr/bin/env bash
# The whole test suite, from a fresh clone: installs what is missing (npm packages, the Temporal CLI and test server,
# moto's S3-protocol server, Chromium, PostgreSQL), checks types and the committed GraphQL schema, then runs every test
# against real parts: SQLite files, the Temporal servers, an SMTP server and an S3-protocol server on 127.0.0.1 and
# Chromium; then every non-browser suite that touches the database a second time on a throwaway PostgreSQL cluster
# (docs/decisions/017-two-databases.md).
#   bash scripts/test.sh [vitest args]   with arguments (e.g. one file), only the SQLite run, unless TEST_DATABASES
#                                        says otherwise
#   TEST_DATABASES=sqlite | postgresql | sqlite,postgresql (the default without arguments)
set -euo pipefail
cd "$(dirname "$0")/.."
step() { printf '\033[1m[test]\033[0m %s\n' "$*"; }

bash scripts/install-deps.sh
bash scripts/install-temporal.sh
bash scripts/install-moto.sh
bash scripts/install-chromium.sh
bash scripts/install-fonts.sh
step "generating the Prisma clients…"
bash scripts/generate-clients.sh
step "type-checking…"
npx tsc -p .
step "checking graphql/schema.graphql and graphql/graphql-env.d.ts (the pages' typed documents) are up to date…"
npx tsx scripts/print-schema.ts --check
step "checking the pages' GraphQL documents against the schema…"
npx gql-tada check -c tsconfig.documents.json --fail-on-warn
step "lint and format…"
npx eslint . --max-warnings=0
npx prettier --check . >/dev/null || { echo "formatting differs: run npm run format" >&2; exit 1; }
step "building the web app (browser tests run the built server)…"
npx remix build >/dev/null
if [ $# -gt 0 ]; then databases="${TEST_DATABASES:-sqlite}"; else databases="${TEST_DATABASES:-sqlite,postgresql}"; fi

if [[ ",$databases," == *,sqlite,* ]]; then
  step "running the test suite (SQLite)…"
  npx vitest run "$@"
fi

if [[ ",$databases," == *,postgresql,* ]]; then
  # The files that open a test database (test/support/db.ts, directly or through a harness); browsers stay on SQLite,
  # and the scale-out test runs on its own below.
  mapfile -t files < <(grep -rlE "support/db|support/harness" test --include='*.test.ts' | grep -vE '^test/(browser|scale-out)/' | sort)
  if [ $# -gt 0 ]; then files=("$@"); fi
  step "starting a throwaway PostgreSQL cluster…"
  cluster=""
  # Removed however the run ends: success, failure or Ctrl-C.
  trap 'if [ -n "$cluster" ]; then bash scripts/postgres.sh stop "$cluster"; fi' EXIT
  trap 'exit 130' INT
  trap 'exit 143' TERM
  started="$(bash scripts/postgres.sh start)"
  read -r cluster url <<<"$started"
  step "running ${#files[@]} database suites again on PostgreSQL…"
  TEST_DATABASE=postgresql TEST_POSTGRESQL_URL="$url" npx vitest run "${files[@]}"
  bash scripts/postgres.sh stop "$cluster"
  cluster=""
fi

# The scale-out test (test/scale-out, ADR 018) needs the Temporal server built from the Go module proxy; .ci/run builds
# it, here it runs once it is there. Not when the run was asked for particular files.
if [ $# -eq 0 ]; then
  if [ -x .tools/temporal-cluster/bin/temporal-server ] && [ -x .tools/temporal-cluster/bin/temporal-sql-tool ]; then
    step "running the scale-out test on a Temporal cluster…"
    npm run test:scale-out
  else
    step "skipping the scale-out test: build the Temporal cluster first (bash scripts/temporal-cluster.sh build; ~1 min with a warm Go cache, ~10 min cold)"
  fi
fi
