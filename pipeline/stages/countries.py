"""Countries: what the release says about each country, with its figures and programmes.

Reads: text, sections, people, sessions, figures. Writes: countries.
Example: '* 일본은 … 정부가 주도하며 (2004년 42억6천만엔 예산), …' → a finding for JP whose
figures include 4,260,000,000 JPY.

A bullet is a finding for a country when the country is its subject (`일본은 …`, `일본과
한국은 …` — every name of the chain) or when it reports what a speaker from that country
presented (`호주의 크리스 홀 박사는 …`; the speaker's country comes from the people stage).
Names inside a roster of participants (`11개 회원국 (미국, 일본, …)`) are never findings;
names glued into a word (`한국무역협회`) are not names at all. A line that ends in a list of
countries (`… 제공 정책 (호주, 미국, 싱가포르)`) is an implication for each of them.

A country is also found through its bodies (`미국 정부가`, `싱가포르 지속가능환경부는`, not a
host's `… 정부가 공동 개최하는`), paired with Korea (`한-호주 FTA`), as a partner (`체코와는`), as
a counterpart met (`… 국장과도 면담,`), and as a row of a figure list (`가나 1명`,
`저지*(9.3억 달러)`, names that are also words count only there), and as one of a list closed by
'등' and a noun of countries that is the subject (`미국, 영국 등 주요국도 …`). Names are read in
one scan of the body, each bullet taking its own.

A finding is the bullet, except where its countries do not share it: a figure-list row is its own
country's finding, with only its own figures (`필리핀 3명(3명)` of `아시아(중국 외): 필리핀 3명(3명),
우즈베키스탄 4명(2명), …`), and a bullet that runs on into another paragraph gives each country the
paragraphs that name it (`(중국) … 추진` without the paragraph `대한민국 환경부와 …` after it).

No findings: a name that opens a person's name glossed in Latin (`이란 샤르한(Iran Sharkhan)`); a
person credited in brackets after a listed title (`… 항로의 성격(위디야 나야티, 인도네시아 가자마다대)`);
the subject of a host's or chair's relative clause (`칠레가 의장국을 맡은 회의`, `… 가 내주 개최를
추진중인 …`); a name inside a title in corner brackets (`「서울-파리 공동 선언」`); a scholar's
country named only in their affiliation (`이탈리아 ○○대 … 교수가 기조연설`, or a longer unbroken
phrase before the name); people counted by country under a roster's noun (`연수생 20명을 선발` /
`* 페루 4명, 케냐 3명`) or in a footnote naming as many countries as the count starred above it
(`8개국*` / `* 바베이도스(1), 인도(1), …`); a line opened by a roster's or an example's tag
(`(참석자) …`, `(예시) …`); a person listed among attendees (`… 대통령 등 주요 참석자들과`); a
line of items each tagged with a nationality (`△… 총회의장(체코) △… (바레인)`); a country's body
that hosts the sentence's event; Korea, unless a word of comparison stands next to its name, it
is a row of a per-country list, or it is one of three or more countries — Korea beside one
partner alone (`한국과 몽골은 … 협력국`) is a bilateral relation, which reports nothing about Korea.
"""
from __future__ import annotations

import bisect
import functools
import re
from dataclasses import dataclass
from operator import attrgetter
from collections.abc import Iterable, Iterator
from typing import NamedTuple

from ..document import Document, Node
from ..lexicon import Lexicon, once_per_lexicon
from ..semantic import Country, Figure, Finding, Person, Session
from ..text import NodeIndex, collapse, is_hangul


REPORTING_ROLES = frozenset({"presenter", "keynote"})
COMPARISON_REACH = 2         # nodes between a home-country finding and another country's
AFFILIATION_REACH = 30       # characters before a speaker's name that hold their affiliation
# … or up to this many, in one unbroken noun phrase: '독일의 식품영양연구기관인 막스루브너 연구소
# (Max Rubner Institute) 찰스 프란츠 교수' (a description of the body between them).
AFFILIATION_PHRASE_REACH = 80
AFFILIATION_BREAKS = frozenset(",.\n")     # what ends the noun phrase before a name
COMPARISON_WINDOW = 20       # characters around the home country's name searched for '반면', '비해' …
NOUN_WINDOW = 10             # characters before an acronym searched for '사업인 '
FIGURE_LIST_GAP = 30         # characters between two rows of a figure list ('1명, 아프리카 : ')
ROSTER_REACH = 20            # characters before a list searched for its count ('11개 회원국 (')
FIGURE_DIGIT_REACH = 7       # characters after a name's end to a row's first digit ('* : ( + 3', see lexicon)
BILATERAL_REACH = 4          # characters before a name searched for '한-'
CREDIT_REACH = 3             # characters before a speaker's name searched for a credit's '('
LIST_SEPARATORS = frozenset(",·/")      # between two names of a list: '미국, 일본', '미국 · 일본'


class Mention(NamedTuple):
    """A country name in the text. A named tuple: a seed release makes ~70, and a frozen
    dataclass costs four times as much to build."""
    code: str
    start: int
    name_end: int               # end of the name, before its particle
    end: int
    particle: str | None
    ambiguous: bool
    prefixed: bool = False      # '대중국'
    roster: bool = False        # one of a counted list of participants ('11개 회원국 (미국, …)')


# A Mention from all its fields, made by tuple.__new__ itself: the named tuple's own __new__ is a
# Python function, a call per name on top of the tuple (~70 names in a seed release).
new_mention = functools.partial(tuple.__new__, Mention)


def flattened(nodes: Iterable[Node], into: list[Node]) -> list[Node]:
    """Every node of a bullet tree, parents before their children, in text order: walk's
    order, listed by a loop per level rather than a generator step, a pop and an extend per node
    (the stage reads every node of a release that names a country)."""
    for node in nodes:
        into.append(node)
        if node.children:
            flattened(node.children, into)
    return into


class BodyIndex(NodeIndex):
    """NodeIndex over bullets already in text order (walk's order), which it need not sort."""

    def __init__(self, nodes: list[Node]) -> None:
        self.nodes = nodes
        self.starts = [n.span.start for n in nodes]


@dataclass
class Entry:
    """A country being gathered: where it is first found, and its Country value."""
    first: int
    country: Country


# --- mentions ------------------------------------------------------------------------------

def read_mention(m: re.Match[str], codes: dict[str, str], ambiguous: frozenset[str]) -> Mention:
    """A name match of COUNTRY_RE, COUNTRY_SCAN_RE or COUNTRY_PAIR_SCAN_RE as a Mention (the
    last one's match is the name's first two syllables: the mention ends where its particle or
    name does)."""
    prefix, name, particle = m.group("prefix", "country", "particle")
    return Mention(codes[name], m.start("country"), m.end("country"),
                   m.end("country") if particle is None else m.end("particle"), particle,
                   name in ambiguous, bool(prefix))


def kept_names(found: list[Mention], text: str, lex: Lexicon) -> list[Mention]:
    """An ambiguous name ('수단', '가나') only inside a list of countries or a figure list."""
    return [mt for i, mt in enumerate(found)
            if not mt.ambiguous or in_list(found, i, text, lex) or in_figure_list(found, i, text, lex)]


