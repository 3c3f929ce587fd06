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
from .errors import printable_path
from .schema import validate

BATCH_FILES = {"index.jsonl", "errors.jsonl"}
STDIN = "-"
# A document may be this many times the size of the input it was parsed from: batch refuses
# (too_costly) to write a larger one, validate reads up to this much, so `make run` always
# validates what it wrote. The document caps keep real documents far below it.
DOCUMENT_SIZE_RATIO = 16
MAX_MESSAGE_CHARS = 300     # a schema message quoting a huge value is cut to this


def max_document_bytes(max_input_bytes: int = DEFAULT_MAX_BYTES) -> int:
    return DOCUMENT_SIZE_RATIO * max_input_bytes


class NotStrictJSON(ValueError):
    """JSON that Python would read but a database would not take."""


def unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    record = dict(pairs)
    if len(record) != len(pairs):
        seen: set[str] = set()
        twice = next(k for k, _ in pairs if k in seen or seen.add(k))
        raise NotStrictJSON(f"the key {json.dumps(twice, ensure_ascii=False)[:80]} appears twice in one object")
    return record


def no_constant(name: str) -> Any:
    raise NotStrictJSON(f"{name} is not a JSON number")


def strict_loads(text: str) -> Any:
    """json.loads without NaN/Infinity or duplicate keys, and no lone surrogate in a string."""
    value = json.loads(text, object_pairs_hook=unique_keys, parse_constant=no_constant)
    if may_hold_surrogate(text) and (where := lone_surrogate(value)):
        raise NotStrictJSON(f"a string at {where} holds a lone surrogate (\\ud800-\\udfff), which is not text")
    return value


def may_hold_surrogate(text: str) -> bool:
    """False when no string of the document can hold a surrogate, so the walk of every value
    (a third of `validate`'s time) is skipped. A surrogate in a decoded string comes from a
    \\u escape, or from the text itself when it was not decoded from UTF-8 (the codec refuses
    encoded surrogates): two scans in C."""
    return "\\u" in text or not is_text(text)


def lone_surrogate(value: Any) -> str | None:
    """The pointer of the first key or string that is not valid Unicode; iterative, so depth
    costs no recursion."""
    stack: list[tuple[str, Any]] = [("", value)]
    while stack:
        pointer, item = stack.pop()
        if isinstance(item, str):
            if not item.isascii() and not is_text(item):
                return pointer or "/"
        elif isinstance(item, dict):
            for key, child in item.items():
                if not is_text(key):
                    return pointer + "/" + printable_path(key)
                stack.append((f"{pointer}/{key}", child))
        elif isinstance(item, list):
            stack.extend((f"{pointer}/{i}", child) for i, child in enumerate(item))
    return None


def is_text(s: str) -> bool:
    try:
        s.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


@dataclass(frozen=True)
class Problem:
    file: str
    pointer: str
    message: str

    def __str__(self) -> str:
        return printable_path(f"{self.file}: {self.pointer or '/'}: {self.message}")


def schema_problems(file: str, record: Any) -> list[Problem]:
    if not isinstance(record, dict):     # the schema's message would quote the whole value
        return [Problem(file, "", f"the document is a JSON {json_type(record)}, not an object")]
    try:
        errors = validate(record)
    except RecursionError:
        return [Problem(file, "", "[malformed] nested too deeply to check")]
    return [Problem(file, e.path, shorten(e.message)) for e in errors]


def json_type(value: Any) -> str:
    names = {list: "array", str: "string", bool: "boolean", int: "number", float: "number", type(None): "null"}
    return names.get(type(value), type(value).__name__)


def shorten(message: str) -> str:
    if len(message) <= MAX_MESSAGE_CHARS:
        return message
    return message[:MAX_MESSAGE_CHARS] + f"… ({len(message) - MAX_MESSAGE_CHARS} more characters)"


def check_json_bytes(file: str, data: bytes) -> list[Problem]:
    """Schema errors of one JSON document given as bytes."""
    try:
        record = strict_loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        return [Problem(file, "", f"not UTF-8 at byte {exc.start}")]
    except json.JSONDecodeError as exc:
        return [Problem(file, "", f"not JSON: line {exc.lineno} column {exc.colno}: {exc.msg}")]
    except NotStrictJSON as exc:
        return [Problem(file, "", f"not strict JSON: {exc}")]
    except RecursionError:
        return [Problem(file, "", "[malformed] not JSON this program can read: nested too deeply")]
    except ValueError as exc:   # a number of more than 4,300 digits
        return [Problem(file, "", f"[malformed] not JSON this program can read: {shorten(str(exc))}")]
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
    """Every problem of one file (`-` is stdin); a file that cannot be read is one problem.
    `max_bytes` is the input limit: a raw release may be that large, a JSON document
    DOCUMENT_SIZE_RATIO times that, as batch writes them."""
    label = "<stdin>" if name == STDIN else name
    if not raw:
        max_bytes = max_document_bytes(max_bytes)
    try:
        data = read_input(name, stdin, max_bytes)
    except PipelineError as exc:
        return [Problem(label, "", f"[{exc.code}] {exc.reason}")]
    if len(data) > max_bytes:
        return [Problem(label, "", f"[too_large] over the limit of {max_bytes} bytes")]
    return check_raw_bytes(label, data, max_bytes) if raw else check_json_bytes(label, data)
