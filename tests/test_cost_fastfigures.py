"""Cost of figures, bullets and organizations without clocks (issue 14): how often each scans
the text, and how many calls a parse of the seed makes; and the equivalences the faster scans
rest on, as property tests against the slower way they replaced."""
from __future__ import annotations

import copy
import re
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.document import Line, Span
from pipeline.lexicon import load_lexicon
from pipeline.runner import STAGES, new_document, run
from pipeline.stages import figures, organizations
from pipeline.text import collapse

from .complexity import operations

LEX = load_lexicon()
SEED = Path(__file__).resolve().parent.parent / "samples" / "apec-2004-sme-forum.txt"
TITLE = "정책 설명회 개최\n\n"
STAGE = dict(STAGES)


class Counting:
    """A pattern that counts the calls made to it, by method."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.calls = pattern, {}

    def __getattr__(self, name: str):
        found = getattr(self.pattern, name)
        if not callable(found):
            return found

        def counted(*args, **kwargs):
            self.calls[name] = self.calls.get(name, 0) + 1
            return found(*args, **kwargs)
        return counted


def counting(*names: str):
    """A copy of the lexicon whose patterns `names` count their calls."""
    lex = copy.copy(LEX)
    counters = {name: Counting(getattr(LEX, name)) for name in names}
    lex.__dict__.update(counters)
    return lex, counters


def parsed(data: bytes, name: str = "t.txt"):
    doc = new_document(data, name)
    return run(doc, LEX)


def body(lines: list[str]) -> bytes:
    return (TITLE + "\n".join(lines) + "\n").encode("utf-8")


# --- figures: one scan of the text, not one per node --------------------------------------

def figure_scans(doc) -> int:
    """Calls to the number patterns (FIGURE_RE, or the FIGURE_SCAN_RE and FIGURE_KEPT_SCAN_RE that find its matches)."""
    lex, counters = counting("FIGURE_RE", "FIGURE_SCAN_RE", "FIGURE_KEPT_SCAN_RE")
    STAGE["figures"](doc, lex)
    return sum(sum(counter.calls.values()) for counter in counters.values())


def test_figures_scan_the_seed_once():
    assert figure_scans(parsed(SEED.read_bytes(), "seed.txt")) == 1      # was one per node: 51


def test_figure_scans_do_not_grow_with_the_nodes():
    lines = ["□ 가입자 23만개와 1,319 중규모 기업이 참여했다.", "  ○ 예산은 42억6천만엔(2004년)이다."]
    small, large = parsed(body(lines * 2)), parsed(body(lines * 100))
    assert len(large.figures) == 50 * len(small.figures) > 0
    assert figure_scans(small) == figure_scans(large) == 1


def test_figures_calls_on_the_seed():
    doc = parsed(SEED.read_bytes(), "seed.txt")
    STAGE["figures"](doc, LEX)       # warm
    # 2,670 before issue 14's work, 2,464 after its first pass, 1,945 after the second
    # (tests/test_cost_fastfigures2.py says what changed).
    assert operations(lambda: STAGE["figures"](doc, LEX)) <= 2_250


# --- organizations: parentheses found per block, heads from their parenthesis ---------------

def test_organizations_never_try_a_word_at_every_word_start():
    doc = parsed(SEED.read_bytes(), "seed.txt")
    lex, counters = counting("ORG_HEAD_RE", "ORG_HEAD_TAIL_RE")
    STAGE["organizations"](doc, lex)
    assert counters["ORG_HEAD_RE"].calls == {}
    blocks = sum(len(doc.blocks_of(kind)) for kind in organizations.SEARCHED)
    with_parenthesis = sum(1 for kind in organizations.SEARCHED for line in doc.lines_of(kind) if "(" in line.text)
    # one scan per block, then one per line that holds a parenthesis (was one per line: 109)
    assert sum(counters["ORG_HEAD_TAIL_RE"].calls.values()) <= blocks + with_parenthesis < 20
    assert [o["name"] for o in doc.organizations][:2] == ["중소기업청", "중소기업정보화경영원"]


def test_organization_scans_do_not_grow_with_lines_without_parentheses():
    def scans(n: int) -> int:
        doc = parsed(body(["□ 산림청(청장 홍길동)은 숲 가꾸기를 시작했다."] + ["  ○ 올해 사업을 넓힌다."] * n))
        lex, counters = counting("ORG_HEAD_TAIL_RE")
        STAGE["organizations"](doc, lex)
        assert [o["name"] for o in doc.organizations][0] == "산림청"
        return sum(counters["ORG_HEAD_TAIL_RE"].calls.values())
    assert scans(5) == scans(300)


WORDS = ["중소기업청", "산림청", "원", "A", "·", "(", ")", "（", ":", "：", " ", "  ", "청장", "廳長", "院長",
         "홍길동", "柳昌茂", "2024", "가칭", "a" * 39, "가" * 41, ",", "의", "과"]


def heads_by_word_scan(line: Line) -> list:
    """match_heads as it was: ORG_HEAD_RE tried at every word start."""
    found = []
    suffixes = tuple(LEX.titles["organization_suffixes"])
    for m in LEX.ORG_HEAD_RE.finditer(line.text):
        head = organizations.parse_head(m, LEX) if m.group("org").endswith(suffixes) else None
        if head:
            start = line.content.start + m.start("org")
            found.append((m.group("org"), head, [start, start + len(m.group("org"))]))
    return found


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=24))
@example(["a" * 39, "원", "(", "院長", ":", "柳昌茂", ")"])      # a word of 40, the longest taken
@example(["가" * 41, "원", "(", "청장", " ", "홍길동", ")"])      # a word too long
def test_heads_from_parentheses_are_those_of_the_word_scan(pieces):
    text = "".join(pieces).strip()
    line = Line(0, 0, len(text), Span(0, len(text)), 0, text)
    assert organizations.match_heads(line, LEX) == heads_by_word_scan(line)


# --- figures: the one scan finds what a scan per node finds --------------------------------

NUMBERISH = ["7", "1,319", "2004", "3.5", " ", "\n", "~", "-", "내지", "%", "억", "원", "명", "년", "개국",
             "기업", "약 ", "△", "+", "(", ")", ",", "여", "이상", "일백", "만", "제"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(NUMBERISH), min_size=1, max_size=30),
       st.lists(st.integers(0, 30), max_size=12))
@example(["7", "명", "기업", " ", "5"], [2, 3])  # a node ending before a letter: '7명' alone, '7' in the text
@example(["약 ", "7", "\n", "억", "원"], [2])     # a gap holding a number's start
@example(["3.5", "\n", "7", "%"], [1, 3])       # a match from one node into the next
def test_matches_by_node_are_those_of_a_scan_per_node(pieces, cuts):
    """Nodes cut between pieces: '7명|기업' is '7명' alone but '7' in the whole text."""
    text = "".join(pieces)
    ends = [0]
    for piece in pieces:
        ends.append(ends[-1] + len(piece))
    points = sorted({ends[min(c, len(pieces))] for c in cuts} | {0, len(text)})
    # every other stretch between cut points is a node, the rest gaps
    spans = [Span(a, b) for a, b in zip(points, points[1:])][::2]
    found = figures.matches_by_node(text, spans, LEX)
    for i, span in enumerate(spans):
        alone = [m.span() + m.groups() for m in LEX.FIGURE_RE.finditer(text, span.start, span.end)]
        # the scan's `figure` group is FIGURE_RE's match; its other groups are FIGURE_RE's
        assert [m.span(figures.FIGURE) + m.groups()[1:] for m in found.get(i, [])] == alone


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(NUMBERISH), max_size=30))
def test_figure_candidates_neither_open_nor_close_on_white_space(pieces):
    """match_candidate takes the match's start and its number, unit or approximation's end as
    the span, untrimmed."""
    text = "".join(pieces)
    for m in LEX.FIGURE_RE.finditer(text):
        end = m.end("approx_after") if m.group("approx_after") else m.end("unit") if m.group("unit") else m.end("number")
        assert not text[m.start()].isspace() and not text[end - 1].isspace()


# --- bullets and collapse ------------------------------------------------------------------

def test_bullets_calls_on_the_seed():
    doc = parsed(SEED.read_bytes(), "seed.txt")
    STAGE["bullets"](doc, LEX)
    # 1,857 before issue 14's work, 1,619 after (no trimming in freeze, collapse's fast path).
    assert operations(lambda: STAGE["bullets"](doc, LEX)) <= 1_750


def test_bullet_nodes_need_no_trimming():
    doc = parsed(SEED.read_bytes(), "seed.txt")
    for node in (n for n in doc.sections for n in [n, *n.children]):
        assert node.span.slice(doc.text) == node.span.slice(doc.text).strip() != ""


@settings(max_examples=1000, deadline=None)
@given(st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x85\xa0\u2028\u3000\u200b가a.", max_size=12))
def test_collapse_is_a_split_and_join(value):
    assert collapse(value) == " ".join(value.split())
