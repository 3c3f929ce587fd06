"""Figures: filled by the semantic layer (issue 3). Until then the contract key stays empty.

Reads: text, sections. Writes: figures.
"""
from __future__ import annotations

from ..document import Document
from ..lexicon import Lexicon


def run(doc: Document, lex: Lexicon) -> None:
    return None