def kept_mentions(found: list[Mention], text: str, lex: Lexicon) -> list[Mention]:
    """kept_names, each marked once when it is one of a roster."""
    kept = kept_names(found, text, lex)
    roster = roster_indices(kept, text, lex)
    return [mt._replace(roster=True) if i in roster else mt for i, mt in enumerate(kept)] if roster else kept


def country_matches(text: str, start: int, end: int, lex: Lexicon) -> Iterator[re.Match[str]]:
    """What COUNTRY_RE.finditer(text, start, end) finds, found faster with COUNTRY_SCAN_RE (see
    lexicon.py), which takes the character before each name along. A name at `start` is matched
    on its own first: the text before `start` is not scanned. Every name and particle ends in a
    syllable, so a match never ends where the next one could start."""
    first = lex.COUNTRY_RE.match(text, start, end)
    if first is not None:
        yield first
        start = first.end()
    yield from lex.COUNTRY_SCAN_RE.finditer(text, start, end)


def match_mentions(text: str, start: int, end: int, lex: Lexicon) -> list[Mention]:
    """Country names in text[start:end]; '각국', '자국', '역내' and glued names are skipped. The
    stage scans the body once instead; this one-range form is what tests/test_countries.py
    holds that scan to, bullet by bullet."""
    quoted = QuoteIndex(text, start, end, lex)
    codes, ambiguous = lex.semantic["country_table"]["names"], lex.semantic["country_table"]["ambiguous"]
    found = [read_mention(m, codes, ambiguous) for m in lex.COUNTRY_RE.finditer(text, start, end)
             if m.group("country") and not quoted.holds(m.start())]
    return kept_mentions(found, text, lex)


SPAN_START, SPAN_END = attrgetter("span.start"), attrgetter("span.end")


def body_span(nodes: list[Node]) -> tuple[int, int]:
    """The stretch of text the bullets cover."""
    return (min(map(SPAN_START, nodes)), max(map(SPAN_END, nodes))) if nodes else (0, 0)


def body_of(sections: list[Node]) -> tuple[int, int]:
    """body_span without walking the tree: the bullets are in text order (walk's), so the body
    runs from the first one to the last one's last descendant. Most releases name no country
    and need nothing else of the tree."""
    if not sections:
        return (0, 0)
    last = sections[-1]
    while last.children:
        last = last.children[-1]
    return (sections[0].span.start, last.span.end)


def body_matches(text: str, body: tuple[int, int], lex: Lexicon) -> list[re.Match[str]]:
    """The country names of the body, in one scan of it (not one per bullet): country_matches'
    names, and with COUNTRY_PAIR_SCAN_RE (see lexicon.py) a name inside a spaced one before it
    too ('홍콩' in '중국 홍콩'), which mentions_by_node passes over. A body holding the first
    character of a name COUNTRY_PAIR_SCAN_RE leaves out ('괌', '쿡 제도'; 1 of 1,001 korea.kr
    records) is scanned with COUNTRY_SCAN_RE (a C-level find each: ~1 instruction a character),
    and so is one that starts right after a prefix ('대', which COUNTRY_PAIR_SCAN_RE's look-behind
    would take from outside the body: never a bullet's start)."""
    start, end = body
    if text[start - 1:start] not in lex.semantic["countries"]["grammar"]["prefixes"] \
            and not any(text.find(first, start, end) >= 0 for first in unpaired_starts(lex)):
        return list(lex.COUNTRY_PAIR_SCAN_RE.finditer(text, start, end))
    found = []
    first = lex.COUNTRY_RE.match(text, start, end)
    if first is not None:
        if first.group("country") is not None:      # not a word like '각국'
            found.append(first)
        start = first.end()
    found.extend(lex.COUNTRY_SCAN_RE.finditer(text, start, end))     # names only
    return found


@once_per_lexicon
def unpaired_starts(lex: Lexicon) -> tuple[str, ...]:
    """The first characters of the names COUNTRY_PAIR_SCAN_RE's classes leave out: a name of one
    character ('괌') or with no letter second ('쿡 제도')."""
    return tuple(sorted({w[0] for w in lex.semantic["country_table"]["names"] if len(w) == 1 or not w[1].isalpha()}))


def mentions_by_node(text: str, body: tuple[int, int], matches: list[re.Match[str]], index: NodeIndex,
                     lex: Lexicon) -> dict[int, list[Mention]]:
    """Bullet start → its country names, from body_matches. One loop over the names, each read
    in place (no call per name: a seed release has ~70); rosters are read later, and only for
    the bullets whose rules need them (Bullet.roster)."""
    found: dict[int, list[Mention]] = {}
    if not matches:
        return found
    quoted = QuoteIndex(text, *body, lex)
    table = lex.semantic["country_table"]
    codes, ambiguous = table["names"], table["ambiguous"]
    starts, ends = index.starts, [n.span.end for n in index.nodes]
    unclear = set()             # bullets holding an ambiguous name ('가나'), which the list around it decides
    # Names past the last quoted title need no look at the titles (most names: a title is rare).
    quotes_end = quoted.spans[-1][1] if quoted.spans else -1
    # The bullet of the name before (i) and where the next bullet starts: names come in text
    # order, so a name before that start is in the same bullet, told without a bisect.
    i, next_start, names, last, beyond = -1, -1, None, len(starts) - 1, len(text) + 1
    previous_end = -1
    for m in matches:
        # The spans of its last three groups (prefix, country, particle: COUNTRY_RE has one
        # group before them), read in one attribute without a call; the name and its particle
        # are sliced from the text. The mention ends where its particle, else its name, ends
        # (COUNTRY_PAIR_SCAN_RE's match is the name's first two syllables). A prefix that did
        # not take part (-1: COUNTRY_PAIR_SCAN_RE's) starts with the name.
        (at, _), (start, name_end), (_, end) = m.regs[-3:]
        if at < 0:
            at = start
        if end < 0:
            end = name_end
        if at < previous_end:
            continue        # inside the name before ('홍콩' in '중국 홍콩'): a scan from its end skips it
        previous_end = end
        if at >= next_start:
            i = bisect.bisect_right(starts, at) - 1
            next_start = starts[i + 1] if i < last else beyond
            names = None
        if i < 0 or at >= ends[i] or (at < quotes_end and quoted.holds(at)):
            continue
        if names is None:
            names = found[starts[i]] = []
        name = text[start:name_end]
        unclear_name = name in ambiguous
        if unclear_name:
            unclear.add(starts[i])
        names.append(new_mention((codes[name], start, name_end, end, text[name_end:end] or None, unclear_name,
                                  at != start, False)))
    for owner in unclear:
        found[owner] = kept_names(found[owner], text, lex)
    return found


class QuoteIndex:
    """The quoted titles of a text ('「서울-파리 공동 선언」', '‘한-인도네시아 녹색 기술 세미나’'):
    a country named inside one names the title, not a country the release reports on."""

    def __init__(self, text: str, start: int, end: int, lex: Lexicon) -> None:
        self.spans = quoted_spans(text, start, end, lex)
        self.starts = [a for a, _ in self.spans]

    def holds(self, at: int) -> bool:
        if not self.spans:
            return False
        i = bisect.bisect_right(self.starts, at) - 1
        return i >= 0 and at < self.spans[i][1]


