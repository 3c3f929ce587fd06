"""The same release saved as HWP 5 and as HWPX reads the same: lines, cells, hints, repairs
and the whole record except its source. Also: every .hwp/.hwpx of ../shared/corpus parses to a
schema-valid record, and mutated real files end in a record or a typed error. Skips when the
shared corpus is absent."""
from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

import olefile
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipeline
from pipeline.readers.hwp import read_hwp
from pipeline.readers.hwpx import read_hwpx
from pipeline.readers.records import read_records

from tests.hwp_build import mutate, outcome_is_typed

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
    try:
        record = pipeline.parse_file(path)
    except pipeline.Protected:      # a file added later may be locked: refused by design, typed
        pytest.skip(f"{path.name} is password, DRM or distribution-only protected")
    assert pipeline.validate(record) == []
    assert record["source"]["format"] == ("hwpx" if path.read_bytes().startswith(b"PK") else "hwp")
    assert record["text"].strip()


# --- fuzzing over mutated real files -------------------------------------------------------

def smallest(suffix: str, magic: bytes) -> Path | None:
    found = [p for p in NATIVE if p.suffix == suffix and p.read_bytes().startswith(magic)]
    return min(found, key=lambda p: p.stat().st_size) if found else None


REAL_HWPX = smallest(".hwpx", b"PK")
REAL_HWP = smallest(".hwp", b"\xd0\xcf")


EDITS = st.lists(st.tuples(st.integers(0, 1 << 30), st.integers(0, 255)), min_size=1, max_size=6)


def rezip(path: Path, edits: list[tuple[int, int]]) -> bytes:
    """The real package with its first section's XML mutated, zipped again."""
    out = io.BytesIO()
    with zipfile.ZipFile(path) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == "Contents/section0.xml":
                data = mutate(data, edits)
            dst.writestr(info, data)
    return out.getvalue()


@pytest.mark.skipif(REAL_HWPX is None, reason="no real HWPX file")
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS)
def test_mutated_real_hwpx_bytes(edits):
    outcome_is_typed(mutate(REAL_HWPX.read_bytes(), edits), "fuzz.hwpx")


@pytest.mark.skipif(REAL_HWPX is None, reason="no real HWPX file")
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS)
def test_mutated_real_hwpx_section_xml(edits):
    outcome_is_typed(rezip(REAL_HWPX, edits), "fuzz.hwpx")


@pytest.mark.skipif(REAL_HWP is None, reason="no real HWP file")
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS)
def test_mutated_real_hwp_bytes(edits):
    outcome_is_typed(mutate(REAL_HWP.read_bytes(), edits), "fuzz.hwp")


@pytest.mark.skipif(REAL_HWP is None, reason="no real HWP file")
@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(EDITS)
def test_mutated_real_hwp_records(edits):
    """The real file's inflated section records mutated, then read by the walker."""
    ole = olefile.OleFileIO(io.BytesIO(REAL_HWP.read_bytes()))
    records = zlib.decompress(ole.openstream("BodyText/Section0").read(), -15)
    try:
        read_records("fuzz.hwp", "Section0", mutate(records, edits))
    except pipeline.PipelineError as exc:
        assert exc.code in ("malformed", "too_large")
