"""The shared Document that flows through every stage, and its small values.

After `normalize`, `Document.text` is the only coordinate system: every Line, Block and
extracted value carries a Span into it, and nobody rewrites it.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, TypeVar

T = TypeVar("T")


# Span, Line, Block, Node and Cell are made by the thousand per document and read far more often still,
# so they are plain slotted classes: a frozen dataclass's __init__ costs ~2.5× as much (it
# sets each field through object.__setattr__) and a NamedTuple's attribute reads ~2×. They are
# values all the same: compared and hashed by their fields, and never changed after creation.

class Span:
    """Half-open [start, end) character offsets into Document.text."""
    __slots__ = ("start", "end")

    def __init__(self, start: int, end: int) -> None:
        self.start = start
        self.end = end

    def to_json(self) -> list[int]:
        return [self.start, self.end]

    def slice(self, text: str) -> str:
        return text[self.start:self.end]

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Span:
            return NotImplemented
        return self.start == other.start and self.end == other.end  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash((self.start, self.end))

    def __repr__(self) -> str:
        return f"Span(start={self.start!r}, end={self.end!r})"


class Line:
    """One line of the normalized text; `text` is the content without surrounding blanks."""
    __slots__ = ("index", "start", "end", "content", "indent", "text", "blank")

    def __init__(self, index: int, start: int, end: int, content: Span, indent: int, text: str) -> None:
        self.index = index
        self.start = start      # offset of the line's first character
        self.end = end          # offset just past its last character (the newline excluded)
        self.content = content  # the stripped content
        self.indent = indent    # leading white space, in characters
        self.text = text
        # Stages ask this of every line, ~190 times a document: a slot, not a property.
        self.blank = not text

    def _key(self) -> tuple[int, int, int, Span, int, str]:
        return (self.index, self.start, self.end, self.content, self.indent, self.text)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Line:
            return NotImplemented
        return self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Line(index={self.index!r}, start={self.start!r}, end={self.end!r}, "
                f"content={self.content!r}, indent={self.indent!r}, text={self.text!r})")


class BlockKind(StrEnum):
    CHROME = "chrome"
    BREADCRUMB = "breadcrumb"
    PAGE_HEADER = "page_header"
    RELEASE_HEADER = "release_header"
    CONTACT = "contact"
    EMBARGO = "embargo"
    TITLE = "title"
    BODY = "body"
    APPENDIX = "appendix"
    PAGE_FOOTER = "page_footer"


class Block:
    """A run of lines [first, last) of one kind."""
    __slots__ = ("kind", "first", "last", "span")

    def __init__(self, kind: BlockKind, first: int, last: int, span: Span) -> None:
        self.kind = kind
        self.first = first
        self.last = last
        self.span = span

    def _key(self) -> tuple[BlockKind, int, int, Span]:
        return (self.kind, self.first, self.last, self.span)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Block:
            return NotImplemented
        return self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return f"Block(kind={self.kind!r}, first={self.first!r}, last={self.last!r}, span={self.span!r})"


class Cell:
    """One table cell rendered from markup: lines [first, last) of the text, at (row, col).

    HTML counts `col` by cells in the row; HWP/HWPX give the true grid column and row, the
    spans, the nesting depth (0 = a table in the body), the template's field `name` (기관명,
    보도일시, 책임자명 …) and whether every line of the cell is `invisible` (white on white).
    A plain slotted value class like Span: a table of numbers has thousands of cells (a frozen
    dataclass cost 2.9 µs to make, this 0.9 µs)."""
    __slots__ = ("table", "row", "col", "first", "last", "header", "rowspan", "colspan", "name", "depth",
                 "invisible")

    def __init__(self, table: int, row: int, col: int, first: int, last: int, header: bool = False,
                 rowspan: int = 1, colspan: int = 1, name: str | None = None, depth: int = 0,
                 invisible: bool = False) -> None:
        self.table = table
        self.row = row
        self.col = col
        self.first = first
        self.last = last
        self.header = header
        self.rowspan = rowspan
        self.colspan = colspan
        self.name = name
        self.depth = depth
        self.invisible = invisible

    def _key(self) -> tuple[Any, ...]:
        return (self.table, self.row, self.col, self.first, self.last, self.header, self.rowspan, self.colspan,
                self.name, self.depth, self.invisible)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Cell:
            return NotImplemented
        return self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        fields = ", ".join(f"{name}={value!r}" for name, value in zip(self.__slots__, self._key()))
        return f"Cell({fields})"


@dataclass(frozen=True, slots=True)
class Issue:
    """A content problem worth telling the user about; never an exception."""
    stage: str
    code: str
    message: str
    span: Span | None = None


@dataclass(frozen=True, slots=True)
class Repair:
    """One change normalize made to the characters of the text."""
    kind: str
    before: str
    after: str
    span: Span


@dataclass(frozen=True, slots=True)
class LineRepair:
    """A repair render made to one line before `text` existed; normalize gives it a span."""
    kind: str
    line: int           # index of the line in plain (and so in lines)
    before: str
    after: str


class Node:
    """One item of the bullet tree. A plain slotted value class like Span: bullets makes one
    per item (a frozen dataclass cost 1.4 µs to make, this 0.35 µs)."""
    __slots__ = ("marker", "level", "text", "span", "children", "kind")

    def __init__(self, marker: str | None, level: int, text: str, span: Span,
                 children: tuple["Node", ...] = (), kind: str = "item") -> None:
        self.marker = marker
        self.level = level
        self.text = text
        self.span = span
        self.children = children
        self.kind = kind            # item | paragraph | note | table

    def _key(self) -> tuple[str | None, int, str, Span, tuple["Node", ...], str]:
        return (self.marker, self.level, self.text, self.span, self.children, self.kind)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not Node:
            return NotImplemented
        return self._key() == other._key()  # type: ignore[attr-defined]

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (f"Node(marker={self.marker!r}, level={self.level!r}, text={self.text!r}, span={self.span!r}, "
                f"children={self.children!r}, kind={self.kind!r})")


@dataclass
class Source:
    path: str
    sha256: str
    bytes: int
    format: str = "text"
    encoding: str | None = None


@dataclass
class Document:
    """Everything known about one release; each stage owns the fields it writes."""
    source: Source
    raw: bytes
    # decode
    decoded: str = ""
    # render
    plain: str = ""
    cells: list[Cell] = field(default_factory=list)
    # What markup told render about a line, by line index: a BlockKind such as CHROME.
    # Line indices survive normalize, which never adds or removes a line end.
    line_hints: dict[int, "BlockKind"] = field(default_factory=dict)
    front_matter: dict[str, Any] = field(default_factory=dict)
    # Pictures (HWPX/HWP): (the index of the line each is anchored before, its description or
    # alt text, which holds the original file name, e.g. a ministry's logo '…행안부_로고.jpg').
    pictures: list[tuple[int, str]] = field(default_factory=list)
    line_repairs: list[LineRepair] = field(default_factory=list)
    # The parsed HTML page (an lxml element; None for other formats): page reads its <title>
    # and logos from it instead of parsing the markup a second time.
    markup: Any = None
    # normalize
    text: str = ""
    lines: list[Line] = field(default_factory=list)
    repairs: list[Repair] = field(default_factory=list)
    # segment
    blocks: list[Block] = field(default_factory=list)
    # extractors
    page: dict[str, Any] | None = None
    release: dict[str, Any] = field(default_factory=dict)
    contacts: list[dict[str, Any]] = field(default_factory=list)
    organizations: list[dict[str, Any]] = field(default_factory=list)
    sections: list[Node] = field(default_factory=list)
    appendices: list[dict[str, Any]] = field(default_factory=list)
    # semantic layer: typed values of pipeline/semantic.py (Event, Session, Talk, Person, Figure,
    # Country)
    event: Any = None
    sessions: list[Any] = field(default_factory=list)
    talks: list[Any] = field(default_factory=list)      # talks outside any session (keynotes)
    people: list[Any] = field(default_factory=list)
    countries: list[Any] = field(default_factory=list)     # Country
    figures: list[Any] = field(default_factory=list)       # Figure
    # assemble
    record: dict[str, Any] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    # Facts derived from `text` that more than one stage reads, kept by once_per_document.
    derived: dict[Any, Any] = field(default_factory=dict, repr=False, compare=False)

    def warn(self, stage: str, code: str, message: str, span: Span | None = None) -> None:
        self.issues.append(Issue(stage, code, message, span))

    def blocks_of(self, kind: BlockKind) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]

    def lines_of(self, kind: BlockKind) -> list[Line]:
        return [self.lines[i] for b in self.blocks_of(kind) for i in range(b.first, b.last)]


def once_per_document(derive: Callable[[Document, Any], T]) -> Callable[[Document, Any], T]:
    """`derive(doc, lex)` worked out once per document and kept in `doc.derived`: a fact of the
    text that several stages read (which lines hold a phone: release's issuer and contacts).
    `text` never changes after normalize, but the memo is checked against the very text and
    the lexicon (by id: a document is copied with its memo, and a lexicon is too large to copy
    with it) it was made from, so a document changed by hand in a test, or read with another
    lexicon, is worked out anew."""
    key = f"{derive.__module__}.{derive.__qualname__}"     # a name: a document pickles with its memo

    @functools.wraps(derive)
    def derived(doc: Document, lex: Any) -> T:
        known = doc.derived.get(key)
        if known is None or known[0] is not doc.text or known[1] != id(lex):
            known = doc.derived[key] = (doc.text, id(lex), derive(doc, lex))
        return known[2]
    return derived