def quoted_spans(text: str, start: int, end: int, lex: Lexicon) -> list[tuple[int, int]]:
    """QUOTED_TITLE_RE.finditer's spans in text[start:end]. A title starts at its opening
    bracket, and str.find reaches the next one ~40x faster than the pattern's own search."""
    openers = [a for a, _ in lex.semantic["countries"]["quoted"]["pairs"]]
    spans: list[tuple[int, int]] = []
    while True:
        at = min((i for i in (text.find(a, start, end) for a in openers) if i >= 0), default=-1)
        if at < 0:
            return spans
        m = lex.QUOTED_TITLE_RE.match(text, at, end)
        if m is not None:
            spans.append(m.span())
        start = m.end() if m is not None else at + 1


def in_figure_list(mentions: list[Mention], i: int, text: str, lex: Lexicon) -> bool:
    """'콜롬비아 1명, 아프리카 : 가나 1명(1명)', '케이맨제도(12.6억 달러), 저지*(9.3억 달러)': an
    ambiguous name with its figure, beside another country with its own, is a row of the list."""
    if not lex.COUNTRY_FIGURE_AFTER_RE.match(text, mentions[i].name_end):
        return False
    for j in (i - 1, i + 1):
        if 0 <= j < len(mentions) and not mentions[j].ambiguous and mentions[j].particle is None \
                and lex.COUNTRY_FIGURE_AFTER_RE.match(text, mentions[j].name_end):
            a, b = sorted((mentions[i], mentions[j]), key=lambda m: m.start)
            if "," in text[a.end:b.start] and b.start - a.end <= FIGURE_LIST_GAP:
                return True
    return False


def in_list(mentions: list[Mention], i: int, text: str, lex: Lexicon) -> bool:
    """'가나, 케냐, 수단': an ambiguous name counts only next to another country."""
    neighbours = [j for j in (i - 1, i + 1) if 0 <= j < len(mentions) and not mentions[j].ambiguous]
    for j in neighbours:
        a, b = (mentions[j], mentions[i]) if j < i else (mentions[i], mentions[j])
        between = text[a.name_end:b.start]
        if lex.COUNTRY_LIST_SEP_RE.match(between) or lex.COUNTRY_CHAIN_RE.match(between):
            return True
    return False


def list_runs(mentions: list[Mention], text: str, lex: Lexicon) -> list[tuple[int, int]]:
    """[first, last] index pairs of names written as one comma list ('미국, 일본, 싱가포르')."""
    runs, first = [], 0
    for i in range(1, len(mentions) + 1):
        # What COUNTRY_LIST_SEP_RE matches, read without a pattern call: one separator, blanks around.
        if i == len(mentions) or text[mentions[i - 1].end:mentions[i].start].strip() not in LIST_SEPARATORS:
            runs.append((first, i - 1))
            first = i
    return runs


def roster_indices(mentions: list[Mention], text: str, lex: Lexicon) -> set[int]:
    """'11개 회원국 (미국, 일본, …)', '… 인도네시아 등 11국에서': a counted list of participants."""
    table = lex.semantic["country_table"]
    noun_ends, closer = table["roster_noun_ends"], table["list_closer"]
    roster: set[int] = set()
    for first, last in list_runs(mentions, text, lex):
        at, end = mentions[first].start, mentions[last].end
        # Each pattern only where the character it needs stands: before the list (blanks and one
        # '(' aside) a roster noun's last syllable, after it (blanks aside) '등' or a digit. Most
        # lists have neither; a string look is cheaper than a pattern call.
        before = text[at - ROSTER_REACH if at > ROSTER_REACH else 0:at].rstrip()
        if before[-1:] == "(":
            before = before[:-1].rstrip()
        after = text[end:end + ROSTER_REACH].lstrip()[:1]
        if (before[-1:] in noun_ends and lex.ROSTER_BEFORE_RE.search(text, max(0, at - ROSTER_REACH), at)) \
                or ((not after or after == closer or after.isdecimal()) and lex.ROSTER_AFTER_RE.match(text, end)):
            roster.update(range(first, last + 1))
    return roster


def subject_indices(mentions: list[Mention], text: str, lex: Lexicon) -> set[int]:
    """'일본은', and every name chained to a subject: '일본과 한국은', '일본과 한국, 그리고 미국과'."""
    subjects: set[int] = set()
    particles = lex.semantic["country_table"]["subject_particles"]
    hosts = lex.semantic["country_table"]["host_particles"]
    for i, mention in enumerate(mentions):
        if mention.particle not in particles:       # what SUBJECT_PARTICLE_RE matches, as a set
            continue
        if mention.particle in hosts and lex.HOST_CLAUSE_AFTER_RE.match(text, mention.end):
            continue        # '캐나다가 의장국을 맡은 회의에서': the subject of a host's relative clause
        subjects.add(i)
        j = i - 1
        while j >= 0 and lex.COUNTRY_CHAIN_RE.match(text[mentions[j].name_end:mentions[j + 1].start]):
            subjects.add(j)
            j -= 1
    return subjects


class Speaker(NamedTuple):
    """A presenter's country and where their mention in a bullet starts (a named tuple: a frozen
    dataclass costs several times as much to build, one per mention of each speaker)."""
    code: str
    at: int
    academic: bool = False      # '… 볼로냐대 마르코 로시 교수': a scholar speaks for no country


def is_scholar(person: Person, lex: Lexicon) -> bool:
    """'… 교수', '… 대학교' (title or affiliation): a scholar, who speaks for no country."""
    table = lex.semantic["country_table"]
    return ((person.title or "").endswith(table["academic_titles"])
            or (person.affiliation or "").endswith(table["academic_affiliations"]))


def reports_for_country(person: Person) -> bool:
    """Only a speaker who presented something reports for a country ('호주의 크리스 홀 박사는 …
    발표'); a participant or a person merely named ('인도 모디 총리에게') does not."""
    return bool(person.country and not person.home and not REPORTING_ROLES.isdisjoint(person.roles))


def speakers_by_node(doc: Document, index: NodeIndex, lex: Lexicon) -> dict[int, list[Speaker]]:
    """Bullet start → the speakers it names, with their countries ('호주의 크리스 홀 박사는 …' → AU)."""
    found: dict[int, list[Speaker]] = {}
    for person in filter(reports_for_country, doc.people):
        academic = is_scholar(person, lex)
        for start, _ in [person.span, *person.mentions]:
            owner = index.owner(start)
            if owner is not None:
                found.setdefault(owner, []).append(Speaker(person.country, start, academic))
    return found


# --- findings, implications, programmes ----------------------------------------------------

