"""Issue 14, render's second pass: the HTML walk's leaves written in their parent's loop, the
chrome shortcut, one scan for mojibake sites, one match per korea.kr header line. Their cost in
function calls (tests/complexity.py), never in time; and each shortcut against the walk it
replaced, which stays here as the reference.

Bounds sit about 1.3× above what this work measured and below what the code before it made,
so a return to the old cost fails. Measured (calls), before → after: render of the seed HTML
page 2,560 → 2,103; render of a korea.kr record (samples/) 134 → 116. (Calls are not time:
the leaf path makes C calls — len, get, a dict look-up — where walk() made Python ones; a page
of paragraphs each holding a <b> makes 31 calls a paragraph against 25, in the same CPU.)
"""
from __future__ import annotations

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from pipeline.document import BlockKind, Cell, Document, Source
from pipeline.lexicon import load_lexicon
from pipeline.stages import decode, render

from .complexity import count_calls
from .conftest import SAMPLES
from .test_cost_fastcore import stage_calls

LEX = load_lexicon()
K = BlockKind
SEED = "apec-2004-sme-forum"


# --- cost -----------------------------------------------------------------------------------

def test_the_seed_page_renders_in_fewer_calls() -> None:
    assert stage_calls(SAMPLES / f"{SEED}.html", "render") <= 2_450


def test_a_korea_record_renders_in_fewer_calls() -> None:
    assert stage_calls(SAMPLES / "acrc-2020-expressway-noise.korea-kr.md", "render") <= 128


def test_a_plain_paragraph_is_not_walked(monkeypatch) -> None:
    """A childless paragraph that no plan classifies is written by its parent's loop."""
    body = "".join(f"<p class='hwp'>문단 {i}</p>\n" for i in range(50))
    doc = decoded(page(f"<div class='board_view'>{body}</div>"))
    walks = count_calls(monkeypatch, render.PageWalk, "visit")
    steps = count_calls(monkeypatch, render, "element_step")
    render.run(doc, LEX)
    assert doc.plain.split("\n")[-1] == "문단 49"
    assert walks["n"] <= 5            # html, body, the div: not one per paragraph
    # html, head, body, the div, <p class='hwp'>: once per page, not once per paragraph
    # (fastbullets: the leaves' table became element_step's, for every element)
    assert steps["n"] <= 5


def test_a_menu_is_not_tested_for_board_fields(monkeypatch) -> None:
    """Inside chrome only a page footer can change a line's kind: its lists are not tested."""
    items = "".join(f"<li><a>메뉴 {i}</a><a>작성자</a></li>" for i in range(20))
    doc = decoded(page(f"<nav><ul>{items}</ul></nav><p>본문</p>"))
    tests = count_calls(monkeypatch, render, "is_board_fields")
    render.run(doc, LEX)
    assert tests["n"] == 0
    assert hinted(doc, K.CHROME)[0] == "메뉴 0작성자"


def test_the_repair_sites_pattern_is_one_class() -> None:
    """No group in it: re then merges its single-character alternatives into one class, and
    skips ahead by it in C (a group made the seed page's render 10% slower)."""
    pattern = render.repair_sites_re(tuple(g for g, _ in render.utf8_as_cp949_pairs(LEX)))
    assert pattern.groups == 0


# --- the walk against the walk before this pass ---------------------------------------------

class ReferenceWalk(render.PageWalk):
    """The walk before this pass: every element through walk(), content tests inside chrome
    as well, every text piece through Canvas.write, cells by a walk of their own."""

    def walk(self, el, kind, table) -> None:
        tag = el.tag
        if not isinstance(tag, str) or tag in self.drop_tags:
            return
        names = render.markup_names(el)
        if names != " " or tag in self.telling_tags:
            found = self.classify(el, names)
            if found is not None:
                kind = self.settled(el, found, kind)
                if kind is render.WRITTEN:
                    return
        if tag in ("table", "tr"):
            table = render.enter_table(el, self.canvas, table)
        canvas = self.canvas
        if tag in self.cell_tags:
            canvas.end_line()
            first = len(canvas.lines)
            self.children(el, kind, table)
            canvas.end_line()
            if table:
                span = el.get("colspan") or "1"
                canvas.cells.append(Cell(table[0], max(table[1], 0), table[2], first, len(canvas.lines),
                                         header=tag == "th"))
                table[2] += int(span) if span.strip().isdigit() else 1
            return
        block = tag in self.block_tags
        if block:
            canvas.end_line()
        self.children(el, kind, table)
        if block:
            canvas.end_line()

    def children(self, el, kind, table) -> None:
        self.canvas.write(el.text, kind)
        for child in el:
            self.walk(child, kind, table)
            self.canvas.write(child.tail, kind)


