"""Cost of figures and organizations without clocks (issue 14, second pass): a flattened
table's bare numbers reach no pattern past the scan, whole numbers are read as ints, and the
ints give what the Decimal walk gave — as property tests against the Decimal reading."""
from __future__ import annotations

import re
from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.document import Document, Source
from pipeline.stages import figures

from .complexity import operations
from .test_cost_fastfigures import LEX, SEED, STAGE, body, counting, parsed


def document(text: str) -> Document:
    return Document(source=Source(path="t", sha256="0" * 64, bytes=len(text)), raw=b"", text=text)


def table(rows: int) -> str:
    """A flattened table: rows of seven bare numbers, none of them a figure."""
    return "\n".join(" ".join(str(1000 + 37 * (row * 7 + col)) for col in range(7)) for row in range(rows))


# --- a flattened table's numbers are told apart by string tests ------------------------------

def test_bare_table_numbers_reach_no_pattern_past_the_scan():
    text = table(20)
    lex, counters = counting("RANGE_JOIN_RE", "GROUPED_NUMBER_RE", "NOUN_AFTER_RE", "NUMERAL_TOKEN_RE",
                             "ORDINAL_BEFORE_RE")
    assert figures.figures_of(text, 0, len(text), document(text), lex) == []
    # was one RANGE_JOIN_RE, GROUPED_NUMBER_RE and ORDINAL_BEFORE_RE call per number (140 each)
    assert {name: c.calls for name, c in counters.items()} == {name: {} for name in counters}


def test_bare_table_numbers_cost_a_few_calls_each():
    small, large = table(50), table(200)
    for text in (small, large):
        figures.figures_of(text, 0, len(text), document(text), LEX)      # warm
    calls = [operations(lambda t=t: figures.figures_of(t, 0, len(t), document(t), LEX)) for t in (small, large)]
    # 17 calls per number before this pass (5,956 for 350 numbers), 9 after (3,162)
    assert calls[0] <= 11 * 350
    assert calls[1] <= 4.2 * calls[0]            # linear in the numbers


def test_ordinals_before_bare_numbers_still_count_against_the_cap():
    """A loose bare number counts as read unless an ordinal stands before it; scan asks the
    ordinal only when the count can reach the limit. The cap gives what reading each number
    into a candidate gives."""
    from .test_figures import figures_read_one_by_one
    text = "제 7 세션 3 7 30% 제 8 20% 9 세션 4 40% 5 50%"
    for limit in range(0, 12):
        kept = figures.figures_of(text, 0, len(text), document(text), LEX, limit)
        assert kept == figures_read_one_by_one(text, limit), limit


def test_a_comma_grouped_count_before_a_noun_is_still_a_figure():
    """The string tests settle only what the patterns would have rejected."""
    text = "1,319 중규모 기업과 1319 기업, 2,488 3,054"
    found = figures.figures_of(text, 0, len(text), document(text), LEX)
    assert [(f["text"], f["value"]) for f in found] == [("1,319", 1319)]


# --- whole numbers as ints ----------------------------------------------------------------

def test_whole_numbers_are_read_as_ints():
    assert type(figures.parse_number("2004", LEX)[0]) is int
    assert type(figures.parse_number("1,319", LEX)[0]) is int
    assert type(figures.parse_number("42억6천만", LEX)[0]) is int
    assert type(figures.parse_number("3.5", LEX)[0]) is Decimal
    assert type(figures.parse_number("3.5억", LEX)[0]) is Decimal
    # past 10¹⁸ the Decimal reading (rounded to 28 digits) stays, value or no value
    assert type(figures.parse_number("1" * 30, LEX)[0]) is Decimal
    assert type(figures.parse_number("1" * 20 + "억", LEX)[0]) is Decimal


def test_reading_a_number_costs_few_calls():
    for number, bound in (("42억6천만", 18), ("3조 4000억", 17), ("2004", 5), ("1,319", 8)):
        figures.parse_number(number, LEX)
        # before this pass: 21, 19, 5, 6 (the grouped number now skips the Decimal for an int)
        assert operations(lambda n=number: figures.parse_number(n, LEX)) <= bound, number


