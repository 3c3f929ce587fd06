"""Loads the vocabulary in data/ once, checks its shape, and compiles the named patterns.

Every pattern is named `..._RE`, uses named groups only, and is built from data lists
(escaped, longest first). Stages receive the Lexicon as `lex` and never compile patterns.
"""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

DATA = resources.files("pipeline") / "data"


def read_toml(name: str) -> dict[str, Any]:
    with (DATA / name).open("rb") as fh:
        return tomllib.load(fh)


def read_tsv(name: str) -> list[list[str]]:
    """Rows of a TSV data file, comments (#) and blank lines skipped."""
    rows = []
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rows.append(line.split("\t"))
    return rows


def alternation(words: list[str] | tuple[str, ...], spaced: bool = False) -> str:
    """A regex alternation of `words`, escaped and longest first.

    With `spaced`, white space may stand between any two characters ("보 도 자 료").
    """
    ordered = sorted(set(words), key=len, reverse=True)
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


@dataclass
class Lexicon:
    """Vocabulary and compiled patterns, built once per process."""
    fold: dict[int, str]
    kinds: dict[str, str]
    labels: dict[str, Any]
    boilerplate: dict[str, Any]
    titles: dict[str, Any]
    surnames: dict[str, str]
    families: tuple[MarkerFamily, ...]
    issuers: dict[str, str]          # every known name, short form or former name → 2026 name
    patterns: dict[str, re.Pattern[str]] = field(default_factory=dict)
    html: dict[str, Any] = field(default_factory=dict)      # data/html.toml, for decode and render

    def add_patterns(self, patterns: dict[str, re.Pattern[str]]) -> None:
        """Register patterns; each is also an attribute (lex.PHONE_RE) for fast access."""
        self.patterns.update(patterns)
        self.__dict__.update(patterns)

    def __getattr__(self, name: str) -> re.Pattern[str]:
        raise AttributeError(f"the lexicon has no pattern {name}")


