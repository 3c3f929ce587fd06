"""Batch engine: many inputs into OUT/<relative path>.json, index.jsonl and errors.jsonl.

    from pipeline.batch import BatchOptions, run_batch
    summary = run_batch(BatchOptions(inputs=["corpus/"], out=Path("out"), jobs=0))

Every input ends as exactly one index line: `ok` (its JSON was written), `error` (a line in
errors.jsonl says why, and no JSON is left for it) or `skipped` (its bytes and the pipeline
version match the previous run, whose outcome is carried over).

How the promises are kept:
- One run per OUT: the run holds an exclusive lock on the OUT folder; a second run is refused.
- Determinism: inputs are walked in sorted order and records are written in that order, so
  index lines have one order and each JSON depends only on its input, whatever `jobs` is.
- Flat memory: inputs are a generator; at most `jobs * IN_FLIGHT` chunks are handed out ahead
  of the oldest unfinished input; workers write the JSON themselves and send back each
  input's finished index line. The parent keeps nothing per input: output collisions are decided
  from the input trees (Collisions), the last run's index is looked up in a SQLite file in
  OUT/.partial (Previous), and an interrupted re-run reads what it reached back from its own
  index. What it holds is the listing of each folder the walk is in (sorted order needs it).
- Atomic writes: a JSON is written under OUT/.partial/ and renamed into place, so a killed
  worker or Ctrl-C never leaves half a document. Nothing is written or deleted through a
  symbolic link the run did not make. index.jsonl.partial holds finished lines while a run
  is going; it replaces index.jsonl at the end only when every line could be written.
- Workers: each input's record comes back as soon as it is done, so a worker that dies
  (killed, out of memory, over its CPU ceiling) costs exactly the input it was on; the rest
  of its chunk goes to a fresh worker. Workers ignore Ctrl-C, die with the parent (Linux:
  PR_SET_PDEATHSIG; elsewhere they notice when idle) and run under a CPU-time ceiling per
  input and an address-space ceiling, which turn a runaway input into `too_costly`.
- Ctrl-C (or SIGTERM) once: no new work; the inputs in progress finish, then the index of
  everything done is written. Twice: the workers are killed and the index written at once.
"""
from __future__ import annotations

import errno
import fcntl
import fnmatch
import functools
import hashlib
import json
import math
import multiprocessing
import os
import pickle
import resource
import select
import signal
import stat
import sys
import tempfile
import threading
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, count, islice
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, NamedTuple

from . import DEFAULT_MAX_BYTES, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, PIPELINE_VERSION, parse_bytes
from .check import DOCUMENT_SIZE_RATIO, max_document_bytes
from .corpusfile import bookkeeping_file, bookkeeping_reason
from .errors import (InternalError, NotAPressRelease, OutputCollision, PipelineError, TooCostly, TooLarge,
                     Unreadable, WorkerCrashed, WriteFailed, printable_path)
from .lexicon import load_lexicon
from .serialize import (TMP_SUFFIX, dump, dump_bytes, has_exponent_float, index_line_bytes,  # noqa: F401
                        json_line, json_line_bytes, sanitize, write_all, write_atomic)

INDEX = "index.jsonl"
ERRORS = "errors.jsonl"
PARTIAL_DIR = ".partial"
CHUNK = 8                   # inputs per task sent to a worker
REFILL = CHUNK // 2         # a worker down to this many unfinished inputs is sent the next chunk
IN_FLIGHT = 4               # chunks handed out per worker ahead of the oldest unfinished input
POLL_SECONDS = 0.2          # how often the parent looks at its stop flags while waiting
GATHER_RECORDS = 4          # records a busy parent lets arrive while it naps (Pacer); <= REFILL
MAX_NAP_SECONDS = 0.05      # and its longest nap
FRAME_HEADER = 4            # bytes of a record message's length before it on the pipe (big-endian)
PIPE_READ = 1 << 16         # what the parent reads from a worker's pipe at once: every record waiting
IDLE_CHECK_SECONDS = 1.0    # how often an idle worker checks that its parent is alive
NOT_A_RELEASE = "not_a_press_release"
# Outcomes that the same bytes and pipeline version reproduce; others are retried next run.
# too_costly is retried, so that a run with a higher ceiling takes it up without --force.
REPEATABLE = {"empty_input", "undecodable", "unsupported_format", "protected", "malformed"}
# Test-only fault injection (tests/test_faults.py): "sleep:NAME" makes a worker sleep an hour on
# the input named NAME, "nap:NAME" sleep NAP_SECONDS, "spin:NAME" burn CPU, "hog:NAME" allocate
# memory without end. It acts only in worker processes. Never set it in real runs.
TEST_HOOK_ENV = "PIPELINE_TEST_HOOK"
NAP_SECONDS = 4
PR_SET_PDEATHSIG = 1


# --- inputs ------------------------------------------------------------------------------
# Found and Task are made for every input: named tuples, made in a fifth to a half of the time
# a frozen dataclass takes, and sent to workers as plain tuples (Worker.give).

class Found(NamedTuple):
    """One input as the walk found it; `problem` says why it cannot be read at all."""
    path: str
    rel: str
    follow: bool = True          # open it even if it is a symbolic link
    problem: str | None = None


class Task(NamedTuple):
    """One input: where it is, its output name relative to OUT, and what the last run saw."""
    path: str
    rel: str
    previous: dict[str, Any] | None = None
    collides_with: str | None = None
    follow: bool = True
    problem: str | None = None


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def wanted(name: str, patterns: tuple[str, ...]) -> bool:
    return not patterns or any(fnmatch.fnmatch(name, p) for p in patterns)


