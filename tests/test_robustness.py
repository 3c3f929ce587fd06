"""Never crash, never trust the input: properties over arbitrary and hostile inputs.

`parse_*` returns a schema-valid document or raises one of the pipeline's own errors, and
never `internal` (that code means a bug). Every span lies inside `text` and holds the value it
claims (tests/invariants.py); the same input gives
the same bytes. No pattern may backtrack its way into quadratic time.
"""
from __future__ import annotations

import json
import time
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipeline
from pipeline import PipelineError, parse_bytes, parse_text
from pipeline.batch import dump
from pipeline.lexicon import load_lexicon

from .complexity import cpu_growth, operation_growth
from .invariants import span_problems

PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])

FRAGMENTS = [
    "보도자료", "보 도 자 료", "[보도참고자료]", "설명자료", "담당자", "담당부서", "담당과", "전화번호",
    "E-mail", "보도시점", "배포", "즉시", "조간", "석간", "제 목", "제목:", "붙임", "별첨", "끝.",
    "□ ", "○ ", "ㅇ ", "- ", "* ", "※ ", "① ", "② ", "Ⅰ. ", "Ⅱ. ", "1. ", "가. ", "◇ ", "◦ ",
    "중소기업청", "산업통상자원부", "(청장 홍길동)", "(廳長: 柳昌茂)", "白洛基", "金大中",
    "3억 원", "1조 2천억원", "5만 명", "12.5%", "3.2%p", "2배", "약 300억",
    "2024. 3. 5.(화)", "2004년 7월 15일(목)", "12:00", "04/07/23 (12:07)", "작성자 혁****", "조회수 6331",
    "02-3787-0433", "(044)201-3333", "yavis7@kimi.or.kr", "www.kimi.or.kr", "http://a.go.kr/x?y=1",
    "국장", "과장", "사무관", "연구원", "(", ")", "「", "」", "·", "?", "~", "\u00a0", "\u3000", "\t",
    "\n", "\n\n", "\r\n", "  ", "-", "―", ":", "APEC", "멕시코", "일본",
]
HTML_FRAGMENTS = [
    "<p>", "</p>", "<div>", "</div>", "<br>", "<table>", "<tr>", "<td>", "<th>", "</td>", "</tr>",
    "</table>", "<ul><li>", "</li></ul>", "<script>SECRET_SCRIPT()</script>", "<style>.SECRET_STYLE{}</style>",
    "<!-- SECRET_COMMENT -->", "&nbsp;", "&amp;", "&#44592;", "&bogus;", "<span class='x'>", "</span>",
    "<nav>메뉴</nav>", "<h1>", "</h1>", "<dl><dt>담당부서</dt><dd>홍보팀</dd></dl>", "<![CDATA[x]]>",
    "<?xml version='1.0' encoding='euc-kr'?>", "<!DOCTYPE html>", "<html>", "<body>", "</body>", "<head>",
    "</head>", "<title>제목</title>", "<meta charset='euc-kr'>", "<a href='http://127.0.0.1:9/'>링크</a>",
]
SECRETS = ("SECRET_SCRIPT", "SECRET_STYLE", "SECRET_COMMENT")


def check(parse, data) -> dict | None:
    """The contract on one input; the record, or None when it was refused with our own error."""
    try:
        record = parse(data)
    except PipelineError as exc:
        assert exc.code != "internal", str(exc)
        return None
    assert pipeline.validate(record) == []
    assert span_problems(record) == []
    assert dump(parse(data)) == dump(record)
    return record


@PROPERTY
@given(st.binary(max_size=2000))
def test_arbitrary_bytes(data: bytes):
    check(parse_bytes, data)


@PROPERTY
@given(st.text(max_size=1000))
def test_arbitrary_text(text: str):
    check(parse_text, text)


@PROPERTY
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=80), st.randoms(use_true_random=False))
def test_shuffled_release_fragments(pieces: list[str], rnd):
    rnd.shuffle(pieces)
    check(parse_text, "".join(pieces))


@PROPERTY
@given(st.lists(st.sampled_from(FRAGMENTS + ["\n"] * 10), max_size=120))
def test_release_fragments_in_cp949(pieces: list[str]):
    text = "".join(pieces).replace("\u00a0", " ").replace("\u3000", " ")
    check(parse_bytes, text.encode("cp949", errors="replace"))


@PROPERTY
@given(st.lists(st.sampled_from(HTML_FRAGMENTS + FRAGMENTS), max_size=80))
def test_html_fragments(pieces: list[str]):
    record = check(parse_text, "<html><body>" + "".join(pieces))
    if record is not None:
        assert not any(secret in record["text"] for secret in SECRETS)


