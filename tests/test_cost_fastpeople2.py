"""The people stage's second speed pass (issue 14), without clocks: the bracket readers' patterns
are tried only at brackets that can close a match, PERSON_PAREN_RE's bracket asks for a title's
end first, the programme reader tries PROGRAM_ROLE_RE only on the lines one scan finds, the aged
list reader only when the bracket scan met an age — and each shortcut finds what the plain way
found."""
from __future__ import annotations

import random
import re
from collections import Counter

from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.lexicon import alternation, load_lexicon, trie_alternation
from pipeline.runner import new_document, run
from pipeline.stages import people
from pipeline.stages.normalize import split_lines

from .test_cost_fastpeople import BEFORE_PEOPLE, CountingLexicon, corpus_texts, seed_before_people, windows_of

HANGUL = "가-힣"
READERS = ("ORG_HEAD_PERSON_RE", "PERSON_PAREN_RE", "PERSON_ORG_ITEM_RE")
# Each reader's pattern, the group that ends right before its '(' and the pattern of its bracket.
BRACKETS = [("ORG_HEAD_PERSON_RE", "org", "HEAD_BRACKET_RE"),
            ("PERSON_PAREN_RE", "name", "PAREN_BRACKET_RE"),
            ("PERSON_ORG_ITEM_RE", "name", "ORG_ITEM_BRACKET_RE")]


def paren_as_before() -> re.Pattern[str]:
    """PERSON_PAREN_RE as it was written before its bracket's lookahead, from the same data."""
    lex = load_lexicon()
    p = lex.semantic["people"]
    titles = trie_alternation(lex.titles["person"] + p["extra"]["titles"])
    return re.compile(
        rf"(?<![{HANGUL}])(?P<name>[{HANGUL}]{{2,4}})\((?P<inside>(?:[^()\n]{{0,40}}?(?:\s|(?P<glued>[{HANGUL}])))?"
        rf"(?P<title>{titles})(?:{alternation(p['extra']['title_suffixes'])})?)\)")


def found(matches) -> list[tuple]:
    return [(m.span(), m.groupdict()) for m in matches]


# Names, titles (with a suffix, glued to a body, of two words), brackets that close a title, a
# head, a list item, an age or nothing, and the characters around them.
PIECES = ["김소영", "크리스", "홀", "금융위원회", "한국경제학회", "부위원장", "위원장", "회장", "교수", "장관", "보",
          "직무대행", "(", ")", "(금)", "(SDGs)", "(61)", "(2024년)", "(청장 홍길동)", "(손병두 부위원장)",
          "(고려대)", "(금융위원회 부위원장)", "(가상대, 정책위원회)", "이하 ", "좌장", "발표", ":", "：", "1",
          ", ", "등", "은", "의", " ", "  ", "\n", "·", "A", "KERI", "△", "ㅇ", "-"]


def texts_to_try() -> list[str]:
    return corpus_texts(200)


def test_each_reader_matches_where_its_bracket_matches_on_samples_and_corpus():
    """A reader's match is its word and, from the '(' on, what its bracket pattern matches: so a
    '(' where the bracket pattern fails starts no match, whatever the word before it."""
    lex = load_lexicon()
    for text in texts_to_try():
        for reader, word, bracket in BRACKETS:
            for m in getattr(lex, reader).finditer(text):
                b = getattr(lex, bracket).match(text, m.end(word))
                assert b is not None and b.end() <= m.end(), (reader, m.group())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=30), st.randoms(use_true_random=False))
def test_paren_pattern_finds_what_it_found_before_its_lookahead(pieces: list[str], rnd: random.Random):
    text = "".join(pieces)
    before, lex = paren_as_before(), load_lexicon()
    for lo, end in windows_of(text, rnd, 3):
        assert found(lex.PERSON_PAREN_RE.finditer(text, lo, end)) == found(before.finditer(text, lo, end))


def test_paren_pattern_finds_what_it_found_before_on_samples_and_corpus():
    before, lex = paren_as_before(), load_lexicon()
    for text in texts_to_try():
        assert found(lex.PERSON_PAREN_RE.finditer(text)) == found(before.finditer(text))


def bullets_doc(body: str):
    return run(new_document(body.encode(), "<bullets>"), load_lexicon(), BEFORE_PEOPLE)


def reader_calls(doc) -> Counter:
    counts = Counter()
    people.run(doc, CountingLexicon(counts))
    return Counter({name: n for (name, _), n in counts.items() if name in READERS})


def test_brackets_that_close_no_match_never_try_the_readers():
    """Dates, units and notes in brackets: the readers' patterns are not tried at all, however
    many such brackets the release holds (each was tried at up to five starts). A gloss ('(SDGs)')
    is still tried as a list item: what follows the bracket is the item pattern's to check (its
    '$' holds at the end of a bullet)."""
    row = "□ 정부는 올해(2024년) 예산(단위: 억원)을 지난해보다(10%) 늘렸다(금).\n"
    for rows in (1, 40):
        doc = bullets_doc("보도자료\n\n" + row * rows)
        assert doc.text.count("(") >= 4 * rows
        assert reader_calls(doc) == Counter()


