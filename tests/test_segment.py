"""Segment: which block each line of a release lands in. Examples written for these tests,
modelled on the layouts of 2004–2026 releases (see docs/korean-press-release-conventions.md)."""
from __future__ import annotations

import re
from pathlib import Path
from textwrap import dedent

import pytest

from pipeline.document import BlockKind as K
from pipeline.document import Document
from pipeline.lexicon import alternation, load_lexicon
from pipeline.runner import new_document
from pipeline.stages import decode, normalize, render, segment

SEED = Path(__file__).resolve().parent.parent / "samples" / "apec-2004-sme-forum.txt"


def segmented(text: str) -> Document:
    """The document after decode, render, normalize and segment."""
    lex = load_lexicon()
    doc = new_document(dedent(text).strip("\n").encode("utf-8"), "case.txt")
    for stage in (decode, render, normalize, segment):
        stage.run(doc, lex)
    return doc


def kinds(text: str) -> list[tuple[str, str]]:
    """(block kind, line text) for every non-blank line."""
    doc = segmented(text)
    return [(block.kind.value, doc.lines[i].text) for block in doc.blocks
            for i in range(block.first, block.last) if doc.lines[i].text]


def kind_of(text: str, line: str) -> str:
    return dict((t, k) for k, t in kinds(text))[line]


# --- the seed keeps its blocks ---------------------------------------------------------

def test_seed_blocks_are_unchanged():
    lex = load_lexicon()
    doc = new_document(SEED.read_bytes(), SEED.name)
    for stage in (decode, render, normalize, segment):
        stage.run(doc, lex)
    assert [(b.kind.value, b.first, b.last) for b in doc.blocks] == [
        ("chrome", 0, 2), ("page_header", 2, 4), ("chrome", 4, 5), ("breadcrumb", 5, 7),
        ("chrome", 7, 9), ("page_header", 9, 34), ("release_header", 34, 39), ("contact", 39, 47),
        ("embargo", 47, 48), ("release_header", 48, 56), ("title", 56, 71), ("body", 71, 165),
        ("page_footer", 165, 167), ("chrome", 167, 170)]


# --- header ----------------------------------------------------------------------------

@pytest.mark.parametrize("label", ["보도자료", "보 도 자 료", "보도참고자료", "설명자료", "해명자료",
                                   "동정자료", "공동보도자료", "[설명자료]"])
def test_kind_labels_open_the_release_header(label):
    text = f"""
    산림청
    {label}
    봄철 산불 예방 대책 발표
    □ 산림청은 봄철 산불을 막기 위한 대책을 발표했다.
    """
    assert kind_of(text, label.strip()) == "release_header"
    assert kind_of(text, "봄철 산불 예방 대책 발표") == "title"


def test_flattened_korea_kr_header_with_labels_and_values_on_separate_lines():
    text = """
    환경부

    보도자료

    보도시점

    2025. 5. 21.(수) 12:00

    < 5.22.(목) 조간 >

    배포

    2025. 5. 21.(수)

    산업계 녹색성장 돕는다… 권역별 찾아가는 설명회 개최

    - 관계부처 합동 정부지원 사업 종합안내 -

    정부는 5월 22일부터 총 3회에 걸쳐 설명회를 개최한다고 밝혔다.
    """
    assert kinds(text) == [
        ("release_header", "환경부"), ("release_header", "보도자료"),
        ("embargo", "보도시점"), ("embargo", "2025. 5. 21.(수) 12:00"), ("embargo", "< 5.22.(목) 조간 >"),
        ("embargo", "배포"), ("embargo", "2025. 5. 21.(수)"),
        ("title", "산업계 녹색성장 돕는다… 권역별 찾아가는 설명회 개최"),
        ("title", "- 관계부처 합동 정부지원 사업 종합안내 -"),
        ("body", "정부는 5월 22일부터 총 3회에 걸쳐 설명회를 개최한다고 밝혔다.")]


def test_release_time_label_and_value_on_one_line():
    text = """
    보도설명자료
    보도시점 : 배포 즉시 보도 가능 / 배포 : 2024. 5. 20.(월)
    택시 차령 관련 보도는 사실이 아닙니다
    □ 국토교통부는 다음과 같이 설명한다.
    """
    assert kind_of(text, "보도시점 : 배포 즉시 보도 가능 / 배포 : 2024. 5. 20.(월)") == "embargo"


