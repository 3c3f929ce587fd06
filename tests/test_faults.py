"""Fault injection: the batch promises held when processes die, signals arrive, the disk fills,
two runs meet, and the file system is odd. Each case runs `python -m pipeline batch` in a
subprocess on small inputs and checks the promise: every input has exactly one record, no
partial file is left, the exit status is the documented one, no traceback reaches stderr.

Slow inputs are made deterministic with the test-only PIPELINE_TEST_HOOK (see
pipeline/batch.py): a worker sleeps, naps, spins or hogs memory on one named file. Waits are
generous bounds for detecting a hang, never speed assertions.
"""
from __future__ import annotations

import json
import os
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from pipeline.batch import TEST_HOOK_ENV
from pipeline.errors import bytes_of_printable

ROOT = Path(__file__).resolve().parent.parent
SEED = (ROOT / "samples" / "apec-2004-sme-forum.txt").read_bytes()
SHORT = ("보도자료\n\n보도일시: 2024. 3. 5.(화) 12:00\n\n제 목 : 중소기업 정보화 포럼 개최\n\n"
         "□ 산업부는 중소기업 정보화 포럼을 {n}월 15일 서울에서 연다고 밝혔다.\n\n"
         "담당부서: 정보화팀 홍길동 사무관 (02-2100-1234)\n")
HANG = 120          # seconds: only ever reached when something hangs

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="signals and /proc as on Linux")

OK, FAILED, USAGE, INTERRUPTED = 0, 1, 2, 130


# --- helpers -----------------------------------------------------------------------------------

def make_inputs(folder: Path, names: list[str]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for i, name in enumerate(names):
        (folder / name).write_bytes(SHORT.format(n=i % 12 + 1).encode("utf-8"))
    return names


def start(*args: str, hook: str | None = None, preexec=None) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop(TEST_HOOK_ENV, None)
    if hook:
        env[TEST_HOOK_ENV] = hook
    return subprocess.Popen([sys.executable, "-m", "pipeline", "batch", *args, "--no-progress"], cwd=ROOT,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=preexec)


def run(*args: str, **kw) -> tuple[int, str]:
    proc = start(*args, **kw)
    _, err = proc.communicate(timeout=HANG)
    return proc.returncode, err.decode("utf-8", "replace")


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_bytes().decode("utf-8").splitlines()]


def wait_for(condition, what: str) -> None:
    deadline = time.monotonic() + HANG
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def count_lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


def children(pid: int) -> list[int]:
    """Live processes whose parent is `pid`."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        state, ppid = stat[stat.rfind(")") + 2:].split()[:2]
        if int(ppid) == pid and state != "Z":
            found.append(int(entry.name))
    return found


def alive(pid: int) -> bool:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat[stat.rfind(")") + 2] != "Z"


def assert_whole(out: Path, names: list[str], statuses: set[str] | None = None) -> dict[str, dict]:
    """Exactly one index line per input, every ok line's JSON complete, no temporary files."""
    index = lines(out / "index.jsonl")
    by_name = {Path(line["path"]).name: line for line in index}
    assert sorted(Path(line["path"]).name for line in index) == sorted(names)
    for line in index:
        if line["status"] == "ok":
            assert json.loads((out / line["output"]).read_bytes())["source"]["sha256"] == line["sha256"]
    assert leftovers(out) == []
    if statuses is not None:
        assert {line["status"] for line in index} <= statuses
    return by_name


def leftovers(out: Path) -> list[str]:
    return [p.name for p in out.rglob("*") if p.name.startswith(".") or p.name.endswith((".tmp", ".partial"))]


def no_traceback(err: str) -> None:
    assert "Traceback" not in err and "KeyboardInterrupt" not in err, err


# --- processes and signals ------------------------------------------------------------------------

def test_killing_a_worker_costs_only_its_input(tmp_path):
    names = make_inputs(tmp_path / "in", [f"{i:02}.txt" for i in range(12)])
    out = tmp_path / "out"
    proc = start(str(tmp_path / "in"), "-o", str(out), "--jobs", "1", hook="sleep:05.txt")
    wait_for(lambda: count_lines(out / "index.jsonl.partial") == 5, "the inputs before the slow one")
    (worker,) = children(proc.pid)
    os.kill(worker, signal.SIGKILL)
    _, err = proc.communicate(timeout=HANG)
    assert proc.returncode == FAILED
    no_traceback(err.decode())
    index = assert_whole(out, names)
    assert index["05.txt"]["code"] == "worker_crashed" and "signal 9" in index["05.txt"]["message"]
    assert [n for n, line in index.items() if line["status"] != "ok"] == ["05.txt"]


