"""Issue 14, helper "fastbatch2": the batch parent keeps no state per input.

Collisions are decided from the input trees (pipeline.batch.Collisions) instead of from a set
of every output name; here the set (the engine's former `Claims`, kept as the oracle) and the
trees must give the same answer on generated trees. The last run's outcomes live in a
temporary SQLite database and this run's reached names are read back from its own index, so
the memory the parent's planning takes does not grow with the number of inputs (measured
with tracemalloc, never with a clock or an RSS threshold)."""
from __future__ import annotations

import json
import os
import tracemalloc
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import pipeline.batch as batch
from pipeline import PIPELINE_VERSION
from pipeline.errors import printable_path


class Claims:
    """The oracle: every output name taken in this run and the folders above them, in a set
    (what the engine kept before issue 14, ~100 bytes an input)."""

    def __init__(self) -> None:
        self.files: dict[str, str] = {}      # target → the path of the input that took it
        self.folders: set[str] = set()

    def claim(self, path: str, target: str) -> str | None:
        if (first := self.files.get(target)) is not None:
            return f"{printable_path(first)} is already written to {printable_path(target)}"
        if target in self.folders:
            return f"{printable_path(target)} is a folder of other outputs"
        parents = [target[:i] for i, ch in enumerate(target) if ch == "/"]
        if held := next((p for p in parents if p in self.files), None):
            return f"{printable_path(held)} is the output of {printable_path(self.files[held])}, not a folder"
        self.files[target] = path
        self.folders.update(parents)
        return None


def oracle(roots: list[str], patterns: tuple[str, ...], exclude: Path | None, follow: bool) -> list[tuple]:
    claims = Claims()
    return [(f.path, claims.claim(f.path, batch.output_rel(f.rel)) if f.problem is None else None)
            for f in batch.find_inputs(roots, patterns, exclude, follow)]


def planned(roots: list[str], patterns: tuple[str, ...], exclude: Path | None, follow: bool) -> list[tuple]:
    return [(t.path, t.collides_with)
            for t in batch.plan(batch.input_roots(roots, patterns, exclude, follow), batch.Previous())]


# --- the trees decide collisions as the set of every name did -------------------------------

NAMES = ["x", "x.json", "x.json.json", "y", "y.json", "xy", ".h"]
PATHS = st.lists(st.sampled_from(NAMES), min_size=1, max_size=3).map(tuple)
TREE = st.lists(PATHS, max_size=7)
LINKS = st.lists(st.tuples(st.sampled_from(["x", "x.json", "y.json", "l"]), st.integers(0, 2),
                           st.sampled_from(["", "x", "x.json"])), max_size=2)


def build(folder: Path, paths: list[tuple[str, ...]]) -> None:
    """Files at `paths` (a path that another path needs as a folder is left out)."""
    for parts in paths:
        target = folder.joinpath(*parts)
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
            if not target.exists():
                target.write_bytes(b"not read")
        except (FileExistsError, NotADirectoryError):
            pass


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(trees=st.lists(TREE, min_size=1, max_size=3), named=st.lists(st.tuples(st.integers(0, 2), PATHS), max_size=2),
       links=LINKS, patterns=st.sampled_from([(), ("x*",), ("*.json",)]), follow=st.booleans(),
       exclude=st.booleans(), order=st.randoms(use_true_random=False))
def test_collisions_from_the_trees_are_those_of_a_set_of_every_name(tmp_path_factory, trees, named, links,
                                                                    patterns, follow, exclude, order):
    base = tmp_path_factory.mktemp("trees")
    folders = [base / f"r{i}" for i in range(len(trees))]
    for folder, paths in zip(folders, trees):
        folder.mkdir()
        build(folder, paths)
    for name, to, inside in links:           # links between the trees, to folders and files
        at, target = folders[0] / name, folders[to % len(folders)] / inside
        if not os.path.lexists(at):
            at.symlink_to(target)
    out = folders[-1] / "xy"                 # the output folder inside an input is never read
    roots = [str(f) for f in folders]
    roots += [str(folders[i % len(folders)].joinpath(*parts)) for i, parts in named]   # files named too
    order.shuffle(roots)
    args = (roots, patterns, out if exclude else None, follow)
    assert planned(*args) == oracle(*args)


