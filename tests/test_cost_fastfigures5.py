"""Cost of figures without clocks (issue 14, fifth pass): a number of Arabic digits before one
multiplier ('50억') read without the numeral walk; the scans' figure group without FIGURE_RE's
two opening assertions, which the scan has tested on the same character; a figure's text and
a plain number taken without a call where the call would change nothing. Each is held here to
what it replaced, and the stage's calls on the seed are bounded."""
from __future__ import annotations

from decimal import Decimal

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.lexicon import load_lexicon
from pipeline.stages import figures

from .complexity import operations
from .test_cost_fastfigures3 import before, fresh
from .test_cost_fastfigures4 import SEED, STAGE

LEX = load_lexicon()
NUMERALS = LEX.semantic["units"]["numerals"]
MULTIPLIERS = sorted(NUMERALS["small"]) + sorted(NUMERALS["large"])
# figures on the seed, in calls operations() counts: 1,021 before this pass, 910 after it
CALLS_BOUND = 1_000

# --- read_multiplied: what the numeral walk reads -------------------------------------------

COEFFICIENTS = st.one_of(
    st.integers(min_value=0, max_value=10**22).map(str),
    st.integers(min_value=0, max_value=10**12).map(lambda n: f"{n:,}"),
    st.tuples(st.integers(min_value=0, max_value=10**30), st.integers(min_value=0, max_value=10**8))
    .map(lambda p: f"{p[0]}.{p[1]}"),
    st.tuples(st.integers(min_value=0, max_value=10**6), st.text("0123456789", min_size=1, max_size=35))
    .map(lambda p: f"{p[0]:,}.{p[1]}"),
)


@settings(max_examples=1500, deadline=None)
@given(COEFFICIENTS, st.sampled_from(MULTIPLIERS))
@example("0", "억")                                 # a zero coefficient: the walk gives None
@example("0", "천")                                 # … but 0 before 천/백/십 is a zero
@example("0.0", "만")
@example("999999999", "조")                         # past 10¹⁸: the Decimal walk
@example("1" * 19, "만")                            # a coefficient too long for an int
@example("1.2345678901234567890123456789012", "만")   # Decimal rounding past 28 digits
@example("123456789012345678901234567.5", "천")
def test_a_multiplied_number_reads_as_the_walk_reads_it(coefficient, multiplier):
    number = coefficient + multiplier
    fast = figures.parse_number(number, LEX)
    walked = figures.read_numerals(number, LEX)
    assert fast == walked
    if fast is not None:
        assert type(fast[0]) is type(walked[0])
        assert str(fast[0]) == str(walked[0])      # the same Decimal, exponent and all


def test_multiplied_numbers_skip_the_walk():
    """'50억' takes no NumberReader and no token scan: 12 calls before this pass, 10 now (the
    calls left are C calls, 2× cheaper in all); a number of several groups still takes the walk,
    at no call more than before."""
    for number in ("50억", "2,500만", "3.5조", "6천"):
        figures.parse_number(number, LEX)
        assert operations(lambda n=number: figures.parse_number(n, LEX)) <= 10, number
    for number, calls in (("42억6천만", 16), ("3조 4000억", 15), ("2004", 5), ("1,319", 8)):
        assert operations(lambda n=number: figures.parse_number(n, LEX)) <= calls, number


def test_only_plain_numbers_and_one_multiplier_take_the_fast_reading():
    pattern = LEX.ARABIC_NUMBER_RE
    assert pattern.fullmatch("1,319").lastindex is None
    assert pattern.fullmatch("3.5조").lastindex == 1
    for number in ("42억6천만", "3조 4000억", "3,775 억", "1,2345억", "일백만", "5천만", "3억억"):
        assert pattern.fullmatch(number) is None, number


# --- the scans' figure group: FIGURE_RE without what the scan tested -----------------------

