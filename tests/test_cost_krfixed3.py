"""The fixed per-record cost of korea.kr records (issue 14, wave 8), without clocks. Each
shortcut gives what the plain form gave:
- phones.phone_lines is worked out once per document (document.once_per_document): release
  (the issuer in a contact line) and contacts both ask, and its scans of the text run once a
  parse; the memo answers what the function itself answers, and is worked out anew for a
  changed text or another lexicon.
- release.issuer_from_contacts searches the contact lines with ISSUER_SCAN_RE, ISSUER_RE's
  names folded into a trie (re-landed from b040f7d, reverted in 948a649): the same span and
  issuer as ISSUER_RE on a third of the korea.kr lines and on mixes of names, cut names and
  prefixes. Its first use compiles it: test_cost_krheader2's call bound warms release on copies
  of the same records before its counted window, so the compile is not counted.
"""
from __future__ import annotations

import copy
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

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


# --- release.issuer_from_contacts: ISSUER_SCAN_RE (a trie) against ISSUER_RE -----------------

ISSUER_NAMES = sorted(LEX.issuers)


def found_issuer(pattern, text: str):
    m = pattern.search(text)
    return m and (m.span(), m.group("issuer"))


def test_issuer_scan_finds_what_issuer_re_finds_on_korea_kr_lines():
    lines = [line for data, _ in korea_kr_texts(400, step=3)
             for line in data.decode("utf-8", errors="replace").splitlines()]
    hits = 0
    for line in lines:
        expected = found_issuer(LEX.ISSUER_RE, line)
        assert found_issuer(LEX.ISSUER_SCAN_RE, line) == expected, line
        hits += expected is not None
    assert hits > 100       # the lines hold issuers: the comparison is not of misses only


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(ISSUER_NAMES), st.sampled_from(ISSUER_NAMES).map(lambda n: n[:-1]),
                          st.sampled_from(["", " ", "과", "(", "문의: ", "044-215-"])), max_size=6).map("".join))
@example("산업통상자원부")
@example("산업부 과")
def test_issuer_scan_finds_what_issuer_re_finds_on_mixes(text):
    """Names next to each other, cut short, one a prefix of another ('산업부' / '산업통상자원부')."""
    assert found_issuer(LEX.ISSUER_SCAN_RE, text) == found_issuer(LEX.ISSUER_RE, text)