def test_a_bracket_that_closes_a_match_still_tries_its_reader():
    doc = bullets_doc("보도자료\n\n□ 이번 회의에는 김소영(금융위원회 부위원장)과 산림청(청장 홍길동)이 참석하였다.\n")
    calls = reader_calls(doc)
    assert calls["PERSON_PAREN_RE"] >= 1 and calls["ORG_HEAD_PERSON_RE"] >= 1
    assert {p.name for p in doc.people} >= {"김소영", "홍길동"}


def test_reader_tries_on_the_seed_stay_few():
    """The seed has 30 brackets: 16 tries of the readers' patterns (36 before the bracket checks)."""
    doc = seed_before_people()
    assert sum(reader_calls(doc).values()) <= 20


# --- programme lines ---------------------------------------------------------------------------

def assert_role_lines_found(text: str) -> None:
    lex = load_lexicon()
    starts = people.role_line_starts(text, lex)
    for line in split_lines(text):
        if lex.PROGRAM_ROLE_RE.match(text, line.content.start, line.content.end):
            assert line.start in starts, line.text


def test_role_lines_hold_every_line_the_role_pattern_matches_on_samples_and_corpus():
    for text in texts_to_try():
        assert_role_lines_found(text)


ROLE_PIECES = ["좌장", "발표", "주제발표", "토론", "사회", "(", ")", "[", "]", "<", ">", "〈", "〉", ":", "：",
               "1", "2", " ", "\t", "\n", "\u3000", "ㅇ", "-", "·", "▶", "김소영", "교수", "회의"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(ROLE_PIECES), max_size=25))
def test_role_lines_hold_every_line_the_role_pattern_matches_on_any_mix(pieces: list[str]):
    assert_role_lines_found("".join(pieces))


def test_a_release_without_marks_or_role_lines_reads_no_line_for_a_programme():
    doc = bullets_doc("보도자료\n\n□ 정부는 올해 예산을 늘렸다.\n○ 발표된 내용은 다음과 같다.\n")
    counts = Counter()
    people.run(doc, CountingLexicon(counts))
    # Only the text's first line, which no newline opens, is tried (it was every body line).
    assert counts["PROGRAM_ROLE_RE", "match"] <= 1
    assert not {name for name, _ in counts} & {"PROGRAM_LISTED_RE", "PROGRAM_PERSON_RE"}


# --- aged lists and issuer heads ---------------------------------------------------------------

def assert_aged_found(text: str, windows: list[tuple[int, int]]) -> None:
    """Every '(61)' an aged item's pattern reads after a name in the window is a start the bracket
    scan gives (from_aged_list reads nothing when there is none)."""
    lex = load_lexicon()
    for lo, end in windows:
        aged = set(people.find_starts(text, lex, lo, end).aged)
        for m in lex.AGED_PERSON_RE.finditer(text, lo, end):
            assert m.start("age") - 1 in aged, m.group()


def test_aged_starts_hold_every_aged_item_on_samples_and_corpus():
    rnd = random.Random(61)
    for text in texts_to_try():
        assert_aged_found(text, windows_of(text, rnd, 2))


AGED_PIECES = ["고하늘", "나별", "사무처장", "방송작가", "전(前)", "(61)", "(76세)", "(7)", "(612)", "(", ")",
               "6", ", ", " ", "\n", "※", ":", "A"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(AGED_PIECES), max_size=25), st.randoms(use_true_random=False))
def test_aged_starts_hold_every_aged_item_on_any_mix(pieces: list[str], rnd: random.Random):
    text = "".join(pieces)
    assert_aged_found(text, windows_of(text, rnd, 3))


def test_aged_list_is_read_when_the_scan_meets_an_age():
    doc = bullets_doc("보도자료\n\n□ 올해의 인물: 가상협의회 사무처장 고하늘(61), 방송작가 남궁별(48)\n")
    people.run(doc, load_lexicon())
    assert {"고하늘", "남궁별"} <= {p.name for p in doc.people}


def test_issuer_heads_reads_no_release_when_nobody_has_a_title():
    """No titled person, no head to find: the issuer is not looked up (a release with no person
    used to sort the head titles by their endings all the same)."""
    lex = load_lexicon()
    untitled = people.Person("김소영", None, None, None, None, ["contact"], (0, 3))
    people.issuer_heads(None, lex, [])          # the document is never read
    people.issuer_heads(None, lex, [untitled])
    assert untitled.roles == ["contact"]


def test_starts_keep_their_spans_in_the_text():
    """Each kept start of a bracket reader lies before a '(' and inside the scanned range."""
    lex = load_lexicon()
    for text in texts_to_try()[:60]:
        starts = people.find_starts(text, lex)
        for at in starts.head + starts.paren + starts.item:
            assert 0 <= at < len(text) and "(" in text[at:at + 32]
        assert all(text[at] == "(" for at in starts.aged)
