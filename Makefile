# Everything installs from nothing: a fresh machine needs only python3, pip, make and git.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
BENCH_STAMP := $(VENV)/.bench-stamp
IN     ?= samples
OUT    ?= output
JOBS   ?= 0

.PHONY: setup run test batch validate eval bench regen clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

## run: the main job — parse the bundled samples into output/ and validate what was written
run: batch validate

## batch: parse every release under IN into OUT (JOBS=0 means all cores)
batch: $(STAMP)
	$(BIN)/python -m pipeline batch $(IN) -o $(OUT) --jobs $(JOBS)

## validate: check every JSON document in OUT against the shipped schema
validate: $(STAMP)
	$(BIN)/python -m pipeline validate $(OUT)

test: $(STAMP)
	$(BIN)/python -m pytest -q

## eval: agreement figures over ../shared/corpus (skips when it is absent)
eval: $(STAMP)
	$(BIN)/python scripts/eval.py

## bench: CPU per input kind and per stage, batch throughput and memory, CLI start-up (issue 14's
## table); printed and written to output/bench/bench.json. BENCH_ARGS=--no-batch for a quick run.
bench: $(BENCH_STAMP)
	$(BIN)/python scripts/bench.py $(BENCH_ARGS)

# The optional `bench` extra (trafilatura, the reference extractor); bench notes its absence.
$(BENCH_STAMP): $(STAMP)
	$(BIN)/python -m pip install --quiet -e '.[bench]' || echo "bench: trafilatura not installed, its ratio will be skipped"
	touch $(BENCH_STAMP)

## regen: rewrite golden files from the current pipeline; review the diff before committing
regen: $(STAMP)
	$(BIN)/python scripts/regen.py

clean:
	rm -rf $(VENV) build *.egg-info
	find $(OUT) -mindepth 1 ! -name .gitkeep -delete 2>/dev/null || true
