"""`make bench`: how fast the pipeline runs, in one process.

Prints ms per document for the seed text (many repetitions, the median), documents per
second over the korea.kr bodies of ../shared/corpus/korea-kr/, and for the HWPX and HWP 5
attachments of ../shared/corpus/govpress/ the per-file median and p95 of the reader alone and
of the whole pipeline (best of a few runs per file, wall and CPU time), and the time and peak
memory of the largest one read in a fresh process (skipped when ../shared is absent).
Measured here and never in tests: timings on a shared machine are not pass/fail facts.
"""
from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "samples" / "apec-2004-sme-forum.txt"
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from eval import DEFAULT_SHARED, korea_cases  # noqa: E402  (the same body cut as make eval)
from pipeline import parse_bytes  # noqa: E402
from pipeline.lexicon import load_lexicon  # noqa: E402
from pipeline.readers.hwp import read_hwp  # noqa: E402
from pipeline.readers.hwpx import read_hwpx  # noqa: E402

NATIVE_RUNS = 3              # best of: the machine is shared, the minimum is the least noisy
# Run in a fresh interpreter: read one file, report wall and CPU ms and the peak RSS in MB.
PEAK_SCRIPT = """
import resource, sys, time
sys.path.insert(0, {root!r})
from pipeline import parse_bytes
from pipeline.readers.hwpx import read_hwpx
data = open({path!r}, 'rb').read()
wall, cpu = time.perf_counter(), time.process_time()
{call}
print(round((time.perf_counter() - wall) * 1000), round((time.process_time() - cpu) * 1000),
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


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


def percentile(values: list[float], share: float) -> float:
    """Nearest-rank percentile: the value below which `share` of the values fall."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered) + 0.5) - 1))]


def best_ms(call) -> tuple[float, float]:
    """(wall, cpu) milliseconds of the fastest of NATIVE_RUNS calls."""
    runs = []
    for _ in range(NATIVE_RUNS):
        wall, cpu = time.perf_counter(), time.process_time()
        call()
        runs.append(((time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000))
    return min(runs)


def largest_section(path: Path) -> int:
    """Inflated bytes of an HWPX file's largest section part, from its zip directory."""
    with zipfile.ZipFile(path) as z:
        return max((i.file_size for i in z.infolist() if i.filename.startswith("Contents/section")), default=0)


def time_native(folder: Path) -> list[tuple[str, str]]:
    """Per-format median and p95 over the govpress attachments, reader alone and whole pipeline."""
    rows: list[tuple[str, str]] = []
    files = sorted(p for p in folder.iterdir() if p.suffix.lower() in (".hwp", ".hwpx"))
    kinds: dict[str, list[tuple[Path, bytes]]] = {"hwpx": [], "hwp": []}
    for path in files:
        data = path.read_bytes()
        kinds["hwpx" if data.startswith(b"PK") else "hwp"].append((path, data))
    for kind, items in kinds.items():
        if not items:
            continue
        read = read_hwpx if kind == "hwpx" else read_hwp
        reader = [best_ms(lambda d=data, p=path: read(d, p.name)) for path, data in items]
        whole = [best_ms(lambda d=data, p=path: parse_bytes(d, p.name)) for path, data in items]
        for label, values in (("reader", reader), ("pipeline", whole)):
            wall, cpu = [v[0] for v in values], [v[1] for v in values]
            rows.append((f"{kind} {label}, ms/file median / p95 (wall)",
                         f"{statistics.median(wall):.1f} / {percentile(wall, 0.95):.1f}  ({len(items)} files)"))
            rows.append((f"{kind} {label}, ms/file median / p95 (cpu)",
                         f"{statistics.median(cpu):.1f} / {percentile(cpu, 0.95):.1f}"))
    largest = max((p for p, _ in kinds["hwpx"]), key=largest_section, default=None)
    if largest is None:
        return rows
    for label, call in (("reader", "read_hwpx(data, 'x')"), ("pipeline", "parse_bytes(data, 'x')")):
        script = PEAK_SCRIPT.format(root=str(ROOT), path=str(largest), call=call)
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
        wall, cpu, rss = out.stdout.split()
        rows.append((f"largest ({largest.name}) {label}", f"{wall} ms wall, {cpu} ms cpu, peak RSS {rss} MB"))
    return rows


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
    govpress = Path(args.shared) / "corpus" / "govpress"
    if govpress.is_dir():
        rows += time_native(govpress)
    else:
        rows.append(("govpress HWPX/HWP", f"skipped: {govpress} is absent"))
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label.ljust(width)}  {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
