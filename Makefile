# Tuwei — two commands do all the set-up: `make run` and `make test`.
SHELL := /bin/bash
.DEFAULT_GOAL := run

VENV := .venv
BIN := $(VENV)/bin
PYTHON := $(BIN)/python
# Django 6 needs Python 3.12+: take the first one found on PATH or under pyenv.
SYSTEM_PYTHON := $(shell for p in python3.13 python3.12 $$(ls -d $$HOME/.pyenv/versions/3.1[3-9]*/bin/python 2>/dev/null | sort -r) $$(ls -d $$HOME/.pyenv/versions/3.12*/bin/python 2>/dev/null | sort -r) python3; do \
	command -v $$p >/dev/null 2>&1 && $$p -c 'import sys; sys.exit(sys.version_info < (3, 12))' 2>/dev/null && { command -v $$p; break; }; done)
PG_URL ?= postgres://postgres@127.0.0.1:5432/tuwei
PYTEST_WORKERS ?= 2

.PHONY: run test lint assets migrate demo serve serve-prod worker messages clean

$(VENV)/.installed: requirements.txt requirements-dev.txt
	@test -n "$(SYSTEM_PYTHON)" || { echo "Python 3.12 or newer is needed (Django 6)."; exit 1; }
	test -x $(PYTHON) || $(SYSTEM_PYTHON) -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --upgrade pip
	$(PYTHON) -m pip install --quiet -r requirements-dev.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

static/vendor/.installed: node_modules/.installed
	mkdir -p static/vendor
	cp node_modules/htmx.org/dist/htmx.min.js static/vendor/htmx.min.js
	cp node_modules/echarts/dist/echarts.min.js static/vendor/echarts.min.js
	cp node_modules/echarts4/map/json/province/neimenggu.json static/vendor/inner-mongolia.json
	touch $@

assets: static/vendor/.installed

migrate: $(VENV)/.installed
	$(PYTHON) manage.py migrate --noinput

demo: migrate
	$(PYTHON) manage.py seed_demo

serve: $(VENV)/.installed assets
	$(PYTHON) manage.py runserver 127.0.0.1:8000

## make run: install, migrate the SQLite database under var/, load the demo once, serve on :8000
run: $(VENV)/.installed assets demo serve

## production-style serving: gunicorn workers + the database task worker (needs DATABASE_URL etc.)
serve-prod: $(VENV)/.installed assets
	TUWEI_ENV=production $(PYTHON) manage.py collectstatic --noinput
	TUWEI_ENV=production $(PYTHON) manage.py migrate --noinput
	TUWEI_ENV=production $(BIN)/gunicorn tuwei.wsgi:application --bind 127.0.0.1:8000 \
		--workers $${WEB_WORKERS:-3} & \
	TUWEI_ENV=production $(PYTHON) manage.py db_worker; kill %1

worker: $(VENV)/.installed
	$(PYTHON) manage.py db_worker

lint: $(VENV)/.installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports
	$(BIN)/mypy tuwei engine

## make test: lint, then every test on SQLite and (when reachable or required) PostgreSQL
test: $(VENV)/.installed assets lint
	@echo "== tests on SQLite =="
	DATABASE_URL=sqlite:///$(CURDIR)/var/test.sqlite3 $(BIN)/pytest -n $(PYTEST_WORKERS) -q
	@if $(PYTHON) -c "import psycopg,sys; psycopg.connect('$(PG_URL)'.rsplit('/',1)[0]+'/postgres', connect_timeout=3).close()" 2>/dev/null; then \
		echo "== tests on PostgreSQL =="; \
		DATABASE_URL=$(PG_URL) $(BIN)/pytest -n $(PYTEST_WORKERS) -q; \
	elif [ -n "$$TUWEI_REQUIRE_POSTGRES" ]; then \
		echo "PostgreSQL is required (TUWEI_REQUIRE_POSTGRES) but $(PG_URL) is not reachable"; exit 1; \
	else echo "== PostgreSQL not reachable at $(PG_URL): skipped =="; fi

messages: $(VENV)/.installed
	$(PYTHON) manage.py i18n_sync

clean:
	rm -rf $(VENV) node_modules static/vendor var
