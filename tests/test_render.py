"""render: markup to lines, hints, cells, records and mojibake, on tiny inputs written here."""
from __future__ import annotations

import dataclasses
import json
import re
from unittest import mock

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.document import BlockKind, Cell, Document, Source
from pipeline.lexicon import CP1252_EXTRA, load_lexicon
from pipeline.runner import new_document, run
from pipeline.stages import decode, render

from .conftest import SAMPLES

LEX = load_lexicon()
K = BlockKind


def rendered(text: str | bytes) -> Document:
    data = text.encode("utf-8") if isinstance(text, str) else text
    doc = Document(source=Source(path="t", sha256="0" * 64, bytes=len(data)), raw=data)
    decode.run(doc, LEX)
    render.run(doc, LEX)
    return doc


def lines(doc: Document) -> list[str]:
    return doc.plain.split("\n")


def hinted(doc: Document, kind: BlockKind) -> list[str]:
    return [lines(doc)[i] for i, k in sorted(doc.line_hints.items()) if k == kind]


def page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>t</title></head><body>{body}</body></html>"


# --- HTML to lines ---------------------------------------------------------------------

def test_nbsp_indent_becomes_leading_spaces() -> None:
    doc = rendered(page("<p>□ 추진 배경</p><p>&nbsp;&nbsp;○ 협력 강화</p><p>&nbsp;&nbsp;&nbsp;&nbsp;- 세부 과제</p>"))
    assert lines(doc) == ["□ 추진 배경", "  ○ 협력 강화", "    - 세부 과제"]


def test_script_style_and_comments_are_dropped() -> None:
    doc = rendered(page("<script>var a = '숨김';</script><style>p{}</style><!-- 주석 --><p>보임</p>"))
    assert lines(doc) == ["보임"]


def test_inline_elements_join_and_blocks_split() -> None:
    doc = rendered(page("<div><span>행사</span> <b>개요</b><br>일시: 5월<br/>장소: 서울</div><p>끝</p>"))
    assert lines(doc) == ["행사 개요", "일시: 5월", "장소: 서울", "끝"]


def test_html_white_space_collapses_inside_a_line() -> None:
    doc = rendered(page("<p>  가나\n    다라\t마  </p>"))
    assert lines(doc) == ["가나 다라 마"]


def test_plain_text_is_lf_only() -> None:
    assert rendered("가\r\n나\r다").plain == "가\n나\n다"


def test_html_fragment_without_html_element() -> None:
    assert lines(rendered("<p>첫째 줄</p><p>둘째 줄</p>")) == ["첫째 줄", "둘째 줄"]


