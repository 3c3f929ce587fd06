"""Documents written by `batch` into normalized tables: a DuckDB file and/or Parquet files.

    python -m pipeline export OUT --duckdb releases.duckdb [--parquet DIR]

Every table is keyed by `release_id`, the source's sha256, so keys are stable across runs and
machines. Column types are declared here (TABLES), never inferred from the first files, so a
column that is null in the early documents loads like any other. Rows are staged as CSV and
loaded with COPY into the declared tables. DuckDB is an optional dependency:
`pip install 'pressrelease-pipeline[export]'`.
"""
from __future__ import annotations

import csv
import json
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import PipelineError

BATCH_FILES = frozenset({"index.jsonl", "errors.jsonl"})
NULL = "\\N"

# table: ordered (column, DuckDB type). A span is two INTEGER columns, [start, end) into text.
TABLES: dict[str, tuple[tuple[str, str], ...]] = {
    "releases": (("release_id", "VARCHAR"), ("path", "VARCHAR"), ("format", "VARCHAR"),
                 ("encoding", "VARCHAR"), ("bytes", "BIGINT"), ("kind", "VARCHAR"), ("issuer", "VARCHAR"),
                 ("title", "VARCHAR"), ("subtitle", "VARCHAR"), ("embargo_date", "DATE"),
                 ("embargo_time", "VARCHAR"), ("embargo_edition", "VARCHAR"), ("distributed_at", "VARCHAR"),
                 ("board", "VARCHAR"), ("headline", "VARCHAR"), ("posted_at", "VARCHAR"),
                 ("views", "BIGINT"), ("event_name", "VARCHAR"), ("text_length", "INTEGER"),
                 ("warnings", "INTEGER")),
    "contacts": (("release_id", "VARCHAR"), ("idx", "INTEGER"), ("organization", "VARCHAR"),
                 ("department", "VARCHAR"), ("team", "VARCHAR"), ("name", "VARCHAR"), ("title", "VARCHAR"),
                 ("role", "VARCHAR"), ("phone", "VARCHAR"), ("phone_e164", "VARCHAR"),
                 ("extension", "VARCHAR"), ("fax", "VARCHAR"), ("email", "VARCHAR"),
                 ("span_start", "INTEGER"), ("span_end", "INTEGER")),
    "organizations": (("release_id", "VARCHAR"), ("idx", "INTEGER"), ("name", "VARCHAR"),
                      ("head_title", "VARCHAR"), ("head_name", "VARCHAR"), ("head_name_hanja", "VARCHAR"),
                      ("span_start", "INTEGER"), ("span_end", "INTEGER")),
    "sections": (("release_id", "VARCHAR"), ("node_id", "INTEGER"), ("parent_id", "INTEGER"),
                 ("depth", "INTEGER"), ("appendix", "INTEGER"), ("marker", "VARCHAR"), ("level", "INTEGER"),
                 ("kind", "VARCHAR"), ("text", "VARCHAR"), ("span_start", "INTEGER"), ("span_end", "INTEGER")),
    "sessions": (("release_id", "VARCHAR"), ("idx", "INTEGER"), ("label", "VARCHAR"), ("number", "INTEGER"),
                 ("title", "VARCHAR"), ("summary", "VARCHAR"), ("span_start", "INTEGER"), ("span_end", "INTEGER")),
    "talks": (("release_id", "VARCHAR"), ("session_idx", "INTEGER"), ("idx", "INTEGER"),
              ("speaker", "VARCHAR"), ("title", "VARCHAR"), ("affiliation", "VARCHAR"),
              ("country", "VARCHAR"), ("topic", "VARCHAR")),
    "people": (("release_id", "VARCHAR"), ("idx", "INTEGER"), ("name", "VARCHAR"), ("name_hanja", "VARCHAR"),
               ("title", "VARCHAR"), ("affiliation", "VARCHAR"), ("country", "VARCHAR"), ("roles", "VARCHAR"),
               ("span_start", "INTEGER"), ("span_end", "INTEGER")),
    "countries": (("release_id", "VARCHAR"), ("iso_code", "VARCHAR"), ("name", "VARCHAR"),
                  ("name_en", "VARCHAR"), ("findings", "INTEGER"), ("figures", "INTEGER")),
    "findings": (("release_id", "VARCHAR"), ("iso_code", "VARCHAR"), ("idx", "INTEGER"), ("text", "VARCHAR"),
                 ("session", "VARCHAR"), ("span_start", "INTEGER"), ("span_end", "INTEGER")),
    "figures": (("release_id", "VARCHAR"), ("idx", "INTEGER"), ("iso_code", "VARCHAR"), ("text", "VARCHAR"),
                ("value", "DOUBLE"), ("value_max", "DOUBLE"),   # whole numbers exact below 2**53
                ("unit", "VARCHAR"), ("kind", "VARCHAR"),
                ("approximate", "BOOLEAN"), ("span_start", "INTEGER"), ("span_end", "INTEGER")),
}


