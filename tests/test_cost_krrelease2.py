"""Release's and bullets' cost on korea.kr records (issue 14), without clocks: each shortcut of
this pass checked against the form it replaces, and held to its count of calls.

- match_kind asks a title line for a kind word's last letter by one `in` a letter, not by the
  letter set's isdisjoint over the line (which makes and hashes a string per Hangul letter).
- warn_if_cut_off counts the closing brackets only when the last node opened one.
"""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.document import Document, Node, Source, Span
from pipeline.lexicon import load_lexicon
from pipeline.stages import bullets, release

from .complexity import operations

LEX = load_lexicon()

# Invented pieces of title and header lines: kind words (spaced or not), their last letter
# alone, other Hangul, brackets and blanks.
PIECES = ["보도자료", "보 도 자 료", "설명자료", "료", "자료", "가상부", "새 제도 시행", "[", "]", " ", "(", ")",
          "재료비", "ab", "1.", "…"]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=8).map("".join))
def test_kind_letter_test_is_the_sets_isdisjoint(text):
    """The `in` a letter gives what `not isdisjoint` gave, whatever the letters' order."""
    lasts = release.kind_last_letters(LEX)
    assert any(map(text.__contains__, lasts)) == (not lasts.isdisjoint(text))


def node(text: str) -> Node:
    return Node("□", 1, text, Span(0, len(text)))


def doc_with_last(text: str) -> Document:
    doc = Document(source=Source(path="t", sha256="", bytes=0), raw=b"")
    doc.sections = [node(text)]
    return doc


BRACKETS = ["(", ")", "[", "]", "{", "}", "「", "」", "『", "』", "가", " ", "멕시코"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(BRACKETS), max_size=10).map("".join))
def test_cut_off_warning_is_the_plain_count(text):
    """The early return gives the warning the two counts gave: an unclosed bracket or none."""
    doc = doc_with_last(text)
    bullets.warn_if_cut_off(doc)
    opened = sum(text.count(ch) for ch in "([{「『")
    closed = sum(text.count(ch) for ch in ")]}」』")
    assert bool(doc.issues) == (opened > closed)


def test_a_last_node_without_brackets_costs_no_closing_count():
    """The openers counted, and the closers not, for a last node opening no bracket (the
    closers' count is one sum more: the counts inside map are made in C, unseen)."""
    doc = doc_with_last("새 제도를 시행한다고 밝혔다.")
    with_none = operations(lambda: bullets.warn_if_cut_off(doc))
    doc = doc_with_last("새 제도를 (시행) 한다.")
    with_one = operations(lambda: bullets.warn_if_cut_off(doc))
    assert with_one - with_none == 1      # the closers' sum only here (map is a type: no c_call)

