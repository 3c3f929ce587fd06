"""Page metadata from board pages whose parts markup identifies (render's hints)."""
from __future__ import annotations

import pytest

import pipeline

BOARD = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>보도자료</title></head><body>
<div class="location"><span>HOME</span> &gt; <span>군정소식</span> &gt; <span>보도자료</span></div>
<div class="board_view">
  <h3 class="tit">보도자료</h3>
  <div class="subject">가을 국화 축제 개막 안내 기사입니다</div>
  <div class="meta"><p>2024.10.05</p> <p>조회수</p> <p>310</p></div>
  <div class="content"><p>□ 군은 다음 주부터 국화 축제를 열고 관광객을 맞이할 준비를 모두 마쳤다고 밝혔다.</p></div>
</div>
<div class="manager">문화관광과 축제팀 ☎ 061-000-1234</div>
<footer>전라남도 어느군 (대표전화 061-000-0000)</footer>
</body></html>"""


def test_board_page_without_labels_still_gives_date_headline_and_contact():
    page = pipeline.parse_text(BOARD, path="board.html")["page"]
    assert page["breadcrumbs"] == ["군정소식", "보도자료"]
    assert page["headline"] == "가을 국화 축제 개막 안내 기사입니다"
    assert page["posted_at"] == "2024-10-05"
    assert page["views"] == 310
    assert page["contact"]["department"] == "문화관광과 축제팀"
    assert page["contact"]["phone"] == "061-000-1234"


def test_site_footer_switchboard_is_never_a_contact():
    record = pipeline.parse_text(BOARD, path="board.html")
    assert all(c["phone"] != "061-000-0000" for c in record["contacts"])


def logo_page(logo: str, lead: str) -> bytes:
    return (f"<html><body><header><h1 class=\"logo\"><a href=\"/\">{logo}</a></h1></header>"
            "<div class=\"board_view\"><h3>하천 정비 사업 착공</h3>"
            f"<div class=\"view_cont\"><p>{lead}</p></div></div>"
            "<footer><img src=\"/img/footer_logo.png\" alt=\"시험군\"></footer></body></html>").encode()


LEAD_WITHOUT_ISSUER = "올해 하천 정비 사업을 착공하여 내년 여름 장마 전까지 마무리할 계획이라고 밝혔다."

LOGO_CASES = [
    # (logo markup, lead, issuer name, source)
    ('<img src="/img/head_logo.png" alt="시험군">', LEAD_WITHOUT_ISSUER, "시험군", "page"),
    ('<img src="/img/top.png" alt="1004 시험군">', LEAD_WITHOUT_ISSUER, "시험군", "page"),   # parent h1.logo; slogan number dropped
    ('<img src="/img/head_logo.png" alt="시험군">', "시험시(시장 홍길동)는 " + LEAD_WITHOUT_ISSUER, "시험시", "lead"),
]


@pytest.mark.parametrize("logo, lead, name, source", LOGO_CASES, ids=["alt", "parent-class", "lead-wins"])
def test_a_site_logo_names_the_issuer_only_when_the_release_names_none(logo, lead, name, source):
    record = pipeline.parse_bytes(logo_page(logo, lead), "board.html")
    issuer = record["release"]["issuer"]
    assert (issuer["name"], issuer["source"]) == (name, source)
    if source == "page":
        assert "span" not in issuer and issuer["page_logo"]["src"]
    assert record["page"]["logos"][0]["src"] in ("/img/head_logo.png", "/img/top.png")


def test_images_that_are_no_logo_or_name_no_body_are_not_issuers():
    page = ("<html><body><header><img src=\"/img/head_logo.png\" alt=\"기관 로고\"></header>"
            "<img src=\"/img/banner01.jpg\" alt=\"시험군\">"
            f"<div><h3>하천 정비 사업 착공</h3><p>{LEAD_WITHOUT_ISSUER}</p></div></body></html>").encode()
    record = pipeline.parse_bytes(page, "board.html")
    assert record["page"]["logos"] == [{"alt": "기관 로고", "src": "/img/head_logo.png"}]   # a banner is no logo
    assert (record["release"]["issuer"] or {}).get("source") != "page"


MORE = "이번 사업은 하천 둔치의 산책로와 배수 시설을 함께 정비하여 주민 안전을 높이는 것을 목표로 한다."


def post_page(lead: str) -> bytes:
    return ("<html><body><div class=\"board_view\"><h3>하천 정비 사업 착공</h3>"
            "<div class=\"info\"><dl><dt>부서명</dt><dd>건설과 하천팀</dd><dt>전화번호</dt><dd>061-555-0101</dd></dl>"
            "<dl><dt>작성자</dt><dd>홍길동</dd><dt>작성일</dt><dd>2026-01-07</dd></dl></div>"
            f"<div class=\"view_cont\"><p>{lead}</p><p>{MORE}</p><p>{MORE}</p></div></div>"
            "<div class=\"satisfaction\"><dl><dt>담당부서</dt><dd>기획홍보실 홍보팀</dd><dt>전화</dt>"
            "<dd>061-555-0000</dd><dt>최종업데이트</dt><dd>2025.12.12</dd></dl></div></body></html>").encode()


def test_a_board_posts_own_department_and_phone_are_the_release_contact_when_it_gives_none():
    record = pipeline.parse_bytes(post_page("시험군(군수 홍길동)은 " + LEAD_WITHOUT_ISSUER), "post.html")
    assert record["page"]["contact"]["phone"] == "061-555-0000"          # the site's content manager
    assert [(c["department"], c["phone"]) for c in record["contacts"]] == [("건설과 하천팀", "061-555-0101")]
    span = record["contacts"][0]["span"]
    assert record["text"][span[0]:span[1]] == "061-555-0101"


def test_a_release_with_its_own_phone_keeps_the_board_fields_out_of_contacts():
    lead = "시험군(군수 홍길동)은 " + LEAD_WITHOUT_ISSUER + "</p><p>문의: 도로과 이솔 (061-555-0202)"
    record = pipeline.parse_bytes(post_page(lead), "post.html")
    assert [c["phone"] for c in record["contacts"]] == ["061-555-0202"]


@pytest.mark.parametrize("title, board", [
    ("알림마당&gt;시험뉴스&gt;보도자료 &gt; 상세", "보도자료"),      # the menu trail: its last board crumb
    ("보도자료 | 시험군청", "보도자료"),
    ("시험군청", None),                                             # names no board
])
def test_the_page_title_names_the_board_when_the_heading_was_not_read(title, board):
    page = (f"<html><head><title>{title}</title></head><body>"
            "<div class=\"location\">홈 &gt; 알림마당 &gt; 시험뉴스</div>"
            "<div class=\"board_view\"><h3>하천 정비 사업 착공</h3>"
            "<dl><dt>등록일</dt><dd>2025-12-11</dd><dt>작성자</dt><dd>홍길동</dd></dl>"
            f"<div class=\"view_cont\"><p>시험군(군수 홍길동)은 {LEAD_WITHOUT_ISSUER}</p><p>{MORE}</p><p>{MORE}</p></div>"
            "</div></body></html>").encode()
    record = pipeline.parse_bytes(page, "title.html")
    assert record["page"]["board"] == board
    assert record["release"]["kind"] == ("보도자료" if board else None)
