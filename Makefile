# Everything installs from nothing: a fresh machine needs only python3, pip, make and git.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
BENCH_STAMP := $(VENV)/.bench-stamp
IN     ?= samples
OUT    ?= output
JOBS   ?= 0

.PHONY: setup run test test-min batch validate export eval bench fingerprint stress regen clean review-test

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	@# -qq: quiet enough to hide setuptools' notice about editable installs
	$(BIN)/python -m pip install --quiet --quiet -e '.[test]'
	@# Warm the start-up caches (compiled lexicon patterns, parsed tables) the way pip compiles
	@# bytecode; a caller's PYTHONDONTWRITEBYTECODE would otherwise keep every run compiling them.
	env -u PYTHONDONTWRITEBYTECODE $(BIN)/python -m pipeline parse samples/apec-2004-sme-forum.txt > /dev/null
	touch $(STAMP)

## run: the main job — parse the bundled samples into output/ and validate what was written
run: batch validate

## batch: parse every release under IN into OUT (JOBS=0 means all cores)
batch: $(STAMP)
	$(BIN)/python -m pipeline batch $(IN) -o $(OUT) --jobs $(JOBS)

## validate: check every JSON document in OUT against the shipped schema
validate: $(STAMP)
	$(BIN)/python -m pipeline validate $(OUT)

## export: OUT (written by batch) into DuckDB tables, $(OUT).duckdb by default
DB ?= $(OUT).duckdb
export: $(STAMP)
	$(BIN)/python -m pipeline export $(OUT) --duckdb $(DB)

test: $(STAMP)
	$(BIN)/python -m pytest -q

## review-test: the review page, with and without a browser (headless Chromium; skips without it)
review-test: $(STAMP)
	$(BIN)/python -m pytest -q -rs tests/test_review.py tests/test_review_browser.py

## test-min: the suite in a second venv holding the lowest versions pyproject.toml allows
VENV_MIN := .venv-min
test-min:
	rm -rf $(VENV_MIN)
	$(PYTHON) -m venv $(VENV_MIN)
	$(VENV_MIN)/bin/python -m pip install --quiet --upgrade pip
	$(PYTHON) scripts/min_versions.py > $(VENV_MIN)/constraints.txt
	$(VENV_MIN)/bin/python -m pip install --quiet --quiet -c $(VENV_MIN)/constraints.txt -e '.[test]'
	$(VENV_MIN)/bin/python -m pytest -q -p no:cacheprovider

## eval: agreement figures over ../shared/corpus (skips when it is absent)
eval: $(STAMP)
	$(BIN)/python scripts/eval.py $(EVAL_ARGS)

## bench: CPU per input kind and per stage, batch throughput and memory, CLI start-up (issue 14's
## table); printed and written to output/bench/bench.json. BENCH_ARGS=--no-batch for a quick run.
bench: $(BENCH_STAMP)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

# The optional `bench` extra (trafilatura, the reference extractor); bench notes its absence.
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]' || echo "bench: trafilatura not installed, its ratio will be skipped"
	touch $(BENCH_STAMP)

## fingerprint: a hash of every input's output (samples, ../shared/corpus, korea.kr bodies) to
## prove a speed-up changed no byte: `make fingerprint > before.tsv`, then
## `make fingerprint FP_ARGS="--compare before.tsv"` lists what differs
fingerprint: $(STAMP)
	@$(BIN)/python scripts/fingerprint.py $(FP_ARGS)

## stress: CPU time and peak memory of the pathological inputs (issue 16), parse and batch
stress: $(STAMP)
	$(BIN)/python scripts/stress.py
	$(BIN)/python scripts/stress.py --batch

## regen: rewrite golden files from the current pipeline; review the diff before committing
regen: $(STAMP)
	$(BIN)/python scripts/regen.py

clean:
	rm -rf $(VENV) $(VENV_MIN) build *.egg-info
	find $(OUT) -mindepth 1 ! -name .gitkeep -delete 2>/dev/null || true
