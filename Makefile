# The two set-up commands of the README: `make run` (the product) and `make test` (the checks).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin

.PHONY: run test lint system-test-tools

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

## Install, start the local Neo4j, migrate, load seed_data/, serve GraphiQL on http://127.0.0.1:8000/graphql
run: $(VENV)/.installed
	$(BIN)/kg up

## Same set-up, then lint, type-check and pytest against a real Neo4j started for the run and stopped after it
test: $(VENV)/.installed system-test-tools
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

# Tools some tests drive (docker-compose to validate docker-compose.yml). Installed with apt when we may;
# elsewhere the tests that need them say what is missing and skip.
system-test-tools:
	@if ! command -v docker-compose >/dev/null && ! docker compose version >/dev/null 2>&1; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose) >/dev/null; \
	  else echo "note: docker-compose not installed; the compose-file test will be skipped"; fi; \
	fi
