"""`make bench`: how fast the pipeline runs, in one process.

Prints ms per document for the seed text (many repetitions, the median) and documents per
second over the korea.kr bodies of ../shared/corpus/korea-kr/ (skipped when it is absent).
Measured here and never in tests: timings on a shared machine are not pass/fail facts.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "apec-2004-sme-forum.txt"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval import DEFAULT_SHARED, korea_cases  # noqa: E402  (the same body cut as make eval)
from pipeline import parse_bytes  # noqa: E402
from pipeline.lexicon import load_lexicon  # noqa: E402


def time_seed(repetitions: int) -> tuple[float, float, float]:
    """(median, fastest, slowest) milliseconds to parse the seed text."""
    data = SEED.read_bytes()
    samples = []
    for _ in range(repetitions):
        started = time.perf_counter()
        parse_bytes(data, SEED.name)
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples), min(samples), max(samples)


def time_corpus(folder: Path) -> tuple[int, float]:
    """(documents, seconds) to parse every korea.kr body once."""
    cases = list(korea_cases(folder))
    started = time.perf_counter()
    for case in cases:
        parse_bytes(case.data, case.name)
    return len(cases), time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repetitions", type=int, default=200)
    parser.add_argument("--shared", default=str(DEFAULT_SHARED))
    args = parser.parse_args(argv)
    load_lexicon()  # built once per process; keep it out of the first timing
    median, fastest, slowest = time_seed(args.repetitions)
    rows = [("seed text, ms/doc (median)", f"{median:.2f}"),
            ("seed text, ms/doc (min / max)", f"{fastest:.2f} / {slowest:.2f}"),
            ("seed repetitions", str(args.repetitions))]
    folder = Path(args.shared) / "corpus" / "korea-kr"
    if folder.is_dir():
        count, seconds = time_corpus(folder)
        rows += [("korea.kr bodies", str(count)), ("korea.kr docs/s", f"{count / seconds:.1f}"),
                 ("korea.kr ms/doc (mean)", f"{1000 * seconds / count:.2f}")]
    else:
        rows.append(("korea.kr bodies", f"skipped: {folder} is absent"))
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label.ljust(width)}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
