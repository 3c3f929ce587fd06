"""`validate`: JSON documents against the shipped schema, or raw releases through the parser
and the quality gates a usable release passes.

    problems = check_json_file(Path("out/a.txt.json"))      # [] when valid
    problems = check_raw_file(Path("new-release.html"))    # parse + schema + quality gates

A problem names the file, a JSON pointer into the document and a message, one per line:
`out/a.txt.json: /release/title: None is not of type 'string'`.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import DEFAULT_MAX_BYTES, PipelineError, parse_bytes, read_limited
from .schema import validate

BATCH_FILES = {"index.jsonl", "errors.jsonl"}
STDIN = "-"


@dataclass(frozen=True)
class Problem:
    file: str
    pointer: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.pointer or '/'}: {self.message}"


def schema_problems(file: str, record: Any) -> list[Problem]:
    return [Problem(file, e.path, e.message) for e in validate(record)]


def check_json_bytes(file: str, data: bytes) -> list[Problem]:
    """Schema errors of one JSON document given as bytes."""
    try:
        record = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        return [Problem(file, "", f"not UTF-8 at byte {exc.start}")]
    except json.JSONDecodeError as exc:
        return [Problem(file, "", f"not JSON: line {exc.lineno} column {exc.colno}: {exc.msg}")]
    except RecursionError:
        return [Problem(file, "", "not JSON this program can read: nested too deeply")]
    return schema_problems(file, record)


# --- quality gates: what makes a parsed release usable ------------------------------------

def has_contact_excuse(record: dict[str, Any]) -> bool:
    """A warning that explains why no contact was found ('no_contact', 'contact_…')."""
    return any("contact" in w["code"] for w in record["diagnostics"]["warnings"])


def has_excuse(record: dict[str, Any], field: str) -> bool:
    """A warning that explains why `field` is missing ('no_kind_label': the kind word is an
    image in the header, as in the 2018 msit template, and nothing else names it)."""
    return any(field in w["code"] for w in record["diagnostics"]["warnings"])


def gate_problems(file: str, record: dict[str, Any]) -> list[Problem]:
    """A title; a kind and a contact, or warnings saying why there are none."""
    found = []
    for w in record["diagnostics"]["warnings"]:
        if w["code"] == "not_a_press_release":
            found.append(Problem(file, "/diagnostics/warnings", f"not a press release: {w['message']}"))
    release = record["release"]
    if not release.get("title"):
        found.append(Problem(file, "/release/title", "no title was found"))
    if not release.get("kind") and not has_excuse(record, "kind"):
        found.append(Problem(file, "/release/kind", "no kind label (press release, explanation …) was found"))
    if not record["contacts"] and not has_contact_excuse(record):
        found.append(Problem(file, "/contacts", "no contact was found and no warning says why"))
    return found


def check_raw_bytes(file: str, data: bytes, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Problem]:
    """Parse a raw release, then the schema, then the quality gates."""
    try:
        record = parse_bytes(data, file, max_bytes)
    except PipelineError as exc:
        return [Problem(file, "", f"cannot parse [{exc.code}]: {exc.reason}")]
    return schema_problems(file, record) or gate_problems(file, record)


# --- files -------------------------------------------------------------------------------

def read_input(name: str, stdin: Any, max_bytes: int) -> bytes:
    if name == STDIN:
        return stdin.read(max_bytes + 1)
    return read_limited(Path(name), max_bytes)


def check_file(name: str, raw: bool, stdin: Any, max_bytes: int = DEFAULT_MAX_BYTES) -> list[Problem]:
    """Every problem of one file (`-` is stdin); a file that cannot be read is one problem."""
    label = "<stdin>" if name == STDIN else name
    try:
        data = read_input(name, stdin, max_bytes)
    except PipelineError as exc:
        return [Problem(label, "", f"[{exc.code}] {exc.reason}")]
    if len(data) > max_bytes:
        return [Problem(label, "", f"[too_large] over the limit of {max_bytes} bytes")]
    return check_raw_bytes(label, data, max_bytes) if raw else check_json_bytes(label, data)
