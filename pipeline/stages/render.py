"""Markup to plain lines: HTML pages and Markdown records become the text model.

Reads: decoded, source.format. Writes: plain, cells, front_matter.
Example: '<p>□ 개최 배경</p>' → '□ 개최 배경'.
"""
from __future__ import annotations

import lxml.html

from ..document import Document
from ..lexicon import Lexicon

BLOCK_TAGS = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
              "table", "dd", "dt", "section", "article", "header", "footer", "nav", "ul", "ol"}
DROP_TAGS = {"script", "style", "noscript", "template", "head"}


def html_lines(markup: str) -> str:
    """Block elements become lines; script, style and comments are dropped."""
    root = lxml.html.document_fromstring(markup)
    out: list[str] = []

    def walk(el) -> None:
        if not isinstance(el.tag, str) or el.tag in DROP_TAGS:
            if el.tail:
                out.append(el.tail)
            return
        if el.tag in BLOCK_TAGS:
            out.append("\n")
        if el.text:
            out.append(el.text)
        for child in el:
            walk(child)
        if el.tag in BLOCK_TAGS:
            out.append("\n")
        if el.tail:
            out.append(el.tail)

    walk(root)
    return "".join(out)


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """'---\\ntitle: "x"\\n---\\nbody' → ({'title': 'x'}, 'body')."""
    lines = text.splitlines(keepends=True)
    meta: dict[str, str] = {}
    for i, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return meta, "".join(lines[i + 1:])
        key, sep, value = line.partition(":")
        if sep:
            meta[key.strip()] = value.strip().strip('"')
    return {}, text


def unify_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def run(doc: Document, lex: Lexicon) -> None:
    decoded = unify_line_ends(doc.decoded)
    if doc.source.format == "html":
        doc.plain = unify_line_ends(html_lines(decoded))
    elif doc.source.format == "markdown":
        doc.front_matter, doc.plain = split_front_matter(decoded)
    else:
        doc.plain = decoded
