"""Event: the forum, meeting or ceremony a release announces — name, dates, venue, hosts.

Reads: text, sections, release (embargo date), page (posted date), organizations.
Writes: event.
Example: '□ 중소기업청(廳長: 柳昌茂)과 중소기업정보화경영원(院長: 白洛基)은 7월 15일과 16일에
서울 강남 노보텔 앰버서더에서「2004 APEC 중소기업 정보화 정책포럼」을 개최함'
→ {name: '2004 APEC 중소기업 정보화 정책포럼', start_date: '2004-07-15',
   end_date: '2004-07-16', venue: '서울 강남 노보텔 앰버서더',
   hosts: ['중소기업청', '중소기업정보화경영원']}.

The lead is the first bullet that names an event verb (개최, 열린다 …; not the nouns 개최지,
참가자) with a 「name」 or a date. An object verb (실시) is one only when its object is an event
('… 평가회를 실시했다', '「… 통합방호훈련」을 실시한다'; '… 특별점검을 실시' holds none), and 갖다
of a call, a moment or a chance ('통화를 가졌습니다', '… 시간을 가졌다') holds none. A release with
no lead and no outline takes the event its title names when the title ends in a verb of
holding (a stub body: '… 개최 관련 보도자료 내용입니다. 자세한 내용은 첨부파일을 …'). A date without a year takes the year of the embargo date, else
of the page's posted date, else a year written in the event's name; a January event announced in
December belongs to the next year. A day without a month is counted from the release's own date:
'지난 27일' the last 27th on or before it, '오는 3일' the next 3rd (a month rolls over), '이달 5일',
'내달 1일', '오는 30일부터 내달 2일까지'; a weekday in brackets ('3일(월)') picks the month it fits.
A trip of several days that visits a place and attends an event gives that event no dates.

Names: '「미래 보건」 학술대회' is the quote with its noun (「」, ｢｣, 『』, ‘’, “”, "", ``), and so are
'‘…’ 전문가 간담회' (one word between), '「여수 진남관」의 준공식' (a genitive) and '‘…’의 본선 행사';
'‘헌혈자의 날’ 행사' is the quote alone; two quoted events one verb holds are named together as
written ('「A 회의」와 「B 회의」를 주재' → 'A 회의와 B 회의'); a quote ending in 안 (a bill, a
plan) names none; a lead's short form ('공동학술회의') takes the title's name ending in it; a
headline line's verb with no name takes the name of the sentence below it. A name never ends
in a verb ('… 토론회 개최'); of two events a title joins with 및, the lead's; a joint meeting ('제6차
A회의 겸 제3차 B협의회') is named by both. No word that links the name to the sentence opens it
('…과 함께', '…와도', '직후', '6월부터', '…에서 열린'), nor a title's date ('7월 29일 …기념식'), nor
a footnote's mark ('…협약*(CNS)'). A quote that is speech ('“…”라고'), that follows a verb ending
its clause, or that something turns into ('｢…｣로 전환') names no event, nor does 열다 of an idiom
('… 시대 연다'). A numbered or qualified kind ('제8차 회의', '오찬 간담회') gives way to the
title's name, and then the attachment that outlines it ('붙임 1. 제27회 농업인의 날 기념식
개요' for '… 기념식을 개최한다'). Hosts are bodies, never a person's office ('…
한미연합군사령관'): the lead's subject (a chain of
bodies as its last, most specific one: 'A청 B원 C소(소장 …)는' → 'C소'), its own host clauses
('A가 주최하고 B가 주관하는', 'X 주관으로'); a visiting party (대표단, 사절단) is none.

Beyond the lead: an outline ('(일시·장소) ’21. 11. 17(수)~19(금), 서울 DDP' under a '… 개요'
caption) of the same day gives the venue as it labels it, and the dates and name a lead lacks;
a release with an outline and no lead has the outline's event. Later bullets about the event
('이번 회의는 …', '동 포럼에는 …', or its name) give its whole range around the lead's day, a
venue ('…에서 개최된 동 포럼') and host clauses ('이번 학회는 A가 주관하고, B, C가 공동으로
주최하며').
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..document import Document, Node
from ..lexicon import NAME_QUOTES, NAME_QUOTES_CLOSE, Lexicon, once_per_lexicon
from ..semantic import Event
from ..text import collapse, content_start, has_hangul, walk


ASIDE_REACH = 40        # characters before a date searched for the bracket of an aside
LEAD_SCAN = 12          # body bullets searched for the lead, in order
MAX_HOST_WORDS = 4      # a longer "host" is a clause
HOST_SCAN = 5           # bullets from the lead on searched for a list of hosts ('(주최) …')
ABOUT_SCAN = 12         # bullets from the lead on searched for sentences about its event ('이번 회의는 …')
# Runs of blanks an EVENT_NOUN_NAME_RE match holds at most before its verb: five between the
# name's six words, five in '…를 대구 엑스코 본관 컨퍼런스홀에서 개최' (after the particle,
# between the venue's four words, before the verb).
NOUN_NAME_BLANKS = 10
# Characters before an object verb read for its object: '「유관기관 통합방호훈련」을 ' is 15, an
# acronym in brackets after the noun ('…회의(APEC)를 ') up to 30 more.
OBJECT_REACH = 48
VENUE_REACH = 60        # characters before '에서' read for a venue before the event's name
MAX_VENUE_WORDS = 4     # a longer "venue" is a clause
# The characters at a title's end searched for its verb of holding ('… 개최'): the longest verb
# and the blanks after it (a search from the title's start tries every position).
TITLE_TAIL = 12


def quoted_names(text: str, start: int, end: int, lex: Lexicon,
                 misquoted: bool = False) -> list[tuple[re.Match[str], str]]:
    """The quoted names of [start, end) that may name an event, with their matches: a theme
    ('「…」을 주제로'), a law ('「대기환경보전법」') or a short form ('(이하 ‘전승공예대전’)') is none.
    Read once for both quoted rules of NAME_RULES."""
    found = []
    matches: Any = (with_misquoted(list(lex.EVENT_NAME_RE.finditer(text, start, end)), text, start, end, lex)
                    if misquoted else lex.EVENT_NAME_RE.finditer(text, start, end))
    for m in matches:
        name = collapse(lex.ALIAS_RE.sub("", m.group("name"))).rstrip("*")
        if m.group("theme") or m.group("speech") or lex.LAW_NAME_RE.search(name) or len(name) < 3:
            continue
        noun = m.group("noun")
        if noun is None:
            pass
        elif is_kind_after(m, lex):
            pass                # '‘헌혈자의 날’ 행사': the quote names the event, '행사' says it is one
        elif not (m.group("modifier") or "").endswith(tuple(lex.semantic["event"]["quote_link_endings"])):
            # '제8회 ‘금융의 날’ 기념식' → '제8회 금융의 날 기념식': the noun after the quote and the
            # words before it that are no particle's end belong to the name; '「여수 진남관」의
            # 준공식' → '여수 진남관 준공식' (the genitive only links them). A word between that ends
            # in a particle ('｢…｣ 외교장관과 회담') ends the name at the quote.
            name = " ".join(quote_prefix(text, start, m.start(), lex) + [name, noun])
        elif m.group("genitive"):
            continue            # '「…법」의 …', '‘…’의 …': the quote is what something belongs to

        if lex.ALIAS_RE.search(text, max(start, m.start() - 4), m.start()):
            continue            # '(이하 ‘전승공예대전’)': the short form of a name written before
        found.append((m, name))
    # '’… 촉진회의‘를 개최': a sentence whose curly marks do not pair up is read again with the
    # names between marks written the wrong way round. Most sentences hold no curly mark: four
    # tests of `in` on the sentence (no call; a scan was one call per lead) say so first.
    if not misquoted:
        seg, marks = text[start:end], lex.semantic["event"]["misquote_marks"]
        if (marks[0] in seg or marks[1] in seg or marks[2] in seg or marks[3] in seg) \
                and may_be_misquoted(text, start, end, lex):
            return quoted_names(text, start, end, lex, True)
    return found


def with_misquoted(found: list[re.Match[str]], text: str, start: int, end: int,
                   lex: Lexicon) -> list[re.Match[str]]:
    """EVENT_NAME_RE's matches in [start, end) (`found`) and, in text order among them, the
    names between curly quotes written the wrong way round ('’… 촉진회의‘', '”… 간담회“') that
    it cannot make (MISQUOTED_NAME_RE: a closing mark opens, or an opening mark closes)."""
    e = lex.semantic["event"]
    wrong = [m for m in lex.MISQUOTED_NAME_RE.finditer(text, start, end)
             if m.group("open") in e["misquote_openers"] or m.group("close") in e["misquote_closers"]]
    # A proper match never holds a mark inside its name, so a wrong one overlaps none of them
    # unless it shares its closing mark: the proper match wins.
    kept = [m for m in wrong if not any(f.start() < m.end() and m.start() < f.end() for f in found)]
    return sorted(found + kept, key=lambda m: m.start()) if kept else found


def may_be_misquoted(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """[start, end) holds a curly quote written the wrong way round: its curly marks, in order,
    do not alternate opening, closing, opening … ('’…‘', '“…” … ”…“', '‘…‘'). One scan for
    the marks (in C) on the lead's sentence, before MISQUOTED_NAME_RE is tried; most sentences
    hold none or a few."""
    openers = lex.semantic["event"]["misquote_closers"]        # '‘', '“' open a quote
    expect_open = True
    for mark in lex.CURLY_QUOTE_RE.findall(text, start, end):
        if (mark in openers) != expect_open:
            return True
        expect_open = not expect_open
    return False


def is_kind_after(m: re.Match[str], lex: Lexicon) -> bool:
    """'‘헌혈자의 날’ 행사': a quoted name followed by nothing but a word saying it is an event."""
    return m.group("noun") in lex.semantic["event"]["quote_kind_nouns"] and not m.group("genitive")


def is_event_name(m: re.Match[str], name: str, lex: Lexicon) -> bool:
    """The quoted name (as quoted_names read it) ends in an event noun, or is said to be an event
    ('‘…’ 행사', '‘…’의 본선 행사')."""
    if lex.EVENT_NOUN_END_RE.search(name) is not None:
        return True
    # '‘호국의 영웅 귀환 행사’는 …': a quoted name whose last word says it is an event.
    if name.rpartition(" ")[2] in lex.semantic["event"]["quote_kind_nouns"]:
        return True
    noun = m.group("noun") or ""
    return noun.endswith(tuple(lex.semantic["event"]["quote_kind_nouns"])) and (name.endswith(noun) or is_kind_after(m, lex))


def match_quoted_name(text: str, start: int, end: int, verb: int, lex: Lexicon,
                      event_noun: bool = False, names: list[tuple[re.Match[str], str]] | None = None) -> str | None:
    """The quoted name nearest before the verb ('「제2차 경제안보 외교포럼」을 … 개최한다'), else
    the first after it, of the quoted_names of [start, end) (`names` when the caller has them).
    With `event_noun`, only a name ending in an event noun ('…포럼', '…회의') counts."""
    before, after = None, None
    reach = lex.semantic["event"]["name_to_verb"]
    names = quoted_names(text, start, end, lex) if names is None else names
    for i, (m, name) in enumerate(names):
        if event_noun and not is_event_name(m, name, lex):
            continue
        # Without an event noun, only the verb's own object names the event: '‘전력망 기술기준’
        # 고도화와 … 논의하는 토론회를 개최' quotes a topic.
        if not event_noun and abs(verb - m.end()) > reach and abs(m.start() - verb) > reach:
            continue
        # '…위원회를 개최하여, ｢과학기술원 혁신방안｣ 등을 논의': after a verb that ends its clause,
        # a quote is the next clause's object; only an adnominal verb ('개최하는 「…」') names it.
        if not event_noun and m.end() > verb and not adnominal_verb(text, verb, end, lex):
            continue
        # '｢복구대책지원본부｣로 전환하여 운영한다': a quote the verb turns something into is no object.
        if not event_noun and text.startswith(tuple(lex.semantic["event"]["into_particles"]), m.end()):
            continue
        if m.end() <= verb:
            before = paired_name(text, names, i, lex) if i else name
        elif after is None:
            after = paired_name(text, names, i, lex) if i else name
    return before or after


def paired_name(text: str, names: list[tuple[re.Match[str], str]], i: int, lex: Lexicon) -> str:
    """'「A 촉진회의」와 「B 협력회의」를 … 주재' → 'A 촉진회의와 B 협력회의': the name of `names[i]`,
    with the quoted event name joined to it right before (by '및', '와', '과' alone) when both
    end in an event noun — one verb holds both events."""
    m, name = names[i]
    if i == 0 or not is_event_name(m, name, lex):
        return name
    first_m, first = names[i - 1]
    joiner = text[first_m.end():m.start()].strip()
    if joiner not in lex.semantic["event"]["quote_pair_joiners"] or not is_event_name(first_m, first, lex):
        return name
    # '및' stands between the names as a word; '와', '과' are the first name's particle.
    return f"{first} {joiner} {name}" if text[first_m.end()].isspace() else f"{first}{joiner} {name}"


def joins_meetings(words: list[str], at: int, lex: Lexicon) -> bool:
    """'제6차 사회관계장관회의 겸 제3차 …협의회': words[at] ends the first name of a joint meeting
    (an event noun before the joiner), not in a genitive '의' that would end a name before it."""
    return (at + 1 < len(words) and words[at + 1] in lex.semantic["event"]["joint_meeting_joiners"]
            and lex.EVENT_NOUN_END_RE.search(words[at]) is not None)


def adnominal_verb(text: str, verb: int, end: int, lex: Lexicon) -> bool:
    """'개최하는', '열린', '개최된': the verb's word at `verb` modifies the noun after it."""
    stop = verb
    while stop < end and not (text[stop].isspace() or text[stop] in NAME_QUOTES):     # '개최되는「…」'
        stop += 1
    return text[verb:stop].rstrip(",.").endswith(tuple(lex.semantic["event"]["adnominal_endings"]))


