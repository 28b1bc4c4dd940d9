#!/usr/bin/env bash
# The API against its own OpenAPI schema: schemathesis, logged in as the demo förbundschef with a
# token, a bounded number of examples per operation. Must end with 0 server errors and 0 schema
# violations. Uses its own database (DATABASE_URL, default a SQLite file) and a server on $PORT.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${SCHEMATHESIS_PORT:-8190}"
EXEMPEL="${SCHEMATHESIS_MAX_EXAMPLES:-4}"
WORK="$(mktemp -d /tmp/finsam-schemathesis.XXXXXX)"
export DJANGO_SETTINGS_MODULE=finsam.settings.base DJANGO_DEBUG=false
# PDFs render in background threads on PostgreSQL (requests stay fast); inline on SQLite (one writer).
if [ -n "${DATABASE_URL:-}" ]; then export FINSAM_TASK_MODE=thread; else export FINSAM_TASK_MODE=eager; fi
export MEDIA_ROOT="$WORK/media" SQLITE_PATH="$WORK/db.sqlite3"
unset REDIS_URL
server=""
cleanup() { [ -n "$server" ] && kill "$server" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

if [ -n "${DATABASE_URL:-}" ]; then
  namn="${DATABASE_URL##*/}"
  psql "${DATABASE_URL%/*}/postgres" -qc "DROP DATABASE IF EXISTS \"$namn\"" -c "CREATE DATABASE \"$namn\"" >/dev/null
fi
echo "== schemathesis: databas och demodata"
$PY manage.py migrate --noinput -v 0
$PY manage.py seed_demo >/dev/null 2>&1
TOKEN=$($PY manage.py shell -c "
from django.contrib.auth import get_user_model
from rest_framework.authtoken.models import Token
print(Token.objects.get_or_create(user=get_user_model().objects.get(username='chef'))[0].key)" | tail -n 1)

$PY manage.py runserver "127.0.0.1:$PORT" --noreload >"$WORK/server.log" 2>&1 &
server=$!
for _ in $(seq 1 60); do curl -fsS "http://127.0.0.1:$PORT/healthz" >/dev/null 2>&1 && break; sleep 0.5; done

status=0
.venv/bin/schemathesis run "http://127.0.0.1:$PORT/api/schema/" \
  --header "Authorization: Token $TOKEN" --header "X-Forbund: skelleftea-norsjo" \
  --checks not_a_server_error,response_schema_conformance,status_code_conformance,content_type_conformance \
  --phases examples,fuzzing --mode positive --max-examples "$EXEMPEL" --seed 1 \
  --generation-database none --no-color --workers 1 --request-timeout 60 \
  --exclude-path-regex '^/api/(schema|docs)/' "$@" || status=$?
if [ "$status" -ne 0 ]; then
  echo "--- serverlogg (slut) ---"; tail -n 60 "$WORK/server.log"
fi
exit "$status"
