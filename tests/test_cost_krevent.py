"""Cost of the bullets and event stages on korea.kr records (issue 14, wave 4d), without clocks:
each shortcut gives exactly what the plain rule gave (a reference written the plain way, run on
fixtures, the samples, the corpus and random input), and the work it saves is not done.

- bullets: the line loop reads each line's marker itself (match_marker written out) with its
  patterns bound once; the trees are those the loop built calling match_marker.
- event: the dotted dates' scan (it opens with a look ahead, ~20 ns a character) runs only on a
  region holding a digit, a dot and a digit (EVENT_DOTTED_DATE_HINT_RE), which every dotted
  date holds; a lead's later bullets are the first walk's when that walk ran out early; an
  anaphor ('이번 회의는') is matched only at a word's start (a look behind after its literal), so
  a particle '이' no longer reads the next word for an event noun; the verbs of holding are
  grouped by first character (lexicon.first_char_alternation), one group tried per candidate.
"""
from __future__ import annotations

import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.lexicon import alternation, first_char_alternation, load_lexicon, word_openings
from pipeline.runner import STAGES, new_document, run
from pipeline.stages import bullets, event

from .complexity import operations
from .conftest import SAMPLES
from .semantic_helpers import prepare
from .test_cost_fastevent4 import TEXTS

LEX = load_lexicon()
SEED = SAMPLES / "apec-2004-sme-forum.txt"


def until(data: bytes, stage: str) -> object:
    """A document run through the stages before `stage`."""
    names = [name for name, _ in STAGES]
    doc = new_document(data, "t.txt")
    return run(doc, LEX, STAGES[:names.index(stage)])


# --- bullets: the line loop -------------------------------------------------------------------

class PlainBuilder(bullets.Builder):
    """Builder.build as it was: match_marker called on each line, attributes read per line."""

    def build(self, lines):  # type: ignore[no-untyped-def]
        opens = None if self.captionless_tables else self.lex.BULLET_LINE_START_RE.match
        i = 0
        while i < len(lines):
            line = lines[i]
            if i and line.index != lines[i - 1].index + 1:
                self.parted = True
            if self.nodes >= bullets.MAX_NODES and not line.blank:
                self.cut_at = line
                break
            if line.blank:
                self.after_blank = True
                i += 1
                continue
            if opens is not None and opens(line.text) is None:
                self.add_line(line, None)
                i += 1
                continue
            found = bullets.match_marker(line, self.lex)
            if found is None and (opens is None or self.lex.SKIP_OR_TABLE_START_RE.match(line.text)):
                if bullets.is_skipped(line, self.lex):
                    i += 1
                    continue
                table_end = bullets.match_table(lines, i, self.lex, self.captionless_tables)
                if table_end is not None:
                    self.add_table(lines[i], lines[table_end - 1])
                    i = table_end
                    continue
            self.add_line(line, found)
            i += 1
        return self.roots


def trees(doc, builder: type[bullets.Builder], captionless: bool) -> tuple[list, object]:  # type: ignore[no-untyped-def]
    b = builder(LEX, captionless)
    drafts = b.build(doc.lines)
    return [bullets.freeze(doc, d, 1) for d in drafts], b.cut_at


FIXTURES = [
    "□ 첫째 항목\n  ○ 둘째 수준 가상 문장이다.\n   - 셋째\n\n- 3 -\n끝.\n",
    "가상 문단이다.\n\n또 다른 문단이다.\n○ 항목 하나\n이어지는 줄\n* 주석\n※ 참고 사항\n",
    "< 가상 표 >\n가\n나\n다\n라\n마\n바\n사\n\n□ 다음\n",
    "| 가 | 나 |\n| 1 | 2 |\n\n1. 번호 항목\n가. 하위 항목\n- 12 -\n",
    "-3-\n- 부제\n□ 본문 ○ 안\n  ○ 수준\n  ○ 수준 둘\n    - 아래\n□ 다시\n",
]


@pytest.mark.parametrize("captionless", [False, True])
def test_the_line_loop_builds_the_plain_loops_tree_on_fixtures(captionless):
    for body in FIXTURES:
        doc, _ = prepare(body, until="normalize")
        assert trees(doc, bullets.Builder, captionless) == trees(doc, PlainBuilder, captionless), body


