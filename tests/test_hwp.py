"""The HWP 5 reader on files written here (record bytes in a compound file from tests/hwp_build.py):
one case per construct, protected and hostile files ending as typed errors, and fuzzing of the
record walker and of whole files over mutated bytes."""
from __future__ import annotations

import struct

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipeline
from pipeline import PipelineError, parse_bytes
from pipeline.document import BlockKind, Cell, LineRepair
from pipeline.readers import bounds
from pipeline.readers.hwp import is_hwp, read_hwp
from pipeline.readers.records import iter_headers, read_records
from tests.hwp_build import (LIST_HEADER, PARA_HEADER, PARA_TEXT, Ctrl, cfb, click_here, compose, deflate,
                             docinfo, file_header, hwp, mutate, outcome_is_typed, para, record, table,
                             text_box)

GUIDE = "이곳을 마우스로 누르고 본문 내용을 입력하세요."


def lines_of(*paragraphs: list[bytes]) -> list[str]:
    return read_hwp(hwp([r for p in paragraphs for r in p]), "case.hwp").lines


# (name, paragraphs, expected lines) — the same constructs as tests/test_hwpx.py.
CONSTRUCTS = [
    ("text in one paragraph", [para(0, "보도", "자료")], ["보도자료"]),
    ("line break splits the paragraph", [para(0, "첫째 줄\n둘째 줄")], ["첫째 줄", "둘째 줄"]),
    ("tab is kept", [para(0, "ㅇ 1998\t행정고시")], ["ㅇ 1998\t행정고시"]),
    ("leading spaces stay", [para(0, "  ㅇ 들여쓴 항목")], ["  ㅇ 들여쓴 항목"]),
    ("empty paragraphs collapse to one blank line",
     [para(0, "하나"), para(0), para(0), para(0), para(0, "둘")], ["하나", "", "둘"]),
    ("style bullet drawn before the text", [para(0, "고유가 대응 -", shape=1)], ["- 고유가 대응 -"]),
    ("numbering counts and restarts deeper levels",
     [para(0, "가", shape=2), para(0, "나", shape=3), para(0, "다", shape=3), para(0, "라", shape=2),
      para(0, "마", shape=3)],
     ["1. 가", "(가) 나", "(나) 다", "2. 라", "(가) 마"]),
    ("text box lines at the anchor", [para(0, "앞", text_box(0, "상자 안"), "뒤")], ["앞", "상자 안", "뒤"]),
    ("fill-in field keeps its text, never its guide",
     [para(0, click_here(GUIDE), "입력한 본문", Ctrl("%clk", code=4))], ["입력한 본문"]),
    ("compose writes its characters", [para(0, "제", compose("\U000f02ba", "\U000f02c3"), " 항")], ["제10 항"]),
    ("keep-together and fixed-width spaces become spaces", [para(0, "가\x1e나\x1f다")], ["가 나 다"]),
]


@pytest.mark.parametrize("name, paragraphs, expected", CONSTRUCTS, ids=[c[0] for c in CONSTRUCTS])
def test_construct(name, paragraphs, expected):
    assert lines_of(*paragraphs) == expected


def two_by_three() -> list[bytes]:
    return para(0, "표 앞", table(0, 2, 3, [
        (0, 0, ["보도시점"], {}), (0, 1, ["2026. 4. 14.(화)", "조간"], {"colspan": 2, "name": "보도일시"}),
        (1, 0, ["배포"], {}), (1, 1, ["2026. 4. 13.(월)"], {"name": "배포일시"}), (1, 2, [], {})]), "표 뒤")


def test_table_cells_row_by_row_with_grid_address_span_and_name():
    out = read_hwp(hwp(two_by_three()), "t.hwp")
    assert out.lines == ["표 앞", "보도시점", "2026. 4. 14.(화)", "조간", "배포", "2026. 4. 13.(월)", "표 뒤"]
    assert out.cells == [
        Cell(0, 0, 0, 1, 2), Cell(0, 0, 1, 2, 4, colspan=2, name="보도일시"),
        Cell(0, 1, 0, 4, 5), Cell(0, 1, 1, 5, 6, name="배포일시"), Cell(0, 1, 2, 6, 6)]


def test_nested_table_sits_inside_its_cell():
    inner = table(2, 1, 1, [(0, 0, ["안쪽"], {})])
    outer = table(0, 1, 2, [(0, 0, ["바깥", para(2, inner)], {}), (0, 1, ["옆"], {})])
    out = read_hwp(hwp(para(0, outer)), "n.hwp")
    assert out.lines == ["바깥", "안쪽", "옆"]
    assert out.cells == [Cell(1, 0, 0, 1, 2, depth=1), Cell(0, 0, 0, 0, 2), Cell(0, 0, 1, 2, 3)]


