"""Korean press releases (보도자료) to schema-validated JSON.

exit status, the same for every subcommand:
  0    everything ok
  1    some input failed (an error record or message names it) or is invalid
  2    usage error: a bad option, a missing input, an output that cannot be written
  130  interrupted
"""
from __future__ import annotations

import argparse
import atexit
import json
import os
import signal
import sys
from pathlib import Path
from typing import Any, NoReturn

from . import DEFAULT_MAX_BYTES, DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, PIPELINE_VERSION, PipelineError, parse_bytes
from .check import BATCH_FILES, STDIN, check_file, read_input
from .serialize import dump, write_atomic

# Each command imports what only it needs (the batch engine, review pages, package metadata)
# when it runs: `parse` of one release is mostly start-up, and these cost a tenth of it.

OK, FAILED, USAGE, INTERRUPTED = 0, 1, 2, 130


def serialize(records: list[dict[str, Any]], fmt: str, compact: bool, several: bool) -> str:
    """json: one document (indent 2, or one line with --compact), an array for several inputs;
    jsonl: one compact document per line."""
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n" for r in records)
    value: Any = records if several else records[0]
    if compact:
        return json.dumps(value, ensure_ascii=False, separators=(",", ":")) + "\n"
    return dump(value)


def write_output(target: str, data: str) -> str | None:
    """Write `data` to `target` atomically; a one-line reason when that cannot be done."""
    path = Path(target)
    if path.is_dir():
        return f"{target}: is a directory; -o names the file to write"
    if not path.parent.is_dir():
        return f"{target}: no such directory: {path.parent}"
    try:
        write_atomic(path, data)
    except OSError as exc:
        return f"{target}: cannot write: {exc.strerror or exc}"
    return None


def cmd_parse(args: argparse.Namespace) -> int:
    if absent := missing(args.files):
        print(f"error: no such input: {', '.join(absent)}", file=sys.stderr)
        return USAGE
    records, failed = [], False
    for name in args.files:
        label = "<stdin>" if name == STDIN else name
        try:
            records.append(parse_bytes(read_input(name, sys.stdin.buffer, args.max_bytes), label, args.max_bytes))
        except PipelineError as exc:
            print(f"error: {exc} [{exc.code}]", file=sys.stderr)
            failed = True
    if records:
        data = serialize(records, args.format, args.compact, len(args.files) > 1)
        if args.output:
            if problem := write_output(args.output, data):
                print(f"error: {problem} [write_failed]", file=sys.stderr)
                return USAGE
        else:
            sys.stdout.write(data)
    if args.review and records:
        if len(args.files) > 1:
            print("error: --review writes the page of one release; give one input", file=sys.stderr)
            return USAGE
        if write_review_page(records[0], Path(args.review)) != OK:
            return FAILED
    return FAILED if failed else OK


def missing(paths: list[str]) -> list[str]:
    return [p for p in paths if p != STDIN and not Path(p).exists()]


def cmd_batch(args: argparse.Namespace) -> int:
    from .batch import BatchOptions, OutputUnusable, run_batch
    if absent := missing(args.inputs):
        print(f"error: no such input: {', '.join(absent)}", file=sys.stderr)
        return USAGE
    progress = "off" if args.no_progress else "auto"
    options = BatchOptions(inputs=args.inputs, out=Path(args.output), jobs=args.jobs, force=args.force,
                           progress=progress, patterns=tuple(args.glob or ()), max_bytes=args.max_bytes,
                           keep_non_releases=args.keep_non_releases, follow_symlinks=args.follow_symlinks,
                           timeout=args.timeout, memory_mb=args.memory)
    try:
        summary = run_batch(options)
    except OutputUnusable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return USAGE
    except OSError as exc:  # the index itself could not be written (full disk)
        print(f"error: {exc.filename or args.output}: {exc.strerror or exc}", file=sys.stderr)
        return FAILED
    print(summary.line(), file=sys.stderr)
    if summary.interrupted:
        return INTERRUPTED
    if args.review and review_batch(Path(args.output)) != OK:
        return FAILED
    return FAILED if summary.failed else OK


