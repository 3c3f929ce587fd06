"""Cost of the sessions stage on seed-like releases (issue 14, helper seedmid), without clocks:
each shortcut gives exactly what the rule it replaces gave (that rule run on invented, random
and corpus input), and the work it saves is not done (pattern calls and their reach counted).

- sessions.lead_topic: TOPIC_LEAD_RE's topic or case ('… 부문에서 ', '… 사례에서는 ') found by a
  search for its tails (they open with literals), no further than a tail that can still count
  can end, instead of the lazy pattern trying its tail after each of up to 60 characters twice.
  TOPIC_LEAD_RE itself is unchanged (people.py matches it too).
- Patterns opening with the class of quotes (sre tests a seven-character class at every
  character, ~50 instructions each) are searched only where a plain C-level test finds what
  every match holds: a talk's quoted topic its tail ('을 주제로', holds_quote_tail), an
  enumeration of sessions its counter ('3개의'), a quoted title before a label its subject
  form at the window's end (title_before), a quoted session a closing quote (quoted_sessions)."""
from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.document import Node, Span
from pipeline.lexicon import load_lexicon
from pipeline.stages import sessions

from .test_cost_fastpeople import corpus_texts

LEX = load_lexicon()


def plain_lead(text: str, start: int, end: int) -> str | None:
    """The rule lead_topic replaces: TOPIC_LEAD_RE matched at the bullet's content."""
    m = LEX.TOPIC_LEAD_RE.match(text, start, end)
    return (m.group("topic") or m.group("case")) if m else None


# Invented leads: a topic glued to its word or parted by blanks or a line break, one too short
# ('가 부문에서'), 60 and 61 characters, a line break inside the topic, '에서는' not followed by
# a blank (then '에서' is not either), a case after an area word that does not count, none.
LEADS = [
    ("소상공인 정보화 부문에서 한국 정보통신부는", "소상공인 정보화"),
    ("가상부문에서는 발표", "가상"),
    ("가 부문에서 발표", None),
    ("가나 부문에서 발표", "가나"),
    ("가상 포럼\n  분야에서 발표", "가상 포럼"),
    ("가" * 60 + " 부문에서 발표", "가" * 60),
    ("가" * 61 + " 부문에서 발표", None),
    ("가" * 58 + "   \n  부문에서 발표", "가" * 58),
    ("가상\n포럼 부문에서 발표", None),
    ("가상 부문에서는가 발표", None),
    ("가상 부문은 지역 추진 사례에서는 발표", "가상 부문은 지역 추진 사례"),
    ("가" * 60 + "사례에서 발표", "가" * 60 + "사례"),
    ("가" * 61 + "사례에서 발표", None),
    ("가사례에서 발표", None),
    ("가나사례에서 발표", "가나사례"),
    ("가상 부문의 포럼 부문에서 발표", "가상 부문의 포럼"),
    ("가상 포럼에서 발표", None),
    ("", None),
]


@pytest.mark.parametrize("text, expected", LEADS)
def test_lead_topic_fixtures(text: str, expected: str | None) -> None:
    assert plain_lead(text, 0, len(text)) == expected
    assert sessions.lead_topic(text, 0, len(text), LEX) == expected


PIECES = ["부문", "분야", "사례", "에서", "에서는", " ", "  ", "\n", "\t", "가", "나다", "x", "은",
          "부문에서 ", "사례에서 ", "분야에서는\n", "가" * 50, " " * 7, "나" * 9]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.integers(0, 3), st.integers(0, 400))
def test_lead_topic_is_the_lazy_patterns_on_random_mixes(pieces: list[str], start: int, cut: int) -> None:
    text = "".join(pieces)
    start = min(start, len(text))
    end = min(len(text), start + cut)
    assert sessions.lead_topic(text, start, end, LEX) == plain_lead(text, start, end)


def test_lead_topic_is_the_lazy_patterns_at_every_corpus_line() -> None:
    checked = found = 0
    for text in corpus_texts(200):
        at = 0
        for line in text.splitlines(keepends=True):
            expected = plain_lead(text, at, len(text))
            assert sessions.lead_topic(text, at, len(text), LEX) == expected
            checked, found = checked + 1, found + (expected is not None)
            at += len(line)
    assert checked > 1000


