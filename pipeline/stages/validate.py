"""Validate the assembled record against the shipped schema.

Reads: record. Writes: issues (a schema error in our own output is a bug, so it is raised).
"""
from __future__ import annotations

from ..document import Document
from ..errors import InternalError
from ..lexicon import Lexicon
from ..schema import validate


def run(doc: Document, lex: Lexicon) -> None:
    errors = validate(doc.record)
    if errors:
        listed = "; ".join(str(e) for e in errors[:5])
        raise InternalError(doc.source.path, f"output does not match the schema: {listed}")