class ExportError(PipelineError):
    code = "export_failed"


@dataclass
class Rows:
    tables: dict[str, list[tuple[Any, ...]]] = field(default_factory=lambda: {t: [] for t in TABLES})

    def add(self, table: str, **values: Any) -> None:
        columns = TABLES[table]
        unknown = set(values) - {c for c, _ in columns}
        if unknown:
            raise ValueError(f"{table}: no columns {sorted(unknown)}")
        self.tables[table].append(tuple(values.get(c) for c, _ in columns))


def span(value: Any) -> dict[str, int | None]:
    start, end = value if isinstance(value, list) and len(value) == 2 else (None, None)
    return {"span_start": start, "span_end": end}


def name_of(value: Any) -> Any:
    """An issuer or title given as a string or as an object with `name`/`text`."""
    if isinstance(value, dict):
        return value.get("name") or value.get("text")
    return value


def add_talks(rows: Rows, rid: str, session: int | None, talks: list[dict[str, Any]]) -> None:
    """A session's talks, or with `session` None the talks outside any session."""
    for t, talk in enumerate(talks):
        rows.add("talks", release_id=rid, session_idx=session, idx=t, speaker=name_of(talk.get("speaker")),
                 title=talk.get("title"), affiliation=talk.get("affiliation"), country=talk.get("country"),
                 topic=talk.get("topic"))


def walk_sections(rows: Rows, rid: str, nodes: list[dict[str, Any]], parent: int | None, depth: int,
                  appendix: int | None, counter: list[int]) -> None:
    for node in nodes:
        node_id = counter[0]
        counter[0] += 1
        rows.add("sections", release_id=rid, node_id=node_id, parent_id=parent, depth=depth, appendix=appendix,
                 marker=node.get("marker"), level=node.get("level"), kind=node.get("kind"), text=node.get("text"),
                 **span(node.get("span")))
        walk_sections(rows, rid, node.get("children") or [], node_id, depth + 1, appendix, counter)


def add_record(rows: Rows, record: dict[str, Any]) -> None:
    """One document's rows in every table."""
    src, rel, page = record["source"], record.get("release") or {}, record.get("page") or {}
    rid = src["sha256"]
    embargo = rel.get("embargo") or {}
    rows.add("releases", release_id=rid, path=src["path"], format=src["format"], encoding=src.get("encoding"),
             bytes=src.get("bytes"), kind=rel.get("kind"), issuer=name_of(rel.get("issuer")),
             title=name_of(rel.get("title")), subtitle=name_of(rel.get("subtitle")),
             embargo_date=embargo.get("date"), embargo_time=embargo.get("time"),
             embargo_edition=embargo.get("edition"), distributed_at=rel.get("distributed_at"),
             board=page.get("board"), headline=page.get("headline"), posted_at=page.get("posted_at"),
             views=page.get("views"), event_name=name_of((record.get("event") or {}).get("name")),
             text_length=len(record["text"]), warnings=len(record["diagnostics"]["warnings"]))
    for i, c in enumerate(record.get("contacts") or []):
        rows.add("contacts", release_id=rid, idx=i, **{k: c.get(k) for k in (
            "organization", "department", "team", "name", "title", "role", "phone", "phone_e164",
            "extension", "fax", "email")}, **span(c.get("span")))
    for i, o in enumerate(record.get("organizations") or []):
        head = o.get("head") or {}
        rows.add("organizations", release_id=rid, idx=i, name=o.get("name"), head_title=head.get("title"),
                 head_name=head.get("name"), head_name_hanja=head.get("name_hanja"), **span(o.get("span")))
    counter = [0]
    walk_sections(rows, rid, record.get("sections") or [], None, 0, None, counter)
    for a, appendix in enumerate(record.get("appendices") or []):
        walk_sections(rows, rid, appendix.get("sections") or [], None, 0, a, counter)
    for s, session in enumerate(record.get("sessions") or []):
        rows.add("sessions", release_id=rid, idx=s, label=session.get("label"), number=session.get("number"),
                 title=session.get("title"), summary=session.get("summary"), **span(session.get("span")))
        add_talks(rows, rid, s, session.get("talks") or [])
    add_talks(rows, rid, None, record.get("talks") or [])     # talks of the event itself (a keynote)
    for i, p in enumerate(record.get("people") or []):
        rows.add("people", release_id=rid, idx=i, name=p.get("name"), name_hanja=p.get("name_hanja"),
                 title=p.get("title"), affiliation=p.get("affiliation"), country=p.get("country"),
                 roles=",".join(p.get("roles") or []), **span(p.get("span")))
    country_of_span: dict[tuple[int, int], str] = {}
    for country in record.get("countries") or []:
        iso = country.get("iso_code")
        findings, figures = country.get("findings") or [], country.get("figures") or []
        rows.add("countries", release_id=rid, iso_code=iso, name=country.get("name"),
                 name_en=country.get("name_en"), findings=len(findings), figures=len(figures))
        for i, f in enumerate(findings):
            rows.add("findings", release_id=rid, iso_code=iso, idx=i, text=f.get("text"),
                     session=name_of(f.get("session")), **span(f.get("span")))
        for f in figures:
            country_of_span.setdefault(tuple(f["span"]), iso)
    for i, f in enumerate(record.get("figures") or []):
        rows.add("figures", release_id=rid, idx=i, iso_code=country_of_span.get(tuple(f["span"])),
                 text=f.get("text"), value=f.get("value"), value_max=f.get("value_max"), unit=f.get("unit"),
                 kind=f.get("kind"), approximate=f.get("approximate"), **span(f.get("span")))


