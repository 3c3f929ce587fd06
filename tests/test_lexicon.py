"""lexicon: named patterns are compiled the first time they are asked for, once, and read alike
as attributes and by name."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.lexicon import HANGUL, PatternSource, alternation, first_word_ends, load_lexicon, trie_alternation
from pipeline.runner import new_document, run

from .conftest import SAMPLES


def fresh_lexicon():
    """A lexicon built anew, not the process's shared one (load_lexicon caches it)."""
    return load_lexicon.__wrapped__()


def compiled_names(lex) -> set[str]:
    return {name for name in lex.patterns if name in lex.__dict__}


def test_nothing_is_compiled_before_it_is_asked_for():
    lex = fresh_lexicon()
    assert len(lex.patterns) > 100 and compiled_names(lex) == set()
    assert lex.PHONE_RE.search("전화 02-3787-0433")
    assert compiled_names(lex) == {"PHONE_RE"}


def test_attribute_and_name_give_the_same_pattern_compiled_once():
    lex = fresh_lexicon()
    by_name = lex.patterns["FIGURE_RE"]
    assert lex.FIGURE_RE is by_name is lex.patterns["FIGURE_RE"] is getattr(lex, "FIGURE_RE")
    assert isinstance(by_name, re.Pattern) and "number" in by_name.groupindex


def test_unknown_names_fail_as_attributes_and_keys_do():
    lex = fresh_lexicon()
    with pytest.raises(AttributeError, match="no pattern NO_SUCH_RE"):
        lex.NO_SUCH_RE
    with pytest.raises(KeyError):
        lex.patterns["NO_SUCH_RE"]
    assert "NO_SUCH_RE" not in lex.patterns and "PHONE_RE" in lex.patterns
    assert not hasattr(lex, "__setstate__")


def test_a_pattern_compiled_already_is_taken_as_it_is():
    lex = fresh_lexicon()
    compiled = re.compile(r"(?P<x>가)")
    lex.add_patterns({"EXTRA_RE": compiled, "LATER_RE": PatternSource(r"(?P<y>나)")})
    assert lex.EXTRA_RE is compiled and lex.patterns["LATER_RE"].search("나")["y"] == "나"


def test_a_name_registered_twice_is_an_error():
    lex = fresh_lexicon()
    with pytest.raises(ValueError, match="defined twice"):
        lex.add_patterns({"PHONE_RE": PatternSource("x")})


def test_a_parse_compiles_only_what_it_uses():
    lex = fresh_lexicon()
    run(new_document("□ 행사 개요\n  ○ 일시: 2004년 7월 15일\n".encode(), "t.txt"), lex)
    used = compiled_names(lex)
    assert "MARKER_RE" in used and len(used) < len(lex.patterns) / 2
    # plain text without mojibake needs neither the markup nor the mojibake patterns
    assert not used & {"HTML_TAG_RE", "MD_HEADING_RE", "LATIN_RUN_RE"}


# --- patterns rewritten for speed find what they found before -------------------------------

SHARED = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def person_mention_as_before(lex) -> re.Pattern[str]:
    """PERSON_MENTION_RE without its word-end lookahead: the definition it must agree with."""
    people = lex.semantic["people"]
    titles = lex.titles["person"] + people["extra"]["titles"]
    last = "".join(sorted({t[-1] for t in titles}))
    tail = alternation(people["name"]["title_tail"])
    return re.compile(rf"\s(?=[{HANGUL}0-9·]{{0,16}}?[{last}])"
                      rf"(?P<glued>[{HANGUL}0-9·]{{1,12}}?)??(?P<title>{trie_alternation(titles)})"
                      rf"(?=(?:{tail})?(?![{HANGUL}]))")


PERSON_MENTION_BEFORE = person_mention_as_before(load_lexicon())


def found(pattern: re.Pattern[str], text: str) -> list[tuple]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


def corpus_texts(limit: int = 300) -> list[str]:
    paths = sorted((SHARED / "korea-kr").glob("*.md"))[:limit] if SHARED.is_dir() else []
    return [p.read_text(encoding="utf-8") for p in paths]


