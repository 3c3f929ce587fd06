"""The people stage's fourth speed pass (issue 14), without clocks: is_korean_name's and
is_affiliation_word's answers are kept by word (people.WordMemo), parse_roles rules out a window holding no role word by
one search (lexicon ROLE_WORD_RE), the words before a title with only ' ' between them are read
by their lengths, and a transliterated name's runs ask each word once. Each shortcut answers
what the plain check answered; the stage's calls on the seed stay near what they are now."""
from __future__ import annotations

import random
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.lexicon import load_lexicon
from pipeline.stages import people
from pipeline.text import SENTENCE_FULL_STOP_RE

from .complexity import operations
from .test_cost_fastpeople import CountingLexicon, corpus_texts, seed_before_people, windows_of


def corpus_words(limit: int = 150) -> list[str]:
    """Words of the samples and the korea.kr records, with the particles and brackets they carry."""
    return sorted({w for text in corpus_texts(limit) for w in text.split()})


# --- is_korean_name's memo ---------------------------------------------------------------------

REMEMBERED = [(people.is_korean_name, people.is_korean_name_shape, "KOREAN_NAMES"),
              (people.is_affiliation_word, people.is_affiliation_word_shape, "AFFILIATION_WORDS")]


def test_remembered_answers_are_the_checks_answers():
    lex = load_lexicon()
    words = corpus_words() + ["서정욱", "남궁민수", "장관", "장관은", "라오스", "유엔", "제1차", "김", "",
                              "벨기에", "법무법인", "금융위원회", "BIS", "호주의"]
    for asked, made_by, memo in REMEMBERED:
        getattr(people, memo).semantic = None         # a fresh memo: the first answers are made
        first = [asked(w, lex) for w in words]
        again = [asked(w, lex) for w in words]         # now read from the memo
        made = [made_by(w, lex) for w in words]
        assert first == again == made, memo
        assert any(made) and not all(made)


def test_the_memo_stays_bounded_and_follows_the_lexicon(monkeypatch):
    lex = load_lexicon()
    monkeypatch.setattr(people.WordMemo, "MAX_WORDS", 50)
    memo = people.WordMemo(people.is_korean_name_shape)
    monkeypatch.setattr(people, "KOREAN_NAMES", memo)
    for word in corpus_words(40)[:400]:
        assert people.is_korean_name(word, lex) == people.is_korean_name_shape(word, lex)
        assert len(memo.answers) <= 50
    # Another lexicon's vocabulary (here: one without surnames) is not answered from the memo.
    other = CountingLexicon(Counter())
    other.semantic = {**lex.semantic, "surname_set": frozenset()}
    assert people.is_korean_name("서정욱", lex)
    assert not people.is_korean_name("서정욱", other)
    assert memo.semantic is other.semantic


# --- parse_roles' guard ------------------------------------------------------------------------

def roles_as_before(text: str, end: int, node_end: int) -> list[str]:
    """parse_roles before ROLE_WORD_RE: each rule's pattern searched through the whole window."""
    lex = load_lexicon()
    if people.chairs(text, end, node_end, lex):
        return ["moderator"]
    if lex.HEAD_AFTER_RE.match(text, end, node_end):
        return ["head"]
    stop = SENTENCE_FULL_STOP_RE.search(text, end, min(node_end, end + people.ROLE_WINDOW))
    window_end = stop.start() if stop else min(node_end, end + people.ROLE_WINDOW)
    return next(([role] for role, pattern in people.ROLE_RULES
                 if getattr(lex, pattern).search(text, end, window_end)), [])


def test_every_role_rule_opens_with_a_role_word():
    """The ground of the guard: a rule's match starts where ROLE_WORD_RE matches."""
    lex = load_lexicon()
    for text in corpus_texts(200):
        for _, pattern in people.ROLE_RULES:
            for m in getattr(lex, pattern).finditer(text):
                assert lex.ROLE_WORD_RE.match(text, m.start()) is not None, (pattern, m.group())


def test_roles_are_what_the_four_searches_gave_on_samples_and_corpus():
    rnd = random.Random(14)
    lex = load_lexicon()
    for text in corpus_texts(200):
        for lo, end in windows_of(text, rnd, 8):
            assert people.parse_roles(text, lo, end, lex) == roles_as_before(text, lo, end), (lo, end)