def walked(markup: str, walker=render.PageWalk) -> tuple:
    root, _ = render.parse_html(markup, plain=True)
    canvas = render.Canvas()
    if root is not None:
        walker(canvas, LEX).walk(root, None, [])
    canvas.end_line()
    return canvas.lines, canvas.hints, canvas.cells


PIECES = ["<p>", "</p>", "<p class='hwp'>", "<td>", "</td>", "<th colspan='2'>", "<tr>", "<table>", "</table>",
          "<br>", "&nbsp;", " ", "\n", "  ", "<b>", "</b>", "<a href='x'>", "</a>", "<img alt='x'>",
          "<nav>", "</nav>", "<div class='gnb'>", "<div class='location'>", "</div>", "<span class='tit'>",
          "</span>", "<footer>", "</footer>", "<dl><dt>담당부서</dt><dd>가</dd></dl>", "<li>", "</li>",
          "<ul>", "</ul>", "<th>첨부파일</th>", "<h2>내용</h2>", "<div class='manager'>", "<li id='snb'>",
          "<script>x</script>", "<!-- c -->", "<tr><th>작성자</th><td>가</td></tr>", "가나", "홈", ">",
          "Title: 제목", "<div class='meta'>", "<label>", "</label>", "<p><b>강조</b></p>"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40))
def test_the_walk_writes_what_the_reference_walk_writes(pieces: list[str]) -> None:
    markup = page("".join(pieces))
    assert walked(markup) == walked(markup, ReferenceWalk)


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.html")), ids=lambda p: p.name)
def test_the_walk_writes_the_samples_as_the_reference_walk(path) -> None:
    markup = decoded(path.read_bytes()).decoded
    assert walked(markup) == walked(markup, ReferenceWalk)


@given(st.text(alphabet=" \t\n\r\f\u00a0\x0b가a", max_size=12),
       st.sampled_from([None, K.CHROME, K.PAGE_HEADER]))
def test_write_line_is_write_then_end_line(text: str, kind) -> None:
    one, two = render.Canvas(), render.Canvas()
    one.write_line(text, kind)
    two.write(text, kind)
    two.end_line()
    assert (one.lines, one.hints, one.parts) == (two.lines, two.hints, two.parts)


# --- korea.kr records: one match per header line --------------------------------------------

def reference_record_line(line: str, kind: BlockKind) -> tuple[str, BlockKind | None]:
    """A header or trailer line's text and hint as two rules gave them: markdown_line, and no
    hint for a '> …' quote."""
    quoted = line.startswith(">") and LEX.MD_QUOTE_RE.match(line)
    return render.markdown_line(line, LEX), None if quoted else kind


@given(st.lists(st.sampled_from(["#", "##", "# ", "- ", "* ", "+ ", ">", "> ", "가", "[a](http://b)", " ",
                                 "\t", "#x", "-x", ":"]), max_size=8))
def test_markdown_text_is_markdown_line_and_the_quote_rule(pieces: list[str]) -> None:
    line = "".join(pieces)
    openers = render.markdown_openers(LEX.MD_HEADING_RE, LEX.MD_ITEM_RE, LEX.MD_QUOTE_RE)
    text, quoted = render.markdown_text(line, openers, LEX)
    assert (text, None if quoted else K.PAGE_HEADER) == reference_record_line(line, K.PAGE_HEADER)


OLD_FRONT_MATTER_RE = re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL)


@settings(max_examples=400, deadline=None)
@given(st.booleans(), st.lists(st.sampled_from(["---", "--- ", "\n", "a: 1", "-", " ", "x---", "\r"]), max_size=12))
@example(True, ["---"]).via("an empty block is none")
@example(True, ["\n", "---", "\n", "---"]).via("the first closing line ends it")
def test_front_matter_is_the_block_the_lazy_pattern_took(opened: bool, pieces: list[str]) -> None:
    """FRONT_MATTER_RE takes the block line by line: the same shortest block as '.*?\\n'."""
    text = ("---\n" if opened else "") + "".join(pieces)
    old, new = OLD_FRONT_MATTER_RE.match(text), LEX.FRONT_MATTER_RE.match(text)
    assert (old and (old.span(), old.group("yaml"))) == (new and (new.span(), new.group("yaml")))


# --- helpers --------------------------------------------------------------------------------

def page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"


def decoded(data: str | bytes) -> Document:
    data = data.encode("utf-8") if isinstance(data, str) else data
    doc = Document(source=Source(path="t", sha256="0" * 64, bytes=len(data)), raw=data)
    decode.run(doc, LEX)
    return doc


def hinted(doc: Document, kind: BlockKind) -> list[str]:
    lines = doc.plain.split("\n")
    return [lines[i] for i, k in sorted(doc.line_hints.items()) if k == kind]
