"""The body and each appendix page as a bullet tree: □ ○ - * and numbered outlines, prose
paragraphs, notes and tables rendered as text, each node with its span.

Reads: lines, blocks. Writes: sections, appendices.
Example: '  ○또한 2004년 포럼과 …' → Node(marker='○', text='또한 2004년 포럼과 …').

Levels come from marker families in the order they first appear (a stack: a family seen
before closes everything opened after it; a new family opens a level below the current
one). Indentation only breaks ties between the same family at different depths. Families
with a conventional rank (□ 1, ○ 2, - 3, · 4; ◇ ▶ 1) never open below their own rank or
deeper, so '- 부제' lines left above the first □ do not swallow the body.

- A `*` line right after a line holding an inline `*` is that line's footnote (kind note),
  and so is a `**` line after such a footnote; elsewhere `*` is a list level (the seed's
  `* 첫째 …` lines under `-`). A `※` line is a note on the open item.
- A line without a marker after an item continues it, unless a blank line parts two whole
  sentences: then it opens a paragraph (many ministries write prose). Each line without a
  marker after a paragraph is a paragraph of its own.
- Page numbers (`- 3 -`) and a lone `끝.` are dropped.
- Tables flattened to one cell per line (a `< 제목 >` caption or `(단위: 명)` line over short
  cells, or `| a | b |` rows; on appendix pages a run of short cells needs no caption) become
  one node of kind table, a child of the open item.
- Each APPENDIX block is one page (`참고 1` / title / content): `{label, title, sections, span}`.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from itertools import islice

from ..document import Block, BlockKind, Document, Line, Node, Span
from ..lexicon import Lexicon, MarkerFamily, marker_re, once_per_lexicon, read_toml
from ..text import collapse


INDENT_STEP = 2        # columns by which an outline level sits right of its parent (편람)
TABLE_CELL_MAX = 25    # a table cell flattened onto its own line is short
TABLE_MIN_CELLS = 6    # fewer short lines in a row are headings, not a table
MAX_NODES = 10_000     # nodes one tree may hold (real releases: ~1,000 at most); past it the tree
                       # stops with a truncated_output warning, so per-node stages cost a bounded amount


NOTHING: frozenset[str] = frozenset()


class Draft:
    """A node under construction: its lines grow while continuation lines follow. A plain
    slotted class (one is made per item; a dataclass's default_factory costs a call more), which
    carries the families whose open items it closes (`closing`, from closing_families), so that
    placing it asks a set instead of comparing ranks."""
    __slots__ = ("marker", "family", "closing", "indent", "kind", "start", "end", "text_start", "children")

    def __init__(self, marker: str | None, family: str | None, indent: int, kind: str, start: int, end: int,
                 text_start: int, closing: frozenset[str] = NOTHING) -> None:
        self.marker = marker
        self.family = family
        self.closing = closing
        self.indent = indent
        self.kind = kind
        self.start = start
        self.end = end
        self.text_start = text_start
        self.children: list[Draft] = []


def match_marker(line: Line, lex: Lexicon, page_number_checked: bool = False) -> tuple[str, str] | None:
    """'○또한 …' → ('○', 'circle'); None for a line without a marker. `page_number_checked`:
    the caller knows the line is no page number ('- 3 -', whose dash is no marker)."""
    m = lex.MARKER_RE.match(line.text)
    if not m or (not page_number_checked and lex.PAGE_NUMBER_RE.match(line.text)):
        return None
    return m.group(), m.lastgroup or ""


def is_footnote(line: Line, family: str, previous: Line | None, previous_kind: str | None) -> bool:
    """'* A형간염, 노로바이러스감염증' under '… 식품매개감염병*과 …'; '** …' under that footnote."""
    if family != "star" or previous is None:
        return False
    if previous_kind == "note" and previous.text.startswith("*"):
        return True
    body = previous.text.lstrip("*").strip()
    return "*" in body


def is_skipped(line: Line, lex: Lexicon) -> bool:
    """'- 3 -' (a page number) and a lone '끝.' carry no content."""
    return bool(lex.PAGE_NUMBER_RE.match(line.text) or lex.END_MARK_RE.fullmatch(line.text))


def is_table_cell(line: Line, lex: Lexicon) -> bool:
    """'호남권', '5.22/', '철강, 석유화학' — a short cell without a marker, not a sentence."""
    return table_cell_test(lex)(line.text)


@once_per_lexicon
def table_cell_test(lex: Lexicon) -> Callable[[str], bool]:
    """is_table_cell on a line's text, with what it reads bound once per lexicon: an HWPX's
    appendix pages run it on thousands of cells, and looking up the line openings and the
    sentence-end test per cell cost as much as the test."""
    openings = line_openings(lex)
    ends_sentence = sentence_end_test(lex)
    tail_char, end_mark = lex.SENTENCE_TAIL_CHAR_RE.match, lex.END_MARK_RE.search

    def is_cell(text: str) -> bool:
        if not 0 < len(text) <= TABLE_CELL_MAX:
            return False
        opening = openings[text[0]]     # MARKER_RE, asked of the families opening with text[0]
        if opening.marker is not None or (opening.marker_re is not None and opening.marker_re(text)):
            return False
        # Most cells end in a letter no sentence ending ends in: one anchored match at the last
        # character spares the two searches, which try every position.
        if not tail_char(text, len(text) - 1):
            return True
        return not (ends_sentence(text) or end_mark(text))
    return is_cell


# What SENTENCE_END_RE allows after an ending: white space (`\s`, str.isspace) and these.
SENTENCE_END_TRAIL = "\"'”’」)"
# Every character `\s` matches (str.isspace), written out: a scan of all code points for them
# costs ~0.2 s at import (test_cost_fastbullets checks the list).
WHITE_SPACE = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
               "\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000")


@once_per_lexicon
def sentence_end_test(lex: Lexicon) -> Callable[[str], bool]:
    """'… 방문했다고 밝혔다.' → True: whether SENTENCE_END_RE.search(text) finds an ending
    followed only by white space, closing quotes and brackets (SENTENCE_END_TRAIL) up to the
    end. Told from the text's end: those trailing characters stripped (one rstrip), then one
    endswith over the endings, ~0.1 µs where the search tried the endings at every ending's
    first letter of the line (~1.2 µs a sentence; a korea.kr body asks it of most of its
    lines, which blank lines part). The trailing run holds no ending's last letter (checked
    here), so only the whole run can follow an ending."""
    endings = tuple(read_toml("markers.toml")["segment"]["sentence_endings"])
    trail = WHITE_SPACE + SENTENCE_END_TRAIL
    if not endings or any(not ending or ending[-1] in trail for ending in endings):
        search = lex.SENTENCE_END_RE.search
        return lambda text: search(text) is not None
    return lambda text: text.rstrip(trail).endswith(endings)


def match_table(lines: list[Line], i: int, lex: Lexicon, captionless: bool = False) -> int | None:
    """One past the last line of a table starting at lines[i] (`| a | b |` rows, or a
    '< 제목 >' caption or '(단위: 명)' line over at least TABLE_MIN_CELLS short cells — on
    appendix pages, which are mostly tables, the cells need no caption); else None."""
    if lex.PIPE_ROW_RE.match(lines[i].text):
        j = i
        while j < len(lines) and (lines[j].blank or lex.PIPE_ROW_RE.match(lines[j].text)):
            j += 1
        return last_content(lines, i, j)
    captioned = bool(lex.CAPTION_RE.match(lines[i].text) or lex.UNIT_LINE_RE.match(lines[i].text))
    if not captioned and not captionless:
        return None  # in the body a run of short lines may be a menu or a header: no table
    j, cells = cell_run(lines, i + 1 if captioned else i, lex)
    return last_content(lines, i, j) if cells >= TABLE_MIN_CELLS else None


def cell_run(lines: list[Line], j: int, lex: Lexicon) -> tuple[int, int]:
    """(one past the run of table cells and blank lines from lines[j], the cells in it).
    A loop over the lines rather than an index test per step: an HWPX holds ~650 cells."""
    cells = 0
    is_cell = table_cell_test(lex)
    for line in islice(lines, j, None):
        if not line.blank:
            if not is_cell(line.text):
                break
            cells += 1
        j += 1
    return j, cells


def last_content(lines: list[Line], i: int, j: int) -> int:
    """j moved back over trailing blank lines (but never to i or before)."""
    while j > i + 1 and lines[j - 1].blank:
        j -= 1
    return j


class Builder:
    """Builds the drafts of one run of lines (the body, or one appendix page)."""

    def __init__(self, lex: Lexicon, captionless_tables: bool = False) -> None:
        self.lex = lex
        self.closing = closing_families(lex)
        self.ends_sentence = sentence_end_test(lex)
        self.captionless_tables = captionless_tables
        self.roots: list[Draft] = []
        self.stack: list[Draft] = []
        self.current: Draft | None = None
        self.previous: Line | None = None
        self.after_blank = False
        self.nodes = 0
        self.cut_at: Line | None = None    # where MAX_NODES stopped the tree
        # Another block (a contact table inside the body) stood between this line and the last:
        # no item runs on across it.
        self.parted = False

    def build(self, lines: list[Line]) -> list[Draft]:
        # A line opening with no marker's, page number's, end mark's or table's first character
        # is text: it continues the open item or opens a paragraph. Before any pattern, the
        # line's first character is looked up (line_openings): that tells a text line, and a
        # line opening with a one-character marker nothing else opens with ('□', '○', '※') has
        # its marker and family there, where the tests below make up to six pattern calls. (On
        # an appendix page any short line may open a table of cells: there every line without
        # such a marker takes the long way.)
        # The loop runs once per line (~34 a korea.kr body, half of them blank): the patterns
        # and methods it calls are bound to locals once, match_marker is written out (a call
        # per line saved), and the line that should follow (`following`) is kept rather than
        # the previous line read again to tell a line that another block parted from it.
        lex = self.lex
        captionless = self.captionless_tables
        openings = line_openings(lex)
        page_number = lex.PAGE_NUMBER_RE.match
        add_line = self.add_line
        following = lines[0].index if lines else 0
        resume = 0          # one past the last line of a table already added
        for i, line in enumerate(lines):
            if i < resume:
                continue
            if line.index != following:
                self.parted = True
            following = line.index + 1
            if line.blank:
                self.after_blank = True
                continue
            if self.nodes >= MAX_NODES:
                self.cut_at = line
                break
            text = line.text
            opening = openings[text[0]]
            if opening.marker is not None:
                add_line(line, opening.marker)      # '□ …': a one-character marker, its family known
                continue
            # MARKER_RE (its families that open with this character) read once where a marker
            # may open the line: it decides the table and the item (match_marker). A page
            # number opens like a table or an end mark (may_open) and has no marker. A line
            # with a marker is never skipped (no end mark opens with a marker:
            # test_cost_fastlines), so only a line without one is asked; and in the body only
            # if it opens like a page number, an end mark or a table.
            found = None
            if opening.marker_re is not None:
                m = opening.marker_re(text)
                if m is not None and not (opening.may_open and page_number(text)):
                    found = m.group(), m.lastgroup or ""
            if found is None and (captionless or opening.may_open):
                if is_skipped(line, lex):
                    continue
                table_end = match_table(lines, i, lex, captionless)
                if table_end is not None:
                    self.add_table(line, lines[table_end - 1])
                    resume, following = table_end, lines[table_end - 1].index + 1
                    continue
            add_line(line, found)
        return self.roots

    def add_line(self, line: Line, found: tuple[str, str] | None) -> None:
        """`found`: the line's marker and family (match_marker), None for a line without one."""
        current = self.current
        content = line.content
        if found is None:
            # A line without a marker continues the open item, unless a blank line parts two
            # whole sentences: '□ … 자리가 마련된다.' / '' / '국민권익위원회는 … 예정이다.'.
            # Tested here and open_root written out below: this is most lines' path (a korea.kr
            # body's text lines), and the two calls were two of the ~7 Python calls a node cost.
            if current is not None and current.kind not in ("paragraph", "table") and not self.parted and (
                    not self.after_blank or not (self.previous and self.ends_sentence(self.previous.text)
                                                 and self.ends_sentence(line.text))):
                current.end = content.end   # wrapped text continues the item
            else:
                self.nodes += 1
                draft = Draft(None, None, line.indent, "paragraph", content.start, content.end, content.start)
                stack = self.stack      # open_root
                stack.clear()
                self.roots.append(draft)
                stack.append(draft)
                self.current = draft
        else:
            self.nodes += 1
            marker, family = found
            kind = "note" if family == "note" or family == "star" and is_footnote(
                line, family, self.previous, current.kind if current else None) else "item"
            self.current = Draft(marker, family, line.indent, kind, content.start, content.end,
                                 content.start + len(marker), self.closing.get(family, NOTHING))
            place_draft(self.stack, self.roots, self.current)
        self.previous = line
        self.after_blank = self.parted = False

    def add_table(self, first: Line, last: Line) -> None:
        """A table belongs to the open item ('ㅇ 창업교육 프로그램 운영' over its table) and leaves
        the levels open; with no item open it stands at the top level."""
        table = Draft(None, None, first.indent, "table", first.content.start, last.content.end,
                      first.content.start)
        self.nodes += 1
        parent = next((d for d in reversed(self.stack) if d.kind == "item"), None)
        if parent is None:
            self.open_root(table)
        else:
            parent.children.append(table)
            self.current = table
        self.previous = last
        self.after_blank = self.parted = False

    def open_root(self, draft: Draft) -> None:
        """Paragraphs and tables sit at the top level and close every open item."""
        self.stack.clear()
        self.roots.append(draft)
        self.stack.append(draft)
        self.current = draft