class Bullet:
    """A bullet that names a country or a speaker, as the rules read it: its names (`names`),
    those whose country no rule has found yet (`open`) and those of them with no particle
    (`bare`, the only ones most per-name rules read), its speakers, the node above it, and
    what several rules read, computed once (`content`, `roster`). The flags tell a rule it may
    find something (`has_subject`; `prefixed`: a bare name has a prefix, '대중국')."""
    __slots__ = ("node", "start", "end", "content", "tagged", "names", "open", "bare", "speakers", "before",
                 "has_subject", "prefixed", "_roster", "rows", "by_row")

    def __init__(self, text: str, node: Node, names: list[Mention], speakers: list[Speaker],
                 before: Node | None, lex: Lexicon) -> None:
        self.node, self.start, self.end = node, node.span.start, node.span.end
        # content_start's offset, found by lstrip rather than a loop over the blanks.
        after_marker = text[self.start + len(node.marker or ""):self.end]
        self.content = self.end - len(after_marker.lstrip())
        # Whether the bullet opens with a tag's bracket ('(중국) …'): a look at one character
        # spares COUNTRY_TAG_RE on every other bullet.
        self.tagged = self.content < self.end and text[self.content] in lex.semantic["country_table"]["tag_openers"]
        self.names = self.open = names
        self.speakers, self.before = speakers, before
        subject = lex.semantic["country_table"]["subject_particles"]
        self.bare, self.has_subject, self.prefixed = [], False, False
        for m in names:
            if m.particle is None:
                self.bare.append(m)
                if m.prefixed:
                    self.prefixed = True
            elif m.particle in subject:
                self.has_subject = True
        self._roster: set[int] | None = None
        self.rows: list[Mention] = []       # the figure-list rows whose countries figure_list found
        self.by_row: set[str] = set()       # … those countries, when no rule before it found them

    def close(self, codes: dict[str, None]) -> None:
        """Drop the names of countries found already: no later rule can add them again."""
        self.open = [m for m in self.open if m.code not in codes]
        if self.bare:
            self.bare = [m for m in self.bare if m.code not in codes]

    def roster(self, text: str, lex: Lexicon) -> set[int]:
        """Starts of the names that are one of a roster ('11개 회원국 (미국, 일본, …)'): read only
        for a bullet with a subject or a figure row, the two rules that skip them."""
        if self._roster is None:
            self._roster = {self.names[i].start for i in roster_indices(self.names, text, lex)}
        return self._roster



def match_subjects(text: str, b: Bullet, lex: Lexicon) -> list[str]:
    """'* 일본과 한국은 …' → ['JP', 'KR']; names in a roster never count."""
    if not b.has_subject:
        return []
    roster = b.roster(text, lex)
    return [b.names[i].code for i in sorted(subject_indices(b.names, text, lex)) if b.names[i].start not in roster]


def match_speakers(text: str, b: Bullet, lex: Lexicon) -> list[str]:
    """'* 호주 교육부의 저드 국장은 …' → ['AU'] (countries from the people stage). A scholar's
    country named only in their affiliation ('이탈리아 볼로냐대 마르코 로시 교수가 … 기조연설')
    is where they work, not a finding; the bullet must name it again ('… 뉴질랜드의 채용 사례를
    발표') or be a case the scholar reports ('… 사례에서는 한국 ○○대 … 교수가 … 실시한 내용을
    소개': a case presented is the presenter's country's). An official of a country's body speaks
    for it; one of a list of attendees ('… 대통령, … 등 주요 참석자들과') presented nothing."""
    found = []
    closer = lex.semantic["countries"]["roster"]["attendee_closer"]
    openers = lex.semantic["country_table"]["credit_openers"]
    for speaker in b.speakers:
        if text[max(b.start, speaker.at - CREDIT_REACH):speaker.at].rstrip()[-1:] in openers:
            continue        # '… 항로의 성격(위디야 나야티, 인도네시아 가자마다대)': a title's credit
        # '바이든 미국 대통령, … 등 주요 참석자들과': one of a list of attendees. A find of the
        # list's '등' (in C) spares the pattern for most speakers.
        if text.find(closer, speaker.at, b.end) >= 0 and lex.ATTENDEE_LIST_RE.match(text, speaker.at, b.end):
            continue
        if not speaker.academic:
            found.append(speaker.code)      # most speakers: nothing below is read for them
            continue
        named = [m for m in b.open if m.code == speaker.code]
        if not named or any(not in_affiliation(text, m, speaker.at) for m in named) \
                or reports_a_case(text, b, lex):
            found.append(speaker.code)
    return found


def in_affiliation(text: str, m: Mention, at: int) -> bool:
    """Whether a name before a scholar's name (at `at`) is in their affiliation: close to it
    ('이탈리아 볼로냐대 마르코 로시 교수'), or further, with no break of the phrase between
    ('독일의 식품영양연구기관인 막스루브너 연구소(…) 찰스 프란츠 교수')."""
    if not m.start < at:
        return False
    if at - m.start <= AFFILIATION_REACH:
        return True
    return at - m.start <= AFFILIATION_PHRASE_REACH and AFFILIATION_BREAKS.isdisjoint(text[m.end:at])


def reports_a_case(text: str, b: Bullet, lex: Lexicon) -> bool:
    """'… 사례에서는 한국 ○○대 … 교수가 …': the bullet presents a case (looked up only for a
    scholar whose country the bullet names only in their affiliation)."""
    return any(text.find(word, b.start, b.end) >= 0 for word in lex.semantic["countries"]["speakers"]["case_words"])


def match_tag(text: str, b: Bullet, lex: Lexicon) -> list[str]:
    """'(중국) 2015년 대비 … 34.8% 감소' → ['CN']: a country tag opening the bullet."""
    if not b.tagged:
        return []
    m = lex.COUNTRY_TAG_RE.match(text, b.content, b.end)
    return [lex.semantic["country_table"]["names"][m.group("country")]] if m else []


def match_figure_lists(text: str, b: Bullet, lex: Lexicon) -> list[Mention]:
    """'러시아 1명, 카자흐스탄 2명(2명)', '일본 +12.4, 독일 △3.1', '(1위:대만)799(+8.1)': a figure
    right after a name is that country's."""
    # Every row has a digit at most FIGURE_DIGIT_REACH characters after its name: one search of
    # the stretch of the names spares a pattern call per name in most bullets (lists of names).
    if not b.bare:
        return []
    first, last = b.bare[0].name_end, b.bare[-1].name_end
    if not lex.COUNTRY_FIGURE_DIGIT_RE.search(text, first, last + FIGURE_DIGIT_REACH):
        return []
    rows = [m for m in b.bare if lex.COUNTRY_FIGURE_AFTER_RE.match(text, m.name_end)]
    if not rows:
        return rows
    # '…, 스리랑카 4개국 공무원': the count of a roster is no country's figure.
    roster = b.roster(text, lex)
    return [m for m in rows if m.start not in roster]


def is_counted_footnote(text: str, b: Bullet, lex: Lexicon) -> bool:
    """'… 참여 중인 8개국*을 대상으로 … / * 바베이도스(1), 인도(1), …': a footnote naming as
    many countries as the starred count of the line above it is that count's list (read only
    for a footnote with figure-list rows)."""
    if b.before is None or not (b.node.marker or "").startswith("*"):
        return False
    start, end = b.before.span.start, b.before.span.end
    if text.find("*", start, end) < 0:
        return False
    counts = {int(m.group("count")) for m in lex.COUNTED_COUNTRIES_STAR_RE.finditer(text, start, end)}
    return len({m.code for m in b.names}) in counts


