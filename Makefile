# The two set-up commands of the README: `make run` (the product) and `make test` (the checks).
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
FRONTEND_BUILT := api/static/explorer/index.html
FRONTEND_SOURCES := frontend/package.json frontend/package-lock.json frontend/build.mjs $(shell find frontend/src -type f 2>/dev/null)

.PHONY: run test lint system-test-tools frontend

$(VENV)/.installed: pyproject.toml | $(FRONTEND_BUILT)
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python 3.11+ is required (found " + sys.version.split()[0] + ")")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

## Install, start the local Neo4j, migrate, load seed_data/, serve GraphiQL on http://127.0.0.1:8000/graphql
run: $(VENV)/.installed frontend
	$(BIN)/kg up

## Same set-up, then lint, type-check and pytest against a real Neo4j started for the run and stopped after it
test: $(VENV)/.installed frontend system-test-tools
	$(BIN)/ruff check .
	$(BIN)/mypy
	$(BIN)/pytest

# Tools some tests drive: docker-compose validates docker-compose.yml; CLDR lets a test check that
# seed_data/reference is what its generator makes. Installed with apt when we may; elsewhere those tests skip.
SYSTEM_TEST_PACKAGES := docker-compose unicode-cldr-core chromium
system-test-tools:
	@missing=""; for p in $(SYSTEM_TEST_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	    echo "installing$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing) >/dev/null; \
	  else echo "note: not installed:$$missing; the tests that need them will skip"; fi; \
	fi

# The explorer (/explore) and the offline GraphiQL (/graphql): frontend/ bundled by esbuild into api/static/
# (gitignored). Rebuilt when a front-end source changes; npm comes from Debian when it is missing and we may.
frontend: $(FRONTEND_BUILT)
$(FRONTEND_BUILT): $(FRONTEND_SOURCES)
	@if ! command -v npm >/dev/null && command -v apt-get >/dev/null && [ "$$(id -u)" = 0 ]; then \
	  echo "installing npm"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm) >/dev/null; \
	fi
	@if command -v npm >/dev/null; then \
	  cd frontend && npm ci --no-audit --no-fund --loglevel=error && npm run --silent build; \
	else echo "note: npm not found; /explore and GraphiQL are not built (their tests will fail)"; fi