def test_header_that_opens_with_the_contact_table():
    text = """
    담당과
    국립대학정책과 과 장 이강국
    사무관 민병성(☎044-203-6808)
    「국립학교 설치령」 개정안 국무회의 통과
    □ 교육부는 개정안을 심의·의결했다고 밝혔다.
    """
    assert kind_of(text, "담당과") == "contact"
    assert kind_of(text, "「국립학교 설치령」 개정안 국무회의 통과") == "title"


def test_agency_template_labels_bring_their_values():
    text = """
    보도자료
    엠바고 없음
    홍보담당관실
    - (T)044-200-7071
    뉴스배포정보
    자료배포
    2022. 2. 17. (목)
    담당부서
    재정경제심판과
    페이지 수
    총 2쪽
    보험설계사 등록취소는 부당
    □ 중앙행정심판위원회는 등록취소를 취소했다.
    """
    assert kind_of(text, "엠바고 없음") == "embargo"
    assert kind_of(text, "총 2쪽") == "release_header"
    assert kind_of(text, "보험설계사 등록취소는 부당") == "title"


def test_stray_logo_letters_above_the_header_are_chrome():
    text = """
    광부
    해양수산부
    보도자료
    수산 관련 3개 법안 국회 통과
    □ 해양수산부는 법률안이 본회의를 통과했다고 밝혔다.
    """
    assert kind_of(text, "광부") == "chrome"
    assert kind_of(text, "해양수산부") == "release_header"


def test_metadata_lines_above_the_header_do_not_stop_the_search():
    text = """
    - 배포일: 05/21/2025 13:24:54
    - NewsItemId: 156690107
    보도자료
    보도시점
    2025. 5. 21.(수) 12:00
    설명회 개최
    정부는 설명회를 개최한다고 밝혔다.
    """
    assert kind_of(text, "2025. 5. 21.(수) 12:00") == "embargo"


# --- title without a header ------------------------------------------------------------

def test_headline_subtitles_and_summary_form_the_title_block():
    text = """
    양식 전략품목을 선정하여 세계적인 품목으로 육성한다
    - 양식산업 미래 전략품목 선정 위한 연수회 개최 -
    ◇ 대국민 선호도조사 등 거쳐 12월 육성방안 발표
    해양수산부는 4월 13일부터 연수회를 열고 전략품목을 논의한다.
    """
    assert [k for k, _ in kinds(text)] == ["title", "title", "title", "body"]


@pytest.mark.parametrize("first", [
    "해양수산부는 4월 13일부터 이틀간 연수회를 열고 전략품목에 대해 논의한다고 밝혔다.",
    "□ 해양수산부는 연수회를 연다",
    "* 자세한 내용은 첨부파일을 참고하시기 바랍니다.",
    "자세한 내용은 첨부파일을 확인하시기 바랍니다",
    "홍보담당관실",
    "< 제1차 위원회 개요 >",
])
def test_no_false_title_when_the_body_starts_without_one(first):
    text = f"""
    {first}

    이번 연수회에는 관계기관 전문가 50여 명이 모여 품목별 잠재력을 진단한다.
    """
    assert "title" not in [k for k, _ in kinds(text)]


def test_a_sentence_like_headline_is_a_title_when_a_subtitle_follows():
    text = """
    부모의 마음으로, 따뜻하게 동행하겠습니다.
    - 자립준비청년 지원 보완대책 발표 -
    정부는 보완대책을 발표했다.
    """
    assert kind_of(text, "부모의 마음으로, 따뜻하게 동행하겠습니다.") == "title"


def test_stub_that_restates_the_title_is_the_title():
    text = """
    한복 홍보대사 위촉 관련 보도자료 내용입니다.
    자세한 사항은 붙임파일을 참고하시기 바랍니다.
    """
    assert kind_of(text, "한복 홍보대사 위촉 관련 보도자료 내용입니다.") == "title"
    assert kind_of(text, "자세한 사항은 붙임파일을 참고하시기 바랍니다.") == "body"


@pytest.mark.parametrize("first, second", [
    ("국가자원안보 컨트롤타워 출범,", "종합적 위기대응역량 강화"),
    ("폭언과 폭력 대신 감사와 응원으로", "국민과 함께하는 「히어로 캠페인」"),
])
def test_a_title_that_wraps_onto_a_second_line(first, second):
    text = f"""
    {first}

    {second}

    - 소방청, 구급대원 폭행 근절 챌린지 추진

    소방청은 캠페인을 추진한다고 밝혔다.
    """
    assert kind_of(text, first) == kind_of(text, second) == "title"


