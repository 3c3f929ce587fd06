"""Golden files: each samples/<case> has tests/expected/<case>.json (written by `make regen`,
reviewed by eye before committing)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

import pipeline

from .conftest import EXPECTED, sample_cases
from .invariants import span_problems

CASES = sample_cases()


@pytest.mark.parametrize("case", CASES)
def test_golden(case, in_root):
    expected_file = EXPECTED / f"{case}.json"
    assert expected_file.exists(), f"no golden for {case}: run `make regen` and review it"
    record = pipeline.parse_file(Path("samples") / case)
    assert record == json.loads(expected_file.read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES)
def test_sample_spans_hold_their_values(case, in_root):
    record = pipeline.parse_file(Path("samples") / case)
    assert span_problems(record) == []
    assert pipeline.validate(record) == []
