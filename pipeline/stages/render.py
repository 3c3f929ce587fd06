"""Markup to plain lines: HTML pages and Markdown records become the text model.

Reads: decoded, source.format. Writes: plain, cells, front_matter.
Example: '<p>□ 개최 배경</p>' → '□ 개최 배경'.
"""
from __future__ import annotations

import html.parser

import lxml.html

from ..document import Document
from ..lexicon import Lexicon

BLOCK_TAGS = {"p", "div", "br", "li", "tr", "td", "th", "h1", "h2", "h3", "h4", "h5", "h6",
              "table", "dd", "dt", "section", "article", "header", "footer", "nav", "ul", "ol"}
DROP_TAGS = {"script", "style", "noscript", "template", "head"}


def parse_html(markup: str) -> tuple[lxml.html.HtmlElement, bool]:
    """The tree, and whether libxml2 stopped at its depth limit (256) and dropped the rest.

    Parsed from UTF-8 bytes with the encoding given, so an `<?xml … encoding="EUC-KR"?>`
    declaration (XHTML pages) neither raises nor re-decodes text decode already decoded.
    The parser never loads DTDs or the network, and huge_tree stays off."""
    parser = lxml.html.HTMLParser(encoding="utf-8", no_network=True)
    root = lxml.html.document_fromstring(markup.encode("utf-8", "surrogatepass"), parser=parser)
    too_deep = any(e.type_name == "ERR_RESOURCE_LIMIT" for e in parser.error_log)
    return root, too_deep


class FlatText(html.parser.HTMLParser):
    """Tags as a flat stream, no tree: for markup nested too deeply for a tree."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.dropping += tag in DROP_TAGS
        if tag in BLOCK_TAGS:
            self.out.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in DROP_TAGS and self.dropping:
            self.dropping -= 1
        if tag in BLOCK_TAGS:
            self.out.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.out.append(data)


def flat_html_lines(markup: str) -> str:
    """'<div><div>…<p>끝</p>' nested 10,000 deep → the lines tree_lines would give."""
    reader = FlatText()
    reader.feed(markup)
    reader.close()
    return "".join(reader.out)


def tree_lines(root: lxml.html.HtmlElement) -> str:
    """Block elements become lines; script, style and comments are dropped."""
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
        root, too_deep = parse_html(decoded)
        if too_deep:
            doc.warn("render", "markup_too_deep", "the markup nests deeper than libxml2's limit of 256 "
                     "elements; it was read as a flat run of tags")
        doc.plain = unify_line_ends(flat_html_lines(decoded) if too_deep else tree_lines(root))
    elif doc.source.format == "markdown":
        doc.front_matter, doc.plain = split_front_matter(decoded)
    else:
        doc.plain = decoded