def test_external_entities_are_never_resolved(tmp_path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("비밀값")
    doc = rendered(f'<!DOCTYPE html [<!ENTITY x SYSTEM "file://{secret}">]><html><body><p>a&x;b</p></body></html>')
    assert "비밀값" not in doc.plain


# --- tables ----------------------------------------------------------------------------

def test_cells_keep_rows_columns_and_paragraphs() -> None:
    doc = rendered(page(
        "<table><tr><th>담당</th><td><p>기획과</p><p>홍길동</p></td></tr>"
        "<tr><td colspan='2'>합계</td><td>3</td></tr></table>"))
    assert lines(doc) == ["담당", "기획과", "홍길동", "합계", "3"]
    assert doc.cells == [Cell(0, 0, 0, 0, 1, header=True), Cell(0, 0, 1, 1, 3),
                         Cell(0, 1, 0, 3, 4), Cell(0, 1, 2, 4, 5)]


def test_nested_tables_are_numbered_in_document_order() -> None:
    doc = rendered(page("<table><tr><td><table><tr><td>안</td></tr></table></td><td>밖</td></tr></table>"))
    assert [(c.table, c.row, c.col, lines(doc)[c.first]) for c in doc.cells] == [
        (1, 0, 0, "안"), (0, 0, 0, "안"), (0, 0, 1, "밖")]


# --- page parts ------------------------------------------------------------------------

def test_menus_and_site_footer_are_chrome() -> None:
    doc = rendered(page(
        "<div id='skipnav'><a href='#c'>본문 바로가기</a></div>"
        "<nav><ul><li>기관소개</li><li>알림마당</li></ul></nav>"
        "<div id='c'><p>본문 첫 줄</p></div>"
        "<footer><address>세종시 (대표전화 044-000-0000)</address></footer>"))
    assert hinted(doc, K.CHROME) == ["본문 바로가기", "기관소개", "알림마당", "세종시 (대표전화 044-000-0000)"]
    assert "본문 첫 줄" not in [lines(doc)[i] for i in doc.line_hints]


@pytest.mark.parametrize(("body", "chrome"), [
    ("<header><h1><img alt='로고'></h1><ul><li>소개</li></ul></header><p>본문</p>", ["소개"]),
    ("<div id='content'><header class='view_head'><h2>행사 개최</h2></header><p>본문</p></div>", []),
    ("<article><header><h2>행사 개최</h2><nav>이전</nav></header><p>본문</p></article>", ["이전"]),
    ("<p>본문</p><footer><p>주소</p></footer>", ["주소"]),
])
def test_site_header_is_chrome_a_post_header_is_not(body: str, chrome: list[str]) -> None:
    assert hinted(rendered(page(body)), K.CHROME) == chrome


def test_xhtml_with_an_xml_declaration() -> None:
    page_ = ('<?xml version="1.0" encoding="euc-kr"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
             "<body><p>□ 행사 개요</p><p>&nbsp;&nbsp;○ 일시</p></body></html>")
    doc = rendered(page_.encode("cp949"))
    assert (doc.source.encoding, lines(doc)) == ("cp949", ["□ 행사 개요", "  ○ 일시"])


def test_breadcrumb_and_board_fields() -> None:
    doc = rendered(page(
        "<div class='location'><span>홈</span> &gt; <span>알림</span></div>"
        "<table><tr><th class='subject'>행사 개최 안내</th></tr>"
        "<tr><th>작성자</th><td>김**</td><th>작성일</th><td>2020-01-02</td></tr></table>"
        "<p>본문</p>"))
    assert hinted(doc, K.BREADCRUMB) == ["홈 > 알림"]
    assert hinted(doc, K.PAGE_HEADER) == ["행사 개최 안내", "작성자", "김**", "작성일", "2020-01-02"]


@pytest.mark.parametrize("markup", [
    "<ul><li><span class='label'>작성일</span> <span>2021.03.04</span></li><li>조회 12</li></ul>",
    "<div><p><b>작성자 :</b></p><p>홍**</p></div>",     # with a colon, one level down
    "<dl><dt>등록일</dt><dd>2021-03-04</dd></dl>",
])
def test_board_fields_at_any_depth(markup: str) -> None:
    doc = rendered(page(markup + "<p>본문 문단입니다</p>"))
    assert hinted(doc, K.PAGE_HEADER) and "본문 문단입니다" not in hinted(doc, K.PAGE_HEADER)


@pytest.mark.parametrize("markup", [
    "<ul><li>작성일정 안내</li><li>세부 일정</li></ul>",      # the label only inside a longer word
    "<div><p>작성자</p><p>" + "가" * 200 + "</p></div>",       # too long for a row of board fields
    "<div><p>행사 안내</p><p>일시: 5월</p></div>",              # no label at all
])
def test_no_board_fields(markup: str) -> None:
    assert not hinted(rendered(page(markup)), K.PAGE_HEADER)


def test_markup_words_are_split_and_planned_once_per_class_string() -> None:
    render.words_of_names.cache_clear()
    render.markup_plan.cache_clear()
    render.element_step.cache_clear()
    rows = "".join("<tr class='listRow odd'><td class='cell'>가</td></tr>" for _ in range(50))
    rendered(page(f"<table>{rows}</table>"))
    plans, words = render.markup_plan.cache_info(), render.words_of_names.cache_info()
    # Planned once per tag and class string: the walk keeps each element's Step (element_step)
    assert (plans.misses, plans.hits) == (2, 0)
    assert (words.misses, words.hits) == (2, 0)
    assert render.words_of_names("listRow odd", LEX.MARKUP_WORD_RE) == {"listrow", "list", "row", "odd"}


def test_a_trail_of_list_items_is_one_line() -> None:
    doc = rendered(page("<ol class='breadcrumb'><li><a>홈</a></li><li><span class='hidden'>현재</span>"
                        "<a>소식</a></li><li>보도</li></ol><p>본문</p>"))
    assert hinted(doc, K.BREADCRUMB) == ["홈 > 소식 > 보도"]


def test_a_trail_drops_its_drop_down_menus_and_keeps_the_longer_copy() -> None:
    doc = rendered(page("<div class='pathWrap'><ul><li>HOME</li><li>소식<ul><li>공지</li><li>행사</li></ul></li></ul>"
                        "<ul><li>HOME</li><li>도정</li><li>소식</li></ul></div><p>본문</p>"))
    assert hinted(doc, K.BREADCRUMB) == ["HOME > 도정 > 소식"]


def test_a_menu_in_trail_clothing_is_rendered_line_by_line() -> None:
    items = "".join(f"<li>메뉴{i}</li>" for i in range(12))
    doc = rendered(page(f"<ul class='location'>{items}</ul><p>본문</p>"))
    assert len(hinted(doc, K.BREADCRUMB)) == 12


def test_page_contact_box_is_page_footer() -> None:
    doc = rendered(page("<p>본문</p><dl><dt>담당부서</dt><dd>홍보팀</dd><dt>전화번호</dt><dd>02-000-0000</dd></dl>"))
    assert hinted(doc, K.PAGE_FOOTER) == ["담당부서", "홍보팀", "전화번호", "02-000-0000"]


def test_a_title_inside_a_menu_stays_chrome() -> None:
    doc = rendered(page("<nav><div class='title'>전자민원</div><ul><li>민원안내</li></ul></nav><p>본문</p>"))
    assert hinted(doc, K.CHROME) == ["전자민원", "민원안내"] and not hinted(doc, K.PAGE_HEADER)


def test_survey_is_chrome() -> None:
    doc = rendered(page("<p>본문</p><div class='satisfaction'><p>만족하시나요?</p>"
                        "<label><input type='radio'>만족</label><button>평가</button></div>"))
    assert hinted(doc, K.CHROME) == ["만족하시나요?", "만족", "평가"]


def test_hints_survive_normalize() -> None:
    html = page("<nav><p>메뉴</p></nav><p>\u3000□ 개요</p><p>２０２０년</p><footer><p>주소</p></footer>")
    doc = run(new_document(html.encode(), "t.html"), LEX)
    assert {doc.lines[i].text: k for i, k in doc.line_hints.items()} == {"메뉴": K.CHROME, "주소": K.CHROME}


def test_korea_kr_body_page() -> None:
    doc = rendered("<!doctype html><html><head><title>pressRelease 9 DataContents</title></head><body>"
                   "<h1>DataContents</h1><div class='meta'>Title: 가격 안정 대책</div>"
                   "<div class='content'><p>□ 배경</p></div></body></html>")
    assert doc.source.format == "korea_kr_html"
    assert doc.front_matter == {"title": "가격 안정 대책"}
    assert hinted(doc, K.CHROME) == ["DataContents", "Title:"]
    assert hinted(doc, K.PAGE_HEADER) == ["가격 안정 대책"]


# --- korea.kr Markdown records ---------------------------------------------------------

RECORD = """---
title: "[보도자료] 가격 \\"안정\\" 대책"
ministry: "기획부"
attachment_count: 2
---

# [보도자료] 가격 "안정" 대책

- 부처: 기획부
- 원문: [링크](https://example.org/1)

> [보도자료] 가격 "안정" 대책

## 본문

□ 추진 배경
 - 세부 내용

## 출처

- 보도자료 API
"""


def test_front_matter_fields() -> None:
    doc = rendered(RECORD)
    assert doc.front_matter == {"title": '[보도자료] 가격 "안정" 대책', "ministry": "기획부", "attachment_count": 2}


def test_record_header_keeps_its_lines_without_markdown() -> None:
    doc = rendered(RECORD)
    assert hinted(doc, K.PAGE_HEADER) == ['[보도자료] 가격 "안정" 대책', "부처: 기획부",
                                          "원문: 링크 (https://example.org/1)"]
    assert hinted(doc, K.CHROME) == ["출처", "보도자료 API"]
    assert lines(doc)[6:9] == ['[보도자료] 가격 "안정" 대책', "", ""]    # the quote, '## 본문' emptied


def test_record_body_is_kept_as_text() -> None:
    doc = rendered(RECORD)
    assert "□ 추진 배경\n - 세부 내용" in doc.plain


def test_record_without_body_heading() -> None:
    doc = rendered('---\ntitle: "가"\n---\n# 가\n\n□ 본문 줄\n- 항목\n')
    assert hinted(doc, K.PAGE_HEADER) == ["가"] and "- 항목" in lines(doc)


@pytest.mark.parametrize(("text", "fields"), [
    # saved without its front matter: the header's items carry the same fields
    ("# [보도자료] 가 대책\n\n- 출처: 가나 브리핑\n- 부처: 기획부\n- 게시 시각: 01/02/2025 09:30:00\n"
     "- 기사 URL: https://example.org/view?id=1\n\n## 본문\n\n□ 가 대책을", {
         "title": "[보도자료] 가 대책", "ministry": "기획부", "approve_date": "01/02/2025 09:30:00",
         "original_url": "https://example.org/view?id=1"}),
    # without '## 본문' the header is the title alone: an item below it is body, no field
    ("# 가 행사\n\n- 부처: 기획부\n□ 본문", {"title": "가 행사"}),
    # an unknown label, an empty value and a second '부처' are no fields; the first heading is the title
    ("# 첫 제목\n# 둘째 제목\n- 분류: 정책\n- 부처:\n- 부처: 나부\n- 부처: 다부\n\n## 본문\n본문",
     {"title": "첫 제목", "ministry": "나부"}),
])
def test_record_without_front_matter_reads_its_header(text: str, fields: dict[str, str]) -> None:
    assert rendered(text).front_matter == fields


def test_record_with_front_matter_keeps_it_over_its_header() -> None:
    doc = rendered('---\ntitle: "가"\nministry: "기획부"\n---\n# 나\n\n- 부처: 다부\n\n## 본문\n본문\n')
    assert doc.front_matter == {"title": "가", "ministry": "기획부"}


# --- JSON records ----------------------------------------------------------------------

def test_json_record() -> None:
    record = {"title": "시, 협약 체결", "content": "시는 3일 협약을 맺었다.", "department": "경제과",
              "date": "2025-12-03", "view_count": 7, "tags": ["a"]}
    doc = rendered(json.dumps(record, ensure_ascii=False))
    assert doc.plain == "시, 협약 체결\n\n시는 3일 협약을 맺었다."
    assert doc.front_matter == {"title": "시, 협약 체결", "department": "경제과", "date": "2025-12-03",
                                "view_count": 7}


# --- mojibake --------------------------------------------------------------------------

def test_cp949_read_as_latin1() -> None:
    garbled = "행사 개최".encode("cp949").decode("latin-1")
    doc = rendered(f"제목: {garbled}")
    assert doc.plain == "제목: 행사 개최"
    assert [(r.kind, r.before, r.after) for r in doc.line_repairs] == [("latin1_cp949", garbled, "행사 개최")]


def test_utf8_read_as_cp1252_with_its_c1_bytes() -> None:
    # A windows-1252 view keeps undefined bytes as U+0081…U+009D (what browsers do).
    garbled = "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
                      for b in "보도자료".encode())
    assert garbled == "ë³´ë\x8f„ìž\x90ë£Œ"
    doc = rendered(garbled)
    assert doc.plain == "보도자료" and doc.line_repairs[0].kind == "cp1252_utf8"


