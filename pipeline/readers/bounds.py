"""Limits on what a hostile file can make us inflate, parse or allocate, and the safe XML parser.

Real files are far below every limit (docs/hwpx-hwp.md §6): HWPX ≤ 31 parts, largest XML part
15.9 MB inflated at 34:1, XML depth ≤ 20; HWP streams ≤ 263 KB inflated at ≤ 6.8:1, records
≤ 1,032 B, record level ≤ 7, ≤ 8,702 records per stream.
"""
from __future__ import annotations

import zlib

import lxml.etree

from ..errors import Malformed, TooLarge

MAX_PARTS = 1_000            # zip entries (the central directory is read whole)
MAX_SECTIONS = 64
MAX_PART_BYTES = 64 << 20    # one inflated XML part or HWP stream
MAX_TOTAL_BYTES = 160 << 20  # all inflated parts or streams of one document together
MAX_RATIO = 200              # inflated : compressed, checked once a part passes RATIO_FLOOR
RATIO_FLOOR = 1 << 20
MAX_NESTING = 24             # tables in cells in boxes in containers (real: 3)
MAX_OLE_BYTES = 64 << 20     # an OLE stream's declared size
MAX_RECORDS = 1_000_000      # per stream
MAX_RECORD_LEVEL = 64
FORBIDDEN_XML = (b"<!DOCTYPE", b"<!ENTITY")


class Budget:
    """Inflated bytes left for one document."""

    def __init__(self, path: str) -> None:
        self.path, self.left, self.total = path, MAX_TOTAL_BYTES, MAX_TOTAL_BYTES

    def spend(self, amount: int, what: str) -> None:
        self.left -= amount
        if self.left < 0:
            raise TooLarge(self.path, f"{what}: the document inflates past {self.total} bytes in all")


def check_ratio(path: str, what: str, inflated: int, compressed: int) -> None:
    """A part that inflates far more than any real one is a bomb."""
    if inflated > RATIO_FLOOR and inflated > MAX_RATIO * max(compressed, 1):
        raise TooLarge(path, f"{what} inflates {inflated // max(compressed, 1)}:1, past the limit of {MAX_RATIO}:1")


def inflate_raw(path: str, what: str, data: bytes, cap: int = MAX_PART_BYTES) -> bytes:
    """Raw DEFLATE (zlib wbits −15) with a hard output cap; the input must be one whole stream."""
    inflater = zlib.decompressobj(-15)
    try:
        out = inflater.decompress(data, cap + 1)
    except zlib.error as exc:
        raise Malformed(path, f"{what} is not valid DEFLATE data ({exc})") from exc
    if len(out) > cap or inflater.unconsumed_tail:
        raise TooLarge(path, f"{what} inflates past {cap} bytes")
    if not inflater.eof:
        raise Malformed(path, f"{what} ends in the middle of its DEFLATE data")
    check_ratio(path, what, len(out), len(data))
    return out


def reject_doctype(path: str, what: str, data: bytes) -> None:
    """No real part declares a DTD or an entity; a part that does is refused outright."""
    for token in FORBIDDEN_XML:
        if token in data:
            raise Malformed(path, f"{what} declares {token.decode()[1:]}; DTDs and entities are refused")


def xml_parser() -> lxml.etree.XMLParser:
    """No DTD, no entity expansion, no network, libxml2's default depth and size limits."""
    return lxml.etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                huge_tree=False, remove_comments=True, remove_pis=True)


def parse_xml(path: str, what: str, data: bytes) -> lxml.etree._Element:
    reject_doctype(path, what, data)
    try:
        return lxml.etree.fromstring(data, parser=xml_parser())
    except lxml.etree.XMLSyntaxError as exc:
        raise Malformed(path, f"{what} is not well-formed XML ({exc})") from exc
