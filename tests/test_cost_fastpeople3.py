"""The people stage's third speed pass (issue 14), without clocks: the words before a title are
read by a split and a find per word (people.words_between) instead of a match per word — and
they are the words lexicon WORD_RE finds, with the same offsets."""
from __future__ import annotations

import random
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.lexicon import load_lexicon
from pipeline.stages import people

from .test_cost_fastpeople import CountingLexicon, corpus_texts, seed_before_people, windows_of


def as_word_re(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(w.start(), w.end(), w.group()) for w in load_lexicon().WORD_RE.finditer(text, start, end)]


# Words, repeated words (a find must not meet an earlier copy), every kind of blank Python and the
# pattern know (the ideographic space, a no-break space, tabs, newlines, a line separator) and
# characters that are no blank (a zero-width space, a soft hyphen).
PIECES = ["김소영", "김", "소영", "위원장", "장", "Robert", "(", ")", "·", ",", " ", "  ", "\t", "\n", "\r",
          "\u3000", "\u00a0", "\u2028", "\u2009", "\x1c", "\x85", "\u200b", "\u00ad", "a", "aa"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.randoms(use_true_random=False))
def test_words_between_are_what_word_re_finds_on_any_mix(pieces: list[str], rnd: random.Random):
    text = "".join(pieces)
    for lo, end in windows_of(text, rnd, 4):
        assert people.words_between(text, lo, end) == as_word_re(text, lo, end)


def test_words_between_are_what_word_re_finds_on_samples_and_corpus():
    rnd = random.Random(14)
    for text in corpus_texts(200):
        for lo, end in windows_of(text, rnd, 6):
            assert people.words_between(text, lo, end) == as_word_re(text, lo, end)


def test_every_character_python_splits_on_is_a_blank_to_the_pattern():
    """The ground of words_between: str.split and WORD_RE's \\S agree on every code point."""
    blanks = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())
    text = "가".join(blanks) + "가"
    assert people.words_between(text, 0, len(text)) == as_word_re(text, 0, len(text))


ENDINGS = ["청", "처", "부", "위원회", "원", "연구원", "회", "공사", "사"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ENDINGS + ["산림", "국가", "통상", "가", "A"]), max_size=5),
       st.lists(st.sampled_from(ENDINGS), unique=True))
def test_longest_ending_is_the_longest_of_the_endings_the_name_ends_with(pieces: list[str], endings: list[str]):
    name, table = "".join(pieces), dict.fromkeys(endings, [])
    expected = next((e for e in sorted(table, key=len, reverse=True) if name.endswith(e)), None)
    assert people.longest_ending(name, table) == expected


def test_the_seed_reads_no_words_by_pattern():
    """The seed's 14 windows before a title were read by WORD_RE.finditer (475 pattern calls in
    all); words_between reads them by a split: none is left, and the stage makes at most 461 + ~10%."""
    doc, counts = seed_before_people(), Counter()
    people.run(doc, CountingLexicon(counts))
    assert counts[("WORD_RE", "finditer")] == 0
    assert sum(counts.values()) <= 510