def why_unreadable(exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "a symbolic link loop"
    if exc.errno == errno.ENAMETOOLONG:
        return "the path is too long for the file system"
    return f"cannot read: {exc.strerror or exc}"


def sorted_entries(path: str) -> list[str | os.DirEntry]:
    """The entries of the folder `path`, sorted by name. A regular file is kept as its name
    alone (all the walk needs of it; a third of a DirEntry's memory, which counts in a flat
    folder of many thousand releases); anything else (a folder, a link, a FIFO, an entry of
    unknown type) stays a DirEntry for classify to look at."""
    with os.scandir(path) as it:
        return sorted(map(compact_entry, it), key=entry_name)


def compact_entry(entry: os.DirEntry) -> str | os.DirEntry:
    try:
        return entry.name if entry.is_file(follow_symlinks=False) else entry
    except OSError:          # classify asks again and reports it
        return entry


def entry_name(entry: str | os.DirEntry) -> str:
    return entry if isinstance(entry, str) else entry.name


def walk_files(root: Path, patterns: tuple[str, ...], exclude: Path | None,
               follow: bool = False) -> Iterator[Found]:
    """Inputs under `root`, depth first with each folder's entries sorted by name (so 'a/z'
    comes before 'b'); hidden names and the `exclude` tree left out. A folder that cannot be
    listed, a symbolic link not followed, a dangling link and a link loop are inputs with a
    `problem`, so they get a record instead of stopping the walk."""
    base = os.fspath(root)
    try:
        top = os.stat(base)
        entries = sorted_entries(base)
    except OSError as exc:
        yield Found(base, ".", problem=why_unreadable(exc))
        return
    yield from walk_folder(base, entries, "", [(top.st_dev, top.st_ino)], patterns, exclude, follow)


def walk_folder(path: str, entries: list[str | os.DirEntry], prefix: str, ancestors: list[tuple[int, int]],
                patterns: tuple[str, ...], exclude: Path | None, follow: bool) -> Iterator[Found]:
    """The walk below one folder: its `path`, its sorted `entries`, its path relative to the
    root (`prefix`, '' or ending in '/'), the identities of it and of the folders above it."""
    outer = ancestors[:-1]
    stack = [(iter(entries), prefix, ancestors[-1], path)]
    while stack:
        entries_left, prefix, _, folder = stack[-1]
        entry = next(entries_left, None)
        if entry is None:
            stack.pop()
            continue
        if isinstance(entry, str):          # a regular file
            if not is_hidden(entry) and wanted(entry, patterns):
                yield Found(os.path.join(folder, entry), prefix + entry, follow=False)
            continue
        if is_hidden(entry.name):
            continue
        rel = prefix + entry.name
        found = classify(entry, rel, patterns, follow, outer + [s[2] for s in stack])
        if isinstance(found, Found):
            yield found
        elif found is not None:             # a folder to descend into
            if exclude is not None and Path(entry.path).resolve() == exclude:
                continue
            try:
                stack.append((iter(sorted_entries(entry.path)), rel + "/", found, entry.path))
            except OSError as exc:
                yield Found(entry.path, rel + "/", problem=why_unreadable(exc))


def classify(entry: os.DirEntry, rel: str, patterns: tuple[str, ...], follow: bool,
             ancestors: list[tuple[int, int]]) -> Found | tuple[int, int] | None:
    """A Found input, a folder's identity to descend into, or None to leave the entry out."""
    try:
        if entry.is_symlink():
            if not follow:
                if not wanted(entry.name, patterns):
                    return None
                return Found(entry.path, rel, problem="a symbolic link, not followed (use --follow-symlinks)")
            try:
                target = os.stat(entry.path)
            except OSError as exc:
                problem = why_unreadable(exc) if exc.errno == errno.ELOOP else "a dangling symbolic link"
                return Found(entry.path, rel, problem=problem) if wanted(entry.name, patterns) else None
            if stat.S_ISDIR(target.st_mode):
                identity = (target.st_dev, target.st_ino)
                if identity in ancestors:
                    return Found(entry.path, rel + "/", problem="a symbolic link loop")
                return identity
            return Found(entry.path, rel, follow=True) if wanted(entry.name, patterns) else None
        if entry.is_dir(follow_symlinks=False):
            info = entry.stat(follow_symlinks=False)
            return (info.st_dev, info.st_ino)
    except OSError as exc:
        return Found(entry.path, rel, problem=why_unreadable(exc))
    # a regular file, or a FIFO, socket or device, which reading turns into a record
    return Found(entry.path, rel, follow=False) if wanted(entry.name, patterns) else None


def real(path: str) -> str:
    return os.path.realpath(path)


def inside(path: str, folder: str) -> bool:
    return path == folder or path.startswith(folder.rstrip(os.sep) + os.sep)


def distinct_roots(paths: Iterable[str], patterns: tuple[str, ...]) -> list[str]:
    """The inputs given, without the ones another input already covers: the same file or
    folder twice, a folder inside another folder given, a file the walk of a folder given
    will find. `batch d d/sub` therefore reads each file once."""
    given = list(dict.fromkeys(paths))
    folders = [real(p) for p in given if os.path.isdir(p)]
    kept: list[str] = []
    seen: set[str] = set()
    for p in given:
        r = real(p)
        if r in seen:
            continue
        seen.add(r)
        others = [f for f in folders if f != r]
        if os.path.isdir(p):
            if any(inside(r, f) for f in others):
                continue
        elif any(inside(r, f) and walk_reaches(os.path.relpath(r, f), patterns) for f in others):
            continue
        kept.append(p)
    return kept


def walk_reaches(rel: str, patterns: tuple[str, ...]) -> bool:
    parts = rel.split(os.sep)
    return not any(map(is_hidden, parts)) and wanted(parts[-1], patterns)


class Root:
    """One input named on the command line: a folder, walked, or a file, read as named
    (`name` is then its output name's stem). Besides walking, a root answers what its walk
    yields at a given path without walking again (a few lstat calls, the same rules as
    classify): that is how an input is found to meet an input of an earlier root."""
    FOLDER_MEMO = 64        # folders looked up and kept: inputs come folder by folder

    def __init__(self, path: str, patterns: tuple[str, ...], exclude: Path | None, follow: bool,
                 name: str | None = None) -> None:
        self.path, self.patterns, self.exclude, self.follow, self.name = path, patterns, exclude, follow, name
        self.folders: dict[str, list[tuple[int, int]] | None] = {}

    def walk(self) -> Iterator[Found]:
        if self.name is None:
            yield from walk_files(Path(self.path), self.patterns, self.exclude, self.follow)
        else:
            yield Found(self.path, self.name)

    def input_at(self, rel: str) -> str | None:
        """The path of the input the walk yields, without a problem, at `rel`; else None."""
        if self.name is not None:
            return self.path if rel == self.name else None
        folder, _, name = rel.rpartition("/")
        if is_hidden(name) or self.folder_at(folder) is None:
            return None
        path = os.path.join(self.path, rel)
        try:
            info = os.lstat(path)
            if stat.S_ISLNK(info.st_mode):
                if not self.follow or stat.S_ISDIR(os.stat(path).st_mode):
                    return None
            elif stat.S_ISDIR(info.st_mode):
                return None
        except OSError:
            return None
        return path if wanted(name, self.patterns) else None

    def inputs_below(self, rel: str) -> Iterator[Found]:
        """What the walk yields inside the folder `rel` (nothing if it does not go there)."""
        if self.name is not None or (ancestors := self.folder_at(rel)) is None:
            return
        path = os.path.join(self.path, rel)
        try:
            entries = sorted_entries(path)
        except OSError:
            return
        yield from walk_folder(path, entries, rel + "/", ancestors, self.patterns, self.exclude, self.follow)

    def folder_at(self, rel: str) -> list[tuple[int, int]] | None:
        """The identities of the folders from the root down to `rel` ('' is the root) when
        the walk descends into `rel` and lists it; else None."""
        if rel not in self.folders:
            if len(self.folders) >= self.FOLDER_MEMO:
                self.folders.clear()
            self.folders[rel] = self.look_up_folder(rel)
        return self.folders[rel]

    def look_up_folder(self, rel: str) -> list[tuple[int, int]] | None:
        path = os.path.join(self.path, rel) if rel else self.path
        above: list[tuple[int, int]] = []
        try:
            if not rel:
                info = os.stat(path)            # the root itself is followed, as walk_files does
            else:
                parent, _, name = rel.rpartition("/")
                if is_hidden(name) or (ancestors := self.folder_at(parent)) is None:
                    return None
                above = ancestors
                info = os.lstat(path)
                if stat.S_ISLNK(info.st_mode):
                    if not self.follow:
                        return None
                    info = os.stat(path)
                    if not stat.S_ISDIR(info.st_mode) or (info.st_dev, info.st_ino) in above:
                        return None
                elif not stat.S_ISDIR(info.st_mode):
                    return None
                if self.exclude is not None and Path(path).resolve() == self.exclude:
                    return None
            with os.scandir(path):
                pass
        except OSError:
            return None
        return [*above, (info.st_dev, info.st_ino)]


def input_roots(paths: Iterable[str], patterns: tuple[str, ...] = (), exclude: Path | None = None,
                follow: bool = False) -> list[Root]:
    """The inputs named, as roots in their order. A file named on the command line is read
    through a link, since it was named; `patterns` filter files named on the command line
    and files found inside folders alike (a file they leave out is no root)."""
    exclude = exclude.resolve() if exclude else None
    roots = []
    for p in distinct_roots(map(os.fspath, paths), patterns):
        if os.path.isdir(p):
            roots.append(Root(os.fspath(Path(p)), patterns, exclude, follow))
        elif wanted(name := os.path.basename(p.rstrip(os.sep)) or p, patterns):
            roots.append(Root(p, patterns, exclude, follow, name))
    return roots


def find_inputs(paths: Iterable[str], patterns: tuple[str, ...] = (), exclude: Path | None = None,
                follow: bool = False) -> Iterator[Found]:
    """Every input, in a stable order: each root's, root after root."""
    for root in input_roots(paths, patterns, exclude, follow):
        yield from root.walk()


def iter_inputs(paths: Iterable[str], patterns: tuple[str, ...] = (),
                exclude: Path | None = None) -> Iterator[tuple[Path, str]]:
    """(file, its path relative to its input root) for every readable input."""
    for found in find_inputs(paths, patterns, exclude):
        if found.problem is None:
            yield Path(found.path), found.rel


OUTPUT_SUFFIX = ".json"


def output_rel(rel: str) -> str:
    """'a/b.txt' → 'a/b.txt.json': the input's own name is kept, extension included."""
    return rel + OUTPUT_SUFFIX


class Collisions:
    """Which inputs aim at an output an input before them takes: the same name, a name that
    a folder of earlier outputs needs, or a name below an earlier output. The first input in
    input order wins; a later one that meets it is an output_collision and takes nothing.

    Decided from the input trees, not from a set of every name taken, so the parent's memory
    does not grow with the inputs:
    - one root's walk yields each path once, so two of its inputs can only meet as a file N
      and the inputs inside a folder N.json beside it (N sorts first, so N wins); that is
      asked only of inputs below a folder named *.json;
    - an input of a later root meets an earlier root's input only where that root's walk
      yields the same path, a path inside the folder N.json, or a file N beside a folder
      N.json on the way; each is asked of the earlier root's tree (Root.input_at).
    An input of an earlier root takes its name only if it met nothing itself, hence the
    recursion; it goes one root down or one folder up each time. A single root costs
    nothing beyond a substring test per input; each further root a few lstat calls."""

    def __init__(self, roots: list[Root]) -> None:
        self.roots = roots

    def clash(self, k: int, rel: str) -> str | None:
        """Why the output of root k's input at `rel` is taken; None if it is free."""
        target = output_rel(rel)
        for j in range(k):
            if (source := self.claimant(j, rel)) is not None:
                return f"{printable_path(source)} is already written to {printable_path(target)}"
        for j in range(k):
            if any(self.claimant(j, f.rel) for f in self.roots[j].inputs_below(target) if f.problem is None):
                return f"{printable_path(target)} is a folder of other outputs"
        if OUTPUT_SUFFIX + "/" in rel:           # a folder on the way is named like an output
            for held in output_folders(rel):
                for j in range(k + 1):
                    if (source := self.claimant(j, held[:-len(OUTPUT_SUFFIX)])) is not None:
                        return f"{printable_path(held)} is the output of {printable_path(source)}, not a folder"
        return None

    def claimant(self, j: int, rel: str) -> str | None:
        """The input of root j at `rel` if its walk yields one and it took its output."""
        path = self.roots[j].input_at(rel)
        return path if path is not None and self.clash(j, rel) is None else None


def output_folders(rel: str) -> Iterator[str]:
    """The folders above `rel`, outermost first, whose names an output could have."""
    for i, ch in enumerate(rel):
        if ch == "/" and rel.endswith(OUTPUT_SUFFIX, 0, i):
            yield rel[:i]


def plan(roots: list[Root], previous: Previous) -> Iterator[Task]:
    """Tasks in input order, each with the last run's outcome and any collision."""
    collisions = Collisions(roots)
    for k, root in enumerate(roots):
        for found in root.walk():
            out = output_rel(found.rel) if found.problem is None else found.rel
            clash = collisions.clash(k, found.rel) if found.problem is None else None
            yield Task(found.path, out, previous.get(printable_path(out)), clash, found.follow, found.problem)


# --- the output folder, written without following links ----------------------------------------

class OutDir:
    """OUT opened once per process. Documents go to OUT/.partial and are renamed into place;
    every folder on the way is opened with O_NOFOLLOW, so a symbolic link inside OUT, made by
    someone else, is never written through."""
    DIR_FLAGS = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | os.O_CLOEXEC

    def __init__(self, out: Path) -> None:
        self.fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
        self.partial = os.open(PARTIAL_DIR, self.DIR_FLAGS, dir_fd=self.fd)
        self.names = count()
        self.tmp_prefix = f".{os.getpid()}."    # made in the process that writes (a worker, after its fork)
        # The folder of the last output, kept open: inputs come folder by folder (the walk is
        # sorted), so the next output is most often beside the last one, and finding it again
        # cost an open and a close per output. Its fd was opened with O_NOFOLLOW at every level
        # like any other, so nothing is written through a link; a folder removed meanwhile is
        # opened again (write).
        self.last_folder: str | None = None
        self.last_fd = -1

    def close(self) -> None:
        self.forget_folder()
        os.close(self.partial)
        os.close(self.fd)

    def forget_folder(self) -> None:
        if self.last_folder is not None:
            self.last_folder = None
            os.close(self.last_fd)

    def parent(self, rel: str, create: bool) -> tuple[int, str]:
        """An fd of the folder holding `rel` and the last name; the caller lets it go with
        `release` (OUT's own fd and the last output's folder are handed out as they are: no
        dup, open or close per output)."""
        folder, _, name = rel.rpartition("/")
        if not folder:
            return self.fd, name
        if folder == self.last_folder:
            return self.last_fd, name
        fd = self.open_path(folder.split("/"), create)
        self.forget_folder()
        self.last_folder, self.last_fd = folder, fd
        return fd, name

    def open_path(self, folders: list[str], create: bool) -> int:
        """An fd of the folder OUT/<folders>, opened level by level without following a link."""
        fd = self.fd
        try:
            for i, folder in enumerate(folders):
                try:
                    nxt = self.open_folder(folder, fd, create)
                except OSError as exc:
                    if exc.errno in (errno.ELOOP, errno.ENOTDIR):
                        where = "/".join(folders[:i + 1])
                        raise OSError(exc.errno, f"{where} in the output folder is a symbolic link or a "
                                                 "file, not a folder; nothing is written through it") from exc
                    raise
                self.release(fd)
                fd = nxt
        except BaseException:
            self.release(fd)
            raise
        return fd

    def release(self, fd: int) -> None:
        """Close a folder's fd from `parent`, unless it is OUT's own or the one kept open."""
        if fd != self.fd and fd != self.last_fd:
            os.close(fd)

    def open_folder(self, name: str, fd: int, create: bool) -> int:
        """Open the folder `name` inside `fd`, made first if `create` and it is missing (it
        usually exists: trying mkdir first would cost a failed call per input)."""
        try:
            return os.open(name, self.DIR_FLAGS, dir_fd=fd)
        except FileNotFoundError:
            if not create:
                raise
        try:
            os.mkdir(name, dir_fd=fd)
        except FileExistsError:
            pass
        return os.open(name, self.DIR_FLAGS, dir_fd=fd)

    def write(self, rel: str, data: bytes) -> None:
        kept = rel.rpartition("/")[0] == self.last_folder
        try:
            self.write_in_place(rel, data)
        except FileNotFoundError:
            if not kept:
                raise
            self.forget_folder()            # the folder kept open was removed meanwhile: made anew
            self.write_in_place(rel, data)

    def write_in_place(self, rel: str, data: bytes) -> None:
        fd, name = self.parent(rel, create=True)
        tmp = f"{self.tmp_prefix}{next(self.names)}{TMP_SUFFIX}"
        try:
            self.refuse_link(fd, name, rel)
            out = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666, dir_fd=self.partial)
            try:
                try:
                    write_all(out, data)
                finally:
                    os.close(out)
                os.replace(tmp, name, src_dir_fd=self.partial, dst_dir_fd=fd)
            except BaseException:
                try:
                    os.unlink(tmp, dir_fd=self.partial)
                except OSError:
                    pass
                raise
        finally:
            self.release(fd)

    @staticmethod
    def refuse_link(fd: int, name: str, rel: str) -> None:
        try:
            info = os.stat(name, dir_fd=fd, follow_symlinks=False)
        except FileNotFoundError:
            return
        if stat.S_ISLNK(info.st_mode):
            raise OSError(errno.EEXIST, f"{rel} is a symbolic link; it is not replaced")
        if stat.S_ISDIR(info.st_mode):
            raise OSError(errno.EISDIR, f"{rel} is a folder")

    def lstat(self, rel: str) -> os.stat_result | None:
        try:
            fd, name = self.parent(rel, create=False)
        except OSError:
            return None
        try:
            return os.stat(name, dir_fd=fd, follow_symlinks=False)
        except OSError:
            return None
        finally:
            self.release(fd)

    def is_file(self, rel: str) -> bool:
        info = self.lstat(rel)
        return info is not None and stat.S_ISREG(info.st_mode)

    def remove(self, rel: str) -> None:
        """An input that now fails must not leave the JSON of an earlier version behind;
        only a regular file is removed, never a link."""
        try:
            fd, name = self.parent(rel, create=False)
        except OSError:
            return
        try:
            if stat.S_ISREG(os.stat(name, dir_fd=fd, follow_symlinks=False).st_mode):
                os.unlink(name, dir_fd=fd)
        except OSError:
            pass
        finally:
            self.release(fd)


