# One task runner. `make guides` and `make test` do their own set-up on a fresh clone.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp

.PHONY: guides test test-fast lint bench clean chromium

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

# The demo's pay store, imported offline from the shipped BLS extract (not committed: the CSV is
# the reviewed source; the store is derived from it and from guidepress's store format).
data/pay.sqlite: data/oews_m2025_extract.csv src/guidepress/paydata/store.py $(STAMP)
	$(BIN)/guidepress data import oews data/oews_m2025_extract.csv

guides: $(STAMP) data/pay.sqlite
	$(BIN)/guidepress build --kind guide
	@echo "Guides are in $(CURDIR)/output/guides/ (index: output/manifest.json)"

# Tests write 1,500 to 2,700 scratch files a run; where /dev/shm exists they go there, since
# deleting them from a disk mounted with discard costs seconds. Two pytest-xdist workers: on an
# idle 2-core machine the suite takes 38 s instead of 52 and test-fast 9 s instead of 13 (a busy
# machine gains nothing). PYTEST_WORKERS=0 runs the tests in one process.
# Each run gets a scratch folder of its own, removed after the run whatever its outcome: the
# processes some tests kill on purpose (Ctrl-C, orphaned workers) cannot remove what they made
# there (WeasyPrint's font folders, 3 MB each), which otherwise piled up in /dev/shm run after run.
TEST_TMP := $(shell test -d /dev/shm && test -w /dev/shm && echo /dev/shm)
PYTEST_WORKERS ?= 2
PYTEST = tmp=$$(mktemp -d $(or $(TEST_TMP),$${TMPDIR:-/tmp})/guidepress-tests.XXXXXX) \
	&& TMPDIR=$$tmp $(BIN)/python -m pytest -q -n $(PYTEST_WORKERS) --dist worksteal $(1); \
	status=$$?; rm -rf "$$tmp"; exit $$status

test: $(STAMP) data/pay.sqlite chromium
	$(call PYTEST)

# The live preview's browser tests drive Debian's chromium (tests/serve/test_browser.py). As root
# (CI) it is installed when missing; otherwise those tests are skipped, saying so.
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "installing chromium for the browser tests"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium \
	      >/dev/null) || echo "could not install chromium: the browser tests will be skipped"; \
	  else echo "no chromium (installing it needs root and apt-get): browser tests skipped"; fi; }

# Every test that lays out no document (no PDF, no one-page fitting): a test that does and is
# not marked pdf fails (tests/conftest.py).
test-fast: $(STAMP) data/pay.sqlite
	$(call PYTEST,-m "not pdf")

lint: $(STAMP)
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench
	$(BIN)/mypy
	$(BIN)/lint-imports

# Where layout time goes (a guide, a sheet, a comparison against their floor and Chromium), then
# the 40-role CI rebuild (full, no-op, memory, layouts per output): about 15 minutes.
bench: $(STAMP)
	$(BIN)/python bench/profile_layout.py
	$(BIN)/python bench/batch.py

clean:
	rm -rf output .pytest_cache .mypy_cache .ruff_cache
