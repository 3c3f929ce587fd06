# Everything installs from nothing: a fresh machine needs only python3, pip, make and git.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
IN     ?= samples
OUT    ?= output
JOBS   ?= 0

.PHONY: setup run test batch validate eval bench stress regen clean

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

## bench: throughput on the seed and the korea.kr corpus
bench: $(STAMP)
	$(BIN)/python scripts/bench.py

## stress: CPU time and peak memory of the pathological inputs (issue 16), parse and batch
stress: $(STAMP)
	$(BIN)/python scripts/stress.py
	$(BIN)/python scripts/stress.py --batch

## regen: rewrite golden files from the current pipeline; review the diff before committing
regen: $(STAMP)
	$(BIN)/python scripts/regen.py

clean:
	rm -rf $(VENV) build *.egg-info
	find $(OUT) -mindepth 1 ! -name .gitkeep -delete 2>/dev/null || true