# --- one input (runs in a worker) ----------------------------------------------------------

@dataclass(frozen=True)
class Job:
    """What every worker needs to know about the run."""
    out: Path
    max_bytes: int = DEFAULT_MAX_BYTES
    keep_non_releases: bool = False
    timeout: int = DEFAULT_TIMEOUT
    memory_mb: int = DEFAULT_MEMORY_MB
    parent: int = 0


def base_record(task: Task) -> dict[str, Any]:
    path = printable_path(task.path)
    shown = {"path": path, "target": printable_path(task.rel)}
    if path is not task.path:             # escaped: the bytes are pipeline.errors.bytes_of_printable
        shown["path_escaped"] = True
    return shown


def error_record(task: Task, exc: PipelineError, sha: str | None) -> dict[str, Any]:
    return {**base_record(task), "sha256": sha, "status": "error", "output": None,
            "title": None, "code": exc.code, "message": exc.reason}


def read_input(task: Task, max_bytes: int) -> bytes:
    """The bytes of a regular file of at most `max_bytes`. A FIFO is opened without blocking
    and refused; a link found by the walk is opened only when links are followed."""
    flags = os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC | (0 if task.follow else os.O_NOFOLLOW)
    try:
        fd = os.open(task.path, flags)
    except OSError as exc:
        raise Unreadable(task.path, why_unreadable(exc)) from exc
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise Unreadable(task.path, "not a regular file (a folder, FIFO, socket or device)")
        if info.st_size > max_bytes:
            raise TooLarge(task.path, f"{info.st_size} bytes is over the limit of {max_bytes} "
                                      "(raise max_bytes to accept it)")
        data = read_upto(fd, max_bytes + 1, info.st_size + 1)   # it may have grown since fstat
    except OSError as exc:
        raise Unreadable(task.path, why_unreadable(exc)) from exc
    finally:
        os.close(fd)
    if len(data) > max_bytes:
        raise TooLarge(task.path, f"over the limit of {max_bytes} bytes (raise max_bytes to accept it)")
    return data


