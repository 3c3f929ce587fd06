"""Command line: `python -m pipeline parse|batch|validate …` (see --help).

Exit status: 0 everything ok, 1 some input failed or is invalid, 2 a usage error (a missing
input, an output directory that cannot be written), 130 interrupted.
"""
from __future__ import annotations

import argparse
import signal
import sys
from pathlib import Path

from . import DEFAULT_MAX_BYTES, PipelineError, parse_file
from .batch import (DEFAULT_MEMORY_MB, DEFAULT_TIMEOUT, BatchOptions, OutputUnusable, dump, iter_inputs,
                    run_batch, write_atomic)
from .check import BATCH_FILES, STDIN, check_file

OK, FAILED, USAGE, INTERRUPTED = 0, 1, 2, 130


def cmd_parse(args: argparse.Namespace) -> int:
    try:
        record = parse_file(args.file, args.max_bytes)
    except PipelineError as exc:
        print(f"error: {exc} [{exc.code}]", file=sys.stderr)
        return FAILED
    if args.output:
        write_atomic(Path(args.output), dump(record))
    else:
        sys.stdout.write(dump(record))
    return OK


def missing(paths: list[str]) -> list[str]:
    return [p for p in paths if p != STDIN and not Path(p).exists()]


def cmd_batch(args: argparse.Namespace) -> int:
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
    return FAILED if summary.failed else OK


def validate_targets(paths: list[str], raw: bool) -> list[str]:
    """Files to check: named files as they are; inside directories *.json (or every file with --raw)."""
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


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pipeline", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                        help="refuse inputs larger than N bytes (default 20 MB) as too_large")
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", parents=[common], help="parse one release and print its JSON")
    p.add_argument("file")
    p.add_argument("-o", "--output")
    p.set_defaults(func=cmd_parse)
    b = sub.add_parser("batch", parents=[common], help="parse many releases into a directory")
    b.add_argument("inputs", nargs="+", metavar="INPUT", help="files or directories (searched recursively)")
    b.add_argument("-o", "--output", required=True, metavar="OUT")
    b.add_argument("--jobs", type=non_negative, default=0, help="worker processes; 0 = all cores")
    b.add_argument("--force", action="store_true", help="redo inputs unchanged since the last run")
    b.add_argument("--no-progress", action="store_true", help="no progress bar or progress lines")
    b.add_argument("--glob", action="append", metavar="PATTERN",
                   help="only files in directories whose name matches, e.g. '*.txt' (repeatable)")
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


if __name__ == "__main__":
    sys.exit(main())
