"""HWP 5 (an OLE compound file of record streams), read into lines, cells and hints.

Streams: FileHeader (signature, version, flags: bit 0 compressed, bit 1 password, bit 2
distribution-only, bit 4 DRM), DocInfo (styles), BodyText/Section{N} (the body), each raw
DEFLATE when bit 0 is set. A section is a record tree (records.py): PARA_HEADER at level L
owns its PARA_TEXT (UTF-16 with control characters), PARA_CHAR_SHAPE and one CTRL_HEADER per
extended control character, in order; a table's CTRL_HEADER owns a TABLE record and, per
cell in row-major order, a LIST_HEADER (address, spans, field name) followed by the cell's
paragraphs. Structure and offsets from Hancom's "한글 문서 파일 형식 5.0" (docs/hwpx-hwp.md §4).
Example: PARA_TEXT '보도시점' in a cell whose LIST_HEADER names 보도일시 → a line and a Cell.

Both readers write to the same Writer (layout.py), so a release saved as HWP and as HWPX
gives the same lines and cells.
"""
from __future__ import annotations

import io
import re
import struct
from collections.abc import Iterator

import olefile

from ..errors import Malformed, Protected, TooLarge
from .bounds import MAX_NESTING, MAX_OLE_BYTES, MAX_PART_BYTES, MAX_SECTIONS, Budget, inflate_raw
from .layout import Rendering, Writer
from .records import (BORDER_FILL, BULLET, CHAR_SHAPE, CTRL_HEADER, LIST_HEADER, NUMBERING, PARA_CHAR_SHAPE,
                      PARA_HEADER, PARA_SHAPE, PARA_TEXT, SHAPE_COMPONENT, TABLE, Record, read_records, u16, u32, utf16)
from .styles import Heading, Markers, NumberLevel, Styles, numbering_data

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
SIGNATURE = b"HWP Document File"
FLAG_COMPRESSED, FLAG_PASSWORD, FLAG_DISTRIBUTION, FLAG_DRM = 0x1, 0x2, 0x4, 0x10
SECTION_STREAM_RE = re.compile(r"^BodyText/Section(?P<n>\d+)$")
HEADING_KINDS = {1: "outline", 2: "number", 3: "bullet"}
WHITE = 0xFFFFFF
FILLED = -1                  # a text box: its background is assumed painted
NUMBER_LEVELS = 7            # levels in a NUMBERING record of HWP 5.0

# PARA_TEXT control characters (code units): 1 unit, or 8 units (inline and extended).
LINE_BREAK, PARAGRAPH_END, HYPHEN, KEEP_SPACE, FIXED_SPACE, TAB = 10, 13, 24, 30, 31, 9
INLINE = frozenset((4, 5, 6, 7, 8, 9, 19, 20))
EXTENDED = frozenset((1, 2, 3, 11, 12, 14, 15, 16, 17, 18, 21, 22, 23))
CHAR_TEXT = {HYPHEN: "-", KEEP_SPACE: " ", FIXED_SPACE: " ", TAB: "\t"}
CONTROL_UNITS = 8
RUN_ENTRY = struct.Struct("<II")     # PARA_CHAR_SHAPE: UINT32 start position, UINT32 char shape id
CONTROL_UNIT_RE = re.compile(rb"[\x00-\x1f]\x00")    # a UTF-16LE code unit below 32, when at an even offset
# Control ids (stored reversed: 'tbl ' is b' lbt').
TABLE_ID, SHAPE_ID, COMPOSE_ID, DUTMAL_ID = "tbl ", "gso ", "tcps", "tdut"
PICTURE_ID = "$pic"       # the SHAPE_COMPONENT of a picture
DESCRIPTION_AT = 44       # a drawing object's CTRL_HEADER: 44 bytes of common properties, then its description
HEAD_IDS, NOTE_IDS = frozenset(("head", "foot")), frozenset(("fn  ", "en  "))
CELL_NAME_SET, CELL_NAME_ITEM, STRING_ITEM = 0x021B, 0x4000, 1


