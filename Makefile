# Two commands on a fresh machine:  make run   |   make test
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed
# Two test processes (this is a 2-core machine); files stay whole on one process.
PYTEST_ARGS ?= -n 2 --dist loadfile

.PHONY: run test setup system-deps migrate demo lint typecheck check clean screenshots schemathesis

$(STAMP): requirements.txt requirements-dev.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements-dev.txt
	touch $(STAMP)

system-deps:
	bash scripts/system-deps.sh

setup: system-deps $(STAMP)

migrate: setup
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo

# Sets everything up, loads the demo data and serves the app on http://127.0.0.1:$(PORT or 8000),
# with a Celery worker and beat (on Redis when REDIS_URL is set, else on a local folder broker).
run: demo
	bash scripts/run.sh

# Sets everything up and runs the whole test suite.
test: setup
	$(PY) -m pytest $(PYTEST_ARGS)

lint: setup
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

# The API against its OpenAPI schema (schemathesis, bounded examples per operation).
schemathesis: setup
	bash scripts/schemathesis.sh

typecheck: setup
	$(VENV)/bin/mypy .

check: lint typecheck
	DJANGO_SETTINGS_MODULE=finsam.settings.test $(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles test-artifacts
