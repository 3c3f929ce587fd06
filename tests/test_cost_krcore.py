"""Issue 14, wave 5b (krcore): bullets' text lines and nodes, render's front matter.
Their cost in function calls (tests/complexity.py through stage_calls), never in time; and
each shortcut against the function whose work it writes out.

- bullets: a line without a marker is told to continue the open item (or to open a paragraph
  at the top level) inside add_line, without the calls continues() and open_root() cost; a
  node's text takes collapse()'s fast path without the call when it is already collapsed.
- render: a korea.kr front matter field written as a double-quoted string without an escape is
  read inside the comprehension, without a parse_scalar call.

Measured (calls, after a warm run), before → after: bullets on the seed text 957 → 906, on
the korea.kr sample 298 → 280 (every 10th korea.kr record: 245.7 → 224.9 a record); render of
the korea.kr sample 108 → 102 (every 10th record: 109.8 → 103.8). The cuts are 5–7%, so the
bounds sit below the old counts rather than 1.2× above the new ones.
"""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.lexicon import load_lexicon
from pipeline.stages import bullets, normalize, render
from pipeline.text import collapse

from .conftest import SAMPLES
from .test_cost_fastcore import stage_calls

LEX = load_lexicon()
SEED = "apec-2004-sme-forum"
KOREA_KR = "acrc-2020-expressway-noise.korea-kr.md"


# --- cost -------------------------------------------------------------------------------------

def test_bullets_on_the_seed_in_fewer_calls() -> None:
    assert stage_calls(SAMPLES / f"{SEED}.txt", "bullets") <= 940


def test_bullets_on_a_korea_record_in_fewer_calls() -> None:
    assert stage_calls(SAMPLES / KOREA_KR, "bullets") <= 292


def test_render_of_a_korea_record_in_fewer_calls() -> None:
    assert stage_calls(SAMPLES / KOREA_KR, "render") <= 106


def test_text_lines_make_no_continues_or_open_root_call() -> None:
    """Paragraphs and wrapped items: the text lines' test is made inside add_line."""
    body = "".join(f"□ 항목 {i}\n이어지는 줄이다.\n\n새 문단입니다.\n\n다른 문단입니다.\n" for i in range(5))
    lines = normalize.split_lines(body)
    assert not hasattr(bullets.Builder, "continues")
    roots = bullets.Builder(LEX).build(lines)
    assert [d.kind for d in roots] == ["item", "paragraph", "paragraph"] * 5


# --- the shortcuts against what they write out -----------------------------------------------------

CONTINUES = [
    # (body, the kinds of the top-level nodes, the last node's text): the rule continues() stated
    ("□ 항목\n이어짐\n", ["item"], "항목\n이어짐"),
    ("□ 항목이다.\n\n새 문장이다.\n", ["item", "paragraph"], "새 문장이다."),
    ("□ 항목\n\n이어짐\n", ["item"], "항목\n\n이어짐"),
    ("문단 하나\n이어짐\n", ["paragraph", "paragraph"], "이어짐"),   # a paragraph takes no line on
    ("첫 문단이다.\n\n둘째 문단이다.\n", ["paragraph", "paragraph"], "둘째 문단이다."),
]


@pytest.mark.parametrize("body, kinds, last", CONTINUES)
def test_text_lines_continue_or_open_as_before(body: str, kinds: list[str], last: str) -> None:
    lines = normalize.split_lines(body)
    roots = bullets.Builder(LEX).build(lines)
    assert [d.kind for d in roots] == kinds
    assert body[roots[-1].text_start:roots[-1].end].strip() == last


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=" \t\u00a0\u3000가나다.,ab1\u200b", max_size=30))
def test_node_text_is_collapse_of_its_slice(words: str) -> None:
    text = f"□ {words}"
    draft = bullets.Draft("□", "square", 0, "item", 0, len(text), 1)
    assert bullets.frozen(text, [draft], 1)[0].text == collapse(text[1:])


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='"\\\'ab가 0~', max_size=12))
def test_front_matter_values_read_as_parse_scalar_reads_them(value: str) -> None:
    block = f"key: {value}\n"
    fields = render.parse_front_matter(block, LEX)
    found = LEX.YAML_FIELDS_RE.findall(block)
    assert fields == {k: render.parse_scalar(v) for k, v in found}
