"""Command-line conventions: --version, stdin, several files, jsonl, the program's own name,
help for every option, one-line typed errors for bad outputs and inputs, one set of exit codes."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.__main__ import FAILED, OK, USAGE, build_parser

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "apec-2004-sme-forum.txt"
HTML = ROOT / "samples" / "apec-2004-sme-forum.html"
EMPTY = ROOT / "tests" / "fixtures" / "bad" / "empty.txt"
TITLE = "2004 APEC 중소기업 정보화 정책포럼"


def cli(*args: str, stdin: bytes | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, input=stdin,
                          capture_output=True, text=stdin is None, timeout=120)


def test_version_and_program_name():
    done = cli("--version")
    assert done.returncode == 0 and re.fullmatch(r"python -m pipeline \S+ \(pipeline \S+\)\n", done.stdout)
    assert cli("parse", "--help").stdout.startswith("usage: python -m pipeline parse")


def test_parse_reads_stdin():
    done = cli("parse", "-", "--compact", stdin=SEED.read_bytes())
    assert done.returncode == 0
    record = json.loads(done.stdout)
    assert record["source"]["path"] == "<stdin>" and record["release"]["title"] == TITLE
    assert done.stdout.count(b"\n") == 1


def test_parse_several_files_as_jsonl_and_as_an_array():
    lines = cli("parse", str(SEED), str(HTML), "--format", "jsonl").stdout.splitlines()
    assert [json.loads(line)["source"]["format"] for line in lines] == ["text", "html"]
    array = json.loads(cli("parse", str(SEED), str(HTML)).stdout)
    assert [r["release"]["title"] for r in array] == [TITLE, TITLE]


def test_a_failing_input_among_several_is_named_and_the_rest_still_printed():
    done = cli("parse", str(SEED), str(EMPTY), "--format", "jsonl")
    assert done.returncode == FAILED and len(done.stdout.splitlines()) == 1
    assert done.stderr.strip().endswith("[empty_input]") and len(done.stderr.splitlines()) == 1


@pytest.mark.parametrize("target", ["DIR", "DIR/missing/out.json", "/proc/out.json"])
def test_unwritable_output_is_one_line_usage_error(tmp_path, target):
    done = cli("parse", str(SEED), "-o", target.replace("DIR", str(tmp_path)))
    assert done.returncode == USAGE
    assert len(done.stderr.splitlines()) == 1 and done.stderr.rstrip().endswith("[write_failed]")
    assert "Traceback" not in done.stderr


def test_unreadable_input_is_one_line_typed_error(tmp_path):
    assert cli("parse", str(tmp_path)).stderr.rstrip().endswith("[unreadable]")


@pytest.mark.parametrize("command", [["parse"], ["batch", "-o", "OUT"], ["validate"]])
def test_a_missing_input_is_the_same_usage_error_everywhere(tmp_path, command):
    args = [a.replace("OUT", str(tmp_path / "out")) for a in command]
    done = cli(*args, str(tmp_path / "absent.txt"))
    assert done.returncode == USAGE and "absent.txt" in done.stderr and "Traceback" not in done.stderr


def test_help_states_the_exit_codes_the_commands_use():
    text = build_parser().format_help()
    for code in (OK, FAILED, USAGE, 130):
        assert re.search(rf"^\s+{code}\s+\S", text, re.M), code


def test_every_option_has_help():
    def actions(parser):
        for action in parser._actions:
            yield parser.prog, action
            for child in getattr(action, "choices", None) or {}:
                if isinstance(action.choices, dict):
                    yield from actions(action.choices[child])
    undocumented = [(prog, a.dest) for prog, a in actions(build_parser())
                    if not a.help and a.dest not in ("command",)]
    assert undocumented == []


def test_glob_applies_to_named_files(tmp_path):
    (tmp_path / "a.txt").write_bytes(SEED.read_bytes())
    (tmp_path / "b.html").write_bytes(HTML.read_bytes())
    out = tmp_path / "out"
    done = cli("batch", str(tmp_path / "a.txt"), str(tmp_path / "b.html"), "-o", str(out), "--glob", "*.txt",
               "--jobs", "1", "--no-progress")
    assert done.returncode == OK, done.stderr
    assert sorted(p.name for p in out.glob("*.json")) == ["a.txt.json"]


@pytest.mark.parametrize("content, expected", [
    ("name\tissuer\tyear\na.txt\t산림청\t2024\nb.txt\t국토교통부\t2025\n", "a tab-separated table (3 columns), not a release"),
    ("보도자료\n\n구분\t2023\t2024\n합계\t10\t12\n", None),                # a release holding a table
    ("file\tsource\tyear\n", None),                                            # one line: too little to tell
    ("a\tb\nc\td\n", None),                                                    # two columns: could be anything
    ("", None),
])
def test_bookkeeping_files_are_told_by_content(content, expected):
    from pipeline.corpusfile import bookkeeping_reason
    assert bookkeeping_reason(content.encode()) == expected


def test_a_manifest_in_a_corpus_folder_is_skipped_not_failed(tmp_path):
    src = tmp_path / "corpus"
    src.mkdir()
    (src / "a.txt").write_bytes(SEED.read_bytes())
    (src / "MANIFEST.tsv").write_text("file\tsource\tyear\na.txt\tseed\t2004\n", encoding="utf-8")
    done = cli("batch", str(src), "-o", str(tmp_path / "out"), "--jobs", "1", "--no-progress")
    assert done.returncode == OK, done.stderr
    lines = [json.loads(line) for line in (tmp_path / "out" / "index.jsonl").read_text().splitlines()]
    manifest = next(line for line in lines if line["path"].endswith("MANIFEST.tsv"))
    assert manifest["status"] == "skipped" and "tab-separated" in manifest["reason"]
    assert (tmp_path / "out" / "errors.jsonl").read_text() == ""


def test_manifests_of_two_input_folders_do_not_collide(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / f"{folder}.txt").write_bytes(SEED.read_bytes())
        (tmp_path / folder / "MANIFEST.tsv").write_text("file\tsource\tyear\nx.txt\tseed\t2004\n", encoding="utf-8")
    done = cli("batch", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(tmp_path / "out"), "--jobs", "1",
               "--no-progress")
    assert done.returncode == OK, done.stderr
    assert done.stderr.splitlines()[-1].startswith("ok 2, errors 0, skipped 2")
