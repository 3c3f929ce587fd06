"""Files that sit in a corpus folder but are plainly not releases, told by their content.

A scraped or collected corpus keeps its bookkeeping next to the releases: a MANIFEST.tsv, a
CSV of URLs. Parsed, such a file would become a `not_a_press_release` error and count as a
failed release. `batch` asks `bookkeeping_reason` first and reports these inputs as skipped,
with the reason, instead. Only shapes no release has are recognised: every line of the head a
row of the same table.
"""
from __future__ import annotations

HEAD_BYTES = 65_536
MIN_ROWS = 2
MIN_SEPARATORS = 2          # three columns or more
SEPARATORS = (("\t", "a tab-separated table"),)


def bookkeeping_reason(data: bytes) -> str | None:
    """'a tab-separated table (9 columns)' for b'file\\tsource\\t…\\n…'; None for anything that
    may be a release."""
    if not may_be_table(data):
        return None
    try:
        head = data[:HEAD_BYTES].decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < HEAD_BYTES - 4:     # not a cut multi-byte character at the end
            return None
        head = data[:exc.start].decode("utf-8")
    lines = [line for line in head.splitlines()[:-1 if len(data) > HEAD_BYTES else None] if line.strip()]
    if len(lines) < MIN_ROWS:
        return None
    for sep, what in SEPARATORS:
        counts = {line.count(sep) for line in lines}
        if len(counts) == 1 and (n := counts.pop()) >= MIN_SEPARATORS:
            return f"{what} ({n + 1} columns), not a release"
    return None


def may_be_table(data: bytes) -> bool:
    """False when the head holds too few separators for MIN_ROWS rows of MIN_SEPARATORS each:
    a count over the bytes (a separator is one ASCII byte, never inside a UTF-8 character),
    so the usual release is let through without decoding and splitting its head."""
    head = data[:HEAD_BYTES]
    return any(head.count(sep.encode("ascii")) >= MIN_ROWS * MIN_SEPARATORS for sep, _ in SEPARATORS)


def bookkeeping_file(path: str) -> str | None:
    """`bookkeeping_reason` of a file's head; None when it cannot be read (the caller's own
    read reports that)."""
    try:
        with open(path, "rb") as fh:
            return bookkeeping_reason(fh.read(HEAD_BYTES + 1))
    except OSError:
        return None
