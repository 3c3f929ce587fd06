"""Sessions of a forum: label, number, title, summary, topics and talks.

Reads: text, sections, people. Writes: sessions.
Example: '- [세션 2]에서는 부문별 중소기업 정보화 촉진전략을 논의하는 순서로, 주요 주제는 …'
→ {label: '세션 2', number: 2, title: '부문별 정보화촉진전략', topics: [...], talks: [...]}.

A session is declared by a bullet that opens with its label (`[세션 1]에서는`, `제2세션은`,
`[종합토론]`, `1부:`). Titles come from the enumeration that introduces the sessions
(`크게 ‘A’, ‘B’, ‘C’ 등의 3개의 세션과 종합토론`), in number order. Talks come from the
block reporting on a session: the label bullet's own children, or a bullet whose intro
(`중소기업의 부문별 정보화 촉진전략 부문은 …`) is most similar to the session's title.
"""
from __future__ import annotations

import re
from typing import Any

from ..document import Document, Node
from ..lexicon import Lexicon
from ..text import NodeIndex, collapse, content_start, walk

TALK_ROLES = ("presenter", "keynote", "panelist")


# --- labels, titles, topics --------------------------------------------------------------

def match_label(text: str, node: Node, lex: Lexicon) -> tuple[str, int | None, re.Match[str]] | None:
    """'[세션 1]에서는 …' → ('세션 1', 1); '제2세션은' → ('세션 2', 2); '[종합토론]' → ('종합토론', None)."""
    m = lex.SESSION_LABEL_RE.match(text, content_start(text, node), node.span.end)
    if not m or not (m.group("close") if m.group("open") else m.group("tail")):
        return None
    if m.group("named"):
        return collapse(m.group("named")), None, m
    if m.group("num_c"):
        number = int(m.group("num_c"))
        return f"{number}{lex.semantic['sessions']['part_word']}", number, m
    word = m.group("word_a") or m.group("word_b")
    number = int(m.group("num_a") or m.group("num_b"))
    return f"{word} {number}", number, m


def parse_enumeration(doc: Document, nodes: list[Node], lex: Lexicon) -> list[str]:
    """'크게 ‘A’, ‘B’, ‘C’ 등의 3개의 세션과 종합토론' → ['A', 'B', 'C']."""
    for node in nodes:
        m = lex.SESSION_ENUM_RE.search(doc.text, node.span.start, node.span.end)
        if m is None:
            continue
        titles = [collapse(q.group("q")) for q in lex.QUOTED_RE.finditer(m.group("items"))]
        if len(titles) != int(m.group("count")):
            doc.warn("sessions", "session_count_mismatch",
                     f"{m.group('count')} sessions announced, {len(titles)} titles named", node.span)
        return titles
    return []


def parse_topics(text: str, start: int, end: int, lex: Lexicon) -> list[str]:
    """'주요 주제는 A, B, C 등으로 구성됨' → ['A', 'B', 'C']."""
    m = lex.TOPICS_RE.search(text, start, end)
    if m is None:
        return []
    return [collapse(t) for t in lex.TOPIC_SPLIT_RE.split(m.group("list")) if t.strip()]


def bigrams(value: str, lex: Lexicon) -> list[str]:
    compact = lex.NON_WORD_RE.sub("", value)
    return [compact[i:i + 2] for i in range(len(compact) - 1)]


def similarity(a: str, b: str, lex: Lexicon) -> float:
    """Dice coefficient over character bigrams, spaces and punctuation ignored."""
    x, y = bigrams(a, lex), bigrams(b, lex)
    if not x or not y:
        return 0.0
    pool = list(y)
    common = 0
    for gram in x:
        if gram in pool:
            pool.remove(gram)
            common += 1
    return 2 * common / (len(x) + len(y))


def match_intro(text: str, node: Node, lex: Lexicon) -> str | None:
    """'중소기업의 부문별 정보화 촉진전략 부문은 …' → '중소기업의 부문별 정보화 촉진전략'."""
    m = lex.SESSION_INTRO_RE.match(text, content_start(text, node), node.span.end)
    return m.group("intro") if m else None


# --- blocks and talks ----------------------------------------------------------------------

def subtree_end(node: Node) -> int:
    while node.children:
        node = node.children[-1]
    return node.span.end