def test_two_short_headline_lines_over_the_body_are_one_title():
    text = """
    2030 세계박람회 개최지, 이틀 뒤 결판

    정부 대표단 최종투표 위해 26일 출국

    정부 대표단은 26일 파리로 출국한다고 밝혔다.
    """
    assert kind_of(text, "정부 대표단 최종투표 위해 26일 출국") == "title"


def test_a_bracketed_kicker_opens_the_title():
    text = """
    [모두발언]

    의사집단행동 중앙재난안전대책본부 회의

    오늘 회의에서는 비상진료체계를 점검하겠습니다.
    """
    assert kind_of(text, "[모두발언]") == kind_of(text, "의사집단행동 중앙재난안전대책본부 회의") == "title"


def test_a_finished_title_does_not_swallow_the_first_paragraph():
    text = """
    청년의 눈으로 정책을 봅니다
    정부는 24개 기관에서 청년보좌역을 채용한다.
    """
    assert kind_of(text, "청년의 눈으로 정책을 봅니다") == "title"
    assert kind_of(text, "정부는 24개 기관에서 청년보좌역을 채용한다.") == "body"


# --- the body's tail -------------------------------------------------------------------

MODERN_TAIL = """
산업계 설명회 개최

정부는 설명회를 개최한다고 밝혔다.

붙임 1. 설명회 개최 계획.

2. 정부지원 사업 목록. 끝.

담당 부서

환경부

책임자

과 장

윤태근

(044-201-6701)

녹색산업혁신과

담당자

사무관

김지수

(044-201-6706)

붙임 1

설명회 개최 계획

□ 개요

ㅇ (일정) 5.22 ~ 5.29

참고 2

정부지원 사업 목록

□ 국고보조 6개
"""


def test_attachment_list_contact_table_and_appendix_pages_close_the_body():
    got = dict((t, k) for k, t in kinds(MODERN_TAIL))
    assert got["정부는 설명회를 개최한다고 밝혔다."] == "body"
    # the attachment list stays the body's tail: the release stage reads it there
    assert got["붙임 1. 설명회 개최 계획."] == got["2. 정부지원 사업 목록. 끝."] == "body"
    for cell in ("담당 부서", "과 장", "(044-201-6701)", "김지수", "(044-201-6706)"):
        assert got[cell] == "contact"
    for line in ("붙임 1", "설명회 개최 계획", "□ 개요", "참고 2", "□ 국고보조 6개"):
        assert got[line] == "appendix"


def test_each_appendix_page_is_a_block_of_its_own():
    doc = segmented(MODERN_TAIL)
    pages = [doc.lines[b.first].text for b in doc.blocks_of(K.APPENDIX)]
    assert pages == ["붙임 1", "참고 2"]


def test_bracketed_attachment_label_over_a_numbered_list_is_no_appendix_page():
    text = """
    코로나19 국내 발생 현황

    방역당국은 신규 확진자 현황을 발표했다.

    <붙임>

    1. 코로나19 국내 발생 현황

    2. 코로나19 국외 발생 현황
    """
    got = dict((t, k) for k, t in kinds(text))
    assert got["<붙임>"] == got["2. 코로나19 국외 발생 현황"] == "body"


def test_prose_starting_with_a_label_word_is_not_an_appendix():
    text = """
    문화재 전시관 개관

    문화재청은 전시관을 개관했다고 밝혔다.

    참고로, 전시관은 온라인으로도 관람할 수 있다.
    """
    assert kind_of(text, "참고로, 전시관은 온라인으로도 관람할 수 있다.") == "body"


@pytest.mark.parametrize("line", [
    "* 문의: 원자재비축과 방형준 서기관(042-724-7207)",
    "문 의: 청년취업지원과 위수환(044-202-7458)",
    "이 보도자료와 관련하여 취재를 원하시면 창업정책과 김다온 사무관(☎044-204-7000)에게 연락주시기 바랍니다.",
])
def test_a_trailing_inquiry_line_stays_in_the_body_for_the_contacts_stage(line):
    text = f"""
    원자재 비축운영 계획 수립

    □ 조달청은 비축운영 계획을 수립했다고 밝혔다.

    {line}
    """
    assert kind_of(text, line) == "body"


