"""HWPX (OWPML, KS X 6101): a zip of XML parts, read into lines, cells and hints.

The package: `mimetype` (application/hwp+zip), Contents/content.hpf (manifest and spine),
Contents/header.xml (styles), Contents/section{N}.xml (the body), BinData/* (images, never
inflated). A section holds top-level `hp:p` paragraphs; each `hp:run` holds, in order, `hp:t`
text (with `hp:lineBreak`, `hp:tab`, `hp:fwSpace`, `hp:nbSpace`), tables (`hp:tbl` → `hp:tr`
→ `hp:tc`, with `hp:cellAddr`, `hp:cellSpan` and the template's field `@name`), drawing
objects with text (`hp:rect/hp:drawText`, `hp:container`), pictures, controls (`hp:ctrl`:
fields, running heads, notes) and `hp:compose` (text only in `@composeText`).
Example: <hp:tc name="보도일시">…<hp:t>2026. 4. 14.(화) 조간</hp:t>… → a line and a Cell named 보도일시.

A section is parsed one top-level paragraph at a time (iterparse, each paragraph cleared after
it is written), so a 15.9 MB section never stands in memory as one tree.
"""
from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable, Iterator

import lxml.etree

from ..errors import Malformed, Protected, TooLarge, UnsupportedFormat
from .bounds import (MAX_NESTING, MAX_PART_BYTES, MAX_PARTS, MAX_SECTIONS, MAX_TREE_BYTES, Budget,
                     check_ratio, parse_xml, reject_doctype)
from .layout import Rendering, Writer
from .styles import Heading, Markers, NumberLevel, Styles

MIMETYPE = b"application/hwp+zip"
FEED_BYTES = 1 << 16         # XML handed to the parser at a time
MIMETYPE_WINDOW = 128
EOCD, ZIP64_LOCATOR, ZIP64_EOCD = b"PK\x05\x06", b"PK\x06\x07", b"PK\x06\x06"
EOCD_SEARCH = 22 + 0xFFFF    # the record and the longest zip comment
MAX_DIRECTORY_BYTES = MAX_PARTS * 400   # 46 bytes a part plus its name and extra fields        # a stored first entry: 30-byte local header, 'mimetype', the value
HP = "{http://www.hancom.co.kr/hwpml/2011/paragraph}"
HH = "{http://www.hancom.co.kr/hwpml/2011/head}"
HC = "{http://www.hancom.co.kr/hwpml/2011/core}"
# The body's element names, qualified once here rather than per element.
SEC = "{http://www.hancom.co.kr/hwpml/2011/section}sec"
P, RUN, T, TBL, TR, TC = HP + "p", HP + "run", HP + "t", HP + "tbl", HP + "tr", HP + "tc"
SUB_LIST, CELL_ADDR, CELL_SPAN, CAPTION = HP + "subList", HP + "cellAddr", HP + "cellSpan", HP + "caption"
HEADER_PART = "Contents/header.xml"
PACKAGE_PART = "Contents/content.hpf"
SECTION_PART_RE = re.compile(r"^Contents/section(?P<n>\d+)\.xml$")
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, NotImplementedError, EOFError, ValueError, OSError,
              RuntimeError, KeyError)
HEADING_KINDS = {"BULLET": "bullet", "NUMBER": "number", "OUTLINE": "outline"}
WHITE = "FFFFFF"
NO_COLOR = ("", "NONE", WHITE)
# Drawing objects that may hold text (hp:drawText) or other objects (hp:container).
SHAPES = frozenset(("rect", "ellipse", "arc", "polygon", "curve", "connectLine", "line",
                    "container", "pic", "ole", "equation", "textart", "chart", "video"))
SPACES = {"tab": "\t", "fwSpace": " ", "nbSpace": " ", "hyphen": "-"}
FILLED = -1                  # a text box: its background is assumed painted


