"""Every HTML page, korea.kr record and JSON record in ../shared/corpus parses, and says what
it is called. Skips when the shared corpus is absent."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import pipeline

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
FILES = sorted(p for ext in ("html", "md", "json") for p in CORPUS.rglob(f"*.{ext}")) if CORPUS.is_dir() else []
FORMATS = {".html": {"html", "korea_kr_html"}, ".md": {"markdown"}, ".json": {"json"}}

pytestmark = pytest.mark.skipif(not FILES, reason="../shared/corpus is not present")


def text_of(value: Any) -> str:
    """A title as the record holds it: a string, or an object with its text."""
    if isinstance(value, dict):
        value = value.get("text")
    return value.strip() if isinstance(value, str) else ""


def title_of(record: dict[str, Any]) -> str:
    """The release title, else the page headline."""
    return text_of(record["release"].get("title")) or text_of((record.get("page") or {}).get("headline"))


@pytest.fixture(scope="module")
def records() -> dict[Path, dict[str, Any]]:
    return {path: pipeline.parse_file(path) for path in FILES}


def test_every_input_parses_and_validates(records: dict[Path, dict[str, Any]]) -> None:
    invalid = {p.name: errs[:1] for p, r in records.items() if (errs := pipeline.validate(r))}
    assert invalid == {}


def test_format_is_recognised(records: dict[Path, dict[str, Any]]) -> None:
    wrong = {p.name: r["source"]["format"] for p, r in records.items()
             if r["source"]["format"] not in FORMATS[p.suffix]}
    assert wrong == {}


def test_every_input_has_a_title(records: dict[Path, dict[str, Any]]) -> None:
    untitled = sorted(p.name for p, r in records.items() if not title_of(r))
    if untitled and all(not title_of(r) for r in records.values()):
        pytest.xfail("no release title or page headline is extracted yet (release/page stages)")
    assert untitled == []
