"""Cost of the countries stage's body scan, without clocks (issue 14, scan6).

The body's names are found by COUNTRY_PAIR_SCAN_RE at their first two syllables (consumed, so
the engine skips to them in C and tests the second with no look-around) instead of COUNTRY_SCAN_RE,
which enters at every blank, digit and mark before them and runs a look-ahead there. Callgrind,
the scan alone: seed body 1.86M -> 1.52M instructions, every 10th korea.kr record 252k -> 166k;
the countries stage 6.13M -> 5.82M (seed), 398k -> 318k (korea.kr record).

The shortcut is held to the rule it replaces: the names, prefixes, particles and ends that
country_matches (COUNTRY_RE at the start, COUNTRY_SCAN_RE after it) finds, on the corpus and on
generated mixes of names, prefixes, particles, spaced names and marks."""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.lexicon import HANGUL, letters_but, load_lexicon
from pipeline.stages import countries
from pipeline.text import NodeIndex, walk

from .script_loader import load_script
from .semantic_helpers import parse

LEX = load_lexicon()
BENCH = load_script("bench")
CORPUS = Path(os.environ.get("PRESS_CORPUS", Path(__file__).resolve().parents[2] / "shared" / "corpus"))


def plain_names(text: str, start: int, end: int) -> list[tuple[int, int, int, str | None, int]]:
    """country_matches' names (the rule): where each starts (its prefix), its name's span, its
    particle and its end."""
    return [(m.start("prefix"), *m.span("country"), m.group("particle"), m.end())
            for m in countries.country_matches(text, start, end, LEX) if m.group("country")]


def paired_names(text: str, start: int, end: int) -> list[tuple[int, int, int, str | None, int]]:
    """body_matches' names as the stage reads them (countries.mentions_by_node): a match inside
    the name before it is passed over, a mention ends where its particle or name does."""
    found, previous_end = [], -1
    for m in countries.body_matches(text, (start, end), LEX):
        mention = countries.read_mention(m, LEX.semantic["country_table"]["names"], frozenset())
        at = mention.start - mention.prefixed
        if at < previous_end:
            continue
        previous_end = mention.end
        found.append((at, mention.start, mention.name_end, mention.particle, mention.end))
    return found


def pair_scan_used(text: str, start: int, end: int) -> bool:
    return text[start - 1:start] != "대" and not any(text.find(ch, start, end) >= 0
                                                   for ch in countries.unpaired_starts(LEX))


@pytest.mark.parametrize("text", [
    "미국과 일본은 협력한다",                          # a name at the very start of the text
    "(미국, 일본) 대표",                               # after punctuation, and after a comma and blank
    "2004년미국 방문, A일본, 한국무역협회",              # after a digit; glued to a Latin letter or a word
    "대중국 수출, 대만과 중국, 각국과 자국, 대한민국은",   # a prefix; names starting like it; ignored words
    "일본\n중국\t호주·뉴질랜드/캐나다",                   # every kind of edge between two names
    "중국 홍콩의 경우, 적도 기니와 기니, 중국의 경우",      # names inside spaced names and particles
    "「한-호주 선언」의 한국, 미국령 버진아일랜드",         # spaced names and longer names over shorter
    "대·중소기업과 중소 벤처, 중앙 아프리카 공화국",        # pairs inside words; a pair opening no name
])
def test_the_pair_scan_finds_what_the_name_scan_finds(text):
    for start in (0, 1, 3):
        assert pair_scan_used(text, start, len(text)) or start == 1
        assert paired_names(text, start, len(text)) == plain_names(text, start, len(text))


PIECES = st.sampled_from([
    "미국", "일본", "중국", "홍콩", "중국 홍콩", "기니", "적도 기니", "대", "대만", "대한민국", "한국", "호주",
    "인도", "인도네시아", "각국", "각 국", "중소", "은", "의", "과", "의 경우", "정부", "스쿨", " ", "  ", ",", "·",
    "\n", "(", ")", "3", "A", "가", "나", "기업",
])


@settings(max_examples=400, deadline=None)
@given(st.lists(PIECES, max_size=14), st.integers(0, 4))
def test_the_pair_scan_finds_what_the_name_scan_finds_in_any_mix(pieces, start):
    text = "".join(pieces)
    start = min(start, len(text))
    assert paired_names(text, start, len(text)) == plain_names(text, start, len(text))