def closes(theirs: MarkerFamily, mine: MarkerFamily) -> bool:
    """'□' closes an open '- 부제' or '* 주석': a ranked marker never opens below a ranked
    marker of its own rank or deeper, nor below a minor one (*, ※, ▲)."""
    if mine.rank is None:
        return False
    return theirs.minor or (theirs.rank is not None and theirs.rank >= mine.rank)


@once_per_lexicon
def closing_families(lex: Lexicon) -> dict[str, frozenset[str]]:
    """Family name → the names of the families whose open item an item of it closes (closes),
    worked out once per lexicon rather than by comparing ranks at every step of every tree."""
    families = lex.families
    return {mine.name: frozenset(theirs.name for theirs in families if closes(theirs, mine)) for mine in families}


OPENINGS_KEPT = 4096       # first characters line_openings remembers (they come from the input)


class Opening:
    """What a body line opening with a given character may be (LineOpenings).

    `marker`: ('□', 'square') for a one-character marker MARKER_RE takes whole whatever follows
    (plain_markers): the line's marker without a pattern call. `marker_re`: else MARKER_RE cut
    down to the families whose markers open with the character (marker_pattern), None where
    none does. `may_open`: a page number, an end mark or a table may open with it
    (SKIP_OR_TABLE_START_RE)."""
    __slots__ = ("marker", "marker_re", "may_open")

    def __init__(self, marker: tuple[str, str] | None, marker_re: Callable[[str], re.Match[str] | None] | None,
                 may_open: bool) -> None:
        self.marker = marker
        self.marker_re = marker_re
        self.may_open = may_open


