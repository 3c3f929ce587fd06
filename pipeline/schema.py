"""The one place that knows where the shipped JSON Schema lives, and validation against it."""
from __future__ import annotations

import functools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import Draft202012Validator

SCHEMA_PATH = Path(__file__).resolve().parent.parent / "schemas" / "press_release.schema.json"


@dataclass(frozen=True)
class SchemaError:
    path: str       # JSON pointer, "" for the document itself
    message: str

    def __str__(self) -> str:
        return f"{self.path or '/'}: {self.message}"


@functools.cache
def validator() -> Draft202012Validator:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema, format_checker=Draft202012Validator.FORMAT_CHECKER)


def _pointer(parts: Any) -> str:
    return "".join("/" + str(p).replace("~", "~0").replace("/", "~1") for p in parts)


def validate(record: Any) -> list[SchemaError]:
    """Every schema error of `record`, sorted by path; empty when it is valid."""
    errors = [SchemaError(_pointer(e.absolute_path), e.message) for e in validator().iter_errors(record)]
    return sorted(errors, key=lambda e: (e.path, e.message))