def test_person_mentions_as_before_on_samples_and_corpus():
    lex = load_lexicon()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))] + corpus_texts()
    assert texts
    for text in texts:
        assert found(lex.PERSON_MENTION_RE, text) == found(PERSON_MENTION_BEFORE, text)


WORDS = ["위원장", "장관", "차관", "국장", "센터장 직무대행", "위원장 직무대행", "1", "김철수", "개발협력",
         "은", "는", "이", ",", ")", " ", "  ", "·", "사업", "장", "관"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(WORDS), max_size=25))
def test_person_mentions_as_before_on_any_mix_of_titles_and_words(pieces: list[str]):
    lex = load_lexicon()
    text = "".join(pieces)
    assert found(lex.PERSON_MENTION_RE, text) == found(PERSON_MENTION_BEFORE, text)


def test_every_title_opens_with_a_word_character():
    lex = load_lexicon()
    titles = lex.titles["person"] + lex.semantic["people"]["extra"]["titles"]
    assert first_word_ends(titles) >= {t[-1] for t in titles if " " not in t}
    with pytest.raises(ValueError):
        first_word_ends(["(직무대행)"])


def phone_as_before(lex) -> re.Pattern[str]:
    """PHONE_RE as first written, led by its lookarounds: the definition it must agree with."""
    extension = alternation(lex.labels["contact"]["extension"])
    return re.compile(r"(?=[(\d])(?<![\d\w,.])(?P<phone>(?:\(?0\d{1,2}\)?\s*[-).]?\s*)?\d{3,4}\s*[-.]\s*\d{4})(?!\d)"
                      rf"(?:\s*\(?\s*(?:{extension})\s*(?P<extension>\d{{1,5}})\s*\)?)?")


PHONE_BEFORE = phone_as_before(load_lexicon())


def phone_matches(pattern: re.Pattern[str], text: str) -> tuple:
    full = pattern.fullmatch(text)
    return found(pattern, text), full and full.groupdict()


def test_phones_as_before_on_samples_and_corpus():
    lex = load_lexicon()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))] + corpus_texts()
    assert any(lex.PHONE_RE.search(text) for text in texts)
    for text in texts:
        assert found(lex.PHONE_RE, text) == found(PHONE_BEFORE, text)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(list("0123456789()-.,a가 \n") + ["02", "044", "010", "내선", "Ext."]),
                max_size=30))
def test_phones_as_before_on_any_mix_of_digits_and_marks(pieces: list[str]):
    text = "".join(pieces)
    assert phone_matches(load_lexicon().PHONE_RE, text) == phone_matches(PHONE_BEFORE, text)


def labels_missing_a_key(lex, text: str) -> list[str]:
    """The session labels found in `text` inside which neither SESSION_LABEL_KEY_RE nor
    sessions.part_keys ('1부') finds a key: a line without a key is skipped by the sessions
    stage (sessions.scan_lines), so there must be none."""
    from pipeline.stages.sessions import part_keys
    return [m.group() for m in lex.SESSION_LABEL_RE.finditer(text)
            if not lex.SESSION_LABEL_KEY_RE.search(text, m.start(), m.end())
            and not part_keys(text, m.start(), m.end(), lex)]


def test_every_session_label_holds_its_key_on_samples_and_corpus():
    lex = load_lexicon()
    texts = [p.read_text(encoding="utf-8") for p in sorted(SAMPLES.glob("*.txt"))] + corpus_texts()
    assert any(lex.SESSION_LABEL_RE.search(text) for text in texts)
    for text in texts:
        assert labels_missing_a_key(lex, text) == []


SESSION_PIECES = ["세션", "Session", "Track", "분과", "부", "제", "1", "12", "첫", " 번째 ", "두", "마지막", "종합토론",
                  "특별 세션", "[", "]", "(", ")", "【", "】", "에서는", "은", ":", " ", "가", "A"]


@settings(max_examples=600, deadline=None)
@given(st.lists(st.sampled_from(SESSION_PIECES), max_size=20))
def test_every_session_label_holds_its_key_in_any_mix_of_label_pieces(pieces: list[str]):
    assert labels_missing_a_key(load_lexicon(), "".join(pieces)) == []