def cmd_export(args: argparse.Namespace) -> int:
    from .export import TABLES, export
    if not args.duckdb and not args.parquet:
        print("error: give --duckdb FILE, --parquet DIR or both", file=sys.stderr)
        return USAGE
    if absent := missing([args.out]):
        print(f"error: no such input: {', '.join(absent)}", file=sys.stderr)
        return USAGE
    duckdb_file = Path(args.duckdb) if args.duckdb else None
    if duckdb_file and (duckdb_file.is_dir() or not duckdb_file.parent.is_dir()):
        print(f"error: {duckdb_file}: cannot write here (a directory, or no such directory) [write_failed]",
              file=sys.stderr)
        return USAGE
    try:
        counts = export(Path(args.out), duckdb_file, Path(args.parquet) if args.parquet else None)
    except PipelineError as exc:
        print(f"error: {exc} [{exc.code}]", file=sys.stderr)
        return USAGE if exc.path == "duckdb" else FAILED
    except OSError as exc:
        print(f"error: {exc.filename or args.out}: {exc.strerror or exc} [write_failed]", file=sys.stderr)
        return USAGE
    print(", ".join(f"{t} {counts[t]}" for t in TABLES), file=sys.stderr)
    return OK


def validate_targets(paths: list[str], raw: bool) -> list[str]:
    """Files to check: named files as they are; inside directories *.json (or every file with --raw)."""
    from .batch import iter_inputs
    names: list[str] = []
    for p in paths:
        if p == STDIN or not Path(p).is_dir():
            names.append(p)
            continue
        patterns = () if raw else ("*.json",)
        names += [str(f) for f, _ in iter_inputs([p], patterns) if f.name not in BATCH_FILES]
    return names


def cmd_validate(args: argparse.Namespace) -> int:
    if absent := missing(args.paths):
        print(f"error: no such path: {', '.join(absent)}", file=sys.stderr)
        return USAGE
    checked = invalid = problems = 0
    for name in validate_targets(args.paths, args.raw):
        found = check_file(name, args.raw, sys.stdin.buffer, args.max_bytes)
        checked += 1
        invalid += bool(found)
        problems += len(found)
        for problem in found:
            print(problem)
    what = "releases" if args.raw else "documents"
    print(f"{checked} {what} checked, {invalid} invalid, {problems} problems", file=sys.stderr)
    return FAILED if invalid else OK


# --- review pages (helper "review"): render, parse --review, batch --review -----------------------

def cmd_render(args: argparse.Namespace) -> int:
    from . import review
    try:
        record = review.load_record(Path(args.document))
    except PipelineError as exc:
        print(f"error: {exc} [{exc.code}]", file=sys.stderr)
        return FAILED
    if args.output:
        return write_review_page(record, Path(args.output))
    sys.stdout.write(review.render_record(record))
    return OK


def write_review_page(record: dict, path: Path) -> int:
    from . import review
    try:
        review.write_page(record, path)
    except OSError as exc:
        print(f"error: {path}: cannot write the review page: {exc.strerror or exc}", file=sys.stderr)
        return FAILED
    return OK


def review_batch(out: Path) -> int:
    from . import review
    try:
        counts = review.write_review(out)
    except OSError as exc:
        print(f"error: {exc.filename or out}: cannot write the review pages: {exc.strerror or exc}", file=sys.stderr)
        return FAILED
    print(f"review: {counts['pages']} pages, index {out / review.REVIEW_DIR / review.INDEX_PAGE}", file=sys.stderr)
    return OK


def add_review_commands(sub: argparse._SubParsersAction, parse: argparse.ArgumentParser,
                        batch: argparse.ArgumentParser) -> None:
    r = sub.add_parser("render", help="write the review page (HTML) of a JSON document")
    r.add_argument("document", metavar="DOC.json", help="a JSON document written by parse or batch")
    r.add_argument("-o", "--output", metavar="HTML", help="the page to write (default: stdout)")
    r.set_defaults(func=cmd_render)
    parse.add_argument("--review", metavar="HTML", help="also write the release's review page")
    batch.add_argument("--review", action="store_true",
                       help="also write OUT/review/: a review page per document and an index.html")

# --- end of review pages ---------------------------------------------------------------------------


def program_name() -> str:
    """The name the user ran: `pressrelease`, or `python -m pipeline`."""
    name = Path(sys.argv[0]).name
    return "python -m pipeline" if name in ("__main__.py", "-m", "") else name


def package_version() -> str:
    from importlib import metadata
    try:
        return metadata.version("pressrelease-pipeline")
    except metadata.PackageNotFoundError:   # run from a checkout that was never installed
        return "unknown"


