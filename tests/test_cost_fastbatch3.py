"""Issue 14, helper "fastbatch3": what the batch engine does per input beyond the parse.
Counted (function calls, system-call wrappers), never timed. Before this work, per output:
a dup and a close of OUT's fd and a getpid; per input: getrlimit and setrlimit; per record a
dict pickled by Connection.send, unpickled and serialized again by the parent, two reads of the
pipe for it and a wake-up of the parent."""
from __future__ import annotations

import json
import os
import pickle
import resource

import pytest

import pipeline.batch as batch
from pipeline import parse_bytes
from pipeline.serialize import sanitize

from .complexity import operations
from .conftest import SAMPLES

SEED = (SAMPLES / "apec-2004-sme-forum.txt").read_bytes()
RECORD = {"path": "in/a.txt", "target": "a.txt.json", "sha256": "ab" * 32, "status": "ok",
          "output": "a.txt.json", "title": "「제목」 \"따옴표\" \\ 백슬래시", "ms": 3, "pipeline_version": "x"}
FAILED = {**RECORD, "status": "error", "output": None, "title": None, "code": "undecodable",
          "message": "줄 1: 잘못된 바이트\n"}
ESCAPED = {**FAILED, "path": "in/bad\udcff.txt", "message": "in/bad\udcff.txt: cannot read"}


class Calls:
    """Counts calls of some functions of a module, still calling them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, module: object, names: list[str]) -> None:
        self.counts = dict.fromkeys(names, 0)
        for name in names:
            real = getattr(module, name)
            monkeypatch.setattr(module, name, self.counting(name, real))

    def counting(self, name, real):
        def call(*args, **kwargs):
            self.counts[name] += 1
            return real(*args, **kwargs)
        return call


@pytest.fixture
def out(tmp_path):
    out = tmp_path / "out"
    (out / batch.PARTIAL_DIR).mkdir(parents=True)
    return out


# --- the written file ---------------------------------------------------------------------------

@pytest.mark.parametrize("folder", ["", "sub/"], ids=["top", "in a folder"])
def test_an_output_is_written_without_a_dup_or_a_getpid(monkeypatch, out, folder):
    """Per output: open the temporary file and close it (the folder of the last output stays
    open: batch6); was also a dup and a close of OUT's fd and a getpid."""
    outdir = batch.OutDir(out)
    outdir.write(f"{folder}first.json", b"{}\n")          # the folder exists from here on
    calls = Calls(monkeypatch, os, ["dup", "getpid", "open", "close"])
    try:
        for i in range(10):
            outdir.write(f"{folder}doc{i}.json", b"{}\n")
    finally:
        outdir.close()
    kept = 1 if folder else 0           # the folder kept open, closed by OutDir.close
    assert calls.counts == {"dup": 0, "getpid": 0, "open": 10, "close": 10 + 2 + kept}
    assert sorted(p.name for p in (out / folder).glob("doc*.json")) == [f"doc{i}.json" for i in range(10)]
    assert not list((out / batch.PARTIAL_DIR).iterdir())


def test_a_linked_output_folder_is_still_refused(out, tmp_path):
    (tmp_path / "elsewhere").mkdir()
    (out / "sub").symlink_to(tmp_path / "elsewhere")
    outdir = batch.OutDir(out)
    try:
        with pytest.raises(OSError, match="symbolic link"):
            outdir.write("sub/a.json", b"{}\n")
        outdir.write("a.json", b"{}\n")         # OUT's own fd is still open and usable
    finally:
        outdir.close()
    assert not list((tmp_path / "elsewhere").iterdir()) and (out / "a.json").read_bytes() == b"{}\n"


# --- the CPU ceiling ------------------------------------------------------------------------------