def match_figure_lists_not_rosters(text: str, b: Bullet, lex: Lexicon) -> list[str]:
    """Figure-list rows, unless the bullet or the line above it (a footnote's) names a roster
    ('연수생 20명을 선발 … / * 인도네시아 3명, 우즈벡 3명'): people counted by country; none in a
    footnote listing a counted roster ('8개국*을 대상으로 … / * 바베이도스(1), 인도(1), …')."""
    found = match_figure_lists(text, b, lex)
    rows = [m.code for m in found]
    if rows and is_counted_footnote(text, b, lex):
        return []
    if rows and any(lex.ROSTER_NOUN_RE.search(text, n.span.start, n.span.end) for n in (b.node, b.before) if n):
        rows = [m.code for m in b.open if m.code in rows and not lex.PEOPLE_COUNT_AFTER_RE.match(text, m.name_end)]
    if rows:
        b.rows = [m for m in found if m.code in rows]
    return rows


def match_closed_lists(text: str, b: Bullet, lex: Lexicon) -> list[str]:
    """'미국, 영국 등 주요국도 금융교육을 … 채택' → ['US', 'GB']: a list closed by '등' and a noun
    of countries that is the subject ('… 등 5개국이 참석', a count, is a roster's)."""
    closer = lex.semantic["country_table"]["list_closer"]
    found: list[str] = []
    names = b.names
    for i, m in enumerate(names):
        # '영국 등' (no particle) or '영국등' (the closer read as one): a find before the pattern.
        if (m.particle is not None and m.particle != closer) or text.find(closer, m.name_end, m.name_end + 3) < 0 \
                or not lex.CLOSED_LIST_SUBJECT_RE.match(text, m.name_end):
            continue
        first = i
        while first > 0 and names[first - 1].particle is None \
                and lex.COUNTRY_LIST_SEP_RE.match(text[names[first - 1].end:names[first].start]):
            first -= 1
        found.extend(n.code for n in names[first:i + 1])
    return found


def row_span(text: str, b: Bullet, m: Mention, lex: Lexicon) -> tuple[int, int]:
    """The stretch of a figure-list row: its name and what follows it up to the next row — '인도
    2명(1명)' of '아시아(중국 외) : 인도 2명(1명), 우즈베키스탄 1명', '미국(61.2억 달러)' (a bracket
    right after the name closes the row), '(1위:대만)799(+8.1)' (the name's own bracket opens it).
    A row ends at a separator outside brackets, at a bracket opened before the row ('… 6명(…,
    쿠웨이트 1명), 유럽 …'), at the next name, or before the label of the next group ('타지키스탄
    2명 유럽: 터키 7명')."""
    table = lex.semantic["country_table"]
    ends, closer = table["row_ends"], table["list_closer"]
    start, i, depth, digit = m.start, m.name_end, 0, False
    limit = next((n.start for n in b.names if n.start > m.start), b.end)
    if text[i:i + 1] == "*":
        i += 1
    closes_at_bracket = text[i:i + 1] == "("
    while i < limit:
        ch = text[i]
        if ch == "(":
            depth += 1
        elif ch == ")":
            if depth:
                depth -= 1
                if depth == 0 and closes_at_bracket:
                    i += 1
                    break
            elif digit:
                break           # a bracket opened before the row closes after it
            else:               # '(1위:대만)799': the name stands in its own bracket
                opening = text.rfind("(", b.content, m.start)
                start = opening if opening >= 0 else start
        elif depth or not digit:
            pass                # a row ends only after its figure: '중국\n506천원' in a table's cells
        elif ch in ends and not (ch == "," and text[i - 1:i].isdigit() and text[i + 1:i + 2].isdigit()):
            if ch == ":":       # the next group's label: the row ends before its word
                j = i
                while j > start and text[j - 1].isspace():
                    j -= 1
                if is_hangul(text[j - 1]):
                    i = max(text.rfind(" ", start, j), m.name_end)
            break
        elif ch == closer[0] and text[i - 1].isspace() and text.startswith(closer, i) \
                and not is_hangul(text[i + len(closer):i + len(closer) + 1]):
            break               # '태국 8명 등 해외여행력 86명': the list's closer
        if ch.isdigit():
            digit = True
        i += 1
    end = min(i, limit)
    while end > start and (text[end - 1].isspace() or text[end - 1] in ends):
        end -= 1
    return start, end


def paragraphs(text: str, b: Bullet, lex: Lexicon) -> list[tuple[int, int]]:
    """The bullet's paragraphs, when a blank line splits it ('□ (중국) … 추진' and the paragraph it
    runs on into, '대한민국 환경부와 …'); the first starts with the bullet, the others at their
    text. Empty when the bullet is one paragraph (most: a find of a line break rules them out)."""
    if text.find("\n", b.content, b.end) < 0:
        return []
    spans, start = [], b.start
    for m in lex.PARAGRAPH_BREAK_RE.finditer(text, b.content, b.end):
        spans.append((start, m.start()))
        start = m.end()
    if not spans:
        return []
    spans.append((start, b.end))
    trimmed = []
    for a, z in spans:
        piece = text[a:z]
        a, z = a + len(piece) - len(piece.lstrip()), z - len(piece) + len(piece.rstrip())
        if a < z:
            trimmed.append((b.start if a <= b.content else a, z))
    return trimmed if len(trimmed) > 1 else []


def row_spans(text: str, b: Bullet, code: str, pieces: list[tuple[int, int]],
              lex: Lexicon) -> list[tuple[int, int]]:
    """'필리핀 3명(3명)': each row of a figure list the figure_list rule found the country by."""
    return [row_span(text, b, m, lex) for m in b.rows if m.code == code] if code in b.by_row else []


def paragraph_spans(text: str, b: Bullet, code: str, pieces: list[tuple[int, int]],
                    lex: Lexicon) -> list[tuple[int, int]]:
    """'(중국) … 추진' of a bullet that runs on into '대한민국 환경부와 중화인민공화국 …': the
    paragraphs naming the country (or its speaker), in a bullet of several."""
    if not pieces:
        return []
    at = [m.start for m in b.names if m.code == code] + [s.at for s in b.speakers if s.code == code]
    return [p for p in pieces if any(p[0] <= x < p[1] for x in at)]


# Where a country's findings in a bullet are, when its countries do not all share it: the first
# rule that gives spans wins; else the finding is the bullet.
FINDING_SPANS = (
    ("figure_list_row", row_spans),
    ("paragraph", paragraph_spans),
)


def finding_spans(text: str, b: Bullet, code: str, pieces: list[tuple[int, int]], lex: Lexicon) -> list[tuple[int, int]]:
    """The spans of a country's findings in a bullet (FINDING_SPANS), else the bullet's."""
    for _, rule in FINDING_SPANS:
        spans = rule(text, b, code, pieces, lex)
        if spans:
            return spans
    return [(b.start, b.end)]


def match_prefixed(text: str, b: Bullet, lex: Lexicon) -> list[str]:
    """'대중국 수출은 … 증가' → ['CN']."""
    return [m.code for m in b.bare if m.prefixed and lex.PREFIXED_SUBJECT_RE.match(text, m.end)]


def match_counterparts(text: str, b: Bullet, lex: Lexicon) -> list[str]:
    """'… 라오스 외교부 차관과 회담을 갖고' → ['LA']: the country of a bilateral counterpart."""
    # Every counterpart phrase holds a meeting noun: one search skips most bullets.
    if not b.open or not lex.MEETING_NOUN_RE.search(text, b.start, b.end):
        return []
    joiners = lex.semantic["countries"]["counterpart"]["joiners"]
    return [m.code for m in b.open if (m.particle is None or m.particle in joiners)
            and lex.COUNTERPART_AFTER_RE.match(text, m.end) and not opens_glossed_name(text, m, lex)]