def test_a_phone_in_the_middle_of_the_body_is_no_contact():
    text = """
    공모전 개최

    □ 자세한 사항은 전화(070-4168-8374)로 문의 가능하다.

    □ 새만금개발청은 작품을 설치할 계획이다.
    """
    assert "contact" not in [k for k, _ in kinds(text)]


def test_the_pages_own_contact_among_chrome_is_not_the_release_contact():
    text = """
    □ 정책포럼을 개최했다.

    목록

    담당부서

    소통홍보팀

    담당자

    김민철 팀장

    전화번호

    044-300-0720

    페이지 맨위로 이동
    """
    got = kinds(text)
    assert "contact" not in [k for k, _ in got]
    assert dict((t, k) for k, t in got)["김민철 팀장"] == "page_footer"


def test_image_alt_text_is_chrome():
    text = """
    산업계 설명회 개최

    그림입니다.

    원본 그림의 이름: 로고.png

    정부는 설명회를 개최한다고 밝혔다.
    """
    assert kind_of(text, "그림입니다.") == kind_of(text, "원본 그림의 이름: 로고.png") == "chrome"


def test_segment_stays_linear_on_a_long_body():
    body = "\n\n".join(f"□ 항목 {i}에 대한 설명이다." if i % 3 else f"ㅇ 세부 내용 {i}" for i in range(4000))
    doc = segmented("긴 보도자료 제목\n\n" + body + "\n\n참고 1\n\n계획\n\n□ 개요\n")
    assert doc.blocks_of(K.APPENDIX)
    assert sum(b.last - b.first for b in doc.blocks_of(K.BODY)) > 7000


def test_a_short_line_ending_like_a_sentence_is_still_a_headline():
    text = """
    전기차 충전 요금 내린다.

    정부는 다음 달부터 공공 급속충전기의 요금을 킬로와트시당 300원으로 내린다고 밝혔다.
    """
    assert kind_of(text, "전기차 충전 요금 내린다.") == "title"


def test_a_lead_sentence_too_long_for_a_headline_opens_the_body():
    text = """
    정부는 다음 달부터 공공 급속충전기의 요금을 킬로와트시당 300원으로 내리기로 하였다고 밝혔다.

    요금 인하는 전국 1만 곳의 충전소에 적용된다.
    """
    assert kind_of(text, "정부는 다음 달부터 공공 급속충전기의 요금을 킬로와트시당 300원으로 내리기로 하였다고 밝혔다.") == "body"


def test_blank_lines_are_never_chrome_by_text():
    """is_chrome answers False for a blank line without reading the vocabulary: that holds only
    while no chrome phrase, exact line or file-widget pattern matches the empty string."""
    lex = load_lexicon()
    assert "" not in lex.boilerplate["exact"]
    assert lex.CHROME_RE.search("") is None and not segment.is_file_widget("", lex)


# The file widget as one alternation, as it was written before it was split for speed.
def file_widget_as_one_pattern(lex):
    chrome = lex.boilerplate
    return re.compile(
        rf"^(?:{alternation(chrome['file_widget_labels'])})\s*\d*\s*:?$"
        rf"|\.(?:{alternation(chrome['file_extensions'])})\s*(?:[(\[].*)?$"
        rf"|{alternation(chrome['file_widget_words'])}", re.IGNORECASE)


@pytest.mark.parametrize("text", ["첨부파일", "첨부파일 2 :", "파일1", "사진.png(191 kb)", "보고서.HWPX",
                                  "자료.pdf [다운로드]", "[미리보기]", "본문 [바로보기] 안내",
                                  "첨부파일 목록 보기", "파일.png 설명 다음", "png 파일", "미리보기", ""])
def test_file_widget_is_what_the_single_alternation_finds(text):
    lex = load_lexicon()
    assert segment.is_file_widget(text, lex) == bool(file_widget_as_one_pattern(lex).search(text))


@pytest.mark.parametrize("word", ["혁신연구팀", "국립대학정책과", "통과", "결과", "정책과", "팀", "과", "", "연구팀장", "총무과"])
def test_unit_name_is_a_suffix_with_two_letters_before_it(word):
    lex = load_lexicon()
    units = tuple(lex.titles["department_suffixes"]) + tuple(lex.titles["team_suffixes"])
    expected = any(word.endswith(u) and len(word) >= len(u) + 2 for u in units)
    assert segment.is_unit_name(word, units) == expected


