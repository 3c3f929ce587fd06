"""Loads the vocabulary in data/ once, checks its shape, and names the patterns (compiled on first use).

Every pattern is named `..._RE`, uses named groups only, and is built from data lists
(escaped, longest first). Stages receive the Lexicon as `lex` and never compile patterns.
"""
from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from importlib import resources
from typing import Any, TypeVar

from . import datacache, patterncache

DATA = resources.files("pipeline") / "data"
T = TypeVar("T")


def read_toml(name: str) -> dict[str, Any]:
    """data/`name` parsed (from the on-disk cache of parsed data when its bytes are unchanged:
    datacache.py); a new dict on every call."""
    return datacache.read_toml(DATA / name, name)


def thresholds(stage: str) -> dict[str, int]:
    """A stage's thresholds (markers.toml [thresholds.<stage>]): numbers measured on the corpus,
    kept with the reason for each beside it in the data."""
    return read_toml("markers.toml")["thresholds"][stage]


def once_per_lexicon(derive: Callable[["Lexicon"], T]) -> Callable[["Lexicon"], T]:
    """`derive(lex)` worked out once per lexicon and kept: what a stage would otherwise derive
    from the vocabulary on every call (a tuple of suffixes, the longest name). A Lexicon is
    unhashable (a dataclass), so the memo is by identity, the lexicon kept with its value so
    that its id is never reused."""
    memo: dict[int, tuple[Lexicon, T]] = {}

    @functools.wraps(derive)
    def derived(lex: Lexicon) -> T:
        known = memo.get(id(lex))
        if known is None or known[0] is not lex:
            known = memo[id(lex)] = (lex, derive(lex))
        return known[1]
    return derived


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a TSV data file, comments (#) and blank lines skipped."""
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def alternation_order(words: list[str] | tuple[str, ...]) -> list[str]:
    """`words` once each, longest first. Words of one length keep a fixed order (two of them
    never match at the same place), so a pattern built from them has the same source in every
    process: compiled patterns are cached by their source."""
    return sorted(sorted(set(words)), key=len, reverse=True)     # a stable sort: ties stay sorted


def alternation(words: list[str] | tuple[str, ...], spaced: bool = False) -> str:
    """A regex alternation of `words`, escaped, in alternation_order.

    With `spaced`, white space may stand between any two characters ("보 도 자 료").
    """
    ordered = alternation_order(words)
    if spaced:
        return "|".join(r"\s*".join(re.escape(ch) for ch in w if not ch.isspace()) for w in ordered)
    return "|".join(re.escape(w) for w in ordered)


def _code_point(field_: str) -> str:
    if field_ == "DELETE":
        return ""
    if not field_.startswith("U+"):
        raise ValueError(f"fold.tsv: bad code point {field_!r}")
    return chr(int(field_[2:], 16))


@dataclass(frozen=True)
class MarkerFamily:
    name: str
    symbols: tuple[str, ...] = ()
    pattern: str | None = None
    needs_space: bool = False
    no_digit_after: bool = False
    rank: int | None = None      # the conventional level (□ 1, ○ 2, - 3, · 4), if it has one
    minor: bool = False          # *, ※, ▲: closed by any ranked marker that follows
    starts: str | None = None    # a pattern family's first characters (a class body)


@dataclass(frozen=True)
class PatternSource:
    """A named pattern before it is compiled: its source and flags."""
    source: str
    flags: int = 0


def deferred(source: str, flags: int = 0) -> PatternSource:
    """A pattern to compile when a stage first asks for it (see Patterns)."""
    return PatternSource(source, flags)


class Patterns(Mapping[str, re.Pattern[str]]):
    """The lexicon's patterns by name, each compiled the first time it is asked for.

    Compiling is four fifths of building the lexicon (~100 ms of CPU for 270 patterns: every
    class of Hangul syllables costs ~0.7 ms to compile), and a process that parses one release
    uses about two thirds of the patterns. Where the on-disk cache of compiled patterns exists
    (patterncache.py) a pattern is made from it in microseconds instead. A compiled pattern is
    kept as an attribute of the lexicon, so that lex.PHONE_RE costs a plain attribute read from
    the second use on."""

    def __init__(self, lex: "Lexicon") -> None:
        self._lex = lex
        self._sources: dict[str, PatternSource | re.Pattern[str]] = {}

    def add(self, sources: dict[str, PatternSource | re.Pattern[str]]) -> None:
        """Register sources (deferred(…)); a pattern compiled already (re.compile(…)) is taken
        as it is, so a builder written either way works."""
        if twice := sources.keys() & self._sources.keys():
            raise ValueError(f"patterns defined twice: {sorted(twice)}")
        self._sources.update(sources)

    def compile(self, name: str) -> re.Pattern[str]:
        pattern = self._lex.__dict__.get(name)
        if pattern is None:
            found = self._sources[name]
            if not isinstance(found, re.Pattern):
                found = patterncache.shared().compile(found.source, found.flags)
            pattern = self._lex.__dict__[name] = found
        return pattern

    def keep_compiled(self) -> None:
        """Write the compiled form of every pattern to the on-disk cache (patterncache.py) when
        it lacks one: once per install and interpreter, so that later processes make
        patterns from it instead of compiling them."""
        cache = patterncache.shared()
        keys = [(s.source, int(s.flags)) for s in self._sources.values() if isinstance(s, PatternSource)]
        if cache.missing(keys) and cache.writable():
            cache.rebuild(keys)

    def __getitem__(self, name: str) -> re.Pattern[str]:
        return self.compile(name)

    def __contains__(self, name: object) -> bool:
        return name in self._sources

    def __iter__(self) -> Iterator[str]:
        return iter(self._sources)

    def __len__(self) -> int:
        return len(self._sources)


@dataclass
class Lexicon:
    """Vocabulary and named patterns, built once per process."""
    fold: dict[int, str]
    kinds: dict[str, str]
    labels: dict[str, Any]
    boilerplate: dict[str, Any]
    titles: dict[str, Any]
    surnames: dict[str, str]
    families: tuple[MarkerFamily, ...]
    issuers: dict[str, str]          # every known name, short form or former name → 2026 name
    patterns: Patterns = field(init=False)
    html: dict[str, Any] = field(default_factory=dict)      # data/html.toml, for decode and render
    # Vocabulary of the semantic stages (event, people, sessions, figures, countries), by file.
    semantic: dict[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.patterns = Patterns(self)

    def add_patterns(self, patterns: dict[str, PatternSource | re.Pattern[str]]) -> None:
        """Register patterns, each read as an attribute (lex.PHONE_RE) or by name
        (lex.patterns["PHONE_RE"]) and compiled on first use. A name registered twice is a bug
        (one group's pattern would silently replace another's)."""
        self.patterns.add(patterns)

    def __getattr__(self, name: str) -> re.Pattern[str]:
        """Called only for a name that is not an attribute yet: a pattern not compiled yet."""
        patterns = self.__dict__.get("patterns")
        if patterns is None or name not in patterns:
            raise AttributeError(f"the lexicon has no pattern {name}")
        return patterns.compile(name)


def _load_families() -> tuple[MarkerFamily, ...]:
    families = []
    for entry in read_toml("markers.toml")["family"]:
        families.append(MarkerFamily(
            name=entry["name"],
            symbols=tuple(entry.get("symbols", ())),
            pattern=entry.get("pattern"),
            needs_space=entry.get("needs_space", False),
            no_digit_after=entry.get("no_digit_after", False),
            rank=entry.get("rank"),
            minor=entry.get("minor", False),
            starts=entry.get("starts"),
        ))
    return tuple(families)


def _load_issuers() -> dict[str, str]:
    names: dict[str, str] = {}
    for entry in read_toml("issuers.toml")["issuer"]:
        for name in [entry["name"], *entry.get("aliases", ()), *entry.get("former", ())]:
            if name in names:
                raise ValueError(f"issuers.toml: {name} is listed twice")
            names[name] = entry["name"]
    return names


def _contact_label_re(words: list[str], spaced: bool = True) -> PatternSource:
    """A contact label at the start of a cell; it must not run into a word ('담당자김' is not
    split here, '☎044-…' is)."""
    return deferred(rf"^(?P<label>{alternation(words, spaced=spaced)})(?![A-Za-z\uac00-\ud7a3])\s*[:：.]?\s*")


def _contact_labels(L: dict[str, Any]) -> str:
    """Every contact label, its kind the name of the group that matched, in the order the
    contacts stage and segment both rank them ('<공동>', '문의', '담당부서', '책임자', '담당자',
    '전화', 'E-mail', '팩스'), with the separator after it: one match serves segment's line test
    and the contacts stage's tokens."""
    return (rf"(?:[<〈\[(]\s*(?P<label_block>{alternation(L['contact']['block'])})\s*[>〉\])]\s*"
            rf"|(?:(?P<label_inquiry>{alternation(L['contact']['inquiry'], spaced=True)})"
            rf"|(?P<label_department>{alternation(L['contact']['department'], spaced=True)})"
            rf"|(?P<label_manager>{alternation(L['contact']['manager'], spaced=True)})"
            rf"|(?P<label_staff>{alternation(L['contact']['staff'], spaced=True)})"
            rf"|(?P<label_phone>{alternation(L['contact']['phone'], spaced=True)})"
            rf"|(?P<label_email>{alternation(L['contact']['email'])})"
            rf"|(?P<label_fax>{alternation(L['contact']['fax'], spaced=True)}))"
            r"(?![A-Za-z\uac00-\ud7a3])\s*[:：.]?\s*)")


def marker_re(families: tuple[MarkerFamily, ...]) -> PatternSource:
    """One pattern for a line-opening marker; the group name says the family.

    It opens with a lookahead for the first characters of every family: a line opening with
    none of them ('호남권', '2020년 …' half the time) fails there, where otherwise re tries each
    of the ~20 named alternatives in turn (no alternative opening with a group gets re's quick
    first-character test): ~0.45 → ~0.3 µs a line over HWPX table cells."""
    parts = []
    for fam in families:
        body = fam.pattern or alternation(fam.symbols)
        if fam.needs_space or fam.pattern:
            tail = r"(?=\s)" if fam.needs_space else r"(?=[\s\uac00-\ud7a3(\[‘'\"「『<〈])"
        elif fam.no_digit_after:
            tail = r"(?![0-9\-])"
        else:
            tail = ""
        parts.append(f"(?P<{fam.name}>{body}){tail}")
    return deferred(rf"^(?=[{marker_starts(families)}])(?:" + "|".join(parts) + r")")


def marker_starts(families: tuple[MarkerFamily, ...]) -> str:
    """A character class body of every character a marker of `families` can open with."""
    starts = []
    for fam in families:
        if fam.pattern and not fam.starts:
            raise ValueError(f"markers.toml: family {fam.name} has a pattern but no `starts`")
        starts.append(fam.starts if fam.pattern else first_chars(list(fam.symbols)))
    return "".join(dict.fromkeys(starts))


# Patterns run on every line of inputs up to 20 MB, so none may backtrack more than linearly:
# a run that starts inside another run of its own class begins at the run's start
# (`(?<![\w.+-])` on EMAIL_RE), and white space around an optional colon is possessive
# (`\s*+:?\s*+`) — `\s*:?\s*` splits k spaces k ways and went quadratic on long blank runs.
# '(廳長: 柳昌茂)', '(청장 홍길동)': the title and the name of an organization's head. Its
# white space is that of one line (`[^\S\n]`, what `\s` is inside a line): a scan over a block
# then finds no parenthesis across lines, and each line's are those a scan of the line finds.
ORG_HEAD_TAIL = r"\([^\S\n]*(?P<title>[^\s:()]{1,8})[^\S\n]*[:：]?[^\S\n]*(?P<name>[^\s:(),]{2,5})[^\S\n]*\)"
# The organization's name: the whole word right before that parenthesis.
ORG_HEAD_WORD = r"(?<![\w·])(?P<org>[\w·]{2,40})"


def _core_patterns(lex: Lexicon) -> dict[str, PatternSource]:
    L = lex.labels
    kinds = alternation(list(lex.kinds), spaced=True)
    page = L["page"]
    chrome = lex.boilerplate
    titles = alternation(lex.titles["person"], spaced=True)
    D = L["dates"]
    weekday = rf"\(\s*(?P<weekday>[{D['weekdays']}])\s*\)"
    end_mark = rf"(?:(?:{alternation(L['attachment']['end_mark'])})\s*+\.?)?"
    # A board's date as written after its label: the whole run of digits and separators (so
    # that '04/10/2026' is taken whole, never cut to '04/10/20' and misread), or the Korean
    # 'YYYY년 M월 D일'. Which of these are dates is decided by page.BOARD_DATE_FORMS.
    board_date = (rf"(?P<date>['‘’´]?\d{{1,4}}+(?:[./-][^\S\n]?\d{{1,4}}+){{2}}(?!\d)"
                  rf"|\d{{4}}\s*+{D['year']}\s*+\d{{1,2}}\s*+{D['month']}\s*+\d{{1,2}}\s*+{D['day']})")
    weekday_skip = rf"\(\s*+[{D['weekdays']}]\s*+\)"
    # A time after the date, in brackets or not, 24-hour or with its half of the day before or
    # after it ('오후 2:30', '2:30 PM'): page reads the half, so '2:30 PM' is never read as 02:30.
    meridiem = alternation(D["am"] + D["pm"])
    board_time = (rf"(?:\s*+\(?\s*+(?:(?P<meridiem>{meridiem})\s*+)?(?P<time>\d{{1,2}}:\d{{2}}(?::\d{{2}})?)(?!\d)"
                  rf"(?:\s*+(?P<meridiem_after>{meridiem})(?![A-Za-z]))?\s*+\)?)?")
    return {
        # Characters the fold table replaces: normalize substitutes only where they occur.
        "FOLD_RE": deferred("[" + "".join(re.escape(chr(c)) for c in lex.fold) + "]"),
        "KIND_LINE_RE": deferred(rf"^\[?\s*(?P<kind>{kinds})\s*\]?$"),
        "HEADLINE_TAG_RE": deferred(rf"^\[\s*(?P<kind>{kinds})\s*\]\s*(?P<title>.+)$"),
        "CHROME_RE": deferred(alternation(chrome["phrases"])),
        "BREADCRUMB_RE": deferred(
            r"^(?P<trail>[^\s>]+(?:\s*>\s*[^\s>]+)+)"
            rf"(?:\s+(?P<suffix>{alternation(chrome['breadcrumb_suffixes'])}))?$"),
        # "작성자 혁**** 작성일 04/07/23 (12:07) 조회수 6331" — also one label per line.
        "PAGE_AUTHOR_RE": deferred(rf"(?:{alternation(page['author'])})\s*+:?\s*+(?P<author>[^\s:]+)"),
        # '작성일 04/07/23 (12:07)', '등록일 2025-12-12 17:44:00', '게시일 2024. 3. 5.(화) 오후 2:30',
        # '작성일 2024년 3월 5일': the label, then BOARD_DATE, an optional weekday and time. Which
        # forms of the date are read, and which are left unread, is page.BOARD_DATE_FORMS's.
        "PAGE_POSTED_RE": deferred(
            rf"(?:{alternation(page['posted'])})\s*+:?\s*+{board_date}\.?"
            rf"(?:\s*+{weekday_skip})?{board_time}"),
        "PAGE_VIEWS_RE": deferred(rf"(?:{alternation(page['views'])})\s*+:?\s*+(?P<views>\d[\d,]*)"),
        # Any label of the three above: a line without one holds none of their fields, so one
        # search settles it where three would (most lines of a page).
        "PAGE_FIELD_WORD_RE": deferred(alternation(page['author'] + page['posted'] + page['views'])),
        # A board's name word ('보도자료', '군정소식') and a page contact's department or phone label
        # word, anywhere: one search (the words open with literals re skips ahead to) where a test
        # per word was a Python step each.
        "PAGE_BOARD_WORD_RE": deferred(alternation(page['board_words'])),
        "PAGE_CONTACT_WORD_RE": deferred(alternation(page['department'] + page['phone'])),
        "DATE_PART_SEP_RE": deferred(r"[./\-]\s?"),
        # page.BOARD_DATE_FORMS, each matched against a whole date BOARD_DATE took: the year first
        # (four digits, or two, perhaps after an apostrophe: '2024. 3. 5.', '04/07/23', "'24.3.5"),
        # one separator written twice; the month first with slashes and a four-digit year
        # ('04/10/2026', the korea.kr API's form); the Korean 'YYYY년 M월 D일'.
        "YEAR_FIRST_DATE_RE": deferred(
            r"(?P<year>\d{4}|['‘’´]?\d{2})(?P<sep>[./-])[^\S\n]?(?P<month>\d{1,2})(?P=sep)[^\S\n]?(?P<day>\d{1,2})\.?"),
        "MONTH_FIRST_DATE_RE": deferred(r"(?P<month>\d{1,2})/[^\S\n]?(?P<day>\d{1,2})/[^\S\n]?(?P<year>\d{4})"),
        "KOREAN_FULL_DATE_RE": deferred(
            rf"(?P<year>\d{{4}})\s*+{D['year']}\s*+(?P<month>\d{{1,2}})\s*+{D['month']}\s*+(?P<day>\d{{1,2}})\s*+{D['day']}"),
        # A record's date field: the korea.kr API's "01/16/2020 14:59:31", ISO 8601's
        # "2025-12-03T09:00:00+09:00" (fractions of a second dropped, the offset kept), a day alone.
        "APPROVE_DATE_RE": deferred(
            r"(?P<date>[\d/.\-]+)(?:(?:\s+|T)(?P<time>\d{1,2}:\d{2}(?::\d{2})?)(?:\.\d+)?"
            r"(?P<offset>Z|[+-]\d{2}:?\d{2})?)?"),
        # The API's own forms, ASCII and zero-padded ("12/26/2025", "10:34:37"): page reads them
        # by their groups (parse_board_date's fast path), the year past 999 as the general rule wants.
        "API_DATE_RE": deferred(r"(?P<month>[0-9]{2})/(?P<day>[0-9]{2})/(?P<year>[1-9][0-9]{3})"),
        "API_TIME_RE": deferred(r"(?P<hour>[0-9]{2}):(?P<minute>[0-9]{2}):[0-9]{2}"),
        # A digit after a line end: in page's joined header lines, a line a bare date may open.
        "LINE_OPENS_WITH_DIGIT_RE": deferred(r"\n\d"),
        "PAGE_BARE_DATE_RE": deferred(
            r"^(?P<date>\d{4}[./-]\s?\d{1,2}[./-]\s?\d{1,2})\.?(?:\s+\(?(?P<time>\d{1,2}:\d{2}(?::\d{2})?)\)?)?$"),
        "PAGE_LABEL_RE": deferred(
            rf"^(?P<label>{alternation(page['author'] + page['posted'] + page['views'])})\s*:?$"),
        # "담당부서소통홍보팀 담당자김민철 팀장 전화번호 044-300-0720" — labels glued to values.
        "PAGE_CONTACT_RE": deferred(
            rf"^(?:{alternation(page['department'])})\s*+:?\s*+(?P<department>\S+)\s+"
            rf"(?:{alternation(page['person'])})\s*+:?\s*+(?P<person>.*?\S)\s+"
            rf"(?:{alternation(page['phone'])})\s*+:?\s*+(?P<phone>[\d()\-\s]{{7,}})$"),
        # Any label of the page's contact box, glued to its value or not.
        "PAGE_CONTACT_LABEL_RE": deferred(
            rf"(?:(?P<department>{alternation(page['department'])})|(?P<person>{alternation(page['person'])})"
            rf"|(?P<phone>{alternation(page['phone'])})"
            # the board's other fields end a contact value too: '부서명 … 작성자 … 조회수 …'
            rf"|(?P<stop>{alternation(page['stop'] + page['author'] + page['posted'] + page['views'])}))\s*:?"),
        "TITLE_LABEL_RE": deferred(rf"^(?:{alternation(L['title']['label'], spaced=True)})\s*:?\s*(?P<rest>.*)$"),
        # The title label anywhere: page asks whether a header may hold one before asking each line.
        "TITLE_LABEL_WORD_RE": deferred(alternation(L['title']['label'], spaced=True)),
        "SUBTITLE_RE": deferred(r"^[-―]\s*+(?P<text>.*?[^\s\-])\s*+[-―]?$"),
        "PAGE_NUMBER_RE": deferred(r"^-\s*\d{1,3}\s*-$"),
        "WEBSITE_RE": deferred(r"^\(?\s*(?P<url>(?:https?://)?www\.[\w.-]+\.[a-z]{2,}(?:/\S*?)?)\s*\)?$"),
        # '보도자료   고용노동부   www.moel.go.kr': a masthead's fields stand apart by a run of blanks,
        # and a web address after a single blank. (A bar is a Markdown table's: '| 기관 | 보도자료 |'
        # is a table row, read as cells.)
        "MASTHEAD_SPLIT_RE": deferred(r"\s{2,}|\t|\s+(?=\(?(?:https?://)?www\.)"),
        "RELEASE_WORD_RE": deferred(alternation(L["notice"]["release_words"])),
        "URL_RE": deferred(r"(?P<url>(?:https?://|www\.)[\w.-]+\.[a-z]{2,}(?:/[\w./?=&%#-]*)?)"),
        "EMAIL_RE": deferred(r"(?<![\w.+-])(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"),
        # 02-3787-0433, 02)3787-0433, (044)201-3333, 044.201.3333, 3771-5035
        # Read as `(?<![\d\w,.])(?:\(?0\d{1,2}\)?\s*[-).]?\s*)?\d{3,4}\s*[-.]\s*\d{4}(?!\d)` — an
        # optional area code, then the number — but written to open with the phone's first
        # character, '(' or a digit: `re` skips to such a character instead of trying a
        # lookaround at every position (2× faster on the corpus). What that character was picks
        # the branch: '(' or '0' opens an area code, any digit opens the number (its first digit
        # already read). The same matches, in the same order (test_lexicon compares the two).
        "PHONE_RE": deferred(
            r"(?P<phone>[(\d](?<![\d\w,.].)"
            r"(?:(?:(?<=\()0|(?<=0))\d{1,2}\)?\s*[-).]?\s*\d{3,4}\s*[-.]\s*\d{4}"
            r"|(?<=\d)\d{2,3}\s*[-.]\s*\d{4}))(?!\d)"
            rf"(?:\s*\(?\s*(?:{alternation(L['contact']['extension'])})\s*(?P<extension>\d{{1,5}})\s*\)?)?"),
        # Every phone PHONE_RE reads ends in a separator and four digits ('-0433', '. 3333'): a
        # scan for that tail skips ahead to a literal '-' or '.', where PHONE_RE (or one class
        # '[-.]') tries every position of the text (0.01 ms on the seed's text against 0.09).
        "PHONE_TAIL_DASH_RE": deferred(r"-\s*\d{4}"),
        "PHONE_TAIL_DOT_RE": deferred(r"\.\s*\d{4}"),
        "PERSON_TITLE_RE": deferred(rf"(?P<title>{titles})"),
        "KOREAN_DATE_RE": deferred(
            rf"(?:(?P<year>\d{{4}})\s*{D['year']}\s*)?(?P<month>\d{{1,2}})\s*{D['month']}\s*(?P<day>\d{{1,2}})\s*{D['day']}"
            rf"(?:\s*{weekday})?"),
        "DOTTED_DATE_RE": deferred(
            r"(?<!\d)(?:(?P<year>\d{4}|['‘’´]\d{2})\s*\.\s*)?(?P<month>\d{1,2})\s*\.\s*(?P<day>\d{1,2})"
            rf"(?:\s*\.)?(?:\s*{weekday})?"),
        "TIME_RE": deferred(rf"(?<!\d)(?P<hour>[0-2]?\d)\s*(?::|{D['hour']})\s*(?P<minute>[0-5]\d)?(?!\d)"),
        "EMBARGO_SENTENCE_RE": deferred(alternation(L["embargo"]["sentence_markers"])),
        "IMMEDIATE_LINE_RE": deferred(
            rf"^[(<\[]?\s*(?:{alternation(L['embargo']['distribution'])}\s*)?(?:{alternation(L['embargo']['immediate'])})"
            rf"(?:\s*(?:{alternation(L['embargo']['immediate'] + L['embargo']['immediate_tails'])}))*\s*[)>\]]?$"),
        "CHANNEL_OPEN_RE": deferred(rf"^[(<\[]\s*(?:{alternation(L['embargo']['channels'], spaced=True)})\s*[)>\]]"),
        "EMBARGO_LABEL_RE": deferred(
            rf"^(?P<label>{alternation(L['embargo']['labels'], spaced=True)})(?=[\s:]|$)\s*:?\s*(?P<value>.*)$"),
        "DISTRIBUTION_LABEL_RE": deferred(
            rf"^(?P<label>{alternation(L['embargo']['distribution'], spaced=True)})(?=[\s:]|$)\s*:?\s*(?P<value>.*)$"),
        "EDITION_MORNING_RE": deferred(alternation(L["embargo"]["morning"])),
        "EDITION_EVENING_RE": deferred(alternation(L["embargo"]["evening"])),
        "EDITION_IMMEDIATE_RE": deferred(alternation(L["embargo"]["immediate"])),
        # "붙임 1. 세부 추진계획 1부." — a following "2. …" line continues the listing.
        # The label may stand in brackets ('<붙임> 1. 행사 개요', '【 별첨 1 】 대책'), its number
        # inside them, or the first item's after them and a separator ('붙임 : 1. 회의 사진':
        # `item`). Bracketed, the text may follow at once ('【붙임】위원회 개요').
        "ATTACHMENT_LINE_RE": deferred(
            rf"^(?P<open>[{''.join(re.escape(b[0]) for b in L['attachment']['listing_brackets'])}]\s*+)?"
            rf"(?P<label>{alternation(L['attachment']['listing'], spaced=True)})(?:\s*+(?P<number>\d{{1,2}}))?"
            rf"(?(open)\s*+[{''.join(re.escape(b[1]) for b in L['attachment']['listing_brackets'])}](?:\s*+[.:：])?\s*+"
            r"|(?:\s*+[.:：])?\s++)"
            r"(?:(?P<item>\d{1,2})\s*+[.)](?!\d)\s*+)?(?P<text>.*?\S)"
            rf"(?:(?:\s*+(?<!\d)\d++\s*+(?:{alternation(L['attachment']['counters'])}))?\s*+\.?\s*+{end_mark}"
            # or a table of contents' entry: its page number after a wide gap ('<별첨> 현황  20')
            r"|[^\S\n]{2,}+\d{1,3})$"),
        # The next item's number inside a listing line that holds several ('1. 행사 계획 2. 행사
        # 포스터', '1. 현황2. 수칙'): a number after no digit or dot, then '.' and a blank, so
        # '2.5단계' and the dates of '(’20.12.29.~’21.1.3.)' are none.
        "LISTING_ITEM_NUMBER_RE": deferred(r"(?<![\d.])(?P<number>\d{1,2})\.[^\S\n]++(?=\S)"),
        # A listing's label alone on its line: '<붙임>', '붙 임 :', '붙임1'.
        "ATTACHMENT_LABEL_LINE_RE": deferred(
            rf"^(?:[{''.join(re.escape(b[0]) for b in L['attachment']['listing_brackets'])}]\s*+)?"
            rf"(?P<label>{alternation(L['attachment']['listing'], spaced=True)})(?:\s*+(?P<number>\d{{1,2}}))?"
            rf"\s*+[{''.join(re.escape(b[1]) for b in L['attachment']['listing_brackets'])}]?\s*+[.:：]?$"),
        "ATTACHMENT_MORE_RE": deferred(
            rf"^(?P<number>\d{{1,2}})\s*+\.\s++(?P<text>.*?\S)"
            rf"(?:\s*+(?<!\d)\d++\s*+(?:{alternation(L['attachment']['counters'])}))?\s*+\.?\s*+{end_mark}$"),
        # A line opening with a listing label's first letter ('붙임 1. …'), from the line end
        # before it: release searches each body block once for one before it walks the body's
        # lines for listings (the literal '\n' lets `re` skip ahead; `\s` is str.isspace, what
        # normalize strips off a line's start).
        # The label may stand in an opening bracket ('<붙임> …'): then its whole word is asked,
        # since many lines open with a bracket and a label's first letter ('(별도 …').
        "LISTING_LINE_START_RE": deferred(
            rf"\n[^\S\n]*+(?:[{''.join(re.escape(b[0]) for b in L['attachment']['listing_brackets'])}][^\S\n]*+"
            rf"(?:{alternation(L['attachment']['listing'], spaced=True)})"
            rf"|[{first_chars([w.strip() for w in L['attachment']['listing']])}])"),
        # Its first look-ahead: an inline word's first letter before the next parenthesis or line
        # end (a possessive run, then one letter), so the many '(화)', '(장관 …)' are left after
        # a scan to their end, not a try of the words at each letter.
        "INLINE_ATTACHMENT_RE": deferred(
            rf"\((?=[^()\n{first_chars(L['attachment']['inline'])}]*+[{first_chars(L['attachment']['inline'])}])"
            rf"(?=[^()\n]*\))(?P<text>[^()\n]*?(?P<label>{alternation(L['attachment']['inline'])})[^()\n]*)\)"),
        # The whole of an inline mention that only points at an attachment: '붙임 1 참고', '붙임2',
        # '「붙임」참조' (labels.toml [attachment] references).
        "ATTACHMENT_REFERENCE_RE": deferred(
            rf"[「｢<〈\[]?\s*+(?P<label>{alternation(L['attachment']['inline'], spaced=True)})\s*+(?P<number>\d{{1,2}})?"
            rf"\s*+[」｣>〉\]]?\s*+(?:{alternation(L['attachment']['references'])})?\s*+"),
        # 중소기업청(廳長: 柳昌茂), 산림청(청장 홍길동)
        "ORG_HEAD_RE": deferred(rf"{ORG_HEAD_WORD}{ORG_HEAD_TAIL}"),
        # Its parenthesis alone: opening with '(' lets re skip to one, where ORG_HEAD_RE tries its
        # lookbehind and word at every position; a line without it holds no head (−22% on the
        # corpus lines that hold a parenthesis).
        "ORG_HEAD_TAIL_RE": deferred(ORG_HEAD_TAIL),
        # The word ending where a tail starts (searched with endpos at the tail): ORG_HEAD_RE's
        # match, found from its parenthesis rather than by trying the word at every word start.
        "ORG_HEAD_WORD_BEFORE_RE": deferred(rf"{ORG_HEAD_WORD}\Z"),
        # Hanja (text.is_hanja's ranges): a head's title holding any, or a name all of them, is
        # read into Hangul; one search or fullmatch instead of a test per character.
        "ORG_HEAD_HANJA_RE": deferred(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+"),
        "CONTACT_DEPARTMENT_LABEL_RE": _contact_label_re(L["contact"]["department"]),
        "CONTACT_MANAGER_LABEL_RE": _contact_label_re(L["contact"]["manager"]),
        "CONTACT_STAFF_LABEL_RE": _contact_label_re(L["contact"]["staff"]),
        "CONTACT_PHONE_LABEL_RE": _contact_label_re(L["contact"]["phone"]),
        "CONTACT_EMAIL_LABEL_RE": _contact_label_re(L["contact"]["email"], spaced=False),
        "CONTACT_FAX_LABEL_RE": _contact_label_re(L["contact"]["fax"]),
        "CONTACT_INQUIRY_LABEL_RE": _contact_label_re(L["contact"]["inquiry"]),
        "CONTACT_BLOCK_LABEL_RE": deferred(
            rf"^[<〈\[(]\s*(?P<label>{alternation(L['contact']['block'])})\s*[>〉\])]\s*"),
        # Every contact label at a line's start (_contact_labels: one match, the group says its kind).
        "CONTACT_LABEL_RE": deferred("^" + _contact_labels(L)),
        # The same labels wherever a word starts: one scan of a contact line finds them all
        # (the contacts stage tried CONTACT_LABEL_RE at each word of the line).
        "CONTACT_LABEL_AT_WORD_RE": deferred(r"(?<!\S)" + _contact_labels(L)),
        # Separators between a contact cell's values: brackets, commas, slashes, bars, '☎'.
        "CONTACT_CHUNK_RE": deferred(r"[^()\[\]<>〈〉,/|☎\n]+"),
        "CONTACT_SENTENCE_RE": deferred(alternation(L["contact"]["sentence"])),
        "HELPLINE_CUE_RE": deferred(alternation(L["contact"]["helpline_cues"])),
        # 「미국 관세 품목분류 상담센터」(042-714-7538): the quoted name owns the number.
        "QUOTED_NAME_RE": deferred(r"[「｢『‘'\"“](?P<name>[^「」｢｣『』‘’'\"“”]{2,40})[」｣』’'\"”]$"),
        "ISSUER_RE": deferred(rf"(?P<issuer>{alternation(list(lex.issuers))})"),
        "MARKER_RE": marker_re(lex.families),
        "WORD_RE": deferred(r"(?P<word>\S+)"),
    }


def _segment_patterns(lex: Lexicon) -> dict[str, PatternSource]:
    """What closes the body: appendix pages, the attachment list, the end mark; header
    template labels; and what tells a headline from a sentence. Vocabulary from markers.toml and
    boilerplate.toml."""
    data = read_toml("markers.toml")
    appendix, seg, chrome = data["appendix"], data["segment"], lex.boilerplate
    open_, close = r"[<\[〈【(]", r"[>\]〉】)]"
    embargo = lex.labels["embargo"]
    embargo_openers = embargo["labels"] + embargo["distribution"] + embargo["online"] + seg["embargo_words"]
    # first characters of a page number, an end mark, a pipe row, a caption, a unit line
    skip_or_table = rf"\-{first_chars(seg['end_marks'])}|<〈＜("
    return {
        # "참고 1", "<참고>", "[참고 2] 세부 일정", "붙임 1", "< 붙임 >" — and never "참고로, …".
        "APPENDIX_HEAD_RE": deferred(
            rf"^{open_}?\s*(?P<label>{alternation(appendix['page'], spaced=True)})"
            rf"\s*(?P<number>\d{{1,2}})?\s*(?P<close>{close})?\s*(?=[.:]|\s|$)[.:]?\s*(?P<rest>.*)$"),
        # The first character of a line APPENDIX_HEAD_RE can match: an opening bracket or a
        # label's first letter (segment tests it on a string of each line's first character
        # before it matches the line).
        "APPENDIX_HEAD_START_RE": deferred(rf"{open_}|[{first_chars([w.lstrip() for w in appendix['page']])}]"),
        # "붙임 1. 설명회 개최 계획.", "<붙임> 1. …", "붙 임 : 화상 회의 사진. 끝."
        "ATTACHMENT_LIST_RE": deferred(
            rf"^{open_}?\s*(?P<label>{alternation(appendix['list'], spaced=True)})\s*{close}?"
            r"\s*[.:]?\s*(?P<rest>[^\s>\]〉】)].*)$"),
        "ATTACHMENT_LABEL_RE": deferred(
            rf"^{open_}?\s*(?P<label>{alternation(appendix['list'], spaced=True)})"),
        "NUMBERED_LINE_RE": deferred(r"^(?P<number>\d{1,2})\s*[.)]\s*(?P<rest>\S.*)$"),
        # "< 순회지원단 권역별 운영계획 >", "<'03년 수출 증감률> (단위:%)"
        "CAPTION_RE": deferred(r"^[<〈＜]\s*(?P<text>[^<>〈〉＜＞]+?)\s*[>〉＞](?:\s*\([^()]*\))?$"),
        "END_MARK_RE": deferred(rf"(?P<end>{alternation(seg['end_marks'])})$"),
        "EMBARGO_WORD_RE": deferred(rf"^(?P<word>{alternation(seg['embargo_words'])})(?=[\s:]|$)"),
        # The first letter of a line EMBARGO_LABEL_RE, DISTRIBUTION_LABEL_RE, EMBARGO_WORD_RE or
        # TIME_FIELD_RE can match at its start ('보도시점', '배포', '엠바고', '누리망·방송'): one match
        # of it spares the four on a line opening otherwise (the header's is_embargo, ~15 lines).
        "EMBARGO_LABEL_START_RE": deferred(rf"[{first_chars([w.lstrip() for w in embargo_openers])}]"),
        "HEADER_LABEL_RE": deferred(
            rf"^(?P<label>{alternation(seg['header_labels'], spaced=True)})\s*:?\s*(?P<value>.*)$"),
        "SENTENCE_END_RE": deferred(rf"(?:{alternation(seg['sentence_endings'])})[\s\"'”’」)]*$"),
        # The last character of any line SENTENCE_END_RE or END_MARK_RE can find: an ending's or
        # an end mark's last letter, or a closing quote, bracket or blank. A line ending otherwise
        # ('호남권', '1,234') is tested with one anchored match instead of two searches that try
        # every position (bullets' table cells: ~650 per HWPX).
        "SENTENCE_TAIL_CHAR_RE": deferred(
            rf"[{first_chars([w[::-1] for w in seg['sentence_endings'] + seg['end_marks']])}\s\"'”’」)]"),
        "POLITE_END_RE": deferred(rf"(?:{alternation(seg['polite_endings'])})[\s\"'”’」)]*$"),
        # An opening quotation mark; an apostrophe before a digit abbreviates a year ('25.11월).
        # A summary line's marker under the title ('◈ …', '▴ …'): the summary families' markers.
        "SUMMARY_MARKER_RE": marker_re(tuple(f for f in lex.families if f.name in seg["summary_families"])),
        "QUOTE_OPEN_RE": deferred(rf"^(?:{alternation(seg['quote_openers'])})(?!\d)"),
        # A quoted report, then the rest of the line: '“… 추진”보도는 사실이 아닙니다.'
        "QUOTED_VERDICT_RE": deferred(r"^[“\"‘'「『](?P<quote>[^”\"’'」』]{4,})[”\"’'」』]\s*(?P<verdict>.*)$"),
        "COPULA_END_RE": deferred(rf"(?:{alternation(seg['copula_endings'])})[\s\"'”’」)]*$"),
        "TITLE_WRAP_RE": deferred(rf"(?:{alternation(seg['title_wrap_endings'])})$"),
        # A kicker line over the title: wholly quoted ('“역대급 추석 연휴, 민원 발생도 역대급?”'), or an
        # exclamation that is no polite sentence ('재도전의 기회를 잡아라!').
        "TITLE_KICKER_LINE_RE": deferred(
            rf"^(?:{alternation(seg['quote_openers'])})(?!\d)[^\n]*(?:{alternation(seg['quote_openers'] + [c for _, c in seg['double_quotes']])})$"
            rf"|(?P<exclamation>{alternation(seg['exclamations'])})$"),
        "UNCLOSED_QUOTE_RE": deferred(
            "(?:" + "|".join(f"{re.escape(o)}[^{re.escape(c)}]*" for o, c in seg["double_quotes"]) + ")$"),
        "NOTICE_RE": deferred(alternation(chrome["notices"])),
        "TITLE_STUB_RE": deferred(rf"(?P<stub>{alternation(chrome['title_stubs'])})$"),
        "PROSE_SIGNAL_RE": deferred(alternation(seg["prose_signals"])),
        "KICKER_RE": deferred(r"^[\[(【〔](?P<tag>[^\[\]()【】〔〕]{1,20})[\])】〕]$"),
        # A board's file widget: '첨부파일 2', '사진.png(191 kb)', '[미리보기]'. Three patterns, not
        # one alternation: a pattern that starts with '.' or '[' lets `re` skip ahead to that
        # character, while the alternation with a '^' branch tried every position (4× the CPU).
        "FILE_WIDGET_LABEL_RE": deferred(
            rf"^(?:{alternation(chrome['file_widget_labels'])})\s*\d*\s*:?$", re.IGNORECASE),
        "FILE_NAME_RE": deferred(
            rf"\.(?:{alternation(chrome['file_extensions'])})\s*(?:[(\[].*)?$", re.IGNORECASE),
        "FILE_WIDGET_WORD_RE": deferred(alternation(chrome['file_widget_words']), re.IGNORECASE),
        # Where is_chrome may answer yes, found by two scans of the body instead of four patterns
        # on each of its lines (body_chrome asks is_chrome only of the lines they hit): a chrome
        # phrase, a file-widget label or word anywhere in a line, and a dot before a file
        # extension's first letter. (Exact chrome lines: CHROME_EXACT_START_RE.) Each word is
        # looked for at a rare character of it (anchored_alternation, seg['chrome_hint_anchors']),
        # and no IGNORECASE, which would cost `re` its skip to those characters (10× the CPU): the
        # labels and words are caseless (test_segment checks it); the dot's class is case-folded.
        "CHROME_HINT_RE": deferred(anchored_alternation(
            chrome["phrases"] + chrome["file_widget_labels"] + chrome["file_widget_words"],
            seg["chrome_hint_anchors"])),
        # The first character of an exact chrome line ('목록', '인쇄'): tested on a string of each
        # line's first character before the line is looked up.
        "CHROME_EXACT_START_RE": deferred(rf"[{first_chars(chrome['exact'])}]"),
        "FILE_DOT_HINT_RE": deferred(rf"\.(?i:[{first_chars(chrome['file_extensions'])}])"),
        # The first character of a line that opens a contact table (CONTACT_LABEL_RE's
        # department, manager and staff labels, whose white space it skips): segment tests it on
        # a string of each line's first character before it asks the label of the line.
        "CONTACT_OPENING_START_RE": deferred(
            rf"[{first_chars([''.join(w.split()) for k in ('department', 'manager', 'staff') for w in lex.labels['contact'][k]])}]"),
        # A digit: a line without one holds no date (segment asks it before the date patterns).
        "DATE_DIGIT_RE": deferred(r"\d"),
        "UNIT_LINE_RE": deferred(rf"^\(\s*(?:{alternation(data['table']['unit_labels'])})\s*:[^()]*\)$"),
        "PIPE_ROW_RE": deferred(r"^\|(?P<cells>.*)\|$"),
        # The first character of a line that bullets reads as more than text: a marker
        # (MARKER_RE), a page number ('- 3 -'), the end mark, a table's '|' row, '<' caption or
        # '(' unit line. A body line opening otherwise (a wrapped line, a paragraph: ~a third of
        # a body) continues or opens prose, told by one match instead of six (test_cost_fastlines).
        "BULLET_LINE_START_RE": deferred(rf"[{marker_starts(lex.families)}{skip_or_table}]"),
        # The same but for markers: a line without a marker opening otherwise ('2020년 …', '1,234',
        # a fifth of a body's lines) is neither skipped nor a table's first line.
        "SKIP_OR_TABLE_START_RE": deferred(rf"[{skip_or_table}]"),
    }


def anchored_alternation(words: list[str], anchors: list[str]) -> str:
    """An alternation that finds each of `words` from its first character in `anchors` (else
    from its first character): '대표번호' with the anchor '표' → '표(?<=대표)번호'. Every
    alternative opens with a literal, so `re` skips ahead to the anchors' class and tries the
    words only there: a scan for words opening with common syllables costs what one for rare
    ones does. A match starts at the anchor, inside the word: for telling which lines hold a word."""
    parts = []
    for word in alternation_order(words):
        at = next((i for i, ch in enumerate(word) if ch in anchors), 0)
        behind = f"(?<={re.escape(word[:at + 1])})" if at else ""
        parts.append(re.escape(word[at]) + behind + re.escape(word[at + 1:]))
    return "|".join(parts)


def sentence_stop_syllables() -> str:
    """The syllables a sentence ending puts before its period: '다.', '요.', '음.' → '다요음'."""
    endings = read_toml("markers.toml")["segment"]["sentence_endings"]
    return "".join(sorted({e[-2] for e in endings if e.endswith(".") and len(e) >= 2}))


def _header_patterns(lex: Lexicon) -> dict[str, PatternSource]:
    """The release header's time fields and the portal title's kind tag (labels.toml)."""
    E = lex.labels["embargo"]
    labels = [w for w in E["labels"] if len(w) > 2]     # bare '보도' inside a line is a word, not a label
    appendix_words = read_toml("markers.toml")["appendix"]
    page_only = [w for w in appendix_words["page"] if w not in appendix_words["list"]]
    # The lead sentence's subject: '해양수산부(장관 …)는', '김정관 산업통상부 장관은', '박순연
    # 농림축산식품부(장관 송미령, 이하 ‘농식품부’) 기획조정실장은', '한국고용노동교육원(원장 이종선, 이하
    # ‘교육원’)은' — an issuer the lexicon knows, or any organization whose head follows it.
    # The word lists are tries (trie_alternation): a word start is rejected after one character
    # instead of after trying each of ~120 issuers and, at each of up to 30 lengths, ~30 suffixes.
    lead_subject = (
        # (The class of the issuers' first letters before their trie: re tries a trie's ~50
        # first letters one by one, a class of them in one step, at each blank of a lead.)
        rf"(?:(?=[{first_chars(list(lex.issuers))}])(?P<issuer>{trie_alternation(list(lex.issuers))})"
        # The organization is followed by '(' or by '장': a word whose letters up to the first '장'
        # (all of them when it has none) are followed by neither is rejected before trying 30 lengths.
        rf"|(?=[\uac00-\uc7a4\uc7a6-\ud7a3A-Za-z·]*+[(장])"
        rf"(?P<org>[\uac00-\ud7a3A-Za-z·]{{1,30}}?(?:{trie_alternation(lex.titles['organization_suffixes'])})"
        rf"(?=\(|장(?:{alternation(lex.labels['issuer']['particles'])})\s))"
        r")"
    )
    # What follows the subject's name (its head, title and particle): kept apart so that
    # LEAD_LINE_ISSUER_RE can put it after the known issuers alone.
    subject_tail = (
        r"(?P<head>\([^()]{0,60}\))?"
        # the official the subject names: ' 장관', ' 조정아 사무처장', ' 기획조정실장'; or, after
        # the head, the issuer's own office: '산업통상부(장관 …) 통상교섭본부는'
        rf"(?:\s?(?:[\uac00-\ud7a3]{{2,4}}\s)?[\uac00-\ud7a3]{{0,6}}?(?:{trie_alternation(lex.titles['person'])}|장)"
        rf"|(?<=\))\s[\uac00-\ud7a3]{{1,10}}?(?:{trie_alternation(lex.titles['department_suffixes'])}))?"
        rf"(?:(?:{alternation(lex.labels['issuer']['particles'])})(?=\s)"
        rf"|(?:{alternation(lex.labels['issuer']['joint_particles'])})\s*+(?={trie_alternation(list(lex.issuers))}))"
    )
    lead_subject += subject_tail
    return {
        # Every release-time, online-time or distribution label in a line, with its value's start:
        # '보도시점  2025. 6. 10.(화) 12:00      배포  2025. 6. 9.(월) 14:00' has two.
        "TIME_FIELD_RE": deferred(
            rf"(?:^|(?<=[\s{re.escape(E['field_separators'])}]))"
            rf"(?:(?P<release>{alternation(labels, spaced=True)})|(?P<online>{alternation(E['online'], spaced=True)})"
            rf"|(?P<distribution>{alternation(E['distribution'], spaced=True)}))"
            r"(?=[\s:：]|$)\s*+[:：]?\s*+"),
        # The lead sentence's subject (lead_subject above) at a line's start or after a blank or marker.
        "LEAD_ISSUER_RE": deferred(rf"(?:^|(?<=[\s□○ㅇ])){lead_subject}"),
        # The same subject after the blank or marker before it, the subject in a lookahead so that
        # the match is that one character: a scan opening with a character class, which `re`
        # skips ahead to in C, where the lookbehind above is tried at every position (release's
        # lead_subjects gives the matches LEAD_ISSUER_RE.finditer gives).
        "LEAD_ISSUER_AFTER_BLANK_RE": deferred(rf"[\s□○ㅇ](?=(?P<subject>{lead_subject}))"),
        # A known issuer as the subject at a line's start, past the line's marker and the blanks
        # after it: '□ 행정안전부(장관 윤호중)는 …'. One match a line for release's walk down the
        # body, where a MARKER_RE match, a slice, an lstrip and a test of the first letter were
        # made in Python. The marker is atomic, as MARKER_RE.match gives one marker or none; a
        # known issuer only, as a line whose subject is another organization is passed over.
        "LEAD_LINE_ISSUER_RE": deferred(
            rf"(?>(?:{marker_re(lex.families).source})?)\s*+"
            rf"(?=[{first_chars(list(lex.issuers))}])(?P<issuer>{trie_alternation(list(lex.issuers))}){subject_tail}",
            marker_re(lex.families).flags),
        # A known issuer anywhere in a line (release's contact lines): ISSUER_RE's matches, the
        # names folded into a trie. ISSUER_RE's ~120 names share ~50 first letters, most of them
        # common Hangul syllables: at each such letter the longest-first alternation tries every
        # name, the trie the few that go on with the next letter (-35% a korea.kr line searched).
        "ISSUER_SCAN_RE": deferred(rf"(?P<issuer>{trie_alternation(list(lex.issuers))})"),
        # An organization's head in parentheses: '(시장 윤병태)', '(장관 김정관, 이하 ‘산업부’)'.
        "HEAD_RE": deferred(
            rf"\(\s*(?P<title>{alternation(lex.titles['person'])})\s+(?P<name>[\uac00-\ud7a3]{{2,4}})(?:\s*,[^()]*)?\)"),
        # A personnel notice's title: '국민권익위원회 인사', '과장급 인사발령 (2025.8.14.자)'.
        "PERSONNEL_TITLE_RE": deferred(
            rf"(?:^|\s)(?P<word>{alternation(lex.labels['release_evidence']['personnel_words'])})(?=\s|\(|$)"),
        # After a word: a road's building number ('갈매로 477') or a label's colon ('신고 번호 :') —
        # the word is no person's name.
        "NOT_A_NAME_AFTER_RE": deferred(
            rf"\s*(?::|(?P<number>\d{{1,4}}(?:-\d{{1,4}})?)(?P<unit>{alternation(lex.labels['contact']['address_number_units'])})?(?:\s|$))"),
        "ROAD_NAME_RE": deferred(rf"(?:{alternation(lex.labels['contact']['road_suffixes'])})$"),
        # A sign-off line naming the issuer's press office: '국토교통부 대변인'.
        "ISSUER_SIGNATURE_RE": deferred(
            rf"^(?P<issuer>{alternation(list(lex.issuers))})\s*(?:{alternation(lex.labels['issuer']['signature'])})$"),
        # A lead opening with an organization as its subject: '신안군은 …', '경상북도는 …'
        # (three letters at least: '정부는' names no issuer).
        "LEAD_ORG_START_RE": deferred(
            rf"^(?P<org>[\uac00-\ud7a3]{{2,20}}?(?:{alternation(lex.titles['organization_suffixes'])}))"
            rf"(?:{alternation(lex.labels['issuer']['particles'])})\s"),
        # The end of a sentence inside a line: '… 임명했다. 이번 …'.
        # The syllables before the period are those of the sentence endings (markers.toml).
        # It opens with the period and looks back at the syllable from after it: a pattern
        # opening with a literal lets `re` skip ahead to it in C, where a leading lookbehind was
        # tried at every position of the lead (the same matches: test_cost_krfixed).
        "SENTENCE_CLOSE_RE": deferred(rf"\.(?<=[{sentence_stop_syllables()}]\.)(?=\s|$)"),
        # An appendix box flattened to one line: '붙임 1<tab>세부 통계표', '참고 2   지역별 현황',
        # '참고  현장 점검 개요' — the number (if any) with no period after it, then a tab or a run
        # of spaces, then the title; a listing ('붙임 1. 세부 계획 1부.') has a period or ends with
        # a counter. A page's own label ('참고') is told from a listing's ('붙임', '별첨').
        "APPENDIX_BOX_RE": deferred(
            rf"^[<\[〈【(]?\s*(?:(?P<page_label>{alternation(page_only, spaced=True)})"
            rf"|(?P<list_label>{alternation(appendix_words['list'], spaced=True)}))"
            r"(?:\s*(?P<number>\d{1,2}))?(?:\s*[>\]〉】)])?(?P<gap>\s{2,}|\s)(?P<title>[^\s.:].*?)\s*$"),
        "LISTING_END_RE": deferred(
            rf"\d\s*(?:{alternation(lex.labels['attachment']['counters'])})\s*\.?\s*(?:{alternation(lex.labels['attachment']['end_mark'])}\.?)?$"),
        # A board named for a kind: '보도자료', '보도자료/해명' (white space removed).
        "BOARD_KIND_RE": deferred(rf"(?P<kind>{alternation(list(lex.kinds))})"),
        # '(설명자료)사용후핵연료 …', '[보도참고] 손병두 …'
        "TITLE_KIND_TAG_RE": deferred(r"^\s*[\[(【〔<]\s*(?P<tag>[^\[\]()【】〔〕<>]{1,12}?)\s*[\])】〕>]"),
    }


# The characters cp1252 shows for bytes 0x80-0x9F (beyond Latin-1): with \u0080-\u00ff, what a
# Korean byte looks like when a page's bytes are read one per character.
CP1252_EXTRA = (r"\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")


# The HTML Standard's prescan of a byte stream for its encoding (html.spec.whatwg.org, "prescan
# a byte stream to determine its encoding", "get an attribute", "get an XML encoding"), as
# patterns over the head of the bytes read as Latin-1 (one character per byte). Its white
# space is these five bytes, never \s (which holds \v, \x1c-\x1f, \x85 and \xa0).
PRESCAN_SPACE = r"\t\n\f\r "
# One attribute: slashes and spaces before it are skipped; the name runs to a space, "/", ">"
# or "=" (a leading "=" is part of it); the value is quoted (to the same quote), bare (to a
# space or ">"), or empty. A quote still open where the bytes end takes the rest: the tag is
# then cut off, and a cut-off tag declares nothing.
PRESCAN_ATTRIBUTE = (
    rf"[{PRESCAN_SPACE}/]*+(?P<name>[^{PRESCAN_SPACE}/>][^{PRESCAN_SPACE}/>=]*+)"
    rf"(?:[{PRESCAN_SPACE}]*+=[{PRESCAN_SPACE}]*+"
    rf"(?:\"(?P<dq>[^\"]*+)(?:\"|\Z)|'(?P<sq>[^']*+)(?:'|\Z)|(?P<bare>[^{PRESCAN_SPACE}>\"'][^{PRESCAN_SPACE}>]*+)|))?+")


def _uncaptured(source: str) -> str:
    """The pattern with its named groups made plain groups, to be repeated inside another."""
    return re.sub(r"\(\?P<\w+>", "(?:", source)


# Where a tag ends (at its ">", or where the bytes end): its attributes are read, only to skip
# a ">" inside a quoted value.
PRESCAN_TAG_BODY = rf"(?:{_uncaptured(PRESCAN_ATTRIBUTE)})*+[{PRESCAN_SPACE}/]*+"


def _file_patterns(lex: Lexicon) -> dict[str, PatternSource]:
    """The files a post offers (labels.toml [attachment] sections, file_extensions,
    file_list_ends; html.toml's record trailer headings): a section's word anywhere in a block (a
    literal opening: `re` skips ahead to it), the section's own line, a header item ('HWPX 첨부:
    공고.hwpx'), a file list's item ('- 공고.hwp (87 kb)', '공고.hwpx (https://…)'), what ends a
    list, and a file name's end."""
    A = lex.labels["attachment"]
    sections, extensions = A["sections"], A["file_extensions"]
    return {
        "FILE_SECTION_WORD_RE": deferred(alternation(sections)),
        "FILE_SECTION_LINE_RE": deferred(rf"^(?:[#\-*]+\s*+)?(?P<label>{alternation(sections)})\s*+:?$"),
        "FILE_HEADER_ITEM_RE": deferred(
            rf"^(?:[\-*]\s*+)?(?P<label>(?:[A-Za-z]{{2,5}}\s*+)?(?:{alternation(sections)}))\s*+:\s*+(?P<text>\S.*)$"),
        "FILE_ITEM_RE": deferred(
            r"^(?:[\-*]\s++)?(?P<text>.*?\S)(?:\s*+\((?P<url>(?:https?://|www\.)[^\s()]*+(?:\([^\s()]*+\)[^\s()]*+)*+)\))?\s*+$"),
        # What ends a file list: another section's line (a record's trailer heading, '출처'; a
        # section word alone) or the board's navigation after its files ('이전글 …', '목록').
        "FILE_LIST_STOP_RE": deferred(
            rf"^(?:[#\-*]+\s*+)?(?:(?:{alternation(sections + lex.html['markdown']['trailer_headings'])})\s*+:?$"
            rf"|(?:{alternation(A['file_list_ends'])}))"),
        "FILE_NAME_END_RE": deferred(rf"\.(?:{alternation(extensions)})(?![A-Za-z0-9])", re.IGNORECASE),
    }


def _input_patterns(lex: Lexicon) -> dict[str, PatternSource]:
    """Patterns of decode and render: declared charsets, markup sniffing, records, mojibake."""
    markdown = lex.html["markdown"]
    return {
        # The prescan's steps over the head, first match wins at each "<": a comment (to the
        # first "-->", whose dashes may be those of "<!--"), a <meta> read whole, any other
        # tag read to its ">", and <!…>, </…>, <?…> to the first ">". Every step that runs out
        # of bytes takes the rest of the head, so nothing inside it is read as markup.
        "PRESCAN_RE": deferred(
            r"<!(?=--)(?s:.*?-->|.*)"
            rf"|(?P<meta><meta(?=[{PRESCAN_SPACE}/]){PRESCAN_TAG_BODY})(?:(?P<meta_end>>)|\Z)"
            rf"|</?[a-z][^{PRESCAN_SPACE}>]*+{PRESCAN_TAG_BODY}>?"
            r"|<[!/?][^>]*+>?",
            re.IGNORECASE | re.ASCII),
        # A head without "<meta " has nothing for the walk to find: one search spares it.
        "META_START_RE": deferred(rf"<meta[{PRESCAN_SPACE}/]", re.IGNORECASE | re.ASCII),
        "META_ATTRIBUTE_RE": deferred(PRESCAN_ATTRIBUTE),
        # content="text/html; charset=euc-kr": the first "charset" followed by "=" decides;
        # a quote it opens must close, else there is no charset (the empty alternative).
        "CONTENT_CHARSET_RE": deferred(
            rf"charset[{PRESCAN_SPACE}]*+=[{PRESCAN_SPACE}]*+"
            rf"(?:\"(?P<dq>[^\"]*+)\"|'(?P<sq>[^']*+)'|(?P<bare>[^{PRESCAN_SPACE};\"'][^{PRESCAN_SPACE};]*+)|)",
            re.IGNORECASE | re.ASCII),
        # <?xml version="1.0" encoding="euc-kr"?> at the very start: the first "encoding" before
        # the first ">" decides, and its quoted label holds no space or control byte.
        "XML_ENCODING_RE": deferred(
            r"<\?xml(?>[^>]*?encoding)[\x00-\x20]*+=[\x00-\x20]*+"
            r"(?:\"(?P<dq>[^\"\x00-\x20]*+)\"|'(?P<sq>[^'\x00-\x20]*+)')"),
        "HTML_DOCUMENT_RE": deferred(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|\?xml)\b",
                                       re.IGNORECASE | re.DOTALL),
        "HTML_TAG_RE": deferred(
            r"<(?P<tag>p|div|table|br|span|body|head|h[1-6]|ul|ol|li|td|tr|meta|font|b|a)\b[^<>]*>",
            re.IGNORECASE),
        # The block is taken line by line (a possessive run to each line end), not character by
        # character as a lazy '.*?\n' took it: the same shortest block, 6× cheaper per record.
        "FRONT_MATTER_RE": deferred(r"\A---[ \t]*\n(?P<yaml>(?:[^\n]*+\n)+?)---[ \t]*(?:\n|\Z)"),
        # title: "[보도참고] …"   attachment_count: 0   (one key per line, simple scalars)
        "YAML_FIELD_RE": deferred(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>(?:.*[^ \t])?)[ \t]*$"),
        # The same fields found in a whole block by one findall, (key, value) pairs, each line
        # read as YAML_FIELD_RE reads it alone (a value never reaches past its line's end).
        "YAML_FIELDS_RE": deferred(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>(?:.*[^ \t\n])?)[ \t]*$",
                                   re.MULTILINE),
        "MD_HEADING_RE": deferred(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>(?:.*[^ \t#])?)[ \t#]*$"),
        "MD_ITEM_RE": deferred(r"^[-*+][ \t]+(?P<text>.*)$"),
        "MD_QUOTE_RE": deferred(r"^>[ \t]?(?P<text>.*)$"),
        "MD_LINK_RE": deferred(r"\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)\)"),
        "MD_BODY_HEADING_RE": deferred(rf"^##[ \t]+(?:{alternation([markdown['body_heading']])})[ \t]*$"),
        "MD_TRAILER_HEADING_RE": deferred(rf"^##[ \t]+(?:{alternation(markdown['trailer_headings'])})[ \t]*$"),
        # Runs that may be Korean bytes shown one byte per character (Latin-1 / cp1252 view):
        # at least two such characters, ASCII allowed between them.
        "LATIN_RUN_RE": deferred(rf"[\u0080-\u00ff{CP1252_EXTRA}](?:[\u0020-\u00ff{CP1252_EXTRA}])*"),
        "MARKUP_WORD_RE": deferred(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+"),
    }


@functools.cache
def load_lexicon() -> Lexicon:
    """Build the Lexicon once per process (it is immutable after this)."""
    fold = {ord(_code_point(a)): _code_point(b) for a, b, *_ in read_tsv("fold.tsv")}
    labels = read_toml("labels.toml")
    lex = Lexicon(
        fold=fold,
        kinds=labels["kinds"],
        labels=labels,
        boilerplate=read_toml("boilerplate.toml"),
        titles=read_toml("titles.toml"),
        surnames={row[0]: row[1] for row in read_tsv("surnames.tsv")},
        families=_load_families(),
        issuers=_load_issuers(),
    )
    lex.add_patterns(_core_patterns(lex))
    lex.html = read_toml("html.toml")
    lex.add_patterns(_input_patterns(lex))
    lex.add_patterns(_file_patterns(lex))
    lex.add_patterns(_segment_patterns(lex))
    lex.add_patterns(_header_patterns(lex))
    _load_semantic(lex)
    lex.patterns.keep_compiled()
    return lex


# --- semantic layer: event, people, sessions, figures, countries ----------------------------

HANGUL = "\uac00-\ud7a3"
QUOTE_OPEN = "‘'\"「『“`"
QUOTE_CLOSE = "’'\"」』”"
# The marks an event's name is quoted with, the half-width corner brackets (｢…｣, written in
# many releases where others write 「…」) too.
NAME_QUOTES = QUOTE_OPEN + QUOTE_CLOSE + "｢｣"
NAME_QUOTES_CLOSE = "」』’”｣"      # the marks that only close a quote ('"` open and close)
# The marks a session's or a talk's title is quoted with: the half-width corner brackets too
# ('｢…｣을 주제로 발표', as often as 「…」 in some ministries' releases).
TALK_QUOTE_OPEN = QUOTE_OPEN + "｢"
TALK_QUOTE_CLOSE = QUOTE_CLOSE + "｣"


def _load_countries(data: dict[str, Any]) -> dict[str, Any]:
    """Korean name or alias → ISO 3166-1 alpha-2, and ISO → (Korean, English) display names.

    Names are CLDR's, from data/cldr_territories.tsv (generated by scripts/gen_countries.py);
    countries.toml adds what releases write that CLDR lacks (호주, 인니, 싱가폴 …). CLDR's
    `홍콩(중국 특별행정구)` is cut at the parenthesis.
    """
    names: dict[str, str] = {}
    info: dict[str, dict[str, str]] = {}
    for code, ko, en in read_tsv("cldr_territories.tsv"):
        short = ko.split("(")[0].strip()
        names.setdefault(short, code)
        info[code] = {"name": data["display_ko"].get(code, short),
                      "name_en": data["display_en"].get(code, en)}
    for alias, code in data["aliases"].items():
        if code not in info:
            raise ValueError(f"countries.toml: alias {alias!r} names unknown code {code}")
        names[alias] = code
    # Sets the countries stage tests each name against (a set lookup, not a pattern call).
    return {"names": names, "info": info, "ambiguous": frozenset(data["ambiguous"]["names"]),
            "subject_particles": frozenset(data["particles"]["subject"]),
            "tag_openers": frozenset(COUNTRY_TAG_OPENERS),
            # Where a roster's count can stand: after a roster noun's last syllable, or from '등'.
            "roster_noun_ends": frozenset(n[-1] for n in data["particles"]["roster_nouns"]),
            "list_closer": data["grammar"]["list_closer"][0],
            # A scholar's title and affiliation endings, as str.endswith takes them.
            "academic_titles": tuple(data["speakers"]["academic_titles"]),
            "academic_affiliations": tuple(data["speakers"]["academic_affiliations"]),
            "credit_openers": frozenset(data["speakers"]["credit_openers"]),
            "row_ends": frozenset(data["rows"]["ends"]),
            "host_particles": frozenset(data["hosts"]["particles"])}


def _load_semantic(lex: Lexicon) -> None:
    countries = read_toml("countries.toml")
    lex.semantic.update({
        "units": read_toml("units.toml"),
        "countries": countries,
        "country_table": _load_countries(countries),
        "sessions": read_toml("sessions.toml"),
        "event": read_toml("event.toml"),
        "people": read_toml("people.toml"),
    })
    lex.semantic["unit_kinds"] = unit_kinds(lex.semantic["units"])
    # The characters DECREASE_AFTER_RE may open with, past one blank: what figures asks of the
    # two characters after a figure before it tries the pattern.
    sign = lex.semantic["units"]["sign"]
    sign["decrease_first"] = "()" + "".join(sorted({w[0] for w in sign["decrease_after"] + sign["decrease_marks_after"]}))
    lex.semantic["surname_set"] = frozenset(lex.semantic["people"]["surnames"])
    lex.semantic["person_title_set"] = frozenset(lex.titles["person"] + lex.semantic["people"]["extra"]["titles"])
    lex.semantic["program"] = _load_program(lex.semantic["sessions"]["program"])
    lex.semantic["quote_open"] = QUOTE_OPEN
    subject = {t.split(" ", 1)[0] for t in lex.semantic["sessions"]["title_subject"]}
    lex.semantic["sessions"]["subject_particles"] = sorted(subject, key=len, reverse=True)
    talks = lex.semantic["sessions"]["prose_talks"]
    lex.semantic["sessions"]["talk_nouns"] = frozenset(talks["strong"] + talks["weak"] + talks["as_words"])
    # The marks titled items and listed talks open with ('▲', '△'), each once.
    items = lex.semantic["sessions"]
    lex.semantic["sessions"]["item_marks"] = "".join(dict.fromkeys(items["titled_items"]["marks"] + items["listed_talks"]["marks"]))
    # The host labels no other label is part of ('주최ㆍ주관' and '공동 주최' hold '주최'): event
    # finds these before its label pattern, on every bullet it reads.
    labels = lex.semantic["event"]["host_labels"]
    lex.semantic["event"]["host_label_roots"] = [w for w in labels if not any(o != w and o in w for o in labels)]
    lex.semantic["never_names"] = frozenset(lex.semantic["people"]["never_names"])
    # The last characters of the company forms ('사' of '주식회사'): people asks of every new name
    # whether the character before its blank is one, before it tries COMPANY_FORM_BEFORE_RE.
    not_a_person = lex.semantic["people"]["not_a_person"]
    not_a_person["company_form_ends"] = frozenset(form[-1] for form in not_a_person["company_forms"])
    # The words a contact table labels its cells with (labels.toml [contact]): a contact named by
    # one is no person (people.is_contact_person looks the name up, no call).
    contact = lex.labels["contact"]
    lex.semantic["people"]["contact_labels"] = frozenset(
        w for kind in CONTACT_LABEL_KINDS for w in contact[kind])
    # The last characters of the organization endings people's ORG_WORD_RE holds ('실' of '…실'):
    # people asks of a name's last character before it tries the pattern.
    titles = lex.titles
    lex.semantic["people"]["org_suffix_ends"] = frozenset(
        w[-1] for w in titles["organization_suffixes"] + titles["department_suffixes"] + titles["team_suffixes"]
        + lex.semantic["people"]["name"]["org_suffixes"])
    # The office particles as a set: people looks up the one or two characters after a title.
    if any(not 1 <= len(w) <= 2 for w in not_a_person["office_particles"]):
        raise ValueError("people.toml [not_a_person] office_particles: one or two characters each")
    not_a_person["office_particle_set"] = frozenset(not_a_person["office_particles"])
    # The first letters of what continues a title ('직' of '청장 직무대행', '겸'): people tries
    # TITLE_CONTINUATION_RE after a title only where one of these follows it, or its blank.
    cont = lex.semantic["people"]["title_continuation"]
    cont["first_letters"] = frozenset([w[0] for w in cont["acting"]] + [cont["concurrent"][0]])
    name = lex.semantic["people"]["name"]
    name["foreign_given_name_set"] = frozenset(name["foreign_given_names"])
    # The syllables opened by an initial consonant no Korean given name opens a syllable with
    # ([name] foreign_initials: 'ㅋ' → 카 … 킿), for is_korean_name's one lookup a syllable.
    # A letter's index among the initials is its conjoining form's offset from U+1100 (CHOSEONG KIYEOK).
    initial = [ord(unicodedata.lookup("HANGUL CHOSEONG " + unicodedata.name(j).rsplit(" ", 1)[-1])) - 0x1100
               for j in name["foreign_initials"]]
    name["foreign_syllables"] = frozenset(chr(0xAC00 + i * 588 + k) for i in initial for k in range(588))
    # The lead locatives no other one is part of ('에서' of '에서는'): a text holding a lead
    # locative holds one of these, so people finds them before its lead pattern.
    locatives = lex.semantic["sessions"]["lead_locatives"]
    lex.semantic["people"]["lead_locative_roots"] = [w for w in locatives if not any(o != w and o in w for o in locatives)]
    # The most blanks a person's title holds ('위원장 직무대행': 1): a title-and-copula word that
    # closes a description starts within that many words and one more (people.strip_title_copula).
    lex.semantic["people"]["title_blanks"] = max([t.count(" ") for t in lex.semantic["person_title_set"]], default=0)
    # The titles' last letters: people.parse_affiliation asks a description's last one before it
    # looks its last words up.
    lex.semantic["people"]["title_last_letters"] = frozenset(t[-1] for t in lex.semantic["person_title_set"])
    # The international prefixes as a tuple, for str.startswith (people.match_foreign_before_body).
    name["international_prefixes_tuple"] = tuple(name["international_prefixes"])
    name["loanword_set"] = frozenset(name["loanwords"])
    # Their first two letters: people.may_name_a_body_abroad looks a word's up (a slice, no call).
    name["international_openings"] = frozenset(w[:2] for w in name["international_prefixes"])
    # The bodies abroad's first two letters: people.parse_person looks an affiliation's up first.
    lex.semantic["people"]["bodies_abroad_openings"] = frozenset(b[:2] for b in lex.semantic["people"]["bodies_abroad"])
    # The occupations a name may follow (people.name_after_title looks the title up, no call).
    lex.semantic["people"]["title_before_words"] = frozenset(lex.semantic["people"]["title_before"]["words"])
    for build in (_figures_patterns, _countries_patterns, _sessions_patterns, _event_patterns,
                  _people_patterns, _program_patterns):
        lex.add_patterns(build(lex))


def _load_program(data: dict[str, Any]) -> dict[str, Any]:
    """Programme role words → role: '좌장' → 'moderator'; a word listed twice is an error."""
    role_of: dict[str, str] = {}
    for role, words in data["roles"].items():
        for word in words:
            if word in role_of:
                raise ValueError(f"sessions.toml: programme word {word!r} is listed twice")
            role_of[word] = role
    return {"role_of": role_of, "markers": data["markers"]}


def unit_kinds(units: dict[str, Any]) -> dict[str, tuple[str, str | None]]:
    """Every unit word → (kind, unit as reported): '불' → ('money', 'USD'), '년' → ('time', None)."""
    table: dict[str, tuple[str, str | None]] = {}
    for word in units["time"]["units"]:
        table[word] = ("time", None)
    for word, code in units["currency"]["suffix"].items():
        table[word] = ("money", code)
    for word in units["percent"]["percent_point"]:
        table[word] = ("percent_point", "%p")
    for word in units["percent"]["percent"]:
        table[word] = ("percent", "%")
    spelled = units["counters"]["spelled"]
    for kind in ("count", "factor", "quantity"):
        for word in units["counters"][kind]:
            table[word] = (kind, spelled.get(word, word))
    for word in units["counters"]["duration"]:
        table[word] = ("quantity", spelled.get(word, word))     # '16시간': a quantity of hours
    return table


def trie_alternation(words: list[str]) -> str:
    """An alternation of `words` folded into a character trie: '한국|한국인|홍콩' →
    '(?:한국(?:인)?|홍콩)'. It matches what the longest-first alternation matches, but a
    position is rejected after one character instead of after trying every word."""
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, dict]) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def first_chars(words: list[str]) -> str:
    """A character class body of the first characters of `words`, escaped."""
    return "".join(sorted({re.escape(w[0]) for w in words if w}))


def _figures_patterns(lex: Lexicon) -> dict[str, PatternSource]:
    u = lex.semantic["units"]
    n = u["numerals"]
    hdigit = "".join(n["digits"])
    small, large = "".join(n["small"]), n["large"]
    # Possessive: a digit run is read once, never re-split when a multiplier fails to follow.
    # A run of 1–3 digits takes its comma groups ('1,319'), any other run is taken whole: what
    # `(?>\d{1,3}(?:,\d{3})+|\d+)` takes, on one path (not the run at three lengths, then
    # again); it opens with \d, so a branch of the numeral loop skips it in C.
    arabic = r"\d\d{0,2}+(?:(?:,\d{3})++|\d*+)(?:\.\d++)?"
    large_chars = "".join(large)
    # A number is a run of numerals; the grammar (groups of 10⁴ with 천/백/십 inside, in
    # order) is read by figures.parse_number. Arabic-led runs take no Hangul digit after them
    # ('2억이' is 2억 and a particle); Hangul-led runs are all Hangul ('일백만').
    # '3,775 억원', '18 만 건': one blank may stand before a 10⁴ multiplier.
    # (each alternative of the loop opens with a character class: re skips a failing one in C)
    # (possessive, `*+`: the atomic group around it never backtracks into the loop, so each step
    # keeps its first choice anyway; the possessive loop keeps no backtracking marks, -2% a scan)
    arabic_led = rf"{arabic}(?:[{small}{large_chars}]|\s(?<=[{large_chars}]\s)(?=[0-9])|\s(?<=[0-9]\s)(?=[{large_chars}])|{arabic})*+"
    hangul_led = rf"[{hdigit}{small}][{hdigit}{small}{large_chars}]*"
    number = rf"(?>{arabic_led}|{hangul_led})"
    units = unit_kinds(u)
    particles = alternation(u["counters"]["particles"])
    openers = first_chars(u["approximate"]["before"] + list(u["currency"]["prefix"])
                          + u["sign"]["negative"] + u["sign"]["positive"])
    numerals = hdigit + small
    signs = u["sign"]["negative"] + u["sign"]["positive"]
    sign = u["sign"]
    # What a match opens with, whole: a digit, a sign before a digit, an approximation or
    # currency word, or two Hangul numerals ('일백만', not '일본'). Word starts that merely share
    # a first character ('위해', '대한', '- ' before a bullet: a third of the positions that pass
    # the look-behind) fail here, before the optional groups are tried one by one.
    first = (rf"[0-9]|(?:{alternation(signs)})[0-9]|{alternation(u['approximate']['before'])}"
             rf"|{alternation(list(u['currency']['prefix']))}|[{numerals}][{numerals}{large_chars}]")
    # A number is_loose_bare_number would pass over, told from the text after it (FIGURE_KEPT_SCAN_RE).
    after_number = first_chars(list(units) + u["approximate"]["after"] + u["approximate"]["inside"])
    loose_number = (rf"(?:{alternation(signs)})?\d++(?:\.\d++)?"
                    rf"(?![,.]?[0-9]|\s?[{after_number}{small}{large_chars}]"
                    rf"|\s*(?:{alternation(u['range']['connectors'])}))")
    # A unit word that ends in Hangul must be followed by no Hangul but a particle ('5건설' is no
    # count); one that ends otherwise may ('3%감소', '10MW급': the words of a text written without blanks).
    # "약 미화 6천만불", "42억6천만엔", "1100%", "△5.2%", "5천여 명", "30% 가량"
    # The three assertions open it cheapest first: re tries the pattern at every position,
    # and one character class fails most of them (−17% on the seed's body). Each optional
    # word group opens on a class of its words' first characters: one test where re would
    # try each word (or trie branch) in turn, at every number (−25% on HWPX tables).
    # An optional group is written `(?:…|)`, not `(?:…)?`: the same greedy choice, as a
    # branch, which re runs without the repeat machinery a `?` on a group costs at every number.
    # FIGURE_RE's two opening assertions, which the scans below test before they enter it.
    figure_opening = rf"""
            (?=[{openers}0-9{numerals}])    # fail fast: most positions open no number
            (?<![0-9A-Za-z{HANGUL}.,])"""
    figure_first = rf"(?={first})"
    figure_body = rf"""
            (?:(?=[{first_chars(u['approximate']['before'])}])(?P<approx_before>{alternation(u['approximate']['before'])})\s*|)
            (?:(?=[{first_chars(list(u['currency']['prefix']))}])(?P<currency_before>{alternation(list(u['currency']['prefix']))})\s*|)
            (?:(?P<sign>{alternation(u['sign']['negative'])})(?=[0-9])|(?P<plus>{alternation(u['sign']['positive'])})(?=[0-9])|)
            (?P<number>{number})
            (?:(?P<approx_inside>{alternation(u['approximate']['inside'])})|)
            (?:\s?(?=[{first_chars(list(units))}])(?P<unit>{trie_alternation(list(units))})(?:(?![{HANGUL}])|(?<![{HANGUL}])|(?={particles}))|)
            (?:\s?(?=[{first_chars(u['approximate']['after'])}])(?P<approx_after>{alternation(u['approximate']['after'])})(?:(?![{HANGUL}])|(?={particles}))|)
            """
    figure_rest = f"\n            {figure_first}" + figure_body
    figure = figure_opening + figure_rest
    return {
        "FIGURE_RE": deferred(figure, re.VERBOSE),
        # FIGURE_RE's matches, found with re skipping ahead in C: a pattern that opens with a look-
        # ahead is tried at every position (~10 ns each), one that opens with a character class
        # only where that class holds. So: the opener's character, consumed; FIGURE_RE's look-
        # behind over it; then, looking back over it, FIGURE_RE itself, captured as `figure`. The
        # match is that one character: it is found again inside a longer number ('△3%' then
        # '3%'), and figures.figure_matches drops a match that starts inside the one before,
        # which leaves FIGURE_RE's finditer (seed scan −27%). FIGURE_RE's two opening assertions
        # are left out of the group: the scan has tested both on that character (−5% a scan).
        "FIGURE_SCAN_RE": deferred(
            rf"[{openers}0-9{numerals}](?<![0-9A-Za-z{HANGUL}.,].)(?<=(?=(?P<figure>{figure_rest})).)", re.VERBOSE),
        # FIGURE_SCAN_RE without the numbers that are surely never figures (figures.run, where the
        # count of numbers cannot reach the cap): Arabic digits alone, with at most a sign, followed
        # by nothing that could make them more — a comma or period before a digit (a comma group,
        # a glued run), a character that may open a unit, an approximation word or a multiplier
        # (one blank allowed, as FIGURE_RE allows it), or a range connector. A table's cells
        # ('6331', '-2.7'), half of a release's numbers, are then passed over in C, never read
        # into a match (figures.is_loose_bare_number is the rule they would meet).
        # FIGURE_RE's opening test comes before the loose-number test, outside the group: a word
        # start of an opener syllable that opens no number ('이번', '대한', '사업') fails it, where
        # it failed only after the loose-number test and inside the group (-9% on the seed's scan,
        # -5% on korea.kr: callgrind, with the possessive loop above).
        "FIGURE_KEPT_SCAN_RE": deferred(
            rf"[{openers}0-9{numerals}](?<![0-9A-Za-z{HANGUL}.,].)"
            rf"(?<={figure_first}(?!{loose_number})(?=(?P<figure>{figure_body})).)", re.VERBOSE),
        # The pieces of one 10⁴ group, read left to right.
        "NUMERAL_TOKEN_RE": deferred(
            rf"(?P<arabic>{arabic})|(?P<digit>[{hdigit}])|(?P<small>[{small}])|(?P<large>[{large_chars}])"),
        # A number of Arabic digits alone ('1,319', '3.5'), or before one multiplier ('50억',
        # '2,500만', '3.5조', '6천'; group 1 then set): what figures.parse_number reads without
        # the numeral walk.
        "ARABIC_NUMBER_RE": deferred(
            rf"(?:\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d+(?:\.\d+)?)(?P<multiplier>[{small}{large_chars}])?"),
        # Between two numbers of a range: "1100% 내지 1700%", "5~7%", "3천부터 5천까지".
        "RANGE_JOIN_RE": deferred(rf"\s*(?:{alternation(u['range']['connectors'])})\s*"),
        "RANGE_CLOSE_RE": deferred(rf"\s*(?P<close>{alternation(u['range']['range_close'])})"),
        # "세션 1", "제3" just before a number: an ordinal or a label, not a figure.
        "ORDINAL_BEFORE_RE": deferred(rf"(?:{alternation(u['time']['ordinal_before'])})\s*$"),
        # A bare number counts things only when a noun follows: "1,319 중규모 기업".
        "NOUN_AFTER_RE": deferred(rf"\s+[{HANGUL}]"),
        # Only a comma-grouped number stands without a unit: '1,319', not '3054' or '02'.
        "GROUPED_NUMBER_RE": deferred(r"[1-9]\d{0,2}(?:,\d{3})+"),
        # Digits glued to a comma or period and more digits: a flattened table ("201458,427143").
        "GLUED_DIGITS_RE": deferred(r"[,.][0-9]"),
        # "미화 6천만불 (한화 700억원)": only an opening parenthesis between the two amounts.
        "EQUIVALENT_GAP_RE": deferred(r"\s*\(\s*"),
        # Right after a figure, a decrease ('14.6% 하락', '4.0%↓'), past one aside in parentheses
        # ('2.1%(70만건) 감소') or the end of the aside it stands in ('9.5%(41억원) 감소' for
        # 41억원), not a decrease that names a rate ('감소율'). Asked only where one of the two
        # characters after the figure may open it (sign['decrease_first'], figures.match_candidate):
        # a look-ahead in FIGURE_RE cost every number of the text (+12% on its scan).
        "DECREASE_AFTER_RE": deferred(
            rf"(?:\s?\([^()\n]{{0,30}}\)|\))?\s?(?:{alternation(sign['decrease_marks_after'])}"
            rf"|(?:{alternation(sign['decrease_after'])})(?![{''.join(sign['decrease_named'])}]))"),
        # Right before a duration, the larger unit it continues: '2년 ' of '2년 6개월' (a count of
        # years, not a year: one or two digits, no apostrophe or digit before them).
        "DURATION_BEFORE_RE": deferred(
            rf"(?<![0-9.,’‘'`])(?P<count>[0-9]{{1,2}})\s?(?P<word>{alternation(sorted({w['word'] for w in u['counters']['duration_before'].values()}))})\s?$"),
        # Between two figures of one list: '각각 37.5%, 35.1% 감소'.
        "LIST_GAP_RE": deferred(r"\s*,\s*"),
    }


COUNTRY_TAG_OPENERS = "(【<〈["    # what opens a country tag: "(중국)", "【 베트남 】", "< 일본 >"
COUNTRY_TRIE_GROUPS = 5          # lookahead groups of the ~130 first characters of country names


def letters_but(chars: list[str]) -> str:
    """A character class body of the Latin letters and the Hangul syllables without `chars`
    (syllables each): '가-닿댁-힣' for ['대']."""
    ranges, low = [], ord(HANGUL[0])
    for ch in sorted(set(chars)):
        assert low <= ord(ch) <= ord(HANGUL[-1]), ch
        if low < ord(ch):
            ranges.append(f"{chr(low)}-{chr(ord(ch) - 1)}")
        low = ord(ch) + 1
    if low <= ord(HANGUL[-1]):
        ranges.append(f"{chr(low)}-{HANGUL[-1]}")
    return "A-Za-z" + "".join(ranges)


def grouped_trie_alternation(words: list[str], groups: int) -> str:
    """trie_alternation split into `groups` branches by first character, each behind a lookahead
    of its first characters: the engine tries a trie's first-level branches one by one (~130
    for the country names), and a failed lookahead passes over a whole group at once."""
    firsts = sorted({w[0] for w in words if w})
    size = -(-len(firsts) // groups)
    parts = []
    for i in range(0, len(firsts), size):
        chars = firsts[i:i + size]
        parts.append(f"(?=[{first_chars(chars)}]){trie_alternation([w for w in words if w and w[0] in chars])}")
    return "(?:" + "|".join(parts) + ")"


def two_char_lookahead(starts: list[str], prefixes: list[str] = ()) -> str:
    """A lookahead true where one of `starts` may begin, alone or after one of `prefixes`: its
    first character, then its second (or a one-character word). Most syllables at a word's
    start fail it before any alternation. A prefix is its own literal before the same test:
    the prefixed words in the classes ('대' + every name) put every name's first syllable in
    the second class, which let '대한', '대상', '대비' into the trie (scan −5% on korea.kr).
    A word whose second character is no letter ('쿡 제도') is tried as its own two characters,
    not through the classes: a blank in the second class let every syllable of the first one
    before a blank ('수 ', '월 ', '일 ') into the names' trie (~13% of its tries on korea.kr).
    The classes come first: most positions fail them, and fail the literals after them in C."""
    odd = sorted({w[:2] for w in starts if len(w) == 1 or not w[1].isalpha()})
    lettered = [w for w in starts if len(w) > 1 and w[1].isalpha()]
    pair = f"[{first_chars(lettered)}][{first_chars([w[1:] for w in lettered])}]"
    test = "|".join([pair] + [re.escape(w) for w in odd])
    if prefixes:
        test += f"|(?:{'|'.join(map(re.escape, prefixes))})(?:{test})"
    return f"(?={test})"


def _countries_patterns(lex: Lexicon) -> dict[str, PatternSource]:
    c = lex.semantic["countries"]
    names = list(lex.semantic["country_table"]["names"])
    p = c["particles"]
    particles = alternation(p["subject"] + p["joiner"] + p["other"])
    nouns = alternation(c["programs"]["nouns"])
    g = c["grammar"]
    roster_nouns = alternation(c["particles"]["roster_nouns"])
    prefixes, ignored = g["prefixes"], c["ignore"]["words"]
    # A Latin programme name ('SME21', 'PROSOFT', 'TIMPs'), not glued to the word before ('eSME21':
    # the look-behind after the first letter, so that the class opens the pattern and the engine
    # skips ahead to capitals), and the programme noun that may follow it ("PROSOFT 프로그램",
    # "TIMPs (…)지원사업", "TIMPs 사업은").
    acronym_rest = r"(?:[A-Za-z]*[A-Z][A-Za-z0-9]*|[A-Z]+[0-9]+)"
    acronym = rf"[A-Z](?<![^\W_].){acronym_rest}"
    noun_after = (rf"(?=(?P<noun_after>\s*(?:\([^()]*\)\s*)?[{HANGUL}]{{0,4}}(?:{nouns})"
                  rf"(?:(?![{HANGUL}])|(?={alternation(c['particles']['subject'] + c['particles']['other'])}))))")
    # A quoted programme name ('‘플랜 ABCDE’라는 정책', '‘… 시범 사업’'); `after` is set when a
    # programme noun follows the quote.
    quoted_rest = (rf"(?![0-9])(?P<name>[^{QUOTE_OPEN}{QUOTE_CLOSE}\n]{{2,60}}?)[{QUOTE_CLOSE}]"
                   rf"(?P<after>\s*(?:{alternation(g['program_linkers'])})?\s*(?:{nouns}))?")
    # The programme scan: one character of either kind opens it (a class, which the engine skips
    # to in C; alternatives opening with classes would be tried at every offset), and a look
    # behind at it picks the kind.
    mark = rf"[{QUOTE_OPEN}A-Z](?:(?<=[{QUOTE_OPEN}]){quoted_rest}|(?<=[A-Z])(?<![^\W_].){acronym_rest}(?![A-Za-z0-9])"
    # What a name looks like once its start is known (COUNTRY_RE and COUNTRY_SCAN_RE share it).
    # `prefix` is '' when absent: an optional prefix inside the group costs the engine less than
    # an optional group.
    name_rest = rf"""
            (?P<country>{grouped_trie_alternation(names, COUNTRY_TRIE_GROUPS)})
            (?P<particle>{particles})?(?![{HANGUL}])
            (?!\s*+(?:{alternation(c['ignore']['proper_noun_after'])}))
            """
    name = rf"""
            (?P<prefix>(?:{alternation(prefixes)})?){name_rest}"""
    # COUNTRY_PAIR_SCAN_RE's parts: the two syllables every name with a letter second opens with
    # (each name's pair is in the classes), and a prefix, one character ('대중국'), told by a
    # fixed-width look-behind.
    lettered = [w for w in names if len(w) > 1 and w[1].isalpha()]
    assert all(len(w) == 1 for w in prefixes), prefixes
    letter = f"A-Za-z{HANGUL}"
    name_at = rf"""
            {two_char_lookahead(names + ignored, prefixes)}
            (?:(?P<ignore>{alternation(ignored)})|{name})
            """
    return {
        # "일본은", "호주의", "인도네시아 중소기업부" — not "한국무역협회", not "각국".
        "COUNTRY_RE": deferred(rf"(?<![A-Za-z{HANGUL}]){name_at}", re.VERBOSE),
        # The same names, each with the character before it, which must be no letter: for one
        # scan of a body. The engine skips to the next such character in a tight loop, where a
        # pattern opening with a look-behind is entered at every offset (the seed's body scan
        # costs ~20% less). Without COUNTRY_RE's words like '각국': no name starts where one of
        # them does (tests/test_countries.py holds the data to that), so they hide no name, and
        # the scan finds only names (~15% less on the seed). countries.country_matches gives
        # COUNTRY_RE.finditer's names.
        "COUNTRY_SCAN_RE": deferred(rf"[^A-Za-z{HANGUL}]{two_char_lookahead(names, prefixes)}{name}", re.VERBOSE),
        # COUNTRY_SCAN_RE's names, found at their first two syllables, consumed: the engine skips
        # to a syllable of the first class in C and tests the second with no look-around, where
        # COUNTRY_SCAN_RE enters at every blank, digit and mark (a third of a body's characters)
        # and runs a look-ahead there (~470 instructions an entry); only a pair that opens a word
        # pays the look-behinds, and the trie then runs from two characters back. The first
        # look-behind asks once whether the character before is no letter or a prefix: most pairs
        # stand inside a word ('중소' in '대·중소기업') and fail there (-5% on the seed). The match is
        # those two syllables, the name and particle in the groups: a match may start inside the
        # name before it ('홍콩' in '중국 홍콩'), which countries.mentions_by_node passes over.
        # Names whose second character is no letter ('괌', '쿡 제도') are not in the classes:
        # countries.body_matches scans a body holding their first one with COUNTRY_SCAN_RE.
        # Callgrind, the scan alone: seed body 1.86M -> 1.52M instructions, korea.kr 252k -> 166k.
        "COUNTRY_PAIR_SCAN_RE": deferred(rf"""
            [{first_chars(lettered)}][{first_chars([w[1:] for w in lettered])}]
            (?<![{letters_but(prefixes)}]..)
            (?:(?<=(?P<prefix>[{first_chars(prefixes)}])..)(?<![{letter}]...)|(?<![{first_chars(prefixes)}]..))
            (?<=(?={name_rest})..)""", re.VERBOSE),
        # "(중국) 2015년 대비 …", "【 베트남 】", "< 일본 >": a country tag opening a line.
        # After a name: up to five words, the last one closed by 과/와, then the meeting noun (two
        # words may come between: '각각 양자면담을'). Words are possessive runs: never re-split.
        # The name may carry a gloss: '아랍에미리트(UAE) 연방원자력규제청(FANR) … 와 양자회의도'.
        "COUNTERPART_AFTER_RE": deferred(
            rf"(?:\([^()\s]{{1,20}}\))?(?:[\s,]++[^\s,]++){{0,{c['counterpart']['max_words']}}}?"
            rf"(?:{'|'.join(f'(?<={j})' for j in c['counterpart']['joiners'])})"
            rf"(?:\s++[^\s]++){{0,2}}?\s++[^\s]{{0,8}}?(?:{alternation(c['counterpart']['nouns'])})"
            rf"(?:\([^()\s]{{1,20}}\))?(?:(?:{alternation(c['counterpart']['objects'])})(?![{HANGUL}])"
            rf"|{alternation(c['counterpart']['verb_endings'])})"),
        # "회담", "면담": a meeting, which every counterpart phrase names.
        "MEETING_NOUN_RE": deferred(rf"(?:{alternation(c['counterpart']['nouns'])})"),
        # "연수생 20명을 선발", "참가자는": a roster's noun.
        "ROSTER_NOUN_RE": deferred(rf"(?=[{first_chars(c['roster']['nouns'])}])(?:{alternation(c['roster']['nouns'])})"),
        # "(참석자) …", "[참가자] …": a tag opening a line that lists who attends.
        "ROSTER_TAG_RE": deferred(
            rf"[{re.escape(COUNTRY_TAG_OPENERS)}]\s*+(?:{alternation(c['roster']['tag_words'])})\s*+[)】>〉\]]"),
        # "(예시) …", "(예) …": a tag opening a line that gives an example.
        "EXAMPLE_TAG_RE": deferred(
            rf"[{re.escape(COUNTRY_TAG_OPENERS)}]\s*+(?:{alternation(c['examples']['tag_words'])})\s*+[)】>〉\]]"),
        # "바이든 미국 대통령, … |등 주요 참석자들과": from a person's name, in the same sentence,
        # the '등' that closes a list of people and a roster's noun (one word may come between).
        "ATTENDEE_LIST_RE": deferred(
            rf"[^.\n]{{0,{c['roster']['attendee_reach']}}}?\s{re.escape(c['roster']['attendee_closer'])}\s++"
            rf"(?:[{HANGUL}]++\s++)?(?:{alternation(c['roster']['nouns'])})"),
        # "8개국*을 대상으로": a count of countries with a footnote's star.
        "COUNTED_COUNTRIES_STAR_RE": deferred(
            rf"(?<![0-9])(?P<count>[0-9]{{1,3}})\s*+(?:{alternation(c['roster']['counted_nouns'])})\s*+\*(?!\*)"),
        # "인도네시아 3명", "케냐(1명)": a row that counts people.
        "PEOPLE_COUNT_AFTER_RE": deferred(
            rf"\s*+[(:]?\s*+\d[\d,]*+\s*+(?:{alternation(c['roster']['people_counters'])})"),
        # "「서울-파리 공동 선언」", "‘한-인도네시아 세미나’": a quoted title, whose names are its words.
        "QUOTED_TITLE_RE": deferred(
            # "‘22년 대비": a year's mark before digits opens no quote.
            "|".join(rf"{re.escape(a)}(?!\d)[^{re.escape(a + b)}\n]{{1,{c['quoted']['max_length']}}}{re.escape(b)}"
                     for a, b in c["quoted"]["pairs"])),
        # "미국 정부가", "싱가포르 지속가능환경부는", "체코 원자력안전청(SUJB)은": a country's body as a
        # subject. A suffix needs two syllables before it ('일부는', '요청은' are no bodies).
        "ORGAN_SUBJECT_RE": deferred(
            rf"(?:\([^()\s]{{1,20}}\))?(?:\s++[^\s]++){{0,{c['organs']['max_words'] - 1}}}?\s++"
            rf"(?:{alternation(c['organs']['words'])}|[^\s]{{2,}}?(?:{alternation(c['organs']['suffixes'])}))"
            rf"(?:\([^()\s]{{1,20}}\))?(?:{alternation(p['subject'])})(?![{HANGUL}])"
            # "인도네시아 공공사업주택부는 5월 19일에 …, 세미나를 개최한다": the host of the sentence's event.
            rf"(?![^.\n]{{0,{c['organs']['host_reach']}}}?(?:{alternation(c['organs']['host_verbs'])}))"),
        # "한-호주 FTA", "韓-中": Korea paired with the name that follows.
        "BILATERAL_BEFORE_RE": deferred(
            rf"(?<![{HANGUL}])(?:{alternation(c['bilateral']['home'])})\s?(?:{alternation(c['bilateral']['joiners'])})\s?$"),
        "COUNTRY_TAG_RE": deferred(
            rf"[{re.escape(COUNTRY_TAG_OPENERS)}]\s*+(?P<country>{trie_alternation(names)})\s*+[)】>〉\]](?!\()"),
        # "이란 샤르한(Iran Sharkhan)": the Hangul words after a name, then a gloss in Latin letters.
        "GLOSSED_NAME_AFTER_RE": deferred(
            rf"(?P<words>(?:[^\S\n]++[{HANGUL}]++){{1,{c['glossed_names']['max_words']}}})[^\S\n]*+"
            rf"\((?P<gloss>[A-Za-z][A-Za-z .'\-]{{0,60}}+)\)"),
        # "미국, 영국 |등 주요국도 …": after a list's last name, '등' and a noun of countries that is
        # the subject, with no count ('… 등 5개국이' is a roster's).
        "CLOSED_LIST_SUBJECT_RE": deferred(
            rf"\s*+{re.escape(g['list_closer'])}\s*+(?:(?:{alternation(c['closed_list']['modifiers'])})\s*+)?"
            rf"(?:{alternation(c['closed_list']['nouns'])})(?:{re.escape(c['closed_list']['plural'])})?"
            rf"(?:{alternation(p['subject'])})(?![{HANGUL}])"),
        # "캐나다가| 의장국을 맡은 회의", "일본이| 공동 주최한 포럼": after a subject's particle, the
        # rest of a relative clause making it the host or the chair of an event.
        "HOST_CLAUSE_AFTER_RE": deferred(
            rf"\s++(?:[^\s]++\s++){{0,{c['hosts']['words_before']}}}?"
            rf"(?:(?:{alternation(c['hosts']['roles'])})(?:{alternation(c['hosts']['role_objects'])})?\s*+"
            rf"(?:{alternation(c['hosts']['role_verbs'])})"
            rf"|(?:(?:{alternation(c['hosts']['joint'])})\s*+)?(?:{alternation(c['organs']['host_verbs'])})"
            rf"(?:{alternation(c['hosts']['verb_endings'])}"
            rf"|(?:{alternation(c['hosts']['verb_objects'])})\s++[{HANGUL}]{{0,4}}?(?:{alternation(c['hosts']['object_verb_endings'])})))"
            rf"(?![{HANGUL}])"),
        # A blank line inside a bullet: the paragraph after it is one the bullet runs on into.
        "PARAGRAPH_BREAK_RE": deferred(r"\n[^\S\n]*+\n"),
        # "카자흐스탄 2명(2명)", "일본 +12.4", "(1위:대만)799(+8.1)", "독일 △3.1", "미국(61.2억
        # 달러)", "저지*(9.3억 달러)": a figure right after the name (a year in brackets, an ordinal
        # '북한 8차 당 대회' is none).
        "COUNTRY_FIGURE_AFTER_RE": deferred(
            rf"\*?\s?[:)(]?\s?[+△▲\-]?\s?(?![12][0-9]{{3}}(?![0-9.,]))[0-9]"
            rf"(?![0-9.,]*\s?(?:{alternation(g['ordinal_counters'])})(?![{HANGUL}]))"),
        # The digit COUNTRY_FIGURE_AFTER_RE needs, at most countries.FIGURE_DIGIT_REACH characters
        # after the name (six optional one-character marks come before it).
        "COUNTRY_FIGURE_DIGIT_RE": deferred(r"[0-9]"),
        # "대중국 수출은 …": a prefixed name, then a noun that is the subject.
        "PREFIXED_SUBJECT_RE": deferred(
            rf"\s*+[{HANGUL}]{{1,8}}(?:{alternation(p['subject'])})(?![{HANGUL}])"),
        "SUBJECT_PARTICLE_RE": deferred(rf"^(?:{alternation(p['subject'])})$"),
        # "반면 우리나라는 …", "주요국과 비교할 때": words that compare with the bullet before or after.
        "COMPARISON_RE": deferred(rf"(?:{alternation(g['comparison_words'])})"),
        # Between two names of one subject: "일본과 한국은", "일본과 한국, 그리고 미국과 …".
        "COUNTRY_CHAIN_RE": deferred(
            rf"^(?:{alternation(p['joiner'])})?\s*(?:,\s*)?(?:(?:{alternation(g['chain_words'])})\s+)?$"),
        # Between two names of a list: "미국, 일본", "미국 · 일본".
        "COUNTRY_LIST_SEP_RE": deferred(r"^\s*[,·/]\s*$"),
        # "11개 회원국 (미국, 일본, …)": a count and a roster noun before the list.
        "ROSTER_BEFORE_RE": deferred(
            rf"\d+\s*(?:{g['roster_counter']}\s*)?(?:{roster_nouns})\s*\(?\s*$"),
        # "… 인도네시아 등 11국에서": a list closed by 등 and a count.
        "ROSTER_AFTER_RE": deferred(
            rf"\s*(?:{g['list_closer']}\s*)?\d+\s*(?:{g['roster_counter']}\s*)?(?:{roster_nouns})"),
        # "… 제공 정책 (호주, 미국, 싱가포르)", closed or left open by a cut line ("… 정책 (멕시코").
        "TRAILING_LIST_RE": deferred(r"\(\s*(?P<list>[^()]+?)\s*(?P<close>\))?\s*$"),
        "LIST_ITEM_SPLIT_RE": deferred(rf"\s*[,·/]\s*|\s+(?:{alternation(g['list_joiners'])})\s+"),
        # Latin names: "SME21", "PROSOFT", "TIMPs". `noun_after` is set when a programme noun
        # follows — read here, in the same match.
        "PROGRAM_ACRONYM_RE": deferred(rf"(?P<name>{acronym})(?![A-Za-z0-9]){noun_after}?"),
        # Quoted names and Latin names in one scan of a bullet (countries.programs_in): a pattern
        # opening with a class reads ~4 ns a character, and one scan replaces two and the guard
        # that looked for a capital or a quote. What PROGRAM_QUOTED_RE.finditer finds (`name` is
        # set; an acronym holds no quote, so no match hides one), and PROGRAM_ACRONYM_RE's names
        # outside those quotes (the whole match).
        "PROGRAM_SCAN_RE": deferred(rf"{mark}{noun_after}?)"),
        # The same, with only the Latin names a programme noun follows (a match starts only at a
        # word's first capital, so one that fails is never re-entered inside the word): for a
        # bullet with no '사업인 ' (PROGRAM_NOUN_BEFORE_HINT_RE), the ~9 in 10 acronyms that
        # follow no noun ('APEC', 'IT') are passed over in C.
        # Tried and not kept: for a bullet holding no quote opener (str.find of each), its acronym
        # branch alone opening on [A-Z] (a range, not the quotes' big class): callgrind, the seed's
        # 10 such bullets 391k -> 351k, about what the seven finds cost back.
        "PROGRAM_SCAN_NOUN_RE": deferred(rf"{mark}{noun_after})"),
        # … or preceded by one: "10년 사업인 SME21".
        "PROGRAM_NOUN_BEFORE_RE": deferred(rf"(?:{nouns}){g['copula']}\s+$"),
        # What PROGRAM_NOUN_BEFORE_RE needs somewhere in the bullet before an acronym: a noun, the
        # copula and a blank. It opens with the copula's one literal (the nouns in look-behinds
        # after it), which the engine skips to in a tight loop: ~0.5 ns a character, where the
        # nouns' alternation first costs ~15.
        "PROGRAM_NOUN_BEFORE_HINT_RE": deferred(
            re.escape(g["copula"]) + "(?:" + "|".join(f"(?<={re.escape(n + g['copula'])})" for n in c["programs"]["nouns"])
            + r")\s"),
        "PROGRAM_QUOTED_RE": deferred(rf"[{QUOTE_OPEN}]{quoted_rest}"),
        "PROGRAM_NOUN_END_RE": deferred(rf"(?:{nouns})$"),
        # What every programme holds: a programme noun.
        "PROGRAM_NOUN_RE": deferred(rf"(?:{nouns})"),
    }


def session_scan(keys: list[str], nouns: list[str], marks: str = "") -> str:
    """SESSION_SCAN_RE's source: the session keys, the talk nouns and the item marks
    (`marks`, one alternative each), found in one scan.

    The stage needs only the line of a key, but the start of a noun. A key holding another
    ('특별세션' holds '세션') is found by that one. A key of four or more syllables holding none
    ('종합토론', '라운드테이블') is found by its last syllable, its head noun, then a look behind
    for the whole word: its first syllable opens many common words ('종합', '정책', '전체'), and a
    scan stops (a candidate, ~40 ns) at each. The rest, nouns whole, are folded into a trie
    whose branches stand at the top of the pattern with the heads', so that every alternative
    opens with a literal and the engine skips ahead on their first characters (~4 ns a
    character, against ~5.5 for the trie of every word)."""
    kept = [w for w in keys if not any(v != w and v in w for v in keys)]
    heads: dict[str, list[str]] = {}
    plain = []
    for w in kept:
        if len(re.findall(f"[{HANGUL}]", w)) >= 4 and re.fullmatch(f"[{HANGUL} ]+", w):
            heads.setdefault(w[-1], []).append(w)
        else:
            plain.append(w)
    trie = trie_alternation(plain + nouns)
    branches = [trie[3:-1] if trie.startswith("(?:") and trie.endswith(")") else trie]
    branches += [re.escape(head) + "(?:" + "|".join(f"(?<={re.escape(w)})" for w in sorted(set(words))) + ")"
                 for head, words in sorted(heads.items())]
    branches += [re.escape(mark) for mark in marks]
    return "|".join(branches)


def _sessions_patterns(lex: Lexicon) -> dict[str, PatternSource]:
    s = lex.semantic["sessions"]
    sg = s["grammar"]
    words = alternation(s["numbered_words"])
    quote = rf"[{TALK_QUOTE_OPEN}](?![0-9])[^{TALK_QUOTE_OPEN}{TALK_QUOTE_CLOSE}\n]{{2,80}}[{TALK_QUOTE_CLOSE}]"
    locatives = alternation(s["lead_locatives"])
    pt = s["prose_talks"]
    return {
        # "세션(12개)", "12개 세션": a count of sessions announced. The number's look behind (no
        # digit before it) stands after its first digit: at any other position the class fails
        # first, where a look behind opening the branch ran everywhere (39 → ~25 ns a character).
        "SESSION_COUNT_HEAD_RE": deferred(
            rf"(?:{alternation(s['announced']['words'])})\s*+\(\s*+(?P<count>[0-9]{{1,2}})\s*+{s['announced']['counter']}\s*+\)"
            rf"|(?P<count_before>[0-9](?<![0-9]{{2}})[0-9]?)\s*+{s['announced']['counter']}(?:의)?\s*+(?:{alternation(s['announced']['words'])})"),
        # A number and the counter ('12개', '3 개'): every SESSION_COUNT_HEAD_RE match holds one,
        # and this opens with a class, so a search skips ahead in C.
        "COUNT_HINT_RE": deferred(rf"[0-9]\s*+{s['announced']['counter']}"),
        "SESSION_ITEM_JOIN_RE": deferred(rf"(?:{alternation(s['announced']['joiners'])})\s"),
        # "▲A, ▲B 등에 대한 전문가 발표가 진행": one item of the list, then the noun after it.
        "LISTED_TALK_ITEM_RE": deferred(
            rf"[{s['listed_talks']['marks']}]\s*+(?P<item>[^{s['listed_talks']['marks']}\n]+?)"
            rf"\s*+(?=,\s*+[{s['listed_talks']['marks']}]|[{s['listed_talks']['marks']}]|$)"),
        # The last item runs to the list's closer: '… 개선방향| 등에 대한 … 발표가'.
        "LISTED_TALK_CLOSER_RE": deferred(
            rf"\s{s['listed_talks']['closer']}(?={alternation(s['listed_talks']['closer_particles'])})"),
        "LISTED_TALK_NOUN_RE": deferred(
            rf"(?:{alternation(s['listed_talks']['nouns'])})(?:{alternation(s['listed_talks']['particles'])})\s"),
        # A talk told in prose: '… 전망에 대하여 |발표하였으며', '기조연사로 나서', '발제 후'
        # (sessions.toml [prose_talks]); a plain 발표 is told apart by its topic or tail in code.
        "PROSE_TALK_VERB_RE": deferred(
            rf"(?=[{first_chars(pt['strong'] + pt['weak'] + pt['as_words'])}])"   # fail fast on the noun
            rf"(?:(?P<noun>{alternation(pt['strong'] + pt['weak'])})\s*+(?P<tail>{alternation(pt['verb_tails'])})"
            rf"|(?P<as_word>{alternation(pt['as_words'])})\s*+(?:{alternation(pt['as_tails'])}))"),
        # The topic phrase right before the noun: '… 전망에 대하여 |발표'.
        "PROSE_ABOUT_BEFORE_RE": deferred(rf"(?:{alternation(pt['topic_tails'])})\s*+$"),
        # What follows a speaker's title: an optional bracket ('대표(CEO)가'), then a subject's,
        # a joiner's or the genitive's particle.
        "PROSE_SPEAKER_TAIL_RE": deferred(
            rf"(?:\s*+\([^()\n]{{1,30}}\))?(?P<particle>{alternation(pt['subject_tails'])})(?![{HANGUL}])"),
        # A quoted topic between the speakers and the verb: followed by its topic phrase or by the
        # next quote ('각각 ‘A’, ‘B’에 대해'), not a quote that modifies ('「…」개정 내용을 포함한').
        "PROSE_QUOTE_RE": deferred(
            rf"[{TALK_QUOTE_OPEN}](?P<title>[^{TALK_QUOTE_OPEN}{TALK_QUOTE_CLOSE}\n]{{4,120}})[{TALK_QUOTE_CLOSE}]"
            rf"(?=\s*+(?:[,·]|{alternation(pt['topic_tails'] + pt['quote_joiners'])}))"),
        # '… 상무|는 ‘…’을 주제로 …': a quoted theme right after a speaker's subject particle,
        # not one that modifies ('‘…’을 주제로 한 회의'); sessions.toml [theme_talks].
        "THEME_FIRST_RE": deferred(
            rf"(?:\s*+\([^()\n]{{1,30}}\))?(?:{alternation(pt['bare_subjects'])})\s*+[{TALK_QUOTE_OPEN}](?P<title>[^{TALK_QUOTE_OPEN}{TALK_QUOTE_CLOSE}\n]{{4,120}})[{TALK_QUOTE_CLOSE}]\s*+"
            rf"(?:{alternation(s['theme_talks']['tails'])})"
            rf"(?!\s*+(?:{alternation(s['theme_talks']['adnominals'])})(?![{HANGUL}]))"),
        # Any word that names a talk in prose or a programme ('기조연설', '발표', '연사로'): the
        # sentence a keynote is told in holds one.
        "TALK_WORD_RE": deferred(alternation(
            pt['strong'] + pt['weak'] + pt['as_words'] + s['program']['roles']['keynote'] + s['program']['roles']['presenter'])),
        # '… 「… 포럼(9.28.~29.)」 에 참석하여 |…': a gathering of talks attended, its name's tail
        # (a date in brackets, a closing quote) before the particle.
        "VENUE_ATTEND_RE": deferred(
            rf"(?:{alternation(pt['talk_venues'])})[^\s{HANGUL}]{{0,30}}\s*+에\s*+(?:{alternation(pt['venue_attends'])})\s"),
        # '‘…’을 주제로 A 교수와 B 국장이 발표': a quoted topic before the speakers.
        "PROSE_TOPIC_QUOTE_RE": deferred(
            rf"[{TALK_QUOTE_OPEN}](?P<title>[^{TALK_QUOTE_OPEN}{TALK_QUOTE_CLOSE}\n]{{4,120}})[{TALK_QUOTE_CLOSE}]\s*+"
            rf"(?:{alternation(pt['topic_tails'])})"),
        # What stands between a genitive speaker and the noun when it is their talk's topic:
        # '… 교수의| ‘…’에 대한 |주제발표', '… 교수의| ‘…’ |강연' (matched whole, from the
        # particle to the noun or to the topic phrase the verb's start is moved to).
        "TOPIC_BETWEEN_RE": deferred(
            rf"\s*+[{TALK_QUOTE_OPEN}][^{TALK_QUOTE_OPEN}{TALK_QUOTE_CLOSE}\n]{{2,120}}[{TALK_QUOTE_CLOSE}]\s*+"
            rf"(?:(?:{alternation(pt['genitive_topic_tails'])})\s*+)?"),
        # The end of a list of speakers after its last name: '… 감독| 등 연사 7인이', '| 등 5명이', '| 등이'.
        "SPEAKER_LIST_END_RE": deferred(
            rf"\s*+{re.escape(pt['list_closer'])}(?:\s++[{HANGUL}]{{1,{pt['list_head_chars']}}})??"
            rf"(?:\s*+[0-9]{{1,2}}\s*+(?:{alternation(pt['list_people_counters'])}))?"
            rf"(?P<particle>{alternation(pt['list_subjects'])})(?![{HANGUL}])"),
        # A listed speaker's quoted title right after their genitive: '… 박사의| ‘…’'.
        "GENITIVE_ITEM_RE": deferred(
            rf"\s*+[{TALK_QUOTE_OPEN}](?P<title>[^{TALK_QUOTE_OPEN}{TALK_QUOTE_CLOSE}\n]{{2,120}})[{TALK_QUOTE_CLOSE}]"),
        # What joins one listed item to the next speaker's description: '’|, 농관원 연구소 |김창조'.
        "GENITIVE_ITEM_GAP_RE": deferred(
            rf"\s*+{re.escape(pt['list_separator'])}[^{TALK_QUOTE_OPEN}{TALK_QUOTE_CLOSE}.,\n]{{0,{pt['list_gap_chars']}}}"),
        # What closes the list right before the noun: '’| 등 4건의 |주제발표', '’| 등의 |발표'.
        "GENITIVE_LIST_END_RE": deferred(
            rf"\s*+{re.escape(pt['list_closer'])}(?:\s*+[0-9]{{1,2}}\s*+(?:{alternation(pt['list_counters'])}))?"
            rf"(?:{pt['genitive']})?\s*+"),
        # A part named before its speaker: '기조 강연으로 |A 교수가', '발표자로는 |…', '발제를 맡은 |…',
        # the part as the topic, '주제발표는 |A 교수가 맡는다' (matched at a talk noun the scan hit).
        "ROLE_FIRST_RE": deferred(
            rf"(?:(?:{alternation(pt['strong'])})\s*+(?:(?P<topic>{alternation(pt['role_first_topics'])})"
            rf"|{alternation(pt['role_first_tails'])})"
            rf"|(?:{alternation(pt['as_words'])}))(?:는)?\s"),
        "PRESENTATION_NOUN_RE": deferred(alternation(s['listed_talks']['nouns'])),
        # A title-first item: '▲「제목」(성명, 소속)', '△제목(성명 소속 직함)' (sessions.toml [titled_items]);
        # the last bracket of the item holds its speakers.
        "TITLED_ITEM_RE": deferred(
            rf"[{s['titled_items']['marks']}]\s*+(?P<title>[^{s['titled_items']['marks']}\n]+?)\s*+"
            rf"\((?P<inside>[^()\n]{{2,80}})\)(?=\s*+(?:[,.{s['titled_items']['marks']}]|$|(?:{alternation(s['titled_items']['closers'])})(?![{HANGUL}])))",
            re.MULTILINE),
        # A session label as written: "[세션 1]", "(제1세션)", "세션1", "1세션", "Session 2", "제2부",
        # "1부", "첫 번째 세션", "종합토론". One group per written form says how to read it.
        "SESSION_LABEL_RE": deferred(rf"""
            (?=[\[(【<〈0-9{s['ordinal_prefix']}{first_chars(s['numbered_words'] + s['named'] + list(s['ordinals']) + [sg['last_word']])}])
            (?<![0-9A-Za-z{HANGUL}])
            (?P<open>[\[(【<〈])?\s*+
            (?P<label>{s['ordinal_prefix']}\s*+(?P<num_a>\d{{1,2}})\s*+(?P<word_a>{words}|{s['part_word']})
              |(?P<word_b>{words})\s*+(?P<num_b>\d{{1,2}})
              |(?P<num_c>\d{{1,2}})\s*+(?P<word_c>{words}|{s['part_word']})
              |(?P<ordinal>{alternation(list(s['ordinals']))})\s*+{sg['ordinal_counter']}\s*+(?P<word_d>{words})
              |(?P<last>{sg['last_word']})\s*+(?P<word_e>{words})
              |(?P<named>{alternation(s['named'])}))
            \s*+(?(open)(?P<close>[\])】>〉])|)
            (?:\((?P<gloss>{words})\))?                   # "제1분과(세션)는"
            (?(named)|(?:\s*+(?P<part>{alternation(s['part_kinds'])})      # "2부 종합토론 시간에는"
                         (?:\s*+(?:{alternation(s['part_times'])}))?
                         (?=(?:{alternation(s['part_tails'])})(?![0-9A-Za-z{HANGUL}])))?)
            (?(part)(?P<part_tail>{alternation(s['part_tails'])})|(?P<tail>{alternation(s['label_tail'])})?)
            (?![0-9A-Za-z{HANGUL}])
            """, re.VERBOSE),
        # The verb a named session taken as an object is held by: '종합토론으로| 구성된다'.
        "SESSION_OBJECT_VERB_RE": deferred(rf"\s*+(?:{alternation(s['object_verbs'])})"),
        # Any session word ('세션', 'Track'): a line without one holds no quoted session and no count
        # of sessions, and a search for these literals skips ahead where those patterns cannot.
        "SESSION_WORD_RE": deferred(words),
        # Every session label holds a key: a session word or a named session ('종합토론'), or else
        # the part word after its number ('1부', found by sessions.part_keys). A line without a
        # key holds no label, no session word and no count of sessions (tests/test_lexicon.py
        # checks every label holds one).
        "SESSION_LABEL_KEY_RE": deferred(alternation(s["numbered_words"] + s["announced"]["words"] + s["named"])),
        # The stage's one scan of the body: the keys above and the talk nouns (a talk verb opens
        # with one), in one pass; no key overlaps a noun, so none hides another. Every
        # alternative opens with a literal, no group around them: the engine skips through the
        # text on their first characters (a group, a `\d` or a lookaround first makes it try
        # every position). A hit is told a noun by s["talk_nouns"], an item mark ('▲') by
        # s["item_marks"]; a key's hit may be a part of it (its line is what counts: session_scan).
        "SESSION_SCAN_RE": deferred(session_scan(s["numbered_words"] + s["announced"]["words"] + s["named"],
                                                 pt["strong"] + pt["weak"] + pt["as_words"], s["item_marks"])),
        # The part word after a digit, a digit and a blank, or two blanks ('1부', '2 부', '3   부'),
        # where a part label's number may stand before it: one literal opens it, so the scan runs
        # at a literal's rate, and the look behinds leave out the words that merely end in it
        # ('정부') or open a word after one blank ('부문', '부처'), most of its hits.
        "PART_WORD_SCAN_RE": deferred(
            rf"{re.escape(s['part_word'])}(?:(?<=\d{re.escape(s['part_word'])})|(?<=\d\s{re.escape(s['part_word'])})"
            rf"|(?<=\s\s{re.escape(s['part_word'])}))"),
        # "「한국 지속가능성 평가 보고서 발표」 세션에서는": a quoted title named a session.
        "QUOTED_SESSION_RE": deferred(
            rf"[{TALK_QUOTE_OPEN}](?P<title>[^{TALK_QUOTE_OPEN}{TALK_QUOTE_CLOSE}\n]{{2,80}})[{TALK_QUOTE_CLOSE}]\s*+"
            rf"(?P<label>{alternation(s['numbered_words'])})(?P<tail>{alternation(sg['quoted_tails'])})(?![{HANGUL}])"),
        # "(1부) 법률 지원단 분야별 주제 발표, (2부) …": the title after a bracketed label, to a comma.
        "INLINE_TITLE_RE": deferred(r"\s*+(?P<title>[^,()\[\]\n]{2,60}?)\s*+(?=,|\(|\[|$)"),
        # "세 가지 세션으로 구성되며, ①…, ②…, ③… 순으로": circled items after a count of sessions.
        "SESSION_COUNT_RE": deferred(
            # Fail fast: a count opens with a digit or a count word's first character.
            rf"(?=[0-9{first_chars(list(s['counts']))}])"
            rf"(?:{alternation(list(s['counts']))}|\d{{1,2}})\s*+(?:{alternation(sg['count_counters'])})?\s*+"
            rf"(?:{alternation(s['numbered_words'])})(?:{alternation(sg['count_particles'])})\s*+(?:{alternation(sg['count_verbs'])})"),
        "CIRCLED_ITEM_RE": deferred(
            rf"(?P<mark>[①-⑳])\s*+(?P<title>[^①-⑳,\n]+?)(?=\s*+,|\s*+[①-⑳]|\s*+(?:{alternation(sg['circled_closers'])})|\s*+$)"),
        # A label line: the label opens the line, after an optional bullet mark.
        "SESSION_LINE_MARK_RE": deferred(rf"[{re.escape(lex.semantic['sessions']['program']['markers'])}※▲△]?\s*+"),
        # A line that closes a programme: a new top-level bullet, a caption, a Roman heading.
        "SCOPE_END_RE": deferred(r"[□■【〈<Ⅰ-Ⅻ]"),
        # A line holding only a time: "10:00~10:55".
        "TIME_LINE_RE": deferred(r"[0-9:~\-–\s()]+"),
        # A line that is only a bracketed title: "[정책일반]".
        "BRACKET_TITLE_RE": deferred(r"\[(?P<title>[^\[\]\n]{1,60})\]"),
        # "‘…’을 주제로", "「…」을 주제로", "AI와 빅데이터를 주제로": a session's own title.
        "SESSION_SUBJECT_RE": deferred(rf"""
            (?:[{TALK_QUOTE_OPEN}](?P<quoted>[^{TALK_QUOTE_OPEN}{TALK_QUOTE_CLOSE}\n]{{2,80}})[{TALK_QUOTE_CLOSE}]
              |(?<![^\s])(?P<plain>[^\s{TALK_QUOTE_OPEN}{TALK_QUOTE_CLOSE},.]{{1,20}}(?:\s[^\s{TALK_QUOTE_OPEN}{TALK_QUOTE_CLOSE},.]{{1,20}}){{0,3}}?))
            (?:(?:\s*+(?P<particle>{alternation([t.split(" ", 1)[0] for t in s['title_subject']])})\s*+|\s++)   # "감염병 대응 주제로"
               (?:{alternation(sg['subject_forms'])})
              |(?(quoted)\s*+(?:{alternation(sg['about_particles'])})\s*+(?:{alternation(sg['about_nouns'])})|(?!)))
            """, re.VERBOSE),
        # "(제1세션) ‘…’ 세션에서": the quoted title right after the label, named a session again.
        "SESSION_QUOTE_AFTER_RE": deferred(
            rf"\s*+[{TALK_QUOTE_OPEN}](?P<title>[^{TALK_QUOTE_OPEN}{TALK_QUOTE_CLOSE}\n]{{2,80}})[{TALK_QUOTE_CLOSE}]"),
        # "‘디지털 전환'을 주제로 한 세션3": the quoted title just before the label.
        "SESSION_QUOTE_BEFORE_RE": deferred(
            rf"[{TALK_QUOTE_OPEN}](?P<title>[^{TALK_QUOTE_OPEN}{TALK_QUOTE_CLOSE}\n]{{2,80}})[{TALK_QUOTE_CLOSE}]"
            rf"\s*+(?:{alternation(s['title_subject'])})\s*+$"),
        # After a label: ": 제목", "- 제목".
        "SESSION_COLON_TITLE_RE": deferred(r"\s*+[:：\-–]\s*+(?P<title>\S[^\n]*?)\s*+$"),
        # The end of a sentence inside a paragraph line.
        "SENTENCE_STOP_RE": deferred(r"\.(?=\s|$)"),
        # A quote followed by these is a subject, not a talk: "「…」을 주제로".
        # A timetable item: '￭ 그리드 코드 고도화 방안' (a marker, then the topic).
        "TIMETABLE_ITEM_RE": deferred(
            rf"^\s*[{re.escape(s['grammar']['timetable_marks'])}]\s*(?P<topic>\S.{{2,80}}?)\s*$"),
        "SUBJECT_AFTER_RE": deferred(rf"\s*+(?:{alternation(s['title_subject'])})"),
        # "「지역 간 건강격차 해소사업」의 성과", "「…」을 직접 수행하고": a quote that modifies or is
        # the object of another verb, not a talk.
        "QUOTE_MODIFIER_RE": deferred(rf"\s*+(?:{alternation(sg['quote_modifiers'])})"),
        # The quoted items a prose report names as talks: "「…」", "‘…’".
        "TALK_QUOTE_RE": deferred(
            rf"[「『‘“｢](?P<title>[^「」『』‘’“”｢｣\n]{{4,120}})[」』’”｣]"
            rf"(?:\s*+\((?P<org>[^()\n]{{2,30}})\))?"),
        # "크게 ‘A’, ‘B’, ‘C’ 등의 3개의 세션과 종합토론"
        "SESSION_ENUM_RE": deferred(rf"""
            (?P<items>{quote}(?:\s*(?:{alternation(sg['enum_joiners'])})\s*{quote})*)\s*(?:{sg['enum_closer']}(?:{sg['enum_genitive']})?\s*)?
            (?:(?P<count>\d+)|(?P<count_word>{alternation(list(s['counts']))}))\s*{sg['enum_counter']}(?:{sg['enum_genitive']})?\s*(?:{alternation(s['enumeration_head'])})
            """, re.VERBOSE),
        "QUOTED_RE": deferred(
            rf"[{TALK_QUOTE_OPEN}](?![0-9])(?P<q>[^{TALK_QUOTE_OPEN}{TALK_QUOTE_CLOSE}\n]{{2,80}})[{TALK_QUOTE_CLOSE}]"),
        "TOPICS_RE": deferred(
            rf"(?:{alternation(s['topics_label'])})\s*(?P<list>[^.]+?)\s*"
            rf"(?:{alternation(s['topics_end'])})(?![{HANGUL}])"),
        "TOPIC_SPLIT_RE": deferred(r"\s*,\s*"),
        # "중소기업의 부문별 정보화 촉진전략 부문은 …": a block's intro, read lazily (the reference
        # for sessions.match_intro, which finds the same intro by SESSION_INTRO_TAIL_RE).
        "SESSION_INTRO_RE": deferred(
            rf"(?P<intro>.{{1,{s['intro_max_chars'] - 1}}}?\S)\s*+(?:{alternation(s['intro_tail'])})\s"),
        # The tail that ends an intro, then a blank: it opens with the tails' literals, so a search
        # skips ahead in C to the next one (the lazy pattern above tries them after every character).
        "SESSION_INTRO_TAIL_RE": deferred(rf"(?:{alternation(s['intro_tail'])})\s"),
        # "… ‘…’에 대해 소개했다": a quoted title, its about particle, a verb of presenting it
        # (sessions.toml [about_talks]); read only on the lines of a session's report.
        "ABOUT_TALK_RE": deferred(
            rf"[{TALK_QUOTE_OPEN}](?P<title>[^{TALK_QUOTE_OPEN}{TALK_QUOTE_CLOSE}\n]{{4,120}})[{TALK_QUOTE_CLOSE}]\s*+"
            rf"(?:{alternation(s['about_talks']['particles'])})\s*+"
            rf"(?:{alternation(s['about_talks']['verbs'])})(?:{alternation(s['about_talks']['endings'])})"),
        # A talk's topic: "‘…’을 주제로".
        "TOPIC_QUOTE_RE": deferred(
            rf"[{TALK_QUOTE_OPEN}](?P<topic>[^{TALK_QUOTE_OPEN}{TALK_QUOTE_CLOSE}\n]{{2,80}})[{TALK_QUOTE_CLOSE}]\s*"
            rf"(?:{alternation(s['topic_quote_tail'])})"),
        # A bullet's lead, "… 부문에서 / … 사례에서는": where a talk belongs, never its title;
        # people.py skips it before a speaker's description.
        "TOPIC_LEAD_RE": deferred(
            rf"(?P<topic>.{{1,59}}?\S)\s*+(?:{alternation(s['topic_area_words'])})(?:{locatives})\s"
            rf"|(?P<case>.{{2,60}}?(?:{alternation(s['topic_case_words'])}))(?:{locatives})\s"),
        "NON_WORD_RE": deferred(rf"[^0-9A-Za-z{HANGUL}]+"),
    }


def ending_scans(name: str, words: list[str]) -> dict[str, PatternSource]:
    """Patterns that together find every word of `words`, one per last character: each opens
    with that one literal and looks behind it for the words ending in it ('시(?:(?<=일시))').
    The engine skips through the text to a single literal in a tight loop (~0.5 ns a
    character), where a pattern opening with two or more characters (a class or alternatives)
    tests each character against the set (~5 ns): two scans of the first kind cost a fifth of
    one of the second. A match's span is the word's last character. Named NAME_1_RE, NAME_2_RE
    …, in the order of the characters (event.scans_of reads them back)."""
    ends = sorted({w[-1] for w in words if w})
    return {f"{name}_{i}_RE": deferred(re.escape(end) + "(?:" + "|".join(
                f"(?<={re.escape(w)})" for w in sorted({w for w in words if w.endswith(end)})) + ")")
            for i, end in enumerate(ends, 1)}


def word_openings(words: list[str] | tuple[str, ...]) -> str:
    """alternation(words) (the same order), each word matched only where a word opens (no
    character but a blank before it): its look behind comes after its literal, so a scan still
    skips ahead on the words' first characters."""
    ordered = alternation_order(words)
    return "|".join(rf"{re.escape(w)}(?<!\S{re.escape(w)})" for w in ordered)


def first_char_alternation(words: list[str] | tuple[str, ...]) -> str:
    """alternation(words), its words grouped under their first character ('개(?:최된다|막)|가(?:졌다)')
    in the order they come: the engine still skips ahead on the first characters, and at a
    candidate tries one group instead of every word (words with another first character cannot
    match there, so the words tried, and the match, are the same)."""
    ordered = alternation_order(words)
    groups: dict[str, list[str]] = {}
    for w in ordered:
        groups.setdefault(w[0], []).append(re.escape(w[1:]))
    return "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in groups.items())


def _event_patterns(lex: Lexicon) -> dict[str, PatternSource]:
    e = lex.semantic["event"]
    wd = rf"(?:\s*\(\s*[{e['weekdays']}]\s*\))?"
    hour, minute = alternation(e["hour_words"]), alternation(e["minute_words"])
    yw, mw, dw = e["year_word"], e["month_word"], e["day_word"]
    date_labels = f"(?:{alternation(e['outline_date_labels'])})"
    # "지난 11일", "오는 3일", "이달 5일", "내달 1일": the word before a day without a month.
    rel = rf"(?P<rel1>{alternation(e['day_past'] + e['day_coming'] + list(e['month_offsets']))})"
    # A day without its month opens with a digit or its direction word: a lookahead on these
    # rejects every other position before the lookbehind and the optional word are tried.
    day_opens = rf"(?=[0-9{first_chars(e['day_past'] + e['day_coming'] + list(e['month_offsets']))}])"
    not_in_word = "".join(f"(?<!{re.escape(w[:-1])})" for w in e["day_past"] + e["day_coming"]
                          if len(w) > 1 and w[-1] in e["subject_particles"])
    wd1, wd2 = (rf"(?:\s*\(\s*(?P<{g}>[{e['weekdays']}])\s*\))?" for g in ("wd1", "wd2"))
    venue_labels = f"(?:{alternation(e['outline_venue_labels'])})"
    # An unquoted event name's end and what follows it up to the verb: '…회의(APEC)를', '…을
    # 대구 엑스코에서', then '개최'. EVENT_NOUN_NAME_RE ends in these; EVENT_NOUN_TAIL_RE alone
    # opens on the nouns' literals and rules out most leads for that costly pattern.
    # "원자재비축자문위원회*를 열어": a footnote's mark may close the noun before its particle.
    noun_end = rf"(?:{alternation(e['nouns'])})(?:\([^()\s]{{1,30}}\))?{re.escape(e['footnote_mark'])}{{0,3}}"
    # "제118차 경제자유구역위원회(위원장 …)를 개최", "제11차 …위원회(이하 ‘위원회’)를 개최": an aside
    # with blanks (its chair, the short form the release will use) between the name and its
    # particle is no part of the name; an acronym without blanks ('(APEC)') is.
    aside = rf"(?:[^\S\n]?\([^()\n]{{1,40}}\){re.escape(e['footnote_mark'])}{{0,3}})?"
    particle_to_verb = rf"""
            (?:(?:{alternation(e['name_particles'])})
              |(?:{alternation(e['object_particles'])})\s++(?:[^\s]{{1,20}}\s++){{0,3}}?[^\s]{{1,20}}?{e['venue_tail']}\s++)  # "…을 대구 엑스코에서"
            \s*+(?:{alternation(e['verbs'])})
            """
    # "평가회를 실시", "훈련’을 실시": an object verb right after an object particle (and a blank).
    object_verbs = "|".join(
        rf"{re.escape(v)}(?:(?<={p}\s{re.escape(v)})|(?<={p}{re.escape(v)}))"
        for v in alternation_order(e["object_verbs"]) for p in (f"[{''.join(e['object_particles'])}]",))
    if len(e["misquote_marks"]) != 4:      # event.quoted_names tests the four marks one by one
        raise ValueError("event.toml: misquote_marks must hold the four curly quote marks")
    # What follows a quoted name: its event noun, a theme ('을 주제로') or speech ('라고').
    quote_tail = (
        # "「미래 보건」 학술대회": an event noun right after the quote is the name's last word.
        # "｢…｣ 기념식*을": a footnote's mark may follow the noun.
        # "‘…’ 전문가 간담회", "「…」 온라인 설명회": one word may stand between (event.quoted_names
        # drops the noun when that word ends in a particle); "「…」의 준공식", "‘…’ 행사": a quote's
        # genitive before the noun, and the kinds of event said only after a quote.
        rf"(?:[^\S\n]?(?P<genitive>{e['genitive']}[^\S\n])?(?P<noun>(?:(?P<modifier>[^\s{NAME_QUOTES}()]{{1,10}})[^\S\n])?"
        rf"(?:{alternation(e['nouns'] + e['quote_kind_nouns'])}|[^\s{NAME_QUOTES}()]{{1,10}}?(?:{alternation(e['nouns'] + e['quote_kind_nouns'])})))"
        rf"(?=[\s,.({re.escape(e['footnote_mark'])}]|$|{alternation(e['name_particles'])}))?"
        rf"(?:(?P<theme>\s*+(?:{alternation(e['theme_after'])}))"
        # "“…열어가겠다”라고 강조했다": a quotative ending after the quote makes it speech.
        rf"|(?P<speech>[^\S\n]?(?:{alternation(e['speech_after'])})))?"
    )
    return {
        # Literals first, no lookahead before them: the engine then skips through the text on
        # the verbs' first characters (a leading lookahead makes it try every position); grouped
        # by first character, a candidate ('가' is a particle too) tries one group, not 29 verbs.
        # An object verb ('실시') is one only right after an object particle ('…평가회를 실시':
        # event.holds_event_object then reads the object): '실시간', '실시하는' are rejected in
        # the scan. (A trie of the verbs measured 3.6 times slower: the engine then no longer
        # skips ahead on the verbs' first characters.)
        "EVENT_VERB_RE": deferred(
            rf"(?P<verb>{first_char_alternation([v for v in e['verbs'] if v not in e['object_verbs']])}"
            rf"|{object_verbs})(?!{alternation(e['purpose_after'])})"
            rf"(?!{alternation(e['verb_noun_endings'])})"),
        # "7월 22일부터 이틀간 열린 G20 환경장관회의에서": an event named as where the lead happened.
        "HELD_EVENT_RE": deferred(
            rf"(?<![{HANGUL}])(?:{alternation(e['held_verbs'])})\s++"
            rf"(?P<name>[^\s「」｢｣『』‘’“”'\"(][^「」｢｣『』‘’“”'\"\n()]{{0,80}}?(?:{alternation(e['nouns'])}))"
            rf"(?:\([^()\n]{{0,40}}\))?\s*+(?:{alternation(e['held_tails'])})(?![{HANGUL}])"),
        "HELD_VENUE_RE": deferred(rf"^(?:{alternation(e['held_verbs'])})\s"),
        # An open bracket, a comma, and no closing bracket before the date: an aside.
        "ASIDE_OPEN_RE": deferred(r"\([^()\n]*,[^()\n]*$"),
        # "13~17일", "13일~17일", "오는 30일(목)부터 내달 2일(일)까지": a day range without a month
        # ("1~3일 후" is a duration); a word before a day names its month or its direction.
        "EVENT_DAYS_RE": deferred(
            rf"{day_opens}(?<![0-9.~\-])(?:{rel}\s*+)?(?P<d1>3[01]|[12][0-9]|0?[1-9])\s*(?:{dw}{wd1}\s*(?:{alternation(e['day_range_joiners'])})|{dw}?\s*[~∼\-])\s*"
            rf"(?:(?P<rel2>{alternation(list(e['month_offsets']))})\s*+)?(?P<d2>3[01]|[12][0-9]|0?[1-9])\s*{dw}{wd2}(?:\s*(?:{alternation(e['day_range_closers'])}))?(?![{HANGUL}])"
            rf"(?!\s*+(?:{alternation(e['duration_after'])})(?![{HANGUL}]))"),
        # "…를 오는 5일 부산에서 개최": a day after a direction or month word, wherever the lead
        # writes it ("지난 7일간" is a duration).
        "RELATIVE_DAY_RE": deferred(
            rf"{day_opens}(?<![{HANGUL}]){rel}\s*+(?P<d1>3[01]|[12][0-9]|0?[1-9])\s*{dw}{wd1}"
            rf"(?=\s|[,.)]|$|(?:{alternation(e['venue_lead'] + e['day_range_joiners'])})(?:\s|$))"),
        # "3일(월)", "이달 5일(수)": a day with its weekday, a date wherever the lead writes it.
        "DAY_WEEKDAY_RE": deferred(
            rf"{day_opens}(?<![0-9.~\-월])(?:{rel}\s*+)?(?P<d1>3[01]|[12][0-9]|0?[1-9])\s*{dw}\s*\(\s*(?P<wd1>[{e['weekdays']}])\s*\)"),
        # "… 시대 연다", "… 길을 열어": an idiom's object right before a verb of opening (matched
        # backwards from the verb: event.is_idiom_verb reads only the few characters before it).
        "IDIOM_OPEN_RE": deferred(
            rf"(?<![{HANGUL}])(?:{alternation(e['idiom_open_objects'])})(?:{alternation(e['idiom_open_particles'])})?\s*$"),
        "HOST_VERB_RE": deferred(rf"(?:{alternation(e['host_verbs'])})(?:{e['quotative']})?(?![{HANGUL}])"),
        # "… 훈련’을 실시했다고": an object verb written as a host verb is (event.object_host_verb
        # then asks that its object is an event).
        "OBJECT_HOST_VERB_RE": deferred(
            rf"(?:{alternation(e['object_verbs'])})(?:{alternation(e['object_host_endings'])})(?:{e['quotative']})?(?![{HANGUL}])"),
        # "평가회를 ", "…훈련」을 ", "공청회*를": an event noun and its object particle right before
        # an object verb (matched backwards from the verb: event.holds_event_object reads only the
        # few characters before it).
        "EVENT_OBJECT_RE": deferred(
            rf"(?:{alternation(e['nouns'])})(?:\([^()\n]{{1,30}}\))?[{re.escape(e['object_closers'])}]{{0,3}}"
            rf"(?:{alternation(e['object_particles'])})\s*+$"),
        # "한중 상무장관회의(12.12)", "…포럼(9.28.~29.)": the event's dates in brackets after its name.
        # "(4.13일)", "(’26.4.13.)": the characters of a dotted date (event.split_name_dates reads them).
        "NAME_DATES_RE": deferred(
            rf"\s*\((?P<dates>[0-9{e['short_year_marks']}][0-9.~\-\s{''.join(e['dotted_day_end'])}{e['short_year_marks']}]{{2,20}})\)$"),
        # A quoted name: 「…」『』‘…’“…”'…'. What follows tells a theme or a law from an event.
        "EVENT_NAME_RE": deferred(
            # A bracket inside may quote a short form: '「제49회 공예대전(이하 ‘공예대전’)」'.
            # '"제2차 … 정책협의회"', '`… 전문가토론회`': a plain double quote or a backquote quotes too.
            rf"[「『‘“'｢\"`](?P<name>(?:[^「『‘“」』’”'｢｣\"`()\n]|\([^()\n]*\)|[()]){{2,120}})[」』’”'｣\"`]"
            + quote_tail),
        # "’… 촉진회의‘", "”… 간담회“", "‘… 발표회‘": curly quotes written the wrong way round (a
        # closing mark opens, or an opening mark closes) around a name that ends in an event noun
        # (so that a year's mark, '’19.5월 ‘…', quotes nothing). event.misquoted_names keeps the
        # matches EVENT_NAME_RE does not make (it takes ‘…’, “…”, ‘…”).
        "MISQUOTED_NAME_RE": deferred(
            rf"(?P<open>[{e['misquote_marks']}])(?P<name>(?:[^「『‘“」』’”'｢｣\"`()\n]|\([^()\n]*\)){{1,120}}?"
            rf"(?:{alternation(e['nouns'])})(?:\([^()\n]*\))?)(?P<close>[{e['misquote_marks']}])"
            + quote_tail),
        # The curly marks alone, in order (event.may_be_misquoted reads whether they pair up).
        "CURLY_QUOTE_RE": deferred(rf"[{e['misquote_marks']}]"),
        # "(이하 ‘전승공예대전’)": the short form a release defines, inside or right after a name.
        "ALIAS_RE": deferred(rf"\s*\(\s*{e['alias_before']}[^()\n]*\)|(?<={e['alias_before']})\s*$"),
        # "협약*(", "(IMO*)", "협약 * (": a footnote's mark that closes a word of a name.
        "NAME_FOOTNOTE_RE": deferred(rf"[^\S\n]*{re.escape(e['footnote_mark'])}+(?=[\s()]|$)"),
        "LAW_NAME_RE": deferred(rf"(?:{alternation(e['law_endings'])})$"),
        # A title's event: "…, 한-라오스 외교차관 회담(11.24.)", "BIS-FSC-BOK 공동 AI 컨퍼런스 개최".
        "TITLE_EVENT_RE": deferred(
            rf"(?:^|(?<=[\s,·\]]))(?P<name>[^\s,·\[\]()][^,·\[\]()]{{0,60}}?(?:{alternation(e['nouns'])}))(?=\s|\(|$|[,·])"),
        "EVENT_NOUN_END_RE": deferred(rf"(?:{alternation(e['nouns'])})(?:\([^()]*\))?$"),
        # An unquoted name right before its verb: "정부서울청사에서 제266차 대외경제장관회의를 주재",
        # "한-라오스 외교차관 회담을 개최". Up to six words, the last one ending in an event noun.
        "EVENT_NOUN_NAME_RE": deferred(rf"""
            (?<![^\s「」｢｣『』‘’“”'"])                 # a name starts at a word's start
            (?P<name>(?:[^\s「」｢｣『』‘’“”'"]+\s){{0,5}}?[^\s「」｢｣『』‘’“”'"]*?{noun_end})
            {aside}{particle_to_verb}""", re.VERBOSE),
        # "제10차 한-EU 거시경제대화(…)를 개최하였습니다": a numbered series' name with no event
        # noun, as the object of a verb of holding (event.match_series_name).
        "SERIES_NAME_RE": deferred(rf"""
            (?<!\S)(?P<name>(?:{alternation(e['ordinal_prefixes'])})\s?\d{{1,3}}\s?(?:{alternation(e['ordinal_counters'])})
              (?P<words>(?:\s[^\s「」｢｣『』‘’“”'"()]+){{1,4}}?)(?:\([^()\s]{{1,30}}\))?)
            {aside}(?:{alternation(e['object_particles'])})\s*+(?:{alternation(e['verbs'])})""", re.VERBOSE),
        # "외교부, 제20차 이프타르(Iftar) 만찬 개최", "… 제3차 공식협상(4.12.(일) ~ 17.(금)) 개최":
        # a title's numbered series, from its ordinal to the headline's verb (event.title_series_name).
        "TITLE_SERIES_RE": deferred(rf"""
            (?<![^\s,])(?P<name>(?:{alternation(e['ordinal_prefixes'])})\s?\d{{1,3}}\s?(?:{alternation(e['ordinal_counters'])})
              (?:\s[^\s,…·]+){{1,8}}?)
            \s(?:{alternation(e['name_trailing_verbs'])})(?=\s|$|[,.…\-])""", re.VERBOSE),
        # "… 과학기술공동위원회 개최", "… 비전선포식 참석": a title that ends in a verb of holding
        # (event.title_event: a release without a lead takes the event its title names).
        "TITLE_VERB_END_RE": deferred(rf"(?<!\S)(?:{alternation(e['name_trailing_verbs'])})\s*$"),
        # "(4.12.(일) ~ 17.(금))", "(9.28)": the dates a title writes after a name, to its end.
        "TITLE_NAME_DATES_RE": deferred(rf"\s*\(\s*[0-9{e['short_year_marks']}].*$"),
        # Every EVENT_NOUN_NAME_RE match holds one: a lead without it is not searched for a name.
        "EVENT_NOUN_TAIL_RE": deferred(noun_end + aside + particle_to_verb, re.VERBOSE),
        # Any verb of holding as written (EVENT_NOUN_NAME_RE ends in one): where the first one is
        # bounds where a noun name can start.
        "EVENT_VERB_WORD_RE": deferred(alternation(e["verbs"])),
        # The words that end before a name starts: a particle, an adnominal ending, a date or a bracket.
        "NAME_BOUNDARY_RE": deferred(
            # "지난 6월 28일 국제 심포지엄": a date's word ends before the name too.
            rf"(?:(?:{alternation(e['name_boundaries'])})|[0-9).,:]|[0-9](?:{mw}|{dw}){wd})$"
            rf"|^(?:{alternation(e['name_deictics'] + e['name_time_words'])})$"),
        # "(온라인 개최)", "(비대면 진행)": a bracket closing a name that says how it is held.
        "NAME_HELD_NOTE_RE": deferred(rf"\s*\([^()]*?(?<!\S)(?:{alternation(e['name_trailing_verbs'])})\)$"),
        "NAME_DEICTIC_RE": deferred(rf"(?:{alternation(e['name_deictics'])})"),
        # A word that only says when: "7월", "29일", "29일(수)", "다음주" (a title's date before its name).
        "NAME_DATE_WORD_RE": deferred(
            rf"(?:[0-9]{{1,2}}\s*{mw}\s*)?[0-9]{{1,2}}\s*(?:{mw}|{dw}){wd}"
            rf"|[0-9]{{1,2}}\.[0-9]{{1,2}}\.?(?:{dw})?{wd}|(?:{alternation(e['name_deictics'])})"),
        # "7월 15일과 16일", "2004년 7월 15일(목)부터 17일(토)까지", "7월 15~16일", "12월2일(월)~3일(화)"
        # "7월 22일부터 이틀간": a start and a count of days, in digits or in words.
        # Every date opens with a digit: the lookahead rejects the other positions on one class
        # test, before the optional year group's costly entry (0.32 → 0.12 ms over the seed's text).
        "EVENT_DATES_RE": deferred(rf"""
            (?=\d)
            (?:(?P<y1>\d{{4}})\s*{yw}\s*)?(?P<m1>\d{{1,2}})\s*{mw}\s*(?P<d1>\d{{1,2}})\s*(?P<day1>{dw})?{wd}
            (?:\s*{e['span_from']}\s*(?:(?P<ndays>\d{{1,2}})\s*{dw}|(?P<nword>{alternation(list(e['day_counts']))}))
               \s*(?:{alternation(e['span_words'])}))?
            (?:\s*(?:{alternation(e['date_joiners'])})\s*
               (?:(?P<y2>\d{{4}})\s*{yw}\s*)?(?:(?P<m2>\d{{1,2}})\s*{mw}\s*)?(?P<d2>\d{{1,2}})\s*{dw}{wd}
               (?:\s*(?:{alternation(e['date_closers'])}))?)?
            """, re.VERBOSE),
        # "12.5.(금)", "2022.12.5.(월)", "’21. 11. 17(수)", "4.13일(월)", "5.2.~5.19.", "3.14~15",
        # "3.20.(월)부터 3.26.(일)까지"
        "EVENT_DOTTED_DATES_RE": deferred(rf"""
            (?=[0-9{e['short_year_marks']}])(?<![0-9.])     # fail fast: a date opens with a digit or a year's mark
            (?:(?:(?P<y1>(?:19|20)\d{{2}})|[{e['short_year_marks']}]\s*(?P<yy1>\d{{2}}))\s*\.\s*)?   # '2022.', '’21.'
            (?P<m1>1[0-2]|0?[1-9])\s*\.\s*(?P<d1>3[01]|[12][0-9]|0?[1-9])
            (?:\s*(?P<day1>{alternation(e['dotted_day_end'])}))?{wd}
            (?=[\s,(]|$|\s*(?:{alternation(e['dotted_joiners'])}))
            (?:\s*(?:{alternation(e['dotted_joiners'])})\s*
               (?:(?P<m2>1[0-2]|0?[1-9])\s*\.\s*)?(?P<d2>3[01]|[12][0-9]|0?[1-9])(?![0-9%])
               (?:\s*(?:{alternation(e['dotted_day_end'])}))?{wd}(?:\s*(?:{alternation(e['range_closers'])})(?![{HANGUL}]))?)?
            (?!\s*(?:{alternation(e['reference_date_words'])}))     # "(‘22.6.30 기준)": a reference date
            """, re.VERBOSE),
        # Every EVENT_DOTTED_DATES_RE match holds its month, a dot and its day ('12.5'): a scan
        # that opens with a digit (~2 ns a character; the dates' own scan opens with a look
        # ahead, ~20) tells the regions that hold none, most bullets (event.dated_patterns).
        "EVENT_DOTTED_DATE_HINT_RE": deferred(r"[0-9]\s*\.\s*[0-9]"),
        # After the dates: "에 서울 강남 노보텔 앰버서더에서「…」", "오후 서울스퀘어(서울 중구 소재)에서",
        # "10시 코엑스(서울시 강남구)에서". The blanks are possessive: optional `\s*` in a row
        # split a run of k blanks k^n ways.
        # "…(금)까지 2일간 부산 …에서": a count of days after the dates; "’23.10.24.(화) 10:30,
        # 여의도 63컨벤션에서": a comma after the time.
        "EVENT_VENUE_RE": deferred(
            rf"\s*+(?:\d{{1,2}}\s*+{dw}\s*+(?:{alternation(e['span_words'])})\s*+)?"
            rf"(?:{alternation(e['venue_lead'])})?\s*+,?\s*+"
            rf"(?:(?:{alternation(e['time_words'])})\s*+)*+"
            rf"(?:\d{{1,2}}\s*+(?:{hour}|:)\s*+(?:\d{{1,2}}\s*+(?:{minute})?)?"
            rf"\s*+(?:{alternation(e['time_closers'])})?\s*+,?\s*+)?"
            rf"(?:(?:{alternation(e['time_words'])})\s*+)*+"
            rf"(?P<venue>[^,「」｢｣『』()‘’'\"\n]{{2,40}}?(?:\([^()\n]{{1,30}}\))?)\s*{e['venue_tail']}(?![{HANGUL}])"),
        # "(주최) 외교부, SDGs 시민넷", "주최 : 대구시, 한국자동차공학회 등".
        # The lookahead names every character a match can open with: the engine rejects a position
        # on one class test instead of entering the optional bracket and the blanks.
        "HOST_LABEL_RE": deferred(
            rf"(?=[(\[\s{first_chars(e['host_labels'])}])"
            rf"[(\[]?\s*+(?:{alternation(e['host_labels'])})\s*+(?:[:：]|[)\]])\s*+(?P<list>[^()\[\]\n:：]{{2,100}})"),
        # "세계은행과 캄보디아 정부가 공동 개최하는": the hosts before a joint verb.
        "JOINT_HOSTS_RE": deferred(
            # Whole words, each closed by one blank (possessive: a word is never re-split), from a
            # word's start; `(?:[^\s,]+\s?){1,8}` split a long word 2^n ways.
            rf"(?<![^\s,])(?P<list>(?:[^\s,]++\s){{0,7}}?[^\s,]+?)(?:{alternation(e['joint_particles'])})\s*+"
            rf"(?:{alternation(e['joint_verbs'])})"),
        # Only marks, brackets and blanks before a label on its line: '□ (주최·주관) …', '‣ 주최 : …'.
        "LINE_LEAD_RE": deferred(r"[^\w]*"),
        "HOST_DOT_RE": deferred(r"\s*[·ㆍ]\s*"),
        "HOST_LIST_END_RE": deferred(rf"\s*+(?:{alternation(e['host_list_closers'])})?\s*+[,.]?\s*+$"),
        # "…와 공동으로", "…과 함께": a co-host of the lead.
        "COHOST_RE": deferred(
            rf"(?:[{QUOTE_OPEN}](?P<quoted>[^{QUOTE_OPEN}{QUOTE_CLOSE}\n]{{2,30}})[{QUOTE_CLOSE}]|(?P<org>[^\s,{QUOTE_OPEN}{QUOTE_CLOSE}]{{2,30}}))"
            rf"(?:{alternation(e['cohost_particles'])})\s*+(?:{alternation(e['cohost_words'])})"),
        # Any co-host word, any joint verb as written: a bullet without one is not searched with
        # COHOST_RE or JOINT_HOSTS_RE (one scan in C, not a find and a Python step per word).
        "COHOST_WORD_RE": deferred(alternation(e["cohost_words"])),
        "JOINT_VERB_WORD_RE": deferred(alternation(e["joint_verbs"])),
        # Any host label root ('주최', '주관': every host label holds one, '주최ㆍ주관' and '공동
        # 주최' too): one scan, where a find per root scanned the text again (on the korea.kr
        # texts, ~2 µs a release against 5.3).
        "HOST_LABEL_ROOT_RE": deferred(alternation(e["host_label_roots"])),
        # The lead's subject: "중소기업청(…)과 중소기업정보화경영원(…)은 "
        "LEAD_SUBJECT_RE": deferred(rf"(?P<subject>.{{2,120}}?)(?:{alternation(e['subject_particles'])})(?:\s|(?=[{QUOTE_OPEN}]))"),
        "PARENTHETICAL_RE": deferred(r"\s*\([^()]*\)"),
        "HOST_SPLIT_RE": deferred(
            rf"\s*(?:,|(?:{alternation([j for j in e['host_joiners'] if j != ','])})\s)\s*"),
        "YEAR_IN_NAME_RE": deferred(r"(?<![0-9])(?P<year>(?:19|20)\d{2})(?![0-9])"),
        # "제8회", "제27차", "8회": an ordinal word before a quoted name.
        "ORDINAL_WORD_RE": deferred(
            rf"(?:{alternation(e['ordinal_prefixes'])})?\d{{1,3}}(?:{alternation(e['ordinal_counters'])})"),
        # An outline line: "(일시·장소) ’21. 11. 17(수)~19(금), 서울 DDP", "ㅇ 일시/장소 : … / 달개비",
        # "· (장소) 경기도 시흥시 …". `both` labels date and venue, `date` or `venue` one of them.
        "OUTLINE_LINE_RE": deferred(rf"""
            ^[^\S\n]*(?:[{re.escape(e['outline_marks'])}][^\S\n]*)*[(\[]?[^\S\n]*
            (?:(?P<both>{date_labels}[^\S\n]*(?:{alternation(e['outline_label_joiners'])})?[^\S\n]*{venue_labels})
              |(?P<date>{date_labels})|(?P<venue>{venue_labels}))
            [^\S\n]*(?:[:：]|[)\]])[^\S\n]*(?P<rest>[^\n]*)
            """, re.VERBOSE | re.MULTILINE),
        # The time after an outline's date: "14:00", "08:00~09:30", "오후 3∼5시", "10시 30분".
        "OUTLINE_TIME_RE": deferred(rf"""
            [^\S\n]*(?:[,/][^\S\n]*(?=[0-9{first_chars(e['time_words'])}]))?   # "’22.5.27.(금), 10:20~11:00"
            (?:(?:{alternation(e['time_words'])})[^\S\n]*)?
            \d{{1,2}}[^\S\n]*(?::[^\S\n]*\d{{2}}|(?:{hour})(?:[^\S\n]*\d{{1,2}}[^\S\n]*(?:{minute}))?)?
            (?:[^\S\n]*[~∼\-–][^\S\n]*(?:(?:{alternation(e['time_words'])})[^\S\n]*)?
               (?:\d{{1,2}}[^\S\n]*(?::[^\S\n]*\d{{2}}|(?:{hour})(?:[^\S\n]*\d{{1,2}}[^\S\n]*(?:{minute}))?)?)?)?
            """, re.VERBOSE),
        # What separates the date (and time) from the venue, and what ends the venue.
        "OUTLINE_VENUE_RE": deferred(
            rf"[^\S\n]*[,/]?[^\S\n]*(?P<venue>[^{re.escape(''.join(e['outline_venue_stops']))}\n]*)"),
        # "MC-14 대비 국내 전문가 간담회 개요": a caption naming the event, above its outline.
        "OUTLINE_CAPTION_RE": deferred(
            # Possessive blanks before the name: a name that could also open inside them made
            # the search cubic in a blank run (57 ms for 400 blanks).
            rf"^[^\S\n]*+(?:[{re.escape(e['outline_marks'])}<〈\[【][^\S\n]*+)*+(?P<name>[^\n]{{2,80}}?)"
            rf"[^\S\n]*(?:{alternation(e['outline_captions'])})[^\S\n]*[>〉\]】]?[^\S\n]*$"),
        "NOT_EVENT_CAPTION_RE": deferred(rf"(?:{alternation(e['not_event_captions'])})$"),
        # "… 기념식 개요", "… 간담회 계획(안)": the word for what an attached document is, at its end.
        "ATTACHMENT_DOCUMENT_RE": deferred(rf"\s*(?:{alternation(e['attachment_document_words'])})\s*$"),
        # The outline's date labels ('일시', '기간') wherever they stand: the lines that may be
        # outline lines (event.label_lines), found by scans that each open with one literal.
        **ending_scans("OUTLINE_DATE_LABEL", e["outline_date_labels"]),
        # "이번 회의는", "동 포럼은", "올해 행사는": a sentence about the lead's event. The anaphor
        # opens a word: opening with its literals (no lookaround first), the pattern is skipped
        # through on their first characters, and each is followed by a look behind at the
        # character before it, so that a particle '이' ('국민이 …') fails at once instead of
        # reading the next word for an event noun (event.anaphor_at tests the word's start too).
        "ANAPHOR_SUBJECT_RE": deferred(
            rf"(?:{word_openings(e['anaphors'])})\s*+[^\s.]{{0,20}}?(?:{alternation(e['nouns'] + e['anaphor_nouns'])})"
            rf"(?:{alternation(e['anaphor_particles'])})(?=\s)"),
        # "A가 주관하고", "B, C가 공동으로 주최하며", "X에서 주최하는": the hosts a clause names.
        # The verb of a host clause; its list is the text since the clause before.
        # "에너지경제연구원 주관으로": a body right before the verb, without a particle.
        "HOST_CLAUSE_RE": deferred(
            rf"(?:(?:{alternation(e['host_clause_particles'])})\s*+|(?<=[^\s,])\s++(?=[{first_chars(e['host_clause_adverbs'] + e['host_clause_verbs'])}]))"
            rf"(?:(?:{alternation(e['host_clause_adverbs'])})\s*+)?(?:{alternation(e['host_clause_verbs'])})"
            rf"(?:{alternation(e['host_clause_endings'])})(?![{HANGUL}])"),
        # "… 가 주최하는 2025년 국제학술대회(7.2.~4.)에서 개최된다": the host clause names the
        # event the lead's event is held at.
        "CONTAINER_AFTER_RE": deferred(
            rf"[^,.\n]{{0,40}}?(?:{alternation(e['nouns'])})(?:\([^()\n]{{0,20}}\))?{e['venue_tail']}(?![{HANGUL}])"),
        # "국제원자력기구(IAEA) 의 ‘제10차 … 이행검토회의’": the body whose event the quote names.
        "GENITIVE_HOST_RE": deferred(
            rf"(?P<org>[^\s{QUOTE_OPEN}{QUOTE_CLOSE}]{{2,30}}(?:\s?\([^()\n]{{1,20}}\))?)\s?{e['genitive']}\s*+$"),
        # "… 중국 베이징을 방문하여": the place a visit goes to, right after the lead's dates.
        "VISIT_VENUE_RE": deferred(
            rf"\s*+(?P<venue>[^\s,「」｢｣『』()‘’'\"]{{1,15}}(?:\s[^\s,「」｢｣『』()‘’'\"]{{1,15}}){{0,2}}?)"
            rf"(?:{alternation(e['visit_objects'])})\s*+(?:{alternation(e['visit_words'])})"),
        # "A, B 등 C": the items a list of hosts closes with 등.
        "HOST_LIST_SPLIT_RE": deferred(rf"\s+(?:{alternation(e['host_list_closers'])})\s+"),
        # "외교부 국민외교센터에서 온라인 생중계로 개최된 (동 포럼에는)": the place before a held verb.
        "HELD_AT_RE": deferred(
            rf"(?P<venue>[^\s,.]+(?:\s[^\s,.]+){{0,5}}?){e['venue_tail']}\s++(?:[^\s]+\s++){{0,3}}?"
            rf"(?:{alternation(e['held_verbs'])})\s*+$"),
        # "… 공개토론회(포럼)을 대구 엑스코(EXCO) 컨퍼런스홀에서 개최했다": a venue between the
        # event's name and its verb.
        "OBJECT_VENUE_RE": deferred(
            rf"(?:{alternation(e['nouns'])})(?:\([^()\s]{{1,30}}\))?(?:{alternation(e['object_particles'])})\s++"
            rf"(?P<venue>[^\s,「」｢｣『』‘’“”'\"]{{1,20}}(?:\s[^\s,「」｢｣『』‘’“”'\"]{{1,20}}){{0,3}}?){e['venue_tail']}\s++"
            rf"(?:{alternation(e['verbs'])})"),
        # "… 농협중앙회 대강당에서 기념식을 개최한다", "정부서울청사에서 제266차 …회의를 주재":
        # a place right before the event's name (up to six more words) and its verb; opening with
        # the literal 에서, a search skips ahead in C (event.venue_before_name reads the place).
        # The words between may not end in an object particle ('…에서 나타난 문제점을 개선하고자
        # ‘…토론회’를 개최': 에서 is another verb's).
        "VENUE_BEFORE_NAME_RE": deferred(
            rf"{e['venue_tail']}\s++(?:[^\s]*+(?<!{alternation(e['object_particles'])})\s++){{0,6}}?[^\s]*?(?:{alternation(e['nouns'])})(?:\([^()\s]{{1,30}}\))?"
            rf"[{re.escape(e['object_closers'])}]{{0,3}}(?:{alternation(e['name_particles'])})?\s*+(?:{alternation(e['verbs'])})"),
        # "2시", "14:00", "3시30분": a time, no word of a place.
        "TIME_WORD_RE": deferred(rf"\d{{1,2}}(?:(?:{hour})(?:\d{{1,2}}(?:{minute}))?|:\d{{2}})"),
        # "중소벤처기업부는 27일 …", "회의가 지난 3일 열렸다": a day alone after the subject.
        # "오는 5일": the '는' of a direction word is no subject's particle.
        # "…토론회’를 11일 …에서 개최한다", "- 농촌진흥청, 11일 국회서 …": after an object
        # particle, or a headline's comma after a Hangul word that is no day ('1일, 2일').
        "LEAD_DAY_RE": deferred(
            rf"(?=[{first_chars(e['subject_particles'] + e['lead_day_particles'])}{re.escape(e['headline_subject_comma'])}])"
            rf"{not_in_word}(?:{alternation(e['subject_particles'] + e['lead_day_particles'])}"
            rf"|(?<=[{HANGUL}])(?<!{dw}){re.escape(e['headline_subject_comma'])})\s++(?:{rel}\s*+)?"
            rf"(?P<d1>3[01]|[12][0-9]|0?[1-9])\s*{dw}{wd1}(?=\s)"
            rf"(?!\s*+(?:{alternation(e['duration_after'])})(?![{HANGUL}]))"),
        # "관계부처(환경부, 산업통상자원부, 중소벤처기업부) 및 유관기관 합동으로": the members host.
        "COLLECTIVE_HOSTS_RE": deferred(
            rf"(?:{alternation(e['host_collectives'])})\s?\((?P<list>[^()\n]{{4,80}})\)[^.\n]{{0,20}}?"
            rf"(?:{alternation(e['collective_joint'])})"),
        # A Latin name of a body: "UN WOMEN", "FSB", "IAEA".
        "LATIN_BODY_RE": deferred(r"[A-Z][A-Z0-9&\-]+(?:\s[A-Z][A-Z0-9&\-]+){0,3}"),
        # "[KF]", "(학회장 강민아)": brackets a host's name carries.
        "HOST_BRACKETS_RE": deferred(r"\s*(?:\([^()]*\)|\[[^\[\]]*\])"),
    }


TITLE_WORD_RE = re.compile(rf"[{HANGUL}0-9·]+")


def first_word_ends(titles: list[str]) -> set[str]:
    """The last character of each title's first word: '위원장 직무대행' → '장', '차관' → '관'."""
    ends = set()
    for title in titles:
        word = TITLE_WORD_RE.match(title)
        if word is None:
            raise ValueError(f"a person title must start with a Hangul syllable or digit: {title!r}")
        ends.add(word.group()[-1])
    return ends


# The kinds of labels.toml [contact] that label a contact's cells: no contact is named by one.
CONTACT_LABEL_KINDS = ("phone", "fax", "email", "department", "manager", "staff", "inquiry")


def _people_patterns(lex: Lexicon) -> dict[str, PatternSource]:
    p = lex.semantic["people"]
    n = p["name"]
    person_titles = lex.titles["person"] + p["extra"]["titles"]
    titles = trie_alternation(person_titles)
    # The trie led by one class of the titles' first characters: the engine tries a branch's
    # alternatives one by one (~70 first characters), a class answers in one lookup. Where a
    # lazy run tries the trie at each of its lengths (the bracket readers), most tries stop there.
    titles_led = rf"(?=[{''.join(sorted({re.escape(t[0]) for t in person_titles}))}])(?:{titles})"
    tail = alternation(p["name"]["title_tail"])
    roles = {role: alternation(words) for role, words in p["roles"].items()}
    cont = p["title_continuation"]
    acting = f"(?:{alternation(cont['acting'])})"
    # A title's end: a tail particle or no Hangul letter after it ('장관은', '장관,'; not '장관상').
    title_end = rf"(?=(?:{tail})?(?![{HANGUL}]))"
    office = rf"[{HANGUL}]{{0,12}}?{titles_led}{title_end}"        # '부총리', '재정경제부장관'
    continuation = (
        rf"(?:\s?{acting}{title_end}(?:\s{office})?"                     # '직무대행은', '권한대행 부총리'
        rf"|\s{cont['concurrent']}\s(?:[{HANGUL}A-Za-z·]+\s){{0,{cont['concurrent_words']}}}?{office})")
    org_suffixes = (lex.titles["organization_suffixes"] + lex.titles["department_suffixes"]
                    + lex.titles["team_suffixes"] + p["name"]["org_suffixes"])
    # The brackets of the bracket readers, from the '(' on (the word glued before it comes first in
    # each reader's pattern below). Alone, they let people.find_starts keep only the words before a
    # bracket that can close a match: most brackets ('(금)', '(SDGs)') close none.
    head_bracket = (    # '(처장 김용선)', '(장관 김정관, 이하 산업부)', '(손병두 부위원장)'
        rf"\(\s*+"
        rf"(?:(?:{p['name']['short_name_label']}\s[^,()]{{1,15}},\s*+)?"      # '(이하 행복청, 청장 강주엽)'
        rf"(?P<title>[{HANGUL}]{{0,4}}?{titles_led}(?:\s?{acting})?)\s*+[:：]?\s*+"   # '(학회장 강민아)'
        rf"(?P<name>[{HANGUL}]{{2,4}}|[{HANGUL}]{{1,7}}(?:\s[{HANGUL}]{{1,7}}){{1,3}})"
        rf"(?:\s++{titles_led})?\s*+[,)]"                                   # '(본부장 : 정은경 청장)'
        rf"|(?P<after_name>[{HANGUL}]{{2,4}})\s++(?P<after_title>[{HANGUL}·]{{0,10}}?{titles_led})\s*+[,)])")   # '(박종원 경제부지사)',
                                                                                        # '(임병택 시장, 박춘호 …)'
    # '(금융위원회 부위원장)', '(한국경제학회장)'. The lookahead asks first what every match has: a
    # title's (or its suffix's) last character right before the ')' that closes the bracket, within
    # reach. Checked in one pass, where the lazy words before the title try the title trie at each
    # of up to 40 characters (~2 µs a bracket that closes no title: most of them).
    suffixes = p["extra"]["title_suffixes"]
    paren_reach = 40 + 1 + max(map(len, person_titles)) + max(map(len, suffixes), default=0)
    paren_ends = "".join(sorted({re.escape(w[-1]) for w in person_titles + suffixes}))
    # The run of the bracket's characters is taken whole (possessive: the ')' can only close it),
    # then its last character is looked at, instead of trying that character and the ')' at each
    # shorter length, back from the end of reach (the same brackets pass: tests/test_cost_fastpeople5.py).
    paren_bracket = (
        rf"\((?=[^()\n]{{1,{paren_reach}}}+(?<=[{paren_ends}])\))"
        rf"(?P<inside>(?:[^()\n]{{0,40}}?(?:\s|(?P<glued>[{HANGUL}])))?"
        rf"(?P<title>{titles_led})(?:{alternation(suffixes)})?)\)")
    program_marks = re.escape(lex.semantic["program"]["markers"])
    program_roles = list(lex.semantic["program"]["role_of"])
    item_bracket = (    # '(고려대)', '(KERI)'; what follows it ('$' at the end of a bullet) is not tested
        rf"\((?P<org>[{HANGUL}A-Za-z·&]{{2,20}}+)"
        rf"(?:,\s*+(?P<unit>[{HANGUL}A-Za-z·&]{{2,20}}+))?\)")           # '(가상대학교, 정책위원회)': a committee
    return {
        # "크리스 홀 박사는", "서정욱 위원장이", "홍길동(洪吉童) 차관" — the name is read back
        # from the words before the title, so the pattern anchors on the title.
        # A title may be glued to its organization or an ordinal: "개발협력국장은", "1차관".
        # Fail fast: the word after the blank must hold a title's last character, and then one
        # that ends the word (or comes before a tail: "국장은"). Every match has the second:
        # a title ends its word, or its first word does ("위원장 직무대행"). Most words stop
        # there instead of after a try of the title trie at each of 13 glue lengths (seed
        # text: 0.37 -> 0.23 ms per scan; the same matches, tests/test_lexicon.py).
        "PERSON_MENTION_RE": deferred(
            rf"\s(?=[{HANGUL}0-9·]{{0,16}}?[{''.join(sorted({t[-1] for t in person_titles}))}])"
            rf"(?=[{HANGUL}0-9·]*?[{''.join(sorted(first_word_ends(person_titles)))}](?:{tail})?(?![{HANGUL}]))"
            rf"(?P<glued>[{HANGUL}0-9·]{{1,12}}?)??(?P<title>{titles_led})(?=(?:{tail})?(?![{HANGUL}]))"),
        # Where PERSON_MENTION_RE can match, found in the text written backwards (people.py,
        # find_starts): a title's first word read backwards, then at most 12 glued characters
        # and the blank before them. Backwards a title opens with its last character (33 kinds,
        # rarer than the 68 first ones), so the scan skips most of the text in C instead of trying
        # both lookaheads above at every blank (seed text: 0.30 -> 0.05 ms).
        "TITLE_WORD_REVERSED_RE": deferred(
            rf"(?:{trie_alternation([TITLE_WORD_RE.match(t).group()[::-1] for t in person_titles])})"
            rf"(?=[{HANGUL}0-9·]{{0,12}}(?P<blank>\s))"),
        # The same backwards scan for the readers of brackets (people.py, Starts): each
        # pattern below opens with a word glued to '(' — '산림청(', '김소영(' — so it can start only
        # where that word starts. Backwards the '(' leads, a literal the C loop skips to; the
        # words behind it (Hangul only, and with Latin letters and '·') give the starts.
        "BRACKET_WORDS_REVERSED_RE": deferred(
            rf"\((?=[{HANGUL}A-Za-z·]{{2}})(?=(?P<hangul>[{HANGUL}]{{0,5}}))(?=(?P<word>[{HANGUL}A-Za-z·]{{0,31}}))"),
        "PERSON_TITLE_ANY_RE": deferred(rf"(?P<title>{titles})"),
        # "… 전(前) 사무처장 고재휘(61), 방송작가 박지은(76)": a list of people, each after a title
        # glued to its description and followed by a two-digit age.
        # A two-digit age in brackets: a release without one holds no aged list.
        "AGE_BRACKET_RE": deferred(rf"\([0-9]{{2}}(?:{alternation(n['age_units'])})?\)"),
        "AGED_PERSON_RE": deferred(
            rf"(?P<title>[{HANGUL}]{{0,8}}(?:{titles}))\s++(?P<name>[{HANGUL}]{{2,4}})\((?P<age>[0-9]{{2}})"
            rf"(?:{alternation(n['age_units'])})?\)"),

        # "지식재산처(처장 김용선)는", "산업통상부(장관 김정관, 이하 산업부)", "중국 수리부(장관 리 궈잉)": an
        # organization's head, a Korean name or a foreign one of several words.
        # Or, the title after the name: "금융위원회(손병두 부위원장)는" (groups after_name, after_title).
        "ORG_HEAD_PERSON_RE": deferred(rf"(?<![{HANGUL}A-Za-z·])(?P<org>[{HANGUL}A-Za-z·]{{2,30}}){head_bracket}"),
        "HEAD_BRACKET_RE": deferred(head_bracket),
        # What continues a title past its first word: '직무대행', '권한대행 부총리', '겸 기획재정부 장관'
        # (people.toml [title_continuation]); matched right at a mention's end.
        "TITLE_CONTINUATION_RE": deferred(rf"(?:{continuation}){{1,{cont['links']}}}"),
        # The word before a title: "서정욱", "홍길동(洪吉童)", "柳昌茂".
        "NAME_TOKEN_RE": deferred(
            rf"^(?P<name>[{HANGUL}]{{1,{p['name']['max_word_syllables']}}}|[\u4e00-\u9fff]{{2,5}})"
            r"(?:\((?P<hanja>[\u4e00-\u9fff]{2,5})\))?$"),
        "HANJA_NAME_RE": deferred(r"[\u4e00-\u9fff]{2,5}"),
        # A word of a name in Latin letters: 'Angela', 'IGATA', 'Pérez', "O'Neil".
        "LATIN_NAME_WORD_RE": deferred(r"[A-Z][a-zA-Z\u00c0-\u017f'\-]+"),
        "LATIN_GIVEN_NAME_RE": deferred(r"[A-Z][a-z\u00c0-\u017f'\-]+"),
        "NAME_STOP_RE": deferred(rf"(?:{alternation(p['name']['stop_endings'])})$"),
        # A transliterated name's word may end like a particle ('오버레이', '샴페인'), never like
        # a clause or a case a name cannot carry ('방문하여', '캐나다의', '장관과').
        "FOREIGN_NAME_STOP_RE": deferred(rf"(?:{alternation(p['name']['foreign_stop_endings'])})$"),
        "KOREAN_NAME_STOP_RE": deferred(rf"(?:{alternation(p['name']['korean_stop_endings'])})$"),
        "ORG_WORD_RE": deferred(
            rf"(?:{alternation(org_suffixes)})$"),
        # "김소영(금융위원회 부위원장)", "황윤재(한국경제학회장)": a name, its organization and title
        # in brackets, the title last (glued to the organization or not).
        "PERSON_PAREN_RE": deferred(rf"(?<![{HANGUL}])(?P<name>[{HANGUL}]{{2,4}}){paren_bracket}"),
        "PAREN_BRACKET_RE": deferred(paren_bracket),
        # "강문성(고려대), 정철(KERI), 최승훈(한국게임산업협회) 등": a name and its organization in
        # brackets, an item of a comma list (a comma or 등 follows).
        "PERSON_ORG_ITEM_RE": deferred(
            rf"(?=[{HANGUL}]{{2,4}}\()"                                   # fail fast: a word and its bracket
            rf"(?:(?<![{HANGUL}]){''.join(f'|(?<={w})' for w in p['name']['list_labels'])})"   # '전문가장승화(서울대)'
            rf"(?P<name>[{HANGUL}]{{2,4}}){item_bracket}(?=\s*+(?:,|등|\n|$))"),
        "ORG_ITEM_BRACKET_RE": deferred(item_bracket),
        # "‘스윗테크놀로지스’ |이주환 대표", "‘스페이셜’의 공동창업자인 |이진하 대표": a quoted
        # organization right before the name, or before its genitive and a copula phrase.
        "QUOTED_ORG_BEFORE_RE": deferred(
            rf"[{QUOTE_OPEN}’](?P<org>[^{QUOTE_OPEN}{QUOTE_CLOSE}\n]{{1,30}})[{QUOTE_CLOSE}‘]"
            rf"(?:{p['name']['genitive']}\s(?:[{HANGUL}]+\s){{0,2}}[{HANGUL}]+{p['name']['copula']})?\s*+$"),
        # A word of an organization's name: Hangul, Latin capitals, middle dots, no brackets.
        "AFFILIATION_WORD_RE": deferred(rf"[{HANGUL}A-Za-z0-9·&\-]{{1,20}}"),
        # A word that makes a description a clause, not an affiliation: '포럼에는', '당시', '1월'.
        # A word of digits alone ('044-204-7703', '2024') is a phone number or a figure, no name's.
        "NOT_AFFILIATION_WORD_RE": deferred(
            rf"^(?:.*(?:{alternation(p['affiliation_stop_endings'])})|{alternation(p['not_affiliation_words'])}"
            rf"|[0-9]+(?:{alternation(p['date_units'])})[{HANGUL}]*|[0-9][0-9.\-]*)$"),
        "AFFILIATION_BRACKETS_RE": deferred(r"\s*\([^()]*\)"),
        # '산업통상자원부(이하 산업부)': the aside that gives a body's short name.
        "SHORT_NAME_ASIDE_RE": deferred(rf"\s*\({n['short_name_label']}\s[^()]*\)"),
        "UNCLOSED_BRACKET_RE": deferred(r"\s*\([^()]*$"),
        # A word with its bracketed parts: 'PECC(아시아 태평양 경제협의회)' is one.
        "BRACKETED_WORD_RE": deferred(r"(?:[^\s()]++|\([^()]*\))++"),
        # "로버트 워드롭(Robert Wardrop)": a transliterated name and its Latin gloss.
        "LATIN_GLOSS_RE": deferred(
            rf"(?P<hangul>[{HANGUL}]{{1,7}}(?:\s[{HANGUL}]{{1,7}}){{0,4}})\s?\((?P<latin>[A-Z][A-Za-z.'\-]*(?:\s[A-Za-z.'\-]+){{0,5}})\)"),
        # The speaker's description before the name, read for an organization.
        # Tried only where a run of non-blanks starts (after a blank or a bracket): a match from
        # inside a run would need an end for the run that a try from its start also had, so none
        # starts there, and each run's characters are not read again from each of them.
        "LOCATIVE_ORG_RE": deferred(rf"(?<![^\s()])(?P<org>[^\s()]+(?:\([^()]*\))?){n['locative']}(?=\s)"),
        # The whole word, started only at a word's start (a run of blanks is tried once a blank).
        "TITLE_COPULA_RE": deferred(rf"(?:(?<=\s)|^)[^\s]*?(?:{titles}){n['copula']}\s*+$"),   # '부학장인'
        "GENITIVE_RE": deferred(rf"{n['genitive']}(?=\s|$)"),
        # "[장관동정]": a board's tag, never part of an affiliation.
        "BRACKET_TAG_RE": deferred(r"\[[^\[\]]*\]"),
        # … and a person named before, joined to this one: '… 정제영 교수와 |이탈리아 …의 사브리나 반데라'.
        # (the word before a joiner is checked for a title in code: a title alternation here would
        # be tried at every position).
        "CLAUSE_BREAK_RE": deferred(rf"(?:[,.”\"]|[{HANGUL}](?:{alternation(n['clause_endings'])})"
                                   rf"|[{HANGUL}](?P<joiner>{alternation(n['person_joiners'])}))\s"),
        # The same breaks read in the text written backwards (people.py, clause_start), from the
        # name back: the blank, then what closes the clause before it, its letters backwards. The
        # last break before a name is then the first one found, a few characters back, where the
        # pattern above is tried at every character of the window. Each break is one blank, so
        # both find the same breaks (tests/test_cost_fastpeople.py compares them).
        "CLAUSE_BREAK_REVERSED_RE": deferred(
            rf"\s(?=[,.”\"]|(?:{alternation([e[::-1] for e in n['clause_endings']])})[{HANGUL}]"
            rf"|(?P<joiner>{alternation([j[::-1] for j in n['person_joiners']])})[{HANGUL}])"),
        # Any word of [roles]: every role pattern below opens with one, so a window this finds
        # nothing in holds no role (people.py, parse_roles: one search instead of four).
        "ROLE_WORD_RE": deferred(alternation([w for words in p["roles"].values() for w in words])),
        "KEYNOTE_RE": deferred(roles["keynote"]),
        "PRESENTER_RE": deferred(roles["presenter"]),
        # '… 교수를 좌장으로', '… 교수의 사회로': the chair's phrase of a discussion ([discussion]).
        "CHAIRED_BY_RE": deferred(
            rf"(?:{alternation(p['discussion']['chair_particles'])})\s*+(?:{alternation(p['discussion']['chair_words'])})"
            rf"(?:{alternation(p['discussion']['chair_tails'])})(?![{HANGUL}])"),
        # '… 청장은 “…': a quote opening right after the person's topic particle.
        "QUOTED_AFTER_RE": deferred(r"(?:은|는|이|가)?\s*+[“\"]"),
        "CHAIR_GAP_RE": deferred(r"\s*+(?:\([^()\n]{1,30}\))?"),
        "CHAIR_PHRASE_RE": deferred(alternation([w + t for w in p['discussion']['chair_words']
                                                   for t in p['discussion']['chair_tails']])),
        "DISCUSSION_VERB_RE": deferred(
            rf"(?P<presented>{alternation(p['discussion']['presented'])})|(?P<discussed>{alternation(p['discussion']['discussed'])})"),
        # '… 사회로 진행', '… 좌장을 맡아'; not '미래 사회로의 변화' (a society, in the genitive).
        "MODERATOR_RE": deferred(rf"(?:{roles['moderator']})(?:{alternation(n['role_object_particles'])})(?![{HANGUL}])"),
        "PANELIST_RE": deferred(roles["panelist"]),
        # A chair: '… 청장 주재로', '… 부총리는 … 회의를 주재하였다' (data/people.toml [chair]).
        "CHAIR_AFTER_RE": deferred(rf"\s*+(?:{alternation(p['chair']['after_title'])})(?![{HANGUL}])"),
        "CHAIR_SUBJECT_RE": deferred(rf"(?:{alternation(p['chair']['subject_particles'])})\s"),
        "CHAIR_VERB_RE": deferred(alternation(p["chair"]["verbs"])),
        # A concurrent office after a title: '부총리 |겸 재정경제부장관은'.
        "CONCURRENT_OFFICE_RE": deferred(rf"\s*+{p['chair']['concurrent']}\s++[^\s]+?(?=(?:{alternation(p['chair']['subject_particles'])})\s)"),
        # A delegation's head: '박재현 … 실장을 대표로', '… 국장을 단장으로' (data/people.toml [head]).
        "HEAD_AFTER_RE": deferred(
            rf"(?:{alternation(p['head']['particles'])})\s*+(?:{alternation(p['head']['words'])})(?![{HANGUL}])"),
        # PROGRAM_ROLE_RE at a line's start ('좌장 :', 'ㅇ (발표1)'), found for every line by one scan
        # led by the newline before it, a literal the engine skips to (people.py, from_program). It
        # finds every line PROGRAM_ROLE_RE matches and a few more (an unopened bracket closing the
        # role: '발표)'), which PROGRAM_ROLE_RE then tries; blanks never cross the line's end.
        # Fail fast, as most lines do (korea.kr: ~50 lines a record, none a role's): the lookahead
        # runs once over the blanks, marks and brackets the line opens with (one class, possessive)
        # and asks for a role's first character after them; the optional parts are possessive, as
        # none can start what follows it, so a line is never retried without its mark. ~1,200 ->
        # ~300 instructions a line (tests/test_cost_people7.py: the same lines as without both).
        "PROGRAM_ROLE_LINE_RE": deferred(
            rf"\n(?=[\s{program_marks}(\[<〈]*+[{first_chars(program_roles)}])"
            rf"[^\S\n]*+[{program_marks}]?+[^\S\n]*+[(\[<〈]?+[^\S\n]*+"
            rf"(?:{trie_alternation(program_roles)})[^\S\n]*+\d{{0,2}}+[^\S\n]*+[)\]>〉:：]"),
        # A company's legal form standing alone before a name: '주식회사 |한우연 대표' (the company).
        "COMPANY_FORM_BEFORE_RE": deferred(rf"(?<!\S)(?:{alternation(p['not_a_person']['company_forms'])})\s+$"),
        # The word before a name closing with a particle a verb governs: '기반을 |마련한', '…자금에 |이용한'.
        "VERB_ARGUMENT_RE": deferred(rf"(?:{alternation(p['not_a_person']['governing_particles'])})$"),
        # '방송인 |설민석,', '가수 |서태지, 윤도현 등', '대표 |이효재님 등' (data/people.toml
        # [title_before]): a name right after an occupation, closed by no title. Tried only right
        # after such a word (people.mentions_in); the name is the shortest run that a closer ends.
        "NAME_AFTER_OCCUPATION_RE": deferred(
            rf" (?P<name>[{HANGUL}]{{2,4}}?)(?:{alternation(p['title_before']['honorifics'])})?"
            rf"(?=(?:{alternation(p['title_before']['closers'])})|[^\S\n]*+(?:\n|$)|(?:{tail})(?![{HANGUL}]))"),
        # '(‘96년 설립, 회장 |루이 포숑)': a name closing a bracket after a title (people.bracket_head).
        "BRACKET_LAST_NAME_RE": deferred(rf" (?P<name>[{HANGUL}]{{2,7}}(?: [{HANGUL}]{{1,7}}){{0,2}})\)"),
        # '두 번째 기조연설에서 |아누 …', '발표를 맡은 |… 손용원' (data/people.toml [role_before]).
        # Led by the words themselves, no lookahead: a search then skips to their first characters
        # (a leading lookahead is tried at every position).
        "ROLE_BEFORE_RE": deferred(
            rf"(?P<word>{alternation(p['role_before']['words'])})(?:{alternation(p['role_before']['endings'])})(?![{HANGUL}])"),
    }


# The marks that open a listed talk ("▲ 제목(성명, 소속)"): a line without one lists none.
PROGRAM_LIST_MARKS = "▲△▷►"


def _program_patterns(lex: Lexicon) -> dict[str, PatternSource]:
    prog = lex.semantic["program"]
    roles = alternation(list(prog["role_of"]))
    hangul_name = rf"[{HANGUL}]{{1,7}}(?:\s[{HANGUL}]{{1,7}}){{0,4}}"
    latin_name = r"[A-Za-z][A-Za-z.'\-]*(?:\s[A-Za-z][A-Za-z.'\-]*){0,4}"
    return {
        # "좌장 : 이승주(…)", "(발표1) …", "ㅇ (축사) …", "·발표 : …" — a role, then ':' or a bracket.
        "PROGRAM_ROLE_RE": deferred(rf"""
            [{re.escape(prog['markers'])}]?\s*+
            (?P<open>[(\[<〈])?\s*+(?P<role>{roles})\s*+\d{{0,2}}\s*+
            (?(open)[)\]>〉]|[:：])\s*+
            """, re.VERBOSE),
        # One speaker of a programme: "이준(산업연구원 선임연구위원) - 공급망",
        # "Alan CHONG(싱가포르 … 연구위원) (온라인)".
        "PROGRAM_PERSON_RE": deferred(rf"""
            \s*+(?P<name>{hangul_name}|{latin_name})\s*+
            \((?P<inside>[^()\n]{{1,80}})\)
            (?:\s*+\([^()\n]{{1,20}}\))*+
            (?:\s*+[-–—:]\s*+(?P<topic>[^\n]+?))?\s*+$
            """, re.VERBOSE),
        # "▲ 제목(성명, 소속)": a listed talk, the speaker and affiliation in brackets.
        "PROGRAM_LISTED_RE": deferred(rf"""
            [{PROGRAM_LIST_MARKS}]\s*+(?P<topic>[^{PROGRAM_LIST_MARKS}()\n]{{2,80}}?)\s*+
            \((?:(?P<name>{hangul_name}|(?P<latin>{latin_name}))\s*+,\s*+|(?P<kname>[{HANGUL}]{{2,4}})\s++)
            (?P<inside>[^()\n]{{2,60}})\)
            """, re.VERBOSE),
        # The entries of one line: commas and slashes outside parentheses part them.
        "PROGRAM_SPLIT_RE": deferred(r"(?:[^,;/()\n]|\([^()\n]*\))+"),
        "PROGRAM_TRIM_RE": deferred(r"^[\s\-–—:]+|[\s\-–—:]+$"),
        # A word that is, or ends in, a person's title: "선임연구위원", "교수", "부원장보".
        "PERSON_TITLE_TAIL_RE": deferred(
            rf"(?:{trie_alternation(lex.titles['person'] + lex.semantic['people']['extra']['titles'])})"
            rf"(?:{alternation(lex.semantic['people']['extra']['title_suffixes'])})?$"),
    }


# --- issuer evidence: phone prefixes and departments (data/issuer_evidence.tsv) -------------

def phone_prefix(phone: str) -> str | None:
    """'044-215-7630', '(044)215-7630' → '044-215-7': the area code, the exchange and the line
    number's first digit. The exchange names a building (the Sejong complex's 044-205 holds
    행정안전부 and 소방청), the first digit the floors of one tenant. None for a number without its
    area code ('215-7630') or a mobile, internet or free-call number."""
    groups = "".join(ch if ch.isdigit() else " " for ch in phone).split()
    if len(groups) != 3 or not groups[0].startswith("0") or groups[0] in ("010", "070", "080") \
            or len(groups[2]) != 4:
        return None
    return f"{groups[0]}-{groups[1]}-{groups[2][0]}"


def department_words(text: str, suffixes: tuple[str, ...]) -> list[tuple[int, str]]:
    """The words of a contact line that end like a department ('대외경제국', '국제경제과'), with
    their offsets; punctuation around a word ('(대외경제국)') is not part of it."""
    words, start = [], None
    for i, ch in enumerate(text + " "):
        hangul = "\uac00" <= ch <= "\ud7a3"
        if hangul and start is None:
            start = i
        elif not hangul and start is not None:
            word = text[start:i]
            if len(word) >= 3 and word.endswith(suffixes):
                words.append((start, word))
            start = None
    return words


@dataclass(frozen=True)
class IssuerEvidence:
    """data/issuer_evidence.tsv (written by scripts/gen_issuer_evidence.py): phone prefixes
    ({'044-215-7': '기획재정부'}) and departments ({'대외경제국': '기획재정부'}) that name one
    issuer, and the endings (issuers.toml [evidence]) that make a word a department."""
    phone_prefix: dict[str, str]
    department: dict[str, str]
    department_suffixes: tuple[str, ...]


@functools.cache
def load_issuer_evidence() -> IssuerEvidence:
    table: dict[str, dict[str, str]] = {"phone_prefix": {}, "department": {}}
    for row in read_tsv("issuer_evidence.tsv"):
        if len(row) < 3 or row[0] not in table:
            raise ValueError(f"issuer_evidence.tsv: bad row {row!r}")
        table[row[0]][row[1]] = row[2]
    suffixes = tuple(read_toml("issuers.toml")["evidence"]["department_suffixes"])
    return IssuerEvidence(table["phone_prefix"], table["department"], suffixes)
