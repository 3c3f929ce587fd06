"""`make fingerprint`: one line per input with a hash of its serialized record, to prove that a
change meant to be fast left every output byte-identical.

Inputs: the bundled samples, every file under ../shared/corpus (whatever folders appear there)
and, for each korea.kr record, also its body alone (what `make eval` parses). Bookkeeping files
(MANIFEST.tsv …) are skipped as the batch skips them; a file the pipeline refuses records its
error code instead of a hash.

    python scripts/fingerprint.py > /tmp/before.tsv
    … change …
    python scripts/fingerprint.py --compare /tmp/before.tsv    # lists what differs, exit 1 if any
"""
from __future__ import annotations

import argparse
import hashlib
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402
from pipeline.corpusfile import bookkeeping_reason  # noqa: E402
from pipeline.serialize import dump  # noqa: E402

sys.path.insert(0, str(ROOT / "scripts"))
from eval import split_record  # noqa: E402


def inputs(shared: Path) -> Iterator[tuple[str, bytes]]:
    """(name, bytes) of every input, in a stable order."""
    roots = [ROOT / "samples"] + ([shared / "corpus"] if (shared / "corpus").is_dir() else [])
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.name.startswith(".")):
            data = path.read_bytes()
            if bookkeeping_reason(data):
                continue
            name = str(path.relative_to(root.parent))
            yield name, data
            if path.parent.name == "korea-kr" and path.suffix == ".md":
                yield name + "#body", split_record(data.decode("utf-8"))[1].encode("utf-8")


def fingerprint(name: str, data: bytes) -> str:
    try:
        record = pipeline.parse_bytes(data, name.removesuffix("#body"))
    except pipeline.PipelineError as err:
        return f"error:{err.code}"
    return hashlib.sha256(dump(record).encode("utf-8")).hexdigest()[:16]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    ap.add_argument("--compare", type=Path, help="an earlier fingerprint to compare with")
    args = ap.parse_args(argv)
    now = {name: fingerprint(name, data) for name, data in inputs(args.shared)}
    if not args.compare:
        sys.stdout.writelines(f"{name}\t{digest}\n" for name, digest in now.items())
        return 0
    before = dict(line.rstrip("\n").split("\t") for line in args.compare.read_text(encoding="utf-8").splitlines())
    differ = sorted(name for name in before.keys() | now.keys() if before.get(name) != now.get(name))
    for name in differ:
        print(f"{name}\t{before.get(name, '-')} -> {now.get(name, '-')}")
    print(f"{len(now)} inputs, {len(differ)} differ", file=sys.stderr)
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