class VersionAction(argparse.Action):
    """--version: the package's version is looked up only when asked for (reading the
    installed metadata is a tenth of a `parse` run)."""

    def __init__(self, option_strings: list[str], dest: str = argparse.SUPPRESS, **kw: Any) -> None:
        super().__init__(option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0, **kw)

    def __call__(self, parser: argparse.ArgumentParser, *args: Any) -> None:
        print(f"{parser.prog} {package_version()} (pipeline {PIPELINE_VERSION})")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog=program_name(), description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action=VersionAction, help="show the version and exit")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                        help="refuse inputs larger than N bytes (default 20 MB) as too_large")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    p = sub.add_parser("parse", parents=[common], help="parse releases and print their JSON",
                       description="Parse releases; one document per input, on stdout or into -o FILE.")
    p.add_argument("files", nargs="+", metavar="FILE", help="a raw release (text, HTML, korea.kr record), or - for stdin")
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (atomically) instead of stdout")
    p.add_argument("--format", choices=("json", "jsonl"), default="json",
                   help="json: one document, or an array for several FILEs (default); jsonl: one document per line")
    p.add_argument("--compact", action="store_true", help="json on one line, without indentation")
    p.set_defaults(func=cmd_parse)
    b = sub.add_parser("batch", parents=[common], help="parse many releases into a directory")
    b.add_argument("inputs", nargs="+", metavar="INPUT", help="files or directories (searched recursively)")
    b.add_argument("-o", "--output", required=True, metavar="OUT", help="directory for the documents and index files")
    b.add_argument("--jobs", type=non_negative, default=0, help="worker processes; 0 = all cores")
    b.add_argument("--force", action="store_true", help="redo inputs unchanged since the last run")
    b.add_argument("--no-progress", action="store_true", help="no progress bar or progress lines")
    b.add_argument("--glob", action="append", metavar="PATTERN",
                   help="only files whose name matches, e.g. '*.txt' (repeatable)")
    b.add_argument("--keep-non-releases", action="store_true",
                   help="write inputs flagged not_a_press_release as documents instead of error records")
    # --- the batch engine's own ceilings and walking (reliability) ---
    b.add_argument("--follow-symlinks", action="store_true",
                   help="follow symbolic links found inside INPUT folders (default: a record says they were not)")
    b.add_argument("--timeout", type=non_negative, default=DEFAULT_TIMEOUT, metavar="S",
                   help=f"CPU seconds one input may take before it is stopped as too_costly "
                        f"(default {DEFAULT_TIMEOUT}; 0 = none)")
    b.add_argument("--memory", type=non_negative, default=DEFAULT_MEMORY_MB, metavar="MB",
                   help=f"address space of one worker process; an input needing more is too_costly "
                        f"(default {DEFAULT_MEMORY_MB}; 0 = none)")
    b.set_defaults(func=cmd_batch)
    v = sub.add_parser("validate", parents=[common], help="validate JSON documents (or, with --raw, raw releases)")
    v.add_argument("paths", nargs="+", metavar="PATH", help="files, directories, or - for stdin")
    v.add_argument("--raw", action="store_true",
                   help="PATHs are raw releases: parse, validate, and apply the quality gates")
    v.set_defaults(func=cmd_validate)
    e = sub.add_parser("export", help="load a batch OUT into DuckDB and/or Parquet tables",
                       description="Normalized tables (releases, contacts, sections, …) keyed by the source "
                                   "sha256. Needs DuckDB: pip install 'pressrelease-pipeline[export]'.")
    e.add_argument("out", metavar="OUT", help="a directory written by batch")
    e.add_argument("--duckdb", metavar="FILE", help="write the tables into this DuckDB database (replaced whole)")
    e.add_argument("--parquet", metavar="DIR", help="write one Parquet file per table into DIR")
    e.set_defaults(func=cmd_export)
    add_review_commands(sub, p, b)
    return parser


def non_negative(value: str) -> int:
    number = int(value)
    if number < 0:
        raise argparse.ArgumentTypeError("must be 0 (all cores) or more")
    return number


def stop_on_sigterm() -> None:
    """`kill` stops a batch the way Ctrl-C does: the index is written before exiting."""
    def handler(signum: int, frame: object) -> None:
        raise KeyboardInterrupt
    signal.signal(signal.SIGTERM, handler)


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    stop_on_sigterm()
    try:
        return args.func(args)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return INTERRUPTED


def cli() -> NoReturn:
    """`python -m pipeline` and the `pressrelease` script: main() on sys.argv, then exit_now."""
    exit_now(main())


def exit_now(status: int) -> NoReturn:
    """Exit without the interpreter's teardown, which frees the lexicon's patterns and every
    module object one by one: 15 ms, 6% of a `parse` run, for nothing the user sees. The atexit
    handlers still run (multiprocessing's among them) and the standard streams are flushed
    first; if flushing fails (a closed pipe), the ordinary exit reports it as it always has."""
    atexit._run_exitfuncs()
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:            # None: started with the descriptor closed
                stream.flush()
    except (OSError, ValueError):
        sys.exit(status)
    os._exit(status)


if __name__ == "__main__":
    cli()
