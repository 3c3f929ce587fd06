"""release.attachments: the files a post offers outside the release's text (a record's header
items, a korea.kr record's '## 첨부/링크' trailer, a board's '첨부파일' box) beside those the body
lists, each once. Every case is written for these tests; none is a corpus line."""
from __future__ import annotations

import pytest

import pipeline
from pipeline.lexicon import load_lexicon
from pipeline.stages.release import attachment_key

LEX = load_lexicon()

BODY = ("□ 가상부는 새 제도를 다음 달부터 시행한다고 밝혔으며 자세한 내용은 누리집에 싣는다.\n\n"
        "○ 제도는 가상시 전역에서 시행되며 신청은 온라인으로 받는다고 덧붙였다.\n")


def attachments(text: str) -> list[tuple[str, str]]:
    record = pipeline.parse_text(text)
    found = record["release"]["attachments"]
    for item in found:       # every attachment's span is its text as written
        start, end = item["span"]
        assert " ".join(record["text"][start:end].split()) == item["text"]
    return [(a["label"], a["text"]) for a in found]


def portal_rendering(header_items: str, tail: str = "") -> str:
    """A record saved without front matter, as the portal renders an attachment."""
    return (f"# 가상 제도 시행\n\n- 출처: 가상 브리핑\n- 부처: 가상부\n- 게시 시각: 04/10/2026 09:00:00\n"
            f"{header_items}\n## 본문\n\n{BODY}{tail}")


def korea_kr_record(links: str, count: int) -> str:
    return (f'---\ntitle: "가상 제도 시행"\nministry: "가상부"\napprove_date: "04/10/2026 09:00:00"\n'
            f'attachment_count: {count}\n---\n\n# 가상 제도 시행\n\n- 배포일: 04/10/2026 09:00:00\n\n'
            f"## 본문\n\n{BODY}\n## 첨부/링크\n\n{links}\n## 출처\n\n- 가상 브리핑 API\n")


CASES = [
    ("header items name the post's files, each rendition a file",
     portal_rendering("- HWPX 첨부: 260410_가상 제도 시행.hwpx\n- PDF 첨부: 260410_가상 제도 시행.pdf\n"),
     [("HWPX 첨부", "260410_가상 제도 시행.hwpx"), ("PDF 첨부", "260410_가상 제도 시행.pdf")]),
    ("a trailing file list repeating the header's files adds only the files it alone names",
     portal_rendering("- HWPX 첨부: 가상_제도.hwpx\n",
                      "\n## 첨부파일\n\n- 가상_제도.hwpx\n- 가상_현장사진.jpg\n- 가상_제도.hwp\n"),
     [("HWPX 첨부", "가상_제도.hwpx"), ("첨부파일", "가상_현장사진.jpg"), ("첨부파일", "가상_제도.hwp")]),
    ("a header item naming no file is no attachment",
     portal_rendering("- HWPX 첨부: 없음\n"), []),
    ("a korea.kr trailer of home pages and search pages holds links, not files",
     korea_kr_record("- [www.가상부.go.kr](http://www.가상부.go.kr)\n"
                     "- [가상국](http://가상.kr/search/searchResult.do?search_nm=x)\n", 2), []),
    ("a korea.kr trailer item naming a file is one, by its name or its link's path",
     korea_kr_record("- [가상 공고문.hwpx](https://가상.kr/common/download.do?fileId=7)\n"
                     "- [공고문 내려받기](https://가상.kr/files/notice.pdf)\n"
                     "- [가상부 누리집](https://가상.kr/)\n", 3),
     [("첨부/링크", "가상 공고문.hwpx"), ("첨부/링크", "공고문 내려받기")]),
    ("a record whose front matter counts no attachment keeps the body's",
     korea_kr_record("", 0).replace("## 첨부/링크\n\n\n", "").replace(
         BODY, BODY + "\n붙임 1. 가상 제도 세부 계획 1부.\n"),
     [("붙임 1", "가상 제도 세부 계획")]),
]


@pytest.mark.parametrize("name,text,expected", CASES, ids=[c[0] for c in CASES])
def test_offered_files(name, text, expected):
    assert attachments(text) == expected


BOARD = """<html><head><title>보도자료</title></head><body>
<div id="gnb"><ul><li><a href="/">홈</a></li><li><a href="/news">알림마당</a></li></ul></div>
<div class="location">홈 &gt; 알림마당 &gt; 보도자료</div>
<div class="board_view">
<table><tr><th>제목</th><td>가상군, 야간 도서관 운영</td></tr>
<tr><th>작성자</th><td>홍보팀</td><th>작성일</th><td>2025-12-01</td></tr></table>
<div class="view_cont">
<p>가상군(군수 홍길동)은 다음 달부터 군립 도서관을 밤 열 시까지 연다고 1일 밝혔다.</p>
<p>군은 주민들이 퇴근 뒤에도 도서관을 이용할 수 있도록 열람실과 자료실을 함께 개방한다.</p>
{body_tail}
</div>
<div class="file_list"><dl><dt>첨부파일</dt>
<dd><a href="/down?no=1">{file1}</a> <span>(87 kb)</span> <a href="/down?no=1">다운로드</a></dd>
<dd><a href="/down?no=2">가상 도서관 야간 사진.jpg</a> [jpg, 1.2 MB] <a href="/view?no=2">바로보기</a></dd>
</dl></div>
<div class="btn"><a href="/list">목록</a></div>
<div class="prev_next"><p>이전글 가상군, 겨울 축제 개막.hwp 안내</p></div>
</div>
<div id="footer"><p>가상군청 주소 가상로 1 대표전화 061-000-0000</p></div>
</body></html>
"""