def test_the_cpu_ceiling_is_set_only_when_it_moves(monkeypatch):
    """A whole-second limit moves about once a second of work: 100 inputs in well under a
    second set it once or twice (was: a getrlimit and a setrlimit for each)."""
    calls = Calls(monkeypatch, resource, ["getrlimit", "getrusage"])
    limits = []
    monkeypatch.setattr(resource, "setrlimit", lambda which, limit: limits.append(limit))
    ceiling = batch.CpuCeiling(30)
    for _ in range(100):
        ceiling.before_input()
    assert 1 <= len(limits) <= 2 and calls.counts == {"getrlimit": 1, "getrusage": 100}
    used = resource.getrusage(resource.RUSAGE_SELF)
    assert limits[-1][0] >= used.ru_utime + used.ru_stime + 29


def test_no_ceiling_costs_nothing(monkeypatch):
    calls = Calls(monkeypatch, resource, ["getrlimit", "getrusage", "setrlimit"])
    ceiling = batch.CpuCeiling(0)
    for _ in range(10):
        ceiling.before_input()
    assert calls.counts == {"getrlimit": 0, "getrusage": 0, "setrlimit": 0}


# --- the record sent to the parent ------------------------------------------------------------------

@pytest.mark.parametrize("record", [RECORD, FAILED, ESCAPED], ids=["ok", "error", "lone surrogate"])
def test_the_lines_a_worker_sends_are_the_lines_the_parent_wrote(record):
    """The parent used to write json.dumps(record, ensure_ascii=False) (of the sanitized record
    when a lone surrogate made it unwritable) and an errors line for a record with a code."""
    def old_line(value):
        try:
            text = json.dumps(value, ensure_ascii=False)
            text.encode("utf-8")
        except UnicodeEncodeError:
            text = json.dumps(sanitize(value), ensure_ascii=False)
        return (text + "\n").encode("utf-8")

    outcome = batch.read_outcome(batch.outcome_message(record))
    assert outcome == batch.outcome_of(record)
    assert outcome.line == old_line(record)
    assert outcome.error_line == (old_line({"path": record["path"], "code": record["code"],
                                            "message": record["message"]}) if "code" in record else b"")
    assert (outcome.status, outcome.code, outcome.was) == (record["status"], record.get("code"), None)


def test_the_parent_reads_every_waiting_record_with_one_read(monkeypatch):
    """Records are framed by their length; what arrived is read at once, and a record cut at
    the end of a read waits for its end."""
    parent, child = batch.Worker.CONTEXT.Pipe()
    worker = object.__new__(batch.Worker)       # the reading half only: no process
    worker.conn, worker.pending = parent, bytearray()
    try:
        for record in (RECORD, FAILED, ESCAPED):
            batch.send_outcome(child, record)
        calls = Calls(monkeypatch, os, ["read"])
        messages = worker.arrived()
        assert calls.counts["read"] == 1
        assert [batch.read_outcome(m) for m in messages] == [batch.outcome_of(r) for r in (RECORD, FAILED, ESCAPED)]
        message = batch.outcome_message(RECORD)
        framed = len(message).to_bytes(batch.FRAME_HEADER, "big") + message
        os.write(child.fileno(), framed[:7])
        assert worker.arrived() == []
        os.write(child.fileno(), framed[7:])
        assert worker.arrived() == [message]
        child.close()
        with pytest.raises(EOFError):
            worker.arrived()
    finally:
        parent.close()


def test_the_message_is_a_plain_tuple():
    """No class to look up when the parent unpickles it (pickle's opcodes name no global)."""
    assert b"Outcome" not in batch.outcome_message(RECORD)
    assert isinstance(pickle.loads(batch.outcome_message(RECORD)), tuple)


# --- calls per input ------------------------------------------------------------------------------

