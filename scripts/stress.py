"""`make stress`: CPU time and peak memory of the pathological inputs of issue 16.

Each case is written to a temporary file and parsed in a child process of its own (so its
peak RSS is its own), as `parse_file` + serialization does it; with --batch it goes through
`python -m pipeline batch` instead, whose worker ceilings (--timeout, --memory) turn a runaway
input into `too_costly`. Prints one table; writes it as JSON to output/bench/stress.json.

    python scripts/stress.py [--batch] [--only NAME ...]
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUDGET_CPU = 30.0           # seconds: what the acceptance allows one input
BUDGET_MB = 1024
SHORT_LINES_CPU = 5.0       # 400,000 short lines
SHORT_LINES_MB = 300
WALL_GUARD = 300            # seconds before a child is given up on


def html(body: str) -> bytes:
    return f"<html><head><meta charset='utf-8'></head><body>{body}</body></html>".encode("utf-8")


CASES = {
    "2 MB of 'a\\n'": lambda: b"a\n" * 1_000_000,
    "1.2 MB of '\uac00\\n'": lambda: "가\n".encode() * 300_000,
    "unclosed front matter, 500k lines": lambda: b"---\n" + b"key: value\n" * 500_000,
    "14 MB line of digits": lambda: b"1234567 " * 1_750_000 + b"\n",
    "one tag with 100k attributes": lambda: html("<p " + " ".join(f"a{i}='x'" for i in range(100_000)) + ">본문</p>"),
    "250 nested <dl> over 100k <dt>": lambda: html("<dl>" * 250 + "<dt>항목</dt>" * 100_000 + "</dl>" * 250),
    "250 nested <h1> over 100k words": lambda: html("<h1>" * 250 + "본문 " * 100_000 + "</h1>" * 250),
    "100k-row table": lambda: html("<table>" + "<tr><td>구분</td><td>내용 1</td></tr>" * 100_000 + "</table>"),
    "400,000 short lines": lambda: "□ 포럼 개최 안내\n".encode() * 400_000,
    # the default --max-bytes, filled
    "20 MB of 'a\\n'": lambda: b"a\n" * 10_000_000,
    "20 MB of '\uac00\\n'": lambda: "가\n".encode() * 5_000_000,
    "20 MB line of digits": lambda: b"1234567 " * 2_500_000 + b"\n",
}

CHILD = r"""
import json, resource, subprocess, sys, tempfile
from pathlib import Path
path, batch = sys.argv[1], sys.argv[2] == "batch"
if batch:
    with tempfile.TemporaryDirectory() as out:
        subprocess.run([sys.executable, "-m", "pipeline", "batch", path, "-o", out, "--jobs", "1", "--no-progress",
                        "--keep-non-releases"], capture_output=True)
        index = [json.loads(line) for line in (Path(out) / "index.jsonl").read_text().splitlines()]
        outcome = (index[0].get("code") or index[0]["status"]) if index else "no index"
        size = sum(p.stat().st_size for p in Path(out).glob("*.json"))
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
else:
    from pipeline import parse_file, PipelineError
    from pipeline.batch import dump_bytes
    try:
        size, outcome = len(dump_bytes(parse_file(path))), "ok"
    except PipelineError as exc:
        size, outcome = 0, exc.code
    usage = resource.getrusage(resource.RUSAGE_SELF)
print(json.dumps({"outcome": outcome, "json_bytes": size, "cpu_s": round(usage.ru_utime + usage.ru_stime, 2),
                  "peak_mb": round(usage.ru_maxrss / 1024)}))