def test_sigterm_of_a_worker_costs_only_its_input(tmp_path):
    names = make_inputs(tmp_path / "in", [f"{i:02}.txt" for i in range(12)])
    out = tmp_path / "out"
    proc = start(str(tmp_path / "in"), "-o", str(out), "--jobs", "2", hook="sleep:11.txt")
    wait_for(lambda: count_lines(out / "index.jsonl.partial") == 11, "the inputs before the slow one")
    for pid in children(proc.pid):      # the idle one is replaced; only the slow input is lost
        os.kill(pid, signal.SIGTERM)
    _, err = proc.communicate(timeout=HANG)
    assert proc.returncode == FAILED
    no_traceback(err.decode())
    index = assert_whole(out, names)
    assert index["11.txt"]["code"] == "worker_crashed" and "signal 15" in index["11.txt"]["message"]
    assert sum(line["status"] == "ok" for line in index.values()) == 11


def test_kill_9_of_the_parent_takes_the_workers_with_it(tmp_path):
    names = make_inputs(tmp_path / "in", [f"{i:02}.txt" for i in range(12)])
    out = tmp_path / "out"
    proc = start(str(tmp_path / "in"), "-o", str(out), "--jobs", "2", hook="sleep:03.txt")
    wait_for(lambda: len(children(proc.pid)) == 2 and count_lines(out / "index.jsonl.partial") >= 3,
             "two workers and some work done")
    workers = children(proc.pid)
    proc.kill()
    proc.communicate(timeout=HANG)
    wait_for(lambda: not any(alive(pid) for pid in workers), "the orphaned workers to exit")
    assert not any(p.name.endswith(".tmp") for p in out.rglob("*"))
    status, err = run(str(tmp_path / "in"), "-o", str(out), "--jobs", "2")
    assert status == OK, err
    assert_whole(out, names, {"ok", "skipped"})


def test_two_ctrl_c_with_a_slow_input_stop_at_once(tmp_path):
    names = make_inputs(tmp_path / "in", [f"{i:02}.txt" for i in range(12)])
    out = tmp_path / "out"
    proc = start(str(tmp_path / "in"), "-o", str(out), "--jobs", "2", hook="sleep:11.txt")
    wait_for(lambda: count_lines(out / "index.jsonl.partial") == 11, "the inputs before the slow one")
    workers = children(proc.pid)
    proc.send_signal(signal.SIGINT)
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=HANG)
    assert proc.returncode == INTERRUPTED
    no_traceback(err.decode())
    assert "interrupted: ok 11" in err.decode()
    assert not any(alive(pid) for pid in workers)
    index = lines(out / "index.jsonl")
    assert len(index) == 11 and "11.txt" not in {Path(line["path"]).name for line in index}
    assert leftovers(out) == []
    status, _ = run(str(tmp_path / "in"), "-o", str(out))
    assert status == OK
    assert_whole(out, names)


def test_one_ctrl_c_records_everything_finished(tmp_path):
    """Inputs finished out of order (behind a slow one) are in the index too."""
    names = make_inputs(tmp_path / "in", [f"{i:02}.txt" for i in range(40)])
    out = tmp_path / "out"
    proc = start(str(tmp_path / "in"), "-o", str(out), "--jobs", "2", hook="nap:00.txt")
    wait_for(lambda: len(list(out.glob("*.json"))) >= 10 or proc.poll() is not None, "some documents")
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=HANG)
    if proc.returncode == OK:
        pytest.skip("the batch finished before the signal arrived")
    assert proc.returncode == INTERRUPTED
    no_traceback(err.decode())
    index = lines(out / "index.jsonl")
    assert {line["output"] for line in index} == {p.name for p in out.glob("*.json")}
    assert len(index) >= 10 and leftovers(out) == []
    assert run(str(tmp_path / "in"), "-o", str(out))[0] == OK
    assert_whole(out, names)