def test_the_parent_spends_few_calls_per_record(out):
    """Unpickle, index line, summary: 13 calls measured for an ok record (was 18: a record
    unpickled, then serialized by json.dumps and written through a text file)."""
    index = batch.IndexWriter(out, batch.Previous())
    summary = batch.Summary()
    message = batch.outcome_message(RECORD)

    def take() -> None:
        outcome = batch.read_outcome(message)
        index.add(outcome)
        summary.add(outcome)
    take()
    try:
        assert operations(take) <= 16
    finally:
        index.close(interrupted=False)
    assert summary.ok == 2 and (out / batch.INDEX).read_bytes() == 2 * batch.outcome_of(RECORD).line


def seed_task(tmp_path, out) -> tuple[batch.OutDir, batch.Job, batch.Task]:
    """A worker's OutDir and Job over `out`, and the task of the seed in a subfolder of the input."""
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "sub" / "seed.txt").write_bytes(SEED)
    return batch.OutDir(out), batch.Job(out), batch.Task(str(src / "sub" / "seed.txt"), "sub/seed.txt.json")


def test_a_worker_spends_few_calls_per_input_beyond_the_parse(tmp_path, out):
    """convert_one beyond the parse 194 calls on the seed (was 268), and the message with the
    finished lines 16."""
    outdir, job, task = seed_task(tmp_path, out)
    try:
        record = batch.convert_one(task, job, outdir)       # warm: folders exist
        assert record["status"] == "ok"
        beyond = operations(lambda: batch.convert_one(task, job, outdir)) - operations(lambda: parse_bytes(SEED, task.path))
    finally:
        outdir.close()
    assert beyond <= 235
    assert operations(lambda: batch.outcome_message(record)) <= 20


# --- the parent's wake-ups ------------------------------------------------------------------------

def test_a_busy_parent_naps_for_a_few_records_and_an_idle_one_waits(monkeypatch):
    """Woken by every record, the parent preempted its worker each time (about 1.5 context
    switches per input were measured; 0.3 with the nap)."""
    clock = iter([10.0, 10.004, 10.012, 10.5, 11.0, 12.0, 12.001])
    monkeypatch.setattr(batch.time, "monotonic", lambda: next(clock))
    pacer = batch.Pacer()
    assert pacer.nap() == 0                             # the start: wait at once
    pacer.arrived(1)                                    # 10.0: the first record; no rate yet
    assert pacer.nap() == 0
    pacer.arrived(2)                                    # 10.004: 2 ms a record
    assert pacer.nap() == pytest.approx(batch.GATHER_RECORDS * 0.002)
    pacer.arrived(4)                                    # 10.012: still 2 ms a record
    assert pacer.nap() == pytest.approx(batch.GATHER_RECORDS * 0.002)
    pacer.arrived(1)                                    # 10.5: a slow input
    assert pacer.nap() == batch.MAX_NAP_SECONDS
    pacer.arrived(0)                                    # 11.0: nothing came (a death, a timeout)
    assert pacer.nap() == 0
    pacer.arrived(3)                                    # 12.0: records again, the rate is measured anew
    assert pacer.nap() == 0
    assert batch.GATHER_RECORDS <= batch.REFILL         # a worker holds more than a nap lets finish


def test_write_all_writes_everything_in_one_call_or_in_pieces(monkeypatch, tmp_path):
    """Index lines, documents and record frames go through write_all: one os.write when it
    takes all, the rest written when it took less."""
    from pipeline import serialize
    data = "색인 줄 하나\n".encode() * 5
    calls = Calls(monkeypatch, os, ["write"])
    fd = os.open(tmp_path / "whole", os.O_WRONLY | os.O_CREAT)
    try:
        serialize.write_all(fd, data)
    finally:
        os.close(fd)
    assert calls.counts["write"] == 1 and (tmp_path / "whole").read_bytes() == data
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, chunk: real_write(fd, bytes(chunk[:7])))
    fd = os.open(tmp_path / "pieces", os.O_WRONLY | os.O_CREAT)
    try:
        serialize.write_all(fd, data)
    finally:
        os.close(fd)
    assert (tmp_path / "pieces").read_bytes() == data
