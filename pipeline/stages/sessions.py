"""Sessions of a forum: label as written, number, title, summary, topics and talks.

Reads: text, lines, blocks, sections, appendices, people. Writes: sessions, talks (keynotes
outside any session).
Example: '1세션 : 한국의 경제안보 주요 이슈와 대응 방안' → Session(label '1세션', number 1,
title '한국의 경제안보 주요 이슈와 대응 방안'), its talks read from the programme lines under it
('발표 : 이준(산업연구원 선임연구위원) - 공급망').

Sessions are declared three ways:
- a line that opens with a label (`[세션 1]에서는 …`, `1세션 : …`, `(종합토론) …`, a line that is
  only `세션1`): the session's scope runs to the next label line; its title is written after a
  colon, in quotes after the label, after a bracketed label, or on the first `[bracketed]` line
  under a bare label; programme lines in the scope are its talks;
- a label inside a sentence (`이 날 포럼 1부에서는 …`, `두 번째 세션은 AI와 빅데이터를 주제로`):
  the title is the `‘…’을 주제로` of the sentence (or the quote just before the label), and the
  quoted items the sentence names are its talks.
- a count announced (`세션(12개)`, `12개 세션`) over a list exactly that long, one name a line.
Talks also come from a `▲A, ▲B 등에 대한 … 발표가 진행` list (by title), from the speakers a
session's paragraph names, and from a presenter whose role is written before the name
(`발표를 맡은 …`); from prose, one talk per speaker named right before a talk verb (`A 교수와
B 국장이 ‘…’을 주제로 발표`, `… 소장이 … 전망에 대하여 발표하였으며`, `기조연사로 나서`, `…의 발제 후`);
and from title-first items (`▲「제목」(성명, 소속)`, `△제목(성명 소속 직함)`) on a line that names a
presentation; from a quoted theme right after the speaker told by a verb of presenting (`A 상무는
‘…’을 주제로 … 제시한다`), a plain 발표 after a gathering of talks attended (`… 포럼에 참석하여 …
방안을 발표하고`), a part written first or as the topic (`발표자로는 A, B가`, `기조강연은 A 교수가
맡는다`) — the readers of PROSE_TALK_RULES. A minister's remarks at a meeting (`… 회의에서 현황을
설명했다`, `… 대책을 발표했다`) are no talk. A keynote's span is the first sentence that tells it.
A talk takes what the programme leaves out from its speaker's person.
Numbered sessions without a title take it from the enumeration that introduces them
(`크게 ‘A’, ‘B’, ‘C’ 등의 3개의 세션과 종합토론`), in number order; their talks come from the
block most similar to that title (`… 부문은 …`) or from the label bullet's children; a talk's
topic is its quoted theme, never the bullet's lead (`… 부문에서`, which places the talk).
"""
from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field
from itertools import chain
from typing import Iterable, Iterator

from ..document import BlockKind, Document, Line, Node
from ..lexicon import TALK_QUOTE_CLOSE, TALK_QUOTE_OPEN, Lexicon, once_per_lexicon
from ..semantic import Person, Session, Talk, is_korean_name, list_entries, read_program_line
from ..text import SENTENCE_FULL_STOP_RE, NodeIndex, collapse, content_start

TALK_ROLES = ("presenter", "keynote", "panelist")
# A panelist of a programme joins the discussion; only presenters and keynotes give talks.
PROGRAM_TALK_ROLES = ("presenter", "keynote")
# The same as sets, for a person's roles to be tested against without making a set per person.
TALK_ROLE_SET = frozenset(TALK_ROLES)
PROGRAM_TALK_ROLE_SET = frozenset(PROGRAM_TALK_ROLES)
SUBJECT_WINDOW = 200        # characters after an inline label searched for its title
SPEAKER_GAP = 25            # characters between a speaker's mention and the quoted talk title
ABOUT_REACH = 12            # characters before a talk's noun searched for its topic phrase
SESSION_NAMED_REACH = 16    # characters after a quote searched for the session it names
MAX_AFFILIATION_GAP = 8     # words of a joined speaker's description ('A 교수와 |한국은행 B 국장이')
THEME_REACH = 6            # characters after a name searched for the quote of its theme ('께서는 ‘')
THEME_TITLE_REACH = 160    # … and for its tail after a title (THEME_FIRST_RE: at most 120 characters)
KEY_MATCH_WINDOW = 8        # start positions left before a line's last key matched one by one


@dataclass(slots=True)
class Label:
    """A label as found: its written form, number, and where it stands. (Slotted, not frozen:
    a frozen dataclass costs ~0.5 µs more to make, and a seed release makes a dozen.)"""
    label: str
    number: int | None
    start: int
    end: int                    # after the label, its closing bracket and tail
    bracketed: bool
    tail: str | None
    part: str | None = None     # the kind of part written after a number: '2부 |종합토론| 시간에는'


# --- labels --------------------------------------------------------------------------------

def read_label(m: re.Match[str], lex: Lexicon) -> Label:
    """'[세션 1]에서는' → Label('세션 1', 1); '첫 번째 세션' → 1; '종합토론' → None; '2부 종합토론
    시간에는' → Label('2부', 2, part '종합토론')."""
    # The groups read by one call (a call per group was most of a label's reading).
    ordinal, num_a, num_b, num_c, label, close, tail, part = m.group(
        "ordinal", "num_a", "num_b", "num_c", "label", "close", "tail", "part")
    if ordinal:
        number = lex.semantic["sessions"]["ordinals"][ordinal]
    else:
        digits = num_a or num_b or num_c
        number = int(digits) if digits else None
    start, end = m.span()
    if part:
        return Label(collapse(label), number, start, end, bool(close), m.group("part_tail"), part)
    return Label(collapse(label), number, start, end, bool(close), tail)


def match_line_label(text: str, line: Line, lex: Lexicon) -> Label | None:
    """A label opening a line, written so that it declares a session: bracketed, followed by a
    colon or a particle, or alone on its line ('세션1'); '자료 1부' and '3 세션으로' are not."""
    at = lex.SESSION_LINE_MARK_RE.match(text, line.content.start, line.content.end).end()
    m = lex.SESSION_LABEL_RE.match(text, at, line.content.end)
    if m is None or (m.group("open") and not m.group("close")) or m.group("tail") in lex.semantic["sessions"]["object_tails"]:
        return None             # '종합토론으로 구성된다' opening a line: inline_sessions reads it
    label = read_label(m, lex)
    rest = text[label.end:line.content.end].strip()
    if label.bracketed or label.tail or not rest or rest[0] in TALK_QUOTE_OPEN:
        return label
    return None


def match_label(text: str, node: Node, lex: Lexicon) -> tuple[str, int | None, Label] | None:
    """The label a bullet opens with: '[세션 1]에서는 …' → ('세션 1', 1, …)."""
    m = lex.SESSION_LABEL_RE.match(text, content_start(text, node), node.span.end)
    if m is None or (m.group("open") and not m.group("close")) or m.group("tail") in lex.semantic["sessions"]["object_tails"]:
        return None
    label = read_label(m, lex)
    if not (label.bracketed or label.tail):
        return None
    return label.label, label.number, label


# --- titles --------------------------------------------------------------------------------

def title_on_line(text: str, label: Label, end: int, lex: Lexicon) -> str | None:
    """'1세션 : 제목', '(제1세션) ‘제목’ 세션에서', '(종합토론) 제목', '3부에서는 「제목」을 주제로'."""
    if label.tail in (":", "-"):
        m = lex.SESSION_COLON_TITLE_RE.match(text, label.end - 1, end)
        return collapse(m.group("title")) if m else None
    quoted = lex.SESSION_QUOTE_AFTER_RE.match(text, label.end, end)
    if quoted:
        return collapse(quoted.group("title"))
    if label.tail:
        return subject_title(text, label.end, end, lex)
    rest = collapse(text[label.end:end])
    return rest if label.bracketed and rest and not lex.SENTENCE_END_RE.search(rest) else None


def subject_title(text: str, start: int, end: int, lex: Lexicon) -> str | None:
    """'… 「지역사회 …」을 주제로' → '지역사회 …'; 'AI와 빅데이터를 주제로' → 'AI와 빅데이터'."""
    stop = min(end, start + SUBJECT_WINDOW)
    grammar = lex.semantic["sessions"]["grammar"]
    window = text[start:stop]
    # The pattern needs a subject form ('주제로'), or a quote closed before an about particle
    # ('“…”에 대한 논의'): plain tests of the window skip the costly pattern without them.
    # (holds_any: a loop of C string searches, no generator step per word.)
    if not holds_any(window, grammar["subject_forms"]) and not (
            holds_any(window, grammar["about_particles"]) and holds_any(window, TALK_QUOTE_CLOSE)):
        return None
    m = lex.SESSION_SUBJECT_RE.search(text, start, stop)
    if m is None:
        return None
    if m.group("quoted"):
        return collapse(m.group("quoted"))
    plain = m.group("plain")
    if not m.group("particle"):
        # 'AI와 빅데이터를 주제로': the particle glued to the last word.
        glued = next((p for p in lex.semantic["sessions"]["subject_particles"] if plain.endswith(p)), None)
        if glued:
            plain = plain[:-len(glued)]
        elif lex.NAME_BOUNDARY_RE.search(plain):
            return None         # '다양한 주제로': a modifier, no title
    return collapse(plain) or None


def title_before(text: str, start: int, line_start: int, lex: Lexicon) -> str | None:
    """'‘디지털 전환'을 주제로 한 세션3' → '디지털 전환'."""
    lo = max(line_start, start - 120)
    # The pattern's match ends in a subject form and blanks right before the label: an
    # endswith over the window's stripped end tells whether it can, where the search tests
    # its opening class of quotes at each of up to 120 characters (~50 instructions each).
    if not text[lo:start].rstrip().endswith(title_subjects(lex)):
        return None
    m = lex.SESSION_QUOTE_BEFORE_RE.search(text, lo, start)
    return collapse(m.group("title")) if m else None


@once_per_lexicon
def title_subjects(lex: Lexicon) -> tuple[str, ...]:
    """The subject forms a session's quoted title ends in ('을 주제로 한'), for str.endswith."""
    return tuple(lex.semantic["sessions"]["title_subject"])


def parse_enumeration(doc: Document, nodes: list[Node], lex: Lexicon) -> list[str]:
    """'크게 ‘A’, ‘B’, ‘C’ 등의 3개의 세션과 종합토론' → ['A', 'B', 'C']; '‘A’과 ‘B’ 등 두 개의
    분과(세션)로' → ['A', 'B']."""
    text = doc.text
    counter = lex.semantic["sessions"]["grammar"]["enum_counter"]
    for node in nodes:
        # Every enumeration holds the counter ('3개의 세션'), which a find looks for at C string
        # speed; the pattern opens with a class of quotes that its search tests at every
        # character of the bullet (~50 instructions each).
        if text.find(counter, node.span.start, node.span.end) < 0:
            continue
        m = lex.SESSION_ENUM_RE.search(text, node.span.start, node.span.end)
        if m is None:
            continue
        titles = [collapse(q.group("q")) for q in lex.QUOTED_RE.finditer(m.group("items"))]
        count = int(m.group("count")) if m.group("count") else lex.semantic["sessions"]["counts"][m.group("count_word")]
        if len(titles) != count:
            doc.warn("sessions", "session_count_mismatch",
                     f"{count} sessions announced, {len(titles)} titles named", node.span)
        return titles
    return []


