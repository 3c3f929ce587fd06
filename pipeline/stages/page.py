"""The board page around the release: breadcrumbs, board, headline, author, posted date,
views, the page's own contact (never a release contact) and the site's logos (alt text).

Reads: lines, blocks, front_matter. Writes: page.
Example: '작성자 혁**** 작성일 04/07/23 (12:07) 조회수 6331'
         → author '혁****', posted_at '2004-07-23T12:07:00+09:00', views 6331.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from typing import Any

from ..document import Block, BlockKind, Document, Line, Span
from ..lexicon import Lexicon
from ..text import collapse, format_phone, has_hangul, split_person
from .render import OVERSIZED_TAG_RE, parse_html

K = BlockKind
KST = "+09:00"
KST_ZONE = timezone(timedelta(hours=9))
HEADLINE_MIN = 12       # board names are shorter ("보도자료/해명"); a longer header line is the headline


def two_digit_year(yy: int) -> int:
    """Two-digit years: 00–49 → 20xx, 50–99 → 19xx."""
    return 2000 + yy if yy < 50 else 1900 + yy


# --- the post's date -------------------------------------------------------------------
# Boards and records write the date after their label in several forms. A form is read only
# when its order is certain; one whose order two conventions dispute is left unread rather than
# guessed, and a date the calendar lacks (month 13, day 32, 30 February) is None, never
# reordered or clamped. Read, in BOARD_DATE_FORMS' order:
#   - the year first, four digits: '2025-12-12', '2025.12.10', '2024. 3. 5.', '2024/03/05' —
#     ISO's order and the official dotted form, which no convention writes otherwise;
#   - the year first, two digits (or an apostrophe's): '04/07/23' (the 2004 seed's board),
#     '24.3.5', "'24.3.5." — the Korean order, year, month, day (00–49 → 20xx, 50–99 → 19xx);
#     a board writing MM/DD/YY would be misread here, and none seen does (all Korean boards in
#     the corpus and the conventions write the year first);
#   - the month first, slashes and a four-digit year: '04/10/2026' — the korea.kr API's
#     approve_date and 게시 시각 (1,044 of them in the corpus, all month first);
#   - 'YYYY년 M월 D일'.
# Left unread: the year last with dots or dashes ('10.04.2026', '10-04-2026': day first in
# Europe, month first in America, and no Korean source's own); one-digit or three-digit years;
# a separator that changes inside the date ('2024.03-05'). The year first is tried before the
# month first, so that '2024/04/10' and '04/10/2026' each have one reading.
# The same separator twice, one blank after each at most (YEAR_FIRST_DATE_RE, MONTH_FIRST_DATE_RE).

def year_first(value: str, lex: Lexicon) -> tuple[int, int, int] | None:
    """'2024. 3. 5.' → (2024, 3, 5); '04/07/23' → (2004, 7, 23); "'24.3.5" → (2024, 3, 5)."""
    m = lex.YEAR_FIRST_DATE_RE.fullmatch(value)
    if not m:
        return None
    year, month, day = m.group("year", "month", "day")      # one call for the three
    year = year.lstrip("'‘’´")
    return (int(year) if year[2:] else two_digit_year(int(year))), int(month), int(day)


def month_first_slashed(value: str, lex: Lexicon) -> tuple[int, int, int] | None:
    """'4/10/2026' → (2026, 4, 10): the korea.kr API's order (its zero-padded form takes
    api_date's fast path before this table)."""
    m = lex.MONTH_FIRST_DATE_RE.fullmatch(value)
    if not m:
        return None
    year, month, day = m.group("year", "month", "day")
    return int(year), int(month), int(day)


def korean_full(value: str, lex: Lexicon) -> tuple[int, int, int] | None:
    """'2024년 3월 5일' → (2024, 3, 5)."""
    m = lex.KOREAN_FULL_DATE_RE.fullmatch(value)
    if not m:
        return None
    year, month, day = m.group("year", "month", "day")
    return int(year), int(month), int(day)


BOARD_DATE_FORMS = (
    ("year_first", year_first),
    ("month_first_slashed", month_first_slashed),
    ("korean_full", korean_full),
)


