"""Markup to plain lines: HTML pages, korea.kr records and JSON records become the text model.

Reads: decoded, source.format. Writes: plain, cells, line_hints, front_matter, line_repairs.
Example: '<p>&nbsp;&nbsp;○ 개최 배경</p>' → '  ○ 개최 배경' (the &nbsp; indent carries depth).

HTML: script, style and comments are dropped, block elements and table cells start lines,
each paragraph of a cell is its own line, and every cell is recorded with its table, row and
column. Markup also says what a line is: menus, skip links, buttons, the survey and the site
footer are CHROME; the trail is BREADCRUMB; the board headline and its 작성자/작성일/조회수
cells are PAGE_HEADER (label and value as separate lines, in reading order); the page's own
담당부서/전화번호 box is PAGE_FOOTER. Those go to `line_hints` by line index; normalize
never adds or removes a line end, so the indices hold in `lines`.

korea.kr Markdown records: the YAML front matter goes to `front_matter`; the record header
(`# title`, `- 부처: …`) loses its Markdown syntax but keeps its lines, hinted PAGE_HEADER;
`> …` quotes (the title again, or subtitle and summary) lose their `>` and are left to
segment; `## 본문` leaves an empty line; the trailing `## 출처` section is CHROME. The body
after `## 본문` is plain text, kept as it is.

Mojibake (Korean bytes shown through the wrong code page) is reversed line by line; each
repair is kept as a LineRepair that normalize turns into a Repair with a span in `text`.
Nothing here fetches anything or resolves entities beyond HTML's own character references.
"""
from __future__ import annotations

import codecs
import functools
import html.parser
import json
import re
from dataclasses import dataclass, field
from itertools import chain, islice
from typing import Any

import lxml.etree
import lxml.html

from ..document import BlockKind, Cell, Document, LineRepair
from ..lexicon import CP1252_EXTRA, Lexicon, once_per_lexicon
from ..readers.hwpx import read_hwpx
from ..text import collapse, is_hangul, without_spaces

K = BlockKind
HTML_SPACE = " \t\n\r\f"                       # HTML white space; &nbsp; is not among it
HTML_SPACE_RE = re.compile(f"[{HTML_SPACE}]+")
# A start tag longer than this loses its attributes before libxml2 sees it: libxml2 checks each
# attribute against the others, so 100k attributes cost minutes (cost cap; real tags are short).
MAX_TAG_CHARS = 32_768
OVERSIZED_TAG_RE = re.compile(r"<(?P<name>[A-Za-z][A-Za-z0-9:-]*+)(?=[^<>]{%d})[^<>]*+>" % MAX_TAG_CHARS)
BOARD_FIELDS_MAX = 200       # a row of board fields is short; a body paragraph is not
BOARD_FIELD_TAGS = frozenset({"tr", "dl", "ul", "ol", "div", "p", "li"})
LABEL_TAGS = frozenset({"th", "dt", "label", "h1", "h2"})    # elements whose own text may be a chrome label
FOOTER_TERMS_MAX = 20        # a page footer's <dl> names its department among its first terms
COMMON_SHARE = 0.9          # real Korean text: nine syllables in ten or more are KS X 1001's
LOSSY = "lossy"              # a mojibake run that cannot be reversed exactly
# Punctuation Korean text really uses; it alone never makes a run mojibake.
TYPOGRAPHY = frozenset("\u00a0\u00b7\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2022\u00b0\u00d7")
# A character a Latin-1 or cp1252 view shows for a byte 0x80-0xFF.
SHOWN_CHAR_RE = re.compile(rf"[\u0080-\u00ff{CP1252_EXTRA}]")
# Those of them that are not typography, as one plain class (all lie below U+2200): `re`
# skips ahead by a plain class, where a lookahead excluding typography made it try every
# position (3× the CPU over korea.kr records), and filtering matches after costs a Python
# step per middle dot.
SUSPECT_CHAR_RE = re.compile("[%s]" % "".join(
    re.escape(ch) for ch in map(chr, range(0x80, 0x2200)) if SHOWN_CHAR_RE.match(ch) and ch not in TYPOGRAPHY))
# Two suspect characters in one run of LATIN_RUN_RE's characters: the least a run needs to be
# mojibake (is_mojibake_run). A page whose only suspect is a lone '©' in its footer has none.
SUSPECT_PAIR_RE = re.compile(rf"{SUSPECT_CHAR_RE.pattern}[\u0020-\u00ff{CP1252_EXTRA}]*?{SUSPECT_CHAR_RE.pattern}")
YAML_INTEGER_RE = re.compile(r"-?\d{1,18}")     # longer digit runs stay text: no 64-bit number
Element = lxml.etree._Element


# --- the canvas: lines being written, with what markup said about them -----------------

@dataclass(slots=True)
class Canvas:
    """Lines written so far, the line being written (its pieces, and the kind each was written
    in), cells and tables. Slotted: the walk reads its fields a few times per element."""
    lines: list[str] = field(default_factory=list)
    hints: dict[int, BlockKind] = field(default_factory=dict)
    cells: list[Cell] = field(default_factory=list)
    parts: list[str] = field(default_factory=list)
    kinds: list[BlockKind | None] = field(default_factory=list)     # parts[i] was written as kinds[i]
    tables: int = 0

    def write(self, text: str | None, kind: BlockKind | None) -> None:
        """Add inline text; HTML white space collapses, &nbsp; stays (it is indentation)."""
        if not text:
            return
        if not text.strip(HTML_SPACE):
            # White space alone (most tails between block elements): one space between words,
            # none at a line's start. Settled without the pattern; its kind is kept, as the
            # kinds' order breaks ties in end_line.
            if self.parts:
                self.parts.append(" ")
                self.kinds.append(kind)
            return
        if "\n" in text or "  " in text or "\t" in text or "\r" in text or "\f" in text:
            text = squeeze_html_space(text)     # (most pieces of a page need no squeezing)
        self.parts.append(text if self.parts else text.lstrip(" "))
        self.kinds.append(kind)

    def write_line(self, text: str, kind: BlockKind | None) -> None:
        """write(text, kind) then end_line() where no line is begun, in one step: the text of a
        paragraph or a cell with no markup inside (most lines of a page), without the pieces.
        A printable text holds no line end, tab or form feed: one isprintable() (~20 ns a
        paragraph) spares those four scans; only a double space is looked for in it."""
        if "  " in text or (not text.isprintable() and ("\n" in text or "\t" in text or "\r" in text
                                                        or "\f" in text)):
            text = squeeze_html_space(text)
        line = text.lstrip(" ").replace("\u00a0", " ").rstrip()
        if line:
            if kind is not None:
                self.hints[len(self.lines)] = kind
            self.lines.append(line)

    def end_line(self) -> None:
        """Close the current line; a line of white space alone is not a line. Its kind is the
        one that wrote the most characters (white space aside), the first written on a tie."""
        parts = self.parts
        if not parts:
            return          # two block edges in a row (most calls): nothing written
        line = "".join(parts).replace("\u00a0", " ").rstrip()
        kinds = self.kinds
        if line:
            kind = kinds[0]
            if kinds.count(kind) != len(kinds):
                kind = heaviest_kind(parts, kinds)      # a line of mixed kinds (rare): weigh them
            if kind is not None:
                self.hints[len(self.lines)] = kind
            self.lines.append(line)
        # Emptied in place, not replaced: the walk keeps `parts` in a local to test it.
        parts.clear()
        kinds.clear()