def local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def first_child(el: lxml.etree._Element, tag: str) -> lxml.etree._Element | None:
    """The first child named `tag`, as el.find(tag) gives it. find() runs lxml's ElementPath in
    Python (2.3 µs a call); iterchildren() filters in C (under 1 µs), and a table cell needs
    three such looks."""
    return next(el.iterchildren(tag), None)


def int_attr(el: lxml.etree._Element, name: str, default: int = 0) -> int:
    return parse_int(el.get(name), default)


def parse_int(text: str | None, default: int) -> int:
    """An attribute's integer; `default` when it is absent or not an integer."""
    if text is None:
        return default
    try:
        return int(text)
    except ValueError:
        return default


MAX_REMEMBERED = 4096        # distinct attribute texts an AttributeInts keeps (real files: < 300)


class AttributeInts(dict):
    """Attribute text → its integer (as int_attr reads it), remembered per distinct text. The
    body reads five to eight integers per table cell (style ids, grid address, spans, fill),
    and a table repeats a few hundred distinct texts: `ints[el.get(name)]` is one lookup in C
    where int_attr is a Python call and an int(). A hostile file's endless distinct texts are
    parsed but no longer stored past MAX_REMEMBERED."""

    def __init__(self, default: int) -> None:
        super().__init__()
        self.default = default

    def __missing__(self, text: str | None) -> int:
        value = parse_int(text, self.default)
        if len(self) < MAX_REMEMBERED:
            self[text] = value
        return value


# --- the package -------------------------------------------------------------------------

def central_directory_size(data: bytes) -> int | None:
    """The size the end-of-central-directory record gives the zip's directory (zip64 too);
    None when there is no such record. zipfile reads the whole directory into objects, so it
    is measured first: the entry count can lie, the byte size is what zipfile reads."""
    at = data.rfind(EOCD, max(0, len(data) - EOCD_SEARCH))
    if at < 0 or at + 22 > len(data):
        return None
    size = int.from_bytes(data[at + 12:at + 16], "little")
    locator = at - 20
    if size == 0xFFFFFFFF and locator >= 0 and data[locator:locator + 4] == ZIP64_LOCATOR:
        record = int.from_bytes(data[locator + 8:locator + 16], "little")
        if data[record:record + 4] == ZIP64_EOCD:
            size = int.from_bytes(data[record + 40:record + 48], "little")
    return size


