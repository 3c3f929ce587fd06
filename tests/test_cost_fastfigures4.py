"""Cost of figures without clocks (issue 14, fourth pass): FIGURE_RE written so re runs it on
fewer steps; its matches found by FIGURE_SCAN_RE, which opens with a character class so re
skips ahead in C; numbers that are never figures passed over by FIGURE_KEPT_SCAN_RE. Each is
held here to what it replaced (the old pattern, FIGURE_RE's finditer, the figures of the full
scan) by property tests, and the stage's calls on the seed and on a table are bounded."""
from __future__ import annotations

import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.document import Document, Source, Span
from pipeline.lexicon import load_lexicon
from pipeline.runner import STAGES, new_document, run
from pipeline.stages import figures

from .complexity import operations
from .test_cost_fastfigures import body
from .test_cost_fastfigures3 import MARKERS, assert_same_as_node_by_node, before

LEX = load_lexicon()
SEED = Path(__file__).resolve().parent.parent / "samples" / "apec-2004-sme-forum.txt"
STAGE = dict(STAGES)
# figures on the seed, in calls operations() counts: 1,168 before this pass, 1,021 after
CALLS_BOUND = 1_120

# --- FIGURE_RE: possessive digit runs and branches for optional groups change no match ------

LARGE = "".join(LEX.semantic["units"]["numerals"]["large"])
# What this pass replaced, new piece → old piece. The old arabic number tried a run of 1–3
# digits at each length before the whole run; the loop's blanks were guarded by a look-behind
# first; every optional group was a `?` on a group.
REPLACED = [
    (r"\d\d{0,2}+(?:(?:,\d{3})++|\d*+)(?:\.\d++)?", r"(?>\d{1,3}(?:,\d{3})+|\d+)(?>\.\d+)?"),
    (rf"\s(?<=[{LARGE}]\s)(?=[0-9])|\s(?<=[0-9]\s)(?=[{LARGE}])",
     rf"(?<=[{LARGE}])\s(?=[0-9])|(?<=[0-9])\s(?=[{LARGE}])"),
]
OPTIONAL_BRANCH_RE = re.compile(r"\|\)$", re.MULTILINE)     # a line's optional group `(?:…|)`


def old_figure_pattern() -> re.Pattern[str]:
    source = LEX.FIGURE_RE.pattern
    for new, old in REPLACED:
        assert new in source
        source = source.replace(new, old)
    assert len(OPTIONAL_BRANCH_RE.findall(source)) == 6
    return re.compile(OPTIONAL_BRANCH_RE.sub(")?", source), LEX.FIGURE_RE.flags)


OLD_FIGURE_RE = old_figure_pattern()
PIECES = ["7", "12", "123", "1234", "2004", ",", ",000", ",5", ",12", ".", ".5", "3.5", "1,319", "42",
          " ", "  ", "\n", "억", "만", "조", "천", "백", "일", "일백", "이", "원", "엔", "불", "달러", "%", "%p",
          "명", "개국", "년", "약", "약 ", "미화 ", "US$", "△", "-", "+", "여", "가량", " 이상", "은", "기업",
          "(", ")", "~", "A", "٣"]


def found(pattern: re.Pattern[str], text: str) -> list:
    return [m.span() + m.groups() for m in pattern.finditer(text)]


def test_the_old_pattern_is_another_source():
    assert OLD_FIGURE_RE.pattern != LEX.FIGURE_RE.pattern


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30))
@example(["1", ",234", ",5678", ",000"])          # a 4-digit group: '1,234,567' then '8,000'
@example(["1234", ",000", "억"])                   # a run too long for comma groups
@example(["12", ",34", "만", " ", "5"])            # a comma not followed by three digits
@example(["3", " ", "억", " ", "5", "천", "만", "원"])  # blanks before and after a multiplier
@example(["약 ", "미화 ", "6", "천", "만", "불", " 이상"])
def test_the_pattern_matches_what_the_old_one_matched(pieces):
    text = "".join(pieces)
    assert found(LEX.FIGURE_RE, text) == found(OLD_FIGURE_RE, text)


def test_the_seed_numbers_are_those_of_the_old_pattern():
    text = SEED.read_text(encoding="utf-8")
    assert len(found(LEX.FIGURE_RE, text)) > 50
    assert found(LEX.FIGURE_RE, text) == found(OLD_FIGURE_RE, text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES[:18] + ["억", "만", "천", "백", "십"]), min_size=1, max_size=12))