# --- the container -----------------------------------------------------------------------

OLE_ERRORS = (OSError, ValueError, IndexError, KeyError, TypeError, OverflowError, MemoryError, RecursionError)


def open_ole(data: bytes, path: str) -> olefile.OleFileIO:
    """The compound file; FAT loops and doubly used directory entries are errors, not logs."""
    try:
        return olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT)
    except OLE_ERRORS as exc:
        raise Malformed(path, f"the HWP file's OLE container is damaged: {exc}") from exc


def read_stream(ole: olefile.OleFileIO, name: str, path: str, budget: Budget, compressed: bool) -> bytes:
    """A stream, its declared size capped before reading, inflated with an output cap."""
    try:
        size = ole.get_size(name)
        if size > MAX_OLE_BYTES:
            raise TooLarge(path, f"stream {name} declares {size} bytes, over the limit of {MAX_OLE_BYTES}")
        data = ole.openstream(name).read(MAX_OLE_BYTES + 1)
    except OLE_ERRORS as exc:
        raise Malformed(path, f"stream {name} of the HWP file cannot be read: {exc}") from exc
    if compressed:
        data = inflate_raw(path, f"stream {name}", data, MAX_PART_BYTES)
    budget.spend(len(data), f"stream {name}")
    return data


def check_header(header: bytes, path: str) -> int:
    """FileHeader → its flags; a password, DRM or distribution-only document is refused."""
    if not header.startswith(SIGNATURE) or len(header) < 40:
        raise Malformed(path, "the HWP FileHeader stream has no 'HWP Document File' signature")
    flags = u32(header, 36)
    if flags & FLAG_PASSWORD:
        raise Protected(path, "the HWP document is password-protected")
    if flags & FLAG_DRM:
        raise Protected(path, "the HWP document is DRM-protected")
    if flags & FLAG_DISTRIBUTION:
        raise Protected(path, "the HWP document is a distribution-only copy whose text is encrypted")
    return flags


def section_streams(ole: olefile.OleFileIO, path: str) -> list[str]:
    names = ["/".join(entry) for entry in ole.listdir()]
    found = sorted((n for n in names if SECTION_STREAM_RE.match(n)),
                   key=lambda n: int(SECTION_STREAM_RE.match(n).group("n")))
    if not found:
        raise Malformed(path, "the HWP file has no BodyText/Section stream")
    if len(found) > MAX_SECTIONS:
        raise TooLarge(path, f"the HWP file has {len(found)} sections, over the limit of {MAX_SECTIONS}")
    return found


# --- styles (DocInfo) --------------------------------------------------------------------

def flatten(records: list[Record]) -> Iterator[Record]:
    stack = list(reversed(records))
    while stack:
        record = stack.pop()
        yield record
        stack.extend(reversed(record.children))


def parse_styles(records: list[Record]) -> Styles:
    """Paragraph shapes (heading kind, level, bullet/numbering id), bullets, numberings, white
    character shapes and painted border fills, each list numbered in stream order."""
    styles = Styles()
    counts = {PARA_SHAPE: 0, BULLET: 1, NUMBERING: 1, CHAR_SHAPE: 0, BORDER_FILL: 1}
    for record in flatten(records):
        if record.tag not in counts:
            continue
        index = counts[record.tag]
        counts[record.tag] += 1
        data = record.payload
        if record.tag == PARA_SHAPE:
            kind = HEADING_KINDS.get((u32(data, 0) >> 23) & 0x3)
            if kind:
                styles.headings[index] = Heading(kind, u16(data, 30), (u32(data, 0) >> 25) & 0x7)
        elif record.tag == BULLET:
            styles.bullets[index] = data[12:14].decode("utf-16-le", errors="replace") if len(data) >= 14 else ""
        elif record.tag == NUMBERING:
            styles.numberings[index] = number_levels(data)
        elif record.tag == CHAR_SHAPE and is_white_text(data):
            styles.white_text.add(index)
        elif record.tag == BORDER_FILL and is_filled(data):
            styles.filled.add(index)
    return styles


