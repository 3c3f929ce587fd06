"""Issue 14, render6: the seed HTML's render. Cost in function calls and pattern calls
(tests/complexity.py), never in time; each shortcut checked against what it replaces.

- markup_bytes: a page that came as valid UTF-8 and reaches render unchanged is handed to
  libxml2 as doc.raw, not encoded again: checked against text.encode("utf-8") on every
  sample and on byte variants (mark, CRLF, bad bytes, a real U+FFFD, CP949).
- step_table: the walk's Steps by (tag, class, id) kept across a site's pages, bounded, each
  equal to what element_step makes of its key.

Measured (callgrind instructions per parse of the render stage, seed HTML): 5.97M -> 5.59M
(markup_bytes, the error log's C filter) -> 5.32M (step_table). Calls of render on the seed
page after a warm run: 1,958 -> 1,869.
"""
from __future__ import annotations

import codecs

from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.document import Document, Source
from pipeline.lexicon import load_lexicon
from pipeline.stages import decode, render

from .conftest import SAMPLES
from .test_cost_fastcore import stage_calls

LEX = load_lexicon()
SEED = "apec-2004-sme-forum"


def decoded(data: bytes) -> Document:
    doc = Document(source=Source(path="t", sha256="0" * 64, bytes=len(data)), raw=data)
    decode.run(doc, LEX)
    return doc


def page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"


# --- cost -----------------------------------------------------------------------------------

def test_the_seed_page_renders_in_fewer_calls() -> None:
    """Between what this work measured (1,869) and what the code before it made (1,958)."""
    assert stage_calls(SAMPLES / f"{SEED}.html", "render") <= 1_920


def test_a_korea_record_renders_no_dearer() -> None:
    assert stage_calls(SAMPLES / "acrc-2020-expressway-noise.korea-kr.md", "render") <= 102


# --- markup_bytes: doc.raw where it is the text's UTF-8 ---------------------------------------

def render_input(doc: Document) -> str:
    """The text render_html parses (run() unifies line ends first)."""
    return render.unify_line_ends(doc.decoded)


def test_the_seed_page_is_not_encoded_again() -> None:
    doc = decoded((SAMPLES / f"{SEED}.html").read_bytes())
    assert render.markup_bytes(doc, render_input(doc)) is doc.raw


def test_markup_bytes_are_the_texts_utf8_on_every_sample() -> None:
    for path in sorted(SAMPLES.iterdir()):
        if path.suffix not in (".html", ".htm"):
            continue
        doc = decoded(path.read_bytes())
        text = render_input(doc)
        assert render.markup_bytes(doc, text) == text.encode("utf-8"), path.name


VARIANTS = {
    "plain": lambda b: b,
    "bom": lambda b: codecs.BOM_UTF8 + b,
    "crlf": lambda b: b.replace(b"\n", b"\r\n"),
    "bad byte": lambda b: b.replace("본문".encode(), b"\xff\xfe", 1),
    "real replacement character": lambda b: b.replace("본문".encode(), "\ufffd".encode(), 1),
    "cp949": lambda b: b.decode("utf-8").encode("cp949", errors="replace"),
    "declared cp949": lambda b: b.replace(b"<head>", b"<head><meta charset='euc-kr'>", 1),
    "declared latin-1": lambda b: b.replace(b"<head>", b"<head><meta charset='iso-8859-1'>", 1),
    "nul": lambda b: b.replace(b"</p>", b"\x00</p>", 1),
}


@settings(max_examples=150, deadline=None)
@given(body=st.text(alphabet=st.sampled_from("본문 가나다<>&;/pa\n\r\t\u00a0\ufeff\ufffd·©xX"), max_size=40),
       variant=st.sampled_from(sorted(VARIANTS)))
@example(body="\ufeff본문", variant="plain")
@example(body="본문\r\n다", variant="bom")
def test_markup_bytes_are_the_texts_utf8(body: str, variant: str) -> None:
    """Whatever decode made of the bytes, libxml2 gets the UTF-8 of the text render parses."""
    data = VARIANTS[variant](page(f"<p>본문</p><p>{body}</p>").encode("utf-8"))
    doc = decoded(data)
    text = render_input(doc)
    assert render.markup_bytes(doc, text) == text.encode("utf-8")


# --- step_table: a site's Steps kept across its pages -----------------------------------------

def test_a_sites_second_page_works_out_no_step(monkeypatch) -> None:
    """The Steps of a page's (tag, class, id) are kept for the next page of the same site."""
    from .complexity import count_calls

    def site_page(n: int) -> bytes:
        rows = "".join(f"<tr><td class='c{i % 3}'>칸 {n}-{i}</td></tr>" for i in range(20))
        return page(f"<div id='wrap{n % 2}'><table class='list'>{rows}</table><p class='hwp'>본문 {n}</p></div>").encode()

    render.run(decoded(site_page(0)), LEX)
    render.run(decoded(site_page(1)), LEX)
    steps = count_calls(monkeypatch, render, "element_step")
    doc = decoded(site_page(2))
    render.run(doc, LEX)
    assert steps["n"] == 0
    assert doc.plain.split("\n")[-1] == "본문 2"


def test_the_step_table_is_bounded() -> None:
    """Class names come from the input: the table is emptied when it reaches MAX_STEPS."""
    classes = "".join(f"<p class='k{i}'>문단</p>" for i in range(render.MAX_STEPS + 10))
    render.run(decoded(page(classes).encode()), LEX)
    assert len(render.step_table(render.markup_vocabulary(LEX))) <= render.MAX_STEPS


def test_steps_kept_across_pages_are_the_ones_worked_out() -> None:
    """Oracle: every kept Step is what element_step makes of its key."""
    render.run(decoded((SAMPLES / f"{SEED}.html").read_bytes()), LEX)
    vocabulary = render.markup_vocabulary(LEX)
    table = render.step_table(vocabulary)
    assert table
    for (tag, css, ident), step in table.items():
        made = render.element_step.__wrapped__(tag, css, ident, vocabulary)
        assert {s: getattr(step, s) for s in render.Step.__slots__} == {s: getattr(made, s) for s in render.Step.__slots__}