def heaviest_kind(parts: list[str], kinds: list[BlockKind | None]) -> BlockKind | None:
    """The kind whose pieces hold the most characters, white space aside; of those tied, the
    first written."""
    weights: dict[BlockKind | None, int] = {}
    for part, kind in zip(parts, kinds):
        weights[kind] = weights.get(kind, 0) + len(part.strip())
    return max(weights, key=weights.__getitem__)


def squeeze_html_space(text: str) -> str:
    """'a \n\t b' → 'a b': each run of HTML white space becomes one space, as HTML_SPACE_RE.sub
    would make it. String methods instead of the pattern: HTML_SPACE_RE.sub cost about 1 µs a
    text piece on the seed page (a fifth of the walk), these a fifth of that, as `in` scans
    in C and most pieces need no replacement at all."""
    for space in HTML_SPACE[1:]:
        if space in text:
            text = text.replace(space, " ")
    while "  " in text:
        text = text.replace("  ", " ")
    return text


# --- what an element is -----------------------------------------------------------------

def text_content(el: Element) -> str:
    """'<td>담당 <b>부서</b></td>' → '담당 부서'. A childless element's text is its own: read
    without an XPath evaluation, which costs microseconds to set up; the others' is written by
    libxml2's text serializer, the same string as XPath's string() at half its cost (a row of
    a table: 0.5 µs against 1 µs)."""
    if not len(el):
        return el.text or ""
    return lxml.etree.tostring(el, method="text", encoding=str, with_tail=False)


def short_text(el: Element, limit: int) -> str | None:
    """text_content(el) when it is at most `limit` characters long, else None. The wrappers
    around a page's content each hold the whole page (95,000 characters on a city's page),
    and is_board_fields asks each of them: their text is serialized as UTF-8 bytes, 2.5×
    cheaper than a str, and decoded only when it may be short (a character is at most four
    bytes)."""
    if not len(el):
        text = el.text or ""
        return text if len(text) <= limit else None
    data = lxml.etree.tostring(el, method="text", encoding="utf-8", with_tail=False)
    if len(data) > 4 * limit:
        return None
    text = data.decode("utf-8")
    return text if len(text) <= limit else None


def markup_words(el: Element, lex: Lexicon) -> frozenset[str]:
    """class="quickMenuWrap sns" id="snb2" → {'quickmenuwrap', 'quick', 'menu', 'wrap', 'sns', 'snb2', 'snb'}."""
    names = markup_names(el)
    if names == " ":
        return NO_WORDS            # most elements carry neither
    return words_of_names(names, lex.MARKUP_WORD_RE)


NO_WORDS: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=4096)
def words_of_names(names: str, word_re: re.Pattern[str]) -> frozenset[str]:
    """markup_words of one class-and-id string. A site repeats the same few on every row and
    cell, so the split is remembered (bounded: class names come from the input)."""
    words: set[str] = set()
    for token in names.split():
        words.add(token.lower())
        words.update(w.lower() for w in word_re.findall(token) if not w.isdigit())
    return frozenset(words)


def own_label(el: Element) -> str:
    """'담당부서 :' → '담당부서', spaces removed, for comparing with label lists."""
    return without_spaces(text_content(el)).rstrip(":")


@dataclass(frozen=True, eq=False)
class MarkupVocabulary:
    """The word and tag lists of data/html.toml that every element is tested against, as sets
    built once per lexicon instead of once per element (a page has thousands). Compared and
    hashed by identity: it keys markup_plan's cache."""
    footer_words: frozenset[str]
    chrome_words: frozenset[str]
    breadcrumb_words: frozenset[str]
    page_header_words: frozenset[str]
    department_labels: frozenset[str]
    drop_tags: frozenset[str]
    block_tags: frozenset[str]
    cell_tags: frozenset[str]
    chrome_tags: frozenset[str]
    # The texts that make a label-like element (LABEL_TAGS) chrome: '첨부파일', 'DataContents'.
    chrome_texts: frozenset[str]
    # Tags that classify() may act on without a class or id: the rest pass straight through.
    telling_tags: frozenset[str]
    word_re: re.Pattern[str]     # lex.MARKUP_WORD_RE


@once_per_lexicon
def markup_vocabulary(lex: Lexicon) -> MarkupVocabulary:
    conf, tags, page = lex.html, lex.html["tags"], lex.labels["page"]
    return MarkupVocabulary(
        frozenset(conf["page_footer"]["words"]), frozenset(conf["chrome"]["words"]),
        frozenset(conf["breadcrumb"]["words"]), frozenset(conf["page_header"]["words"]),
        frozenset(page["department"]),
        frozenset(tags["drop"]), frozenset(tags["block"]), frozenset(tags["cell"]),
        frozenset(conf["chrome"]["tags"]),
        chrome_texts(lex),
        BOARD_FIELD_TAGS | frozenset(conf["chrome"]["tags"]) | LABEL_TAGS | {"dl"},
        lex.MARKUP_WORD_RE)


def chrome_texts(lex: Lexicon) -> frozenset[str]:
    texts = frozenset(lex.html["chrome"]["labels"]) | frozenset(lex.html["korea_kr"]["markers"])
    if "" in texts:
        raise ValueError("html.toml: an empty chrome label would make every element chrome")
    return texts


def is_footer_list(el: Element, vocabulary: MarkupVocabulary, lex: Lexicon) -> bool:
    """<dl><dt>담당부서</dt><dd>소통홍보팀</dd>…</dl>: a page footer by its terms, not its class."""
    labels = vocabulary.department_labels
    # The first few terms are enough (cost cap: nested lists would each read every term below).
    return (any(own_label(dt) in labels for dt in islice(el.iter("dt"), FOOTER_TERMS_MAX))
            and not is_board_fields(el, vocabulary, lex))


