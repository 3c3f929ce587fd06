"""STAGES: the ordered table of (name, function) that turns bytes into a record; run()."""
from __future__ import annotations

import hashlib
from collections.abc import Callable

from .document import Document, Source
from .errors import InternalError, Malformed, PipelineError, printable_path
from .lexicon import Lexicon, load_lexicon
from .stages import (assemble, bullets, contacts, countries, decode, event, figures,
                     normalize, organizations, page, people, release, render, segment,
                     sessions, sniff, validate)

Stage = Callable[[Document, Lexicon], None]

STAGES: tuple[tuple[str, Stage], ...] = (
    ("sniff", sniff.run),
    ("decode", decode.run),
    ("render", render.run),
    ("normalize", normalize.run),
    ("segment", segment.run),
    ("page", page.run),
    ("release", release.run),
    ("contacts", contacts.run),
    ("organizations", organizations.run),
    ("bullets", bullets.run),
    ("event", event.run),
    ("people", people.run),
    ("sessions", sessions.run),
    # figures before countries: a country's findings carry the figures inside them.
    ("figures", figures.run),
    ("countries", countries.run),
    ("assemble", assemble.run),
    ("validate", validate.run),
)

PIPELINE_VERSION = "1.0.0"


def new_document(data: bytes, path: str) -> Document:
    source = Source(path=printable_path(path), sha256=hashlib.sha256(data).hexdigest(), bytes=len(data))
    return Document(source=source, raw=data)


def run(doc: Document, lex: Lexicon | None = None,
        stages: tuple[tuple[str, Stage], ...] = STAGES) -> Document:
    """Apply every stage in order (`stages`: a prefix or subset, for `make bench`). Our own
    errors pass through; anything else is a bug and is raised as InternalError naming the
    file and the stage."""
    lex = lex or load_lexicon()
    for name, stage in stages:
        try:
            stage(doc, lex)
        except PipelineError:
            raise
        except RecursionError as exc:  # markup or JSON nested deeper than Python recurses
            raise Malformed(doc.source.path, f"nested too deeply to read (stage {name})") from exc
        except Exception as exc:  # a bug: report it with the file and the stage
            raise InternalError(doc.source.path, f"stage {name} failed: {type(exc).__name__}: {exc}") from exc
    return doc