def test_white_text_on_an_unfilled_cell_is_kept_but_hinted_and_marked():
    cells = [(0, 0, [para(2, "광부", runs=[(0, 1)])], {"name": "기관명"}),
             (0, 1, [para(2, "참고", runs=[(0, 1)])], {"fill": 2}), (0, 2, ["보도자료"], {})]
    out = read_hwp(hwp(para(0, table(0, 1, 3, cells))), "w.hwp")
    assert out.lines == ["광부", "참고", "보도자료"]
    assert out.hints == {0: BlockKind.CHROME}
    assert [c.invisible for c in out.cells] == [True, False, False]


def test_running_head_is_chrome():
    head = Ctrl("head", b"\0" * 4, [record(LIST_HEADER, 2, b"\x01\x00" + b"\0" * 32), *para(2, "머리말")], code=16)
    out = read_hwp(hwp(para(0, head, "본문")), "h.hwp")
    assert out.lines == ["머리말", "본문"]
    assert out.hints == {0: BlockKind.CHROME}


def test_private_use_glyphs_map_and_unknown_ones_are_kept_and_reported():
    out = read_hwp(hwp(para(0, "\U000f02b1 고용안정 지원") + para(0, "금융\uf09e보험 \U000f0abc")), "u.hwp")
    assert out.lines == ["1 고용안정 지원", "금융·보험 \U000f0abc"]
    assert out.repairs == [LineRepair("private_use", 0, "\U000f02b1", "1"), LineRepair("private_use", 1, "\uf09e", "·")]
    assert [code for code, _ in out.warnings.values()] == ["private_use_glyph"]


def test_uncompressed_streams_are_read_too():
    assert read_hwp(hwp(para(0, "압축 없음"), flags=0), "plain.hwp").lines == ["압축 없음"]


def test_sections_are_read_in_number_order():
    assert read_hwp(hwp(para(0, "첫 구역"), para(0, "둘째 구역")), "s.hwp").lines == ["첫 구역", "둘째 구역"]


def test_surplus_extended_codes_without_a_control_header_are_ignored():
    orphan = Ctrl("tbl ")
    records = para(0, "앞", orphan, "뒤")
    records = [r for r in records if struct.unpack("<I", r[:4])[0] & 0x3FF != 0x47]
    assert read_hwp(hwp(records), "o.hwp").lines == ["앞뒤"]


def test_sniff_by_bytes_and_the_record_says_hwp():
    data = hwp(para(0, "보도자료") + para(0, "정부는 새 정책을 발표했다."))
    assert is_hwp(data)
    record = parse_bytes(data, "named.hwpx")
    assert record["source"]["format"] == "hwp"
    assert pipeline.validate(record) == []


# --- protected, foreign and hostile files -------------------------------------------------

def raw_section(body: bytes) -> bytes:
    """A file whose Section0 holds `body` as written (deflated, not checked)."""
    return cfb({"FileHeader": file_header(1), "DocInfo": deflate(docinfo()), "BodyText/Section0": deflate(body)})


LEVEL_JUMP = record(PARA_HEADER, 0, b"\0" * 22) + record(PARA_TEXT, 2, "가".encode("utf-16-le"))
PAST_THE_END = struct.pack("<I", PARA_HEADER | 500 << 20) + b"\0" * 22
EXTENDED_PAST_THE_END = struct.pack("<II", PARA_HEADER | 0xFFF << 20, 1 << 30) + b"\0" * 22
CUT_HEADER = record(PARA_HEADER, 0, b"\0" * 22) + b"\x43\x00"
LONG_CHAIN = b"".join(record(PARA_HEADER, min(i, 1), b"") for i in range(2)) + record(PARA_TEXT, 2, b"") \
    + record(PARA_TEXT, 4, b"")
BOMB = cfb({"FileHeader": file_header(1), "DocInfo": deflate(docinfo()),
            "BodyText/Section0": deflate(b"\0" * (3 << 20))})
# A stream too varied to compress below the mini-stream cutoff, so it lives in FAT sectors.
VARIED = b"".join(r for i in range(200) for r in para(0, "".join(chr(0xAC00 + (i * 7919 + j * 104729) % 11172)
                                                            for j in range(30))))
LOOP = cfb({"FileHeader": file_header(1), "DocInfo": deflate(docinfo()), "BodyText/Section0": deflate(VARIED)},
           loop="BodyText/Section0")
NOT_HWP = cfb({"WordDocument": b"\0" * 600, "\x05SummaryInformation": b"\0" * 100})