# Trees the generator seldom reaches: (files of root a, files of root b, links in a, follow, exclude a/...);
# the roots are a, b, and the files b/x and b/.x named on their own.
CORNERS = {
    "an unclaimed input makes no folder of outputs": (["x", "x.json/x.json/y"], ["x.json/x"], {}, False, None),
    "a link not followed is no input": ([], ["x"], {"x": "b/x"}, False, None),
    "a followed link to a file is one": ([], ["x"], {"x": "b/x"}, True, None),
    "a followed link to a folder is walked": (["f/x"], ["l/x"], {"l": "a/f"}, True, None),
    "a link to a folder not followed is not": (["f/x"], ["l/x"], {"l": "a/f"}, False, None),
    "a link loop is not walked": (["f/x"], ["f/l/x"], {"f/l": "a/f"}, True, None),
    "the output folder is not walked": (["o/x"], ["o/x"], {}, False, "o"),
    "a hidden folder is not walked": ([".x.json/y"], [".x"], {}, False, None),
    "a hidden file is no input": ([".x"], [".x"], {}, False, None),
}


@pytest.mark.parametrize("case", CORNERS)
def test_collisions_in_corners_are_those_of_a_set_of_every_name(tmp_path, case):
    in_a, in_b, links, follow, exclude = CORNERS[case]
    a, b = tmp_path / "a", tmp_path / "b"
    build(a, [tuple(p.split("/")) for p in in_a])
    build(b, [tuple(p.split("/")) for p in in_b])
    for name, target in links.items():
        (a / name).parent.mkdir(parents=True, exist_ok=True)
        (a / name).symlink_to(tmp_path / target)
    args = ([str(a), str(b), str(b / "x"), str(b / ".x")], (), a / exclude if exclude else None, follow)
    assert planned(*args) == oracle(*args)


def test_the_oracle_sees_every_kind_of_collision(tmp_path):
    """Each of the three messages, from both (a comparison that only saw free names would
    prove little); an input that met another takes nothing, so the last one meets a/x."""
    a, b = tmp_path / "a", tmp_path / "b"
    build(a, [("x",), ("x.json", "y"), ("e.json", "z")])
    build(b, [("x",), ("e",), ("x.json", "y")])
    clashes = [c for _, c in oracle([str(a), str(b)], (), None, False) if c]
    assert [c.split(" ", 1)[1] for c in clashes] == [
        f"is the output of {a / 'x'}, not a folder",          # a/x.json/y
        "is a folder of other outputs", "is already written to x.json",    # b/e, b/x
        f"is the output of {a / 'x'}, not a folder"]          # b/x.json/y: a/x.json/y took nothing
    assert [c for _, c in planned([str(a), str(b)], (), None, False) if c] == clashes


# --- the parent's memory does not grow with the inputs ---------------------------------------

FOLDER_SIZE = 100


def input_rel(i: int) -> str:
    """Input i's path: FOLDER_SIZE files a folder, folders ten a folder (0/0/1/2/000123.txt),
    so that no folder's listing grows with the number of inputs (a walk holds the listings
    of the folders it is in: their size is the tree's, not the run's)."""
    return "/".join(f"{i // FOLDER_SIZE:04}") + f"/{i:06}.txt"


def make_inputs(root: Path, count: int) -> None:
    for i in range(count):
        path = root / input_rel(i)
        if i % FOLDER_SIZE == 0:
            path.parent.mkdir(parents=True)
        path.write_bytes(b"")


def write_index(out: Path, root: Path, count: int) -> None:
    """A previous run's index over the same inputs (and the scratch folder a run makes)."""
    (out / batch.PARTIAL_DIR).mkdir(parents=True)
    with (out / batch.INDEX).open("w", encoding="utf-8") as fh:
        for i in range(count):
            rel = batch.output_rel(input_rel(i))
            fh.write(json.dumps({"path": str(root / input_rel(i)), "target": rel, "sha256": "0" * 64,
                                 "status": "ok", "output": rel, "title": "제목", "ms": 1,
                                 "pipeline_version": PIPELINE_VERSION}) + "\n")