def read_board_day(value: str, lex: Lexicon) -> str | None:
    """The ISO day of a date written in one of BOARD_DATE_FORMS; None for any other form and
    for a day the calendar lacks."""
    for _name, rule in BOARD_DATE_FORMS:
        parts = rule(value, lex)
        if parts is None:
            continue
        try:
            return date(*parts).isoformat()
        except ValueError:          # '2024-13-01', '2024-02-30': impossible, not misread
            return None
    return None


def parse_board_date(value: str, time: str | None, lex: Lexicon, meridiem: str | None = None) -> str | None:
    """'04/07/23' + '12:07' → '2004-07-23T12:07:00+09:00'; '2024-03-05' → '2024-03-05';
    '04/10/2026' + '2:30' + '오후' → '2026-04-10T14:30:00+09:00'; '10.04.2026' → None.

    The forms read are BOARD_DATE_FORMS' (see above). The korea.kr API's own form, which every
    record asks once, is read from its groups by api_date (a fast path: the same answer)."""
    value = value.strip()
    api = lex.API_DATE_RE.fullmatch(value)
    if api:
        return api_date(api, time, lex, meridiem)
    day_iso = read_board_day(value, lex)
    return with_time(day_iso, time, lex, meridiem) if day_iso else None


def twelve_hour(hh: int, meridiem: str, lex: Lexicon) -> int | None:
    """'오후' 2 → 14, '오전' 12 → 0, 'PM' 12 → 12; an hour past 12 with a half of the day is no
    time (None)."""
    if not 1 <= hh <= 12:
        return None
    pm = meridiem in lex.labels["dates"]["pm"]
    return (hh % 12) + (12 if pm else 0)


def with_time(day_iso: str, time: str | None, lex: Lexicon, meridiem: str | None = None) -> str:
    """'2004-07-23' + '12:07' → '2004-07-23T12:07:00+09:00'; the day alone without a time or
    with one out of range. `meridiem`, when written ('오후', 'PM'), makes a 12-hour time."""
    if not time:
        return day_iso
    if meridiem is None and lex.API_TIME_RE.fullmatch(time):     # zero-padded already: written as it stands
        return day_iso if time[:2] > "23" or time[3:5] > "59" or time[6:8] > "59" else f"{day_iso}T{time}{KST}"
    hh, mm, *ss = map(int, time.split(":"))
    if meridiem is not None:
        hh = twelve_hour(hh, meridiem, lex)
        if hh is None:
            return day_iso
    if hh > 23 or mm > 59 or (ss and ss[0] > 59):
        return day_iso
    # One %-format of a tuple, not three format specs in an f-string (each parsed by its own call).
    return "%sT%02d:%02d:%02d%s" % (day_iso, hh, mm, ss[0] if ss else 0, KST)


def api_date(m: re.Match[str], time: str | None, lex: Lexicon, meridiem: str | None = None) -> str | None:
    """parse_board_date of the korea.kr API's form ('12/26/2025', API_DATE_RE): its digits are
    the ISO date's already, so the date is written from them and date.fromisoformat checks the
    calendar, where int() of each part, date() and isoformat() cost ~28k callgrind instructions
    a record (~8k this way; test_cost_krfixed2 holds it to the general rule)."""
    month, day, year = m.groups()
    day_iso = f"{year}-{month}-{day}"
    try:
        date.fromisoformat(day_iso)
    except ValueError:      # no such day ('02/30/2024')
        return None
    return with_time(day_iso, time, lex, meridiem)


def posted_meridiem(m: re.Match[str]) -> str | None:
    """The half of the day PAGE_POSTED_RE found before or after the time, if any."""
    before, after = m.group("meridiem", "meridiem_after")
    return before or after


def match_field(lines: list[Line], pattern: re.Pattern[str], label_re: re.Pattern[str],
                fielded: list[bool]) -> tuple[re.Match[str], Line] | None:
    """First line where `pattern` matches; a bare label line is joined to the next line. Only
    the lines holding a field's label word (`fielded`) are tried: the pattern and the bare
    label both need one."""
    for i, line in enumerate(lines):
        if not fielded[i]:
            continue
        m = pattern.search(line.text)
        if m:
            return m, line
        if label_re.match(line.text) and i + 1 < len(lines):
            joined = f"{line.text} {lines[i + 1].text}"
            m = pattern.search(joined)
            if m:
                return m, lines[i + 1]
    return None


