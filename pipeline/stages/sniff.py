"""Name the Hangul word-processor formats we read natively; refuse other bytes that are not text.

Reads: raw. Writes: source.format for HWPX and HWP 5; raises UnsupportedFormat for the rest.
Example: b'\\x89PNG\\r\\n\\x1a\\n…' saved as 'release.txt' → unsupported_format (a PNG image);
b'PK\\x03\\x04…mimetypeapplication/hwp+zip…' saved as 'x.txt' → format 'hwpx'.

The magic bytes decide, never the name: korea.kr serves HWP 5 files named `.hwpx`. A zip is
HWPX when its `mimetype` entry says application/hwp+zip; an OLE file is HWP 5 when its
FileHeader stream carries the HWP signature. Other zips and OLE files are refused as what they are.

Scraped folders hold the attachments next to the pages (`…(보도자료).pdf`, `.hwp`, `.hwpx`,
images). Decoding them as CP949 "succeeds" and yields pages of garbage with invented titles,
so they are named and refused here. Text in UTF-16/32 carries a byte-order mark and passes.
"""
from __future__ import annotations

import codecs

from ..document import Document
from ..errors import UnsupportedFormat
from ..lexicon import Lexicon
from ..readers.hwpx import ZIP_MAGIC, is_hwpx

HEAD_BYTES = 4096
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
NUL_SHARE = 0.05            # text has no NUL bytes; a few stray ones are tolerated
TEXT_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)   # UTF-32 LE starts like UTF-16 LE
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (ZIP_MAGIC, "a ZIP container that is not HWPX (DOCX, XLSX or another ZIP)"),
    (OLE_MAGIC, "an OLE2 file that is not HWP 5 (DOC, XLS or another OLE file)"),
    (b"HWP Document File", "an HWP 3 document (only HWP 5 and HWPX are read)"),
    (b"\x1f\x8b", "gzip-compressed data"),
)


MAGICS = tuple(magic for magic, _ in SIGNATURES)


def match_signature(data: bytes) -> str | None:
    """b'%PDF-1.7…' → 'a PDF document'; None for anything that may be text. Text, nearly every
    input, is told by one startswith over all the magics instead of one per signature."""
    if not data.startswith(MAGICS):
        return None
    return next((what for magic, what in SIGNATURES if data.startswith(magic)), None)


def is_binary(head: bytes) -> bool:
    """Many NUL bytes and no byte-order mark: b'\\x00\\x01\\x02…'. Text, nearly every input,
    holds no NUL at all, which `in` tells by memchr (~1.6k instructions for a 4 KB head) before
    count walks the head byte by byte (~15k): a count of 0 is never over the share."""
    if head.startswith(TEXT_BOMS) or 0 not in head:
        return False
    return head.count(0) > NUL_SHARE * len(head)


def is_hwp(data: bytes) -> bool:
    """An OLE file that pipeline/readers/hwp.py reads as HWP 5. The reader is imported for OLE
    bytes only: it brings olefile, ~10 ms of CPU that a process reading no HWP need not pay."""
    if not data.startswith(OLE_MAGIC):
        return False
    from ..readers.hwp import is_hwp as reads_as_hwp
    return reads_as_hwp(data)


# Formats read from their bytes by pipeline/readers; first match wins.
NATIVE = (
    ("hwpx", is_hwpx),
    ("hwp", is_hwp),
)


# What every native format opens with (a zip's, an OLE file's magic): each rule asks it first.
NATIVE_MAGICS = (ZIP_MAGIC, OLE_MAGIC)


def match_native(data: bytes) -> str | None:
    """'hwpx' or 'hwp' when the bytes are one; None otherwise. Text, nearly every input, opens
    with neither format's magic, which one startswith tells, without the rules' calls and the
    generator's (~6.9k callgrind instructions a korea.kr record)."""
    if not data.startswith(NATIVE_MAGICS):
        return None
    return next((name for name, rule in NATIVE if rule(data)), None)


def run(doc: Document, lex: Lexicon) -> None:
    native = match_native(doc.raw)
    if native:
        doc.source.format = native
        return
    head = doc.raw[:HEAD_BYTES]
    what = match_signature(head) or ("binary data (NUL bytes)" if is_binary(head) else None)
    if what:
        raise UnsupportedFormat(doc.source.path, f"this is {what}, not a text, HTML, Markdown, HWPX or HWP release")