def corpus_texts(limit: int = 400) -> list[str]:
    if not CORPUS.is_dir():
        pytest.skip("no shared corpus")
    files = sorted(p for p in CORPUS.rglob("*") if p.is_file() and p.suffix in (".md", ".txt"))
    return [p.read_text(encoding="utf-8", errors="replace") for p in files[:: max(1, len(files) // limit)]]


def test_the_pair_scan_finds_what_the_name_scan_finds_in_the_corpus():
    texts = corpus_texts()
    names = 0
    for text in texts:
        for start in (0, 7):
            expected = plain_names(text, start, len(text))
            assert paired_names(text, start, len(text)) == expected
            names += len(expected)
    assert names > 100


def test_a_body_holding_an_unpaired_name_is_scanned_with_the_name_scan():
    """'괌' (one syllable) and '쿡 제도' (a blank second) are outside the pair classes."""
    assert set(countries.unpaired_starts(LEX)) == {"괌", "쿡"}
    for text in ("괌의 날씨와 괌", "쿡 제도와 미국은", "대괌 수출과 중국"):
        assert not pair_scan_used(text, 0, len(text))
        assert [n[1:3] for n in paired_names(text, 0, len(text))] == [n[1:3] for n in plain_names(text, 0, len(text))]
        assert paired_names(text, 0, len(text))
    calls = BENCH.pattern_calls("가상 보도자료 제목\n\n□ 괌은 늘었다\n".encode(), "t.txt")["countries"]
    assert calls.get("finditer", 0) == 1


def test_every_other_name_opens_with_a_pair_of_the_classes():
    pair = re.compile(LEX.COUNTRY_PAIR_SCAN_RE.pattern.split("\n")[1].strip())
    unpaired = set(countries.unpaired_starts(LEX))
    for name in LEX.semantic["country_table"]["names"]:
        assert name[0] in unpaired or pair.match(name), name


def test_letters_but_cuts_only_the_prefixes_out_of_the_letters():
    cls = re.compile(f"[{letters_but(['대'])}]")
    assert not cls.match("대") and cls.match("댁") and cls.match("닿") and cls.match("가") and cls.match("힣")
    assert cls.match("a") and cls.match("Z") and not cls.match(" ") and not cls.match("3")
    assert letters_but(["가", "힣"]) == "A-Za-z각-힢"
    assert letters_but([]) == f"A-Za-z{HANGUL}"


def test_a_name_after_the_prefix_of_a_name_is_read_as_before():
    # '대만' is a name and '대' a prefix: no name starts with what follows '대' in a name, so a
    # '대…' word is one reading or the other, never both (the scan tries '대…' first, the
    # rule tried the prefix first).
    names = list(LEX.semantic["country_table"]["names"])
    for prefix in LEX.semantic["countries"]["grammar"]["prefixes"]:
        for name in names:
            if name.startswith(prefix):
                assert not any(other.startswith(name[len(prefix):len(prefix) + 2]) for other in names), name


def test_a_release_naming_no_country_costs_one_scan_and_no_match():
    body = "".join(f"  ○ 정부는 {i}번째 대·중소기업 지원 사업을 국토교통부와 추진한다\n" for i in range(50))
    calls = BENCH.pattern_calls(("가상 보도자료 제목\n\n□ 주요 내용\n" + body).encode(), "t.txt")["countries"]
    assert calls == {"finditer": 1}


def test_the_stage_reads_the_same_mentions_from_the_pair_scan():
    doc = parse("□ 중국 홍콩의 경우 대중국 수출은 늘었고, 일본과 한국은 줄었다\n○ 적도 기니와 가나 1명, 케냐 2명\n")
    nodes = list(walk(doc.sections))
    body = (0, len(doc.text))
    by_node = countries.mentions_by_node(doc.text, body, countries.body_matches(doc.text, body, LEX),
                                         NodeIndex(nodes), LEX)
    read = [(doc.text[m.start:m.name_end], m.particle, m.prefixed) for v in by_node.values() for m in v]
    assert read == [("중국 홍콩", "의 경우", False), ("중국", None, True), ("일본", "과", False),
                    ("한국", "은", False), ("적도 기니", "와", False), ("가나", None, False), ("케냐", None, False)]


# --- the figures scan: FIGURE_RE's opening test first, its numeral loop possessive -----------

def figure_opening_test() -> str:
    """FIGURE_RE's opening test (the look-ahead for what a figure opens with), one line."""
    first = LEX.FIGURE_RE.pattern.split("\n")[3].strip()
    assert first.startswith("(?=[0-9]|")
    return first


def greedy(source: str) -> str:
    """A pattern with the numeral loop greedy again, as it was: `)*+|` is only that loop's end."""
    assert source.count(")*+|") == 1
    return source.replace(")*+|", ")*|")


def kept_scan_as_it_was() -> re.Pattern[str]:
    """FIGURE_KEPT_SCAN_RE with the opening test back inside the figure group, after the
    loose-number test, and the loop greedy: the rule the new order replaces."""
    first = figure_opening_test()
    source = LEX.FIGURE_KEPT_SCAN_RE.pattern
    assert source.count("(?<=" + first + "(?!") == 1
    source = source.replace("(?<=" + first + "(?!", "(?<=(?!").replace("(?=(?P<figure>", "(?=(?P<figure>" + first, 1)
    return re.compile(greedy(source), LEX.FIGURE_KEPT_SCAN_RE.flags)


FIGURE_PIECES = st.sampled_from([
    "7", "2004", "1,319", "3.5", " ", "\n", "억", "만", "천", "일", "이", "백", "십", "오", "원", "년", "%", "약 ",
    "미화 ", "US$", "△", "-", "+", "여", " 이상", "기업", "A", ".", ",", "(", "~", " 내지 ", "대략", "이번", "사업",
    "명", "개", "가량", "위안화", "한화",
])


@settings(max_examples=600, deadline=None)
@given(st.lists(FIGURE_PIECES, max_size=20))
def test_the_kept_scan_finds_what_it_found_with_the_old_order(pieces):
    text = "".join(pieces)
    old = kept_scan_as_it_was()
    assert [m.regs for m in LEX.FIGURE_KEPT_SCAN_RE.finditer(text)] == [m.regs for m in old.finditer(text)]


@settings(max_examples=600, deadline=None)
@given(st.lists(FIGURE_PIECES, max_size=20))
def test_a_possessive_numeral_loop_reads_what_the_greedy_one_read(pieces):
    text = "".join(pieces)
    for pattern in (LEX.FIGURE_RE, LEX.FIGURE_SCAN_RE):
        old = re.compile(greedy(pattern.pattern), pattern.flags)
        assert [m.regs for m in pattern.finditer(text)] == [m.regs for m in old.finditer(text)]


def test_the_kept_scan_finds_what_it_found_in_the_corpus():
    old = kept_scan_as_it_was()
    found = 0
    for text in corpus_texts(200):
        new = [m.regs for m in LEX.FIGURE_KEPT_SCAN_RE.finditer(text)]
        assert new == [m.regs for m in old.finditer(text)]
        found += len(new)
    assert found > 100