def test_a_second_run_into_the_same_output_is_refused(tmp_path):
    names = make_inputs(tmp_path / "in", [f"{i:02}.txt" for i in range(4)])
    out = tmp_path / "out"
    first = start(str(tmp_path / "in"), "-o", str(out), "--jobs", "1", hook="sleep:03.txt")
    wait_for(lambda: count_lines(out / "index.jsonl.partial") == 3, "the first run to get going")
    status, err = run(str(tmp_path / "in"), "-o", str(out))
    assert status == USAGE and "in use by another batch run" in err
    first.send_signal(signal.SIGINT)
    time.sleep(0.5)                  # two signals sent at once arrive as one
    first.send_signal(signal.SIGINT)
    first.communicate(timeout=HANG)
    assert run(str(tmp_path / "in"), "-o", str(out))[0] == OK
    assert_whole(out, names)


@pytest.mark.parametrize("hook, option, reason", [
    ("spin:02.txt", ("--timeout", "1"), "CPU time"),
    ("hog:02.txt", ("--memory", "400"), "memory"),
])
def test_a_runaway_input_is_too_costly_and_the_rest_go_on(tmp_path, hook, option, reason):
    names = make_inputs(tmp_path / "in", [f"{i:02}.txt" for i in range(6)])
    out = tmp_path / "out"
    status, err = run(str(tmp_path / "in"), "-o", str(out), "--jobs", "2", *option, hook=hook)
    assert status == FAILED
    no_traceback(err)
    index = assert_whole(out, names)
    assert index["02.txt"]["code"] == "too_costly" and reason in index["02.txt"]["message"]
    assert sum(line["status"] == "ok" for line in index.values()) == 5


# --- the output folder ------------------------------------------------------------------------------

def file_size_limit(limit: int):
    def apply() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


def test_a_full_disk_gives_every_input_a_record(tmp_path):
    """RLIMIT_FSIZE stands in for a full disk (no tmpfs to fill here): documents over 16 KB
    cannot be written, the small index can."""
    src = tmp_path / "in"
    names = make_inputs(src, [f"{i:02}.txt" for i in range(6)])
    for i in range(20):
        (src / f"seed{i:02}.txt").write_bytes(SEED + str(i).encode())
        names.append(f"seed{i:02}.txt")
    out = tmp_path / "out"
    status, err = run(str(src), "-o", str(out), "--jobs", "2", preexec=file_size_limit(16 * 1024))
    assert status == FAILED and "write_failed 20" in err
    index = assert_whole(out, names)
    assert all(index[f"seed{i:02}.txt"]["code"] == "write_failed" for i in range(20))
    assert len(lines(out / "errors.jsonl")) == 20


def test_a_disk_too_full_for_the_index_keeps_the_last_complete_one(tmp_path):
    src = tmp_path / "in"
    names = make_inputs(src, [f"{i:02}.txt" for i in range(30)])
    out = tmp_path / "out"
    assert run(str(src), "-o", str(out))[0] == OK
    before = (out / "index.jsonl").read_bytes()
    status, err = run(str(src), "-o", str(out), "--force", preexec=file_size_limit(2 * 1024))
    assert status == FAILED and "the index could not be written" in err
    no_traceback(err)
    assert (out / "index.jsonl").read_bytes() == before
    assert run(str(src), "-o", str(out))[0] == OK
    assert_whole(out, names)


def test_a_linked_scratch_folder_is_refused_not_emptied(tmp_path):
    make_inputs(tmp_path / "in", ["a.txt"])
    victim = tmp_path / "victim"
    victim.mkdir()
    (victim / ".precious.tmp").write_text("keep me")
    out = tmp_path / "out"
    out.mkdir()
    (out / ".partial").symlink_to(victim)
    status, err = run(str(tmp_path / "in"), "-o", str(out))
    assert status == USAGE and "symbolic link" in err
    assert (victim / ".precious.tmp").read_text() == "keep me"


def test_links_inside_the_output_are_never_written_through(tmp_path):
    src = tmp_path / "in"
    names = make_inputs(src / "sub", ["a.txt"]) + make_inputs(src, ["b.txt"])
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret").write_text("keep me")
    out = tmp_path / "out"
    out.mkdir()
    (out / "sub").symlink_to(outside)
    (out / "b.txt.json").symlink_to(outside / "secret")
    status, err = run(str(src), "-o", str(out))
    assert status == FAILED
    index = {Path(line["path"]).name: line for line in lines(out / "index.jsonl")}
    assert sorted(index) == sorted(names)
    assert {line["code"] for line in index.values()} == {"write_failed"}
    assert sorted(p.name for p in outside.iterdir()) == ["secret"]
    assert (outside / "secret").read_text() == "keep me"