def test_utf8_middle_dot_read_as_cp949() -> None:
    doc = rendered("계획 수립쨌추진")
    assert doc.plain == "계획 수립·추진" and doc.line_repairs[0].kind == "utf8_cp949"


def test_utf8_nbsp_read_as_cp949() -> None:
    assert rendered("담당자혻홍길동").plain == "담당자\u00a0홍길동"


def test_cp1252_view_that_lost_bytes_is_reported_not_guessed() -> None:
    doc = rendered("제목: ë³´ë„ìžë£Œ")       # 0x8F and 0x90 dropped: ë„ could be 끄, 도 or 띄
    assert doc.plain == "제목: ë³´ë„ìžë£Œ" and doc.line_repairs == []
    assert [i.code for i in doc.issues] == ["mojibake_unrecoverable"]


# The definition of a suspect character, as one pattern: shown by cp1252, not typography.
SUSPECT_CHAR_RE = re.compile(rf"(?![{''.join(sorted(render.TYPOGRAPHY))}])[\u0080-\u00ff{CP1252_EXTRA}]")


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2200), max_size=30))
def test_suspect_offsets_are_the_definitions_matches(text: str) -> None:
    assert render.suspect_offsets(text) == [m.start() for m in SUSPECT_CHAR_RE.finditer(text)]