# --- bounded cost ------------------------------------------------------------------------

# name: (head, repeated unit, tail). Each line is built at two lengths and the parse's work
# compared: linear work grows ×4 with ×4 the length, quadratic ×16.
PATHOLOGICAL_LINES = {
    "question marks": ("", "?", ""),
    "dashes": ("", "-", ""),
    "middle dots": ("", "·", ""),
    "digits": ("", "1", ""),
    "one long line of words": ("", "가나다 라마 ", ""),
    "label then blanks": ("작성자", " ", ":"),
    "contact labels then blanks": ("담당부서 홍보팀 담당자 홍길동 전화번호", " ", "!"),
    "unclosed attachment": ("(", "붙임 ", ""),
    "word run before a bracket": ("", "가", "(청장"),
    "at signs": ("", "a@", ""),
    "dotted run": ("www.", "a.", ""),
    "markers": ("", "□○ㅇ-*※①Ⅰ", ""),
}
LINE_CHARS = (12_500, 50_000)


def pathological(name: str, chars: int) -> str:
    head, unit, tail = PATHOLOGICAL_LINES[name]
    return "보도자료\n\n" + head + unit * (chars // len(unit)) + tail + "\n"


@pytest.mark.parametrize("name", PATHOLOGICAL_LINES)
def test_pathological_line_costs_linear_work(name: str):
    def make(chars: int) -> str:
        return pathological(name, chars)
    check(parse_text, make(LINE_CHARS[1]))
    assert operation_growth(make, parse_text, *LINE_CHARS) < 6
    assert cpu_growth(make, parse_text, *LINE_CHARS) < 8


RUNS = [c * 400 for c in (" ", "\t", "1", "가", ".", "-", "(", ":", "a")] + [
    "a." * 200, "1 " * 200, "가 " * 200, "a@" * 200]


def prefixes() -> list[str]:
    """The first label word of each list the lexicon knows, so anchored patterns get past
    their label, and the openings of Markdown, YAML and URLs."""
    lex = load_lexicon()
    words: list[str] = ["", "www.", "http://", "(", "@", "# ", "key: ", "- ", "1. ", "□ "]

    def collect(value: Any) -> None:
        if isinstance(value, dict):
            for item in value.values():
                collect(item)
        elif isinstance(value, list) and value and isinstance(value[0], str):
            words.append(value[0])
    collect(lex.labels)
    return sorted(set(words))


def search_time(pattern, line: str) -> float:
    """CPU seconds of this process (not wall time: other processes do not count)."""
    started = time.process_time()
    pattern.search(line)
    pattern.match(line)
    return time.process_time() - started


def runs_away(pattern, head: str, run: str) -> bool:
    """Whether the time to search head + run + '!' grows faster than n² as the run grows
    from 100 to 400 characters (×30 for ×4, where n² gives ×16). Sizes stay small so that a
    pattern that does run away is caught before it hangs the suite."""
    short = search_time(pattern, head + run[:100] + "!")
    if short < 0.0002:      # linear and quadratic patterns alike are far below this at 100
        return False
    line = head + run + "!"
    took = search_time(pattern, line)
    if took > 30 * short and took > 0.02:   # the best of five of each, against scheduling noise
        short = max(short, *(search_time(pattern, head + run[:100] + "!") for _ in range(4)))
        took = min(took, *(search_time(pattern, line) for _ in range(4)))
    return took > 30 * short and took > 0.02


def test_no_pattern_runs_away():
    """Every pattern after each label, against long runs that make it fail at the end. The
    pipeline's stages apply most patterns to bounded spans (and the pathological-line tests
    above bound the whole parse); this guards against nested quantifiers that blow up
    polynomially or worse, in patterns added later too."""
    lex = load_lexicon()
    found = [(name, head, run[:3]) for name in sorted(lex.patterns) for head in prefixes()
             for run in RUNS if runs_away(lex.patterns[name], head, run)]
    assert found == []


def test_the_cost_measures_see_quadratic_work():
    """The growth checks above can fail: n² work shows as ×16 for ×4 the input."""
    def all_pairs(items: list[int]) -> list[int]:
        return [abs(a - b) for a in items for b in items]

    assert operation_growth(lambda n: list(range(n)), all_pairs, 50, 200) > 12
    assert cpu_growth(lambda n: list(range(n)), all_pairs, 500, 2_000, floor=0.0) > 8
