"""How documents and index lines are written: one serialization, atomic files.

Kept apart from the batch engine so that `python -m pipeline parse` writes its document
without importing the engine (multiprocessing, its dataclasses) it does not use.
"""
from __future__ import annotations

import functools
import json
import os
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from .errors import printable_path

TMP_SUFFIX = ".tmp"
UMASK = os.umask(0o022)     # read once (os.umask can only be read by setting it)
os.umask(UMASK)


@functools.cache
def fast_serializer() -> ModuleType | None:
    """orjson, imported when a document is first written through it: `parse` of one release
    writes with the stdlib, and importing orjson would cost more than it saves there."""
    try:
        import orjson
    except ImportError:      # pragma: no cover - orjson is a declared dependency
        return None
    return orjson


def dump_bytes(record: dict[str, Any]) -> bytes:
    """The one serialization of a document: UTF-8, indent 2, keys in the order assemble set.
    orjson writes the same bytes as json.dumps(indent=2, ensure_ascii=False) for our records
    (checked on every sample and corpus record); what it refuses (integers beyond 64 bits) or
    might write differently (tiny and huge floats) goes through the stdlib."""
    orjson = fast_serializer()
    if orjson is not None and not has_exponent_float(record):
        try:
            # the newline written by orjson: `+ b"\n"` copied the whole document once more
            return orjson.dumps(record, option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE)
        except (TypeError, orjson.JSONEncodeError):
            pass
    return dump(record).encode("utf-8")


def has_exponent_float(record: dict[str, Any]) -> bool:
    """A float that Python writes in exponent form and orjson may not ('1e-05' / '0.00001').
    Figures' values are the only floats a document holds."""
    for figure in record.get("figures", ()):       # a plain loop: a generator costs a call per value
        for value in (figure.get("value"), figure.get("value_max")):
            if isinstance(value, float) and value and not 1e-4 <= abs(value) < 1e16:
                return True
    return False


def dump(record: Any) -> str:
    """The document as text (the stdlib serializer; same bytes as `dump_bytes`)."""
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


# What json.dumps(record, ensure_ascii=False) builds anew on every call (it reuses its default
# encoder only when called without options), made once: the same bytes, one object fewer per line.
LINE_ENCODER = json.JSONEncoder(ensure_ascii=False)


def json_line(record: dict[str, Any]) -> str:
    """One index line; a string holding a lone surrogate (an undecodable file name inside a
    message) is escaped so the line stays valid UTF-8."""
    return json_line_bytes(record).decode("utf-8")


def json_line_bytes(record: dict[str, Any]) -> bytes:
    """`json_line` as the UTF-8 bytes written: encoding once both makes the bytes and finds a
    lone surrogate (the encoding fails), so a line is not encoded twice."""
    try:
        return (LINE_ENCODER.encode(record) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (LINE_ENCODER.encode(sanitize(record)) + "\n").encode("utf-8")


# The index line of a written document, by far the most common line, has one shape: filled
# into a template with one orjson call per varying value it costs ~11k instructions, against
# ~42k through json's encoder (which walks the dict and writes the Korean title as a UCS-2 str
# that is then encoded once more). Same bytes as json_line_bytes: orjson escapes every code
# point as json.dumps(ensure_ascii=False) does, and refuses a lone surrogate, which
# json_line_bytes then escapes (tests/test_cost_batch6.py holds both).
OK_LINE_KEYS = ("path", "target", "sha256", "status", "output", "title", "ms", "pipeline_version")
OK_LINE = (b'{"path": %b, "target": %b, "sha256": %b, "status": "ok", "output": %b, "title": %b, '
           b'"ms": %d, "pipeline_version": %b}\n')
TEXT_TYPES = frozenset({str, type(None)})     # what orjson writes as json does (a line read back may hold anything)


def index_line_bytes(record: dict[str, Any]) -> bytes:
    """`json_line_bytes` of an index record (an ok record of the usual shape through OK_LINE)."""
    return ok_line(record) or json_line_bytes(record)


def ok_line(record: dict[str, Any]) -> bytes | None:
    """The line of an ok record of OK_LINE's keys, its values of the types orjson writes as
    json does; None for any other record (json_line_bytes writes it)."""
    orjson = fast_serializer()
    if orjson is None or tuple(record) != OK_LINE_KEYS:
        return None
    path, target, sha, status, output, title, ms, version = record.values()
    if status != "ok" or type(ms) is not int or not TEXT_TYPES.issuperset(map(type, (path, target, sha, output,
                                                                                     title, version))):
        return None
    dumps = orjson.dumps
    try:
        return OK_LINE % (dumps(path), dumps(target), dumps(sha), dumps(output), dumps(title), ms, dumps(version))
    except TypeError:       # orjson.JSONEncodeError: a lone surrogate, which json_line_bytes escapes
        return None


def sanitize(value: Any) -> Any:
    if isinstance(value, str):
        return printable_path(value)
    if isinstance(value, dict):
        return {k: sanitize(v) for k, v in value.items()}
    if isinstance(value, list):
        return [sanitize(v) for v in value]
    return value


def write_atomic(path: Path, data: str | bytes, scratch: Path | None = None) -> None:
    """Write `data` to a temporary file in `scratch` (same file system), then rename it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = scratch or path.parent
    fd, tmp = tempfile.mkstemp(dir=scratch, prefix=f".{path.name}.", suffix=TMP_SUFFIX)
    try:
        os.fchmod(fd, 0o666 & ~UMASK)        # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(fd, "wb") as fh:
            fh.write(data.encode("utf-8") if isinstance(data, str) else data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_all(fd: int, data: bytes) -> None:
    """All of `data` to `fd` (os.write may write less than it was given)."""
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
