# Every target sets up what it needs on a fresh machine (Python 3.11, make, the registries).
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint fmt bench browser pdf-libs venv clean test-scale

venv: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade "pip>=24"
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[dev]"
	touch $(STAMP)

# Debian's Chromium for the Playwright browser tests (Playwright's own download is not reachable).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  echo "Installing Debian's chromium for the browser tests"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null); }

# The system libraries WeasyPrint renders the confirmations' PDFs with, and a font.
PDF_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core
pdf-libs:
	@missing=$$(for pkg in $(PDF_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$pkg 2>/dev/null | grep -q 'ok installed' || echo $$pkg; \
	done); \
	[ -z "$$missing" ] || { \
	  echo "Installing Debian's $$missing for the confirmation PDFs"; \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null); }

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

fmt: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

test: venv browser pdf-libs lint
	$(BIN)/pytest -q

# PostgreSQL + Redis (Debian packages, installed when missing) on loopback ports of their own,
# the integration suite in tests/scale on them with RQ worker processes, the sync's storage
# suites on PostgreSQL, then stopped again.
test-scale: venv
	scripts/scale/test.sh

demo: venv pdf-libs
	$(BIN)/salesdesk demo

bench: venv browser
	$(BIN)/python -m benchmarks.run

clean:
	rm -rf $(VENV) var
