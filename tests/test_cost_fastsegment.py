"""What normalize and segment cost, counted rather than timed (issue 14): function calls on the
seed, and the calls segment makes to lexicon patterns, which must not grow with the body.

The bounds are ~1.3× what the stages make after the issue-14 work, so a return to the old
per-line tests fails them: before it, segment made 2,796 calls and 1,109 pattern calls on the
seed, normalize 1,870 calls, and a body ten times as long cost segment 5.9× the pattern calls."""
from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from pipeline.document import Document
from pipeline.lexicon import Lexicon, load_lexicon
from pipeline.runner import STAGES, new_document, run
from pipeline.stages import normalize, segment
from tests.complexity import operations

SEED = Path(__file__).resolve().parent.parent / "samples" / "apec-2004-sme-forum.txt"
PATTERN_METHODS = frozenset({"match", "search", "fullmatch", "finditer", "findall", "sub", "subn", "split"})


def prepared(data: bytes, path: str, through: str) -> Document:
    """The document after the stages before `through`."""
    names = [name for name, _ in STAGES]
    doc = new_document(data, path)
    run(doc, load_lexicon(), STAGES[:names.index(through)])
    return doc


class CountingPattern:
    """A lexicon pattern that counts the calls made to it."""

    def __init__(self, pattern: Any, counts: list[int]) -> None:
        self._pattern, self._counts = pattern, counts

    def __getattr__(self, name: str) -> Any:
        found = getattr(self._pattern, name)
        if name not in PATTERN_METHODS:
            return found

        def counted(*args: Any, **kwargs: Any) -> Any:
            self._counts[0] += 1
            return found(*args, **kwargs)
        return counted


def counting_lexicon() -> tuple[Lexicon, list[int]]:
    lex = load_lexicon()
    counts = [0]
    counting = copy.copy(lex)
    counting.__dict__.update({name: CountingPattern(lex.patterns[name], counts) for name in lex.patterns})
    return counting, counts


def segment_pattern_calls(doc: Document) -> int:
    lex, counts = counting_lexicon()
    segment.run(doc, lex)
    return counts[0]


def release(body_lines: int) -> bytes:
    """A release with a header, a title and `body_lines` lines of bullets (invented)."""
    body = "\n".join(f"{'□' if i % 5 == 0 else '  ○'} 산림청은 {i}번째 사업을 추진하여 지역 주민의 소득을 높였다."
                     for i in range(body_lines))
    return ("산림청\n보도자료\n보도시점  2026. 3. 2.(월) 12:00\n봄철 산불 예방 대책 발표\n- 전국 산림에 감시원 배치 -\n"
            f"{body}\n붙임  1. 세부 계획 1부.  끝.\n").encode("utf-8")


def test_normalize_calls_on_the_seed():
    doc = prepared(SEED.read_bytes(), SEED.name, "normalize")
    lex = load_lexicon()
    normalize.run(doc, lex)        # warm: patterns compiled once per process
    assert operations(lambda: normalize.run(doc, lex)) <= 1_800     # 1,384 measured


def test_segment_calls_on_the_seed():
    doc = prepared(SEED.read_bytes(), SEED.name, "segment")
    lex = load_lexicon()
    segment.run(doc, lex)
    assert operations(lambda: segment.run(doc, lex)) <= 1_800       # 1,427 measured


def test_segment_pattern_calls_on_the_seed():
    doc = prepared(SEED.read_bytes(), SEED.name, "segment")
    assert segment_pattern_calls(doc) <= 500                        # 352 measured


def test_segment_pattern_calls_do_not_grow_with_the_body():
    """Chrome, appendix headings and contact openers are found by scans of the whole body, not by
    patterns asked of each line: ten times the body, the same pattern calls."""
    short, long = (prepared(release(n), "case.txt", "segment") for n in (50, 500))
    calls_short, calls_long = segment_pattern_calls(short), segment_pattern_calls(long)
    assert calls_short <= 200                                       # 137 measured
    assert calls_long <= calls_short + 10                           # 137 measured
    assert [b.kind.value for b in long.blocks] == ["release_header", "embargo", "title", "body"]


def test_segment_calls_grow_no_faster_than_the_body():
    short, long = (prepared(release(n), "case.txt", "segment") for n in (50, 500))
    lex = load_lexicon()
    segment.run(short, lex)
    ratio = operations(lambda: segment.run(long, lex)) / operations(lambda: segment.run(short, lex))
    assert ratio <= 2.5                                             # 1.9 measured (496 → 946)