# --- walking the inputs -------------------------------------------------------------------------------

def test_links_loops_fifos_and_long_paths_are_records(tmp_path):
    src = tmp_path / "in"
    make_inputs(src / "d", ["a.txt"])
    (src / "d" / "loop").symlink_to("..")
    (src / "dangling.txt").symlink_to(tmp_path / "nowhere")
    secret = tmp_path / "secret.txt"
    secret.write_bytes(SHORT.format(n=1).encode())
    (src / "linked.txt").symlink_to(secret)
    os.mkfifo(src / "pipe.txt")
    deep = os.open(src, os.O_RDONLY)
    for _ in range(20):                          # a path longer than PATH_MAX
        name = "x" * 250
        os.mkdir(name, dir_fd=deep)
        nxt = os.open(name, os.O_RDONLY, dir_fd=deep)
        os.close(deep)
        deep = nxt
    os.close(deep)
    out = tmp_path / "out"

    status, err = run(str(src), "-o", str(out))
    assert status == FAILED
    no_traceback(err)
    index = {line["target"]: line for line in lines(out / "index.jsonl")}
    assert index["d/a.txt.json"]["status"] == "ok"
    assert "not followed" in index["linked.txt"]["message"] and not (out / "linked.txt.json").exists()
    assert "not followed" in index["d/loop"]["message"] and "not followed" in index["dangling.txt"]["message"]
    assert "not a regular file" in index["pipe.txt.json"]["message"]
    long = [line for target, line in index.items() if target.startswith("xxx")]
    assert len(long) == 1 and "too long" in long[0]["message"]
    assert all(line["code"] == "unreadable" for line in index.values() if line["status"] == "error")

    status, err = run(str(src), "-o", str(out), "--follow-symlinks")
    index = {line["target"]: line for line in lines(out / "index.jsonl")}
    assert index["linked.txt.json"]["status"] == "ok"
    assert index["d/loop/"]["message"] == "a symbolic link loop"
    assert index["dangling.txt"]["message"] == "a dangling symbolic link"


def test_an_index_is_never_replaced_by_a_poorer_one(tmp_path):
    src = tmp_path / "in"
    names = make_inputs(src, [f"{i:02}.txt" for i in range(5)])
    out = tmp_path / "out"
    assert run(str(src), "-o", str(out))[0] == OK
    os.mkfifo(src / "zz-pipe.txt")
    (src / "sub").symlink_to("sub")                 # a link to itself
    status, _ = run(str(src), "-o", str(out), "--follow-symlinks")
    index = lines(out / "index.jsonl")
    assert status == FAILED and len(index) == len(names) + 2
    assert sum(line["status"] == "skipped" for line in index) == len(names)


def test_odd_file_names_are_written_losslessly_and_validly(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    raw = [b"caf\xe9.txt", b"back\\slash\xff.txt", "한글.txt".encode()]
    for name in raw:
        with open(os.path.join(os.fsencode(src), name), "wb") as fh:
            fh.write(SHORT.format(n=3).encode())
    out = tmp_path / "out"
    status, err = run(str(src), "-o", str(out))
    assert status == OK, err
    index = lines(out / "index.jsonl")          # decodes as strict UTF-8
    shown = {line["path"]: line for line in index}
    assert len(index) == 3
    assert sorted(bytes_of_printable(Path(p).name) if line.get("path_escaped") else Path(p).name.encode()
                  for p, line in shown.items()) == sorted(raw)
    written = sorted(os.listdir(os.fsencode(out)))
    assert sorted(name + b".json" for name in raw) == [w for w in written if w.endswith(b".json")]
    for name in raw:
        document = json.loads((Path(os.fsdecode(os.fsencode(out) + b"/" + name + b".json"))).read_bytes())
        document["source"]["path"].encode("utf-8")
    parsed = subprocess.run([sys.executable, "-m", "pipeline", "parse", os.fsdecode(os.fsencode(src) + b"/" + raw[0])],
                            cwd=ROOT, capture_output=True, timeout=HANG)
    assert parsed.returncode == 0
    assert json.loads(parsed.stdout.decode("utf-8"))["source"]["path"].endswith("caf\\xe9.txt")
    check = subprocess.run([sys.executable, "-m", "pipeline", "validate", str(out)], cwd=ROOT,
                           capture_output=True, timeout=HANG)
    assert check.returncode == 0, check.stdout


def test_the_same_file_twice_is_read_once(tmp_path):
    src = tmp_path / "in"
    names = make_inputs(src / "sub", ["a.txt", "b.txt"]) + make_inputs(src, ["c.txt"])
    out = tmp_path / "out"
    status, err = run(str(src), str(src / "sub"), str(src / "c.txt"), str(src / "c.txt"), "-o", str(out))
    assert status == OK, err
    assert_whole(out, names)
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*.json")) == [
        "c.txt.json", "sub/a.txt.json", "sub/b.txt.json"]