class RecordingPattern:
    """A pattern whose calls are recorded with their arguments."""

    def __init__(self, pattern) -> None:
        self.pattern, self.calls = pattern, []

    def __getattr__(self, name):
        method = getattr(self.pattern, name)

        def recorded(*args):
            self.calls.append((name, args))
            return method(*args)
        return recorded


def test_lead_topic_searches_no_further_than_a_tail_can_count() -> None:
    from types import SimpleNamespace
    area, case = RecordingPattern(LEX.TOPIC_AREA_TAIL_RE), RecordingPattern(LEX.TOPIC_CASE_TAIL_RE)
    lex = SimpleNamespace(TOPIC_AREA_TAIL_RE=area, TOPIC_CASE_TAIL_RE=case, semantic=LEX.semantic)
    text = "가상 포럼은 " + "지원 사업을 논의하고 " * 40 + "부문에서 발표"
    assert sessions.lead_topic(text, 0, len(text), lex) is None
    reach = sessions.TOPIC_LEAD_MAX + sessions.lead_tail_reach(LEX)
    ends = [args[2] for _, args in area.calls + case.calls]
    assert len(ends) == 2 and max(ends) <= reach < len(text) // 4


def test_a_talks_topic_does_not_run_the_lazy_lead() -> None:
    from types import SimpleNamespace
    lead = RecordingPattern(LEX.TOPIC_LEAD_RE)
    lex = SimpleNamespace(TOPIC_LEAD_RE=lead, TOPIC_QUOTE_RE=LEX.TOPIC_QUOTE_RE, semantic=LEX.semantic,
                          TOPIC_AREA_TAIL_RE=LEX.TOPIC_AREA_TAIL_RE, TOPIC_CASE_TAIL_RE=LEX.TOPIC_CASE_TAIL_RE)
    text = "- 소상공인 정보화 부문에서 가상부 홍길동 과장은 사업을 발표"
    bullet = Node("-", 1, text[2:], Span(0, len(text)))
    assert sessions.parse_topic(text, bullet, text.index("과장") + 2, lex) == "소상공인 정보화"
    assert lead.calls == []


def test_the_random_mixes_reach_both_forms() -> None:
    # The random test above is only worth its runs if the mixes hit topics and cases.
    rng = random.Random(7)
    kinds = set()
    for _ in range(3000):
        text = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 30)))
        m = LEX.TOPIC_LEAD_RE.match(text)
        if m:
            kinds.add("topic" if m.group("topic") else "case")
    assert kinds == {"topic", "case"}


# --- the quote-led patterns' gates ---------------------------------------------------------

def random_windows(text: str, rnd: random.Random, count: int = 30) -> list[tuple[int, int]]:
    found = [(0, len(text))]
    for _ in range(count):
        lo = rnd.randrange(len(text) + 1)
        found.append((lo, min(len(text), lo + rnd.randrange(400))))
    return found


QUOTE_MIXES = ["‘가상 포럼’을 주제로 발표", "「가상 사업」에 대해 설명", "‘가상’이라는 주제로", "'가상 포럼' 를 주제로",
               "“가상 포럼”에 관해", "‘가상’을 주제 로", "‘가상 포럼’의 성과", "‘가상 ‘포럼’에 대해"]


def test_a_quoted_topic_is_searched_for_only_where_its_tail_stands() -> None:
    rnd = random.Random(3)
    texts = corpus_texts(200) + ["".join(rnd.choice(QUOTE_MIXES + [" ", "\n", "가나"]) for _ in range(12))
                                 for _ in range(300)]
    matched = 0
    for text in texts:
        for lo, hi in random_windows(text, rnd):
            m = LEX.TOPIC_QUOTE_RE.search(text, lo, hi)
            if m is not None:
                matched += 1
                assert sessions.holds_quote_tail(text, lo, hi, LEX)
    assert matched > 100


