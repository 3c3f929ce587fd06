"""Shared test helpers: repository paths and the record walkers used by several tests."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = ROOT / "tests" / "expected"
SHARED = ROOT.parent / "shared"


@pytest.fixture
def in_root(monkeypatch):
    """Run from the repository root so that recorded source paths are relative."""
    monkeypatch.chdir(ROOT)
    return ROOT


def needs_shared():
    return pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="../shared/corpus is absent")


os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(ROOT / ".hypothesis"))
