"""The batch engine: every input accounted for, atomic writes, resumable, deterministic."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

import pipeline.batch as batch
from pipeline.batch import BatchOptions, run_batch

ROOT = Path(__file__).resolve().parent.parent
# NBSP has no CP949 form; fold turns it into a space anyway.
SEED = (ROOT / "samples" / "apec-2004-sme-forum.txt").read_text(encoding="utf-8").replace("\xa0", " ")
SEED_HTML = (ROOT / "samples" / "apec-2004-sme-forum.html").read_bytes()
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(32))


def make_tree(root: Path) -> dict[str, bytes]:
    """Good and bad inputs, by path relative to `root`."""
    files = {
        "good/seed.txt": SEED.encode("utf-8"),
        "good/seed.cp949.txt": SEED.encode("cp949"),
        "good/pages/seed.html": SEED_HTML,
        "good/pages/deeper/short.txt": "보도자료\n\n제 목 : 포럼 개최\n\n□ 포럼을 7월 15일 연다.\n".encode("utf-8"),
        "bad/empty.txt": b"",
        "bad/blank.txt": b"  \n\t\n",
        "bad/image.txt": PNG,
        "bad/menu.html": "<html><body><ul><li>기관소개</li><li>알림마당</li></ul></body></html>".encode("utf-8"),
    }
    for rel, data in files.items():
        (root / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / rel).write_bytes(data)
    return files


def options(inputs: list[Path], out: Path, **kw) -> BatchOptions:
    return BatchOptions(inputs=[str(p) for p in inputs], out=out, progress="off", **kw)


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def json_outputs(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*.json"))}


def leftovers(out: Path) -> list[str]:
    """Anything that is not a finished output: temporary files, the scratch directory."""
    return [p.name for p in out.rglob("*") if p.name.startswith(".") or p.name.endswith((".tmp", ".partial"))]


@pytest.fixture()
def tree(tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    src = tmp_path / "in"
    return src, make_tree(src)


def test_every_input_is_accounted_for(tree, tmp_path):
    src, files = tree
    out = tmp_path / "out"
    summary = run_batch(options([src], out, jobs=2))
    index = read_lines(out / "index.jsonl")
    errors = read_lines(out / "errors.jsonl")
    assert [line["target"] for line in index] == sorted((rel + ".json" for rel in files), key=lambda r: r.split("/"))
    for line in index:
        if line["status"] == "ok":
            record = json.loads((out / line["output"]).read_text(encoding="utf-8"))
            assert record["source"]["sha256"] == line["sha256"]
        else:
            assert line["status"] == "error" and not (out / line["target"]).exists()
    assert {e["path"] for e in errors} == {line["path"] for line in index if line["status"] == "error"}
    codes = {Path(e["path"]).name: e["code"] for e in errors}
    assert codes["empty.txt"] == codes["blank.txt"] == "empty_input"
    assert codes["image.txt"] == "unsupported_format"
    assert {line["target"] for line in index if line["status"] == "ok"} >= {
        "good/seed.txt.json", "good/seed.cp949.txt.json", "good/pages/seed.html.json"}
    assert summary.ok + summary.errors == len(files) and summary.failed
    assert leftovers(out) == []


def test_cp949_and_utf8_inputs_give_the_same_text(tree, tmp_path):
    src, _ = tree
    out = tmp_path / "out"
    run_batch(options([src / "good"], out, jobs=1))
    utf8 = json.loads((out / "seed.txt.json").read_text(encoding="utf-8"))
    cp949 = json.loads((out / "seed.cp949.txt.json").read_text(encoding="utf-8"))
    assert cp949["source"]["encoding"] == "cp949" and cp949["text"] == utf8["text"]


def test_jobs_do_not_change_a_byte(tree, tmp_path):
    src, _ = tree
    one, two = tmp_path / "one", tmp_path / "two"
    run_batch(options([src], one, jobs=1))
    run_batch(options([src], two, jobs=2))
    assert json_outputs(one) == json_outputs(two)

    def stable(out: Path) -> list[dict]:
        return [{k: v for k, v in line.items() if k != "ms"} for line in read_lines(out / "index.jsonl")]
    assert stable(one) == stable(two)
    assert (one / "errors.jsonl").read_bytes() == (two / "errors.jsonl").read_bytes()


def test_second_run_skips_everything_and_force_redoes_it(tree, tmp_path):
    src, files = tree
    out = tmp_path / "out"
    first = run_batch(options([src], out, jobs=2))
    before = json_outputs(out)
    again = run_batch(options([src], out, jobs=2))
    assert (again.ok, again.errors, again.skipped) == (0, 0, len(files))
    assert again.failed == first.failed          # earlier failures still count
    index = read_lines(out / "index.jsonl")
    assert {line["status"] for line in index} == {"skipped"}
    assert len(read_lines(out / "errors.jsonl")) == first.errors
    assert json_outputs(out) == before
    forced = run_batch(options([src], out, jobs=2, force=True))
    assert forced.skipped == 0 and forced.ok == first.ok


def test_changed_input_or_pipeline_version_is_redone(tree, tmp_path, monkeypatch):
    src, files = tree
    out = tmp_path / "out"
    run_batch(options([src], out, jobs=1))
    (src / "good/seed.txt").write_text(SEED.replace("포럼", "회의", 1), encoding="utf-8")
    rerun = run_batch(options([src], out, jobs=1))
    assert rerun.ok == 1 and rerun.skipped == len(files) - 1
    monkeypatch.setattr(batch, "PIPELINE_VERSION", "999.0.0")
    assert run_batch(options([src], out, jobs=1)).skipped == 0


def test_deleted_output_is_written_again(tree, tmp_path):
    src, _ = tree
    out = tmp_path / "out"
    run_batch(options([src], out, jobs=1))
    (out / "good/seed.txt.json").unlink()
    rerun = run_batch(options([src], out, jobs=1))
    assert rerun.ok == 1 and (out / "good/seed.txt.json").is_file()


def failing_parse(real, bad_name: str, exc: BaseException):
    def parse(data, path, max_bytes):
        if Path(path).name == bad_name:
            raise exc
        return real(data, path, max_bytes)
    return parse


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_parse_that_raises_loses_nothing(tree, tmp_path, monkeypatch, jobs):
    src, files = tree
    out = tmp_path / "out"
    # Worker processes are forked, so they inherit the patch.
    monkeypatch.setattr(batch, "parse_bytes", failing_parse(batch.parse_bytes, "seed.cp949.txt",
                                                            RuntimeError("injected")))
    summary = run_batch(options([src], out, jobs=jobs))
    errors = {Path(e["path"]).name: e for e in read_lines(out / "errors.jsonl")}
    assert errors["seed.cp949.txt"]["code"] == "internal" and "injected" in errors["seed.cp949.txt"]["message"]
    assert not (out / "good/seed.cp949.txt.json").exists()
    assert (out / "good/seed.txt.json").is_file() and (out / "good/pages/seed.html.json").is_file()
    assert len(read_lines(out / "index.jsonl")) == len(files) == summary.done
    assert leftovers(out) == []


def test_a_failed_write_leaves_no_partial_file(tree, tmp_path, monkeypatch):
    src, _ = tree
    out = tmp_path / "out"
    real_replace = os.replace

    def replace(a, b, **kw):
        if str(b).endswith("seed.html.json"):
            raise OSError(28, "No space left on device")
        return real_replace(a, b, **kw)
    monkeypatch.setattr(batch.os, "replace", replace)
    run_batch(options([src], out, jobs=1))
    errors = {Path(e["path"]).name: e for e in read_lines(out / "errors.jsonl")}
    assert errors["seed.html"]["code"] == "write_failed"
    assert "No space left on device" in errors["seed.html"]["message"]
    assert not (out / "good/pages/seed.html.json").exists()
    assert (out / "good/seed.txt.json").is_file()
    assert leftovers(out) == []


def test_a_killed_worker_costs_only_its_own_input(tree, tmp_path, monkeypatch):
    src, files = tree
    out = tmp_path / "out"
    parent = os.getpid()
    real = batch.parse_bytes

    def parse(data, path, max_bytes):
        if Path(path).name == "seed.txt" and os.getpid() != parent:
            os._exit(9)     # as if the OOM killer struck
        return real(data, path, max_bytes)
    monkeypatch.setattr(batch, "parse_bytes", parse)
    summary = run_batch(options([src], out, jobs=2))
    index = {line["target"]: line for line in read_lines(out / "index.jsonl")}
    assert len(index) == len(files) == summary.done
    assert index["good/seed.txt.json"]["code"] == "worker_crashed"
    assert index["good/seed.cp949.txt.json"]["status"] == "ok"
    assert index["good/pages/seed.html.json"]["status"] == "ok"
    assert leftovers(out) == []


def test_interrupted_run_records_what_was_done_and_resumes(tree, tmp_path, monkeypatch):
    src, files = tree
    out = tmp_path / "out"
    monkeypatch.setattr(batch, "parse_bytes", failing_parse(batch.parse_bytes, "seed.cp949.txt",
                                                            KeyboardInterrupt()))
    summary = run_batch(options([src], out, jobs=1, timeout=0, memory_mb=0))   # in this process
    assert summary.interrupted
    done = read_lines(out / "index.jsonl")
    assert 0 < len(done) < len(files)
    for line in done:
        assert line["status"] != "ok" or (out / line["output"]).is_file()
    assert leftovers(out) == []
    monkeypatch.undo()
    resumed = run_batch(options([src], out, jobs=1))
    assert resumed.skipped == len(done) and resumed.done == len(files)


def test_outputs_that_would_collide_are_refused(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for d in (a, b):
        d.mkdir()
        (d / "same.txt").write_text(SEED, encoding="utf-8")
    out = tmp_path / "out"
    summary = run_batch(options([a, b], out, jobs=1))
    errors = read_lines(out / "errors.jsonl")
    assert summary.ok == 1 and [e["code"] for e in errors] == ["output_collision"]
    assert str(a / "same.txt") in errors[0]["message"]


def test_glob_hidden_files_and_the_output_inside_the_input(tree, tmp_path):
    src, _ = tree
    (src / ".hidden.txt").write_text(SEED, encoding="utf-8")
    out = src / "out"     # inside the input tree: never read back as input
    run_batch(options([src], out, jobs=1, patterns=("*.txt",)))
    targets = [line["target"] for line in read_lines(out / "index.jsonl")]
    assert all(t.endswith(".txt.json") for t in targets) and ".hidden.txt.json" not in targets
    run_batch(options([src], out, jobs=1, patterns=("*.txt",)))
    assert [line["target"] for line in read_lines(out / "index.jsonl")] == targets


def test_unusable_output_directory_is_a_clear_error(tree, tmp_path):
    src, _ = tree
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(batch.OutputUnusable, match="cannot write to"):
        run_batch(options([src], blocker / "out", jobs=1))


def test_progress_lines_when_not_a_terminal(tree, tmp_path, monkeypatch, capsys):
    src, files = tree
    monkeypatch.setattr(batch.Progress, "PLAIN_EVERY", 0.0)
    run_batch(BatchOptions(inputs=[str(src)], out=tmp_path / "out", jobs=1, progress="plain"))
    lines = capsys.readouterr().err.splitlines()
    assert lines[-1].startswith(f"batch: {len(files)}/{len(files)} done")


def test_non_releases_are_error_records_unless_kept(tree, tmp_path):
    src, _ = tree
    out = tmp_path / "out"
    run_batch(options([src / "bad"], out, jobs=1))
    errors = {Path(e["path"]).name: e["code"] for e in read_lines(out / "errors.jsonl")}
    assert errors["menu.html"] == "not_a_press_release" and not (out / "menu.html.json").exists()
    kept = run_batch(options([src / "bad"], out, jobs=1, keep_non_releases=True))
    assert kept.ok == 1 and kept.skipped == 3
    record = json.loads((out / "menu.html.json").read_text(encoding="utf-8"))
    assert "not_a_press_release" in {w["code"] for w in record["diagnostics"]["warnings"]}
    assert run_batch(options([src / "bad"], out, jobs=1, keep_non_releases=True)).skipped == 4
    refused = run_batch(options([src / "bad"], out, jobs=1))
    assert refused.errors == 1 and not (out / "menu.html.json").exists()


def test_a_folder_that_cannot_be_listed_is_a_record_and_the_walk_goes_on(tree, tmp_path, monkeypatch):
    """As root no permission bit stops a listing, so the refusal is injected."""
    src, files = tree
    real_scandir = os.scandir

    def scandir(path):
        if str(path).endswith("pages"):
            raise PermissionError(13, "Permission denied")
        return real_scandir(path)
    monkeypatch.setattr(batch.os, "scandir", scandir)
    out = tmp_path / "out"
    summary = run_batch(options([src], out, jobs=1, timeout=0, memory_mb=0))
    index = {line["target"]: line for line in read_lines(out / "index.jsonl")}
    assert index["good/pages/"]["code"] == "unreadable" and "Permission denied" in index["good/pages/"]["message"]
    assert len(index) == len(files) - 2 + 1 and summary.done == len(index)
    assert index["good/seed.txt.json"]["status"] == "ok"


def test_walk_problems_and_collisions_are_planned_without_reading(tmp_path):
    """Collisions are decided from the walk and the input trees: the first input in input
    order wins (tests/test_batch_state.py compares this with a set of every name taken)."""
    a, b = tmp_path / "a", tmp_path / "b"
    for rel in ("a/x", "a/x.json/y", "a/d/y", "a/e.json/z", "b/x", "b/e"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(b"never read")
    tasks = {t.path: t for t in batch.plan(batch.input_roots([str(a), str(b)]), batch.Previous())}
    assert len(tasks) == 6
    assert tasks[str(a / "x")].collides_with is None and tasks[str(a / "d/y")].collides_with is None
    assert tasks[str(b / "x")].collides_with == f"{a / 'x'} is already written to x.json"
    assert tasks[str(a / "x.json/y")].collides_with == f"x.json is the output of {a / 'x'}, not a folder"
    assert tasks[str(b / "e")].collides_with == "e.json is a folder of other outputs"


# --- what the engine costs around the parse (counted, never timed) ---------------------------

SHORT = "보도자료\n\n제 목 : 포럼 개최\n\n□ 포럼을 {n}월 15일 연다.\n"
PARENT_CALLS_PER_INPUT = 160     # 117 here (93 over 1,000 inputs); 231 while it polled three times a record


def test_the_parent_does_a_small_constant_work_per_input(tmp_path):
    """The parent walks, plans, hands out chunks and writes one index line an input; the
    parse is the workers'. Its function calls (counted with sys.setprofile, which sees only
    this process) stay a small constant per input."""
    from pipeline.lexicon import load_lexicon
    from tests.complexity import operations
    src = tmp_path / "in"
    src.mkdir()
    inputs = 60
    for i in range(inputs):
        (src / f"{i:03}.txt").write_text(SHORT.format(n=i % 12 + 1), encoding="utf-8")
    load_lexicon()       # built once a run (before the workers fork), not per input
    calls = operations(lambda: run_batch(options([src], tmp_path / "out", jobs=2)))
    assert len(read_lines(tmp_path / "out" / "index.jsonl")) == inputs
    assert calls / inputs < PARENT_CALLS_PER_INPUT


@pytest.mark.parametrize("size", [0, 1, 4095, 4096, 70_000])
def test_an_input_is_read_whole_up_to_its_limit(tmp_path, size):
    data = bytes(i % 251 for i in range(size))
    path = tmp_path / "f"
    path.write_bytes(data)
    fd = os.open(path, os.O_RDONLY)
    try:
        assert batch.read_upto(fd, size + 1, 1) == data            # a file grown since fstat
        os.lseek(fd, 0, os.SEEK_SET)
        assert batch.read_upto(fd, size + 1, size + 1) == data
        os.lseek(fd, 0, os.SEEK_SET)
        assert batch.read_upto(fd, max(size // 2, 1), size + 1) == data[:max(size // 2, 1)]
    finally:
        os.close(fd)


@given(st.text(alphabet="\t\n a가,|\u3000\x85", max_size=60))
def test_the_separator_count_never_changes_a_bookkeeping_answer(text):
    """may_be_table only lets a release through sooner: with it or without it, the answer
    of bookkeeping_reason is the same."""
    import pipeline.corpusfile as corpusfile
    data = text.encode("utf-8")
    with_check = corpusfile.bookkeeping_reason(data)
    real = corpusfile.may_be_table
    corpusfile.may_be_table = lambda data: True
    try:
        assert corpusfile.bookkeeping_reason(data) == with_check
    finally:
        corpusfile.may_be_table = real