class Package:
    """The zip, checked: HWPX mimetype, no encrypted entry, bounded parts, BinData untouched."""

    def __init__(self, data: bytes, path: str) -> None:
        self.path, self.budget = path, Budget(path)
        directory = central_directory_size(data)
        if directory is not None and directory > MAX_DIRECTORY_BYTES:
            raise TooLarge(path, f"the HWPX package's directory is {directory} bytes, over the limit of "
                           f"{MAX_DIRECTORY_BYTES} (too many parts)")
        try:
            self.zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self.zip.infolist()
        except ZIP_ERRORS as exc:
            raise Malformed(path, f"the HWPX package is damaged: {exc}") from exc
        if len(infos) > MAX_PARTS:
            raise TooLarge(path, f"the HWPX package has {len(infos)} parts, over the limit of {MAX_PARTS}")
        self.infos = {info.filename: info for info in infos}
        if any(info.flag_bits & 0x1 for info in infos):
            raise Protected(path, "the HWPX package has encrypted parts (a password-protected document)")
        if self.read("mimetype", 64).strip() != MIMETYPE:
            raise UnsupportedFormat(path, "this is a ZIP container whose mimetype is not application/hwp+zip")
        manifest = self.read("META-INF/manifest.xml", 1 << 20) if "META-INF/manifest.xml" in self.infos else b""
        if b"encryption" in manifest.lower():
            raise Protected(path, "the HWPX manifest declares encrypted parts (a password-protected or DRM document)")

    def read(self, name: str, cap: int | None = None) -> bytes:
        cap = MAX_PART_BYTES if cap is None else cap
        info = self.infos.get(name)
        if info is None:
            raise Malformed(self.path, f"the HWPX package has no part {name}")
        try:
            with self.zip.open(info) as fh:
                data = fh.read(cap + 1)
        except ZIP_ERRORS as exc:
            raise Malformed(self.path, f"part {name} of the HWPX package cannot be read: {exc}") from exc
        if len(data) > cap:
            raise TooLarge(self.path, f"part {name} inflates past {cap} bytes")
        check_ratio(self.path, f"part {name}", len(data), info.compress_size)
        self.budget.spend(len(data), f"part {name}")
        return data

    def sections(self) -> list[str]:
        """Section parts in spine order; numeric file-name order when the spine names none."""
        found = [n for n in self.spine() if SECTION_PART_RE.match(n) and n in self.infos]
        if not found:
            found = sorted((n for n in self.infos if SECTION_PART_RE.match(n)),
                           key=lambda n: int(SECTION_PART_RE.match(n).group("n")))
        if not found:
            raise Malformed(self.path, "the HWPX package has no Contents/section*.xml part")
        if len(found) > MAX_SECTIONS:
            raise TooLarge(self.path, f"the HWPX package has {len(found)} sections, over the limit of {MAX_SECTIONS}")
        return list(dict.fromkeys(found))

    def spine(self) -> list[str]:
        """content.hpf: each spine itemref@idref through the manifest to its href."""
        if PACKAGE_PART not in self.infos:
            return []
        root = parse_xml(self.path, PACKAGE_PART, self.read(PACKAGE_PART, MAX_TREE_BYTES))
        hrefs = {el.get("id"): el.get("href", "") for el in root.iter() if local(el.tag) == "item"}
        return [hrefs.get(el.get("idref"), "") for el in root.iter() if local(el.tag) == "itemref"]


# --- styles (Contents/header.xml) --------------------------------------------------------

def rgb(value: str | None) -> str:
    """'#FFFFFF' → 'FFFFFF'; '#FF000000' (alpha first) → '000000'; 'none' → 'NONE'."""
    value = (value or "").strip().lstrip("#").upper()
    return value[-6:] if len(value) == 8 else value


def parse_styles(root: lxml.etree._Element) -> Styles:
    styles = Styles()
    for el in root.iter(HH + "paraPr", HH + "bullet", HH + "numbering", HH + "charPr", HH + "borderFill"):
        name = local(el.tag)
        if name == "paraPr":
            heading = next(el.iter(HH + "heading"), None)
            kind = HEADING_KINDS.get(heading.get("type", "")) if heading is not None else None
            if kind:
                styles.headings[int_attr(el, "id", -1)] = Heading(kind, int_attr(heading, "idRef"),
                                                                   int_attr(heading, "level"))
        elif name == "bullet":
            styles.bullets[int_attr(el, "id", -1)] = el.get("char", "")
        elif name == "numbering":
            styles.numberings[int_attr(el, "id", -1)] = number_levels(el)
        elif name == "charPr":
            if rgb(el.get("textColor")) == WHITE and rgb(el.get("shadeColor")) in NO_COLOR:
                styles.white_text.add(int_attr(el, "id", -1))
        elif is_filled(el):
            styles.filled.add(int_attr(el, "id", -1))
    return styles


def number_levels(numbering: lxml.etree._Element) -> list[NumberLevel]:
    """hh:paraHead level="1" numFormat="DIGIT" start="1" → '^1.' at index 0."""
    levels: dict[int, NumberLevel] = {}
    for head in numbering.iterchildren(HH + "paraHead"):
        levels[int_attr(head, "level", 1) - 1] = NumberLevel(head.text or "", head.get("numFormat", "DIGIT"),
                                                              int_attr(head, "start", 1))
    size = max(levels, default=-1) + 1
    return [levels.get(i, NumberLevel("", "DIGIT")) for i in range(min(size, 10))]


