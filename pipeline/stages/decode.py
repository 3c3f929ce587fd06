"""Bytes to str: BOM, UTF-8, then CP949 (never strict EUC-KR, which rejects real pages).

Reads: raw. Writes: decoded, source.encoding, source.format.
Example: b'\\xba\\xb8\\xb5\\xb5\\xc0\\xda\\xb7\\xe1' → '보도자료' (cp949).
"""
from __future__ import annotations

import codecs

from ..document import Document
from ..errors import EmptyInput
from ..lexicon import Lexicon

BOMS = ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def match_bom(data: bytes) -> str | None:
    """b'\\xef\\xbb\\xbf...' → 'utf-8-sig'."""
    return next((enc for bom, enc in BOMS if data.startswith(bom)), None)


def decode_strict(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def detect_format(text: str) -> str:
    """'<!DOCTYPE html>…' → 'html'; '---\\ntitle: …' → 'markdown'; else 'text'."""
    head = text.lstrip()[:2048].lower()
    if head.startswith("---\n") or head.startswith("---\r\n"):
        return "markdown"
    if head.startswith(("<!doctype html", "<html", "<?xml")) or "<body" in head or "<p" in head[:200]:
        return "html"
    return "text"


def run(doc: Document, lex: Lexicon) -> None:
    data = doc.raw
    if not data.strip():
        raise EmptyInput(doc.source.path, "the file is empty or holds only white space")
    bom = match_bom(data)
    for encoding in ([bom] if bom else []) + ["utf-8", "cp949"]:
        text = decode_strict(data, encoding)
        if text is not None:
            break
    else:
        encoding, text = "utf-8", data.decode("utf-8", errors="replace")
        doc.warn("decode", "undecodable_bytes", "bytes that are neither UTF-8 nor CP949 were replaced")
    doc.decoded = text
    doc.source.encoding = "utf-8" if encoding == "utf-8-sig" else encoding
    doc.source.format = detect_format(text)
