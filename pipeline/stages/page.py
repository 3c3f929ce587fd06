"""The board page around the release: breadcrumbs, board, headline, author, posted date,
views and the page's own contact (never a release contact).

Reads: lines, blocks, front_matter. Writes: page.
Example: '작성자 혁**** 작성일 04/07/23 (12:07) 조회수 6331'
         → author '혁****', posted_at '2004-07-23T12:07:00+09:00', views 6331.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Any

from ..document import BlockKind, Document, Line, Span
from ..lexicon import Lexicon
from ..text import collapse, format_phone, split_person, trimmed

K = BlockKind
KST = "+09:00"


def two_digit_year(yy: int) -> int:
    """Two-digit years: 00–49 → 20xx, 50–99 → 19xx."""
    return 2000 + yy if yy < 50 else 1900 + yy


def parse_board_date(value: str, time: str | None) -> str | None:
    """'04/07/23' + '12:07' → '2004-07-23T12:07:00+09:00'; '2024-03-05' → '2024-03-05'.

    Boards write YY/MM/DD or YYYY-MM-DD; the korea.kr API writes MM/DD/YYYY."""
    parts = [int(p) for p in re.split(r"[./\-]\s?", value.strip()) if p]
    if len(parts) != 3:
        return None
    if parts[2] > 999:                       # MM/DD/YYYY
        month, day, year = parts
    else:
        year, month, day = parts
        year = two_digit_year(year) if year < 100 else year
    try:
        day_iso = date(year, month, day).isoformat()
    except ValueError:
        return None
    if not time:
        return day_iso
    hh, mm, *ss = (int(p) for p in time.split(":"))
    if hh > 23 or mm > 59:
        return day_iso
    return f"{day_iso}T{hh:02d}:{mm:02d}:{(ss[0] if ss else 0):02d}{KST}"


def match_field(lines: list[Line], pattern: re.Pattern[str], label_re: re.Pattern[str]) -> tuple[re.Match[str], Line] | None:
    """First line where `pattern` matches; a bare label line is joined to the next line."""
    for i, line in enumerate(lines):
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
    """'알림마당>기정원소식 상세페이지' → ['알림마당', '기정원소식']; '홈 > …' loses 홈."""
    roots = set(lex.boilerplate["breadcrumb_roots"])
    for line in lines:
        m = lex.BREADCRUMB_RE.match(line.text)
        if m:
            crumbs = [collapse(c) for c in m.group("trail").split(">")]
            return [c for c in crumbs if c and c not in roots]
    return []


def is_board_title(line: Line, lex: Lexicon) -> bool:
    """'보도자료' alone above the headline: the board's own name."""
    return bool(line.text) and len(line.text) <= 20 and not lex.HEADLINE_TAG_RE.match(line.text) \
        and not lex.PAGE_LABEL_RE.match(line.text) and not any(
            p.search(line.text) for p in (lex.PAGE_AUTHOR_RE, lex.PAGE_POSTED_RE, lex.PAGE_VIEWS_RE))


def parse_page_contact(doc: Document, lex: Lexicon) -> dict[str, Any] | None:
    """'담당부서소통홍보팀 담당자김민철 팀장 전화번호 044-300-0720' (one line, or label/value lines)."""
    lines = [l for l in doc.lines_of(K.PAGE_FOOTER) if l.text]
    if not lines:
        return None
    joined = " ".join(l.text for l in lines)
    m = lex.PAGE_CONTACT_RE.match(joined)
    if not m:
        return None
    name, title = split_person(m.group("person"), lex.PERSON_TITLE_RE)
    phone = format_phone(m.group("phone").strip())
    span = trimmed(doc.text, lines[0].content.start, lines[-1].content.end)
    return {"department": collapse(m.group("department")), "name": name, "title": title,
            "phone": phone[0] if phone else collapse(m.group("phone")), "span": span.to_json()}


def from_board(doc: Document, lex: Lexicon) -> dict[str, Any] | None:
    header = [l for l in doc.lines_of(K.PAGE_HEADER) if l.text]
    crumbs = [l for l in doc.lines_of(K.BREADCRUMB) if l.text]
    contact = parse_page_contact(doc, lex)
    if not header and not crumbs and contact is None:
        return None
    page: dict[str, Any] = {"breadcrumbs": parse_breadcrumbs(crumbs, lex), "board": None, "headline": None,
                            "author": None, "posted_at": None, "views": None, "contact": contact}
    spans: dict[str, list[int]] = {}
    for line in header:
        if page["headline"] is None and lex.HEADLINE_TAG_RE.match(line.text):
            page["headline"], spans["headline"] = collapse(line.text), line.content.to_json()
        elif page["board"] is None and page["headline"] is None and is_board_title(line, lex):
            page["board"], spans["board"] = collapse(line.text), line.content.to_json()
    for key, pattern, group in (("author", lex.PAGE_AUTHOR_RE, "author"), ("posted_at", lex.PAGE_POSTED_RE, "date"),
                                ("views", lex.PAGE_VIEWS_RE, "views")):
        found = match_field(header, pattern, lex.PAGE_LABEL_RE)
        if not found:
            continue
        m, line = found
        if key == "posted_at":
            page[key] = parse_board_date(m.group("date"), m.group("time"))
        elif key == "views":
            page[key] = int(m.group("views").replace(",", ""))
        else:
            page[key] = m.group(group)
        span = value_span(m, group, line)
        if span:
            spans[key] = span.to_json()
    page["spans"] = spans
    return page


def from_front_matter(doc: Document, page: dict[str, Any] | None) -> dict[str, Any] | None:
    """A korea.kr record's front matter: title → headline, approve_date → posted_at, …"""
    fm = doc.front_matter
    if not fm:
        return page
    page = page or {"breadcrumbs": [], "board": None, "headline": None, "author": None,
                    "posted_at": None, "views": None, "contact": None, "spans": {}}
    posted = fm.get("approve_date", "")
    m = re.match(r"(?P<date>[\d/.\-]+)(?:\s+(?P<time>\d{1,2}:\d{2}(?::\d{2})?))?", posted)
    page["headline"] = page["headline"] or (collapse(fm["title"]) if fm.get("title") else None)
    page["posted_at"] = page["posted_at"] or (parse_board_date(m.group("date"), m.group("time")) if m else None)
    page["ministry"] = collapse(fm["ministry"]) if fm.get("ministry") else None
    page["original_url"] = fm.get("original_url") or None
    return page


def run(doc: Document, lex: Lexicon) -> None:
    doc.page = from_front_matter(doc, from_board(doc, lex))
