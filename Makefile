# Two commands for a newcomer: `make run` and `make test`. Everything else serves them.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
PYTEST_ARGS ?=

.PHONY: run test install lint api-contract messages lock vendor clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# _mes.c and _votes.c: the compiled core of Equal Shares and its .pb reader, rebuilt by the editable install when
# they change. compileall writes the bytecode once, so that no start compiles it again where PYTHONDONTWRITEBYTECODE
# is set (`samen pb` starts faster).
$(VENV)/.installed: $(BIN)/python requirements.lock pyproject.toml samen/algorithms/budgets/_mes.c samen/algorithms/budgets/_votes.c
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/python -m compileall -q samen >/dev/null
	touch $@

install: $(VENV)/.installed

run: install
	DJANGO_DEBUG=true $(BIN)/python manage.py migrate --no-input
	DJANGO_DEBUG=true $(BIN)/python manage.py seed_demo
	DJANGO_DEBUG=true $(BIN)/python manage.py opendata_build
	@echo "Starting the task worker (e-mails to followers) and the web server on http://127.0.0.1:$(PORT)/"
	DJANGO_DEBUG=true $(BIN)/python manage.py db_worker --no-startup-delay & worker=$$!; \
	trap 'kill $$worker 2>/dev/null' EXIT INT TERM; \
	DJANGO_DEBUG=true $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: install
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: install
	$(BIN)/ruff format --check .
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	DJANGO_DEBUG=true $(BIN)/python manage.py makemigrations --check --dry-run

# The API against its own OpenAPI schema, on the demo in a throwaway database (schemathesis; docs/api.md).
api-contract: install
	bash scripts/api_contract.sh

# Regenerate the catalogues after changing user-facing text, then translate locale/{nl,fr}.
messages: install
	DJANGO_DEBUG=true $(BIN)/python manage.py makemessages -l nl -l fr -l en --no-obsolete --ignore=.venv --ignore=node_modules --ignore=tests --ignore=staticfiles
	DJANGO_DEBUG=true $(BIN)/python manage.py compilemessages --ignore=.venv

# Re-pin the lock file from pyproject.toml (needs uv: pip install uv).
lock:
	uv pip compile pyproject.toml --extra dev --python-version 3.11 --no-header -o requirements.lock

# Copy the front-end files from npm into samen/static/vendor (committed, so running needs no npm).
vendor:
	npm ci --no-audit --no-fund
	node scripts/vendor.mjs

clean:
	rm -rf $(VENV) db.sqlite3 media
