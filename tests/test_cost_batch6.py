"""Issue 14, helper "batch6": what the batch costs per input beyond the parse, counted (system
calls, function calls), never timed, and each shortcut against the rule it stands for:
- an input is read in one read when that read returns less than it asked for (was: a second
  read that returned b"");
- the folder of the last output stays open (was: an open and a close of it per output);
- an ok record's index line is filled into a template by orjson (was: json's encoder), with
  the same bytes as json_line_bytes."""
from __future__ import annotations

import json
import os
import sys

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import pipeline.batch as batch
from pipeline import parse_bytes
from pipeline.serialize import OK_LINE_KEYS, index_line_bytes, json_line_bytes, ok_line

from .complexity import operations
from .conftest import SAMPLES
from .test_cost_fastbatch3 import Calls, out, seed_task  # noqa: F401 (out: the output folder fixture)

PACKAGE = os.path.dirname(batch.__file__)
SEED = (SAMPLES / "apec-2004-sme-forum.txt").read_bytes()
OK = {"path": "in/a.txt", "target": "a.txt.json", "sha256": "ab" * 32, "status": "ok", "output": "a.txt.json",
      "title": "「제목」 \"따옴표\" \\ 백슬래시", "ms": 3, "pipeline_version": "1.0.0"}


class Counted(Calls):
    """Counts calls of some functions of `os` made by the pipeline's own code (not by a test
    runner's thread or a finalizer meanwhile), still calling them."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch, names: list[str]) -> None:
        super().__init__(monkeypatch, os, names)

    def counting(self, name, real):
        def call(*args, **kwargs):
            if PACKAGE in sys._getframe(1).f_code.co_filename:
                self.counts[name] += 1
            return real(*args, **kwargs)
        return call


# --- the index line -----------------------------------------------------------------------------

def test_orjson_writes_every_code_point_as_json_does():
    """What OK_LINE rests on: every character but a lone surrogate, alone and all together."""
    chars = [chr(cp) for cp in range(0x110000) if not 0xD800 <= cp <= 0xDFFF]
    assert [c for c in chars if orjson.dumps(c) != json.dumps(c, ensure_ascii=False).encode()] == []
    whole = "".join(chars)
    assert orjson.dumps(whole) == json.dumps(whole, ensure_ascii=False).encode()


TEXT = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x10FFFF), max_size=40)   # surrogates too


@settings(max_examples=300)
@given(path=TEXT, target=TEXT, title=st.none() | TEXT, ms=st.integers(0, 10**6), version=TEXT)
def test_an_ok_line_is_json_line_bytes(path, target, title, ms, version):
    record = {"path": path, "target": target, "sha256": "0f" * 32, "status": "ok", "output": target,
              "title": title, "ms": ms, "pipeline_version": version}
    assert index_line_bytes(record) == json_line_bytes(record)


@pytest.mark.parametrize("change", [
    {"status": "error"}, {"ms": 1.5}, {"ms": True}, {"title": ["a"]}, {"title": 3}, {"path": "a\udcff"},
    {"non_release": True}, {"code": "x"},
], ids=str)
def test_any_other_record_is_written_by_json(change):
    """Another shape, status or type of value, or a lone surrogate: json_line_bytes's line."""
    record = {**OK, **change}
    assert ok_line(record) is None
    assert index_line_bytes(record) == json_line_bytes(record)


def test_a_worker_writes_its_ok_lines_through_the_template(tmp_path, out):
    src = tmp_path / "in"
    src.mkdir()
    (src / "seed.txt").write_bytes(SEED)
    outdir, job = batch.OutDir(out), batch.Job(out)
    try:
        record = batch.convert_one(batch.Task(str(src / "seed.txt"), "seed.txt.json"), job, outdir)
    finally:
        outdir.close()
    assert tuple(record) == OK_LINE_KEYS and ok_line(record) is not None
    assert batch.outcome_of(record).line == json_line_bytes(record)


# --- reading an input ---------------------------------------------------------------------------

@pytest.mark.parametrize("size", [0, 1, 4096, 70_000])
def test_a_regular_file_is_read_in_one_read(monkeypatch, tmp_path, size):
    data = bytes(i % 251 for i in range(size))
    (tmp_path / "f").write_bytes(data)
    calls = Counted(monkeypatch, ["read"])
    assert batch.read_input(batch.Task(str(tmp_path / "f"), "f.json"), 10**6) == data
    assert calls.counts == {"read": 1}


def test_a_file_that_grew_since_fstat_is_still_read_whole(tmp_path):
    """Asked for one byte more than fstat said: a full read goes on reading (the rule before)."""
    data = b"x" * 5000
    (tmp_path / "f").write_bytes(data)
    fd = os.open(tmp_path / "f", os.O_RDONLY)
    try:
        assert batch.read_upto(fd, 10**6, 100) == data          # fstat said 99
    finally:
        os.close(fd)