def test_every_enumeration_holds_its_counter() -> None:
    counter = LEX.semantic["sessions"]["grammar"]["enum_counter"]
    assert re.escape(counter) == counter        # a literal in SESSION_ENUM_RE's source
    text = "크게 ‘가상 정책’, ‘나라 전략’ 등의 2개의 세션과 ‘다른 것’ 3 개 분과로 구성"
    found = [m.group() for m in LEX.SESSION_ENUM_RE.finditer(text)]
    assert found and all(counter in f for f in found)
    for text in corpus_texts(300):
        for m in LEX.SESSION_ENUM_RE.finditer(text):
            assert counter in m.group()


def plain_title_before(text: str, start: int, line_start: int) -> str | None:
    m = LEX.SESSION_QUOTE_BEFORE_RE.search(text, max(line_start, start - 120), start)
    return m.group("title") if m else None


def test_title_before_is_the_plain_search() -> None:
    subjects = LEX.semantic["sessions"]["title_subject"]
    assert not any(word[-1].isspace() for word in subjects)     # rstrip keeps each whole
    rnd = random.Random(5)
    cases = ["‘디지털 전환’을 주제로 한 세션3", "‘디지털 전환’을 주제로 한  \n 세션3", "‘가상’를 주제로 하는 세션",
             "‘가상’ 주제로 세션", "‘가상’을 주제로 한다 세션", "가상을 주제로 한 세션"]
    texts = cases + corpus_texts(150)
    found = 0
    for text in texts:
        starts = {len(text)} | {rnd.randrange(len(text) + 1) for _ in range(40)}
        for word in subjects:
            at = text.find(word)
            while at >= 0:
                starts.update({at + len(word), at + len(word) + 1, at + len(word) + 2})
                at = text.find(word, at + 1)
        for start in starts:
            start = min(start, len(text))
            line_start = max(0, start - rnd.randrange(200))
            expected = plain_title_before(text, start, line_start)
            got = sessions.title_before(text, start, line_start, LEX)
            assert got == (sessions.collapse(expected) if expected else None)
            found += expected is not None
    assert found >= 3


def test_a_quoted_session_holds_a_closing_quote() -> None:
    text = "「가상 보고서 발표」 세션에서는 ‘나라’ 분과는"
    assert [m.group("title") for m in LEX.QUOTED_SESSION_RE.finditer(text)] == ["가상 보고서 발표", "나라"]
    for text in corpus_texts(300) + [text]:
        for m in LEX.QUOTED_SESSION_RE.finditer(text):
            assert sessions.holds_any(m.group(), sessions.TALK_QUOTE_CLOSE)


def test_the_gates_spare_the_quote_searches_on_the_seed() -> None:
    # The stage's calls of the gated patterns on the seed, each below its count before this
    # pass (TOPIC_QUOTE_RE 9, SESSION_ENUM_RE 13, QUOTED_SESSION_RE 6), TOPIC_LEAD_RE none (9);
    # the output is the same (the fingerprint).
    import copy

    from pipeline.runner import STAGES, new_document
    from .conftest import SAMPLES
    seed = "apec-2004-sme-forum.txt"
    doc = new_document((SAMPLES / seed).read_bytes(), seed)
    for name, stage in STAGES[:[n for n, _ in STAGES].index("sessions")]:
        stage(doc, LEX)
    lex = copy.copy(LEX)
    names = ("TOPIC_LEAD_RE", "TOPIC_QUOTE_RE", "SESSION_ENUM_RE", "QUOTED_SESSION_RE")
    recorded = {name: RecordingPattern(LEX.patterns[name]) for name in names}
    lex.__dict__.update(recorded)
    sessions.run(doc, lex)
    calls = {name: len(p.calls) for name, p in recorded.items()}
    assert doc.sessions and calls["TOPIC_LEAD_RE"] == 0
    assert calls["TOPIC_QUOTE_RE"] < 9 and calls["SESSION_ENUM_RE"] < 13
    assert calls["QUOTED_SESSION_RE"] < 6, calls
