"""The fixed per-document cost outside the semantic stages (issue 14, wave 7), without clocks.
Each shortcut gives what the rule it replaces gave:
- sniff.is_binary asks whether a head holds any NUL (memchr) before it counts them: the same
  answer as the count against its share, on random heads, heads with byte-order marks and the
  corpus's files;
- sniff.match_native asks whether the bytes open with a native format's magic before it runs
  the format rules: the same answer as the rules alone, on random bytes around the magics and
  the corpus's HWPX/HWP files;
- segment's set of exact chrome lines is made once per lexicon, not per document;
- page.parse_board_date writes the korea.kr API's date ('12/26/2025') from its digits (checked
  by date.fromisoformat) and a zero-padded time as it stands: the same answers as the general
  rule for every month, day and four-digit year, padded or not, and on korea.kr records.
Measured (callgrind, /work/wt/ir.py, PYTHONHASHSEED=0): korea.kr record (every 10th) 5,358,182 ->
5,322,435 instructions a parse (-0.67%); seed text 28.77M -> 28.81M (within the run-to-run
spread of untouched stages, ~±0.3%; sniff alone 42.6k -> 13.7k on the seed).
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.lexicon import load_lexicon
from pipeline.runner import new_document
from pipeline.stages import segment, sniff

from .complexity import operations

LEX = load_lexicon()
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def corpus_files(limit: int) -> list[Path]:
    """Up to `limit` files of each corpus folder (every kind of input the pipeline reads)."""
    if not CORPUS.is_dir():
        pytest.skip("no ../shared/corpus")
    files = []
    for folder in sorted(p for p in CORPUS.iterdir() if p.is_dir()):
        files += sorted(p for p in folder.iterdir() if p.is_file())[:limit]
    return files


# --- sniff.is_binary: memchr before the count --------------------------------------------------

def binary_by_count(head: bytes) -> bool:
    """is_binary as it was: the NULs counted in every head without a byte-order mark."""
    if head.startswith(sniff.TEXT_BOMS):
        return False
    return head.count(0) > sniff.NUL_SHARE * len(head)


HEAD_BYTES = st.lists(st.sampled_from([b"\x00", b"a", b"\xea\xb0\x80", b"\xff", b"\n"]), max_size=80).map(b"".join)


@settings(max_examples=400)
@given(st.sampled_from([b""] + list(sniff.TEXT_BOMS)), HEAD_BYTES)
def test_is_binary_answers_as_the_count(bom, body):
    head = bom + body
    assert sniff.is_binary(head) == binary_by_count(head)


def test_is_binary_answers_as_the_count_on_corpus_heads():
    for path in corpus_files(40):
        head = path.read_bytes()[:sniff.HEAD_BYTES]
        assert sniff.is_binary(head) == binary_by_count(head), path.name


# --- sniff.match_native: the magics before the rules -------------------------------------------

def native_by_rules(data: bytes) -> str | None:
    """match_native as it was: every rule asked in turn."""
    return next((name for name, rule in sniff.NATIVE if rule(data)), None)


@settings(max_examples=300)
@given(st.sampled_from([b"", b"PK\x03\x04", sniff.OLE_MAGIC, b"PK\x03", sniff.OLE_MAGIC[:5], b"\xef\xbb\xbf"]),
       st.binary(max_size=40))
def test_match_native_answers_as_the_rules(magic, rest):
    data = magic + rest
    assert sniff.match_native(data) == native_by_rules(data)


def test_match_native_answers_as_the_rules_on_corpus_files():
    files = corpus_files(40)
    assert any(p.suffix in (".hwpx", ".hwp") for p in files)     # the rules' yes is tried too
    for path in files:
        data = path.read_bytes()
        assert sniff.match_native(data) == native_by_rules(data), path.name


def test_every_native_rule_needs_its_magic():
    """The shortcut's ground: a format rule says yes only of bytes opening with its magic."""
    for magic, (name, rule) in zip(sniff.NATIVE_MAGICS, sniff.NATIVE):
        assert not rule(b"x" + magic + b"mimetypeapplication/hwp+zip"), name


def called_names(fn) -> list[str]:
    """The names of the functions (Python and C) called while `fn()` runs, in order."""
    names: list[str] = []

    def called(frame, event, arg):
        if event == "c_call":
            names.append(arg.__name__)
        elif event == "call":
            names.append(frame.f_code.co_name)

    sys.setprofile(called)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return names


def test_sniff_of_a_text_makes_no_count_and_asks_no_rule():
    doc = new_document("보도자료\n\n가상부는 가상 제도를 시행한다.\n".encode() * 40, "x.txt")
    names = called_names(lambda: sniff.run(doc, LEX))
    assert "count" not in names and "is_hwpx" not in names and "is_hwp" not in names, names
    # 9 calls now; the count and the rules' calls and generator made it 16.
    assert operations(lambda: sniff.run(doc, LEX)) <= 11


# --- segment: the exact chrome lines as a set, once --------------------------------------------

def test_exact_chrome_is_made_once_and_is_the_list():
    assert segment.exact_chrome(LEX) is segment.exact_chrome(LEX)
    assert segment.exact_chrome(LEX) == frozenset(LEX.boilerplate["exact"])


# --- page: the API's dates read from their digits ----------------------------------------------

from .test_cost_krfixed import board_date_as_written      # noqa: E402  (the general rule, written out)
from pipeline.stages.page import parse_board_date          # noqa: E402

TWO = st.integers(0, 99).map(lambda n: f"{n:02d}")


@settings(max_examples=600)
@given(st.tuples(TWO, TWO, st.integers(0, 9999).map(lambda n: f"{n:04d}")),
       st.one_of(st.none(), st.just(""), st.tuples(TWO, TWO, TWO).map(":".join), st.tuples(TWO, TWO).map(":".join),
                 st.sampled_from(["7:00", "9:05:01", "23:59:59", "24:00:00", "00:60:00", "१२:००:००"])))
def test_api_dates_answer_as_the_general_rule(parts, time):
    """Every month, day and four-digit year (API_DATE_RE's form and its near misses: year 0999,
    month 13, 30 February) and times zero-padded or not."""
    value = "/".join(parts)
    assert parse_board_date(value, time, LEX) == board_date_as_written(value, time), (value, time)


def test_api_dates_answer_as_the_general_rule_on_korea_kr_records():
    from .test_cost_fastheader5 import korea_kr_texts
    for data, name in korea_kr_texts(300):
        found = LEX.APPROVE_DATE_RE.search(data.decode("utf-8").split('approve_date: "', 1)[-1])
        value, time = found.group("date"), found.group("time")
        assert LEX.API_DATE_RE.fullmatch(value), name      # the fast path is the one taken
        assert parse_board_date(value, time, LEX) == board_date_as_written(value, time), name


def test_api_dates_take_the_fast_path():
    """The API's form is read from its groups: no split into parts (and so no int() of each,
    which map makes without a call the profiler sees) and no %-format."""
    parse_board_date("12/26/2025", "10:34:37", LEX)     # the patterns compiled
    names = called_names(lambda: parse_board_date("12/26/2025", "10:34:37", LEX))
    assert "api_date" in names and "split" not in names, names
