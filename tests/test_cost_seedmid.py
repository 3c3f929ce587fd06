"""Cost of the sessions stage on seed-like releases (issue 14, helper seedmid), without clocks:
each shortcut gives exactly what the rule it replaces gave (that rule run on invented, random
and corpus input), and the work it saves is not done (pattern calls and their reach counted).

- sessions.lead_topic: TOPIC_LEAD_RE's topic or case ('… 부문에서 ', '… 사례에서는 ') found by a
  search for its tails (they open with literals), no further than a tail that can still count
  can end, instead of the lazy pattern trying its tail after each of up to 60 characters twice.
  TOPIC_LEAD_RE itself is unchanged (people.py matches it too)."""
from __future__ import annotations

import random

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
