"""lexicon: named patterns are compiled the first time they are asked for, once, and read alike
as attributes and by name."""
from __future__ import annotations

import re

import pytest

from pipeline.lexicon import PatternSource, load_lexicon
from pipeline.runner import new_document, run


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