def test_lines_to_repair_are_the_lines_holding_a_suspect_character() -> None:
    pairs = render.utf8_as_cp949_pairs(LEX)
    text = "\n".join(["깨끗한 줄", "ⓒ 2004 º¸µµ", "", "계획쨌추진", "끝 ©", "다시 깨끗"])
    present = [pair for pair in pairs if pair[0] in text]
    expected = [i for i, line in enumerate(text.split("\n"))
                if SUSPECT_CHAR_RE.search(line) or any(g in line for g, _ in present)]
    assert render.lines_to_repair(text, present) == expected == [1, 3, 4]
    assert render.lines_to_repair("가\n나", []) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["가나", "º", "©", "쨌", "\n", " ", "a", "‘"]), max_size=30))
def test_lines_to_repair_matches_a_test_per_line(pieces: list[str]) -> None:
    text = "".join(pieces)
    pairs = render.utf8_as_cp949_pairs(LEX)
    present = [pair for pair in pairs if pair[0] in text]
    assert render.lines_to_repair(text, present) == [
        i for i, line in enumerate(text.split("\n"))
        if SUSPECT_CHAR_RE.search(line) or any(g in line for g, _ in present)]


@pytest.mark.parametrize("text", ["‘03년부터 추진", "“AI 기술” 강조", "첫째, 둘째", "요약문 별첨",
                                  "Société Générale 참석", "온도 25°C, 면적 3×4m", "가격 ±5%"])
