"""Bullets: the body and appendix pages as trees. Examples written for these tests."""
from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from textwrap import dedent

import pytest

from pipeline.document import Document, Node
from pipeline.lexicon import load_lexicon
from pipeline.runner import new_document
from pipeline.stages import bullets, decode, normalize, render, segment

SEED = Path(__file__).resolve().parent.parent / "samples" / "apec-2004-sme-forum.txt"
TITLE = "정책 설명회 개최\n\n"   # a headline first, so that the lines below are the body


def built(data: bytes, name: str = "case.txt") -> Document:
    lex = load_lexicon()
    doc = new_document(data, name)
    for stage in (decode, render, normalize, segment, bullets):
        stage.run(doc, lex)
    return doc


def tree(text: str) -> list[Node]:
    return built((TITLE + dedent(text).strip("\n") + "\n").encode("utf-8")).sections


def shape(nodes) -> list:
    """(marker, kind, children) nested, for comparing structure."""
    return [(n.marker, n.kind, shape(n.children)) if n.children else (n.marker, n.kind) for n in nodes]


def walk(nodes):
    for n in nodes:
        yield n
        yield from walk(n.children)


# --- the seed keeps its tree -----------------------------------------------------------

def test_seed_tree_is_unchanged():
    doc = built(SEED.read_bytes(), SEED.name)
    roots = doc.sections
    assert [n.marker for n in roots] == ["□"] * 4
    assert roots[1].text == "개최 배경" and roots[2].text == "개최 목적" and roots[3].text == "주요내용"
    counts = Counter((n.marker, n.level, n.kind) for n in walk(roots))
    assert counts == {("□", 1, "item"): 4, ("○", 2, "item"): 9, ("-", 3, "item"): 13, ("*", 4, "item"): 25}
    for node in walk(roots):     # nested as the text nests them: each child one marker down
        for child in node.children:
            assert "□○-*".index(child.marker) == "□○-*".index(node.marker) + 1
    assert [len(n.children) for n in roots] == [0, 3, 2, 4]
    assert doc.appendices == []


# --- markers and levels ----------------------------------------------------------------

@pytest.mark.parametrize("second", ["ㅇ", "o", "◦", "❍", "○"])
def test_second_level_markers_are_kept_as_written(second):
    nodes = tree(f"□ 개요\n{second} 세부 내용\n- 더 세부\n")
    assert shape(nodes) == [("□", "item", [(second, "item", [("-", "item")])])]
    assert nodes[0].children[0].text == "세부 내용"


def test_dash_lines_above_the_first_square_do_not_swallow_the_body():
    nodes = tree("""
    - 4. 13.(목) 양식산업 미래 전략품목 선정 연수회 개최
    - 12월 중 육성방안 발표 예정
    □ 해양수산부는 연수회를 열고 전략품목을 논의한다.
    ㅇ 관계자 50여 명이 모인다.
    ◈ 요약
    □ 다음 단락
    """)
    assert shape(nodes) == [("-", "item"), ("-", "item"), ("□", "item", [("ㅇ", "item")]),
                            ("◈", "item"), ("□", "item")]


def test_a_ranked_marker_closes_an_open_star_list():
    nodes = tree("""
    ㅇ 지원 대상
    * 첫째 청년
    □ 다음 단락
    """)
    assert [n.marker for n in nodes] == ["ㅇ", "□"]


def test_numbered_section_heads_hold_squares():
    nodes = tree("1. 기사 내용\n□ 보도 요지\n2. 설명 내용\n□ 사실과 다름\n")
    assert shape(nodes) == [("1.", "item", [("□", "item")]), ("2.", "item", [("□", "item")])]


def test_footnote_follows_a_line_with_an_inline_star():
    nodes = tree("""
    □ 식품매개감염병*과 수인성감염병**이 늘었다
    * A형간염, 노로바이러스감염증
    ** 장티푸스, 세균성이질
    □ 다음 항목
    """)
    assert shape(nodes) == [("□", "item", [("*", "note"), ("**", "note")]), ("□", "item")]


def test_star_without_an_inline_star_above_is_a_list_level():
    nodes = tree("""
    - 서 위원장은 해법을 제시하였는데,
    * 첫째 인지도 제고를 지원하고,
    * 둘째 사례 개발에 앞장서야 하며
    """)
    assert shape(nodes) == [("-", "item", [("*", "item"), ("*", "item")])]


