"""The HWPX reader on packages written here: one case per construct of docs/hwpx-hwp.md, hostile
packages that must end as typed errors, and fuzzing of the zip/XML reader over mutated bytes."""
from __future__ import annotations

import io
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipeline
from pipeline import PipelineError, parse_bytes
from pipeline.document import BlockKind, Cell, LineRepair
from pipeline.readers import bounds, hwpx as reader
from pipeline.readers.hwpx import is_hwpx, read_hwpx
from tests.hwp_build import hwpx, mutate, outcome_is_typed, p, run, section, set_encrypted, t, tbl, tc

GUIDE = "이곳을 마우스로 누르고 본문 내용을 입력하세요."


def field(text: str) -> str:
    """A 누름틀 (CLICK_HERE field) whose guide text sits only in its parameters."""
    begin = (f'<hp:ctrl><hp:fieldBegin type="CLICK_HERE" name=""><hp:parameters cnt="1">'
             f'<hp:stringParam name="Direction">{GUIDE}</hp:stringParam></hp:parameters></hp:fieldBegin></hp:ctrl>')
    return run(begin, t(text), '<hp:ctrl><hp:fieldEnd beginIDRef="1"/></hp:ctrl>')


def box(*paragraphs: str, caption: str = "") -> str:
    cap = f'<hp:caption side="BOTTOM"><hp:subList>{p(caption)}</hp:subList></hp:caption>' if caption else ""
    return f'<hp:rect><hp:drawText><hp:subList>{"".join(paragraphs)}</hp:subList></hp:drawText>{cap}</hp:rect>'


# (name, section paragraphs, expected lines)
CONSTRUCTS = [
    ("runs join without a separator", [p(run(t("보도")), run(t("자료")))], ["보도자료"]),
    ("line break splits the paragraph", [p(run(t("첫째 줄<hp:lineBreak/>둘째 줄")))], ["첫째 줄", "둘째 줄"]),
    ("tab is kept, fixed spaces become spaces",
     [p(run(t("ㅇ 1998<hp:tab/>행정고시<hp:fwSpace/>합격<hp:nbSpace/>끝")))], ["ㅇ 1998\t행정고시 합격 끝"]),
    ("leading spaces stay", [p("  ㅇ 들여쓴 항목")], ["  ㅇ 들여쓴 항목"]),
    ("empty paragraphs collapse to one blank line", [p("하나"), p(), p(), p(), p("둘")], ["하나", "", "둘"]),
    ("style bullet drawn before the text", [p("고유가 대응 -", para=1)], ["- 고유가 대응 -"]),
    ("numbering counts and restarts deeper levels",
     [p("가", para=2), p("나", para=3), p("다", para=3), p("라", para=2), p("마", para=3)],
     ["1. 가", "(가) 나", "(나) 다", "2. 라", "(가) 마"]),
    ("text box lines at the anchor", [p(run(t("앞"), box(p("상자 안")), t("뒤")))], ["앞", "상자 안", "뒤"]),
    ("container holds boxes in order",
     [p(run(f"<hp:container>{box(p('하나'))}{box(p('둘'))}</hp:container>"))], ["하나", "둘"]),
    ("caption follows its object", [p(run(box(p("상자"), caption="&lt;그림 1&gt; 지도")))], ["상자", "<그림 1> 지도"]),
    ("picture writes no line",
     [p(run('<hp:pic><hp:shapeComment>그림입니다.\n원본 그림의 이름: 로고.jpg</hp:shapeComment></hp:pic>'), run(t("본문")))],
     ["본문"]),
    ("fill-in field keeps its text, never its guide", [p(field("입력한 본문"))], ["입력한 본문"]),
    ("compose writes its characters", [p(run(t("제"), '<hp:compose composeText="\U000f02ba\U000f02c3"/>', t(" 항")))],
     ["제10 항"]),
    ("dutmal writes its main text", [p(run('<hp:dutmal><hp:mainText>본말</hp:mainText><hp:subText>덧말</hp:subText></hp:dutmal>'))],
     ["본말"]),
    ("page number and column controls write nothing",
     [p(run('<hp:ctrl><hp:colPr/></hp:ctrl><hp:ctrl><hp:pageNum pos="BOTTOM_CENTER" sideChar="-"/></hp:ctrl>', t("글")))],
     ["글"]),
]


