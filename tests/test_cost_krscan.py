"""Cost of the countries body scan on korea.kr-like text, without clocks: the gate before the
names' trie (lexicon.two_char_lookahead) lets fewer positions into the trie and still every name."""
import re

from pipeline.lexicon import load_lexicon, two_char_lookahead


def gate(words):
    return re.compile(two_char_lookahead(words))


def test_a_blank_second_character_admits_only_its_own_word():
    # '쿡 제도' once put a blank in the second class: '수 ', '월 ', '미 ' all reached the trie.
    g = gate(["쿡 제도", "미국", "수단", "괌"])
    assert g.match("쿡 제도") and g.match("미국") and g.match("수단") and g.match("괌")
    for tried in ("수 있다", "미 ", "월 "):
        assert g.match(tried) is None, tried


def test_every_spelling_passes_the_gate_of_the_country_scan():
    lex = load_lexicon()
    c = lex.semantic["countries"]
    names, prefixes = list(lex.semantic["country_table"]["names"]), c["grammar"]["prefixes"]
    spellings = names + [f + n for f in prefixes for n in names] + c["ignore"]["words"]
    g = re.compile(two_char_lookahead(names + c["ignore"]["words"], prefixes))
    assert all(g.match(w) for w in spellings)
    # the old gate's blank hole is closed for the real data ('대상' may still pass: '대만' and a
    # name with '상' second; test_a_prefix_admits_only_what_a_name_starts_with holds the prefix)
    for tried in ("수 있다", "일 개최"):
        assert g.match(tried) is None, tried


def test_a_prefix_admits_only_what_a_name_starts_with():
    g = re.compile(two_char_lookahead(["미국", "중국"], ["대"]))
    assert g.match("대미국") and g.match("대중국") and g.match("미국")
    assert g.match("대상") is None and g.match("대미래") is None
