"""Release and page metadata: a record's date fields (korea.kr front matter, a scraped JSON
record) and their spans, and the body's attachment listings in the forms agencies write them
(bracketed labels, the first item's number after the separator, several items on one line, a
continuation only at the next number, headings and contents entries that name no attachment).
Every case is written for these tests; none is a corpus line."""
from __future__ import annotations

import json

import pytest

import pipeline
from pipeline.lexicon import load_lexicon
from pipeline.stages.page import record_date
from pipeline.stages.release import is_heading_word

LEX = load_lexicon()

CONTENT = ("가상시는 새 제도를 다음 달부터 시행한다고 3일 밝혔다. 제도는 가상시 전역에서 시행되며 "
           "신청은 온라인으로 받는다.\n\n시 관계자는 많은 참여를 바란다고 말했다.")


def json_record(**fields: object) -> bytes:
    return json.dumps({"idx": "7", "title": "가상시, 새 제도 다음 달 시행", "content": CONTENT,
                       "department": "가상과", **fields}, ensure_ascii=False).encode("utf-8")


# --- a record's date fields ---------------------------------------------------------------

@pytest.mark.parametrize("fields,posted", [
    ({"published_at": "2025-12-03T09:00:00+09:00", "date": "2025-12-03"}, "2025-12-03T09:00:00+09:00"),
    ({"date": "2025-12-03"}, "2025-12-03"),
    ({"reg_date": "2025-12-03 14:05:09"}, "2025-12-03T14:05:09+09:00"),
    ({"created_at": "2025-12-03T00:30:00Z"}, "2025-12-03T09:30:00+09:00"),       # UTC read in Korea's time
    ({"created_at": "2025-12-02T16:00:00.123+00:00"}, "2025-12-03T01:00:00+09:00"),
    ({"published_at": "2025-12-03T09:00:00+0900"}, "2025-12-03T09:00:00+09:00"),
    # the first field in record_date_fields' order that holds a date wins
    ({"date": "2025-12-01", "published_at": "2025-12-03T09:00:00+09:00"}, "2025-12-03T09:00:00+09:00"),
    ({"published_at": "", "date": "2025-12-03"}, "2025-12-03"),
    ({"published_at": "곧", "date": "2025-12-03"}, "2025-12-03"),
    # a last change is not the post's date; an undecidable order is left unread
    ({"updated_at": "2025-12-05T10:00:00+09:00"}, None),
    ({"date": "03.12.2025"}, None),
    ({"date": 20251203}, None),
])
def test_a_json_record_date_field_is_the_post_date(fields, posted):
    record = pipeline.parse_bytes(json_record(**fields), "가상.json")
    assert record["page"]["posted_at"] == posted
    # A JSON record's fields other than its title and content are in no line of text.
    assert "posted_at" not in record["page"]["spans"]


@pytest.mark.parametrize("value,expected", [
    ("11/10/2020 10:08:51", "2020-11-10T10:08:51+09:00"),
    ("2020-11-10T10:08:51+09:00", "2020-11-10T10:08:51+09:00"),
    ("2020-11-10T23:30:00-05:00", "2020-11-11T13:30:00+09:00"),
    ("2020-11-10", "2020-11-10"),
    ("2020-02-30T10:00:00Z", None),
])
def test_record_date(value, expected):
    assert record_date(value, LEX) == expected


def test_front_matter_values_are_spanned_where_the_record_header_repeats_them():
    text = ('---\ntitle: "가상 제도 시행"\nministry: "가상부"\napprove_date: "04/10/2026 09:05:00"\n'
            'news_item_id: "123456789"\noriginal_url: "https://가상.kr/view?newsId=123456789"\n---\n\n'
            "# 가상 제도 시행\n\n- 부처: 가상부\n- 배포일: 04/10/2026 09:05:00\n- NewsItemId: 123456789\n"
            "- 원문: https://가상.kr/view?newsId=123456789\n\n## 본문\n\n"
            "□ 가상부는 새 제도를 다음 달부터 시행한다고 밝혔으며 자세한 내용은 누리집에 싣는다.\n")
    record = pipeline.parse_text(text)
    page, doc_text = record["page"], record["text"]
    assert page["posted_at"] == "2026-04-10T09:05:00+09:00"
    written = {key: doc_text[slice(*page["spans"][key])] for key in
               ("posted_at", "ministry", "news_item_id", "original_url")}
    assert written == {"posted_at": "04/10/2026 09:05:00", "ministry": "가상부",
                       "news_item_id": "123456789", "original_url": "https://가상.kr/view?newsId=123456789"}


def test_a_value_no_header_line_repeats_has_no_span():
    text = ('---\ntitle: "가상 제도 시행"\napprove_date: "04/10/2026 09:05:00"\n---\n\n'
            "# 가상 제도 시행\n\n## 본문\n\n□ 가상부는 새 제도를 다음 달부터 시행한다고 밝혔다.\n")
    page = pipeline.parse_text(text)["page"]
    assert page["posted_at"] == "2026-04-10T09:05:00+09:00" and "posted_at" not in page["spans"]


# --- attachment listings --------------------------------------------------------------------

BODY = ("□ 가상부는 새 제도를 다음 달부터 시행한다고 밝혔으며 자세한 내용은 누리집에 싣는다.\n\n"
        "○ 제도는 가상시 전역에서 시행되며 신청은 온라인으로 받는다고 덧붙였다.\n\n")


def attachments(tail: str) -> list[tuple[str, str | None]]:
    record = pipeline.parse_text("가상 제도 시행\n\n" + BODY + tail)
    found = record["release"]["attachments"]
    for item in found:          # a named attachment's span is its name as written
        if item["text"] is not None:
            start, end = item["span"]
            assert " ".join(record["text"][start:end].split()) == item["text"]
    return [(a["label"], a["text"]) for a in found]


