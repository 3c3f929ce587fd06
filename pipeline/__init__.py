"""Korean press releases (보도자료) to structured, schema-validated JSON.

    from pipeline import parse_file, parse_bytes, parse_text, validate
    doc = parse_file("samples/apec-2004-sme-forum.txt")
    assert validate(doc) == []

Every `parse_*` returns a schema-valid record or raises a `PipelineError` subclass whose
`code` is stable (empty_input, undecodable, too_large, unsupported_format, unreadable,
internal …); no other exception escapes. Inputs over `max_bytes` (default 20 MB) are refused
before they are read.
"""
from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Any

from .errors import (EmptyInput, InternalError, Malformed, NotAPressRelease, PipelineError, Protected,
                     TooLarge, Undecodable, UnsupportedFormat, Unreadable)
from .runner import PIPELINE_VERSION, new_document, run
from .schema import SchemaError, validate

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
DEFAULT_TIMEOUT = 30        # batch: CPU seconds one input may take in a worker
DEFAULT_MEMORY_MB = 1024    # batch: address space of one worker

__all__ = [
    "parse_file", "parse_bytes", "parse_text", "validate", "SchemaError", "PipelineError",
    "EmptyInput", "Undecodable", "TooLarge", "UnsupportedFormat", "Protected", "Malformed", "Unreadable",
    "NotAPressRelease", "InternalError", "PIPELINE_VERSION", "DEFAULT_MAX_BYTES",
]


def _too_large(path: str, size: int, max_bytes: int) -> TooLarge:
    return TooLarge(path, f"{size} bytes is over the limit of {max_bytes} (raise max_bytes to accept it)")


def parse_bytes(data: bytes, path: str = "<bytes>", max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    """Parse one release given as raw bytes (text, HTML or Markdown, any Korean encoding)."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError(f"parse_bytes needs bytes, not {type(data).__name__}")
    data = bytes(data)
    if len(data) > max_bytes:
        raise _too_large(path, len(data), max_bytes)
    try:
        return run(new_document(data, path)).record
    except PipelineError:
        raise
    except Exception as exc:  # RecursionError, MemoryError and bugs outside a stage
        raise InternalError(path, f"{type(exc).__name__}: {exc}") from exc


def parse_text(text: str, path: str = "<text>", max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    """Parse one release given as a str (it is read as UTF-8 bytes)."""
    if len(text) > max_bytes:   # a character is at least one byte: refuse before encoding
        raise _too_large(path, len(text), max_bytes)
    try:
        data = text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise Undecodable(path, f"the str holds a lone surrogate at index {exc.start}, which is not text") from exc
    return parse_bytes(data, path, max_bytes)


def read_limited(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`; our own errors otherwise."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):  # a directory, or a FIFO that would block the read
            raise Unreadable(str(path), "not a regular file")
        if info.st_size > max_bytes:
            raise _too_large(str(path), info.st_size, max_bytes)
        with path.open("rb") as fh:
            data = fh.read(max_bytes + 1)   # the file may have grown since stat
    except OSError as exc:
        raise Unreadable(str(path), f"cannot read: {exc.strerror or exc}") from exc
    if len(data) > max_bytes:
        raise _too_large(str(path), len(data), max_bytes)
    return data


def parse_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    """Parse one release file."""
    p = Path(path)
    return parse_bytes(read_limited(p, max_bytes), str(p), max_bytes)
