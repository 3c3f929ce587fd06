"""Small pure helpers shared by stages: white space, spans, Hangul tests."""
from __future__ import annotations

import re

from .document import Span

_WS_RE = re.compile(r"\s+")


def collapse(value: str) -> str:
    """Collapse runs of white space to one space and trim: the form every output string takes."""
    return _WS_RE.sub(" ", value).strip()


def trimmed(text: str, start: int, end: int) -> Span:
    """The span [start, end) shrunk so that it neither starts nor ends with white space."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def is_hangul(ch: str) -> bool:
    """A precomposed Hangul syllable (가–힣)."""
    return "\uac00" <= ch <= "\ud7a3"


def has_hangul(value: str) -> bool:
    return any(is_hangul(ch) for ch in value)


def without_spaces(value: str) -> str:
    """`보 도 자 료` → `보도자료`: labels are matched with internal spaces removed."""
    return _WS_RE.sub("", value)
