"""Command line: `python -m pipeline parse|batch|validate …` (see --help)."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from . import PipelineError, parse_file
from .schema import validate


def dump(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def write_atomic(path: Path, data: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.tmp")
    tmp.write_text(data, encoding="utf-8")
    tmp.replace(path)


def cmd_parse(args: argparse.Namespace) -> int:
    try:
        record = parse_file(args.file)
    except PipelineError as exc:
        print(f"error: {exc} [{exc.code}]", file=sys.stderr)
        return 1
    if args.output:
        write_atomic(Path(args.output), dump(record))
    else:
        sys.stdout.write(dump(record))
    return 0


def iter_inputs(paths: list[str]) -> list[tuple[Path, Path]]:
    """(file, its path relative to the input root) for every file under the inputs."""
    found = []
    for p in map(Path, paths):
        if p.is_dir():
            found += [(f, f.relative_to(p)) for f in sorted(p.rglob("*")) if f.is_file()
                      and not f.name.startswith(".")]
        else:
            found.append((p, Path(p.name)))
    return found


def cmd_batch(args: argparse.Namespace) -> int:
    out = Path(args.output)
    failed = 0
    for path, rel in iter_inputs(args.inputs):
        try:
            write_atomic(out / rel.with_name(rel.name + ".json"), dump(parse_file(path)))
        except PipelineError as exc:
            failed += 1
            print(f"error: {exc} [{exc.code}]", file=sys.stderr)
    return 1 if failed else 0


def cmd_validate(args: argparse.Namespace) -> int:
    bad = 0
    files = [f for f, _ in iter_inputs(args.paths) if f.suffix == ".json"]
    for f in files:
        for err in validate(json.loads(f.read_text(encoding="utf-8"))):
            bad += 1
            print(f"{f}: {err}")
    print(f"{len(files)} documents checked, {bad} errors")
    return 1 if bad else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="pipeline", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p = sub.add_parser("parse", help="parse one release and print its JSON")
    p.add_argument("file")
    p.add_argument("-o", "--output")
    p.set_defaults(func=cmd_parse)
    b = sub.add_parser("batch", help="parse many releases into a directory")
    b.add_argument("inputs", nargs="+")
    b.add_argument("-o", "--output", required=True)
    b.add_argument("--jobs", type=int, default=0)
    b.set_defaults(func=cmd_batch)
    v = sub.add_parser("validate", help="validate JSON documents against the schema")
    v.add_argument("paths", nargs="+")
    v.set_defaults(func=cmd_validate)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
