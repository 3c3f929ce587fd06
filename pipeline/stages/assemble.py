"""Build the contract document from what the extractors wrote.

Reads: source, text, every extractor field, issues, repairs. Writes: record.
Key order is fixed here so that output bytes are stable.
"""
from __future__ import annotations

from typing import Any

from ..document import BlockKind, Cell, Document, Node, Span
from ..lexicon import Lexicon

SCHEMA_VERSION = "1.0"
# Table cells one record may list (a real release has a few hundred; a page of 100,000 rows
# would otherwise multiply its JSON): past it the list stops with a truncated_output warning.
MAX_CELLS = 20_000
# BlockKind's values as plain str, looked up rather than read through the enum's `value`
# property (a Python-level descriptor, per block of every record).
KIND_NAMES = {kind: kind.value for kind in BlockKind}


def nodes_json(nodes: list[Node] | tuple[Node, ...]) -> list[dict[str, Any]]:
    """Sibling bullets as JSON: one call per list of siblings, not one per bullet (a release
    has hundreds, most of them leaves, made by this comprehension); a leaf makes no call for
    its empty list of children."""
    return [{
        "marker": node.marker,
        "level": node.level,
        "kind": node.kind,
        "text": node.text,
        "span": [node.span.start, node.span.end],
        "children": nodes_json(node.children) if node.children else [],
    } for node in nodes]


def cell_json(doc: Document, cell: Cell) -> dict[str, Any]:
    """A cell with the span of its lines in `text` (empty where the cell has no line)."""
    lines = doc.lines
    if cell.first < cell.last <= len(lines):
        span = [lines[cell.first].start, lines[cell.last - 1].end]
    else:
        at = lines[cell.first].start if cell.first < len(lines) else len(doc.text)
        span = [at, at]
    return {"table": cell.table, "row": cell.row, "col": cell.col, "rowspan": cell.rowspan,
            "colspan": cell.colspan, "header": cell.header, "field": cell.name, "depth": cell.depth,
            "invisible": cell.invisible, "span": span}


def cells(doc: Document) -> list[dict[str, Any]]:
    if len(doc.cells) > MAX_CELLS:
        end = doc.lines[doc.cells[MAX_CELLS].first].start if doc.cells[MAX_CELLS].first < len(doc.lines) else len(doc.text)
        doc.warn("assemble", "truncated_output", f"{MAX_CELLS} table cells at most: the list stops here",
                 Span(end, end))
    return [cell_json(doc, c) for c in doc.cells[:MAX_CELLS]]


def diagnostics(doc: Document) -> dict[str, Any]:
    return {
        "warnings": [{"code": i.code, "message": i.message, "stage": i.stage,
                      "span": i.span.to_json() if i.span else None} for i in doc.issues],
        "repairs": [{"kind": r.kind, "from": r.before, "to": r.after, "span": r.span.to_json()}
                    for r in doc.repairs],
    }


def empty_release() -> dict[str, Any]:
    return {"kind": None, "issuer": None, "title": None, "subtitle": None, "summary": [],
            "embargo": None, "distributed_at": None, "attachments": []}


def run(doc: Document, lex: Lexicon) -> None:
    s = doc.source
    doc.record = {
        "schema_version": SCHEMA_VERSION,
        "source": {"path": s.path, "sha256": s.sha256, "format": s.format, "encoding": s.encoding,
                   "bytes": s.bytes},
        "text": doc.text,
        "blocks": [{"kind": KIND_NAMES[b.kind], "span": [b.span.start, b.span.end]} for b in doc.blocks],
        "cells": cells(doc),
        "page": doc.page,
        "release": {**empty_release(), **doc.release},
        "contacts": doc.contacts,
        "organizations": doc.organizations,
        "event": doc.event.to_json() if doc.event is not None else None,
        "sections": nodes_json(doc.sections),
        "appendices": [{**a, "sections": nodes_json(a["sections"])} for a in doc.appendices],
        "sessions": [s.to_json() for s in doc.sessions],
        "talks": [t.to_json() for t in doc.talks],
        "people": [p.to_json() for p in doc.people],
        "countries": [c.to_json() for c in doc.countries],
        "figures": [f.to_json() for f in doc.figures],
        "diagnostics": diagnostics(doc),
    }
