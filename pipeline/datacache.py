"""The vocabulary files of data/ as parsed once, cached on disk beside the package's bytecode.

Why: tomllib is pure Python and reading the lexicon's TOML files costs ~15 ms of CPU, a tenth
of a whole `python -m pipeline parse` run; marshal reads the same values back in well under a
millisecond. The cache (pipeline/__pycache__/lexicon-data.cpython-311.bin) maps a file's name
to the SHA-256 of its bytes and its parsed value in marshal form:
- a file whose bytes changed has another digest and is parsed again (its bytes are read and
  hashed every time, so an edit is never missed, whatever the file times say);
- every call gets fresh objects (marshal.loads of the stored form), so a caller that changes
  the dict it got cannot change what the next caller gets;
- a value marshal cannot write (a TOML date) is simply not cached;
- like bytecode, nothing is written under `python -B` / PYTHONDONTWRITEBYTECODE or where the
  package folder is read-only, and an unreadable or foreign file is ignored.
"""
from __future__ import annotations

import functools
import hashlib
import marshal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .patterncache import default_path, read_entries, write_atomic

FORMAT = 1


def header() -> tuple[Any, ...]:
    return (FORMAT, sys.version, marshal.version)


class DataCache:
    """Parsed data files by name: {name: (sha256 of the bytes, marshal form of the value)}."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.entries: dict[str, tuple[str, bytes]] = self.read() if path is not None else {}
        self.changed = False

    def read(self) -> dict[str, tuple[str, bytes]]:
        return read_entries(self.path, header())

    def value(self, name: str, data: bytes, parse: Callable[[bytes], Any]) -> Any:
        """The parsed value of file `name` whose bytes are `data`, from the cache when the
        bytes are the ones it was parsed from."""
        digest = hashlib.sha256(data).hexdigest()
        found = self.entries.get(name)
        if found is not None and found[0] == digest:
            try:
                return marshal.loads(found[1])
            except (EOFError, ValueError, TypeError):
                pass
        value = parse(data)
        try:
            self.entries[name] = (digest, marshal.dumps(value))
        except ValueError:          # a value marshal cannot write: parsed every time
            return value
        self.changed = True
        self.save()                 # at once: files are read at start-up and during the first parse
        return value

    def save(self) -> bool:
        """Write the file if something was parsed anew and writing is allowed (a new file is
        parsed once per install, so this happens a dozen times, then never)."""
        if not self.changed or self.path is None or sys.dont_write_bytecode:
            return False
        self.changed = not write_atomic(self.path, marshal.dumps((header(), self.entries)))
        return not self.changed


def cache_path() -> Path | None:
    patterns = default_path()
    return None if patterns is None else patterns.with_name(patterns.name.replace("-patterns.", "-data."))


@functools.cache
def shared() -> DataCache:
    return DataCache(cache_path())


def read_parsed(path: Any, name: str, parse: Callable[[bytes], Any]) -> Any:
    """data/`name` (at `path`, a file or an importlib.resources entry) as `parse` reads its bytes."""
    with path.open("rb") as fh:
        data = fh.read()
    return shared().value(name, data, parse)


def read_toml(path: Any, name: str) -> dict[str, Any]:
    return read_parsed(path, name, parse_toml)


def parse_toml(data: bytes) -> dict[str, Any]:
    import tomllib      # here: a process that finds every file in the cache never needs it
    return tomllib.loads(data.decode("utf-8"))
