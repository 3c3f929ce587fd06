"""Rewrite tests/expected/<case>.json for every sample. Review `git diff` before committing."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import pipeline  # noqa: E402
from pipeline.corpusfile import bookkeeping_reason  # noqa: E402


def main() -> int:
    os.chdir(ROOT)
    out = ROOT / "tests" / "expected"
    out.mkdir(parents=True, exist_ok=True)
    for sample in sorted((ROOT / "samples").iterdir()):
        if sample.is_file() and not sample.name.startswith(".") and not bookkeeping_reason(sample.read_bytes()):
            record = pipeline.parse_file(Path("samples") / sample.name)
            target = out / f"{sample.name}.json"
            target.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
            print(f"wrote {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
