"""Data files: every file loads, every pattern compiles, no entry appears twice."""
from __future__ import annotations

import re
from collections import Counter

from pipeline.lexicon import load_lexicon, read_toml


def test_patterns_compile_with_named_groups_only():
    lex = load_lexicon()
    assert lex.patterns
    for name, pattern in lex.patterns.items():
        assert name.endswith("_RE")
        assert isinstance(pattern, re.Pattern)
        assert pattern.groups == len(pattern.groupindex), f"{name} has an unnamed group"


def test_fold_table_maps_single_characters_and_never_adds_line_ends():
    for source, target in load_lexicon().fold.items():
        assert isinstance(source, int)
        assert "\n" not in target


def test_no_marker_in_two_families():
    symbols = Counter(s for fam in load_lexicon().families for s in fam.symbols)
    assert [s for s, n in symbols.items() if n > 1] == []


def test_no_duplicate_titles_or_labels():
    titles = read_toml("titles.toml")
    assert len(set(titles["person"])) == len(titles["person"])
    labels = read_toml("labels.toml")
    for group in ("page", "contact"):
        for key, words in labels[group].items():
            assert len(set(words)) == len(words), f"{group}.{key}"


def test_a_pattern_name_is_registered_once():
    """Two pattern groups once both defined SENTENCE_STOP_RE and the later silently replaced the
    earlier; registering a name twice is now an error."""
    import re

    import pytest

    from pipeline.lexicon import load_lexicon
    lex = load_lexicon()
    with pytest.raises(ValueError, match="defined twice"):
        lex.add_patterns({"PHONE_RE": re.compile("x")})