def test_reference_mark_is_a_note_on_the_open_item():
    nodes = tree("""
    □ 설명회를 개최한다
    ㅇ 5월 22일 여수에서 시작
    ※ 코로나19 확산 시 온라인 전환
    ㅇ 5월 29일 서울에서 마무리
    """)
    assert shape(nodes) == [("□", "item", [("ㅇ", "item", [("※", "note")]), ("ㅇ", "item")])]


def test_numbered_outline_nests_in_first_seen_order():
    nodes = tree("""
    Ⅰ. 추진 배경
    1. 현황
    가. 국내
    1) 수출
    가) 반도체
    (1) 메모리
    (가) 디램
    ① 첫째
    2. 과제
    Ⅱ. 추진 계획
    """)
    deepest = nodes[0].children[0].children[0].children[0].children[0].children[0].children[0].children[0]
    assert (deepest.marker, deepest.level) == ("①", 8)
    assert [n.marker for n in nodes] == ["Ⅰ.", "Ⅱ."]
    assert [n.marker for n in nodes[0].children] == ["1.", "2."]


def test_triangle_opens_a_line_but_not_mid_line():
    nodes = tree("""
    □ 협약 내용은 ▲차량 무상점검 ▲실습용 차량 기부 등이다
    ▲ 장애인 자가운전자 무상 교육
    """)
    assert shape(nodes) == [("□", "item", [("▲", "item")])]
    assert "▲차량 무상점검" in nodes[0].text


def test_hancom_private_use_glyph_is_a_marker():
    nodes = tree("\uf0a7 개요\n\uf0a7 일정\n")
    assert [n.marker for n in nodes] == ["\uf0a7", "\uf0a7"]


def test_page_numbers_and_the_end_mark_are_dropped():
    nodes = tree("""
    □ 첫 쪽 내용이다.
    - 1 -
    □ 둘째 쪽 내용이다.
    끝.
    """)
    assert [n.text for n in nodes] == ["첫 쪽 내용이다.", "둘째 쪽 내용이다."]


# --- prose -----------------------------------------------------------------------------

def test_prose_paragraphs_are_paragraph_nodes():
    nodes = tree("""
    환경부는 설명회를 개최한다고 밝혔다.

    이번 설명회는 녹색성장 지원사업을 안내한다.
    """)
    assert shape(nodes) == [(None, "paragraph"), (None, "paragraph")]


def test_a_wrapped_item_continues_but_a_new_sentence_after_a_blank_opens_a_paragraph():
    nodes = tree("""
    □ 국민권익위원회는 다음달 2일 토론회를 연다고
    밝혔다.

    국민권익위는 내년부터 콜센터를 통합할 계획이다.
    """)
    assert shape(nodes) == [("□", "item"), (None, "paragraph")]
    assert nodes[0].text.endswith("연다고 밝혔다.")


# --- tables ----------------------------------------------------------------------------

def test_captioned_table_of_short_cells_is_one_table_node():
    nodes = tree("""
    □ 권역별 일정
    < 순회지원단 권역별 운영계획 >
    지역
    일정
    업종
    호남권
    5.22
    철강
    영남권
    5.27
    석유화학
    ㅇ 참가 신청은 5월 20일까지
    """)
    # the table belongs to the open item, and the levels stay open after it
    assert shape(nodes) == [("□", "item", [(None, "table"), ("ㅇ", "item")])]
    assert nodes[0].children[0].text.startswith("< 순회지원단 권역별 운영계획 > 지역 일정")


def test_short_cells_without_a_caption_are_a_table_only_on_an_appendix_page():
    cells = "\n".join(["구분", "1월", "2월", "3월", "수출", "19.3", "25.8", "21.0"])
    assert "table" not in [n.kind for n in tree(cells)]
    doc = built(f"정책 설명회 개최\n\n정부는 설명회를 개최한다.\n\n참고 1\n\n월별 수출\n\n{cells}\n".encode("utf-8"))
    assert [n.kind for n in doc.appendices[0]["sections"]] == ["table"]


def test_a_line_opening_with_a_middle_dot_is_an_item():
    nodes = tree("□ 주요 활동\n·국내 서비스 무료 오픈\n· 해외 버전 배포\n")
    assert shape(nodes) == [("□", "item", [("·", "item"), ("·", "item")])]


def test_a_unit_line_over_short_cells_opens_a_table():
    nodes = tree("(단위: 명, %)\n구분\n인구\n접종자\n접종률\n전국\n5,100\n4,200\n82.3\n")
    assert [n.kind for n in nodes] == ["table"]