def number_levels(data: bytes) -> list[NumberLevel]:
    """Seven levels of (12-byte head info whose bits 5–8 are the format, UTF-16 template),
    then the start number; levels past the bytes present are left out."""
    formats = numbering_data()["formats"]
    levels: list[tuple[str, str]] = []
    offset = 0
    for _ in range(NUMBER_LEVELS):
        if offset + 14 > len(data):
            break
        code = (u32(data, offset) >> 5) & 0xF
        template, offset = utf16(data, offset + 12)
        levels.append((template, formats[code] if code < len(formats) else "DIGIT"))
    starts = [u32(data, offset + 2 + 4 * i, 1) or 1 for i in range(len(levels))]
    return [NumberLevel(t, f, s) for (t, f), s in zip(levels, starts)]


def is_white_text(data: bytes) -> bool:
    """CHAR_SHAPE: text colour (COLORREF at byte 52) white, shade colour (byte 60) none or white."""
    if len(data) < 64:
        return False
    return u32(data, 52) & 0xFFFFFF == WHITE and u32(data, 60) & 0xFFFFFF == WHITE


def is_filled(data: bytes) -> bool:
    """BORDER_FILL: after 2 + 5 × 6 bytes of borders, the fill type (bit 0 colour, 1 image,
    2 gradient); a colour fill is painted unless its colour is white or none."""
    kind = u32(data, 32)
    if kind & 0x6:
        return True
    return bool(kind & 0x1) and u32(data, 36) & 0xFFFFFF != WHITE


# --- the body ----------------------------------------------------------------------------

def control_id(payload: bytes) -> str:
    return payload[:4][::-1].decode("latin-1")


def cell_name(data: bytes) -> str | None:
    """The field name after a cell's 38-byte list header: 0xFF, parameter set 0x021B, then
    items (id, type, value); item 0x4000 is the name as a UTF-16 string."""
    if len(data) < 45 or data[38] != 0xFF or u16(data, 39) != CELL_NAME_SET:
        return None
    offset = 45
    for _ in range(u16(data, 41)):
        if offset + 4 > len(data):
            break
        item, kind = u16(data, offset), u16(data, offset + 2)
        if kind != STRING_ITEM:
            break
        value, offset = utf16(data, offset + 4)
        if item == CELL_NAME_ITEM:
            return value or None
    return None


