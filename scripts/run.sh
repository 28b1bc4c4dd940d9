#!/usr/bin/env bash
# Serve the app on 127.0.0.1:${PORT:-8000} with a Celery worker beside it (and beat: the reaper of
# stalled document jobs, reminders). With REDIS_URL the broker is Redis; without it, a folder
# (kombu's filesystem transport, var/celery), so the embedded default needs no server either.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=.venv/bin/python
PORT="${PORT:-8000}"
# Signed minutes: without FINSAM_SIGNERING_PKCS12, a local test CA and certificate (development only).
if [ -z "${FINSAM_SIGNERING_PKCS12:-}" ]; then $PY manage.py signering_testcert; fi
pids=()
cleanup() { for p in "${pids[@]:-}"; do [ -n "$p" ] && kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM
WORKER_ARGS=(-A finsam worker --loglevel=INFO --without-gossip --without-mingle --without-heartbeat)
if [ -n "${REDIS_URL:-}" ]; then
  .venv/bin/celery "${WORKER_ARGS[@]}" --concurrency=2 & pids+=($!)
  .venv/bin/celery -A finsam beat --loglevel=INFO --schedule=/tmp/finsam-celerybeat-schedule-"$PORT" & pids+=($!)
  echo "Celery-worker och beat startade mot ${REDIS_URL}."
else
  BROKER_DIR="${CELERY_BROKER_DIR:-var/celery}"
  mkdir -p "$BROKER_DIR/queue" "$BROKER_DIR/control"
  # One process renders at a time on SQLite; beat runs inside the worker (-B).
  .venv/bin/celery "${WORKER_ARGS[@]}" --concurrency=1 -B --schedule="$BROKER_DIR/beat-schedule" & pids+=($!)
  echo "Celery-worker (med beat) startad med inbyggd kö i $BROKER_DIR: bakgrundsjobb överlever omstart."
fi
echo
echo "Finsam kör på http://127.0.0.1:${PORT}  (databas: ${DATABASE_URL:-SQLite db.sqlite3})"
echo "Demoinloggningar, lösenord ${DEMO_PASSWORD:-finsam-demo}:"
echo "  chef (förbundschef) · administrator (administratör) · ledamot (styrelseledamot) · revisor (revisor)"
echo
$PY manage.py runserver "127.0.0.1:${PORT}" --noreload