def test_markdown_pipe_rows_are_a_table():
    nodes = tree("| 구분 | 1월 |\n| 수출 | 19.3 |\n\n□ 대응방안\n")
    assert [n.kind for n in nodes] == ["table", "item"]


def test_caption_over_bullets_is_no_table():
    nodes = tree("""
    < 업무 협약식 개요 >
    · [일시] 11.24(수) 14:00
    · [장소] 호반파크
    """)
    assert "table" not in [n.kind for n in walk(nodes)]


# --- appendices ------------------------------------------------------------------------

def test_appendix_pages_get_label_title_and_their_own_trees():
    doc = built(dedent("""
    정책 설명회 개최

    정부는 설명회를 개최한다고 밝혔다.

    참고 1

    설명회 개최 계획

    □ 개요

    ㅇ (일정) 5.22 ~ 5.29

    [참고 2] 지원사업 목록

    □ 국고보조 6개
    """).strip().encode("utf-8"))
    assert [(a["label"], a["title"]) for a in doc.appendices] == [("참고 1", "설명회 개최 계획"),
                                                                 ("참고 2", "지원사업 목록")]
    assert shape(doc.appendices[0]["sections"]) == [("□", "item", [("ㅇ", "item")])]
    assert [n.kind for n in doc.sections] == ["paragraph"]
    first = doc.appendices[0]
    assert doc.text[first["span"][0]:first["span"][1]].startswith("참고 1")


def test_nodes_carry_spans_that_hold_their_text():
    doc = built((TITLE + "□ 개최 배경\n  ○또한 포럼 결과를 반영\n").encode("utf-8"))
    for node in walk(doc.sections):
        assert node.text.replace(" ", "") in doc.text[node.span.start:node.span.end].replace(" ", "")


# --- MARKER_RE's first-character guard ---------------------------------------------------

# Continuations after a candidate first character that let some family's pattern match it:
# a space, a dot or bracket, digits, the rest of a roman numeral, a Hangul letter.
GUARD_TAILS = ("", " ", ".", ")", ". ", ") ", "0. ", "0) ", "I. ", "X.", "V.", ".가", "가", "1)", "가)")


def test_marker_starts_hold_every_first_character_of_their_family():
    """A pattern family's `starts` (MARKER_RE's lookahead) leaves out no character its pattern
    can open with: every character of the BMP and of the private-use planes' edges is tried
    with each tail, one scan per family and tail."""
    lex = load_lexicon()
    chars = [chr(c) for c in range(0x10000) if chr(c) not in "\n\r"] + \
        [chr(c) for c in (0xF0000, 0xF0001, 0xFFFFD, 0x100000, 0x10FFFD)]
    patterned = [f for f in lex.families if f.pattern]
    assert all(f.starts for f in patterned)
    for tail in GUARD_TAILS:
        lines = "\n".join(ch + tail for ch in chars)
        for family in patterned:
            opening = re.compile(rf"^(?:{family.pattern})", re.MULTILINE)
            allowed = re.compile(rf"[{family.starts}]")
            firsts = {lines[m.start()] for m in opening.finditer(lines)}
            assert all(allowed.match(ch) for ch in firsts), (family.name, tail, sorted(firsts))


def test_marker_guard_changes_no_match():
    """The guarded MARKER_RE finds what the bare alternation of families finds, line by line."""
    lex = load_lexicon()
    guard = re.match(r"\^\(\?=\[[^\]]*\]\)", lex.MARKER_RE.pattern)
    assert guard is not None
    bare = re.compile("^" + lex.MARKER_RE.pattern[guard.end():])
    lines = ["□ 추진", "○또한", "o 세부", "- 부제", "-5%", "· 일시", "* 주석", "※ 참고", "Ⅱ. 현황",
             "IV. 과제", "I.", "1. 개요", "12) 항목", "가. 목표", "(3) 세부", "(나) 기타", "② 둘째",
             "㉯ 나", "❷ 둘", "▲ 점검", "\ue000 글머리", "호남권", "2020년", "1,234", "(단위: 명)",
             "Xenon", "Vision", "o2o", "ㅇ 항목", "ㅁ 개요", "▸금융당국은"]
    for line in lines:
        got, want = lex.MARKER_RE.match(line), bare.match(line)
        assert (got and (got.group(), got.lastgroup)) == (want and (want.group(), want.lastgroup)), line