def test_a_file_beside_a_folder_of_its_output_name_collides(tmp_path):
    src = tmp_path / "in"
    make_inputs(src, ["x"])
    make_inputs(src / "x.json", ["y.txt"])
    out = tmp_path / "out"
    status, _ = run(str(src), "-o", str(out))
    index = {line["target"]: line for line in lines(out / "index.jsonl")}
    assert status == FAILED and len(index) == 2
    assert sorted(line.get("code") or "" for line in index.values()) == ["", "output_collision"]


# --- values: what validate reads and what parse writes -------------------------------------------

from pipeline import Malformed, parse_text  # noqa: E402  (grouped with the cases that use them)
from pipeline.batch import BatchOptions, dump, dump_bytes, run_batch  # noqa: E402
from pipeline.check import check_json_bytes, max_document_bytes  # noqa: E402
from pipeline.stages.bullets import MAX_NODES  # noqa: E402
from pipeline.stages.figures import MAX_FIGURES  # noqa: E402
from pipeline.stages.normalize import MAX_LINES, MAX_REPAIRS  # noqa: E402

NOT_STRICT = {
    "NaN": b'{"a": NaN}',
    "Infinity": b'{"a": -Infinity}',
    "a duplicate key": b'{"a": 1, "a": 2}',
    "a lone surrogate in a value": b'{"a": ["\\ud800"]}',
    "a lone surrogate in a key": b'{"\\udfff": 1}',
}


@pytest.mark.parametrize("name", NOT_STRICT)
def test_validate_refuses_json_a_database_would_not_take(name):
    (problem,) = check_json_bytes("f.json", NOT_STRICT[name])
    assert problem.message.startswith("not strict JSON")
    str(problem).encode("utf-8")


@given(st.lists(st.sampled_from(["a", "é", "\\ud800", "\\uDFFF", "\\ud83d\\ude00", "\\u00e9", "\\\\", "\\\\ud800"]),
                max_size=6))
def test_the_surrogate_precheck_never_changes_a_verdict(pieces):
    """may_hold_surrogate only spares the walk of documents that cannot hold a surrogate:
    with or without it, strict_loads accepts and refuses the same texts."""
    import pipeline.check as check
    text = '{"k": ["' + "".join(pieces) + '"], "' + "".join(reversed(pieces)) + '": 1}'

    def verdict() -> str:
        try:
            check.strict_loads(text)
        except check.NotStrictJSON as exc:
            return str(exc)
        return "ok"
    with_check = verdict()
    real = check.may_hold_surrogate
    check.may_hold_surrogate = lambda text: True
    try:
        assert verdict() == with_check
    finally:
        check.may_hold_surrogate = real


def test_validate_does_not_echo_a_top_level_array():
    data = json.dumps(["보도자료 " * 1000]).encode()
    (problem,) = check_json_bytes("f.json", data)
    assert problem.message == "the document is a JSON array, not an object"


@pytest.mark.parametrize("data", [b"[" * 100_000 + b"]" * 100_000,
                                  b'{"a":' * 100_000 + b"1" + b"}" * 100_000,
                                  b'{"a": ' + b"7" * 5000 + b"}"])
def test_validate_reports_unreadable_json_as_malformed(data):
    (problem,) = check_json_bytes("f.json", data)
    assert problem.message.startswith("[malformed]") and len(problem.message) < 400