LISTINGS = [
    ("a bracketed label, its items numbered after it",
     "<붙임> 1. 가상 제도 개요\n2. 가상 신청 안내문\n", [("붙임 1", "가상 제도 개요"), ("붙임 2", "가상 신청 안내문")]),
    ("a bracketed label with blanks inside", "< 별첨 > 가상 제도 안내서\n", [("별첨", "가상 제도 안내서")]),
    ("a lenticular bracket, the text at once", "【붙임】가상 위원회 개요\n", [("붙임", "가상 위원회 개요")]),
    ("the number inside the brackets", "[붙임 2] 가상 카드뉴스\n", [("붙임 2", "가상 카드뉴스")]),
    ("the first item's number after a colon", "붙임 : 1. 가상 회의 사진\n2. 가상 참석자 명단\n",
     [("붙임 1", "가상 회의 사진"), ("붙임 2", "가상 참석자 명단")]),
    ("the first item's number after a full stop", "붙임. 1. 가상 행사 일정 1부.\n",
     [("붙임 1", "가상 행사 일정")]),
    ("several items on one line, spaced", "<붙임> 1. 가상 행사 계획 2. 가상 행사 포스터 끝.\n",
     [("붙임 1", "가상 행사 계획"), ("붙임 2", "가상 행사 포스터")]),
    ("several items on one line, glued and stopped",
     "붙임 1. 가상 현황. 2. 가상 수칙3. 가상 준칙 (가상협회)\n",
     [("붙임 1", "가상 현황"), ("붙임 2", "가상 수칙"), ("붙임 3", "가상 준칙 (가상협회)")]),
    ("a decimal or a date inside an item is no next item",
     "붙임 1. 가상 2.5단계 조치(’24.1.2.~’24.1.9.)\n", [("붙임 1", "가상 2.5단계 조치(’24.1.2.~’24.1.9.)")]),
    ("a line numbered 1 again is an outline's, not the listing's; nor does a later line continue",
     "붙임 1. 가상 포럼 개요\n1. 행사 일시 및 장소\n2. 가상 참석자\n", [("붙임 1", "가상 포럼 개요")]),
    ("a line skipping a number continues no listing",
     "붙임 1. 가상 포럼 개요\n3. 가상 일정\n", [("붙임 1", "가상 포럼 개요")]),
    ("… and is the listed attachment when a listing names it",
     "붙임 1. 가상 포럼 개요\n\n붙임1 목 차\n\n□ 가상 포럼은 매년 열린다.\n", [("붙임 1", "가상 포럼 개요")]),
    ("an unspaced heading word is a title", "붙임 개요\n", [("붙임", "개요")]),
    ("the appendix page's head names a listed attachment again: kept once",
     "붙임 1. 가상 토론회 개요\n\n붙임1 가상 포럼 개요\n\n□ 가상 포럼은 매년 열린다.\n",
     [("붙임 1", "가상 토론회 개요")]),
    ("a contents entry's page number after a wide gap is not the title's",
     "목  차\n<별첨> 가상 가입자 현황   20\n", [("별첨", "가상 가입자 현황")]),
    ("a bare label opens a listing its next lines number from 1",
     "<붙임>\n1. 가상 행사 개요\n2. 가상 행사 사진\n", [("붙임 1", "가상 행사 개요"), ("붙임 2", "가상 행사 사진")]),
    ("a bare label's next line numbered 2 is no item of it", "붙임\n2. 가상 행사 사진\n", []),
    ("a label in parentheses", "(붙임) 가상 조치내역\n", [("붙임", "가상 조치내역")]),
    ("a pointer in parentheses stays a pointer", "(붙임 1 참고) 가상 세부 내용은 누리집에 싣는다.\n",
     [("붙임 1", None)]),
    ("a bracket opening another line is no label", "<표 1> 가상 현황\n[참고] 가상 용어 설명\n", []),
]


@pytest.mark.parametrize("name,tail,expected", LISTINGS, ids=[c[0] for c in LISTINGS])
def test_attachment_listings(name, tail, expected):
    assert attachments(tail) == expected, name


@pytest.mark.parametrize("text,heading", [
    ("개 요", True), ("개  요", True), ("목 차", True), ("차  례", True),
    ("개요", False),                     # unspaced: may be a title's word
    ("행사 개요", False), ("개 요 및 일정", False),
])
def test_is_heading_word(text, heading):
    assert is_heading_word(text, LEX) is heading


# --- a title written again is not its subtitle ------------------------------------------------

def test_a_title_line_repeated_below_the_quoted_headline_is_no_subtitle():
    """A record quotes its headline ('> …') and its body opens with the same line: the title is
    written twice, and the subtitle is only what follows."""
    def record(extra: str) -> dict:
        return pipeline.parse_text(
            '---\ntitle: "가상 제도 다음 달 시행"\nministry: "가상부"\napprove_date: "04/10/2026 09:05:00"\n---\n\n'
            "# 가상 제도 다음 달 시행\n\n- 배포일: 04/10/2026 09:05:00\n\n> 가상 제도 다음 달 시행\n\n## 본문\n\n"
            f"가상 제도 다음 달 시행\n\n{extra}"
            "□ 가상부는 새 제도를 다음 달부터 시행한다고 밝혔으며 자세한 내용은 누리집에 싣는다.\n")["release"]
    plain = record("")
    assert (plain["title"], plain["subtitle"]) == ("가상 제도 다음 달 시행", None)
    subtitled = record("- 가상시 전역에서 온라인으로 신청 -\n\n")
    assert (subtitled["title"], subtitled["subtitle"]) == ("가상 제도 다음 달 시행", "가상시 전역에서 온라인으로 신청")