def lines_of(*paragraphs: str) -> list[str]:
    return read_hwpx(hwpx(section(*paragraphs)), "case.hwpx").lines


@pytest.mark.parametrize("name, paragraphs, expected", CONSTRUCTS, ids=[c[0] for c in CONSTRUCTS])
def test_construct(name, paragraphs, expected):
    assert lines_of(*paragraphs) == expected


def two_by_three() -> str:
    """보도시점 | 2026. 4. 14.(화) 조간 [보도일시] spanning two columns / 배포 | … | …"""
    return p(run(t("표 앞")), tbl(
        [tc(0, 0, p("보도시점")), tc(0, 1, p("2026. 4. 14.(화)"), p("조간"), colspan=2, name="보도일시")],
        [tc(1, 0, p("배포")), tc(1, 1, p("2026. 4. 13.(월)"), name="배포일시"), tc(1, 2)]), run(t("표 뒤")))


def test_table_cells_row_by_row_with_grid_address_span_and_name():
    out = read_hwpx(hwpx(section(two_by_three())), "t.hwpx")
    assert out.lines == ["표 앞", "보도시점", "2026. 4. 14.(화)", "조간", "배포", "2026. 4. 13.(월)", "표 뒤"]
    assert out.cells == [
        Cell(0, 0, 0, 1, 2), Cell(0, 0, 1, 2, 4, colspan=2, name="보도일시"),
        Cell(0, 1, 0, 4, 5), Cell(0, 1, 1, 5, 6, name="배포일시"), Cell(0, 1, 2, 6, 6)]


def test_nested_table_sits_inside_its_cell():
    inner = tbl([tc(0, 0, p("안쪽"))])
    out = read_hwpx(hwpx(section(p(tbl([tc(0, 0, p("바깥"), p(inner)), tc(0, 1, p("옆"))])))), "n.hwpx")
    assert out.lines == ["바깥", "안쪽", "옆"]
    assert out.cells == [Cell(1, 0, 0, 1, 2, depth=1), Cell(0, 0, 0, 0, 2), Cell(0, 0, 1, 2, 3)]


def test_white_text_on_an_unfilled_cell_is_kept_but_hinted_and_marked():
    logo = tc(0, 0, p(run(t("광부"), char=1)), name="기관명")
    painted = tc(0, 1, p(run(t("참고"), char=1)), fill=2)
    out = read_hwpx(hwpx(section(p(tbl([logo, painted, tc(0, 2, p("보도자료"))])))), "w.hwpx")
    assert out.lines == ["광부", "참고", "보도자료"]
    assert out.hints == {0: BlockKind.CHROME}
    assert [c.invisible for c in out.cells] == [True, False, False]


def test_invisible_leftover_is_never_the_issuer():
    logo = tc(0, 0, p(run(t("광부"), char=1)), name="기관명")
    body = [p(tbl([logo, tc(0, 1, p("보도자료"))])), p("새 정책을 발표했다"), p("□ 정부는 오늘 새 정책을 발표하였다.")]
    record = parse_bytes(hwpx(section(*body)), "w.hwpx")
    assert (record["release"]["issuer"] or {}).get("name") != "광부"
    assert "광부" in record["text"]


def test_running_head_is_chrome():
    head = run('<hp:ctrl><hp:header><hp:subList>' + p("머리말") + '</hp:subList></hp:header></hp:ctrl>', t("본문"))
    out = read_hwpx(hwpx(section(p(head))), "h.hwpx")
    assert out.lines == ["머리말", "본문"]
    assert out.hints == {0: BlockKind.CHROME}


def test_private_use_glyphs_map_and_unknown_ones_are_kept_and_reported():
    out = read_hwpx(hwpx(section(p("\U000f02b1 고용안정 지원"), p("금융\uf09e보험 \U000f0abc"))), "u.hwpx")
    assert out.lines == ["1 고용안정 지원", "금융·보험 \U000f0abc"]
    assert out.repairs == [LineRepair("private_use", 0, "\U000f02b1", "1"), LineRepair("private_use", 1, "\uf09e", "·")]
    assert [code for code, _ in out.warnings.values()] == ["private_use_glyph"]


def test_private_use_repair_reaches_the_record():
    record = parse_bytes(hwpx(section(p("\U000f02b1 고용안정 지원"))), "u.hwpx")
    assert {"kind": "private_use", "from": "\U000f02b1", "to": "1", "span": [0, 1]} in record["diagnostics"]["repairs"]


