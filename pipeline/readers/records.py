"""HWP 5 record streams: headers checked against the bytes present, then a tree by level.

Each record: a UINT32 header, tag in bits 0–9, level in bits 10–19, size in bits 20–31; size
0xFFF means a UINT32 size follows. A record at level L+1 right after one at level L belongs to
it (a paragraph's text, a control's table, a cell's paragraphs).
Example: b'\\x42\\x00\\x80\\x01' + 24 bytes → PARA_HEADER (0x42), level 0, 24 bytes.

Nothing is allocated from a declared size: a record whose size runs past the end, a level that
jumps by more than one or goes past MAX_RECORD_LEVEL, or more than MAX_RECORDS records, is a
typed error.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..errors import Malformed, TooLarge
from .bounds import MAX_RECORD_LEVEL, MAX_RECORDS

EXTENDED_SIZE = 0xFFF

# Tags are HWPTAG_BEGIN (0x10) + n; names as in the format specification.
DOCUMENT_PROPERTIES = 0x10
BORDER_FILL = 0x14
CHAR_SHAPE = 0x15
NUMBERING = 0x17
BULLET = 0x18
PARA_SHAPE = 0x19
DISTRIBUTE_DOC_DATA = 0x1C
PARA_HEADER = 0x42
PARA_TEXT = 0x43
PARA_CHAR_SHAPE = 0x44
CTRL_HEADER = 0x47
LIST_HEADER = 0x48
SHAPE_COMPONENT = 0x4C
TABLE = 0x4D


@dataclass(slots=True)
class Record:
    tag: int
    level: int
    payload: bytes
    children: list["Record"] = field(default_factory=list)


def iter_headers(path: str, what: str, data: bytes) -> list[tuple[int, int, int, int]]:
    """(tag, level, start, end) of every record, checked; no payload copied yet."""
    out: list[tuple[int, int, int, int]] = []
    pos, size_of_data, previous = 0, len(data), -1
    while pos < size_of_data:
        if pos + 4 > size_of_data:
            raise Malformed(path, f"{what}: a record header is cut off at byte {pos}")
        header = int.from_bytes(data[pos:pos + 4], "little")
        tag, level, size = header & 0x3FF, (header >> 10) & 0x3FF, header >> 20
        pos += 4
        if size == EXTENDED_SIZE:
            if pos + 4 > size_of_data:
                raise Malformed(path, f"{what}: an extended record size is cut off at byte {pos}")
            size = int.from_bytes(data[pos:pos + 4], "little")
            pos += 4
        if pos + size > size_of_data:
            raise Malformed(path, f"{what}: record {len(out)} (tag 0x{tag:X}) claims {size} bytes, "
                            f"only {size_of_data - pos} are left")
        if level > previous + 1 or level > MAX_RECORD_LEVEL:
            raise Malformed(path, f"{what}: record {len(out)} jumps from level {previous} to {level}")
        if len(out) >= MAX_RECORDS:
            raise TooLarge(path, f"{what} holds more than {MAX_RECORDS} records")
        out.append((tag, level, pos, pos + size))
        pos += size
        previous = level
    return out


def read_records(path: str, what: str, data: bytes) -> list[Record]:
    """The stream as a forest: top-level records with their children by level."""
    roots: list[Record] = []
    stack: list[Record] = []
    for tag, level, start, end in iter_headers(path, what, data):
        record = Record(tag, level, data[start:end])
        del stack[level:]
        (stack[-1].children if stack else roots).append(record)
        stack.append(record)
    return roots


def u16(data: bytes, offset: int, default: int = 0) -> int:
    return int.from_bytes(data[offset:offset + 2], "little") if offset + 2 <= len(data) else default


def u32(data: bytes, offset: int, default: int = 0) -> int:
    return int.from_bytes(data[offset:offset + 4], "little") if offset + 4 <= len(data) else default


def utf16(data: bytes, offset: int) -> tuple[str, int]:
    """A UINT16 length then that many UTF-16LE units → (text, offset after it); clipped to the bytes present."""
    count = u16(data, offset)
    start = offset + 2
    end = min(start + 2 * count, len(data))
    return data[start:end - (end - start) % 2].decode("utf-16-le", errors="replace"), start + 2 * count