def test_a_json_record_nested_deeply_is_malformed_not_internal():
    with pytest.raises(Malformed):
        parse_text('{"title": "a", "content": "b", "x": ' + "[" * 100_000 + "]" * 100_000 + "}")


def test_a_number_of_thousands_of_digits_still_makes_json():
    record = parse_text("보도자료\n\n□ 예산은 " + "7" * 5000 + "원이다.\n---\n")
    assert json.loads(dump_bytes(record)) == json.loads(dump(record))
    assert any(f["value"] is None and len(f["text"]) > 4300 for f in record["figures"])
    front = parse_text('---\ntitle: "보도"\nviews: ' + "9" * 5000 + "\n---\n본문입니다.\n")
    assert check_json_bytes("f.json", dump_bytes(front)) == []


def test_orjson_writes_the_bytes_of_the_stdlib_serializer():
    for path in sorted((ROOT / "samples").iterdir()):
        try:
            record = parse_text(path.read_bytes().decode("utf-8", "replace"), str(path))
        except Exception:
            continue
        assert dump_bytes(record) == dump(record).encode("utf-8"), path
    for value in (1e-05, 1e-07, 0.5, 1e16, 2 ** 70):
        record = {"figures": [{"value": value, "value_max": None}]}
        assert dump_bytes(record) == dump(record).encode("utf-8")


def test_batch_writes_no_document_validate_would_refuse(tmp_path, monkeypatch):
    import pipeline.batch as batch
    assert max_document_bytes(1000) == 16 * 1000
    (tmp_path / "a.txt").write_bytes(SHORT.format(n=1).encode())
    monkeypatch.setattr(batch, "max_document_bytes", lambda max_bytes: 100)
    summary = run_batch(BatchOptions(inputs=[str(tmp_path / "a.txt")], out=tmp_path / "out", jobs=1,
                                     progress="off", timeout=0, memory_mb=0))
    (line,) = lines(tmp_path / "out" / "index.jsonl")
    assert summary.errors == 1 and line["code"] == "too_costly" and "more than validate reads" in line["message"]


# --- cost caps: what one document may produce ----------------------------------------------------

def count_nodes(nodes: list[dict]) -> int:
    stack, n = list(nodes), 0
    while stack:
        n += 1
        stack.extend(stack.pop()["children"])
    return n


def truncated(record: dict) -> list[str]:
    return [w["message"] for w in record["diagnostics"]["warnings"] if w["code"] == "truncated_output"]


@pytest.mark.parametrize("lines_in", [MAX_NODES + 100, 2 * MAX_NODES + 100])
def test_a_tree_stops_at_its_node_cap_and_stays_valid(lines_in):
    record = parse_text("보도자료\n\n" + "□ 항목\n" * lines_in)
    assert count_nodes(record["sections"]) == MAX_NODES and len(truncated(record)) == 1
    assert check_json_bytes("f.json", dump_bytes(record)) == []


def test_what_a_document_adds_to_its_text_is_bounded():
    """Past the caps, more lines add their text and nothing else: the document less its text
    does not grow with the input."""
    def extra(n: int) -> int:
        record = parse_text("보도자료\n\n" + "가\n" * n)
        return len(dump_bytes(record)) - len(record["text"].encode())
    assert extra(4 * MAX_NODES) <= 1.05 * extra(2 * MAX_NODES)


def test_figures_and_repairs_stop_at_their_caps():
    record = parse_text("보도자료\n\n□ " + "1억원, " * (MAX_FIGURES + 50) + "\n")
    assert len(record["figures"]) == MAX_FIGURES and truncated(record)
    record = parse_text("보도자료\n\n□ " + "수립?추진 " * (MAX_REPAIRS + 50) + "\n")
    assert len(record["diagnostics"]["repairs"]) == MAX_REPAIRS and truncated(record)
    assert record["text"].count("?") == 50


def test_lines_past_the_cap_stay_in_the_text_unread():
    record = parse_text("보도자료\n\n" + "가\n" * (MAX_LINES + 10))
    assert record["text"].count("\n") == MAX_LINES + 12          # the text is whole
    assert any(f"more than {MAX_LINES} lines" in w["message"] for w in record["diagnostics"]["warnings"])
    assert check_json_bytes("f.json", dump_bytes(record)) == []