@pytest.mark.parametrize("captionless", [False, True])
def test_the_line_loop_builds_the_plain_loops_tree_on_every_text(captionless):
    for text in TEXTS:
        doc = until(text.encode("utf-8"), "bullets")
        assert trees(doc, bullets.Builder, captionless) == trees(doc, PlainBuilder, captionless)


LINE_PARTS = st.sampled_from(["□ ", "○", "- ", "* ", "※ ", "1. ", "가. ", "- 3 -", "끝.", "< 표 >",
                              "(단위: 명)", "| 가 |", "가상", "문장이다.", " ", "  ", "\n", "\n\n", "가", "12"])


@settings(max_examples=300, deadline=None)
@given(st.lists(LINE_PARTS, max_size=30).map("".join), st.booleans())
def test_the_line_loop_builds_the_plain_loops_tree(body, captionless):
    doc, _ = prepare(body, until="normalize")
    assert trees(doc, bullets.Builder, captionless) == trees(doc, PlainBuilder, captionless)


def test_the_line_loop_calls_no_match_marker(monkeypatch):
    doc, _ = prepare("□ 첫째\n ○ 둘째\n  - 셋째\n", until="normalize")
    called = []
    monkeypatch.setattr(bullets, "match_marker", lambda *a, **k: called.append(a))
    nodes, _ = trees(doc, bullets.Builder, False)
    assert nodes[-1].marker == "□" and nodes[-1].children[0].marker == "○" and called == []


# --- event: the dotted dates' hint ------------------------------------------------------------

DOTTED = [
    "12.5.(금)", "2022.12.5.(월)", "’21. 11. 17(수)", "4.13일(월)", "5.2.~5.19.", "3.14~15",
    "3.20.(월)부터 3.26.(일)까지", "'22 . 6 . 30 기준", "1 .2",
]
UNDOTTED = ["12월 5일", "제3차 회의", "3.", ".5", "가.나", "2022년", "1 . 가", "v2 .x"]


@pytest.mark.parametrize("value", DOTTED)
def test_every_dotted_date_holds_the_hint(value):
    assert LEX.EVENT_DOTTED_DATE_HINT_RE.search(value)


@pytest.mark.parametrize("value", UNDOTTED)
def test_a_region_without_the_hint_holds_no_dotted_date(value):
    assert LEX.EVENT_DOTTED_DATE_HINT_RE.search(value) is None
    assert list(LEX.EVENT_DOTTED_DATES_RE.finditer(value)) == []
    assert LEX.EVENT_DOTTED_DATES_RE not in event.dated_patterns(value, 0, len(value), LEX)


def plain_dated_patterns(text: str, start: int, end: int) -> tuple:
    """dated_patterns as it was: the dotted dates' scan always."""
    if text.find(LEX.semantic["event"]["month_word"], start, end) < 0:
        return (LEX.EVENT_DOTTED_DATES_RE,)
    return LEX.EVENT_DATES_RE, LEX.EVENT_DOTTED_DATES_RE


def dotted_finds(patterns: tuple, text: str, start: int, end: int) -> list:
    return [(p.pattern, m.span(), m.groupdict()) for p in patterns for m in p.finditer(text, start, end)]


def test_the_hinted_patterns_find_the_plain_ones_on_every_line():
    for text in TEXTS:
        at = 0
        for line in text.split("\n"):
            end = at + len(line)
            for start in (at, at + 2):
                assert dotted_finds(event.dated_patterns(text, start, end, LEX), text, start, end) == \
                    dotted_finds(plain_dated_patterns(text, start, end), text, start, end)
            at = end + 1


DATE_PARTS = st.sampled_from(["1", "12", "2022", "’21", "'", ".", ". ", " ", "~", "-", "부터", "까지", "(월)",
                              "일", "월", "기준", "가", ",", "\n"])


@settings(max_examples=400, deadline=None)
@given(st.lists(DATE_PARTS, max_size=16).map("".join), st.integers(0, 6))
def test_the_hinted_patterns_find_the_plain_ones(text, start):
    start = min(start, len(text))
    assert dotted_finds(event.dated_patterns(text, start, len(text), LEX), text, start, len(text)) == \
        dotted_finds(plain_dated_patterns(text, start, len(text)), text, start, len(text))