def test_the_scans_hold_figure_re_after_its_opening_assertions():
    lines = LEX.FIGURE_RE.pattern.split("\n")
    assert "fail fast" in lines[1] and lines[2].strip().startswith("(?<![")
    rest = "\n".join(lines[3:])
    assert rest.strip() in LEX.FIGURE_SCAN_RE.pattern
    # FIGURE_KEPT_SCAN_RE tests FIGURE_RE's opening test before its loose-number test, outside
    # the group (scan6): the test and the rest, each whole.
    first, body = lines[3].strip(), "\n".join(lines[4:]).strip()
    assert first.startswith("(?=") and first in LEX.FIGURE_KEPT_SCAN_RE.pattern
    assert body in LEX.FIGURE_KEPT_SCAN_RE.pattern
    for scan in (LEX.FIGURE_SCAN_RE, LEX.FIGURE_KEPT_SCAN_RE):
        assert "fail fast" not in scan.pattern      # the opening look-ahead is the scan's class


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(["7", "2004", "1,319", "3.5", " ", "\n", "억", "만", "천", "일", "이", "백",
                                 "원", "년", "%", "약 ", "미화 ", "△", "-", "여", " 이상", "기업", "A", ".", ",",
                                 "(", "~", "사이"]), max_size=25))
def test_the_scan_finds_what_figure_re_finds(pieces):
    text = "".join(pieces)
    scanned = [m.span(figures.FIGURE) + m.groups()[1:] for m in figures.figure_matches(text, 0, len(text), LEX)]
    assert scanned == [m.span() + m.groups() for m in LEX.FIGURE_RE.finditer(text)]


# --- a figure's text: collapse only where it changes something ----------------------------

@settings(max_examples=500, deadline=None)
@given(st.text(" \n\t\u3000약3억원%, ", min_size=1, max_size=12))
def test_a_figure_text_is_its_collapsed_form(value):
    from pipeline.text import collapse
    text = "x" + value + "x"
    cand = figures.Candidate(1, 1 + len(value), 7, None, "count", None, False, False)
    assert figures.to_figure(cand, text).text == collapse(value)


# --- calls per parse -----------------------------------------------------------------------

def test_figures_calls_on_the_seed():
    doc = before("figures", SEED.read_bytes(), "seed.txt")
    STAGE["figures"](fresh(doc), LEX)       # warm: patterns compiled on first use
    assert operations(lambda: STAGE["figures"](fresh(doc), LEX)) <= CALLS_BOUND


def test_decimal_coefficients_stay_decimals():
    assert type(figures.parse_number("3.5억", LEX)[0]) is Decimal
    assert type(figures.parse_number("2,500만", LEX)[0]) is int


# --- a bare number before a connector and a number that can end no range ------------------

def figures_of(text: str) -> list:
    doc = before("figures", ("□ " + text + "\n").encode(), "t.txt")
    STAGE["figures"](doc, LEX)
    return [f.to_json() for f in doc.figures]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(["044", "200", "1,319", "3", "-", "~", " ~ ", "내지", " ", "%", "억원", "년",
                                 "개", "명", "이상", "미화 ", "약 ", "기업", "(", "2004", "3.5"]), max_size=14))
@example(["044", "-", "200", "-", "1,319"])          # a telephone number: no figure
@example(["3", "~", "5", "%"])                        # a range: its high end has a unit
@example(["3", "-", "미화 ", "5"])                    # … or a currency
def test_a_number_that_can_end_no_range_lets_the_one_before_go(pieces):
    """What is_loose_bare_number tells with can_end_range is what the full reading gives
    without it (every connector taken as a possible range)."""
    text = "".join(pieces)
    fast = figures_of(text)
    real = figures.can_end_range
    figures.can_end_range = lambda m: True
    try:
        slow = figures_of(text)
    finally:
        figures.can_end_range = real
    assert fast == slow


def test_a_telephone_number_costs_no_candidate():
    calls = []
    real = figures.match_candidate
    figures.match_candidate = lambda *a, **k: calls.append(a) or real(*a, **k)
    try:
        assert figures_of("문의: 044-200-1234, 02-2100-3000") == []
    finally:
        figures.match_candidate = real
    assert calls == []