def read_upto(fd: int, limit: int, first: int) -> bytes:
    """At most `limit` bytes of `fd`. The first read asks for `first` (the size fstat gave,
    plus one to see growth): a read buffer is allocated at the size asked, and `limit` is
    megabytes while the usual input is a few kilobytes. A first read that returns exactly the
    size fstat gave, short of the byte asked past it, ends it: the usual input costs one read,
    not a second one that returns nothing. Any other short read (a file system that returns
    less than asked before the end) reads on until a read returns nothing."""
    parts: list[bytes] = []
    got = 0
    want = min(first, limit)
    while got < limit and (part := os.read(fd, want)):
        parts.append(part)
        got += len(part)
        if got == first - 1 and len(part) < want:   # all of fstat's size and not the byte past it
            break
        want = min(max(want, 1 << 16), limit - got)
    return parts[0] if len(parts) == 1 else b"".join(parts)


def digest(data: bytes | None) -> str | None:
    """The SHA-256 the index records for an input (None when it could not be read)."""
    return None if data is None else hashlib.sha256(data).hexdigest()


def can_skip(task: Task, sha: str, job: Job, out: OutDir) -> bool:
    """Same bytes, same pipeline version, and an outcome this run would repeat."""
    prev = task.previous
    if prev is None or prev.get("sha256") != sha:
        return False
    if prev.get("status") == "ok":
        kept_non_release = prev.get("non_release", False)
        return out.is_file(task.rel) and (job.keep_non_releases or not kept_non_release)
    if prev.get("code") == NOT_A_RELEASE:
        return not job.keep_non_releases
    return prev.get("code") in REPEATABLE


def skipped_record(task: Task) -> dict[str, Any]:
    prev = task.previous or {}
    keep = {k: prev.get(k) for k in ("sha256", "output", "title", "code", "message", "non_release") if k in prev}
    return {**base_record(task), **keep, "status": "skipped", "was": prev.get("status")}


def convert(task: Task, job: Job, out: OutDir) -> dict[str, Any]:
    """Parse one input and write its JSON; the index record says what happened."""
    if task.problem:
        raise Unreadable(task.path, task.problem)
    if task.collides_with and not bookkeeping_file(task.path):   # before the try: the output belongs to the other input
        raise OutputCollision(task.path, task.collides_with)
    sha = data = None
    try:
        data = read_input(task, job.max_bytes)
        if task.previous is not None:              # only an input seen before can be skipped
            sha = digest(data)
            if can_skip(task, sha, job, out):
                return skipped_record(task)
        if reason := bookkeeping_reason(data):     # a MANIFEST.tsv beside the releases
            return {**base_record(task), "sha256": digest(data), "status": "skipped", "output": None,
                    "title": None, "reason": reason}
        injected_fault(task.path)
        record = parse_bytes(data, printable_path(task.path), job.max_bytes)
        sha = record["source"]["sha256"]           # the parse hashed the same bytes: not hashed twice
        non_release = match_non_release(record)
        if non_release and not job.keep_non_releases:
            raise NotAPressRelease(task.path, non_release)
        document = dump_bytes(record)
        if len(document) > max_document_bytes(job.max_bytes):
            raise TooCostly(task.path, f"its JSON would be {len(document)} bytes, more than validate reads "
                                       f"({DOCUMENT_SIZE_RATIO} times --max-bytes)")
    except PipelineError as exc:
        if isinstance(exc.__cause__, MemoryError):
            exc = TooCostly(task.path, f"more than the worker's {job.memory_mb} MB of memory")
        out.remove(task.rel)
        return error_record(task, exc, sha or digest(data))
    except MemoryError:
        out.remove(task.rel)
        return error_record(task, TooCostly(task.path, f"more than the worker's {job.memory_mb} MB of memory"),
                            sha or digest(data))
    try:
        out.write(task.rel, document)
    except OSError as exc:
        raise WriteFailed(task.path, f"cannot write {printable_path(task.rel)}: {exc.strerror or exc}") from exc
    return {**base_record(task), "sha256": sha, "status": "ok", "output": printable_path(task.rel),
            "title": record["release"].get("title"), **({"non_release": True} if non_release else {})}