def test_real_text_is_not_repaired(text: str) -> None:
    doc = rendered(text)
    assert doc.plain == text and doc.line_repairs == [] and doc.issues == []


def test_repair_spans_index_the_final_text() -> None:
    garbled = "추진 계획".encode("cp949").decode("latin-1")
    doc = run(new_document(f"□ 개요\n  ○ {garbled} 수립\n".encode(), "t.txt"), LEX)
    [repair] = doc.repairs
    assert repair.span.slice(doc.text) == repair.after == "추진 계획"


# --- any input -------------------------------------------------------------------------

PIECES = ["<p>", "</p>", "<td>", "</td>", "<tr>", "<table>", "</table>", "<br>", "&nbsp;", "<nav>",
          "</nav>", "<div class='location'>", "</div>", "<!--", "-->", "<script>", "\r\n", "\n",
          "□ ", "○ ", "가나", "º¸µµ", "쨌", "Title:", "<dl><dt>담당부서</dt>", "---\n", "# ", "> "]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES), min_size=1, max_size=40), st.booleans())
def test_any_markup_renders_into_consistent_lines(pieces: list[str], as_page: bool) -> None:
    body = "".join(pieces)
    text = page(body) if as_page else body
    if not text.strip():
        return
    doc = run(new_document(text.encode("utf-8"), "t"), LEX)
    assert "\r" not in doc.plain
    assert all(0 <= i < len(doc.lines) for i in doc.line_hints)
    assert all(0 <= c.first <= c.last <= len(doc.lines) for c in doc.cells)
    assert all(r.span.slice(doc.text) == r.after for r in doc.repairs)


