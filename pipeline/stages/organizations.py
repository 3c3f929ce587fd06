"""Organizations and their heads, from `기관(직함: 姓名)` in the text, plus the issuer.

Reads: text, lines, blocks, release. Writes: organizations.
Example: '중소기업청(廳長: 柳昌茂)과' → {name '중소기업청', head {title '청장', name '유창무',
name_hanja '柳昌茂'}}; today's form '산림청(청장 홍길동)은' works the same way.
"""
from __future__ import annotations

import re
from typing import Any

from ..document import BlockKind, Document, Line
from ..lexicon import Lexicon
from ..text import is_hanja, read_hanja, read_hanja_name, without_spaces

K = BlockKind
SEARCHED = (K.BODY, K.TITLE, K.APPENDIX)


def parse_head(m: re.Match[str], lex: Lexicon) -> dict[str, Any] | None:
    """('廳長', '柳昌茂') → {'title': '청장', 'name': '유창무', 'name_hanja': '柳昌茂'}; None
    when the parenthesis holds no title and name ('(2024)', '(가칭)')."""
    raw_title, raw_name = m.group("title"), m.group("name")
    title_hanja = raw_title if any(is_hanja(c) for c in raw_title) else None
    title = read_hanja(raw_title) if title_hanja else raw_title
    if not lex.PERSON_TITLE_RE.fullmatch(without_spaces(title)):
        return None
    name_hanja = raw_name if all(is_hanja(c) for c in raw_name) else None
    name = read_hanja_name(raw_name, lex.surnames) if name_hanja else raw_name
    head = {"title": title, "name": name, "name_hanja": name_hanja}
    if title_hanja:
        head["title_hanja"] = title_hanja
    return head


def match_heads(line: Line, lex: Lexicon) -> list[tuple[str, dict[str, Any], list[int]]]:
    found = []
    if not lex.ORG_HEAD_TAIL_RE.search(line.text):
        return []           # no '(title name)': the full pattern's word-by-word scan is skipped
    suffixes = tuple(lex.titles["organization_suffixes"])
    for m in lex.ORG_HEAD_RE.finditer(line.text):
        head = parse_head(m, lex) if m.group("org").endswith(suffixes) else None
        if head:
            start = line.content.start + m.start("org")
            found.append((m.group("org"), head, [start, start + len(m.group("org"))]))
    return found


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
        for line in doc.lines_of(kind):
            for name, head, span in match_heads(line, lex):
                orgs.setdefault(name, {"name": name, "head": head, "span": span})
    issuer = doc.release.get("issuer") or {}
    if issuer.get("name") and issuer["name"] not in orgs:
        entry: dict[str, Any] = {"name": issuer["name"], "head": None}
        if issuer.get("span") and not is_officials_ministry(doc, issuer, lex):
            entry["span"] = issuer["span"]
        orgs[issuer["name"]] = entry
    doc.organizations = list(orgs.values())