def _load_families() -> tuple[MarkerFamily, ...]:
    families = []
    for entry in read_toml("markers.toml")["family"]:
        families.append(MarkerFamily(
            name=entry["name"],
            symbols=tuple(entry.get("symbols", ())),
            pattern=entry.get("pattern"),
            needs_space=entry.get("needs_space", False),
            no_digit_after=entry.get("no_digit_after", False),
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


def _contact_label_re(words: list[str], spaced: bool = True) -> re.Pattern[str]:
    """A contact label at the start of a cell; it must not run into a word ('담당자김' is not
    split here, '☎044-…' is)."""
    return re.compile(rf"^(?P<label>{alternation(words, spaced=spaced)})(?![A-Za-z\uac00-\ud7a3])\s*[:：.]?\s*")


def _marker_re(families: tuple[MarkerFamily, ...]) -> re.Pattern[str]:
    """One pattern for a line-opening marker; the group name says the family."""
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
    return re.compile(r"^(?:" + "|".join(parts) + r")")


# Patterns run on every line of inputs up to 20 MB, so none may backtrack more than linearly:
# a run that starts inside another run of its own class begins at the run's start
# (`(?<![\w.+-])` on EMAIL_RE), and white space around an optional colon is possessive
# (`\s*+:?\s*+`) — `\s*:?\s*` splits k spaces k ways and went quadratic on long blank runs.
def _core_patterns(lex: Lexicon) -> dict[str, re.Pattern[str]]:
    L = lex.labels
    kinds = alternation(list(lex.kinds), spaced=True)
    page = L["page"]
    chrome = lex.boilerplate
    titles = alternation(lex.titles["person"], spaced=True)
    weekday = r"\(\s*(?P<weekday>[월화수목금토일])\s*\)"
    return {
        # Characters the fold table replaces: normalize substitutes only where they occur.
        "FOLD_RE": re.compile("[" + "".join(re.escape(chr(c)) for c in lex.fold) + "]"),
        "KIND_LINE_RE": re.compile(rf"^\[?\s*(?P<kind>{kinds})\s*\]?$"),
        "HEADLINE_TAG_RE": re.compile(rf"^\[\s*(?P<kind>{kinds})\s*\]\s*(?P<title>.+)$"),
        "CHROME_RE": re.compile(alternation(chrome["phrases"])),
        "BREADCRUMB_RE": re.compile(
            r"^(?P<trail>[^\s>]+(?:\s*>\s*[^\s>]+)+)"
            rf"(?:\s+(?P<suffix>{alternation(chrome['breadcrumb_suffixes'])}))?$"),
        # "작성자 혁**** 작성일 04/07/23 (12:07) 조회수 6331" — also one label per line.
        "PAGE_AUTHOR_RE": re.compile(rf"(?:{alternation(page['author'])})\s*+:?\s*+(?P<author>[^\s:]+)"),
        "PAGE_POSTED_RE": re.compile(
            rf"(?:{alternation(page['posted'])})\s*+:?\s*+"
            r"(?P<date>\d{2,4}[./-]\s?\d{1,2}[./-]\s?\d{1,2})\.?"
            r"(?:\s*\(?\s*(?P<time>\d{1,2}:\d{2}(?::\d{2})?)\s*\)?)?"),
        "PAGE_VIEWS_RE": re.compile(rf"(?:{alternation(page['views'])})\s*+:?\s*+(?P<views>\d[\d,]*)"),
        "PAGE_BARE_DATE_RE": re.compile(
            r"^(?P<date>\d{4}[./-]\s?\d{1,2}[./-]\s?\d{1,2})\.?(?:\s+\(?(?P<time>\d{1,2}:\d{2}(?::\d{2})?)\)?)?$"),
        "PAGE_LABEL_RE": re.compile(
            rf"^(?P<label>{alternation(page['author'] + page['posted'] + page['views'])})\s*:?$"),
        # "담당부서소통홍보팀 담당자김민철 팀장 전화번호 044-300-0720" — labels glued to values.
        "PAGE_CONTACT_RE": re.compile(
            rf"^(?:{alternation(page['department'])})\s*+:?\s*+(?P<department>\S+)\s+"
            rf"(?:{alternation(page['person'])})\s*+:?\s*+(?P<person>.*?\S)\s+"
            rf"(?:{alternation(page['phone'])})\s*+:?\s*+(?P<phone>[\d()\-\s]{{7,}})$"),
        # Any label of the page's contact box, glued to its value or not.
        "PAGE_CONTACT_LABEL_RE": re.compile(
            rf"(?:(?P<department>{alternation(page['department'])})|(?P<person>{alternation(page['person'])})"
            rf"|(?P<phone>{alternation(page['phone'])})|(?P<stop>{alternation(page['stop'])}))\s*:?"),
        "TITLE_LABEL_RE": re.compile(rf"^(?:{alternation(L['title']['label'], spaced=True)})\s*:?\s*(?P<rest>.*)$"),
        "SUBTITLE_RE": re.compile(r"^[-―]\s*+(?P<text>.*?[^\s\-])\s*+[-―]?$"),
        "PAGE_NUMBER_RE": re.compile(r"^-\s*\d{1,3}\s*-$"),
        "WEBSITE_RE": re.compile(r"^\(?\s*(?P<url>(?:https?://)?www\.[\w.-]+\.[a-z]{2,}(?:/\S*?)?)\s*\)?$"),
        "URL_RE": re.compile(r"(?P<url>(?:https?://|www\.)[\w.-]+\.[a-z]{2,}(?:/[\w./?=&%#-]*)?)"),
        "EMAIL_RE": re.compile(r"(?<![\w.+-])(?P<email>[\w.+-]+@[\w-]+(?:\.[\w-]+)+)"),
        # 02-3787-0433, 02)3787-0433, (044)201-3333, 044.201.3333, 3771-5035
        "PHONE_RE": re.compile(
            r"(?<![\d\w])(?P<phone>(?:\(?0\d{1,2}\)?\s*[-).]?\s*)?\d{3,4}\s*[-.]\s*\d{4})(?![\d])"
            r"(?:\s*\(?\s*(?:내선|Ext\.?)\s*(?P<extension>\d{1,5})\s*\)?)?"),
        "PERSON_TITLE_RE": re.compile(rf"(?P<title>{titles})"),
        "KOREAN_DATE_RE": re.compile(
            r"(?:(?P<year>\d{4})\s*년\s*)?(?P<month>\d{1,2})\s*월\s*(?P<day>\d{1,2})\s*일"
            rf"(?:\s*{weekday})?"),
        "DOTTED_DATE_RE": re.compile(
            r"(?<!\d)(?:(?P<year>\d{4}|['‘’´]\d{2})\s*\.\s*)?(?P<month>\d{1,2})\s*\.\s*(?P<day>\d{1,2})"
            rf"(?:\s*\.)?(?:\s*{weekday})?"),
        "TIME_RE": re.compile(r"(?<!\d)(?P<hour>[0-2]?\d)\s*(?::|시)\s*(?P<minute>[0-5]\d)?(?!\d)"),
        "EMBARGO_SENTENCE_RE": re.compile(alternation(L["embargo"]["sentence_markers"])),
        "EMBARGO_LABEL_RE": re.compile(
            rf"^(?P<label>{alternation(L['embargo']['labels'], spaced=True)})(?=[\s:]|$)\s*:?\s*(?P<value>.*)$"),
        "DISTRIBUTION_LABEL_RE": re.compile(
            rf"^(?P<label>{alternation(L['embargo']['distribution'], spaced=True)})(?=[\s:]|$)\s*:?\s*(?P<value>.*)$"),
        "EDITION_MORNING_RE": re.compile(alternation(L["embargo"]["morning"])),
        "EDITION_EVENING_RE": re.compile(alternation(L["embargo"]["evening"])),
        "EDITION_IMMEDIATE_RE": re.compile(alternation(L["embargo"]["immediate"])),
        # "붙임 1. 세부 추진계획 1부." — a following "2. …" line continues the listing.
        "ATTACHMENT_LINE_RE": re.compile(
            rf"^(?P<label>{alternation(L['attachment']['listing'], spaced=True)})(?:\s*+(?P<number>\d{{1,2}}))?"
            r"(?:\s*+[.:：])?\s++(?P<text>.*?\S)"
            rf"(?:\s*+(?<!\d)\d++\s*+(?:{alternation(L['attachment']['counters'])}))?\s*+\.?\s*+(?:끝\s*+\.?)?$"),
        "ATTACHMENT_MORE_RE": re.compile(
            r"^(?P<number>\d{1,2})\s*+\.\s++(?P<text>.*?\S)"
            rf"(?:\s*+(?<!\d)\d++\s*+(?:{alternation(L['attachment']['counters'])}))?\s*+\.?\s*+(?:끝\s*+\.?)?$"),
        "INLINE_ATTACHMENT_RE": re.compile(
            rf"\((?=[^()\n]*\))(?P<text>[^()\n]*?(?P<label>{alternation(L['attachment']['inline'])})[^()\n]*)\)"),
        # 중소기업청(廳長: 柳昌茂), 산림청(청장 홍길동)
        "ORG_HEAD_RE": re.compile(
            r"(?<![\w·])(?P<org>[\w·]{2,40})\(\s*(?P<title>[^\s:()]{1,8})\s*[:：]?\s*"
            r"(?P<name>[^\s:(),]{2,5})\s*\)"),
        "CONTACT_DEPARTMENT_LABEL_RE": _contact_label_re(L["contact"]["department"]),
        "CONTACT_MANAGER_LABEL_RE": _contact_label_re(L["contact"]["manager"]),
        "CONTACT_STAFF_LABEL_RE": _contact_label_re(L["contact"]["staff"]),
        "CONTACT_PHONE_LABEL_RE": _contact_label_re(L["contact"]["phone"]),
        "CONTACT_EMAIL_LABEL_RE": _contact_label_re(L["contact"]["email"], spaced=False),
        "CONTACT_FAX_LABEL_RE": _contact_label_re(L["contact"]["fax"]),
        "CONTACT_INQUIRY_LABEL_RE": _contact_label_re(L["contact"]["inquiry"]),
        "CONTACT_BLOCK_LABEL_RE": re.compile(
            rf"^[<〈\[(]\s*(?P<label>{alternation(L['contact']['block'])})\s*[>〉\])]\s*"),
        "CONTACT_SENTENCE_RE": re.compile(alternation(L["contact"]["sentence"])),
        "ISSUER_RE": re.compile(rf"(?P<issuer>{alternation(list(lex.issuers))})"),
        "MARKER_RE": _marker_re(lex.families),
        "WORD_RE": re.compile(r"(?P<word>\S+)"),
    }


def _input_patterns(lex: Lexicon) -> dict[str, re.Pattern[str]]:
    """Patterns of decode and render: declared charsets, markup sniffing, records, mojibake."""
    markdown = lex.html["markdown"]
    return {
        # <meta charset="euc-kr">, <meta http-equiv="Content-Type" content="text/html; charset=…">,
        # <?xml version="1.0" encoding="…"?>; matched on the first bytes read as Latin-1.
        "HTML_DOCUMENT_RE": re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|\?xml)\b",
                                       re.IGNORECASE | re.DOTALL),
        "HTML_TAG_RE": re.compile(
            r"<(?P<tag>p|div|table|br|span|body|head|h[1-6]|ul|ol|li|td|tr|meta|font|b|a)\b[^<>]*>",
            re.IGNORECASE),
        "FRONT_MATTER_RE": re.compile(r"\A---[ \t]*\n(?P<yaml>.*?\n)---[ \t]*(?:\n|\Z)", re.DOTALL),
        # title: "[보도참고] …"   attachment_count: 0   (one key per line, simple scalars)
        "YAML_FIELD_RE": re.compile(r"^(?P<key>[A-Za-z_][\w-]*)[ \t]*:[ \t]*(?P<value>(?:.*[^ \t])?)[ \t]*$"),
        "MD_HEADING_RE": re.compile(r"^(?P<hashes>#{1,6})[ \t]+(?P<text>(?:.*[^ \t#])?)[ \t#]*$"),
        "MD_ITEM_RE": re.compile(r"^[-*+][ \t]+(?P<text>.*)$"),
        "MD_QUOTE_RE": re.compile(r"^>[ \t]?(?P<text>.*)$"),
        "MD_LINK_RE": re.compile(r"\[(?P<text>[^\]]*)\]\((?P<url>[^)\s]*)\)"),
        "MD_BODY_HEADING_RE": re.compile(rf"^##[ \t]+(?:{alternation([markdown['body_heading']])})[ \t]*$"),
        "MD_TRAILER_HEADING_RE": re.compile(rf"^##[ \t]+(?:{alternation(markdown['trailer_headings'])})[ \t]*$"),
        # Runs that may be Korean bytes shown one byte per character (Latin-1 / cp1252 view):
        # at least two such characters, ASCII allowed between them.
        "LATIN_RUN_RE": re.compile(
            r"[\u0080-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
            r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
            r"(?:[\u0020-\u00ff\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
            r"\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122])*"),
        "MARKUP_WORD_RE": re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])|[0-9]+"),
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
    return lex
