"""The post's date on a board page: each form page.BOARD_DATE_FORMS reads, and the forms it must
leave unread (ambiguous orders) or refuse (impossible days). Cases written for these tests.

Each case is one field line of a made-up board page, parsed end to end; the date's span must
cover the date as written."""
from __future__ import annotations

import pytest

import pipeline
from pipeline.lexicon import load_lexicon
from pipeline.stages.page import parse_board_date

LEX = load_lexicon()

PAGE = """공지사항
알림마당>새소식 상세페이지
[보도자료] 가상 공원 야간 개방 안내
작성자 홍보팀 {field} 조회수 12
□ 시는 다음 달부터 가상 공원을 야간에도 개방한다고 밝혔으며 이용 방법은 누리집에서 알린다.
○ 개방 시간은 평일 저녁 여덟 시부터 열 시까지이며 주말에는 운영하지 않는다.
"""

# (field as the board writes it, posted_at, the date as written — the span's text)
READ = [
    # the year first, four digits: ISO's order and the official dotted form
    ("등록일 2025-12-11", "2025-12-11", "2025-12-11"),
    ("등록일 2025.12.10", "2025-12-10", "2025.12.10"),
    ("게시일 2024. 3. 5.(화) 14:00", "2024-03-05T14:00:00+09:00", "2024. 3. 5"),
    ("작성일시 2024/03/05 09:30", "2024-03-05T09:30:00+09:00", "2024/03/05"),
    ("등록일: 2025-12-12 17:44:00", "2025-12-12T17:44:00+09:00", "2025-12-12"),
    ("작성일 2019-04-02 오후 3:25:00", "2019-04-02T15:25:00+09:00", "2019-04-02"),
    ("작성일 2019-04-02 오전 12:05", "2019-04-02T00:05:00+09:00", "2019-04-02"),
    # the year first, two digits: a Korean board's listing form and the apostrophe year
    ("작성일 04/07/23 (12:07)", "2004-07-23T12:07:00+09:00", "04/07/23"),
    ("등록일자 99-12-31", "1999-12-31", "99-12-31"),
    ("등록일 '24.3.5.", "2024-03-05", "'24.3.5"),
    # the month first with slashes and a four-digit year: the korea.kr API's form
    ("등록일 04/10/2026", "2026-04-10", "04/10/2026"),
    ("등록일 04/10/2026 22:43:22", "2026-04-10T22:43:22+09:00", "04/10/2026"),
    ("등록일 4/9/2026 3:25 PM", "2026-04-09T15:25:00+09:00", "4/9/2026"),
    ("등록일 12/31/2025 12:00 AM", "2025-12-31T00:00:00+09:00", "12/31/2025"),
    # the Korean form
    ("작성일 2024년 3월 5일(화)", "2024-03-05", "2024년 3월 5일"),
    ("작성일 2024년 3월 5일 10:15", "2024-03-05T10:15:00+09:00", "2024년 3월 5일"),
    # a time the clock lacks leaves the day alone
    ("작성일 2024-03-05 25:00", "2024-03-05", "2024-03-05"),
    ("작성일 2024-03-05 오후 14:00", "2024-03-05", "2024-03-05"),
    ("작성일 2024-03-05 12:30:75", "2024-03-05", "2024-03-05"),    # second 75: was a schema error
]

UNREAD = [
    ("등록일 13/04/2026", "month 13: a day-first date, not reordered"),
    ("등록일 10.04.2026", "the year last with dots: day first or month first, undecided"),
    ("등록일 10-04-2026", "the year last with dashes: undecided"),
    ("작성일 2024-13-01", "month 13"),
    ("작성일 2024-02-30", "30 February"),
    ("작성일 2024.01.32", "day 32"),
    ("작성일 2024.03-05", "the separator changes inside the date"),
    ("작성일 12/31/24", "a two-digit year last: impossible as the year first, never reordered"),
    ("작성일 4/7/23", "a one-digit year"),
    ("작성일 2024-03-0512", "a day of four digits: never cut to 2024-03-05"),
    ("작성일 202-03-05", "a three-digit year"),
]


@pytest.mark.parametrize("field,posted,written", READ, ids=[c[0] for c in READ])
def test_board_date_forms_are_read(field, posted, written):
    record = pipeline.parse_text(PAGE.format(field=field))
    page = record["page"]
    assert page["posted_at"] == posted
    start, end = page["spans"]["posted_at"]
    assert record["text"][start:end] == written


@pytest.mark.parametrize("field,why", UNREAD, ids=[c[0] for c in UNREAD])
def test_ambiguous_or_impossible_dates_are_left_unread(field, why):
    record = pipeline.parse_text(PAGE.format(field=field))
    assert record["page"]["posted_at"] is None, why


def test_the_label_still_splits_author_and_views_around_an_unread_date():
    """An unread date costs only the date: the author and views beside it are still read."""
    page = pipeline.parse_text(PAGE.format(field="등록일 10.04.2026"))["page"]
    assert (page["author"], page["views"]) == ("홍보팀", 12)


@pytest.mark.parametrize("value,time,meridiem,expected", [
    ("01/09/2020", "15:44:06", None, "2020-01-09T15:44:06+09:00"),     # approve_date, fast path
    ("01/09/2020", "15:44:60", None, "2020-01-09"),                    # second 60
    ("1/9/2020", "15:44:06", None, "2020-01-09T15:44:06+09:00"),       # not zero-padded
    ("02/30/2024", "10:00:00", None, None),
    ("2024-03-05", "2:30", "PM", "2024-03-05T14:30:00+09:00"),
    ("2024-03-05", "12:30", "오후", "2024-03-05T12:30:00+09:00"),
    ("2024-03-05", "0:30", "오전", "2024-03-05"),                       # no hour 0 on a 12-hour clock
])
def test_parse_board_date(value, time, meridiem, expected):
    assert parse_board_date(value, time, LEX, meridiem) == expected


def test_record_header_dates_are_read_once_by_render():
    """A record saved without front matter: render's header_fields turns '- 게시 시각:' into the
    record's approve_date, and page reads that through the same date forms — the page's own
    labels do not list 게시 시각 (one place reads it)."""
    assert "게시 시각" not in LEX.labels["page"]["posted"] and "게시시각" not in LEX.labels["page"]["posted"]
    text = ("# 가상 정책 발표\n\n- 부처: 가상부\n- 게시 시각: 04/10/2026 22:43:22\n\n## 본문\n\n"
            "□ 가상부는 새 정책을 발표했다고 밝혔으며 자세한 내용은 누리집에 싣는다.\n")
    record = pipeline.parse_text(text)
    assert record["page"]["posted_at"] == "2026-04-10T22:43:22+09:00"