def test_numeral_tokens_are_those_of_the_old_arabic(pieces):
    """NUMERAL_TOKEN_RE reads the number with the same arabic piece."""
    text = "".join(pieces)
    old = re.compile(LEX.NUMERAL_TOKEN_RE.pattern.replace(*REPLACED[0]))
    assert LEX.NUMERAL_TOKEN_RE.pattern != old.pattern
    assert LEX.NUMERAL_TOKEN_RE.findall(text) == old.findall(text)


# --- FIGURE_SCAN_RE: FIGURE_RE's matches, found where its opener's class holds ----------------

def scanned(text: str, start: int, end: int) -> list:
    return [m.span(figures.FIGURE) + m.groups()[1:] for m in figures.figure_matches(text, start, end, LEX)]


@settings(max_examples=1000, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.integers(0, 40), st.integers(0, 40))
@example(["5", "%", "-", "3", "%"], 0, 5)          # '-3%' after '5%': '3%' inside it is no match
@example(["약 ", "미화 ", "6", "천", "만", "불"], 0, 9)  # found again from '6' inside the number
@example(["A", "7", "%"], 1, 3)                   # the look-behind sees before the region
@example(["7", "억", " ", "5"], 0, 3)              # a look-ahead stops at the region's end
def test_figure_matches_are_the_finditer_of_figure_re(pieces, a, b):
    text = "".join(pieces)
    start, end = sorted((min(a, len(text)), min(b, len(text))))
    assert scanned(text, start, end) == found_in(LEX.FIGURE_RE, text, start, end)


def found_in(pattern: re.Pattern[str], text: str, start: int, end: int) -> list:
    return [m.span() + m.groups() for m in pattern.finditer(text, start, end)]


def test_the_seed_is_scanned_alike_and_numbers_are_found_again_inside_numbers():
    text = SEED.read_text(encoding="utf-8")
    assert scanned(text, 0, len(text)) == found_in(LEX.FIGURE_RE, text, 0, len(text))
    # the drop in figure_matches is needed: the scan alone finds some numbers inside others
    assert len(list(LEX.FIGURE_SCAN_RE.finditer(text))) > len(scanned(text, 0, len(text)))


def test_the_scan_opens_with_a_character_class():
    """What lets re skip ahead in C: the pattern's first element is a class (no look-ahead)."""
    assert LEX.FIGURE_SCAN_RE.pattern.startswith("[")
    assert not LEX.FIGURE_RE.pattern.lstrip().startswith("[")


# --- the stage's cost on the seed ---------------------------------------------------------

def test_figures_calls_on_the_seed():
    doc = before("figures", SEED.read_bytes(), "seed.txt")
    STAGE["figures"](doc, LEX)       # warm
    assert operations(lambda: STAGE["figures"](doc, LEX)) <= CALLS_BOUND


def test_a_table_s_bare_numbers_cost_no_calls():
    """A table row of five numbers ('6331 2,488 -2.7 3.5 12'), none a figure: before this pass
    each row cost 51 calls (a match read and judged per number); now only the comma-grouped one
    is read (13)."""
    def calls(rows: int) -> int:
        lines = ["□ 예산은 42억원이다."] + [f"  ○ 매출 {6331 + i} 2,488 -2.7 3.5 12" for i in range(rows)]
        doc = before("figures", body(lines))
        STAGE["figures"](doc, LEX)
        assert [f["text"] for f in (fig.to_json() for fig in doc.figures)] == ["42억원"]
        return operations(lambda: STAGE["figures"](doc, LEX))
    assert calls(200) - calls(10) <= 190 * 20


# --- FIGURE_KEPT_SCAN_RE: the numbers it leaves out change no figure -------------------------

TABLE_PIECES = ["6331", "2,488", "-2.7", "+1,512", "3.5", "12", "1,319", " ", "  ", "\n", "\t", "~", " ~ ", "-",
                " 내지 ", "부터", "까지", "%", " %", "억", " 억", "만", "원", "개", " 개", "명", "년", "여", " 이상",
                "가량", "기업", " 기업", "중규모 기업", ",", ".", ",5", ".7", "201458,427143", "일백만", "약 ",
                "미화 ", "(한화 ", ")", "제", "세션 ", "△", "이", "은"]


