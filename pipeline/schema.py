"""The one place that knows where the shipped JSON Schema lives, and validation against it."""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jsonschema_rs

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "press_release.schema.json"


@dataclass(frozen=True)
class SchemaError:
    path: str       # JSON pointer, "" for the document itself
    message: str

    def __str__(self) -> str:
        return f"{self.path or '/'}: {self.message}"


def inline_refs(node: Any, defs: dict[str, Any], keep: frozenset[str]) -> Any:
    """The schema with every local `$ref` replaced by its definition, except the recursive
    ones in `keep`. Same meaning, but the validator no longer resolves references for every
    string and span, which made validation most of a document's parse time."""
    if isinstance(node, dict):
        ref = node.get("$ref", "")
        name = ref.removeprefix("#/$defs/")
        if ref.startswith("#/$defs/") and name not in keep and len(node) == 1:
            return inline_refs(defs[name], defs, keep)
        return {k: inline_refs(v, defs, keep) for k, v in node.items()}
    if isinstance(node, list):
        return [inline_refs(v, defs, keep) for v in node]
    return node


@functools.cache
def validator() -> Any:
    """python jsonschema's Draft202012Validator: imported only when a record is invalid
    (~80 ms of imports every process would otherwise pay)."""
    from jsonschema import Draft202012Validator

    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    fast = inline_refs(schema, schema.get("$defs", {}), frozenset({"node"}))
    return Draft202012Validator(fast, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _pointer(parts: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


@functools.cache
def fast_validator() -> Any:
    """jsonschema-rs: the same draft 2020-12 schema checked in microseconds, not milliseconds."""
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    return jsonschema_rs.validator_for(schema, validate_formats=True)


def validate(record: Any) -> list[SchemaError]:
    """Every schema error of `record`, sorted by path; empty when it is valid.

    The fast validator answers the common case; the reference implementation (python
    jsonschema) lists the errors when there are any."""
    if fast_validator().is_valid(record):
        return []
    errors = [SchemaError(_pointer(e.absolute_path), e.message) for e in validator().iter_errors(record)]
    return sorted(errors, key=lambda e: (e.path, e.message))
