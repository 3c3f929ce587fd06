"""Small builders shared by the semantic-layer tests: a release from a few lines of text."""
from __future__ import annotations

from pipeline.document import Document
from pipeline.lexicon import Lexicon, load_lexicon
from pipeline.runner import STAGES, new_document, run

TITLE = "가상 보도자료 제목\n\n"


def prepare(body: str, until: str = "bullets") -> tuple[Document, Lexicon]:
    """Run the stages up to and including `until` on a title line and `body`."""
    lex = load_lexicon()
    doc = new_document((TITLE + body).encode("utf-8"), "t.txt")
    for name, stage in STAGES:
        stage(doc, lex)
        if name == until:
            break
    return doc, lex


def parse(body: str) -> Document:
    """The whole pipeline on a title line and `body`."""
    return run(new_document((TITLE + body).encode("utf-8"), "t.txt"))
