"""Typed values the semantic stages hand to each other (event → people → sessions → figures →
countries),
and the one reader two of them share: a line of a programme.

Stages store these dataclasses on the Document; `assemble` turns them into JSON with `to_json`.
Spans are (start, end) offsets into Document.text.

Example programme line: '발표 : 이준(산업연구원 선임연구위원) - 공급망' → ProgramEntry(role
'presenter', speaker '이준', title '선임연구위원', affiliation '산업연구원', topic '공급망').
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .lexicon import Lexicon
from .text import collapse


@dataclass
class Event:
    name: str | None
    start_date: str | None
    end_date: str | None
    venue: str | None
    hosts: list[str]
    span: tuple[int, int]

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "start_date": self.start_date, "end_date": self.end_date,
                "venue": self.venue, "hosts": self.hosts, "span": list(self.span)}


@dataclass
class Person:
    name: str
    name_hanja: str | None
    title: str | None
    affiliation: str | None
    country: str | None
    roles: list[str]
    span: tuple[int, int]
    mentions: list[tuple[int, int]] = field(default_factory=list)
    home: bool = False          # the country is the home default, not read from the text
    stated: bool = False        # the role is written before the name ('발표를 맡은 …'), not inferred
    former: bool = False        # the title is a former office ('전 회장'): a later present one replaces it

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "name_hanja": self.name_hanja, "title": self.title,
                "affiliation": self.affiliation, "country": self.country, "roles": self.roles,
                "span": list(self.span), "mentions": [list(m) for m in self.mentions]}


@dataclass
class Talk:
    speaker: str | None
    title: str | None
    affiliation: str | None
    country: str | None
    topic: str | None
    span: tuple[int, int]

    def to_json(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "title": self.title, "affiliation": self.affiliation,
                "country": self.country, "topic": self.topic, "span": list(self.span)}


@dataclass
class Session:
    label: str
    number: int | None
    title: str | None
    summary: str | None
    topics: list[str]
    talks: list[Talk]
    span: tuple[int, int]
    report: tuple[int, int] | None = None

    def to_json(self) -> dict[str, Any]:
        spans = {"report": list(self.report)} if self.report else {}
        return {"label": self.label, "number": self.number, "title": self.title, "summary": self.summary,
                "topics": self.topics, "talks": [t.to_json() for t in self.talks],
                "span": list(self.span), "spans": spans}


# --- programme lines --------------------------------------------------------------------------

@dataclass
class Figure:
    """A quantity: '42억6천만엔' → value 4,260,000,000, unit 'JPY', kind 'money'.
    `equivalent_of` indexes the figure of the same list this one restates ('(한화 700억원)')."""
    text: str
    value: int | float | None
    value_max: int | float | None
    unit: str | None
    kind: str
    approximate: bool
    equivalent_of: int | None
    span: tuple[int, int]

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Figure":
        return cls(d["text"], d["value"], d["value_max"], d["unit"], d["kind"], d["approximate"],
                   d["equivalent_of"], (d["span"][0], d["span"][1]))

    def renumbered(self, equivalent_of: int | None) -> "Figure":
        """A copy pointing at `equivalent_of` (dataclasses.replace, without its per-call field
        walk: countries copies every figure of every finding)."""
        return Figure(self.text, self.value, self.value_max, self.unit, self.kind, self.approximate,
                      equivalent_of, self.span)

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "value": self.value, "value_max": self.value_max, "unit": self.unit,
                "kind": self.kind, "approximate": self.approximate, "equivalent_of": self.equivalent_of,
                "span": list(self.span)}


@dataclass
class Finding:
    """A bullet that states something about a country, and the session it reports on."""
    text: str
    span: tuple[int, int]
    session: str | None

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "span": list(self.span), "session": self.session}

    def copy(self) -> "Finding":
        return Finding(self.text, self.span, self.session)


@dataclass
class Country:
    name: str
    iso_code: str
    name_en: str
    findings: list[Finding] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)     # `equivalent_of` indexes this list
    programs: list[str] = field(default_factory=list)
    implications: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "iso_code": self.iso_code, "name_en": self.name_en,
                "findings": [f.to_json() for f in self.findings], "figures": [f.to_json() for f in self.figures],
                "programs": self.programs, "implications": self.implications}


@dataclass(frozen=True)
class ProgramEntry:
    """One speaker (or one untitled slot) of a programme line."""
    role: str                   # presenter, moderator, panelist, keynote, greeting
    speaker: str | None
    speaker_span: tuple[int, int] | None
    title: str | None           # the person's title (직함)
    affiliation: str | None
    country: str | None
    topic: str | None           # what they present
    span: tuple[int, int]       # the entry within its line


def program_role(word: str, lex: Lexicon) -> str | None:
    """'발표' → 'presenter', '좌장' → 'moderator'."""
    return lex.semantic["program"]["role_of"].get(collapse(word).replace(" ", ""))


def split_person_words(words: list[str], lex: Lexicon) -> tuple[str | None, str | None]:
    """['산업연구원', '선임연구위원'] → ('산업연구원', '선임연구위원'): a title closes the words."""
    if words and lex.PERSON_TITLE_TAIL_RE.search(words[-1]):
        return collapse(" ".join(words[:-1])) or None, words[-1]
    return collapse(" ".join(words)) or None, None


def country_in(value: str | None, lex: Lexicon) -> str | None:
    """The first unambiguous country named in a description: '호주 교육부' → 'AU'."""
    if not value:
        return None
    names = lex.semantic["country_table"]["names"]
    ambiguous = lex.semantic["countries"]["ambiguous"]["names"]
    for m in lex.COUNTRY_RE.finditer(value):
        if m.group("country") and m.group("country") not in ambiguous:
            return names[m.group("country")]
    return None


def read_entry(text: str, start: int, end: int, role: str, lex: Lexicon) -> ProgramEntry | None:
    """'이준(산업연구원 선임연구위원) - 공급망', '김미영(금융감독원 부원장보)',
    '시니어 금융교육 현황과 과제' (a slot with a title only)."""
    piece = text[start:end]
    m = lex.PROGRAM_PERSON_RE.match(piece)
    if m is None:
        return read_plain_entry(text, start, end, role, lex)
    name = collapse(m.group("name"))
    if name in lex.semantic["people"]["never_names"]:
        return None
    inside = (m.group("inside") or "").replace(",", " ").split()
    affiliation, title = split_person_words(inside, lex)
    topic = collapse(m.group("topic") or "") or None
    return ProgramEntry(role, name, (start + m.start("name"), start + m.end("name")), title, affiliation,
                        country_in(affiliation, lex), topic, (start, end))


def is_korean_name(word: str, lex: Lexicon) -> bool:
    """'이승주', '남궁민수': a surname and a given name of one or two syllables."""
    surnames = lex.semantic["surname_set"]
    return (word not in lex.semantic["never_names"]
            and any(word[:k] in surnames and 1 <= len(word) - k <= 2 for k in (1, 2)))


def read_plain_entry(text: str, start: int, end: int, role: str, lex: Lexicon) -> ProgramEntry | None:
    """'홍길동 한국개발연구원 선임연구위원', '존 스미스 미국 하버드대 교수': a name, then (a country,)
    an organization and a title; anything else is the slot's title ('시니어 금융교육 현황과 과제')."""
    words = [(w.start(), w.end(), w.group()) for w in lex.WORD_RE.finditer(text, start, end)]
    if len(words) >= 2 and lex.PERSON_TITLE_TAIL_RE.search(words[-1][2]):
        at = next((i for i, (_, _, w) in enumerate(words) if lex.COUNTRY_RE.fullmatch(w)), None)
        cut = at if at and at <= 4 else (1 if is_korean_name(words[0][2], lex) else None)
        if cut:
            rest = [w for _, _, w in words[cut:]]
            affiliation, title = split_person_words(rest, lex)
            name = " ".join(w for _, _, w in words[:cut])
            return ProgramEntry(role, name, (words[0][0], words[cut - 1][1]), title, affiliation,
                                country_in(affiliation, lex), None, (start, end))
    topic = collapse(lex.PROGRAM_TRIM_RE.sub("", text[start:end]))
    return ProgramEntry(role, None, None, None, None, None, topic, (start, end)) if topic else None


