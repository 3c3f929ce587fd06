"""The seed's three renditions (scraped text, UTF-8 page, CP949 page) and a mojibake copy
say the same things: every extracted field is equal once spans are set aside."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import pipeline
from pipeline.lexicon import load_lexicon
from pipeline.runner import new_document, run

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEED = "apec-2004-sme-forum"
RENDITIONS = (f"{SEED}.txt", f"{SEED}.html", f"{SEED}.cp949.html")
FIELDS = ("release", "contacts", "organizations", "sections", "event", "sessions", "people",
          "countries", "figures")


def without_spans(value: Any) -> Any:
    """The value with every 'span', 'spans' and 'mentions' (a list of spans) key removed."""
    if isinstance(value, dict):
        return {k: without_spans(v) for k, v in value.items() if k not in ("span", "spans", "mentions")}
    if isinstance(value, list):
        return [without_spans(v) for v in value]
    return value


@pytest.fixture(scope="module")
def records() -> dict[str, dict[str, Any]]:
    return {name: pipeline.parse_file(SAMPLES / name) for name in RENDITIONS}


@pytest.mark.parametrize("name", RENDITIONS[1:])
@pytest.mark.parametrize("field", FIELDS)
def test_rendition_agrees_with_text(records: dict[str, dict[str, Any]], name: str, field: str) -> None:
    expected = without_spans(records[RENDITIONS[0]].get(field))
    assert without_spans(records[name].get(field)) == expected


def test_sections_are_not_trivially_equal(records: dict[str, dict[str, Any]]) -> None:
    """Equality above means something only if the text rendition has a real outline."""
    sections = records[RENDITIONS[0]]["sections"]
    assert len(sections) >= 4 and any(node.get("children") for node in sections)


def test_renditions_report_their_source() -> None:
    seen = {name: pipeline.parse_file(SAMPLES / name)["source"] for name in RENDITIONS}
    assert [(s["format"], s["encoding"]) for s in seen.values()] == [
        ("text", "utf-8"), ("html", "utf-8"), ("html", "cp949")]


def test_every_rendition_validates(records: dict[str, dict[str, Any]]) -> None:
    for name, record in records.items():
        assert pipeline.validate(record) == [], name


def mojibake(text: str) -> str:
    """The seed as a Latin-1 viewer shows its CP949 bytes: '보도자료' → 'º¸µµÀÚ·á'."""
    return text.replace("\u00a0", " ").encode("cp949").decode("latin-1")


def test_mojibake_rendition_is_repaired() -> None:
    text = (SAMPLES / f"{SEED}.txt").read_text(encoding="utf-8")
    doc = run(new_document(mojibake(text).encode("utf-8"), "mojibake.txt"), load_lexicon())
    clean = pipeline.parse_file(SAMPLES / f"{SEED}.txt")
    for field in FIELDS:
        assert without_spans(doc.record.get(field)) == without_spans(clean.get(field)), field
    kinds = {r.kind for r in doc.repairs}
    assert "latin1_cp949" in kinds and kinds <= {"latin1_cp949", "lost_character"}
    for repair in doc.repairs:
        assert repair.span.slice(doc.text) == repair.after