# --- classify's shortcut for elements with no class, id or telling tag ------------------

def classified(root, every_tag: bool) -> list:
    """classify() of every element; with `every_tag`, no element takes the shortcut."""
    vocabulary = render.markup_vocabulary(LEX)
    if every_tag:
        tags = frozenset(el.tag for el in root.iter() if isinstance(el.tag, str))
        vocabulary = dataclasses.replace(vocabulary, telling_tags=tags)
    with mock.patch.object(render, "markup_vocabulary", lambda lex: vocabulary):
        return [render.classify(el, LEX) for el in root.iter() if isinstance(el.tag, str)]


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.html")), ids=lambda p: p.name)
def test_the_shortcut_classifies_as_the_full_test_does(path) -> None:
    root, _ = render.parse_html(rendered(path.read_bytes()).decoded)
    assert classified(root, every_tag=False) == classified(root, every_tag=True)
    assert any(kind is not None for kind in classified(root, every_tag=False))


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["<th>첨부파일</th>", "<h2>내용</h2>", "<span class='tit'>가</span>",
                                          "<ul><li>작성일</li><li>2020</li></ul>", "<footer>", "</footer>"]),
                min_size=1, max_size=30))
def test_the_shortcut_classifies_any_markup_as_the_full_test_does(pieces: list[str]) -> None:
    root, _ = render.parse_html(page("".join(pieces)))
    if root is not None:
        assert classified(root, every_tag=False) == classified(root, every_tag=True)


# --- the issue-14 shortcuts give what the plain definitions give ---------------------------

@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\r\f\v\u00a0\u3000a가·", max_size=40))
def test_white_space_is_squeezed_as_the_pattern_does(text: str) -> None:
    assert render.squeeze_html_space(text) == render.HTML_SPACE_RE.sub(" ", text)


def test_suspect_characters_are_those_shown_by_cp1252_less_typography() -> None:
    """SUSPECT_CHAR_RE is built from the characters below U+2200; none beyond may be shown."""
    for code in range(0x80, 0x10000):
        ch = chr(code)
        expected = bool(render.SHOWN_CHAR_RE.match(ch)) and ch not in render.TYPOGRAPHY
        assert bool(render.SUSPECT_CHAR_RE.match(ch)) == expected, hex(code)


def reference_scalar(value: str):
    """parse_scalar's definition for a double-quoted value: JSON, or the bare inside."""
    try:
        return json.loads(value)
    except ValueError:
        return value[1:-1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet='"\\\n\tab가 u0041', max_size=12))
def test_quoted_scalars_read_as_json_would(inside: str) -> None:
    value = f'"{inside}"'
    assert render.parse_scalar(value) == reference_scalar(value)


def reference_markdown(text: str) -> tuple[str, dict[int, BlockKind]]:
    """render_markdown's definition, one line at a time (the code before issue 14): regions
    by line, '## 본문' anywhere blank, header lines PAGE_HEADER and trailer lines CHROME
    unless blank or a quote, each non-body line and each '##' heading of the body stripped of
    its Markdown."""
    def heading(line: str, pattern) -> bool:
        return line.startswith("##") and pattern.match(line) is not None
    lines = text.split("\n")
    opening = next((i for i, line in enumerate(lines) if heading(line, LEX.MD_BODY_HEADING_RE)), None)
    if opening is None:
        first = next((i for i, line in enumerate(lines) if line.strip()), 0)
        opening = first if first < len(lines) and LEX.MD_HEADING_RE.match(lines[first]) else -1
    regions = ["header"] * max(opening, 0) + ["opening"] * (opening >= 0)
    region = "body"
    for line in lines[len(regions):]:
        if heading(line, LEX.MD_TRAILER_HEADING_RE):
            region = "trailer"
        regions.append(region)
    out, hints = [], {}
    for index, (line, region) in enumerate(zip(lines, regions)):
        if heading(line, LEX.MD_BODY_HEADING_RE):
            out.append("")
            continue
        # A body line is kept as it is, except a '##…' heading, which loses its marks.
        out.append(line if region == "body" and not line.startswith("##") else render.markdown_line(line, LEX))
        if line.strip() and region != "body" and not LEX.MD_QUOTE_RE.match(line):
            hints[index] = K.CHROME if region == "trailer" else K.PAGE_HEADER
    return "\n".join(out), hints