def value_span(m: re.Match[str], group: str, line: Line) -> Span | None:
    """Span of a matched value inside its line (found by text, so joined labels work too)."""
    value = m.group(group)
    at = line.text.find(value)
    return Span(line.content.start + at, line.content.start + at + len(value)) if at >= 0 else None


def parse_breadcrumbs(lines: list[Line], lex: Lexicon) -> list[str]:
    """'알림마당>기정원소식 상세페이지' → ['알림마당', '기정원소식']; a trail rendered one crumb
    per line ('홈' / '알림마당' / '담양뉴스') counts from its last root ('홈', 'HOME')."""
    if not lines:
        return []
    roots = set(lex.boilerplate["breadcrumb_roots"])
    for line in lines:
        m = lex.BREADCRUMB_RE.match(line.text)
        if m:
            crumbs = [collapse(c) for c in m.group("trail").split(">")]
            return [c for c in crumbs if c and c not in roots]
    texts = [collapse(l.text) for l in lines if l.text]
    last_root = max((i for i, t in enumerate(texts) if t in roots), default=-1)
    crumbs: list[str] = []
    for text in texts[last_root + 1:]:
        if len(text) <= 20 and (not crumbs or crumbs[-1] != text):
            crumbs.append(text)
    return crumbs


def has_field_word(line: Line, lex: Lexicon) -> bool:
    """A label word of the board's fields (작성자, 작성일, 조회수 …) in the line: every field
    pattern and the bare label need one, and most lines of a page hold none."""
    return bool(lex.PAGE_FIELD_WORD_RE.search(line.text))


def is_field_line(line: Line, lex: Lexicon, fielded: bool | None = None) -> bool:
    """A line of the board's fields; `fielded`, when known, is has_field_word(line)."""
    if not (has_field_word(line, lex) if fielded is None else fielded):
        return False        # each pattern below needs one of the board's labels
    return bool(lex.PAGE_LABEL_RE.match(line.text)) or any(
        p.search(line.text) for p in (lex.PAGE_AUTHOR_RE, lex.PAGE_POSTED_RE, lex.PAGE_VIEWS_RE))


def is_board_title(line: Line, lex: Lexicon, fielded: bool | None = None) -> bool:
    """'보도자료' alone above the headline: the board's own name. (The board word, one search
    of a short line, is asked first: most lines hold none.)"""
    return bool(line.text) and len(line.text) <= HEADLINE_MIN and lex.PAGE_BOARD_WORD_RE.search(line.text) is not None \
        and not lex.HEADLINE_TAG_RE.match(line.text) \
        and not is_field_line(line, lex, fielded) and not is_title_label(line, lex)


def is_title_label(line: Line, lex: Lexicon) -> bool:
    """'제목', '제 목' alone: the label of a board's th/td or dt/dd pair, not a board name."""
    m = lex.TITLE_LABEL_RE.match(line.text)
    return bool(m) and not m.group("rest")


def labelled_headline(header: list[Line], lex: Lexicon, fielded: list[bool],
                      labels: list[bool] | None = None) -> Line | None:
    """'제목' / '마을 도서관 개관': the value after a bare title label is the headline.
    `labels`, when known, is is_title_label of each line."""
    labels = [is_title_label(l, lex) for l in header] if labels is None else labels
    for k, line in enumerate(header[:-1]):
        if labels[k] and not is_field_line(header[k + 1], lex, fielded[k + 1]):
            return header[k + 1]
    return None


def line_flags(header: list[Line], joined: str, lex: Lexicon) -> tuple[list[bool], list[bool]]:
    """has_field_word and is_title_label of each header line, which several rules ask. Most
    headers (every korea.kr record's) hold no field word and no '제' of a title label at all:
    a search of the joined lines for each settles every line at once (a field word holds no
    line end, so none is found across two lines; a label found across two is only a needless
    look at each line). `joined`: the lines' texts joined by line ends."""
    fielded = [has_field_word(l, lex) for l in header] if lex.PAGE_FIELD_WORD_RE.search(joined) \
        else [False] * len(header)
    labels = [is_title_label(l, lex) for l in header] if lex.TITLE_LABEL_WORD_RE.search(joined) \
        else [False] * len(header)
    return fielded, labels


