"""Batch engine: many inputs into OUT/<relative path>.json, index.jsonl and errors.jsonl.

    from pipeline.batch import BatchOptions, run_batch
    summary = run_batch(BatchOptions(inputs=["corpus/"], out=Path("out"), jobs=0))

Every input ends as exactly one index line: `ok` (its JSON was written), `error` (a line in
errors.jsonl says why, and no JSON is left for it) or `skipped` (its bytes and the pipeline
version match the previous run, whose outcome is carried over).

How the promises are kept:
- Determinism: inputs are walked in sorted order and results are consumed in that order, so
  index lines have one order and each JSON depends only on its input, whatever `jobs` is.
- Flat memory: inputs are a generator; at most `jobs * IN_FLIGHT` chunks are submitted at a
  time; workers write the JSON themselves and send back only a small index record.
- Atomic writes: a JSON is written under OUT/.partial/ and renamed into place, so a killed
  worker or Ctrl-C never leaves half a document. The index is written the same way at the end
  (and also on Ctrl-C), and index.jsonl.partial holds finished lines while a run is going,
  which the next run reads if this one was killed outright.
- Crashes: a worker that dies takes its pool with it; the unfinished inputs are then run one
  at a time in a fresh worker, so only the input that kills a worker is recorded as
  `worker_crashed` and the run goes on.
"""
from __future__ import annotations

import fnmatch
import hashlib
import json
import os
import signal
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from . import DEFAULT_MAX_BYTES, PIPELINE_VERSION, parse_bytes, read_limited
from .corpusfile import bookkeeping_file, bookkeeping_reason
from .errors import (InternalError, NotAPressRelease, OutputCollision, PipelineError, WorkerCrashed,
                     WriteFailed)

INDEX = "index.jsonl"
ERRORS = "errors.jsonl"
PARTIAL_DIR = ".partial"
CHUNK = 8                   # inputs per task sent to a worker
IN_FLIGHT = 4               # chunks queued per worker
NOT_A_RELEASE = "not_a_press_release"
UMASK = os.umask(0o022)     # read once (os.umask can only be read by setting it)
os.umask(UMASK)
# Outcomes that the same bytes and pipeline version reproduce; others are retried next run.
REPEATABLE = {"empty_input", "undecodable", "unsupported_format", "malformed"}


def dump(record: dict[str, Any]) -> str:
    """The one serialization of a document: UTF-8, indent 2, keys in the order assemble set."""
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def write_atomic(path: Path, data: str, scratch: Path | None = None) -> None:
    """Write `data` to a temporary file in `scratch` (same file system), then rename it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    scratch = scratch or path.parent
    fd, tmp = tempfile.mkstemp(dir=scratch, prefix=f".{path.name}.", suffix=".tmp")
    try:
        os.fchmod(fd, 0o666 & ~UMASK)        # mkstemp makes 0600; outputs are ordinary files
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# --- inputs ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Task:
    """One input: where it is, its output name relative to OUT, and what the last run saw."""
    path: str
    rel: str
    previous: dict[str, Any] | None = None
    collides_with: str | None = None


@dataclass(frozen=True)
class Job:
    """What every worker needs to know about the run (sent with each chunk)."""
    out: Path
    max_bytes: int = DEFAULT_MAX_BYTES
    keep_non_releases: bool = False
    keep_non_releases: bool = False


def is_hidden(name: str) -> bool:
    return name.startswith(".")


def walk_files(root: Path, patterns: tuple[str, ...], exclude: Path | None) -> Iterator[Path]:
    """Files under `root`, depth first with each directory's entries sorted by name (so 'a/z'
    comes before 'b'); hidden names, symlinked directories and the `exclude` tree left out."""
    stack = [iter(sorted(os.scandir(root), key=lambda e: e.name))]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
        elif is_hidden(entry.name):
            continue
        elif entry.is_dir(follow_symlinks=False):
            if exclude is None or Path(entry.path).resolve() != exclude:
                stack.append(iter(sorted(os.scandir(entry.path), key=lambda e: e.name)))
        elif entry.is_file() and (not patterns or any(fnmatch.fnmatch(entry.name, p) for p in patterns)):
            yield Path(entry.path)


def iter_inputs(paths: Iterable[str], patterns: tuple[str, ...] = (),
                exclude: Path | None = None) -> Iterator[tuple[Path, str]]:
    """(file, its path relative to its input root) for every input, in a stable order.

    `patterns` filter files named on the command line and files found inside directories alike."""
    exclude = exclude.resolve() if exclude else None
    for p in map(Path, paths):
        if p.is_dir():
            for f in walk_files(p, patterns, exclude):
                yield f, f.relative_to(p).as_posix()
        elif not patterns or any(fnmatch.fnmatch(p.name, pat) for pat in patterns):
            yield p, p.name


def output_rel(rel: str) -> str:
    """'a/b.txt' → 'a/b.txt.json': the input's own name is kept, extension included."""
    return rel + ".json"