RECORD_LINES = ["# 제목", "- 부처: 가나부", "> 요약 문장", "## 본문", "## 출처", "## 첨부/링크", "### ## 본문",
                "## 추진 배경", "### 세부 내용 ##",
                "##", "## 본문 ", "본문 줄", "", " - 들여쓴 항목", "[자료](http://a.kr/b)", "* 별표 항목", ">",
                "#제목아님", "+ 더하기"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(RECORD_LINES), max_size=14))
def test_records_render_as_the_line_by_line_definition(lines: list[str]) -> None:
    text = "\n".join(lines)
    doc = Document(source=Source(path="t", sha256="0" * 64, bytes=0), raw=b"")
    render.render_markdown(doc, text, LEX)
    assert (doc.plain, doc.line_hints) == reference_markdown(text)


def reference_classify(el) -> BlockKind | None:
    """classify()'s definition, each test in its order on every element (before issue 14)."""
    vocabulary = render.markup_vocabulary(LEX)
    names = render.markup_names(el)
    words = render.words_of_names(names, LEX.MARKUP_WORD_RE) if names != " " else frozenset()
    if words & vocabulary.footer_words or (el.tag == "dl" and render.is_footer_list(el, vocabulary, LEX)):
        return K.PAGE_FOOTER
    if render.is_board_fields(el, vocabulary, LEX):
        return K.PAGE_HEADER
    if render.is_chrome_tag(el, vocabulary) or words & vocabulary.chrome_words:
        return K.CHROME
    if words & vocabulary.breadcrumb_words:
        return K.BREADCRUMB
    if words & vocabulary.page_header_words:
        return K.PAGE_HEADER
    if el.tag in render.LABEL_TAGS and render.collapse(render.text_content(el)) in vocabulary.chrome_texts:
        return K.CHROME
    return None


def walk_kinds(root) -> list:
    walker = render.PageWalk(render.Canvas(), LEX)
    return [walker.classify(el, render.markup_names(el)) for el in root.iter() if isinstance(el.tag, str)]


@pytest.mark.parametrize("path", sorted(SAMPLES.glob("*.html")), ids=lambda p: p.name)
def test_plans_classify_as_every_test_in_order_does(path) -> None:
    for plain in (False, True):
        root, _ = render.parse_html(rendered(path.read_bytes()).decoded, plain=plain)
        expected = [reference_classify(el) for el in root.iter() if isinstance(el.tag, str)]
        assert [render.classify(el, LEX) for el in root.iter() if isinstance(el.tag, str)] == expected
        assert walk_kinds(root) == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(PIECES + ["<th>첨부파일</th>", "<h2>내용</h2>", "<span class='tit'>가</span>",
                                          "<dl><dt>담당부서</dt><dd>가</dd></dl>", "<nav class='location'>",
                                          "</nav>", "<header><ul><li>a</li></ul></header>", "<div id='snb'>",
                                          "</div>", "<li class='manager'>"]),
                min_size=1, max_size=30))
def test_plans_classify_any_markup_as_every_test_in_order_does(pieces: list[str]) -> None:
    root, _ = render.parse_html(page("".join(pieces)), plain=True)
    if root is not None:
        expected = [reference_classify(el) for el in root.iter() if isinstance(el.tag, str)]
        assert walk_kinds(root) == expected