def is_filled(border_fill: lxml.etree._Element) -> bool:
    """A cell background that is painted: a colour other than none/white, a gradient or an image."""
    for el in border_fill.iter(HC + "winBrush", HC + "gradation", HC + "imgBrush"):
        if local(el.tag) != "winBrush" or rgb(el.get("faceColor")) not in NO_COLOR:
            return True
    return False


# --- the body ----------------------------------------------------------------------------

def top_paragraphs(path: str, part: str, data: bytes) -> Iterator[lxml.etree._Element]:
    """Each top-level hp:p of a section, parsed and then cleared. The parser is fed FEED_BYTES
    at a time and the section's finished children are read and dropped before the next feed,
    so the tree holds the paragraph being read and at most one feed's worth of paragraphs
    after it, never the whole section.

    The parser reports one event only, the start of hs:sec: paragraphs are then taken as the
    root's children. Asking for hp:p end events instead reports every paragraph of every table
    cell too (19,787 events for 340 top-level paragraphs in the largest real section), and the
    element handles those events hold keep lxml from freeing a cleared table at once: it walks
    the table to re-home it, then again as each handle goes (0.2 s of 0.45 s there)."""
    reject_doctype(path, part, data)
    parser = lxml.etree.XMLPullParser(events=("start",), tag=SEC, resolve_entities=False, no_network=True,
                                      load_dtd=False, huge_tree=False, remove_comments=True, remove_pis=True)
    root = None
    try:
        for start in range(0, len(data) or 1, FEED_BYTES):
            parser.feed(data[start:start + FEED_BYTES])
            root = section_root(parser.read_events(), root)
            if root is not None:
                yield from finished_children(root, until_last=False)
        whole = parser.close()
    except lxml.etree.XMLSyntaxError as exc:
        raise Malformed(path, f"{part} is not well-formed XML ({exc})") from exc
    # A part whose root is not hs:sec is not streamed (no real one): its tree is read whole.
    yield from finished_children(root if root is not None else whole, until_last=True)


def section_root(events: Iterator[tuple[str, lxml.etree._Element]],
                 root: lxml.etree._Element | None) -> lxml.etree._Element | None:
    """The hs:sec element that is the document's root, once its start tag is parsed. Every
    event is drained, so no handle to a nested hs:sec (none in real files) is kept."""
    for _event, el in events:
        if root is None and el.getparent() is None:
            root = el
    return root


def finished_children(root: lxml.etree._Element, until_last: bool) -> Iterator[lxml.etree._Element]:
    """The root's hp:p children that are complete, in order, each emptied and removed once
    read. While the parser is fed, the last child may still be open: one with a following
    sibling is closed. Each is cleared before it is removed: no handle to its descendants is
    left then, so lxml frees them at once."""
    child = next(root.iterchildren(), None)
    while child is not None:
        following = child.getnext()
        if following is None and not until_last:
            return
        if child.tag == P:
            yield child
        child.clear()
        root.remove(child)
        child = following


