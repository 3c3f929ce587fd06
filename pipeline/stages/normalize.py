"""NFC, LF line ends, the explicit fold table, and `?` holes repaired; then lines.

Reads: plain, line_repairs. Writes: text, repairs, lines. After this stage `text` is fixed.
Example: '전략을 수립?추진하는데' → '전략을 수립·추진하는데' (repair recorded).
"""
from __future__ import annotations

import unicodedata

from ..document import Document, Line, LineRepair, Repair, Span
from ..lexicon import Lexicon
from ..text import is_hangul

MAX_LINES = 100_000     # lines read per document (real releases: ~1,000 at most); past it the text
                        # is kept but has no lines, with a truncated_output warning
MAX_REPAIRS = 1_000     # `?` holes repaired per document (real releases: a handful); past it the
                        # rest stay `?` with a truncated_output warning


def fold(text: str, lex: Lexicon) -> str:
    """NFC, then the character table in data/fold.tsv (never NFKC).

    Render already made every line end a LF; nothing here adds or removes one, so line
    indices that render recorded stay valid."""
    text = unicodedata.normalize("NFC", text)
    # One replace per kind of character found, rather than a callback per occurrence (the seed
    # holds 102 NBSPs and no other: fold 56 → 32 µs). The search goes on from where the last kind was
    # found, since the text before it holds none. The table's replacements hold none of the
    # characters it replaces (test_normalize checks it), so one kind's replace makes no other's.
    at = 0
    while m := lex.FOLD_RE.search(text, at):
        text = text.replace(m.group(), lex.fold[ord(m.group())])
        at = m.start()
    return text


def repair_for_hole(text: str, i: int) -> str | None:
    """What a `?` at i stood for: '수립?추진' → '·', '5?7' → '~'; None when it is a real `?`."""
    before = text[i - 1] if i > 0 else ""
    after = text[i + 1] if i + 1 < len(text) else ""
    if is_hangul(before) and is_hangul(after):
        return "·"
    if before.isdigit() and after.isdigit():
        return "~"
    return None


def repair_holes(text: str) -> tuple[str, list[Repair]]:
    """Characters lost in an EUC-KR round trip became `?`; put back what the context says.

    The context is always the original text, so one repair never decides another."""
    repairs = []
    i = text.find("?")
    while i >= 0 and len(repairs) < MAX_REPAIRS:
        fix = repair_for_hole(text, i)
        if fix:
            repairs.append(Repair("lost_character", "?", fix, Span(i, i + 1)))
        i = text.find("?", i + 1)
    return (splice(text, repairs) if repairs else text), repairs


def splice(text: str, repairs: list[Repair]) -> str:
    """`text` with each repair's one-character span replaced by its `after` (spans in order)."""
    pieces, last = [], 0
    for repair in repairs:
        pieces += (text[last:repair.span.start], repair.after)
        last = repair.span.end
    pieces.append(text[last:])
    return "".join(pieces)


def split_lines(text: str) -> list[Line]:
    """The lines of `text`, the first MAX_LINES of them (the rest of the text has no lines)."""
    lines: list[Line] = []
    append = lines.append
    new = object.__new__
    start = 0
    # One split rather than a find per line: the list of pieces is as long as the text anyway.
    # A line with no white space around it (most lines, and every empty one) is its own
    # content, which one strip tells (str.strip returns the string itself when it has nothing
    # to strip); any other line is measured.
    # Making the Line and its Span is most of the cost, and they are made here by
    # object.__new__ and their slots set in place, not by Line(...) and Span(...): calling a
    # class with a Python __init__ costs CPython 3.11 an argument tuple, a second frame and
    # the lookups of the generic call path, ~1,450 instructions more a line (callgrind) on
    # ~50 lines a korea.kr record. Every slot is set as their __init__ sets it
    # (test_cost_krfixed compares each slot with Line(...)'s on random and corpus texts).
    pieces = text.split("\n")
    del pieces[MAX_LINES:]
    for index, raw in enumerate(pieces):
        if not raw:
            end = first = last = start
            stripped = raw
        else:
            end = start + len(raw)
            stripped = raw.strip()
            if stripped is raw:
                first, last = start, end
            else:
                first = end - len(raw.lstrip())
                last = first + len(stripped)
        content = new(Span)
        content.start = first
        content.end = last
        line = new(Line)
        line.index = index
        line.start = start
        line.end = end
        line.content = content
        line.indent = first - start
        line.text = stripped
        line.blank = not stripped
        append(line)
        start = end + 1
    return lines


def locate_line_repair(repair: LineRepair, lines: list[Line], lex: Lexicon) -> Repair:
    """Render's repair of line n, placed where its folded result sits in that line."""
    line = lines[repair.line]
    after = fold(repair.after, lex).strip()
    found = line.text.find(after) if after else -1
    if found < 0:
        return Repair(repair.kind, repair.before, line.text, line.content)
    start = line.content.start + found
    return Repair(repair.kind, repair.before, after, Span(start, start + len(after)))


def run(doc: Document, lex: Lexicon) -> None:
    text, doc.repairs = repair_holes(fold(doc.plain, lex))
    if len(doc.repairs) >= MAX_REPAIRS:
        doc.warn("normalize", "truncated_output", f"{MAX_REPAIRS} repairs at most: later `?` holes are left as they are",
                 doc.repairs[-1].span)
    doc.text = text
    doc.lines = split_lines(text)
    if doc.lines[-1].end < len(text):
        doc.warn("normalize", "truncated_output", f"more than {MAX_LINES} lines: the text after line {MAX_LINES} "
                 "is kept but not read", Span(doc.lines[-1].end, len(text)))
    if doc.line_repairs:        # render repaired no line of most inputs: nothing to place or sort
        doc.repairs[:0] = [locate_line_repair(r, doc.lines, lex) for r in doc.line_repairs]
        doc.repairs.sort(key=lambda r: r.span.start)
