# `make demo` and `make test` work on a fresh machine with Python 3.11+, gcc and make.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP_DEMO := $(VENV)/.installed-demo
STAMP_DEV  := $(VENV)/.installed-dev

.PHONY: demo test lint typecheck pytest bench docs clean fuzz

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

BUILT := pyproject.toml hatch_build.py src/governance_rules/records/_libyaml.c

$(STAMP_DEMO): $(BUILT) | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[durable]"
	touch $@

$(STAMP_DEV): $(BUILT) | $(BIN)/python
	$(BIN)/pip install --quiet -e ".[dev,durable]"
	touch $@ $(STAMP_DEMO)

demo: $(STAMP_DEMO)
	@$(BIN)/governance-rules check examples/ ; code=$$?; \
	if [ $$code -gt 1 ]; then echo "demo failed: exit $$code"; exit $$code; fi; \
	echo "(exit $$code: the examples contain deliberate violations)"

test: $(STAMP_DEV) lint typecheck pytest

lint: $(STAMP_DEV)
	$(BIN)/ruff check src tests benchmarks examples

typecheck: $(STAMP_DEV)
	$(BIN)/mypy

pytest: $(STAMP_DEV)
	$(BIN)/pytest

# A longer hypothesis run of tests/test_fuzz.py (docs/hardening.md): FUZZ_EXAMPLES per test (a
# fifth of it for the tests that check a dossier); counts and the slowest inputs go to FUZZ_STATS.
FUZZ_EXAMPLES ?= 5000
FUZZ_STATS ?= .hypothesis/fuzz-stats.json
fuzz: $(STAMP_DEV)
	GR_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) GR_FUZZ_STATS=$(FUZZ_STATS) $(BIN)/pytest -q \
		-p no:cacheprovider tests/test_fuzz.py --hypothesis-show-statistics

# Not a timed test: prints figures (docs/performance.md). SCALE_DOSSIERS: ~100 records each.
# REALISTIC_RECORDS: sizes of the realistic corpus in written records (benchmarks/corpus.py, written
# to TMPDIR and removed; 1M records is 1,355 communities, 84k files, 470 MB, and minutes a run).
# FORMATS_RECORDS: the size at which every report format is run once (wall, peak RSS).
# The package is compiled to bytecode first, as an installed package is: with
# PYTHONDONTWRITEBYTECODE set (as on some CI machines) an editable install would otherwise
# compile every module at each command's start (0.1 s of a 2 s run).
SCALE_DOSSIERS ?= 40
SERVER_CLIENTS ?= 8
REALISTIC_RECORDS ?= 10000 100000 1000000
FORMATS_RECORDS ?= 100000
bench: $(STAMP_DEV)
	$(BIN)/python -m compileall -q src/governance_rules
	$(BIN)/python benchmarks/run.py
	$(BIN)/python benchmarks/formats.py
	$(BIN)/python benchmarks/scale.py --dossiers $(SCALE_DOSSIERS) --jobs 1 2 --dask
	$(BIN)/python benchmarks/realistic.py --written $(REALISTIC_RECORDS) --jobs 1 2 --dask \
		--formats-at $(FORMATS_RECORDS)
	$(BIN)/python benchmarks/server.py --clients $(SERVER_CLIENTS) --requests 25 --workers 1 2

docs: $(STAMP_DEV)
	$(BIN)/python -m governance_rules._docs > docs/rules.md

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache .hypothesis
