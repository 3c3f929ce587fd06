"""Segment and normalize, third pass (issue 14), without clocks: each shortcut gives what the plain
rule gave, and the stages' calls stay bounded.

- normalize.split_lines takes a line with nothing to strip as its own content (one strip);
- segment.find_page_end passes blank lines with one test and counts the markup's page-header
  lines once the stop is known (the end is the largest any line sets);
- is_sentence asks the last character first (SENTENCE_TAIL_CHAR_RE), the wrap ending is searched
  in the last TITLE_WRAP_REACH characters, is_subtitle tests the closing dash first;
- may_split_masthead and text.without_spaces tell a printable line by C scans;
- CHROME_HINT_RE finds each phrase from a rare character of it (lexicon.anchored_alternation):
  the same lines as the plain trie of the phrases.
"""
from __future__ import annotations

import copy
import random
import re

import pytest

from pipeline.document import BlockKind as K, Line, Span
from pipeline.lexicon import anchored_alternation, load_lexicon, trie_alternation
from pipeline.runner import STAGES, new_document, run
from pipeline.stages import normalize, segment
from pipeline.text import without_spaces

from .complexity import operations
from .test_cost_fastfixed import TINY
from .test_segment import SEED, document_of, sample_lines

# Every kind of white space str.strip and str.split know, and characters that are not printable.
BLANKS = [" ", "\t", "\u3000", "\u2003", "\x0b", "\x0c", "\x1c", "\x85", "\u2028", "\xa0"]
ODD = ["\u200b", "\ue000", "\x01"]


def invented_lines(count: int, seed: int = 14) -> list[str]:
    """Lines of words, blanks and odd characters around and between them, some empty."""
    rng = random.Random(seed)
    words = ["보도자료", "가상부", "□", "- 가상 -", "담당자", "작성자", "www.가상.kr", "다.", "A"] + ODD
    lines = []
    for _ in range(count):
        pieces = [rng.choice(words + BLANKS + [""]) for _ in range(rng.randrange(0, 6))]
        lines.append("".join(pieces))
    return lines


# --- normalize.split_lines -------------------------------------------------------------------

def plain_split_lines(text: str) -> list[Line]:
    """split_lines as the second pass wrote it: every non-empty line stripped and measured."""
    lines, start = [], 0
    pieces = text.split("\n")[:normalize.MAX_LINES]
    for index, raw in enumerate(pieces):
        stripped = raw.strip()
        end = start + len(raw)
        indent = len(raw) - len(raw.lstrip()) if stripped else len(raw)
        content = start + indent
        lines.append(Line(index, start, end, Span(content, content + len(stripped)), indent, stripped))
        start = end + 1
    return lines


@pytest.mark.parametrize("text", ["", "\n", "가", " 가 ", "\t\n\n  \n가\n", "\u3000가\u3000\n나"])
def test_split_lines_is_the_plain_split_on_small_texts(text):
    assert normalize.split_lines(text) == plain_split_lines(text)


def test_split_lines_is_the_plain_split_on_invented_and_sample_lines():
    for text in ("\n".join(invented_lines(3000)), "\n".join(sample_lines())):
        assert normalize.split_lines(text) == plain_split_lines(text)


def test_split_lines_stops_at_max_lines(monkeypatch):
    monkeypatch.setattr(normalize, "MAX_LINES", 3)
    text = "가\n 나\n\n다 \n라"
    assert normalize.split_lines(text) == plain_split_lines(text) and len(normalize.split_lines(text)) == 3


# --- segment.find_page_end -------------------------------------------------------------------

def plain_page_end(lines, kinds, lex) -> int:
    """find_page_end as first written: every line asked in turn, the last setter's end kept."""
    end = 0
    for line in lines:
        labelled = not line.blank and lex.PAGE_FIELD_WORD_RE.search(line.text) is not None
        fields = labelled and segment.is_page_fields(line, lex)
        if not fields and not line.blank and lex.MARKER_RE.match(line.text):
            break
        if fields or kinds.get(line.index) == K.PAGE_HEADER:
            end = line.index + 1
        elif labelled and lex.PAGE_LABEL_RE.match(line.text) and line.index + 1 < len(lines):
            end = line.index + 2
    return end


PAGES = [
    ["본문 바로가기", "", "작성자 가상 작성일 04/07/23 조회수 1", "", "□ 가상부는 제도를 시행한다."],
    ["작성자", "가상", "", "조회수", "12", "○ 개요"],
    ["", "보도자료", "작성자", "", "가상 제목", "□ 본문"],
    ["가상 제목", "", "- 배포일: 01/09/2020", "원문: https://가상.kr", "", "1. 기사내용", "작성자 가상 작성일 1 조회수 2"],
    ["작성자 가상 조회수 3", "□ 가상", "작성자"],
    ["", "", "가상"],
]


@pytest.mark.parametrize("texts", PAGES)
def test_find_page_end_is_the_plain_loop_with_and_without_markup(texts):
    lex, doc = load_lexicon(), document_of(texts)
    n = len(doc.lines)
    for hints in ({}, {i: K.PAGE_HEADER for i in range(0, n, 2)}, {1: K.PAGE_HEADER, n - 1: K.PAGE_HEADER},
                  {0: K.CHROME, 2: K.PAGE_HEADER}, {i: K.PAGE_HEADER for i in range(n)}):
        assert segment.find_page_end(doc.lines, hints, lex) == plain_page_end(doc.lines, hints, lex), hints


