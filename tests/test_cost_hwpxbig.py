"""Cost of reading a large HWPX section (issue 14, the 15.9 MB table of 156754252.hwpx), in
operations (tests/complexity.py), never in time.

Measured before → after on that file's section (19,787 paragraphs, 340 of them top-level):
the section stream (`top_paragraphs`) handed lxml 19,787 parse events and made two calls
on each; it now takes one event, the section's start, and the paragraphs as its children.
"""
from __future__ import annotations

import lxml.etree

import pipeline.readers.hwpx as reader

from pipeline.readers.hwpx import read_hwpx

from .hwp_build import hwpx, p, section, tbl, tc


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