HOSTILE = [
    ("password", hwp(para(0, "비밀"), flags=0x3), "protected"),
    ("distribution-only", hwp(para(0, "배포용"), flags=0x5), "protected"),
    ("DRM", hwp(para(0, "DRM"), flags=0x11), "protected"),
    ("record size past the end", raw_section(PAST_THE_END), "malformed"),
    ("extended size past the end", raw_section(EXTENDED_PAST_THE_END), "malformed"),
    ("record header cut off", raw_section(CUT_HEADER), "malformed"),
    ("level jump", raw_section(LEVEL_JUMP), "malformed"),
    ("level jump deeper down", raw_section(LONG_CHAIN), "malformed"),
    ("inflation bomb", BOMB, "too_large"),
    ("OLE with a sector loop", LOOP, "malformed"),
    ("not DEFLATE data", cfb({"FileHeader": file_header(1), "DocInfo": deflate(docinfo()),
                              "BodyText/Section0": b"\xff" * 5000}), "malformed"),
    ("no section stream", cfb({"FileHeader": file_header(1), "DocInfo": deflate(docinfo())}), "malformed"),
    ("an OLE file that is not HWP", NOT_HWP, "unsupported_format"),
    ("HWP 3", b"HWP Document File V3.00 \x1a\x01\x02\x03\x04\x05" + b"\0" * 200, "unsupported_format"),
    ("cut OLE header", hwp(para(0, "잘림"))[:300], "unsupported_format"),
]


@pytest.mark.parametrize("name, data, code", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_file_ends_as_a_typed_error(name, data, code):
    with pytest.raises(PipelineError) as caught:
        parse_bytes(data, "hostile.hwp")
    assert caught.value.code == code
    assert "hostile.hwp" in str(caught.value)


def test_protected_documents_say_why():
    with pytest.raises(PipelineError, match="password"):
        read_hwp(hwp(para(0, "x"), flags=0x3), "p.hwp")
    with pytest.raises(PipelineError, match="distribution-only"):
        read_hwp(hwp(para(0, "x"), flags=0x5), "d.hwp")


def test_inflation_is_capped_by_the_output_limit(monkeypatch):
    """The inflater is asked for at most cap + 1 bytes: a stream past the cap is refused
    whatever its ratio."""
    monkeypatch.setattr("pipeline.readers.hwp.MAX_PART_BYTES", 500)
    with pytest.raises(PipelineError) as caught:
        read_hwp(hwp(para(0, "가나다라마바사 " * 100)), "big.hwp")
    assert caught.value.code == "too_large"


def test_record_count_is_capped(monkeypatch):
    monkeypatch.setattr("pipeline.readers.records.MAX_RECORDS", 10)
    with pytest.raises(PipelineError) as caught:
        read_records("r.hwp", "s", b"".join(record(PARA_HEADER, 0, b"") for _ in range(11)))
    assert caught.value.code == "too_large"


def test_record_walk_allocates_nothing_from_declared_counts():
    """A cell header claiming 65,535 paragraphs and a table claiming 65,535 × 65,535 cells
    yields only the cells and paragraphs present."""
    big = record(LIST_HEADER, 2, struct.pack("<HHIHHHH", 0xFFFF, 0, 0, 0, 0, 1, 1) + b"\0" * 22)
    tbl = Ctrl("tbl ", b"\0" * 44, [record(0x4D, 2, struct.pack("<IHH", 0, 0xFFFF, 0xFFFF)), big, *para(2, "하나")])
    out = read_hwp(hwp(para(0, tbl)), "c.hwp")
    assert out.lines == ["하나"] and len(out.cells) == 1


# --- fuzzing ------------------------------------------------------------------------------

SEED_RECORDS = b"".join(two_by_three() + para(0, "고유가 대응", shape=1) + para(0, "본문", text_box(0, "상자"))
                        + para(0, "\U000f02b1 항목", compose("\U000f02ba", "\U000f02c3")))
SEED_FILE = hwp(SEED_RECORDS)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.integers(0, len(SEED_RECORDS) - 1), st.integers(0, 255)), min_size=1, max_size=6))
def test_mutated_record_streams_walk_or_fail_typed(edits):
    data = bytearray(SEED_RECORDS)
    for at, value in edits:
        data[at] = value
    try:
        headers = iter_headers("f.hwp", "s", bytes(data))
    except PipelineError as exc:
        assert exc.code in ("malformed", "too_large")
        return
    assert all(0 <= start <= end <= len(data) for _tag, _level, start, end in headers)
    try:
        read_hwp(raw_section(bytes(data)), "f.hwp")
    except PipelineError as exc:
        assert exc.code != "internal", str(exc)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SEED_FILE) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_mutated_files_end_in_a_record_or_a_typed_error(edits):
    outcome_is_typed(mutate(SEED_FILE, edits), "fuzz.hwp")


