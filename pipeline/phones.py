"""Which lines hold a phone number: one scan of the whole text, not a search on every line.

PHONE_RE tries a match at every position of what it searches (~12 ns a character on Korean
text), so searching each line of a document costs a pass over the whole text and a call per
line. Every phone it reads ends in a separator and four digits ('-0433', '. 3333'), and the
two patterns for that tail (PHONE_TAIL_DASH_RE, PHONE_TAIL_DOT_RE) open with a literal, which
`re` skips ahead to: both scans of the seed's text cost 0.01 ms where PHONE_RE's took 0.09.
Only the lines a tail touches are then searched with PHONE_RE, exactly as before. A match's
line is found by bisecting the lines themselves by their start (LINE_START, read in C): no list
of every line's start is built for the few matches a document has.
"""
from __future__ import annotations

from bisect import bisect_right
from operator import attrgetter

from .document import Document, once_per_document
from .lexicon import Lexicon

LINE_START = attrgetter("start")


@once_per_document
def phone_lines(doc: Document, lex: Lexicon) -> frozenset[int]:
    """The indices of the lines where PHONE_RE finds a phone. None is missed: a line's phone
    holds a tail, which the scan finds, or the scan's match before it runs into the line (its
    `\\s*` may cross a line end), and every line a match touches is searched. Release (the
    issuer in a contact line) and contacts both ask: worked out once per document, and frozen
    since both callers share it."""
    tails = [m for pattern in (lex.PHONE_TAIL_DASH_RE, lex.PHONE_TAIL_DOT_RE) for m in pattern.finditer(doc.text)]
    if not tails:
        return frozenset()  # no line offsets to list: a text without a phone's tail has no phone
    lines = doc.lines
    touched: set[int] = set()
    for m in tails:
        touched.update(range(bisect_right(lines, m.start(), key=LINE_START) - 1,
                             bisect_right(lines, m.end() - 1, key=LINE_START)))
    return frozenset({i for i in touched if i >= 0 and doc.lines[i].text and lex.PHONE_RE.search(doc.lines[i].text)})


def email_lines(doc: Document, lex: Lexicon) -> set[int]:
    """The indices of the lines where EMAIL_RE finds an e-mail: only lines holding an '@', each
    searched once (the find then skips to the next line: a line of 25,000 '@' is one search)."""
    text = doc.text
    found: set[int] = set()
    at = text.find("@")
    if at < 0:
        return found
    while at >= 0:
        i = bisect_right(doc.lines, at, key=LINE_START) - 1
        if i >= 0 and lex.EMAIL_RE.search(doc.lines[i].text):
            found.add(i)
        at = text.find("@", max(at + 1, doc.lines[i].end if i >= 0 else 0))
    return found