def figures_with(text: str, scan_re: re.Pattern[str]) -> tuple[list, list]:
    """figures_in over one node's numbers as `scan_re` finds them, and the warnings given."""
    doc = Document(source=Source(path="t", sha256="0" * 64, bytes=len(text)), raw=b"", text=text)
    matches, opens = figures.node_matches(text, [Span(0, len(text))], LEX, scan_re)
    found = figures.figures_in(text, matches, doc, LEX, opens=opens)
    return [f.to_json() for f in found], doc.issues


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(TABLE_PIECES), max_size=30))
@example(["3", "~", "6331", " ", "5", "%"])        # a number joined to a left-out one by a connector
@example(["1,319", " ~ ", "6331", " ", "기업"])     # a grouped number before a connector
@example(["6331", " ", "억"])                       # one blank before a multiplier: kept
@example(["-", "3", "\n", "7", "%"])               # a sign before a left-out number
@example(["3.5", ".7", " ", "12"])                 # a glued run keeps its warning
def test_numbers_left_out_change_no_figure(pieces):
    text = "".join(pieces)
    assert figures_with(text, LEX.FIGURE_KEPT_SCAN_RE) == figures_with(text, LEX.FIGURE_SCAN_RE)


def test_a_table_s_numbers_are_left_out_and_the_rest_kept():
    text = "□ 매출 6331 2,488 -2.7 3.5\n○ 예산 42억원, 1,319 중규모 기업, 5~7%, 3 내지 6331\n"
    def numbers(pattern: re.Pattern[str]) -> list[str]:
        return [m.group("figure").strip() for m in pattern.finditer(text)]
    assert numbers(LEX.FIGURE_KEPT_SCAN_RE) == ["2,488", "42억원", "1,319", "5", "7%", "3"]
    assert figures_with(text, LEX.FIGURE_KEPT_SCAN_RE) == figures_with(text, LEX.FIGURE_SCAN_RE)


def test_the_connectors_hold_no_digit():
    """A left-out number lies between its neighbours: a gap across it holds its digits, which no
    range connector does, so no range is joined across it."""
    assert not any(ch.isdigit() for word in LEX.semantic["units"]["range"]["connectors"] for ch in word)


def test_the_left_out_numbers_are_read_only_where_the_cap_cannot_bind():
    short = [Span(0, 2 * figures.MAX_FIGURES - 2)]
    long = [Span(0, 2 * figures.MAX_FIGURES - 1)]
    assert figures.scan_re_for(short, LEX) is LEX.FIGURE_KEPT_SCAN_RE
    assert figures.scan_re_for(long, LEX) is LEX.FIGURE_SCAN_RE
    # the bound: numbers as densely as they can stand (a digit, a blank) fill the short stretch
    # with one fewer than the cap, and the long one with the cap
    text = "7 " * figures.MAX_FIGURES
    assert len(LEX.FIGURE_RE.findall(text, 0, short[0].end)) == figures.MAX_FIGURES - 1
    assert len(LEX.FIGURE_RE.findall(text, 0, long[0].end)) == figures.MAX_FIGURES


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(MARKERS + ["- ", "-"]), st.lists(st.sampled_from(TABLE_PIECES), max_size=8)),
                min_size=1, max_size=8))
@example([("-", ["3", " ", "6331"]), ("○ ", ["5", "~"]), ("  - ", ["7", "%"])])   # a sign in the marker's place
@example([("□ ", ["6331"]), ("□ ", ["~", "7", "%"])])                            # a connector across nodes
def test_the_stage_with_numbers_left_out_is_the_pass_per_node(lines):
    doc = before("figures", body([marker + "".join(pieces) for marker, pieces in lines]))
    assert_same_as_node_by_node(doc)


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["\u3000", "\t", " 만", " 억 ", "억 "]), max_size=30))
@example(["3", " ", "억", " ", "5"])                # a blank inside the number, one at its end
@example(["18", " 만", " "])
def test_the_number_group_never_ends_on_white_space(pieces):
    """match_candidate takes the number group as it is (no rstrip)."""
    text = "".join(pieces)
    for m in figures.figure_matches(text, 0, len(text), LEX):
        number = m.group("number")
        assert number == number.rstrip()


def test_no_word_after_a_number_opens_with_a_glue_mark():
    """scan asks for a glued run only after a number with no unit or approximation word: the
    text right after the number is then that word, or the one blank before it."""
    u = LEX.semantic["units"]
    words = list(LEX.semantic["unit_kinds"]) + u["approximate"]["inside"] + u["approximate"]["after"]
    assert len(words) > 50
    assert not any(word.startswith(figures.GLUE_MARKS) for word in words)
    for text in ("5.7%", "3개,5", "12여.5", "7 이상,3"):
        m = figures.figure_matches(text, 0, len(text), LEX)[0]
        assert m.group("unit") or m.group("approx_inside") or m.group("approx_after")
        assert not text.startswith(figures.GLUE_MARKS, m.end("number"))