def list_entries(text: str, start: int, end: int, lex: Lexicon) -> list[ProgramEntry]:
    """'▲ 제목(성명, 소속) ▲ 제목(성명, 소속)': talks listed as topic and (speaker, affiliation)."""
    entries = []
    for m in lex.PROGRAM_LISTED_RE.finditer(text, start, end):
        group = "name" if m.group("name") else "kname"
        name = collapse(m.group(group))
        if name in lex.semantic["never_names"] or not (is_korean_name(name, lex) or m.group("latin")
                                                        or (group == "name" and " " in name)):
            continue
        affiliation, title = split_person_words(m.group("inside").split(), lex)
        entries.append(ProgramEntry("presenter", name, (m.start(group), m.end(group)), title, affiliation,
                                    country_in(affiliation, lex), collapse(m.group("topic")),
                                    (m.start(), m.end())))
    return entries


def read_program_line(text: str, start: int, end: int, lex: Lexicon,
                      role: str | None = None) -> tuple[str | None, list[ProgramEntry]]:
    """A programme line: '좌장 : 이승주(중앙대 교수)', '(발표1) OECD …의 의미와 과제',
    '발표 : A(…), B(…)'; a line that continues the previous role ('백서인(…) - 첨단기술') when
    `role` is given. Returns the role the line stands under and its entries."""
    listed = list_entries(text, start, end, lex)
    if listed:
        return role, listed
    m = lex.PROGRAM_ROLE_RE.match(text, start, end)
    if m is not None:
        role = program_role(m.group("role"), lex)
        start = m.end()
    elif role is None or not lex.PROGRAM_PERSON_RE.match(text[start:end]):
        return None, []
    if role is None:
        return None, []
    entries = []
    for piece in lex.PROGRAM_SPLIT_RE.finditer(text, start, end):
        entry = read_entry(text, piece.start(), piece.end(), role, lex)
        if entry is not None:
            entries.append(entry)
    return role, entries