def parse_topics(text: str, start: int, end: int, lex: Lexicon) -> list[str]:
    """'주요 주제는 A, B, C 등으로 구성됨' → ['A', 'B', 'C']."""
    m = lex.TOPICS_RE.search(text, start, end)
    if m is None:
        return []
    return [collapse(t) for t in lex.TOPIC_SPLIT_RE.split(m.group("list")) if t.strip()]


# --- the report of a bullet session (the enumeration form) ---------------------------------

def bigrams(value: str, lex: Lexicon) -> list[str]:
    """'정보화 전략' → ['정보', '보화', '화전', '전략']."""
    return pairs_of(lex.NON_WORD_RE.sub("", value))


def pairs_of(compact: str) -> list[str]:
    """Each character joined to the next (in C, by map, where a slice per position cost a
    Python step each)."""
    return list(map(str.__add__, compact, compact[1:]))


def similarity(a: str, b: str, lex: Lexicon) -> float:
    """Dice coefficient over character bigrams, spaces and punctuation ignored."""
    return dice(bigrams(a, lex), bigrams(b, lex))


def dice(x: list[str], y: list[str], distinct_x: set[str] | None = None,
         distinct_y: set[str] | None = None) -> float:
    """Dice coefficient of two lists of bigrams (each bigram counted as often as it occurs);
    `distinct_x`, `distinct_y` are their sets when the caller has them (a title's, made once
    for every intro it is compared with)."""
    if not x or not y:
        return 0.0
    distinct_x = set(x) if distinct_x is None else distinct_x
    distinct_y = set(y) if distinct_y is None else distinct_y
    if len(distinct_x) == len(x) or len(distinct_y) == len(y):
        # No bigram repeats on one side: each shared bigram counts once, and a set
        # intersection counts them (the usual case; the loop below is ten times the cost).
        common = len(distinct_x & distinct_y)
    else:
        pool = list(y)
        common = 0
        for gram in x:
            if gram in pool:
                pool.remove(gram)
                common += 1
    return 2 * common / (len(x) + len(y))


def may_reach(x: list[str], y: list[str], floor: float) -> bool:
    """Whether two lists of bigrams can reach a Dice coefficient of `floor`: at best all of the
    shorter one is shared. A long intro is never like a short title, and this test is cheaper
    than counting what they share. Written as `dice` computes a score, so that the rounding of
    a bound and of a score that reaches it is the same."""
    return reaches(len(x), len(y), floor)


def reaches(a: int, b: int, floor: float) -> bool:
    """may_reach told by the lengths alone (`a`, `b` bigrams), before the bigrams are made."""
    return a > 0 and b > 0 and 2 * min(a, b) / (a + b) >= floor


def match_intro(text: str, node: Node, lex: Lexicon) -> str | None:
    """'중소기업의 부문별 정보화 촉진전략 부문은 …' → '중소기업의 부문별 정보화 촉진전략': what
    SESSION_INTRO_RE matches (2 to intro_max_chars characters of one line ending in a non-blank,
    then blanks and a tail), found by a search for the tail, which opens with the tails'
    literals so that the engine skips ahead in C (the lazy pattern tried the tails after every
    character, ~2 µs a bullet). The intro ends where the blanks before the tail start; a tail
    too close to the start is passed over (the search goes on from the next character: a
    shorter tail may end inside it, '에서|는 ')."""
    start, end = content_start(text, node), node.span.end
    longest = lex.semantic["sessions"]["intro_max_chars"]
    at = start + 1
    while (m := lex.SESSION_INTRO_TAIL_RE.search(text, at, end)) is not None:
        stop = m.start()
        while text[stop - 1].isspace():     # the content starts on a non-blank: stops there
            stop -= 1
        if stop - start >= 2:
            return text[start:stop] if stop - start <= longest and text.find("\n", start, stop) < 0 else None
        at = m.start() + 1
    return None


def compact_of(value: str, lex: Lexicon) -> str:
    """`value` without NON_WORD_RE's characters: its blanks dropped by a split and a join in C,
    and the pattern's substitution made only when anything else is left (most intros and titles
    hold words and blanks only)."""
    joined = "".join(value.split())
    return joined if lex.NON_WORD_RE.search(joined) is None else lex.NON_WORD_RE.sub("", joined)


def subtree_end(node: Node) -> int:
    while node.children:
        node = node.children[-1]
    return node.span.end


def assign_intros(text: str, nodes: list[Node], sessions: list[Session], lex: Lexicon) -> dict[int, Node]:
    """Session index → the bullet reporting on it, best similarity first, each used once.

    Intros are compared with each distinct title once, so the work grows with the bullets
    times the titles of the enumeration, not times every session label."""
    floor = lex.semantic["sessions"]["min_similarity"]
    by_title: dict[str, list[int]] = {}
    for i, session in enumerate(sessions):
        if session.title:
            by_title.setdefault(session.title, []).append(i)
    # Each title's bigrams and each intro's are read once, not once per pair compared; a pair
    # whose lengths alone keep it under the floor is not compared.
    title_grams = [(title, grams, set(grams), len(grams)) for title in by_title
                   for grams in [bigrams(title, lex)] if grams]
    pairs = []
    for node in nodes if by_title else ():
        intro = match_intro(text, node, lex) if node.children else None
        if not intro:
            continue
        compact = compact_of(intro, lex)
        count = len(compact) - 1        # its bigrams (never made when the title has no repeat)
        for title, grams, title_distinct, a in title_grams:
            # reaches(a, count, floor), written out: a call and a min() per pair cost more
            # than the test.
            if count <= 0 or 2 * (a if a < count else count) / (a + count) < floor:
                continue
            if len(title_distinct) == a:
                # No bigram of the title repeats: dice counts each shared bigram once, and a
                # title's bigram is shared when the compact intro holds it (a find in C per
                # title bigram, where the intro's bigrams cost a string each to make).
                score = 2 * sum(map(compact.__contains__, title_distinct)) / (a + count)
            else:
                score = dice(grams, pairs_of(compact), title_distinct)
            if score >= floor:
                pairs.append((score, -node.span.start, title, node))
    chosen: dict[int, Node] = {}
    used: set[int] = set()
    for _, _, title, node in sorted(pairs, key=lambda p: p[:2], reverse=True):
        free = [i for i in by_title[title] if i not in chosen]
        if free and node.span.start not in used:
            chosen[free[0]] = node
            used.add(node.span.start)
    return chosen


def parse_topic(text: str, bullet: Node, after: int, lex: Lexicon) -> str | None:
    """'‘…’을 주제로' after the speaker. The bullet's lead ('… 부문에서', '… 사례에서는') is not
    the talk's title: it says where in the session the talk belongs (the seed's '제조부문의 정보화
    전략 부문에서 … 과장은 … 소개'), and a talk without a written title has none."""
    end = bullet.span.end
    quoted = lex.TOPIC_QUOTE_RE.search(text, after, end) if holds_quote_tail(text, after, end, lex) else None
    return collapse(quoted.group("topic")) if quoted else None