def page_contact_fields(text: str, lex: Lexicon) -> dict[str, str]:
    """'담당부서소통홍보팀 담당자김민철 팀장 전화번호 044-300-0720' → {department, person, phone}:
    each value runs from its label to the next label, glued or not."""
    labels = list(lex.PAGE_CONTACT_LABEL_RE.finditer(text))
    fields: dict[str, str] = {}
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        value = collapse(text[m.end():end].strip(" :"))
        if m.lastgroup != "stop" and value and m.lastgroup not in fields:
            fields[m.lastgroup] = value
    return fields


def unlabelled_contact(text: str, lex: Lexicon) -> dict[str, str]:
    """'기획예산과 홍보팀 ☎ 061-240-8365' → department and phone, without labels."""
    m = lex.PHONE_RE.search(text)
    if not m:
        return {}
    department = collapse(text[:m.start()].strip(" :☎☏()"))
    return {"phone": m.group("phone"), **({"department": department} if department else {})}


def may_hold_contact(text: str, lex: Lexicon) -> bool:
    """Whether `text` can yield a department or a phone: a department or phone label word as a
    substring, or a phone's tail (PHONE_RE's every phone holds one, see phones.py). Most headers
    (every korea.kr record's) hold none, and these searches skip ahead in C to the words' and the
    tails' first letters where the label scan and PHONE_RE try every position."""
    return bool(lex.PAGE_CONTACT_WORD_RE.search(text) or lex.PHONE_TAIL_DASH_RE.search(text)
                or lex.PHONE_TAIL_DOT_RE.search(text))


def blocks_by_kind(doc: Document) -> dict[BlockKind, list[Block]]:
    """The document's blocks by kind, in order: page asks for five kinds' blocks, and each
    doc.blocks_of is a pass over every block."""
    kinds: dict[BlockKind, list[Block]] = {}
    for block in doc.blocks:
        kinds.setdefault(block.kind, []).append(block)
    return kinds


def parse_page_contact(doc: Document, lex: Lexicon,
                       kinds: dict[BlockKind, list[Block]] | None = None) -> dict[str, Any] | None:
    """The page's own contact box; the last one on the page when there are several (the
    board's 부서명 field may come first, the page manager's box at the bottom); without one,
    the board's own 부서명/전화번호 fields among its header fields. `kinds`, when known, is
    blocks_by_kind(doc)."""
    kinds = blocks_by_kind(doc) if kinds is None else kinds
    for block in kinds.get(K.PAGE_FOOTER, [])[::-1] or kinds.get(K.PAGE_HEADER, []):
        lines = [doc.lines[i] for i in range(block.first, block.last) if doc.lines[i].text]
        joined = " ".join([l.text for l in lines])
        if not may_hold_contact(joined, lex):
            continue
        fields = page_contact_fields(joined, lex) or unlabelled_contact(joined, lex)
        if "department" not in fields and "phone" not in fields:
            continue
        name, title = split_person(fields.get("person", ""), lex.PERSON_TITLE_RE)
        m = lex.PHONE_RE.search(fields.get("phone", ""))
        phone = format_phone(m.group("phone")) if m else None
        return {"department": fields.get("department"), "name": name, "title": title,
                "phone": phone[0] if phone else (collapse(m.group("phone")) if m else None),
                "span": block.span.to_json()}
    return None


