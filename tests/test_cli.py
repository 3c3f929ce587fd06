"""`python -m pipeline batch|validate` as a user runs it: exit codes, messages, files."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.check import gate_problems

from .conftest import sample_cases

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SEED = SAMPLES / "apec-2004-sme-forum.txt"


def cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=ROOT, input=stdin,
                          capture_output=True, timeout=120)


def test_batch_samples_then_validate(tmp_path):
    out = tmp_path / "out"
    done = cli("batch", str(SAMPLES), "-o", str(out), "--jobs", "2")
    assert done.returncode == 0, done.stderr
    summary = done.stderr.decode().splitlines()[-1]
    n = len(sample_cases())
    assert summary.startswith(f"ok {n}, errors 0, skipped 1") and "docs/s" in summary   # skipped: MANIFEST.tsv
    assert "Traceback" not in done.stderr.decode()
    checked = cli("validate", str(out))
    assert checked.returncode == 0 and f"{n} documents checked, 0 invalid".encode() in checked.stderr


def test_batch_exit_status_says_some_inputs_failed(tmp_path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in/empty.txt").write_bytes(b"")
    (tmp_path / "in/seed.txt").write_bytes(SEED.read_bytes())
    done = cli("batch", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--no-progress")
    assert done.returncode == 1
    assert b"errors 1 (empty_input 1)" in done.stderr
    assert done.stderr.decode().count("\n") == 1      # --no-progress: the summary only


@pytest.mark.parametrize("args", [
    ["batch", "no/such/dir", "-o", "x"],
    ["batch", "samples"],
    ["batch", "samples", "-o", "x", "--jobs", "-1"],
    ["validate", "no/such/file.json"],
])
def test_usage_errors_exit_2(args):
    done = cli(*args)
    assert done.returncode == 2 and b"Traceback" not in done.stderr


def test_unwritable_output_is_a_message_not_a_traceback(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    done = cli("batch", str(SEED), "-o", str(blocker / "out"))
    assert done.returncode == 2
    assert done.stderr.decode().startswith(f"error: cannot write to {blocker / 'out'}")


def test_validate_names_every_broken_path(tmp_path):
    record = json.loads(cli("parse", str(SEED)).stdout)
    record["release"]["title"] = ""
    record["sections"][0]["level"] = 0
    record["source"]["sha256"] = "not-a-hash"
    del record["figures"]
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "index.jsonl").write_text("{not json\n")
    done = cli("validate", str(tmp_path))
    lines = done.stdout.decode().splitlines()
    assert done.returncode == 1
    assert sorted({line.split(": ")[1] for line in lines}) == ["/", "/release/title", "/sections/0/level",
                                                               "/source/sha256"]
    assert all(line.startswith(f"{broken}: ") for line in lines)
    assert 'figures" is a required property' in lines[0]


def test_validate_reads_stdin_and_reports_bad_json(tmp_path):
    good = cli("parse", str(SEED)).stdout
    assert cli("validate", "-", stdin=good).returncode == 0
    done = cli("validate", "-", stdin=b'{"schema_version": ')
    assert done.returncode == 1 and done.stdout.startswith(b"<stdin>: /: not JSON: line 1")


def test_validate_raw_parses_and_applies_quality_gates(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    done = cli("validate", "--raw", str(empty), str(SEED))
    out = done.stdout.decode()
    assert done.returncode == 1
    assert f"{empty}: /: cannot parse [empty_input]" in out
    assert "2 releases checked" in done.stderr.decode()


def test_quality_gates():
    record = {"release": {"title": "포럼 개최", "kind": "보도자료"}, "contacts": [],
              "diagnostics": {"warnings": [], "repairs": []}}
    assert [p.pointer for p in gate_problems("f", record)] == ["/contacts"]
    record["diagnostics"]["warnings"].append({"code": "no_contact", "message": "없음", "span": None})
    assert gate_problems("f", record) == []
    record["release"] = {"title": None, "kind": None}
    assert [p.pointer for p in gate_problems("f", record)] == ["/release/title", "/release/kind"]
    record["diagnostics"]["warnings"].append({"code": "no_kind_label", "message": "그림", "span": None})
    assert [p.pointer for p in gate_problems("f", record)] == ["/release/title"]


def test_ctrl_c_leaves_a_consistent_output(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    data = SEED.read_bytes()
    for i in range(300):
        (src / f"{i:03}.txt").write_bytes(data + str(i).encode())
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "batch", str(src), "-o", str(out),
                             "--jobs", "2", "--no-progress"], cwd=ROOT, stderr=subprocess.PIPE)
    partial = out / "index.jsonl.partial"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (partial.exists() and partial.stat().st_size):
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the batch finished before the signal arrived")
    assert proc.returncode == 130 and b"interrupted: ok" in err and b"Traceback" not in err
    index = [json.loads(line) for line in (out / "index.jsonl").read_text().splitlines()]
    assert 0 < len(index) < 300
    written = sorted(p.name for p in out.glob("*.json"))
    assert all(p.stat().st_size > 0 and json.loads(p.read_text()) for p in out.glob("*.json"))
    assert {line["output"] for line in index} <= set(written)
    assert not [p for p in out.iterdir() if p.name.startswith(".") or p.name.endswith(".partial")]
    resumed = cli("batch", str(src), "-o", str(out), "--jobs", "2", "--no-progress")
    assert resumed.returncode == 0 and f"skipped {len(index)}".encode() in resumed.stderr
    assert len((out / "index.jsonl").read_text().splitlines()) == 300
    assert os.listdir(out).count("index.jsonl") == 1


def test_size_limit_option(tmp_path):
    out = tmp_path / "out"
    done = cli("batch", str(SEED), "-o", str(out), "--max-bytes", "1000", "--no-progress")
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert done.returncode == 1 and errors[0]["code"] == "too_large"
    assert "over the limit of 1000" in errors[0]["message"]


# Modules `parse` of one release has no use for; importing them was a tenth of its start-up.
NOT_FOR_PARSE = ("pipeline.batch", "pipeline.review", "multiprocessing", "importlib.metadata", "orjson")


def test_parse_imports_only_what_it_uses():
    probe = ("import sys, io, contextlib\n"
             "from pipeline.__main__ import main\n"
             "with contextlib.redirect_stdout(io.StringIO()):\n"
             f"    assert main(['parse', {str(SEED)!r}]) == 0\n"
             f"print(' '.join(m for m in {NOT_FOR_PARSE!r} if m in sys.modules))\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.decode().split() == []


def test_the_fast_exit_keeps_the_status_the_atexit_handlers_and_the_buffered_output():
    probe = ("import atexit, sys\n"
             "from pipeline.__main__ import exit_now\n"
             "atexit.register(lambda: print('handler ran'))\n"
             "sys.stdout.write('x' * 100_000)\n"
             "exit_now(3)\n")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, timeout=120)
    assert done.returncode == 3, done.stderr
    assert done.stdout == b"x" * 100_000 + b"handler ran\n"


def test_the_fast_exit_with_stdout_closed_is_a_clean_exit():
    probe = "from pipeline.__main__ import exit_now\nimport sys\nassert sys.stdout is None\nexit_now(0)\n"
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          preexec_fn=lambda: os.close(1), timeout=120)
    assert done.returncode == 0 and done.stderr == b"", done.stderr