def test_sections_follow_the_spine_and_fall_back_to_number_order():
    data = hwpx(section(p("첫 구역")), section(p("둘째 구역")), spine=False)
    assert read_hwpx(data, "s.hwpx").lines == ["첫 구역", "둘째 구역"]


def test_sniff_by_bytes_and_the_record_says_hwpx():
    data = hwpx(section(p("보도자료"), p("정부는 새 정책을 발표했다.")))
    assert is_hwpx(data)
    record = parse_bytes(data, "named-wrongly.txt")
    assert record["source"]["format"] == "hwpx" and record["source"]["encoding"] is None
    assert pipeline.validate(record) == []


# --- hostile and damaged packages --------------------------------------------------------

def zip_of(entries: dict[str, bytes], first: tuple[str, bytes] = ("mimetype", b"application/hwp+zip")) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo(first[0]), first[1], compress_type=zipfile.ZIP_STORED)
        for name, data in entries.items():
            z.writestr(name, data)
    return out.getvalue()


BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
                  '<hs:sec xmlns:hs="x"><hp:p xmlns:hp="y">&lol2;</hp:p></hs:sec>')
EXTERNAL = ('<?xml version="1.0"?><!DOCTYPE x [<!ENTITY ext SYSTEM "http://example.invalid/x">]>'
            '<hs:sec xmlns:hs="x">&ext;</hs:sec>')
BOMB = section(p("a")).replace("</hs:sec>", "<!--" + " " * (3 << 20) + "--></hs:sec>")


def nested_tables(depth: int) -> str:
    inner = p("바닥")
    for _ in range(depth):
        inner = p(tbl([tc(0, 0, inner)]))
    return inner


HOSTILE = [
    ("zip bomb: a part inflating past the ratio cap", hwpx(BOMB), "too_large"),
    ("too many parts", zip_of({f"BinData/{i}.bin": b"" for i in range(bounds.MAX_PARTS + 1)}), "too_large"),
    ("a directory too large to read", zip_of({f"BinData/{i:04}{'x' * 200}.bin": b"" for i in range(2500)}),
     "too_large"),
    ("DOCTYPE with entities", hwpx(BILLION_LAUGHS), "malformed"),
    ("external entity", hwpx(EXTERNAL), "malformed"),
    ("encrypted entry", set_encrypted(hwpx(section(p("비밀"))), "Contents/section0.xml"), "protected"),
    ("encryption in the manifest",
     hwpx(section(p("x")), extra={"META-INF/manifest.xml": b'<manifest><encryption-data/></manifest>'}), "protected"),
    ("not well-formed XML", hwpx('<hs:sec xmlns:hs="x"><hp:p'), "malformed"),
    ("no section part", zip_of({"Contents/header.xml": b"<a/>"}), "malformed"),
    ("objects nested past the cap", hwpx(section(nested_tables(bounds.MAX_NESTING + 2))), "malformed"),
    ("cut in the middle", hwpx(section(p("잘린 파일")))[:200], "malformed"),
    ("a zip that is not HWPX", zip_of({"word/document.xml": b"<w/>"}, ("[Content_Types].xml", b"<Types/>")),
     "unsupported_format"),
    ("another mimetype", zip_of({}, ("mimetype", b"application/epub+zip")), "unsupported_format"),
]


@pytest.mark.parametrize("name, data, code", HOSTILE, ids=[h[0] for h in HOSTILE])
def test_hostile_package_ends_as_a_typed_error(name, data, code):
    with pytest.raises(PipelineError) as caught:
        parse_bytes(data, "hostile.hwpx")
    assert caught.value.code == code
    assert "hostile.hwpx" in str(caught.value)


def test_part_reads_are_bounded_by_the_cap_not_the_declared_size(monkeypatch):
    """A part is read through `read(cap + 1)`: with the cap lowered, an ordinary part is refused
    once it passes the cap, whatever its header declares."""
    monkeypatch.setattr(reader, "MAX_PART_BYTES", 1000)
    data = hwpx(section(*[p("가나다라마바사") for _ in range(100)]))
    with pytest.raises(PipelineError) as caught:
        read_hwpx(data, "big.hwpx")
    assert caught.value.code == "too_large"


