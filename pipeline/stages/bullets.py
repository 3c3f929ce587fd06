"""The body as a bullet tree: □ ○ - * and numbered outlines, each node with its span.

Reads: lines, blocks. Writes: sections, appendices.
Example: '  ○또한 2004년 포럼과 …' → Node(marker='○', text='또한 2004년 포럼과 …').

Levels come from marker families in the order they first appear (a stack: a family seen
before closes everything opened after it; a new family opens a level below the current
one). Indentation only breaks ties between the same family at different depths. A `*`
line right after a line holding an inline `*` is that line's footnote, not a list level.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..document import BlockKind, Document, Line, Node
from ..lexicon import Lexicon
from ..text import collapse, trimmed


INDENT_STEP = 2   # columns by which an outline level sits right of its parent (편람)


@dataclass
class Draft:
    """A node under construction: its lines grow while continuation lines follow."""
    marker: str | None
    family: str | None
    indent: int
    kind: str
    start: int
    end: int
    text_start: int
    children: list["Draft"] = field(default_factory=list)


def match_marker(line: Line, lex: Lexicon) -> tuple[str, str] | None:
    """'○또한 …' → ('○', 'circle'); None for a line without a marker."""
    m = lex.MARKER_RE.match(line.text)
    if not m or lex.PAGE_NUMBER_RE.match(line.text):
        return None
    return m.group(), m.lastgroup or ""


def is_footnote(line: Line, family: str, previous: Line | None) -> bool:
    """'* A형간염, 노로바이러스감염증' under '… 식품매개감염병*과 …'."""
    if family != "star" or previous is None:
        return False
    body = previous.text.lstrip("*").strip()
    return "*" in body


def build(doc: Document, lines: list[Line], lex: Lexicon) -> list[Draft]:
    roots: list[Draft] = []
    stack: list[Draft] = []
    previous: Line | None = None
    current: Draft | None = None
    for line in lines:
        if line.blank:
            continue
        found = match_marker(line, lex)
        if found is None and current is not None and current.kind != "paragraph":
            # Wrapped text: a line without a marker right after an item continues it.
            current.end = line.content.end
            previous = line
            continue
        if found is None:
            current = Draft(None, None, line.indent, "paragraph", line.content.start, line.content.end,
                            line.content.start)
            stack.clear()
            roots.append(current)
            stack.append(current)
        else:
            marker, family = found
            kind = "note" if is_footnote(line, family, previous) else "item"
            text_start = line.content.start + len(marker)
            current = Draft(marker, family, line.indent, kind, line.content.start, line.content.end, text_start)
            place_draft(stack, roots, current)
        previous = line
    return roots


def place_draft(stack: list[Draft], roots: list[Draft], draft: Draft) -> None:
    if draft.kind == "note":
        parent = stack[-1] if stack else None
        (parent.children if parent else roots).append(draft)
        return
    while stack:
        top = stack[-1]
        if top.kind == "paragraph":
            stack.pop()
            continue
        if top.family == draft.family and draft.indent >= top.indent + INDENT_STEP:
            break  # same marker, clearly deeper: the tie is broken by indentation
        if draft.family in {d.family for d in stack}:
            # A family seen before: close everything down to and including its open node.
            while stack[-1].family != draft.family:
                stack.pop()
            stack.pop()
            continue
        break
    (stack[-1].children if stack else roots).append(draft)
    stack.append(draft)


def freeze(doc: Document, draft: Draft, level: int) -> Node:
    span = trimmed(doc.text, draft.start, draft.end)
    text = collapse(doc.text[draft.text_start:draft.end])
    children = tuple(freeze(doc, c, level + 1) for c in draft.children)
    return Node(draft.marker, level, text, span, children, draft.kind)


def run(doc: Document, lex: Lexicon) -> None:
    drafts = build(doc, doc.lines_of(BlockKind.BODY), lex)
    doc.sections = [freeze(doc, d, 1) for d in drafts]
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
    opened = sum(node.text.count(c) for c in "([{「『")
    closed = sum(node.text.count(c) for c in ")]}」』")
    if opened > closed:
        doc.warn("bullets", "truncated_body", "the body ends inside an open bracket; text looks cut off",
                 node.span)
