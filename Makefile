# The README's commands. `make run` starts the embedded demo; `make test` runs the suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

# The suite runs on the production shape: the local PostgreSQL and Redis unless told otherwise.
TEST_ENV := DATABASE_URL=$${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/sharon} \
	REDIS_URL=$${REDIS_URL:-redis://127.0.0.1:6379/14} \
	SECRET_KEY=$${SECRET_KEY:-test-only-secret-key-not-for-production} HTTPS=0 DEBUG=0 STATIC_MANIFEST=0

.PHONY: run setup install assets test lint format clean

run: setup
	@echo
	@echo "SHaRON is starting on http://127.0.0.1:8000 (embedded mode: SQLite, tasks in-process)."
	@echo "Emails (e.g. sign-up verification) are written as files to var/mail/."
	DEBUG=1 $(MANAGE) runserver 127.0.0.1:8000

setup: install assets
	DEBUG=1 $(MANAGE) migrate --no-input -v0
	DEBUG=1 $(MANAGE) seed_demo

install: $(VENV)/.installed node_modules/.installed

$(VENV)/.installed: pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q -c constraints.txt -e '.[dev]'
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

assets: var/build/sharon.css

var/build/sharon.css: static/scss/sharon.scss node_modules/.installed
	mkdir -p var/build
	npx sass --no-source-map --load-path=node_modules --quiet-deps --style=compressed $< $@

test: install assets
	$(TEST_ENV) $(BIN)/python -m pytest $(PYTEST_ARGS)

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format:
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf var/build var/staticfiles
