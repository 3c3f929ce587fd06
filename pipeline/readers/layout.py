"""What both readers write to: lines, table cells and hints, as `render` makes them from HTML.

Each reader walks its own container (XML parts, record streams) and calls the same Writer, so
an HWP file and its HWPX conversion give the same lines by construction.

Layout rules (docs/hwpx-hwp.md §7):
- a paragraph is a line; a line break inside it starts another; leading spaces stay;
- a run of empty top-level paragraphs is one blank line; empty lines in cells and boxes vanish;
- a table flushes the paragraph's text, then writes its cells row by row, each cell paragraph
  its own line, and records a Cell (table, grid row and column, spans, field name);
- text boxes, captions and notes are lines at their anchor; running heads are lines hinted CHROME;
- a style-drawn bullet or number is written before the paragraph's first text;
- a line whose every character is invisible (white on an unfilled cell) is kept and hinted
  CHROME, and a cell holding only such lines is marked `invisible`, so no extractor reads a
  template leftover such as '광부' in the 기관명 cell as the issuer;
- Hancom's private-use glyphs are replaced by what Hancom draws (data/pua.tsv), each change a
  LineRepair; unknown ones are kept and reported.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from ..document import BlockKind, Cell, LineRepair
from ..errors import TooLarge

MAX_LINES = 400_000          # the largest real document writes 19,635
MAX_CELLS = 200_000          # the largest real document has 27,022 cells in all its files together
PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U0010fffd]")
CODE_POINT_RE = re.compile(r"U\+(?P<hex>[0-9A-Fa-f]{4,6})")


@lru_cache(maxsize=1)
def private_use_table() -> tuple[dict[str, str], re.Pattern[str]]:
    """data/pua.tsv → ({glyphs: replacement}, a pattern matching a listed sequence, longest
    first, or any other private-use character)."""
    table: dict[str, str] = {}
    text = resources.files("pipeline").joinpath("data/pua.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        codes, replacement, _what = line.split("\t")
        glyphs = "".join(chr(int(m.group("hex"), 16)) for m in CODE_POINT_RE.finditer(codes))
        table[glyphs] = replacement
    keys = sorted(table, key=len, reverse=True)
    pattern = re.compile("|".join([re.escape(k) for k in keys] + [PRIVATE_USE_RE.pattern]))
    return table, pattern


@dataclass
class Rendering:
    """What a reader hands to render: the same fields render fills for HTML."""
    lines: list[str] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    hints: dict[int, BlockKind] = field(default_factory=dict)
    repairs: list[LineRepair] = field(default_factory=list)
    warnings: dict[str, tuple[str, str]] = field(default_factory=dict)   # key → (code, message), first kept
    # A picture writes no line, but its description names it ('… 원본 그림의 이름: 행안부_로고.jpg …'):
    # (the index of the line it is anchored before, its description), in order.
    pictures: list[tuple[int, str]] = field(default_factory=list)


@dataclass(slots=True)
class Writer:
    """The line being written and everything written so far. Slotted: the readers touch its
    fields several times per paragraph and cell."""
    path: str
    out: Rendering = field(default_factory=Rendering)
    parts: list[str] = field(default_factory=list)
    visible: int = 0             # non-space characters of the current line, by visibility
    hidden: int = 0
    depth: int = 0               # > 0 inside a cell, box or note: blank lines vanish
    chrome: int = 0              # > 0 inside a running head or foot
    tables: int = 0
    table_depth: int = 0         # tables open around the current point
    marker: str | None = None    # a style-drawn marker waiting for the paragraph's first text
    wrote: bool = False          # the current paragraph has written something
    invisible_lines: set[int] = field(default_factory=set)

    # --- inline text -------------------------------------------------------------------

    def text(self, value: str, invisible: bool = False) -> None:
        """Add text to the current line; a pending style marker goes first."""
        if not value:
            return
        if self.marker is not None and value.strip():
            value = f"{self.marker} {value.lstrip()}"
            self.marker = None
        self.parts.append(value)
        weight = len(value) - value.count(" ") - value.count("\t")
        if invisible:
            self.hidden += weight
        else:
            self.visible += weight

    def end_line(self) -> None:
        """Close the current line; only a line with something on it is written."""
        if not self.parts:
            return          # most calls (a block or paragraph edge right after another); nothing counted
        line = "".join(self.parts).replace("\r", " ").replace("\n", " ").rstrip()
        hidden = self.hidden > 0 and self.visible == 0
        self.parts, self.visible, self.hidden = [], 0, 0
        if not line.strip():
            return
        index = len(self.out.lines)
        if index >= MAX_LINES:
            raise TooLarge(self.path, f"the document writes more than {MAX_LINES} lines")
        line = self.map_private_use(line, index)
        if hidden:
            self.invisible_lines.add(index)
        if hidden or self.chrome:
            self.out.hints[index] = BlockKind.CHROME
        self.out.lines.append(line)
        self.wrote = True

    def map_private_use(self, line: str, index: int) -> str:
        """'\\U000f02b1 고용안정' → '1 고용안정', with a LineRepair; unknown glyphs are kept."""
        if not PRIVATE_USE_RE.search(line):
            return line
        table, pattern = private_use_table()

        def swap(m: re.Match[str]) -> str:
            glyphs = m.group()
            if glyphs in table:
                self.out.repairs.append(LineRepair("private_use", index, glyphs, table[glyphs]))
                return table[glyphs]
            self.out.warnings.setdefault(f"private_use_glyph {glyphs}", (
                "private_use_glyph",
                f"line {index + 1}: private-use glyph U+{ord(glyphs):04X} has no known drawing; kept as written"))
            return glyphs

        return pattern.sub(swap, line)

    # --- paragraphs --------------------------------------------------------------------

    def begin_paragraph(self, marker: str | None) -> None:
        self.end_line()
        self.marker, self.wrote = marker, False

    def end_paragraph(self) -> None:
        """Close the paragraph; an empty top-level one leaves one blank line (never two)."""
        self.end_line()
        lines = self.out.lines
        if not self.wrote and self.depth == 0 and not self.chrome and lines and lines[-1]:
            lines.append("")
        self.marker, self.wrote = None, True

    # --- objects anchored in a paragraph ------------------------------------------------

    def begin_block(self) -> None:
        """A cell, text box, caption or note: its own lines, blank ones dropped."""
        self.end_line()
        self.depth += 1

    def end_block(self) -> None:
        self.end_line()
        self.depth -= 1
        self.wrote = True

    def begin_table(self) -> int:
        self.end_line()
        self.tables += 1
        self.table_depth += 1
        return self.tables - 1

    def end_table(self) -> None:
        self.end_line()
        self.table_depth -= 1
        self.wrote = True

    def cell(self, table: int, row: int, col: int, first: int, rowspan: int = 1, colspan: int = 1,
             name: str | None = None, header: bool = False) -> None:
        """Record the cell whose lines are [first, now)."""
        if len(self.out.cells) >= MAX_CELLS:
            raise TooLarge(self.path, f"the document has more than {MAX_CELLS} table cells")
        last = len(self.out.lines)
        # The first line decides most cells (one test, where all() costs a generator per cell
        # in a document that has any white text: 18,000 cells in the largest real one).
        invisible = (first < last and first in self.invisible_lines
                     and all(i in self.invisible_lines for i in range(first + 1, last)))
        self.out.cells.append(Cell(table, row, col, first, last, header=header, rowspan=max(rowspan, 1),
                                   colspan=max(colspan, 1), name=name or None, depth=self.table_depth - 1,
                                   invisible=invisible))

    def picture(self, description: str | None) -> None:
        """A picture's description (its alt text, with the original file name), anchored before
        the next line written."""
        description = " ".join((description or "").split())
        if description:
            self.out.pictures.append((len(self.out.lines), description))

    def warn(self, code: str, message: str) -> None:
        self.out.warnings.setdefault(code, (code, message))

    def finish(self, outline_not_drawn: bool = False) -> Rendering:
        """The rendering; `outline_not_drawn` when paragraphs numbered by the outline style were
        met, whose numbers the readers do not draw."""
        if outline_not_drawn:
            self.warn("style_marker_not_drawn", "paragraphs numbered by the outline style were read without "
                      "their outline numbers")
        self.end_line()
        while self.out.lines and not self.out.lines[-1]:
            self.out.lines.pop()
        return self.out