def quote_prefix(text: str, start: int, at: int, lex: Lexicon) -> list[str]:
    """The words right before a quote that open the event's name: '제8회', '2024'; none after
    a word that ends in a particle ('국토교통부는')."""
    words = text[max(start, at - 40):at].split()     # '제8회「금융의 날」기념식': glued or not
    kept: list[str] = []
    for word in reversed(words[-2:]):
        if not (lex.ORDINAL_WORD_RE.fullmatch(word) or lex.YEAR_IN_NAME_RE.fullmatch(word)):
            break
        kept.insert(0, word)
    return kept


def noun_name_reach(text: str, start: int, end: int, lex: Lexicon) -> int | None:
    """Where a search for EVENT_NOUN_NAME_RE may start without missing a match, or None when
    it cannot match at all. A match ends in a verb and holds at most NOUN_NAME_BLANKS runs of
    blanks before it, so it starts after the (NOUN_NAME_BLANKS + 1)-th run of blanks between
    the words before the first verb: the costly pattern (tried at every word start) skips the
    words before that."""
    verb = lex.EVENT_VERB_WORD_RE.search(text, start, end)
    if verb is None:
        return None
    parts = text[start:verb.start()].rsplit(None, NOUN_NAME_BLANKS + 1)
    return start + len(parts[0]) if len(parts) == NOUN_NAME_BLANKS + 2 else start


