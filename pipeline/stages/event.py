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


ASIDE_REACH = 40        # characters before a date searched for the bracket of an aside
LEAD_SCAN = 12          # body bullets searched for the lead, in order
MAX_HOST_WORDS = 4      # a longer "host" is a clause
HOST_SCAN = 5           # bullets from the lead on searched for a list of hosts ('(주최) …')


def match_quoted_name(text: str, start: int, end: int, verb: int, lex: Lexicon,
                      event_noun: bool = False) -> str | None:
    """The quoted name nearest before the verb ('「제2차 경제안보 외교포럼」을 … 개최한다'), else
    the first after it; a theme ('「…」을 주제로') or a law ('「대기환경보전법」') is no event. With
    `event_noun`, only a name ending in an event noun ('…포럼', '…회의') counts."""
    before, after = None, None
    reach = lex.semantic["event"]["name_to_verb"]
    for m in lex.EVENT_NAME_RE.finditer(text, start, end):
        name = collapse(m.group("name")).rstrip("*")
        if m.group("theme") or lex.LAW_NAME_RE.search(name) or len(name) < 3:
            continue
        if event_noun and not lex.EVENT_NOUN_END_RE.search(name):
            continue
        # Without an event noun, only the verb's own object names the event: '‘전력망 기술기준’
        # 고도화와 … 논의하는 토론회를 개최' quotes a topic.
        if not event_noun and abs(verb - m.end()) > reach and abs(m.start() - verb) > reach:
            continue
        if m.end() <= verb:
            before = name
        elif after is None:
            after = name
    return before or after