class LineOpenings(dict):
    """First character of a body line → its Opening, made when the character is first met and
    kept per lexicon; emptied when it holds OPENINGS_KEPT (bounded: the characters come from
    the input). A line opening with '2' or '가' used to run MARKER_RE's twenty alternatives
    (~1 µs, most lines of a table of figures); its Opening holds the two that open with it."""

    def __init__(self, lex: Lexicon) -> None:
        super().__init__()
        self.lex = lex
        self.plain = plain_markers(lex)
        # a set of families → MARKER_RE cut down to them (a handful of sets in all)
        self.patterns: dict[tuple[str, ...], Callable[[str], re.Match[str] | None]] = {}

    def __missing__(self, char: str) -> Opening:
        if len(self) >= OPENINGS_KEPT:
            self.clear()
        lex = self.lex
        may_open = lex.SKIP_OR_TABLE_START_RE.match(char) is not None
        marker = self.plain.get(char)
        match_marker = None
        if marker is None:
            families = tuple(fam for fam in lex.families if opens_with(fam, char))
            if families:
                names = tuple(fam.name for fam in families)
                match_marker = self.patterns.get(names)
                if match_marker is None:
                    match_marker = self.patterns[names] = marker_pattern(families)
        opening = self[char] = Opening(marker, match_marker, may_open)
        return opening