def match_noun_name(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """'정부서울청사에서 제266차 대외경제장관회의를 주재' → '제266차 대외경제장관회의': the words
    before the verb's object particle, from after the last particle, date or bracket."""
    reach = noun_name_reach(text, start, end, lex)
    # Most leads hold no event noun with its particle and verb (EVENT_NOUN_TAIL_RE, a scan
    # on the nouns' literals): the costly pattern, tried at every word start, is then not run.
    if reach is None or lex.EVENT_NOUN_TAIL_RE.search(text, reach, end) is None:
        return None
    return noun_name_of(lex.EVENT_NOUN_NAME_RE.search(text, reach, end), lex)


def noun_name_of(m: re.Match[str] | None, lex: Lexicon) -> str | None:
    """The event name an EVENT_NOUN_NAME_RE match holds: its words after the last boundary
    word (a particle, date or bracket), unless that leaves only a kind of event."""
    if m is None:
        return None
    words = m.group("name").split()
    while len(words) > 1 and lex.NAME_BOUNDARY_RE.search(words[0]) and not joins_meetings(words, 0, lex):
        words = words[1:]
    for i in range(len(words) - 1, 0, -1):
        if lex.NAME_BOUNDARY_RE.search(words[i - 1]) and not joins_meetings(words, i - 1, lex):
            words = words[i:]
            break
    # '…에서 열린 저출생대책국민운동본부 출범 3주년 기념식에 참석': a verb of holding that opens the
    # words says where the event was held ('제4회 열린 SDGs 포럼' keeps the word it does not open).
    if len(words) > 1 and words[0] in lex.semantic["event"]["held_verbs"]:
        words = words[1:]
    name = " ".join(words)
    # A bare '설명회' or '토론회' names a kind of event, not the event.
    return name if name and name not in lex.semantic["event"]["nouns"] else None


# The first rule that names the event wins. A rule is given the quoted names of the sentence
# (quoted_names), read once for both quoted rules.
NAME_RULES = (
    ("quoted_event", lambda text, start, end, verb, names, lex: match_quoted_name(text, start, end, verb, lex, True, names)),
    ("noun_phrase", lambda text, start, end, verb, names, lex: match_noun_name(text, start, end, lex)),
    ("quoted", lambda text, start, end, verb, names, lex: match_quoted_name(text, start, end, verb, lex, False, names)),
    ("numbered_series", lambda text, start, end, verb, names, lex: match_series_name(text, start, end, lex)),
    ("below_headline", lambda text, start, end, verb, names, lex: match_below_headline(text, end, verb, lex)),
)


def match_series_name(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """'제10차 한-EU 거시경제대화(…)를 개최하였습니다' → '제10차 한-EU 거시경제대화': a numbered
    series' name without an event noun is the event's when a verb of holding takes it as its
    object. Its words hold no count ('제2차 공무원 370명을 채용'), end in no particle before
    the last, and name no plan ('제3차 기본계획': not_event_captions); only a lead the earlier
    rules left unnamed and that writes an ordinal ('제') asks."""
    if text.find(lex.semantic["event"]["ordinal_prefixes"][0], start, end) < 0:
        return None
    m = lex.SERIES_NAME_RE.search(text, start, end)
    if m is None:
        return None
    words = m.group("words").split()
    if any(any(map(str.isdigit, w)) for w in words) or any(map(lex.NAME_BOUNDARY_RE.search, words[:-1])) \
            or lex.NOT_EVENT_CAPTION_RE.search(words[-1]):
        return None             # a count, a clause, or a plan ('제3차 기본계획'): no series of events
    return collapse(m.group("name"))


def match_below_headline(text: str, end: int, verb: int, lex: Lexicon) -> str | None:
    """'- … 방문 인증 이벤트 개최(8.14~12.15)' / '해양수산부는 … ‘2024 나만의 어(漁)행기’를 진행한다':
    a verb in a headline line that names nothing; the name is the one of the first verb's
    sentence below it. Only a sentence running over a line break asks (a find)."""
    line_end = text.find("\n", verb, end)
    below = lex.EVENT_VERB_RE.search(text, line_end, end) if line_end >= 0 else None
    return match_name(text, line_end + 1, end, lex, below) if below else None


def match_name(text: str, start: int, end: int, lex: Lexicon, verb: re.Match[str] | None = None) -> str | None:
    """The event's name in the sentence of the lead's verb (`verb` when the caller found it)."""
    verb = verb or lex.EVENT_VERB_RE.search(text, start, end)
    if verb is None:
        return None
    stop = sentence_end(text, verb.end(), end)
    names = quoted_names(text, start, stop, lex)
    for _, rule in NAME_RULES:
        name = rule(text, start, stop, verb.start(), names, lex)
        if name:
            return name
    return None


def sentence_start(text: str, start: int, at: int) -> int:
    """After the last '. ' before `at` that ends a sentence, not a date ('9. 14.(목)') nor a
    name's initial ('폴 J. 라카메라': one capital letter after a blank)."""
    i = text.rfind(". ", start, at)
    while i > start and (text[i - 1].isdigit() or is_initial(text, start, i)):
        i = text.rfind(". ", start, i)
    return i + 2 if i >= start else start


def is_initial(text: str, start: int, dot: int) -> bool:
    """'J.' of '폴 J. 라카메라': the '.' at `dot` closes a lone Latin capital letter."""
    return "A" <= text[dot - 1] <= "Z" and (dot - 1 == start or text[dot - 2].isspace())


def sentence_end(text: str, at: int, end: int) -> int:
    """The end of the sentence holding `at` (a '다.' or '.' then a blank), or `end`."""
    i = text.find(". ", at, end)
    return i + 1 if i >= 0 else end


def match_dates(text: str, node: Node, lex: Lexicon) -> re.Match[str] | None:
    """'7월 15일과 16일', '2004년 7월 15일(목)부터 17일(토)까지', '12.5.(금)', '5.2.~5.19.': the first
    date of the lead, in either form."""
    start = content_start(text, node)
    found = []
    # A date in words holds its month's word ('7월'), and a day without its month its day's
    # word ('27일'): a find of the word spares the scans that cannot match (each ~15 ns a
    # character: they open with a look ahead); a bullet often holds neither.
    has_day = text.find(lex.semantic["event"]["day_word"], start, node.span.end) >= 0
    for pattern in dated_patterns(text, start, node.span.end, lex):
        for m in pattern.finditer(text, start, node.span.end):
            if in_aside(text, start, m.start(), lex):
                continue
            if m.group("day1") or m.group("d2") or m.groupdict().get("ndays") or m.groupdict().get("nword") or pattern is lex.EVENT_DOTTED_DATES_RE:
                found.append(m)
                break
    if not found and has_day:
        # '13~17일 오스트리아 빈에서': days without a month take the month of the release.
        found = [m for m in [lex.EVENT_DAYS_RE.search(text, start, node.span.end)] if m]
    if not found and has_day:
        # '중소벤처기업부는 27일 … 개최했다': a news lead's day alone, in the month of the release;
        # '□ 3일(월) 오후 …': a day with its weekday, wherever the lead writes it.
        # '… 포럼을 오는 5일 개최': a day after a direction or month word.
        found = [m for m in (p.search(text, start, node.span.end) for p in day_alone(lex)) if m]
    return min(found, key=lambda m: m.start()) if found else None


def dated_patterns(text: str, start: int, end: int, lex: Lexicon) -> tuple[re.Pattern[str], ...]:
    """The two patterns of a date with its month (EVENT_DATES_RE, EVENT_DOTTED_DATES_RE), in
    that order; the first only when [start, end) holds the month's word it needs, the second only
    when it holds a digit, a dot and a digit (EVENT_DOTTED_DATE_HINT_RE)."""
    worded = (lex.EVENT_DATES_RE,) if text.find(lex.semantic["event"]["month_word"], start, end) >= 0 else ()
    if lex.EVENT_DOTTED_DATE_HINT_RE.search(text, start, end) is None:
        return worded
    return worded + (lex.EVENT_DOTTED_DATES_RE,)


def day_alone(lex: Lexicon) -> tuple[re.Pattern[str], ...]:
    """The patterns of a day written without its month: a lead makes an event of one only with
    a verb of holding."""
    return lex.LEAD_DAY_RE, lex.DAY_WEEKDAY_RE, lex.RELATIVE_DAY_RE


def in_aside(text: str, start: int, at: int, lex: Lexicon) -> bool:
    """'제14차 WTO 각료회의(MC-14, 3.26(목)~29(일), 카메룬 야운데)를 앞두고': a date inside another
    name's bracketed aside (an open bracket with a comma before the date) is that event's."""
    m = lex.ASIDE_OPEN_RE.search(text, max(start, at - ASIDE_REACH), at)
    return m is not None


@dataclass(frozen=True)
class Lead:
    """The bullet that announces the event, the name its sentence gives and, for a lead told
    by its dates, their match_dates (each read once)."""
    node: Node
    name: str | None
    dates: re.Match[str] | None = field(default=None, compare=False)     # read from the node


def match_lead(text: str, node: Node, lex: Lexicon, verb: re.Match[str] | None = None) -> Lead | None:
    """'… 「2004 APEC 중소기업 정보화 정책포럼」을 개최함', '… 제266차 대외경제장관회의를 주재하였다'.
    A day alone ('… 소방사는 11일 … 결혼식에 참석했다') makes a lead only with a verb of holding.
    `verb` is the node's first verb when the caller found it (from no later than the node's
    content, with no lookahead reaching past its end)."""
    start = content_start(text, node)
    if verb is None or verb.start() < start:
        verb = lex.EVENT_VERB_RE.search(text, start, node.span.end)
    # An object verb ('실시') holds an event only with an event as its object: asked of that verb
    # alone, by a test of `in` (no call for the others).
    e = lex.semantic["event"]
    objects, haves = e["object_verbs"], e["have_verbs"]
    while verb is not None and (is_idiom_verb(text, start, verb, lex)
                                or verb[0] in objects and not holds_event_object(text, start, verb, lex)
                                or verb[0] in haves and has_no_event(text, start, verb, lex)):
        verb = lex.EVENT_VERB_RE.search(text, verb.end(), node.span.end)
    if verb is None:
        return None
    name = match_name(text, start, node.span.end, lex, verb)
    if name:
        return Lead(node, name)
    dates = match_dates(text, node, lex)
    if dates is not None and (dates.re not in day_alone(lex)
                              or lex.HOST_VERB_RE.search(text, start, node.span.end) is not None):
        return Lead(node, None, dates)
    return None


def is_idiom_verb(text: str, start: int, verb: re.Match[str], lex: Lexicon) -> bool:
    """'융합보안기술로 「…점포」 시대 연다': 열다 of an idiom (an era, a way opens) holds no event.
    Only a verb of opening asks, and only the few characters before it are read."""
    if verb.group() not in lex.semantic["event"]["idiom_open_verbs"]:
        return False
    return lex.IDIOM_OPEN_RE.search(text, max(start, verb.start() - 6), verb.start()) is not None


def holds_event_object(text: str, start: int, verb: re.Match[str], lex: Lexicon) -> bool:
    """'… 현장 평가회를 실시했다', '「유관기관 통합방호훈련」을 실시한다': an object verb (실시) holds an
    event only when its object, right before it, ends in an event noun ('… 특별점검을 실시'
    holds none); only the few characters before the verb are read."""
    return lex.EVENT_OBJECT_RE.search(text, max(start, verb.start() - OBJECT_REACH), verb.start()) is not None


def has_no_event(text: str, start: int, verb: re.Match[str], lex: Lexicon) -> bool:
    """'… 총리와 통화를 가졌습니다', '… 나누는 시간을 가졌다': 갖다 of a call, a moment or a chance."""
    before = text[max(start, verb.start() - 8):verb.start()].rstrip()
    return before.endswith(tuple(lex.semantic["event"]["not_event_objects"]))


def object_host_verb(text: str, start: int, end: int, lex: Lexicon) -> re.Match[str] | None:
    """'환경부는 … ‘… 안전한국훈련’을 실시했다': an object verb written as a host verb is one when
    its object is an event. Asked only of a lead that holds no host verb."""
    for m in lex.OBJECT_HOST_VERB_RE.finditer(text, start, end):
        if lex.EVENT_OBJECT_RE.search(text, max(start, m.start() - OBJECT_REACH), m.start()) is not None:
            return m
    return None


def find_lead(text: str, nodes: list[Node], lex: Lexicon) -> tuple[int, Lead] | tuple[None, None]:
    """The first of `nodes` (in text order) that is a lead, and its index. A search for the verb
    runs ahead through the nodes' text: a node that ends before the next verb holds none and is
    not read (most hold none; reading one cost a search and its content start, ~1 µs)."""
    end = nodes[-1].span.end if nodes else 0
    verb: int | None = -1           # the first verb from the node on, through to `end`
    m = None                        # its match
    for i, node in enumerate(nodes):
        if verb is not None and verb < node.span.start:
            m = lex.EVENT_VERB_RE.search(text, node.span.start, end)
            verb = m.start() if m else None
        # A node ends at its line's end: the newline after it is no part of a lookahead's
        # words, so a verb its own search (which ends there) finds, this one finds too. A node
        # cut inside a line ('…을 개최|지 선정') is read on its own.
        ends_line = node.span.end == end or text.startswith("\n", node.span.end)
        if (verb is None or verb >= node.span.end) and ends_line:
            continue
        # Past the test above, a node that ends its line holds the verb found ahead, its own
        # first one (a node cut inside a line searches again).
        lead = match_lead(text, node, lex, m if ends_line else None)
        if lead is not None:
            return i, lead
    return None, None


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


def reference_day(doc: Document) -> dt.date | None:
    """The release's own date — the embargo's, else the posted date — that a day without a month
    ('지난 11일', '오는 3일') is counted from."""
    embargo = (doc.release or {}).get("embargo") or {}
    for value in (embargo.get("date"), (doc.page or {}).get("posted_at")):
        if isinstance(value, str):
            try:
                return dt.date.fromisoformat(value[:10])
            except ValueError:
                continue
    return None


def month_shift(day: dt.date, months: int) -> tuple[int, int]:
    """(year, month) `months` after the month of `day`."""
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def day_in_month(today: dt.date, months: int, day: int) -> dt.date | None:
    year, month = month_shift(today, months)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def resolve_day(day: int, word: str | None, weekday: str | None, today: dt.date,
                lex: Lexicon) -> dt.date | None:
    """'지난 27일' → the last 27th on or before `today`; '오는 3일' → the next 3rd on or after it;
    '내달 1일' → the 1st of the next month; a bare day → this month's. A weekday ('3일(월)') that
    does not fit picks the neighbouring month it fits, when a direction word does not forbid it."""
    e = lex.semantic["event"]
    if word in e["month_offsets"]:
        months = e["month_offsets"][word]
    elif word in e["day_past"]:
        months = 0 if day <= today.day else -1
    elif word in e["day_coming"]:
        months = 0 if day >= today.day else 1
    else:
        months = 0
    found = day_in_month(today, months, day)
    if weekday is None or word in e["month_offsets"] or (found and e["weekdays"][found.weekday()] == weekday):
        return found
    allowed = {None: (-1, 1)}.get(word, (-1,) if word in e["day_past"] else (1,))
    for shift in allowed:
        other = day_in_month(today, months + shift, day)
        if other and e["weekdays"][other.weekday()] == weekday and \
                (word not in e["day_past"] or other <= today) and (word not in e["day_coming"] or other >= today):
            return other
    return found


def parse_days(g: dict[str, Any], today: dt.date, lex: Lexicon) -> tuple[dt.date | None, dt.date | None]:
    """A range of days without a month ('오는 30일부터 내달 2일까지') from the release's date."""
    start = resolve_day(int(g["d1"]), g.get("rel1"), g.get("wd1"), today, lex)
    if start is None or not g.get("d2"):
        return start, start
    rel2, d2 = g.get("rel2"), int(g["d2"])
    if rel2:        # '내달 2일까지': the month counts from the release's
        return start, day_in_month(today, lex.semantic["event"]["month_offsets"][rel2], d2)
    # '30일부터 2일까지': an end before the start is in the next month.
    return start, day_in_month(start, 0 if d2 >= start.day else 1, d2)


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
                counts: dict[str, int] | None = None, today: dt.date | None = None,
                lex: Lexicon | None = None) -> tuple[dt.date | None, dt.date | None]:
    """Start and end; `counts` are the day counts written in words ('이틀' → 2). Days without a
    month are counted from `today`, the release's own date, when it is known."""
    g, counts = m.groupdict(), counts or {}
    if not g.get("m1") and today is not None and lex is not None and "rel1" in g:
        return parse_days(g, today, lex)
    if g.get("yy1") and not g.get("y1"):        # '’21. 11. 17': a year of this century
        g = {**g, "y1": str(2000 + int(g["yy1"]))}
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
    if m is None or lex.HELD_VENUE_RE.match(m.group("venue")):
        return None
    # '조령산 자연휴양림과 합동으로 괴산군 … 일원에서': a co-host is no part of the place.
    cohost = lex.COHOST_RE.search(m.group("venue"))
    venue = collapse(m.group("venue")[cohost.end():] if cohost else m.group("venue"))
    # '최창원 국무1차장 주재로 대한상공회의소': who holds it is no part of the place. Most venues
    # hold no such word: tests of `in` (no call) say so before the words are read.
    clause_words = lex.semantic["event"]["venue_clause_words"]
    for word in clause_words:
        if word in venue:
            break
    else:
        return venue or None
    words = venue.split()
    cut = max((i + 1 for i, w in enumerate(words[:-1]) if w in clause_words), default=0)
    venue = " ".join(words[cut:])
    # '… 주재로 열린 제122회 … 회의에서': what is left names where the event was held, no place.
    return None if lex.HELD_VENUE_RE.match(venue) else venue


def parse_hosts(doc: Document, node: Node, lex: Lexicon) -> list[str]:
    """The organizations of the lead's subject: 'A(廳長: …)과 B(院長: …)은' → ['A', 'B'],
    then those the organizations stage found in the lead."""
    text, start = doc.text, content_start(doc.text, node)
    known = [o["name"] for o in doc.organizations
             if o.get("span") and node.span.start <= o["span"][0] < node.span.end]
    cohosts = []
    verb = lex.HOST_VERB_RE.search(text, start, node.span.end) or object_host_verb(text, start, node.span.end, lex)
    if verb is None:
        known = []      # the lead's subject attends, or the event is only said to be held
    else:
        # The subject opens the sentence of the verb, not a subtitle or a sentence before it.
        start = max(start, text.rfind("\n", start, verb.start()) + 1, sentence_start(text, start, verb.start()))
        start += len(text[start:verb.start()]) - len(text[start:verb.start()].lstrip())
    for c in cohost_matches(text, start, node.span.end, lex):
        org = collapse(c.group("quoted") or c.group("org")).rstrip("*")
        if c.group("quoted") or is_host(collapse(lex.PARENTHETICAL_RE.sub("", org)), lex):
            cohosts.append(org)
    m = lex.LEAD_SUBJECT_RE.match(text, start, node.span.end)
    # A date in words holds its month's word: a subject without one is not scanned for it.
    if m is None or (lex.semantic["event"]["month_word"] in m.group("subject")
                     and lex.EVENT_DATES_RE.search(m.group("subject"))):
        return known + [c for c in cohosts if c not in known]
    if verb is None:
        return cohosts
    subject = lex.PARENTHETICAL_RE.sub("", m.group("subject"))
    parts = [collapse(p) for p in lex.HOST_SPLIT_RE.split(subject) if p.strip()]
    hosts = [h for h in (host_name(p, lex) for p in parts) if h]
    # '산업통상자원부(장관 …) 여한구 통상교섭본부장은 … 개최': an official convenes; the ministry
    # is only his affiliation.
    if not hosts and parts and lex.PERSON_TITLE_TAIL_RE.search(parts[-1].split()[-1]):
        return cohosts
    # '산업통상자원부 국가기술표준원' already holds the '국가기술표준원' the organizations stage found,
    # '질병관리청 충청권질병대응센터' the '질병관리청'.
    hosts += [k for k in known if not any(k in h for h in hosts)]
    return hosts + [c for c in cohosts if c not in hosts]


def cohost_matches(text: str, start: int, end: int, lex: Lexicon) -> list[re.Match[str]]:
    """COHOST_RE's matches ('‘SDGs 시민넷’과 함께'): none without a co-host word, which a scan
    for the words alone tests before the pattern (its name is tried from every position)."""
    if lex.COHOST_WORD_RE.search(text, start, end) is None:
        return []
    return list(lex.COHOST_RE.finditer(text, start, end))


def has_joint_verb(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """JOINT_HOSTS_RE ends in a joint verb: without one in the node, a scan for the verbs alone
    skips its costly scan (a run of words tried from every word's start)."""
    return lex.JOINT_VERB_WORD_RE.search(text, start, end) is not None


def listed_hosts(text: str, nodes: list[Node], lex: Lexicon, labelled_only: bool = False,
                 line_labels: bool = False) -> list[str]:
    """'(주최) 외교부, SDGs 시민넷' near the lead, or 'A와 B가 공동 개최하는' in it. With
    `labelled_only`, only a label; with it or `line_labels`, only a label that opens its line."""
    for node in nodes:
        start = content_start(text, node)
        # Every label holds a root ('주최', '주관'): a scan for the roots skips most bullets
        # before the pattern.
        has_label = lex.HOST_LABEL_ROOT_RE.search(text, start, node.span.end) is not None
        m = lex.HOST_LABEL_RE.search(text, start, node.span.end) if has_label else None
        if (labelled_only or line_labels) and m is not None and \
                not lex.LINE_LEAD_RE.fullmatch(text, max(start, text.rfind("\n", start, m.start()) + 1), m.start()):
            m = None            # away from the lead: not '(주최 : …)' of a footnote about another event
        if m is None and not labelled_only and has_joint_verb(text, start, node.span.end, lex):
            m = lex.JOINT_HOSTS_RE.search(text, start, node.span.end)
        if m is None:
            continue
        items = lex.HOST_SPLIT_RE.split(lex.HOST_LIST_END_RE.sub("", m.group("list")))
        # 'A 전기위원회·한국전력거래소·한국전력공사': a middle dot parts hosts when every part is one.
        hosts = [h for h in (host_name(i, lex) for i in items if i.strip()) if h]
        # A dotted list whose parts are mostly hosts is a list of hosts, every part of it.
        hosts = [p for h in hosts for p in dotted_hosts(h, lex)]
        if hosts:
            return hosts
    return []


def near_listed_hosts(text: str, near: list[Node], lex: Lexicon) -> list[str]:
    """listed_hosts of the lead (`near[0]`), else of the bullets after it, with labels opening
    their lines. A list needs a label root or a joint verb: one search for either through
    all of `near` (most leads have neither) spares a search for each per bullet."""
    start, end = near[0].span.start, near[-1].span.end
    if lex.HOST_LABEL_ROOT_RE.search(text, start, end) is None and not has_joint_verb(text, start, end, lex):
        return []
    return listed_hosts(text, near[:1], lex) or listed_hosts(text, near[1:], lex, line_labels=True)


def release_listed_hosts(doc: Document, lex: Lexicon) -> list[str]:
    """'(주최) A, B' on a line anywhere in the release: walked only when the text holds a label
    root at all, which most releases do not."""
    if lex.HOST_LABEL_ROOT_RE.search(doc.text) is None:
        return []
    return listed_hosts(doc.text, list(walk(doc.sections)), lex, labelled_only=True)


def dotted_hosts(item: str, lex: Lexicon) -> list[str]:
    """'A 전기위원회·한국전력거래소·한국전력공사' → three hosts when most parts are hosts ('관세·물류
    지원단' stays one: '관세' is none)."""
    parts = [collapse(p) for p in lex.HOST_DOT_RE.split(item)]
    hosts = sum(is_host(p, lex) for p in parts)
    return parts if len(parts) > 1 and 2 * hosts > len(parts) else [item]


def most_specific(hosts: list[str], lex: Lexicon) -> list[str]:
    """'산림청 국립산림과학원 산림바이오소재연구소' → '산림바이오소재연구소', '환경부 소속
    국립환경과학원' → '국립환경과학원': a chain of bodies (every word one, or a word of the chain)
    hosts as its last; its other links, found again on their own, are no hosts. '인도네시아 정부',
    'UN WOMEN', '애틀랜틱 카운슬' are no chains."""
    chain_words = lex.semantic["event"]["host_chain_words"]
    kept, links = [], set()
    for host in hosts:
        words = lex.HOST_BRACKETS_RE.sub("", host).split()
        last = host.split()[-1] if len(words) > 1 else None
        if last and has_hangul(words[-1]) and words[-1] not in lex.semantic["event"]["government_nouns"] and all(
                w in chain_words or (has_hangul(w) and not lex.COUNTRY_RE.fullmatch(w)
                                     and lex.ORG_WORD_RE.search(w) and is_host(w, lex))
                for w in words) and is_host(words[-1], lex):
            kept.append(last)
            links.update(w for w in words[:-1] if w not in chain_words)
        else:
            kept.append(host)
    return [h for h in kept if h not in links]


def without_contained(hosts: list[str]) -> list[str]:
    """'기후에너지환경부' beside '기후에너지환경부 전기위원회': the longer names it."""
    return [h for h in hosts if not any(h != o and h in o for o in hosts)]


def is_host(part: str, lex: Lexicon) -> bool:
    """'중소기업청', '인도네시아 정부', 'UN WOMEN' are hosts; '문성혁 해양수산부 장관', '박윤주 외교부
    제1차관' and '강 장관' are people; a clause ('논의를 위해 세 기관') or a date ('올해 3월 …') is neither."""
    part = collapse(lex.HOST_BRACKETS_RE.sub("", part))
    words = part.split()
    # any(map(…)): the test of each character runs in C (a generator cost a step per character).
    if not words or len(words) > MAX_HOST_WORDS or any(map(str.isdigit, part)):
        return False
    e = lex.semantic["event"]
    # '유관부처·기관': a collective noun after a middle dot names no body either (split only when
    # the word holds the dot: is_host is asked of every part of every subject).
    last = words[-1]
    for dot in e["host_dots"]:
        if dot in last:
            last = lex.HOST_DOT_RE.split(last)[-1]
            break
    if words[0] in e["host_first_not"] or last in e["host_last_not"] \
            or words[-1].endswith(tuple(e["visitor_nouns"] + e["host_not_endings"] + e["host_person_offices"])):
        return False            # '중남미 방산협력 사절단': a visiting party hosts nothing; '… 사령관' is a person
    if lex.LATIN_BODY_RE.fullmatch(part):
        return True
    # '인도네시아 정부' (a country's), '애틀랜틱 카운슬' (a name's): never '◎ 정부' or '우리 정부'.
    if len(words) > 1 and (words[-1] in e["government_nouns"] and lex.COUNTRY_RE.fullmatch(words[-2])
                           or words[-1] in e["host_nouns"] and has_hangul(words[-2])):
        return True
    org, title = lex.ORG_WORD_RE.search(words[-1]), lex.PERSON_TITLE_TAIL_RE.search(words[-1])
    # '한국지방행정연구원' ends in an organization as long as the title it also ends in.
    return org is not None and (title is None or len(org.group()) >= len(title.group()))


def host_name(part: str, lex: Lexicon) -> str | None:
    """'이번 학회는 국제개발협력학회(학회장 강민아)' → '국제개발협력학회', '‘…’을 주제로 세계물위원회' →
    '세계물위원회', ''20.3.5 22시 FSB' → 'FSB': the words after the clause's last particle, date or
    time, when they name a body."""
    # A mark opening a line ('◎ 정부는') is no word of a name.
    words = [w for w in lex.BRACKETED_WORD_RE.findall(part) if any(map(str.isalnum, w))]
    for i in range(len(words) - 1, 0, -1):
        bare = lex.HOST_BRACKETS_RE.sub("", words[i - 1])
        # '스페인 노동위원회': a country's name that ends like a particle opens the host's name.
        boundary = lex.NAME_BOUNDARY_RE.search(bare) and not lex.COUNTRY_RE.fullmatch(bare)
        if boundary or any(map(str.isdigit, bare)):
            words = words[i:]
            break
    name = collapse(" ".join(words)).strip(",")
    bare = collapse(lex.HOST_BRACKETS_RE.sub("", name))
    if not is_host(bare, lex) or bare in lex.semantic["event"]["not_hosts"]:
        return None
    # A person's bracket stays out ('국제개발협력학회(학회장 강민아)'); an acronym stays in ('국제결제은행(BIS)').
    return bare if lex.PERSON_TITLE_ANY_RE.search(name[len(bare):] if name.startswith(bare) else name) else name


def title_name(doc: Document, lex: Lexicon, lead: tuple[int, int] | None = None) -> str | None:
    """'박윤주 1차관, 한-라오스 외교차관 회담(11.24.)' → '한-라오스 외교차관 회담', '뮌헨 안보회의
    계기 한-캐나다 외교장관회담 개최' → '한-캐나다 외교장관회담': the title's last phrase ending in
    an event noun, without a word that only links it ('계기'). Of two events a title joins ('A
    학술대회 및 B 토론회 개최'), the one the lead (text[lead]) names is the event."""
    return headline_name((doc.release or {}).get("title") or "", doc, lex, lead)


def subtitle_name(doc: Document, lex: Lexicon, lead: tuple[int, int] | None = None) -> str | None:
    """'- 보건복지부, 제3차 노인연령 전문가 간담회 개최 -' under a title that names no event →
    '제3차 노인연령 전문가 간담회': a subtitle written as a headline names the event as a title
    does (read by title_name's rules), when the lead and the title name none."""
    subtitle = (doc.release or {}).get("subtitle") or ""
    verbs = lex.semantic["event"]["name_trailing_verbs"]
    # '사회보장위원회 6개 전문위원회 간 협력체계 구축' holds an event noun but tells no event: a
    # headline that does says it is held ('… 간담회 개최', '… 열려').
    if not any(w.strip(",.…-") in verbs for w in subtitle.split()):
        return None
    return headline_phrase(headline_name(subtitle, doc, lex, lead), lex)


def headline_phrase(name: str | None, lex: Lexicon) -> str | None:
    """A name a subtitle or a headline lead gives, read as a lead's: after a person who chairs it
    ('홍길동 본부장 … 회의' → '… 회의'); none when it is a counterpart or a purpose and then a kind
    of event ('이틀간 3사 대표와 현안 간담회', '… 의견수렴 위한 토론회': a description, no name),
    or a kind alone. A headline drops most particles ('노인연령 전문가 간담회'), so no other word
    ends the name, and a counterpart before more than a kind ('… 안전과 품질 연구성과 심포지엄')
    is part of it."""
    if not name:
        return None
    words = name.split()
    for i in range(len(words) - 2, 0, -1):
        if lex.PERSON_TITLE_TAIL_RE.fullmatch(words[i]) and all(map(has_hangul, words[i - 1])):
            words = words[i + 1:]
            break
    name = " ".join(words)
    return None if is_kind(name, lex) or is_description(name, lex) else name


def is_description(name: str, lex: Lexicon) -> bool:
    """'3사 대표와 현안 간담회', '… 의견수렴 위한 토론회': a counterpart or a purpose (its last
    link word) and then only a kind of event — a description of the event, no name."""
    e = lex.semantic["event"]
    words = name.split()
    for i in range(len(words) - 2, -1, -1):
        if is_headline_link(words[i], e):
            return is_kind(" ".join(words[i + 1:]), lex)
    return False


def is_headline_link(word: str, e: dict[str, Any]) -> bool:
    """'3사 대표와', '사령관과' (a counterpart: three letters or more, ending in 와/과, and no noun
    ending so, '연구성과'), '위한' (a purpose), '참여하는' (a clause)."""
    return word in e["headline_link_words"] or word.endswith(tuple(e["headline_link_endings"])) or (
        len(word) >= e["headline_counterpart_min"] and word.endswith(tuple(e["headline_counterpart_endings"]))
        and not word.endswith(tuple(e["headline_counterpart_not"])))


def is_kind(name: str, lex: Lexicon) -> bool:
    """'간담회', '현안 간담회', '제3차 회의': a kind of event, no name."""
    return not name or name in lex.semantic["event"]["nouns"] or is_generic(name, lex)


def title_series_name(doc: Document, lex: Lexicon) -> str | None:
    """'외교부, 제20차 이프타르(Iftar) 만찬 개최' → '제20차 이프타르(Iftar) 만찬': a title that
    holds a numbered series and a verb of holding right after it names the event by it, event
    noun or none (a dinner, a round of negotiations); its dates in brackets are cut, and a plan
    ('제3차 기본계획') or a bare kind ('제3차 회의') names none."""
    title = (doc.release or {}).get("title") or ""
    m = lex.TITLE_SERIES_RE.search(title)
    if m is None:
        return None
    name = collapse(lex.TITLE_NAME_DATES_RE.sub("", m.group("name")))
    words = name.split()
    if len(words) < 2 or lex.NOT_EVENT_CAPTION_RE.search(words[-1]) or is_generic(name, lex):
        return None
    return name


def headline_lead_name(doc: Document, start: int, end: int, lex: Lexicon) -> str | None:
    """'▷ 제18차 한중일 환경과학원장회의, 11월 4일 화상회의로 개최' → '제18차 한중일
    환경과학원장회의': a lead whose first line is a headline (it ends in a bare verb, '… 개최',
    '… 열려 -') names its event as a title does."""
    stop = doc.text.find("\n", start, end)
    line = doc.text[start:stop if stop >= 0 else end].strip(" -–")
    words = line.split()
    if not words or words[-1] not in lex.semantic["event"]["name_trailing_verbs"]:
        return None
    return headline_phrase(headline_name(line, doc, lex, None), lex)


def headline_quoted(title: str, lex: Lexicon) -> str | None:
    """'… 기념 「제주 지·산·학 IP포럼」 개최' → '제주 지·산·학 IP포럼': a headline's first quoted
    name that ends in an event noun (with the ordinal before it, '제2회 「…」'); a theme, speech
    or a law is none. Only a headline that holds a quote mark is scanned."""
    if not any(q in title for q in NAME_QUOTES_CLOSE):
        return None
    for q in lex.EVENT_NAME_RE.finditer(title):
        name = collapse(q.group("name"))
        if q.group("theme") or q.group("speech") or lex.LAW_NAME_RE.search(name):
            continue
        if lex.EVENT_NOUN_END_RE.search(name):
            return " ".join(quote_prefix(title, 0, q.start(), lex) + [name])
    return None


def headline_name(title: str, doc: Document, lex: Lexicon, lead: tuple[int, int] | None) -> str | None:
    """title_name of a headline's text `title` (the release's title or subtitle). A date that
    opens it ('2.27(목) 디지털 통상협정 설명회 개최') is no part of a name, and its bracket does not
    make the phrase after it a fragment."""
    words = title.split(maxsplit=1)
    while len(words) == 2 and lex.NAME_DATE_WORD_RE.fullmatch(words[0]):
        title = words[1]
        words = title.split(maxsplit=1)
    quoted = headline_quoted(title, lex)
    if quoted:
        return quoted
    names: list[str] = []
    joined = False          # the last phrase follows the one before it across a bare '및'
    previous = None
    kept = None             # where the last phrase kept in `names` ends
    for m in lex.TITLE_EVENT_RE.finditer(title):
        # '세계무역기구(WTO) 각료회의': a phrase cut off by a bracket before it is a fragment.
        if title[:m.start()].rstrip().endswith(")"):
            continue
        words = collapse(m.group("name")).split()
        joined = bool(previous is not None and names and not title[previous:m.start()].strip()
                      and words[0] in lex.semantic["event"]["title_joiners"])
        previous = m.end()
        if kept is not None and not title[kept:m.start()].strip() \
                and words[0] in lex.semantic["event"]["joint_meeting_joiners"]:
            names[-1], kept = " ".join([names[-1]] + words), m.end()    # 'A회의 겸 B협의회': one meeting
            continue
        name = title_quoted_phrase(title, m, lex) or title_phrase_name(words, lex)
        # '관세청장, 대미 수출업체와 간담회 개최': a counterpart and a kind describe the event.
        if name and name not in lex.semantic["event"]["nouns"] and not is_description(name, lex):
            names.append(name)
            kept = m.end()
    if not names:
        return None
    if lead is not None and joined:
        said = "".join(doc.text[lead[0]:lead[1]].split())
        named = [n for n in names[-2:] if "".join(n.split()) in said]
        if named:
            return min(named, key=lambda n: said.find("".join(n.split())))
    return names[-1]


def title_phrase_name(words: list[str], lex: Lexicon) -> str:
    """The name a title's phrase (its words) gives: after its last linking word ('코로나19 관련
    FSB 운영위원회'), sentence ('… 돕는다… 권역별 설명회', '… 조치 - 제7차 …위원회') or closing quote
    ('「…법 시행령 개정안」 국무회의'), without the title's date before it ('7월 29일 …기념식')."""
    e = lex.semantic["event"]
    cut = max((i + 1 for i, w in enumerate(words[:-1])
               if w in e["title_boundaries"] or w.endswith(tuple(e["title_sentence_marks"]))
               or any(q in w[1:] for q in NAME_QUOTES_CLOSE)),      # '’23년도' opens with a year's mark
              default=0)
    words = words[cut:]
    while len(words) > 1 and lex.NAME_DATE_WORD_RE.fullmatch(words[0]):
        words = words[1:]
    # '「2024 양성평등 토론회(…)」' cut at a bracket; "'제품화전략지원단' 업무설명회": a straight
    # quote (no closing mark of its own) around a word of the name is no part of it.
    return " ".join(w.strip(NAME_QUOTES) for w in words).strip(NAME_QUOTES)


def title_quoted_phrase(title: str, m: re.Match[str], lex: Lexicon) -> str | None:
    """'「신라왕경 … 복원·정비 10년의 성과와 도약」 학술대회 개최' → the quote and its event noun,
    when the title's phrase `m` ends in the noun right after a quoted name (whose opening the
    phrase may have cut off at a '·'). None without a closing quote in the phrase."""
    if not any(q in m.group("name") for q in NAME_QUOTES_CLOSE):
        return None
    for q in lex.EVENT_NAME_RE.finditer(title, 0, m.end()):
        if q.group("noun") and q.end("noun") == m.end() and not (q.group("theme") or q.group("speech")):
            name = collapse(q.group("name"))
            if not lex.LAW_NAME_RE.search(name):
                return " ".join(quote_prefix(title, 0, q.start(), lex) + [name, q.group("noun")])
    return None


def without_verb(name: str | None, lex: Lexicon) -> str | None:
    """'… 전문가 토론회 개최' → '… 전문가 토론회', '제11회 녹색건축한마당(온라인 개최)' → '제11회
    녹색건축한마당': a verb written after a name, or a bracketed note of how it is held, is no
    part of it."""
    if name and name.endswith(")"):
        name = lex.NAME_HELD_NOTE_RE.sub("", name)
    words = (name or "").split()
    while len(words) > 1 and words[-1] in lex.semantic["event"]["name_trailing_verbs"]:
        words.pop()
    return " ".join(words) if name else name


def without_footnotes(name: str | None, lex: Lexicon) -> str | None:
    """'제10차 원자력안전협약*(CNS) 이행검토회의' → '제10차 원자력안전협약(CNS) 이행검토회의': a
    footnote's mark is no part of a name. A name without the mark is not searched."""
    if not name or lex.semantic["event"]["footnote_mark"] not in name:
        return name
    return collapse(lex.NAME_FOOTNOTE_RE.sub("", name)) or None


def after_deictics(name: str, lex: Lexicon) -> str | None:
    """'이번 한미 국방장관회담' → '한미 국방장관회담': a day word or a demonstrative opening a name
    cut from running text says which event, and is no part of its name; what is left of
    '이번 화상회의' is a kind of event, no name."""
    words = name.split()
    while words and lex.NAME_DEICTIC_RE.fullmatch(words[0]):
        words = words[1:]
    rest = " ".join(words)
    return rest if rest and not is_generic(rest, lex) and rest not in lex.semantic["event"]["nouns"] else None


def is_generic(name: str, lex: Lexicon) -> bool:
    """'국제 컨퍼런스', '양자 회담', '양자회담': a kind of event with a word before it, no name."""
    e = lex.semantic["event"]
    # '제8차 회의', '3차 대면 회의': a number says which of a kind, and names none.
    words = [w for w in name.split() if not lex.ORDINAL_WORD_RE.fullmatch(w)] or name.split()
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


# --- the event's outline: '(일시·장소) …' lines -----------------------------------------------

@dataclass(frozen=True)
class Outline:
    """'MC-14 대비 국내 전문가 간담회 개요' / 'ㅇ 일시/장소 : '26.03.20(금) 08:00~09:30 / 컨퍼런스하우스
    달개비': the dates, venue and (from the caption) name an outline gives."""
    dates: re.Match[str]
    venue: str | None
    name: str | None
    span: tuple[int, int]


def outline_venue(value: str) -> str | None:
    """A venue as an outline writes it; none when only a time or a number is left."""
    venue = collapse(value).strip(" ,/")
    return venue if venue and not venue[0].isdigit() and len(venue) <= 60 else None


def read_outline_line(m: re.Match[str], lex: Lexicon) -> tuple[re.Match[str] | None, str | None]:
    """The dates and venue of one outline line: '’21. 11. 17(수)~19(금), 서울 동대문디자인플라자(DDP)'."""
    text, start, end = m.string, m.start("rest"), m.end("rest")
    if m.group("venue"):
        return None, outline_venue(text[start:end])
    dates = lex.EVENT_DOTTED_DATES_RE.match(text, start, end) or lex.EVENT_DATES_RE.match(text, start, end)
    if dates is None or not m.group("both"):
        return dates, None
    time = lex.OUTLINE_TIME_RE.match(text, dates.end(), end)
    venue = lex.OUTLINE_VENUE_RE.match(text, time.end() if time else dates.end(), end)
    return dates, outline_venue(venue.group("venue"))


def caption_above(text: str, at: int, lex: Lexicon) -> tuple[str | None, bool]:
    """'전력 거버넌스 포럼 개요' on the line above an outline → ('전력 거버넌스 포럼', True); '□ 행사개요',
    '< 업무 협약식 개요 >' → (None, True); '… 실태조사 개요(3.27)' → (None, False): a survey's outline."""
    lines = text[max(0, at - 200):at].rstrip().rsplit("\n", 2)
    for line in reversed(lines[-2:]):
        if not line.strip():
            continue
        m = lex.OUTLINE_CAPTION_RE.match(lex.NAME_DATES_RE.sub("", line.rstrip()))
        if m is None:
            return None, True
        name = collapse(m.group("name")).strip(NAME_QUOTES + " ")
        if lex.EVENT_NOUN_END_RE.search(name):
            return (name if len(name.split()) > 1 else None), True
        return None, not lex.NOT_EVENT_CAPTION_RE.search(name)
    return None, True


def match_outline(doc: Document, start: int, lex: Lexicon) -> Outline | None:
    """The first outline line with a date after `start`, and the venue line right below it when
    the date line holds none ('(일시) …' then '(장소) …')."""
    text = doc.text
    for line in label_lines(text, start, lex):
        m = lex.OUTLINE_LINE_RE.match(text, line)
        if m is None or m.group("venue"):
            continue
        dates, venue = read_outline_line(m, lex)
        if dates is None:
            continue
        if venue is None:
            for line in lex.OUTLINE_LINE_RE.finditer(text, m.end(), text_reach(text, m.end(), lex)):
                if line.group("venue"):
                    venue = read_outline_line(line, lex)[1]
                    break
        name, of_event = caption_above(text, m.start(), lex)
        if not of_event:
            continue
        return Outline(dates, venue, name, (m.start(), m.end()))
    return None


def label_lines(text: str, start: int, lex: Lexicon) -> list[int]:
    """Starts of the lines after `start` that hold a date label ('일시', '기간'): a scan per
    label's last character (lexicon.ending_scans: 0.5 ns a character, where a find of a
    two-character word costs 1 ns and a pattern opening with several characters 5 ns) instead
    of trying the outline pattern at every position."""
    hits = [m.start() for scan in outline_label_scans(lex) for m in scan.finditer(text, start)]
    if not hits:
        return []           # most releases: no set, no sort
    return sorted({line for at in hits if (line := text.rfind("\n", 0, at) + 1) >= start})


def scans_of(name: str, words: list[str], lex: Lexicon) -> list[re.Pattern[str]]:
    """The patterns lexicon.ending_scans made of `words` under `name`."""
    return [getattr(lex, f"{name}_{i}_RE") for i in range(1, len({w[-1] for w in words if w}) + 1)]


@once_per_lexicon
def outline_label_scans(lex: Lexicon) -> list[re.Pattern[str]]:
    """scans_of the outline's date labels, worked out once per lexicon (each release asks)."""
    return scans_of("OUTLINE_DATE_LABEL", lex.semantic["event"]["outline_date_labels"], lex)


def text_reach(text: str, at: int, lex: Lexicon) -> int:
    """The end of the `outline_reach` lines after `at`."""
    end = at
    for _ in range(lex.semantic["event"]["outline_reach"]):
        nxt = text.find("\n", end + 1)
        if nxt < 0:
            return len(text)
        end = nxt
    return end


# --- sentences about the event after the lead ---------------------------------------------

@dataclass(frozen=True)
class About:
    """A bullet after the lead that talks about its event, from `at`: '이번 회의는 …' (`anaphor`)
    or the event's name ('「국제 금융교육 주간(…)」행사가 …')."""
    node: Node
    at: int
    anaphor: bool


def anaphor_at(text: str, start: int, end: int, lex: Lexicon) -> int | None:
    """Where the first '이번 회의는', '동 포럼에는' in [start, end) opens: a match of
    ANAPHOR_SUBJECT_RE at a word's start (in '이동 회의는', '동' is no anaphor). The pattern
    asks the word's start itself (lexicon.word_openings): the loop is a guard that costs a test."""
    at = start
    while (m := lex.ANAPHOR_SUBJECT_RE.search(text, at, end)) is not None:
        if m.start() == 0 or text[m.start() - 1].isspace():
            return m.start()
        at = m.start() + 1
    return None


def about_event(text: str, nodes: list[Node], name: str | None, lex: Lexicon) -> list[About]:
    """The bullets of `nodes` (in text order) that talk about the event: an anaphor ('이번
    회의는') or its name. One search for an anaphor runs ahead through the bullets, and only a
    bullet it lands in is searched on its own (most hold none)."""
    found = []
    end = nodes[-1].span.end if nodes else 0
    ahead: int | None = -1          # the first anaphor from the bullet on, through to `end`
    named = bool(name) and len(name) >= 4
    for node in nodes:
        span = node.span
        if ahead is not None and ahead < span.start:
            ahead = anaphor_at(text, span.start, end, lex)
        # A match inside the bullet is one the run-ahead search finds too (the newline after a
        # bullet is no part of a match that ends inside it): a bullet before `ahead` holds none.
        # The bullet ends where its line does (or at `end`), written out: asked of every bullet.
        lands = ahead is not None and ahead < span.end
        anaphor = None
        if lands or not (span.end == end or text.startswith("\n", span.end)):
            anaphor = anaphor_at(text, content_start(text, node), span.end, lex)
        if anaphor is not None:
            found.append(About(node, anaphor, True))
        elif named and (at := name_in(text, name, node)) >= 0:
            found.append(About(node, at, False))
    return found


def name_in(text: str, name: str, node: Node) -> int:
    """Where the bullet's text (after its marker and blanks) names the event, or -1. Found
    from the bullet's start: a find that lands after the marker on no blank lands after the
    blanks too, and only one in the marker or on a blank asks for the content's start (a
    step per bullet saved)."""
    at = text.find(name, node.span.start, node.span.end)
    if at >= 0 and (at < node.span.start + len(node.marker or "") or text[at].isspace()):
        return text.find(name, content_start(text, node), node.span.end)
    return at


def host_clauses(text: str, start: int, end: int, lex: Lexicon) -> list[str]:
    """'이번 학회는 A(학회장 …)가 주관하고, B, C, UN WOMEN이 공동으로 주최하며' → [A, B, C, UN
    WOMEN]; '이번 컨퍼런스는 그리스 경제사회위원회에서 주최하는 행사로' → [그리스 경제사회위원회]."""
    hosts = []
    stop = sentence_end(text, start, end)
    # Every host clause holds a verb root ('주최', '주관'): a plain find skips most sentences.
    if not any(text.find(v, start, stop) >= 0 for v in lex.semantic["event"]["host_clause_verbs"]):
        return hosts
    clause = start
    for m in lex.HOST_CLAUSE_RE.finditer(text, start, stop):
        listed, clause = text[clause:m.start()], m.end()
        if lex.CONTAINER_AFTER_RE.match(text, m.end(), stop):
            continue        # '… 한국식품과학회가 주최하는 국제학술대회에서 개최된다': the larger event's host
        items = lex.HOST_SPLIT_RE.split(listed)
        for item in items:
            for part in lex.HOST_LIST_SPLIT_RE.split(item):
                name = host_name(part, lex) if part.strip() else None
                if name and name not in hosts:
                    hosts.append(name)
    return hosts


def collective_hosts(text: str, node: Node, lex: Lexicon) -> list[str]:
    """'정부는 … 관계부처(환경부, 산업통상자원부, 중소벤처기업부) 및 유관기관 합동으로 … 개최한다' →
    the three ministries."""
    m = lex.COLLECTIVE_HOSTS_RE.search(text, content_start(text, node), node.span.end)
    if m is None:
        return []
    items = lex.HOST_SPLIT_RE.split(lex.HOST_LIST_END_RE.sub("", m.group("list")))
    return [h for h in (host_name(i, lex) for i in items if i.strip()) if h]


def genitive_host(text: str, node: Node, name: str | None, lex: Lexicon) -> list[str]:
    """'… 국제원자력기구(IAEA) 의 ‘제10차 … 이행검토회의’에 참석한다' → ['국제원자력기구(IAEA)']."""
    if not name:
        return []
    start = content_start(text, node)
    for m in lex.EVENT_NAME_RE.finditer(text, start, node.span.end):
        if collapse(m.group("name")).rstrip("*").startswith(name[:8]):
            # The pattern ends in the genitive and blanks at the quote: without the genitive as
            # the last character before it, its search (~100 ns a character, a run tried from
            # every position) cannot match.
            lo = max(start, m.start() - 40)
            g = lex.GENITIVE_HOST_RE.search(text, lo, m.start()) \
                if text[lo:m.start()].rstrip().endswith(lex.semantic["event"]["genitive"]) else None
            host = host_name(g.group("org"), lex) if g else None
            return [host] if host else []
    return []


def described_dates(doc: Document, abouts: list[About], ref: tuple[int, int] | None,
                    lex: Lexicon) -> tuple[dt.date | None, dt.date | None, str | None]:
    """'이번 회의는 … 10월 20일부터 24일까지 캐나다 캘거리에서 열리고 있다': the dates (and venue) a
    later sentence about the event gives."""
    text = doc.text
    for about in abouts:
        at = about.at
        stop = sentence_end(text, at, about.node.span.end)
        for pattern in dated_patterns(text, at, stop, lex):
            m = pattern.search(text, at, stop)
            # '지난 2차례('25.2.7.(금), 2.26.(수)) 간담회 이후': a date in brackets is another meeting's.
            if m is not None and text.count("(", at, m.start()) <= text.count(")", at, m.start()):
                first, last = parse_dates(m, ref, lex.semantic["event"]["day_counts"])
                return first, last, parse_venue(text, m.end(), stop, lex)
    return None, None, None


def described_venue(doc: Document, abouts: list[About], lex: Lexicon) -> str | None:
    """'외교부 국민외교센터에서 온라인 생중계로 개최된 동 포럼에는' → '외교부 국민외교센터'."""
    text = doc.text
    for about in abouts:
        if not about.anaphor:
            continue
        held = lex.HELD_AT_RE.search(text, max(content_start(text, about.node), about.at - 80), about.at)
        if held is not None:
            return trim_words(held.group("venue"), lex)
    return None


def trim_words(value: str, lex: Lexicon) -> str | None:
    """The words after the last one that ends in a particle or an adnominal ending."""
    words = value.split()
    for i in range(len(words) - 1, 0, -1):
        if lex.NAME_BOUNDARY_RE.search(words[i - 1]):
            words = words[i:]
            break
    return " ".join(words) or None


def is_until(text: str, after: int, lex: Lexicon) -> bool:
    """'6월 10일까지': a date closed by an until word ('까지') right after it, with no start."""
    return text.startswith(tuple(lex.semantic["event"]["until_words"]), after)


def attends_on_a_trip(text: str, after: int, end: int, lex: Lexicon) -> bool:
    """'4월 6일부터 10일까지 칠레, 브라질을 방문하여 … 전시회 FIDAE 참석, …': after the dates, the
    sentence visits a place and then attends (before it holds anything) — the days are the trip's."""
    e = lex.semantic["event"]
    stop = sentence_end(text, after, end)
    visits = [at for w in e["visit_words"] if (at := text.find(w, after, stop)) >= 0]
    if not visits:
        return False
    attend = [at for w in e["attend_verbs"] if (at := text.find(w, min(visits), stop)) >= 0]
    held = lex.HOST_VERB_RE.search(text, min(visits), stop)
    return bool(attend) and (held is None or min(attend) < held.start())


def visit_venue(text: str, after: int, end: int, lex: Lexicon) -> str | None:
    """'12.11(목)-12(금) 중국 베이징을 방문하여 … 회의를 개최' → '중국 베이징'."""
    m = lex.VISIT_VENUE_RE.match(text, after, end)
    return collapse(m.group("venue")) if m else None


def apply_outline(event: Event, outline: Outline, ref: tuple[int, int] | None) -> Event:
    """An outline of the lead's event (no dates in the lead, or the same first day) gives the
    dates when the lead has none, its venue (the place as the outline labels it: '서울역 서울스퀘어
    베이징룸', not the lead's '서울스퀘어(서울 중구 소재)') and, for a lead without a name, the
    caption's name."""
    first, last = parse_dates(outline.dates, ref)
    if first is None or (event.start_date and event.start_date != first.isoformat()):
        return event
    if not event.start_date:
        event.start_date, event.end_date = first.isoformat(), (last or first).isoformat()
    event.venue = outline.venue or event.venue
    event.name = event.name or outline.name
    return event


def held_event_name(doc: Document, start: int, end: int, outline: Outline | None, lex: Lexicon) -> str | None:
    """'7월 22일부터 이틀간 열린 G20 환경장관회의에서 … 양자회담을 갖고' → 'G20 환경장관회의'."""
    held = lex.HELD_EVENT_RE.search(doc.text, start, end)
    return after_deictics(collapse(held.group("name")), lex) if held else None


# A lead that names no event, or only a kind of it ('제8차 회의', '화상회의'), takes the name the
# first of these gives; the lead's kind stays when none does. Each rule is given the lead's
# content [start, end) and the release's outline.
UNNAMED_LEAD_RULES = (
    ("held_event", held_event_name),
    ("outline_caption", lambda doc, start, end, outline, lex: outline.name if outline else None),
    ("title", lambda doc, start, end, outline, lex: title_name(doc, lex, (start, end))),
    ("subtitle", lambda doc, start, end, outline, lex: subtitle_name(doc, lex, (start, end))),
    ("headline_lead", lambda doc, start, end, outline, lex: headline_lead_name(doc, start, end, lex)),
    ("title_series", lambda doc, start, end, outline, lex: title_series_name(doc, lex)),
    ("attachment", lambda doc, start, end, outline, lex: attachment_name(doc, start, end, lex)),
)


def attachment_name(doc: Document, start: int, end: int, lex: Lexicon) -> str | None:
    """'붙임 1. 제27회 농업인의 날 기념식 개요' for a lead '… 농협중앙회 대강당에서 기념식을
    개최한다' → '제27회 농업인의 날 기념식': the first attachment that outlines an event (its
    text, without the word for the document, ends in an event noun) of the kind the lead
    [start, end) writes. A bare kind ('기념식 계획(안)') names none."""
    for item in (doc.release or {}).get("attachments") or ():
        name = lex.ATTACHMENT_DOCUMENT_RE.sub("", item.get("text") or "").strip()
        kind = lex.EVENT_NOUN_END_RE.search(name) if name and len(name) < len(item["text"]) else None
        # '우리 추도사 및 추도식 사진': a list of documents, no one event's name.
        if kind is None or is_kind(name, lex) or doc.text.find(kind.group(), start, end) < 0 \
                or any(w in lex.semantic["event"]["title_joiners"] for w in name.split()):
            continue
        return name
    return None


def unnamed_lead_name(doc: Document, start: int, end: int, outline: Outline | None, lex: Lexicon) -> str | None:
    """The name UNNAMED_LEAD_RULES give a lead that names none, in their order."""
    for _, rule in UNNAMED_LEAD_RULES:
        name = rule(doc, start, end, outline, lex)
        if name:
            return name
    return None


def parse_event(doc: Document, lead: Lead, lex: Lexicon, near: list[Node] | None = None,
                after: list[Node] | None = None, outline: Outline | None = None) -> Event:
    """The lead's event; `near` are the bullets searched for a list of hosts, `after` those after
    the lead searched for sentences about its event, `outline` the release's outline."""
    node = lead.node
    text, start = doc.text, content_start(doc.text, node)
    near, after = near or [node], after or []
    name = lead.name
    if name is None or is_generic(name, lex):
        name = unnamed_lead_name(doc, start, node.span.end, outline, lex) or name
    else:
        name = title_full_name(doc, name, (start, node.span.end), lex) or name
    name, name_dates = split_name_dates(without_footnotes(without_verb(name, lex), lex), lex)
    dates = lead.dates or match_dates(text, node, lex)
    first = last = None
    venue = None
    ref = reference_year(doc, name, lex, node.span.start)
    if dates:
        first, last = parse_dates(dates, ref, lex.semantic["event"]["day_counts"], reference_day(doc), lex)
        if first is None:
            doc.warn("event", "event_year_unknown", "the event's date has no year and none is known",
                     node.span)
        if first != last and attends_on_a_trip(text, dates.end(), node.span.end, lex):
            first = last = None     # the trip's days, not the attended event's
        elif first is not None and first == last and is_until(text, dates.end(), lex):
            first = None            # '6월 10일까지 ‘… 공모전’을 개최': its last day only
        venue = parse_venue(text, dates.end(), node.span.end, lex) or visit_venue(text, dates.end(), node.span.end, lex)
        for later in dated_patterns(text, dates.end(), node.span.end, lex):
            for m in later.finditer(text, dates.end(), node.span.end):
                venue = venue or parse_venue(text, m.end(), node.span.end, lex)
    venue = venue or match_object_venue(text, start, node.span.end, lex) or venue_before_name(text, start, node.span.end, lex)
    if name_dates:
        # The year: as for the lead's dates, or one written in the lead ('2025년 5월 7일부터 …').
        first, last = parse_dates(name_dates, reference_year(doc, name, lex, node.span.end))
    abouts = about_event(text, after, name, lex)
    first, last, venue = with_described(doc, abouts, ref, (first, last, venue), dates is not None or name_dates is not None, lex)
    hosts = parse_hosts(doc, node, lex) + genitive_host(text, node, name, lex) + collective_hosts(text, node, lex)
    # '국토교통부가 주최하고 한국국토정보공사가 주관하는 「…」', '… 연구원 주관으로 설명회를': the
    # lead's own host clauses, when they name a body not found already (in part or whole).
    clauses = host_clauses(text, start, node.span.end, lex)
    for about in abouts:
        if about.node in after[:HOST_SCAN]:
            hosts += host_clauses(text, about.at, about.node.span.end, lex)
    # '(주최ㆍ주관) A, B, C' near the lead, else anywhere in the release (an outline at its end).
    listed = near_listed_hosts(text, near, lex) or release_listed_hosts(doc, lex)
    hosts += listed
    hosts = without_contained(list(dict.fromkeys(most_specific(
        hosts + [h for h in clauses if not any(h in o or o in h for o in hosts)], lex))))
    event = Event(name, first.isoformat() if first else None, last.isoformat() if last else None, venue,
                  hosts, (node.span.start, node.span.end))
    return apply_outline(event, outline, ref) if outline else event


def with_described(doc: Document, abouts: list[About], ref: tuple[int, int] | None,
                   found: tuple[dt.date | None, dt.date | None, str | None], dated: bool,
                   lex: Lexicon) -> tuple[dt.date | None, dt.date | None, str | None]:
    """The lead's dates and venue, completed by a later sentence about the event: its dates when
    the lead has none, or its longer range around the lead's day (the lead reports one day of a
    conference: '10월 22일 … 발표', '이번 회의는 … 10월 20일부터 24일까지 … 열리고 있다')."""
    first, last, venue = found
    # '올해는 10월 20일부터 24일까지': a later date without a year takes the lead's.
    d_first, d_last, d_venue = described_dates(doc, abouts, (first.year, first.month) if first else ref, lex)
    # A lead whose date has no known year keeps it: a later date is no better guess.
    if d_first and ((first is None and not dated)
                    or (first and d_first <= first <= (d_last or d_first) and (d_last or d_first) > (last or first))):
        first, last, venue = d_first, d_last, venue or d_venue
    return first, last, venue or described_venue(doc, abouts, lex)


def venue_before_name(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """'…을 표어로 농협중앙회 대강당에서 기념식을 개최한다' → '농협중앙회 대강당': the words before
    the 에서 that the event's name and verb follow, after the last that ends in a particle or
    a date; none when they name an event ('… 열린 회의에서') or a time."""
    # The lead's first sentence only: a later one places another part ('… 민속극장에서 개막식과
    # 시상식이 개최된다').
    m = lex.VENUE_BEFORE_NAME_RE.search(text, start, sentence_end(text, start, end))
    if m is None:
        return None
    words = text[max(start, m.start() - VENUE_REACH):m.start()].split()[-MAX_VENUE_WORDS:]
    for i in range(len(words) - 1, 0, -1):
        # '조선인 기숙사(제4소아이료) 터': a bracket closing a word of the place ends no clause.
        word = words[i - 1]
        if (lex.NAME_BOUNDARY_RE.search(word) and not (word.endswith(")") and "(" in word)) \
                or lex.TIME_WORD_RE.fullmatch(word):
            words = words[i:]
            break
    venue = " ".join(words)
    if not venue or any(q in venue for q in NAME_QUOTES) or lex.NAME_BOUNDARY_RE.search(words[0]) \
            or lex.EVENT_NOUN_END_RE.search(venue) or lex.HELD_VENUE_RE.match(venue):
        return None             # a quote, a clause or an event ('개최되는「…」에서'), no place
    return venue


def match_object_venue(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """'… 공개토론회(포럼)을 대구 엑스코(EXCO) 컨퍼런스홀에서 개최했다' → '대구 엑스코(EXCO) 컨퍼런스홀'."""
    m = lex.OBJECT_VENUE_RE.search(text, start, end)
    return collapse(m.group("venue")) if m else None


def outline_event(doc: Document, outline: Outline, lex: Lexicon) -> Event | None:
    """A release with no lead sentence but an outline ('□ 행사개요 / (일시·장소) …'): the event
    the outline gives, named by its caption or the title."""
    first, last = parse_dates(outline.dates, reference_year(doc, None, lex, outline.span[0]))
    if first is None:
        return None
    hosts = release_listed_hosts(doc, lex)
    return Event(without_footnotes(without_verb(outline.name or title_quoted(doc, lex) or title_name(doc, lex), lex), lex),
                 first.isoformat(),
                 (last or first).isoformat(), outline.venue, hosts, outline.span)


def title_full_name(doc: Document, name: str, lead: tuple[int, int], lex: Lexicon) -> str | None:
    """'… 공동학술회의를 개최한다' under the title '…‘통일·외교·안보 국책연구기관 공동학술회의’개최' →
    the title's name: a lead that writes its event by a short form ('공동학술회의', '상황점검회의')
    of the name the title gives (its quote, else its last event phrase, ending in the lead's
    words) takes the title's. The title only: no scan of the text."""
    title = (doc.release or {}).get("title") or ""
    short = "".join(name.split())
    if "".join(title.split()).find(short) <= 0:
        return None             # most titles: the lead's name, from the title's start, or another one
    m = lex.EVENT_NAME_RE.search(title)
    quoted = collapse(m.group("name")) if m and not (m.group("theme") or m.group("speech")) else None
    phrase = title_phrase_after_joiner(title, title_name(doc, lex, lead), lex)
    for found in (quoted, name_words_after_links(without_verb(phrase, lex), lex) if phrase else None):
        full = "".join(found.split()) if found else ""
        if len(full) > len(short) and full.endswith(short) and not lex.LAW_NAME_RE.search(found):
            return found
    return None


def title_phrase_after_joiner(title: str, name: str | None, lex: Lexicon) -> str | None:
    """A title's event phrase, unless a joiner cut it off from the words before it ('소상공인 회복
    및 안전망 강화 두 번째 간담회': '안전망 강화 …' is part of a longer name)."""
    at = title.find(name) if name else -1
    before = title[:at].split() if at >= 0 else []
    return None if not name or (before and before[-1] in lex.semantic["event"]["title_joiners"]) else name


def name_words_after_links(name: str, lex: Lexicon) -> str | None:
    """The words of a name after the last that links it to a sentence ('… 집행을 위한 재정집행
    점검회의' → '재정집행점검회의') or has no letter ('# 제266차 …')."""
    words = name.split()
    for i in range(len(words) - 1, 0, -1):
        word = words[i - 1]
        if (has_hangul(word[-1]) and lex.NAME_BOUNDARY_RE.search(word)) or not any(map(str.isalnum, word)):
            words = words[i:]
            break
    return " ".join(words) or None


def title_quoted(doc: Document, lex: Lexicon) -> str | None:
    """'세계적 스타트업 축제 ‘컴업 2021’, 17일 막 올린다' → '컴업 2021': the name a title quotes."""
    title = (doc.release or {}).get("title") or ""
    m = lex.EVENT_NAME_RE.search(title)
    name = collapse(m.group("name")) if m and not (m.group("theme") or m.group("speech")) else None
    if not name or lex.LAW_NAME_RE.search(name):
        return None
    # The body may write it out with a gloss: '‘컴업(COMEUP)2021’' for the title's '‘컴업 2021’'.
    short = "".join(name.split())
    for q in lex.EVENT_NAME_RE.finditer(doc.text):
        full = collapse(q.group("name"))
        if full != name and "".join(lex.HOST_BRACKETS_RE.sub("", full).split()) == short:
            return full
    return name


def title_event(doc: Document, nodes: list[Node], lex: Lexicon) -> Event | None:
    """'제7차 한-유럽연합(EU) 과학기술공동위원회 개최' over a stub body ('… 개최 관련 보도자료
    내용입니다. 자세한 내용은 첨부파일을 …') or a body with no lead: the title names the release's
    event when it ends in a verb of holding ('… 개최', '… 참석'), read as a headline ('[장관동정]
    김 장관, 업계와 간담회 개최' and '… 극복을 위한 … 간담회 개최' describe and name none). Only a
    release without a lead or an outline asks, and only its title is read; the event has no
    dates, venue or hosts (the body gives none)."""
    e = lex.semantic["event"]
    title = (doc.release or {}).get("title") or ""
    # Most titles end in no such verb: one search at the title's end, before its words are read.
    # '…, G20 재무장관회의, 국제통화금융위원회(IMFC) 회의 등 참석': a list of events names none.
    if lex.TITLE_VERB_END_RE.search(title, max(0, len(title) - TITLE_TAIL)) is None \
            or title.split()[-2:-1] == e["host_list_closers"][:1]:
        return None
    span = (nodes[0].span.start, nodes[0].span.end) if nodes else (doc.release or {}).get("spans", {}).get("title")
    # '제7차 한-유럽연합(EU) 과학기술공동위원회 개최': a numbered series the title's phrase rule
    # leaves as a fragment after its bracket.
    name = headline_phrase(title_name(doc, lex), lex) or title_series_name(doc, lex)
    name = without_footnotes(without_verb(name, lex), lex)
    if not name or not span or any(w in e["headline_link_words"] for w in name.split()):
        return None
    return Event(name, None, None, None, [], (span[0], span[1]))


def first_bullets(doc: Document, count: int, lex: Lexicon) -> list[Node]:
    """The first `count` bullets with text. A bullet holding a link or a file name is metadata
    ('- 기사 URL: …', '… 개최.hwpx'), not a lead: every link URL_RE finds holds '://' or 'www.',
    and plain tests for these, written here rather than in a function called per bullet, skip
    the pattern on almost every bullet."""
    found: list[Node] = []
    # text.walk's stack, written out: a generator's step per bullet cost as much as its tests.
    stack = doc.sections[::-1]
    wanted = count               # bullets still to find: a count down, not a len() per bullet
    while stack:
        node = stack.pop()
        value = node.text
        if value and not (("://" in value or "www." in value) and lex.URL_RE.search(value)):
            found.append(node)
            wanted -= 1
            if wanted == 0:
                break
        if node.children:
            stack.extend(reversed(node.children))
    return found


def run(doc: Document, lex: Lexicon) -> None:
    # The bullets after the lead are gathered only when there is a lead (most releases of the
    # korea.kr records have none): the first LEAD_SCAN are walked again then.
    nodes = first_bullets(doc, LEAD_SCAN, lex)
    at, lead = find_lead(doc.text, nodes, lex)
    outline = match_outline(doc, nodes[0].span.start, lex) if nodes else None
    if at is None or lead is None:
        doc.event = outline_event(doc, outline, lex) if outline else title_event(doc, nodes, lex)
        return
    # Fewer than LEAD_SCAN bullets: the walk ran out, and a longer one gives the same bullets.
    every = nodes if len(nodes) < LEAD_SCAN else first_bullets(doc, at + 1 + ABOUT_SCAN, lex)
    doc.event = parse_event(doc, lead, lex, nodes[at:at + HOST_SCAN], every[at + 1:], outline)