def holds_quote_tail(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether [start, end) holds one of the tails every TOPIC_QUOTE_RE match ends in ('을 주제로',
    '에 대해'): the pattern opens with a class of seven quotes, which its search tests at every
    character (~50 instructions each, through a speaker's bullet of hundreds), where a find of
    each tail runs at C string speed. Most bullets hold none, and the search is not made."""
    return holds_any(text[start:end], lex.semantic["sessions"]["topic_quote_tail"])


def speakers_by_bullet(people: list[Person], nodes: list[Node]) -> dict[int, list[Person]]:
    """Bullet start → the speakers first named in it. The roles are tested first: the index of
    the bullets is made only when someone speaks."""
    speakers = [p for p in people if not TALK_ROLE_SET.isdisjoint(p.roles)]
    found: dict[int, list[Person]] = {}
    if not speakers:
        return found
    # all_nodes lists the bullets in text order: a bisect over their starts as listed is
    # NodeIndex's (whose sort calls a key function per bullet), which is made only when not.
    starts = [n.span.start for n in nodes]
    if starts != sorted(starts):
        nodes = NodeIndex(nodes).nodes
        starts = [n.span.start for n in nodes]
    for person in speakers:
        at = person.span[0]
        i = bisect_right(starts, at) - 1
        if i >= 0 and at < nodes[i].span.end:
            found.setdefault(starts[i], []).append(person)
    return found


def talks_in(text: str, block: Node, speakers: dict[int, list[Person]], lex: Lexicon) -> list[Talk]:
    """A talk per speaker named in the block: the bullet naming them is the talk's span."""
    talks = []
    stack = [block]             # text.walk's stack, written out (a generator's step per bullet)
    while stack:
        bullet = stack.pop()
        for person in speakers.get(bullet.span.start, ()):
            talks.append(Talk(person.name, person.title, person.affiliation, person.country,
                              parse_topic(text, bullet, person.span[1], lex),
                              (bullet.span.start, bullet.span.end)))
        if bullet.children:
            stack.extend(reversed(bullet.children))
    return talks


# --- line sessions: label lines and the programme under them -------------------------------

CONTENT_KINDS = frozenset({BlockKind.BODY, BlockKind.APPENDIX})


def content_lines(doc: Document) -> list[Line]:
    """The body's and the appendices' non-blank lines, in order. (A slice of each block's lines,
    not an index per line: half the steps per line.)"""
    lines = doc.lines
    return [line for b in doc.blocks if b.kind in CONTENT_KINDS for line in lines[b.first:b.last] if not line.blank]


def content_region(doc: Document) -> tuple[int, int]:
    """Where the content lines run, from the first one's start to the last one's end (a block's
    span runs from its first line with content to its last), found without making their list:
    a release naming no session, no talk and no item mark (two thirds of the korea.kr
    records) never needs it."""
    spans = [b.span for b in doc.blocks if b.kind in CONTENT_KINDS]
    return (spans[0].start, spans[-1].end) if spans else (0, 0)


class LineIndex:
    """Which content line holds an offset: a bisect over the lines' starts, so that one scan of
    the text, bucketed to lines, replaces a search on every line (most lines hold nothing)."""
    __slots__ = ("lines", "starts", "marks")

    def __init__(self, lines: list[Line]) -> None:
        self.lines = lines
        self.starts = [line.content.start for line in lines]
        self.marks: dict[str, list[int]] = {}     # a mark → its offsets in the lines, found once

    def line_of(self, at: int) -> int | None:
        """The index of the line whose content holds offset `at`, if any."""
        i = bisect_right(self.starts, at) - 1
        return i if i >= 0 and at < self.lines[i].content.end else None

    def holding(self, offsets: Iterable[int]) -> list[int]:
        """Indices of the lines whose content holds one of `offsets`, in order, each once."""
        return sorted({i for at in offsets if (i := self.line_of(at)) is not None})

    def holding_any(self, text: str, chars: str) -> list[int]:
        """Indices of the lines holding one of `chars` (item marks: '▲', '△'), in order: a find
        per mark through the text, where a test of every line cost a step per line (most
        releases have many lines and few marks). Each mark is looked for once per document
        (titled and listed talks both ask for '▲')."""
        found: list[int] = []
        for char in chars:
            if char not in self.marks:
                self.marks[char] = self.offsets_of(text, char)
            found += self.marks[char]
        return self.holding(found) if found else []

    def offsets_of(self, text: str, char: str) -> list[int]:
        """Where `char` stands in the text from the first line to the last."""
        if not self.lines:
            return []
        start, end = self.starts[0], self.lines[-1].content.end
        found = []
        at = text.find(char, start, end)
        while at >= 0:
            found.append(at)
            at = text.find(char, at + 1, end)
        return found


@dataclass
class Scan:
    """What one scan of the body found, by line (indices into the content lines): the lines
    holding a session key ('세션', '종합토론', '1부'), the only ones that can hold a label, a
    session word or a count of sessions; and where the first talk noun of a line is ('발표',
    '기조연설'), the only lines a talk verb can be told on. Most releases name no session, and
    those that do name one on a few lines: one pass, bucketed by offset, replaces a search on
    every line."""
    keyed: list[int]
    nouns: dict[int, int]
    reach: dict[int, int] = field(default_factory=dict)     # a keyed line → its last key's end (key_matches)
    noun_hits: dict[int, list[int]] = field(default_factory=dict)  # a line → every talk noun hit on it


def scan_lines(text: str, index: LineIndex, lex: Lexicon) -> Scan:
    if not index.lines:
        return Scan([], {})
    keys, nouns, _ = scan_body(text, index.starts[0], index.lines[-1].content.end, lex)
    return bucket(index, keys, nouns)


def scan_body(text: str, start: int, end: int,
              lex: Lexicon) -> tuple[list[tuple[int, int]], list[int], dict[str, list[int]]]:
    """The spans of the session keys' hits (a part key's is its number's digit), the offsets
    of the talk nouns and of each item mark ('▲', '△': titled items and listed talks read the
    lines holding one) in [start, end), in order."""
    talk_nouns = lex.semantic["sessions"]["talk_nouns"]
    keys: list[tuple[int, int]] = []
    nouns: list[int] = []
    marks: dict[str, list[int]] = {mark: [] for mark in lex.semantic["sessions"]["item_marks"]}
    for m in lex.SESSION_SCAN_RE.finditer(text, start, end):
        found = m.group()
        if found in talk_nouns:
            nouns.append(m.start())
        elif found in marks:
            marks[found].append(m.start())
        else:
            keys.append(m.span())
    return keys + [(at, at + 1) for at in part_keys(text, start, end, lex)], nouns, marks


def bucket(index: LineIndex, keys: list[tuple[int, int]], nouns: list[int]) -> Scan:
    """scan_body's hits by line: the lines holding a key with the end of their last one, and
    each line's first noun."""
    first: dict[int, int] = {}
    hits: dict[int, list[int]] = {}
    for at in nouns:
        if (i := index.line_of(at)) is not None:
            first.setdefault(i, at)
            hits.setdefault(i, []).append(at)
    reach: dict[int, int] = {}
    for a, b in keys:
        if (i := index.line_of(a)) is not None and b > reach.get(i, -1):
            reach[i] = b
    return Scan(sorted(reach), first, reach, hits)


def key_matches(pattern: re.Pattern[str], text: str, line: Line, reach: int) -> Iterator[re.Match[str]]:
    """`pattern`'s matches on the line, as its finditer gives them, for a pattern whose every
    match holds a session key (SESSION_LABEL_RE: tests/test_lexicon.py), the line's last key
    hit ending at `reach`. A match holds a key the scan hit, and the hit ends inside the match
    or after it: no match starts at or after `reach`. So once a match ends there, the rest of
    the line is not scanned (SESSION_LABEL_RE is tried at every position, ~25 ns a character,
    and a label mostly opens its line), and when few positions are left before it, the
    pattern is matched at each of them (a call each, ~0.3 µs) instead of searched for through
    to the line's end."""
    pos, end = line.content.start, line.content.end
    while pos < reach:
        if reach - pos <= KEY_MATCH_WINDOW:
            m = next((found for at in range(pos, reach) if (found := pattern.match(text, at, end))), None)
        else:
            m = pattern.search(text, pos, end)
        if m is None:
            return
        yield m
        pos = m.end()


def part_keys(text: str, start: int, end: int, lex: Lexicon) -> list[int]:
    """Offsets of the numbers before a part word ('1부', '2 부'), the key of a part label: a
    plain find of the word, then a look back over the blanks for a digit (str.isspace and
    str.isdecimal: what the label's blank and digit classes match). A pattern opening with
    the digit is tried at every position; the word itself is found fast, and PART_WORD_SCAN_RE
    finds only the words after a digit, a digit and a blank, or two blanks (not '정부', '세부',
    nor '부문' after one blank: most finds, a Python step each)."""
    found = []
    for m in lex.PART_WORD_SCAN_RE.finditer(text, start, end):
        before = m.start() - 1
        while before >= start and text[before].isspace():
            before -= 1
        if before >= start and text[before].isdecimal():
            found.append(before)
    return found


def program_talks(text: str, lines: list[Line], lex: Lexicon) -> list[Talk]:
    """The talks of programme lines: '발표 : A(…) - 주제', its continuation lines, '(발표1) 제목'."""
    talks: list[Talk] = []
    role = None
    for line in lines:
        role, entries = read_program_line(text, line.content.start, line.content.end, lex, role)
        for e in entries:
            if e.role in PROGRAM_TALK_ROLES:
                talks.append(Talk(e.speaker, e.title, e.affiliation, e.country, e.topic, e.span))
    return talks


def timetable_talks(text: str, lines: list[Line], lex: Lexicon) -> list[Talk]:
    """A timetable flattened one cell a line: '￭ 그리드 코드 고도화 방안' then '송승호 교수' — an
    item, then the speaker alone on the next line, is a talk."""
    talks = []
    for item, who in zip(lines, lines[1:]):
        m = lex.TIMETABLE_ITEM_RE.match(item.text)
        words = who.text.split()
        if m is None or len(words) != 2 or not is_korean_name(words[0], lex) \
                or not lex.PERSON_TITLE_TAIL_RE.search(words[1]):
            continue
        talks.append(Talk(words[0], words[1], None, None, collapse(m.group("topic")),
                          (item.content.start, who.content.end)))
    return talks


def bare_title(text: str, lines: list[Line], lex: Lexicon) -> tuple[str | None, int | None]:
    """The title of a label alone on its line: the first line under it that is '[제목]', or the
    title a bracketed named label carries ('ㅇ (종합토론) 금융교육 활성화 방안'), times skipped."""
    for i, line in enumerate(lines):
        if lex.TIME_LINE_RE.fullmatch(line.text):
            continue
        m = lex.BRACKET_TITLE_RE.fullmatch(line.text)
        if m:
            return collapse(m.group("title")), None
        label = match_line_label(text, line, lex)
        if label is not None and label.number is None and label.bracketed:
            return title_on_line(text, label, line.content.end, lex), i
        return None, None
    return None, None


def block_end(doc: Document, at: int) -> int:
    """Where the block holding offset `at` ends (the end of the text when none holds it)."""
    for block in doc.blocks:
        if block.span.start <= at < block.span.end:
            return block.span.end
    return len(doc.text)


def only_item(text: str, scope: list[Line], lex: Lexicon) -> str | None:
    """The title of a numbered slot of a timetable that holds one item and no talk: '2 부' ⏎
    '14:45~15:30' ⏎ '￭ 패널 토의' ⏎ '- 주성관 교수(좌장)' → '패널 토의' (a slot of two items, or of
    talks, is titled by neither)."""
    items = [m for line in scope if (m := lex.TIMETABLE_ITEM_RE.match(line.text)) is not None]
    return collapse(items[0].group("topic")) if len(items) == 1 else None


def line_sessions(doc: Document, lines: list[Line], keyed: list[int], lex: Lexicon) -> list[tuple[Session, Line]]:
    """Sessions declared by label lines, each with the programme of the lines under it; only
    the `keyed` lines can be label lines."""
    heads = [(i, label) for i in keyed if (label := match_line_label(doc.text, lines[i], lex)) is not None]
    found: list[tuple[Session, Line]] = []
    absorbed: set[int] = set()
    for k, (i, label) in enumerate(heads):
        if i in absorbed:
            continue
        stop = heads[k + 1][0] if k + 1 < len(heads) else len(lines)
        # A label that opens a sentence ('[세션 1]에서는 …') reports in its bullet, not in a
        # programme under it.
        scope = lines[i + 1:stop] if label.tail in (None, ":", "-") else []
        scope = scope[:next((j for j, ln in enumerate(scope) if lex.SCOPE_END_RE.match(ln.text)), len(scope))]
        if scope:
            # A programme ends with its page: '붙임2' opens another appendix, not more of '2 부'.
            end = block_end(doc, lines[i].content.start)
            scope = scope[:next((j for j, ln in enumerate(scope) if ln.content.start >= end), len(scope))]
        line = lines[i]
        title = title_on_line(doc.text, label, line.content.end, lex) or label.part
        if title is None and not doc.text[label.end:line.content.end].strip():
            # '세션6' ⏎ '16:30~17:30' ⏎ 'ㅇ (종합토론) 제목': the slot's title is the named part the
            # next label line gives, which is then no session of its own; its lines are the slot's.
            named_next = label.number is not None and k + 1 < len(heads) and heads[k + 1][0] == i + 1 + len(scope) \
                and heads[k + 1][1].number is None and heads[k + 1][1].bracketed
            title, used = bare_title(doc.text, scope + [lines[stop]] if named_next else scope, lex)
            if used is not None:
                absorbed.add(i + 1 + used)
                if used == len(scope):
                    after = heads[k + 2][0] if k + 2 < len(heads) else len(lines)
                    more = lines[stop + 1:after]
                    scope = scope + more[:next((j for j, ln in enumerate(more) if lex.SCOPE_END_RE.match(ln.text)), len(more))]
        summary = collapse(doc.text[label.end:line.content.end]) or None
        talks = (program_talks(doc.text, scope, lex) or timetable_talks(doc.text, scope, lex)) + [
            Talk(e.speaker, e.title, e.affiliation, e.country, e.topic, e.span)   # '1부에서는 △제목(성명 …)'
            for e in list_entries(doc.text, label.end, line.content.end, lex)]
        if title is None and not talks and label.tail is None and label.number is not None:
            title = only_item(doc.text, scope, lex)     # '2 부' ⏎ '14:45~15:30' ⏎ '￭ 패널 토의' ⏎ …
        if not talks and label.tail not in (None, ":", "-"):
            # '2부에서는 … 「…」(보은군 보건소)와 「…」(서산시보건소) 사업성과를 공유': the quoted items
            # of the label's sentence, as for a label inside a sentence.
            stop = sentence_end(doc.text, label.end, line.content.end, lex)
            talks = quoted_talks(doc.text, label.end, stop, title, doc.people, lex)
            # '두 번째 세션은 …를 주제로 진행되었다. 로버트 워드롭(…) … 교수는 ‘…’를 발표하였다':
            # the speakers the paragraph names after its first sentence.
            talks += speaker_talks(doc.text, stop, line.content.end, doc.people, {t.speaker for t in talks}, lex)
        session = Session(label.label, label.number, title, summary if label.tail not in (":", "-") else None,
                          parse_topics(doc.text, label.end, line.content.end, lex),
                          talks, (line.content.start, line.content.end))
        if scope:
            session.report = (scope[0].content.start, scope[-1].content.end)
        found.append((session, line))
    return found


# --- sessions named inside sentences --------------------------------------------------------

def inline_sessions(doc: Document, lines: list[Line], known: set[str], people: list[Person],
                    lex: Lexicon, reach: list[int] | None = None) -> list[Session]:
    """'이 날 포럼 1부에서는 …', '두 번째 세션은 AI와 빅데이터를 주제로 진행되었다'; `lines` are
    those holding a session key, `reach` where the last key of each ends (key_matches)."""
    text = doc.text
    found: list[Session] = []
    for k, line in enumerate(lines):
        for m in key_matches(lex.SESSION_LABEL_RE, text, line, reach[k] if reach else line.content.end):
            label = read_label(m, lex)
            if label.label in known or label.tail in (":", "-"):
                continue
            before = title_before(text, label.start, line.content.start, lex)
            end = sentence_end(text, label.end, line.content.end, lex)
            if label.tail in lex.semantic["sessions"]["object_tails"]:
                session = object_session(text, m, label, before, end, lex)
                if session is not None:     # '… 그리고 종합토론으로 구성된다'
                    known.add(label.label)
                    found.append(session)
                continue
            if m.group("open"):
                title = bracketed_inline_title(text, label, line.content.end, lex)
                if title is None:
                    continue        # '(1부) 법률 지원단 분야별 주제 발표, (2부) …'
            elif before is None and label.tail in (None, lex.semantic["sessions"]["grammar"]["locative_tail"]):
                continue            # '자료 1부에' — only '‘…’을 주제로 한 세션3에' names a session
            else:
                title = before or subject_title(text, label.end, end, lex) or label.part
            known.add(label.label)
            talks = quoted_talks(text, label.end, end, title, people, lex) \
                or subject_talks(text, line, label, people, lex)
            found.append(Session(label.label, label.number, title, None, [], talks,
                                 (label.start, end), (label.start, line.content.end)))
    close_reports(found)
    for session in found:
        if not session.report:
            continue
        named = {t.speaker for t in session.talks}
        for e in list_entries(text, session.span[0], session.report[1], lex):
            if e.speaker not in named:          # '1부에서는 △제목(성명 소속 직함) △…'
                named.add(e.speaker)
                session.talks.append(Talk(e.speaker, e.title, e.affiliation, e.country, e.topic, e.span))
        if session.span[1] < session.report[1]:
            session.talks += speaker_talks(text, session.span[1], session.report[1], people, named, lex)
    return found


def object_session(text: str, m: re.Match[str], label: Label, title: str | None, end: int,
                   lex: Lexicon) -> Session | None:
    """'… 5건의 주제발표, 그리고 종합토론으로 구성된다', '… 공동세션을 개최하였다': a named session
    (not a numbered one: '자료 1부를') taken as the object of a programme's verb. Its title is a
    quote written just before it ('‘…’을 주제로 한 공동세션을'); its report is its sentence alone,
    which names no talk of it."""
    if not m.group("named") or lex.SESSION_OBJECT_VERB_RE.match(text, label.end) is None:
        return None
    return Session(label.label, label.number, title, None, [], [], (label.start, end), (label.start, end))


def subject_talks(text: str, line: Line, label: Label, people: list[Person], lex: Lexicon) -> list[Talk]:
    """'권기섭 위원장은 ‘…’을 주제로 하는 세션1. 첫 발제자로 나서 …': the person the line opens
    with presents in the session its sentence names, when a presenter's word follows the label."""
    after = text[label.end:line.content.end]
    role_of = lex.semantic["program"]["role_of"]
    if not any(word in after for word, role in role_of.items() if role in PROGRAM_TALK_ROLES):
        return []
    for person in people:
        for start, end in [person.span, *person.mentions]:
            if line.content.start <= start < label.start and not lex.SENTENCE_STOP_RE.search(text, end, label.start):
                return [Talk(person.name, person.title, person.affiliation, person.country, None,
                             (start, line.content.end))]
    return []


def close_reports(sessions: list[Session]) -> None:
    """A session reported in prose runs to the end of its paragraph or to the next session
    named in it: '첫 번째 세션에서는 … 두 번째 세션은 …'."""
    ordered = sorted(sessions, key=lambda s: s.span[0])
    for a, b in zip(ordered, ordered[1:]):
        if a.report and a.report[0] <= b.span[0] < a.report[1]:
            a.report = (a.report[0], b.span[0])


def speaker_talks(text: str, start: int, end: int, people: list[Person], named: set[str | None],
                  lex: Lexicon) -> list[Talk]:
    """The speakers a session's report names after its first sentence: '로버트 워드롭(…) 케임브리지
    대학교 경영학 교수는 … ‘규제 게놈 프로젝트’를 소개'; the topic is the quote after the name."""
    talks = []
    for person in people:
        if not (start <= person.span[0] < end) or person.name in named \
                or PROGRAM_TALK_ROLE_SET.isdisjoint(person.roles):
            continue
        named.add(person.name)
        stop = sentence_end(text, person.span[1], end, lex)
        quoted = lex.TALK_QUOTE_RE.search(text, person.span[1], stop)
        talks.append(Talk(person.name, person.title, person.affiliation, person.country,
                          collapse(quoted.group("title")) if quoted else None, (person.span[0], stop)))
    return talks


def bracketed_inline_title(text: str, label: Label, end: int, lex: Lexicon) -> str | None:
    """'(1부) 법률 지원단 분야별 주제 발표, (2부) …' → '법률 지원단 분야별 주제 발표'."""
    if label.number is None or label.tail:
        return None
    m = lex.INLINE_TITLE_RE.match(text, label.end, end)
    return collapse(m.group("title")) if m else None


def quoted_sessions(text: str, lines: list[Line], known: set[str], lex: Lexicon) -> list[Session]:
    """'「… 보고서 발표」 세션에서는' → Session('세션', title '… 보고서 발표'); '세 가지 세션으로
    구성되며, ①A, ②B' → Sessions ①, ② titled A, B. `lines` are those holding a session key."""
    found = []
    for line in lines:
        if not lex.SESSION_WORD_RE.search(text, line.content.start, line.content.end):
            continue            # both patterns below need a session word
        # A quoted session needs a closing quote: 'in' tests of the line for each spare the
        # pattern's search, which tests its opening class of quotes at every character.
        closed = holds_any(line.text, TALK_QUOTE_CLOSE)
        for m in lex.QUOTED_SESSION_RE.finditer(text, line.content.start, line.content.end) if closed else ():
            title = collapse(m.group("title"))
            if title not in known:
                known.add(title)
                found.append(Session(m.group("label"), None, title, None, [], [], (m.start(), m.end()),
                                     (m.start(), line.content.end)))
        # A count of sessions ends in its verb ('구성', '진행'): plain tests skip the pattern.
        verbs = lex.semantic["sessions"]["grammar"]["count_verbs"]
        count = lex.SESSION_COUNT_RE.search(text, line.content.start, line.content.end) \
            if holds_any(line.text, verbs) else None
        if count is None:
            continue
        for item in lex.CIRCLED_ITEM_RE.finditer(text, count.end(), line.content.end):
            mark = item.group("mark")
            found.append(Session(mark, ord(mark) - ord("①") + 1, collapse(item.group("title")), None, [], [],
                                 (item.start(), item.end())))
    return found


def holds_any(value: str, parts: Iterable[str]) -> bool:
    """Whether `value` holds one of `parts` (characters or words): a loop of 'in' tests, each a
    C string search, with no generator step per part."""
    for part in parts:
        if part in value:
            return True
    return False


def sentence_end(text: str, start: int, end: int, lex: Lexicon) -> int:
    m = lex.SENTENCE_STOP_RE.search(text, start, end)
    return m.end() if m else end


def quoted_talks(text: str, start: int, end: int, title: str | None, people: list[Person],
                 lex: Lexicon) -> list[Talk]:
    """The quoted items a session's sentence names, each a talk: '이순영 교수(아주대학교)의
    기조강연「…」', '「…」(보은군 보건소)'; the session's own title is not one."""
    talks = []
    for m in lex.TALK_QUOTE_RE.finditer(text, start, end):
        name = collapse(m.group("title"))
        after = text[m.end("title") + 1:m.end("title") + 8]
        # A theme ('「…」을 주제로'), a modifier ('「…」의 성과') or a name said again is no talk.
        if name == title or lex.SUBJECT_AFTER_RE.match(after) or lex.QUOTE_MODIFIER_RE.match(after) \
                or any(t.topic == name for t in talks):
            continue
        speaker = next((p for p in people if m.start() - SPEAKER_GAP <= p.span[1] <= m.start()), None)
        org = collapse(m.group("org")) if m.group("org") else None
        if speaker is not None:
            talks.append(Talk(speaker.name, speaker.title, speaker.affiliation, speaker.country, name,
                              (m.start(), m.end())))
        else:
            talks.append(Talk(None, None, org, None, name, (m.start(), m.end())))
    return talks


def number_last(sessions: list[Session], lex: Lexicon) -> None:
    """'첫 번째 세션 … 세 번째 세션 … 마지막 세션' → the last one is number 4."""
    last_word = lex.semantic["sessions"]["grammar"]["last_word"]
    for i, session in enumerate(sessions):
        numbers = [s.number for s in sessions[:i] if s.number is not None]
        if session.number is None and session.label.startswith(last_word) and numbers:
            session.number = max(numbers) + 1


def keynote_talks(text: str, people: list[Person], sessions: list[Session], lex: Lexicon) -> list[Talk]:
    """Keynotes of the event itself, outside any session: '서정욱 위원장이 기조연설에서 ‘…’을 주제로
    발표'; the topic is the first quote of the sentence after the name (a subject included), else
    its unquoted subject ('대한민국의 산불 대응체계를 주제로 발표'). A presenter whose role is
    written before the name ('발표를 맡은 … 소방교는') gives a talk too. The talk's span is the
    first mention whose sentence tells a talk ('… 등이 참석하였다' names the speaker only)."""
    named = {t.speaker for s in sessions for t in s.talks}
    scopes = [s.report or s.span for s in sessions]
    talks = []
    for person in people:
        stated = person.stated and "presenter" in person.roles
        if not ("keynote" in person.roles or stated) or person.name in named \
                or any(a <= person.span[0] < b for a, b in scopes):
            continue
        named.add(person.name)
        start, end, stop = telling_mention(text, person, lex)
        quoted = lex.TALK_QUOTE_RE.search(text, end, stop)
        topic = collapse(quoted.group("title")) if quoted else plain_subject(text, end, stop, lex)
        talks.append(Talk(person.name, person.title, person.affiliation, person.country, topic, (start, stop)))
    return talks


def telling_mention(text: str, person: Person, lex: Lexicon) -> tuple[int, int, int]:
    """(start, end, sentence end) of the person's first mention whose line, up to the end of the
    mention's sentence, names a talk (a talk noun before or after the name: '… 국장은 ‘…’을 주제로
    한 기조연설에서', '발표를 맡은 … 소방교는'), else of their first mention. Only keynote and
    stated speakers are asked, a few a release."""
    first = None
    for start, end in [person.span, *person.mentions]:
        line_end = text.find("\n", end)
        stop = sentence_end(text, end, line_end if line_end >= 0 else len(text), lex)
        if lex.TALK_WORD_RE.search(text, text.rfind("\n", 0, start) + 1, stop):
            return start, end, stop
        first = first or (start, end, stop)
    return first


def plain_subject(text: str, start: int, stop: int, lex: Lexicon) -> str | None:
    """An unquoted subject of the sentence after the speaker: '… 참석했으며, 대한민국의 산불
    대응체계를 주제로 발표를 진행했다' → '대한민국의 산불 대응체계'; the words of the clause before
    it (the time, the venue: '이날') are not the topic."""
    title = subject_title(text, start, stop, lex)
    if title is None:
        return None
    words = title.split()
    openers = tuple(lex.semantic["sessions"]["prose_talks"]["topic_openers"])
    cut = max((i + 1 for i, w in enumerate(words) if w.endswith(openers)), default=0)
    return " ".join(words[cut:]) or None


@dataclass(slots=True)
class TalkVerb:
    """A talk verb as found: '… 전망에 대하여 발표하였으며' → start at '에 대하여', about True."""
    start: int                  # of the topic phrase when one is written, else of the noun
    end: int
    noun: str | None
    tail: str | None
    about: bool


def talk_verbs(text: str, start: int, end: int, lex: Lexicon, first: int | None = None,
               hits: list[int] | None = None) -> Iterator[TalkVerb]:
    """The talk verbs of [start, end), read from `first` on (where the first talk noun is: no
    verb opens before it), or tried only at `hits` (the scan's talk nouns in it: verb_matches);
    a topic phrase before a verb is looked for from `start`."""
    found = verb_matches(text, hits, end, lex) if hits is not None else \
        lex.PROSE_TALK_VERB_RE.finditer(text, start if first is None else first, end)
    for m in found:
        about = lex.PROSE_ABOUT_BEFORE_RE.search(text, max(start, m.start() - ABOUT_REACH), m.start())
        yield TalkVerb(about.start() if about else m.start(), m.end(), m.group("noun"), m.group("tail"),
                       about is not None)


def verb_matches(text: str, hits: list[int], end: int, lex: Lexicon) -> Iterator[re.Match[str]]:
    """PROSE_TALK_VERB_RE's matches in [hits[0], end), as its finditer gives them, the pattern
    matched at each talk noun the scan hit instead (it opens with a look ahead, so its own
    scan enters it at every position, ~25 ns a character). Every match opens with a noun; a
    noun the scan did not hit lies inside a longer one it did, ending where it ends ('주제|발표',
    '기조|연사로'), so it matches only where the longer one does, which is read first; no noun
    opens inside a verb's tail (tests/test_cost_fastsessions4.py compares with finditer)."""
    after = -1
    for at in hits:
        if at >= after and (m := lex.PROSE_TALK_VERB_RE.match(text, at, end)) is not None:
            yield m
            after = m.end()


def prose_speakers(text: str, lo: int, verb: int, spans: list[tuple[int, int, Person]],
                   lex: Lexicon) -> list[tuple[int, int, Person]]:
    """The people a talk verb is told of: the one named last before it, as its subject ('… 소장이')
    or its genitive right before the noun ('… 원장의 발제 후'), and those joined to them before
    ('A 교수와 B 국장이', 'A 대표, B 매니저는')."""
    rules = lex.semantic["sessions"]["prose_talks"]
    before = [s for s in spans if lo <= s[0] and s[1] <= verb]
    if not before:
        return []
    last = before[-1]
    m = speaker_tail(text, last[1], verb, lex)
    if m is None or m.group("particle") in rules["joiners"] and unnamed_next(text, m.end(), verb, lex) is None:
        return []               # 'A 교수와 함께 학생들이 발표': the last one named is no subject
    if m.group("particle") == rules["genitive"] and text[m.end():verb].strip() \
            and lex.TOPIC_BETWEEN_RE.fullmatch(text, m.end(), verb) is None:
        return []               # '… 교수의 연구 결과를 발표': the genitive names something else
    chain = [last]
    for prev in reversed(before[:-1]):
        m = lex.PROSE_SPEAKER_TAIL_RE.match(text, prev[1], chain[0][0])
        if m is None or m.group("particle") not in rules["joiners"] \
                or len(text[m.end():chain[0][0]].split()) > MAX_AFFILIATION_GAP:
            break               # 'A 교수와 한국은행 B 국장이': the next speaker's description between
        chain.insert(0, prev)
    return chain


def unnamed_next(text: str, start: int, stop: int, lex: Lexicon) -> int | None:
    """Where the subject particle ends of a speaker joined after a named one but not among the
    people ('하정우 센터장과 영국공무원연수원의 소니 레옹 원장이 각각 발제를', '최재호 대표와 …
    정보영 책임매니저는 각각 ‘…’, ‘…’에 대해'): a few words of one clause, the last one a title
    with its subject particle, or any word with it when the verb's subjects are 'each' one;
    None when the joined words are anything else ('… 교수와 함께 학생들이')."""
    rules = lex.semantic["sessions"]["prose_talks"]
    words = list(lex.WORD_RE.finditer(text, start, stop))
    for i, w in enumerate(words[:MAX_AFFILIATION_GAP + 1]):
        word = w.group()
        if word[-1] in ",.":
            return None         # the clause ends before a subject is named
        stem = next((word[:-len(p)] for p in rules["bare_subjects"] if word.endswith(p) and len(word) > len(p)), None)
        if stem is None:
            continue
        stem = stem.split("(", 1)[0]        # '원장(CEO)이'
        each = i + 1 < len(words) and words[i + 1].group() == rules["each"]
        return w.end() if i >= 1 and (each or lex.PERSON_TITLE_TAIL_RE.search(stem)) else None
    return None


def speaker_tail(text: str, end: int, stop: int, lex: Lexicon) -> re.Match[str] | None:
    """What follows a speaker's title: PROSE_SPEAKER_TAIL_RE's particle ('… 교수가', '… 교수와'), or
    the end of a list of speakers closed after them ('A 교수, B 감독 등 연사 7인이')."""
    m = lex.PROSE_SPEAKER_TAIL_RE.match(text, end, stop)
    if m is None and text.find(lex.semantic["sessions"]["prose_talks"]["list_closer"], end, end + 3) >= 0:
        m = lex.SPEAKER_LIST_END_RE.match(text, end, stop)
    return m


def prose_topic(text: str, lo: int, start: int, verb: TalkVerb, lex: Lexicon) -> list[str]:
    """The topics between the speakers and the verb: the quotes ('‘…’을 주제로', 'each' one a
    speaker), else a quote before the speakers ('‘…’을 주제로 A 교수와 B 국장이'), else the plain
    '… 전망에 대하여' phrase after the time, the venue and the clause before it."""
    rules = lex.semantic["sessions"]["prose_talks"]
    # The pattern looks past a quote at its topic phrase, which the verb's match may hold.
    # A quote that names a session ('‘…’을 주제로 하는 세션1') is the session's title, not a talk's.
    quotes = [collapse(q.group("title")) for q in lex.PROSE_QUOTE_RE.finditer(text, start, verb.end)
              if q.end() <= verb.start and not lex.SESSION_WORD_RE.search(text, q.end(), q.end() + SESSION_NAMED_REACH)]
    if quotes:
        return quotes
    before = None
    for before in lex.PROSE_TOPIC_QUOTE_RE.finditer(text, lo, start):
        pass
    if before is not None:
        return [collapse(before.group("title"))]
    if not verb.about:
        return []
    words = text[start:verb.start].split()
    openers = tuple(rules["topic_openers"])
    cut = max((i + 1 for i, w in enumerate(words) if w.endswith(openers)), default=0)
    topic = " ".join(words[cut:])
    return [topic] if 2 <= len(topic) <= rules["max_topic_chars"] else []


def prose_talks(text: str, index: LineIndex, scan: Scan, people: list[Person], lex: Lexicon) -> list[Talk]:
    """Talks told in sentences: 'A 교수와 B 국장이 ‘…’을 주제로 발표를 진행한다' → two talks on
    '…'; '배기철 소장이 북미의 … 전망에 대하여 발표하였으며' → a talk on '북미의 … 전망'; 'C 교수가
    기조연사로 나서'. A plain 발표 needs its topic phrase or a talk's tail ('발표를 진행'). A second
    verb of the sentence with no new speaker is the same speakers' ('… 발제를 맡아 ‘…’에 대해
    발표하였다' gives the topic)."""
    rules = lex.semantic["sessions"]["prose_talks"]
    talks: list[Talk] = []
    nouns, hits = scan.nouns, scan.noun_hits
    if not people or not nouns:
        return talks            # no speaker, or no line holding a talk's noun
    spans = sorted([(a, b, p) for p in people for a, b in [p.span, *p.mentions]])
    # A talk verb opens with a talk's noun: only the lines holding one are read (`nouns`: line
    # index → its first noun), each from its first noun on (at the nouns the scan hit, `hits`).
    for i, first in sorted(nouns.items()):
        line = index.lines[i]
        lo, speakers, after, owner, unnamed = line.content.start, [], line.content.start, False, False
        for verb in talk_verbs(text, line.content.start, line.content.end, lex, first, hits.get(i) if hits else None):
            noun = verb.noun
            venue = None
            if noun in rules["weak"] and not (verb.about or verb.tail in rules["strong_tails"]
                                              or is_bare_presentation(text, verb, spans, lex)):
                venue = attended_venue(text, line.content.start, verb, lex)
                if venue is None:
                    continue    # '… 대책을 발표했다' announces
            stop = None
            for stop in SENTENCE_FULL_STOP_RE.finditer(text, lo, verb.start):
                pass
            if stop is not None:
                lo, speakers, owner = stop.end(), [], False
            listed = genitive_list(text, lo, verb, spans, lex) if noun not in rules["weak"] else []
            if listed:
                talks += listed         # 'A 박사의 ‘…’, B 연구사의 ‘…’ 등 4건의 주제발표'
                lo = after = verb.end
                speakers, owner = [], False
                continue
            found = prose_speakers(text, lo, verb.start, spans, lex)
            if found:
                speakers = found
                tail = speaker_tail(text, found[-1][1], len(text), lex)
                after = tail.end() if tail else found[-1][1]
                particle = tail.group("particle") if tail is not None else None
                # A genitive speaker owns the noun: only their talk's topic stands between.
                owner = particle == rules["genitive"]
                # A speaker joined after the last one named, but not among the people, holds a
                # place in 'each' ('A 대표와 … B 책임매니저는 각각 ‘X’, ‘Y’에 대해'): A's is X.
                unnamed = particle in rules["joiners"]
                if unnamed:
                    after = unnamed_next(text, after, verb.start, lex) or after
            if not speakers:
                continue
            if verb.tail in rules["adjacent_tails"] and not owner and not is_adjacent(text, after, verb.start, lex):
                continue        # '… 학생들은 영상과 강연을 통해': the means of another subject
            if verb.tail in rules["owned_tails"] and not (found and (owner or verb.about)):
                continue        # '… 교수가 강연과 토론을': only '… 교수의 강연과' is the speaker's talk
            topics = prose_topic(text, lo, after, verb, lex)
            if not topics and venue is not None:
                topics = object_topic(text, venue, verb.start, lex)
            told = verb.end
            if not topics and (noun is None or verb.tail in rules["strong_tails"]):
                # '기조연사로 나서 …', '발제를 맡아 …': the part told, its topic by the next verb.
                topics, told = later_topic(text, verb.end, line.content.end, spans, lex)
                told = max(told, verb.end)
            each = len(topics) == len(speakers) + unnamed > 1
            for i, (a, _, person) in enumerate(speakers):
                topic = topics[i] if each else (topics[0] if topics else None)
                talks.append(Talk(person.name, person.title, person.affiliation, person.country, topic,
                                  (a, told)))
            lo = after = verb.end     # the next verb's speakers and topic come after this one
    return talks


def role_first_talks(text: str, index: LineIndex, scan: Scan, people: list[Person], lex: Lexicon) -> list[Talk]:
    """'기조 강연으로 A 교수(…)가 ‘…’를 주제로 …', '첫 주제 발표자로 … A 교수가 나선다', '첫 발제를
    맡은 A 위원은 …': the part is written first, its speaker is the next person named, the subject
    of the sentence, close after it; the topic is the first quote with its topic phrase after
    them in the sentence. Only the talk nouns the scan hit are tried."""
    rules = lex.semantic["sessions"]["prose_talks"]
    talks: list[Talk] = []
    # The parts written first, found before the speakers are listed (most releases have none).
    hits = scan.noun_hits
    parts = [m for at in chain.from_iterable(hits.values()) if (m := lex.ROLE_FIRST_RE.match(text, at))] \
        if people and hits else []
    if not parts:
        return talks
    spans = sorted([(a, b, p) for p in people for a, b in [p.span, *p.mentions]])
    starts = [a for a, _, _ in spans]
    for m in parts:
        at = m.start()
        i = bisect_right(starts, m.end() - 1)
        if i == len(spans) or spans[i][0] - m.end() > rules["role_first_gap"] \
                or SENTENCE_FULL_STOP_RE.search(text, m.end(), spans[i][0]):
            continue
        speakers, tail = joined_subjects(text, spans, i, lex)
        if tail is None:
            continue
        if m.group("topic") and not takes_part(text, tail.end(), lex):
            continue            # '주제발표는 A 장관이 개회사를 한 뒤 …': A takes no part
        stop = sentence_end(text, tail.end(), len(text) if (nl := text.find("\n", tail.end())) < 0 else nl, lex)
        quoted = lex.PROSE_TOPIC_QUOTE_RE.search(text, tail.end(), stop)
        for person in speakers:
            talks.append(Talk(person.name, person.title, person.affiliation, person.country,
                              collapse(quoted.group("title")) if quoted else None, (at, tail.end())))
    return talks


def takes_part(text: str, at: int, lex: Lexicon) -> bool:
    """Whether the verb right after a part's subject is one of taking it ('… 교수가 맡는다', '… 교수가
    ‘…’를 주제로 진행한다'), or a comma lists the next part ('발제는 A 교수가, 토론은 …')."""
    while at < len(text) and text[at] == " ":
        at += 1
    quoted = lex.PROSE_TOPIC_QUOTE_RE.match(text, at)
    if quoted is not None:      # the talk's quoted topic first
        at = quoted.end()
        while at < len(text) and text[at] == " ":
            at += 1
    return text.startswith((",", *lex.semantic["sessions"]["prose_talks"]["part_verbs"]), at)


def joined_subjects(text: str, spans: list[tuple[int, int, Person]], i: int,
                    lex: Lexicon) -> tuple[list[Person], re.Match[str] | None]:
    """The people named from spans[i] on, joined one to the next ('A 교수, B 박사와 C 연구위원이'),
    up to the one whose particle makes them the sentence's subject, with that particle; ([], None)
    when the list is not closed by a subject ('A 교수의 …', '… 교수와 함께')."""
    rules = lex.semantic["sessions"]["prose_talks"]
    found: list[Person] = []
    while i < len(spans):
        a, b, person = spans[i]
        tail = lex.PROSE_SPEAKER_TAIL_RE.match(text, b)
        if tail is None:
            break
        if person not in found:
            found.append(person)
        if tail.group("particle") in rules["role_first_subjects"]:
            return found, tail
        if tail.group("particle") not in rules["joiners"] or i + 1 == len(spans) \
                or len(text[tail.end():spans[i + 1][0]].split()) > MAX_AFFILIATION_GAP \
                or SENTENCE_FULL_STOP_RE.search(text, tail.end(), spans[i + 1][0]):
            break
        i += 1
    return [], None


def later_topic(text: str, start: int, end: int, spans: list[tuple[int, int, Person]],
                lex: Lexicon) -> tuple[list[str], int]:
    """A topic told by a second verb of the sentence, after the talk's: '… 교수가 기조연사로 나서
    … 교수와 ‘…’에 대한 대담을 진행한다' → the quote with its topic phrase, before the next person
    named as a subject (whose own talk it would be: '… 발표를 진행하고, B 교수가 ‘…’에 대해 발표';
    '… 교수와' joins a partner of the dialogue, not a speaker). With where the topic ends: the
    talk's span runs to it."""
    stop = next_subject(text, start, sentence_end(text, start, end, lex), spans, lex)
    quoted = lex.PROSE_TOPIC_QUOTE_RE.search(text, start, stop)
    return ([collapse(quoted.group("title"))], quoted.end()) if quoted else ([], start)


def next_subject(text: str, start: int, stop: int, spans: list[tuple[int, int, Person]], lex: Lexicon) -> int:
    """Where the first person named in [start, stop) as a subject begins ('…, B 교수가 ‘…’에 대해':
    B's own talk from there), else `stop`; '… 교수와' joins a partner, not a subject."""
    subjects = lex.semantic["sessions"]["prose_talks"]["bare_subjects"]
    for a, b, _ in spans[bisect_right(spans, (start,)):]:     # the people named from `start` on
        if a >= stop:
            break
        tail = lex.PROSE_SPEAKER_TAIL_RE.match(text, b, stop)
        if tail is not None and tail.group("particle") in subjects:
            return a
    return stop


def attended_venue(text: str, line_start: int, verb: TalkVerb, lex: Lexicon) -> int | None:
    """Where the attending ends when the clause of a plain 발표 with an object says its subject
    attended a gathering of talks first ('… 「… 포럼」에 참석하여 |한미 협력 방안을 발표하고'), in
    the same sentence; None otherwise. Asked only of a plain 발표 no other form made a talk."""
    rules = lex.semantic["sessions"]["prose_talks"]
    found = None
    lo = verb.start - rules["venue_reach"]
    for found in lex.VENUE_ATTEND_RE.finditer(text, lo if lo > line_start else line_start, verb.start):
        pass
    if found is None or SENTENCE_FULL_STOP_RE.search(text, found.end(), verb.start):
        return None
    endings = tuple(rules["clause_endings"])
    if any(w.rstrip(",").endswith(endings) for w in text[found.end():verb.start].split()):
        return None             # '… 참석하여 축사를 하고, 대책을 발표': another act between
    return found.end()


def object_topic(text: str, start: int, end: int, lex: Lexicon) -> list[str]:
    """The object of the verb after the attending: '… 참석하여 |한미 간 협력 방안을| 발표' → '한미 간
    협력 방안'; none when the words there are no object (no object particle) or too many."""
    rules = lex.semantic["sessions"]["prose_talks"]
    words = text[start:end].split()
    if not words:
        return []
    last = words[-1]
    particle = next((p for p in rules["object_particles"] if last.endswith(p) and len(last) > len(p)), None)
    if particle is None:
        return []
    topic = collapse(" ".join(words[:-1] + [last[:-len(particle)]]))
    return [topic] if 2 <= len(topic) <= rules["max_topic_chars"] else []


def theme_talks(text: str, index: LineIndex, scan: Scan, people: list[Person], lex: Lexicon) -> list[Talk]:
    """'이어서 가상기업 A 상무는 ‘기업이 바라는 인재상’을 주제로 … 방향을 제시한다' → A's talk on
    '기업이 바라는 인재상': a quoted theme right after the speaker's subject particle, the rest
    of the sentence told by a verb of presenting and by none of hosting ('… 간담회를 개최').
    Only the mentions of the people are tried, each by a look at the few characters after it."""
    rules = lex.semantic["sessions"]["theme_talks"]
    talks: list[Talk] = []
    spans: list[tuple[int, int, Person]] = []      # every mention, sorted, made once a theme is found
    for person in people:
        for a, b in [person.span, *person.mentions]:
            # A quote opens within a few characters of the name, or there is no theme: most
            # mentions are passed over by this look (`in` tests, no call), before any pattern.
            window = text[b:b + THEME_REACH]
            for quote in TALK_QUOTE_OPEN:
                if quote in window:
                    break
            else:
                continue
            # … and a theme's tail follows within a title's length: a quote of speech ('… 장관은
            # “…”라고 말했다', most quotes after a name) is passed over before the pattern is tried.
            window = text[b:b + THEME_TITLE_REACH]
            for tail in rules["tails"]:
                if tail in window:
                    break
            else:
                continue
            theme = lex.THEME_FIRST_RE.match(text, b)
            if theme is None:
                continue
            line_end = text.find("\n", theme.end())
            stop = sentence_end(text, theme.end(), line_end if line_end >= 0 else len(text), lex)
            # The sentence runs on to the next speaker's own part ('… 발표한 뒤 B 교수가 …').
            spans = spans or sorted((c, d, p) for p in people for c, d in [p.span, *p.mentions])
            stop = next_subject(text, theme.end(), stop, spans, lex)
            rest = text[theme.end():stop]
            if holds_any(rest, rules["verbs"]) and not holds_any(rest, rules["other_verbs"]):
                talks.append(Talk(person.name, person.title, person.affiliation, person.country,
                                  collapse(theme.group("title")), (a, stop)))
                break
    return talks


def genitive_list(text: str, lo: int, verb: TalkVerb, spans: list[tuple[int, int, Person]],
                  lex: Lexicon) -> list[Talk]:
    """'A 박사의 ‘X’, 가상원 B 연구사의 ‘Y’ 등 2건의 주제발표로' → A on X, B on Y: two or more
    speakers of [lo, verb), each the genitive of a quoted title, one comma and the next speaker's
    description between items, the list closed ('등 N건의') right before the noun."""
    rules = lex.semantic["sessions"]["prose_talks"]
    close = text.rfind(rules["list_closer"], lo, verb.start)
    if close < 0 or lex.GENITIVE_LIST_END_RE.fullmatch(text, close, verb.start) is None:
        return []               # no list closed right before the noun (most verbs)
    items: list[Talk] = []
    at = None                   # where the last item ends
    for a, b, person in spans:
        if not (lo <= a and b <= close):
            continue
        if at is not None and lex.GENITIVE_ITEM_GAP_RE.fullmatch(text, at, a) is None:
            items, at = [], None    # not joined to the item before: a list starts here, if any
        tail = lex.PROSE_SPEAKER_TAIL_RE.match(text, b, close)
        quoted = lex.GENITIVE_ITEM_RE.match(text, tail.end(), close) \
            if tail is not None and tail.group("particle") == rules["genitive"] else None
        if quoted is None:
            items, at = [], None
            continue
        items.append(Talk(person.name, person.title, person.affiliation, person.country,
                          collapse(quoted.group("title")), (a, quoted.end())))
        at = quoted.end()
    return items if len(items) >= 2 and at is not None and not text[at:close].strip() else []


def is_adjacent(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """Whether a talk told as a means or a time ('기조연설을 통해', '발제 후', '기조연설에서') follows its
    speaker (whose particle ends at `start`) right away: at most `adjacent_words` words between,
    ordinals not counted ('… 연구위원은 두 번째 발제를 통해'), the talk's quoted topic ('… 국장은
    ‘…’을 주제로 한 기조연설에서'), or a genitive phrase naming the event the talk was given at
    ('… 차장은 … 포럼의 기조연설을 통해'); '학생들은 영상과 강연을 통해' is another subject's means."""
    rules = lex.semantic["sessions"]["prose_talks"]
    if lex.TOPIC_BETWEEN_RE.fullmatch(text, start, end):
        return True
    words = [w for w in text[start:end].split() if w not in rules["adjacent_ordinals"]]
    if len(words) <= rules["adjacent_words"]:
        return True
    last = words[-1]
    return len(words) <= rules["adjacent_genitive_words"] and last.endswith(rules["genitive"]) \
        and last[:-len(rules["genitive"])].endswith(event_nouns(lex))     # '포럼의', not '정상회의'


@once_per_lexicon
def event_nouns(lex: Lexicon) -> tuple[str, ...]:
    """The nouns naming an event (event.toml: '포럼', '회의' …), for str.endswith."""
    return tuple(lex.semantic["event"]["nouns"])


def is_bare_presentation(text: str, verb: TalkVerb, spans: list[tuple[int, int, Person]], lex: Lexicon) -> bool:
    """'… 엄하람 정책관이 발표하고': a plain 발표 made a verb right after the subject particle of the
    person named last before it, with no object between (an object makes it an announcement:
    '… 장관은 대책을 발표했다')."""
    rules = lex.semantic["sessions"]["prose_talks"]
    if verb.tail not in rules["bare_tails"]:
        return False
    for _, end, _ in reversed(spans):
        if end <= verb.start:
            m = lex.PROSE_SPEAKER_TAIL_RE.match(text, end, verb.start)
            return m is not None and m.group("particle") in rules["bare_subjects"] \
                and not text[m.end():verb.start].strip()
    return False


def split_title(org: str | None, lex: Lexicon) -> tuple[str | None, str | None]:
    """'가상청 디지털단장' → ('가상청', '디지털단장'): the last word ending in a person's title is it."""
    words = org.split() if org else []
    if len(words) >= 2 and lex.PERSON_TITLE_TAIL_RE.search(words[-1]):
        return " ".join(words[:-1]), words[-1]
    return org, None


def item_speakers(inside: str, by_name: dict[str, Person], lex: Lexicon) -> list[tuple[str, str | None]]:
    """'권하늘·안도윤, 가상연구소 / 김시우, 나라원' → the names and their organization; '성하람 가상청
    디지털단장' → the name, the words after it holding the organization. Each name is a person of
    the release or a full Korean name followed by its organization; else none is a speaker."""
    rules = lex.semantic["sessions"]["titled_items"]
    found: list[tuple[str, str | None]] = []
    for group in inside.split(rules["groups"]):
        words = group.replace(",", " , ").split()
        if not words:
            continue
        rest = [w for w in words[1:] if w != ","]
        org = collapse(" ".join(rest)) if rest else None
        for name in words[0].split(rules["names"]):
            person = by_name.get(name)
            if person is None and not (org and len(name) >= 3 and is_korean_name(name, lex)):
                return []
            found.append((name, org))
    return found


def titled_items(text: str, index: LineIndex, scan: Scan | None, people: list[Person], lex: Lexicon) -> list[Talk]:
    """'첫 번째 발표인 ▲「흥륜사 출토 유물의 성격」(권하늘, 가상대학교)' → a talk by 권하늘 on
    '흥륜사 출토 유물의 성격'; one talk per speaker of the bracket. Only the lines holding an
    item mark are read."""
    rules = lex.semantic["sessions"]["titled_items"]
    talks: list[Talk] = []
    lines = index.lines
    marked = index.holding_any(text, rules["marks"])
    by_name = {p.name: p for p in people} if marked else {}
    for i in marked:
        line = lines[i]
        context = [line.text] + [l.text for l in lines[max(0, i - rules["intro_lines"]):i]]
        if not any(lex.PRESENTATION_NOUN_RE.search(c) for c in context):
            continue            # a list of papers or measures, no presentation named
        for m in lex.TITLED_ITEM_RE.finditer(text, line.content.start, line.content.end):
            title = collapse(m.group("title")).rstrip(TALK_QUOTE_CLOSE + " ")
            opened = max(title.rfind(q) for q in TALK_QUOTE_OPEN)
            title = title[opened + 1:] if opened >= 0 else title    # '… 되짚어보는 ‘제목’': the quote
            for name, written in item_speakers(m.group("inside"), by_name, lex):
                org, office = split_title(written, lex)
                talks.append(Talk(name, office, org, None, title, (m.start(), m.end())))
    return talks


def announced_sessions(text: str, lines: list[Line], keyed: list[int], known: set[str], lex: Lexicon) -> list[Session]:
    """'< 컨퍼런스 세션(12개) 구성 >' then twelve names one a line ('Money', 'Environment' ⏎ '& Energy'
    …): a list exactly as long as the count announced names the sessions. Bracketed lines
    ('Resources (자원)') and dates group the items; a sentence or a long line ends the list.
    Only the `keyed` lines (indices into `lines`) can hold the count's session word."""
    rules = lex.semantic["sessions"]["announced"]
    found: list[Session] = []
    for i in keyed:
        line = lines[i]
        words = rules["counter"] in line.text and any(word in line.text for word in rules["words"])
        # Both forms write a number right before the counter ('12개'): a line without one is
        # not searched with the count's pattern (its second form opens with a group, tried at
        # every position, ~25 ns a character).
        m = lex.SESSION_COUNT_HEAD_RE.search(line.text) if words and lex.COUNT_HINT_RE.search(line.text) else None
        if m is None:
            continue
        count = int(m.group("count") or m.group("count_before"))
        items: list[tuple[int, int]] = []
        for item in lines[i + 1:i + 1 + rules["lines_per_item"] * count]:
            if len(item.text) > rules["max_item_chars"] or lex.SENTENCE_END_RE.search(item.text):
                break
            if "(" in item.text or item.text[0].isdigit() or lex.SESSION_COUNT_HEAD_RE.search(item.text):
                continue        # a group's name, a date, the list's own heading
            if items and lex.SESSION_ITEM_JOIN_RE.match(item.text):
                items[-1] = (items[-1][0], item.content.end)      # 'Environment' ⏎ '& Energy'
            else:
                items.append((item.content.start, item.content.end))
        labels = [collapse(text[a:b].replace("\n", " ")) for a, b in items]
        if len(items) != count or any(label in known for label in labels):
            continue
        known.update(labels)
        found += [Session(label, None, None, None, [], [], span) for label, span in zip(labels, items)]
    return found


def listed_talks(text: str, index: LineIndex, people: list[Person], sessions: list[Session],
                 lex: Lexicon) -> list[Talk]:
    """'▲A, ▲B, ▲C 등에 대한 각계 전문가 발표가 진행되었다' → talks A, B, C by title; an item naming
    a speaker met in the body is that speaker's talk. Only outside the sessions' own reports;
    only the lines holding a list mark are read."""
    rules = lex.semantic["sessions"]["listed_talks"]
    talks: list[Talk] = []
    marked = index.holding_any(text, rules["marks"])
    scopes = [s.report or s.span for s in sessions] if marked else []
    for i in marked:
        line = index.lines[i]
        if not any(noun in line.text for noun in rules["nouns"]):
            continue            # the patterns need a list mark and a presentation noun
        start = line.content.start
        while start < line.content.end:
            stop = sentence_end(text, start, line.content.end, lex)
            items = [m.span("item") for m in lex.LISTED_TALK_ITEM_RE.finditer(text, start, stop)]
            closer = None
            for closer in lex.LISTED_TALK_CLOSER_RE.finditer(text, *items[-1]) if items else ():
                pass
            if len(items) >= 2 and closer is not None and lex.LISTED_TALK_NOUN_RE.search(text, closer.end(), stop) \
                    and not any(a <= items[0][0] < b for a, b in scopes):
                items[-1] = (items[-1][0], closer.start())
                for a, b in items:
                    speaker = next((p for p in people if a <= p.span[0] < b), None)
                    if speaker is not None:
                        talks.append(Talk(speaker.name, speaker.title, speaker.affiliation, speaker.country, None, (a, b)))
                    else:
                        talks.append(Talk(None, None, None, None, collapse(text[a:b]).rstrip(","), (a, b)))
            start = stop
    return talks


# The readers of talks told outside a programme, in order: each gives talks of speakers named in
# the body; a speaker an earlier reader (or a programme, a keynote) gave a talk only lends it a
# missing topic (add_prose_talks). One signature: (text, index of the content lines, what the one
# scan of the body found, people, lexicon); the last field says whether the reader needs a person
# of the release (a release naming nobody is not read by it: most korea.kr records).
PROSE_TALK_RULES = (
    ("titled_items", titled_items, False),  # '▲「제목」(성명, 소속)' on a line naming a presentation
    ("prose_talks", prose_talks, True),     # 'A 교수가 ‘…’을 주제로 발표', '… 포럼에 참석하여 … 발표'
    ("role_first", role_first_talks, True),  # '기조 강연으로 A 교수가', '발표자로는 A, B가', '기조강연은 A가 맡는다'
    ("theme_talks", theme_talks, True),     # 'A 상무는 ‘…’을 주제로 … 제시한다'
)


# --- the paragraphs a session told in prose reports on ---------------------------------------

def about_talks(text: str, line: Line, spans: list[tuple[int, int, Person]], lex: Lexicon) -> list[Talk]:
    """'마지막으로 가상처 김하늘 담당관은 … ‘…’에 대해 소개했다' → 김하늘's talk on the quote: a
    quoted title told by a verb of presenting it, its subject the last person named before it in
    the sentence (with a subject particle: '… 교수의 ‘…’에 대해' names no speaker)."""
    rules = lex.semantic["sessions"]
    if not holds_any(line.text, rules["about_talks"]["particles"]):
        return []               # every match holds one: most lines are not searched
    talks = []
    for m in lex.ABOUT_TALK_RE.finditer(text, line.content.start, line.content.end):
        lo = line.content.start
        for stop in SENTENCE_FULL_STOP_RE.finditer(text, lo, m.start()):
            lo = stop.end()
        before = [s for s in spans if lo <= s[0] and s[1] <= m.start()]
        if not before:
            continue
        a, b, person = before[-1]
        tail = lex.PROSE_SPEAKER_TAIL_RE.match(text, b, m.start())
        if tail is not None and tail.group("particle") in rules["prose_talks"]["bare_subjects"]:
            talks.append(Talk(person.name, person.title, person.affiliation, person.country,
                              collapse(m.group("title")), (a, m.end())))
    return talks


# Readers of talks told in a form read only on the lines of a session's report: elsewhere the
# form is mostly no talk (a minister '… ‘…’에 대해 설명했다' at a meeting). One signature: (text,
# a line of the report, every mention of the people sorted, lexicon).
REPORT_TALK_RULES = (
    ("about_talks", about_talks),   # 'A 담당관은 … ‘…’에 대해 소개했다'
)


def report_talks(doc: Document, index: LineIndex, prose: list[Talk], lex: Lexicon) -> list[Talk]:
    """A session told on one line ('첫 번째 분과에서는 … 논의했다.'; not one listed as an object,
    '… 그리고 종합토론으로 구성된다') reports on the lines after it too: up to the line of the next session, through the last line that tells a talk; after the
    last session, each line in a row that tells one. A line telling a keynote (the event's own)
    or another block ends it. Each such session's report is widened over those lines, and the
    talks REPORT_TALK_RULES read on its lines are returned (the prose readers' talks there join
    it in add_prose_talks, by the report)."""
    lines = index.lines
    heads = [index.line_of(s.span[0]) for s in doc.sessions]
    told: dict[int, list[Talk]] = {}
    for talk in prose:
        told.setdefault(index.line_of(talk.span[0]), []).append(talk)
    keynotes = {t.speaker for t in doc.talks}
    object_tails = lex.semantic["sessions"]["object_tails"]
    spans = sorted((a, b, p) for p in doc.people for a, b in [p.span, *p.mentions])
    found: list[Talk] = []
    for k, session in enumerate(doc.sessions):
        own = heads[k]
        if own is None or own in heads[k + 1:]:
            continue            # a session named before another on its line reports on neither
        line = lines[own]
        extent = session.report or session.span
        if extent[0] < line.content.start or extent[1] > line.content.end:
            continue            # a programme under its label, a block of bullets: read already
        label = lex.SESSION_LABEL_RE.match(doc.text, session.span[0])
        if label is not None and label.group("tail") in object_tails:
            continue            # '… 주제발표, 그리고 종합토론으로 구성된다' lists it, reports on nothing
        read = [t for _, rule in REPORT_TALK_RULES for t in rule(doc.text, line, spans, lex)]
        found += read
        after = next((h for h in heads[k + 1:] if h is not None), None)
        end = block_end(doc, line.content.start)
        last, j = own, own + 1
        while j < len(lines) and (after is None or j < after) and lines[j].content.start < end:
            read = [t for _, rule in REPORT_TALK_RULES for t in rule(doc.text, lines[j], spans, lex)]
            here = told.get(j, []) + read
            if any(t.speaker in keynotes for t in here):
                break
            if here:
                last = j
                found += read
            elif after is None:
                break
            j += 1
        if last > own:
            session.report = (extent[0], lines[last].content.end)
    return found


# --- the stage -----------------------------------------------------------------------------

def title_by_number(doc: Document, sessions: list[Session], nodes: list[Node], lex: Lexicon) -> None:
    """Numbered sessions without a title take it from the enumeration that introduces them
    ('크게 ‘A’, ‘B’ 등의 2개의 세션', '‘A’과 ‘B’ 등 두 개의 분과(세션)로'), in number order."""
    titles = parse_enumeration(doc, nodes, lex)
    for session in sessions:
        if session.title is None and session.number is not None and 1 <= session.number <= len(titles):
            session.title = titles[session.number - 1]


def bullet_sessions(doc: Document, found: list[tuple[Session, Line]], nodes: list[Node], lex: Lexicon) -> None:
    """The enumeration form: titles by number, talks from the block most like the title."""
    title_by_number(doc, [s for s, _ in found], nodes, lex)
    by_start = {n.span.start: n for n in nodes}
    sessions = [s for s, _ in found]
    labelled = {line.start for _, line in found}
    intros = assign_intros(doc.text, [n for n in nodes if n.span.start not in labelled], sessions, lex)
    speakers = speakers_by_bullet(doc.people, nodes)
    for i, (session, line) in enumerate(found):
        node = by_start.get(line.start)
        block = intros.get(i) or (node if node is not None and node.children else None)
        if block is not None and not session.talks:
            session.talks = talks_in(doc.text, block, speakers, lex)
            session.report = (block.span.start, subtree_end(block))


def all_nodes(doc: Document) -> list[Node]:
    """Every bullet of the body and of the appendices, in order: text.walk's stack written
    out (a generator's step per bullet cost as much as the rest of the walk)."""
    nodes: list[Node] = []
    for roots in [doc.sections, *(appendix["sections"] for appendix in doc.appendices)]:
        stack = roots[::-1]
        while stack:
            node = stack.pop()
            nodes.append(node)
            if node.children:
                stack.extend(reversed(node.children))
    return nodes


def run(doc: Document, lex: Lexicon) -> None:
    # The body is scanned before its lines are listed: a release with no session key, no talk
    # noun and no item mark (most) needs no line, and every reader below is then told so by
    # an empty index.
    start, end = content_region(doc)
    keys, nouns, marks = scan_body(doc.text, start, end, lex) if start < end else ([], [], {})
    if keys or nouns or any(marks.values()):
        lines = content_lines(doc)
        index = LineIndex(lines)
        index.marks.update(marks)       # the item marks are found: holding_any finds none again
        scan = bucket(index, keys, nouns)
    else:
        lines, index, scan = [], LineIndex([]), Scan([], {})
    keyed = scan.keyed
    found = line_sessions(doc, lines, keyed, lex)
    if found:
        # Only label lines send the stage to the bullets: most releases have none.
        bullet_sessions(doc, found, all_nodes(doc), lex)
    sessions = [s for s, _ in found]
    if keyed:
        # Sessions inside sentences, quoted or announced are told on the keyed lines alone:
        # most releases have none, and the three readers are not called for them.
        known = {s.label for s in sessions}
        with_key = [lines[i] for i in keyed]
        reach = [scan.reach[i] for i in keyed]
        sessions += inline_sessions(doc, with_key, known, doc.people, lex, reach)
        sessions += quoted_sessions(doc.text, with_key, {s.title for s in sessions if s.title}, lex)
        sessions += announced_sessions(doc.text, lines, keyed, {s.label for s in sessions}, lex)
    doc.sessions = sorted(sessions, key=lambda s: s.span[0]) if sessions else []
    if sessions:
        number_last(doc.sessions, lex)
        if not found and any(s.title is None and s.number is not None for s in sessions):
            # Sessions named in sentences ('이후 첫 번째 세션에서는 …') are titled by the
            # enumeration too (label lines were, by bullet_sessions).
            title_by_number(doc, doc.sessions, all_nodes(doc), lex)
    doc.talks = keynote_talks(doc.text, doc.people, doc.sessions, lex)
    prose: list[Talk] = []
    for _, read, needs_people in PROSE_TALK_RULES:
        if doc.people or not needs_people:
            prose += read(doc.text, index, scan, doc.people, lex)
    if doc.sessions and index.lines:
        prose += report_talks(doc, index, prose, lex)
    if prose:
        add_prose_talks(doc, prose)
    listed = listed_talks(doc.text, index, doc.people, doc.sessions, lex)
    if listed:
        named = {t.speaker for t in doc.talks} | {t.speaker for s in doc.sessions for t in s.talks}
        doc.talks += [t for t in listed if t.speaker is None or t.speaker not in named]
    talks = [t for s in doc.sessions for t in s.talks] + doc.talks
    if talks:
        fill_from_people(talks, doc.people)


def add_prose_talks(doc: Document, found: list[Talk]) -> None:
    """A prose talk joins the session whose report holds it, else the event's talks; a speaker
    already given a talk only lends it a missing topic, and an event's talk (a keynote) told
    earlier in prose than where it was found points at that first telling."""
    at_event = {t.speaker: t for t in doc.talks}
    given = {t.speaker: t for s in doc.sessions for t in s.talks} | at_event
    for talk in found:
        known = given.get(talk.speaker)
        if known is not None:
            if talk.span[0] < known.span[0] and at_event.get(talk.speaker) is known:
                known.span = talk.span
                known.topic = talk.topic or known.topic
            known.topic = known.topic or talk.topic
            known.affiliation = known.affiliation or talk.affiliation
            continue
        given[talk.speaker] = talk
        home = next((s for s in doc.sessions if (s.report or s.span)[0] <= talk.span[0] < (s.report or s.span)[1]), None)
        (home.talks if home is not None else doc.talks).append(talk)


def fill_from_people(talks: list[Talk], people: list[Person]) -> None:
    """A talk's speaker is a person of the release: what the programme line leaves out (the
    affiliation of '송승호 교수', the home country of '이준(산업연구원 …)') is the person's."""
    by_name = {p.name: p for p in people}
    for talk in talks:
        person = by_name.get(talk.speaker) if talk.speaker else None
        if person is not None:
            talk.title = talk.title or person.title
            talk.affiliation = talk.affiliation or person.affiliation
            talk.country = talk.country or person.country
