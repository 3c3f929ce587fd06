"""Event: the forum, meeting or ceremony a release announces — name, dates, venue, hosts.

Reads: text, sections, release (embargo date), page (posted date), organizations.
Writes: event.
Example: '□ 중소기업청(廳長: 柳昌茂)과 중소기업정보화경영원(院長: 白洛基)은 7월 15일과 16일에
서울 강남 노보텔 앰버서더에서「2004 APEC 중소기업 정보화 정책포럼」을 개최함'
→ {name: '2004 APEC 중소기업 정보화 정책포럼', start_date: '2004-07-15',
   end_date: '2004-07-16', venue: '서울 강남 노보텔 앰버서더',
   hosts: ['중소기업청', '중소기업정보화경영원']}.

The lead is the first bullet that names an event verb (개최, 열린다 …) with a 「name」 or a
date. A date without a year takes the year of the embargo date, else of the page's posted
date, else a year written in the event's name; a January event announced in December
belongs to the next year.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Any

from ..document import Document, Node
from ..lexicon import Lexicon
from ..semantic import Event
from ..text import collapse, content_start, walk


def is_lead(text: str, node: Node, lex: Lexicon) -> bool:
    """'… 「2004 APEC 중소기업 정보화 정책포럼」을 개최함'."""
    start = content_start(text, node)
    if not lex.EVENT_VERB_RE.search(text, start, node.span.end):
        return False
    return bool(match_name(text, start, node.span.end, lex)
                or lex.EVENT_DATES_RE.search(text, start, node.span.end))


def match_name(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """The 「name」 that is the verb's object ('「…」을 개최함'); a 「law」 elsewhere is not it."""
    verb = lex.EVENT_VERB_RE.search(text, start, end)
    if verb is None:
        return None
    near = verb.start() - lex.semantic["event"]["name_to_verb"]
    names = [m for m in lex.EVENT_NAME_RE.finditer(text, start, verb.start()) if m.end() >= near]
    return collapse(names[-1].group("name")) if names else None


def match_dates(text: str, node: Node, lex: Lexicon) -> re.Match[str] | None:
    """'7월 15일과 16일', '7월 15~16일', '2004년 7월 15일(목)부터 17일(토)까지', '11월 23일부터 5일간'."""
    for m in lex.EVENT_DATES_RE.finditer(text, content_start(text, node), node.span.end):
        if m.group("day1") or m.group("d2") or m.group("ndays"):
            return m
    return None


def year_of(value: Any) -> tuple[int, int] | None:
    """(year, month) of an ISO date or date-time string."""
    if isinstance(value, str) and len(value) >= 7 and value[:4].isdigit() and value[5:7].isdigit():
        return int(value[:4]), int(value[5:7])
    return None


def reference_year(doc: Document, name: str | None, lex: Lexicon) -> tuple[int, int] | None:
    """(year, month) to complete a date without a year: embargo, posted date, the event's name."""
    embargo = (doc.release or {}).get("embargo") or {}
    for value in (embargo.get("date"), (doc.page or {}).get("posted_at")):
        found = year_of(value)
        if found:
            return found
    m = lex.YEAR_IN_NAME_RE.search(name or "")
    return (int(m.group("year")), 0) if m else None


def make_date(year: str | None, month: str, day: str, ref: tuple[int, int] | None) -> dt.date | None:
    if year:
        y = int(year)
    elif ref:
        y = ref[0] + (1 if ref[1] == 12 and int(month) == 1 else 0)
    else:
        return None
    try:
        return dt.date(y, int(month), int(day))
    except ValueError:
        return None


def parse_dates(m: re.Match[str], ref: tuple[int, int] | None) -> tuple[dt.date | None, dt.date | None]:
    start = make_date(m.group("y1"), m.group("m1"), m.group("d1"), ref)
    if m.group("ndays") and start:
        return start, start + dt.timedelta(days=int(m.group("ndays")) - 1)
    if not m.group("d2"):
        return start, start
    year2 = m.group("y2") or m.group("y1") or (str(start.year) if start else None)
    end = make_date(year2, m.group("m2") or m.group("m1"), m.group("d2"), ref)
    if start and end and end < start and not m.group("y2"):
        end = end.replace(year=end.year + 1)
    return start, end


def parse_venue(text: str, after: int, end: int, lex: Lexicon) -> str | None:
    """'에 서울 강남 노보텔 앰버서더에서「…」' → '서울 강남 노보텔 앰버서더'."""
    m = lex.EVENT_VENUE_RE.match(text, after, end)
    return collapse(m.group("venue")) if m else None


def parse_hosts(doc: Document, node: Node, lex: Lexicon) -> list[str]:
    """The organizations of the lead's subject: 'A(廳長: …)과 B(院長: …)은' → ['A', 'B'],
    then those the organizations stage found in the lead."""
    text, start = doc.text, content_start(doc.text, node)
    known = [o["name"] for o in doc.organizations
             if o.get("span") and node.span.start <= o["span"][0] < node.span.end]
    m = lex.LEAD_SUBJECT_RE.match(text, start, node.span.end)
    if m is None or lex.EVENT_DATES_RE.search(m.group("subject")):
        return known
    subject = lex.PARENTHETICAL_RE.sub("", m.group("subject"))
    parts = [collapse(p) for p in lex.HOST_SPLIT_RE.split(subject) if p.strip()]
    hosts = [p for p in parts if is_host(p, lex)]
    # '산업통상자원부 국가기술표준원' already holds the '국가기술표준원' the organizations stage found.
    return hosts + [k for k in known if not any(h.endswith(k) for h in hosts)]


def is_host(part: str, lex: Lexicon) -> bool:
    """'중소기업청' is a host; '문성혁 해양수산부 장관' and '강 장관' are people."""
    last = part.rsplit(" ", 1)[-1]
    return bool(lex.ORG_WORD_RE.search(part)) and not lex.PERSON_TITLE_RE.fullmatch(last)


def parse_event(doc: Document, node: Node, lex: Lexicon) -> Event:
    text, start = doc.text, content_start(doc.text, node)
    name = match_name(text, start, node.span.end, lex)
    dates = match_dates(text, node, lex)
    first = last = None
    venue = None
    if dates:
        ref = reference_year(doc, name, lex)
        first, last = parse_dates(dates, ref)
        if first is None:
            doc.warn("event", "event_year_unknown", "the event's date has no year and none is known",
                     node.span)
        venue = parse_venue(text, dates.end(), node.span.end, lex)
    return Event(name, first.isoformat() if first else None, last.isoformat() if last else None, venue,
                 parse_hosts(doc, node, lex), (node.span.start, node.span.end))


def run(doc: Document, lex: Lexicon) -> None:
    lead = next((n for n in walk(doc.sections) if is_lead(doc.text, n, lex)), None)
    doc.event = parse_event(doc, lead, lex) if lead is not None else None