def match_noun_name(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """'정부서울청사에서 제266차 대외경제장관회의를 주재' → '제266차 대외경제장관회의': the words
    before the verb's object particle, from after the last particle, date or bracket."""
    m = lex.EVENT_NOUN_NAME_RE.search(text, start, end)
    if m is None:
        return None
    words = m.group("name").split()
    while len(words) > 1 and lex.NAME_BOUNDARY_RE.search(words[0]):
        words = words[1:]
    for i in range(len(words) - 1, 0, -1):
        if lex.NAME_BOUNDARY_RE.search(words[i - 1]):
            words = words[i:]
            break
    name = " ".join(words)
    # A bare '설명회' or '토론회' names a kind of event, not the event.
    return name if name and name not in lex.semantic["event"]["nouns"] else None


# The first rule that names the event wins.
NAME_RULES = (
    ("quoted_event", lambda text, start, end, verb, lex: match_quoted_name(text, start, end, verb, lex, True)),
    ("noun_phrase", lambda text, start, end, verb, lex: match_noun_name(text, start, end, lex)),
    ("quoted", match_quoted_name),
)


def match_name(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    verb = lex.EVENT_VERB_RE.search(text, start, end)
    if verb is None:
        return None
    stop = sentence_end(text, verb.end(), end)
    for _, rule in NAME_RULES:
        name = rule(text, start, stop, verb.start(), lex)
        if name:
            return name
    return None


def sentence_end(text: str, at: int, end: int) -> int:
    """The end of the sentence holding `at` (a '다.' or '.' then a blank), or `end`."""
    i = text.find(". ", at, end)
    return i + 1 if i >= 0 else end


def match_dates(text: str, node: Node, lex: Lexicon) -> re.Match[str] | None:
    """'7월 15일과 16일', '2004년 7월 15일(목)부터 17일(토)까지', '12.5.(금)', '5.2.~5.19.': the first
    date of the lead, in either form."""
    start = content_start(text, node)
    found = []
    for pattern in (lex.EVENT_DATES_RE, lex.EVENT_DOTTED_DATES_RE):
        for m in pattern.finditer(text, start, node.span.end):
            if in_aside(text, start, m.start(), lex):
                continue
            if m.group("day1") or m.group("d2") or m.groupdict().get("ndays") or m.groupdict().get("nword") or pattern is lex.EVENT_DOTTED_DATES_RE:
                found.append(m)
                break
    if not found:
        # '13~17일 오스트리아 빈에서': days without a month take the month of the release.
        found = [m for m in [lex.EVENT_DAYS_RE.search(text, start, node.span.end)] if m]
    return min(found, key=lambda m: m.start()) if found else None


def in_aside(text: str, start: int, at: int, lex: Lexicon) -> bool:
    """'제14차 WTO 각료회의(MC-14, 3.26(목)~29(일), 카메룬 야운데)를 앞두고': a date inside another
    name's bracketed aside (an open bracket with a comma before the date) is that event's."""
    m = lex.ASIDE_OPEN_RE.search(text, max(start, at - ASIDE_REACH), at)
    return m is not None


def is_lead(text: str, node: Node, lex: Lexicon) -> bool:
    """'… 「2004 APEC 중소기업 정보화 정책포럼」을 개최함', '… 제266차 대외경제장관회의를 주재하였다'."""
    start = content_start(text, node)
    if not lex.EVENT_VERB_RE.search(text, start, node.span.end):
        return False
    return bool(match_name(text, start, node.span.end, lex) or match_dates(text, node, lex))


def year_of(value: Any) -> tuple[int, int] | None:
    """(year, month) of an ISO date or date-time string."""
    if isinstance(value, str) and len(value) >= 7 and value[:4].isdigit() and value[5:7].isdigit():
        return int(value[:4]), int(value[5:7])
    return None


def reference_year(doc: Document, name: str | None, lex: Lexicon, lead_start: int = 0) -> tuple[int, int] | None:
    """(year, month) to complete a date without a year: embargo, posted date, the event's name,
    a year written before the lead."""
    embargo = (doc.release or {}).get("embargo") or {}
    for value in (embargo.get("date"), (doc.page or {}).get("posted_at")):
        found = year_of(value)
        if found:
            return found
    m = lex.YEAR_IN_NAME_RE.search(name or "")
    if m:
        return int(m.group("year")), 0
    # Last resort: a year written before the lead — a header's date ('게시 시각: 04/10/2026').
    m = lex.YEAR_IN_NAME_RE.search(doc.text, 0, lead_start)
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


def parse_dates(m: re.Match[str], ref: tuple[int, int] | None,
                counts: dict[str, int] | None = None) -> tuple[dt.date | None, dt.date | None]:
    """Start and end; `counts` are the day counts written in words ('이틀' → 2)."""
    g, counts = m.groupdict(), counts or {}
    if not g.get("m1"):             # days only: the month of the reference date
        if not ref or not ref[1]:
            return None, None
        g = {**g, "m1": str(ref[1])}
    start = make_date(g.get("y1"), g["m1"], g["d1"], ref)
    ndays = int(g["ndays"]) if g.get("ndays") else counts.get(g.get("nword") or "")
    if ndays and start:
        return start, start + dt.timedelta(days=ndays - 1)
    if not g.get("d2"):
        return start, start
    year2 = g.get("y2") or g.get("y1") or (str(start.year) if start else None)
    end = make_date(year2, g.get("m2") or g["m1"], g["d2"], ref)
    if start and end and end < start and not g.get("y2"):
        end = end.replace(year=end.year + 1)
    return start, end


def parse_venue(text: str, after: int, end: int, lex: Lexicon) -> str | None:
    """'에 서울 강남 노보텔 앰버서더에서「…」' → '서울 강남 노보텔 앰버서더'."""
    m = lex.EVENT_VENUE_RE.match(text, after, end)
    # '부터 이틀간 열린 G20 환경장관회의에서': the words before 에서 name an event, not a place.
    return collapse(m.group("venue")) if m and not lex.HELD_VENUE_RE.match(m.group("venue")) else None


def parse_hosts(doc: Document, node: Node, lex: Lexicon) -> list[str]:
    """The organizations of the lead's subject: 'A(廳長: …)과 B(院長: …)은' → ['A', 'B'],
    then those the organizations stage found in the lead."""
    text, start = doc.text, content_start(doc.text, node)
    known = [o["name"] for o in doc.organizations
             if o.get("span") and node.span.start <= o["span"][0] < node.span.end]
    cohosts = []
    verb = lex.HOST_VERB_RE.search(text, start, node.span.end)
    if verb is None:
        known = []      # the lead's subject attends, or the event is only said to be held
    else:
        # The subject opens the sentence of the verb, not a subtitle or a sentence before it.
        start = max(start, text.rfind("\n", start, verb.start()) + 1, text.rfind(". ", start, verb.start()) + 2)
        start += len(text[start:verb.start()]) - len(text[start:verb.start()].lstrip())
    for c in lex.COHOST_RE.finditer(text, start, node.span.end):
        org = collapse(c.group("quoted") or c.group("org")).rstrip("*")
        if c.group("quoted") or is_host(collapse(lex.PARENTHETICAL_RE.sub("", org)), lex):
            cohosts.append(org)
    m = lex.LEAD_SUBJECT_RE.match(text, start, node.span.end)
    if m is None or lex.EVENT_DATES_RE.search(m.group("subject")):
        return known + [c for c in cohosts if c not in known]
    if verb is None:
        return cohosts
    subject = lex.PARENTHETICAL_RE.sub("", m.group("subject"))
    parts = [collapse(p) for p in lex.HOST_SPLIT_RE.split(subject) if p.strip()]
    hosts = [p for p in parts if is_host(p, lex) and p not in lex.semantic["event"]["not_hosts"]]
    # '산업통상자원부(장관 …) 여한구 통상교섭본부장은 … 개최': an official convenes; the ministry
    # is only his affiliation.
    if not hosts and parts and lex.PERSON_TITLE_TAIL_RE.search(parts[-1].split()[-1]):
        return cohosts
    # '산업통상자원부 국가기술표준원' already holds the '국가기술표준원' the organizations stage found,
    # '질병관리청 충청권질병대응센터' the '질병관리청'.
    hosts += [k for k in known if not any(k in h for h in hosts)]
    return hosts + [c for c in cohosts if c not in hosts]


def has_joint_verb(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """JOINT_HOSTS_RE ends in a joint verb: without one in the node, a plain find skips its
    costly scan (a run of words tried from every word's start)."""
    return any(text.find(v, start, end) >= 0 for v in lex.semantic["event"]["joint_verbs"])


def listed_hosts(text: str, nodes: list[Node], lex: Lexicon, labelled_only: bool = False) -> list[str]:
    """'(주최) 외교부, SDGs 시민넷' near the lead, or 'A와 B가 공동 개최하는' in it."""
    for node in nodes:
        start = content_start(text, node)
        m = lex.HOST_LABEL_RE.search(text, start, node.span.end)
        if labelled_only and m is not None and \
                not lex.LINE_LEAD_RE.fullmatch(text, max(start, text.rfind("\n", start, m.start()) + 1), m.start()):
            m = None            # far from the lead, only a line the label opens: not '(주최 : …)' of a footnote
        if m is None and not labelled_only and has_joint_verb(text, start, node.span.end, lex):
            m = lex.JOINT_HOSTS_RE.search(text, start, node.span.end)
        if m is None:
            continue
        items = lex.HOST_SPLIT_RE.split(lex.HOST_LIST_END_RE.sub("", m.group("list")))
        # 'A 전기위원회·한국전력거래소·한국전력공사': a middle dot parts hosts when every part is one.
        hosts = [collapse(i) for i in items if i.strip() and is_host(collapse(lex.PARENTHETICAL_RE.sub("", i)), lex)]
        # A dotted list whose parts are mostly hosts is a list of hosts, every part of it.
        hosts = [p for h in hosts for p in dotted_hosts(h, lex)]
        if hosts:
            return hosts
    return []


def dotted_hosts(item: str, lex: Lexicon) -> list[str]:
    """'A 전기위원회·한국전력거래소·한국전력공사' → three hosts when most parts are hosts ('관세·물류
    지원단' stays one: '관세' is none)."""
    parts = [collapse(p) for p in lex.HOST_DOT_RE.split(item)]
    hosts = sum(is_host(p, lex) for p in parts)
    return parts if len(parts) > 1 and 2 * hosts > len(parts) else [item]


def without_contained(hosts: list[str]) -> list[str]:
    """'기후에너지환경부' beside '기후에너지환경부 전기위원회': the longer names it."""
    return [h for h in hosts if not any(h != o and h in o for o in hosts)]


def is_host(part: str, lex: Lexicon) -> bool:
    """'중소기업청' is a host; '문성혁 해양수산부 장관', '박윤주 외교부 제1차관' and '강 장관' are
    people; a clause ('논의를 위해 세 기관') or a date ('올해 3월 …') is neither."""
    words = part.split()
    if not words or len(words) > MAX_HOST_WORDS or any(ch.isdigit() for ch in part):
        return False
    org, title = lex.ORG_WORD_RE.search(words[-1]), lex.PERSON_TITLE_TAIL_RE.search(words[-1])
    # '한국지방행정연구원' ends in an organization as long as the title it also ends in.
    return org is not None and (title is None or len(org.group()) >= len(title.group()))


def title_name(doc: Document, lex: Lexicon) -> str | None:
    """'박윤주 1차관, 한-라오스 외교차관 회담(11.24.)' → '한-라오스 외교차관 회담', '뮌헨 안보회의
    계기 한-캐나다 외교장관회담 개최' → '한-캐나다 외교장관회담': the title's last phrase ending in
    an event noun, without a word that only links it ('계기')."""
    title = (doc.release or {}).get("title") or ""
    found = None
    for m in lex.TITLE_EVENT_RE.finditer(title):
        # '세계무역기구(WTO) 각료회의': a phrase cut off by a bracket before it is a fragment.
        if not title[:m.start()].rstrip().endswith(")"):
            found = m
    if found is None:
        return None
    words = collapse(found.group("name")).split()
    while len(words) > 1 and words[0] in lex.semantic["event"]["title_boundaries"]:
        words = words[1:]
    name = " ".join(words)
    return name if name not in lex.semantic["event"]["nouns"] else None


def is_generic(name: str, lex: Lexicon) -> bool:
    """'국제 컨퍼런스', '양자 회담', '양자회담': a kind of event with a word before it, no name."""
    e = lex.semantic["event"]
    words = name.split()
    if len(words) == 1:         # '양자회담', '정책포럼': a generic word glued to the noun
        words = next(([w[:len(g)], w[len(g):]] for w in words for g in e["generic_words"]
                      if w.startswith(g) and w[len(g):] in e["nouns"]), words)
    return len(words) <= 2 and all(w in e["generic_words"] or w in e["nouns"] for w in words)


def split_name_dates(name: str | None, lex: Lexicon) -> tuple[str | None, re.Match[str] | None]:
    """'한중 상무장관회의(12.12)' → ('한중 상무장관회의', the match of '12.12'): dates in brackets
    after the name are the event's own, whatever other dates the lead gives (a visit's)."""
    m = lex.NAME_DATES_RE.search(name or "")
    if m is None:
        return name, None
    dates = lex.EVENT_DOTTED_DATES_RE.fullmatch(m.group("dates").strip())
    return (name[:m.start()], dates) if dates else (name, None)


def parse_event(doc: Document, node: Node, lex: Lexicon, near: list[Node] | None = None) -> Event:
    text, start = doc.text, content_start(doc.text, node)
    near = near or [node]
    name = match_name(text, start, node.span.end, lex)
    if name is None or is_generic(name, lex):
        held = lex.HELD_EVENT_RE.search(text, start, node.span.end)
        name = (collapse(held.group("name")) if held else None) or title_name(doc, lex) or name
    name, name_dates = split_name_dates(name, lex)
    dates = match_dates(text, node, lex)
    first = last = None
    venue = None
    if dates:
        ref = reference_year(doc, name, lex, node.span.start)
        first, last = parse_dates(dates, ref, lex.semantic["event"]["day_counts"])
        if first is None:
            doc.warn("event", "event_year_unknown", "the event's date has no year and none is known",
                     node.span)
        venue = parse_venue(text, dates.end(), node.span.end, lex)
        for later in (lex.EVENT_DATES_RE, lex.EVENT_DOTTED_DATES_RE):
            for m in later.finditer(text, dates.end(), node.span.end):
                venue = venue or parse_venue(text, m.end(), node.span.end, lex)
    if name_dates:
        # The year: as for the lead's dates, or one written in the lead ('2025년 5월 7일부터 …').
        first, last = parse_dates(name_dates, reference_year(doc, name, lex, node.span.end))
    hosts = parse_hosts(doc, node, lex)
    # '(주최ㆍ주관) A, B, C' near the lead, else anywhere in the release (an outline at its end).
    listed = listed_hosts(text, near, lex) or listed_hosts(text, list(walk(doc.sections)), lex, labelled_only=True)
    hosts = without_contained(hosts + [h for h in listed if h not in hosts])
    return Event(name, first.isoformat() if first else None, last.isoformat() if last else None, venue,
                 hosts, (node.span.start, node.span.end))


def run(doc: Document, lex: Lexicon) -> None:
    # A line holding a link or a file name is metadata ('- 기사 URL: …', '… 개최.hwpx'), not a lead.
    nodes = [n for n in walk(doc.sections) if n.text and not lex.URL_RE.search(n.text)][:LEAD_SCAN]
    at = next((i for i, n in enumerate(nodes) if is_lead(doc.text, n, lex)), None)
    doc.event = parse_event(doc, nodes[at], lex, nodes[at:at + HOST_SCAN]) if at is not None else None