def planning_peak(tmp_path: Path, count: int, rerun: bool, roots: int = 1) -> int:
    """Peak bytes the Python allocator holds while the parent plans every input (with the
    last run's index loaded on a re-run, and what an interrupted run writes back)."""
    folders = [tmp_path / f"in{count}-{k}" for k in range(roots)]
    for folder in folders:
        make_inputs(folder, count)
    out = tmp_path / f"out{count}"
    if rerun:
        write_index(out, folders[0], count)
    else:
        (out / batch.PARTIAL_DIR).mkdir(parents=True)
    tracemalloc.start()
    try:
        previous = batch.load_previous(out)
        index = batch.IndexWriter(out, previous)
        planned = 0
        for task in batch.plan(batch.input_roots([str(f) for f in folders]), previous):
            planned += 1
            if planned <= count // 2:       # an interrupted run: half done, half written back
                index.add({"path": task.path, "target": task.rel, "status": "ok", "pipeline_version": "x"})
        index.close(interrupted=True)
        previous.close()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert planned == count * roots
    assert sum(1 for _ in batch.read_jsonl(out / batch.INDEX)) == (count if rerun else count // 2)
    return peak


@pytest.mark.parametrize("rerun", [False, True], ids=["first run", "re-run"])
def test_the_parent_plans_ten_times_the_inputs_in_the_same_memory(tmp_path, rerun):
    """Before issue 14 the parent grew by ~100 bytes an input on a first run (the set of
    names) and by ~1 KB on a re-run (the last index in memory): 1,000 → 10,000 inputs added
    ~0.9 and ~3 MB. Now what grows is bounded by one folder's listing and the caches."""
    small = planning_peak(tmp_path, 1_000, rerun)
    large = planning_peak(tmp_path, 10_000, rerun)
    assert large - small < 64 * 1024, (small, large)


def test_two_roots_are_planned_in_the_same_memory(tmp_path):
    """Every input of the second root is looked up in the first (they all collide)."""
    small = planning_peak(tmp_path, 500, rerun=False, roots=2)
    large = planning_peak(tmp_path, 5_000, rerun=False, roots=2)
    assert large - small < 64 * 1024, (small, large)


def flat_planning_peak(tmp_path: Path, count: int) -> int:
    folder = tmp_path / f"flat{count}"
    folder.mkdir()
    for i in range(count):
        (folder / f"{i:06}.txt").write_bytes(b"")
    tracemalloc.start()
    try:
        assert sum(1 for _ in batch.plan(batch.input_roots([str(folder)]), batch.Previous())) == count
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_a_flat_folder_costs_its_names_only(tmp_path):
    """Sorted order needs a folder's whole listing: in one flat folder of releases that is
    the one thing that grows with the inputs. A regular file is kept as its name (~70 bytes
    here), not as a DirEntry (~220 bytes) nor with a claimed name beside it (~100 more)."""
    small, large = flat_planning_peak(tmp_path, 1_000), flat_planning_peak(tmp_path, 4_000)
    assert (large - small) / 3_000 < 120, (small, large)


def test_the_last_index_is_kept_on_disk_with_a_bounded_cache(tmp_path):
    """The SQLite page cache is the only memory the last run's index takes (tracemalloc does
    not see SQLite's own allocations, so its bound is asserted here); its file is scratch."""
    out = tmp_path / "out"
    write_index(out, tmp_path / "in", 10)
    previous = batch.load_previous(out)
    try:
        assert len(previous) == 10
        assert previous.db.execute("PRAGMA cache_size").fetchone()[0] == -batch.Previous.CACHE_KIB
        assert Path(previous.db.execute("PRAGMA database_list").fetchone()[2]).parent == out / batch.PARTIAL_DIR
        assert previous.get(batch.output_rel(input_rel(3)))["path"].endswith("000003.txt")
    finally:
        previous.close()
    assert list((out / batch.PARTIAL_DIR).iterdir()) == []


def test_a_rerun_leaves_no_scratch_behind(tmp_path):
    src, out = tmp_path / "in", tmp_path / "out"
    make_inputs(src, 3)
    options = batch.BatchOptions(inputs=[str(src)], out=out, jobs=1, progress="off", timeout=0, memory_mb=0)
    first = batch.run_batch(options)
    again = batch.run_batch(options)
    assert (first.errors, again.skipped) == (3, 3)         # empty inputs: a repeatable outcome
    assert sorted(p.name for p in out.iterdir() if p.name.startswith(".")) == []


def test_a_later_line_replaces_an_earlier_one_in_its_first_place(tmp_path):
    """As the dict it replaced: the killed run's partial index is newer than the index, and
    an interrupted run writes unreached lines back in the order the old index named them."""
    previous = batch.Previous()
    line = {"target": "a.json", "status": "ok", "sha256": "1"}
    previous.load([line, {**line, "target": "b.json"}, {**line, "sha256": "2", "status": "skipped", "was": "error"}])
    try:
        assert len(previous) == 2
        assert previous.get("a.json") == {**line, "sha256": "2", "status": "error", "was": "error"}
        assert [x["target"] for x in previous.unreached([])] == ["a.json", "b.json"]
        assert [x["target"] for x in previous.unreached(["a.json"])] == ["b.json"]
        assert previous.get("c.json") is None
    finally:
        previous.close()


def test_a_last_index_that_cannot_be_kept_is_a_clear_error(tmp_path, monkeypatch):
    import sqlite3
    out = tmp_path / "out"
    write_index(out, tmp_path / "in", 3)

    def refuse(*args, **kwargs):
        raise sqlite3.OperationalError("unable to open database file")
    monkeypatch.setattr(sqlite3, "connect", refuse)
    with pytest.raises(batch.OutputUnusable, match="cannot keep the last run's index in .*unable to open"):
        batch.load_previous(out)