# --- the scans that stand in for per-line tests find every line the tests would -----------
# body_chrome, the tail and the contact tables ask their per-line rules only of the lines a
# scan hits (a hint pattern over the text, or a class over the lines' first characters). A
# scan that missed a line would change the output silently: these compare the scans with the
# per-line rules on invented lines and on every line of the samples and the korea.kr corpus.

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
INVENTED_LINES = [
    "본문 바로가기", "  목록  ", "인쇄", "첨부파일 2 :", "사진.PNG(191 kb)", "보고서.Hwpx", "자료.pdf [다운로드]",
    "[미리보기]", "파일1", "이전글", "다음글 | 목록", "참고 1", "<참고>", "[참고 2] 세부 일정", "붙임 1", "< 붙임 >",
    "별첨  현장 점검 개요", "참 고", "(참고) 추진 일정", "담당 부서  혁신정책과", "책임자  과장 홍길동  044-201-3333",
    "담당자 사무관 김철수", "부서명 소통홍보팀", "실무자 주무관 이영희", "담 당 자", "□ 산림청은 대책을 발표했다.",
    "페이지 맨위로 이동", "www.kimi.or.kr", "사용 편의성에 대해 만족하십니까", "「2004 APEC 포럼」 개최", "",
]


def sample_lines() -> list[str]:
    """Invented lines, the lines of the text samples and of up to 300 korea.kr records."""
    lines = list(INVENTED_LINES)
    sources = sorted(SEED.parent.glob("*.txt")) + sorted(SEED.parent.glob("*.md"))
    if (CORPUS / "korea-kr").is_dir():
        sources += sorted((CORPUS / "korea-kr").glob("*.md"))[:300]
    for path in sources:
        lines += path.read_text(encoding="utf-8", errors="replace").splitlines()
    return lines


def document_of(lines: list[str]) -> Document:
    lex = load_lexicon()
    doc = new_document("\n".join(lines).encode("utf-8"), "lines.txt")
    for stage in (decode, render, normalize):
        stage.run(doc, lex)
    return doc


@pytest.fixture(scope="module")
def corpus_doc() -> Document:
    return document_of(sample_lines())


def test_body_chrome_finds_every_chrome_line(corpus_doc):
    lex, doc = load_lexicon(), corpus_doc
    r = segment.Regions(kinds=[K.BODY] * len(doc.lines), footer=len(doc.lines))
    segment.body_chrome(doc, r, lex)
    by_line = [i for i, line in enumerate(doc.lines) if segment.is_chrome(line, lex)]
    assert by_line and [i for i, kind in enumerate(r.kinds) if kind == K.CHROME] == by_line


def test_appendix_headings_need_no_test_on_other_lines(corpus_doc):
    lex, doc = load_lexicon(), corpus_doc
    every = [i for i, line in enumerate(doc.lines)
             if not line.blank and segment.is_appendix_heading(doc.lines, i, len(doc.lines), lex)]
    r = segment.Regions(kinds=[K.BODY] * len(doc.lines))
    starting = segment.starting_lines(doc, r, lex.APPENDIX_HEAD_START_RE, 0, len(doc.lines))
    assert every and set(every) <= set(starting)


def test_contact_openers_need_no_test_on_other_lines(corpus_doc):
    lex, doc = load_lexicon(), corpus_doc
    every = [i for i, line in enumerate(doc.lines) if segment.opens_contact(line, lex)]
    r = segment.Regions(kinds=[K.BODY] * len(doc.lines))
    starting = segment.starting_lines(doc, r, lex.CONTACT_OPENING_START_RE, 0, len(doc.lines))
    assert every and set(every) <= set(starting)


def test_the_tail_with_candidates_is_the_tail_without(corpus_doc):
    lex, doc = load_lexicon(), corpus_doc
    stop = len(doc.lines)
    r = segment.Regions(kinds=[K.BODY] * stop)
    candidates = segment.starting_lines(doc, r, lex.APPENDIX_HEAD_START_RE, 0, stop)
    with_candidates, without = [K.BODY] * stop, [K.BODY] * stop
    assert segment.assign_tail(doc.lines, 0, stop, with_candidates, lex, candidates) \
        == segment.assign_tail(doc.lines, 0, stop, without, lex)
    assert with_candidates == without