def test_parts_parsed_whole_have_a_smaller_cap(monkeypatch):
    """header.xml is parsed as one tree, so it gets MAX_TREE_BYTES, not the section cap."""
    monkeypatch.setattr(reader, "MAX_TREE_BYTES", 500)
    with pytest.raises(PipelineError) as caught:
        read_hwpx(hwpx(section(p("본문"))), "h.hwpx")
    assert caught.value.code == "too_large" and "header.xml" in str(caught.value)


def test_the_zip_directory_is_measured_before_zipfile_reads_it(monkeypatch):
    """zipfile builds an object per directory entry: a directory past the cap is refused from
    the end record alone, before zipfile is asked to open the package."""
    data = zip_of({f"BinData/{i:04}{'x' * 200}.bin": b"" for i in range(2500)})
    assert reader.central_directory_size(data) > reader.MAX_DIRECTORY_BYTES

    def forbidden(*args, **kwargs):
        raise AssertionError("zipfile was asked to read the directory")

    monkeypatch.setattr(reader.zipfile, "ZipFile", forbidden)
    with pytest.raises(PipelineError) as caught:
        read_hwpx(data, "dir.hwpx")
    assert caught.value.code == "too_large"


def test_total_inflation_is_bounded(monkeypatch):
    monkeypatch.setattr(bounds, "MAX_TOTAL_BYTES", 2000)
    data = hwpx(*[section(*[p("가나다") for _ in range(20)]) for _ in range(3)])
    with pytest.raises(PipelineError) as caught:
        read_hwpx(data, "many.hwpx")
    assert caught.value.code == "too_large"


def test_bindata_is_never_inflated(monkeypatch):
    """An image part is never opened: a corrupt one does not matter."""
    opened: list[str] = []
    real_read = reader.Package.read

    def spy(self, name, cap=None):
        opened.append(name)
        return real_read(self, name, cap)

    monkeypatch.setattr(reader.Package, "read", spy)
    read_hwpx(hwpx(section(p("본문")), extra={"BinData/image1.bmp": b"\0" * 10_000}), "b.hwpx")
    assert not any(name.startswith("BinData/") for name in opened)


def test_a_large_section_is_read_one_top_paragraph_at_a_time(monkeypatch):
    """Top-level paragraphs are cleared once written and the parser is fed a slice at a time:
    the tree holds at most one slice's worth of paragraphs, not the section."""
    held: list[int] = []
    real = reader.top_paragraphs

    def watch(path, part, data):
        for el in real(path, part, data):
            held.append(len(el.getparent()))
            yield el

    monkeypatch.setattr(reader, "top_paragraphs", watch)
    monkeypatch.setattr(reader, "FEED_BYTES", 4096)
    paragraphs = [p(f"문단 {i}") for i in range(3000)]
    per_feed = 4096 // len(paragraphs[0]) + 2
    read_hwpx(hwpx(section(*paragraphs)), "l.hwpx")
    assert len(held) == 3000 and max(held) <= per_feed


# --- fuzzing ----------------------------------------------------------------------------

SEED = hwpx(section(two_by_three(), p("고유가 대응", para=1), p(field("본문")), p(run(box(p("상자")))),
                    p("\U000f02b1 항목")))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(SEED) - 1), st.integers(0, 255)), min_size=1, max_size=8))
def test_mutated_packages_end_in_a_record_or_a_typed_error(edits):
    outcome_is_typed(mutate(SEED, edits), "fuzz.hwpx")


XML_PIECES = list("<>/&;\"= abhpt:가") + ["<hp:p>", "</hp:p>", "<hp:t>", "</hp:t>", "<hp:run>", "</hp:run>",
                                         "<hp:tbl>", "<hp:tr>", "<hp:tc>", "<hp:subList>", "<!DOCTYPE", "&lt;"]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(XML_PIECES), max_size=80).map("".join))
def test_arbitrary_section_xml_ends_in_a_record_or_a_typed_error(body):
    data = hwpx(f'<hs:sec xmlns:hs="http://www.hancom.co.kr/hwpml/2011/section" '
                f'xmlns:hp="http://www.hancom.co.kr/hwpml/2011/paragraph">{body}</hs:sec>')
    try:
        read_hwpx(data, "fuzz.hwpx")
    except PipelineError as exc:
        assert exc.code in ("malformed", "too_large")
