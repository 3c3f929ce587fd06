"""The shared Document that flows through every stage, and its small frozen values.

After `normalize`, `Document.text` is the only coordinate system: every Line, Block and
extracted value carries a Span into it, and nobody rewrites it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open [start, end) character offsets into Document.text."""
    start: int
    end: int

    def to_json(self) -> list[int]:
        return [self.start, self.end]

    def slice(self, text: str) -> str:
        return text[self.start:self.end]


@dataclass(frozen=True, slots=True)
class Line:
    """One line of the normalized text; `text` is the content without surrounding blanks."""
    index: int
    start: int          # offset of the line's first character
    end: int            # offset just past its last character (the newline excluded)
    content: Span       # the stripped content
    indent: int         # leading white space, in characters
    text: str

    @property
    def blank(self) -> bool:
        return not self.text


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


@dataclass(frozen=True, slots=True)
class Block:
    """A run of lines [first, last) of one kind."""
    kind: BlockKind
    first: int
    last: int
    span: Span


@dataclass(frozen=True, slots=True)
class Cell:
    """One table cell rendered from markup: lines [first, last) of the text, at (row, col)."""
    table: int
    row: int
    col: int
    first: int
    last: int
    header: bool = False


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


@dataclass(frozen=True, slots=True)
class Node:
    """One item of the bullet tree."""
    marker: str | None
    level: int
    text: str
    span: Span
    children: tuple["Node", ...] = ()
    kind: str = "item"          # item | paragraph | note | table


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
    line_repairs: list[LineRepair] = field(default_factory=list)
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
    # semantic layer: typed values of pipeline/semantic.py (Event, Session, Person)
    event: Any = None
    sessions: list[Any] = field(default_factory=list)
    people: list[Any] = field(default_factory=list)
    countries: list[dict[str, Any]] = field(default_factory=list)
    figures: list[dict[str, Any]] = field(default_factory=list)
    # assemble
    record: dict[str, Any] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)

    def warn(self, stage: str, code: str, message: str, span: Span | None = None) -> None:
        self.issues.append(Issue(stage, code, message, span))

    def blocks_of(self, kind: BlockKind) -> list[Block]:
        return [b for b in self.blocks if b.kind == kind]

    def lines_of(self, kind: BlockKind) -> list[Line]:
        return [self.lines[i] for b in self.blocks_of(kind) for i in range(b.first, b.last)]
