"""The fixed per-document cost of the header stages on korea.kr records (issue 14, wave 6),
without clocks. Each shortcut gives what the plain form it replaces gave:
- normalize.split_lines makes each Line and its content Span by object.__new__ and sets their
  slots in place (no call of the classes' Python __init__): every slot of every line equals
  what Line(...) and Span(...) set, on random texts and on corpus texts;
- SENTENCE_CLOSE_RE opens with its period and looks back at the syllable before it (a literal
  first lets re skip ahead): the same matches as the lookbehind-first form, with and without
  the bounds release searches within;
- page.parse_board_date reads a date's parts by map/filter and writes the time by one %-format:
  the same answers as its comprehension and f-string form on random dates and times.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

import re

from pipeline.document import Line, Span
from datetime import date

from pipeline.lexicon import load_lexicon, sentence_stop_syllables
from pipeline.stages.page import parse_board_date, two_digit_year
from pipeline.stages.normalize import split_lines

from .complexity import operations
from .test_cost_fastheader5 import korea_kr_texts

LEX = load_lexicon()


# --- normalize: lines made without their classes' __init__ ------------------------------------

def lines_by_constructor(text: str) -> list[Line]:
    """split_lines as its classes' constructors define it: the oracle."""
    lines, start = [], 0
    for index, raw in enumerate(text.split("\n")):
        end = start + len(raw)
        indent = len(raw) - len(raw.lstrip())
        stripped = raw.strip()
        lines.append(Line(index, start, end, Span(start + indent, start + indent + len(stripped)), indent, stripped))
        start = end + 1
    return lines


def slots(line: Line) -> dict:
    values = {name: getattr(line, name) for name in Line.__slots__}
    values["content"] = {name: getattr(line.content, name) for name in Span.__slots__}
    return values


def assert_same_lines(text: str) -> None:
    made, expected = split_lines(text), lines_by_constructor(text)
    assert [slots(l) for l in made] == [slots(l) for l in expected]
    assert all(type(l) is Line and type(l.content) is Span for l in made)


@settings(max_examples=300)
@given(st.text(alphabet=" \t\u3000가a\n·", max_size=60))
def test_split_lines_sets_every_slot_as_the_constructors_do(text):
    assert_same_lines(text)


def test_split_lines_equals_the_constructors_on_corpus_texts():
    for data, _ in korea_kr_texts(60):
        assert_same_lines(data.decode("utf-8"))


def test_split_lines_calls_no_constructor():
    text = "\n".join(["  □ 가상 문장이다.  ", "", "가상 제목", "\t"] * 25)
    # 604 calls now (C calls only: lengths, strips, two object.__new__ a line); the two
    # __init__ calls a line made it 804 with the same C calls.
    assert operations(lambda: split_lines(text)) <= 650


# --- release: the sentence end found from its period -------------------------------------------

SENTENCE_CLOSE_BEHIND_FIRST = re.compile(rf"(?<=[{sentence_stop_syllables()}])\.(?=\s|$)")


def assert_same_sentence_ends(text: str) -> None:
    new, old = LEX.SENTENCE_CLOSE_RE, SENTENCE_CLOSE_BEHIND_FIRST
    assert [m.span() for m in new.finditer(text)] == [m.span() for m in old.finditer(text)]
    for pos, endpos in ((0, 80), (1, len(text) - 1), (len(text) // 2, len(text))):
        found, expected = new.search(text, pos, endpos), old.search(text, pos, endpos)
        assert (found and found.span()) == (expected and expected.span())


@settings(max_examples=300)
@given(st.text(alphabet="다요음임함가. \n1", max_size=40))
def test_sentence_close_matches_the_lookbehind_first_form(text):
    assert_same_sentence_ends(text)


def test_sentence_close_matches_the_lookbehind_first_form_on_corpus_lines():
    for data, _ in korea_kr_texts(200):
        for line in data.decode("utf-8").split("\n"):
            assert_same_sentence_ends(line)


def test_sentence_close_opens_with_a_literal():
    assert LEX.SENTENCE_CLOSE_RE.pattern.startswith("\\.")


# --- page: a board date read without comprehensions ------------------------------------------

def board_date_as_written(value, time, lex=LEX):
    """parse_board_date written out plainly, by string steps, without its patterns: the oracle.
    The forms read are page.BOARD_DATE_FORMS' — the year first (four digits or two), the month
    first only with slashes and a four-digit year; one separator written twice, a blank after
    each at most; anything else, and an impossible day or time, unread."""
    value = value.strip()
    value = value[:-1] if value.endswith(".") else value
    seps = [c for c in value if c in "./-"]
    if len(seps) != 2 or seps[0] != seps[1]:
        return None
    parts = value.split(seps[0])
    parts = [p[1:] if k and p.startswith(" ") else p for k, p in enumerate(parts)]
    if not all(p.isdigit() and p.isascii() for p in parts):
        return None
    a, b, c = parts
    if len(a) in (2, 4) and len(b) <= 2 and len(c) <= 2:
        year, month, day = int(a), int(b), int(c)
        year = two_digit_year(year) if len(a) == 2 else year
    elif seps[0] == "/" and len(a) <= 2 and len(b) <= 2 and len(c) == 4:
        month, day, year = int(a), int(b), int(c)
    else:
        return None
    try:
        day_iso = date(year, month, day).isoformat()
    except ValueError:
        return None
    if not time:
        return day_iso
    hh, mm, *ss = (int(p) for p in time.split(":"))
    if hh > 23 or mm > 59 or (ss and ss[0] > 59):
        return day_iso
    return f"{day_iso}T{hh:02d}:{mm:02d}:{(ss[0] if ss else 0):02d}+09:00"


NUMBER = st.integers(0, 2100).map(str)


@settings(max_examples=400)
@given(st.tuples(NUMBER, st.sampled_from(["/", "-", ". ", "."]), NUMBER, st.sampled_from(["/", "-", ". "]), NUMBER),
       st.one_of(st.none(), st.just(""),
                 st.tuples(st.integers(0, 30), st.integers(0, 70), st.one_of(st.none(), st.integers(0, 99))).map(
                     lambda t: ":".join(str(x) for x in t if x is not None)),
                 st.sampled_from(["15:44:06", "09:05", "7:00", "23:59:59", "24:00"])))
def test_parse_board_date_answers_as_written(parts, time):
    value = " " + "".join(parts) + " "
    assert parse_board_date(value, time, LEX) == board_date_as_written(value, time)


def test_parse_board_date_on_korea_kr_dates():
    assert parse_board_date("01/09/2020", "15:44:06", LEX) == "2020-01-09T15:44:06+09:00"
    assert parse_board_date("04/07/23", "12:07", LEX) == "2004-07-23T12:07:00+09:00"
    assert parse_board_date("2024-03-05", None, LEX) == "2024-03-05"
