"""The fixed per-record cost of korea.kr records (issue 14, wave 8), without clocks. Each
shortcut gives what the plain form gave:
- phones.phone_lines is worked out once per document (document.once_per_document): release
  (the issuer in a contact line) and contacts both ask, and its scans of the text run once a
  parse; the memo answers what the function itself answers, and is worked out anew for a
  changed text or another lexicon.
"""
from __future__ import annotations

import copy
from pathlib import Path

import pytest

from pipeline.lexicon import load_lexicon
from pipeline.phones import phone_lines
from pipeline.runner import STAGES, new_document, run
from pipeline.stages import release

from .complexity import count_calls

LEX = load_lexicon()
NAMES = [name for name, _ in STAGES]
SAMPLES = Path(__file__).resolve().parents[1] / "samples"
KOREA_KR = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus" / "korea-kr"
# An invented release of five lines with a phone in its contact line.
TINY = "가상부 보도자료\n\n가상 제도 시행\n\n□ 가상부는 1일 새 제도를 시행한다.\n\n담당: 가상과 홍길동 (02-123-4567)\n"


def korea_kr_texts(limit: int, step: int = 1) -> list[tuple[bytes, str]]:
    if not KOREA_KR.is_dir():
        pytest.skip("no ../shared/corpus/korea-kr")
    return [(path.read_bytes(), path.name) for path in sorted(KOREA_KR.glob("*.md"))[::step][:limit]]


def doc_before(stage: str, data: bytes, name: str = "t.txt", lex=LEX):
    doc = new_document(data, name)
    run(doc, lex, STAGES[:NAMES.index(stage)])
    return doc


class CountedScan:
    """A lexicon pattern whose finditer calls are counted (other methods pass through)."""

    def __init__(self, pattern) -> None:
        self.pattern, self.scans = pattern, 0

    def finditer(self, *args):
        self.scans += 1
        return self.pattern.finditer(*args)

    def __getattr__(self, name):
        return getattr(self.pattern, name)


def counting_lexicon(*names: str):
    lex = copy.copy(LEX)
    counted = {name: CountedScan(getattr(LEX, name)) for name in names}
    lex.__dict__.update(counted)
    return lex, counted


# --- phone_lines: once per document ---------------------------------------------------------

def test_a_parse_scans_for_phone_tails_once(monkeypatch):
    lex, counted = counting_lexicon("PHONE_TAIL_DASH_RE", "PHONE_TAIL_DOT_RE")
    asked = count_calls(monkeypatch, release, "contact_lines")
    records = korea_kr_texts(100, step=10)
    for data, name in records:
        run(new_document(data, name), lex)
    assert asked["n"] > 10      # release asked which lines hold a phone, and contacts asks on every record
    assert [scan.scans for scan in counted.values()] == [len(records), len(records)]


def test_the_kept_phone_lines_are_the_functions_own_on_korea_kr_records():
    for data, name in korea_kr_texts(200, step=5):
        doc = doc_before("contacts", data, name)     # release asked already
        assert phone_lines(doc, LEX) == phone_lines.__wrapped__(doc, LEX), name


def test_the_memo_is_worked_out_anew_for_another_text_or_lexicon():
    doc = doc_before("release", TINY.encode())
    assert phone_lines(doc, LEX) == {6}
    other = doc_before("release", TINY.replace("02-123-4567", "가상").encode())
    doc.text, doc.lines = other.text, other.lines       # a test's hand-made change
    assert phone_lines(doc, LEX) == frozenset()
    lex, counted = counting_lexicon("PHONE_TAIL_DASH_RE")
    assert phone_lines(doc, lex) == frozenset() and counted["PHONE_TAIL_DASH_RE"].scans == 1
    assert phone_lines(copy.deepcopy(doc), lex) == frozenset() and counted["PHONE_TAIL_DASH_RE"].scans == 1