class BodyReader:
    """Walks paragraphs onto a Writer; `fill` is the border/fill id behind the text.

    Elements are matched by their qualified names in the OWPML paragraph namespace (hp:):
    this walk is the reader's hot path (1.5 G of the 10.5 G instructions a whole run on the
    largest real file costs; the parse and freeing of the tree are another 2.7 G)."""

    def __init__(self, styles: Styles, writer: Writer) -> None:
        self.styles, self.w, self.markers = styles, writer, Markers(styles)
        # Integer attributes by default: -1 for a style id, -2 for a fill, 0 for a grid address,
        # 1 for a span (int_attr's defaults at each place).
        self.style_ids, self.fills, self.addresses, self.spans = (AttributeInts(-1), AttributeInts(-2),
                                                                  AttributeInts(0), AttributeInts(1))
        self.run_children: dict[str, Callable[[lxml.etree._Element, bool, int, int], None]] = {
            T: self.text, TBL: self.table, HP + "ctrl": self.control,
            HP + "compose": self.compose, HP + "dutmal": self.dutmal,
            **{HP + name: self.shape for name in SHAPES},
        }

    def paragraph(self, p: lxml.etree._Element, fill: int, nesting: int) -> None:
        if nesting > MAX_NESTING:
            raise Malformed(self.w.path, f"objects nest deeper than {MAX_NESTING} levels")
        style_ids = self.style_ids
        self.w.begin_paragraph(self.markers.marker(style_ids[p.get("paraPrIDRef")]))
        handlers, white_text = self.run_children, self.styles.white_text
        for run in p.iterchildren(RUN):
            # Most documents draw no text white: then no run's style needs reading.
            invisible = bool(white_text) and self.is_invisible(style_ids[run.get("charPrIDRef")], fill)
            for child in run:
                handler = handlers.get(child.tag)
                if handler is not None:
                    handler(child, invisible, fill, nesting)
        self.w.end_paragraph()

    def is_invisible(self, char_style: int, fill: int) -> bool:
        return char_style in self.styles.white_text and fill != FILLED and fill not in self.styles.filled

    def paragraphs(self, parent: lxml.etree._Element, fill: int, nesting: int) -> None:
        """The hp:p children of a hp:subList (a cell, a box, a caption, a note). A plain pass:
        a subList holds only paragraphs, and iterchildren(P) would parse its tag filter for
        each of them (see cell)."""
        for p in parent:
            if p.tag == P:
                self.paragraph(p, fill, nesting + 1)

    def text(self, t: lxml.etree._Element, invisible: bool, fill: int, nesting: int) -> None:
        """<hp:t>ㅇ 1998<hp:tab/>행정고시<hp:lineBreak/>…</hp:t>: mixed content in order."""
        text = t.text
        if text:
            self.w.text(text, invisible)
        if not len(t):
            return          # most text elements: text alone
        for child in t:
            name = local(child.tag)
            if name == "lineBreak":
                self.w.end_line()
            elif name in SPACES:
                self.w.text(SPACES[name], invisible)
            self.w.text(child.tail or "", invisible)

    def compose(self, el: lxml.etree._Element, invisible: bool, fill: int, nesting: int) -> None:
        """글자 겹치기: the overlapped characters are only in @composeText."""
        self.w.text(el.get("composeText", ""), invisible)

    def dutmal(self, el: lxml.etree._Element, invisible: bool, fill: int, nesting: int) -> None:
        """덧말: the main text is the line's; the small text above or below it is not."""
        main = first_child(el, HP + "mainText")
        if main is not None:
            self.w.text(main.text or "", invisible)

    def table(self, tbl: lxml.etree._Element, invisible: bool, fill: int, nesting: int) -> None:
        """Rows in order, cells in order, each with its grid address, spans and name."""
        index = self.w.begin_table()
        for tr in tbl.iterchildren(TR):
            for tc in tr.iterchildren(TC):
                self.cell(tc, index, nesting)
        self.w.end_table()
        self.captions(tbl, nesting)

    def cell(self, tc: lxml.etree._Element, table: int, nesting: int) -> None:
        """A hp:tc: the paragraphs of its subList as lines, then a Cell with its address
        (cellAddr), spans (cellSpan) and field name. The three children are taken in one pass
        over the cell's children, the first of each kind, stopping once all three are found:
        the largest table in the corpus has 19,121 cells. A plain pass, not
        iterchildren(SUB_LIST, CELL_ADDR, CELL_SPAN): lxml parses a tag filter's names on
        every call (about 1,500 instructions a name), more than the pass costs."""
        w = self.w
        w.begin_block()
        first = len(w.out.lines)
        sub_list = address = span = None
        for child in tc:
            tag = child.tag
            if tag == SUB_LIST and sub_list is None:
                sub_list = child
                self.paragraphs(sub_list, self.fills[tc.get("borderFillIDRef")], nesting)
            elif tag == CELL_ADDR and address is None:
                address = child
            elif tag == CELL_SPAN and span is None:
                span = child
            if span is not None and address is not None and sub_list is not None:
                break       # cellSz and cellMargin follow in every real file: not visited
        w.end_block()
        at, spans = self.addresses, self.spans
        row, col = (at[address.get("rowAddr")], at[address.get("colAddr")]) if address is not None else (0, 0)
        rowspan, colspan = (spans[span.get("rowSpan")], spans[span.get("colSpan")]) if span is not None else (1, 1)
        w.cell(table, row, col, first, rowspan, colspan, tc.get("name"), tc.get("header") == "1")

    def shape(self, el: lxml.etree._Element, invisible: bool, fill: int, nesting: int) -> None:
        """A drawing object: the text of its box, the objects of a container, in order; then
        its caption. A picture writes no line."""
        if nesting > MAX_NESTING:
            raise Malformed(self.w.path, f"objects nest deeper than {MAX_NESTING} levels")
        if el.tag == HP + "pic":
            self.w.picture(el.findtext(HP + "shapeComment"))
        for child in el:
            name = local(child.tag)
            if name in SHAPES:
                self.shape(child, invisible, fill, nesting + 1)
            elif name == "drawText":
                for sub in child.iterchildren(HP + "subList"):
                    self.block(sub, FILLED, nesting)
        self.captions(el, nesting)

    def captions(self, el: lxml.etree._Element, nesting: int) -> None:
        for caption in el.iterchildren(CAPTION):
            for sub in caption.iterchildren(SUB_LIST):
                self.block(sub, FILLED, nesting)

    def block(self, sub_list: lxml.etree._Element, fill: int, nesting: int) -> None:
        self.w.begin_block()
        self.paragraphs(sub_list, fill, nesting)
        self.w.end_block()

    def control(self, ctrl: lxml.etree._Element, invisible: bool, fill: int, nesting: int) -> None:
        """Running heads become CHROME lines, notes lines at the anchor; fields, page numbers,
        column and section settings write nothing (a fill-in field's guide text lives only in
        its parameters, which are never read)."""
        for child in ctrl:
            name = local(child.tag)
            if name not in ("header", "footer", "footNote", "endNote"):
                continue
            chrome = name in ("header", "footer")
            self.w.chrome += chrome
            for sub in child.iterchildren(HP + "subList"):
                self.block(sub, fill, nesting)
            self.w.chrome -= chrome