def test_a_lead_without_a_dotted_date_asks_no_dotted_scan():
    body = "□ 가상부는 7월 3일 서울에서 「제2회 미래 포럼」을 개최한다.\n"
    doc, lex = prepare(body, until="bullets")
    node = doc.sections[0]
    assert event.dated_patterns(doc.text, node.span.start, node.span.end, lex) == (lex.EVENT_DATES_RE,)
    dotted = body.replace("7월 3일", "7.3.(목)")
    doc, lex = prepare(dotted, until="bullets")
    node = doc.sections[0]
    assert event.dated_patterns(doc.text, node.span.start, node.span.end, lex) == (lex.EVENT_DOTTED_DATES_RE,)
    assert event.match_dates(doc.text, node, lex).group() == "7.3.(목)"


# --- event: the later bullets of a short walk -------------------------------------------------

def test_a_walk_that_ran_out_is_every_longer_walk():
    for text in TEXTS:
        doc = until(text.encode("utf-8"), "event")
        nodes = event.first_bullets(doc, event.LEAD_SCAN, LEX)
        if len(nodes) < event.LEAD_SCAN:
            for count in (event.LEAD_SCAN + 1, event.LEAD_SCAN + event.ABOUT_SCAN):
                assert event.first_bullets(doc, count, LEX) == nodes


def test_a_short_release_walks_its_bullets_once(monkeypatch):
    body = "□ 가상부는 7월 3일 서울에서 「제2회 미래 포럼」을 개최한다.\n○ 이번 포럼은 주민이 함께한다.\n"
    doc, lex = prepare(body, until="bullets")
    walks = []
    original = event.first_bullets
    monkeypatch.setattr(event, "first_bullets", lambda *a: walks.append(a[1]) or original(*a))
    event.run(doc, lex)
    assert doc.event is not None and walks == [event.LEAD_SCAN]


# --- calls ------------------------------------------------------------------------------------

def calls_of(stage: str, data: bytes) -> int:
    fn = dict(STAGES)[stage]
    frozen = pickle.dumps(until(data, stage))
    fn(pickle.loads(frozen), LEX)           # warm: lexicon patterns compiled once
    doc = pickle.loads(frozen)
    return operations(lambda: fn(doc, LEX))


def test_bullets_on_the_seed_makes_few_calls():
    # 1,260 before this pass, 1,115 after (korea.kr records: 458 -> 395 a record).
    assert calls_of("bullets", SEED.read_bytes()) <= 1_180


def test_event_on_the_seed_makes_few_calls():
    # 474 before this pass, 449 after (the bullets' walk counts down).
    assert calls_of("event", SEED.read_bytes()) <= 465


# --- event: an anaphor at a word's start ------------------------------------------------------

EVENT = LEX.semantic["event"]
# The pattern as it was: the anaphors' plain alternation, the word's start tested by the loop.
PLAIN_ANAPHOR = re.compile(LEX.ANAPHOR_SUBJECT_RE.pattern.replace(
    word_openings(EVENT["anaphors"]), alternation(EVENT["anaphors"]), 1))


def plain_anaphor_at(text: str, start: int, end: int) -> int | None:
    at = start
    while (m := PLAIN_ANAPHOR.search(text, at, end)) is not None:
        if m.start() == 0 or text[m.start() - 1].isspace():
            return m.start()
        at = m.start() + 1
    return None


def test_the_plain_anaphor_pattern_differs_only_in_its_openings():
    assert PLAIN_ANAPHOR.pattern != LEX.ANAPHOR_SUBJECT_RE.pattern
    assert "(?<!" not in PLAIN_ANAPHOR.pattern


@pytest.mark.parametrize("text, at", [
    ("이번 회의는 서울에서", 0), ("가상 이번 포럼에는 모두", 3), ("국민이 회의는 아니다", None),
    ("이동 회의는 열린다", None), ("국민이 이 행사는 ", 4), ("\t동 포럼은 ", 1), ("본 행사는", None),
    ("올해 가상학술대회가 열린다", 0), ("금번회의는 ", 0), ("가금번 회의는 ", None),
])
def test_an_anaphor_opens_a_word(text, at):
    assert event.anaphor_at(text, 0, len(text), LEX) == at == plain_anaphor_at(text, 0, len(text))


