"""Korean press releases (보도자료) to structured, schema-validated JSON.

    from pipeline import parse_file, parse_bytes, parse_text, validate
    doc = parse_file("samples/apec-2004-sme-forum.txt")
    assert validate(doc) == []
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .errors import (EmptyInput, InternalError, Malformed, PipelineError, TooLarge, Undecodable,
                     UnsupportedFormat)
from .runner import PIPELINE_VERSION, new_document, run
from .schema import SchemaError, validate

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

__all__ = [
    "parse_file", "parse_bytes", "parse_text", "validate", "SchemaError", "PipelineError",
    "EmptyInput", "Undecodable", "TooLarge", "UnsupportedFormat", "Malformed", "InternalError",
    "PIPELINE_VERSION", "DEFAULT_MAX_BYTES",
]


def parse_bytes(data: bytes, path: str = "<bytes>", max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    """Parse one release given as raw bytes (text, HTML or Markdown, any Korean encoding)."""
    if len(data) > max_bytes:
        raise TooLarge(path, f"{len(data)} bytes is over the limit of {max_bytes}")
    return run(new_document(data, path)).record


def parse_text(text: str, path: str = "<text>", max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    """Parse one release given as a str."""
    return parse_bytes(text.encode("utf-8"), path, max_bytes)


def parse_file(path: str | Path, max_bytes: int = DEFAULT_MAX_BYTES) -> dict[str, Any]:
    """Parse one release file."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > max_bytes:
            raise TooLarge(str(p), f"{size} bytes is over the limit of {max_bytes}")
        data = p.read_bytes()
    except PipelineError:
        raise
    except OSError as exc:
        raise Malformed(str(p), f"cannot read: {exc.strerror or exc}") from exc
    return parse_bytes(data, str(p), max_bytes)