def opens_glossed_name(text: str, m: Mention, lex: Lexicon) -> bool:
    """'이란 샤르한(Iran Sharkhan) 산업인프라개발부 차관': the name opens a person's name glossed
    in Latin letters — the gloss has a word for each Hangul word, the country's English name
    for the name — so it is that person's given name (read only for a name a rule has taken)."""
    if m.particle is not None:
        return False
    g = lex.GLOSSED_NAME_AFTER_RE.match(text, m.end)
    if g is None:
        return False
    gloss = g.group("gloss").lower().split()
    english = lex.semantic["country_table"]["info"][m.code]["name_en"].lower().split()
    return gloss[:len(english)] == english and len(gloss) == len(english) + len(g.group("words").split())


def match_organs(text: str, b: Bullet, lex: Lexicon) -> list[str]:
    """'미국 정부가 … 조사개시를 발표한', '싱가포르 지속가능환경부는 …' → the body's country."""
    # The body's words start after a blank or a gloss: a name followed by ',' is skipped unread.
    return [m.code for m in b.bare if (text[m.end:m.end + 1] == "(" or text[m.end:m.end + 1].isspace())
            and lex.ORGAN_SUBJECT_RE.match(text, m.end) and not opens_glossed_name(text, m, lex)]


def match_bilateral(text: str, b: Bullet, lex: Lexicon) -> list[str]:
    """'한-호주 FTA 활용', '한-라오스 외교차관 회담' → the partner of the bilateral relation."""
    joiners = lex.semantic["countries"]["bilateral"]["joiners"]
    # The joiner stands right before the name or one blank before it: most names fail that test.
    return [m.code for m in b.open
            if (text[m.start - 1:m.start] in joiners or text[m.start - 2:m.start - 1] in joiners)
            and lex.BILATERAL_BEFORE_RE.search(text, max(0, m.start - BILATERAL_REACH), m.start)]


def is_roster_line(text: str, b: Bullet, lex: Lexicon) -> bool:
    """'(참석자) 칼슨 전 스웨덴 개발협력부 장관(기조연설), …': a line listing who attends."""
    return b.tagged and lex.ROSTER_TAG_RE.match(text, b.content, b.end) is not None


def is_example_line(text: str, b: Bullet, lex: Lexicon) -> bool:
    """'* (예시) 감자탕〔돼지고기(70%) : 덴마크 70%, 독일 30%〕': a line that gives an example."""
    return b.tagged and lex.EXAMPLE_TAG_RE.match(text, b.content, b.end) is not None


# Bullets that report nothing about any country they name, whatever the rules would find: each
# opens with something the bullet's flags tell (a tag's bracket), so most bullets are not called.
NOT_FINDINGS = (
    ("roster_line", is_roster_line),
    ("example_line", is_example_line),
)


def match_header(text: str, b: Bullet, lex: Lexicon) -> str | None:
    """'【 베트남 】', '< 일본 >' alone on a line: the bullets after it, down to the next header or a
    bullet above its level, are findings for that country."""
    if not b.tagged:
        return None
    m = lex.COUNTRY_TAG_RE.match(text, b.content, b.end)
    if m is None or text[m.end():b.end].strip():
        return None
    return lex.semantic["country_table"]["names"][m.group("country")]


# A bullet is a finding for every country any rule names. Each rule returns the codes it finds,
# in the order of their names, and finds none when the bullet's field it reads is empty (its
# subject flag, its speakers, its tag, its names still open: b.open, those of them with no
# particle: b.bare, whether one of those has a prefix). That field is looked at before the call:
# most bullets with a finding are found by their subject or their speaker, after which no name
# is open and no rule is called.
RULES = (
    ("subject", "has_subject", match_subjects),
    ("speaker", "speakers", match_speakers),
    ("tag", "tagged", match_tag),
    ("closed_list", "open", match_closed_lists),
    ("figure_list", "bare", match_figure_lists_not_rosters),
    ("prefixed", "prefixed", match_prefixed),
    ("counterpart", "open", match_counterparts),
    ("organ", "bare", match_organs),
    ("bilateral", "open", match_bilateral),
)
# The fields of the rules that read only names still open (RULES lists them after the others).
NAME_FIELDS = frozenset({"open", "bare", "prefixed"})


def finding_countries(text: str, b: Bullet, lex: Lexicon) -> list[str]:
    """Every country any rule names, in rule order. A name of a country found already can add
    nothing: each rule reads only the names still open (every rule reads a name on its own, or
    with the other names of its country), which spares most of the per-name patterns."""
    codes: dict[str, None] = {}
    for name, reads, rule in RULES:
        if reads in NAME_FIELDS and not b.open:
            break       # every name found: the rules from here read only open names
        if not getattr(b, reads):
            continue
        found = rule(text, b, lex)
        if found:
            if name == "figure_list":
                b.by_row.update(code for code in found if code not in codes)
            for code in found:
                codes[code] = None
            b.close(codes)
    return list(codes)


def match_implication(text: str, b: Bullet, lex: Lexicon) -> tuple[str, list[str]] | None:
    """'… 제공 정책 (호주, 미국, 싱가포르)' → ('… 제공 정책', ['AU', 'US', 'SG']). The bracket that
    closes the line may be left open ('… 정책 (멕시코'): a line cut at its end still names them."""
    # The list opens at the line's last '(' (it holds none): rfind finds it without a search.
    opening = text.rfind("(", b.start, b.end)
    start = b.content
    if opening < start:
        return None
    # TRAILING_LIST_RE lets only blanks follow a closing bracket: '(PECC)에서 …' is no list,
    # told by a find rather than the pattern's lazy walk to the line's end.
    closing = text.find(")", opening, b.end)
    if closing >= 0 and text[closing + 1:b.end].strip():
        return None
    m = lex.TRAILING_LIST_RE.match(text, opening, b.end)
    if m is None or m.start() == start:
        return None
    names = lex.semantic["country_table"]["names"]
    items = []
    for item in lex.LIST_ITEM_SPLIT_RE.split(m.group("list")):
        if item not in names:           # most items are a name as written: no collapse, no strip
            if not item.strip():
                continue
            item = collapse(item)
            if item not in names:
                return None
        items.append(item)
    if not items:
        return None
    if lex.ROSTER_NOUN_RE.search(text, start, m.start()):
        return None         # '연수생 30명이 참가하였다 (베트남, 몽골, 라오스)': who took part, no implication
    if tags_items_by_country(text, b, opening):
        return None
    return collapse(text[start:m.start()]), list(dict.fromkeys(names[i] for i in items))


def tags_items_by_country(text: str, b: Bullet, opening: int) -> bool:
    """'△얀 카반 제57차 총회의장(체코) △피터 톰슨 제71차 총회의장(피지) … (바레인)': a line
    whose items each carry a country alone in brackets lists them by nationality; its last
    bracket is one more item's, not a list of countries the line's policy holds for."""
    return any(m.start < opening and text[m.start - 1:m.start] == "(" and text[m.name_end:m.name_end + 1] == ")"
               for m in b.names)