def parse_post_contact(doc: Document, lex: Lexicon,
                       kinds: dict[BlockKind, list[Block]] | None = None) -> dict[str, Any] | None:
    """The board post's own 부서명/전화번호 fields, labelled and standing before the release's
    body ('부서명 보건환경연구원 감염병연구부 감염병조사과 전화번호 054-339-8233' between the
    headline and 작성자): the department that posted the release and its phone. The site's
    content-manager box further down (page.contact) is no such field. The phone's span points
    at the number itself. `kinds`, when known, is blocks_by_kind(doc)."""
    kinds = blocks_by_kind(doc) if kinds is None else kinds
    body = kinds.get(K.BODY)
    if not body:
        return None
    for block in kinds.get(K.PAGE_FOOTER, ()):
        if block.first >= body[0].first:
            break
        lines = [doc.lines[i] for i in range(block.first, block.last) if doc.lines[i].text]
        fields = page_contact_fields(" ".join(l.text for l in lines), lex)
        found = next(((m, l) for l in lines if (m := lex.PHONE_RE.search(l.text))), None)
        if not fields.get("department") or found is None:
            continue
        m, line = found
        phone = format_phone(m.group("phone"))
        if phone is None:
            continue
        start = line.content.start + m.start("phone")
        return {"department": fields["department"], "phone": phone[0], "phone_e164": phone[1],
                "span": [start, start + len(m.group("phone"))]}
    return None


def from_board(doc: Document, lex: Lexicon, kinds: dict[BlockKind, list[Block]] | None = None) -> dict[str, Any] | None:
    """The board's own fields around the release. `kinds`, when known, is blocks_by_kind(doc)."""
    kinds = blocks_by_kind(doc) if kinds is None else kinds
    lines = doc.lines
    header = [lines[i] for b in kinds.get(K.PAGE_HEADER, ()) for i in range(b.first, b.last) if lines[i].text]
    crumbs = [lines[i] for b in kinds.get(K.BREADCRUMB, ()) for i in range(b.first, b.last) if lines[i].text]
    contact = parse_page_contact(doc, lex, kinds)
    if not header and not crumbs and contact is None:
        return None
    page: dict[str, Any] = {"breadcrumbs": parse_breadcrumbs(crumbs, lex), "board": None, "headline": None,
                            "author": None, "posted_at": None, "views": None, "contact": contact}
    spans: dict[str, list[int]] = {}
    joined = "\n" + "\n".join([l.text for l in header])
    fielded, labels = line_flags(header, joined, lex)      # asked of every line by several rules
    labelled = labelled_headline(header, lex, fielded, labels)
    # A line after a bare label ('작성자' / '홍보팀') is that label's value, never the board's name.
    values = {id(header[k + 1]) for k, l in enumerate(header[:-1])
              if fielded[k] and lex.PAGE_LABEL_RE.match(l.text) or labels[k]}
    tagged = "\n[" in joined       # HEADLINE_TAG_RE's line opens with '[' (and lines are stripped)
    for k, line in enumerate(header):
        if page["headline"] is None and tagged and lex.HEADLINE_TAG_RE.match(line.text):
            page["headline"], spans["headline"] = collapse(line.text), line.content.to_json()
        # (A board's name is short: the longer lines, most of a header, are passed without the call.)
        elif page["board"] is None and page["headline"] is None and len(line.text) <= HEADLINE_MIN \
                and is_board_title(line, lex, fielded[k]) and id(line) not in values:
            page["board"], spans["board"] = collapse(line.text), line.content.to_json()
    if labelled and page["headline"] is None:
        page["headline"], spans["headline"] = collapse(labelled.text), labelled.content.to_json()
    if page["headline"] is None:   # past the board's name, field labels and their values
        titled = next((l for k, l in enumerate(header)
                       if (len(l.text) > HEADLINE_MIN or not page["board"] and k == 0) and id(l) not in values
                       and has_hangul(l.text) and not is_field_line(l, lex, fielded[k])
                       and l.content.to_json() != spans.get("board") and not lex.PAGE_CONTACT_LABEL_RE.match(l.text)),
                      None)
        if titled:
            page["headline"], spans["headline"] = collapse(titled.text), titled.content.to_json()
    for key, pattern, group in (("author", lex.PAGE_AUTHOR_RE, "author"), ("posted_at", lex.PAGE_POSTED_RE, "date"),
                                ("views", lex.PAGE_VIEWS_RE, "views")):
        found = match_field(header, pattern, lex.PAGE_LABEL_RE, fielded) if any(fielded) else None
        if not found:
            continue
        m, line = found
        if key == "posted_at":
            page[key] = parse_board_date(m.group("date"), m.group("time"), lex, posted_meridiem(m))
        elif key == "views":
            page[key] = int(m.group("views").replace(",", ""))
        else:
            page[key] = m.group(group)
        span = value_span(m, group, line)
        if span:
            spans[key] = span.to_json()
    if page["posted_at"] is None and lex.LINE_OPENS_WITH_DIGIT_RE.search(joined):     # a bare date opens its line
        bare = next(((m, l) for l in header if (m := lex.PAGE_BARE_DATE_RE.match(l.text))), None)
        if bare:
            page["posted_at"] = parse_board_date(bare[0].group("date"), bare[0].group("time"), lex)
            spans["posted_at"] = bare[1].content.to_json()
    post = parse_post_contact(doc, lex, kinds)
    if post and (contact is None or contact.get("span", [None])[0] != block_start(doc, post["span"][0])):
        page["post_contact"] = post
    page["spans"] = spans
    return page


