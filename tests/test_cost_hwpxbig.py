"""Cost of reading a large HWPX section (issue 14, the 15.9 MB table of 156754252.hwpx), in
operations (tests/complexity.py), never in time; at the end, the HWP 5 reader's cost per table cell.

Measured before → after on that file's section (19,787 paragraphs, 340 of them top-level):
the section stream (`top_paragraphs`) handed lxml 19,787 parse events and made two calls
on each; it now takes one event, the section's start, and the paragraphs as its children.
A table cell cost the reader 46 calls, 49 in a document with a white line anywhere; now 40.
Whole `python -m pipeline parse` of that file (callgrind): 13.84 G → 10.53 G instructions.
"""
from __future__ import annotations

import lxml.etree
import pytest

import pipeline
import pipeline.readers.hwpx as reader

from pipeline.readers.hwpx import read_hwpx

from .complexity import operations
from pipeline.readers.hwp import read_hwp

from .hwp_build import hwp, hwpx, p, para, run, section, t, table, tbl, tc


def table_section(cells: int) -> bytes:
    """A section of three top-level paragraphs, the middle one a table of `cells` cells, each
    with two paragraphs: the shape of the large real section."""
    rows = [[tc(r, c, p(f"칸 {r}-{c}"), p("둘째 줄")) for c in range(4)] for r in range(cells // 4)]
    return section(p("머리말"), p(tbl(*rows)), p("맺음말")).encode()


def parse_events(monkeypatch, data: bytes) -> int:
    """The parse events the section stream reads: each one is an element handle lxml makes."""
    counted = {"n": 0}

    class CountingParser(lxml.etree.XMLPullParser):
        def read_events(self):
            for event in super().read_events():
                counted["n"] += 1
                yield event

    monkeypatch.setattr(reader.lxml.etree, "XMLPullParser", CountingParser)
    for _ in reader.top_paragraphs("t", "section0.xml", data):
        pass
    monkeypatch.undo()
    return counted["n"]


def test_paragraphs_inside_cells_cost_the_section_stream_no_event(monkeypatch):
    """Only top-level paragraphs are the stream's; those in cells are the body reader's. The
    hp:p end events gave one event (and two lxml calls) per paragraph of every cell."""
    small, large = table_section(40), table_section(400)
    assert parse_events(monkeypatch, large) - parse_events(monkeypatch, small) == 0
    assert parse_events(monkeypatch, large) <= 1


def test_each_top_paragraph_is_emptied_and_dropped_once_read(monkeypatch):
    """The bounded-memory design: once the reader moves on, a read paragraph is empty and out
    of the tree, so a section's tables are freed one paragraph at a time."""
    monkeypatch.setattr(reader, "FEED_BYTES", 4096)
    seen = []
    for el in reader.top_paragraphs("t", "section0.xml", table_section(200)):
        assert all(len(before) == 0 and before.getparent() is None for before in seen)
        seen.append(el)
    assert len(seen) == 3
    assert all(len(el) == 0 and el.getparent() is None for el in seen)


def test_a_section_whose_root_is_not_hs_sec_is_still_read():
    """No real part has another root; such a part is read whole, its hp:p children in order,
    as the stream reads hs:sec."""
    body = section(p("첫째"), p("둘째")).replace("hs:sec", "hs:other")
    assert read_hwpx(hwpx(body), "o.hwpx").lines == ["첫째", "둘째"]


def white_table(cells: int, white: bool) -> bytes:
    """A table after a cell holding a white-on-white line (a template leftover such as '광부'
    in the 기관명 cell, 8 of 47 real HWPX files) when `white`."""
    leftover = tc(0, 0, p(run(t("광부"), char=1 if white else 0)))
    rows = [[tc(r, c, p(f"칸 {r}-{c}")) for c in range(4)] for r in range(cells // 4)]
    return hwpx(section(p(tbl([leftover])), p(tbl(*rows))))


def reader_calls_per_cell(white: bool, small: int = 40, large: int = 400) -> float:
    a, b = white_table(small, white), white_table(large, white)
    read_hwpx(a, "w.hwpx")
    return (operations(lambda: read_hwpx(b, "w.hwpx")) - operations(lambda: read_hwpx(a, "w.hwpx"))) / (large - small)


def test_a_table_cell_costs_the_reader_few_calls():
    """Integer attributes are looked up per distinct text (AttributeInts), not parsed per cell."""
    assert reader_calls_per_cell(white=False) <= 42


def test_white_text_elsewhere_costs_other_cells_nothing():
    """Whether a cell is all invisible is decided by its first line in one set test; a
    generator over its lines ran for every cell of a document with any white line."""
    assert reader_calls_per_cell(white=True) - reader_calls_per_cell(white=False) < 0.5


@pytest.mark.parametrize("text, default, expected", [
    ("25", 0, 25), (" 3 ", 0, 3), ("07", 0, 7), ("-1", 0, -1), (None, 1, 1), ("", 1, 1), ("1.5", -2, -2),
    ("x", -1, -1),
])
def test_remembered_attribute_integers_read_as_int_attr(text, default, expected):
    ints = reader.AttributeInts(default)
    assert ints[text] == expected == ints[text] == reader.parse_int(text, default)


def test_remembered_attribute_integers_are_bounded(monkeypatch):
    monkeypatch.setattr(reader, "MAX_REMEMBERED", 10)
    ints = reader.AttributeInts(0)
    assert [ints[str(i)] for i in range(100)] == list(range(100)) and len(ints) == 10


def numbers_table(cells: int) -> bytes:
    """A budget-like table of `cells` number cells between a body line and a contact line."""
    rows = [[tc(r, c, p(f"{r * 7 + c * 13}")) for c in range(8)] for r in range(cells // 8)]
    return hwpx(section(p("□ 예산 현황"), p(tbl(*rows)), p("담당 부서 기획과 (044-123-4567)")))


def test_a_large_table_costs_the_whole_pipeline_linear_calls():
    """Reader and stages together grow with the cells, not faster (4.24× for 4× measured:
    no stage reads a table cell by cell against the others)."""
    small, large = numbers_table(1000), numbers_table(4000)
    pipeline.parse_bytes(small, "s.hwpx")
    growth = operations(lambda: pipeline.parse_bytes(large, "l.hwpx")) / operations(
        lambda: pipeline.parse_bytes(small, "s.hwpx"))
    assert growth < 4.6


# --- HWP 5 -------------------------------------------------------------------------------

def hwp_table(cells: int) -> bytes:
    rows = cells // 4
    return hwp(para(0, "표 앞", hwp_table_ctrl(rows)))


def hwp_table_ctrl(rows: int):
    return table(0, rows, 4, [(r, c, [f"칸 {r}-{c}"], {}) for r in range(rows) for c in range(4)])


def hwp_calls_per_cell(small: int = 40, large: int = 400) -> float:
    a, b = hwp_table(small), hwp_table(large)
    read_hwp(a, "s.hwp")
    return (operations(lambda: read_hwp(b, "l.hwp")) - operations(lambda: read_hwp(a, "s.hwp"))) / (large - small)


def test_an_hwp_cell_costs_the_reader_few_calls():
    """A paragraph's records are sorted in one pass (paragraph_records) and its character-shape
    runs unpacked in C: three generator searches and two u32 calls a run cost 117.5 calls a
    cell of one paragraph, now 106.5 (most of the rest is the record walk: four records a cell)."""
    assert hwp_calls_per_cell() <= 110


def test_a_cell_takes_the_first_of_each_child_in_any_order():
    """The cell pass stops once it holds a subList, a cellAddr and a cellSpan; the order of
    the children does not matter, and a second one of a kind is ignored."""
    cell = ('<hp:tc name="보도일시" borderFillIDRef="1"><hp:cellSpan colSpan="2" rowSpan="1"/>'
            '<hp:cellAddr colAddr="1" rowAddr="3"/><hp:subList>' + p("첫째") + '</hp:subList>'
            '<hp:cellAddr colAddr="9" rowAddr="9"/><hp:subList>' + p("둘째") + '</hp:subList></hp:tc>')
    out = read_hwpx(hwpx(section(p(tbl([cell])))), "c.hwpx")
    assert out.lines == ["첫째"]
    [c] = out.cells
    assert (c.row, c.col, c.rowspan, c.colspan, c.name) == (3, 1, 1, 2, "보도일시")