def plan(inputs: Iterator[tuple[Path, str]], previous: dict[str, dict[str, Any]]) -> Iterator[Task]:
    """Tasks in input order; a second input aiming at an output already taken is a collision."""
    claimed: dict[str, str] = {}
    for path, rel in inputs:
        out = output_rel(rel)
        first = claimed.setdefault(out, str(path))
        yield Task(str(path), out, previous.get(out), first if first != str(path) else None)


# --- one input (runs in a worker) ----------------------------------------------------------

def error_record(task: Task, exc: PipelineError, sha: str | None) -> dict[str, Any]:
    return {"path": task.path, "target": task.rel, "sha256": sha, "status": "error", "output": None,
            "title": None, "code": exc.code, "message": exc.reason}


def can_skip(task: Task, sha: str, job: Job) -> bool:
    """Same bytes, same pipeline version, and an outcome this run would repeat."""
    prev = task.previous
    if prev is None or prev.get("sha256") != sha:
        return False
    if prev.get("status") == "ok":
        kept_non_release = prev.get("non_release", False)
        return (job.out / task.rel).is_file() and (job.keep_non_releases or not kept_non_release)
    if prev.get("code") == NOT_A_RELEASE:
        return not job.keep_non_releases
    return prev.get("code") in REPEATABLE


def skipped_record(task: Task) -> dict[str, Any]:
    prev = task.previous or {}
    keep = {k: prev.get(k) for k in ("sha256", "output", "title", "code", "message", "non_release") if k in prev}
    return {"path": task.path, "target": task.rel, **keep, "status": "skipped", "was": prev.get("status")}


def convert(task: Task, job: Job) -> dict[str, Any]:
    """Parse one input and write its JSON; the index record says what happened."""
    if task.collides_with and not bookkeeping_file(task.path):   # before the try: the output belongs to the other input
        raise OutputCollision(task.path, f"{task.collides_with} is already written to {task.rel}")
    sha = None
    try:
        data = read_limited(Path(task.path), job.max_bytes)
        sha = hashlib.sha256(data).hexdigest()
        if can_skip(task, sha, job):
            return skipped_record(task)
        if reason := bookkeeping_reason(data):     # a MANIFEST.tsv beside the releases
            return {"path": task.path, "target": task.rel, "sha256": sha, "status": "skipped", "output": None,
                    "title": None, "reason": reason}
        record = parse_bytes(data, task.path, job.max_bytes)
        non_release = match_non_release(record)
        if non_release and not job.keep_non_releases:
            raise NotAPressRelease(task.path, non_release)
    except PipelineError as exc:
        remove_stale(job.out / task.rel)
        return error_record(task, exc, sha)
    try:
        write_atomic(job.out / task.rel, dump(record), job.out / PARTIAL_DIR)
    except OSError as exc:
        raise WriteFailed(task.path, f"cannot write {task.rel}: {exc.strerror or exc}") from exc
    return {"path": task.path, "target": task.rel, "sha256": sha, "status": "ok", "output": task.rel,
            "title": record["release"].get("title"), **({"non_release": True} if non_release else {})}


def match_non_release(record: dict[str, Any]) -> str | None:
    """The message of the release stage's not_a_press_release warning, if it gave one."""
    return next((w["message"] for w in record["diagnostics"]["warnings"] if w["code"] == NOT_A_RELEASE), None)


def remove_stale(path: Path) -> None:
    """An input that now fails must not leave the JSON of an earlier version behind."""
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass


def convert_one(task: Task, job: Job) -> dict[str, Any]:
    started = time.perf_counter()
    try:
        record = convert(task, job)
    except PipelineError as exc:
        record = error_record(task, exc, None)
    except Exception as exc:  # a bug in this module; the input is still accounted for
        record = error_record(task, InternalError(task.path, f"{type(exc).__name__}: {exc}"), None)
    record["ms"] = round((time.perf_counter() - started) * 1000)
    record["pipeline_version"] = PIPELINE_VERSION
    return record


def convert_chunk(chunk: list[Task], job: Job) -> list[dict[str, Any]]:
    return [convert_one(t, job) for t in chunk]


def ignore_interrupts() -> None:
    """Workers leave Ctrl-C to the main process, which stops handing out work."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


# --- scheduling ----------------------------------------------------------------------------

def chunked(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    while chunk := list(islice(tasks, size)):
        yield chunk


class Scheduler:
    """Runs chunks on a process pool and yields their records in submission order."""

    def __init__(self, jobs: int, job: Job) -> None:
        self.jobs, self.job = jobs, job
        self.pool = self.new_pool(jobs)
        self.pending: deque[tuple[list[Task], Future]] = deque()

    @staticmethod
    def new_pool(workers: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(max_workers=workers, initializer=ignore_interrupts)

    def submit(self, chunk: list[Task]) -> None:
        self.pending.append((chunk, self.pool.submit(convert_chunk, chunk, self.job)))

    def run(self, chunks: Iterator[list[Task]]) -> Iterator[dict[str, Any]]:
        for chunk in chunks:
            self.submit(chunk)
            while len(self.pending) >= self.jobs * IN_FLIGHT:
                yield from self.take_head()
        while self.pending:
            yield from self.take_head()

    def take_head(self) -> Iterator[dict[str, Any]]:
        chunk, future = self.pending[0]
        try:
            records = future.result()
        except BrokenProcessPool:
            yield from self.recover()
            return
        self.pending.popleft()
        yield from records

    def recover(self) -> Iterator[dict[str, Any]]:
        """The pool died: finish what is pending one input at a time, then start a new pool."""
        self.pool.shutdown(wait=True, cancel_futures=True)
        stranded, self.pending = list(self.pending), deque()
        solo = self.new_pool(1)
        try:
            for chunk, future in stranded:
                if future.done() and not future.cancelled() and future.exception() is None:
                    yield from future.result()
                    continue
                for task in chunk:
                    record, solo = self.run_alone(solo, task)
                    yield record
        finally:
            solo.shutdown(wait=True, cancel_futures=True)
        self.pool = self.new_pool(self.jobs)

    def run_alone(self, solo: ProcessPoolExecutor, task: Task) -> tuple[dict[str, Any], ProcessPoolExecutor]:
        try:
            return solo.submit(convert_one, task, self.job).result(), solo
        except BrokenProcessPool:
            solo.shutdown(wait=True)
            crash = WorkerCrashed(task.path, "the worker process died while parsing this input")
            record = {**error_record(task, crash, None), "ms": 0, "pipeline_version": PIPELINE_VERSION}
            return record, self.new_pool(1)

    def close(self) -> None:
        """Stop handing out work; chunks already running finish (their writes are atomic)."""
        self.pool.shutdown(wait=True, cancel_futures=True)


def execute(tasks: Iterator[Task], jobs: int, job: Job) -> Iterator[dict[str, Any]]:
    """Records in task order; `jobs == 1` runs in this process (no pool, easy to debug)."""
    if jobs == 1:
        for task in tasks:
            yield convert_one(task, job)
        return
    scheduler = Scheduler(jobs, job)
    try:
        yield from scheduler.run(chunked(tasks, CHUNK))
    finally:
        scheduler.close()


# --- the index -------------------------------------------------------------------------------

def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """Complete JSON lines of `path`; a line cut off by a killed run is ignored."""
    try:
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                try:
                    value = json.loads(line)
                except ValueError:
                    continue
                if isinstance(value, dict):
                    yield value
    except FileNotFoundError:
        return


def load_previous(out: Path) -> dict[str, dict[str, Any]]:
    """The last run's outcome per output name, when it was made by this pipeline version."""
    previous: dict[str, dict[str, Any]] = {}
    for name in (INDEX, INDEX + ".partial"):      # the partial index of a killed run is newer
        for line in read_jsonl(out / name):
            key = line.get("target")
            if key and line.get("pipeline_version") == PIPELINE_VERSION:
                status = line.get("was") if line.get("status") == "skipped" else line.get("status")
                previous[key] = {**line, "status": status}
    return previous