def read_hwpx(data: bytes, path: str) -> Rendering:
    """The document's lines, cells and hints; typed errors for damaged or hostile packages."""
    package = Package(data, path)
    sections = package.sections()
    styles = parse_styles(parse_xml(path, HEADER_PART, package.read(HEADER_PART, MAX_TREE_BYTES))) \
        if HEADER_PART in package.infos else Styles()
    writer = Writer(path)
    body = BodyReader(styles, writer)
    for part in sections:
        for p in top_paragraphs(path, part, package.read(part)):
            body.paragraph(p, -2, 0)
    return writer.finish(outline_not_drawn=body.markers.unsupported)


ZIP_MAGIC = b"PK\x03\x04"     # what every zip, so every HWPX package, opens with


def is_hwpx(data: bytes) -> bool:
    """A zip whose first entry is `mimetype` holding application/hwp+zip (stored, as every real
    file has it: the string sits in the first bytes, so a damaged package is still named), or,
    failing that, whose `mimetype` entry reads so."""
    if not data.startswith(ZIP_MAGIC):
        return False
    if MIMETYPE in data[:MIMETYPE_WINDOW]:
        return True
    directory = central_directory_size(data)
    if directory is None or directory > MAX_DIRECTORY_BYTES:
        return False
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            if len(z.infolist()) > MAX_PARTS:
                return False
            with z.open("mimetype") as fh:
                return fh.read(64).strip() == MIMETYPE
    except ZIP_ERRORS:
        return False
