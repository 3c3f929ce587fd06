"""The lexicon's compiled patterns, cached on disk the way Python caches module bytecode.

Why: `re` parses and compiles a pattern in pure Python, and the lexicon's ~270 patterns cost
~100 ms of CPU to compile (a class of Hangul syllables alone ~0.7 ms): two fifths of a whole
`python -m pipeline parse` run. What the compiler produces is plain data (a list of SRE
opcodes, the group count and names), and `_sre.compile`, the call `re.compile` itself ends
with, makes a pattern from that data in microseconds. This module keeps that data for every
lexicon pattern in one file beside the package's bytecode:

    pipeline/__pycache__/lexicon-patterns.cpython-311.bin

Why it is safe:
- The file names the interpreter that wrote it (sys.version and the SRE engine's MAGIC); any
  other interpreter ignores it. Entries are keyed by a pattern's source and flags, so a
  pattern whose source changed is simply not found and compiled as usual.
- When the file is written, every entry is checked to make the same pattern as `re.compile`
  (same opcodes, flags, groups and group names); if one does not (a future `re`), nothing is
  written and every pattern is compiled as before.
- A file that cannot be read or is damaged is ignored and written again; a pattern the
  engine refuses to build from it is compiled as usual.
- Like bytecode, nothing is written under `python -B` / PYTHONDONTWRITEBYTECODE or where the
  package folder is read-only; the patterns are then compiled in each process, as before.
"""
from __future__ import annotations

import functools
import importlib.util
import marshal
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

try:      # CPython's regex engine and compiler; without them (another Python) nothing is cached
    import _sre
    from re import _compiler, _parser
except ImportError:      # pragma: no cover - CPython always has them
    _sre = None

FORMAT = 1
Key = tuple[str, int]                          # (source, flags) as the lexicon declares them
Compiled = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]   # _sre.compile's arguments


def default_path() -> Path | None:
    """Where this interpreter's cache lives: beside the bytecode of pipeline/lexicon.py."""
    if _sre is None or sys.implementation.cache_tag is None:
        return None
    lexicon_py = Path(__file__).with_name("lexicon.py")
    return Path(importlib.util.cache_from_source(str(lexicon_py))).with_name(
        f"lexicon-patterns.{sys.implementation.cache_tag}.bin")


def header() -> tuple[Any, ...]:
    return (FORMAT, sys.version, getattr(_sre, "MAGIC", None), getattr(_sre, "CODESIZE", None))


def compiled_form(source: str, flags: int) -> Compiled:
    """What re.compile hands to _sre.compile for (source, flags): the same steps as
    re._compiler.compile, stopping before the engine is called. Opcodes are plain ints so
    that marshal can write them."""
    tree = _parser.parse(source, flags)
    code = [int(op) for op in _compiler._code(tree, flags)]
    groupindex = dict(tree.state.groupdict)
    indexgroup: list[str | None] = [None] * tree.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    return int(flags | tree.state.flags), code, tree.state.groups - 1, groupindex, tuple(indexgroup)


def same_pattern(made: re.Pattern[str], reference: re.Pattern[str]) -> bool:
    """Pattern equality compares flags, source and opcodes; groups are compared besides."""
    return made == reference and made.groups == reference.groups and made.groupindex == reference.groupindex


class PatternCache:
    """Compiled forms by (source, flags), read once from `path` (None: no cache at all)."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[Key, Compiled] = self.read() if path is not None else {}

    def read(self) -> dict[Key, Compiled]:
        return read_entries(self.path, header())

    def compile(self, source: str, flags: int) -> re.Pattern[str]:
        """The pattern made from its cached form, or compiled by re when there is none."""
        found = self.entries.get((source, int(flags)))
        if found is not None:
            try:
                return _sre.compile(source, *found)
            except (RuntimeError, TypeError, ValueError, OverflowError):   # a damaged entry
                pass
        return re.compile(source, flags)

    def missing(self, keys: Iterable[Key]) -> list[Key]:
        return [key for key in keys if key not in self.entries]

    def writable(self) -> bool:
        if self.path is None or sys.dont_write_bytecode:
            return False
        folder = self.path.parent
        return os.access(folder if folder.is_dir() else folder.parent, os.W_OK)

    def rebuild(self, keys: Iterable[Key]) -> bool:
        """Compile every (source, flags) in `keys`, check each against re.compile and write
        the file holding exactly these (old entries dropped). False if nothing was written."""
        entries: dict[Key, Compiled] = {}
        try:
            for source, flags in keys:
                form = compiled_form(source, flags)
                if not same_pattern(_sre.compile(source, *form), re.compile(source, flags)):
                    return False
                entries[(source, int(flags))] = form
            data = marshal.dumps((header(), entries))
        except (ValueError, TypeError, AttributeError, RuntimeError, re.error):
            return False          # a `re` that works differently
        if not write_atomic(self.path, data):
            return False
        self.entries = entries
        return True


def read_entries(path: Path, expected: tuple[Any, ...]) -> dict[Any, Any]:
    """The entries of a cache file written as marshal((header, entries)); {} when the file is
    missing, damaged or was written under another header (another interpreter or format)."""
    try:
        stored = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return {}
    if not (isinstance(stored, tuple) and len(stored) == 2 and stored[0] == expected
            and isinstance(stored[1], dict)):
        return {}
    return stored[1]


def write_atomic(path: Path, data: bytes) -> bool:
    """`data` written to a temporary file beside `path`, then renamed onto it (two processes
    writing at once leave one whole file); False if the folder cannot be written."""
    import tempfile     # here: only a process that writes a cache needs it
    try:
        path.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    except OSError:
        return False
    try:
        os.fchmod(fd, 0o644)     # readable by all, as bytecode is (mkstemp makes 0600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        return False
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


@functools.cache
def shared() -> PatternCache:
    """The process's cache, read when the first pattern is compiled."""
    return PatternCache(default_path())
