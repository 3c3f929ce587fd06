"""Figures: signs from the words after a number, durations, and counters that count only large
numbers (figures10). The single cases are in test_figures.CASES; here, the properties."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.lexicon import load_lexicon

from .test_figures import read

LEX = load_lexicon()
SIGN = LEX.semantic["units"]["sign"]

NUMBERS = st.sampled_from(["3", "12.5", "0.7", "1,250", "48"])
UNITS = st.sampled_from(["%", "%p", "명", "억원", "건", "톤"])
DECREASES = st.sampled_from(SIGN["decrease_after"] + SIGN["decrease_marks_after"])
RISES = st.sampled_from(["증가", "상승", "↑", "늘어", "확대"])
# What may stand between the figure and the word: nothing, a blank, an aside in parentheses.
GAPS = st.sampled_from(["", " ", "(전년 대비) ", " (잠정)"])


def glued(unit: str, gap: str) -> str:
    """`gap`, or a blank where none would glue a Hangul unit to the word after it ('3명감소' is
    read as no count, as '5건설' is none)."""
    return " " if not gap and "가" <= unit[-1] <= "힣" else gap


def only(text: str) -> dict:
    found, _ = read(text)
    assert len(found) == 1, (text, found)
    return found[0]


@settings(max_examples=300, deadline=None)
@given(NUMBERS, UNITS, GAPS, DECREASES)
def test_a_decrease_after_a_figure_negates_it_and_nothing_else(number, unit, gap, word):
    plain = only(f"총 {number}{unit} 규모")
    fallen = only(f"총 {number}{unit}{glued(unit, gap)}{word}")
    assert fallen["value"] == -plain["value"]
    assert (fallen["text"], fallen["unit"], fallen["kind"]) == (plain["text"], plain["unit"], plain["kind"])


@settings(max_examples=200, deadline=None)
@given(NUMBERS, UNITS, GAPS, RISES)
def test_a_rise_after_a_figure_leaves_it_as_written(number, unit, gap, word):
    assert only(f"총 {number}{unit}{glued(unit, gap)}{word}")["value"] == only(f"총 {number}{unit} 규모")["value"]


@settings(max_examples=200, deadline=None)
@given(NUMBERS, UNITS, DECREASES)
def test_a_decrease_before_a_figure_or_a_written_sign_keeps_its_sign(number, unit, word):
    plain = only(f"총 {number}{unit} 규모")["value"]
    assert only(f"{word}한 {number}{unit} 규모")["value"] == plain
    assert only(f"총 △{number}{unit} {word}")["value"] == -plain     # not negated twice
    assert only(f"총 +{number}{unit} {word}")["value"] == plain      # a written plus stands


@settings(max_examples=100, deadline=None)
@given(st.integers(1, 12), st.integers(1, 11))
def test_years_and_months_are_one_duration_whose_span_is_its_text(years, months):
    blank = " "     # ('1년1개월': a number glued to a word is read as none, the months alone neither)
    text = f"지난 {years}년{blank}{months}개월 동안"
    found, _ = read(text)
    assert [(f["value"], f["unit"]) for f in found] == [(years * 12 + months, "개월")]
    start, end = found[0]["span"]
    assert text[start:end] == found[0]["text"] == f"{years}년{blank}{months}개월"


@given(st.integers(1, 999), st.sampled_from(["호", "호실", "호선"]))
def test_a_small_number_before_ho_is_a_label(number, word):
    assert read(f"{number}{word} 앞")[0] == []


@given(st.integers(1, 99), st.sampled_from(["만호", "천호"]))
def test_a_large_number_before_ho_counts_housing_units(number, word):
    text = f"공급 {number}{word} 중"
    if word == "천호":          # 천 closes no 10⁴ group: '3천호' stays a label, like '3000호'
        assert read(text)[0] == []
        return
    assert [(f["value"], f["unit"]) for f in read(text)[0]] == [(number * 10_000, "호")]


def test_the_triangle_up_is_no_sign_and_the_triangles_down_are():
    assert "▲" not in SIGN["negative"]
    assert {"△", "▽", "▼"} <= set(SIGN["negative"])
    assert only("▲2.5%")["value"] == 2.5 and only("▽2.5%")["value"] == -2.5