ROLE_PIECES = ["기조연설", "기조 강연", "사회로", "좌장을", "사회", "토론자", "패널", "발표", "제시",
               "주재로", "를 대표로", "은", " ", ".", ". ", "1.", "\n", "교수", "위원장"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(ROLE_PIECES), max_size=20), st.randoms(use_true_random=False))
def test_roles_are_what_the_four_searches_gave_on_any_mix(pieces: list[str], rnd: random.Random):
    text = "".join(pieces)
    for lo, end in windows_of(text, rnd, 4):
        assert people.parse_roles(text, lo, end, load_lexicon()) == roles_as_before(text, lo, end)


# --- words read by their lengths ---------------------------------------------------------------

def test_no_blank_but_the_space_is_printable():
    """The ground of words_between's fast path: a printable text has no blank but ' ', so its
    words lie between single spaces."""
    blanks = [chr(c) for c in range(0x110000) if chr(c).isspace()]
    assert [b for b in blanks if b.isprintable()] == [" "]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["김소영", "위원장", "(", ")", "·", " ", "  ", "   ", "A", "가"]), max_size=25),
       st.randoms(use_true_random=False))
def test_words_of_a_printable_text_are_what_word_re_finds(pieces: list[str], rnd: random.Random):
    text = "".join(pieces)
    lex = load_lexicon()
    for lo, end in windows_of(text, rnd, 4):
        assert people.words_between(text, lo, end) \
            == [(w.start(), w.end(), w.group()) for w in lex.WORD_RE.finditer(text, lo, end)]


# --- a transliterated name asked once per word -------------------------------------------------

def test_each_word_of_a_repeated_name_is_asked_once(monkeypatch):
    """'… 브루노 오버레이 세계자연보전연맹 |사무총장': the runs of two and three words tried at each
    cut overlap, and each word is asked whether it can be a name's once."""
    asked: Counter = Counter()
    plain = people.is_foreign_word
    monkeypatch.setattr(people, "is_foreign_word", lambda w, lex, glossed=False: (asked.update([w]), plain(w, lex, glossed))[1])
    text = "회의에는 브루노 오버레이 세계자연보전연맹 사무총장이 참석했다. 브루노 오버레이 사무총장은 말했다."
    at = text.index("사무총장")
    words = people.words_between(text, 0, at)
    found = people.match_repeated_name(text, words, at, "사무총장", load_lexicon())
    assert found is not None and found.name == "브루노 오버레이" and found.affiliation == "세계자연보전연맹"
    assert asked and max(asked.values()) == 1


# --- the stage's calls -------------------------------------------------------------------------

# Measured on the seed after this pass: 2,734 function calls (Python and C) in people.run with
# fresh word memos, 2,518 with the words known (3,021 before it). The bounds are ~1.1× those,
# below the calls before this pass, so that a return to them fails.
SEED_OPERATIONS_FRESH = 2960
SEED_OPERATIONS_KNOWN = 2850


def test_people_stage_calls_on_the_seed_stay_below_the_third_pass():
    doc, lex = seed_before_people(), load_lexicon()
    people.run(doc, lex)        # patterns compiled
    people.KOREAN_NAMES.semantic = people.AFFILIATION_WORDS.semantic = None     # words not known yet
    assert operations(lambda: people.run(doc, lex)) <= SEED_OPERATIONS_FRESH
    assert operations(lambda: people.run(doc, lex)) <= SEED_OPERATIONS_KNOWN


def test_a_window_without_a_role_word_is_searched_once():
    """Most people's windows hold no role word: one search there, not the four rules'."""
    lex, counts = load_lexicon(), Counter()
    text = "김소영 금융위원회 부위원장은 회의에 참석하였다. 이어서"
    people.parse_roles(text, text.index("은"), len(text), CountingLexicon(counts))
    assert counts["ROLE_WORD_RE", "search"] == 1
    assert not any(counts[pattern, "search"] for _, pattern in people.ROLE_RULES)
    assert people.parse_roles(text, text.index("은"), len(text), lex) == []