ANAPHOR_PARTS = st.sampled_from(EVENT["anaphors"] + ["회의", "포럼", "행사", "는", "은", "이", "가", " ", "\n",
                                                     ".", "가상", "국민", "\u3000"])


@settings(max_examples=400, deadline=None)
@given(st.lists(ANAPHOR_PARTS, max_size=16).map("".join), st.integers(0, 8))
def test_an_anaphor_is_found_where_the_plain_loop_found_it(text, start):
    start = min(start, len(text))
    assert event.anaphor_at(text, start, len(text), LEX) == plain_anaphor_at(text, start, len(text))


def test_an_anaphor_is_found_where_the_plain_loop_found_it_on_every_line():
    for text in TEXTS:
        at = 0
        for line in text.split("\n"):
            end = at + len(line)
            for start in (at, at + 1, at + 3):
                assert event.anaphor_at(text, start, end, LEX) == plain_anaphor_at(text, start, end)
            at = end + 1


# --- event: the verbs grouped by their first character ----------------------------------------

# The object verbs ('실시') stand apart, each after its object particle (event10).
VERBS = [v for v in EVENT["verbs"] if v not in EVENT["object_verbs"]]
PLAIN_VERB = re.compile(LEX.EVENT_VERB_RE.pattern.replace(
    first_char_alternation(VERBS), alternation(VERBS), 1))


def verb_finds(pattern: re.Pattern[str], text: str, start: int = 0) -> list:
    return [(m.span(), m.group("verb")) for m in pattern.finditer(text, start)]


def test_the_plain_verb_pattern_differs_only_in_its_grouping():
    assert PLAIN_VERB.pattern != LEX.EVENT_VERB_RE.pattern
    assert alternation(VERBS) in PLAIN_VERB.pattern


def test_first_char_alternation_keeps_the_order_of_the_words():
    assert first_char_alternation(["개막", "개최", "가졌다", "개최된다", "열어"]) == \
        "개(?:최된다|막|최)|가(?:졌다)|열(?:어)"
    assert re.fullmatch(first_char_alternation(["가", "가나"]), "가") is not None


@pytest.mark.parametrize("text", [
    "가상부는 포럼을 개최한다", "국민이 가졌다", "회의가 열렸다 개최하였음", "개최을 위한 개막", "참가국 참석",
    "주재 열린 갖고 연다", "개최지 선정", "개최차 회의", "가지고 가진다 가져",
])
def test_the_grouped_verbs_find_the_plain_ones_on_fixtures(text):
    assert verb_finds(LEX.EVENT_VERB_RE, text) == verb_finds(PLAIN_VERB, text)


VERB_PARTS = st.sampled_from(EVENT["verbs"] + EVENT["purpose_after"][:2] + ["가", "개", "열", "국", "지", "차 ", " ", "\n"])


@settings(max_examples=400, deadline=None)
@given(st.lists(VERB_PARTS, max_size=12).map("".join), st.integers(0, 5))
def test_the_grouped_verbs_find_the_plain_ones(text, start):
    assert verb_finds(LEX.EVENT_VERB_RE, text, start) == verb_finds(PLAIN_VERB, text, start)


def test_the_grouped_verbs_find_the_plain_ones_on_every_text():
    for text in TEXTS:
        assert verb_finds(LEX.EVENT_VERB_RE, text) == verb_finds(PLAIN_VERB, text)


def plain_first_bullets(doc, count: int) -> list:  # type: ignore[no-untyped-def]
    """first_bullets as it was: the list's length asked after each bullet found."""
    found = []
    stack = doc.sections[::-1]
    while stack:
        node = stack.pop()
        value = node.text
        if value and not (("://" in value or "www." in value) and LEX.URL_RE.search(value)):
            found.append(node)
            if len(found) == count:
                break
        if node.children:
            stack.extend(reversed(node.children))
    return found


def test_the_counted_down_walk_is_the_plain_walk_on_every_text():
    for text in TEXTS[:150]:
        doc = until(text.encode("utf-8"), "event")
        for count in (0, 1, 2, event.LEAD_SCAN, event.LEAD_SCAN + event.ABOUT_SCAN, 10_000):
            assert event.first_bullets(doc, count, LEX) == plain_first_bullets(doc, count)