def is_board_fields(el: Element, vocabulary: MarkupVocabulary, lex: Lexicon) -> bool:
    """<tr><th>작성자</th><td>혁****</td><th>작성일</th><td>04/07/23 (12:07)</td></tr>, a
    <dl> of dt/dd pairs, or labelled spans (<li><span class="label">작성일</span> …</li>): a
    short element holding a bare board label at any depth."""
    if el.tag not in BOARD_FIELD_TAGS or len(el) < 2:
        return False
    text = short_text(el, BOARD_FIELDS_MAX)
    if text is None:
        return False
    # A descendant's text is a piece of the element's: no label in the whole, none in a part.
    # Most short elements stop here, before their descendants are read one by one.
    # (The labels hold no space: PAGE_FIELD_WORD_RE, their alternation, finds one in a single
    # scan where a test per label took twelve.)
    if not lex.PAGE_FIELD_WORD_RE.search(without_spaces(text)):
        return False
    return any(lex.PAGE_LABEL_RE.match(collapse(text_content(node)))
               for node in el.iterdescendants() if isinstance(node.tag, str))


def is_chrome_tag(el: Element, vocabulary: MarkupVocabulary) -> bool:
    """<nav>, <button>, the site's <header> (logo, menus) and <footer>; not the <header> of an
    <article>, nor a <header> that holds only a post's title."""
    if el.tag not in vocabulary.chrome_tags:
        return False
    if el.tag in ("header", "footer") and any(a.tag in ("article", "main", "section") for a in el.iterancestors()):
        return False
    if el.tag == "header":
        return any(True for _ in el.iter("nav", "ul", "ol", "form", "img"))
    return True


HEADER_FOOTER = ("header", "footer")     # chrome tags whose verdict depends on where they stand
# Tags whose kind may depend on their content or place, not on tag and words alone; of
# those, the ones tested for board fields alone, a test that needs two children.
CONTENT_TESTED_TAGS = frozenset({"dl"}) | BOARD_FIELD_TAGS | frozenset(HEADER_FOOTER) | LABEL_TAGS
BOARD_TESTED_ONLY = BOARD_FIELD_TAGS - frozenset({"dl"}) - frozenset(HEADER_FOOTER) - LABEL_TAGS


@dataclass(frozen=True, slots=True)
class MarkupPlan:
    """What an element's tag and class-and-id words say before its content is read: `kind`;
    and `tested_from`, the fewest children an element needs for a content test to apply and
    perhaps change that (None: no test applies, `kind` is the verdict)."""
    footer_words: bool
    kind: BlockKind | None
    tested_from: int | None


def markup_names(el: Element) -> str:
    """The class and id of an element as one string: ' ' when it has neither."""
    return f"{el.get('class') or ''} {el.get('id') or ''}"


@functools.lru_cache(maxsize=4096)
def markup_plan(tag: str, names: str, vocabulary: MarkupVocabulary) -> MarkupPlan:
    """('div', 'location ') → BREADCRUMB unless its content makes it board fields; ('nav', ' ')
    → CHROME whatever it holds; ('p', 'hwp ') → None unless its content says otherwise.
    Remembered: sites repeat the same few tags and classes on every row, cell and page
    (bounded: class names come from the input)."""
    words = words_of_names(names, vocabulary.word_re) if names != " " else NO_WORDS
    if words & vocabulary.footer_words:
        return MarkupPlan(True, K.PAGE_FOOTER, None)
    if words & vocabulary.chrome_words or (tag in vocabulary.chrome_tags and tag not in HEADER_FOOTER):
        kind = K.CHROME
    elif words & vocabulary.breadcrumb_words:
        kind = K.BREADCRUMB
    elif words & vocabulary.page_header_words:
        kind = K.PAGE_HEADER
    else:
        kind = None
    if tag not in CONTENT_TESTED_TAGS:
        return MarkupPlan(False, kind, None)
    return MarkupPlan(False, kind, 2 if tag in BOARD_TESTED_ONLY else 0)


def content_kind(el: Element, plan: MarkupPlan, vocabulary: MarkupVocabulary, lex: Lexicon) -> BlockKind | None:
    """The tests in their order: page footer, board fields, chrome, breadcrumb, page header, a
    chrome label; those reading the element's content or place run only where they apply."""
    tag = el.tag
    if plan.footer_words or (tag == "dl" and is_footer_list(el, vocabulary, lex)):
        return K.PAGE_FOOTER
    if is_board_fields(el, vocabulary, lex):
        return K.PAGE_HEADER
    if plan.kind is K.CHROME or (tag in HEADER_FOOTER and is_chrome_tag(el, vocabulary)):
        return K.CHROME
    if plan.kind is not None:
        return plan.kind
    if tag in LABEL_TAGS and collapse(text_content(el)) in vocabulary.chrome_texts:
        return K.CHROME
    return None


def classify(el: Element, lex: Lexicon) -> BlockKind | None:
    """What this element makes of its lines, or None to keep its parent's kind."""
    vocabulary = markup_vocabulary(lex)
    names = markup_names(el)
    if names == " " and el.tag not in vocabulary.telling_tags:
        return None         # most elements: no class or id, and a tag that says nothing alone
    plan = markup_plan(el.tag, names, vocabulary)
    if plan.tested_from is None or len(el) < plan.tested_from:
        return plan.kind
    return content_kind(el, plan, vocabulary, lex)


# --- HTML to lines ----------------------------------------------------------------------

@functools.lru_cache(maxsize=2)
def html_parser(plain: bool) -> lxml.etree.HTMLParser:
    """An HTML parser kept for the process: making one cost as much as parsing the seed page
    with it. lxml locks a parser while it parses and clears its error log per parse.
    `plain`: bare lxml.etree elements, which render's walk touches more cheaply than
    lxml.html's (those look up an element class for every node touched). No table of id
    attributes: nothing looks an element up by id, and filling it cost 6% of the parse."""
    kind = lxml.etree.HTMLParser if plain else lxml.html.HTMLParser
    return kind(encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True, default_doctype=False,
                collect_ids=False)


def parse_html(markup: str, plain: bool = False) -> tuple[Element | None, bool]:
    """The document tree (lxml.html elements, or with `plain` lxml.etree ones), or None for
    markup holding no element at all; and whether libxml2 stopped at its nesting limit (256
    levels, huge_tree stays off), dropping all that follows."""
    return parse_utf8(markup.encode("utf-8"), plain)


RESOURCE_LIMIT = (lxml.etree.ErrorTypes.ERR_RESOURCE_LIMIT,)


