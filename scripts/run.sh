#!/usr/bin/env bash
# Serve the app on 127.0.0.1:8000; with REDIS_URL also a Celery worker and beat.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
# Signed minutes: without FINSAM_SIGNERING_PKCS12, a local test CA and certificate (development only).
if [ -z "${FINSAM_SIGNERING_PKCS12:-}" ]; then $PY manage.py signering_testcert; fi
pids=()
cleanup() { for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; }
trap cleanup EXIT INT TERM
if [ -n "${REDIS_URL:-}" ]; then
  .venv/bin/celery -A finsam worker --loglevel=INFO --concurrency=2 & pids+=($!)
  .venv/bin/celery -A finsam beat --loglevel=INFO --schedule=/tmp/finsam-celerybeat-schedule & pids+=($!)
  echo "Celery-worker och beat startade mot ${REDIS_URL}."
else
  echo "Ingen REDIS_URL: bakgrundsjobb körs i webbprocessen (inbyggt läge)."
fi
echo
echo "Finsam kör på http://127.0.0.1:8000  (databas: ${DATABASE_URL:-SQLite db.sqlite3})"
echo "Demoinloggningar, lösenord ${DEMO_PASSWORD:-finsam-demo}:"
echo "  chef (förbundschef) · administrator (administratör) · ledamot (styrelseledamot) · revisor (revisor)"
echo
$PY manage.py runserver 127.0.0.1:8000 --noreload
