"""`export`: batch output into typed, normalized DuckDB tables that real SQL can query."""
from __future__ import annotations

import builtins
import json
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.batch import BatchOptions, run_batch
from pipeline.errors import PipelineError
from pipeline.export import TABLES, export

from .conftest import sample_cases

duckdb = pytest.importorskip("duckdb")

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CORPUS = ROOT.parent / "shared" / "corpus"
KOREA_KR = sorted((CORPUS / "korea-kr").glob("*.md"))[:40] if (CORPUS / "korea-kr").is_dir() else []


def batch(inputs: list[Path], out: Path) -> Path:
    run_batch(BatchOptions(inputs=[str(p) for p in inputs], out=out, jobs=1, progress="off"))
    return out


@pytest.fixture(scope="module")
def seed_db(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("export")
    db = home / "seed.duckdb"
    export(batch([SAMPLES], home / "out"), db, home / "parquet")
    return db


def test_every_table_has_its_declared_types(seed_db):
    con = duckdb.connect(str(seed_db), read_only=True)
    for table, columns in TABLES.items():
        got = con.execute(f"SELECT column_name, data_type FROM information_schema.columns "
                          f"WHERE table_name = '{table}' ORDER BY ordinal_position").fetchall()
        assert got == [(c, t) for c, t in columns], table


def test_contacts_per_issuer_and_figures_per_country_on_the_seed(seed_db):
    con = duckdb.connect(str(seed_db), read_only=True)
    per_issuer = con.execute("""SELECT r.issuer, count(*) FROM contacts c JOIN releases r USING (release_id)
                                GROUP BY r.issuer""").fetchall()
    expected: dict[str, int] = {}
    for golden in sorted((ROOT / "tests" / "expected").glob("*.json")):
        record = json.loads(golden.read_text(encoding="utf-8"))
        issuer = (record["release"]["issuer"] or {}).get("name")
        if record["contacts"]:      # the join yields no row for a release without contacts
            expected[issuer] = expected.get(issuer, 0) + len(record["contacts"])
    assert dict(per_issuer) == expected and sum(expected.values()) > 0
    per_country = dict(con.execute("""SELECT iso_code, count(*) FROM figures WHERE iso_code IS NOT NULL
                                      GROUP BY iso_code""").fetchall())
    assert per_country and all(len(code) == 2 for code in per_country)
    # every sample its own sha256 key, one row each (the seed's three renditions included)
    n = len(sample_cases())
    assert con.execute("SELECT count(DISTINCT release_id), count(*) FROM releases").fetchone() == (n, n)


def test_sections_are_a_tree_of_parent_ids(seed_db):
    con = duckdb.connect(str(seed_db), read_only=True)
    orphans = con.execute("""SELECT count(*) FROM sections s LEFT JOIN sections p
                             ON p.release_id = s.release_id AND p.node_id = s.parent_id
                             WHERE s.parent_id IS NOT NULL AND (p.node_id IS NULL OR p.depth <> s.depth - 1)""")
    assert orphans.fetchone() == (0,)


def test_parquet_files_hold_the_same_rows(seed_db):
    con = duckdb.connect(str(seed_db), read_only=True)
    parquet = seed_db.parent / "parquet"
    for table in TABLES:
        path = str(parquet / f"{table}.parquet")
        assert con.execute(f"SELECT count(*) FROM read_parquet('{path}')").fetchone() == \
            con.execute(f"SELECT count(*) FROM {table}").fetchone()


@pytest.mark.skipif(not KOREA_KR, reason="../shared/corpus is not present")
def test_a_real_corpus_sample_loads_and_answers(tmp_path):
    db = tmp_path / "kr.duckdb"
    counts = export(batch(KOREA_KR, tmp_path / "out"), db)
    assert counts["releases"] == len(KOREA_KR)
    con = duckdb.connect(str(db), read_only=True)
    rows = con.execute("""SELECT r.issuer, count(c.release_id) AS contacts FROM releases r
                          LEFT JOIN contacts c USING (release_id) GROUP BY r.issuer ORDER BY contacts DESC""").fetchall()
    assert sum(n for _, n in rows) == counts["contacts"]
    sections = con.execute("SELECT count(*), max(depth) FROM sections").fetchone()
    assert sections[0] == counts["sections"] and sections[1] >= 1


def test_without_duckdb_the_error_says_how_to_install_it(tmp_path, monkeypatch):
    real_import = builtins.__import__

    def no_duckdb(name, *args, **kwargs):
        if name == "duckdb":
            raise ImportError("no duckdb")
        return real_import(name, *args, **kwargs)
    monkeypatch.setattr(builtins, "__import__", no_duckdb)
    with pytest.raises(PipelineError, match=r"pip install 'pressrelease-pipeline\[export\]'"):
        export(tmp_path, tmp_path / "x.duckdb")


def test_export_command_line(tmp_path):
    out = batch([SAMPLES / "apec-2004-sme-forum.txt"], tmp_path / "out")
    done = subprocess.run([sys.executable, "-m", "pipeline", "export", str(out), "--duckdb", str(tmp_path / "db")],
                          capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0 and done.stderr.startswith("releases 1, contacts 2,"), done.stderr
    bad = subprocess.run([sys.executable, "-m", "pipeline", "export", str(out), "--duckdb", str(tmp_path)],
                         capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert bad.returncode == 2 and bad.stderr.rstrip().endswith("[write_failed]")


def test_talks_outside_any_session_are_exported_with_no_session(seed_db):
    """The seed's keynote belongs to the event, not a session: its row has session_idx NULL."""
    con = duckdb.connect(str(seed_db), read_only=True)
    speakers = {s for (s,) in con.execute("SELECT speaker FROM talks WHERE session_idx IS NULL").fetchall()}
    expected = {t["speaker"] for golden in (ROOT / "tests" / "expected").glob("*.json")
                for t in json.loads(golden.read_text(encoding="utf-8")).get("talks") or []}
    assert expected and speakers == expected