"""


def measure(path: Path, batch: bool) -> dict:
    """One child process per case, which reports its own (or its batch tree's) CPU and peak RSS."""
    try:
        proc = subprocess.run([sys.executable, "-c", CHILD, str(path), "batch" if batch else "parse"], cwd=ROOT,
                              capture_output=True, timeout=WALL_GUARD)
    except subprocess.TimeoutExpired:
        return {"outcome": f"over {WALL_GUARD} s wall", "json_bytes": 0, "cpu_s": float("nan"), "peak_mb": 0}
    if proc.returncode != 0:
        usage = resource.getrusage(resource.RUSAGE_CHILDREN)
        return {"outcome": f"died ({proc.returncode})", "json_bytes": 0, "cpu_s": float("nan"),
                "peak_mb": round(usage.ru_maxrss / 1024)}
    return json.loads(proc.stdout)


# --- batch memory as the corpus grows --------------------------------------------------------------

CORPUS = ROOT.parent / "shared" / "corpus" / "korea-kr"
SAMPLE_EVERY = 0.05


def tree_rss_mb(root: int) -> float:
    """Resident memory of `root` and every process below it, summed (Linux /proc)."""
    parents: dict[int, int] = {}
    rss: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text()
            status = (entry / "status").read_text()
        except OSError:
            continue
        parents[int(entry.name)] = int(fields[fields.rfind(")") + 2:].split()[1])
        rss[int(entry.name)] = next((int(line.split()[1]) for line in status.splitlines()
                                     if line.startswith("VmRSS:")), 0)
    tree, frontier = {root}, [root]
    while frontier:
        pid = frontier.pop()
        kids = [p for p, pp in parents.items() if pp == pid and p not in tree]
        tree.update(kids)
        frontier.extend(kids)
    return sum(rss.get(p, 0) for p in tree) / 1024


def batch_rss(count: int, jobs: int = 2) -> dict:
    """Peak RSS of `batch --jobs 2` over `count` korea.kr records (the corpus replicated)."""
    records = sorted(CORPUS.glob("*.md"))
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in"
        for i in range(count):
            record = records[i % len(records)]
            folder = src / f"{i // 1000:03}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"{i:06}-{record.name}").write_bytes(record.read_bytes() + f"\n<!-- {i} -->\n".encode())
        started = time.monotonic()
        proc = subprocess.Popen([sys.executable, "-m", "pipeline", "batch", str(src), "-o", str(Path(tmp) / "out"),
                                 "--jobs", str(jobs), "--no-progress"], cwd=ROOT, stderr=subprocess.PIPE)
        peak = 0.0
        while proc.poll() is None:
            peak = max(peak, tree_rss_mb(proc.pid))
            time.sleep(SAMPLE_EVERY)
        err = proc.stderr.read().decode()
        return {"inputs": count, "peak_tree_rss_mb": round(peak, 1), "wall_s": round(time.monotonic() - started, 1),
                "summary": err.strip().splitlines()[-1] if err.strip() else ""}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--batch", action="store_true", help="through `batch --jobs 1` with its ceilings")
    parser.add_argument("--only", action="append", help="cases whose name contains this")
    parser.add_argument("--rss", type=int, nargs="+", metavar="N",
                        help="instead: peak RSS of `batch --jobs 2` over N replicated korea.kr records")
    args = parser.parse_args()
    if args.rss:
        if not CORPUS.is_dir():
            print(f"skipped: {CORPUS} is absent")
            return 0
        rows = [batch_rss(n) for n in args.rss]
        for row in rows:
            print(f"{row['inputs']:>7} inputs  peak tree RSS {row['peak_tree_rss_mb']:>7.1f} MB  "
                  f"{row['wall_s']:>6.1f} s wall  {row['summary']}", flush=True)
        return 0
    rows = []
    print(f"{'case':36} {'input':>9} {'outcome':>20} {'CPU s':>7} {'peak MB':>8} {'JSON MB':>8}  budget")
    with tempfile.TemporaryDirectory() as tmp:
        for name, make in CASES.items():
            if args.only and not any(o in name for o in args.only):
                continue
            path = Path(tmp) / "input"
            path.write_bytes(make())
            size = path.stat().st_size
            result = measure(path, args.batch)
            cpu_budget, mb_budget = ((SHORT_LINES_CPU, SHORT_LINES_MB) if name.startswith("400,000")
                                     else (BUDGET_CPU, BUDGET_MB))
            within = result["cpu_s"] <= cpu_budget and result["peak_mb"] <= mb_budget
            rows.append({"case": name, "input_bytes": size, **result, "within_budget": within})
            print(f"{name:36} {size / 1e6:>7.1f}MB {result['outcome']:>20} {result['cpu_s']:>7.1f} "
                  f"{result['peak_mb']:>8} {result['json_bytes'] / 1e6:>8.1f}  "
                  f"{'ok' if within else 'OVER'} (≤{cpu_budget:g} s, ≤{mb_budget} MB)", flush=True)
    out = ROOT / "output" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    (out / ("stress-batch.json" if args.batch else "stress.json")).write_text(json.dumps(rows, indent=2))
    return 0 if all(r["within_budget"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
