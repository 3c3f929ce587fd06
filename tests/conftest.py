"""Shared test helpers: repository paths and a fixture that runs from the repository root."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
EXPECTED = ROOT / "tests" / "expected"


@pytest.fixture
def in_root(monkeypatch):
    """Run from the repository root so that recorded source paths are relative."""
    monkeypatch.chdir(ROOT)
    return ROOT


os.environ.setdefault("HYPOTHESIS_STORAGE_DIRECTORY", str(ROOT / ".hypothesis"))
