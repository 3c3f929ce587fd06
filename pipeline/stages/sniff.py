"""Refuse bytes that are not text before anyone tries to decode them.

Reads: raw. Writes: nothing; raises UnsupportedFormat.
Example: b'\\x89PNG\\r\\n\\x1a\\n…' saved as 'release.txt' → unsupported_format (a PNG image).

Scraped folders hold the attachments next to the pages (`…(보도자료).pdf`, `.hwp`, `.hwpx`,
images). Decoding them as CP949 "succeeds" and yields pages of garbage with invented titles,
so they are named and refused here. Text in UTF-16/32 carries a byte-order mark and passes.
"""
from __future__ import annotations

import codecs

from ..document import Document
from ..errors import UnsupportedFormat
from ..lexicon import Lexicon

HEAD_BYTES = 4096
NUL_SHARE = 0.05            # text has no NUL bytes; a few stray ones are tolerated
TEXT_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)   # UTF-32 LE starts like UTF-16 LE
SIGNATURES = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP container (HWPX, DOCX, XLSX or ZIP)"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an OLE2 file (HWP 5, DOC or XLS)"),
    (b"HWP Document File", "an HWP 3 document"),
    (b"\x1f\x8b", "gzip-compressed data"),
)


def match_signature(data: bytes) -> str | None:
    """b'%PDF-1.7…' → 'a PDF document'; None for anything that may be text."""
    return next((what for magic, what in SIGNATURES if data.startswith(magic)), None)


def is_binary(head: bytes) -> bool:
    """Many NUL bytes and no byte-order mark: b'\\x00\\x01\\x02…'."""
    if head.startswith(TEXT_BOMS):
        return False
    return head.count(0) > NUL_SHARE * len(head)


def run(doc: Document, lex: Lexicon) -> None:
    head = doc.raw[:HEAD_BYTES]
    what = match_signature(head) or ("binary data (NUL bytes)" if is_binary(head) else None)
    if what:
        raise UnsupportedFormat(doc.source.path, f"this is {what}, not a text, HTML or Markdown release")
