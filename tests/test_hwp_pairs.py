"""The same release saved as HWP 5 and as HWPX reads the same: lines, cells, hints, repairs
and the whole record except its source. Also: every .hwp/.hwpx of ../shared/corpus parses to a
schema-valid record. Skips when the shared corpus is absent."""
from __future__ import annotations

from pathlib import Path

import pytest

import pipeline
from pipeline.readers.hwp import read_hwp
from pipeline.readers.hwpx import read_hwpx

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
REAL = CORPUS / "real"
# Stems that exist in corpus/real/ as both .hwp and .hwpx; found, not listed, so new pairs join.
PAIRS = sorted(p.stem for p in REAL.glob("*.hwp") if p.with_suffix(".hwpx").is_file()) if REAL.is_dir() else []
NATIVE = sorted(p for p in CORPUS.glob("*/*") if p.suffix.lower() in (".hwp", ".hwpx")) if CORPUS.is_dir() else []

pytestmark = pytest.mark.skipif(not NATIVE, reason="../shared/corpus is not present")


@pytest.mark.parametrize("stem", PAIRS)
def test_a_pair_reads_the_same(stem):
    hwp = read_hwp((REAL / f"{stem}.hwp").read_bytes(), stem)
    hwpx = read_hwpx((REAL / f"{stem}.hwpx").read_bytes(), stem)
    assert hwp.lines == hwpx.lines
    assert hwp.cells == hwpx.cells
    assert hwp.hints == hwpx.hints
    assert hwp.repairs == hwpx.repairs
    assert hwp.warnings == hwpx.warnings


@pytest.mark.parametrize("stem", PAIRS)
def test_a_pair_gives_the_same_record(stem):
    records = [pipeline.parse_file(REAL / f"{stem}{suffix}") for suffix in (".hwp", ".hwpx")]
    for record in records:
        record.pop("source")
    assert records[0] == records[1]


def test_the_three_known_pairs_are_found():
    assert len(PAIRS) >= 3


@pytest.mark.parametrize("path", NATIVE, ids=lambda p: p.name)
def test_every_corpus_hwp_and_hwpx_parses(path):
    record = pipeline.parse_file(path)
    assert pipeline.validate(record) == []
    assert record["source"]["format"] == ("hwpx" if path.read_bytes().startswith(b"PK") else "hwp")
    assert record["text"].strip()