def block_start(doc: Document, offset: int) -> int | None:
    """The start of the block holding `offset`."""
    return next((b.span.start for b in doc.blocks if b.span.start <= offset < b.span.end), None)


def with_offset(when: str, offset: str) -> str:
    """A record's datetime written with another offset than Korea's, in Korea's time:
    '2025-12-03T00:00:00+09:00' + 'Z' (what parse_board_date wrote, then the offset written)
    → '2025-12-03T09:00:00+09:00'. A day alone has no time to move."""
    if "T" not in when:
        return when
    written = datetime.fromisoformat(when.removesuffix(KST) + ("+00:00" if offset == "Z" else offset))
    return written.astimezone(KST_ZONE).isoformat()


def record_date(value: str, lex: Lexicon) -> str | None:
    """A record's date field: '11/10/2020 10:08:51' → '2020-11-10T10:08:51+09:00';
    '2025-12-03T09:00:00+09:00' → the same; '2025-12-03' → '2025-12-03'; any other form None."""
    m = lex.APPROVE_DATE_RE.match(value)
    if not m:
        return None
    day, time, offset = m.group("date", "time", "offset")
    when = parse_board_date(day, time, lex)
    # Korea's offset (or none) is what parse_board_date writes: only another one is converted.
    return with_offset(when, offset) if when and offset and offset not in KST_OFFSETS else when


KST_OFFSETS = (KST, "+0900")


def record_posted(fm: dict[str, Any], lex: Lexicon) -> tuple[str | None, str | None]:
    """(posted_at, the field's value as written) from the first of the record's date fields
    (labels.toml [page] record_date_fields) that holds a date page reads. (A value that is no
    string, a JSON record's number, is none: the test is its class, no call a record.)"""
    for key in lex.labels["page"]["record_date_fields"]:
        value = fm.get(key)
        if value.__class__ is str and value:
            when = record_date(value, lex)
            if when:
                return when, value
    return None, None


def from_front_matter(doc: Document, page: dict[str, Any] | None, lex: Lexicon,
                      header: list[Block] | None = None) -> dict[str, Any] | None:
    """A korea.kr record's front matter or a JSON record's fields: title → headline, the first
    date field → posted_at (record_posted), ministry, original_url, news_item_id; each value the
    record's header repeats as an item is spanned there (record_spans). `header`: the page
    header blocks."""
    fm = doc.front_matter
    if not fm:
        return page
    page = page or {"breadcrumbs": [], "board": None, "headline": None, "author": None,
                    "posted_at": None, "views": None, "contact": None, "spans": {}}
    posted = None
    if page["posted_at"] is None:
        page["posted_at"], posted = record_posted(fm, lex)
    # The record's own title wins over a line the board rules took for a headline ('배포일: …').
    page["headline"] = collapse(fm["title"]) if fm.get("title") else page["headline"]
    ministry = fm.get("ministry")
    page["ministry"] = collapse(ministry) if ministry else None
    page["original_url"] = fm.get("original_url") or None
    news_item = fm.get("news_item_id")
    if news_item is not None:
        page["news_item_id"] = str(news_item)
    if header:
        record_spans(doc.text, header, page["spans"], (("posted_at", posted), ("ministry", ministry),
                     ("original_url", page["original_url"]), ("news_item_id", page.get("news_item_id"))))
    return page