def test_chrome_hint_words_are_caseless():
    """CHROME_HINT_RE is compiled without IGNORECASE, while is_file_widget matches its labels and
    words ignoring case: that is the same only while they have no case."""
    chrome = load_lexicon().boilerplate
    for word in chrome["file_widget_labels"] + chrome["file_widget_words"]:
        assert word.lower() == word.upper() == word, word


def test_blank_lines_hold_no_page_pattern():
    """classify_page, the footer and find_page_end skip blank lines without asking these."""
    lex = load_lexicon()
    for pattern in (lex.BREADCRUMB_RE, lex.PAGE_CONTACT_RE, lex.MARKER_RE, lex.PAGE_LABEL_RE, lex.PAGE_FIELD_WORD_RE):
        assert pattern.search("") is None, pattern.pattern


def test_every_page_label_holds_a_field_word():
    """find_page_end asks PAGE_LABEL_RE only of lines where PAGE_FIELD_WORD_RE finds a word."""
    lex = load_lexicon()
    page = lex.labels["page"]
    for word in page["author"] + page["posted"] + page["views"]:
        assert lex.PAGE_LABEL_RE.match(word) and lex.PAGE_FIELD_WORD_RE.search(word), word


def test_template_names_are_not_empty():
    """template_title reads only the cells that have a name."""
    for names in load_lexicon().labels["template"].values():
        assert all(names), names


def test_guards_before_the_masthead_and_date_patterns_change_no_answer():
    """may_split_masthead and the digit in has_date only skip a pattern where it cannot match."""
    lex = load_lexicon()
    lines = sample_lines() + ["보도자료   고용노동부", "고용노동부 www.moel.go.kr", "보도자료\t산림청", "보도 \u2002 자료",
                              "2025. 5. 21.(수)", "7월 15일(목) 조간", "４월"]
    for text in (line.strip() for line in lines):
        assert segment.may_split_masthead(text) or not lex.MASTHEAD_SPLIT_RE.search(text), text
        assert segment.has_date(text, lex) == bool(lex.DOTTED_DATE_RE.search(text) or lex.KOREAN_DATE_RE.search(text)), text


# --- reads_as_embargo's first-letter guard -----------------------------------------------------

def embargo_label_lines(lex) -> list[str]:
    """Each embargo, distribution and online label and embargo word opening a line, alone and with
    a value, written close and spaced out ('보 도 시 점 : …')."""
    E = lex.labels["embargo"]
    words = E["labels"] + E["distribution"] + E["online"] + ["엠바고"]
    lines = []
    for word in words:
        for form in (word, " ".join(word.replace(" ", ""))):
            lines += [form, f"{form} 2025. 6. 10.(화) 12:00", f"{form}: 즉시", f"{form}：6월 9일"]
    return lines


def test_embargo_label_start_guard_lets_every_label_line_through():
    """EMBARGO_LABEL_START_RE matches the first letter of every line one of the four label
    patterns matches at its start, and reads_as_embargo reads those lines as embargo."""
    lex = load_lexicon()
    four = (lex.EMBARGO_LABEL_RE, lex.DISTRIBUTION_LABEL_RE, lex.EMBARGO_WORD_RE, lex.TIME_FIELD_RE)
    matched = 0
    for text in embargo_label_lines(lex):
        if any(p.match(text) for p in four):
            matched += 1
            assert lex.EMBARGO_LABEL_START_RE.match(text), text
            assert segment.reads_as_embargo(normalize.split_lines(text)[0], lex), text
    assert matched >= 20


@pytest.mark.parametrize("text", ["제목: 보도시점 안내", "2025. 6. 10. 보도", "국민권익위원회", "○ 배포 일정"])
def test_embargo_label_start_guard_turns_away_other_openings(text):
    lex = load_lexicon()
    assert not lex.EMBARGO_LABEL_START_RE.match(text)


@pytest.mark.parametrize("text", ["(yavis7@kimi.or.kr)", "E-mail: a.b+c@x-y.go.kr 담당", "이메일 없음", "@ 기호만", "a@b", ""])
def test_has_email_agrees_with_the_pattern(text):
    lex = load_lexicon()
    assert segment.has_email(text, lex) == bool(lex.EMAIL_RE.search(text))