def opens_with(fam: MarkerFamily, char: str) -> bool:
    """Whether a marker of `fam` may open with `char`: one of its symbols does, or its
    pattern's first characters (`starts`, which MARKER_RE's look-ahead reads too) hold it."""
    if fam.pattern:
        return re.match(f"[{fam.starts}]", char) is not None
    return any(symbol.startswith(char) for symbol in fam.symbols)


def marker_pattern(families: tuple[MarkerFamily, ...]) -> Callable[[str], re.Match[str] | None]:
    """MARKER_RE built from `families` alone, in their order (match): on a line whose first
    character only their markers open with, it matches what MARKER_RE matches, with the same
    group names, as MARKER_RE's other alternatives fail at that character."""
    source = marker_re(families)
    return re.compile(source.source, source.flags).match


@once_per_lexicon
def line_openings(lex: Lexicon) -> LineOpenings:
    return LineOpenings(lex)


@once_per_lexicon
def plain_markers(lex: Lexicon) -> dict[str, tuple[str, str]]:
    """'□' → ('□', 'square'): the one-character markers MARKER_RE matches as they stand,
    whatever follows them, so that a line opening with one has its marker without a pattern
    call. Such a symbol belongs to a family with no pattern and no condition on what follows
    (needs_space, no_digit_after), no longer symbol of its family starts with it, and nothing
    else opens with it: no other family's symbol or pattern, no page number, end mark or table
    (SKIP_OR_TABLE_START_RE). MARKER_RE's alternatives open with their symbols, so on such a
    line only its family's can match, and it takes the one character."""
    families = lex.families
    plain: dict[str, tuple[str, str]] = {}
    for fam in families:
        if fam.pattern or fam.needs_space or fam.no_digit_after:
            continue
        for symbol in fam.symbols:
            others = [s for f in families for s in f.symbols if s != symbol and s[:1] == symbol[:1]]
            if len(symbol) != 1 or others or any(opens_with(f, symbol) for f in families if f.pattern) \
                    or lex.SKIP_OR_TABLE_START_RE.match(symbol):
                continue
            plain[symbol] = (symbol, fam.name)
    return plain


