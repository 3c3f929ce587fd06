"""Organizations and their heads, from `기관(직함: 姓名)` in the text, plus the issuer.

Reads: text, lines, blocks, release. Writes: organizations.
Example: '중소기업청(廳長: 柳昌茂)과' → {name '중소기업청', head {title '청장', name '유창무',
name_hanja '柳昌茂'}}; today's form '산림청(청장 홍길동)은' works the same way.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..document import Block, BlockKind, Document, Line
from ..lexicon import Lexicon
from ..text import read_hanja, read_hanja_name, without_spaces

K = BlockKind
SEARCHED = (K.BODY, K.TITLE, K.APPENDIX)


def parse_head(m: re.Match[str], lex: Lexicon) -> dict[str, Any] | None:
    """('廳長', '柳昌茂') → {'title': '청장', 'name': '유창무', 'name_hanja': '柳昌茂'}; None
    when the parenthesis holds no title and name ('(2024)', '(가칭)')."""
    raw_title, raw_name = m.group("title", "name")
    hanja = lex.ORG_HEAD_HANJA_RE
    title_hanja = raw_title if hanja.search(raw_title) else None
    title = read_hanja(raw_title) if title_hanja else raw_title
    if not lex.PERSON_TITLE_RE.fullmatch(without_spaces(title)):
        return None
    name_hanja = raw_name if hanja.fullmatch(raw_name) else None
    name = read_hanja_name(raw_name, lex.surnames) if name_hanja else raw_name
    head = {"title": title, "name": name, "name_hanja": name_hanja}
    if title_hanja:
        head["title_hanja"] = title_hanja
    return head


def heads_in(text: str, tails: Iterable[re.Match[str]], lex: Lexicon) -> list[tuple[str, dict[str, Any], list[int]]]:
    """What ORG_HEAD_RE finds in `text`, found from each '(title name)' of `tails` (the matches
    of ORG_HEAD_TAIL_RE, which re skips to from parenthesis to parenthesis) and the word right
    before it, rather than by ORG_HEAD_RE trying its word at every word start. The same matches:
    ORG_HEAD_RE holds no '(' but its tail's first, so each of its matches is one tail match with
    the whole word before it. Spans are offsets into `text`."""
    found = []
    suffixes = tuple(lex.titles["organization_suffixes"])
    for tail in tails:
        at = tail.start()
        # Only a word ending with an organization suffix counts, and the word ends at the tail:
        # the text before the tail must end with one. A suffix is all word letters, so the word
        # (the whole run of them before the tail) then ends with it too. One C-level endswith
        # passes most tails ('(붙임1)', '(2019.9.11.)', '예산(20억원)') without the word's search,
        # which tries every position of the 40 characters before the tail.
        if not text.endswith(suffixes, 0, at):
            continue
        # The word is 40 characters at most (the lookbehind still sees the character before).
        word = lex.ORG_HEAD_WORD_BEFORE_RE.search(text, max(0, at - 40), at)
        if word is None:
            continue
        org = word.group("org")
        head = parse_head(tail, lex) if org.endswith(suffixes) else None
        if head:
            start = word.start("org")
            found.append((org, head, [start, start + len(org)]))
    return found


def match_heads(line: Line, lex: Lexicon) -> list[tuple[str, dict[str, Any], list[int]]]:
    """heads_in one line, with spans into the document's text."""
    offset = line.content.start
    return [(org, head, [start + offset, end + offset])
            for org, head, (start, end) in heads_in(line.text, lex.ORG_HEAD_TAIL_RE.finditer(line.text), lex)]


def heads_in_block(doc: Document, block: Block, lex: Lexicon) -> list[tuple[str, dict[str, Any], list[int]]]:
    """match_heads over the lines of `block`, in order, from ONE finditer of ORG_HEAD_TAIL_RE
    over the block's text (most lines hold no parenthesis, most blocks none) and the words
    searched in the document's text. The same heads:
    - a tail holds no line break, so the block scan finds no match across lines; a pattern
      without anchors or lookaround then finds in each line what a scan of the line finds;
    - a word is no white space, so the one before a tail lies in the tail's line, and the
      character before the line's content (white space or a line break) is no word character,
      as the start of the line's text is none."""
    if block.first >= block.last:
        return []
    start, end = doc.lines[block.first].start, doc.lines[block.last - 1].end
    return heads_in(doc.text, lex.ORG_HEAD_TAIL_RE.finditer(doc.text, start, end), lex)


def is_officials_ministry(doc: Document, issuer: dict[str, Any], lex: Lexicon) -> bool:
    """'홍길동 환경부 장관은 …': the lead names an official, and the issuer only as the ministry
    of that official — the organization is not itself a subject of the lead (nor an event's host)."""
    if issuer.get("source") != "lead":
        return False
    start = issuer["span"][0]
    line_start = doc.text.rfind("\n", 0, start) + 1
    before = doc.text[line_start:start].strip()
    marker = lex.MARKER_RE.match(before)
    return bool(before[marker.end() if marker else 0:].strip())


def run(doc: Document, lex: Lexicon) -> None:
    orgs: dict[str, dict[str, Any]] = {}
    for kind in SEARCHED:
        for block in doc.blocks_of(kind):
            for name, head, span in heads_in_block(doc, block, lex):
                orgs.setdefault(name, {"name": name, "head": head, "span": span})
    issuer = doc.release.get("issuer") or {}
    if issuer.get("name") and issuer["name"] not in orgs:
        entry: dict[str, Any] = {"name": issuer["name"], "head": None}
        if issuer.get("span") and not is_officials_ministry(doc, issuer, lex):
            entry["span"] = issuer["span"]
        orgs[issuer["name"]] = entry
    doc.organizations = list(orgs.values())
