"""Issue 14, wave 5 (fastbullets): bullets' line loop, render's HTML walk and mojibake scan.
Their cost in function calls and pattern calls (tests/complexity.py), never in time; and each
shortcut against the rule it stands for.

- bullets: a line's first character gives its Opening (line_openings): a one-character marker
  such as '□' with its family, or MARKER_RE cut down to the families that open with that
  character, and whether a page number, end mark or table may open there; whether a line ends
  a sentence is told from its end (sentence_end_test) instead of SENTENCE_END_RE's search.
- render: what an element's tag, class and id say is one Step, made once (element_step).

Measured (calls, after a warm run), before → after: bullets on the seed text 1,115 → 957, on
the korea.kr sample 333 → 298; render of the seed HTML page 2,103 → 1,956, of the korea.kr
sample 116 → 108; assemble of the seed text 253 → 216. The bounds sit below the old counts
(the cuts are 7–15%, so they cannot also sit 1.2× above the new ones); what each shortcut
spares is asserted directly below.
"""
from __future__ import annotations

import re
import sys
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.lexicon import load_lexicon
from pipeline.stages import bullets, decode, normalize, render

from .conftest import SAMPLES
from .test_cost_fastcore import stage_calls
from .test_render import page, rendered

LEX = load_lexicon()
SEED = "apec-2004-sme-forum"
KOREA_KR = "acrc-2020-expressway-noise.korea-kr.md"


def pattern_calls(fn: Any) -> int:
    """Calls of a compiled pattern's methods (match, search …) made while `fn()` runs."""
    count = 0

    def tally(frame: Any, event: str, arg: Any) -> None:
        nonlocal count
        if event == "c_call" and type(getattr(arg, "__self__", None)).__name__ == "Pattern":
            count += 1
    sys.setprofile(tally)
    try:
        fn()
    finally:
        sys.setprofile(None)
    return count


# --- cost -------------------------------------------------------------------------------------

def test_bullets_on_the_seed_in_fewer_calls() -> None:
    assert stage_calls(SAMPLES / f"{SEED}.txt", "bullets") <= 1_080


def test_bullets_on_a_korea_record_in_fewer_calls() -> None:
    assert stage_calls(SAMPLES / KOREA_KR, "bullets") <= 320


def test_render_of_the_seed_page_in_fewer_calls() -> None:
    assert stage_calls(SAMPLES / f"{SEED}.html", "render") <= 2_060


def test_render_of_a_korea_record_in_fewer_calls() -> None:
    assert stage_calls(SAMPLES / KOREA_KR, "render") <= 112


def test_marker_and_text_lines_make_no_pattern_call() -> None:
    """'□ …', '○ …', '※ …' and lines opening with no marker's character: once their first
    characters are known, the loop asks no pattern of them."""
    body = "".join(f"□ 항목 {i}\n  ○ 세부 {i}\n  ※ 참고 {i}\n본문 이어짐 {i}\n\n" for i in range(10))
    lines = normalize.split_lines(body)
    bullets.Builder(LEX).build(lines)     # the first characters met once
    assert pattern_calls(lambda: bullets.Builder(LEX).build(lines)) == 0
    assert len(bullets.Builder(LEX).build(lines)) == 10


def test_a_line_opening_with_a_digit_runs_two_families_not_twenty() -> None:
    opening = bullets.line_openings(LEX)["2"]
    assert opening.marker is None and not opening.may_open
    assert opening.marker_re.__self__.groupindex.keys() == {"decimal_dot", "decimal_paren"}


def test_a_second_page_of_a_site_makes_no_new_step() -> None:
    """element_step is remembered across pages: the same tags, classes and ids make none."""
    rows = "".join(f"<tr class='row'><td class='cell'><p class='hwp'>가 {i}</p></td></tr>" for i in range(30))
    rendered(page(f"<div class='board_view'><table>{rows}</table></div>"))
    made = render.element_step.cache_info().misses
    rendered(page(f"<div class='board_view'><table>{rows}<tr><td id='new{made}'>나</td></tr></table></div>"))
    assert render.element_step.cache_info().misses == made + 1      # only the new <td>


def test_the_mojibake_scan_is_made_once_per_lexicon() -> None:
    pairs, pattern = render.mojibake_scan(LEX)
    assert render.mojibake_scan(LEX)[1] is pattern
    assert pairs == render.utf8_as_cp949_pairs(LEX)


# --- the shortcuts against the rules --------------------------------------------------------