def control_units(data: bytes) -> list[int]:
    """Indices of the code units below 32 (control characters) in UTF-16LE `data`: one bytes
    search from match to match, keeping the matches that start a unit, instead of reading
    every unit in Python (a paragraph holds hundreds of text units and a few controls)."""
    found: list[int] = []
    m = CONTROL_UNIT_RE.search(data)
    while m:
        at = m.start()
        if at % 2:
            m = CONTROL_UNIT_RE.search(data, at + 1)     # straddles two units: not one
            continue
        found.append(at // 2)
        m = CONTROL_UNIT_RE.search(data, at + 2)
    return found


def paragraph_records(para: Record) -> tuple[bytes, bytes, list[Record]]:
    """A paragraph's text (its first PARA_TEXT), character-shape runs (its first
    PARA_CHAR_SHAPE) and controls (every CTRL_HEADER), in one pass over its records: three
    searches cost three generators a paragraph, and a table of 1,619 cells has ~1,700."""
    text = shapes = None
    controls: list[Record] = []
    for record in para.children:
        tag = record.tag
        if tag == PARA_TEXT:
            text = record.payload if text is None else text
        elif tag == PARA_CHAR_SHAPE:
            shapes = record.payload if shapes is None else shapes
        elif tag == CTRL_HEADER:
            controls.append(record)
    return text or b"", shapes or b"", controls


class BodyReader:
    """Walks paragraph records onto a Writer; `fill` is the border/fill id behind the text."""

    def __init__(self, styles: Styles, writer: Writer) -> None:
        self.styles, self.w, self.markers = styles, writer, Markers(styles)

    def paragraph(self, para: Record, fill: int, nesting: int) -> None:
        if nesting > MAX_NESTING:
            raise Malformed(self.w.path, f"objects nest deeper than {MAX_NESTING} levels")
        self.w.begin_paragraph(self.markers.marker(u16(para.payload, 8)))
        text, shapes, controls = paragraph_records(para)
        # (start position, character shape) pairs: whole 8-byte entries, unpacked in C.
        runs = list(RUN_ENTRY.iter_unpack(shapes[:len(shapes) - len(shapes) % RUN_ENTRY.size]))
        self.text(text, runs, iter(controls), fill, nesting)
        self.w.end_paragraph()

    def text(self, data: bytes, runs: list[tuple[int, int]], controls: Iterator[Record], fill: int,
             nesting: int) -> None:
        """The code units in order: text in runs of one character shape, control characters
        as line breaks, spaces, tabs, or the n-th control's own content."""
        units = len(data) // 2
        pos, start, run = 0, 0, 0
        invisible = self.is_invisible(runs, 0, fill)
        controls_at, k = control_units(data), 0

        def flush(end: int) -> None:
            if end > start:
                self.w.text(data[2 * start:2 * end].decode("utf-16-le", errors="replace"), invisible)

        while pos < units:
            if run + 1 < len(runs) and runs[run + 1][0] <= pos:
                flush(pos)
                start = pos
                while run + 1 < len(runs) and runs[run + 1][0] <= pos:
                    run += 1
                invisible = self.is_invisible(runs, run, fill)
            while k < len(controls_at) and controls_at[k] < pos:
                k += 1          # inside a control skipped whole, or passed
            control_at = controls_at[k] if k < len(controls_at) else units
            if pos < control_at:
                # Text up to the next control: step to it, or to where the next run starts
                # on the way, without reading the units between.
                pos = min(control_at, max(runs[run + 1][0], pos + 1)) if run + 1 < len(runs) else control_at
                continue
            code = data[2 * pos]
            flush(pos)
            width = CONTROL_UNITS if code in INLINE or code in EXTENDED else 1
            if code in CHAR_TEXT:
                self.w.text(CHAR_TEXT[code], invisible)
            elif code == LINE_BREAK:
                self.w.end_line()
            elif code in EXTENDED:
                control = next(controls, None)
                if control is not None:
                    self.control(control, invisible, fill, nesting)
            pos += width
            start = min(pos, units)

        flush(units)

    def is_invisible(self, runs: list[tuple[int, int]], run: int, fill: int) -> bool:
        if not runs or run >= len(runs):
            return False
        return runs[run][1] in self.styles.white_text and fill != FILLED and fill not in self.styles.filled

    def control(self, ctrl: Record, invisible: bool, fill: int, nesting: int) -> None:
        """Tables, drawing objects, running heads, notes and 글자 겹치기 write text; fields,
        page numbers and section settings write nothing (a fill-in field's guide text lives
        only in its command string, which is never read)."""
        kind = control_id(ctrl.payload)
        if kind == TABLE_ID:
            self.table(ctrl, nesting)
        elif kind == SHAPE_ID:
            if any(c.tag == SHAPE_COMPONENT and control_id(c.payload) == PICTURE_ID for c in ctrl.children):
                self.w.picture(utf16(ctrl.payload, DESCRIPTION_AT)[0])
            self.shape(ctrl.children, nesting)
            self.lists(ctrl.children, FILLED, nesting)      # the caption, after the object
        elif kind == COMPOSE_ID:
            value, _ = utf16(ctrl.payload, 4)
            self.w.text(value, invisible)
        elif kind == DUTMAL_ID:
            value, _ = utf16(ctrl.payload, 4)
            self.w.text(value, invisible)
        elif kind in HEAD_IDS or kind in NOTE_IDS:
            chrome = kind in HEAD_IDS
            self.w.chrome += chrome
            self.lists(ctrl.children, fill, nesting)
            self.w.chrome -= chrome

    def table(self, ctrl: Record, nesting: int) -> None:
        """LIST_HEADERs before the TABLE record are a caption (written after the table, where
        every real caption sits); after it, each LIST_HEADER opens a cell."""
        children = ctrl.children
        at = next((i for i, c in enumerate(children) if c.tag == TABLE), None)
        if at is None:
            return
        index = self.w.begin_table()
        for header, paragraphs in self.list_groups(children[at + 1:]):
            self.w.begin_block()
            first = len(self.w.out.lines)
            data = header.payload
            cell_fill = u16(data, 32, -2)
            for para in paragraphs:
                self.paragraph(para, cell_fill, nesting + 1)
            self.w.end_block()
            self.w.cell(index, u16(data, 10), u16(data, 8), first, u16(data, 14, 1), u16(data, 12, 1),
                        cell_name(data))
        self.w.end_table()
        self.lists(children[:at], FILLED, nesting)

    def list_groups(self, records: list[Record]) -> Iterator[tuple[Record, list[Record]]]:
        """LIST_HEADER, then the PARA_HEADERs that follow it at the same level."""
        header: Record | None = None
        paragraphs: list[Record] = []
        for record in records:
            if record.tag == LIST_HEADER:
                if header is not None:
                    yield header, paragraphs
                header, paragraphs = record, []
            elif record.tag == PARA_HEADER and header is not None:
                paragraphs.append(record)
        if header is not None:
            yield header, paragraphs

    def lists(self, records: list[Record], fill: int, nesting: int) -> None:
        """Each LIST_HEADER's paragraphs as a block of lines (a caption, a box, a note)."""
        for _header, paragraphs in self.list_groups(records):
            self.w.begin_block()
            for para in paragraphs:
                self.paragraph(para, fill, nesting + 1)
            self.w.end_block()

    def shape(self, records: list[Record], nesting: int) -> None:
        """Drawing objects: each SHAPE_COMPONENT's box text, then the objects a container
        holds, in order; a picture writes nothing."""
        if nesting > MAX_NESTING:
            raise Malformed(self.w.path, f"objects nest deeper than {MAX_NESTING} levels")
        for record in records:
            if record.tag == SHAPE_COMPONENT:
                self.lists(record.children, FILLED, nesting)
                self.shape(record.children, nesting + 1)


def read_hwp(data: bytes, path: str) -> Rendering:
    """The document's lines, cells and hints; typed errors for protected, damaged or hostile files."""
    ole = open_ole(data, path)
    budget = Budget(path)
    if not ole.exists("FileHeader"):
        raise Malformed(path, "the OLE file has no FileHeader stream")
    flags = check_header(read_stream(ole, "FileHeader", path, budget, False), path)
    compressed = bool(flags & FLAG_COMPRESSED)
    styles = Styles()
    if ole.exists("DocInfo"):
        styles = parse_styles(read_records(path, "DocInfo", read_stream(ole, "DocInfo", path, budget, compressed)))
    writer = Writer(path)
    body = BodyReader(styles, writer)
    for name in section_streams(ole, path):
        for record in read_records(path, name, read_stream(ole, name, path, budget, compressed)):
            if record.tag == PARA_HEADER:
                body.paragraph(record, -2, 0)
    return writer.finish(outline_not_drawn=body.markers.unsupported)


def is_hwp(data: bytes) -> bool:
    """An OLE file whose FileHeader stream starts with the HWP 5 signature."""
    if not data.startswith(OLE_MAGIC):
        return False
    try:
        ole = olefile.OleFileIO(io.BytesIO(data), raise_defects=olefile.DEFECT_INCORRECT)
        if not ole.exists("FileHeader") or ole.get_size("FileHeader") > 4096:
            return False
        return ole.openstream("FileHeader").read(len(SIGNATURE)) == SIGNATURE
    except OLE_ERRORS:
        return False