def programs_in(text: str, start: int, end: int, lex: Lexicon) -> list[str]:
    """'PROSOFT 프로그램', 'TIMPs 사업', '사업인 SME21', '‘플랜 ABCDE'라는 정책', '‘… 시범 사업’'."""
    # Every programme names a programme noun in the bullet (after it, before it or as its last
    # word): one search rules out most bullets before the scan.
    if not lex.PROGRAM_NOUN_RE.search(text, start, end):
        return []
    # Without a '사업인 ' in the bullet, only an acronym a programme noun follows can be one: the
    # scan that yields only those passes over 'APEC', 'IT' … in C (~9 in 10 on the seed).
    noun_before = lex.PROGRAM_NOUN_BEFORE_HINT_RE.search(text, start, end) is not None
    found: list[tuple[int, str]] = []
    # Quoted names and acronyms in one scan (PROGRAM_SCAN_RE); an acronym inside a quote is read
    # with it: 'ASP' inside '‘실업학교 ASP 훈련프로그램’' is part of that name, not a programme.
    for m in (lex.PROGRAM_SCAN_RE if noun_before else lex.PROGRAM_SCAN_NOUN_RE).finditer(text, start, end):
        written = m.group("name")
        if written is None:         # an acronym: the whole match
            if acronym_names_program(text, m, 0, start, noun_before, lex):
                found.append((m.start(), m.group()))
            continue
        name = collapse(written)
        if m.group("after") or lex.PROGRAM_NOUN_END_RE.search(name):
            found.append((m.start("name"), name))
        elif written.lower() != written:
            # A quote that names no programme hides none: its capitals are read as acronyms.
            found.extend(quoted_acronyms(text, m.span("name"), start, end, noun_before, lex))
    return list(dict.fromkeys(name for _, name in sorted(found))) if found else []


def acronym_names_program(text: str, m: re.Match[str], group: str | int, start: int, noun_before: bool,
                          lex: Lexicon) -> bool:
    """Whether the acronym in `group` of `m` names a programme: a programme noun follows it
    ('PROSOFT 프로그램') or, in a bullet holding a '사업인 ', comes before it ('사업인 SME21')."""
    if m.group("noun_after") is not None:
        return True
    if not noun_before:
        return False
    # The noun before ends in blanks, so a name glued to the word before skips it. The copula
    # before the blanks is looked at first: most acronyms follow no '사업인'.
    at = m.start(group)
    return bool(text[at - 1:at].isspace()
                and text[max(start, at - NOUN_WINDOW):at].rstrip().endswith(lex.semantic["countries"]["grammar"]["copula"])
                and lex.PROGRAM_NOUN_BEFORE_RE.search(text, max(start, at - NOUN_WINDOW), at))


def quoted_acronyms(text: str, name: tuple[int, int], start: int, end: int, noun_before: bool,
                    lex: Lexicon) -> list[tuple[int, str]]:
    """The programme acronyms inside a quoted name that is no programme, as a scan of the bullet
    finds them (the noun after one may lie past the quote)."""
    found = []
    for m in lex.PROGRAM_ACRONYM_RE.finditer(text, name[0], end):
        if m.start() >= name[1]:
            break
        if acronym_names_program(text, m, "name", start, noun_before, lex):
            found.append((m.start(), m.group("name")))
    return found


class SessionIndex:
    """The session whose report block, else whose label line, holds an offset (by bisect)."""

    def __init__(self, sessions: list[Session]) -> None:
        reports = [(s.report, s.label) for s in sessions if s.report]
        labels = [(s.span, s.label) for s in sessions]
        self.layers = []
        for spans in (sorted(reports), sorted(labels)):
            self.layers.append(([span[0] for span, _ in spans], spans))

    def label_at(self, offset: int) -> str | None:
        for starts, spans in self.layers:
            i = bisect.bisect_right(starts, offset) - 1
            if i >= 0 and offset < spans[i][0][1]:
                return spans[i][1]
        return None


def figures_by_node(figures: list[Figure], index: NodeIndex) -> dict[int, list[int]]:
    """Bullet start → indices into doc.figures of the figures inside it."""
    owned: dict[int, list[int]] = {}
    for i, fig in enumerate(figures):
        owner = index.owner(fig.span[0])
        if owner is not None:
            owned.setdefault(owner, []).append(i)
    return owned


def figure_starts(figures: list[Figure]) -> list[int] | None:
    """Where each figure starts, for a bisect per finding; None if the list is out of text
    order (the figures stage makes it in order, bullet by bullet)."""
    starts = [fig.span[0] for fig in figures]
    return starts if starts == sorted(starts) else None


def figures_within(starts: list[int], begin: int, end: int) -> range:
    """Indices into doc.figures of the figures inside text[begin:end], from figure_starts."""
    return range(bisect.bisect_left(starts, begin), bisect.bisect_left(starts, end))


def local_figures(figures: list[Figure], indices: range | list[int]) -> list[tuple[Figure, int | None]]:
    """The figures at `indices`, each with its `equivalent_of` renumbered into that list (a copy
    is made only once the country is known, see add_finding)."""
    if isinstance(indices, range):      # a bullet's figures follow each other: no table needed
        first = indices.start
        return [(fig, fig.equivalent_of - first
                 if fig.equivalent_of is not None and first <= fig.equivalent_of < indices.stop else None)
                for fig in figures[first:indices.stop]]
    local = {g: n for n, g in enumerate(indices)}
    return [(figures[g], local.get(figures[g].equivalent_of) if figures[g].equivalent_of is not None else None)
            for g in indices]


# --- the stage -----------------------------------------------------------------------------

def add_finding(country: Country, finding: Finding, figures: list[tuple[Figure, int | None]],
                programs: list[str]) -> None:
    country.findings.append(finding)
    offset = len(country.figures)
    if figures:
        # A figure that restates none (most) is shared with doc.figures as it is, not copied: no
        # stage after this one changes a Figure, and its copy would hold the same fields.
        country.figures.extend(fig if local is None and fig.equivalent_of is None
                               else fig.renumbered(local + offset if local is not None else None)
                               for fig, local in figures)
    if programs:
        country.programs.extend(name for name in programs if name not in country.programs)


def country_of(entries: dict[str, Entry], code: str, first: int, lex: Lexicon) -> Country:
    """The Country gathered for `code`, made on its first finding (not on every one, as
    setdefault would: a seed release names its countries ~40 times)."""
    if code in entries:
        return entries[code].country
    info = lex.semantic["country_table"]["info"][code]
    entry = entries[code] = Entry(first, Country(info["name"], code, info["name_en"]))
    return entry.country


def compares_home(text: str, mentions: list[Mention], lex: Lexicon) -> bool:
    """'반면 우리나라는 …', '한국은 미국에 비해 …': a word of comparison next to the home country's
    name. One far from it ('탄소중립과 마찬가지로 … 논의에 한국이 참여') compares something else."""
    home = lex.semantic["people"]["home_country"]
    return any(lex.COMPARISON_RE.search(text, max(0, m.start - COMPARISON_WINDOW), m.end + COMPARISON_WINDOW)
               for m in mentions if m.code == home)


def is_home_row(text: str, mentions: list[Mention], home: str, lex: Lexicon) -> bool:
    """'(2위:한국)709(+12.9)', '… 28.4세(한국 43.7세)': the home country's name with its own
    figure, a row of a per-country list (read only for a bullet naming Korea and one partner)."""
    return any(m.code == home and m.particle is None and lex.COUNTRY_FIGURE_AFTER_RE.match(text, m.name_end)
               for m in mentions)