def place_note(stack: list[Draft], roots: list[Draft], note: Draft) -> None:
    """A note hangs under the innermost open item (not under another note) and opens no level."""
    parent = next((d for d in reversed(stack) if d.kind != "note"), None)
    (parent.children if parent else roots).append(note)


def place_draft(stack: list[Draft], roots: list[Draft], draft: Draft) -> None:
    if draft.kind == "note":
        place_note(stack, roots, draft)
        return
    while stack:
        top = stack[-1]
        if top.kind in ("paragraph", "table"):
            stack.pop()
            continue
        if top.family == draft.family:
            if draft.indent >= top.indent + INDENT_STEP:
                break  # same marker, clearly deeper: the tie is broken by indentation
            stack.pop()     # a sibling (the common case): the family seen before is the top's
            continue
        if top.family in draft.closing:
            stack.pop()
            continue
        if is_open(stack, draft.family):
            # A family seen before: close everything down to and including its open node.
            while stack[-1].family != draft.family:
                stack.pop()
            stack.pop()
            continue
        break
    (stack[-1].children if stack else roots).append(draft)
    stack.append(draft)


def is_open(stack: list[Draft], family: str | None) -> bool:
    """Whether an item of `family` is open. A loop over the few open drafts: a set of their
    families, made at each step, cost a comprehension's call and a set."""
    for open_draft in stack:
        if open_draft.family == family:
            return True
    return False


def freeze(doc: Document, draft: Draft, level: int) -> Node:
    """One draft and its children as Nodes."""
    return frozen(doc.text, [draft], level)[0]