@settings(max_examples=80, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_record_bytes_walk_or_fail_typed(data):
    try:
        read_records("a.hwp", "s", data)
    except PipelineError as exc:
        assert exc.code in ("malformed", "too_large")


def test_bounds_hold_the_documented_head_room():
    """The caps sit well above every real file (docs/hwpx-hwp.md §6) and below harm."""
    assert bounds.MAX_RECORD_LEVEL >= 7 * 4 and bounds.MAX_PART_BYTES >= 4 * 15_900_000
    assert bounds.MAX_RATIO >= 5 * 34


# --- the data tables the readers use -------------------------------------------------------

def test_private_use_table_maps_only_private_use_glyphs_to_visible_text():
    from importlib import resources

    from pipeline.readers.layout import PRIVATE_USE_RE, private_use_table
    table, _pattern = private_use_table()
    rows = [line.split("\t")[0] for line in resources.files("pipeline").joinpath("data/pua.tsv")
            .read_text(encoding="utf-8").splitlines() if line and not line.startswith("#")]
    assert len(rows) == len(set(rows)) == len(table)
    for glyphs, replacement in table.items():
        assert all(PRIVATE_USE_RE.fullmatch(g) for g in glyphs)
        assert replacement.strip() and not PRIVATE_USE_RE.search(replacement)


def test_numbering_formats_and_sequences_are_consistent():
    from pipeline.readers.styles import format_number, numbering_data
    data = numbering_data()
    assert len(data["formats"]) == len(set(data["formats"]))
    assert set(data["sequences"]) <= set(data["formats"])
    for fmt, sequence in data["sequences"].items():
        assert len(sequence) == len(set(sequence)), fmt
    assert [format_number(n, "ROMAN_CAPITAL") for n in (1, 4, 9, 14)] == ["I", "IV", "IX", "XIV"]
    assert format_number(3, "HANGUL_SYLLABLE") == "다" and format_number(99, "CIRCLED_DIGIT") == "99"


# --- the text walk jumps from control to control as the unit-by-unit definition reads -------

def reference_text(reader, data: bytes, runs: list[tuple[int, int]], fill: int) -> None:
    """BodyReader.text's definition, one code unit at a time (the code before issue 14); no
    control records, so an extended control writes nothing."""
    from pipeline.readers.hwp import CHAR_TEXT, CONTROL_UNITS, EXTENDED, INLINE, LINE_BREAK
    from pipeline.readers.records import u16
    units = len(data) // 2
    pos, start, run = 0, 0, 0
    invisible = reader.is_invisible(runs, 0, fill)

    def flush(end: int) -> None:
        if end > start:
            reader.w.text(data[2 * start:2 * end].decode("utf-16-le", errors="replace"), invisible)

    while pos < units:
        code = u16(data, 2 * pos)
        if run + 1 < len(runs) and runs[run + 1][0] <= pos:
            flush(pos)
            start = pos
            while run + 1 < len(runs) and runs[run + 1][0] <= pos:
                run += 1
            invisible = reader.is_invisible(runs, run, fill)
        if code >= 32:
            pos += 1
            continue
        flush(pos)
        width = CONTROL_UNITS if code in INLINE or code in EXTENDED else 1
        if code in CHAR_TEXT:
            reader.w.text(CHAR_TEXT[code], invisible)
        elif code == LINE_BREAK:
            reader.w.end_line()
        pos += width
        start = min(pos, units)
    flush(units)


UNITS = st.one_of(st.sampled_from([0x41, 0xAC00, 0x20, 0x0A, 0x09, 0x0D, 0x18, 0x1E, 0x1F, 0x02, 0x0B, 0x04,
                                   0x15, 0x00, 0xD800, 0xDC00, 0x0A00, 0x1F00]),
                  st.integers(0, 0xFFFF))


@settings(max_examples=400, deadline=None)
@given(st.lists(UNITS, max_size=40), st.lists(st.tuples(st.integers(0, 45), st.integers(0, 3)), max_size=5),
       st.booleans())
def test_paragraph_text_reads_as_the_unit_by_unit_definition(units, runs, odd_byte) -> None:
    from pipeline.readers.hwp import BodyReader
    from pipeline.readers.layout import Writer
    from pipeline.readers.styles import Styles
    data = struct.pack(f"<{len(units)}H", *units) + (b"\x00" if odd_byte else b"")
    styles = Styles(white_text={1, 3})
    outcomes = []
    for walk in ("reader", "reference"):
        reader = BodyReader(styles, Writer("case.hwp"))
        if walk == "reader":
            reader.text(data, runs, iter([]), -2, 0)
        else:
            reference_text(reader, data, runs, -2)
        reader.w.end_line()
        outcomes.append((reader.w.out.lines, reader.w.out.hints))
    assert outcomes[0] == outcomes[1]