def record_spans(text: str, header: list[Block], spans: dict[str, list[int]],
                 values: tuple[tuple[str, Any], ...]) -> None:
    """Span each value where the record's header writes it as an item's whole value ('- 배포일:
    11/10/2020 10:08:51', '- 부처: 가상부': after the item's colon and a blank, up to the line's
    end), unless spanned already. A value no header line writes has none (a JSON record's
    fields are in no line of text). One search a value, through the header blocks' text only
    (a block's last line's end too)."""
    for key, value in values:
        if value.__class__ is not str or not value or key in spans:
            continue
        needle = f": {value}\n"
        for block in header:
            at = text.find(needle, block.span.start, block.span.end + 1)
            if at >= 0:
                spans[key] = [at + 2, at + len(needle) - 1]
                break


HTML_FORMATS = ("html", "korea_kr_html")


def is_logo(img: Any, words: tuple[str, ...]) -> bool:
    """The image's src, class or id, or its parent's or grandparent's class or id, holds a logo
    word (data/html.toml [logo]): 'gnb_logo.png', 'footerLogo.png', <h1 class="logo">."""
    values = [img.get("src") or "", img.get("class") or "", img.get("id") or ""]
    node = img.getparent()
    for _ in range(2):
        if node is None:
            break
        values += [node.get("class") or "", node.get("id") or ""]
        node = node.getparent()
    return any(word in value.lower() for value in values for word in words)


def page_logos(root: Any, lex: Lexicon) -> list[dict[str, str]]:
    """The site's logos with their alt text, in page order: <img src="/images/common/head_logo.png"
    alt="강진군"> → {'alt': '강진군', 'src': '/images/common/head_logo.png'}. Markup only; a logo
    with an empty alt says nothing."""
    config = lex.html["logo"]
    words = tuple(config["words"])
    logos: list[dict[str, str]] = []
    for img in root.iter("img"):
        alt = collapse(img.get("alt") or "")
        logo = {"alt": alt, "src": img.get("src") or ""}
        if alt and has_hangul(alt) and logo not in logos and is_logo(img, words):
            logos.append(logo)
            if len(logos) >= config["max_logos"]:
                break
    return logos


def title_board(root: Any, lex: Lexicon) -> str | None:
    """The board named in the page's <title>, which many sites write as the menu trail
    ('알림마당>담양뉴스>보도자료 > 상세'): its last crumb holding a board word (data/labels.toml
    [page] board_words), when the page's own heading was not read as the board."""
    title = root.find(".//title")
    text = "".join(title.itertext()) if title is not None else ""
    for separator in lex.html["breadcrumb"]["separators"]:
        text = text.replace(separator, "\n")
    words = lex.labels["page"]["board_words"]
    crumbs = [collapse(c) for c in text.split("\n")]
    boards = [c for c in crumbs if c and len(c) <= HEADLINE_MIN and any(w in c for w in words)]
    return boards[-1] if boards else None


def markup_tree(doc: Document) -> Any:
    """The HTML page's tree as render parsed it (doc.markup); parsed here only when render left
    none (markup without any element, or a document that did not pass through render)."""
    if doc.source.format not in HTML_FORMATS:
        return None
    if doc.markup is not None:
        return doc.markup
    return parse_html(OVERSIZED_TAG_RE.sub(r"<\g<name>>", doc.decoded))[0]


def run(doc: Document, lex: Lexicon) -> None:
    kinds = blocks_by_kind(doc)
    page = from_front_matter(doc, from_board(doc, lex, kinds), lex, kinds.get(K.PAGE_HEADER))
    root = markup_tree(doc)
    if root is None:
        doc.page = page
        return
    if page is not None and page["board"] is None:
        page["board"] = title_board(root, lex)
    logos = page_logos(root, lex)
    if logos:
        page = page or {"breadcrumbs": [], "board": None, "headline": None, "author": None,
                        "posted_at": None, "views": None, "contact": None, "spans": {}}
        page["logos"] = logos
    doc.page = page
