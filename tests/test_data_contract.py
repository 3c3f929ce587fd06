"""What data users rely on: the blocks that say where the body is, and what a section node's
`text` is relative to `text[span]`. Checked on the goldens and on real corpus records."""
from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from pipeline import parse_file
from pipeline.text import collapse

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
GOLDENS = sorted((ROOT / "tests" / "expected").glob("*.json"))
REAL = sorted(p for folder in ("korea-kr", "real") for ext in ("md", "html")
              for p in (CORPUS / folder).glob(f"*.{ext}"))[::25] if CORPUS.is_dir() else []


def records() -> Iterator[tuple[str, dict[str, Any]]]:
    for golden in GOLDENS:
        yield golden.name, json.loads(golden.read_text(encoding="utf-8"))
    for path in REAL:
        yield path.name, parse_file(path)


def nodes(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for node in items:
        yield node
        yield from nodes(node["children"])


def all_nodes(record: dict[str, Any]) -> Iterator[dict[str, Any]]:
    yield from nodes(record["sections"])
    for appendix in record["appendices"]:
        yield from nodes(appendix["sections"])


def node_text_from_slice(record: dict[str, Any], node: dict[str, Any]) -> str:
    """The documented relation: text[span] without the leading marker, white space collapsed."""
    start, end = node["span"]
    raw = record["text"][start:end]
    marker = node["marker"] or ""
    assert raw.startswith(marker), (marker, raw[:40])
    return collapse(raw[len(marker):])


@pytest.mark.parametrize("name, record", list(records()), ids=lambda v: v if isinstance(v, str) else "")
def test_node_text_is_its_slice_without_marker_collapsed(name, record):
    wrong = [(n["marker"], n["text"][:40]) for n in all_nodes(record) if node_text_from_slice(record, n) != n["text"]]
    assert wrong == []


@pytest.mark.parametrize("name, record", list(records()), ids=lambda v: v if isinstance(v, str) else "")
def test_blocks_are_ordered_disjoint_and_sections_start_in_the_body(name, record):
    spans = [b["span"] for b in record["blocks"]]
    assert all(a[1] <= b[0] for a, b in zip(spans, spans[1:])), spans
    body = [b["span"] for b in record["blocks"] if b["kind"] in ("body", "appendix")]
    for node in record["sections"]:   # a node starts in the body (its continuation may run on)
        assert any(s <= node["span"][0] < e for s, e in body), node["span"]


def test_the_seed_body_is_sliced_without_chrome():
    record = json.loads((ROOT / "tests" / "expected" / "apec-2004-sme-forum.html.json").read_text(encoding="utf-8"))
    kinds = [b["kind"] for b in record["blocks"]]
    assert kinds[0] == "chrome" and "body" in kinds and "title" in kinds
    body = "".join(record["text"][s:e] for s, e in (b["span"] for b in record["blocks"] if b["kind"] == "body"))
    assert record["sections"][0]["text"][:10] in collapse(body)
