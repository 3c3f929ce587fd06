"""Every HTML page, korea.kr record and JSON record in the known folders of ../shared/corpus
parses, and says what it is called. Skips when the shared corpus is absent.

Only the folders named in KNOWN_FOLDERS are read, each without descending: a folder added
to the corpus later (ground-truth Markdown without front matter, say) is not a case here
until it is added with the formats its files must have."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import pipeline
from pipeline.document import BlockKind, Document
from pipeline.lexicon import load_lexicon
from pipeline.runner import new_document, run

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
KNOWN_FOLDERS = ("seed", "real", "korea-kr")
FILES = sorted(p for folder in KNOWN_FOLDERS for ext in ("html", "md", "json")
               for p in (CORPUS / folder).glob(f"*.{ext}"))
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


# Title blocks that still hold a line render marked as chrome. (Segment's title search now
# skips lines by their hint too, so none is known.)
CHROME_TITLE_KNOWN: set[str] = set()


@pytest.fixture(scope="module")
def docs() -> dict[Path, Document]:
    lex = load_lexicon()
    return {path: run(new_document(path.read_bytes(), str(path)), lex) for path in FILES}


@pytest.fixture(scope="module")
def records(docs: dict[Path, Document]) -> dict[Path, dict[str, Any]]:
    return {path: doc.record for path, doc in docs.items()}


def test_every_input_parses_and_validates(records: dict[Path, dict[str, Any]]) -> None:
    invalid = {p.name: errs[:1] for p, r in records.items() if (errs := pipeline.validate(r))}
    assert invalid == {}


def test_format_is_recognised(records: dict[Path, dict[str, Any]]) -> None:
    wrong = {p.name: r["source"]["format"] for p, r in records.items()
             if r["source"]["format"] not in FORMATS[p.suffix]}
    assert wrong == {}


def test_every_input_has_a_title(records: dict[Path, dict[str, Any]]) -> None:
    assert sorted(p.name for p, r in records.items() if not title_of(r)) == []


def chrome_in_title(doc: Document) -> bool:
    return any(doc.line_hints.get(line.index) == BlockKind.CHROME and line.text
               for line in doc.lines_of(BlockKind.TITLE))


def test_no_title_is_made_of_chrome(docs: dict[Path, Document]) -> None:
    offenders = {p.name for p, doc in docs.items() if chrome_in_title(doc)}
    assert offenders - CHROME_TITLE_KNOWN == set()

