#!/usr/bin/env bash
# Contract tests of the public API (issue 17, point 4; docs/api.md, "Contract tests"): schemathesis generates
# requests from /api/v1/openapi.json and sends them to the app serving the Brussels demo. It fails on any 500, any
# answer the schema does not describe (status code, content type, headers, body) and any answer slower than 1 s.
# The data lives in a throwaway SQLite file in a temporary folder (never a developer's db.sqlite3; a throwaway
# PostgreSQL database instead: SAMEN_CONTRACT_DATABASE_URL=postgres://…); the server is gunicorn with DEBUG off on a
# free port of 127.0.0.1, stopped at the end. The same seed generates the same requests: a failure can be replayed.
set -euo pipefail
cd "$(dirname "$0")/.."

BIN="$(cd "${BIN:-.venv/bin}" && pwd)"  # the virtualenv's, made by `make install`
EXAMPLES="${SAMEN_CONTRACT_EXAMPLES:-50}"  # test cases per operation in each phase (fuzzing, coverage, stateful)
SEED="${SAMEN_CONTRACT_SEED:-17}"
CHECKS=not_a_server_error,status_code_conformance,content_type_conformance,response_headers_conformance,response_schema_conformance

work="$(mktemp -d "${TMPDIR:-/tmp}/samen-contract.XXXXXX")"
server=""
stop() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null || true
    wait "$server" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT

# Nothing of the caller's environment decides which database, cache or replica the run touches.
unset DATABASE_REPLICA_URL CACHE_URL MEDIA_STORAGE_URL
export DATABASE_URL="${SAMEN_CONTRACT_DATABASE_URL:-sqlite:///$work/db.sqlite3}"
export DJANGO_MEDIA_ROOT="$work/media" DJANGO_STATIC_ROOT="$work/static"
port="$("$BIN/python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
export SAMEN_SITE_URL="http://127.0.0.1:$port"

echo "Migrating and seeding the demo in ${DATABASE_URL%%://*} ($work)"
DJANGO_DEBUG=true "$BIN/python" manage.py migrate --no-input --verbosity 0
# seed_demo runs only with DEBUG (the demo accounts' password is published); the server below runs without it.
DJANGO_DEBUG=true "$BIN/python" manage.py seed_demo >"$work/seed_demo.log"


# Production settings (DEBUG off, the static files' manifest), except: plain HTTP on the loopback, one process's
# cache (one worker), and a rate limit this run stays under (the 429 is in the schema, but a run of 429s would test
# nothing else). The server's log goes to a file, shown below when a check fails.
export DJANGO_DEBUG=false DJANGO_SECRET_KEY=contract-tests-only SAMEN_VERIFICATION_KEY=contract-tests-only \
  DJANGO_SECURE_SSL_REDIRECT=false SAMEN_ALLOW_LOCAL_CACHE=true SAMEN_API_RATE=1000000/minute
"$BIN/python" manage.py collectstatic --no-input --verbosity 0
"$BIN/gunicorn" samen.wsgi:application --bind "127.0.0.1:$port" --workers 1 --no-control-socket \
  --log-level warning --access-logfile "$work/access.log" --access-logformat '%(M)s %(s)s %(U)s' >"$work/server.log" 2>&1 &
server=$!

echo "schemathesis against $SAMEN_SITE_URL/api/v1/openapi.json (seed $SEED, $EXAMPLES examples per operation)"
status=0
(
  cd "$work"  # schemathesis keeps a cache folder (.schemathesis) where it runs
  "$BIN/schemathesis" run "$SAMEN_SITE_URL/api/v1/openapi.json" \
    --wait-for-schema 30 \
    --checks "$CHECKS" \
    --max-response-time 1 \
    --seed "$SEED" \
    --max-examples "$EXAMPLES" \
    --workers 1 \
    --generation-database none \
    --no-color
) || status=$?
echo "Answers: $(wc -l <"$work/access.log"); the slowest, in ms, with their status:"
sort -rn "$work/access.log" | sed -n '1,3p'  # sed reads to the end: no SIGPIPE under pipefail
if [ "$status" -ne 0 ]; then
  echo "The server's errors during the run (the 4xx it was asked for left out):"
  grep -vE '^(Not Found|Unprocessable Entity|Bad Request|Method Not Allowed|Too Many Requests): ' "$work/server.log" || true
fi
exit "$status"