def plain_reading(text: str) -> tuple[tuple[str, str] | None, bool]:
    """(marker and family, whether the page-number/end-mark/table tests are asked) as the
    loop read a body line before: BULLET_LINE_START_RE, then match_marker, then
    SKIP_OR_TABLE_START_RE for a line without a marker."""
    if not LEX.BULLET_LINE_START_RE.match(text):
        return None, False
    found = bullets.match_marker(normalize.split_lines(text)[0], LEX)
    return found, found is None and LEX.SKIP_OR_TABLE_START_RE.match(text) is not None


def opening_reading(text: str) -> tuple[tuple[str, str] | None, bool]:
    """The same, read as Builder.build reads it now: from the line's Opening."""
    opening = bullets.line_openings(LEX)[text[0]]
    if opening.marker is not None:
        return opening.marker, False
    found = None
    if opening.marker_re is not None:
        m = opening.marker_re(text)
        if m is not None and not (opening.may_open and LEX.PAGE_NUMBER_RE.match(text)):
            found = m.group(), m.lastgroup or ""
    return found, found is None and opening.may_open


SYMBOLS = sorted({s for fam in LEX.families for s in fam.symbols})
LINE_PIECES = SYMBOLS + ["1", "2", "9", "0", "12", ".", ")", "(", "가", "나", "하", "I", "V", "X", "Ⅱ", "①", "㉮",
                         "❶", "\ue000", "\U000f0001", "<", "〈", "|", "끝", " ", "3", "-", "a", "o", "본문", "%",
                         "\u00a0", "“"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES), min_size=1, max_size=6).map("".join))
def test_an_opening_reads_a_line_as_the_patterns_did(text: str) -> None:
    line = normalize.split_lines(text)[0]
    if line.blank:
        return
    assert opening_reading(line.text) == plain_reading(line.text)




def test_every_symbol_opens_as_the_patterns_read_it() -> None:
    for symbol in SYMBOLS:
        for rest in ("", " 가", "가", "1", "-", ".", ")", "*", "  x"):
            text = normalize.split_lines(symbol + rest)[0].text     # a line's text: no trailing blank
            assert opening_reading(text) == plain_reading(text), text


def test_plain_markers_are_the_one_character_markers_nothing_else_opens() -> None:
    plain = bullets.plain_markers(LEX)
    assert plain["□"] == ("□", "square") and plain["○"] == ("○", "circle") and plain["※"] == ("※", "note")
    assert "-" not in plain         # a page number opens with it; and a dash before a digit is none
    assert "*" not in plain         # '**' is a longer marker
    assert "o" not in plain         # 'o' is one only before a space


ENDING_PIECES = ["다.", "요.", "음.", "함.", "임.", "함", "됨", "다", ".", "니다.", " ", "\n", "\t", "\u3000", "\u00a0",
                 "\"", "'", "”", "’", "」", ")", "(", "가", "x", "끝."]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(ENDING_PIECES), max_size=8).map("".join))
def test_sentence_end_test_is_the_search(text: str) -> None:
    assert bullets.sentence_end_test(LEX)(text) == (LEX.SENTENCE_END_RE.search(text) is not None)


def test_white_space_is_every_character_re_reads_as_white_space() -> None:
    assert set(bullets.WHITE_SPACE) == {ch for ch in map(chr, range(0x110000)) if re.match(r"\s", ch)}


# --- decode: the JSON record's opening brace -------------------------------------------------

@given(st.text(alphabet=" \t\n\r\x0b\x0c\u3000\u00a0\u2028{x가", max_size=8))
def test_the_json_opening_is_lstrip_then_a_brace(text: str) -> None:
    assert (decode.JSON_OPENING_RE.match(text) is not None) == text.lstrip().startswith("{")


def reference_table_cell(text: str) -> bool:
    """is_table_cell before this pass: MARKER_RE, then SENTENCE_END_RE's and END_MARK_RE's
    searches behind the last-character match."""
    if not 0 < len(text) <= bullets.TABLE_CELL_MAX or LEX.MARKER_RE.match(text):
        return False
    if not LEX.SENTENCE_TAIL_CHAR_RE.match(text, len(text) - 1):
        return True
    return not (LEX.SENTENCE_END_RE.search(text) or LEX.END_MARK_RE.search(text))


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(LINE_PIECES + ENDING_PIECES[:9] + ["가나다라마바사아자차카타파"]), max_size=6)
       .map("".join))
def test_the_table_cell_test_is_the_patterns(text: str) -> None:
    assert bullets.table_cell_test(LEX)(text) == reference_table_cell(text)
