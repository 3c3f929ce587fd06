"""Invariants every record must satisfy: each span lies in `text` and holds its value."""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pipeline.text import collapse, without_spaces

VALUE_KEYS = ("text", "name")


def walk(node: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """Every (json-pointer, value) below `node`."""
    yield path, node
    if isinstance(node, dict):
        for key, value in node.items():
            if key != "text" or path:          # the top-level text itself is not walked
                yield from walk(value, f"{path}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from walk(value, f"{path}/{i}")


def is_span(value: Any) -> bool:
    return isinstance(value, list) and len(value) == 2 and all(isinstance(v, int) for v in value)


def span_problems(record: dict[str, Any]) -> list[str]:
    """Every span (`span`, the values of `spans`, `mentions`) that leaves `text`, and every
    item whose span does not hold its value."""
    text = record["text"]
    problems = []
    for path, node in walk(record):
        if not isinstance(node, dict):
            continue
        spans = [("span", node["span"])] if is_span(node.get("span")) else []
        spans += [(f"spans/{k}", v) for k, v in (node.get("spans") or {}).items()]
        spans += [(f"mentions/{i}", v) for i, v in enumerate(node.get("mentions") or [])]
        for key, (start, end) in spans:
            if not 0 <= start <= end <= len(text):
                problems.append(f"{path}/{key}: [{start}, {end}) outside text of {len(text)}")
        if spans and spans[0][0] == "span":
            start, end = node["span"]
            held = collapse(text[start:end])
            for key in VALUE_KEYS:
                value = node.get(key)
                # A name written in hanja (柳昌茂) is held as written, and read (유창무) apart.
                written = node.get(f"{key}_hanja") or value
                # Tables letter-space short names to fill a cell ('배 인' is 배인): a name is
                # held when its letters are, spacing aside; any other text must be held as is.
                if not (isinstance(value, str) and value):
                    continue
                holds = (without_spaces(written) in without_spaces(held) if key == "name"
                         else collapse(written) in held)
                if not holds:
                    problems.append(f"{path}/{key}: {value!r} not in its span {held[:60]!r}")
        if node.get("kind") == "lost_character" and is_span(node.get("span")):
            start, end = node["span"]
            if text[start:end] != node.get("to"):
                problems.append(f"{path}: repair span holds {text[start:end]!r}, not {node.get('to')!r}")
    return problems