PIECES = ["1", "7", "42", "1,319", "3.5", "0", "999999999", "12345678901234567890", " ",
          "일", "이", "구", "십", "백", "천", "만", "억", "조"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=8))
@example(["999999999", "천", "조", " ", "999999999", "만"])     # past 10¹⁸ in ints
@example(["12345678901234567890", "억", " ", "3.5", "만"])      # a long int, then a Decimal
def test_the_int_walk_reads_what_the_decimal_walk_reads(pieces):
    number = "".join(pieces).strip()
    fast, exact = figures.read_numerals(number, LEX), figures.read_numerals(number, LEX, exact=True)
    assert (fast is None) == (exact is None)
    if fast is not None:
        assert fast == exact
        assert figures.plain(fast[0]) == figures.plain(exact[0])
        assert type(figures.plain(fast[0])) is type(figures.plain(exact[0]))


@settings(max_examples=500, deadline=None)
@given(st.integers(0, 10**22), st.booleans())
def test_plain_numbers_read_as_ints_give_the_decimal_output(value, grouped):
    number = f"{value:,}" if grouped else str(value)
    fast = figures.parse_number(number, LEX)
    exact = figures.read_numerals(number, LEX, exact=True)
    assert fast == exact
    assert figures.plain(fast[0]) == figures.plain(exact[0])
    assert type(figures.plain(fast[0])) is type(figures.plain(exact[0]))


# --- whole stages on the seed ---------------------------------------------------------------

def test_figures_calls_on_the_seed():
    doc = parsed(SEED.read_bytes(), "seed.txt")
    STAGE["figures"](doc, LEX)       # warm
    # 2,464 at this pass's start, 1,945 after (ints, Figures made directly, string tests)
    assert operations(lambda: STAGE["figures"](doc, LEX)) <= 2_250


def test_organizations_calls_do_not_grow_with_lines_without_parentheses():
    def calls(n: int) -> int:
        doc = parsed(body(["□ 산림청(청장 홍길동)은 숲 가꾸기를 시작했다."] + ["  ○ 올해 사업을 넓힌다."] * n))
        STAGE["organizations"](doc, LEX)
        return operations(lambda: STAGE["organizations"](doc, LEX))
    assert calls(300) <= calls(5) + 10


# --- FIGURE_RE: the first-character guards change no match ---------------------------------

GUARDED_GROUPS = ("approx_before", "currency_before", "unit", "approx_after")
GUARD_RE = re.compile(r"\(\?=\[(?:\\.|[^\]\\])*\]\)(?=\(\?P<(?:" + "|".join(GUARDED_GROUPS) + r")>)")
UNGUARDED_FIGURE_RE = re.compile(GUARD_RE.sub("", LEX.FIGURE_RE.pattern), LEX.FIGURE_RE.flags)
FIGURE_PIECES = ["7", "1,319", "3.5", "42", " ", "\n", "~", "억", "만", "천", "일백", "원", "엔", "불", "달러",
                 "%", "%p", "명", "개국", "배", "년", "약", "약 ", "대략", "미화 ", "US$", "$", "₩", "△", "-", "+",
                 "여", "가량", " 이상", "내외", "정도", "은", "의", "기업", "(", ")"]


def test_every_word_group_has_its_guard():
    assert len(GUARD_RE.findall(LEX.FIGURE_RE.pattern)) == len(GUARDED_GROUPS)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(FIGURE_PIECES), max_size=24))
@example(["약 ", "미화 ", "6", "천", "만", "불", " 이상"])
@example(["30", "%", " ", "가량"])
def test_figure_pattern_matches_what_it_matched_without_the_guards(pieces):
    text = "".join(pieces)
    def found(pattern):
        return [m.span() + m.groups() for m in pattern.finditer(text)]
    assert found(LEX.FIGURE_RE) == found(UNGUARDED_FIGURE_RE)
