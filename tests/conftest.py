"""Shared test helpers: repository paths and a fixture that runs from the repository root."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = ROOT / "tests" / "expected"


def sample_cases() -> list[str]:
    """The sample releases: every file in samples/ but hidden ones and the MANIFEST.tsv that
    says where each came from (batch skips it by its content too)."""
    from pipeline.corpusfile import bookkeeping_reason
    return sorted(p.name for p in SAMPLES.iterdir()
                  if p.is_file() and not p.name.startswith(".") and not bookkeeping_reason(p.read_bytes()))


@pytest.fixture
def in_root(monkeypatch):
    """Run from the repository root so that recorded source paths are relative."""
    monkeypatch.chdir(ROOT)
    return ROOT


os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(ROOT / ".hypothesis"))

# No wall-clock assertions: Hypothesis's default 200 ms deadline per example is one, and a busy
# CI machine can pass it on an ordinary parse. Cost is asserted by counting (tests/complexity.py).
from hypothesis import settings  # noqa: E402

settings.register_profile("no_deadline", deadline=None)
settings.load_profile("no_deadline")