def test_a_board_file_box_lists_its_files_and_ends_before_the_next_post():
    found = attachments(BOARD.format(body_tail="", file1="가상 도서관 운영 계획.hwp"))
    assert found == [("첨부파일", "가상 도서관 운영 계획.hwp"), ("첨부파일", "가상 도서관 야간 사진.jpg")]


def test_a_file_the_body_lists_is_kept_once():
    found = attachments(BOARD.format(body_tail="<p>붙임 1. 가상 도서관 운영 계획 1부.</p>",
                                     file1="가상_도서관_운영_계획.hwp"))
    assert found == [("붙임 1", "가상 도서관 운영 계획"), ("첨부파일", "가상 도서관 야간 사진.jpg")]


def test_a_mention_in_the_body_is_no_file_list():
    text = f"가상 제도 시행\n\n{BODY}○ 신청서는 첨부파일\n가상 신청서.hwp\n를 내려받아 쓴다.\n"
    assert [a for a in attachments(text) if a[1].endswith(".hwp")] == []


def test_a_listing_and_its_appendix_page_head_are_one_attachment():
    text = (f"가상 제도 시행\n\n{BODY}\n붙임 가상 제도 홍보 포스터 1부.\n\n"
            "담당 부서 가상과 책임자 과장 홍길동 (044-000-0001)\n\n붙임 가상 제도 홍보 포스터\n")
    assert attachments(text) == [("붙임", "가상 제도 홍보 포스터")]


@pytest.mark.parametrize("a,b,same", [
    ("가상 제도.pdf", "가상_제도.pdf", True),          # white space and underscores aside
    ("가상 제도.pdf", "가상 제도.hwpx", False),        # two renditions
    ("행사 사진", "행사_사진.jpg", True),              # the body's name and its file
    ("우리 강 구상('20.6.)", "우리 강 구상('20.6.)", True),
    ("우리 강 구상('20.6.)", "우리 강 구상", False),    # a dot inside a name is no extension
])
def test_attachment_key(a, b, same):
    name_a, stem_a = attachment_key(a, LEX)
    name_b, stem_b = attachment_key(b, LEX)
    assert (name_a == name_b or name_a == stem_b or stem_a == name_b) == same


POINTERS = [
    ("a pointer names its attachment by label only",
     "□ 가상부는 새 제도를 시행한다고 밝혔다(붙임 1 참고).\n", [("붙임 1", None)]),
    ("pointers without a listing, each once, in order",
     "□ 가상부는 새 제도를 시행한다고 밝혔다(붙임2).\n○ 신청자는 지난해보다 늘었다(붙임1 참조).\n"
     "○ 지역별 현황도 공개했다(붙임2).\n", [("붙임 2", None), ("붙임 1", None)]),
    ("a pointer to a listed attachment adds nothing",
     "□ 가상부는 새 제도를 시행한다고 밝혔다(붙임 1 참고).\n\n붙임 1. 가상 제도 세부 계획 1부.\n",
     [("붙임 1", "가상 제도 세부 계획")]),
    ("a bare pointer with a numbered listing adds nothing",
     "□ 가상부는 새 제도를 시행한다고 밝혔다(붙임).\n\n붙임 1. 가상 제도 세부 계획 1부.\n",
     [("붙임 1", "가상 제도 세부 계획")]),
    ("a bracketed pointer", "□ 가상부는 새 제도를 시행한다고 밝혔다(「별첨」 참조).\n", [("별첨", None)]),
    ("a mention naming the attachment keeps its words",
     "□ 가상부는 새 제도를 시행한다고 밝혔다(세부 일정 별첨 자료).\n", [("별첨", "세부 일정 별첨 자료")]),
]


@pytest.mark.parametrize("name,body,expected", POINTERS, ids=[c[0] for c in POINTERS])
def test_inline_pointers(name, body, expected):
    record = pipeline.parse_text(f"가상 제도 시행\n\n{body}○ 제도는 가상시 전역에서 시행되며 신청은 온라인으로 받는다.\n")
    found = record["release"]["attachments"]
    assert [(a["label"], a["text"]) for a in found] == expected
    for item in found:
        start, end = item["span"]
        assert record["text"][start:end]        # the pointer's own words stay its span
