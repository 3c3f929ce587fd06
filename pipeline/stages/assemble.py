"""Build the contract document from what the extractors wrote.

Reads: source, text, every extractor field, issues, repairs. Writes: record.
Key order is fixed here so that output bytes are stable.
"""
from __future__ import annotations

from typing import Any

from ..document import Document, Node
from ..lexicon import Lexicon

SCHEMA_VERSION = "1.0"


def node_json(node: Node) -> dict[str, Any]:
    return {
        "marker": node.marker,
        "level": node.level,
        "kind": node.kind,
        "text": node.text,
        "span": node.span.to_json(),
        "children": [node_json(c) for c in node.children],
    }


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
        "page": doc.page,
        "release": {**empty_release(), **doc.release},
        "contacts": doc.contacts,
        "organizations": doc.organizations,
        "event": doc.event.to_json() if doc.event is not None else None,
        "sections": [node_json(n) for n in doc.sections],
        "appendices": [{**a, "sections": [node_json(n) for n in a["sections"]]} for a in doc.appendices],
        "sessions": [s.to_json() for s in doc.sessions],
        "people": [p.to_json() for p in doc.people],
        "countries": doc.countries,
        "figures": doc.figures,
        "diagnostics": diagnostics(doc),
    }
