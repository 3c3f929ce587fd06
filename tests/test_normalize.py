"""normalize: NFC, the fold table (never NFKC), `?` holes, lines."""
from __future__ import annotations

import pipeline


def text_of(raw: str) -> str:
    return pipeline.parse_text(raw)["text"]


def test_fold_table_not_nfkc():
    # ① Ⅰ and the jamo bullet ㅇ must survive; NBSP, ideographic space, full-width digits fold.
    raw = "① Ⅰ ㅇ\u00a0항목\u3000２０２４년 ～ ‘인용’ – 끝"
    assert text_of(raw) == "① Ⅰ ㅇ 항목 2024년 ~ ‘인용’ - 끝"


def test_nfc_composes_jamo_sequences():
    decomposed = "\u1100\u1161\u11a8"          # ᄀ ᅡ ᆨ → 각
    assert text_of(decomposed + " 문장") == "각 문장"


def test_question_mark_holes_are_repaired_and_recorded():
    record = pipeline.parse_text("정책을 수립?추진하고 5?7% 늘었다. 정말?")
    assert record["text"] == "정책을 수립·추진하고 5~7% 늘었다. 정말?"
    repairs = record["diagnostics"]["repairs"]
    assert [(r["from"], r["to"]) for r in repairs] == [("?", "·"), ("?", "~")]
    for r in repairs:
        start, end = r["span"]
        assert record["text"][start:end] == r["to"]


def test_line_ends_unified():
    assert text_of("가나\r\n다라\r마바") == "가나\n다라\n마바"


# --- the helpers, against their plain definitions ---------------------------------------

from hypothesis import given, strategies as st  # noqa: E402

from pipeline.document import Cell, Line, Node, Span  # noqa: E402
from pipeline.stages.normalize import repair_for_hole, repair_holes, split_lines  # noqa: E402

HOLEY = st.text(alphabet="?가나1 2a\n·", max_size=40)


@given(HOLEY)
def test_repair_holes_is_one_substitution_per_hole(text):
    """Each `?` is judged on the original text's neighbours, and only that character changes."""
    repaired, repairs = repair_holes(text)
    expected = "".join((repair_for_hole(text, i) or ch) if ch == "?" else ch for i, ch in enumerate(text))
    assert repaired == expected
    assert len(repaired) == len(text)
    assert [r.span.start for r in repairs] == [i for i, ch in enumerate(text) if ch != repaired[i]]


@given(st.text(alphabet=" \t가a\n\u3000", max_size=40))
def test_split_lines_spans_and_indents(text):
    lines = split_lines(text)
    assert [line.text for line in lines] == [raw.strip() for raw in text.split("\n")]
    for line in lines:
        raw = text[line.start:line.end]
        assert line.indent == len(raw) - len(raw.lstrip())
        assert line.content.slice(text) == line.text
        assert "\n" not in raw


def test_value_objects_compare_and_hash_by_fields():
    a, b = Span(1, 3), Span(1, 3)
    assert a == b and hash(a) == hash(b) and a != Span(1, 4) and len({a, b}) == 1
    assert Line(0, 0, 2, a, 0, "가나") == Line(0, 0, 2, b, 0, "가나")
    assert Line(0, 0, 2, a, 0, "가나") != Line(1, 0, 2, a, 0, "가나")
    assert a != (1, 3) and repr(a) == "Span(start=1, end=3)"


def test_cells_compare_and_hash_by_fields():
    a, b = Cell(0, 1, 2, 3, 4, header=True, name="보도일시"), Cell(0, 1, 2, 3, 4, True, 1, 1, "보도일시")
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != Cell(0, 1, 2, 3, 4, header=True) and a != Cell(0, 1, 2, 3, 4, header=True, name="보도일시", depth=1)
    assert (Cell(0, 0, 0, 0, 1).rowspan, Cell(0, 0, 0, 0, 1).invisible) == (1, False) and a != (0, 1, 2, 3, 4)
    assert repr(Cell(0, 0, 1, 2, 3)) == ("Cell(table=0, row=0, col=1, first=2, last=3, header=False, rowspan=1, "
                                         "colspan=1, name=None, depth=0, invisible=False)")


def test_nodes_compare_and_hash_by_fields_children_included():
    leaf = Node("-", 2, "세부", Span(5, 7))
    a, b = Node("○", 1, "개요", Span(0, 7), (leaf,)), Node("○", 1, "개요", Span(0, 7), (Node("-", 2, "세부", Span(5, 7)),))
    assert a == b and hash(a) == hash(b) and len({a, b}) == 1
    assert a != Node("○", 1, "개요", Span(0, 7)) and a != Node("○", 1, "개요", Span(0, 7), (leaf,), "note")
    assert (leaf.children, leaf.kind) == ((), "item") and a != ("○", 1)
    assert repr(leaf) == "Node(marker='-', level=2, text='세부', span=Span(start=5, end=7), children=(), kind='item')"


def test_fold_replacements_hold_no_folded_character():
    """fold replaces one kind of character at a time; that equals one pass over the text only
    while no replacement holds a character the table replaces."""
    from pipeline.lexicon import load_lexicon
    fold = load_lexicon().fold
    assert not [after for after in fold.values() if any(ord(ch) in fold for ch in after)]


def test_fold_replaces_every_kind_of_character_wherever_it_stands():
    from pipeline.lexicon import load_lexicon
    from pipeline.stages.normalize import fold
    lex = load_lexicon()
    raw = "\u3000１２\u00a0항목\u00a0（가）\u3000끝\uff5e\u00a0"
    assert fold(raw, lex) == "".join(lex.fold.get(ord(ch), ch) for ch in raw) == " 12 항목 (가) 끝~ "