def frozen(text: str, drafts: list[Draft], level: int) -> list[Node]:
    """Sibling drafts as Nodes at `level`, each with its children: one call per list of
    siblings, not one per node (most nodes are leaves, made in this loop).
    A draft starts and ends where stripped line contents do: its span needs no trimming."""
    nodes = []
    for draft in drafts:
        children = tuple(frozen(text, draft.children, level + 1)) if draft.children else ()
        # collapse()'s fast path written out: most items' text is already collapsed once
        # stripped (no double space, nothing unprintable), and then no call is made for it.
        words = text[draft.text_start:draft.end].strip()
        if "  " in words or not words.isprintable():
            words = collapse(words)
        nodes.append(Node(draft.marker, level, words, Span(draft.start, draft.end), children, draft.kind))
    return nodes


def tree(doc: Document, lines: list[Line], lex: Lexicon, captionless_tables: bool = False) -> list[Node]:
    builder = Builder(lex, captionless_tables)
    drafts = builder.build(lines)
    if builder.cut_at is not None:
        doc.warn("bullets", "truncated_output", f"more than {MAX_NODES} items: the tree stops here and the "
                 "text after it has no nodes", builder.cut_at.content)
    return frozen(doc.text, drafts, 1)


# --- appendix pages --------------------------------------------------------------------

def parse_appendix(doc: Document, block: Block, lex: Lexicon) -> dict | None:
    """'참고 1' / '2020년 예비창업패키지 사업 개요' / '□ …' → {label, title, sections, span}."""
    lines = doc.lines[block.first:block.last]
    # The label's line and the one after it: a page's first two lines with content.
    content = list(islice((line for line in lines if not line.blank), 2))
    if not content:
        return None
    head = lex.APPENDIX_HEAD_RE.match(content[0].text)
    if head is None:
        return None
    label = collapse(" ".join(p for p in (head.group("label").replace(" ", ""), head.group("number")) if p))
    title_line, rest_from = None, 1
    if head.group("rest").strip(" <>[]〈〉【】"):
        title = collapse(head.group("rest").strip(" <>[]〈〉【】"))
    elif len(content) > 1 and match_marker(content[1], lex) is None and not lex.PIPE_ROW_RE.match(content[1].text):
        title_line, rest_from = content[1], 2
        title = collapse(title_line.text.strip(" <>〈〉"))
    else:
        title = None
    body = lines[content[rest_from - 1].index + 1 - block.first:]   # a block's lines are consecutive
    return {"label": label, "title": title or None, "sections": tree(doc, body, lex, captionless_tables=True),
            "span": block.span.to_json()}


def run(doc: Document, lex: Lexicon) -> None:
    # One pass over the blocks finds the body's lines and the appendix pages (blocks_of twice
    # made two lists and a generator: a tenth of a short record's stage).
    body: list[Line] = []
    appendix_blocks: list[Block] = []
    for block in doc.blocks:
        if block.kind == BlockKind.BODY:
            body += doc.lines[block.first:block.last]     # a slice, not a step per line (doc.lines_of)
        elif block.kind == BlockKind.APPENDIX:
            appendix_blocks.append(block)
    doc.sections = tree(doc, body, lex)
    doc.appendices = []
    for block in appendix_blocks:
        page = parse_appendix(doc, block, lex)
        if page is not None:
            doc.appendices.append(page)
    warn_if_cut_off(doc)


def last_node(nodes: list[Node] | tuple[Node, ...]) -> Node | None:
    node = nodes[-1] if nodes else None
    while node is not None and node.children:
        node = node.children[-1]
    return node


def warn_if_cut_off(doc: Document) -> None:
    """'… 정책 (멕시코' — an unclosed bracket at the very end of the body means lost text."""
    node = last_node(doc.sections)
    if node is None:
        return
    text = node.text
    opened = sum(map(text.count, "([{「『"))      # map: no generator step per bracket
    if not opened:
        return      # nothing opened (most last nodes): the closing brackets need no count
    closed = sum(map(text.count, ")]}」』"))
    if opened > closed:
        doc.warn("bullets", "truncated_body", "the body ends inside an open bracket; text looks cut off",
                 node.span)