def assign_intros(text: str, nodes: list[Node], sessions: list[dict[str, Any]],
                  lex: Lexicon) -> dict[int, Node]:
    """Session index → the bullet reporting on it, best similarity first, each used once.

    Intros are compared with each distinct title once, so the work grows with the bullets
    times the titles of the enumeration, not times every session label."""
    floor = lex.semantic["sessions"]["min_similarity"]
    by_title: dict[str, list[int]] = {}
    for i, session in enumerate(sessions):
        if session["title"]:
            by_title.setdefault(session["title"], []).append(i)
    pairs = []
    for node in nodes:
        intro = match_intro(text, node, lex) if node.children and by_title else None
        for title in by_title if intro else ():
            score = similarity(title, intro, lex)
            if score >= floor:
                pairs.append((score, -node.span.start, title, node))
    chosen: dict[int, Node] = {}
    used: set[int] = set()
    for _, _, title, node in sorted(pairs, key=lambda p: p[:2], reverse=True):
        free = [i for i in by_title[title] if i not in chosen]
        if free and node.span.start not in used:
            chosen[free[0]] = node
            used.add(node.span.start)
    return chosen


def parse_topic(text: str, bullet: Node, after: int, lex: Lexicon) -> str | None:
    """'‘…’을 주제로' after the speaker, else the bullet's lead '… 부문에서'."""
    quoted = lex.TOPIC_QUOTE_RE.search(text, after, bullet.span.end)
    if quoted:
        return collapse(quoted.group("topic"))
    lead = lex.TOPIC_LEAD_RE.match(text, content_start(text, bullet), bullet.span.end)
    return collapse(lead.group("topic") or lead.group("case")) if lead else None


def speakers_by_bullet(doc: Document, index: NodeIndex) -> dict[int, list[dict[str, Any]]]:
    """Bullet start → the speakers first named in it."""
    found: dict[int, list[dict[str, Any]]] = {}
    for person in doc.people:
        owner = index.owner(person["span"][0])
        if owner is not None and set(person["roles"]) & set(TALK_ROLES):
            found.setdefault(owner, []).append(person)
    return found


def talks_in(doc: Document, block: Node, speakers: dict[int, list[dict[str, Any]]],
             lex: Lexicon) -> list[dict[str, Any]]:
    """A talk per speaker named in the block: the bullet naming them is the talk's span."""
    talks = []
    for bullet in walk([block]):
        for person in speakers.get(bullet.span.start, []):
            talks.append({"speaker": person["name"], "title": person["title"],
                          "affiliation": person["affiliation"], "country": person["country"],
                          "topic": parse_topic(doc.text, bullet, person["span"][1], lex),
                          "span": bullet.span.to_json()})
    return talks


# --- the stage -----------------------------------------------------------------------------

def declared(doc: Document, nodes: list[Node], lex: Lexicon) -> list[tuple[dict[str, Any], Node]]:
    found = []
    for node in nodes:
        label = match_label(doc.text, node, lex)
        if label is None:
            continue
        name, number, m = label
        summary = collapse(doc.text[m.end():node.span.end]) or None
        found.append(({"label": name, "number": number, "title": None, "summary": summary,
                       "topics": parse_topics(doc.text, m.end(), node.span.end, lex), "talks": [],
                       "span": node.span.to_json(), "spans": {}}, node))
    return found


def run(doc: Document, lex: Lexicon) -> None:
    nodes = list(walk(doc.sections))
    found = declared(doc, nodes, lex)
    titles = parse_enumeration(doc, nodes, lex)
    for session, _ in found:
        if session["number"] is not None and 1 <= session["number"] <= len(titles):
            session["title"] = titles[session["number"] - 1]
    sessions = [s for s, _ in found]
    labelled = {node.span.start for _, node in found}
    intros = assign_intros(doc.text, [n for n in nodes if n.span.start not in labelled], sessions, lex)
    speakers = speakers_by_bullet(doc, NodeIndex(nodes))
    for i, (session, node) in enumerate(found):
        block = intros.get(i) or (node if node.children else None)
        if block is not None:
            session["talks"] = talks_in(doc, block, speakers, lex)
            session["spans"]["report"] = [block.span.start, subtree_end(block)]
    doc.sessions = sessions