def documents(out: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    """Every document under a batch output directory, in path order (index files left out)."""
    for path in sorted(out.rglob("*.json")):
        if path.name in BATCH_FILES or any(part.startswith(".") for part in path.relative_to(out).parts):
            continue
        try:
            record = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ExportError(str(path), f"not a readable JSON document: {exc}") from exc
        if not isinstance(record, dict) or "source" not in record or "text" not in record:
            raise ExportError(str(path), "not a pipeline document (no source or text)")
        yield path, record


def collect(out: Path) -> Rows:
    rows, seen = Rows(), set()
    for _, record in documents(out):
        if record["source"]["sha256"] in seen:
            continue   # the same bytes under two names: one release, one key
        seen.add(record["source"]["sha256"])
        add_record(rows, record)
    return rows


def cell(value: Any) -> Any:
    return NULL if value is None else value


def sql_string(path: Path) -> str:
    return "'" + str(path).replace("'", "''") + "'"


def load(con: Any, rows: Rows, scratch: Path) -> None:
    """Create every table with its declared types and COPY its rows in."""
    for table, columns in TABLES.items():
        con.execute(f"CREATE OR REPLACE TABLE {table} ({', '.join(f'{c} {t}' for c, t in columns)})")
        staged = scratch / f"{table}.csv"
        with staged.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL)
            writer.writerow([c for c, _ in columns])
            writer.writerows([cell(v) for v in row] for row in rows.tables[table])
        con.execute(f"COPY {table} FROM {sql_string(staged)} (FORMAT csv, HEADER true, NULLSTR '{NULL}', QUOTE '\"', "
                    "ESCAPE '\"', DELIMITER ',')")


def import_duckdb() -> Any:
    try:
        import duckdb
    except ImportError as exc:
        raise ExportError("duckdb", "export needs DuckDB: pip install 'pressrelease-pipeline[export]'") from exc
    return duckdb


def export(out: Path, duckdb_file: Path | None = None, parquet_dir: Path | None = None) -> dict[str, int]:
    """Load the documents under `out`; row counts per table."""
    duckdb = import_duckdb()
    if not out.is_dir():
        raise ExportError(str(out), "no such directory (give the OUT of a batch run)")
    rows = collect(out)
    with tempfile.TemporaryDirectory(prefix="pipeline-export-") as scratch:
        target = duckdb_file.with_name(f".{duckdb_file.name}.tmp") if duckdb_file else None
        if target:
            target.unlink(missing_ok=True)
        con = duckdb.connect(str(target) if target else ":memory:")
        try:
            load(con, rows, Path(scratch))
            if parquet_dir:
                parquet_dir.mkdir(parents=True, exist_ok=True)
                for table in TABLES:
                    con.execute(f"COPY {table} TO {sql_string(parquet_dir / (table + '.parquet'))} (FORMAT parquet)")
            counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES}
        finally:
            con.close()
        if target and duckdb_file:
            target.replace(duckdb_file)   # the database appears whole or not at all
    return counts
