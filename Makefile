# Two commands do everything from a fresh clone: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test setup browser jena openrefine bench score score-record clean

run: $(STAMP)
	$(BIN)/kg build --out build
	@echo "the kg command is in $(BIN)/: run '. $(BIN)/activate' first, or call $(BIN)/kg"

test: $(STAMP) browser jena openrefine
	$(BIN)/python -m pytest -q

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# Headless Chromium and CJK fonts for the end-to-end page tests (Debian packages).
browser:
	@sh scripts/ensure-chromium

# Apache Jena's command-line clients for the SPARQL client tests (Debian packages).
jena:
	@sh scripts/ensure-jena

# OpenRefine for the end-to-end reconciliation test (Debian package).
openrefine:
	@sh scripts/ensure-openrefine

# The fuzz suite (tests/fuzzing.py) for longer than make test runs it: FUZZ_SECONDS per area,
# from a new seed each time (printed, so a finding can be replayed with KG_FUZZ_SEED=...).
FUZZ_SECONDS ?= 150
fuzz: $(STAMP)
	KG_FUZZ_SECONDS=$(FUZZ_SECONDS) KG_FUZZ_SEED=$${KG_FUZZ_SEED:-$$(date +%s)} $(BIN)/python -m pytest -q -s -p no:cacheprovider tests/test_fuzz.py

bench: $(STAMP)
	$(BIN)/python benchmarks/build_speed.py
	$(BIN)/python benchmarks/extract_speed.py
	$(BIN)/python benchmarks/query_store.py
	$(BIN)/python benchmarks/reconcile_batch.py
	@sh scripts/ensure-wrk
	$(BIN)/python benchmarks/serve_load.py
	$(BIN)/python benchmarks/corpus_scale.py

# The extraction scorecard on the realistic corpus (tests/data/realistic/) and on the held-out
# one (tests/data/heldout/); prints the tables and writes benchmarks/extraction-score*.md.
# score-record raises the floors the ratchet test holds.
score: $(STAMP)
	$(BIN)/python benchmarks/extraction_score.py
	$(BIN)/python benchmarks/extraction_score.py --corpus tests/data/heldout

score-record: $(STAMP)
	$(BIN)/python benchmarks/extraction_score.py --record
	$(BIN)/python benchmarks/extraction_score.py --record --corpus tests/data/heldout

clean:
	rm -rf $(VENV) build .pytest_cache .jena
