"""The one place that knows where the shipped JSON Schema lives, and validation against it.

The schema is `schemas/press_release.schema.json` at the top of the repository; the package
carries the same file as `pipeline/schemas/press_release.schema.json` (a link in the checkout,
a copy in the wheel), so an installed copy reads it through importlib.resources from
wherever it is installed. tests/test_packaging.py checks that the two are byte-identical.
"""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from importlib import resources
from typing import Any

import jsonschema_rs

SCHEMA_NAME = "press_release.schema.json"


def schema_bytes() -> bytes:
    """The shipped schema, read from the installed package."""
    return (resources.files("pipeline") / "schemas" / SCHEMA_NAME).read_bytes()


@functools.cache
def schema() -> dict[str, Any]:
    return json.loads(schema_bytes())


@dataclass(frozen=True)
class SchemaError:
    path: str       # JSON pointer, "" for the document itself
    message: str

    def __str__(self) -> str:
        return f"{self.path or '/'}: {self.message}"


def _pointer(parts: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


@functools.cache
def validator() -> Any:
    """jsonschema-rs: draft 2020-12 with formats checked, in microseconds per document."""
    return jsonschema_rs.validator_for(schema(), validate_formats=True)


def validate(record: Any) -> list[SchemaError]:
    """Every schema error of `record` (not just the first), sorted by path; empty when valid."""
    if validator().is_valid(record):
        return []
    errors = [SchemaError(_pointer(e.instance_path), e.message) for e in validator().iter_errors(record)]
    return sorted(errors, key=lambda e: (e.path, e.message))