def parse_utf8(data: bytes, plain: bool) -> tuple[Element | None, bool]:
    """parse_html of markup given as its UTF-8 bytes. The nesting limit is looked for by the
    error log's own filter, in C: a Python loop over the log made an object per entry and
    cost 3% of the seed page's parse."""
    parser = html_parser(plain)
    try:
        root = lxml.etree.fromstring(data, parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None, False
    if root is None:
        return None, False
    return root, bool(parser.error_log.filter_types(RESOURCE_LIMIT))


def markup_bytes(doc: Document, text: str) -> bytes:
    """`text` as UTF-8 bytes for libxml2. A page that came as valid UTF-8 and reaches render
    unchanged already is those bytes: doc.raw is given as it is, where encoding the text
    again cost a tenth of the seed page's parse. Valid: decode named UTF-8 without a
    byte-order mark (utf-8-sig is also reported as utf-8), render changed nothing (`text` is
    doc.decoded itself), and no byte was replaced (a lossy decode leaves a U+FFFD; a real one
    in the page only sends it the long way)."""
    if (text is doc.decoded and doc.source.encoding == "utf-8" and not doc.raw.startswith(codecs.BOM_UTF8)
            and "\ufffd" not in text):
        return doc.raw
    return text.encode("utf-8")


class FlatReader(html.parser.HTMLParser):
    """Markup as a flat stream of tags onto the canvas, no tree: the fallback for markup nested
    deeper than libxml2 builds. Block and cell tags break lines; dropped tags hide their text."""
    VOID = {"embed"}            # a dropped tag that never has an end tag

    def __init__(self, canvas: Canvas, lex: Lexicon) -> None:
        super().__init__(convert_charrefs=True)
        self.canvas, self.tags, self.dropping = canvas, lex.html["tags"], 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.tags["drop"] and tag not in self.VOID:
            self.dropping += 1
        self.handle_endtag(tag, closing=False)

    def handle_endtag(self, tag: str, closing: bool = True) -> None:
        if closing and tag in self.tags["drop"] and self.dropping:
            self.dropping -= 1
        if tag in self.tags["block"] or tag in self.tags["cell"] or tag == "br":
            self.canvas.end_line()

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.canvas.write(data, None)


class Step:
    """What the walk does with an element of one tag, class and id, worked out once
    (element_step) and then found by one dict look-up (PageWalk.step_of): a page repeats a few
    dozen of them over hundreds of elements, and the tag-set and plan look-ups cost as much as
    the writing they steer.

    `skip`: a comment, a processing instruction or an entity, or a dropped tag: not written.
    `plan`: the MarkupPlan of its tag and words, None where neither can say anything (no class
    or id, a tag that says nothing alone). `table`: a <table> or a <tr> (enter_table).
    `block`: a line break on each side; `cell`: a td or th, a block recorded as a Cell.
    `leaf`: what a childless element of it is once its plan is settled: True, a line of its
    own; False, inline text; None, it needs visit() (a cell, a table or a row, or a plan that
    gives it a kind or reads its text)."""
    __slots__ = ("tag", "skip", "plan", "table", "block", "cell", "leaf")

    def __init__(self, tag: Any, skip: bool, plan: MarkupPlan | None, table: bool, block: bool, cell: bool,
                 leaf: bool | None) -> None:
        self.tag = tag
        self.skip = skip
        self.plan = plan
        self.table = table
        self.block = block
        self.cell = cell
        self.leaf = leaf


@functools.lru_cache(maxsize=4096)
def element_step(tag: Any, css: str | None, ident: str | None, vocabulary: MarkupVocabulary) -> Step:
    """The Step of an element of this tag, class and id. Remembered across pages (bounded:
    class names come from the input): making one costs a microsecond and a half, a page needs a
    few dozen, and a site's pages share them."""
    if tag.__class__ is not str or tag in vocabulary.drop_tags:
        return Step(tag, True, None, False, False, False, None)
    plan = None
    if css or ident or tag in vocabulary.telling_tags:
        plan = markup_plan(tag, f"{css or ''} {ident or ''}", vocabulary)
    cell = tag in vocabulary.cell_tags
    table = tag == "table" or tag == "tr"
    block = cell or tag in vocabulary.block_tags or tag == "br"
    # A leaf is written in its parent's loop when its plan leaves nothing to decide.
    plain = plan is None or (plan.kind is None and plan.tested_from != 0)
    leaf = block if plain and not cell and not table else None
    return Step(tag, False, plan, table, block, cell, leaf)


MAX_STEPS = 4096     # Steps kept per vocabulary (a site needs a few dozen)


@functools.cache
def step_table(vocabulary: MarkupVocabulary) -> dict[tuple[Any, str | None, str | None], Step]:
    """The Steps of the (tag, class, id) seen so far, per vocabulary, for every page: a page's
    first look-up of each of its few dozen keys went through step_of and element_step's cache
    (a twentieth of the seed page's walk), and the pages of one site share them."""
    return {}


class PageWalk:
    """One page written onto a canvas, element by element in document order.

    Why a class: the walk visits every element of the page, and per element it used to look
    up the lexicon's vocabulary, call classify(), write the text, then the tail, each through
    a function call. Here the sets are bound once, and what the tag, class and id of an element
    say (its Step: dropped, a block, a cell, its MarkupPlan, whether a leaf can be written in
    place) is worked out once for each (tag, class, id) (element_step) and then found by one
    dict look-up; only the content tests a plan leaves open read an element's content.

    The cost is Python steps per element (a page has a few hundred), so visit() writes an
    element's children in its own loop: a childless one whose Step settles it (two elements in
    three: a paragraph, a link) is written there, without a call of its own, and a parent is
    one visit() call, its Step read by its parent's loop."""

    def __init__(self, canvas: Canvas, lex: Lexicon) -> None:
        self.canvas, self.lex = canvas, lex
        self.vocabulary = vocabulary = markup_vocabulary(lex)
        self.drop_tags, self.cell_tags = vocabulary.drop_tags, vocabulary.cell_tags
        self.block_tags = vocabulary.block_tags | {"br"}
        self.telling_tags = vocabulary.telling_tags
        # step_of by (tag, class, id), kept across pages (step_table): a site repeats them.
        self.steps = step_table(vocabulary)

    def walk(self, el: Element, kind: BlockKind | None, table: list[int]) -> None:
        """Write `el` and its children; `table` is [index, row, col] of the innermost table."""
        step = self.step_of(el.tag, el.get("class"), el.get("id"))
        if not step.skip:
            self.visit(el, step, kind, table)

    def step_of(self, tag: Any, css: str | None, ident: str | None) -> Step:
        """The Step of elements of this tag, class and id: from this page's table, else from
        element_step (a page holds a few dozen of them, a site repeats them on every page)."""
        key = (tag, css, ident)
        step = self.steps.get(key)
        if step is None:
            if len(self.steps) >= MAX_STEPS:
                self.steps.clear()      # bounded: class names come from the input
            step = self.steps[key] = element_step(tag, css, ident, self.vocabulary)
        return step

    def visit(self, el: Element, step: Step, kind: BlockKind | None, table: list[int]) -> None:
        """Write `el` (not skipped; `step` is its Step), its text, then each child and the text
        that follows it."""
        plan = step.plan
        if plan is not None:
            if kind is K.CHROME:
                # Inside chrome every line stays chrome but a page footer's (settled()): no
                # other test can change it, so a menu's lists and items are not tested.
                if plan.footer_words or (step.tag == "dl" and is_footer_list(el, self.vocabulary, self.lex)):
                    kind = K.PAGE_FOOTER
            else:
                if plan.tested_from is None or len(el) < plan.tested_from:
                    found = plan.kind
                else:
                    found = content_kind(el, plan, self.vocabulary, self.lex)
                if found is not None:
                    kind = self.settled(el, found, kind)
                    if kind is WRITTEN:
                        return
        canvas = self.canvas
        if step.table:
            table = enter_table(el, canvas, table)
        parts = canvas.parts
        block = step.block
        if block and parts:
            canvas.end_line()
        first = len(canvas.lines) if step.cell else 0      # where a cell's lines start
        write, write_line, visit, steps = canvas.write, canvas.write_line, self.visit, self.steps
        # lxml makes a new str at each access: each text is read once. White space alone
        # where no line is begun (most tails between blocks) writes nothing: not written.
        text = el.text
        if block and not len(el):
            # A childless block visit() is asked to write (a cell, a heading a plan gave a kind):
            # no line is begun, so its text is one line, as write_line writes it.
            if text:
                write_line(text, kind)
            if step.cell:
                self.record_cell(el, table, first)
            return
        if text and (parts or text.strip(HTML_SPACE)):
            write(text, kind)
        for child in el:
            key = (child.tag, child.get("class"), child.get("id"))
            child_step = steps.get(key)
            if child_step is None:
                child_step = self.step_of(*key)
            leaf = child_step.leaf
            if leaf is None or len(child):
                if not child_step.skip:
                    visit(child, child_step, kind, table)
            elif leaf:
                if parts:
                    canvas.end_line()
                text = child.text
                if text:
                    write_line(text, kind)
            else:
                text = child.text
                if text:
                    write(text, kind)
            tail = child.tail
            if tail and (parts or tail.strip(HTML_SPACE)):
                write(tail, kind)
        if block and parts:
            canvas.end_line()
        if step.cell:
            self.record_cell(el, table, first)

    def classify(self, el: Element, names: str) -> BlockKind | None:
        """classify() with the vocabulary bound and the names already read."""
        plan = markup_plan(el.tag, names, self.vocabulary)
        if plan.tested_from is None or len(el) < plan.tested_from:
            return plan.kind
        return content_kind(el, plan, self.vocabulary, self.lex)

    def classified(self, el: Element, names: str, kind: BlockKind | None) -> BlockKind | None:
        """The kind of `el`'s lines, or WRITTEN when a trail or a labelled title wrote it whole."""
        found = self.classify(el, names)
        return kind if found is None else self.settled(el, found, kind)

    def settled(self, el: Element, found: BlockKind, kind: BlockKind | None) -> BlockKind | None:
        """What `found`, the element's own kind, makes of the lines inside `kind`; or WRITTEN
        when a trail or a labelled title wrote the element whole."""
        if kind == K.CHROME and found != K.PAGE_FOOTER:
            return kind         # a title inside a menu ('gnb_tit') is the menu's
        if found == K.BREADCRUMB and kind != K.BREADCRUMB and write_trail(el, self.canvas, self.lex):
            return WRITTEN
        if found == K.PAGE_HEADER and write_labelled_title(el, self.canvas, self.lex):
            return WRITTEN
        return found

    def record_cell(self, el: Element, table: list[int], first: int) -> None:
        """A td or th whose lines start at `first`: recorded as a Cell at (row, col)."""
        if table:
            canvas = self.canvas
            row = table[1] if table[1] > 0 else 0
            canvas.cells.append(Cell(table[0], row, table[2], first, len(canvas.lines), el.tag == "th"))
            span = el.get("colspan")    # most cells have none: one column, the number not read
            table[2] += 1 if span is None else int(span) if span.strip().isdigit() else 1


WRITTEN = "written"          # PageWalk.classified: the element was written whole, skip it


def enter_table(el: Element, canvas: Canvas, table: list[int]) -> list[int]:
    """A <table> opens a new numbered table; a <tr> moves to its next row."""
    if el.tag == "table":
        canvas.end_line()
        canvas.tables += 1
        return [canvas.tables - 1, -1, 0]
    if el.tag == "tr" and table:
        table[1], table[2] = table[1] + 1, 0
    return table


def trail_items(el: Element, lex: Lexicon) -> list[str]:
    """The crumbs of a trail element, in order: its text pieces that are not separators,
    skipping dropped and chrome parts ('<span class="hidden">현재 위치</span>') and the
    drop-down lists some boards hang under each crumb. `el` is a trail (the walk classified
    it BREADCRUMB): its own kind is not asked again, only its descendants' are."""
    items: list[str] = []
    separators = set(lex.html["breadcrumb"]["separators"])
    drop_tags = markup_vocabulary(lex).drop_tags

    def collect(text: str | None) -> None:
        piece = collapse(text) if text else ""
        if piece and not set(piece.replace(" ", "")) <= separators:
            items.append(piece)

    def is_crumb_part(node: Element, in_item: bool) -> bool:
        tag = node.tag
        if tag.__class__ is not str or tag in drop_tags or classify(node, lex) == K.CHROME:
            return False
        return not (in_item and tag in ("ul", "ol"))      # a crumb's drop-down list of sibling pages

    def visit(node: Element, in_item: bool) -> None:
        collect(node.text)
        in_item = in_item or node.tag == "li"
        for child in node:
            if is_crumb_part(child, in_item):
                visit(child, in_item)
            collect(child.tail)

    visit(el, False)
    return items


def longest_trail(items: list[str], lex: Lexicon) -> list[str]:
    """Some pages print the trail twice (desktop and mobile, or short and full): each root
    ('홈', 'HOME') starts a trail, and the longest, the later on a tie, is kept."""
    roots = set(lex.boilerplate["breadcrumb_roots"])
    trails: list[list[str]] = [[]]
    for item in items:
        if item in roots and trails[-1]:
            trails.append([])
        trails[-1].append(item)
    return max(reversed(trails), key=len)


def write_trail(el: Element, canvas: Canvas, lex: Lexicon) -> bool:
    """'<ol class="breadcrumb"><li>홈</li><li>알림마당</li></ol>' → one line '홈 > 알림마당'.
    False (render it as usual) when the element holds a whole menu rather than a trail."""
    items = longest_trail(trail_items(el, lex), lex)
    if not 2 <= len(items) <= lex.html["breadcrumb"]["max_items"]:
        return False
    canvas.end_line()
    canvas.write(" > ".join(items), K.BREADCRUMB)
    canvas.end_line()
    return True


def match_labelled_title(el: Element, lex: Lexicon) -> str | None:
    """'<div class="meta">Title: 가격 안정 대책</div>' (korea.kr body pages) → '가격 안정 대책'."""
    conf = lex.html["korea_kr"]
    if not markup_words(el, lex) & set(conf["meta_words"]):
        return None
    text = collapse(text_content(el))
    return text[len(conf["title_prefix"]):].strip() if text.startswith(conf["title_prefix"]) else None


def write_labelled_title(el: Element, canvas: Canvas, lex: Lexicon) -> bool:
    """The label 'Title:' as a chrome line, the title as a page-header line, like a label cell
    and its value."""
    title = match_labelled_title(el, lex)
    if title is None:
        return False
    canvas.end_line()
    canvas.write(lex.html["korea_kr"]["title_prefix"], K.CHROME)
    canvas.end_line()
    canvas.write(title, K.PAGE_HEADER)
    canvas.end_line()
    return True


def render_html(doc: Document, text: str, lex: Lexicon) -> None:
    """A page or fragment to lines, hints and cells; a korea.kr body page also gives its title."""
    if len(text) > MAX_TAG_CHARS and OVERSIZED_TAG_RE.search(text):     # no such tag in a shorter page
        doc.warn("render", "truncated_output", f"a tag longer than {MAX_TAG_CHARS} characters was read "
                 "without its attributes")
        text = OVERSIZED_TAG_RE.sub(r"<\g<name>>", text)
    root, too_deep = parse_utf8(markup_bytes(doc, text), plain=True)
    canvas = Canvas()
    if too_deep:
        doc.warn("render", "markup_too_deep", "the markup nests deeper than 256 elements; it was read "
                 "as a flat run of tags, without table cells or page hints")
        reader = FlatReader(canvas, lex)
        reader.feed(text)
        reader.close()
        canvas.end_line()
    elif root is None:
        doc.warn("render", "empty_markup", "the HTML holds no element; nothing to read")
    else:
        PageWalk(canvas, lex).walk(root, None, [])
        canvas.end_line()
    doc.plain = "\n".join(canvas.lines)
    doc.line_hints, doc.cells = canvas.hints, canvas.cells
    doc.markup = root
    if doc.source.format == "korea_kr_html" and root is not None:
        doc.front_matter = korea_kr_meta(root, lex)


def korea_kr_meta(root: Element, lex: Lexicon) -> dict[str, Any]:
    """<div class="meta">Title: 중소·벤처기업 …</div> → {'title': '중소·벤처기업 …'}."""
    titles = (match_labelled_title(el, lex) for el in root.iter("div", "p", "span"))
    return next(({"title": t} for t in titles if t), {})


# --- korea.kr Markdown records -----------------------------------------------------------

def parse_scalar(value: str) -> Any:
    """'"[보도참고] 손병두 …"' → '[보도참고] 손병두 …'; '0' → 0; 'null' → None."""
    if len(value) >= 2 and value[0] == value[-1] == '"':
        if "\\" not in value:
            return value[1:-1]      # what json.loads gives, or its fallback below: no escape to read
        try:
            return json.loads(value)
        except ValueError:
            return value[1:-1]
    if len(value) >= 2 and value[0] == value[-1] == "'":
        return value[1:-1].replace("''", "'")
    if YAML_INTEGER_RE.fullmatch(value):
        return int(value)
    return {"null": None, "~": None, "": None, "true": True, "false": False}.get(value, value)


def parse_front_matter(block: str, lex: Lexicon) -> dict[str, Any]:
    """'title: "x"\\nattachment_count: 0\\n' → {'title': 'x', 'attachment_count': 0}.

    One findall over the block gives every (key, value) where a match per line took four
    calls a field. Lines are those of splitlines(), which also breaks at \\x85, \\u2028 and a
    few more: a block holding one of those (where splitlines counts more lines than "\\n"
    ends) is read line by line, as splitlines cuts it."""
    lines = block.splitlines()
    if len(lines) == block.count("\n"):
        # parse_scalar's commonest case written out: a double-quoted value without an escape
        # is what lies inside the quotes (7 of a korea.kr record's 8 fields), read with no call.
        return {key: value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' and "\\" not in value
                else parse_scalar(value) for key, value in lex.YAML_FIELDS_RE.findall(block)}
    meta: dict[str, Any] = {}
    for line in lines:
        m = lex.YAML_FIELD_RE.match(line)
        if m and not line.startswith((" ", "\t", "#")):
            meta[m.group("key")] = parse_scalar(m.group("value"))
    return meta


def markdown_line(line: str, lex: Lexicon) -> str:
    """'- 부처: 금융위원회' → '부처: 금융위원회'; '# 제목' → '제목'; '[a](http://b)' → 'a (http://b)'."""
    return markdown_text(line, markdown_openers(lex.MD_HEADING_RE, lex.MD_ITEM_RE, lex.MD_QUOTE_RE), lex)[0]


@functools.lru_cache(maxsize=4)
def markdown_openers(heading: re.Pattern[str], item: re.Pattern[str], quote: re.Pattern[str]) -> dict[str, re.Pattern[str]]:
    """The pattern a line may match, by its first character: one look-up per line."""
    return {"#": heading, "-": item, "*": item, "+": item, ">": quote}


def markdown_text(line: str, openers: dict[str, re.Pattern[str]], lex: Lexicon) -> tuple[str, bool]:
    """markdown_line(line), and whether the line was a '> …' quote. Only the pattern its first
    character opens (markdown_openers) is tried; links are rewritten only where '](' occurs."""
    pattern = openers.get(line[:1])
    m = pattern.match(line) if pattern is not None else None
    if m is not None:
        line = m.group("text")
    quoted = m is not None and pattern is lex.MD_QUOTE_RE
    if "](" not in line:
        return line, quoted
    return lex.MD_LINK_RE.sub(lambda m: f"{m.group('text')} ({m.group('url')})"
                              if m.group("url") not in m.group("text") else m.group("text"), line), quoted


def hash_lines(text: str) -> list[int]:
    """Indices of the lines opening with '##', the only ones a section heading can be: found
    with str.find over the text rather than a test per line (a record has a hundred lines and
    two or three such headings)."""
    found = [0] if text.startswith("##") else []
    line, counted = 0, 0
    at = text.find("\n##")
    while at >= 0:
        line += text.count("\n", counted, at + 1)
        counted = at + 1
        found.append(line)
        at = text.find("\n##", at + 1)
    return found


def record_regions(lines: list[str], headed: list[int], body_headings: list[int], lex: Lexicon) -> tuple[int, int]:
    """(opening, trailer): the line of '## 본문', the lines before it being the record's header,
    and the first line of the trailer ('## 출처' or '## 첨부/링크' after the opening), len(lines)
    when there is none. Without '## 본문', a leading '# 제목' is the opening (and header),
    else opening is -1 and every line up to the trailer is body. `headed`: hash_lines();
    `body_headings`: those of them that are '## 본문'."""
    opening = body_headings[0] if body_headings else None
    if opening is None:
        first = next((i for i, line in enumerate(lines) if line.strip()), 0)
        opening = first if first < len(lines) and lex.MD_HEADING_RE.match(lines[first]) else -1
    trailer = next((i for i in headed if i > opening and lex.MD_TRAILER_HEADING_RE.match(lines[i])), len(lines))
    return opening, trailer


def header_fields(header: list[str], lex: Lexicon) -> dict[str, Any]:
    """A record without front matter: its header lines ['# 제목', '', '- 부처: 환경부', …] →
    {'title': '제목', 'ministry': '환경부'}, the keys its front matter would have had (the first
    heading is the title; the labels are html.toml's [markdown.header_fields])."""
    labels = lex.html["markdown"]["header_fields"]
    fields: dict[str, Any] = {}
    for line in header:
        heading = lex.MD_HEADING_RE.match(line)
        if heading:
            if heading.group("text"):
                fields.setdefault("title", heading.group("text"))
            continue
        item = lex.MD_ITEM_RE.match(line)
        label, colon, value = (item.group("text") if item else line).partition(":")
        key = labels.get(label.strip()) if colon else None
        if key and value.strip():
            fields.setdefault(key, value.strip())
    return fields


def render_markdown(doc: Document, text: str, lex: Lexicon) -> None:
    """A korea.kr record: front matter to fields, header and trailer lines hinted and stripped
    of their Markdown, the body kept as text. Only the header and trailer lines are visited
    one by one; the body, nearly all of a record, is left as split."""
    m = lex.FRONT_MATTER_RE.match(text)
    if m:
        doc.front_matter = parse_front_matter(m.group("yaml"), lex)
        text = text[m.end():]
    lines = text.split("\n")
    headed = hash_lines(text)
    # '## 본문' is structure, like a content <div>: its line stays, empty, wherever it stands.
    blank = [i for i in headed if lex.MD_BODY_HEADING_RE.match(lines[i])]
    opening, trailer = record_regions(lines, headed, blank, lex)
    header_end = opening + 1 if opening >= 0 else 0
    if m is None:       # saved without its front matter: the header's items carry the same fields
        doc.front_matter = header_fields(lines[:header_end], lex)
    openers = markdown_openers(lex.MD_HEADING_RE, lex.MD_ITEM_RE, lex.MD_QUOTE_RE)
    for index in chain(range(header_end), range(trailer, len(lines))):
        line = lines[index]
        if not line.strip() or (line.startswith("##") and index in blank):
            continue        # a blank line (a third of a header) keeps its text and takes no hint
        # '# 제목' and '- 부처: …' are the record's header (PAGE_HEADER); the trailer ('## 출처',
        # '## 첨부/링크') is record furniture (CHROME). A '> …' quote is the title again, or the
        # subtitle and summary: no hint, segment places it like any title line. One match per
        # line gives both its text and whether it is a quote.
        lines[index], quoted = markdown_text(line, openers, lex)
        if not quoted:
            doc.line_hints[index] = K.PAGE_HEADER if index < header_end else K.CHROME
    for index in blank:
        lines[index] = ""
    # A heading inside the body ('## 추진 배경', the release's own title in the portal's
    # rendering of an attachment) keeps its text as a body line, without its '#' marks.
    for index in headed:
        if header_end <= index < trailer and index not in blank:
            lines[index] = markdown_text(lines[index], openers, lex)[0]
    doc.plain = "\n".join(lines)


# --- JSON records -----------------------------------------------------------------------

def render_json(doc: Document, text: str, lex: Lexicon) -> None:
    """{"title": …, "content": …, "department": …} → the title line, a blank, the content."""
    record = json.loads(text)
    doc.front_matter = {k: v for k, v in record.items()
                        if k != "content" and (v is None or isinstance(v, (str, int, float, bool)))}
    title = collapse(record["title"])
    content = unify_line_ends(record["content"]).strip("\n")
    doc.plain = f"{title}\n\n{content}"


# --- mojibake ---------------------------------------------------------------------------

def shown_bytes(run: str) -> bytes | None:
    """The bytes a Latin-1 or cp1252 view showed as `run`: 'º¸µµ' → b'\\xba\\xb8\\xb5\\xb5'."""
    out = bytearray()
    for ch in run:
        if ord(ch) < 0x100:
            out.append(ord(ch))
            continue
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            return None
    return bytes(out)


def match_shown_bytes(run: str) -> tuple[str, str] | None:
    """('cp1252_utf8', '보도자료') for 'ë³´ë\\x8f„ìž\\x90ë£Œ'; ('latin1_cp949', '보도자료') for 'º¸µµÀÚ·á'."""
    data = shown_bytes(run)
    if data is None or data.isascii():
        return None
    for kind, encoding in (("cp1252_utf8", "utf-8"), ("latin1_cp949", "cp949")):
        try:
            fixed = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if is_plausible_korean(fixed):
            return kind, fixed
    return None


def is_plausible_korean(value: str) -> bool:
    """'보도자료 2004' yes; '\ube44I ' (a cp949 pair made of a quote and a Latin letter) no:
    at least half of the characters outside ASCII are Hangul syllables, and nearly all of
    those are among KS X 1001's 2,350 common ones ('蹂대꾩욌즺', UTF-8 read as CP949, is not)."""
    wide = [ch for ch in value if not ch.isascii()]
    hangul = [ch for ch in wide if is_hangul(ch)]
    common = sum(1 for ch in hangul if is_common_syllable(ch))
    return value.isprintable() and len(hangul) >= 2 and 2 * len(hangul) >= len(wide) \
        and common >= COMMON_SHARE * len(hangul)


def is_common_syllable(ch: str) -> bool:
    """'도' yes, '꾩' no: KS X 1001 holds the syllable, so EUC-KR writes it in two bytes."""
    try:
        return len(ch.encode("euc_kr")) == 2
    except UnicodeEncodeError:
        return False


def is_mojibake_run(run: str) -> bool:
    """'º¸µµÀÚ·á' yes; '‘03' or '“AI' no: two characters or more that typography does not use."""
    return sum(1 for ch in run if ch not in TYPOGRAPHY and not ch.isascii()) >= 2


def is_lossy_utf8(run: str) -> bool:
    """'ë³´ë„ìžë£Œ': UTF-8 shown as cp1252 with the bytes cp1252 leaves undefined (0x8F,
    0x90 …) lost on the way. Which byte was lost is a guess (ë?„ is 끄, 도 or 띄), so such
    runs are reported, not repaired."""
    data = shown_bytes(run)
    if data is None:
        return False
    guess = data.decode("utf-8", errors="replace")
    return "\ufffd" in guess and sum(1 for ch in guess if is_hangul(ch)) >= 2


def repair_line(line: str, pairs: list[tuple[str, str]], lex: Lexicon) -> tuple[str, list[tuple[str, str, str]]]:
    """A line with its mojibake runs reversed, and (kind, before, after) for each."""
    repairs: list[tuple[str, str, str]] = []

    def fix(m: re.Match[str]) -> str:
        run = m.group().rstrip(" ")
        found = match_shown_bytes(run) if is_mojibake_run(run) else None
        if found is None:
            if is_mojibake_run(run) and is_lossy_utf8(run):
                repairs.append((LOSSY, run, run))
            return m.group()
        repairs.append((found[0], run, found[1]))
        return found[1] + m.group()[len(run):]

    line = lex.LATIN_RUN_RE.sub(fix, line)
    for garbled, original in pairs:
        if garbled in line:
            repairs.append(("utf8_cp949", garbled, original))
            line = line.replace(garbled, original)
    return line, repairs


def utf8_as_cp949_pairs(lex: Lexicon) -> list[tuple[str, str]]:
    """('쨌', '·'): what each character in data/html.toml becomes when its UTF-8 is read as CP949."""
    return list(garbled_pairs(tuple(lex.html["mojibake"]["utf8_as_cp949"])))


@functools.lru_cache(maxsize=4)
def garbled_pairs(characters: tuple[str, ...]) -> tuple[tuple[str, str], ...]:
    """utf8_as_cp949_pairs, made once per list rather than once per document."""
    pairs = []
    for ch in characters:
        try:
            garbled = ch.encode("utf-8").decode("cp949")
        except UnicodeDecodeError:
            continue
        pairs.append((garbled, ch))
    return tuple(pairs)


def suspect_offsets(text: str) -> list[int]:
    """Where `text` holds a character of the kind is_mojibake_run counts (shown by cp1252, not
    typography, not ASCII): a line without one holds no run to reverse."""
    return [m.start() for m in SUSPECT_CHAR_RE.finditer(text)]


@functools.lru_cache(maxsize=4)
def repair_sites_re(garbled: tuple[str, ...]) -> re.Pattern[str]:
    """A suspect character or one of the `garbled` strings: both kinds of site in one scan.
    No group: re merges single characters and classes given as alternatives into one class,
    which it skips ahead by (a group around the class made the scan 10% of the seed page's
    render slower)."""
    return re.compile("|".join([SUSPECT_CHAR_RE.pattern, *(re.escape(g) for g in garbled)]))


def repair_sites(text: str, pairs: list[tuple[str, str]]) -> list[re.Match[str]]:
    """Where repair_line may find something to change or report: each character a mojibake
    run is made of, and each garbled side of one of `pairs`. Neither spans a line end."""
    return list(repair_sites_re(tuple(garbled for garbled, _ in pairs)).finditer(text))


def site_lines(text: str, sites: list[re.Match[str]]) -> list[int]:
    """Indices of the lines holding `sites` (matches in `text`, in order), each once."""
    indices: list[int] = []
    line, counted = 0, 0
    for m in sites:
        line += text.count("\n", counted, m.start())
        counted = m.start()
        if not indices or indices[-1] != line:
            indices.append(line)
    return indices


def lines_to_repair(text: str, pairs: list[tuple[str, str]]) -> list[int]:
    """Indices of the lines repair_line can change or report on, found by one scan of the
    whole text, not a test per line: a page with one stray '©' has a hundred clean lines."""
    return site_lines(text, repair_sites(text, pairs))


def may_repair(text: str, sites: list[re.Match[str]], pairs: list[tuple[str, str]]) -> bool:
    """Whether `sites` (repair_sites(text, pairs), not empty) hold a garbled side of `pairs`,
    or a run with two suspect characters (SUSPECT_PAIR_RE), the least a mojibake run needs.
    Suspects alone ('©' in a footer) are not: no run to reverse or report. The pair is looked
    for from the first site on, as none can start before it: one scan of the text, not two."""
    garbled = {garbled for garbled, _ in pairs}
    if any(m.group() in garbled for m in sites):
        return True
    return SUSPECT_PAIR_RE.search(text, sites[0].start()) is not None


@once_per_lexicon
def mojibake_scan(lex: Lexicon) -> tuple[list[tuple[str, str]], re.Pattern[str]]:
    """utf8_as_cp949_pairs and their repair_sites_re, per lexicon: every document is scanned,
    and making the pairs' list and the pattern's key cost a tenth of a korea.kr record's render."""
    pairs = utf8_as_cp949_pairs(lex)
    return pairs, repair_sites_re(tuple(garbled for garbled, _ in pairs))


def repair_mojibake(doc: Document, lex: Lexicon) -> None:
    """Reverse mojibake line by line; line indices do not move, so repairs are kept by line."""
    pairs, sites_re = mojibake_scan(lex)
    sites = list(sites_re.finditer(doc.plain))      # repair_sites(doc.plain, pairs)
    if not sites or not may_repair(doc.plain, sites, pairs):
        return              # most documents: not one line to look at, or no run to reverse
    indices = site_lines(doc.plain, sites)
    lines = doc.plain.split("\n")
    for index in indices:
        fixed, repairs = repair_line(lines[index], pairs, lex)
        for kind, before, after in repairs:
            if kind == LOSSY:
                doc.warn("render", "mojibake_unrecoverable",
                         f"line {index + 1}: {before[:40]!r} looks like UTF-8 shown as cp1252 with bytes "
                         "lost; left as it is")
            else:
                doc.line_repairs.append(LineRepair(kind, index, before, after))
        lines[index] = fixed
    doc.plain = "\n".join(lines)


# --- HWPX and HWP 5: read from the bytes by pipeline/readers ---------------------------

def render_native(doc: Document, text: str, lex: Lexicon) -> None:
    """The readers give lines, cells, hints and private-use repairs; their warnings and
    picture alt texts become issues."""
    if doc.source.format == "hwpx":
        read = read_hwpx
    else:
        from ..readers.hwp import read_hwp     # brings olefile: imported by the runs that read HWP
        read = read_hwp
    out = read(doc.raw, doc.source.path)
    doc.plain = "\n".join(out.lines)
    doc.cells, doc.line_hints, doc.line_repairs = out.cells, out.hints, out.repairs
    doc.pictures = list(out.pictures)
    for code, message in out.warnings.values():
        doc.warn("render", code, message)


# --- run --------------------------------------------------------------------------------

def unify_line_ends(text: str) -> str:
    """CRLF and lone CR to LF: line hints count LF-separated lines."""
    if "\r" not in text:
        return text         # most inputs: one scan instead of two
    return text.replace("\r\n", "\n").replace("\r", "\n")


RENDERERS = {
    "html": render_html,
    "korea_kr_html": render_html,
    "markdown": render_markdown,
    "json": render_json,
    "hwpx": render_native,
    "hwp": render_native,
}
NATIVE = ("hwpx", "hwp")     # Unicode from the file itself: no code page to have gone wrong


def run(doc: Document, lex: Lexicon) -> None:
    """Render by format (plain text passes through), then reverse mojibake."""
    text = unify_line_ends(doc.decoded)
    renderer = RENDERERS.get(doc.source.format)
    if renderer is None:
        doc.plain = text
    else:
        renderer(doc, text, lex)
    doc.plain = unify_line_ends(doc.plain)
    if doc.source.format not in NATIVE:
        repair_mojibake(doc, lex)
