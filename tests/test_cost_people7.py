"""The people stage's scans (issue 14, wave 6), without clocks. Each shortcut finds what the
plain form found:
- PROGRAM_ROLE_LINE_RE fails fast on a line that opens with no role: one possessive run over the
  line's blanks, marks and brackets, then a class of the roles' first characters; its optional
  parts are possessive. It finds the lines the plain pattern found (corpus, mixes).
"""
from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.lexicon import load_lexicon, trie_alternation
from pipeline.runner import new_document, run
from pipeline.stages import people

from .test_cost_fastpeople import BEFORE_PEOPLE, corpus_texts

LEX = load_lexicon()


# --- programme role lines ----------------------------------------------------------------------

def plain_role_line_re(lex) -> re.Pattern[str]:
    """PROGRAM_ROLE_LINE_RE as it was: no lookahead, the optional parts greedy (retried)."""
    marks = re.escape(lex.semantic["program"]["markers"])
    roles = trie_alternation(list(lex.semantic["program"]["role_of"]))
    return re.compile(
        rf"\n[^\S\n]*+[{marks}]?[^\S\n]*+[(\[<〈]?[^\S\n]*+"
        rf"(?:{roles})[^\S\n]*+\d{{0,2}}[^\S\n]*+[)\]>〉:：]")


def role_lines(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def test_role_line_lookahead_is_the_plain_patterns_on_the_corpus():
    plain, found = plain_role_line_re(LEX), 0
    for text in corpus_texts(2000):     # every record: two hold programmes
        lines = role_lines(plain, text)
        assert role_lines(LEX.PROGRAM_ROLE_LINE_RE, text) == lines
        found += len(lines)
    assert found        # the samples hold programmes: the comparison saw role lines


def test_role_first_characters_open_no_mark_bracket_or_blank():
    """What the lookahead relies on: the run of blanks, marks and brackets stops at a role."""
    run_class = re.compile(rf"[\s{re.escape(LEX.semantic['program']['markers'])}(\[<〈]")
    assert not any(run_class.match(role) for role in LEX.semantic["program"]["role_of"])


ROLE_BITS = ["\n", " ", "\t", "ㅇ", "○", "-", "·", "(", "[", "<", "〈", ")", "]", ">", "〉", ":", "：", "1", "12",
             "좌장", "발표", "발표자", "토론", "지정토론", "사회", "축사", "기조", "기조연설", "가상", "김철수", "　"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ROLE_BITS), max_size=16))
@example(["\n", "ㅇ", " ", "(", "발표", "1", ")"])
@example(["\n", "-", "-", "좌장", ":"])
@example(["\n", "○", "(", "(", "토론", ")"])
def test_role_line_lookahead_is_the_plain_patterns_on_mixes(bits):
    text = "".join(bits)
    assert role_lines(LEX.PROGRAM_ROLE_LINE_RE, text) == role_lines(plain_role_line_re(LEX), text)


# --- programme lines skipped ------------------------------------------------------------------------

def docs_before_people(limit: int = 2000):
    for text in corpus_texts(limit):
        yield run(new_document(text.encode("utf-8"), "t.md"), LEX, BEFORE_PEOPLE)


def test_role_lines_hold_every_line_a_role_opens():
    """What from_program's skip relies on: a line PROGRAM_ROLE_RE matches at (its content) is
    one PROGRAM_ROLE_LINE_RE finds (or the text's first line, which from_program tries alone)."""
    opened = 0
    for doc in docs_before_people():
        starts = people.role_line_starts(doc.text, LEX)
        for line in doc.lines[1:]:
            if not line.blank and people.is_role_line(doc, line, LEX):
                assert line.start in starts, line.text
                opened += 1
    assert opened