def test_find_page_end_is_the_plain_loop_on_the_samples():
    lex = load_lexicon()
    lines = sample_lines()
    rng = random.Random(3)
    for start in range(0, len(lines) - 40, max(1, len(lines) // 60)):
        doc = document_of(lines[start:start + 40])
        hints = {i: K.PAGE_HEADER for i in range(len(doc.lines)) if rng.random() < 0.2}
        for kinds in ({}, hints):
            assert segment.find_page_end(doc.lines, kinds, lex) == plain_page_end(doc.lines, kinds, lex)


# --- the guards of the line predicates ----------------------------------------------------------

GUARD_LINES = ["", "다.", "개최한다.", "개최한다.”", "개최함", "완료됨 )", "- 가상 방안 모색 -", "- 가상 ―",
               "-", "- -", "― 가상 ―  ", "국가자원안보 출범,", "관련", "가상 계기로", "…", "보도자료   가상부",
               "가상부 www.가상.kr", "보도\t자료", "보도 \u2002 자료", "보  도", "\ue000 보도", "가상\u200b 부"]


def test_guarded_predicates_are_the_plain_ones():
    lex = load_lexicon()
    # a line's text is stripped (normalize.split_lines), as every text here is
    for text in (t.strip() for t in GUARD_LINES + sample_lines() + invented_lines(2000)):
        line = Line(0, 0, len(text), Span(0, len(text)), 0, text)
        assert segment.is_sentence(line, lex) == bool(lex.SENTENCE_END_RE.search(text)), text
        assert segment.is_subtitle(line, lex) == (bool(lex.SUBTITLE_RE.match(text))
                                                  and text.rstrip().endswith(("-", "―"))), text
        wrap = lex.TITLE_WRAP_RE.search(text[-segment.TITLE_WRAP_REACH:]) is not None
        assert wrap == bool(lex.TITLE_WRAP_RE.search(text)), text
        assert segment.may_split_masthead(text) == ("www." in text or " ".join(text.split()) != text), text


def test_without_spaces_is_split_and_join():
    for text in GUARD_LINES + invented_lines(3000) + [b + "가" + b + "나 " + b for b in BLANKS + ODD]:
        assert without_spaces(text) == "".join(text.split()), repr(text)


# --- the chrome hint at rare characters ---------------------------------------------------------

def hint_words(lex) -> list[str]:
    chrome = lex.boilerplate
    return chrome["phrases"] + chrome["file_widget_labels"] + chrome["file_widget_words"]


def test_anchored_alternation_finds_each_word_where_it_stands():
    pattern = re.compile(anchored_alternation(["대표번호", "본문 바로가기", "첨부"], ["표", "바"]))
    assert pattern.pattern.startswith("바(?<=본문\\ 바)로가기|")
    for text, found in (("대표번호", True), ("가상 대표번호 1", True), ("표번호", False), ("대표", False),
                        ("본문 바로가기", True), ("본문바로가기", False), ("첨부", True), ("첨", False)):
        assert (pattern.search(text) is not None) == found, text
    # the search starts at `pos`, but the look behind may read before it (as a line's start)
    assert pattern.search("x대표번호", 1) and not pattern.search("대표번호", 2)


def test_every_hint_word_has_one_alternative_and_is_found_alone_and_in_a_line():
    lex = load_lexicon()
    assert len(lex.CHROME_HINT_RE.pattern.split("|")) == len(set(hint_words(lex)))
    for word in hint_words(lex):
        for text in (word, f"가상 {word} 가상", f"({word})"):
            assert lex.CHROME_HINT_RE.search(text), text


def test_the_anchored_hint_hits_the_lines_the_trie_hits():
    lex = load_lexicon()
    trie = re.compile(trie_alternation(hint_words(lex)))
    rng = random.Random(8)
    words = hint_words(lex)
    # lines holding the words whole, cut ('대표' alone) and run together with other words
    lines = sample_lines() + [rng.choice(words)[: rng.randrange(1, 8)] + rng.choice(words) for _ in range(2000)]
    doc = document_of(lines)
    r = segment.Regions(kinds=[K.BODY] * len(doc.lines))
    plain = sorted({doc.text.count("\n", 0, m.start()) for m in trie.finditer(doc.text)})
    assert plain and segment.hit_lines(doc, r, (lex.CHROME_HINT_RE,), 0, len(doc.lines)) == plain
    for line in doc.lines:
        assert (lex.CHROME_HINT_RE.search(line.text) is None) == (trie.search(line.text) is None), line.text


# --- calls -------------------------------------------------------------------------------------

def doc_before(stage: str, data: bytes, path: str):
    lex = load_lexicon()
    doc = new_document(data, path)
    names = [name for name, _ in STAGES]
    run(doc, lex, STAGES[:names.index(stage)])
    return doc


# Function calls (tests/complexity.operations), warm. Before this pass: normalize 1,012 on the seed
# and 62 on TINY; segment 1,025 and 243. After it: 848, 44, 947 and 236. Each bound lies between.
BOUNDS = {("normalize", "seed"): 960, ("normalize", "tiny"): 54,
          ("segment", "seed"): 1_010, ("segment", "tiny"): 241}


@pytest.mark.parametrize("stage,which", sorted(BOUNDS))
def test_the_stages_cost_fewer_calls(stage, which):
    if which == "seed" and not SEED.exists():
        pytest.skip("no seed sample")
    data, path = (SEED.read_bytes(), str(SEED)) if which == "seed" else (TINY.encode("utf-8"), "tiny.txt")
    lex = load_lexicon()
    fn = dict(STAGES)[stage]
    doc = doc_before(stage, data, path)
    fn(copy.deepcopy(doc), lex)      # warm: patterns compiled once a process
    fresh = copy.deepcopy(doc)
    assert operations(lambda: fn(fresh, lex)) <= BOUNDS[(stage, which)]