def match_non_release(record: dict[str, Any]) -> str | None:
    """The message of the release stage's not_a_press_release warning, if it gave one."""
    return next((w["message"] for w in record["diagnostics"]["warnings"] if w["code"] == NOT_A_RELEASE), None)


def convert_one(task: Task, job: Job, out: OutDir) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        record = convert(task, job, out)
    except PipelineError as exc:
        record = error_record(task, exc, None)
    except Exception as exc:  # a bug in this module; the input is still accounted for
        record = error_record(task, InternalError(task.path, f"{type(exc).__name__}: {exc}"), None)
    record["ms"] = round((time.perf_counter() - started) * 1000)
    record["pipeline_version"] = PIPELINE_VERSION
    return record


class Outcome(NamedTuple):
    """One input's result as the parent uses it: what the summary counts, and its finished
    lines for index.jsonl and errors.jsonl. A worker makes it, so the parent serializes
    nothing and takes in a tuple of five instead of a record."""
    status: str
    code: str | None
    was: str | None             # a skipped input's earlier status
    line: bytes                 # its index.jsonl line
    error_line: bytes           # its errors.jsonl line; b"" when it has none


def outcome_of(record: dict[str, Any]) -> Outcome:
    code = record.get("code")
    error_line = (json_line_bytes({"path": record["path"], "code": code, "message": record.get("message")})
                  if code else b"")
    return Outcome(record["status"], code, record.get("was"), index_line_bytes(record), error_line)


def outcome_message(record: dict[str, Any]) -> bytes:
    """What a worker sends for a record: its Outcome pickled as a plain tuple (no class to look
    up when it is read; Connection.send would also copy its table of reducers per message)."""
    return pickle.dumps(tuple(outcome_of(record)), pickle.HIGHEST_PROTOCOL)


def read_outcome(message: bytes) -> Outcome:
    return Outcome._make(pickle.loads(message))


def send_outcome(conn: Connection, record: dict[str, Any]) -> None:
    """A record to the parent, framed by its length (Worker.arrived splits them): written on the
    pipe's descriptor directly, so the parent can read every record waiting in one call."""
    message = outcome_message(record)
    write_all(conn.fileno(), len(message).to_bytes(FRAME_HEADER, "big") + message)


def injected_fault(path: str) -> None:
    """Test-only (see TEST_HOOK_ENV): a deterministic slow, CPU-bound or memory-hungry input."""
    if multiprocessing.parent_process() is None or not (hook := fault_hook()):
        return
    action, _, name = hook.partition(":")
    if os.path.basename(path) != name:
        return
    if action == "sleep":
        time.sleep(3600)
    elif action == "nap":
        time.sleep(NAP_SECONDS)
    elif action == "spin":
        while True:
            pass
    elif action == "hog":
        hoard = []
        while True:
            hoard.append(bytearray(16 * 1024 * 1024))


@functools.cache
def fault_hook() -> str | None:
    """TEST_HOOK_ENV, read once per worker (asked only in workers, each a fresh fork)."""
    return os.environ.get(TEST_HOOK_ENV)


# --- worker processes ------------------------------------------------------------------------