# --- writing an output --------------------------------------------------------------------------

def test_outputs_in_one_folder_open_it_once(monkeypatch, out):
    outdir = batch.OutDir(out)
    calls = Counted(monkeypatch, ["open", "close", "mkdir"])
    try:
        for folder in ("a", "a/b", "c"):
            for i in range(5):
                outdir.write(f"{folder}/doc{i}.json", b"{}\n")
    finally:
        outdir.close()
    # per output its temporary file; per folder a walk down to it, a new level being a failed
    # open, a mkdir and an open (a: 2, a/b: 1 + 2, c: 2)
    assert calls.counts["open"] == 15 + 7 and calls.counts["mkdir"] == 3
    # the temporary files, the folders' fds (a's twice: walked and kept), c, OUT and .partial
    assert calls.counts["close"] == 15 + 3 + 1 + 2
    for folder in ("a", "a/b", "c"):
        assert sorted(p.name for p in (out / folder).glob("doc*")) == [f"doc{i}.json" for i in range(5)]


def test_a_kept_folder_removed_meanwhile_is_made_anew(out):
    outdir = batch.OutDir(out)
    try:
        outdir.write("a/doc0.json", b"{}\n")
        (out / "a" / "doc0.json").unlink()
        (out / "a").rmdir()
        outdir.write("a/doc1.json", b"[]\n")
    finally:
        outdir.close()
    assert (out / "a" / "doc1.json").read_bytes() == b"[]\n"
    assert not list((out / batch.PARTIAL_DIR).iterdir())


def test_a_link_put_in_place_of_a_kept_folder_is_not_written_through(out, tmp_path):
    """The kept fd is the folder opened without following a link: an output goes where that
    folder is now, never into what a link made meanwhile points at."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    outdir = batch.OutDir(out)
    try:
        outdir.write("a/doc0.json", b"{}\n")
        (out / "a").rename(out / "moved")
        (out / "a").symlink_to(elsewhere)
        outdir.write("a/doc1.json", b"[]\n")
    finally:
        outdir.close()
    assert not list(elsewhere.iterdir())
    assert (out / "moved" / "doc1.json").read_bytes() == b"[]\n"


def test_an_input_costs_nine_system_calls(monkeypatch, tmp_path, out):
    """Read: open, fstat, read, close; write: stat of the name, open, write, close, rename (was
    12: a second read, and an open and a close of the output's folder). A worker adds three per
    input (the pipe's write, a poll, getrusage): 15 -> 12 under strace."""
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    for name in ("a.txt", "b.txt"):
        (src / "sub" / name).write_bytes(SEED)
    outdir, job = batch.OutDir(out), batch.Job(out)
    try:
        batch.convert_one(batch.Task(str(src / "sub" / "a.txt"), "sub/a.txt.json"), job, outdir)
        names = ["open", "fstat", "read", "close", "stat", "write", "replace", "mkdir", "unlink", "lstat"]
        calls = Counted(monkeypatch, names)
        record = batch.convert_one(batch.Task(str(src / "sub" / "b.txt"), "sub/b.txt.json"), job, outdir)
        made = {k: v for k, v in calls.counts.items() if v}
    finally:
        outdir.close()
    assert record["status"] == "ok"
    assert made == {"open": 2, "fstat": 1, "read": 1, "close": 2, "stat": 1, "write": 1, "replace": 1}


def test_a_worker_spends_fewer_calls_per_input_beyond_the_parse(tmp_path, out):
    """convert_one and its message (with the finished lines) beyond the parse: 207 calls on the
    seed. The template line makes about as many calls as json's encoder did; what it saves is
    inside them (callgrind: the message 48k -> 27k instructions a korea.kr record)."""
    outdir, job, task = seed_task(tmp_path, out)
    try:
        batch.convert_one(task, job, outdir)                   # warm: folders exist
        beyond = (operations(lambda: batch.outcome_message(batch.convert_one(task, job, outdir)))
                  - operations(lambda: parse_bytes(SEED, task.path)))
    finally:
        outdir.close()
    assert beyond <= BEYOND_BOUND


BEYOND_BOUND = 230


def test_a_file_system_that_reads_short_before_the_end_loses_no_byte(tmp_path, monkeypatch) -> None:
    """Some file systems (FUSE, network mounts) return less than asked before a file's end: only
    a read that brought all of fstat's size ends the loop early."""
    path = tmp_path / "a.txt"
    path.write_bytes(b"0123456789")
    real_read = os.read
    monkeypatch.setattr(batch.os, "read", lambda fd, n: real_read(fd, min(n, 4)))
    fd = os.open(path, os.O_RDONLY)
    try:
        assert batch.read_upto(fd, 100, 11) == b"0123456789"
    finally:
        os.close(fd)
