"""Cost of sniff, decode and render in function calls (tests/complexity.py), never in time.

Bounds sit about 1.2–1.3× above what the issue-14 work measured, and below what the code
before it made, so a return to the old cost fails. Measured (calls), before → after:
the seed HTML page 6,390 → 3,863; the seed text 165 → 19; a paragraph of an HTML page
65 → 42; a body line of a korea.kr record 16 → 0; an HWPX table cell 63 → 46.
"""
from __future__ import annotations

from pipeline.document import Document, Source
from pipeline.lexicon import load_lexicon
from pipeline.stages import decode, render, sniff

from .complexity import operations
from .conftest import SAMPLES
from .hwp_build import hwpx, p, section, tbl, tc

LEX = load_lexicon()
SEED = "apec-2004-sme-forum"


def decoded(data: bytes) -> Document:
    """A document as render receives it: sniffed and decoded."""
    doc = Document(source=Source(path="t", sha256="0" * 64, bytes=len(data)), raw=data)
    sniff.run(doc, LEX)
    decode.run(doc, LEX)
    return doc


def render_calls(data: bytes) -> int:
    """Calls made by render alone, after one warm run (caches and patterns loaded)."""
    render.run(decoded(data), LEX)
    doc = decoded(data)
    return operations(lambda: render.run(doc, LEX))


def per_item(make, small: int = 40, large: int = 400) -> float:
    """Calls added per item between a document of `small` items and one of `large`."""
    return (render_calls(make(large)) - render_calls(make(small))) / (large - small)


def html_page(paragraphs: int) -> bytes:
    body = "".join(f"<p class='hwp'>문단 {i}의 내용과 <b>강조</b> 끝</p>\n" for i in range(paragraphs))
    return (f"<!DOCTYPE html><html><head><title>t</title></head><body><div class='board_view'>{body}"
            "</div></body></html>").encode()


def korea_record(lines: int) -> bytes:
    body = "".join(f"□ 본문 {i}번째 줄의 내용\n\n" for i in range(lines))
    return ('---\ntitle: "행사 개최"\nministry: "가나부"\nattachment_count: 0\n---\n\n# 행사 개최\n\n'
            f"- 부처: 가나부\n\n## 본문\n\n{body}## 출처\n\n- 정책브리핑\n").encode()


def hwpx_table(cells: int) -> bytes:
    rows = [[tc(r, c, p(f"칸 {r}-{c}")) for c in range(4)] for r in range(cells // 4)]
    return hwpx(section(p("머리말"), p(tbl(*rows))))


def test_the_seed_page_renders_in_few_calls() -> None:
    assert render_calls((SAMPLES / f"{SEED}.html").read_bytes()) <= 5_000


def test_the_seed_text_renders_in_few_calls() -> None:
    """Plain text: line ends unified and one scan for mojibake sites, nothing per line."""
    assert render_calls((SAMPLES / f"{SEED}.txt").read_bytes()) <= 30


def test_an_html_paragraph_costs_a_bounded_number_of_calls() -> None:
    assert per_item(html_page) <= 50


def test_a_korea_record_body_costs_nothing_per_line() -> None:
    """Only the header and trailer lines are visited; the body is left as split."""
    assert per_item(korea_record) <= 0.5


def test_an_hwpx_cell_costs_a_bounded_number_of_calls() -> None:
    assert per_item(hwpx_table) <= 55