def die_with_parent(parent: int) -> None:
    """Linux: the kernel kills this worker when the parent dies, even mid-parse."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent:        # the parent died before the line above
        os._exit(1)


def prepare_worker(job: Job, inherited: list[int]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)      # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)     # `kill` of a worker costs its input only
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)     # a file-size limit is an error, not death
    signal.signal(signal.SIGXCPU, signal.SIG_DFL)     # the CPU ceiling kills the worker at once
    for fd in inherited:                              # the lock on OUT stays the parent's
        try:
            os.close(fd)
        except OSError:
            pass
    die_with_parent(job.parent)
    if job.memory_mb > 0:
        limit = job.memory_mb * 1024 * 1024
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard == resource.RLIM_INFINITY or limit <= hard:
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))


class CpuCeiling:
    """Before each input: this input may use `timeout` more seconds of CPU; past that the
    kernel sends SIGXCPU. The limit is whole seconds, so it moves about once a second of
    work: it is set only when it changes (one getrusage per input, not three system calls)."""

    def __init__(self, timeout: int) -> None:
        self.timeout = timeout
        self.hard = resource.getrlimit(resource.RLIMIT_CPU)[1] if timeout > 0 else resource.RLIM_INFINITY
        self.soft: int | None = None

    def before_input(self) -> None:
        if self.timeout <= 0:
            return
        usage = resource.getrusage(resource.RUSAGE_SELF)
        soft = math.ceil(usage.ru_utime + usage.ru_stime) + self.timeout
        if self.hard != resource.RLIM_INFINITY:
            soft = min(soft, self.hard)
        if soft != self.soft:
            resource.setrlimit(resource.RLIMIT_CPU, (soft, self.hard))
            self.soft = soft


def next_message(conn: Connection, parent: int) -> Any:
    """The next chunk, or None when told to stop or when the parent is gone."""
    while not conn.poll(IDLE_CHECK_SECONDS):
        if os.getppid() != parent:
            return None
    try:
        return pickle.loads(conn.recv_bytes())
    except (EOFError, OSError):
        return None


def worker_main(conn: Connection, job: Job, inherited: list[int]) -> None:
    """Convert the tasks of the chunks received, in order, one record sent per input. The
    parent sends the next chunk before this one runs out, so the worker never waits for it;
    a message waiting between two inputs is that chunk, or None: stop, leaving the rest."""
    prepare_worker(job, inherited)
    out = OutDir(job.out)
    ceiling = CpuCeiling(job.timeout)
    tasks: deque[Task] = deque()
    waiting = select.poll()             # one poll object: asked once per input, it must be cheap
    waiting.register(conn, select.POLLIN)
    while True:
        while not tasks or waiting.poll(0):
            chunk = next_message(conn, job.parent)
            if chunk is None:
                return
            tasks.extend(map(Task._make, chunk))
        ceiling.before_input()
        try:
            send_outcome(conn, convert_one(tasks.popleft(), job, out))
        except (BrokenPipeError, EOFError, OSError):
            return


class Worker:
    """One worker process, the chunk it holds and the inputs of it not yet reported."""
    CONTEXT = multiprocessing.get_context("fork")

    def __init__(self, job: Job, inherited: list[int]) -> None:
        self.conn, child = self.CONTEXT.Pipe()
        self.proc = self.CONTEXT.Process(target=worker_main, args=(child, job, inherited), daemon=True)
        self.proc.start()
        child.close()
        self.tasks: deque[tuple[int, Task]] = deque()
        self.stopped = False
        self.pending = bytearray()      # the start of a record whose end has not arrived yet

    def arrived(self) -> list[bytes]:
        """The record messages that have arrived whole (send_outcome frames them). One read
        takes all the pipe holds: several records at one wake-up cost one system call, not
        the two a Connection.recv_bytes makes for each. EOFError once the worker is gone."""
        data = os.read(self.conn.fileno(), PIPE_READ)
        if not data:
            raise EOFError
        self.pending += data
        messages = []
        start = 0
        while len(self.pending) - start >= FRAME_HEADER:
            end = start + FRAME_HEADER + int.from_bytes(self.pending[start:start + FRAME_HEADER], "big")
            if end > len(self.pending):
                break
            messages.append(bytes(self.pending[start + FRAME_HEADER:end]))
            start = end
        del self.pending[:start]
        return messages

    def fds(self) -> tuple[int, int]:
        """What the parent polls: the pipe records come on, and the sentinel of its exit."""
        return self.conn.fileno(), self.proc.sentinel

    def give(self, chunk: list[tuple[int, Task]]) -> bool:
        """Hand over a chunk; False if the worker is already gone (the chunk stays the caller's).
        The tasks go as plain tuples: a named tuple (or a dataclass) is pickled through its
        class's reduce, one Python call per task; a tuple is a few opcodes."""
        try:
            self.conn.send_bytes(pickle.dumps([tuple(task) for _, task in chunk], pickle.HIGHEST_PROTOCOL))
        except OSError:
            return False
        self.tasks.extend(chunk)
        return True

    def stop(self) -> None:
        if not self.stopped:
            self.stopped = True
            try:
                self.conn.send_bytes(pickle.dumps(None))
            except OSError:
                pass

    def kill(self) -> None:
        if self.proc.is_alive():
            self.proc.kill()

    def death_record(self, task: Task, job: Job) -> dict[str, Any]:
        code = self.proc.exitcode
        if code == -signal.SIGXCPU:
            exc: PipelineError = TooCostly(task.path, f"more than {job.timeout} s of CPU time (--timeout)")
        else:
            how = f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
            exc = WorkerCrashed(task.path, f"the worker process died ({how}) while parsing this input")
        return {**error_record(task, exc, None), "ms": 0, "pipeline_version": PIPELINE_VERSION}


class Pacer:
    """How long a busy parent naps before it waits for records (Pool.collect).

    A record sent to a parent blocked in poll wakes it, and on shared cores that wake-up (the
    parent preempting the worker) costs more CPU than the record itself; records sent while the
    parent naps wake no one, and it takes them all when it is back, one read per pipe. The nap
    lets about GATHER_RECORDS records arrive, judged by the seconds per record between the last
    two wake-ups that brought records (never more than MAX_NAP_SECONDS, and fewer records than
    a worker holds after a refill, so none runs dry); after a wake-up that brought none (a slow
    input, a death, the start) the parent waits at once."""

    def __init__(self) -> None:
        self.per_record: float | None = None
        self.since: float | None = None         # the last wake-up that brought records

    def nap(self) -> float:
        return 0.0 if self.per_record is None else min(MAX_NAP_SECONDS, GATHER_RECORDS * self.per_record)

    def arrived(self, records: int) -> None:
        now = time.monotonic()
        if not records:
            self.per_record = self.since = None
            return
        if self.since is not None:
            self.per_record = (now - self.since) / records
        self.since = now


@dataclass
class StopFlags:
    """Set by the signal handlers: `requested` after one Ctrl-C or SIGTERM, `now` after two."""
    requested: bool = False
    now: bool = False

    def signal(self, signum: int, frame: object) -> None:
        if self.requested:
            self.now = True
        else:
            self.requested = True
            print("batch: stopping after the inputs in progress (Ctrl-C again to stop now)",
                  file=sys.stderr, flush=True)


class Pool:
    """Hands chunks to worker processes and yields their records in input order.

    The parent waits in one poll() over every worker's pipe and exit sentinel, registered once
    per worker (multiprocessing's `wait` and `Connection.poll` build a new selector on every
    call, which cost more than the rest of the parent's work); while records keep coming it
    naps between waits and takes what arrived meanwhile with one read per pipe (collect)."""

    def __init__(self, jobs: int, job: Job, stop: StopFlags, inherited: list[int]) -> None:
        self.jobs, self.job, self.stop, self.inherited = jobs, job, stop, inherited
        if jobs > 1:        # built once here and inherited by every worker, not built in each
            load_lexicon()
        self.poller = select.poll()
        self.by_fd: dict[int, Worker] = {}
        self.workers = [self.start_worker() for _ in range(jobs)]
        self.again: deque[list[tuple[int, Task]]] = deque()     # chunks of a dead worker
        self.done: dict[int, Outcome] = {}                       # finished, not yet yielded
        self.window = jobs * IN_FLIGHT * CHUNK
        self.pacer = Pacer()

    def start_worker(self) -> Worker:
        worker = Worker(self.job, self.inherited)
        for fd in worker.fds():
            self.poller.register(fd, select.POLLIN)
            self.by_fd[fd] = worker
        return worker

    def forget(self, worker: Worker) -> None:
        """Stop watching a worker's descriptors (before they are closed and reused)."""
        for fd in worker.fds():
            if self.by_fd.pop(fd, None) is not None:
                self.poller.unregister(fd)

    def run(self, tasks: Iterator[Task]) -> Iterator[Outcome]:
        numbered = enumerate(tasks)
        issued = head = 0
        exhausted = False
        try:
            while not self.stop.requested:
                for worker in self.workers:
                    if len(worker.tasks) > REFILL:
                        continue
                    chunk = None
                    if self.again:
                        chunk = self.again.popleft()
                    elif not exhausted and issued - head < self.window:
                        chunk = list(islice(numbered, CHUNK))
                        exhausted = len(chunk) < CHUNK
                        issued += len(chunk)
                    if chunk and not worker.give(chunk):
                        self.again.appendleft(chunk)     # it died idle; collect() replaces it
                if exhausted and not self.again and not any(w.tasks for w in self.workers):
                    break
                self.collect()
                while head in self.done:
                    yield self.done.pop(head)
                    head += 1
            if self.stop.requested:
                self.wind_down()
            for seq in sorted(self.done):      # an interrupted run: what finished, in order
                yield self.done.pop(seq)
        finally:
            self.close()

    def collect(self) -> None:
        """Wait a little for records or deaths and take them in: every record waiting on each
        readable pipe; all of a dead worker's. While records keep coming, nap first (Pacer)."""
        events = self.poller.poll(0)
        if not events and (nap := self.pacer.nap()):
            time.sleep(nap)
            events = self.poller.poll(0)
        if not events:
            events = self.poller.poll(POLL_SECONDS * 1000)
        ready: dict[Worker, set[int]] = {}
        for fd, _ in events:
            if (worker := self.by_fd.get(fd)) is not None:
                ready.setdefault(worker, set()).add(fd)
        before = len(self.done)
        for worker, fds in ready.items():
            if worker.proc.sentinel in fds:
                self.take(worker)
            else:
                self.receive(worker)
        self.pacer.arrived(len(self.done) - before)

    def receive(self, worker: Worker) -> None:
        try:
            messages = worker.arrived()
        except (EOFError, OSError):          # it died
            self.take(worker)
            return
        for message in messages:
            seq, _ = worker.tasks.popleft()
            self.done[seq] = read_outcome(message)

    def take(self, worker: Worker, charge: bool = True) -> None:
        """Every record the worker has sent; if it has died, its current input is charged
        (unless we killed it ourselves: `charge` False, the input is redone next run)."""
        if not charge:
            worker.proc.join()
        try:
            while select.select([worker.conn], [], [], 0)[0]:
                for message in worker.arrived():
                    seq, _ = worker.tasks.popleft()
                    self.done[seq] = read_outcome(message)
            if worker.proc.is_alive():
                return
        except (EOFError, OSError):
            pass
        worker.proc.join()
        if charge and worker.tasks and not (worker.stopped and worker.proc.exitcode == 0):
            seq, task = worker.tasks.popleft()
            self.done[seq] = outcome_of(worker.death_record(task, self.job))
        if worker.tasks and not self.stop.requested:
            self.again.appendleft(list(worker.tasks))
        worker.tasks.clear()
        self.forget(worker)
        worker.conn.close()
        index = self.workers.index(worker)
        if self.stop.requested:
            self.workers.pop(index)
        else:
            self.workers[index] = self.start_worker()

    def wind_down(self) -> None:
        """After one stop request: tell every worker to stop after its current input and
        take in what they finish; after a second one, kill them."""
        for worker in self.workers:
            worker.stop()
        while self.workers and not self.stop.now:
            self.collect()
        for worker in self.workers:
            worker.kill()
        for worker in list(self.workers):
            self.take(worker, charge=False)

    def close(self) -> None:
        for worker in self.workers:
            worker.kill()
            worker.proc.join()
            self.forget(worker)
            worker.conn.close()
        self.workers = []


def run_in_process(tasks: Iterator[Task], job: Job) -> Iterator[Outcome]:
    """`--jobs 1` without ceilings: everything in this process (no pool, easy to debug)."""
    out = OutDir(job.out)
    try:
        for task in tasks:
            yield outcome_of(convert_one(task, job, out))
    finally:
        out.close()


# --- the index -------------------------------------------------------------------------------

def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Complete JSON lines of `path`; a line cut off by a killed run is ignored."""
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                try:
                    value = json.loads(line)
                except ValueError:
                    continue
                if isinstance(value, dict):
                    yield value
    except OSError:
        return


class Previous:
    """The last run's outcome per output name, read back when its input comes up.

    Kept in a SQLite database (stdlib sqlite3) in OUT/.partial, deleted when the run ends
    (one a killed run leaves is removed with the other stale files by the next): its page
    cache is the only memory it takes, whatever the number of inputs, and a lookup by name
    works whatever the order of this run's inputs (roots added, removed or reordered since).
    Lines are kept as compact JSON text, in the order the old index first named them (an
    interrupted run writes the unreached ones back in that order). Without a `scratch`
    folder, SQLite's own private temporary file is used."""
    CACHE_KIB = 2048

    def __init__(self, scratch: Path | None = None) -> None:
        self.path = scratch / f".previous.{os.getpid()}{TMP_SUFFIX}" if scratch else None
        self.db: Any = None          # opened by the first line: a first run imports nothing
        self.count = 0

    def open(self) -> Any:
        import sqlite3      # only a re-run needs it
        db = sqlite3.connect(self.path or "")
        for pragma in (f"cache_size = -{self.CACHE_KIB}", "journal_mode = OFF", "synchronous = OFF"):
            db.execute(f"PRAGMA {pragma}")      # scratch data: nothing to recover after a crash
        db.execute("CREATE TABLE previous (target TEXT PRIMARY KEY, line TEXT NOT NULL)")
        db.execute("CREATE TABLE reached (target TEXT PRIMARY KEY)")
        return db

    def __len__(self) -> int:
        return self.count

    def load(self, lines: Iterable[dict[str, Any]]) -> None:
        """Add the lines in order; a later line for the same name replaces the earlier one."""
        rows = ((line["target"], json.dumps({**line, "status": previous_status(line)}, ensure_ascii=False))
                for line in lines)
        first = next(rows, None)
        if first is None:
            return
        import sqlite3
        try:
            if self.db is None:
                self.db = self.open()
            with self.db:
                self.db.executemany("INSERT INTO previous VALUES (?, ?) "
                                    "ON CONFLICT (target) DO UPDATE SET line = excluded.line", chain([first], rows))
            self.count = self.db.execute("SELECT count(*) FROM previous").fetchone()[0]
        except sqlite3.Error as exc:
            raise OutputUnusable(f"cannot keep the last run's index in {self.path or 'a temporary file'}: {exc}") \
                from exc

    def get(self, target: str) -> dict[str, Any] | None:
        if not self.count:
            return None
        row = self.db.execute("SELECT line FROM previous WHERE target = ?", (target,)).fetchone()
        return None if row is None else json.loads(row[0])

    def unreached(self, reached: Iterable[str]) -> Iterator[dict[str, Any]]:
        """The lines whose names are not in `reached`, in the order of the old index."""
        if not self.count:
            return
        with self.db:
            self.db.execute("DELETE FROM reached")
            self.db.executemany("INSERT OR IGNORE INTO reached VALUES (?)", ((t,) for t in reached))
        query = "SELECT line FROM previous WHERE target NOT IN (SELECT target FROM reached) ORDER BY rowid"
        for (text,) in self.db.execute(query):
            yield json.loads(text)

    def close(self) -> None:
        if self.db is not None:
            self.db.close()
            self.db, self.count = None, 0
            if self.path is not None:
                self.path.unlink(missing_ok=True)


def previous_status(line: dict[str, Any]) -> Any:
    """A skipped line stands for the outcome it carried over."""
    return line.get("was") if line.get("status") == "skipped" else line.get("status")


def load_previous(out: Path) -> Previous:
    """The last run's outcome per output name, when it was made by this pipeline version."""
    previous = Previous(out / PARTIAL_DIR)
    previous.load(line for name in (INDEX, INDEX + ".partial")     # a killed run's partial index is newer
                  for line in read_jsonl(out / name)
                  if isinstance(line.get("target"), str) and line["target"]
                  and line.get("pipeline_version") == PIPELINE_VERSION)
    return previous


class IndexWriter:
    """Appends index and error lines as results arrive; publishes both files atomically.
    If a line cannot be written (a full disk), writing stops, the files of the last complete
    index stay as they are, and `failure` says why."""

    def __init__(self, out: Path, previous: Previous) -> None:
        self.out = out
        self.previous = previous
        self.failure: str | None = None
        # Unbuffered: each line is one write of its finished bytes, on disk for a killed run's
        # next run to read (what a flush after each line of a text file did, without the text layer).
        self.index = (out / (INDEX + ".partial")).open("wb", buffering=0)
        self.errors = (out / (ERRORS + ".partial")).open("wb", buffering=0)

    def add(self, item: Outcome | dict[str, Any]) -> None:
        """An input's index line, and its errors line if it has one (a record is serialized here)."""
        if self.failure:
            return
        outcome = item if isinstance(item, Outcome) else outcome_of(item)
        try:
            write_all(self.index.fileno(), outcome.line)
            if outcome.error_line:
                write_all(self.errors.fileno(), outcome.error_line)
        except OSError as exc:
            self.failure = f"{exc.strerror or exc}"

    def close(self, interrupted: bool, publish: bool = True) -> None:
        """On an interrupted run, outcomes of the last run not reached this time are kept.
        What was reached is read back from this run's own index lines (written and flushed
        one by one), not remembered: the parent keeps nothing per input."""
        if interrupted and len(self.previous) and not self.failure:
            reached = (line["target"] for line in read_jsonl(self.out / (INDEX + ".partial")))
            for line in self.previous.unreached(reached):
                self.add(line)
        for fh in (self.index, self.errors):
            try:
                fh.close()
            except OSError as exc:
                self.failure = self.failure or f"{exc.strerror or exc}"
        if publish and not self.failure:
            for name in (INDEX, ERRORS):
                os.replace(self.out / (name + ".partial"), self.out / name)


# --- progress and summary ----------------------------------------------------------------------

@dataclass
class Summary:
    ok: int = 0
    errors: int = 0
    skipped: int = 0
    skipped_errors: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    index_failure: str | None = None
    codes: dict[str, int] = field(default_factory=dict)

    def add(self, outcome: Outcome) -> None:
        status = outcome.status
        if status == "ok":
            self.ok += 1
        elif status == "error":
            self.errors += 1
            self.codes[outcome.code] = self.codes.get(outcome.code, 0) + 1
        else:
            self.skipped += 1
            self.skipped_errors += outcome.was == "error"

    @property
    def done(self) -> int:
        return self.ok + self.errors + self.skipped

    @property
    def failed(self) -> bool:
        return bool(self.errors or self.skipped_errors or self.index_failure)

    def line(self) -> str:
        rate = self.done / self.seconds if self.seconds else 0.0
        codes = ", ".join(f"{c} {n}" for c, n in sorted(self.codes.items()))
        index = (f"; the index could not be written ({self.index_failure}): index.jsonl is the last "
                 f"complete one, index.jsonl.partial holds this run's lines" if self.index_failure else "")
        return (f"{'interrupted: ' if self.interrupted else ''}ok {self.ok}, errors {self.errors}"
                f"{f' ({codes})' if codes else ''}, skipped {self.skipped}"
                f"{f' ({self.skipped_errors} of them failed before)' if self.skipped_errors else ''}; "
                f"{self.done} inputs in {self.seconds:.1f} s, {rate:.1f} docs/s{index}")


class Progress:
    """tqdm on a terminal, a plain line every PLAIN_EVERY seconds otherwise, or nothing."""
    PLAIN_EVERY = 10.0

    def __init__(self, total: int | None, mode: str, stream: Any = None) -> None:
        self.stream = stream or sys.stderr
        self.mode = mode
        self.total = total
        self.bar = None
        self.last = time.monotonic()
        if mode == "bar":
            from tqdm import tqdm
            self.bar = tqdm(total=total, unit="doc", file=self.stream, dynamic_ncols=True)

    def update(self, summary: Summary, started: float) -> None:
        if self.bar is not None:
            self.bar.update(1)
            self.bar.set_postfix(ok=summary.ok, errors=summary.errors, skipped=summary.skipped, refresh=False)
        elif self.mode == "plain" and time.monotonic() - self.last >= self.PLAIN_EVERY:
            self.last = time.monotonic()
            elapsed = time.monotonic() - started
            of = f"/{self.total}" if self.total is not None else ""
            print(f"batch: {summary.done}{of} done, ok {summary.ok}, errors {summary.errors}, "
                  f"skipped {summary.skipped}, {summary.done / elapsed:.1f} docs/s",
                  file=self.stream, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


# --- the run -----------------------------------------------------------------------------------

@dataclass
class BatchOptions:
    inputs: list[str]
    out: Path
    jobs: int = 0
    force: bool = False
    progress: str = "auto"          # auto | bar | plain | off
    patterns: tuple[str, ...] = ()
    max_bytes: int = DEFAULT_MAX_BYTES
    keep_non_releases: bool = False
    follow_symlinks: bool = False
    timeout: int = DEFAULT_TIMEOUT          # CPU seconds per input; 0 = no ceiling
    memory_mb: int = DEFAULT_MEMORY_MB      # per worker; 0 = no ceiling

    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)

    def in_process(self) -> bool:
        """Ceilings need a process of their own; `--jobs 1` without them runs here."""
        return self.jobs == 1 and self.timeout <= 0 and self.memory_mb <= 0

    def progress_mode(self) -> str:
        if self.progress != "auto":
            return self.progress
        return "bar" if sys.stderr.isatty() else "plain"


class OutputUnusable(Exception):
    """OUT cannot be created or written: nothing can be done, so the run does not start."""


class OutputBusy(OutputUnusable):
    """Another run holds OUT."""


def lock_output(out: Path) -> int:
    """Take OUT for this run: an exclusive lock on the folder itself, released when the run
    ends or dies. The fd is returned so that workers can close their copy."""
    try:
        out.mkdir(parents=True, exist_ok=True)
        fd = os.open(out, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError as exc:
        raise OutputUnusable(f"cannot write to {out}: {exc.strerror or exc}") from exc
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        os.close(fd)
        raise OutputBusy(f"{out} is in use by another batch run; wait for it to finish "
                         "or choose another output folder") from exc
    return fd


def prepare_output(out: Path) -> None:
    """OUT/.partial ready and empty of our stale temporary files. A link there, made by
    someone else, is refused rather than followed or deleted."""
    scratch = out / PARTIAL_DIR
    try:
        try:
            scratch.mkdir()
        except FileExistsError:
            pass
        if scratch.is_symlink() or not scratch.is_dir():
            raise OutputUnusable(f"{scratch} is not a folder this program made (a symbolic link or a file); "
                                 "remove it and run again")
        for stale in scratch.iterdir():          # left by a worker killed mid-write
            if stale.name.startswith(".") and stale.name.endswith(TMP_SUFFIX) and stale.is_file() \
                    and not stale.is_symlink():
                stale.unlink()
        probe = tempfile.NamedTemporaryFile(dir=scratch, delete=True)
        probe.close()
    except OSError as exc:
        raise OutputUnusable(f"cannot write to {out}: {exc.strerror or exc}") from exc


class Signals:
    """While a pooled run goes on, Ctrl-C and SIGTERM set stop flags instead of raising."""

    def __init__(self, stop: StopFlags) -> None:
        self.stop = stop
        self.saved: dict[int, Any] = {}

    def __enter__(self) -> Signals:
        if threading.current_thread() is threading.main_thread():
            for signum in (signal.SIGINT, signal.SIGTERM):
                self.saved[signum] = signal.signal(signum, self.stop.signal)
        return self

    def __exit__(self, *exc: object) -> None:
        for signum, handler in self.saved.items():
            signal.signal(signum, handler)


def run_batch(options: BatchOptions) -> Summary:
    """Parse every input into options.out; see the module docstring for the guarantees."""
    out = options.out
    lock = lock_output(out)
    try:
        prepare_output(out)
        return run_locked(options, lock)
    finally:
        os.close(lock)


def run_locked(options: BatchOptions, lock: int) -> Summary:
    out = options.out
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)      # a file-size limit is a write error
    previous = Previous() if options.force else load_previous(out)
    mode = options.progress_mode()
    roots = input_roots(options.inputs, options.patterns, out, options.follow_symlinks)
    total = sum(1 for root in roots for _ in root.walk()) if mode != "off" else None
    tasks = plan(roots, previous)
    summary = Summary()
    progress = Progress(total, mode)
    index = IndexWriter(out, previous)
    stop = StopFlags()
    job = Job(out, options.max_bytes, options.keep_non_releases, options.timeout, options.memory_mb, os.getpid())
    started = time.monotonic()
    publish = False
    try:
        if options.in_process():
            records = run_in_process(tasks, job)
        else:
            records = Pool(options.workers(), job, stop, [lock]).run(tasks)
        with Signals(stop) if not options.in_process() else NoSignals():
            try:
                for outcome in records:
                    index.add(outcome)
                    summary.add(outcome)
                    progress.update(summary, started)
            except KeyboardInterrupt:
                stop.requested = True
            finally:
                records.close()
        publish = True
    finally:
        summary.interrupted = stop.requested
        progress.close()
        summary.seconds = time.monotonic() - started
        index.close(summary.interrupted, publish)
        previous.close()
        summary.index_failure = index.failure
        try:
            (out / PARTIAL_DIR).rmdir()
        except OSError:
            pass
    return summary


class NoSignals:
    def __enter__(self) -> NoSignals:
        return self

    def __exit__(self, *exc: object) -> None:
        pass