def compares_pair(text: str, b: Bullet, home: str, lex: Lexicon) -> bool:
    """Whether a bullet naming Korea and one partner compares the two: a row of a per-country
    list, or a word of comparison anywhere in it ('한국과 일본은 … 유사한 문제를 겪고'). Korea
    beside one partner alone is a bilateral relation ('한국과 몽골은 … 주요 협력국', '한국과
    태국은 … 협력'), which reports nothing about Korea."""
    return is_home_row(text, b.names, home, lex) or lex.COMPARISON_RE.search(text, b.start, b.end) is not None


# How a bullet naming Korea among other countries compares Korea with them, by the number of
# the others (compared_with_others): a list of three or more is a per-country comparison by its
# form; a pair only by compares_pair.
def is_per_country_list(others: int, pair_compares: bool) -> bool:
    """'일본과 한국, 그리고 미국과 싱가포르가 대비되고': Korea among two or more others."""
    return others >= 2


def is_compared_pair(others: int, pair_compares: bool) -> bool:
    """'한국과 일본은 … 유사한 문제를 겪고': Korea and one partner, compared (compares_pair)."""
    return others == 1 and pair_compares


HOME_IN_BULLET = (
    ("per_country_list", is_per_country_list),
    ("compared_pair", is_compared_pair),
)


def compared_with_others(found: list[tuple[int, list[str], bool, bool]], home: str) -> bool:
    """Korea's own statements are not findings about Korea: the home country has findings only
    where the release compares it with another country — in one bullet ('일본과 한국, 그리고
    미국과 싱가포르가 대비되고', a per-country list, a pair in words of comparison) or, in words
    of comparison, in the bullet next to it ('미국은 … 영국은 …' / '반면 우리나라는 …')."""
    for i, (position, codes, compares, pair_compares) in enumerate(found):
        if home not in codes:
            continue
        if len(codes) > 1 and any(rule(len(codes) - 1, pair_compares) for _, rule in HOME_IN_BULLET):
            return True
        if not compares:
            continue
        for j in (i - 1, i + 1):
            if 0 <= j < len(found) and abs(found[j][0] - position) <= COMPARISON_REACH \
                    and set(found[j][1]) - {home}:
                return True
    return False


def add_findings_in_parts(doc: Document, entries: dict[str, Entry], b: Bullet, codes: list[str],
                          pieces: list[tuple[int, int]], starts: list[int] | None, owned: dict[int, list[int]],
                          sessions: SessionIndex, lex: Lexicon) -> None:
    """The findings of a bullet whose countries do not all share it (finding_spans): each its own
    rows or paragraphs, with the figures and programmes inside them."""
    text = doc.text
    made: dict[tuple[int, int], tuple[Finding, list[tuple[Figure, int | None]], list[str]]] = {}
    for code in codes:
        country = country_of(entries, code, b.start, lex)
        for span in finding_spans(text, b, code, pieces, lex):
            if span in made:
                finding, figures, programs = made[span]
                finding = finding.copy()
            else:
                start, end = span
                words = collapse(text[max(start, b.content):end])
                finding = Finding(words, span, sessions.label_at(start))
                inside = figures_within(starts, start, end) if starts is not None else \
                    [g for g in owned.get(b.start, []) if start <= doc.figures[g].span[0] < end]
                figures = local_figures(doc.figures, inside) if inside else []
                programs = programs_in(text, start, end, lex)
                made[span] = (finding, figures, programs)
            add_finding(country, finding, figures, programs)


def run(doc: Document, lex: Lexicon) -> None:
    text = doc.text
    body = body_of(doc.sections)
    matches = body_matches(text, body, lex)
    if not matches and not any(map(reports_for_country, doc.people)):
        doc.countries = []      # most releases: every rule below reads a name or a speaker
        return
    nodes = flattened(doc.sections, [])
    index = BodyIndex(nodes)
    mentions = mentions_by_node(text, body, matches, index, lex)
    speakers = speakers_by_node(doc, index, lex)
    starts = figure_starts(doc.figures)
    # Figures out of text order (none in the corpus) are found bullet by bullet instead.
    owned = figures_by_node(doc.figures, index) if starts is None else {}
    sessions = SessionIndex(doc.sessions)
    home = lex.semantic["people"]["home_country"]
    entries: dict[str, Entry] = {}
    header: tuple[str, int] | None = None       # the block header in force: (code, its level)
    # (position among the nodes, codes, compares with the bullet next to it, compares a pair)
    found: list[tuple[int, list[str], bool, bool]] = []
    for position, node in enumerate(nodes):
        if not node.text:
            continue
        if header is not None and node.level < header[1]:
            header = None
        start = node.span.start
        if header is None and start not in mentions and start not in speakers:
            continue            # every rule below reads a name or a speaker: most bullets hold neither
        names = mentions[start] if start in mentions else None
        said = speakers[start] if start in speakers else []
        bullet = Bullet(text, node, names or [], said, nodes[position - 1] if position else None, lex)
        if bullet.tagged and any(veto(text, bullet, lex) for _, veto in NOT_FINDINGS):
            continue
        if names:
            # Only a bullet opening with a tag's bracket can be a header: most are not called.
            block = match_header(text, bullet, lex) if bullet.tagged else None
            if block is not None:
                header = (block, node.level)
                continue
            implication = match_implication(text, bullet, lex)
            if implication is not None:
                line, codes = implication
                found.append((position, codes, False, False))
                for code in codes:
                    country_of(entries, code, node.span.start, lex).implications.append(line)
                continue
        codes = finding_countries(text, bullet, lex)
        if header is not None and header[0] not in codes:
            codes.append(header[0])
        if not codes:
            continue
        # A row of a per-country block ('(한국) … 30.7% 감소' beside '(중국) …') compares by its
        # form. Only the home country's findings read it (compared_with_others).
        compares = home in codes and bool(header is not None or compares_home(text, bullet.names, lex)
                                          or match_tag(text, bullet, lex))
        # Korea beside one partner: read only then (compares_pair), a bullet wide search.
        pair_compares = compares or (home in codes and len(codes) == 2 and compares_pair(text, bullet, home, lex))
        found.append((position, codes, compares, pair_compares))
        pieces = paragraphs(text, bullet, lex)
        if bullet.by_row or pieces:
            add_findings_in_parts(doc, entries, bullet, codes, pieces, starts, owned, sessions, lex)
            continue
        finding = Finding(node.text, (node.span.start, node.span.end), sessions.label_at(node.span.start))
        inside = figures_within(starts, node.span.start, node.span.end) if starts is not None else \
            owned.get(node.span.start, [])
        figures = local_figures(doc.figures, inside) if inside else []
        programs = programs_in(text, node.span.start, node.span.end, lex)
        # Each country keeps its own Finding: the first takes the one made here, the others a copy.
        for n, code in enumerate(codes):
            add_finding(country_of(entries, code, node.span.start, lex), finding.copy() if n else finding,
                        figures, programs)
    if home in entries and not compared_with_others(found, home):
        del entries[home]
    doc.countries = [e.country for e in sorted(entries.values(), key=lambda e: e.first)]