class IndexWriter:
    """Appends index and error lines as results arrive; publishes both files atomically."""

    def __init__(self, out: Path, previous: dict[str, dict[str, Any]]) -> None:
        self.out = out
        self.previous = previous
        self.seen: set[str] = set()
        self.index = (out / (INDEX + ".partial")).open("w", encoding="utf-8")
        self.errors = (out / (ERRORS + ".partial")).open("w", encoding="utf-8")

    def add(self, record: dict[str, Any]) -> None:
        self.seen.add(record["target"])
        self.write(record)

    def write(self, record: dict[str, Any]) -> None:
        self.index.write(json.dumps(record, ensure_ascii=False) + "\n")
        self.index.flush()
        if record.get("code"):
            entry = {"path": record["path"], "code": record["code"], "message": record.get("message")}
            self.errors.write(json.dumps(entry, ensure_ascii=False) + "\n")
            self.errors.flush()

    def close(self, interrupted: bool) -> None:
        """On an interrupted run, outcomes of the last run not reached this time are kept."""
        if interrupted:
            for key, line in self.previous.items():
                if key not in self.seen:
                    self.write(line)
        for fh, name in ((self.index, INDEX), (self.errors, ERRORS)):
            fh.close()
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
    codes: dict[str, int] = field(default_factory=dict)

    def add(self, record: dict[str, Any]) -> None:
        status = record["status"]
        if status == "ok":
            self.ok += 1
        elif status == "error":
            self.errors += 1
            self.codes[record["code"]] = self.codes.get(record["code"], 0) + 1
        else:
            self.skipped += 1
            self.skipped_errors += record.get("was") == "error"

    @property
    def done(self) -> int:
        return self.ok + self.errors + self.skipped

    @property
    def failed(self) -> bool:
        return bool(self.errors or self.skipped_errors)

    def line(self) -> str:
        rate = self.done / self.seconds if self.seconds else 0.0
        codes = ", ".join(f"{c} {n}" for c, n in sorted(self.codes.items()))
        return (f"{'interrupted: ' if self.interrupted else ''}ok {self.ok}, errors {self.errors}"
                f"{f' ({codes})' if codes else ''}, skipped {self.skipped}"
                f"{f' ({self.skipped_errors} of them failed before)' if self.skipped_errors else ''}; "
                f"{self.done} inputs in {self.seconds:.1f} s, {rate:.1f} docs/s")


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

    def workers(self) -> int:
        return self.jobs if self.jobs > 0 else (os.cpu_count() or 1)

    def progress_mode(self) -> str:
        if self.progress != "auto":
            return self.progress
        return "bar" if sys.stderr.isatty() else "plain"


class OutputUnusable(Exception):
    """OUT cannot be created or written: nothing can be done, so the run does not start."""


def prepare_output(out: Path) -> None:
    scratch = out / PARTIAL_DIR
    try:
        scratch.mkdir(parents=True, exist_ok=True)
        for stale in scratch.iterdir():          # left by a worker killed mid-write
            stale.unlink()
        probe = tempfile.NamedTemporaryFile(dir=scratch, delete=True)
        probe.close()
    except OSError as exc:
        raise OutputUnusable(f"cannot write to {out}: {exc.strerror or exc}") from exc


def run_batch(options: BatchOptions) -> Summary:
    """Parse every input into options.out; see the module docstring for the guarantees."""
    out = options.out
    prepare_output(out)
    previous = {} if options.force else load_previous(out)
    mode = options.progress_mode()
    total = sum(1 for _ in iter_inputs(options.inputs, options.patterns, out)) if mode != "off" else None
    tasks = plan(iter_inputs(options.inputs, options.patterns, out), previous)
    summary = Summary()
    progress = Progress(total, mode)
    index = IndexWriter(out, previous)
    started = time.monotonic()
    try:
        job = Job(out, options.max_bytes, options.keep_non_releases)
        for record in execute(tasks, options.workers(), job):
            index.add(record)
            summary.add(record)
            progress.update(summary, started)
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        progress.close()
        summary.seconds = time.monotonic() - started
        index.close(summary.interrupted)
        try:
            (out / PARTIAL_DIR).rmdir()
        except OSError:
            pass
    return summary
